"""Where a flow (a context pattern holding ``{name}``) is first found for one name, its pattern
with the name in compiled only where the name could flow.

Each alternative of the flow (:func:`~keyaudit.rulebook.flow_parts.flow_parts`) is looked for on its
own and the leftmost answer kept, which is the whole pattern's. An alternative's pieces without the
name are looked for first: a span missing one holds no match, whatever the name. Where the
alternative's reach is known, a match starts within its reach of where such a piece starts, and
holds the name there: the name is looked for (in either case) in those regions, and only a region
that has it is searched, with the alternative's pattern with the name in, cut to the bytes a match
starting in the region reads (and :data:`EDGE_BYTES` more, where an end of the text is read). A
module of a thousand constants under ``import iugu`` compiled a flow for each; now only for the
names written beside ``Iugu(``.
"""

from __future__ import annotations

import bisect
import functools
from typing import TYPE_CHECKING, Callable, Iterable

from keyaudit.engine.budget import Spending
from keyaudit.engine.span_search import EDGE_BYTES
from keyaudit.rulebook.flow_parts import MAX_FLOW_NAME, FlowPart

if TYPE_CHECKING:
    import regex

# (pattern, text, start, end, where the text starts in the buffer's whole or None) -> first match or None
Find = Callable[["regex.Pattern[bytes]", bytes, int, int, "int | None"], "int | None"]


@functools.lru_cache(maxsize=1024)
def compiled(text: str) -> "regex.Pattern[bytes]":
    """A part's pattern (or a piece of it) compiled once: asked at every hit of the rule."""
    import regex

    return regex.compile(text.encode("utf-8"))


class FlowSearch:
    """First matches of flows' parts for names in the spans of one buffer; where the pieces of a
    part start in the buffer (a file-scope flow is asked once for each name) is kept for it."""

    def __init__(self) -> None:
        # (a part or piece, where its span is) -> its regions, whether it is there: a window's span by where the
        # window is in the buffer's whole, a text read whole (the buffer: a file-scope flow's) by -1
        self._regions_of: dict[tuple[str, int, int, int], list[tuple[int, int]]] = {}
        self._present: dict[tuple[str, int, int, int], bool] = {}
        self._lowered: tuple[bytes, bytes] | None = None  # the buffer a file-scope flow reads, in lower case

    def first(self, parts: tuple[FlowPart, ...], name: str, text: bytes, start: int, end: int,
              in_whole: int | None, find: Find, spend: Spending) -> int | None:
        """The leftmost of the parts' first matches with ``name`` in ``text[start:end]``."""
        found = [self._part(part, name, text, start, end, in_whole, find, spend) for part in parts]
        return min((position for position in found if position is not None), default=None)

    def _part(self, part: FlowPart, name: str, text: bytes, start: int, end: int, in_whole: int | None,
              find: Find, spend: Spending) -> int | None:
        for piece in part.needed:  # the same for every name: looked for once a span
            key = (piece, -1 if in_whole is None else in_whole, start, end)
            if key not in self._present:
                self._present[key] = find(compiled(piece), text, start, end, in_whole) is not None
            if not self._present[key]:
                return None
        written = name.encode("utf-8")
        if part.reach is None or not part.needed or not written or len(written) > MAX_FLOW_NAME:
            return find(compiled(part.named(name)), text, start, end, in_whole)
        after = part.reach[1]
        pattern = None
        for first, last in self._candidates(part, written, text, start, end, in_whole, spend):
            pattern = pattern or compiled(part.named(name))
            cut = min(end, last + after + EDGE_BYTES)
            found = spend.run(cut - first, lambda timeout: pattern.search(text, first, cut, timeout=timeout))
            if found is not None and found.start() <= last:
                return found.start()
        return None

    def _candidates(self, part: FlowPart, written: bytes, text: bytes, start: int, end: int,
                    in_whole: int | None, spend: Spending) -> list[tuple[int, int]]:
        """Where a match of ``part`` with the name ``written`` can start, as (first, last) positions in
        order: in a region of the part (:meth:`_regions`), and at most its reach before where the name is
        written (in any case: a pattern of bytes ignores case in ASCII)."""
        regions = self._regions(part, text, start, end, in_whole, spend)
        if not regions:
            return []
        after = part.reach[1] if part.reach else 0
        low, shift = self._lower(text, in_whole, start, end)
        wanted, firsts = written.lower(), [first for first, _ in regions]
        found: list[tuple[int, int]] = []
        at = low.find(wanted, max(start, regions[0][0]) - shift, min(end, regions[-1][1] + after) - shift)
        while at >= 0:
            position = at + shift  # a match holding the name here starts from ``after`` before it up to it
            index = bisect.bisect_right(firsts, position) - 1
            while index >= 0 and regions[index][1] + after >= position:
                first, last = max(regions[index][0], position - after), min(regions[index][1], position)
                if first <= last:
                    found.append((first, last))
                index -= 1
            at = low.find(wanted, at + 1, min(end, regions[-1][1] + after) - shift)
        return _merged(sorted(found))

    def _lower(self, text: bytes, in_whole: int | None, start: int, end: int) -> tuple[bytes, int]:
        """``text[start:end]`` in lower case and where it starts in ``text``; a buffer (a file-scope
        flow's text, asked for name after name) is put in lower case once."""
        if in_whole is not None:
            return text[start:end].lower(), start
        if self._lowered is None or self._lowered[0] is not text:
            self._lowered = (text, text.lower())
        return self._lowered[1], 0

    def _regions(self, part: FlowPart, text: bytes, start: int, end: int, in_whole: int | None,
                 spend: Spending) -> list[tuple[int, int]]:
        """Where in ``text[start:end]`` a match of ``part`` can start, as (first, last) positions, kept
        for the span: within its reach of a start of its first piece (every start of it, overlapping
        ones too)."""
        key = (part.text, -1 if in_whole is None else in_whole, start, end)
        if key in self._regions_of:
            return self._regions_of[key]
        before, after = part.reach or (0, 0)
        piece = compiled(part.needed[0])
        low = max(0, start - before)
        starts = spend.run(end - low, lambda timeout: [found.start() for found in piece.finditer(
            text, low, end, overlapped=True, timeout=timeout)]) or []
        regions = _merged((max(start, position - after), min(end, position + before)) for position in starts)
        self._regions_of[key] = regions
        return regions


def _merged(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Closed (first, last) intervals given in order of their firsts, as few as cover the same positions:
    touching and overlapping ones joined, empty ones (first past last) dropped."""
    merged: list[tuple[int, int]] = []
    for first, last in intervals:
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        elif first <= last:
            merged.append((first, last))
    return merged
