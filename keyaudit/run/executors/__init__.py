"""Executors run work units and hand back each unit's tally with its position, as units finish.

One small protocol, three implementations — in this process, in forked processes, on a Dask
cluster — chosen by the session. An executor knows the unit scanner (or how to build one), never
the session; what its workers cannot read themselves (stdin, staged blobs) the session scans here.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Iterator, Protocol

if TYPE_CHECKING:
    from keyaudit.run.tally import Tally
    from keyaudit.run.units import WorkUnit

Finished = Iterator[tuple[int, "Tally"]]  # (position in the units given, the unit's tally), in any order
MAX_WORKERS_PER_CORE = 4  # worker processes a machine's core is given at most


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def machine_workers(asked: int) -> int:
    """The worker processes to start on this machine for ``asked``: at most :data:`MAX_WORKERS_PER_CORE` a core.
    More only take turns on the same cores, and ``jobs`` or ``local:N`` may come from the scanned repository's own
    file, nine digits long: that many processes were forked at once."""
    return min(asked, MAX_WORKERS_PER_CORE * default_jobs())


class Executor(Protocol):
    """Runs units somewhere; the session merges their tallies in plan order."""

    def reaches(self, unit: "WorkUnit") -> bool:
        """Whether this executor's workers can read ``unit`` themselves."""
        ...

    def run(self, units: list["WorkUnit"]) -> Finished:
        """Each unit's tally with its position in ``units``, as units finish."""
        ...
