"""zstd, lz4 and multi-member gzip written as the tools that rotate logs write them.

The ``zstd`` and ``lz4`` command-line tools put a content checksum in every frame, and logrotate
appending to a rotated file (or ``cat`` joining two) gives several frames one after another; the
writers here do the same with the libraries, so tests need neither tool installed.
"""

from __future__ import annotations

import gzip
import importlib.util

try:
    from compression import zstd  # type: ignore[import-not-found]
except ImportError:
    from backports import zstd  # type: ignore[no-redef]

LZ4_INSTALLED = importlib.util.find_spec("lz4") is not None


def pieces(data: bytes, count: int) -> list[bytes]:
    """``data`` in ``count`` pieces of about the same size (cut anywhere, even mid-line)."""
    step = max(1, -(-len(data) // count))
    return [data[start : start + step] for start in range(0, len(data), step)] or [b""]


def _rotation(data: bytes) -> list[bytes]:
    """A log compressed, then more of it appended as a second frame: a third, then the rest
    (uneven, so that cutting the file in half does not land between the frames)."""
    return [data[: len(data) // 3], data[len(data) // 3 :]]


def zstd_frames(data: bytes) -> bytes:
    """``data`` as two zstd frames, each with its checksum, as ``zstd`` writes them."""
    options = {zstd.CompressionParameter.checksum_flag: 1}
    return b"".join(zstd.compress(piece, options=options) for piece in _rotation(data))


def lz4_frames(data: bytes) -> bytes:
    """``data`` as two lz4 frames with content checksums, as ``lz4`` writes them."""
    import lz4.frame

    return b"".join(lz4.frame.compress(piece, content_checksum=True) for piece in _rotation(data))


def gzip_members(data: bytes, members: int) -> bytes:
    """``data`` as ``members`` gzip members, as ``bgzip`` or ``cat a.gz b.gz`` leave it."""
    return b"".join(gzip.compress(piece, mtime=0) for piece in pieces(data, members))
