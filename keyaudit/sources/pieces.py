"""A raw reader over pieces of bytes made one at a time: decoded members, a queue's contents.

Readers that produce their data in pieces (a generator that decodes, a thread that reads ahead)
hand them on through :class:`Pieces`, so that ``io.BufferedReader`` can wrap them (``peek``,
``readline``) and nothing is joined into one large buffer.
"""

from __future__ import annotations

import io
from typing import Iterator


class Pieces(io.RawIOBase):
    """Reads the pieces of ``pieces`` in order; an exception the iterator raises is raised by
    the read that reaches it, after every piece before it was read."""

    def __init__(self, pieces: Iterator[bytes]) -> None:
        self._pieces = pieces
        self._current = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        while not self._current:
            piece = next(self._pieces, None)
            if piece is None:
                return 0
            self._current = memoryview(piece)
        size = min(len(buffer), len(self._current))
        buffer[:size] = self._current[:size]
        self._current = self._current[size:]
        return size
