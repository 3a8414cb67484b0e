"""A baseline whose entries are of the wrong JSON type: each entry is an object of three strings.
A number, null or list was taken as its ``str()`` (``"None"``, ``"['x']"``), hid nothing, and was
written back so; now reading it is the one-line error of a file that is no baseline, and writing
over it says what it cost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from helpers.running import cli

GOOD = {"rule_id": "iugu-api-token", "path": "other.log", "fingerprint": "0" * 64}
DAMAGED = {
    "a number": ({**GOOD, "rule_id": 7}, "findings[1]: its rule_id is not a string"),
    "null": ({**GOOD, "path": None}, "findings[1]: its path is not a string"),
    "a list": ({**GOOD, "fingerprint": ["x"]}, "findings[1]: its fingerprint is not a string"),
    "missing": ({"rule_id": "r", "path": "p"}, "findings[1]: its fingerprint is missing"),
    "no object": ("iugu-api-token", "findings[1]: it is not an object"),
}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dirty.log").write_text(f"GET /v1/invoices?api_token={iugu_token()}\n")
    return tmp_path


def baseline(folder: Path, bad: object) -> Path:
    path = folder / "baseline.json"
    path.write_text(json.dumps({"version": 1, "tool": "keyaudit", "findings": [GOOD, bad]}))
    return path


@pytest.mark.parametrize("kind", DAMAGED)
def test_a_baseline_entry_of_the_wrong_type_is_a_baseline_error(folder: Path, kind: str) -> None:
    bad, why = DAMAGED[kind]
    baseline(folder, bad)
    run = cli("scan", "--jobs", "1", "--baseline", "baseline.json", "dirty.log")
    assert run.exit_code == 2, run.stderr
    assert run.stderr == f"keyaudit: error: baseline.json: not a keyaudit baseline ({why})\n"


@pytest.mark.parametrize("kind", ["a number", "no object"])
def test_writing_over_a_damaged_baseline_says_it_and_writes_no_wrong_type_back(folder: Path, kind: str) -> None:
    bad, why = DAMAGED[kind]
    path = baseline(folder, bad)
    run = cli("scan", "--jobs", "1", "--write-baseline", "baseline.json", "dirty.log")
    assert run.exit_code == 0, run.stderr  # what it writes accepts every finding
    assert f"keyaudit: baseline.json: not a keyaudit baseline ({why}); written anew, without its entries\n" \
        in run.stderr
    written = json.loads(path.read_text())["findings"]
    assert [entry["path"] for entry in written] == ["dirty.log"]
    assert all(isinstance(value, str) for entry in written for value in entry.values())
