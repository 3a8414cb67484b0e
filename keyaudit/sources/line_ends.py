"""Texts whose lines end in a carriage return alone, read as lines.

Classic Mac OS text, some device and serial-console logs, and programs that end each line as a
terminal's progress output does write CR, not LF, after a line. The engine reads lines by LF, so
such a file was one line: every finding at line 1, each request in it part of one record too long
to read (a 5 MB log of provider traffic, its newlines made CRs, lost all 67 unsigned transfers and
took twelve times the CPU). A text whose first 4 KiB hold line ends and no LF among them — CRs
ending its lines — is read with each CR that no LF follows an LF: a byte for a byte, so every offset and
column stays what it was, and lines are numbered as an editor numbers them (vim's and Emacs's "mac"
line ends). Any other text is read as written and its lines counted by LF, as ``grep -n`` counts them:
a CRLF log, and the carriage returns of a progress bar among LF lines (a bar longer than 4 KiB at the
very top of a file, no LF before it, makes the file read as CR-ended).

The head decides once, not a count over the file: a file is not read twice to know, and a log
scanned with ``--state`` and appended to is read the same way each time (unless it was shorter than
the head, CR-ended, and an LF was then written within its first 4 KiB: it is read as new).
"""

from __future__ import annotations

import io
import re
from typing import BinaryIO

SNIFF_BYTES = 4096  # the head looked at (what a reader has at hand)
_LONE_CR = re.compile(rb"\r(?!\n)")
_CR_AS_LF = bytes.maketrans(b"\r", b"\n")


def cr_ended(head: bytes) -> bool:
    """Whether the text that starts with ``head`` ends its lines in CR: a CR before the head's last byte (one there may
    be a CR LF's), no LF, and no NUL (binary content has no lines to end: its bytes are read as they are)."""
    return b"\n" not in head and b"\r" in head[:-1] and b"\0" not in head


def _as_lf(piece: bytes) -> bytes:
    """``piece`` with each CR that no LF follows an LF."""
    return _LONE_CR.sub(b"\n", piece) if b"\r\n" in piece else piece.translate(_CR_AS_LF)


class LfEnded(io.RawIOBase):
    """A reader of a CR-ended text with its lone CRs read as LFs (see the module); it seeks where the text it reads
    does (a byte is a byte: an offset is the same in both), and decompresses where it does."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self.passes_on = stream  # what it reads: a decoder still, to whoever asks (see :mod:`.compression`)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return self._stream.seekable()

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self._stream.seek(offset, whence)

    def tell(self) -> int:
        return self._stream.tell()

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        data = self._stream.read(len(buffer))
        if data.endswith(b"\r"):  # the next byte says whether an LF follows it
            follows = self._stream.peek(1)[:1]  # type: ignore[attr-defined]
            data = _as_lf(data[:-1]) + (b"\r" if follows == b"\n" else b"\n")
        else:
            data = _as_lf(data)
        buffer[: len(data)] = data
        return len(data)


def lf_ended(stream: BinaryIO) -> BinaryIO:
    """``stream`` itself, or — when its head says its lines end in CR (:func:`cr_ended`) — a reader of it
    with its lone CRs LFs. ``stream`` must be able to peek (a buffered reader)."""
    if not cr_ended(stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]):  # type: ignore[attr-defined]
        return stream
    return io.BufferedReader(LfEnded(stream))  # type: ignore[arg-type]
