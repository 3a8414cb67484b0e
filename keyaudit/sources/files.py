"""Find what to scan: walk directories, honour ignore files, and account for every skip.

Paths are reported as reached from the target the user typed (``logs/`` + ``app/x.log`` gives
``logs/app/x.log``), so a report reads the same wherever it was produced.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Callable, ContextManager, Iterator

if TYPE_CHECKING:  # imported where an ignore file or pattern exists: plain file lists start faster
    import pathspec


IGNORE_FILES: tuple[str, ...] = (".gitignore", ".keyauditignore")
ALWAYS_SKIPPED_DIRS: frozenset[str] = frozenset({".git", ".hg", ".svn"})
STDIN = "-"


@dataclass(frozen=True)
class Target:
    """One file to scan: the path shown in reports and where to read it from."""

    display: str
    path: Path | None  # None for standard input, or content that ``reader`` gives
    reader: Callable[[], ContextManager[BinaryIO]] | None = None


@dataclass
class Discovery:
    """Targets found, and the count of every entry not scanned, by reason."""

    skipped: Counter[str] = field(default_factory=Counter)
    missing: list[tuple[str, str]] = field(default_factory=list)
    exclude: "pathspec.PathSpec | None" = None  # configured path ignores (gitignore syntax)
    exclude_base: Path = field(default_factory=Path.cwd)  # what the exclude patterns are relative to
    storage_options: dict[str, str] = field(default_factory=dict)  # for URL targets (fsspec)

    def excluded(self, path: str | Path) -> bool:
        """Whether configuration excludes this file (counted as skipped when it does)."""
        if self.exclude is None:
            return False
        relative = os.path.relpath(os.path.abspath(path), os.path.abspath(self.exclude_base))
        if relative.startswith(".."):
            relative = str(path)
        if self.exclude.match_file(relative.replace(os.sep, "/")):
            self.skipped["excluded"] += 1
            return True
        return False


@dataclass
class _IgnoreLevel:
    base: str  # directory of the ignore file, relative to the walk root ("" for the root)
    spec: "pathspec.PathSpec"


def _load_ignores(directory: Path, relative: str) -> list[_IgnoreLevel]:
    levels = []
    for name in IGNORE_FILES:
        candidate = directory / name
        if candidate.is_file():
            try:
                lines = candidate.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                continue
            levels.append(_IgnoreLevel(relative, gitignore_spec(lines)))
    return levels


def gitignore_spec(lines: list[str]) -> "pathspec.PathSpec":
    """Patterns with git's own matching rules (negation, anchoring, directory-only)."""
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


def _ignored(levels: list[_IgnoreLevel], relative: str, is_dir: bool) -> bool:
    for level in levels:
        inner = relative[len(level.base) + 1 :] if level.base else relative
        if level.spec.match_file(inner + ("/" if is_dir else "")):
            return True
    return False


def listing_ignored(relatives: list[str], read: Callable[[str], str]) -> set[str]:
    """The entries of a flat listing (an object store's keys, relative to the target) that its
    ignore files exclude, as the walk excludes them on disk; ignore files and VCS folders too.
    ``read`` gives an ignore file's text."""
    levels = [_IgnoreLevel(directory, gitignore_spec(read(relative).splitlines()))
              for relative in relatives
              for directory, _, name in [relative.rpartition("/")] if name in IGNORE_FILES]
    ignored = set()
    for relative in relatives:
        *folders, name = relative.split("/")
        applying = [level for level in levels if not level.base or relative.startswith(level.base + "/")]
        if name in IGNORE_FILES or ALWAYS_SKIPPED_DIRS.intersection(folders) or _ignored(applying, relative, False):
            ignored.add(relative)
    return ignored


def _join(display_root: str, relative: str) -> str:
    if display_root in ("", "."):
        return relative
    return display_root.rstrip("/\\") + "/" + relative


def walk(root: Path, display_root: str, discovery: Discovery) -> Iterator[Target]:
    """Files under ``root`` in a stable (sorted) order, minus ignored entries and links."""

    def visit(directory: Path, relative: str, levels: list[_IgnoreLevel]) -> Iterator[Target]:
        levels = levels + _load_ignores(directory, relative)
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            discovery.missing.append((_join(display_root, relative) or display_root, f"cannot list: {exc.strerror}"))
            return
        for entry in entries:
            child = f"{relative}/{entry.name}" if relative else entry.name
            if entry.is_symlink():
                discovery.skipped["symlink"] += 1
            elif entry.is_dir():
                if entry.name in ALWAYS_SKIPPED_DIRS:
                    continue
                if _ignored(levels, child, True):
                    discovery.skipped["ignored"] += 1
                    continue
                yield from visit(Path(entry.path), child, levels)
            elif entry.is_file():
                if entry.name in IGNORE_FILES:
                    continue
                if _ignored(levels, child, False):
                    discovery.skipped["ignored"] += 1
                    continue
                if discovery.excluded(entry.path):
                    continue
                yield Target(_join(display_root, child), Path(entry.path))
            else:
                discovery.skipped["not a regular file"] += 1

    yield from visit(root, "", [])


def discover(targets: list[str], discovery: Discovery) -> Iterator[Target]:
    """Expand the command-line targets into files, in the order given."""
    for raw in targets:
        if raw == STDIN:
            yield Target(STDIN, None)
            continue
        from keyaudit.sources.remote import discover_remote, is_url  # fsspec only where URLs are given

        if is_url(raw):
            yield from discover_remote(raw, discovery, discovery.storage_options)
            continue
        path = Path(raw)
        if path.is_dir():
            yield from walk(path, raw, discovery)
        elif path.exists():
            if not discovery.excluded(path):
                yield Target(raw, path)
        else:
            discovery.missing.append((raw, "no such file or directory"))
