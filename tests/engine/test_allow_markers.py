"""Inline allow markers need a reason: with one they hide the finding on their line (or the next),
without one they hide nothing and are reported themselves (rule keyaudit-allow-without-reason).

The marker that suppresses (engine/detect.py) and the rule that reports a bare one
(rules/keyaudit.yaml) are two patterns; these tests hold them to one meaning: on every line,
a finding is hidden exactly when the marker is not reported.
"""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from helpers.running import scan_json

BARE = "keyaudit-allow-without-reason"

# (what follows the token on its line, or stands on the line before; what it is)
SAME_LINE = [
    ("# keyaudit:allow revoked test token", "reason"),
    ("# keyaudit:allow: sandbox key of the public docs", "reason"),
    ("/* keyaudit:allow 例のキー */", "reason"),
    ("// keyaudit:allow 1", "reason"),
    ("# keyaudit:allow", "bare"),
    ("/* keyaudit:allow */", "bare"),
    ("<!-- keyaudit:allow -->", "bare"),
    ("# keyaudit:allow: -", "bare"),
    ("# keyaudit:allowlist in the configuration", "no marker"),
    ("# keyaudit:allow-later maybe", "no marker"),
]
LINE_BEFORE = [
    ("# keyaudit:allow-next-line documented sample", "reason"),
    ("<!-- keyaudit:allow-next-line quoted from the iugu guide -->", "reason"),
    ("# keyaudit:allow-next-line", "bare"),
    ("<!-- keyaudit:allow-next-line -->", "bare"),
]


@pytest.fixture(autouse=True)
def _neutral_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no configuration or baseline of the repository running the tests


def scan(path: Path, engine: str) -> dict:
    report, _ = scan_json("--no-dedupe", "--engine", engine, str(path))
    assert report["errors"] == []
    return report


@pytest.mark.parametrize("engine", ["auto", "regex"])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_marker_hides_a_finding_only_with_a_reason_and_a_bare_one_is_reported(
        tmp_path: Path, engine: str, newline: str) -> None:
    lines = [f"IUGU_API_TOKEN={iugu_token()}  {marker}" for marker, _ in SAME_LINE]
    for marker, _ in LINE_BEFORE:
        lines += [marker, f"IUGU_API_TOKEN={iugu_token()}"]
    path = tmp_path / "settings.env"
    path.write_bytes(newline.join(lines).encode() + newline.encode())
    report = scan(path, engine)
    kinds = [kind for _, kind in SAME_LINE] + [kind for _, kind in LINE_BEFORE]
    token_lines = list(range(1, len(SAME_LINE) + 1)) + [len(SAME_LINE) + 2 * i + 2 for i in range(len(LINE_BEFORE))]
    marker_lines = list(range(1, len(SAME_LINE) + 1)) + [len(SAME_LINE) + 2 * i + 1 for i in range(len(LINE_BEFORE))]
    tokens = {f["location"]["line"] for f in report["findings"] if f["category"] == "access-token"}
    bare = {f["location"]["line"] for f in report["findings"] if f["rule_id"] == BARE}
    assert tokens == {line for line, kind in zip(token_lines, kinds) if kind != "reason"}
    assert bare == {line for line, kind in zip(marker_lines, kinds) if kind == "bare"}
    assert report["scan"]["suppressed"] == {"inline": kinds.count("reason")}


def test_a_bare_marker_is_a_low_suppression_finding_that_names_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "app.py"
    path.write_text("TIMEOUT = 30\n\nRETRIES = 3  # keyaudit:allow\n")
    finding, = scan(path, "auto")["findings"]
    assert (finding["rule_id"], finding["category"], finding["severity"]) == (BARE, "suppression", "low")
    assert "keyaudit:allow <reason>" in finding["message"]
    assert (finding["location"]["line"], finding["location"]["column"]) == (3, 16)
    assert finding["secret"] is None and finding["context"]["url"] is None


def test_a_marker_on_a_long_line_of_many_tokens_hides_each_of_them(tmp_path: Path) -> None:
    # What a line allows is worked out once for the line, and holds for every match on it.
    tokens = " ".join(f"api_token={iugu_token()}" for _ in range(200))
    path = tmp_path / "fixtures.txt"
    path.write_text(f"{tokens}  # keyaudit:allow fixtures of the test suite\napi_token={iugu_token()}\n")
    report = scan(path, "auto")
    assert [f["location"]["line"] for f in report["findings"]] == [2]
    assert report["scan"]["suppressed"] == {"inline": 200}


@pytest.mark.parametrize("engine", ["auto", "regex"])
def test_a_marker_on_a_long_line_of_many_encoded_tokens_hides_each_of_them(tmp_path: Path, engine: str) -> None:
    # Encoded values are decoded apart from the matches; what their line allows is asked once too.
    encoded = " ".join(base64.b64encode(f"api_token={iugu_token()}".encode()).decode() for _ in range(200))
    path = tmp_path / "fixtures.txt"
    path.write_text(f"{encoded}  # keyaudit:allow fixtures of the test suite\n"
                    f"{base64.b64encode(f'api_token={iugu_token()}'.encode()).decode()}\n")
    report = scan(path, engine)
    assert [f["location"]["line"] for f in report["findings"]] == [2]
    assert report["scan"]["suppressed"] == {"inline": 200}
