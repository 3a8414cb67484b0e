"""Windows of lines worth reading as requests, as the engine's pass notes them: around anchors the
rules declare (request and record anchors) and around credentials, merged, with exact line numbers
and byte offsets — the same from both engines."""

from __future__ import annotations

import io
import tracemalloc
from typing import Callable

import pytest

from helpers.data import CORPUS
from helpers.engines import needs_hyperscan
from keyaudit.engine import create_matcher
from keyaudit.engine.stream import CHUNK_BYTES, ChunkedPass
from keyaudit.engine.window_groups import Window

from keyaudit.engine.windows import HAND_OVER_ANCHORS, KeepText, Reach, WindowCollector
from keyaudit.rulebook.loader import load_rules

RULES = load_rules()


def windows_of(text: bytes, engine: str = "regex", reach_of: Callable[[bytes, Reach], Reach] | None = None
               ) -> list[Window]:
    collector = WindowCollector(request=Reach(2, 3), record=Reach(1, 1), reach_of=reach_of)
    chunks = ChunkedPass(io.BytesIO(text), create_matcher(RULES, engine), windows=collector)
    for _ in chunks:
        pass
    return collector.windows()


def numbered(count: int, special: dict[int, str]) -> bytes:
    return "".join(special.get(n, f"line {n} nothing to see") + "\n" for n in range(1, count + 1)).encode()


def test_a_record_anchor_marks_its_own_lines_and_a_request_anchor_a_whole_request() -> None:
    text = numbered(40, {10: '{"url": "https://api.iugu.com/v1/customers"}',
                         30: "POST /v1/transfer_requests HTTP/1.1"})
    found = windows_of(text)
    assert [(w.first_line, w.last_line, w.anchored) for w in found] == [(9, 11, [10]), (28, 33, [30])]
    for window in found:  # each window starts at its first line's first byte
        assert text[window.offset:].startswith(f"line {window.first_line} ".encode())


def test_a_request_anchor_reaches_as_far_as_its_line_says() -> None:
    """How far a request reaches from its anchor's line is the caller's to say (the engine knows
    no capture format): a line holding a whole request, its record; a first line, only after it;
    any other line, a request's span both ways."""
    text = numbered(80, {10: "WHOLE POST /v1/transfer_requests", 30: "FIRST POST /v1/transfer_requests",
                         50: "POST /v1/transfer_requests HTTP/1.1", 70: 'WHOLE {"url": "https://api.iugu.com/v1"}'})
    reaches = {b"WHOLE": Reach(0, 0), b"FIRST": Reach(0, 4)}
    found = windows_of(text, reach_of=lambda line, reach: reaches.get(line[:5], reach))
    assert [(w.first_line, w.last_line, w.anchored) for w in found] == [(10, 10, [10]), (30, 34, [30]), (48, 53, [50]),
                                                                        (70, 70, [70])]


def test_windows_that_touch_are_merged_and_keep_their_anchored_lines() -> None:
    text = numbered(20, {5: "GET https://api.asaas.com/v3/customers", 7: "Host: api.iugu.com",
                         9: "Signature: signature=abc"})
    assert [(w.first_line, w.last_line, w.anchored) for w in windows_of(text)] == [(4, 12, [5, 7, 9])]


def test_anchors_are_matched_as_the_rules_write_them_and_a_file_without_one_has_no_window() -> None:
    assert [w.anchored for w in windows_of(numbered(10, {3: "Host: API.IUGU.COM"}))] == [[3]]
    assert windows_of(numbered(10, {3: "Iugu.Com is not written like this"})) == []
    assert windows_of(numbered(10, {})) == []


def test_a_window_starts_on_the_right_byte_in_a_resumed_stream() -> None:
    text = numbered(10, {6: "Host: api.iugu.com"})
    collector = WindowCollector(stream_offset=1000, record=Reach(1, 1))
    for _ in ChunkedPass(io.BytesIO(text), create_matcher(RULES, "regex"), start=(51, 0), windows=collector):
        pass
    [window] = collector.windows()
    assert (window.first_line, window.last_line) == (55, 57)
    assert text[window.offset - 1000:].startswith(b"line 5 ")


@needs_hyperscan
@pytest.mark.parametrize("path", sorted(p.name for p in CORPUS.iterdir()))
def test_both_engines_mark_the_same_windows(path: str) -> None:
    text = (CORPUS / path).read_bytes()
    assert windows_of(text, "regex") == windows_of(text, "hyperscan")


def kept_windows(text: bytes, keep: KeepText | None, on_full: Callable[[list[Window]], bool] | None = None) -> list[Window]:
    collector = WindowCollector(request=Reach(2, 3), record=Reach(1, 1), keep_text=keep)
    collector.on_full = on_full
    for _ in ChunkedPass(io.BytesIO(text), create_matcher(RULES, "regex"), windows=collector, read_bytes=4096):
        pass
    return collector.windows()


def lines_of(text: bytes, window: Window, line_bytes: int) -> list[tuple[int, bytes]]:
    """The window's lines as a second reading of ``text`` gives them: each with its line
    ending, cut at ``line_bytes``."""
    lines = text.splitlines(keepends=True)
    return [(n, lines[n - 1][:line_bytes]) for n in range(window.first_line, min(window.last_line, len(lines)) + 1)]


def test_windows_of_a_stream_that_cannot_seek_keep_the_lines_a_second_reading_would_give() -> None:
    """Anchors on both sides of the pass's mebibyte chunks, in lines longer than a chunk, and on
    the last line of a text without a final line ending: every window's kept lines are the lines
    of the text, cut as the request readers cut them."""
    host = '{"url": "https://api.iugu.com/v1/customers"}'
    long_line = "x" * (CHUNK_BYTES + 5000)
    special = {3: host, 4: long_line, 5: host, 400: long_line + host, 401: host}
    text = numbered(25_000, special) + (host + " " + long_line).encode()  # no final line ending
    text = text.replace(b"line 12000 nothing", host.encode())  # near the end of the first chunk
    keep = KeepText(line_bytes=300, window_bytes=64 << 20, total_bytes=64 << 20)
    windows = kept_windows(text, keep)
    assert len(windows) >= 4 and windows[-1].last_line > 25_000
    for window in windows:
        assert window.lines == lines_of(text, window, keep.line_bytes), window.first_line


def test_past_its_bound_a_collector_keeps_no_lines_and_the_stream_is_read_again() -> None:
    text = numbered(2000, {n: '{"url": "https://api.iugu.com/v1/customers"}' for n in range(10, 2000, 7)})
    windows = kept_windows(text, KeepText(line_bytes=300, window_bytes=64 << 20, total_bytes=10_000))
    assert windows and all(window.lines is None for window in windows)
    assert [w.first_line for w in windows] == [w.first_line for w in windows_of(text)]


def test_past_its_bound_a_collector_hands_over_the_windows_the_pass_left_behind() -> None:
    """The windows read as the pass goes, and those left at its end, are the windows an unbounded
    collector gives, with the same lines: none cut in two, none read twice."""
    host = '{"url": "https://api.iugu.com/v1/customers"}'
    special = {n: host for n in range(10, 120_000, 97)}
    special.update({n: host for n in range(40_740, 40_780)})  # windows that touch, over a chunk's end
    text = numbered(120_000, special)  # some 3 MB: the pass's regions end three times
    keep = KeepText(line_bytes=300, window_bytes=64 << 20, total_bytes=64 << 20)
    handed: list[list[Window]] = []
    rest = kept_windows(text, KeepText(line_bytes=300, window_bytes=64 << 20, total_bytes=2_000),
                        lambda ready: handed.append(ready) is None)
    assert len(handed) >= 2 and all(window.lines for ready in handed for window in ready)
    assert [window for ready in handed for window in ready] + rest == kept_windows(text, keep)


def test_with_no_one_to_read_them_yet_the_windows_lose_their_lines() -> None:
    text = numbered(2000, {n: '{"url": "https://api.iugu.com/v1/customers"}' for n in range(10, 2000, 7)})
    windows = kept_windows(text, KeepText(line_bytes=300, window_bytes=64 << 20, total_bytes=10_000),
                           lambda ready: False)
    assert windows and all(window.lines is None for window in windows)
    assert [w.first_line for w in windows] == [w.first_line for w in windows_of(text)]


@pytest.mark.parametrize("keep", [None, KeepText(line_bytes=300, window_bytes=64 << 20, total_bytes=64 << 20)],
                         ids=["read again", "kept"])
def test_a_collector_hands_over_what_the_pass_left_behind_once_it_holds_many(keep: KeepText | None) -> None:
    """A plain file's windows keep no lines (the stream is read again at them), a compressed one's
    keep theirs far below the bound on their text; both are handed over once many anchors were
    marked (a compressed log of a curl command a line held 200,000 windows and their lines, 387 MB),
    in stream order, each batch before every window still held: with those left at the end, they
    are the windows of one reading."""
    host = '{"url": "https://api.iugu.com/v1/customers"}'
    last = 140_000  # some 3 MB: the pass's regions end three times, each with thousands of windows
    assert last // 7 > 6 * HAND_OVER_ANCHORS
    special = {n: host for n in range(10, last, 7)}
    special.update({n: host for n in range(last // 2, last // 2 + 40)})  # windows that touch
    text = numbered(last + 100, special)
    handed: list[list[Window]] = []
    rest = kept_windows(text, keep, lambda ready: handed.append(ready) is None)
    assert len(handed) >= 2 and all((window.lines is None) == (keep is None) for ready in handed for window in ready)
    batches = [batch for batch in (*handed, rest) if batch]  # (a last buffer that ends the text hands over all)
    assert all(before[-1].last_line < after[0].first_line for before, after in zip(batches, batches[1:]))
    assert glued([window for batch in batches for window in batch]) == kept_windows(text, keep)


def glued(windows: list[Window]) -> list[Window]:
    """``windows`` with each one cut while the pass went on joined to the one that goes on with it."""
    whole: list[Window] = []
    for window in windows:
        if whole and whole[-1].goes_on:
            assert window.first_line == whole[-1].last_line + 1
            head = whole.pop()
            window = Window(head.offset, head.first_line, window.last_line, {**head.leads, **window.leads}, window.joins,
                            goes_on=window.goes_on)
        whole.append(window)
    return whole


def test_a_window_still_growing_is_handed_over_up_to_where_a_window_to_come_may_start() -> None:
    """Anchors a few lines apart whose windows reach on past the next (a dump's request line and
    its span) chain from the top of a log to its end: once many were marked, the chain's lines
    before where the pass may still open a window go to the readers, cut there, and the rest
    stays; glued back, the pieces are the one window of one reading."""
    text = numbered(140_000, {n: "POST /v1/transfer_requests HTTP/1.1" for n in range(10, 139_990, 4)})
    handed: list[list[Window]] = []
    rest = kept_windows(text, None, lambda ready: handed.append(ready) is None)
    pieces = [batch for batch in (*handed, rest) if batch]  # (a last buffer that ends the text hands over all)
    assert len(pieces) >= 3 and all(len(batch) == 1 for batch in pieces)
    assert all(batch[0].goes_on for batch in pieces[:-1]) and not pieces[-1][0].goes_on
    assert glued([window for batch in pieces for window in batch]) == kept_windows(text, None)
    assert len(kept_windows(text, None)) == 1


def test_windows_a_reader_declines_are_all_held_to_the_end() -> None:
    host = '{"url": "https://api.iugu.com/v1/customers"}'
    text = numbered(140_000, {n: host for n in range(10, 140_000, 7)})
    assert kept_windows(text, None, lambda ready: False) == kept_windows(text, None)


@needs_hyperscan
def test_anchors_line_after_line_make_one_window_in_memory_as_they_are_marked() -> None:
    """Windows that touch are one window when read; where no lines are kept they are one as they
    are marked: a log of a whole request a line (a curl command, a JSON record: no line around it
    is read) held a window a line, ~400 bytes each."""
    def log(lines: int) -> bytes:
        return numbered(lines, {n: f"curl -s https://api.asaas.com/v3/payments?offset={n}" for n in range(2, lines)})

    def whole(_line: bytes, _reach: Reach) -> Reach:
        return Reach(0, 0)

    small, small_peak = _peak_windows(log(20_000), whole)
    large, large_peak = _peak_windows(log(80_000), whole)
    assert small == [(2, 19_999, list(range(2, 20_000)))] and large == [(2, 79_999, list(range(2, 80_000)))]
    assert large_peak < small_peak + 60_000 * 200, f"{small_peak} then {large_peak} bytes at peak for 20,000 and 80,000 lines"


def _peak_windows(text: bytes, reach_of: Callable[[bytes, Reach], Reach] | None = None
                  ) -> tuple[list[tuple[int, int, list[int]]], int]:
    tracemalloc.start()
    try:
        found = windows_of(text, "hyperscan", reach_of)
        return [(w.first_line, w.last_line, w.anchored) for w in found], tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@needs_hyperscan
def test_a_line_made_of_one_anchor_repeated_is_one_window_in_memory_that_does_not_grow_with_it() -> None:
    """Every hit on a line the last window already reaches as far back for adds nothing: a line
    made of an anchor repeated held a window a hit (a 20 MB line of curl's trace mark: 650 MB)."""
    def line(size: int) -> bytes:
        return b"before\n" + b"=> Send header, " * (size // 16) + b"\nafter\n"

    small, small_peak = _peak_windows(line(2_000_000))
    large, large_peak = _peak_windows(line(8_000_000))
    assert small == large == [(1, 5, [2])]
    assert large_peak < small_peak + 8_000_000, f"{small_peak} then {large_peak} bytes at peak for lines of 2 and 8 MB"
