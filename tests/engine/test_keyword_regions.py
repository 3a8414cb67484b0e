"""Where an engine looks for a keyword rule's matches: the whole lines within the rule's reach of its keywords."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from keyaudit.engine.matcher import keyword_regions


def _whole_lines(buffer: bytes, anchors: list[int], reach: int) -> list[tuple[int, int]]:
    """The regions by their definition, a byte at a time: anchors closer than twice the reach grouped, each group's
    span widened by the reach and out to its lines' ends, spans that touch merged."""
    groups: list[list[int]] = []
    for anchor in sorted(anchors):
        if groups and anchor - groups[-1][-1] <= 2 * reach:
            groups[-1].append(anchor)
        else:
            groups.append([anchor])
    regions: list[tuple[int, int]] = []
    for group in groups:
        start, stop = max(0, group[0] - reach), min(len(buffer), group[-1] + reach)
        while start > 0 and buffer[start - 1 : start] != b"\n":
            start -= 1
        while stop < len(buffer) and buffer[stop : stop + 1] != b"\n":
            stop += 1
        if regions and start <= regions[-1][1]:
            regions[-1] = (regions[-1][0], max(regions[-1][1], stop))
        else:
            regions.append((start, stop))
    return regions


@given(st.lists(st.sampled_from([b"a", b"\n", b"key"]), max_size=300), st.data(), st.integers(1, 12))
def test_regions_are_the_whole_lines_within_reach_of_the_keywords(pieces: list[bytes], data: st.DataObject,
                                                                  reach: int) -> None:
    buffer = b"".join(pieces) or b"a"
    anchors = data.draw(st.lists(st.integers(0, len(buffer) - 1), min_size=1, max_size=40))
    assert keyword_regions(buffer, anchors, reach) == _whole_lines(buffer, anchors, reach)


def test_a_megabyte_line_with_a_keyword_every_few_kilobytes_is_one_region_from_its_start() -> None:
    """Each group of keywords far apart on one long line has that line's start and end, found from the last region
    on (what the work takes, 2,000 groups on a 10 MB line, is the benchmarks' to measure: run_har.py's tokens)."""
    line = b"".join(b"x" * 5000 + b" token=" for _ in range(200)) + b"x" * 100
    buffer = b"head\n" + line + b"\n" + b"y" * 300 + b"\ntail\n"
    anchors = [5 + index * 5007 + 5000 for index in range(200)]
    assert keyword_regions(buffer, anchors, 64) == _whole_lines(buffer, anchors, 64) == [(5, 5 + len(line))]
