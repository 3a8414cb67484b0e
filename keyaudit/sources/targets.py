"""What a scan reads: targets (a file, stdin, a pipe, an object, a staged blob, content handed to
the Python API, an archive member) and the discovery that counts every entry it does not scan.

Paths are reported as reached from the target the user typed (``logs/`` + ``app/x.log`` gives
``logs/app/x.log``), so a report reads the same wherever it was produced.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from keyaudit.model.result import Counts
from keyaudit.sources.opening import Held, Opener

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


def in_memory(display: str, data: bytes) -> Target:
    """Content this process holds (``scan_text``, ``scan_bytes``), scanned like a staged blob:
    here, decompressed and sniffed like a file's, and reported under ``display``."""
    return Target(display, None, Held(io.BytesIO(data)))


@dataclass
class Discovery:
    """Targets found, and every entry not scanned, counted by reason (and named, up to a cap)."""

    counts: Counts = field(default_factory=Counts)
    missing: list[tuple[str, str]] = field(default_factory=list)
    exclude: "pathspec.PathSpec | None" = None  # configured path ignores (gitignore syntax)
    exclude_base: Path = field(default_factory=Path.cwd)  # what the exclude patterns are relative to
    storage_options: dict[str, str] = field(default_factory=dict)  # for URL targets (fsspec)

    def skip(self, display: str, reason: str) -> None:
        self.counts.skip(display, reason)

    def excluded(self, path: str | Path, display: str | None = None) -> bool:
        """Whether configuration excludes the file at ``path`` (counted as skipped, under
        ``display`` or the path, when it does)."""
        if self.exclude is None:
            return False
        relative = os.path.relpath(os.path.abspath(path), os.path.abspath(self.exclude_base))
        if relative.startswith(".."):
            relative = str(path)
        if self.exclude.match_file(relative.replace(os.sep, "/")):
            self.skip(display or str(path), "excluded")
            return True
        return False
