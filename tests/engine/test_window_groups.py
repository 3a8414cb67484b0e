"""Windows that touch or overlap are read as one; so are windows whose anchors' reaches join across
the lines between them (one-line request records among other lines: each window costs its readers a
set-up), but only where every window on both sides joins — a window of dump or command readers never
takes in the lines between — and only where those lines can be read from the stream (none kept)."""

from __future__ import annotations

import io

from keyaudit.engine import create_matcher
from keyaudit.engine.stream import ChunkedPass
from keyaudit.engine.window_groups import Window, merged, touching
from keyaudit.engine.windows import KeepText, Reach, WindowCollector
from keyaudit.rulebook.loader import load_rules

RULES = load_rules()
RECORD = Reach(0, 0, joins=8)  # what a one-line request record gets (the gap kept small for the tests)


def _spans(windows: list[Window]) -> list[tuple[int, int, list[int]]]:
    return [(window.first_line, window.last_line, window.anchored) for window in windows]


def test_windows_that_join_are_one_across_the_gap_their_reach_allows() -> None:
    windows = [Window(0, 10, 10, {10: 0}, 8), Window(0, 19, 19, {19: 0}, 8), Window(0, 40, 40, {40: 0}, 8)]
    assert _spans(merged(windows, None, joining=True)) == [(10, 19, [10, 19]), (40, 40, [40])]  # 20 to 39: past it
    assert _spans(merged(windows, None)) == [(10, 10, [10]), (19, 19, [19]), (40, 40, [40])]


def test_a_group_with_a_window_that_does_not_join_is_read_apart() -> None:
    windows = [Window(0, 10, 10, {10: 0}, 8), Window(0, 14, 30, {16: 2}, 0), Window(0, 31, 31, {31: 0}, 8),
               Window(0, 36, 36, {36: 0}, 8)]
    # 14-30 (a dump's) touches 31: one group, which joins nothing; 10 stays alone, 36 too
    assert _spans(merged(windows, None, joining=True)) == [(10, 10, [10]), (14, 31, [16, 31]), (36, 36, [36])]
    assert touching(windows, joining=True) == [[0], [1, 2], [3]]


def _collected(text: bytes, keep: KeepText | None) -> list[Window]:
    reaches = {b"{": RECORD}
    collector = WindowCollector(request=Reach(2, 3), record=Reach(1, 1), keep_text=keep,
                                reach_of=lambda line, reach: reaches.get(line[:1], reach))
    for _ in ChunkedPass(io.BytesIO(text), create_matcher(RULES, "regex"), windows=collector):
        pass
    return collector.windows()


def test_a_collector_joins_record_windows_of_a_stream_it_can_read_again_not_of_one_whose_lines_it_keeps() -> None:
    record = '{"method": "GET", "url": "https://api.iugu.com/v1/customers", "headers": {}}'
    text = "".join((record if n in (5, 10, 30) else f"line {n} nothing to see") + "\n" for n in range(1, 41)).encode()
    assert _spans(_collected(text, None)) == [(5, 10, [5, 10]), (30, 30, [30])]
    kept = _collected(text, KeepText(1 << 20, 1 << 20, 1 << 20))
    assert _spans(kept) == [(5, 5, [5]), (10, 10, [10]), (30, 30, [30])]
    assert [len(window.lines or ()) for window in kept] == [1, 1, 1]
