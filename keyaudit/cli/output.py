"""Writing a report: to stdout, atomically to a file so a reader never sees half a report, or
straight into whatever else the user named (a device, a FIFO)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Iterable, TextIO

STDOUT = Path("-")  # ``--output -``: the report goes to stdout, as without --output


def to_stdout(path: Path | None) -> bool:
    """Whether a report for ``path`` (an ``--output`` value) goes to stdout."""
    return path is None or path == STDOUT


def write_report(path: Path | None, text: Iterable[str]) -> None:
    """Write ``text`` (a string, or a report's pieces as they come) where ``path`` says: stdout
    for none or ``-``; a regular file or a new path is replaced atomically (through its symlinks,
    which stay); anything else — ``/dev/null``, a FIFO another program reads — is written into as
    it is, never renamed over."""
    if to_stdout(path):
        write_stdout(text)
        return
    assert path is not None
    try:
        regular = stat.S_ISREG(path.stat().st_mode)
    except FileNotFoundError:
        regular = True  # a new file (or a symlink to one that does not exist yet)
    if regular:
        write_atomically(Path(os.path.realpath(path)), text)
    else:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            _write(handle, text)


def write_atomically(path: Path, text: Iterable[str]) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename."""
    import tempfile  # only a report written to a file needs it

    directory = path.parent if str(path.parent) else Path(".")
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            _write(handle, text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write(handle: TextIO, text: Iterable[str]) -> None:
    if isinstance(text, str):
        handle.write(text)
    else:
        handle.writelines(text)


def write_stdout(text: Iterable[str]) -> None:
    """Write to stdout as UTF-8 whatever the locale (reporters hand over printable text)."""
    for piece in [text] if isinstance(text, str) else text:
        sys.stdout.buffer.write(piece.encode("utf-8"))
    sys.stdout.buffer.flush()
