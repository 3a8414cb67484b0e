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
  matches its name: it is deleted and rebuilt, never read;
* it does not grow for ever: every rule version and option set ever used leaves entries (837,
  87 MB, were seen in one folder), so a run that writes an entry prunes the folder
  (:func:`prune`): entries no run has used for :data:`UNUSED_DAYS` days go, and of each kind
  only the :data:`KEPT_PER_KIND` used last stay. A run that only reads never prunes: it adds
  nothing.

A read-only or missing home only costs the next run a rebuild. Where the folder is refused, what a
process builds is still kept in its memory for its own later use (``keyaudit rules test`` builds
the same database for every example it checks: 446 compilations took over a minute).
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import stat
import time
from pathlib import Path
from typing import Iterable

UNUSED_DAYS = 30  # an entry no run has read or written for this long is deleted
KEPT_PER_KIND = 100  # entries kept of each kind (databases, prepared patterns, parsed rule files)
USE_MARK_SECONDS = 86_400  # a read marks an entry used (its mtime) at most once a day
ABANDONED_SECONDS = 86_400  # a temporary this old belongs to a write that died, not to one under way
# What this module writes (``<kind>-<input hash>[.<sha256>].<suffix>``; entries of older versions
# carry no digest) and its temporaries (``.<entry>.<pid>.tmp``): nothing else in the folder is
# ever deleted.
_ENTRY = re.compile(r"(?P<kind>[a-z][a-z0-9-]*?)-[0-9a-f]{16,64}(?:\.[0-9a-f]{64})?\.[a-z]+")
_TEMPORARY = re.compile(r"\..+\.[0-9]+\.tmp")
MEMORY_ENTRIES = 32  # entries a process keeps in memory while the folder is refused
_memory: dict[str, bytes] = {}  # entry name -> bytes, built by this process, the folder refused
# The Cache Directory Tagging Specification's tag (https://bford.info/cachedir/), which backup tools honour; its
# comment names keyaudit, whose folder walk passes over a folder so tagged (:func:`own_cache_folder`): the parsed rule
# files hold every rule's examples, which are credentials to the rules that read them.
CACHE_TAG = "CACHEDIR.TAG"
_TAG_TEXT = b"Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by keyaudit.\n"


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
        return _memory.get(name)
    listed = _listing(folder)
    if listed is None:
        return None
    for candidate in _copies(listed, name):
        path = folder / candidate
        try:
            data = path.read_bytes()
            if _stored_name(name, data) == candidate:
                _mark_used(path)
                return data
            path.unlink()
            listed.discard(candidate)
        except OSError:
            continue
    return None


def _copies(listed: set[str], name: str) -> list[str]:
    """The stored copies of the entry ``name`` among ``listed`` (``<stem>.<sha256>.<suffix>``)."""
    stem, dot, suffix = name.rpartition(".")
    prefix, ending = (f"{stem}.", f".{suffix}") if dot else (f"{name}.", "")
    return [entry for entry in listed if entry.startswith(prefix) and entry.endswith(ending)
            and len(entry) == len(prefix) + 64 + len(ending)]


def forget_entry(name: str) -> None:
    """Delete the entry stored for ``name``: its bytes are intact but what they say was found wrong (an answer
    another build of a library gave), so no later run reads it again before it is rebuilt."""
    _memory.pop(name, None)
    folder = _usable_dir()
    listed = None if folder is None else _listing(folder)
    if folder is None or listed is None:
        return
    for candidate in _copies(listed, name):
        try:
            (folder / candidate).unlink()
        except OSError:
            continue
        listed.discard(candidate)


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
        if len(_memory) >= MEMORY_ENTRIES:
            del _memory[next(iter(_memory))]  # the oldest
        _memory[name] = data
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
        listed.difference_update(prune(folder))
        if CACHE_TAG not in listed:  # folders made before there was a tag get one with their next entry
            _write_tag(folder / CACHE_TAG)
            listed.add(CACHE_TAG)


def _write_tag(path: Path) -> None:
    try:
        path.write_bytes(_TAG_TEXT)
    except OSError:
        pass  # a folder that takes entries but not the tag is scanned like any other, nothing lost


def own_cache_folder(folder: Path, names: Iterable[str]) -> bool:
    """Whether ``folder``, whose entries are ``names``, is a cache this module keeps: its tag among them, and nothing
    but its tag, entries and temporaries (a tag copied into a folder of anything else, a committed ``config/`` with
    a key in it, does not make it the cache). A tag that cannot be read leaves it no cache: nothing is passed over
    on a guess."""
    listed = list(names)
    if CACHE_TAG not in listed or not all(name == CACHE_TAG or _ENTRY.fullmatch(name) or _TEMPORARY.fullmatch(name)
                                          for name in listed):
        return False
    try:
        with open(folder / CACHE_TAG, "rb") as tag:
            return tag.read(len(_TAG_TEXT)) == _TAG_TEXT
    except OSError:
        return False


def _mark_used(path: Path) -> None:
    """Note that an entry was read (its modification time, what :func:`prune` goes by), at most
    once a day an entry: a pre-commit hook reads the same dozen entries many times a day."""
    try:
        if time.time() - path.stat().st_mtime > USE_MARK_SECONDS:
            os.utime(path)
    except OSError:
        pass


def prune(folder: Path, now: float | None = None) -> list[str]:
    """Delete from the cache ``folder`` the entries unused for :data:`UNUSED_DAYS` days and, of
    each kind, all but the :data:`KEPT_PER_KIND` used last, and temporaries abandoned by writes
    that died; return the names deleted.

    Only regular files named as this module names them are looked at (a symlink is never
    followed nor deleted, nor any file of another name); an entry is replaced whole by
    ``os.replace``, so deleting one that a run has just listed costs that run a rebuild, never a
    wrong read; and a temporary is deleted only once no write can still be under way in it."""
    now = time.time() if now is None else now
    kinds: dict[str, list[tuple[float, str]]] = {}
    doomed: list[str] = []
    try:
        with os.scandir(folder) as listing:
            for item in listing:
                entry, temporary = _ENTRY.fullmatch(item.name), _TEMPORARY.fullmatch(item.name)
                if (entry is None and temporary is None) or not item.is_file(follow_symlinks=False):
                    continue
                modified = item.stat(follow_symlinks=False).st_mtime
                if temporary is not None:
                    if now - modified > ABANDONED_SECONDS:
                        doomed.append(item.name)
                elif now - modified > UNUSED_DAYS * 86_400:
                    doomed.append(item.name)
                else:
                    kinds.setdefault(entry.group("kind"), []).append((modified, item.name))  # type: ignore[union-attr]
    except OSError:
        return []
    for entries in kinds.values():
        entries.sort(reverse=True)
        doomed.extend(name for _, name in entries[KEPT_PER_KIND:])
    deleted = []
    for name in doomed:
        try:
            os.unlink(folder / name)
            deleted.append(name)
        except OSError:
            continue
    return deleted
