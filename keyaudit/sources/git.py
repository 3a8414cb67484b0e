"""Staged content of a git repository: what a commit would record, not the working tree.

A pre-commit hook must judge the index: a key removed from the working copy but still staged
would be committed, and unstaged edits are not part of the commit.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator

from keyaudit.sources.targets import Target
from keyaudit.sources.opening import Held, new_spool


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

    def blobs(self) -> dict[str, bytes]:
        """Each staged path and the id of its content in the index, from one git process: the
        raw diff names the new blob, so the index need not be listed a second time."""
        fields = _git(self.root, "diff", "--cached", "--raw", "--no-abbrev", "--diff-filter=ACMR", "-z").split(b"\0")
        blobs = {}
        position = 0
        while position < len(fields) and fields[position]:
            _, _, _, blob, status = fields[position].split()  # ":old_mode new_mode old_blob new_blob status"
            position += 2 if status[:1] in b"RC" else 1  # a rename or copy names its source first
            blobs[fields[position].decode("utf-8", "surrogateescape")] = blob
            position += 1
        return blobs

    def targets(self) -> list[Target]:
        """One target per staged file, its content read from the index in a single git process
        (a process per file would cost more than scanning a handful of small files)."""
        blobs = self.blobs()
        paths = sorted(blobs)
        return [Target(path, None, Held(spool)) for path, spool in zip(paths, self._read(paths, blobs))]

    def _read(self, paths: list[str], blobs: dict[str, bytes]) -> Iterator[IO[bytes]]:
        process = subprocess.Popen(["git", "-C", str(self.root), "cat-file", "--batch"],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        assert process.stdin is not None and process.stdout is not None
        try:
            for path in paths:
                process.stdin.write(blobs[path] + b"\n")
                process.stdin.flush()
                header = process.stdout.readline().split()
                size = int(header[2]) if len(header) == 3 else 0
                spool = new_spool()
                remaining = size
                while remaining:
                    chunk = process.stdout.read(min(remaining, 1 << 20))
                    if not chunk:
                        raise GitError(f"{path}: git ended its output early")
                    spool.write(chunk)
                    remaining -= len(chunk)
                if size:
                    process.stdout.read(1)  # the newline after each object
                yield spool
        finally:
            process.stdin.close()
            process.stdout.close()
            process.wait()
