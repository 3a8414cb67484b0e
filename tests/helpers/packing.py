"""zstd, lz4 and multi-member gzip written as the tools that rotate logs write them.

The ``zstd`` and ``lz4`` command-line tools put a content checksum in every frame, and logrotate
appending to a rotated file (or ``cat`` joining two) gives several frames one after another; the
writers here do the same with the libraries, so tests need neither tool installed.
"""

from __future__ import annotations

import gzip
import importlib.util
import random

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


def token_log(lines: int = 2_500, seed: int = 18) -> tuple[bytes, list[str]]:
    """A log whose every line leaks an iugu token, after filler of varied length (so that deflate
    writes ordinary blocks), with two lines longer than a piece of a small test plan: wherever a
    gzip file of it is cut, the cut falls in a line with a key, often inside the key itself."""
    from helpers.credentials import iugu_line, iugu_token

    rng = random.Random(seed)
    words = "order payment customer invoice retry cache queue worker session timeout".split()
    tokens, out = [], []
    for index in range(lines):
        token = iugu_token(rng=rng)
        tokens.append(token)
        filler = " ".join(rng.choice(words) for _ in range(rng.randint(0, 120)))
        if index in (lines // 3, lines * 2 // 3):
            filler = " ".join(rng.choice(words) for _ in range(90_000))  # ~600 KB: no line starts in a piece
        out.append(f"2026-11-30 05:{index % 60:02d}:00 {filler} 日 {iugu_line(token)}\n")
    return "".join(out).encode(), tokens


def small_blocks_gzip(data: bytes) -> bytes:
    """``data`` as one gzip member of small deflate blocks (zlib's least memory level, as a
    memory-frugal writer leaves it): a file of a few megabytes has as many places to cut as one
    of gigabytes written by ``gzip -6``, whose blocks are a few hundred times larger."""
    import zlib

    packer = zlib.compressobj(6, zlib.DEFLATED, 31, memLevel=1)
    return packer.compress(data) + packer.flush()
