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


ZSTD_WINDOW_LOG_MAX = 27  # the decompressor's default (zstd's ZSTD_WINDOWLOG_LIMIT_DEFAULT): 128 MiB


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


def zstd_window(header: bytes) -> int | None:
    """The window a zstd frame starting with ``header`` asks for, in bytes (RFC 8878, 3.1.1.1),
    or None when the header is cut short: its window descriptor's, or with the single-segment
    flag the frame's content size."""
    if len(header) < 6 or not header.startswith(ZSTD_MAGIC):
        return None
    descriptor = header[4]
    if not descriptor & 0x20:  # a window descriptor byte: exponent and eighths
        exponent, mantissa = header[5] >> 3, header[5] & 7
        base = 1 << (10 + exponent)
        return base + base // 8 * mantissa
    at = 5 + (0, 1, 2, 4)[descriptor & 3]  # past the dictionary id
    width = (1, 2, 4, 8)[descriptor >> 6]
    if len(header) < at + width:
        return None
    return int.from_bytes(header[at : at + width], "little") + (256 if width == 2 else 0)


def _zstd_past_bound(header: bytes) -> str | None:
    """Why a zstd frame is past the memory bound, when its window is (``zstd --long=28`` and
    up, or a single segment past 128 MiB, write one): zstd's own words call it an error."""
    window = zstd_window(header)
    if window is None or window <= 1 << ZSTD_WINDOW_LOG_MAX:
        return None
    return (f"a frame asks for a {window / (1 << 20):,.0f} MiB window to decode, past the "
            f"{(1 << ZSTD_WINDOW_LOG_MAX) >> 20} MiB a scan decodes with, a bound on memory ('zstd -d --memory="
            f"{-(-window >> 20)}MB' undoes it)")


# lz4 raises a bare RuntimeError for a damaged frame: caught only around its decompress call.
FRAME_CODECS = (
    Codec("zstd", ZSTD_MAGIC, _zstd_decompressor, (_zstd.ZstdError,) if _zstd is not None else (),
          later_magics=SKIPPABLE_MAGICS, past_bound=_zstd_past_bound),
    Codec("lz4", LZ4_MAGIC, _lz4_decompressor, (RuntimeError,), later_magics=SKIPPABLE_MAGICS),
)
