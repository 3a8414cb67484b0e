"""The per-user cache of derived files: compiled Hyperscan databases and parsed rule files.

A pre-commit hook runs many times a day on the same rules, so what can be derived from them is
kept between runs. What is read back decides what a scan looks for, so nothing in it is trusted
blindly:

* the folder must be the user's own and writable by no one else. A cache in a shared CI folder
  would let anyone plant a parsed rule file with a rule quietly removed, or a database that
  Hyperscan loads as it is; such a folder is not used at all (:func:`refusal` says why, for one
  warning line a run), and one that does not exist yet is made private;
* every entry is named by a hash of what it was built from and by the SHA-256 of its own bytes
  (``hs-<input>.<content>.db``), so an entry edited or damaged after it was written no longer
  matches its name: it is deleted and rebuilt, never read.

A read-only or missing home only costs the next run a rebuild.
"""

from __future__ import annotations

import functools
import hashlib
import os
import stat
from pathlib import Path


def cache_dir() -> Path:
    base = os.environ.get("KEYAUDIT_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "keyaudit"


@functools.cache  # per folder and process: one look, one warning
def _refusal_for(folder: Path) -> str | None:
    if os.name != "posix":  # no owners or mode bits to check
        return None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = folder.stat()
    except OSError:
        return None  # cannot be made or looked at: entries are neither read nor written
    if not stat.S_ISDIR(status.st_mode):
        problem = "is not a folder"
    elif status.st_uid != os.geteuid():
        problem = f"belongs to another user (uid {status.st_uid})"
    elif status.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        problem = f"is writable by other users (mode {stat.S_IMODE(status.st_mode):03o})"
    else:
        return None
    return (f"cache folder {folder} {problem}: not used, rules are parsed and compiled afresh; "
            "make it yours with mode 700, or set KEYAUDIT_CACHE_DIR to a private folder")


def refusal() -> str | None:
    """Why the cache folder is not used (one line for the user), or None when it is."""
    return _refusal_for(cache_dir())


def _usable_dir() -> Path | None:
    folder = cache_dir()
    return None if _refusal_for(folder) else folder


def _stored_name(name: str, data: bytes) -> str:
    """``name`` with the digest of ``data`` before its suffix: ``hs-<input>.<sha256>.db``."""
    stem, dot, suffix = name.rpartition(".")
    digest = hashlib.sha256(data).hexdigest()
    return f"{stem}.{digest}.{suffix}" if dot else f"{name}.{digest}"


def read_entry(name: str) -> bytes | None:
    """The entry stored for ``name`` whose bytes match the digest in its file name; copies that
    do not match (edited, damaged) are deleted, to be rebuilt."""
    folder = _usable_dir()
    if folder is None:
        return None
    stem, dot, suffix = name.rpartition(".")
    prefix, ending = (f"{stem}.", f".{suffix}") if dot else (f"{name}.", "")
    listed = _listing(folder)
    if listed is None:
        return None
    candidates = [entry for entry in listed if entry.startswith(prefix) and entry.endswith(ending)
                  and len(entry) == len(prefix) + 64 + len(ending)]
    for candidate in candidates:
        path = folder / candidate
        try:
            data = path.read_bytes()
            if _stored_name(name, data) == candidate:
                return data
            path.unlink()
            listed.discard(candidate)
        except OSError:
            continue
    return None


@functools.cache  # per folder and process: kept up to date with what this process writes
def _listing(folder: Path) -> set[str] | None:
    """The names in the cache folder, listed once a process: a run reads a dozen entries (a
    parsed rule file each, a database), and the folder keeps every rule version and option set
    ever used, so listing it for each entry cost a pre-commit run milliseconds for each. An
    entry another process writes meanwhile is not seen: this run only builds it again."""
    try:
        return set(os.listdir(folder))
    except OSError:
        return None


def write_entry(name: str, data: bytes) -> None:
    """Store an entry atomically (a concurrent run reads the old one or the new one, whole)."""
    folder = _usable_dir()
    if folder is None:
        return
    path = folder / _stored_name(name, data)
    try:
        temporary = folder / f".{path.name}.{os.getpid()}.tmp"
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except OSError:
        return
    listed = _listing(folder)
    if listed is not None:
        listed.add(path.name)
