"""A text file's windows read forward, one after the other, for the request readers: each window's
lines as the readers take them, in slices of bounded size, and what the text passed over between
windows defines (a W3C log's ``#Fields:``, a request file's variables), which the lines below it
read by."""

from __future__ import annotations

import math
from typing import BinaryIO, Iterator

from keyaudit.engine.window_groups import Window
from keyaudit.inputs.captures.file_scope import DEFINITION_STARTS, DEFINITIONS_HEAD_BYTES, FileScope
from keyaudit.inputs.line_blocks import LineBlocks
from keyaudit.model.exchange import REQUEST_SPAN_LINES
from keyaudit.sources.compression import is_decompressing

_SKIP_BYTES = 1 << 20
_LINES_AT_ONCE = 256  # of a window, read and decoded together
MAX_WINDOW_BYTES = 16 << 20  # of a window's lines read (or kept) at once
SLICE_LINES = 8192  # a window's lines read at once, at most
SLICE_OVERLAP = 2 * REQUEST_SPAN_LINES  # lines a slice reads past its own: a request begun in it ends in them


class WindowReading:
    """A stream read forward, window after window: where it is, the lines of each window, and
    what the text passed over between them defines (``scope``)."""

    def __init__(self, stream: BinaryIO, scope: FileScope, line_bytes: int) -> None:
        self._stream = stream
        self.blocks = LineBlocks(stream, line_bytes)
        self._scope = scope
        self._line_bytes = line_bytes
        self.defining = False  # whether the file defined something, or a line read may have
        self._line = 1  # the number of the line at ``blocks.position``

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
        reading's line bound, read a few hundred at a time as they are asked for. A window whose
        offset the reading is past starts where the reading is (the rest of a cut window, whose
        first part was read); the lines between where the reading is and the window's first line
        are read and passed over (that first part was let go of unread)."""
        if window.offset >= self.blocks.position:
            self._advance(window.offset)
            self._line = window.at_offset
        number = self._line
        while number <= window.last_line:
            asked = min(_LINES_AT_ONCE, window.last_line + 1 - number)
            texts = self.blocks.lines(asked)
            if not self.defining and any(text.startswith(DEFINITION_STARTS) for text in texts):
                self.defining = True
            self._line = number + len(texts)
            before = max(0, window.first_line - number)  # lines before the window's own
            yield from zip(range(number + before, self._line), texts[before:])
            if len(texts) < asked:
                return
            number += asked


class Slicer:
    """A window's lines cut into slices of at most :data:`SLICE_LINES` lines and about
    :data:`MAX_WINDOW_BYTES`, each with the lines its requests start on (first, end): a slice
    reads :data:`SLICE_OVERLAP` lines on past them, and the next begins that many before them,
    so that a request begun near a slice's end is read whole, once (unless those lines are
    huge: then the next slice begins after them, and holds no more than its bound). Fed line by
    line, so that a window handed over in pieces as the pass goes is cut where it would be whole."""

    def __init__(self) -> None:
        self.part: list[tuple[int, str]] = []  # the slice being filled
        self._size = 0
        self._own_first = -math.inf

    def add(self, item: tuple[int, str]) -> tuple[list[tuple[int, str]], tuple[float, float]] | None:
        """Take the window's next line; the slice it completes, if it does."""
        part = self.part
        part.append(item)
        self._size += len(item[1])
        if len(part) < SLICE_LINES and self._size < MAX_WINDOW_BYTES:
            return None
        carried = part[-2 * SLICE_OVERLAP :] if len(part) > 2 * SLICE_OVERLAP else []
        self._size = sum(len(text) for _, text in carried)
        if self._size > MAX_WINDOW_BYTES // 2:  # huge lines: the next slice starts afresh
            carried, self._size = [], 0
        own_end = carried[SLICE_OVERLAP][0] if carried else part[-1][0] + 1
        done = part, (self._own_first, own_end)
        self.part, self._own_first = carried, own_end
        return done

    def rest(self) -> tuple[list[tuple[int, str]], tuple[float, float]] | None:
        """The last slice: the lines taken since the last one, to the window's end."""
        return (self.part, (self._own_first, math.inf)) if self.part else None

