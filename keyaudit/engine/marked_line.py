"""The lines of the text markers the decoding layer reads in one buffer (:mod:`keyaudit.engine.decoding`): each
marker's line, the lines a concatenation may join, and where the secret rules' keywords are on a line, found once
a line, so that a long line of many markers is not searched again for each."""

from __future__ import annotations

import bisect
from typing import Callable

from keyaudit.engine.encodings import DecodeAnchors
from keyaudit.engine.line_memo import LineMemo

CONCAT_LINES = 3  # lines after a concatenation's own it joins (and on while they go on: MarkedLine.read_on)


def written(buffer: bytes, start: int, end: int) -> int:
    """The characters of ``buffer[start:end]`` that are no blank: what a key cut into literals is made of (its pieces,
    their quotes and joins), not the indentation before each (a key in 30 pieces 40 blanks deep is 2 KiB of bytes,
    200 such characters)."""
    if end <= start:
        return 0
    return end - start - sum(buffer.count(blank, start, end) for blank in (b" ", b"\t", b"\n", b"\r"))


class MarkedLine:
    """The lines of the text markers being read in one buffer, and where each line's keywords
    are, found once a line (:class:`~keyaudit.engine.line_memo.LineMemo`)."""

    def __init__(self, anchors: DecodeAnchors, buffer: bytes) -> None:
        self._anchors = anchors
        self._longest = max((len(keyword) for keyword in anchors.keywords), default=0)
        self._lines = LineMemo(buffer)

    def around(self, position: int) -> tuple[int, int]:
        """The bounds of the line holding ``buffer[position]`` (its end at the newline)."""
        return self._lines.bounds(position)

    def joined(self, position: int, low: int, high: int) -> tuple[int, int]:
        """The lines a concatenation at ``position`` may join, within ``low`` and ``high``: the
        line before its own (the first literal, where the ``+`` starts a line) to
        ``CONCAT_LINES`` after it (a long key cut into several pieces)."""
        begin, stop = self._lines.bounds(position)
        if begin > low:
            begin = self._lines.bounds(begin - 1)[0]
        for _ in range(CONCAT_LINES):
            if stop + 1 >= high:
                break
            stop = self._lines.bounds(stop + 1)[1]
        return max(begin, low), min(stop, high)

    def read_on(self, position: int, stop: int, high: int, goes_on: Callable[[bytes, int], bool], reach: int) -> int:
        """Where the lines a join of the concatenation at ``position`` ends at ``stop`` (a line's end) end, read on
        while the last ``goes_on`` into the next, the next starting before ``high`` and :func:`written` within
        ``reach`` of ``position`` (a key in 18 pieces, one a line: each line's own marker holds no keyword, so only
        the first one's spot can join them)."""
        buffer, spent = self._lines.buffer, written(self._lines.buffer, position, stop)
        while stop + 1 < high and goes_on(buffer, stop) and spent < reach:
            end = self._lines.bounds(stop + 1)[1]
            spent, stop = spent + written(buffer, stop, end), end
        return min(stop, high)

    def keyword_near(self, position: int, reach: int) -> bool:
        """Whether a keyword of the line is within ``reach`` bytes of ``position``: one that
        starts at most ``reach`` after it and ends at most ``reach`` before it."""
        starts, ends = self._lines.of(position, "keywords", self._keywords)
        stop = bisect.bisect_right(starts, position + reach)
        start = bisect.bisect_left(starts, position - reach - self._longest)
        return any(ends[i] + reach >= position for i in range(start, stop))

    def quiet_until(self, position: int, reach: int) -> int:
        """Where, past ``position`` (which has no keyword within ``reach``), a marker may next have
        one that near: the line's next keyword's start less ``reach``, or the line's end."""
        starts, _ = self._lines.of(position, "keywords", self._keywords)
        after = bisect.bisect_right(starts, position + reach)
        end = self._lines.bounds(position)[1]
        return min(starts[after] - reach, end) if after < len(starts) else end

    def _keywords(self, begin: int, stop: int) -> tuple[list[int], list[int]]:
        """Where the keywords of ``buffer[begin:stop]`` start and end, in the buffer, in order."""
        spans = sorted(self._anchors.keyword_spans(self._lines.buffer[begin:stop]))
        return [begin + start for start, _ in spans], [begin + end for _, end in spans]
