"""The files a scan is set up from — configuration, baseline, public keys, state — are read
only when they are regular files.

A FIFO named there (``--baseline /tmp/fifo``, ``--config <(…)`` once its writer is gone) blocked
the scan for ever before it started, and a device may never end. Inputs named as pipes are read
with a bounded wait (see :mod:`keyaudit.sources.pipes`); a setup file is refused instead, at once,
with the same message wherever it is named.
"""

from __future__ import annotations

import errno
from pathlib import Path

NOT_REGULAR = "not a regular file (a pipe or device is not read: it may never end)"


def regular(path: Path) -> Path:
    """``path`` when it names a regular file (or a link to one), else an OSError whose
    ``strerror`` says why: the callers' own 'cannot read' handling names the file."""
    if path.exists() and not path.is_file():
        raise OSError(errno.EINVAL, NOT_REGULAR, str(path))
    return path
