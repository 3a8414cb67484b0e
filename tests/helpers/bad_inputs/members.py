"""Compressed files of several members (``cat a.gz b.gz``, rotations appended to) with one damaged in the middle,
or junk between two: the damage costs only its member. The members after it are read on from the next member start
that decodes, so their keys are found, and the one error line says where the damage is and where the text was
read on from."""

from __future__ import annotations

import bz2
import gzip
import lzma
import os
from pathlib import Path
from typing import Callable

from helpers.bad_inputs import BadInput
from helpers.credentials import iugu_line, iugu_token

READ_PAST = "damaged, the text around the damage scanned"


def _flipped(packed: bytes) -> bytes:
    """``packed`` with a stretch in its middle overwritten: the member's data itself is bad."""
    middle = len(packed) // 2
    return packed[:middle] + bytes(byte ^ 0xFF for byte in packed[middle : middle + 16]) + packed[middle + 16 :]


def _members(pack: Callable[[bytes], bytes], name: str, middle: Callable[[bytes], bytes]) -> Callable[[Path], str]:
    """A key in the first member, noise in a second that ``middle`` damages, a key in the third."""
    def make(folder: Path) -> str:
        noise = os.urandom(30_000).hex().encode()
        first, last = (("start\n" + iugu_line(iugu_token()) + "\n").encode() for _ in range(2))
        (folder / name).write_bytes(pack(first) + middle(pack(noise)) + pack(last))
        return name

    return make


_PACKS = (("gz", "gzip", lambda text: gzip.compress(text, mtime=0)), ("bz2", "bz2", bz2.compress),
          ("xz", "xz", lzma.compress))
_DAMAGE = (("overwritten", _flipped), ("cut", lambda packed: packed[: len(packed) // 2]),
           ("junk", lambda packed: b"junk " * 100))
CASES = [BadInput(f"a {codec} whose middle member is {how}", _members(pack, f"mid-{how}-member.log.{suffix}", damage),
                  error=f"{READ_PAST}: {codec} damaged", findings=2)
         for suffix, codec, pack in _PACKS for how, damage in _DAMAGE]
