"""Open a byte stream as the text it holds, decompressing by magic bytes rather than by name.

Rotated logs are renamed and recompressed by tools that do not care about suffixes, so the
first bytes decide. gzip is read in a thread of ``isal`` when it is installed (several times
faster than zlib); unthreaded — after damage, or without isal — by :class:`GzipSalvage`, which
keeps every byte before the damage. Both handle multi-member files as logrotate writes them; zstd
and lz4 frames are read beside them (:mod:`keyaudit.sources.frames`).
"""

from __future__ import annotations

import bz2
import io
import lzma
import tarfile
import zipfile
import zlib
from typing import BinaryIO, Callable

from keyaudit.sources.frames import FRAME_ERRORS, FRAME_READERS, FRAMED
from keyaudit.sources.readahead import ReadAhead
from keyaudit.sources.salvage import GZIP_MAGIC, GzipSalvage

try:
    from isal import igzip_threaded
except ImportError:  # pragma: no cover - exercised only where isal has no wheel
    igzip_threaded = None

BZ2_MAGIC = b"BZh"
XZ_MAGIC = b"\xfd7zXZ\x00"
_SNIFF_BYTES = 6

Decompressor = Callable[[BinaryIO], BinaryIO]
_DECOMPRESSORS_BY_MAGIC: tuple[tuple[bytes, str, Decompressor], ...] = (
    (GZIP_MAGIC, "gzip", lambda raw: io.BufferedReader(GzipSalvage(raw))),  # type: ignore[arg-type]
    (BZ2_MAGIC, "bz2", lambda raw: bz2.BZ2File(raw, mode="rb")),
    (XZ_MAGIC, "xz", lambda raw: lzma.LZMAFile(raw, mode="rb")),
) + FRAMED

_DECOMPRESSORS: tuple[type, ...] = (bz2.BZ2File, lzma.LZMAFile, zipfile.ZipExtFile) + (
    (igzip_threaded._ThreadedGzipReader,) if igzip_threaded is not None else ()) + FRAME_READERS + (ReadAhead,)
_READ_AHEAD = frozenset(name for _, name, _ in FRAMED)  # decoders as fast as the scan: overlap them

# What a damaged compressed stream raises, across zlib, isal, bz2 and lzma, and what a damaged
# archive raises (a zip member's bad CRC or data, a tar cut short): all mean "read up to here".
DECOMPRESSION_ERRORS: tuple[type[BaseException], ...] = (EOFError, OSError, lzma.LZMAError, ValueError, zlib.error,
                                                         zipfile.BadZipFile, tarfile.TarError) + FRAME_ERRORS


def is_decompressing(stream: BinaryIO) -> bool:
    """Whether ``stream`` decodes compressed data (and so loses a failing read whole)."""
    return isinstance(getattr(stream, "raw", stream), _DECOMPRESSORS)


def sniff_compression(head: bytes) -> str | None:
    """The compression named by the first bytes, or None for plain data."""
    return next((name for magic, name, _ in _DECOMPRESSORS_BY_MAGIC if head.startswith(magic)), None)


def open_decompressed(raw: BinaryIO, threaded: bool = False) -> tuple[BinaryIO, str | None]:
    """Wrap ``raw`` so that reads return decompressed bytes; also say which format it was.

    ``threaded`` decompresses gzip in isal's own thread, overlapping with the scan. Its
    read-ahead reports damage before handing over the text in front of it, so a caller that
    meets a damaged stream reads it again unthreaded to keep what comes before the damage.
    zstd and lz4 are decoded in a :class:`ReadAhead` thread then.
    """
    buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)  # type: ignore[arg-type]
    head = buffered.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]
    if threaded and igzip_threaded is not None and head.startswith(GZIP_MAGIC):
        return igzip_threaded.open(buffered, "rb", threads=1), "gzip"  # type: ignore[return-value]
    for magic, name, decompressor in _DECOMPRESSORS_BY_MAGIC:
        if head.startswith(magic):
            stream = decompressor(buffered)
            if threaded and name in _READ_AHEAD:
                return io.BufferedReader(ReadAhead(stream)), name  # type: ignore[arg-type]
            return stream, name
    return buffered, None
