"""A reader that keeps what the state records of content as it passes: its length and last
bytes (and, when asked, its lines), without holding the content."""

from __future__ import annotations

import os
from typing import BinaryIO

from keyaudit.sources.compression import is_decompressing

TAIL_BYTES = 4096


class TailKeeper:
    """A reader that remembers how many bytes passed and the last ``TAIL_BYTES`` of them, and,
    when asked (``count_lines``), how many newlines: text gets its line count from the engine's
    pass, which counts them anyway, so only content read whole elsewhere (a HAR) pays for it."""

    def __init__(self, stream: BinaryIO, count_lines: bool = False, keep: int = TAIL_BYTES) -> None:
        self._stream = stream
        self._count_lines = count_lines
        self.keep = keep  # passed on to a keeper of the same content opened afresh
        self._keep = keep + TAIL_BYTES
        self.count = 0
        self.newlines = 0  # in what was read (not in what a seek skipped), with ``count_lines``
        # The last ``keep`` bytes and ``TAIL_BYTES`` more: the tail before the start of the line (with --state, of
        # the record still open: see :mod:`.open_record`) it ends in.
        self.recent = b""

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self.count += len(data)
        if self._count_lines:
            self.newlines += data.count(b"\n")
        self.recent = (self.recent + data[-self._keep :])[-self._keep :]
        return data

    @property
    def tail(self) -> bytes:
        """The last ``TAIL_BYTES`` read."""
        return self.recent[-TAIL_BYTES:]

    def skip(self, count: int, read_bytes: int = 1 << 20) -> bool:
        """Move past ``count`` bytes, reading only the tail before them where the stream can
        seek (plain files), else reading through in reads of ``read_bytes`` (those the scan made:
        a damaged stream then yields exactly what it yielded to the scan); False when the content
        is shorter."""
        if self._stream.seekable() and not is_decompressing(self._stream):
            end = self._stream.seek(0, os.SEEK_END)
            self.count, self.recent = self._stream.seek(max(0, min(count, end) - TAIL_BYTES)), b""
        while self.count < count:
            if not self.read(min(read_bytes, count - self.count)):
                return False
        return True
