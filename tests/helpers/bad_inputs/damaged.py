"""Damaged compressed files: what comes before the damage is still scanned, and the one error
line says where the file is damaged (a byte offset of the file), not how the library failed.

Each file holds its key on line 2 and is small: one read of a decompressor would take all of
its text with it, so a reader that lets a failing read lose its text finds nothing."""

from __future__ import annotations

import bz2
import gzip
import lzma
import os
import random
import zlib
from pathlib import Path
from typing import Callable

from helpers.bad_inputs import BadInput
from helpers.credentials import iugu_line, iugu_token

DAMAGE = "read failed, scanned up to the damage"
WHERE = "damaged at byte"  # the error names the place in the file


def _text(random_bytes: int = 60_000) -> bytes:
    return ("start\n" + iugu_line(iugu_token()) + "\n").encode() + os.urandom(random_bytes).hex().encode()


def _cut(pack: Callable[[bytes], bytes], name: str, random_bytes: int = 60_000) -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        packed = pack(_text(random_bytes))
        (folder / name).write_bytes(packed[: len(packed) * 2 // 3])
        return name

    return make


def _corrupt_gzip(folder: Path) -> str:
    """Log lines (deflate refers back into them) with a stretch overwritten in the middle, so that
    the data itself is invalid — a distance too far back, a bad block or code — not merely the
    checksum at the end: garbage a crash or a bad disk leaves, not a cut."""
    text = _text(3_000) + b"".join(b"2026-11-30 05:00:%02d INFO request %d done\n" % (i % 60, i) for i in range(20_000))
    packed = gzip.compress(text, mtime=0)
    middle, rng = len(packed) // 2, random.Random(0)
    while True:
        damaged = packed[:middle] + rng.randbytes(64) + packed[middle + 64 :]
        try:
            zlib.decompress(damaged, 31)
        except zlib.error as exc:
            if "invalid" in str(exc):
                break
    (folder / "corrupt.log.gz").write_bytes(damaged)
    return "corrupt.log.gz"


CASES = [
    BadInput("a gzip cut short", _cut(gzip.compress, "cut.log.gz"), error=DAMAGE, findings=1),
    BadInput("a gzip with a stretch overwritten", _corrupt_gzip, error=f"{DAMAGE}: gzip {WHERE}", findings=1),
    # smaller than one read of the decompressor: the whole text sits before the damage
    BadInput("a small xz cut short", _cut(lzma.compress, "cut.log.xz", 6_000), error=DAMAGE, findings=1),
    # bzip2 decodes whole blocks (100 kB of text at level 1): the key's block is kept, the cut one lost
    BadInput("a bz2 cut in its third block", _cut(lambda text: bz2.compress(text, 1), "cut.log.bz2", 150_000),
             error=DAMAGE, findings=1),
]
