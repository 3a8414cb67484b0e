"""Reading a target as often as a scan needs: whole files, stdin spooled, byte ranges of big files.

A text file may be read twice (secrets, then captured requests), and a big plain file may be cut
into line-aligned byte ranges scanned by different processes — a big gzip file too, at member
boundaries or from seek points into its text; an :data:`Opener` hides which.
"""

from __future__ import annotations

import contextlib
import io
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO, Callable, ContextManager, Iterator

from keyaudit.sources.compression import DECOMPRESSION_ERRORS, SNIFF_BYTES, open_decompressed, sniff_compression
from keyaudit.sources.decoders import PastBound, damage_of
from keyaudit.sources.gzip_index import IndexedRange, SeekPoint
from keyaudit.sources.gzip_members import MemberRange
from keyaudit.sources.pieces import RangePieces
from keyaudit.sources.line_ends import LfEnded, lf_ended
from keyaudit.sources.transcode import Utf8Reader, as_utf8

SKIP_PIECE_BYTES = 1 << 20  # what a range holds at once while it skips the line it starts in
# Compression undone inside compression, at most: a log compressed twice (logrotate's `compress`
# over files its program had already gzipped, a .gz.zst) was scanned as its inner gzip's bytes.
COMPRESSED_LAYERS = 4

# A way to read content from its start, as often as needed: a file, a spool, a blob, an object.
Opener = Callable[[], ContextManager[BinaryIO]]


_SPOOL_READS = threading.Lock()  # a view's seek and read of a spool, together


class Unclosed(io.RawIOBase):
    """A view of a spool that a reader may close without closing the spool; seekable, because
    a zip read from a spool (a member of a compressed tar) is read from its end first.

    Each view keeps its own place, from the spool's start: a spool is read by two views at once
    (the engine's pass over stdin, and the request readers it hands windows to as it goes), and
    one view's reads must not move the other's, nor land between its seek and its read (the
    pass's view may be read by a decoding thread)."""

    def __init__(self, inner: IO[bytes]) -> None:
        self._inner, self._at = inner, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._at}.get(whence)
        if base is None:
            with _SPOOL_READS:
                base = self._inner.seek(0, io.SEEK_END)
        self._at = max(0, offset + base)
        return self._at

    def tell(self) -> int:
        return self._at

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        with _SPOOL_READS:
            self._inner.seek(self._at)
            data = self._inner.read(len(buffer))
        buffer[: len(data)] = data
        self._at += len(data)
        return len(data)


class LineRange(io.RawIOBase):
    """The lines of a file that start within ``[start, end)``: each range ends by finishing the
    line that crosses its end, and the next range skips that line, so every line is read once."""

    def __init__(self, raw: BinaryIO, start: int, end: int) -> None:
        self._raw, self._end = raw, end
        self._position = raw.tell()
        if start > 0:  # the line in progress at the start belongs to the previous range
            raw.seek(start - 1)
            self._position = start if raw.read(1) == b"\n" else _past_line(raw, start, end)
        self._done = self._position >= end  # a line as long as the range: no line starts in it
        self._origin = self._position  # where the range's text starts: its offset 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return self._raw.seekable()

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        """Move to ``offset`` bytes after the range's first line start (a second pass reading
        windows of a range seeks to them instead of reading through)."""
        if whence != io.SEEK_SET:
            raise io.UnsupportedOperation("a line range seeks from its start only")
        self._raw.seek(self._origin + offset)
        self._position, self._done = self._origin + offset, False
        return offset

    def tell(self) -> int:
        return self._position - self._origin

    def above(self, size: int) -> bytes:
        """Up to ``size`` bytes of the file just before the range's first line."""
        return self._peek(max(0, self._origin - size), min(self._origin, size))

    def below(self, size: int) -> bytes:
        """Up to ``size`` bytes of the file just after what the range has read."""
        return self._peek(self._position, size)

    def _peek(self, start: int, size: int) -> bytes:
        """``size`` bytes of the file from ``start``; the range reads on from where it was."""
        at = self._raw.tell()
        self._raw.seek(start)
        text = self._raw.read(size)
        self._raw.seek(at)
        return text

    def read_on(self, limit: int) -> None:
        """Go on past the range's end with the lines that start in the next ``limit`` bytes."""
        self._end += limit
        self._done = self._position >= self._end

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        if self._done:
            return 0
        if self._position < self._end:
            view = memoryview(buffer)[: min(len(buffer), self._end - self._position)]
            size = self._raw.readinto(view)  # straight into the caller's buffer: no copy
            if size and self._position + size == self._end and view[size - 1] == ord("\n"):
                self._done = True  # the range ends exactly at a line end: nothing to finish
        else:
            data = self._raw.readline(len(buffer))  # finish the line that crosses the end
            self._done = not data or data.endswith(b"\n")
            size = len(data)
            buffer[:size] = data
        if not size:
            self._done = True
            return 0
        self._position += size
        return size


def _past_line(raw: BinaryIO, position: int, end: int) -> int:
    """Where the line in progress at ``position`` ends, read a bounded piece at a time and no
    further than ``end``: a line hundreds of megabytes long is skipped, never held, and a range
    it covers whole is not read to the line's end for nothing."""
    while position < end:
        piece = raw.readline(min(SKIP_PIECE_BYTES, end - position))
        position += len(piece)
        if not piece or piece.endswith(b"\n"):
            break
    return position


SPOOL_BYTES = 16 << 20  # content read once (stdin, staged blobs) is kept in memory up to this, on disk beyond


def new_spool() -> IO[bytes]:
    """An empty spool for content read once: in memory up to ``SPOOL_BYTES``, on disk beyond.

    ``tempfile`` is imported on the first spool: a scan of files on disk needs none.
    """
    import tempfile

    return tempfile.SpooledTemporaryFile(SPOOL_BYTES)


def reread(spool: IO[bytes]) -> BinaryIO:
    """The spooled content from its start, as a reader whose closing leaves the spool open."""
    return io.BufferedReader(Unclosed(spool))  # type: ignore[arg-type]


@dataclass(frozen=True)
class Held:
    """Content this process holds — a staged blob spooled from git, bytes handed to the Python
    API — as an :data:`Opener`: read from its start as often as the scan needs (a file is read
    twice when it holds requests). Other processes cannot read it: it is scanned here."""

    spool: IO[bytes]

    @contextlib.contextmanager
    def __call__(self) -> Iterator[BinaryIO]:
        yield reread(self.spool)


def opener_for(source: "Path | IO[bytes] | Opener", byte_range: tuple[int, int] | None = None,
               threaded: bool = False, members: bool = False, seek_point: SeekPoint | None = None,
               to_end: bool = False, layers: int = COMPRESSED_LAYERS) -> Opener:
    """A way to read ``source`` from its start (decompressed, in a thread when ``threaded``;
    UTF-16 and UTF-32 as UTF-8; lines ended by CR alone as by LF), or one line-aligned range of
    it: of its bytes, with ``members`` of the text of the gzip members that start in the range, or with ``seek_point``
    of a gzip file's text decoded from there (to the text's end when ``to_end``); whole, compressed
    text inside compressed text is undone too, up to ``layers`` formats. ``source`` is a local
    path, a seekable spool, or a reader that opens the content afresh (a git blob, an object in
    a store). Damage a decoder met is raised as the reader is closed, once the text before it
    has been read; the decoder (and its thread) is closed on the way out, also when the reader
    raised."""

    @contextlib.contextmanager
    def opened() -> Iterator[BinaryIO]:
        with contextlib.ExitStack() as stack:
            if isinstance(source, Path):
                raw: BinaryIO = stack.enter_context(open(source, "rb"))
            elif callable(source):
                raw = stack.enter_context(source())
            else:
                raw = stack.enter_context(reread(source))
            if byte_range is not None:  # pieces share the cores with other pieces: no read-ahead thread
                ranged = IndexedRange(raw, seek_point, byte_range[0], None if to_end else byte_range[1]) \
                    if seek_point is not None \
                    else MemberRange(raw, *byte_range) if members else LineRange(raw, *byte_range)
                yield io.BufferedReader(ranged)  # type: ignore[arg-type]
                return
            # Closed here, in this thread, whatever happens: a decoding thread left for the
            # garbage collector to stop could be joined from inside the interpreter's own locks.
            decoded = _decompressed(stack, raw, threaded, layers)
            try:
                yield lf_ended(as_utf8(decoded[-1][0]))
            except DECOMPRESSION_ERRORS:
                # A reader above (a tar cut short) failed because the text ended early: what
                # ended it, when a salvaging reader met damage underneath, is what to report.
                damage = _first_damage(decoded)
                if damage is None:
                    raise
                raise damage from None
            damage = _first_damage(decoded)
            if damage is not None:
                raise damage  # only now: everything before it has been read

    return opened


def _decompressed(stack: contextlib.ExitStack, raw: BinaryIO, threaded: bool,
                  layers: int) -> list[tuple[BinaryIO, str | None]]:
    """``raw`` decompressed, and its text decompressed again while it is compressed, up to
    ``layers`` formats: each reader (the last one the text) with the format it undid. Text still
    compressed inside the last layer undone is :class:`PastBound`, raised before a byte is read
    (its bytes hold no text to scan): it was skipped as binary, or scanned as text, unsaid."""
    stream, name = open_decompressed(raw, threaded)
    decoded = [(stack.enter_context(stream), name)]
    while name is not None and len(decoded) < layers:
        stream, name = open_decompressed(decoded[-1][0])
        if name is None:
            break
        decoded.append((stack.enter_context(stream), name))
    inner = sniff_compression(decoded[-1][0].peek(SNIFF_BYTES)[:SNIFF_BYTES]) if name is not None else None
    if inner is not None:
        undone = ", ".join(str(name) for _, name in decoded)
        raise PastBound(f"compressed more than {layers} times over ({undone} undone; inside, {inner} still); "
                        "the text inside was not read")
    return decoded


def _first_damage(decoded: list[tuple[BinaryIO, str | None]]) -> Exception | None:
    """The damage of the outermost damaged layer (damage outside cuts the text inside short),
    an inner one's saying what it is inside of: its bytes are counted in that layer's text."""
    outer: str | None = None
    for stream, name in decoded:
        damage = damage_of(stream)
        if damage is not None:
            return damage if outer is None else type(damage)(f"inside the {outer}: {damage}")
        outer = name
    return None


def read_on(stream: BinaryIO, limit: int) -> bool:
    """Let ``stream``, a range of a file as :func:`opener_for` opens one, go on past its end with
    the lines that start in the next ``limit`` bytes, read from the same file handle or decoder
    (what a request begun in the range needs of the next); False for a stream that is no range."""
    ranged = getattr(stream, "raw", None)
    if not isinstance(ranged, (LineRange, RangePieces)):
        return False
    ranged.read_on(limit)
    return True


def rewritten(stream: BinaryIO) -> bool:
    """Whether the text ``stream`` reads, as :func:`opener_for` opens a whole file, is not its bytes as they are
    stored (wide text decoded, CR line ends read as LFs): a range of the stored bytes, read alone, would be
    read otherwise, so such a file is read whole."""
    return isinstance(getattr(stream, "raw", None), (Utf8Reader, LfEnded))


def line_range(stream: BinaryIO) -> LineRange | None:
    """The range of a plain file ``stream`` reads, as :func:`opener_for` opens one; None for any
    other stream. Its text just above and below (:meth:`LineRange.above`, :meth:`LineRange.below`)
    is what a rule's context reaches into there."""
    ranged = getattr(stream, "raw", None)
    return ranged if isinstance(ranged, LineRange) else None


def reading_on(opener: Opener, limit: int) -> Opener:
    """``opener``, whose range reads on past its end by up to ``limit`` bytes (see :func:`read_on`)."""

    @contextlib.contextmanager
    def opened() -> Iterator[BinaryIO]:
        with opener() as stream:
            read_on(stream, limit)
            yield stream

    return opened


def shrunk(path: Path, before: int) -> str | None:
    """What to say of a file now shorter than the ``before`` bytes it held when its reading began
    (truncated in place while it was read, as logrotate's copytruncate does: what it held past the
    cut was not all read, and reading on met its end); None where it is not. A file renamed or
    removed meanwhile was read whole through the handle that had it open: nothing to say."""
    try:
        after = os.stat(path).st_size
    except OSError:
        return None
    if after >= before:
        return None
    return f"the file was cut to {after} bytes while it was read (truncated in place, as logrotate's copytruncate " \
           f"does): what it held past that may not have been scanned; scan the rotated copy"


def file_size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def file_stamp(path: Path) -> str | None:
    """Size and modification time: a file whose stamp is unchanged has not been written to."""
    try:
        return stamp_of(os.stat(path))
    except OSError:
        return None


def stamp_of(status: os.stat_result) -> str:
    """The stamp (see :func:`file_stamp`) of a file's status."""
    return f"{status.st_size}:{status.st_mtime_ns}"
