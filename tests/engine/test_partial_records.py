"""Partial records: a key a container runtime cut across two records of one line (CRI's ``P``
then ``F``; a Docker json-file record whose ``log`` lacks the line's ``\\n``) is found by both
engines, from its first piece to its last; records that each end their line are never joined.

Every key is generated here; a failure shows rule, place and layers, never a value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.credentials import asaas_key, iugu_token
from helpers.engines import BOTH_ENGINES
from helpers.running import run_scan
from keyaudit.engine.partial_records import joined

KEY = asaas_key()
TOKEN = iugu_token()
TIME = "2026-12-01T03:14:07.512301877Z"


def cri(stream: str, tag: str, text: str) -> str:
    return f"{TIME} {stream} {tag} {text}"


def docker(log: str, stream: str = "stdout") -> str:
    return json.dumps({"log": log, "stream": stream, "time": TIME}, separators=(",", ":"))


def scanned(tmp_path: Path, lines: list[str], engine: str) -> list[tuple[str, int, int, int, int, str | None]]:
    path = tmp_path / "0.log"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_scan(str(path), engine=engine)
    assert result.errors == []
    return [(f.rule_id, f.location.line, f.location.column, f.location.end_line, f.location.end_column,
             f.context.get("decoded")) for f in result.findings]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_key_cut_across_cri_records_is_found_from_its_first_piece_to_its_last(tmp_path: Path, engine: str) -> None:
    first = cri("stdout", "P", f'{{"msg":"asaas call","access_token":"{KEY[:70]}')
    middle = cri("stdout", "P", KEY[70:120])
    last = cri("stdout", "F", f'{KEY[120:]}","status":401}}')
    found = scanned(tmp_path, [cri("stdout", "F", "starting"), first, middle, last], engine)
    assert found == [("asaas-api-key", 2, first.index("$aact") + 1, 4, last.index('"') + 1, "partial")]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_token_cut_across_json_file_records_is_found_through_their_escapes(tmp_path: Path, engine: str) -> None:
    first = docker(f'POST https://api.iugu.com/v1/charge body={{"api_token":"{TOKEN[:10]}')
    last = docker(f'{TOKEN[10:]}","months":1}}\n')
    found = scanned(tmp_path, [docker("starting\n"), first, last], engine)
    start = first.index(TOKEN[:10]) + 1
    assert found == [("iugu-api-token", 2, start, 3, last.index(TOKEN[10:]) + len(TOKEN) - 10 + 1, "partial+json")]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_records_that_end_their_lines_are_not_joined(tmp_path: Path, engine: str) -> None:
    """Two halves of a key in records that are each whole (an F record, a log ending in ``\\n``)
    are two lines a program wrote: no record is joined to the next. Written as CRI lines, the first
    line's text ends in the key's first half and the next, under the same prefix, goes on with the
    rest: a line a logger cut at a width (:mod:`keyaudit.engine.wrapped_lines`), found so, not as a
    partial record; in json-file records the half is no line's end, and nothing is found."""
    lines = [cri("stdout", "F", f"access_token={KEY[:80]}"), cri("stdout", "F", KEY[80:]),
             docker(f"access_token={KEY[:80]}\n"), docker(f"{KEY[80:]}\n")]
    start = lines[0].index("$aact") + 1
    assert scanned(tmp_path, lines, engine) == [("asaas-api-key", 1, start, 2, len(lines[1]) + 1, "wrapped line")]


def test_joining_keeps_where_every_byte_came_from() -> None:
    data = (cri("stderr", "P", "api_token=ab") + "\r\n" + cri("stderr", "F", "cd end") + "\n").encode()
    text, origin = joined(data)
    assert text == b"api_token=abcd end\n"
    assert bytes(data[origin[index]] for index in range(len(text))) == text
    assert joined(text) is None and joined(cri("stdout", "F", "whole").encode()) is None
