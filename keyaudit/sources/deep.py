"""Folders and files nested deeper than a path can name: past ``PATH_MAX`` (4 KiB on Linux) the
system refuses the path itself ("File name too long"), however short each name is, and a tree
1,400 folders of ``abc`` deep hid its bottom file's key behind one error.

Such a folder is reached from the walk's root one handful of names at a time, each step opened
relative to the one before (``openat``): no path the system is given is longer than
:data:`STEP_BYTES`, and no more than two folders are held open at once, however deep the tree.
Its entries are looked at through the open folder, and a file in it is read the same way
(:class:`DeepFile`, an opener like a git blob's): found and scanned like any other file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from dataclasses import dataclass
from typing import BinaryIO, Iterator

from keyaudit.sources.opening import stamp_of

STEP_BYTES = 2048  # the most of a path opened in one step (well under PATH_MAX)
_FOLDER = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)


def too_long(exc: OSError) -> bool:
    """Whether ``exc`` is the system refusing a path for its length (not for what it names)."""
    return exc.errno == errno.ENAMETOOLONG


def _steps(names: list[str]) -> Iterator[str]:
    """``names`` joined into relative paths of at most :data:`STEP_BYTES` (a name longer than that
    alone is a step of its own: the system will say what it thinks of it)."""
    step: list[str] = []
    size = 0
    for name in names:
        length = len(os.fsencode(name)) + 1
        if step and size + length > STEP_BYTES:
            yield "/".join(step)
            step, size = [], 0
        step.append(name)
        size += length
    if step:
        yield "/".join(step)


def open_folder(root: str, names: list[str]) -> int:
    """A descriptor of the folder ``names`` leads to from ``root``, opened step by step."""
    fd = os.open(root, _FOLDER)
    try:
        for step in _steps(names):
            inner = os.open(step, _FOLDER, dir_fd=fd)
            os.close(fd)
            fd = inner
    except BaseException:
        os.close(fd)
        raise
    return fd


@dataclass(frozen=True)
class DeepEntry:
    """An entry of a folder too deep to name, looked at through the open folder: what the walk
    asks of an :class:`os.DirEntry`, and the text of an ignore file read then."""

    name: str
    path: str  # the full path, as a string: for the walk's names and exclude patterns, never opened
    mode: int  # of the entry itself (a link is a link); 0: it could not be looked at
    size: int = 0
    text: str | None = None  # an ignore file's text; None: not one, or it could not be read

    def is_symlink(self) -> bool:
        return stat.S_ISLNK(self.mode)

    def is_dir(self) -> bool:
        return stat.S_ISDIR(self.mode)

    def is_file(self) -> bool:
        if not self.mode:
            raise OSError(errno.EACCES, "cannot be looked at")
        return stat.S_ISREG(self.mode)

    def read_text(self) -> str:
        """An ignore file's text, as read when its folder was listed."""
        if self.text is None:
            raise OSError(errno.EACCES, "cannot be read")
        return self.text


def deep_entries(root: str, names: list[str], path: str, ignore_files: tuple[str, ...]) -> list[DeepEntry]:
    """The entries, sorted by name, of the folder ``names`` leads to from ``root`` (shown as
    ``path``), with the text of its ignore files; raises OSError when it cannot be listed."""
    fd = open_folder(root, names)
    try:
        found = []
        for name in sorted(os.listdir(fd)):
            try:
                status = os.stat(name, dir_fd=fd, follow_symlinks=False)
                mode, size = status.st_mode, status.st_size
            except OSError:
                mode = size = 0
            text = None
            if name in ignore_files and stat.S_ISREG(mode):
                with contextlib.suppress(OSError), open(os.open(name, os.O_RDONLY, dir_fd=fd), "rb") as handle:
                    text = handle.read().decode("utf-8", "replace")
            found.append(DeepEntry(name, f"{path}/{name}", mode, size, text))
        return found
    finally:
        os.close(fd)


@dataclass(frozen=True)
class DeepFile:
    """Opens a file too deep to name, step by step from ``root``; picklable, like a member's
    opener. ``size`` is its size when it was found (for the plan's progress)."""

    root: str
    names: tuple[str, ...]
    size: int = 0

    @contextlib.contextmanager
    def __call__(self) -> Iterator[BinaryIO]:
        folder = open_folder(self.root, list(self.names[:-1]))
        try:
            fd = os.open(self.names[-1], os.O_RDONLY | getattr(os, "O_CLOEXEC", 0), dir_fd=folder)
        finally:
            os.close(folder)
        with open(fd, "rb") as handle:
            yield handle

    def stamp(self) -> str | None:
        """Its size and modification time now, as :func:`~keyaudit.sources.opening.file_stamp`
        gives a file's that a path names (for ``--state``)."""
        try:
            with self() as handle:
                return stamp_of(os.fstat(handle.fileno()))
        except OSError:
            return None
