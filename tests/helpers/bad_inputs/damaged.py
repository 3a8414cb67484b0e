"""Damaged compressed files: what comes before the damage is still scanned."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

from helpers.bad_inputs import BadInput
from helpers.credentials import iugu_line, iugu_token


def _cut_gzip(folder: Path) -> str:
    text = ("start\n" + iugu_line(iugu_token()) + "\n").encode() + os.urandom(60_000).hex().encode()
    packed = gzip.compress(text)
    (folder / "cut.log.gz").write_bytes(packed[: len(packed) * 2 // 3])
    return "cut.log.gz"


CASES = [BadInput("a gzip cut short", _cut_gzip, error="read failed, scanned up to the damage", findings=1)]
