"""The decoded text of a byte stream, held from the oldest offset a reader still needs to what
has been read, with the line and column of any offset: what :mod:`.jsonstream` scans a document
through, so that a document of any size is held only as far back as its current value.
"""

from __future__ import annotations

import codecs
import io
from dataclasses import dataclass
from typing import BinaryIO

READ_BYTES = 1 << 20


@dataclass(frozen=True)
class Place:
    """Where a character stands: its offset in the decoded text, its 1-based line and column."""

    offset: int
    line: int
    column: int


class TextWindow:
    """The decoded text from the oldest offset still needed to what has been read; offsets are
    absolute (characters from the start of the input, a BOM not counted)."""

    def __init__(self, stream: BinaryIO, read_bytes: int) -> None:
        self.stream, self.read_bytes = stream, read_bytes
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")("surrogateescape")
        self.text = ""
        self.base = 0  # offset of text[0]
        self.eof = False
        self._line, self._column = 1, 1  # place of text[0]
        self._at, self._at_line, self._at_column = 0, 1, 1  # the last place worked out, as an index

    def more(self, keep: int) -> bool:
        """Forget the text before offset ``keep`` and read on; False at the end of the input.
        Reads grow with the text kept, so a value of any size is read in linear time."""
        if self.eof:
            return False
        start = self.place(keep)
        data = self.stream.read(max(self.read_bytes, len(self.text) - (keep - self.base)))
        self.eof = not data
        self.text = self.text[keep - self.base :] + self.decoder.decode(data, final=self.eof)
        self.base = keep
        self._line, self._column = start.line, start.column
        self._at, self._at_line, self._at_column = 0, start.line, start.column
        return True

    def place(self, offset: int) -> Place:
        """The line and column of ``offset``, counted on from the last place asked for."""
        index = offset - self.base
        if index < self._at:
            self._at, self._at_line, self._at_column = 0, self._line, self._column
        newlines = self.text.count("\n", self._at, index)
        if newlines:
            line, column = self._at_line + newlines, index - self.text.rfind("\n", self._at, index)
        else:
            line, column = self._at_line, self._at_column + index - self._at
        self._at, self._at_line, self._at_column = index, line, column
        return Place(offset, line, column)

    def rest(self, offset: int) -> BinaryIO:
        """The input from ``offset`` on, as bytes: the text held, what the decoder holds, the stream."""
        held = self.text[offset - self.base :].encode("utf-8", "surrogateescape") + self.decoder.getstate()[0]
        return io.BufferedReader(_Rest(held, self.stream))


class _Rest(io.RawIOBase):
    """Bytes already read, then the rest of a stream."""

    def __init__(self, held: bytes, stream: BinaryIO) -> None:
        self._held, self._stream = memoryview(held), stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        if self._held:
            size = min(len(buffer), len(self._held))
            buffer[:size], self._held = self._held[:size], self._held[size:]
            return size
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
