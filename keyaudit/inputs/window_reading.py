"""A text file's windows read forward, one after the other, for the request readers: each window's
lines as the readers take them, and what the text passed over between windows defines (a W3C
log's ``#Fields:``, a request file's variables), which the lines below it read by."""

from __future__ import annotations

from typing import BinaryIO, Iterator

from keyaudit.engine.window_groups import Window
from keyaudit.inputs.captures.file_scope import DEFINITION_STARTS, DEFINITIONS_HEAD_BYTES, FileScope
from keyaudit.inputs.line_blocks import LineBlocks
from keyaudit.sources.compression import is_decompressing

_SKIP_BYTES = 1 << 20
_LINES_AT_ONCE = 256  # of a window, read and decoded together


class WindowReading:
    """A stream read forward, window after window: where it is, the lines of each window, and
    what the text passed over between them defines (``scope``)."""

    def __init__(self, stream: BinaryIO, scope: FileScope, line_bytes: int) -> None:
        self._stream = stream
        self.blocks = LineBlocks(stream, line_bytes)
        self._scope = scope
        self._line_bytes = line_bytes
        self.defining = False  # whether the file defined something, or a line read may have

    def _advance(self, offset: int) -> None:
        """Move the stream on to ``offset``: windows come in order, so it only moves forward. A
        seek for plain data, once past the file's head without a definition in it; else the text
        is read through (a decompressor's must be), its whole lines shown to the scope."""
        blocks, stream = self.blocks, self._stream
        seeks = stream.seekable() and not is_decompressing(stream)
        partial = b""  # the start of a line the last read cut
        while blocks.position < offset:
            if seeks and blocks.position >= DEFINITIONS_HEAD_BYTES and not self._scope.may_redefine:
                blocks.skip(offset)
                break
            data = blocks.read(min(_SKIP_BYTES, offset - blocks.position))
            if not data:
                break
            cut = data.rfind(b"\n") + 1
            if cut:
                self._scope.scan(partial + data[:cut])
                self.defining = self.defining or self._scope.defines
                partial = data[cut:]
            elif len(partial) < self._line_bytes:
                partial += data

    def lines(self, window: Window) -> Iterator[tuple[int, str]]:
        """The window's lines as (number, text without its line ending), each cut at the
        reading's line bound, read a few hundred at a time as they are asked for."""
        if window.offset > self.blocks.position:
            self._advance(window.offset)
        number = window.first_line
        while number <= window.last_line:
            asked = min(_LINES_AT_ONCE, window.last_line + 1 - number)
            texts = self.blocks.lines(asked)
            if not self.defining and any(text.startswith(DEFINITION_STARTS) for text in texts):
                self.defining = True
            yield from zip(range(number, number + len(texts)), texts)
            if len(texts) < asked:
                return
            number += asked
