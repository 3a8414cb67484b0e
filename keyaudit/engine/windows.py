"""Windows of lines worth reading as requests: around each request anchor the engine found, and
around each credential a secret rule confirmed.

Reading a file as HTTP traffic costs Python work per line; a mixed production log mentions a
provider in a few dozen of its lines. So the engine's pass, which sees every byte anyway, notes
where those lines are — the byte offset and number of the first line of each window, and its
last line — and the request readers later read only those lines. Work grows with anchors, not
with bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Reach:
    """How far around an anchor a window goes: lines before it and after it."""

    before: int
    after: int


@dataclass
class Window:
    """Lines ``first_line`` to ``last_line`` of a stream; ``first_line`` starts at byte ``offset``.
    ``anchored`` are the lines an anchor or a credential is on: a reader of one-line records
    (a JSON request log) needs no other line of the window."""

    offset: int
    first_line: int
    last_line: int
    anchored: list[int] = field(default_factory=list)


class WindowCollector:
    """The windows of one stream, each reaching some lines before and after its anchor.

    A window never reaches back past the start of the buffer its anchor is in (the engine's
    buffers start on a line, and are a mebibyte long), which is what keeps the work per anchor
    bounded; an anchor in the first lines of a buffer simply gets a shorter window before it.
    """

    def __init__(self, stream_offset: int = 0, request: Reach = Reach(0, 0), record: Reach = Reach(0, 0)) -> None:
        self._stream_offset = stream_offset  # where the stream the engine reads starts in the content
        self.request = request  # around request anchors and credentials: a whole request, body included
        self.record = record  # around record anchors (a provider host): the record's own lines
        self._windows: list[Window] = []

    def add(self, buffer: bytes, position: int, line: int, buffer_offset: int, reach: Reach) -> None:
        """A window around ``buffer[position]``, which is on line ``line``; ``buffer`` starts at
        ``buffer_offset`` of the stream."""
        last = self._windows[-1] if self._windows else None
        if last is not None and last.first_line <= line <= last.last_line:
            last.last_line = max(last.last_line, line + reach.after)
            if last.anchored[-1] != line:
                last.anchored.append(line)
            return
        start, first = buffer.rfind(b"\n", 0, position) + 1, line
        while first > line - reach.before and start > 0:
            start = buffer.rfind(b"\n", 0, start - 1) + 1
            first -= 1
        self._windows.append(Window(self._stream_offset + buffer_offset + start, first, line + reach.after, [line]))

    def add_all(self, buffer: bytes, positions: list[int], line: int, buffer_offset: int, reach: Reach) -> None:
        """Windows around every one of the sorted ``positions``; ``buffer`` starts on line ``line``."""
        counted = 0
        for position in positions:
            line += buffer.count(b"\n", counted, position)
            counted = position
            self.add(buffer, position, line, buffer_offset, reach)

    def windows(self) -> list[Window]:
        """Every window, in stream order, those that touch or overlap merged into one."""
        merged: list[Window] = []
        for window in sorted(self._windows, key=lambda w: (w.first_line, w.offset)):
            if merged and window.first_line <= merged[-1].last_line + 1:
                merged[-1].last_line = max(merged[-1].last_line, window.last_line)
                merged[-1].anchored.extend(window.anchored)
            else:
                merged.append(Window(window.offset, window.first_line, window.last_line, list(window.anchored)))
        for window in merged:
            window.anchored = sorted(set(window.anchored))
        return merged
