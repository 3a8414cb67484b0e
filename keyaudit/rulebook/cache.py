"""The per-user cache of derived files: compiled Hyperscan databases and parsed rule files.

A pre-commit hook runs many times a day on the same rules, so what can be derived from them is
kept between runs. Every entry is named by a hash of what it was built from, and one that is
missing or damaged is rebuilt, never trusted; a read-only home only costs the next run a rebuild.
"""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    base = os.environ.get("KEYAUDIT_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "keyaudit"


def read_entry(name: str) -> bytes | None:
    try:
        return (cache_dir() / name).read_bytes()
    except OSError:
        return None


def write_entry(name: str, data: bytes) -> None:
    """Store an entry atomically (a concurrent run reads the old one or the new one, whole)."""
    path = cache_dir() / name
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        pass
