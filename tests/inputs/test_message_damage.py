"""Hostile e-mail costs at most that message's unreadable piece: a header, a part too deep, never
the message's other keys, never a key printed in full."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.credentials import asaas_key
from helpers.running import scan_json


@pytest.fixture(autouse=True)
def _neutral_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def good_file(tmp_path: Path) -> str:
    """A log with a key beside the hostile input: the scan must go on to it."""
    key = asaas_key()
    (tmp_path / "good.log").write_text(f"api access_token={key}\n")
    return key


def secrets_found(report: dict) -> dict[str, set[str]]:
    """The values found, by file name (the scan ran with --show-secrets)."""
    values: dict[str, set[str]] = {}
    for finding in report["findings"]:
        if finding["secret"] is not None:
            values.setdefault(Path(finding["location"]["path"]).name, set()).add(finding["secret"]["value"])
    return values


def test_an_encoded_word_whose_charset_is_not_ascii_leaves_the_header_as_written(tmp_path: Path) -> None:
    beside, key = good_file(tmp_path), asaas_key()
    (tmp_path / "t.eml").write_bytes(b"From: a@b.com\nTo: c@d.com\nSubject: =?utf-\xe9?Q?hi?=\nMessage-ID: <1@x>\n\n"
                                     + f"my key access_token={key}\n".encode())
    report, run = scan_json("--show-secrets", str(tmp_path))
    assert secrets_found(report) == {"good.log": {beside}, "t.eml": {key}}
    assert [(Path(error["path"]).name, error["message"]) for error in report["errors"]] == \
        [("t.eml", "message <1@x>: header 'Subject': encoded words that do not decode; read as written")]
    assert "internal error" not in run.stderr
