"""What a scan reads: targets (a file, stdin, a pipe, an object, a staged blob, an archive
member) and the discovery that counts every entry it does not scan.

Paths are reported as reached from the target the user typed (``logs/`` + ``app/x.log`` gives
``logs/app/x.log``), so a report reads the same wherever it was produced.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from keyaudit.sources.opening import Opener

if TYPE_CHECKING:  # imported where an exclude pattern exists: plain file lists start faster
    import pathspec

STDIN = "-"


@dataclass(frozen=True)
class Target:
    """One file to scan: the path shown in reports and where to read it from."""

    display: str
    path: Path | None  # None for standard input, a pipe, or content that ``reader`` gives
    reader: Opener | None = None
    pipe: Path | None = None  # a pipe or FIFO named as a path: read once, like standard input


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
