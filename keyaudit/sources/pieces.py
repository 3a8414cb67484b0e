"""The lines of a range of text read in pieces (decoded members, a queue's contents): pieces handed on through
:class:`~keyaudit.engine.piece_stream.Pieces`.

A range of decoded text (:class:`RangePieces`) can read on past its end with the decoder it was
read with: a request that begins in the range and ends in the next is read whole where it
begins, without decoding the text up to there again.
"""

from __future__ import annotations

import itertools
import sys
from typing import Iterator

from keyaudit.engine.piece_stream import Pieces


class Rest:
    """The text a range's lines were cut from, past them: what is left of the piece the range's
    last line ends in (:func:`line_aligned` leaves it here), then the pieces after it, from the
    same iterator — the same file handle or decoder, read on. ``damage``: what that iterator
    raises for text it cannot decode; past the range it ends the text quietly (the next range
    reads that text, and reports it)."""

    def __init__(self, pieces: Iterator[bytes], damage: tuple[type[BaseException], ...] = ()) -> None:
        self.pieces, self.left, self._damage = pieces, b"", damage

    def lines(self, limit: int) -> Iterator[bytes]:
        """The lines that start in the first ``limit`` bytes of the text past the range (the last
        one finished); fewer where the text ends, or is damaged, before."""
        left, self.left = self.left, b""
        try:
            yield from line_aligned(itertools.chain([left], self.pieces), False, limit)
        except (EOFError, *self._damage):
            return


class RangePieces(Pieces):
    """The ``lines`` of a range of text made in pieces, which ``rest`` holds the text after."""

    def __init__(self, lines: Iterator[bytes], rest: Rest) -> None:
        super().__init__(lines)
        self._rest = rest

    def read_on(self, limit: int) -> None:
        """Once the range's lines are read, go on with those that start in the next ``limit``
        bytes of the text, as the same decoder gives them."""
        self._pieces = itertools.chain(self._pieces, self._rest.lines(limit))


def line_aligned(pieces: Iterator[bytes], skip: bool, length: int | None, rest: Rest | None = None) -> Iterator[bytes]:
    """The lines that start in the first ``length`` bytes of the text ``pieces`` hand out (all of
    them when None): without the line in progress at its start when ``skip`` (the range before
    finishes it), and with the line in progress at its end finished from the text after it — so
    ranges cut anywhere read every line once. A range that no line starts in gives nothing; text
    that ends before ``length`` is an :class:`EOFError` (the range was planned on other content).
    The text of the last piece read that is past the lines is left in ``rest``, if given (whose
    ``pieces`` are then ``pieces``)."""
    left, at_line_start, finishing = sys.maxsize if length is None else length, True, False
    for piece in pieces:
        if not finishing:
            own, piece = piece[:left], piece[left:]  # the whole piece, not a copy, inside the range
            left -= len(own)
            if skip:
                newline = own.find(b"\n")
                own, skip = (b"", True) if newline < 0 else (own[newline + 1 :], False)
            if own:
                yield own
                at_line_start = own.endswith(b"\n")
            if left:
                continue
            if skip or at_line_start:
                if rest is not None:
                    rest.left = piece
                return
            finishing = True
        newline = piece.find(b"\n")
        if newline >= 0:
            yield piece[: newline + 1]
            if rest is not None:
                rest.left = piece[newline + 1 :]
            return
        if piece:
            yield piece
    if left and length is not None:
        raise EOFError("the text ends before the range planned in it")


def dropped(pieces: Iterator[bytes], count: int) -> Iterator[bytes]:
    """The text ``pieces`` hand out after its first ``count`` bytes; :class:`EOFError` when it
    is shorter (what follows was planned on other content)."""
    for piece in pieces:
        if count >= len(piece):
            count -= len(piece)
            continue
        yield piece[count:] if count else piece
        count = 0
        yield from pieces
        return
    if count:
        raise EOFError("the text ends before the range planned in it")
