"""Inputs whose findings were once lost without a word: damaged gzip and tgz that ``zcat`` and
``tar`` still read, a log behind copytruncate's NULs, logs in UTF-16 and UTF-32.

Each damaged case puts a key just before the damage, so that a reader losing its last read (as
library readers do when the damage raises out of it) misses it; each readable case is read
without complaint.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

from helpers.archives import tar_bytes
from helpers.bad_inputs import BadInput
from helpers.credentials import iugu_line, iugu_token


def _filler(kilobytes: int) -> bytes:
    """Incompressible log lines: compressed, they are about as long, so cuts land in them."""
    return b"".join(b"2026-11-25 10:00:00 INFO request " + os.urandom(32).hex().encode() + b"\n"
                    for _ in range(kilobytes * 1024 // 98))


def _leak() -> bytes:
    return (iugu_line(iugu_token()) + "\n").encode()


def _trailing_junk(folder: Path) -> str:
    text = _leak() + _filler(300) + _leak()  # the second key ends the member, right before the junk
    junk = b"\x07crash" + os.urandom(4096)
    (folder / "trailing-junk.log.gz").write_bytes(gzip.compress(text) + junk)
    return "trailing-junk.log.gz"


def _short_trailer(folder: Path) -> str:
    packed = gzip.compress(tar_bytes({"a.log": _leak() + _filler(200), "b.log": _filler(200) + _leak()}))
    (folder / "short-trailer.tgz").write_bytes(packed[:-4])  # as tar recovers it: every member whole
    return "short-trailer.tgz"


def _cut_member(folder: Path) -> str:
    late = _filler(300) + _leak()  # beyond the cut: cannot be read
    packed = gzip.compress(tar_bytes({"a.log": _leak(), "b.log": _leak() + late}))
    (folder / "cut-member.tgz").write_bytes(packed[: len(packed) // 2])  # a.log, and b.log's start
    return "cut-member.tgz"


def _copytruncated(folder: Path) -> str:
    (folder / "copytruncated.log").write_bytes(bytes(4096) + b"2026-11-25 10:00:00 INFO after rotation\n" + _leak())
    return "copytruncated.log"


def _encoded(name: str, codec: str, mark: bytes = b"") -> BadInput:
    def make(folder: Path) -> str:
        text = "2026-11-25 10:00:00 INFO serviço iniciado\r\n" + _leak().decode()
        (folder / name).write_bytes(mark + text.encode(codec))
        return name

    return BadInput(f"a {codec} log{' with' if mark else ' without'} a byte-order mark", make, error=None, findings=1)


def _gzipped_utf16(folder: Path) -> str:
    (folder / "utf16.log.gz").write_bytes(gzip.compress(("ok\n" + _leak().decode()).encode("utf-16")))
    return "utf16.log.gz"


CASES = [
    BadInput("a gzip with junk after its last member", _trailing_junk, error="scanned up to the damage", findings=2),
    BadInput("a tgz short by a few bytes", _short_trailer, error="scanned up to the damage", findings=2),
    BadInput("a tgz cut inside its last member", _cut_member, error="scanned up to the damage", findings=2),
    BadInput("a log that starts with the NULs copytruncate leaves", _copytruncated, error=None, findings=1),
    _encoded("windows-utf16le.log", "utf-16-le", b"\xff\xfe"),
    _encoded("windows-utf16be.log", "utf-16-be"),
    _encoded("service-utf32.log", "utf-32-le"),
    BadInput("a UTF-16 log in gzip", _gzipped_utf16, error=None, findings=1),
]
