"""A raw reader over pieces of bytes made one at a time (decoded members, a queue's contents, a request's head and
body).

Readers that produce their data in pieces (a generator that decodes, a thread that reads ahead) hand them on through
:class:`Pieces`, so that ``io.BufferedReader`` can wrap them (``peek``, ``readline``) and nothing is joined into one
large buffer; a read that takes a whole piece gets the piece itself, not a copy.
"""

from __future__ import annotations

import io
from typing import Iterator


class Pieces(io.RawIOBase):
    """Reads the pieces of ``pieces`` in order; an exception the iterator raises is raised by
    the read that reaches it, after every piece before it was read."""

    def __init__(self, pieces: Iterator[bytes]) -> None:
        self._pieces = pieces
        self._current = b""
        self._used = 0  # bytes of ``_current`` already handed out

    def readable(self) -> bool:
        return True

    def _next(self) -> bool:
        """Make sure part of a piece is at hand; False at the end."""
        while self._used >= len(self._current):
            piece = next(self._pieces, None)
            if piece is None:
                return False
            self._current, self._used = piece, 0
        return True

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            return self.readall()
        if not size or not self._next():
            return b""
        if self._used == 0 and size >= len(self._current):
            self._used = len(self._current)
            return self._current  # the whole piece: handed on as it is
        start, self._used = self._used, min(len(self._current), self._used + size)
        return self._current[start : self._used]

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        if not self._next():
            return 0
        size = min(len(buffer), len(self._current) - self._used)
        buffer[:size] = memoryview(self._current)[self._used : self._used + size]
        self._used += size
        return size
