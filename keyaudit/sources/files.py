"""Walk local folders: files in a stable (sorted) order, ignore files honoured, every skip counted."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

from keyaudit.sources.ignore import ALWAYS_SKIPPED_DIRS, IGNORE_FILES, IgnoreLevel, ignored, load_ignores
from keyaudit.sources.targets import Discovery, Target


def _join(display_root: str, relative: str) -> str:
    if display_root in ("", "."):
        return relative
    return display_root.rstrip("/\\") + "/" + relative


def walk(root: Path, display_root: str, discovery: Discovery) -> Iterator[Target]:
    """Files under ``root`` in a stable (sorted) order, minus ignored entries and links."""

    def visit(directory: Path, relative: str, levels: list[IgnoreLevel]) -> Iterator[Target]:
        levels = levels + load_ignores(directory, relative)
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
                if ignored(levels, child, True):
                    discovery.skipped["ignored"] += 1
                    continue
                yield from visit(Path(entry.path), child, levels)
            elif entry.is_file():
                if entry.name in IGNORE_FILES:
                    continue
                if ignored(levels, child, False):
                    discovery.skipped["ignored"] += 1
                    continue
                if discovery.excluded(entry.path):
                    continue
                yield Target(_join(display_root, child), Path(entry.path))
            else:
                discovery.skipped["not a regular file"] += 1

    yield from visit(root, "", [])
