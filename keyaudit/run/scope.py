"""Where a scan's targets are: the source root reports make paths relative to, and the kind of
scan, so that tools which keep several scans of one commit (GitHub code scanning's categories)
can tell a scan of the repository from a scan of its logs.

A folder with a ``.git`` entry (a directory, or the file a worktree or a submodule has) is the top
of a git work tree: found by walking up from each target, a ``stat`` per folder and no git
process, once per scan. Paths stay as ``os.path.abspath`` makes them (symlinks not resolved), the
way the findings' paths are joined to the working folder.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Sequence

from keyaudit.inputs.archives import ZIP_MAGICS
from keyaudit.model.result import SourceRoot
from keyaudit.sources.compression import SNIFF_BYTES, sniff_compression
from keyaudit.sources.remote import is_url
from keyaudit.sources.targets import STDIN

# Each target is one of these; a scan of several kinds is named by them in this order, joined by "+".
KINDS: tuple[str, ...] = ("source", "staged", "logs", "har", "store", "stdin")


def files_within(targets: Sequence[str], limit: int) -> bool:
    """Whether ``targets`` are local files (no folder, store, pipe or standard input) of at most
    ``limit`` bytes in all, as far as one ``stat`` each tells (a file that is not there reads nothing),
    none of them compressed (:func:`_expands`)."""
    total = 0
    for target in targets:
        if target == STDIN or is_url(target):
            return False
        try:
            info = os.stat(target)
        except OSError:
            continue
        total += info.st_size
        if not stat.S_ISREG(info.st_mode) or total > limit or (info.st_size and _expands(target)):
            return False
    return True


def _expands(path: str) -> bool:
    """Whether the file at ``path`` is compressed or a zip, by its first bytes, as the scan tells:
    its text, which the scan reads, may be many times its size (a 1 MiB gzip log, 30 MiB of text).
    A file that cannot be opened reads nothing."""
    try:
        with open(path, "rb") as file:
            head = file.read(SNIFF_BYTES)
    except OSError:
        return False
    return sniff_compression(head) is not None or head.startswith(ZIP_MAGICS)


def work_tree(path: str) -> str | None:
    """The top of the git work tree holding ``path`` (a file or a folder), or None."""
    here = os.path.abspath(path)
    if not os.path.isdir(here):
        here = os.path.dirname(here)
    while True:
        if os.path.lexists(os.path.join(here, ".git")):
            return here
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def _kind(target: str, tree: str | None) -> str:
    """``stdin``, ``store`` (a URL), ``har`` (a capture named ``*.har``), ``source`` (in a git
    work tree) or ``logs`` (any other file or folder)."""
    if target == STDIN:
        return "stdin"
    if is_url(target):
        return "store"
    if target.lower().endswith(".har"):
        return "har"
    return "source" if tree is not None else "logs"


def _folder(target: str) -> str:
    path = os.path.abspath(target)
    return path if os.path.isdir(path) else os.path.dirname(path)


def scope(targets: Sequence[str], staged_root: Path | None = None) -> tuple[SourceRoot | None, str]:
    """The source root and the kind of a scan of ``targets``, or of the index of the repository
    at ``staged_root`` (whose paths are relative to that root).

    The root is the work tree of the first local target that is in one (findings elsewhere keep
    absolute paths); with no target in a work tree, the folder holding them all, unless that is
    the file system's root. Standard input and URLs have no root.
    """
    if staged_root is not None:
        root = os.path.abspath(staged_root)
        return SourceRoot(root, True, root), "staged"
    local = [target for target in targets if target != STDIN and not is_url(target)]
    trees = {target: work_tree(target) for target in local}
    present = {_kind(target, trees.get(target)) for target in targets}
    kind = "+".join(name for name in KINDS if name in present)
    base = os.getcwd()
    tree = next((tree for tree in trees.values() if tree is not None), None)
    if tree is not None:
        return SourceRoot(tree, True, base), kind
    if not local:
        return None, kind
    common = os.path.commonpath(target_folders(local))
    return (None if os.path.dirname(common) == common else SourceRoot(common, False, base)), kind


def target_folders(targets: Sequence[str]) -> tuple[str, ...]:
    """Each local target's folder (itself, or the folder of a file), absolute."""
    return tuple(_folder(target) for target in targets if target != STDIN and not is_url(target))
