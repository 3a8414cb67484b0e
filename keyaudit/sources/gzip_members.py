"""One big multi-member gzip file on every core: work units that start at member boundaries.

A gzip member can be decoded without anything before it, so a file of many members (``bgzip``,
nginx's ``access_log … gzip``, rotations joined with ``cat``, appends with ``gzip -c >>``) can be
cut where members start and each piece decoded by a different process, with no work done twice.
A single-member file (what ``logrotate``'s ``compress`` writes) has no such place: deflate blocks
refer back 32 KiB into text only a full decode yields, so it stays one unit.

Planning looks for a member header at or after each point where the file would be cut
(:func:`member_starts`), reading a bounded window there and checking each candidate by decoding
its first bytes. A candidate that passes and still is no boundary (a gzip file stored inside
another's deflate data) is caught when the pieces are read: the piece before it cannot end there.

A piece is read line-aligned like a byte range of a plain file (:class:`MemberRange`): it skips
the first line of its text (the previous piece finishes it) and finishes its last line from the
members after its end, so every line is read exactly once, with its findings placed by the lines
of the pieces before it.
"""

from __future__ import annotations

from typing import BinaryIO, Iterator

try:
    from isal import isal_zlib as _zlib
except ImportError:  # pragma: no cover - exercised only where isal has no wheel
    import zlib as _zlib  # type: ignore[no-redef]

from keyaudit.sources.decoders import Damaged
from keyaudit.sources.pieces import RangePieces, Rest
from keyaudit.sources.salvage import GZIP_MAGIC

SEARCH_BYTES = 4 << 20  # how far past a cut point to look for a member header
_FLAG_RESERVED = 0xE0
_TRIAL_OUTPUT = 4096  # text decoded to believe a candidate header
_READ_BYTES = 256 << 10  # compressed bytes read at a time
_PIECE_BYTES = 1 << 20  # decompressed bytes handed over at a time


class MemberBoundaryError(Damaged):
    """A piece does not begin or end at a member boundary: the plan misjudged one (or the file
    is damaged); the caller scans the file whole instead."""


def _plausible(raw: BinaryIO, offset: int) -> bool:
    """Whether a member can start at ``offset``: a gzip header (deflate, no reserved flag) and
    data behind it that decodes."""
    raw.seek(offset)
    data = raw.read(_READ_BYTES)
    if data[:3] != GZIP_MAGIC + b"\x08" or len(data) < 10 or data[3] & _FLAG_RESERVED:
        return False
    try:
        text = _zlib.decompressobj(31).decompress(data, _TRIAL_OUTPUT)
    except _zlib.error:
        return False
    return len(text) > 0


def _first_start(raw: BinaryIO, start: int, limit: int) -> int | None:
    """The first plausible member start in ``[start, limit)``."""
    raw.seek(start)
    window = raw.read(limit - start + 2)  # the magic and the method byte of a header at limit - 1
    found = window.find(GZIP_MAGIC)
    while 0 <= found < limit - start:
        if _plausible(raw, start + found):
            return start + found
        found = window.find(GZIP_MAGIC, found + 1)
    return None


def member_starts(raw: BinaryIO, points: list[int], size: int) -> list[int]:
    """Offsets where plausible members start: the first one at or after each of ``points``
    (each looked for up to :data:`SEARCH_BYTES` past it, and before the next point), ascending,
    without 0 or repeats; empty for a single-member file."""
    starts: list[int] = []
    for point, following in zip(points, [*points[1:], size]):
        found = _first_start(raw, point, min(following, point + SEARCH_BYTES))
        if found is not None and found > 0 and (not starts or found > starts[-1]):
            starts.append(found)
    return starts


def _members(raw: BinaryIO, position: int) -> Iterator[tuple[bytes, int | None]]:
    """Decoded pieces of the members from ``position`` on, each with the offset just past its
    member when it is the member's last piece (else None)."""
    raw.seek(position)
    data = b""
    while True:
        data = data or raw.read(_READ_BYTES)
        if not data:
            return  # the file ends between members
        if not data.startswith(GZIP_MAGIC[: len(data)]):
            raise MemberBoundaryError(f"no gzip member starts at byte {position}")
        member = _zlib.decompressobj(31)
        while not member.eof:
            data = data or raw.read(_READ_BYTES)
            if not data:
                raise EOFError("the file ends inside a gzip member")
            try:
                piece = member.decompress(data, _PIECE_BYTES)
            except _zlib.error as exc:  # the file is read whole after this, which says where
                raise Damaged(f"gzip damaged after byte {position}: {exc}") from None
            position += len(data) - len(member.unconsumed_tail) - len(member.unused_data)
            data = member.unconsumed_tail or member.unused_data
            yield piece, position if member.eof else None


class MemberRange(RangePieces):
    """The lines of a multi-member gzip file that belong to the members starting in
    ``[start, end)``: from the first line that starts in them (none to skip at byte 0) through
    the line that is open where the member ending at ``end`` ends, finished from the next."""

    def __init__(self, raw: BinaryIO, start: int, end: int) -> None:
        members = _members(raw, start)
        rest = Rest((piece for piece, _ended_at in members), (Damaged,))
        super().__init__(self._lines(members, start > 0, end, rest), rest)

    @staticmethod
    def _lines(members: Iterator[tuple[bytes, int | None]], skip: bool, end: int, rest: Rest) -> Iterator[bytes]:
        finishing = False
        for piece, ended_at in members:
            if skip or finishing:
                newline = piece.find(b"\n")
                if finishing:
                    yield piece if newline < 0 else piece[: newline + 1]
                    if newline >= 0:
                        rest.left = piece[newline + 1 :]
                        return
                    continue
                skip = newline < 0
                piece = piece[newline + 1 :]
            if piece and not skip:
                yield piece
            if ended_at is not None and ended_at >= end:
                if ended_at > end:
                    raise MemberBoundaryError(f"a gzip member runs past byte {end}")
                if skip:
                    return  # no line starts in these members: the previous piece read them all
                finishing = True
