"""Content that can be read only once: stdin, and pipes named as paths.

``keyaudit scan <(zcat app.log.gz)`` names ``/dev/fd/63``: a pipe, with no size, that a second
open finds drained. So a pipe is read like stdin — once, into a spool, then scanned from the spool
as often as the scan needs. A FIFO made with ``mkfifo`` is a pipe too, but opening one blocks until
a writer opens it, for ever if none does: it is opened without blocking and its writer gets a
bounded wait (``KEYAUDIT_PIPE_WAIT`` seconds, default 10). A writer that is there but quiet is
waited for as long as it takes, as stdin's is.
"""

from __future__ import annotations

import errno
import os
import select
import shutil
import stat
import sys
import time
from pathlib import Path
from typing import IO

from keyaudit.model.option_values import environment_seconds

PIPE_WAIT_SECONDS = 10.0
PIPE_WAIT_VARIABLE = "KEYAUDIT_PIPE_WAIT"
_PIECE_BYTES = 1 << 20
_POLL_SECONDS = 0.05


class NoWriter(OSError):
    """A FIFO that no process opened for writing within the wait."""


def is_pipe(path: Path) -> bool:
    """Whether ``path`` is a pipe or FIFO (following links: ``/dev/fd/N`` is one)."""
    try:
        return stat.S_ISFIFO(os.stat(path).st_mode)
    except OSError:
        return False


def spool_once(pipe: Path | None, spool: IO[bytes], wait_seconds: float | None = None) -> None:
    """Copy stdin (``pipe`` None) or the pipe at ``pipe`` into ``spool``, to its end."""
    if pipe is None:
        if sys.stdin is None:  # started with stdin closed (`<&-`): nothing to read, and no stream to read it from
            raise OSError(errno.EBADF, "standard input is closed")
        shutil.copyfileobj(sys.stdin.buffer, spool)
        return
    if wait_seconds is None:
        wait_seconds = environment_seconds(PIPE_WAIT_VARIABLE, PIPE_WAIT_SECONDS)
    descriptor = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)  # never blocks, writer or not
    try:
        spool.write(_first_piece(descriptor, wait_seconds))
        os.set_blocking(descriptor, True)  # a writer came: read until it is done
        while piece := os.read(descriptor, _PIECE_BYTES):
            spool.write(piece)
    finally:
        os.close(descriptor)


def _first_piece(descriptor: int, wait_seconds: float) -> bytes:
    """The first bytes of the pipe (empty when its writer is there but quiet, or came and left
    without writing); raises :class:`NoWriter` when no writer came within ``wait_seconds``.

    A pipe whose writers are gone is readable (at its end); one that never had a writer is not,
    and reading it without blocking gives an empty end as well — so only a read that finds no
    data and a pipe that was not readable means "no writer yet"."""
    deadline = time.monotonic() + wait_seconds
    while True:
        ready, _, _ = select.select([descriptor], [], [], min(_POLL_SECONDS, max(0.0, deadline - time.monotonic())))
        try:
            piece = os.read(descriptor, _PIECE_BYTES)
        except BlockingIOError:
            return b""  # a writer holds the pipe open and has not written yet
        if piece or ready:
            return piece
        if time.monotonic() >= deadline:
            raise NoWriter(f"no process opened this pipe for writing within {wait_seconds:g} s")
