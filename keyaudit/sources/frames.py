"""zstd and lz4 frames: how logs are rotated today, read like gzip, bz2 and xz.

``logrotate`` with ``compresscmd zstd`` writes ``.zst`` files, and ``compresscmd lz4`` writes lz4
frames where speed matters more. Both are read by :class:`keyaudit.sources.decoders.Decoded`,
frame after frame (skippable frames included), and a damaged or truncated stream ends the text
where the damage is, as a damaged gzip does.

zstd is decoded by the standard library's ``compression.zstd`` (Python 3.14) or its backport: a
frame cut short leaves its decompressor without ``eof``, which the decoding loop reports. lz4 has
no wheels for musl, so it is an extra (``keyaudit[lz4]``); without it, an lz4 file is counted as
skipped under a reason that names the extra, never as binary.
"""

from __future__ import annotations

from keyaudit.sources.decoders import Codec, StreamDecompressor

try:
    from compression import zstd as _zstd  # type: ignore[import-not-found]  # Python 3.14 on
except ImportError:
    try:
        from backports import zstd as _zstd  # type: ignore[no-redef]
    except ImportError:  # pragma: no cover - a dependency, present wherever keyaudit installs
        _zstd = None

try:
    import lz4.frame as _lz4
except ImportError:  # no wheel for musl: an extra
    _lz4 = None

ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
LZ4_MAGIC = b"\x04\x22\x4d\x18"
# Skippable frames, the same in both formats: a little-endian 0x184D2A50 to 0x184D2A5F.
SKIPPABLE_MAGICS = tuple(bytes([0x50 + low]) + b"\x2a\x4d\x18" for low in range(16))


class CodecMissing(Exception):
    """Content in a format whose library is not installed; ``str()`` is the skipped reason,
    naming what to install (``lz4: install keyaudit[lz4]``)."""


def _zstd_decompressor() -> StreamDecompressor:
    if _zstd is None:  # pragma: no cover - see the import
        raise CodecMissing("zstd: install backports.zstd")
    return _zstd.ZstdDecompressor()  # type: ignore[no-any-return]


def _lz4_decompressor() -> StreamDecompressor:
    if _lz4 is None:
        raise CodecMissing("lz4: install keyaudit[lz4]")
    return _lz4.LZ4FrameDecompressor()  # type: ignore[no-any-return]


# lz4 raises a bare RuntimeError for a damaged frame: caught only around its decompress call.
FRAME_CODECS = (
    Codec("zstd", ZSTD_MAGIC, _zstd_decompressor, (_zstd.ZstdError,) if _zstd is not None else (),
          later_magics=SKIPPABLE_MAGICS),
    Codec("lz4", LZ4_MAGIC, _lz4_decompressor, (RuntimeError,), later_magics=SKIPPABLE_MAGICS),
)
