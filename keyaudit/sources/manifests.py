"""The nearest project manifest above a file on disk (``package.json``, ``pubspec.yaml``): what
tells a front-end or mobile app's source from a server's, where the path alone cannot.

Looked up once per folder per process and kept: a tree's files share a handful of manifests.
"""

from __future__ import annotations

from pathlib import Path

MAX_FOLDERS = 1 << 16  # folders remembered; past it the memory starts again


class Manifests:
    """Reads the manifests named ``names`` above files, each folder once."""

    def __init__(self, names: tuple[str, ...], max_bytes: int) -> None:
        self.names = names
        self.max_bytes = max_bytes
        self._known: dict[Path, tuple[Path, str, str] | None] = {}  # a folder: its manifest or the nearest above

    def nearest(self, file: Path) -> tuple[Path, str, str] | None:
        """(its folder, its name, its text) of the manifest nearest above ``file``, or None.

        The nearest folder holding any of the names decides (a monorepo's package, not its root);
        an unreadable or oversized manifest counts as none there. Walked up without recursion:
        a tree may be thousands of folders deep."""
        if not self.names:
            return None
        walked: list[Path] = []
        folder = file.absolute().parent
        while folder not in self._known:
            walked.append(folder)
            found = self._in(folder)
            if found is not None or folder.parent == folder:
                self._known[folder] = found
                break
            folder = folder.parent
        answer = self._known[folder]
        if len(self._known) > MAX_FOLDERS:
            self._known.clear()
        self._known.update(dict.fromkeys(walked, answer))
        return answer

    def _in(self, folder: Path) -> tuple[Path, str, str] | None:
        for name in self.names:
            manifest = folder / name
            try:
                if manifest.is_file() and manifest.stat().st_size <= self.max_bytes:
                    return folder, name, manifest.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
        return None
