"""Lines longer than a chunk or a byte range: read once, placed exactly, and never held whole.

A big plain file is cut into byte ranges, each range owning the lines that start in it. A line
longer than a range used to be skipped with one unbounded ``readline`` (the whole rest of the line
in memory: 200 MB of RSS for a 200 MB line) and a range that no line starts in read the next
range's first line as its own (its findings twice, on wrong lines).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.credentials import asaas_key
from helpers.places import expected_spans
from helpers.running import peak_rss_of_scan, run_scan

resource = pytest.importorskip("resource")  # peak RSS of a child process: POSIX only


def spans(result) -> list[tuple[int, int, int, int]]:
    return sorted((f.location.line, f.location.column, f.location.end_line, f.location.end_column)
                  for f in result.findings)


def test_a_line_longer_than_a_range_is_read_once_by_the_range_it_starts_in(tmp_path: Path) -> None:
    keys = [asaas_key() for _ in range(3)]
    data = ("x" * 5000 + "\n" + f"ASAAS_API_KEY={keys[0]}\n" + "é" * 3000 + f" {keys[1]}\n"
            + f"ASAAS_API_KEY={keys[2]}\n").encode()
    path = tmp_path / "long.log"
    path.write_bytes(data)
    whole = run_scan(str(path), jobs=1)
    assert spans(whole) == expected_spans(data, keys)
    for range_bytes in (7, 100, 1000, 4999, 5001):  # ranges inside, at and across the long lines
        ranged = run_scan(str(path), jobs=1, range_bytes=range_bytes)
        assert spans(ranged) == spans(whole), range_bytes
        assert ranged.files_scanned == 1 and ranged.bytes_scanned == len(data)


def test_peak_memory_does_not_grow_with_line_length(tmp_path: Path) -> None:
    """One line of 4 MB and one of 64 MB (cut into four ranges), a key in the middle of each:
    the same peak RSS within a few MB, and the key at its exact column."""
    peaks = []
    for size in (4, 64):
        key = asaas_key()
        half = b"q" * (size << 19)
        data = b"start " + half + f" ASAAS_API_KEY={key} ".encode() + half + b"\n"
        path = tmp_path / f"line-{size}.log"
        path.write_bytes(data)
        peak, report = peak_rss_of_scan(path)
        found = [(f["location"]["line"], f["location"]["column"], f["location"]["end_line"],
                  f["location"]["end_column"]) for f in report["findings"]]
        assert found == expected_spans(data, [key])
        peaks.append(peak)
        path.unlink()
    assert peaks[1] - peaks[0] < 16 << 20, f"peak RSS {peaks[0] >> 20} MB for 4 MB, {peaks[1] >> 20} MB for 64 MB"
