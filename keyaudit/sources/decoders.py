"""Compressed streams decoded a piece at a time, every piece before the damage handed out.

The libraries' streaming decompressors — isal's gzip, bz2, lzma, zstd, lz4 — share one
interface (``decompress(data, max_length)``, ``eof``, ``unused_data``, ``needs_input``), so one
loop reads them all: member after member (frames, streams), output bounded per step whatever
the input (a small file cannot blow up memory), and damage — a member cut short, a bad block,
junk after the last member — kept in :attr:`Decoded.damage` instead of raised. A reader that
raises out of a read takes the text that read decoded with it, and a buffered reader above it
loses whole buffers more; this one ends the text where the damage is and lets whoever opened it
raise the damage once the text has been read (:func:`keyaudit.sources.opening.opener_for`).
Catching only what each library raises for bad data keeps a bug from passing for damage.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO, Callable, Iterator, Protocol

from keyaudit.engine.piece_stream import Pieces

INPUT_BYTES = 256 << 10  # compressed bytes read at a time
# At most this much text decoded per step: the unit handed on, and what damage can cost of the
# text before it (a decompressor that fails hands out nothing of the step).
PIECE_BYTES = 256 << 10
MEMBER_HEAD_BYTES = 18  # a member's first bytes kept to tell why it was refused: a zstd frame header's longest


class Damaged(Exception):
    """Content that cannot be read past a point of the file: a compressed stream cut short or
    corrupt, or a piece of a file that does not start or end where it was planned. The message
    says where, in bytes of the file, and why in the library's fixed words (never the data)."""


class PastBound(Damaged):
    """Content that is not damaged but cannot be read within a bound on memory (a zstd frame
    asking for a window past what a scan decodes with): said as what it is, not as damage."""


class StreamDecompressor(Protocol):
    """The decompressor objects of isal (``IgzipDecompressor``), bz2, lzma, zstd and lz4."""

    eof: bool
    unused_data: bytes
    needs_input: bool

    def decompress(self, data: bytes, max_length: int = -1) -> bytes: ...


@dataclass(frozen=True)
class Codec:
    """How one compressed format is read: its magic bytes, a new decompressor for each member
    (frame, stream), what the library raises for bad data, the bytes allowed between members and
    after the last (NUL padding, for gzip and xz), and other starts a later member may have
    (zstd's and lz4's skippable frames, which their decompressors read as empty frames)."""

    name: str
    magic: bytes
    decompressor: Callable[[], StreamDecompressor]
    errors: tuple[type[BaseException], ...]
    padding: bytes = b""
    later_magics: tuple[bytes, ...] = ()
    # Why a member whose first bytes are these is past a bound on memory (None: it is not), asked
    # only when the library refused it: the library's words are no better than "damage".
    past_bound: Callable[[bytes], str | None] | None = None

    def starts_member(self, data: bytes) -> bool:
        return data.startswith(self.magic) or data.startswith(self.later_magics)


class Decoded(Pieces):
    """The text of ``raw`` in ``codec`` up to its end or its damage, in pieces of at most
    :data:`PIECE_BYTES`; damage kept in :attr:`damage`, never raised."""

    def __init__(self, raw: BinaryIO, codec: Codec) -> None:
        self._raw, self._codec = raw, codec
        self._first: StreamDecompressor | None = codec.decompressor()  # now: a missing library is known at the opening
        self._read = 0  # compressed bytes read from ``raw``
        self.damage: Damaged | None = None
        super().__init__(self._decode())

    def _more(self) -> bytes:
        piece = self._raw.read(INPUT_BYTES)
        self._read += len(piece)
        return piece

    def _damaged(self, start: int, reason: str) -> None:
        """Keep the damage met at byte ``start`` of the file, or within the bytes read since (the
        library does not say which of the bytes it was given is bad)."""
        self.damage = damaged(self._codec.name, start, self._read, reason)

    def _decode(self) -> Iterator[bytes]:
        codec, pending = self._codec, b""  # pending: input after the last member, not yet decoded
        while True:  # one member (frame, stream) a turn
            pending = pending.lstrip(codec.padding) if codec.padding else pending
            while len(pending) < 4 and (more := self._more()):  # 4: the longest magic a member repeats
                pending = (pending + more).lstrip(codec.padding) if codec.padding else pending + more
            start = self._read - len(pending)  # where this member starts in the file
            if not pending:
                return  # the last member ended (padding after it is no damage)
            if not codec.starts_member(pending):
                self._damaged(start, f"what follows the last {codec.name} member is not {codec.name} data")
                return
            decoder, data, head = self._first or codec.decompressor(), pending, pending[:MEMBER_HEAD_BYTES]
            self._first = None
            while not decoder.eof:
                if decoder.needs_input and not data:
                    data = self._more()
                    if not data:
                        self._damaged(self._read, f"the {codec.name} data ends inside a member: the file was cut short")
                        return
                fed = self._read - len(data)  # the file offset of the first byte of ``data``
                try:
                    piece = decoder.decompress(data, PIECE_BYTES)
                except codec.errors as exc:
                    bound = codec.past_bound(head) if codec.past_bound is not None else None
                    if bound is not None:
                        self.damage = PastBound(f"{codec.name} at byte {start}: {bound}; not read from there")
                    else:
                        self._damaged(fed, str(exc) or type(exc).__name__)
                    return
                data = b""
                if piece:
                    yield piece
            pending = decoder.unused_data or b""  # lz4 says None for none


def damaged(codec: str, start: int, end: int, reason: str) -> Damaged:
    """The damage of a ``codec`` stream at byte ``start`` of the file, or somewhere before ``end``."""
    place = f"at byte {start}" if end <= start else f"between bytes {start} and {end}"
    return Damaged(f"{codec} damaged {place}: {reason}")


def damage_of(stream: BinaryIO) -> Exception | None:
    """The damage a decoder under ``stream`` (itself, or the raw reader of a buffered one) met,
    or None."""
    return getattr(getattr(stream, "raw", stream), "damage", None)
