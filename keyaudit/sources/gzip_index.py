"""One big single-member gzip file on every core: seek points into its deflate stream.

A single-member gzip file (what ``logrotate``'s ``compress`` writes) has no place where a
decoder can start without what came before: deflate blocks refer back 32 KiB into text only a
decode from the start yields. The plan decodes the file once with rapidgzip, which records where
deflate blocks start (in bits of the file) and at which offset of the text, and keeps for each
place it cuts a :class:`SeekPoint`: a block that starts on a byte boundary (about one in eight
does; isal and zlib cannot start inside a byte), its text offset, and the 32 KiB of text before
it, which the block's back-references reach into. Each seek point is tried before it is kept
(the first bytes decoded from it must be the text rapidgzip gave there), so a record misread —
a member's start, say — is never a cut.

A piece is then decoded by isal alone (:class:`IndexedRange`): raw deflate from its seek point,
primed with the window, as fast as decoding from the start; members after that one, if any, as
gzip. A unit carries its seek point (32 KiB), nothing that lives only on this machine, so a Dask
worker that can read the file can read the piece.

Building is a full decode; whether it pays is the plan's call (:mod:`keyaudit.run.gzip_cutting`).
It fails into None — rapidgzip or isal missing, the file damaged, cut short, with bytes after its
end — and the file is read whole, which reports any damage as before.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Iterator

from keyaudit.sources.compression import ISAL_GZIP, igzip_lib
from keyaudit.sources.decoders import INPUT_BYTES, PIECE_BYTES, Damaged, Decoded
from keyaudit.sources.pieces import RangePieces, Rest, dropped, line_aligned

WINDOW_BYTES = 32 << 10  # how far deflate's back-references reach
TRAILER_BYTES = 8  # a member's CRC and length
RECORD_BYTES = 512 << 10  # text between rapidgzip's block records (more memory and time below; fewer candidates above)
MIN_RECORD_BYTES = 8 << 10  # rapidgzip's least
_TRIAL_BYTES = 4096  # text decoded from a candidate seek point to believe it
_READ_BYTES = 1 << 20


@dataclass(frozen=True)
class SeekPoint:
    """Where a piece's decoding starts: the file's byte where a deflate block starts (0: the
    gzip header, the start of the file), the text offset its output starts at, and the text
    before that offset that the block may refer back into."""

    compressed: int = 0
    text: int = 0
    window: bytes = b""


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """rapidgzip says on the process's stderr (from C++) that a file is cut short; the plan
    finds that out itself, and the user sees the scan's one line about it, not the library's. With
    stderr closed (`2>&-`) there is nothing to quiet."""
    if sys.stderr is None:
        yield
        return
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _inflate(raw: BinaryIO, seek_point: SeekPoint, limit: int = -1) -> Iterator[bytes]:
    """The text of the deflate stream from ``seek_point`` to the stream's end (or ``limit`` bytes
    of it, in one piece); raw left just past the stream's last byte."""
    raw.seek(seek_point.compressed)
    inflate = igzip_lib.IgzipDecompressor(flag=igzip_lib.DECOMP_DEFLATE, hist_bits=15,  # type: ignore[union-attr]
                                          zdict=seek_point.window)
    data = b""
    while not inflate.eof:
        if inflate.needs_input and not data:
            data = raw.read(INPUT_BYTES)
            if not data:
                raise Damaged(f"gzip data ends inside the stream after byte {seek_point.compressed}: cut short")
        try:
            piece = inflate.decompress(data, PIECE_BYTES if limit < 0 else limit)
        except igzip_lib.IsalError as exc:  # type: ignore[union-attr]
            raise Damaged(f"gzip damaged after byte {seek_point.compressed}: {exc}") from None
        data = b""
        if piece:
            yield piece
        if limit >= 0:
            return
    raw.seek(raw.tell() - len(inflate.unused_data))


def _members(raw: BinaryIO) -> Iterator[bytes]:
    """The text of the gzip members from ``raw``'s position on; damage raised once reached."""
    decoded = Decoded(raw, ISAL_GZIP)  # type: ignore[arg-type]
    while piece := decoded.read(PIECE_BYTES):
        yield piece
    if decoded.damage is not None:
        raise decoded.damage


def _text_from(raw: BinaryIO, seek_point: SeekPoint) -> Iterator[bytes]:
    """The file's text from ``seek_point`` on: the rest of its deflate stream, the member's
    trailer checked for length, then any members after it."""
    if seek_point.compressed == 0:
        raw.seek(0)
        yield from _members(raw)
        return
    yield from _inflate(raw, seek_point)
    if len(raw.read(TRAILER_BYTES)) < TRAILER_BYTES:
        raise Damaged("the gzip data ends inside a member's trailer: cut short")
    yield from _members(raw)


class IndexedRange(RangePieces):
    """The lines of a gzip file's text that start in ``[start, end)`` (to the text's end when
    ``end`` is None), decoded from ``seek_point``, at or before ``start`` (text between them is
    decoded and dropped): the line in progress at ``start`` is the previous piece's, and the
    line in progress at ``end`` is finished from the text after it."""

    def __init__(self, raw: BinaryIO, seek_point: SeekPoint, start: int, end: int | None) -> None:
        text = _text_from(raw, seek_point)
        if start > 0:
            # From the byte before ``start`` (the window's last, at the seek point itself): the
            # range's lines are those after the first newline from there on.
            before = seek_point.window[-1:]
            text = dropped(itertools.chain([before], text), start - 1 - (seek_point.text - len(before)))
            end = None if end is None else end - start + 1
        rest = Rest(text, (Damaged,))
        super().__init__(line_aligned(text, start > 0, end, rest), rest)


# ``decoded`` below: a rapidgzip.RapidgzipFile read to its end (rapidgzip is imported when needed).


def _tried(raw: BinaryIO, decoded: Any, place: tuple[int, int]) -> SeekPoint | None:
    """The seek point at ``place`` when decoding from it gives the text rapidgzip gave there."""
    compressed, text = place
    start = max(0, text - WINDOW_BYTES)
    decoded.seek(start)
    known = decoded.read(text - start + _TRIAL_BYTES)
    seek_point = SeekPoint(compressed, text, known[: text - start])
    try:
        trial = b"".join(_inflate(raw, seek_point, _TRIAL_BYTES))
    except Damaged:
        return None
    return seek_point if trial and known[text - start :].startswith(trial) else None


def _chosen(raw: BinaryIO, decoded: Any, piece: int) -> list[SeekPoint]:
    """For each multiple of ``piece`` bytes of text, the first of rapidgzip's block records at
    or after it (and before the next) that starts on a byte and passes :func:`_tried`; none for
    a stretch without one: the piece before takes it too."""
    size = decoded.tell()
    records = sorted((bit // 8, text) for bit, text in decoded.block_offsets().items()
                     if bit % 8 == 0 and 0 < text < size)
    cuts: list[SeekPoint] = []
    at = 0
    for point in range(piece, size, piece):
        while at < len(records) and records[at][1] < point:
            at += 1
        while at < len(records) and records[at][1] < point + piece:
            seek_point = _tried(raw, decoded, records[at])
            at += 1
            if seek_point is not None:
                cuts.append(seek_point)
                break
    return cuts


def index_cuts(path: Path, piece: int, parallelization: int = 1) -> tuple[int, list[SeekPoint]] | None:
    """The text's length and a seek point at the first block record at or after each multiple
    of ``piece`` bytes of text (and before the next), decoding with ``parallelization`` threads;
    None when the file cannot be indexed (then it is read whole)."""
    if igzip_lib is None or ISAL_GZIP is None:
        return None
    try:
        import rapidgzip
    except ImportError:  # a platform without its wheel: read whole, as before
        return None
    record = min(RECORD_BYTES, max(MIN_RECORD_BYTES, piece // 16))
    try:
        with _quiet_stderr(), open(path, "rb") as raw, \
                rapidgzip.RapidgzipFile(str(path), parallelization=parallelization, chunk_size=record) as decoded:
            buffer = bytearray(_READ_BYTES)
            while decoded.readinto(buffer):
                pass
            if decoded.tell_compressed() != 8 * os.fstat(raw.fileno()).st_size:
                return None  # it stopped short of the end: the file is cut short
            return decoded.tell(), _chosen(raw, decoded, piece)
    except (RuntimeError, ValueError, OSError):  # what rapidgzip raises for damage, and failed reads
        return None


def trailer_length(path: Path) -> int:
    """The text's length as the file's last four bytes give it (a member's length modulo 2**32),
    taken as the least such length that is at least the file's size, as the text of a log is.
    Exact for one member of less than 4 GiB of text; for more, or for several members, only a
    guess — a plan that cuts by it must read the last piece to the end of the text."""
    with open(path, "rb") as raw:
        size = os.fstat(raw.fileno()).st_size
        raw.seek(max(0, size - 4))
        modulo = int.from_bytes(raw.read(4).ljust(4, b"\0"), "little")
    return modulo + max(0, -(-(size - modulo) // (1 << 32))) * (1 << 32)
