"""Staged content of a git repository: what a commit would record, not the working tree.

A pre-commit hook must judge the index: a key removed from the working copy but still staged
would be committed, and unstaged edits are not part of the commit.
"""

from __future__ import annotations

import contextlib
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator

from keyaudit.sources.files import Target


class GitError(Exception):
    """git could not answer; ``str()`` is one line."""


def _git(root: Path, *args: str) -> bytes:
    try:
        process = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except OSError as exc:
        raise GitError(f"cannot run git: {exc.strerror or exc}") from None
    if process.returncode != 0:
        message = process.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {args[0]} failed")
    return process.stdout


def git_dir(start: Path) -> Path:
    """The repository's git directory (``.git``, or where a worktree keeps it)."""
    path = Path(_git(start, "rev-parse", "--git-dir").decode().strip())
    return path if path.is_absolute() else start / path


def repository_root(start: Path) -> Path:
    """The top of the work tree containing ``start``."""
    return Path(_git(start, "rev-parse", "--show-toplevel").decode().strip())


@dataclass(frozen=True)
class StagedFiles:
    """Added, copied, modified and renamed files in the index of the repository at ``root``."""

    root: Path

    def paths(self) -> list[str]:
        listing = _git(self.root, "diff", "--cached", "--name-only", "--diff-filter=ACMR", "-z")
        return sorted(name.decode("utf-8", "surrogateescape") for name in listing.split(b"\0") if name)

    def targets(self) -> list[Target]:
        return [Target(path, None, self._reader(path)) for path in self.paths()]

    def _reader(self, path: str):  # type: ignore[no-untyped-def]
        root = self.root

        @contextlib.contextmanager
        def read() -> Iterator[BinaryIO]:
            process = subprocess.Popen(["git", "-C", str(root), "cat-file", "blob", f":{path}"],
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            assert process.stdout is not None
            try:
                yield process.stdout  # type: ignore[misc]
            finally:
                process.stdout.close()
                process.wait()

        return read
