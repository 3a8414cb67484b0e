"""Ignore files (``.gitignore``, ``.keyauditignore``) with git's own matching rules, for a walk on
disk and for a flat listing of an object store alike."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # imported where an ignore file or pattern exists: plain file lists start faster
    import pathspec

IGNORE_FILES: tuple[str, ...] = (".gitignore", ".keyauditignore")
ALWAYS_SKIPPED_DIRS: frozenset[str] = frozenset({".git", ".hg", ".svn"})


@dataclass
class IgnoreLevel:
    """The patterns of one ignore file, and the folder (relative to the walk root) they apply in."""

    base: str  # directory of the ignore file, relative to the walk root ("" for the root)
    spec: "pathspec.PathSpec"


def load_ignores(directory: Path, relative: str) -> list[IgnoreLevel]:
    """The ignore files of one folder on disk."""
    levels = []
    for name in IGNORE_FILES:
        candidate = directory / name
        if candidate.is_file():
            try:
                lines = candidate.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                continue
            levels.append(IgnoreLevel(relative, gitignore_spec(lines)))
    return levels


def gitignore_spec(lines: list[str]) -> "pathspec.PathSpec":
    """Patterns with git's own matching rules (negation, anchoring, directory-only)."""
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


def ignored(levels: list[IgnoreLevel], relative: str, is_dir: bool) -> bool:
    for level in levels:
        inner = relative[len(level.base) + 1 :] if level.base else relative
        if level.spec.match_file(inner + ("/" if is_dir else "")):
            return True
    return False


def listing_ignored(relatives: list[str], read: Callable[[str], str]) -> set[str]:
    """The entries of a flat listing (an object store's keys, relative to the target) that its
    ignore files exclude, as the walk excludes them on disk; ignore files and VCS folders too.
    ``read`` gives an ignore file's text."""
    levels = [IgnoreLevel(directory, gitignore_spec(read(relative).splitlines()))
              for relative in relatives
              for directory, _, name in [relative.rpartition("/")] if name in IGNORE_FILES]
    found = set()
    for relative in relatives:
        *folders, name = relative.split("/")
        applying = [level for level in levels if not level.base or relative.startswith(level.base + "/")]
        if name in IGNORE_FILES or ALWAYS_SKIPPED_DIRS.intersection(folders) or ignored(applying, relative, False):
            found.add(relative)
    return found
