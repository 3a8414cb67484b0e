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

Damage costs only the member it is in: members are independent (``cat a.gz b.gz``, a rotation appended to), so the
reading goes on at the next member start after it that decodes (:class:`Resync`), the damaged stretch named with
where it was read on from (:class:`Resumed`): one bad member must not lose the members after it.
"""

from __future__ import annotations

from collections import deque
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


class Resumed(Damaged):
    """Damage the text was read past: each damaged stretch, and the next member start the text was read on from."""


MAX_NAMED_DAMAGE = 5  # damaged stretches a file's error names one by one; the rest are counted


RECENT_BYTES = 1 << 20  # compressed bytes kept to look back in for a member start after damage
MAX_STARTS = 16  # member starts tried after one damage that do not decode (a magic inside data: ~1 in 16 MiB)
MAX_STRETCHES = 100  # damaged stretches read past in one stream; the text ends at the next


class Resync:
    """The compressed bytes of one stream, read through it (:meth:`more`), the last :data:`RECENT_BYTES` of them
    kept; the damage met, and the hunt for a member start after each: a decoder that met damage looks for the
    next member from the damaged one's second byte (:meth:`hunt`: a member cut short is decoded on into the next
    one's bytes before any error shows, or to the file's end), until one decodes (:meth:`decoded`). The starts
    tried after one damage, and the damage read past, are bounded: a file of magic bytes costs its size."""

    def __init__(self, codec: str, magic: bytes, read: Callable[[], bytes]) -> None:
        self._codec, self._magic, self._read = codec, magic, read
        self._recent: deque[tuple[int, bytes]] = deque()  # the last pieces read, each with where it starts
        self._kept = self._end = 0
        self._stretches: list[str] = []  # each damage's words, and where the text was read on from
        self._resumed = True  # whether the last damage was read past
        self._tries = 0  # starts tried since the last damage
        self.hunting = False  # damage met, and no member after it decoded yet

    def more(self) -> bytes:
        """The next compressed bytes of the stream (b"" at its end), kept to look back in."""
        piece = self._read()
        self._recent.append((self._end, piece))
        self._kept, self._end = self._kept + len(piece), self._end + len(piece)
        while self._kept - len(self._recent[0][1]) >= RECENT_BYTES:
            self._kept -= len(self._recent.popleft()[1])
        return piece

    def hunt(self, damage: Damaged | None, after: int) -> tuple[bytes, int]:
        """The stream's bytes from the first place at or after byte ``after`` a member's magic starts (of the bytes
        kept and on, read on as needed), and that place; b"" where none is left or the bounds are spent.
        ``damage``: what was met, or None where a start looked for after damage did not decode (the same stretch)."""
        if damage is not None:
            self._stretches.append(str(damage))
            self.hunting, self._resumed, self._tries = True, False, 0
            if len(self._stretches) > MAX_STRETCHES:
                self._stretches[-1] += f"; more than {MAX_STRETCHES} damaged stretches: not read past this one"
                return b"", after
        elif self._tries >= MAX_STARTS:
            self._stretches[-1] += f"; none of the next {MAX_STARTS} {self._codec} member starts decoded"
            return b"", after
        self._tries += 1
        offset = max(after, self._end - self._kept)
        data = b"".join(piece for start, piece in self._recent if start + len(piece) > offset)
        data, keep = data[offset - (self._end - len(data)):], len(self._magic) - 1
        while (found := data.find(self._magic)) < 0:
            cut = max(0, len(data) - keep)
            offset, data = offset + cut, data[cut:]
            if not (more := self.more()):
                return b"", offset + len(data)
            data += more
        return data[found:], offset + found

    def decoded(self, offset: int) -> None:
        """A member starting at byte ``offset`` decoded after damage: the text goes on from it."""
        if self.hunting:
            self._stretches[-1] += f"; read on from the {self._codec} member at byte {offset}"
            self.hunting, self._resumed = False, True

    def damage(self) -> Damaged | None:
        """All damage met, or None: :class:`Resumed` if the text was read on past the last of it."""
        if not self._stretches:
            return None
        named = self._stretches[:MAX_NAMED_DAMAGE]
        more = len(self._stretches) - len(named)
        said = "; then ".join(named) + (f"; and {more} more damaged stretches" if more else "")
        return (Resumed if self._resumed else Damaged)(said)


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
    """The text of ``raw`` in ``codec``, in pieces of at most :data:`PIECE_BYTES`, read on past damage from the
    next member that decodes; damage kept in :attr:`damage`, never raised."""

    def __init__(self, raw: BinaryIO, codec: Codec) -> None:
        self._raw, self._codec = raw, codec
        self._first: StreamDecompressor | None = codec.decompressor()  # now: a missing library is known at the opening
        self._read = 0  # compressed bytes read from ``raw``
        self._bound: Damaged | None = None  # where the text stopped at a bound on memory
        self._resync = Resync(codec.name, codec.magic, self._read_raw)
        self._more = self._resync.more
        super().__init__(self._decode())

    def _read_raw(self) -> bytes:
        piece = self._raw.read(INPUT_BYTES)
        self._read += len(piece)
        return piece

    def _damaged(self, start: int, reason: str) -> Damaged:
        """The damage met at byte ``start`` of the file, or within the bytes read since (the library does not say
        which of the bytes it was given is bad)."""
        return damaged(self._codec.name, start, self._read, reason)

    def _decode(self) -> Iterator[bytes]:
        codec, resync, pending = self._codec, self._resync, b""  # pending: input after the last member, not decoded
        cut = False  # whether the text handed out ends inside a line
        while True:  # one member (frame, stream) a turn
            pending = pending.lstrip(codec.padding) if codec.padding else pending
            while len(pending) < 4 and (more := self._more()):  # 4: the longest magic a member repeats
                pending = (pending + more).lstrip(codec.padding) if codec.padding else pending + more
            start = self._read - len(pending)  # where this member starts in the file
            if not pending:
                return  # the last member ended (padding after it is no damage)
            if not codec.starts_member(pending):
                pending, start = resync.hunt(None if resync.hunting else self._damaged(
                    start, f"what follows the last {codec.name} member is not {codec.name} data"), start)
                if not pending:
                    return
            decoder, data, head = self._first or codec.decompressor(), pending, pending[:MEMBER_HEAD_BYTES]
            self._first = None
            while not decoder.eof:
                if decoder.needs_input and not data:
                    data = self._more()
                    if not data:
                        damage = self._damaged(self._read, f"the {codec.name} data ends inside a member: "
                                                           "the file was cut short")
                        break
                fed = self._read - len(data)  # the file offset of the first byte of ``data``
                try:
                    piece = decoder.decompress(data, PIECE_BYTES)
                except codec.errors as exc:
                    bound = codec.past_bound(head) if codec.past_bound is not None else None
                    if bound is not None:
                        self._bound = PastBound(f"{codec.name} at byte {start}: {bound}; not read from there")
                        return
                    damage = self._damaged(fed, str(exc) or type(exc).__name__)
                    break
                data = b""
                if piece:
                    if resync.hunting and cut:  # the text read on with after damage starts a line of its own
                        yield b"\n"
                    resync.decoded(start)
                    cut = not piece.endswith(b"\n")
                    yield piece
            else:
                pending = decoder.unused_data or b""  # lz4 says None for none
                continue
            pending, _ = resync.hunt(None if resync.hunting else damage, start + 1)
            if not pending:
                return

    @property
    def damage(self) -> Damaged | None:
        """What the text met so far: a bound that stopped it, else the damage it was read past or stopped at."""
        return self._bound or self._resync.damage()


def damaged(codec: str, start: int, end: int, reason: str) -> Damaged:
    """The damage of a ``codec`` stream at byte ``start`` of the file, or somewhere before ``end``."""
    place = f"at byte {start}" if end <= start else f"between bytes {start} and {end}"
    return Damaged(f"{codec} damaged {place}: {reason}")


def damage_of(stream: BinaryIO) -> Exception | None:
    """The damage a decoder under ``stream`` (itself, or the raw reader of a buffered one) met,
    or None."""
    return getattr(getattr(stream, "raw", stream), "damage", None)
