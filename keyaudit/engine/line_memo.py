"""The line around a position of a buffer, and what was worked out on it, remembered line by line.

Matches, anchors and escape markers come in order through a buffer, and a long line (a minified
bundle, one log line of a thousand records) holds thousands of them. Whatever is asked of a
match's whole line — where it starts and ends, its column count, its record, how far a request on
it reaches, its keywords — is worked out once for the line, not once for every match on it: that
made the work grow with the matches times the line's length.
"""

from __future__ import annotations

import bisect
from typing import Any, Callable, Hashable, TypeVar

T = TypeVar("T")
# UTF-8's byte-order mark: at a line's start (a file's first, or where a second file's text was appended) no
# character of the text, as no editor shows one (a UTF-16 file's mark is left out as it is decoded)
BOM = b"\xef\xbb\xbf"


def line_columns(start: bytes) -> int:
    """The columns ``start`` takes at a line's start: its characters (one per undecodable byte), but a byte-order
    mark it begins with (a file's first line, a line where a second file's text was appended), which no editor
    shows: the column of a key after one is the column it has in the file without it."""
    return len(start.decode("utf-8", "surrogateescape")) - start.startswith(BOM)


class LineMemo:
    """The line of the last position asked about in ``buffer`` (its end at its newline, or at the
    buffer's end where it has none), and what was worked out on it, by what it was asked as."""

    def __init__(self, buffer: bytes) -> None:
        self.buffer = buffer
        self._start, self._end = 0, -1
        self._known: dict[Hashable, Any] = {}

    def bounds(self, position: int) -> tuple[int, int]:
        """(start, end) of the line holding ``buffer[position]``."""
        if not self._start <= position < self._end:
            self._start = self.buffer.rfind(b"\n", 0, position) + 1
            end = self.buffer.find(b"\n", position)
            self._end = len(self.buffer) if end < 0 else end
            self._known = {}
        return self._start, self._end

    def of(self, position: int, key: Hashable, compute: Callable[[int, int], T]) -> T:
        """``compute(start, end)`` of the line holding ``buffer[position]``, once a line and key."""
        start, end = self.bounds(position)
        if key not in self._known:
            self._known[key] = compute(start, end)
        return self._known[key]


class LineCounter:
    """The line each position of one buffer is on. A buffer's request anchors, its record
    anchors, its hits and its end each ask, every kind in order but one kind after another: a
    count of newlines from the buffer's start for each went over a megabyte four times
    (``bytes.count`` reads a byte at a time: a tenth of the scan of a mixed log). The lines of
    the furthest positions asked so far are kept, and a count starts at the nearest one before
    its position, or at the caller's own last (``since``) where that is nearer: no kind counts
    over more than the buffer once, and the later kinds little of it."""

    def __init__(self, buffer: bytes, line: int) -> None:
        self.buffer = buffer
        self._positions = [0]  # ascending, each asked after those before it; the lines they are on, in step
        self._lines = [line]

    def line(self, position: int, since: tuple[int, int] = (0, 0)) -> int:
        """The line ``buffer[position]`` is on (at the buffer's end: the line after its last
        newline); ``since``: a position no further than ``position`` and its line, known to the caller."""
        index = bisect.bisect_right(self._positions, position) - 1
        known, line = max((self._positions[index], self._lines[index]), since)
        line += self.buffer.count(b"\n", known, position)
        if position > self._positions[-1]:
            self._positions.append(position)
            self._lines.append(line)
        return line


class LineStarts:
    """Where the lines of a text (``str`` or ``bytes``) start, from ``start`` on: listed once, and only as far as
    asked. A text with thousands of findings (a body of hundreds of escaped members, each with a key) asks a place
    of each: counted from the text's start for each, they cost the findings times the text."""

    def __init__(self, text: str | bytes, start: int = 0) -> None:
        self.text = text
        self._newline: Any = "\n" if isinstance(text, str) else b"\n"
        self._starts = [start]  # of the lines listed so far: each after the one before
        self._listed = start  # how far the text's line breaks are listed

    def _list(self, upto: int | None = None, lines: int | None = None) -> None:
        """List the line starts up to offset ``upto``, or until ``lines`` lines are listed (or the text ends)."""
        text, starts, newline = self.text, self._starts, self._newline
        stop = len(text) if upto is None else min(upto, len(text))
        while self._listed < stop and (lines is None or len(starts) < lines):
            found = text.find(newline, self._listed, stop)
            if found < 0:
                self._listed = stop
                break
            self._listed = found + 1
            starts.append(found + 1)

    def line_of(self, offset: int) -> tuple[int, int]:
        """(0-based line, its start) of ``offset``."""
        if offset > self._listed:
            self._list(upto=offset)
        index = bisect.bisect_right(self._starts, offset) - 1
        return max(0, index), self._starts[max(0, index)]

    def start_of(self, line: int) -> int:
        """Where 0-based ``line`` starts (the text's end where it has fewer lines)."""
        if line >= len(self._starts):
            self._list(lines=line + 1)
        return self._starts[line] if line < len(self._starts) else len(self.text)


# A long line's characters are counted a block of this many bytes at a time, each block's count kept: a place is then
# its block's count and a decode of at most a block, not of its line from its start.
BLOCK_BYTES = 4096


def _cut(data: bytes, position: int) -> int:
    """A position at or at most three bytes before ``position`` where no character of ``data`` is cut: before a byte
    that continues none (not 10xxxxxx), or ``position`` itself where the three bytes before it all continue (a
    character is at most a lead and three of them, so none holds it). Decoding (undecodable bytes a character each)
    the text before it and the text from it counts what decoding the whole counts."""
    for back in range(4):
        if data[position - back] & 0xC0 != 0x80:
            return position - back
    return position


class _LineCounts:
    """The characters before each block's cut of one line (``data[start:end]``), listed as far as asked."""

    def __init__(self, data: bytes, start: int, end: int) -> None:
        self.data, self.end = data, end
        self.cuts, self.counts = [start], [0]

    def _list(self, offset: int, characters: int) -> None:
        """List cuts up to ``offset``, and past the cut with more than ``characters`` before it (or to the end)."""
        data, cuts, counts = self.data, self.cuts, self.counts
        while cuts[-1] < self.end and (cuts[-1] + BLOCK_BYTES <= offset or counts[-1] <= characters):
            cut = self.end if cuts[-1] + BLOCK_BYTES >= self.end else _cut(data, cuts[-1] + BLOCK_BYTES)
            counts.append(counts[-1] + len(data[cuts[-1] : cut].decode("utf-8", "surrogateescape")))
            cuts.append(cut)

    def characters(self, offset: int) -> int:
        """The characters of the line before ``offset`` (a byte inside a character: its bytes before it each one)."""
        self._list(offset, -1)
        index = bisect.bisect_right(self.cuts, offset) - 1
        return self.counts[index] + len(self.data[self.cuts[index] : offset].decode("utf-8", "surrogateescape"))

    def offset(self, characters: int) -> int:
        """Where the character after ``characters`` of the line starts (its end, where it has no more)."""
        self._list(-1, characters)
        index = bisect.bisect_right(self.counts, characters) - 1
        stop = self.cuts[index + 1] if index + 1 < len(self.cuts) else self.end
        block = self.data[self.cuts[index] : stop].decode("utf-8", "surrogateescape")
        rest = characters - self.counts[index]
        return stop if rest >= len(block) else self.cuts[index] + len(block[:rest].encode("utf-8", "surrogateescape"))


class TextPlaces:
    """Byte offsets and character columns of a UTF-8 text (undecodable bytes a character each), for the many
    places its findings ask: its lines listed once, and of a line that is not ASCII, its characters counted a block
    at a time (listing where each of them starts cost 24 bytes a character and seconds for a line of megabytes)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._lines = LineStarts(data)
        self._ascii = data.isascii()
        self._counts: dict[int, _LineCounts] = {}  # a line's start -> its characters' counts

    def _line(self, line_start: int) -> _LineCounts:
        counts = self._counts.get(line_start)
        if counts is None:
            end = self.data.find(b"\n", line_start)
            counts = self._counts[line_start] = _LineCounts(self.data, line_start, len(self.data) if end < 0 else end)
        return counts

    def offset(self, line: int, column: int) -> int:
        """The byte offset of 1-based ``line`` and character ``column``."""
        start = self._lines.start_of(line - 1)
        if self._ascii:
            return min(len(self.data), start + column - 1)
        return self._line(start).offset(column - 1)

    def line_column(self, offset: int) -> tuple[int, int]:
        """(0-based line, characters before ``offset`` on it) of byte ``offset``."""
        line, start = self._lines.line_of(offset)
        if self._ascii:
            return line, offset - start
        return line, self._line(start).characters(offset)
