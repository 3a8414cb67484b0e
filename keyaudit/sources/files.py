"""Walk local folders: files in a stable (sorted) order, ignore files honoured, every skip counted.

A folder that cannot be listed, an entry that cannot be looked at, an ignore file that cannot be
read: each is one error naming it, and the walk goes on with its siblings. The walk keeps its own
stack of open folders instead of recursing, so a tree nested thousands deep costs memory, not
Python's recursion limit; past the length a path may have, folders and files are reached from
the root a few names at a time (:mod:`.deep`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

from keyaudit.rulebook.cache import own_cache_folder
from keyaudit.sources.deep import DeepEntry, DeepFile, deep_entries, too_long
from keyaudit.sources.ignore import ALWAYS_SKIPPED_DIRS, IGNORE_FILES, IgnoreLevel, ignored, load_ignores
from keyaudit.sources.targets import Discovery, Target

# A folder being walked: its path relative to the walk root, its entries still to visit, and the
# ignore files that apply in it.
Open = tuple[str, "Iterator[os.DirEntry[str] | DeepEntry]", list[IgnoreLevel]]
# What a git directory's object store (loose zlib objects, packs of deltas) is counted as: its
# bytes are no text (loose objects were read as text, nothing found, nothing said); the history
# they hold is read as text by piping ``git log -p`` in.
GIT_OBJECTS = "git objects (history: pipe `git log -p --all` in)"
# What keyaudit's own cache folder is counted as when a walk comes to it: its parsed rule files hold the rules'
# examples, every one a credential to the rules (210 findings in one folder, none anyone's secret).
OWN_CACHE = "keyaudit cache"
LONG_PATH = 4000  # bytes of a file's path from which it is opened step by step (PATH_MAX is 4096 on Linux)


def _join(display_root: str, relative: str) -> str:
    if display_root in ("", "."):
        return relative
    return display_root.rstrip("/\\") + "/" + relative


def walk(root: Path, display_root: str, discovery: Discovery) -> Iterator[Target]:
    """Files under ``root`` in a stable (sorted) order, minus ignored entries and links."""

    def shown(relative: str) -> str:
        return _join(display_root, relative) or display_root

    def opened(directory: Path, relative: str, levels: list[IgnoreLevel]) -> list[Open]:
        entries: list[os.DirEntry[str]] | list[DeepEntry]
        try:
            try:
                entries = sorted(os.scandir(directory), key=lambda e: e.name)
            except OSError as exc:
                if not too_long(exc):
                    raise
                entries = deep_entries(str(root), relative.split("/"), str(directory), IGNORE_FILES)
        except OSError as exc:
            discovery.missing.append((shown(relative), f"cannot list: {exc.strerror or exc}"))
            return []
        if relative and own_cache_folder(directory, (entry.name for entry in entries)):
            discovery.skip(shown(relative), OWN_CACHE)
            return []
        found, problems = load_ignores(relative, entries)
        discovery.missing.extend((shown(where), problem) for where, problem in problems)
        return [(relative, iter(entries), levels + found)]

    stack = opened(root, "", [])
    while stack:
        relative, entries, levels = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        child = f"{relative}/{entry.name}" if relative else entry.name
        try:
            kind = _kind(entry)
        except OSError as exc:  # a folder that can be listed but not entered
            discovery.missing.append((shown(child), f"cannot open: {exc.strerror or exc}"))
            continue
        if kind in ("dir", "file") and ignored(levels, child, kind == "dir"):
            discovery.skip(shown(child), "ignored")
        elif kind == "dir" and entry.name == "objects" and git_directory(Path(entry.path).parent):
            discovery.skip(shown(child), GIT_OBJECTS)
        elif kind == "dir":
            stack += opened(Path(entry.path), child, levels)
        elif kind == "file":
            if not discovery.excluded(entry.path, shown(child)):
                yield _file(root, child, entry, shown(child))
        elif kind:
            discovery.skip(shown(child), kind)


def git_directory(path: Path) -> bool:
    """Whether ``path`` is a git directory: a work tree's ``.git``, or a bare repository (its
    ``HEAD``, ``refs`` and ``objects`` side by side). Its other files (``config``, whose remote URL
    may hold a token, hooks, logs) are text to scan."""
    return path.name == ".git" or ((path / "HEAD").is_file() and (path / "refs").is_dir()
                                   and (path / "objects").is_dir())


def in_git_objects(path: Path) -> bool:
    """Whether ``path`` is a git directory's object store or in it (named as a target)."""
    return any(folder.name == "objects" and git_directory(folder.parent) for folder in (path, *path.parents))


def _file(root: Path, relative: str, entry: "os.DirEntry[str] | DeepEntry", shown: str) -> Target:
    """The file ``entry``; one whose path is too long to open by is opened step by step from
    the walk's root (see :mod:`.deep`)."""
    if isinstance(entry, DeepEntry) or len(os.fsencode(entry.path)) >= LONG_PATH:
        return Target(shown, None, DeepFile(str(root), tuple(relative.split("/")), _size(entry)))
    return Target(shown, Path(entry.path))


def _size(entry: "os.DirEntry[str] | DeepEntry") -> int:
    if isinstance(entry, DeepEntry):
        return entry.size
    try:
        return entry.stat(follow_symlinks=False).st_size
    except OSError:
        return 0


def _kind(entry: "os.DirEntry[str] | DeepEntry") -> str:
    """``dir`` or ``file`` to visit, the reason an entry is skipped, or "" for one passed over
    without a count (VCS folders, ignore files); raises OSError when it cannot be looked at (the
    listing's file type is used where the system gives one: no lookup)."""
    if entry.is_symlink():
        return "symlink"
    if entry.is_dir():
        return "" if entry.name in ALWAYS_SKIPPED_DIRS else "dir"
    if entry.is_file():
        return "" if entry.name in IGNORE_FILES else "file"
    return "not a regular file"
