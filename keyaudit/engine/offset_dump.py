"""The bytes an offset dump shows, put back together, each remembering where it was shown.

curl's ``--trace-ascii`` writes each block of bytes it sends after a line that says what it is
and how long (``=> Send header, 136 bytes (0x88)``), 64 bytes a line, each line after its offset
(``0025: Host: …``); a CR LF ends a line early and is not shown, any other unprintable byte is a
``.``. ``--trace`` writes 16 bytes a line, in hex and then as text. A header longer than a line is
cut into pieces, so no line is the header: the offsets say how the pieces join (a gap of two
bytes after a shorter line is the CR LF that ended it).

Two readers need the bytes whole: the secret scan (a key cut across the lines of a trace is
found in the block's bytes, as a decoding layer, and placed on the characters that showed it:
:mod:`keyaudit.engine.decoding`) and the request readers (:mod:`keyaudit.inputs.captures.offset_dumps`).
Both read a block through :class:`DumpBlock`. Which lines open a block is data (:data:`BLOCKS`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Protocol, TypeVar

# curl's --trace and --trace-ascii (src/tool_cb_dbg.c, dump()): a block of the bytes sent, the
# head's (header) or the body's (data); received bytes, info lines and TLS records are not read.
MARK = "=> Send "  # in every line that opens a block (a text without one has no block to join)
# With --trace-time and --trace-ids the line opens with the time and `[<transfer>-<connection>] `: who
# wrote it, when parallel transfers' blocks interleave (the block's offset lines carry neither). A size of more
# digits than a dozen opens no block (Python turns no more than 4,300 digits into a number).
BLOCKS = re.compile(r"(?P<writer>(?:\d\d:\d\d:\d\d\.\d+ )?(?:\[\d+-(?:\d+|x)\] )?)"
                    r"=> Send (?P<kind>header|data), (?P<size>\d{1,12}) bytes \(0x[0-9a-f]+\)\s*$")
HEAD_KINDS = frozenset({"header"})  # blocks whose bytes are a head's text: its dots are dots
MAX_BLOCK_BYTES = 1 << 20  # a longer block is not joined (its lines are read as they are)
_OFFSET = re.compile(r"(?P<offset>[0-9a-f]{4,16}): (?P<data>.*)")
_OFFSET_LINE = re.compile(rb"[0-9a-f]{4,16}: ")  # how each line of a block starts, in bytes
_HEX = re.compile(r"(?:[0-9a-f]{2} )+")  # the hex form: byte after byte, then the same bytes as text
_CRLF_GAP = 2  # the bytes a line ended early by a CR LF leaves unshown


@dataclass(frozen=True)
class Piece:
    """The bytes one offset line shows: from ``at`` in the block, on the line the caller marks
    ``place``, whose shown bytes start at character ``column``, each ``step`` characters wide
    (1 as text, 3 in hex), ``count`` of them."""

    at: int
    place: int
    column: int
    step: int
    count: int


class DumpBlock:
    """One block's offset lines, joined into the bytes they show as they come."""

    def __init__(self, head: bool, size: int) -> None:
        self.head, self.size = head, size
        self.data = bytearray()
        self.pieces: list[Piece] = []
        self.hex: bool | None = None  # the form, from the first line
        self.writer = ""  # what the opening line wrote before its mark: the time, the transfer's ids
        self.exact = True  # every byte is known (no `.` that may stand for another)
        self.broken = False
        self._ended = False

    @classmethod
    def opened_by(cls, text: str) -> DumpBlock | None:
        """The block a line opens, or None when it opens none (or one too long to join)."""
        opening = BLOCKS.match(text) if MARK in text else None
        if opening is None or int(opening.group("size")) > MAX_BLOCK_BYTES:
            return None
        block = cls(opening.group("kind") in HEAD_KINDS, int(opening.group("size")))
        block.writer = opening.group("writer")
        return block

    def take(self, place: int, text: str) -> bool:
        """Whether the line (marked ``place``) is one of the block's offset lines (taken), else
        the block ended before it."""
        line = _OFFSET.fullmatch(text)
        if line is None or len(self.data) >= self.size:
            return False
        if self.broken:
            return True
        offset, shown = int(line.group("offset"), 16), line.group("data")
        if self.hex is None:
            self.hex = _hex_bytes(shown) is not None
        if offset - len(self.data) == _CRLF_GAP and not self.hex:
            self.data += b"\r\n"
        piece = _hex_bytes(shown) if self.hex else _text_bytes(shown)
        self.broken = piece is None or offset != len(self.data)
        if piece is not None and not self.broken:
            self.pieces.append(Piece(len(self.data), place, line.start("data"), 3 if self.hex else 1, len(piece)))
            self.exact = self.exact and (bool(self.hex) or self.head or b"." not in piece)
            self.data += piece
        return True

    def complete(self) -> bool:
        """Whether the lines taken make up the bytes the opening line declares (a last line
        ended by a CR LF leaves it unshown)."""
        if not self._ended and self.size - len(self.data) == _CRLF_GAP and not self.hex:
            self.data += b"\r\n"
        self._ended = True
        return not self.broken and len(self.data) == self.size


def shown_bytes(data: bytes) -> tuple[bytes, list[int]] | None:
    """The bytes the block whose opening line ``data`` starts with shows, and where in ``data``
    each was shown (a CR LF left unshown: where its line ends); None where its offset lines do
    not make up the bytes it declares."""
    block = read_lines(DumpBlock.opened_by, data)
    if block is None or not block.complete():
        return None
    origin: list[int] = []
    for index, piece in enumerate(block.pieces):
        stop = block.pieces[index + 1].at if index + 1 < len(block.pieces) else len(block.data)
        first = piece.place + piece.column
        origin += [first + piece.step * min(k, piece.count) for k in range(stop - piece.at)]
    return bytes(block.data), origin


class _Taking(Protocol):
    def take(self, place: int, text: str) -> bool: ...


Taking = TypeVar("Taking", bound=_Taking)


def read_lines(opener: Callable[[str], Taking | None], data: bytes, start: int = 0, stop: int | None = None
               ) -> Taking | None:
    """What ``opener`` makes of the line of ``data`` at ``start`` (a dump's block, its rows), given
    the lines after it in turn (read as far as it takes them, up to ``stop``), each marked by
    where it starts, from ``start``; None where the first line opens nothing."""
    stop = len(data) if stop is None else stop
    end = data.find(b"\n", start, stop)
    end = stop if end < 0 else end
    block = opener(data[start:end].decode("utf-8", "surrogateescape"))
    while block is not None and end < stop:
        at = end + 1
        end = data.find(b"\n", at, stop)
        end = stop if end < 0 else end
        if not block.take(at - start, data[at:end].rstrip(b"\r").decode("utf-8", "surrogateescape")):
            break
    return block


def block_end(data: bytes, start: int, stop: int) -> int:
    """Where the lines of a block whose opening line starts at ``data[start]`` end (at the line
    break after its last offset line), looking no further than ``stop``."""
    end = data.find(b"\n", start, stop)
    while end >= 0 and _OFFSET_LINE.match(data, end + 1, stop):
        following = data.find(b"\n", end + 1, stop)
        end = following if following >= 0 else stop
        if end == stop:
            break
    return stop if end < 0 else end


def _text_bytes(shown: str) -> bytes | None:
    """The bytes a line of the text form shows (as the opener decoded them), or None where they
    are not bytes (a character no byte decodes to)."""
    try:
        return shown.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return None


def _hex_bytes(shown: str) -> bytes | None:
    """The bytes of a line in the hex form (each byte's two digits and a blank, padded with
    blanks to the line's width, then the same bytes as text), or None when it is not one. The
    text may begin like hex itself: the count whose text is as long as it says wins. Two counts
    can: every pair that looks like hex (padded or not), or fewer, where a pair the text begins
    with stands where padding would, so there is none (the text a quarter of the line). Each
    count from the most down, tried in turn, read the rest of the line again (quadratic)."""
    pairs = _HEX.match(shown)
    most = len(pairs.group()) // 3 if pairs is not None else 0
    for count in (most, len(shown) // 4 if len(shown) % 4 == 0 else 0):
        padding = len(shown) - 4 * count
        if 0 < count <= most and padding >= 0 and not padding % 3 and not shown[3 * count: 3 * count + padding].strip():
            return bytes.fromhex(shown[: 3 * count])
    return None
