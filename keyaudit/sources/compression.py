"""Open a byte stream as the text it holds, decompressing by magic bytes rather than by name.

Rotated logs are renamed and recompressed by tools that do not care about suffixes, so the
first bytes decide. Every format is decoded by one loop (:class:`Decoded`) that hands out the
text before any damage and keeps the damage for the opener to raise; gzip by isal's
decompressor when it is installed (several times faster than zlib), and — after damage, or
without isal — by :class:`GzipSalvage`, which finds the very byte the damage is at. With
``threaded`` the decoding runs in a :class:`ReadAhead` thread: every decompressor here lets go
of the GIL while it decodes, so decoding overlaps the scan.
"""

from __future__ import annotations

import bz2
import io
import lzma
import re
import tarfile
import zipfile
import zlib
from typing import BinaryIO

from keyaudit.sources.decoders import Codec, Damaged, Decoded
from keyaudit.sources.frames import FRAME_CODECS, SKIPPABLE_MAGICS
from keyaudit.sources.readahead import ReadAhead
from keyaudit.sources.salvage import GZIP_MAGIC, GzipSalvage
from keyaudit.sources.zlib_stream import ZLIB, whole_zlib

try:
    from isal import igzip_lib
except ImportError:  # pragma: no cover - exercised only where isal has no wheel
    igzip_lib = None

BZ2_MAGIC = b"BZh"
XZ_MAGIC = b"\xfd7zXZ\x00"
# How far the first bytes are read to tell the format: past a skippable frame or two before the
# first zstd or lz4 frame (pzstd writes a 12-byte one before every frame, the first one included).
SNIFF_BYTES = 64
SKIPPED_FRAMES = 1024  # skippable frames read past by seeking to tell the format after them

# isal's gzip: the fast reader of whole files, and of the members after a checkpoint's (gzip_index)
ISAL_GZIP = None if igzip_lib is None else Codec(
    "gzip", GZIP_MAGIC, lambda: igzip_lib.IgzipDecompressor(flag=igzip_lib.DECOMP_GZIP),  # type: ignore[union-attr]
    (igzip_lib.IsalError,), padding=b"\0")
CODECS: tuple[Codec, ...] = (
    Codec("bz2", BZ2_MAGIC, bz2.BZ2Decompressor, (OSError,)),
    Codec("xz", XZ_MAGIC, lambda: lzma.LZMADecompressor(lzma.FORMAT_XZ), (lzma.LZMAError,), padding=b"\0"),
    *FRAME_CODECS,
)

# What means "the content cannot be read past here": damage a decoder kept (and a piece of a
# big gzip that does not start or end at a member), a failing read of the file (OSError), and
# what the readers that do not go through a decoder raise for bad data — a zip member (zlib,
# bz2, lzma inside zipfile; a bad CRC), a tar cut short. Nothing wider: a ValueError or any
# other bug must not pass for damage and be retried.
DECOMPRESSION_ERRORS: tuple[type[BaseException], ...] = (Damaged, OSError, EOFError, zlib.error, lzma.LZMAError,
                                                         zipfile.BadZipFile, tarfile.TarError)
# A bytes literal in an exception's text: the input quoted (zipfile's "File name in directory 'a.log' and header
# b'a.log<the member's first bytes>…' differ" quotes what follows a damaged header, a key as well)
_BYTES_LITERAL = re.compile(r"""(?<!\w)b(?:'[^'\\\n]*(?:\\.[^'\\\n]*)*'|"[^"\\\n]*(?:\\.[^"\\\n]*)*")""")


def damage_detail(error: BaseException) -> str:
    """What ``error`` (one of :data:`DECOMPRESSION_ERRORS`) says of the damage, for an error line:
    where and what, with any bytes it quotes of the input left out (they may hold a secret)."""
    detail = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return _BYTES_LITERAL.sub("b'…'", detail)


def _underneath(stream: BinaryIO) -> object:
    """The raw reader under ``stream``: under a reader that hands on another's text changed byte for byte (one
    whose ``passes_on`` is that other, :mod:`.line_ends`), the other's."""
    raw = getattr(stream, "raw", stream)
    passed = getattr(raw, "passes_on", None)
    return raw if passed is None else _underneath(passed)


def is_decompressing(stream: BinaryIO) -> bool:
    """Whether ``stream`` decodes compressed data: it can only be read forward (a seek would
    decode again from the start)."""
    return isinstance(_underneath(stream), (Decoded, GzipSalvage, ReadAhead, zipfile.ZipExtFile))


def loses_failing_read(stream: BinaryIO) -> bool:
    """Whether a read of ``stream`` that meets damage takes the text it decoded with it (a zip
    member's reader raises out of the read that meets damaged deflate data; a bad CRC it keeps,
    see :mod:`keyaudit.inputs.member_streams`); the decoders here never do."""
    return isinstance(_underneath(stream), zipfile.ZipExtFile)


def sniff_compression(head: bytes) -> str | None:
    """The compression named by the first bytes, or None for plain data."""
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    codec = _codec_at_start(head)
    return None if codec is None else codec.name


def _codec_at_start(head: bytes, stream: BinaryIO | None = None) -> Codec | None:
    """The codec (gzip aside) of the stream ``head`` starts: by its magic bytes or, for zstd and
    lz4, by the first frame's past the skippable frames before it — pzstd writes one before each
    frame, so its files start with one, and were read as text (their keys lost without a word).
    Skippable frames that run past ``head`` are read past in ``stream`` where it can seek, and
    are zstd's where it cannot (or without one): they are no text, whichever frames follow."""
    at = 0
    while head.startswith(SKIPPABLE_MAGICS, at) and len(head) >= at + 8:
        at += 8 + int.from_bytes(head[at + 4 : at + 8], "little")
    if at == 0:
        return next((codec for codec in CODECS if head.startswith(codec.magic)), None)
    if len(head) < at + 8:  # the first frame with text, if any, or a skippable one's header, lies past the sniff
        head, at = _frame_magic(stream, at), 0
    return next((codec for codec in FRAME_CODECS if head.startswith(codec.magic, at)), FRAME_CODECS[0])


def _frame_magic(stream: BinaryIO | None, at: int) -> bytes:
    """The first bytes of the first frame at or after byte ``at`` of ``stream`` that is not a
    skippable one, the stream left where it was; empty where it cannot seek, or past
    :data:`SKIPPED_FRAMES` skippable frames."""
    if stream is None or not stream.seekable():
        return b""
    back = stream.tell()
    try:
        for _ in range(SKIPPED_FRAMES):
            stream.seek(back + at)
            header = stream.read(8)
            if len(header) < 8 or not header.startswith(SKIPPABLE_MAGICS):
                return header[:4]
            at += 8 + int.from_bytes(header[4:8], "little")
        return b""
    finally:
        stream.seek(back)


def open_decompressed(raw: BinaryIO, threaded: bool = False) -> tuple[BinaryIO, str | None]:
    """Wrap ``raw`` so that reads return decompressed bytes; also say which format it was.

    ``threaded`` decodes in a :class:`ReadAhead` thread, a few pieces ahead of the scan, and
    gzip with isal, whose damage is placed within the bytes last given to it; unthreaded, gzip
    goes to :class:`GzipSalvage`, exact to the byte (a caller that met damage reads again that
    way). The caller closes what it gets: closing stops the thread."""
    buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)  # type: ignore[arg-type]
    head = buffered.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    if head.startswith(GZIP_MAGIC):
        fast = threaded and ISAL_GZIP is not None
        decoder: io.RawIOBase = Decoded(buffered, ISAL_GZIP) if fast else GzipSalvage(buffered)  # type: ignore[arg-type]
        name = "gzip"
    else:
        codec = _codec_at_start(head, buffered) or (ZLIB if whole_zlib(buffered) else None)
        if codec is None:
            return buffered, None
        decoder, name = Decoded(buffered, codec), codec.name
    if threaded:
        decoder = ReadAhead(decoder)  # type: ignore[arg-type]
    return io.BufferedReader(decoder, 1 << 16), name  # type: ignore[arg-type]
