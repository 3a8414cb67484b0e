"""Readers of an archive member's bytes beyond a plain window of the archive: a sparse tar
member, with its holes.

A sparse member (``tar --sparse``, as backups write copytruncated logs, whose start is a hole)
stores only its data segments; the file it stands for has NUL bytes in the holes between them.
It is read as that file, so a finding's line and column are the ones the extracted file has.
"""

from __future__ import annotations

import io
from typing import BinaryIO, Sequence

# Where a sparse member's data ends and the archive does too: the same words as a member cut short.
ENDS_INSIDE = "the archive ends inside this member"


class SparseWindow(io.RawIOBase):
    """A sparse tar member as the file it stands for: ``segments`` (offset in the file, length)
    read one after the other from where ``raw`` stands, NUL bytes in the holes before each and
    after the last, ``size`` bytes in all. A segment placed before the end of the one before it
    (a damaged map) is put right after it, so the archive's bytes are each read once, in order."""

    def __init__(self, raw: BinaryIO, segments: Sequence[tuple[int, int]], size: int) -> None:
        self._raw, self._size = raw, size
        self._segments = [(offset, length) for offset, length in reversed(segments) if length > 0]
        self._at = 0  # bytes of the file handed out
        self._data_left = 0  # bytes of the current segment still to read from raw

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        room = min(len(buffer), self._size - self._at)
        if room <= 0:
            return 0
        if self._data_left == 0 and self._segments and self._segments[-1][0] <= self._at:
            self._data_left = self._segments.pop()[1]
        if self._data_left > 0:
            data = self._raw.read(min(room, self._data_left))
            if not data:
                raise EOFError(ENDS_INSIDE)
            self._data_left -= len(data)
        else:  # a hole, up to the next segment or the file's end
            hole_end = self._segments[-1][0] if self._segments else self._size
            data = bytes(min(room, hole_end - self._at))
        buffer[: len(data)] = data
        self._at += len(data)
        return len(data)
