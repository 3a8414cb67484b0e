"""How a big plain file is cut for the workers: ranges of one size, as many as a multiple of the
workers where there are that many — a last range a sliver of the others left one worker reading
while the others waited."""

from __future__ import annotations

from pathlib import Path

import pytest

from keyaudit.run.units import MIN_RANGE_BYTES, plan_units
from keyaudit.sources.targets import Discovery

LINE = "2026-11-22 10:00:00 INFO served /health in 2 ms\n"


@pytest.mark.parametrize(("megabytes", "workers", "range_bytes"), [
    (21.2, 2, 64 << 20),  # five ranges of the smallest size and a sliver, before
    (21.2, 4, 64 << 20),
    (10.5, 2, 64 << 20),
    (5.3, 2, 1 << 20),  # ranges no larger than range_bytes: more of them, still a multiple
    (5.3, 3, 1 << 20),
])
def test_ranges_are_even_and_a_multiple_of_the_workers(tmp_path: Path, megabytes: float, workers: int,
                                                       range_bytes: int) -> None:
    path = tmp_path / "served.log"
    path.write_text(LINE * int(megabytes * 1_000_000 / len(LINE)))
    size = path.stat().st_size
    units = plan_units([str(path)], Discovery(), range_bytes=range_bytes, workers=workers)
    ranges = [unit.byte_range for unit in units]
    assert ranges[0] is not None and ranges[0][0] == 0 and ranges[-1][1] == size  # type: ignore[index]
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))  # type: ignore[index]
    lengths = {end - start for start, end in ranges[:-1]}  # type: ignore[misc]
    assert len(lengths) == 1 and 0 <= max(lengths) - (ranges[-1][1] - ranges[-1][0]) < len(ranges)  # type: ignore[index]
    assert len(ranges) % workers == 0 and max(lengths) <= range_bytes


def test_a_file_of_fewer_smallest_ranges_than_workers_is_cut_evenly_all_the_same(tmp_path: Path) -> None:
    path = tmp_path / "served.log"
    path.write_text(LINE * (int(2.5 * MIN_RANGE_BYTES) // len(LINE)))
    ranges = [unit.byte_range for unit in plan_units([str(path)], Discovery(), workers=8)]
    assert len(ranges) == 2 and ranges[0][1] - ranges[0][0] >= MIN_RANGE_BYTES  # type: ignore[index]
