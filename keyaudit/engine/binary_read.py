"""Binary content as one pass reads it: up to the bound its strings are read to, digested as it is read, and with
a UTF-16LE string that runs on into the next piece held back until that piece is read.

The record ``--state`` keeps of binary content (its length, the SHA-256 of all of it, its newlines) is made of the
bytes this pass read, never of a second read after it: a file rewritten while it was scanned would otherwise be
recorded as read, and its new bytes never scanned. Past the bound the caller reads on through the same stream only
to finish the digest (:meth:`BinaryRead.drain`). A content picked up where an earlier run stopped (an appended
capture, a journal, a WAL) is read up to there by :meth:`BinaryRead.pick_up`, into the digest, the newlines and the
text run it ends in, which the view reads again with what follows: a key the writer had not finished then is one
string now (see ``keyaudit.run.binary_unit``).

The strings view blanks a UTF-16LE run shorter than ``MIN_RUN`` characters at a piece's start, and narrows a run
from where it starts in its piece: a wide key cut by a piece's end would be two pieces of text, neither the key. So
a piece's last bytes that may begin or continue such a run (up to :data:`WIDE_CARRY`) are held back and read at
the start of the next piece, where they stand in the same place of the content.
"""

from __future__ import annotations

import hashlib
import re
from typing import BinaryIO

from keyaudit.engine.binary_text import BYTE_CLASSES
from keyaudit.model.result import BINARY_STRINGS_BYTES

WIDE_CARRY = 4096  # bytes of a UTF-16LE run held back at a piece's end: 2,048 characters, far past any key
DRAIN_BYTES = 1 << 20
# Read backwards: a printable byte whose NUL is still to come, then wide characters (a NUL after a printable byte).
_WIDE_TAIL = re.compile(b"\x01?(?:\x00\x01)*")


def wide_tail(data: bytes) -> int:
    """How many of ``data``'s last bytes may be the start of a UTF-16LE run that the next piece goes on with."""
    backwards = data[-WIDE_CARRY:].translate(BYTE_CLASSES)[::-1]
    return _WIDE_TAIL.match(backwards).end()  # type: ignore[union-attr]


class BinaryBudget:
    """What a run may still read of binary content for strings, in all: unbounded (``left`` None) but for each
    file's own bound, or a commit hook's budget, spent by its binary files and the binary bodies of its captures
    alike (a HAR's gRPC body costs what a file of it does)."""

    def __init__(self, left: int | None = None) -> None:
        self.left = left

    def bound(self) -> int:
        """Bytes the next binary content may be read to."""
        return BINARY_STRINGS_BYTES if self.left is None else min(BINARY_STRINGS_BYTES, self.left)

    def spend(self, count: int) -> None:
        if self.left is not None:
            self.left = max(self.left - count, 0)


class BinaryRead:
    """The reading of one binary content's bytes: how many were read and, when ``digesting`` (``--state``), their
    digest, newlines and the bytes after the last newline (the record's line and column); ``cut`` once some lay
    past ``bound``, the bytes this pass reads for strings at most. ``length``, ``state``, ``lines`` and ``column``
    are those of the content an earlier run read, when this pass picks it up there (:meth:`pick_up`)."""

    def __init__(self, bound: int, digesting: bool = False) -> None:
        self.bound = bound
        self.hasher = hashlib.sha256() if digesting else None
        self.length, self.lines, self.column = 0, 0, 0
        self.resumed = False
        self.cut = False
        self._accepted = 0  # bytes handed to the view or held back for it
        self._held = b""

    @property
    def room(self) -> bool:
        """Whether the bound leaves anything to read."""
        return self._accepted < self.bound

    def take(self, data: bytes, more: bool) -> bytes:
        """Of ``data``, the next bytes read, what the view reads now: the bytes held back before, then ``data`` up to
        the bound, less a UTF-16LE run it may end in when ``more`` may follow (no damage ended the stream)."""
        self._count(data)
        left = self.bound - self._accepted
        if len(data) > left:
            self.cut, data = True, data[: max(left, 0)]
        self._accepted += len(data)
        data, self._held = self._held + data, b""
        if more and data and not self.cut and self.room:
            keep = wide_tail(data)
            if keep < len(data):
                data, self._held = data[: len(data) - keep], data[len(data) - keep :]
        return data

    def pick_up(self, stream: BinaryIO, count: int, again: bool = True) -> bool:
        """Read the first ``count`` bytes of ``stream`` (those an earlier run read) into the digest and the counts,
        scanning none of them but the string they end in (printable or UTF-16LE: no newline, at most
        :data:`WIDE_CARRY` bytes), held back for the view to read again with the bytes that follow (unless not
        ``again``); False when the content is shorter."""
        last = b""
        while self.length < count:
            piece = stream.read(min(DRAIN_BYTES, count - self.length))
            if not piece:
                return False
            self._count(piece)
            last = (last + piece)[-WIDE_CARRY:]
        narrow = len(last) - len(last.translate(BYTE_CLASSES).rstrip(b"\x01"))
        self._held = last[len(last) - max(narrow, wide_tail(last)) :] if again else b""
        self.resumed = True
        return True

    @property
    def start(self) -> tuple[int, int]:
        """The line (1-based) and column where the view's reading starts: that of the bytes held back."""
        return self.lines + 1, self.column - len(self._held)

    def probe(self, stream: BinaryIO) -> None:
        """At the bound: whether the content holds more (``cut``), read from ``stream`` and counted as read."""
        if not self.cut:
            more = stream.read(1)
            self._count(more)
            self.cut = bool(more)

    def drain(self, stream: BinaryIO) -> None:
        """Read the rest of ``stream`` (past the bound) into the digest and the counts, scanning none of it."""
        if self.hasher is None or not self.cut:
            return
        while piece := stream.read(DRAIN_BYTES):
            self._count(piece)

    def hexdigest(self) -> str:
        return self.hasher.hexdigest() if self.hasher is not None else ""

    def _count(self, data: bytes) -> None:
        self.length += len(data)
        if self.hasher is None:
            return
        self.hasher.update(data)
        newline = data.rfind(b"\n")
        if newline >= 0:
            self.lines += data.count(b"\n")
            self.column = len(data) - newline - 1
        else:
            self.column += len(data)
