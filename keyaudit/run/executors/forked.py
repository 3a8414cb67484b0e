"""Units spread over processes forked from this one.

Workers inherit the scanner — rules and compiled engine — with the process, so nothing is
rebuilt or pickled per unit; tallies come back as units finish. Below a few megabytes of input
starting processes costs more than it saves, and the units run here instead. Workers end with
the process that forked them, however it ends.

A worker that dies (the kernel ends it when memory runs out) breaks the pool and every unit in it:
the units it had taken are each run again alone, in a process of their own, so that the one that
kills its process is the one named, as an error, and every other unit is scanned as usual.
"""

from __future__ import annotations

import os
import signal
import time
from typing import TYPE_CHECKING, Generator

from keyaudit.run.executors import Finished, default_jobs, machine_workers
from keyaudit.run.executors.lost import lost_unit
from keyaudit.run.executors.serial import SerialExecutor

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing.connection import Connection
    from multiprocessing.context import ForkContext

    from keyaudit.run.tally import Tally
    from keyaudit.run.unit_scanner import UnitScanner
    from keyaudit.run.units import WorkUnit

SERIAL_BELOW_BYTES = 8 << 20  # below this much input, starting processes costs more than it saves
PR_SET_PDEATHSIG = 1  # linux/prctl.h: the signal a process gets when its parent ends
PARENT_POLL_SECONDS = 0.5  # where there is no such signal: how often a worker checks its parent

_worker_scanner: "UnitScanner | None" = None
# Shared with the workers: a worker marks each unit (by position) as it takes it, so that when one
# dies the units in flight are known — the others never started.
_taken: "list[int] | None" = None


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


def _run_in_worker(position: int, unit: "WorkUnit") -> "Tally":
    assert _worker_scanner is not None and _taken is not None, "worker started without a scanner"
    _taken[position] = 1
    return _worker_scanner.scan(unit)


def _run_alone(send: "Connection", unit: "WorkUnit", parent: int) -> None:
    """A process's one unit: its tally sent back; where the scan raises, the exception's type (its text could quote
    the input), which the parent names as the unit's error."""
    _die_with_parent(parent)
    assert _worker_scanner is not None, "worker started without a scanner"
    try:
        send.send(_worker_scanner.scan(unit))
    except Exception as exc:  # noqa: BLE001 - the unit's error, as a killed process's is
        send.send(type(exc).__name__)


class ForkedExecutor:
    """Runs units in ``jobs`` forked processes (all cores when not given, as
    :func:`local_workers` counts them: the plan's count) when that pays, else here."""

    def __init__(self, scanner: "UnitScanner", jobs: int | None) -> None:
        self._scanner, self._jobs = scanner, local_workers(jobs)

    def reaches(self, unit: "WorkUnit") -> bool:
        return unit.local

    def run(self, units: list["WorkUnit"]) -> Finished:
        global _worker_scanner, _taken
        total = sum(unit.size for unit in units)
        if not (self._jobs > 1 and len(units) > 1 and total >= SERIAL_BELOW_BYTES):
            yield from SerialExecutor(self._scanner).run(units)
            return
        # Imported only when needed: a pre-commit run of a few files starts faster without them.
        import multiprocessing

        context = multiprocessing.get_context("fork")
        _worker_scanner, _taken = self._scanner, context.RawArray("b", len(units))  # type: ignore[assignment]
        try:
            left = list(range(len(units)))
            while left:  # each round ends all units, or loses (and settles alone) at least one
                unfinished = yield from self._round(context, units, left)
                # none taken: the pool broke as its workers started (each round would) — the first goes alone
                for position in (taken := [position for position in unfinished if _taken[position]] or unfinished[:1]):
                    yield position, _alone(context, units[position])
                left = [position for position in unfinished if position not in taken]
        finally:
            _worker_scanner = _taken = None

    def _round(self, context: "ForkContext", units: list["WorkUnit"], positions: list[int]) -> Generator[
            tuple[int, "Tally"], None, list[int]]:
        """Run ``positions`` of ``units`` in a pool: each tally as it comes, then the positions a
        dead worker left unfinished (every unit not done when the pool broke), in plan order."""
        from concurrent.futures import ProcessPoolExecutor, as_completed
        from concurrent.futures.process import BrokenProcessPool

        pool = ProcessPoolExecutor(max_workers=min(self._jobs, len(positions)), mp_context=context,
                                   initializer=_die_with_parent, initargs=(os.getpid(),))
        unfinished: list[int] = []
        try:
            futures = {pool.submit(_run_in_worker, position, units[position]): position for position in positions}
            for future in as_completed(futures):
                if isinstance(future.exception(), BrokenProcessPool):
                    unfinished.append(futures[future])
                else:
                    yield futures[future], future.result()
        except BaseException:  # Ctrl-C, a unit's failure, a reader that stopped: no unit is waited for
            _stop(pool)
            raise
        pool.shutdown()
        return sorted(unfinished)


def _alone(context: "ForkContext", unit: "WorkUnit") -> "Tally":
    """``unit`` scanned in a process of its own: its tally, or an error naming it when that process
    dies too (the unit, not a neighbour, is what ended it)."""
    receive, send = context.Pipe(duplex=False)
    worker = context.Process(target=_run_alone, args=(send, unit, os.getpid()), daemon=True)
    worker.start()
    send.close()
    try:
        try:
            received = receive.recv()  # before the join: a large tally fills the pipe until it is read
            return lost_unit(unit, f"an internal error ({received})") if isinstance(received, str) else received
        except (EOFError, OSError):  # OSError: the process ended part-way through sending a long tally
            worker.join()
            code = worker.exitcode or 0
            how = f"killed by {signal.Signals(-code).name}" if code < 0 else f"exit code {code}"
            if code == -signal.SIGKILL:
                how += ", as when memory runs out"
            return lost_unit(unit, f"the process scanning it ended ({how})")
    finally:
        if worker.is_alive():  # Ctrl-C while it ran
            worker.terminate()
        worker.join()
        receive.close()


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
