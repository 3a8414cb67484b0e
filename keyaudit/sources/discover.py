"""Expand the command-line targets into files: stdin, URLs of object stores, folders, files, pipes.

A local target's path is made absolute here, once, while the display keeps the form the user
typed: a unit then means the same file to every process that reads it, also a Dask worker whose
working folder is elsewhere."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterator

from keyaudit.sources.files import GIT_OBJECTS, in_git_objects, walk
from keyaudit.sources.pipes import is_pipe
from keyaudit.sources.remote import discover_remote, is_url
from keyaudit.sources.targets import STDIN, Discovery, Target


def discover(targets: list[str], discovery: Discovery) -> Iterator[Target]:
    """Expand the command-line targets into files, in the order given; a file named twice (or also
    inside a folder named) is read once, where it comes first."""
    seen: set[Path] = set()
    for target in _expanded(targets, discovery):
        if target.path is not None:
            if target.path in seen:
                continue
            seen.add(target.path)
        yield target


def _expanded(targets: list[str], discovery: Discovery) -> Iterator[Target]:
    """Each command-line target's files."""
    for raw in targets:
        if raw == STDIN:
            yield Target(STDIN, None)
            continue
        if is_url(raw):
            yield from discover_remote(raw, discovery, discovery.storage_options)
            continue
        path = Path(raw).absolute()
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            discovery.missing.append((raw, "no such file or directory"))
            continue
        except OSError as exc:  # in a folder that cannot be entered, a dangling link loop, …
            discovery.missing.append((raw, f"cannot open: {exc.strerror or exc}"))
            continue
        if in_git_objects(path):
            discovery.skip(raw, GIT_OBJECTS)
        elif stat.S_ISDIR(mode):
            yield from walk(path, raw, discovery)
        elif device := _device_kind(mode):
            # /dev/zero or a terminal never ends, a disk is rarely meant: named, it is refused
            # rather than read forever; whoever means it can pipe it in.
            discovery.missing.append((raw, f"{device}, not a file: not read (to scan it, pipe it in: "
                                           "keyaudit scan - < PATH)"))
        elif not discovery.excluded(raw):
            yield Target(raw, None, pipe=path) if is_pipe(path) else Target(raw, path)


def _device_kind(mode: int) -> str:
    """What a special file named as a target is ("" for files, folders and pipes, which are read)."""
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return ""
