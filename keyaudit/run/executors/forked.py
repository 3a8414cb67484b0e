"""Units spread over processes forked from this one.

Workers inherit the scanner — rules and compiled engine — with the process, so nothing is
rebuilt or pickled per unit; tallies come back as units finish. Below a few megabytes of input
starting processes costs more than it saves, and the units run here instead. Workers end with
the process that forked them, however it ends.
"""

from __future__ import annotations

import os
import signal
import time
from typing import TYPE_CHECKING

from keyaudit.run.executors import Finished, default_jobs, machine_workers
from keyaudit.run.executors.serial import SerialExecutor

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from keyaudit.run.tally import Tally
    from keyaudit.run.unit_scanner import UnitScanner
    from keyaudit.run.units import WorkUnit

SERIAL_BELOW_BYTES = 8 << 20  # below this much input, starting processes costs more than it saves
PR_SET_PDEATHSIG = 1  # linux/prctl.h: the signal a process gets when its parent ends
PARENT_POLL_SECONDS = 0.5  # where there is no such signal: how often a worker checks its parent

_worker_scanner: "UnitScanner | None" = None


def local_workers(jobs: int | None) -> int:
    """The processes a scan on this machine runs at once: ``jobs`` (all cores when not given, and no more than
    :func:`~keyaudit.run.executors.machine_workers` allows) where processes can be forked; one where they cannot
    (Windows), where every unit runs here in turn and a file cut for processes to share would cost its cuts for
    nothing."""
    return machine_workers(jobs or default_jobs()) if hasattr(os, "fork") else 1


def _die_with_parent(parent: int) -> None:
    """Worker initializer: end this worker when the process that forked it ends, even by
    ``kill -9`` (the OOM killer), so that no orphan keeps scanning — or holds the ``--state``
    lock it inherited, failing every later run. Linux sends SIGKILL on the parent's death;
    elsewhere a thread watches for the worker being handed to another parent.

    Ctrl-C is the parent's to handle (a terminal sends SIGINT to every process of the group): it
    ends the workers itself (:func:`_stop`). A worker that took it would print a traceback where
    it waited for work, or hand it back as its unit's result and take the next unit. SIGTERM is
    how :func:`_stop` ends a worker: its default comes back (the program raises it as an exception,
    which a worker would hand back as a result)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        armed = libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):  # no prctl: not Linux
        armed = False
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    if not armed:
        import threading

        threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="keyaudit-parent-watch").start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def _run_in_worker(unit: "WorkUnit") -> "Tally":
    assert _worker_scanner is not None, "worker started without a scanner"
    return _worker_scanner.scan(unit)


class ForkedExecutor:
    """Runs units in ``jobs`` forked processes (all cores when not given, as
    :func:`local_workers` counts them: the plan's count) when that pays, else here."""

    def __init__(self, scanner: "UnitScanner", jobs: int | None) -> None:
        self._scanner, self._jobs = scanner, local_workers(jobs)

    def reaches(self, unit: "WorkUnit") -> bool:
        return unit.local

    def run(self, units: list["WorkUnit"]) -> Finished:
        global _worker_scanner
        total = sum(unit.size for unit in units)
        if not (self._jobs > 1 and len(units) > 1 and total >= SERIAL_BELOW_BYTES):
            yield from SerialExecutor(self._scanner).run(units)
            return
        # Imported only when needed: a pre-commit run of a few files starts faster without them.
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        _worker_scanner = self._scanner
        try:
            context = multiprocessing.get_context("fork")
            pool = ProcessPoolExecutor(max_workers=min(self._jobs, len(units)), mp_context=context,
                                       initializer=_die_with_parent, initargs=(os.getpid(),))
            try:
                futures = {pool.submit(_run_in_worker, unit): position for position, unit in enumerate(units)}
                for future in as_completed(futures):
                    yield futures[future], future.result()
            except BaseException:  # Ctrl-C, a unit's failure, a reader that stopped: no unit is waited for
                _stop(pool)
                raise
            pool.shutdown()
        finally:
            _worker_scanner = None


def _stop(pool: "ProcessPoolExecutor") -> None:
    """End ``pool`` now: the units not started are dropped and the workers ended on the ones they
    are scanning. Leaving the pool (its ``with``) waited for every unit submitted: Ctrl-C stopped
    a parallel scan only once it had scanned everything."""
    workers = list((getattr(pool, "_processes", None) or {}).values())  # no public way; shutdown forgets them
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        worker.terminate()
    for worker in workers:
        worker.join()
