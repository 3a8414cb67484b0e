"""zstd and lz4 frames: how logs are rotated today, read like gzip, bz2 and xz.

``logrotate`` with ``compresscmd zstd`` writes ``.zst`` files, and ``compresscmd lz4`` writes lz4
frames where speed matters more. Both are read with
bounded memory, frame after frame, and a damaged or truncated stream raises after handing over
the text before the damage, as a damaged gzip does.

zstd is read through the standard library's ``compression.zstd`` (Python 3.14) or its backport,
not ``zstandard``: ``zstandard``'s stream reader ends a truncated stream silently, which would
turn a cut-short log into one that merely looks short. lz4 has no wheels for musl, so it is an
extra (``keyaudit[lz4]``); without it, an lz4 file is counted as skipped under a reason that
names the extra, never as binary.
"""

from __future__ import annotations

import io
from typing import BinaryIO, Callable

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


class CodecMissing(Exception):
    """Content in a format whose library is not installed; ``str()`` is the skipped reason,
    naming what to install (``lz4: install keyaudit[lz4]``)."""


class Lz4Error(ValueError):
    """A damaged lz4 frame (the library raises a bare ``RuntimeError``, too wide to catch)."""


class _Lz4Reader(io.RawIOBase):
    """lz4 frames with the library's damage turned into :class:`Lz4Error`."""

    def __init__(self, raw: BinaryIO) -> None:
        self._frames = _lz4.LZ4FrameFile(raw, mode="rb")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        try:
            return self._frames.readinto(buffer)
        except RuntimeError as exc:
            raise Lz4Error(f"damaged lz4 frame ({exc})") from None

    def close(self) -> None:
        self._frames.close()
        super().close()


def _open_zstd(raw: BinaryIO) -> BinaryIO:
    if _zstd is None:  # pragma: no cover - see the import
        raise CodecMissing("zstd: install backports.zstd")
    return _zstd.ZstdFile(raw, mode="rb")  # type: ignore[no-any-return]


def _open_lz4(raw: BinaryIO) -> BinaryIO:
    if _lz4 is None:
        raise CodecMissing("lz4: install keyaudit[lz4]")
    return io.BufferedReader(_Lz4Reader(raw))  # type: ignore[arg-type]


FRAMED: tuple[tuple[bytes, str, Callable[[BinaryIO], BinaryIO]], ...] = (
    (ZSTD_MAGIC, "zstd", _open_zstd),
    (LZ4_MAGIC, "lz4", _open_lz4),
)
# The readers' types (a decompressor loses a failing read whole) and the damage they raise.
FRAME_READERS: tuple[type, ...] = ((_zstd.ZstdFile,) if _zstd is not None else ()) + (_Lz4Reader,)
FRAME_ERRORS: tuple[type[BaseException], ...] = ((_zstd.ZstdError,) if _zstd is not None else ()) + (Lz4Error,)
