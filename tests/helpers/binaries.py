"""Real binary files, for showing that what is not text is still skipped as binary."""

from __future__ import annotations

import contextlib
import random
import sqlite3
import struct
import sys
import zlib
from pathlib import Path


def executable(size: int = 64 << 10) -> bytes:
    """The start of the running Python interpreter: a real ELF (or Mach-O) executable."""
    return Path(sys.executable).resolve().read_bytes()[:size]


def png(side: int = 64) -> bytes:
    """A real greyscale PNG of noise (signature, IHDR, IDAT, IEND with their CRCs), as a photo's
    compressed pixels are: bytes of every value."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    noise = random.Random(side)
    rows = b"".join(b"\0" + noise.randbytes(side) for _ in range(side))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def sqlite_database(path: Path, rows: list[str]) -> bytes:
    """A real SQLite database at ``path`` holding ``rows`` in a table; its bytes."""
    with contextlib.closing(sqlite3.connect(path)) as database:
        database.execute("CREATE TABLE log (line TEXT)")
        database.executemany("INSERT INTO log VALUES (?)", [(row,) for row in rows])
        database.commit()
    return path.read_bytes()
