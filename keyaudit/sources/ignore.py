"""Ignore files (``.gitignore``, ``.keyauditignore``) with git's own matching rules, for a walk on
disk and for a flat listing of an object store alike.

An ignore file is input like any other: one that cannot be read, or that holds lines which are
not patterns, is named in an error and costs only itself (its valid lines still apply, as git
skips invalid ones), never the walk."""

from __future__ import annotations

import os
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from keyaudit.sources.deep import DeepEntry

if TYPE_CHECKING:  # imported where an ignore file or pattern exists: plain file lists start faster
    import pathspec

IGNORE_FILES: tuple[str, ...] = (".gitignore", ".keyauditignore")
ALWAYS_SKIPPED_DIRS: frozenset[str] = frozenset({".git", ".hg", ".svn"})
Problem = tuple[str, str]  # (an ignore file, relative to the walk root; what is wrong with it)


@dataclass
class IgnoreLevel:
    """The patterns of one ignore file, and the folder (relative to the walk root) they apply in."""

    base: str  # directory of the ignore file, relative to the walk root ("" for the root)
    spec: "pathspec.PathSpec"


def _joined(relative: str, name: str) -> str:
    return f"{relative}/{name}" if relative else name


def load_ignores(relative: str, entries: "list[os.DirEntry[str]] | list[DeepEntry]") -> tuple[list[IgnoreLevel], list[Problem]]:
    """The ignore files among the ``entries`` of one folder (its listing, so nothing is looked up
    in a folder that may not be searchable), and what is wrong with any of them."""
    levels: list[IgnoreLevel] = []
    problems: list[Problem] = []
    for entry in entries:
        if entry.name in IGNORE_FILES and _regular(entry):
            path = Path(entry.path)
            read = entry.read_text if isinstance(entry, DeepEntry) else \
                (lambda: path.read_text(encoding="utf-8", errors="replace"))
            level = read_level(relative, _joined(relative, entry.name), read, problems)
            levels += [level] if level is not None else []
    return levels, problems


def _regular(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return True  # reading it will say what is wrong


def read_level(base: str, where: str, read: Callable[[], str], problems: list[Problem]) -> IgnoreLevel | None:
    """One ignore file (``where``, read by ``read``) as patterns that apply in ``base``; None when
    it cannot be read. What is wrong with it is added to ``problems``."""
    try:
        text = read()
    except (OSError, ValueError) as exc:
        detail = getattr(exc, "strerror", None) or exc
        problems.append((where, f"cannot read this ignore file: {detail}; nothing in it applies"))
        return None
    spec, invalid = tolerant_spec(text.splitlines())
    if invalid:
        problems.append((where, invalid_lines_message(invalid)))
    return IgnoreLevel(base, spec)


def invalid_lines_message(numbers: list[int]) -> str:
    """What an error says of an ignore file's invalid lines (by number: a line is not quoted)."""
    shown = ", ".join(map(str, numbers[:10])) + (", …" if len(numbers) > 10 else "")
    return f"line{'s' if len(numbers) > 1 else ''} {shown}: not a valid ignore pattern; the other lines apply"


def gitignore_spec(lines: list[str]) -> "pathspec.PathSpec":
    """Patterns with git's own matching rules (negation, anchoring, directory-only); raises
    ``ValueError`` naming the first line that is not a valid pattern — also one that can match
    no path (an unclosed ``[``, a lone ``/``), which a user who typed it as an exclude did not mean."""
    spec, invalid = tolerant_spec(lines)
    if invalid:
        raise ValueError(f"{lines[invalid[0] - 1]!r} is not a valid gitignore pattern")
    for line in lines:  # one at a time: blank lines make no pattern
        if line.strip() and not line.startswith("#") and all(p.include is None for p in _spec([line]).patterns):
            raise ValueError(f"{line!r} is not a valid gitignore pattern: it matches no path")
    return spec


def tolerant_spec(lines: list[str]) -> tuple["pathspec.PathSpec", list[int]]:
    """The spec of every valid line, and the 1-based numbers of the lines that are not patterns
    (a lone ``!``, a trailing backslash, a bad character range)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # re's FutureWarning about a set in a pattern is noise here
        try:
            return _spec(lines), []
        except (ValueError, re.error):
            pass  # find the culprits one line at a time (only for a broken file)
        invalid = []
        for number, line in enumerate(lines, 1):
            try:
                _spec([line])
            except (ValueError, re.error):
                invalid.append(number)
        skipped = set(invalid)
        valid = [line for number, line in enumerate(lines, 1) if number not in skipped]
        return _spec(valid), invalid


def _spec(lines: list[str]) -> "pathspec.PathSpec":
    """pathspec's plain backend: its default (Hyperscan, where installed) compiles a database
    for each spec, ~0.1 s a ``.gitignore`` — more than a whole pre-commit scan — to match a
    handful of names per folder."""
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines, backend="simple")


def ignored(levels: list[IgnoreLevel], relative: str, is_dir: bool) -> bool:
    for level in levels:
        inner = relative[len(level.base) + 1 :] if level.base else relative
        if level.spec.match_file(inner + ("/" if is_dir else "")):
            return True
    return False


def listing_ignored(relatives: list[str], read: Callable[[str], str], problems: list[Problem]) -> set[str]:
    """The entries of a flat listing (an object store's keys, relative to the target) that its
    ignore files exclude, as the walk excludes them on disk; ignore files and VCS folders too.
    ``read`` gives an ignore file's text; what is wrong with one is added to ``problems``."""
    levels = []
    for relative in relatives:
        directory, _, name = relative.rpartition("/")
        if name in IGNORE_FILES:
            level = read_level(directory, relative, lambda: read(relative), problems)
            levels += [level] if level is not None else []
    found = set()
    for relative in relatives:
        *folders, name = relative.split("/")
        applying = [level for level in levels if not level.base or relative.startswith(level.base + "/")]
        if name in IGNORE_FILES or ALWAYS_SKIPPED_DIRS.intersection(folders) or ignored(applying, relative, False):
            found.add(relative)
    return found
