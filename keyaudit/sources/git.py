"""Staged content of a git repository: what a commit would record, not the working tree.

A pre-commit hook must judge the index: a key removed from the working copy but still staged
would be committed, and unstaged edits are not part of the commit.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO, Iterator

from keyaudit.sources.targets import Target
from keyaudit.sources.opening import Held, new_spool


GITLINK = b"160000"  # the mode of a submodule's entry: a commit of another repository, no file
UNMERGED = "unmerged (a merge conflict): nothing is staged for it until it is resolved and added"


class GitError(Exception):
    """git could not answer; ``str()`` is one line."""


@dataclass(frozen=True)
class Unreadable:
    """A staged file whose content git cannot give (its object missing from the store, or
    damaged): opened like any blob, it raises, so the scan names the file in an error instead of
    scanning it as empty — the commit would record content nobody judged."""

    problem: str

    @contextlib.contextmanager
    def __call__(self) -> Iterator[BinaryIO]:
        raise FileNotFoundError(errno.ENOENT, self.problem)
        yield  # a generator, for contextmanager  # pragma: no cover


def _git(root: Path, *args: str, given: bytes | None = None) -> bytes:
    try:
        process = subprocess.run(["git", "-C", str(root), *args], input=given, capture_output=True, check=False)
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

    @functools.cached_property
    def blobs(self) -> dict[str, bytes]:
        """Each staged path and the id of its content in the index, from one git process: the
        raw diff names the new blob, so the index need not be listed a second time (nor is it
        listed again for the scan once its size was asked: one listing a run)."""
        fields = _git(self.root, "diff", "--cached", "--raw", "--no-abbrev", "--diff-filter=ACMRU", "-z").split(b"\0")
        blobs = {}
        position = 0
        while position < len(fields) and fields[position]:
            _, mode, _, blob, status = fields[position].split()  # ":old_mode new_mode old_blob new_blob status"
            position += 2 if status[:1] in b"RC" else 1  # a rename or copy names its source first
            if mode != GITLINK:  # an unmerged path (U) has no blob yet: b"", an error of its own
                blobs[fields[position].decode("utf-8", "surrogateescape")] = b"" if status == b"U" else blob
            position += 1
        return blobs

    def size(self) -> int:
        """The bytes of the staged files as the index holds them, which is what a scan of them
        reads (the work tree's copies may be cut down, grown or gone since), from one git process;
        an object git cannot find counts nothing (the scan names it in an error)."""
        ids = b"".join(blob + b"\n" for blob in self.blobs.values() if blob)
        sizes = _git(self.root, "cat-file", "--batch-check=%(objectsize)", given=ids).split() if ids else []
        return sum(int(size) for size in sizes if size.isdigit())

    def targets(self) -> list[Target]:
        """One target per staged file, its content read from the index in a single git process
        (a process per file would cost more than scanning a handful of small files)."""
        blobs = self.blobs
        paths = sorted(blobs)
        return [Target(path, None, Held(spool) if not isinstance(spool, Unreadable) else spool)
                for path, spool in zip(paths, self._read(paths, blobs))]

    def _read(self, paths: list[str], blobs: dict[str, bytes]) -> Iterator[IO[bytes] | Unreadable]:
        """Each path's content, or why git cannot give it: a blob missing from the store, or a
        damaged one that ends git's process (a new one reads the paths after it)."""
        position = 0
        while position < len(paths):
            process = subprocess.Popen(["git", "-C", str(self.root), "cat-file", "--batch"],
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            assert process.stdin is not None and process.stdout is not None
            try:
                for path in paths[position:]:
                    position += 1
                    blob = blobs[path]
                    if not blob:  # said, not passed over: a scan run by hand mid-merge judged nothing of it
                        yield Unreadable(UNMERGED)
                        continue
                    try:
                        process.stdin.write(blob + b"\n")
                        process.stdin.flush()
                    except BrokenPipeError:
                        yield Unreadable(f"git cannot read the staged content (object {blob.decode()})")
                        break
                    header = process.stdout.readline().split()
                    if len(header) != 3 or header[1] != b"blob":
                        problem = "is missing from the repository's object store" if header[-1:] == [b"missing"] \
                            else "cannot be read: git fsck may say why"
                        yield Unreadable(f"the staged content (object {blob.decode()}) {problem}")
                        if not header:  # git ended at a damaged object: a new process for the rest
                            break
                        continue
                    yield self._spooled(path, process.stdout, int(header[2]))
            finally:
                process.stdin.close()
                process.stdout.close()
                process.wait()

    @staticmethod
    def _spooled(path: str, output: IO[bytes], size: int) -> IO[bytes]:
        """The ``size`` bytes of one object git writes, in a spool."""
        spool = new_spool()
        remaining = size
        while remaining:
            chunk = output.read(min(remaining, 1 << 20))
            if not chunk:
                raise GitError(f"{path}: git ended its output early")
            spool.write(chunk)
            remaining -= len(chunk)
        output.read(1)  # the newline after each object, an empty one's too
        return spool
