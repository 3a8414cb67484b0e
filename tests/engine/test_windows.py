"""Windows of lines worth reading as requests, as the engine's pass notes them: around anchors the
rules declare (request and record anchors) and around credentials, merged, with exact line numbers
and byte offsets — the same from both engines."""

from __future__ import annotations

import io

import pytest

from helpers.data import CORPUS
from helpers.engines import needs_hyperscan
from keyaudit.engine import create_matcher
from keyaudit.engine.stream import ChunkedPass
from keyaudit.engine.windows import Reach, Window, WindowCollector
from keyaudit.rulebook.loader import load_rules

RULES = load_rules()


def windows_of(text: bytes, engine: str = "regex") -> list[Window]:
    collector = WindowCollector(request=Reach(2, 3), record=Reach(1, 1))
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
