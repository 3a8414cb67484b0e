"""Expand the command-line targets into files: stdin, URLs of object stores, folders, files, pipes."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from keyaudit.sources.files import walk
from keyaudit.sources.pipes import is_pipe
from keyaudit.sources.remote import discover_remote, is_url
from keyaudit.sources.targets import STDIN, Discovery, Target


def discover(targets: list[str], discovery: Discovery) -> Iterator[Target]:
    """Expand the command-line targets into files, in the order given."""
    for raw in targets:
        if raw == STDIN:
            yield Target(STDIN, None)
            continue
        if is_url(raw):
            yield from discover_remote(raw, discovery, discovery.storage_options)
            continue
        path = Path(raw)
        if path.is_dir():
            yield from walk(path, raw, discovery)
        elif path.exists():
            if not discovery.excluded(path):
                yield Target(raw, None, pipe=path) if is_pipe(path) else Target(raw, path)
        else:
            discovery.missing.append((raw, "no such file or directory"))
