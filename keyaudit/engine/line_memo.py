"""The line around a position of a buffer, and what was worked out on it, remembered line by line.

Matches, anchors and escape markers come in order through a buffer, and a long line (a minified
bundle, one log line of a thousand records) holds thousands of them. Whatever is asked of a
match's whole line — where it starts and ends, its column count, its record, how far a request on
it reaches, its keywords — is worked out once for the line, not once for every match on it: that
made the work grow with the matches times the line's length.
"""

from __future__ import annotations

from typing import Any, Callable, Hashable, TypeVar

T = TypeVar("T")


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
