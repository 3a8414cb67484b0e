"""The first match of a context pattern in a span of a hit's window, found once per buffer.

A hit's context is read in the window around it (the overlap's worth each side): its line, its
record, bytes around it. On a dense log (an export whose every row holds a token) the windows of
neighbouring hits are nearly the same text, and a record of many lines (a paragraph with no blank
line) is all of the window: each hit read kilobytes again for each piece of its rule's context,
megabytes read for every megabyte scanned. Whether a pattern matches at a position depends only
on the bytes near it (:func:`~keyaudit.rulebook.pattern_tree.locality`), so away from a span's
ends it matches in the window as it does in the buffer (with the text around the buffer); there
the leftmost match from a position is looked for once and kept for the hits after it, and only
the ends of each span are searched as the window has them. The answer is the same as a search of
the window's span. A pattern that matches no line break, however long, is decided within its line
(:func:`~keyaudit.rulebook.pattern_tree.line_locality`): its edges are a line each. One whose reach is
not known is answered by the pieces it needs (:mod:`keyaudit.rulebook.pattern_factors`), each found so:
a span without one of them holds no match; else (or in a short span) the span is searched as it is.
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from keyaudit.rulebook.pattern_factors import Factors, factors, starts_lines
from keyaudit.rulebook.pattern_tree import line_locality, locality

if TYPE_CHECKING:
    import regex

EDGE_BYTES = 2  # past a pattern's reach, kept from a span's ends: an end of the text read there (``$``, ``\b``)
SHORT_SPAN = 1024  # a span this short is searched as it is: the edges would be most of it
LINE_TRY_BYTES = 1024  # lines at least this long on average: a pattern that starts lines is tried at their starts
LINE_SAMPLE_BYTES = 1 << 16  # how much of a span its lines' length is judged by (a span of megabytes not counted)


@dataclass(frozen=True)
class Reach:
    """How far from a position a pattern reads to decide whether it matches there: ``before`` it, and
    ``after`` it — or, for a pattern that matches no line break (``line``), after the end of its line."""

    before: int
    after: int
    line: bool = False

    def decided(self, text: bytes, floor: int, stop: int) -> int:
        """Where the positions from ``floor`` that ``text[:stop]`` decides end."""
        if not self.line:
            return stop - self.after
        return max(floor, text.rfind(b"\n", floor, max(floor, stop - self.after)) + 1)

    def reads_to(self, text: bytes, position: int) -> int:
        """How far in ``text`` the positions before ``position`` are decided."""
        if not self.line:
            return position + self.after
        line_end = text.find(b"\n", max(0, position - 1))
        return len(text) if line_end < 0 else line_end + self.after


@functools.lru_cache(maxsize=1024)
def _reach(pattern: bytes) -> Reach | None:
    """:func:`locality` (else :func:`line_locality`) with the edge, for a compiled pattern's text."""
    text = pattern.decode("utf-8", "surrogateescape")
    if (found := locality(text)) is not None:
        return Reach(found[0] + EDGE_BYTES, found[1] + EDGE_BYTES)
    around = line_locality(text)
    return None if around is None else Reach(around + EDGE_BYTES, around + EDGE_BYTES, line=True)


class SpanSearch:
    """First matches in spans of windows of one text at a time (a buffer with the text before it
    and after it): ``whole``, which each window is a slice of. For each pattern, where its
    leftmost match in ``whole`` from some position is, or how far it has none, so that hits in
    order find it without reading the text between again."""

    def __init__(self, whole: bytes = b"") -> None:
        self.whole = whole
        # pattern -> (from, its leftmost match from there, or None before ``known``: how far that is known)
        self._next: dict[bytes, tuple[int, int | None, int]] = {}
        self._last: dict[bytes, int] = {}  # pattern -> where in ``whole`` the last span searched for it starts

    def first(self, pattern: "regex.Pattern[bytes]", window: bytes, origin: int, start: int, end: int,
              timeout: float) -> int | None:
        """Where ``pattern.search(window, start, end)`` matches first, or None; ``window`` is
        ``whole[origin : origin + len(window)]``."""
        last, self._last[pattern.pattern] = self._last.get(pattern.pattern), origin + start
        # A span far from the last one's start shares little with it: its window is searched, as a span of a hit
        # alone is (the search of the buffer pays where hits are dense, and costs a few more searches a hit).
        alone = end - start <= SHORT_SPAN or last is None or abs(origin + start - last) > end - start
        reach = None if alone else _reach(pattern.pattern)
        if reach is None:
            if not alone and (needs := _factors(pattern.pattern)) is not None:
                return self._by_factors(pattern, needs, window, origin, start, end, timeout)
            return first_match(pattern, window, start, end, timeout)
        # Positions within ``before`` of the window's start read text the window does not have (unless the window
        # starts where ``whole`` does), those within ``after`` of the span's end text past it (unless it ends there:
        # then the span's end itself, where only an empty match starts, is one of them too).
        low = start if origin == 0 else max(start, reach.before)
        high = end + 1 if origin + end == len(self.whole) else reach.decided(window, start, end)
        if low > start:  # the edge at the window's start: a match starting there is decided within ``edge``
            edge = reach.reads_to(window, low)
            found = first_match(pattern, window, start, min(end, edge), timeout)
            if found is not None and found < low or edge >= end:
                return found
        if low < high:
            position = self._leftmost(pattern, origin + low, origin + high, reach, timeout)
            if position is not None:
                return position - origin
        return first_match(pattern, window, max(low, high), end, timeout) if high < end else None

    def _by_factors(self, pattern: "regex.Pattern[bytes]", needs: tuple[Factors, list["regex.Pattern[bytes]"],
                    list["regex.Pattern[bytes]"]], window: bytes, origin: int, start: int, end: int,
                    timeout: float) -> int | None:
        """A pattern of unknown reach, by its factors: none where one it needs is not in the span (the
        answer, when they decide it), else the span searched."""
        plan, needed, refused = needs
        for factor in needed:
            if self.first(factor, window, origin, start, end, timeout) is None:
                return None
        if plan.exact:
            refuses = any(self.first(factor, window, origin, start, end, timeout) is not None for factor in refused)
            return None if refuses else start
        return first_match(pattern, window, start, end, timeout)

    def _leftmost(self, pattern: "regex.Pattern[bytes]", position: int, limit: int, reach: Reach,
                  timeout: float) -> int | None:
        """The leftmost match of ``pattern`` in ``whole`` from ``position`` up to ``limit``, or
        None. What is not known yet is searched as far again past ``limit`` (the hits after it
        ask of the text there; a hit alone costs what its own span did, twice), and kept."""
        since, found, known = self._next.get(pattern.pattern, (position + 1, None, 0))  # none known: searched
        if not since <= position or (found is None and known < limit) or (found is not None and found < position):
            stop = min(len(self.whole), 2 * limit - position + reach.after)
            match = first_match(pattern, self.whole, position, stop, timeout)
            # a match near where the search was cut may be one the text past it would not make, or another; a
            # search to the text's end knows its end too (an empty match there: ``$``, ``(?<=iugu)\Z``)
            known = len(self.whole) + 1 if stop == len(self.whole) else reach.decided(self.whole, position, stop)
            found = match if match is not None and match < known else None
            self._next[pattern.pattern] = (position, found, known)
        return found if found is not None and found < limit else None


@functools.lru_cache(maxsize=256)
def _factors(pattern: bytes) -> tuple[Factors, list["regex.Pattern[bytes]"], list["regex.Pattern[bytes]"]] | None:
    """:func:`factors` of a compiled pattern's text, the factors compiled."""
    import regex

    found = factors(pattern.decode("utf-8", "surrogateescape"))
    if found is None:
        return None
    compiled = [regex.compile(text.encode("utf-8", "surrogateescape")) for text in (*found.needed, *found.refused)]
    return found, compiled[: len(found.needed)], compiled[len(found.needed) :]


def first_match(pattern: "regex.Pattern[bytes]", text: bytes, start: int, end: int, timeout: float) -> int | None:
    """Where ``pattern.search(text, start, end)`` matches first, or None. A pattern whose matches all start lines
    (:func:`starts_lines`: a multi-line ``^`` first) is tried at the line starts only, found with ``bytes.find``: the
    ``regex`` module tries every position (a YAML block's name, asked around each key of a line of kilobytes, was
    the most of a record's context). Its tries share ``timeout`` as the one search would have. Text of lines shorter
    than :data:`LINE_TRY_BYTES` on average (judged by its first :data:`LINE_SAMPLE_BYTES`) is searched as it is: a
    try costs ~1.6 us, more than a search of a few hundred bytes (lines of 128 bytes were 2.6x slower tried, and
    65x for a pattern starting with a literal, which the ``regex`` module skips to)."""
    sample = min(end, start + LINE_SAMPLE_BYTES)
    if not _starts_lines(pattern.pattern) or text.count(b"\n", start, sample) * LINE_TRY_BYTES > sample - start:
        found = pattern.search(text, start, end, timeout=timeout)
        return None if found is None else found.start()
    if start > 0 and text[start - 1] != 0x0A:
        start = text.find(b"\n", start, end) + 1
        if start == 0:
            return None
    began = time.monotonic()
    while True:
        left = timeout - (time.monotonic() - began)
        if left <= 0:
            raise TimeoutError("regex timed out")
        if pattern.match(text, start, end, timeout=left) is not None:
            return start
        start = text.find(b"\n", start, end) + 1
        if start == 0:
            return None


@functools.lru_cache(maxsize=1024)
def _starts_lines(pattern: bytes) -> bool:
    return starts_lines(pattern.decode("utf-8", "surrogateescape"))
