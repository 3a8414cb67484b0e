"""Decompression in a thread of its own, a few pieces ahead of the scan.

Decoding costs about as much CPU as the scan itself, so in one thread a compressed log takes
about twice as long as the same text plain; every decompressor keyaudit uses lets go of the GIL
while it decodes, so a reader thread overlaps the two. Pieces are handed over whole (no copy),
and in order: every piece decoded before damage first, then the end; the damage the decoder
kept is the reader's :attr:`ReadAhead.damage` once the scan has reached it, so nothing before the
damage is lost and nothing the scan did not reach is reported.
"""

from __future__ import annotations

import queue
import threading
from typing import BinaryIO, Iterator

from keyaudit.sources.decoders import PIECE_BYTES, damage_of
from keyaudit.engine.piece_stream import Pieces

PIECES_AHEAD = 4  # memory held ahead of the scan: at most PIECE_BYTES * PIECES_AHEAD


class ReadAhead(Pieces):
    """Reads ``source`` in a daemon thread into a bounded queue; closing stops the thread (and
    must be done by whoever opened it, never left to the garbage collector)."""

    def __init__(self, source: BinaryIO) -> None:
        self._source = source
        self._queue: queue.Queue[bytes | BaseException] = queue.Queue(PIECES_AHEAD)
        self._stop = threading.Event()
        self._reached_end = False
        self._thread = threading.Thread(target=self._fill, name="keyaudit-read-ahead", daemon=True)
        self._thread.start()
        super().__init__(self._taken())

    @property
    def damage(self) -> Exception | None:
        """The damage the decoder met, once the reader has been handed everything before it."""
        return damage_of(self._source) if self._reached_end else None

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
        self._reached_end = True

    def close(self) -> None:
        if not self.closed:
            self._stop.set()
            self._thread.join()
            self._source.close()
        super().close()
