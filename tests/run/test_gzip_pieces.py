"""One big multi-member gzip file over several processes: pieces cut where members start give
exactly the report of one unit — lines, columns, counts — locally and on Dask; a misjudged cut or
damage sends the file back to be read whole, so the report never depends on the plan."""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

import pytest

import keyaudit.run.executors.forked
from helpers.credentials import IUGU_LEAD, IUGU_TAIL, iugu_line, iugu_token
from helpers.packing import gzip_members
from helpers.places import expected_spans
from helpers.running import run_scan
from keyaudit.model.result import ScanResult
from keyaudit.run.units import plan_units
from keyaudit.sources.targets import Discovery

RANGE = 20_000  # compressed bytes a piece is planned at, so a test file of ~100 KB is cut


@pytest.fixture(autouse=True)
def _real_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyaudit.run.executors.forked, "SERIAL_BELOW_BYTES", 0)  # processes, even for 1 MB


def spans(result: ScanResult) -> list[tuple[int, int, int, int]]:
    return sorted((f.location.line, f.location.column, f.location.end_line, f.location.end_column)
                  for f in result.findings)


def log_text() -> tuple[bytes, list[str]]:
    """A log with keys spread through it, one split across two members (cut inside the token),
    and stretches with no newline that span members."""
    tokens, out = [], bytearray()
    for index in range(12):
        out += b"".join(b"2026-11-30 05:%02d:00 INFO worker %d done \xe6\x97\xa5\n" % (i % 60, i)
                        for i in range(index * 700, index * 700 + 2500))
        token = iugu_token()
        tokens.append(token)
        out += ("\t" + iugu_line(token) + "\n").encode()
        if index % 4 == 3:
            out += b"x" * 90_000 + b"\n"  # a long line, likely to cross a member end
    return bytes(out), tokens


def members_cutting_a_token(text: bytes, token: str, count: int) -> bytes:
    """``text`` in about ``count`` members, one of them ending in the middle of ``token``."""
    middle = text.index(token.encode()) + 11
    return gzip_members(text[:middle], count // 2) + gzip_members(text[middle:], count - count // 2)


def planned(path: Path, workers: int = 2) -> list[tuple[int, int] | None]:
    return [unit.byte_range for unit in plan_units([str(path)], Discovery(), RANGE, workers=workers)
            if unit.members or unit.byte_range is None]


@pytest.mark.parametrize("spread", [{"jobs": 2}, {"scheduler": "local:2"}], ids=["processes", "dask"])
def test_pieces_give_the_report_of_one_unit(tmp_path: Path, spread: dict) -> None:
    text, tokens = log_text()
    path = tmp_path / "access.log.1.gz"
    path.write_bytes(members_cutting_a_token(text, tokens[5], 60))
    pieces = planned(path)
    assert len(pieces) > 3 and None not in pieces  # really cut, at member starts only
    result = run_scan(str(path), range_bytes=RANGE, **spread)
    assert result.errors == []
    assert spans(result) == expected_spans(text, tokens)
    assert (result.files_scanned, result.bytes_scanned) == (1, len(text))


def test_one_process_reads_a_multi_member_file_whole(tmp_path: Path) -> None:
    text, tokens = log_text()
    path = tmp_path / "access.log.1.gz"
    path.write_bytes(gzip_members(text, 60))
    assert len(planned(path)) > 3
    one = [unit.byte_range for unit in plan_units([str(path)], Discovery(), RANGE, cut_gzip=False)]
    assert one == [None]
    result = run_scan(str(path), range_bytes=RANGE, jobs=1)
    assert spans(result) == expected_spans(text, tokens)
    assert (result.files_scanned, result.bytes_scanned) == (1, len(text))


def test_a_single_member_file_stays_one_unit(tmp_path: Path) -> None:
    text, tokens = log_text()
    path = tmp_path / "access.log.1.gz"
    path.write_bytes(gzip.compress(text))
    assert planned(path) == [None]
    assert spans(run_scan(str(path), range_bytes=RANGE, jobs=2)) == expected_spans(text, tokens)


def test_a_misjudged_cut_reads_the_file_whole(tmp_path: Path) -> None:
    """A gzip file kept uncompressed inside a member looks like a member start: the plan cuts
    there, the piece before cannot end there, and the file is read again as one unit."""
    text, tokens = log_text()
    inner = gzip.compress(b"2026-11-30 inner archive line\n" * 3000)
    stored = zlib.compressobj(0, zlib.DEFLATED, 31)  # deflate's stored blocks: the bytes as they are
    head = text[: len(text) // 2]
    first = stored.compress(head + b"blob: " + inner + b"\n") + stored.flush()
    path = tmp_path / "joined.log.gz"
    path.write_bytes(first + gzip_members(text[len(text) // 2 :], 20))
    fake = first.index(inner)
    cut_at = fake // 3  # the third planned cut lands just before the stored gzip header
    pieces = plan_units([str(path)], Discovery(), range_bytes=cut_at, workers=2)
    assert [unit.byte_range[0] for unit in pieces if unit.byte_range][:2] == [0, fake]
    result = run_scan(str(path), range_bytes=cut_at, jobs=2)
    whole = run_scan(str(path), range_bytes=10**9, jobs=1)
    assert result.errors == [] and spans(result) == spans(whole)
    assert len(result.findings) == len(tokens)
    assert (result.files_scanned, result.bytes_scanned) == (whole.files_scanned, whole.bytes_scanned)


def test_a_damaged_piece_reports_the_damage_once_as_a_whole_file_would(tmp_path: Path) -> None:
    text, tokens = log_text()
    packed = gzip_members(text, 40)
    path = tmp_path / "cut.log.gz"
    path.write_bytes(packed[: len(packed) * 3 // 4])
    assert len(planned(path)) > 2
    result = run_scan(str(path), range_bytes=RANGE, jobs=2)
    whole = run_scan(str(path), range_bytes=10**9, jobs=1)
    assert [(e.path, e.message) for e in result.errors] == [(e.path, e.message) for e in whole.errors]
    assert len(result.errors) == 1 and "scanned up to the damage" in result.errors[0].message
    assert spans(result) == spans(whole) and 0 < len(result.findings) < len(tokens)


def test_a_token_split_by_a_member_end_is_found_whole(tmp_path: Path) -> None:
    token = iugu_token()
    filler = b"".join(b"2026-11-30 05:00:00 GET /health 200 %d\n" % i for i in range(30_000))
    part1 = filler + b"\xe6\x97\xa5 " + IUGU_LEAD.encode() + token[:9].encode()
    part2 = token[9:].encode() + IUGU_TAIL.encode() + b"\n" + filler
    path = tmp_path / "split.log.gz"
    path.write_bytes(gzip_members(part1, 7) + gzip_members(part2, 7))
    assert len(planned(path)) > 2
    result = run_scan(str(path), range_bytes=RANGE, jobs=2)
    assert spans(result) == expected_spans(part1 + part2, [token])
