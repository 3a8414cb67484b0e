"""Decompression in a thread of its own, a few pieces ahead of the scan.

zstd decodes at about the speed the engine scans, so in one thread a ``.zst`` log takes about
twice as long as the same text plain; the libraries decode without holding the GIL, so a reader
thread overlaps the two. Unlike isal's threaded gzip reader, damage is handed over in order:
every piece decoded before it first, then the error, so nothing before the damage is lost.
"""

from __future__ import annotations

import queue
import threading
from typing import BinaryIO, Iterator

from keyaudit.sources.pieces import Pieces

PIECE_BYTES = 64 << 10  # one read of the decompressor: a failing read loses no more than this
PIECES_AHEAD = 16  # memory held ahead of the scan: PIECE_BYTES * PIECES_AHEAD


class ReadAhead(Pieces):
    """Reads ``source`` in a daemon thread into a bounded queue; closing stops the thread."""

    def __init__(self, source: BinaryIO) -> None:
        self._source = source
        self._queue: queue.Queue[bytes | BaseException] = queue.Queue(PIECES_AHEAD)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._fill, name="keyaudit-read-ahead", daemon=True)
        self._thread.start()
        super().__init__(self._taken())

    def _fill(self) -> None:
        try:
            while not self._stop.is_set():
                piece = self._source.read(PIECE_BYTES)
                self._put(piece)
                if not piece:
                    return
        except BaseException as exc:  # noqa: BLE001 - handed to the reader, after the text before it
            self._put(exc)

    def _put(self, item: bytes | BaseException) -> None:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def _taken(self) -> Iterator[bytes]:
        while item := self._queue.get():
            if isinstance(item, BaseException):
                raise item
            yield item

    def close(self) -> None:
        if not self.closed:
            self._stop.set()
            self._thread.join()
            self._source.close()
        super().close()
