"""Writing a report: to stdout, atomically to a file so a reader never sees half a report, or
straight into whatever else the user named (a device, a FIFO)."""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path
from typing import Callable, Iterable, TextIO

# A new file, never an existing one; not inherited by child processes; bytes as written (Windows).
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
STDOUT = Path("-")  # ``--output -``: the report goes to stdout, as without --output


def to_stdout(path: Path | None) -> bool:
    """Whether a report for ``path`` (an ``--output`` value) goes to stdout."""
    return path is None or path == STDOUT


def write_report(path: Path | None, text: Iterable[str],
                 before_rename: Callable[[Path], None] | None = None) -> None:
    """Write ``text`` (a string, or a report's pieces as they come) where ``path`` says: stdout
    for none or ``-``; a regular file or a new path is replaced atomically (through its symlinks,
    which stay), ``before_rename`` told the temporary file's name just before it is renamed into
    place; anything else — ``/dev/null``, a FIFO another program reads — is written into as it is,
    never renamed over."""
    if to_stdout(path):
        write_stdout(text)
        return
    assert path is not None
    try:
        regular = stat.S_ISREG(path.stat().st_mode)
    except FileNotFoundError:
        regular = True  # a new file (or a symlink to one that does not exist yet)
    if regular:
        write_atomically(Path(os.path.realpath(path)), text, before_rename)
    else:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            _write(handle, text)


def write_atomically(path: Path, text: Iterable[str], before_rename: Callable[[Path], None] | None = None) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename.

    The file gets the mode a plain write would give it: an existing file keeps its permission
    bits, a new one is created 0666 less the umask (a log shipper running as another user reads
    a report the umask lets it read; a temporary file's 0600 would shut it out)."""
    directory = path.parent if str(path.parent) else Path(".")
    try:
        kept: int | None = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        kept = None
    fd, temporary = _new_file(directory, path.name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            if kept is not None:
                os.fchmod(handle.fileno(), kept)
            _write(handle, text)
            handle.flush()
            os.fsync(handle.fileno())
        if before_rename is not None:
            before_rename(Path(os.path.abspath(temporary)))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write(handle: TextIO, text: Iterable[str]) -> None:
    if isinstance(text, str):
        handle.write(text)
    else:
        handle.writelines(text)


def _new_file(directory: Path, name: str) -> tuple[int, Path]:
    """A new file beside ``name``, open for writing, created 0666 so the umask decides its mode."""
    while True:  # os.urandom, not the secrets module: importing that costs a scan's start-up 4 ms
        temporary = directory / f".{name}.{os.urandom(4).hex()}.tmp"
        try:
            return os.open(temporary, _CREATE, 0o666), temporary
        except FileExistsError:  # another writer's temporary file: draw another name
            continue


def is_terminal(stream: TextIO | None) -> bool:
    """Whether ``stream`` (sys.stdout, sys.stderr) is a terminal; not when the process was started
    with it closed (`2>&-`: Python then has None for it)."""
    return stream is not None and stream.isatty()


def write_stdout(text: Iterable[str]) -> None:
    """Write to stdout as UTF-8 whatever the locale (reporters hand over printable text)."""
    if sys.stdout is None:  # started with stdout closed (`>&-`)
        raise OSError(errno.EBADF, "standard output is closed")
    for piece in [text] if isinstance(text, str) else text:
        sys.stdout.buffer.write(piece.encode("utf-8"))
    sys.stdout.buffer.flush()
