"""A stream's lines read forward a block at a time, for the second pass over a text file.

The windows of a mixed log hold tens of lines each, most of them passed over by the readers;
a ``readline`` and a decode per line cost more than the rest of the pass over them. Here a
block is read, cut into lines and decoded at C speed (:func:`.line_layers.reader_texts`), and
what the last block held past the lines taken waits for the next call, or is passed over by
:meth:`LineBlocks.skip`.
"""

from __future__ import annotations

from typing import BinaryIO

from keyaudit.inputs.line_layers import reader_texts

_BLOCK_BYTES = 1 << 13  # read at once; a line longer than this is read in doubling reads
_PASS_BYTES = 1 << 20  # read at once of the rest of a line past its cut, which is not kept


class LineBlocks:
    """The lines of ``stream`` from where it stands, as the request readers see them (see
    :func:`.line_layers.reader_text`), each cut at ``line_bytes`` bytes, the rest of a longer
    line passed over; ``position`` is the offset of the next byte not taken, from where the
    stream stood."""

    def __init__(self, stream: BinaryIO, line_bytes: int) -> None:
        self._stream = stream
        self._line_bytes = line_bytes
        self._pending = b""  # read from the stream at ``position``, not taken yet
        self.position = 0
        self.cut = 0  # lines taken cut: longer than ``line_bytes`` (or as long, their end not seen)

    def lines(self, count: int) -> list[str]:
        """The next ``count`` lines (fewer at the stream's end)."""
        taken: list[bytes] = []
        while len(taken) < count:
            wanted, pending = count - len(taken), self._pending
            parts = pending.split(b"\n", wanted)
            rest = parts.pop()  # past the lines asked for, or a line not ended yet
            taken += parts
            self.position += len(pending) - len(rest)
            self._pending = rest
            if len(parts) == wanted:
                break
            if len(rest) >= self._line_bytes:  # a line too long: cut, its rest passed over
                taken.append(rest[: self._line_bytes])
                self.cut += 1
                self._pass_line()
                continue
            data = self._stream.read(max(_BLOCK_BYTES, len(rest)))  # doubling: a long line is read in linear time
            if not data:
                if rest:  # the stream's last line, with no line end
                    taken.append(rest)
                    self.position += len(rest)
                    self._pending = b""
                break
            self._pending = rest + data
        if max(map(len, taken), default=0) > self._line_bytes:
            self.cut += sum(len(line) > self._line_bytes for line in taken)
            taken = [line[: self._line_bytes] for line in taken]
        return reader_texts(taken)

    def read(self, size: int) -> bytes:
        """Up to ``size`` bytes from ``position`` on, as they are (the text between windows)."""
        if self._pending:
            data, self._pending = self._pending[:size], self._pending[size:]
        else:
            data = self._stream.read(size)
        self.position += len(data)
        return data

    def skip(self, offset: int) -> None:
        """Move on to ``offset`` (not behind ``position``) by a seek, without reading what lies
        between."""
        ahead = offset - self.position
        if ahead <= len(self._pending):
            self._pending = self._pending[ahead:]
        else:
            self._pending = b""
            self._stream.seek(offset)
        self.position = offset

    def _pass_line(self) -> None:
        """Pass over what is pending and the rest of its line, to and with its line end."""
        self.position += len(self._pending)
        self._pending = b""
        while data := self._stream.read(_PASS_BYTES):
            end = data.find(b"\n")
            if end >= 0:
                self.position += end + 1
                self._pending = data[end + 1 :]
                return
            self.position += len(data)
