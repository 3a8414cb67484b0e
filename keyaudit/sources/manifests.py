"""The nearest project manifest above a file on disk (``package.json``, ``pubspec.yaml``): what
tells a front-end or mobile app's source from a server's, where the path alone cannot.

Looked up once per folder per process and kept: a tree's files share a handful of manifests.
"""

from __future__ import annotations

import functools
from pathlib import Path


class Manifests:
    """Reads the manifests named ``names`` above files, each folder once."""

    def __init__(self, names: tuple[str, ...], max_bytes: int) -> None:
        self.names = names
        self.max_bytes = max_bytes

    def nearest(self, file: Path) -> tuple[Path, str, str] | None:
        """(its folder, its name, its text) of the manifest nearest above ``file``, or None.

        The nearest folder holding any of the names decides (a monorepo's package, not its root);
        an unreadable or oversized manifest counts as none there."""
        return self._above(file.absolute().parent) if self.names else None

    @functools.lru_cache(maxsize=4096)
    def _above(self, folder: Path) -> tuple[Path, str, str] | None:
        """The manifest in ``folder`` or nearest above it: each folder is looked into once."""
        for name in self.names:
            manifest = folder / name
            try:
                if manifest.is_file() and manifest.stat().st_size <= self.max_bytes:
                    return folder, name, manifest.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
        return None if folder.parent == folder else self._above(folder.parent)
