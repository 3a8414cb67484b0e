"""Units on a Dask cluster: the same units the local executors run, scanned by workers.

Workers read their units themselves (local paths they can see, objects in a store through
fsspec), so the client never streams the data. What a worker needs to scan travels with each task
as a small :class:`~keyaudit.run.builder.ScannerSpec` (paths and settings, a few hundred bytes):
the worker builds its scanner once and keeps it for every unit. Tasks are pure functions of their
unit and their spec: a unit on a lost worker is simply run again elsewhere. The spec is not
scattered: scattered data is no task, so a worker lost while it is broadcast hangs the scheduler's
replication, and one lost after it fails every unit that needs it (nothing can compute it again).
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING, Iterator

from keyaudit.model.urls import hide_userinfo
from keyaudit.run.executors import Finished, machine_workers
from keyaudit.run.executors.lost import lost_unit
from keyaudit.run.tally import Tally

if TYPE_CHECKING:
    from distributed import Client, Future

    from keyaudit.run.builder import ScannerSpec
    from keyaudit.run.unit_scanner import UnitScanner
    from keyaudit.run.units import WorkUnit

DASK_EXTRA = "pip install 'keyaudit[dask]'"
UNIT_RETRIES = 3


class ClusterError(Exception):
    """The cluster cannot be used; ``str()`` is one line."""


def dask_installed() -> bool:
    """Whether Dask distributed can be imported (checked before a scan: a missing extra is a
    usage error, not a failure of every unit)."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


class _Scanners(threading.local):
    """The scanners built in one worker thread, by spec key. A worker runs as many tasks at once
    as it has threads (``dask worker`` starts one per core), and a scanner serves one unit at a
    time: its Hyperscan scratch space cannot be shared by two scans in flight."""

    def __init__(self) -> None:
        self.built: dict[str, "UnitScanner"] = {}


_scanners = _Scanners()


def _scan_on_worker(spec: "ScannerSpec", key: str, unit: "WorkUnit") -> Tally:
    built = _scanners.built
    scanner = built.get(key)
    if scanner is None:
        scanner = built[key] = spec.build()
    return scanner.scan(unit)


@contextlib.contextmanager
def connect(scheduler: str) -> Iterator["Client"]:
    """A Dask client for the scan's duration: ``local:N`` starts (and stops) a LocalCluster of N
    worker processes, forked from this one so that they start with keyaudit already imported."""
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError(f"--scheduler needs Dask distributed: {DASK_EXTRA}") from None
    with contextlib.ExitStack() as stack:
        try:
            if scheduler.startswith("local:"):
                workers = machine_workers(int(scheduler.removeprefix("local:") or "1"))
                # Read again whenever a lost worker is restarted, so it holds for the whole scan.
                stack.enter_context(dask.config.set({"distributed.worker.multiprocessing-method": "fork"}))
                cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                           dashboard_address=None, silence_logs=40))
                client = stack.enter_context(Client(cluster))
            else:
                client = stack.enter_context(Client(scheduler, timeout="30s"))
        except (OSError, ValueError, TimeoutError) as exc:  # both quote the address: not its credentials
            raise ClusterError(f"--scheduler {hide_userinfo(scheduler, scheduler)}: cannot connect: "
                               f"{hide_userinfo(str(exc), scheduler)}") from None
        yield client


class ClusterExecutor:
    """Runs units on the Dask cluster at ``scheduler`` (``local:N`` starts one for the scan)."""

    def __init__(self, spec: "ScannerSpec", scheduler: str) -> None:
        # Units carry absolute paths from discovery on; the spec's are made so here, before they
        # leave for workers that may run in another folder (or on another host sharing the files).
        self._spec, self._scheduler = spec.absolute(), scheduler

    def reaches(self, unit: "WorkUnit") -> bool:
        return unit.portable

    def run(self, units: list["WorkUnit"]) -> Finished:
        if not units:
            return
        from distributed import as_completed

        with connect(self._scheduler) as client:
            key = self._spec.key
            futures = {client.submit(_scan_on_worker, self._spec, key, unit, pure=False, retries=UNIT_RETRIES):
                       position for position, unit in enumerate(units)}
            for future in as_completed(futures):
                yield futures[future], _outcome(future, units[futures[future]])


def _outcome(future: "Future", unit: "WorkUnit") -> Tally:
    """The unit's tally; a unit the cluster could not run (a worker that cannot build the
    scanner, workers lost past the retries) is an error entry, as an unreadable file is, and the
    scan goes on (a lost piece of a file still counts its lines for the pieces after it). Only the
    exception's type is kept: its text crossed from a worker and could quote the input."""
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - whatever the cluster raised, the other units stand
        return lost_unit(unit, f"the cluster failed to run it ({type(exc).__name__})")
