"""A JSON request record a terminal cut into rows at its width (``tmux capture-pane -p`` without ``-J``) is read
whole, at any width a terminal has, by both engines; rows that do not make one record with the row that opens it, a
cut narrower than a terminal's, and whole records of one length are joined to nothing.

Every key is generated here; a failure shows rules and counts, never a value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.credentials import asaas_key, iugu_token
from helpers.engines import BOTH_ENGINES
from helpers.running import request_rules, scan_json

NOISE = [f"2026-11-22T13:00:{n:02d}.000000000Z worker heartbeat ok" for n in range(30)]


def _record(url: str = "https://api.asaas.com/v3/transfers") -> str:
    """A payouts service's JSON line of an Asaas transfer, as kubectl logs --timestamps prints it."""
    record = {"level": "debug", "msg": "provider call", "request": {
        "method": "POST", "url": url, "headers": {"Content-Type": "application/json", "access_token": asaas_key()},
        "body": '{"value":100.5,"pixAddressKey":"payouts@example.com"}'}}
    return "2026-11-22T13:00:30.104012345Z " + json.dumps(record, separators=(",", ":"))


def _rows(line: str, width: int) -> list[str]:
    return [line[start:start + width] for start in range(0, len(line), width)]


def _scan(folder: Path, lines: list[str], engine: str) -> tuple[list[str], dict]:
    path = folder / "pane.txt"
    path.write_text("\n".join(NOISE + lines + NOISE) + "\n")
    report, _ = scan_json("--engine", engine, str(path))
    return request_rules(report), report["scan"]["requests"]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
@pytest.mark.parametrize("width", [80, 120, 160, 211])
def test_a_record_a_terminal_cut_at_its_width_is_read_whole(tmp_path: Path, engine: str, width: int) -> None:
    found, counts = _scan(tmp_path, _rows(_record(), width), engine)
    assert found == ["asaas-unsigned-transfer"] and counts["requests_judged"] == 1, (width, found, counts)


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_rows_that_make_no_record_with_the_row_above_are_joined_to_nothing(tmp_path: Path, engine: str) -> None:
    # a record's first row, then another record's second: the same width, but no JSON object joined
    first, other = _rows(_record(), 120), _rows(_record("https://api.asaas.com/v3/payments"), 120)
    found, counts = _scan(tmp_path, [first[0]] + other[1:], engine)
    assert found == [] and counts.get("requests_judged", 0) == 0, (found, counts)
    # cut narrower than any terminal: a logger's own width, not joined here
    found, counts = _scan(tmp_path, _rows(_record(), 64), engine)
    assert found == [] and counts.get("requests_judged", 0) == 0, (found, counts)


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_whole_records_of_one_length_stay_a_request_each(tmp_path: Path, engine: str) -> None:
    line = _record()
    found, counts = _scan(tmp_path, [line, line.replace("13:00:30.1", "13:00:31.1")], engine)
    assert found == ["asaas-unsigned-transfer"] * 2 and counts["requests_judged"] == 2, (found, counts)


def _iugu_transfer(pad: int, message: str = "provider call") -> str:
    """A payouts service's JSON line of an unsigned iugu transfer, its trace ``pad`` characters long (so that a
    terminal's cut falls at every place of the record in turn)."""
    record = {"level": "debug", "msg": message, "trace": "a" * pad, "request": {
        "method": "POST", "url": "https://api.iugu.com/v1/transfer_requests",
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps({"api_token": iugu_token(), "amount": 100, "note": message}, ensure_ascii=False)}}
    return "2026-11-22T13:00:30.104012345Z " + json.dumps(record, ensure_ascii=False, separators=(",", ":"))


@pytest.mark.parametrize("engine", BOTH_ENGINES)
@pytest.mark.parametrize("width", [80, 120, 132, 200])
def test_a_cut_anywhere_in_the_record_is_joined(tmp_path: Path, engine: str, width: int) -> None:
    # one record for every place the cut can fall: a first row may end on a field's closing brace
    # (`"headers":{…}` then `,"body"` on the next row), an escape's backslash, inside a header's name
    lines = [row for pad in range(width) for row in _rows(_iugu_transfer(pad), width)]
    found, counts = _scan(tmp_path, lines, engine)
    assert found == ["iugu-unsigned-transfer"] * width and counts["requests_judged"] == width, (width, counts)


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_rows_fold_cut_at_a_count_of_bytes_are_joined(tmp_path: Path, engine: str) -> None:
    # `fold -w 120` counts bytes: a row holding a character of two (`ç`, `ã`) is a character short of the others,
    # and a character may be cut in two between rows
    width = 120
    data = b"\n".join(
        b"\n".join(line[start:start + width] for start in range(0, len(line), width))
        for line in (_iugu_transfer(pad, "transferência ao João").encode() for pad in range(40)))
    path = tmp_path / "pane.txt"
    path.write_bytes(data + b"\n")
    report, _ = scan_json("--engine", engine, str(path))
    assert request_rules(report) == ["iugu-unsigned-transfer"] * 40, report["scan"]["requests"]
    # each token found once (under `api_token`, or its name's other rule where a row cut the name)
    assert sum(f["category"] == "access-token" for f in report["findings"]) == 40
