"""Dumps that show a stream of bytes as lines after their offsets, read back as the stream.

curl's ``--trace-ascii`` writes each block of bytes it sends after a line that says what it is
and how long (``=> Send header, 136 bytes (0x88)``), 64 bytes a line, each line after its offset
(``0025: Host: …``); a CR LF ends a line early and is not shown, any other unprintable byte is a
``.``. ``--trace`` writes 16 bytes a line, in hex and then as text. A header longer than a line is
cut into pieces, so no line is the header: the offsets say how the pieces join (a gap of two
bytes after a shorter line is the CR LF that ended it), and the block is the text it shows,
given to the readers of requests as the lines of that text, each numbered as the offset line it
began on (before they are given any line: a line is whole only once the next piece says so). Where a ``.`` may stand for another byte (a body's line feed, in the text form), the
bytes are not known: a block of data holding one is left out (the body is not shown as sent),
while a head's dots are its own (its host name's, its version's).

Which lines open a block is data (:data:`BLOCKS`); the other lines are given as they are.
"""

from __future__ import annotations

import bisect

import re
from typing import Iterable, Iterator

from .lines import to_bytes

# curl's --trace and --trace-ascii (src/tool_cb_dbg.c, dump()): a block of the bytes sent, the
# head's (header) or the body's (data); received bytes, info lines and TLS records are not read.
MARK = "=> Send "  # in every line that opens a block (a window without one has no block to join)
BLOCKS = re.compile(r"=> Send (?P<kind>header|data), (?P<size>\d+) bytes \(0x[0-9a-f]+\)\s*$")
HEAD_KINDS = frozenset({"header"})  # blocks whose bytes are a head's text: its dots are dots
_OFFSET = re.compile(r"(?P<offset>[0-9a-f]{4,16}): (?P<data>.*)")
_HEX = re.compile(r"(?:[0-9a-f]{2} )+")  # the hex form: byte after byte, then the same bytes as text
_CRLF_GAP = 2  # the bytes a line ended early by a CR LF leaves unshown
MAX_BLOCK_BYTES = 1 << 20  # a longer block is not joined (its lines are given as they are)


def joined_blocks(lines: Iterable[tuple[int, str]], leads: dict[int, int]
                  ) -> tuple[list[tuple[int, str]], dict[int, int]]:
    """The lines, with each block of sent bytes an offset dump shows (its opening line and its
    offset lines) replaced by the lines of the text it holds, and the anchored lines (``leads``)
    with an anchor on the opening line or on a piece moved to the line of text it is in."""
    out: list[tuple[int, str]] = []
    moved = dict(leads)
    block: _Block | None = None
    for number, text in lines:
        if block is not None:
            if block.take(number, text):
                continue
            block.give(out, moved)
            block = None
        opening = BLOCKS.match(text) if MARK in text else None
        if opening is not None and int(opening.group("size")) <= MAX_BLOCK_BYTES:
            block = _Block(number, text, opening.group("kind") in HEAD_KINDS, int(opening.group("size")))
        else:
            out.append((number, text))
    if block is not None:
        block.give(out, moved)
    return out, moved


class _Block:
    """One block's offset lines, joined into the bytes they show as they come."""

    def __init__(self, number: int, text: str, head: bool, size: int) -> None:
        self.given = [(number, text)]  # the lines as written: given back where they join no bytes
        self.head, self.size = head, size
        self.data = bytearray()
        self.starts: list[tuple[int, int]] = []  # (byte position, number of the line it was shown on)
        self.hex: bool | None = None  # the form, from the first line
        self.exact = True  # every byte is known (no `.` that may stand for another)
        self.broken = False

    def take(self, number: int, text: str) -> bool:
        """Whether the line is one of the block's offset lines (taken), else the block ended."""
        line = _OFFSET.fullmatch(text)
        if line is None or len(self.data) >= self.size:
            return False
        self.given.append((number, text))
        if self.broken:
            return True
        offset, shown = int(line.group("offset"), 16), line.group("data")
        if self.hex is None:
            self.hex = _hex_bytes(shown) is not None
        if offset - len(self.data) == _CRLF_GAP and not self.hex:
            self.data += b"\r\n"
        piece = _hex_bytes(shown) if self.hex else to_bytes(shown)
        self.broken = piece is None or offset != len(self.data)
        if piece is not None and not self.broken:
            self.starts.append((len(self.data), number))
            self.exact = self.exact and (self.hex or self.head or b"." not in piece)
            self.data += piece
        return True

    def give(self, out: list[tuple[int, str]], leads: dict[int, int]) -> None:
        """Add the block's lines to ``out``, and move the anchors on the lines it was written on
        to the line of text each is in (the first, for its opening line)."""
        lines = list(self.lines())
        out.extend(lines)
        if not lines or lines == self.given:
            return
        starts = [line for line, _ in lines]  # in order: each text line numbered by where it began
        for number, _ in self.given:
            if number in leads:
                to = starts[max(0, bisect.bisect_right(starts, number) - 1)]
                leads[to] = max(leads.get(to, 0), leads[number])

    def lines(self) -> Iterator[tuple[int, str]]:
        """The lines of the text the block shows, each numbered as the offset line its first
        byte was shown on; none for a body a `.` may hide bytes of; the block's lines as they
        are written, where they do not make up the bytes its opening line declares."""
        if self.size - len(self.data) == _CRLF_GAP and not self.hex:
            self.data += b"\r\n"
        if self.broken or len(self.data) != self.size:
            yield from self.given
            return
        if not self.exact:
            return
        data = bytes(self.data[:-1] if self.data.endswith(b"\n") else self.data)
        position, index = 0, 0
        for part in data.split(b"\n"):
            while index + 1 < len(self.starts) and self.starts[index + 1][0] <= position:
                index += 1
            yield self.starts[index][1], part.decode("utf-8", "surrogateescape")
            position += len(part) + 1


def _hex_bytes(shown: str) -> bytes | None:
    """The bytes of a line in the hex form (each byte's two digits and a blank, padded with
    blanks to the line's width, then the same bytes as text), or None when it is not one. The
    text may begin like hex itself: the count whose text is as long as it says wins."""
    pairs = _HEX.match(shown)
    count = len(pairs.group()) // 3 if pairs is not None else 0
    while count:
        rest = shown[3 * count:]
        padding = len(rest) - count
        if padding >= 0 and not padding % 3 and not rest[:padding].strip():
            return bytes.fromhex(shown[: 3 * count])
        count -= 1
    return None
