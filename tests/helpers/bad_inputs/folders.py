"""Hostile folders: what a walk meets that a single file never shows — folders it may not list or
enter, ignore files it cannot read or parse, pipes, link loops, trees nested past Python's
recursion limit and past the length a path may have. Each costs at most itself; the walk goes on with its siblings."""

from __future__ import annotations

import os
from pathlib import Path

from helpers.bad_inputs import BadInput
from helpers.credentials import iugu_line, iugu_token
from helpers.privileges import can_run_unprivileged

DEEP = 1100  # folders nested: past the default recursion limit of 1000
DEEPER = 1400  # folders of "abc" nested: their path (5.6 KB) is past PATH_MAX (4 KiB)


def _leaky(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("start\n" + iugu_line(iugu_token()) + "\n")


def _unlistable(folder: Path) -> str:
    _leaky(folder / "locked" / "app.log")
    (folder / "locked").chmod(0o000)
    return "locked"


def _unenterable(folder: Path) -> str:
    _leaky(folder / "listonly" / "app.log")
    (folder / "listonly").chmod(0o444)  # its names can be read, nothing in it opened
    return "listonly/app.log"


def _unreadable_ignore_file(folder: Path) -> str:
    (folder / "private").mkdir()
    (folder / "private" / ".gitignore").write_text("*.tmp\n")
    (folder / "private" / ".gitignore").chmod(0o000)
    return "private/.gitignore"


def _invalid_ignore_patterns(folder: Path) -> str:
    (folder / "patterns").mkdir()
    (folder / "patterns" / ".gitignore").write_text("!\n*.tmp\nbuild\\\n")  # a lone '!', a trailing backslash
    _leaky(folder / "patterns" / "scratch.tmp")  # still ignored: the valid line applies
    return "patterns/.gitignore"


def _named_pipe(folder: Path) -> str:
    os.mkfifo(folder / "pipe.log")  # opened for reading, it would block the scan forever
    return "pipe.log"


def _link_loop(folder: Path) -> str:
    os.symlink("loop-b", folder / "loop-a")
    os.symlink("loop-a", folder / "loop-b")
    return "loop-a"


def _deep_tree(folder: Path) -> str:
    deepest = folder / "deep"
    deepest.mkdir()
    for _ in range(DEEP):  # one level at a time: pathlib's own mkdir(parents=True) recurses
        deepest = deepest / "d"
        deepest.mkdir()
    _leaky(deepest / "app.log")
    return str((deepest / "app.log").relative_to(folder))


def deeper_than_a_path(folder: Path) -> str:
    """A tree whose bottom no path can name: made a folder at a time through the one above
    (``mkdir`` and ``open`` relative to a descriptor), with an ignore file at the bottom that
    must still apply."""
    top = os.open(folder, os.O_RDONLY)
    os.mkdir("deeper", dir_fd=top)
    fd = os.open("deeper", os.O_RDONLY, dir_fd=top)
    os.close(top)
    for _ in range(DEEPER):
        os.mkdir("abc", dir_fd=fd)
        inner = os.open("abc", os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = inner
    for name, text in (("app.log", "start\n" + iugu_line(iugu_token()) + "\n"), (".keyauditignore", "old.log\n"),
                       ("old.log", iugu_line(iugu_token()) + "\n")):
        handle = os.open(name, os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(handle, text.encode())
        os.close(handle)
    os.close(fd)
    return "deeper/" + "abc/" * DEEPER + "app.log"


CASES = [
    BadInput("a folder that cannot be listed", _unlistable, error="cannot list: Permission denied",
             unprivileged=True, runs_here=can_run_unprivileged),
    BadInput("a folder that can be listed but not entered", _unenterable, error="cannot open: Permission denied",
             unprivileged=True, runs_here=can_run_unprivileged),
    BadInput("an ignore file that cannot be read", _unreadable_ignore_file, error="cannot read this ignore file",
             unprivileged=True, runs_here=can_run_unprivileged),
    BadInput("an ignore file with lines that are not patterns", _invalid_ignore_patterns,
             error="lines 1, 3: not a valid ignore pattern"),
    BadInput("a named pipe", _named_pipe, error=None, runs_here=lambda: hasattr(os, "mkfifo")),
    BadInput("a symbolic link loop", _link_loop, error=None),
    BadInput(f"a tree {DEEP} folders deep", _deep_tree, error=None, findings=1),
    BadInput("a tree deeper than a path can name", deeper_than_a_path, error=None, findings=1),
]
