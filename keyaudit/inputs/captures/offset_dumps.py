"""Dumps that show a stream of bytes as lines after their offsets, read back as the stream.

Each block of bytes an offset dump shows (curl's ``--trace-ascii`` and ``--trace``: the format in
:mod:`keyaudit.engine.offset_dump`, which joins a block's pieces by their offsets) is given to the
readers of requests as the lines of its text, each numbered as the offset line it began on (before
they are given any line: a line is whole only once the next piece says so). Where a ``.`` may
stand for another byte (a body's line feed, in the text form), the bytes are not known: a block
of data holding one is left out (the body is not shown as sent), while a head's dots are its own
(its host name's, its version's). The other lines are given as they are.
"""

from __future__ import annotations

import bisect
from typing import Iterable, Iterator

from keyaudit.engine.offset_dump import DumpBlock


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
        opened = DumpBlock.opened_by(text)
        if opened is not None:
            block = _Block(number, text, opened)
        else:
            out.append((number, text))
    if block is not None:
        block.give(out, moved)
    return out, moved


class _Block:
    """One block's lines as written, and the bytes they show."""

    def __init__(self, number: int, text: str, block: DumpBlock) -> None:
        self.given = [(number, text)]  # the lines as written: given back where they join no bytes
        self.block = block

    def take(self, number: int, text: str) -> bool:
        """Whether the line is one of the block's offset lines (taken), else the block ended."""
        if not self.block.take(number, text):
            return False
        self.given.append((number, text))
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
        block = self.block
        if not block.complete():
            yield from self.given
            return
        if not block.exact:
            return
        data = bytes(block.data[:-1] if block.data.endswith(b"\n") else block.data)
        pieces = block.pieces
        position, index = 0, 0
        for part in data.split(b"\n"):
            while index + 1 < len(pieces) and pieces[index + 1].at <= position:
                index += 1
            yield pieces[index].place, part.decode("utf-8", "surrogateescape")
            position += len(part) + 1
