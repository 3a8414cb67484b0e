"""Units spread over processes forked from this one.

Workers inherit the scanner — rules and compiled engine — with the process, so nothing is
rebuilt or pickled per unit; tallies come back as units finish. Below a few megabytes of input
starting processes costs more than it saves, and the units run here instead.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from keyaudit.run.executors import Finished
from keyaudit.run.executors.serial import SerialExecutor

if TYPE_CHECKING:
    from keyaudit.run.tally import Tally
    from keyaudit.run.unit_scanner import UnitScanner
    from keyaudit.run.units import WorkUnit

SERIAL_BELOW_BYTES = 8 << 20  # below this much input, starting processes costs more than it saves

_worker_scanner: "UnitScanner | None" = None


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _run_in_worker(unit: "WorkUnit") -> "Tally":
    assert _worker_scanner is not None, "worker started without a scanner"
    return _worker_scanner.scan(unit)


class ForkedExecutor:
    """Runs units in ``jobs`` forked processes when that pays, else here."""

    def __init__(self, scanner: "UnitScanner", jobs: int) -> None:
        self._scanner, self._jobs = scanner, jobs

    def reaches(self, unit: "WorkUnit") -> bool:
        return unit.local

    def run(self, units: list["WorkUnit"]) -> Finished:
        global _worker_scanner
        total = sum(unit.size for unit in units)
        if not (self._jobs > 1 and len(units) > 1 and total >= SERIAL_BELOW_BYTES and hasattr(os, "fork")):
            yield from SerialExecutor(self._scanner).run(units)
            return
        # Imported only when needed: a pre-commit run of a few files starts faster without them.
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        _worker_scanner = self._scanner
        try:
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(max_workers=min(self._jobs, len(units)), mp_context=context) as pool:
                futures = {pool.submit(_run_in_worker, unit): position for position, unit in enumerate(units)}
                for future in as_completed(futures):
                    yield futures[future], future.result()
        finally:
            _worker_scanner = None
