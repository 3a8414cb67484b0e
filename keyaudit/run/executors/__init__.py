"""Executors run work units and hand back each unit's tally with its position, as units finish.

One small protocol, three implementations — in this process, in forked processes, on a Dask
cluster — chosen by the session. An executor knows the unit scanner (or how to build one), never
the session; what its workers cannot read themselves (stdin, staged blobs) the session scans here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Protocol

if TYPE_CHECKING:
    from keyaudit.run.tally import Tally
    from keyaudit.run.units import WorkUnit

Finished = Iterator[tuple[int, "Tally"]]  # (position in the units given, the unit's tally), in any order


class Executor(Protocol):
    """Runs units somewhere; the session merges their tallies in plan order."""

    def reaches(self, unit: "WorkUnit") -> bool:
        """Whether this executor's workers can read ``unit`` themselves."""
        ...

    def run(self, units: list["WorkUnit"]) -> Finished:
        """Each unit's tally with its position in ``units``, as units finish."""
        ...
