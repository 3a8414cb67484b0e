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
        self._chain: _Chain | None = None  # the lines last read on

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
        the first one's spot can join them). The lines that go on are walked once (:class:`_Chain`), not once for
        each marker on them: 10^5 continued lines of one command, a marker each, read 57 lines ahead each."""
        if stop + 1 >= high:
            return min(stop, high)
        chain = self._chain if self._chain is not None and self._chain.holds(stop) else None
        if chain is None:
            chain = self._chain = _Chain(self._lines, goes_on, stop)
        return min(chain.end(stop, written(self._lines.buffer, position, stop), high, reach), high)

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


class _Chain:
    """Line ends from a first one on, each but the last known to go on into the next (:meth:`MarkedLine.read_on`),
    with the characters :func:`written` from the first to each: a marker's reading on is two bisections, the chain
    grown only past where any marker read before."""

    def __init__(self, lines: LineMemo, goes_on: Callable[[bytes, int], bool], first: int) -> None:
        self._lines, self._goes_on = lines, goes_on
        self._ends, self._spent = [first], [0]
        self._broken = False  # whether the last end is known not to go on (or the buffer ends there)

    def holds(self, stop: int) -> bool:
        """Whether line end ``stop`` is one of the chain's."""
        index = bisect.bisect_left(self._ends, stop)
        return index < len(self._ends) and self._ends[index] == stop

    def end(self, stop: int, before: int, high: int, reach: int) -> int:
        """The first end from ``stop`` on where reading on stops: the next line starts at ``high`` or later, the
        line does not go on, or ``before`` (written from the marker to ``stop``) and what follows reach ``reach``."""
        ends, spent = self._ends, self._spent
        index = bisect.bisect_left(ends, stop)
        base = before - spent[index]  # written from the marker to ends[j]: base + spent[j]
        while not self._broken and ends[-1] + 1 < high and base + spent[-1] < reach:
            self._grow()
        by_reach = bisect.bisect_left(spent, reach - base, lo=index)
        by_high = bisect.bisect_left(ends, high - 1, lo=index)
        return ends[min(by_reach, by_high, len(ends) - 1)]

    def _grow(self) -> None:
        """One more line end, where the last goes on (else the chain is broken there)."""
        buffer, last = self._lines.buffer, self._ends[-1]
        if last + 1 >= len(buffer) or not self._goes_on(buffer, last):
            self._broken = True
            return
        end = self._lines.bounds(last + 1)[1]
        self._ends.append(end)
        self._spent.append(self._spent[-1] + written(buffer, last, end))
