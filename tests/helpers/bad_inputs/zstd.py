"""Damaged zstd and lz4 files (logrotate's ``compresscmd zstd`` / ``lz4``): cut short, or with a
byte changed in the middle. What comes before the damage is still scanned, as for gzip."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from helpers.bad_inputs import BadInput
from helpers.credentials import iugu_line, iugu_token
from helpers.packing import LZ4_INSTALLED, lz4_frames, zstd_frames

DAMAGE = "read failed, scanned up to the damage"


def _text() -> bytes:
    """A key on line 2, then text that compresses poorly, so the damage lands well after it."""
    return ("start\n" + iugu_line(iugu_token()) + "\n").encode() + os.urandom(150_000).hex().encode() + b"\n"


def _cut(pack: Callable[[bytes], bytes], name: str) -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        packed = pack(_text())
        (folder / name).write_bytes(packed[: len(packed) * 2 // 3])
        return name

    return make


def _corrupted(pack: Callable[[bytes], bytes], name: str) -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        packed = bytearray(pack(_text()))
        packed[len(packed) * 2 // 3] ^= 0xFF  # the frame's checksum, at the latest, tells
        (folder / name).write_bytes(bytes(packed))
        return name

    return make


CASES = [
    BadInput("a zstd file cut short", _cut(zstd_frames, "app.log.1.zst"), error=DAMAGE, findings=1),
    BadInput("a zstd file with a byte changed", _corrupted(zstd_frames, "app.log.2.zst"), error=DAMAGE, findings=1),
    BadInput("an lz4 file cut short", _cut(lz4_frames, "app.log.1.lz4"), error=DAMAGE, findings=1,
             runs_here=lambda: LZ4_INSTALLED),
    BadInput("an lz4 file with a byte changed", _corrupted(lz4_frames, "app.log.2.lz4"), error=DAMAGE, findings=1,
             runs_here=lambda: LZ4_INSTALLED),
]
