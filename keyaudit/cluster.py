"""Work units on a Dask cluster: the same units the local scanner runs, scanned by workers.

Workers read their units themselves (local paths they can see, objects in a store through
fsspec), so the client never streams the data. What a worker needs to scan — rule files, the
engine name, public keys — travels once per scan as a small :class:`ScannerSpec` scattered to
every worker, which builds its scanner once and keeps it for every unit. Tasks are pure
functions of their unit: a unit on a lost worker is simply run again elsewhere.
"""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from distributed import Client, Future

    from keyaudit.exchange import Exchange
    from keyaudit.request_rules import RequestCheck, RequestContext
    from keyaudit.scan import Scanner, Tally, WorkUnit

DASK_EXTRA = "pip install 'keyaudit[dask]'"
UNIT_RETRIES = 3


class ClusterError(Exception):
    """The cluster cannot be used; ``str()`` is one line."""


@dataclass(frozen=True)
class ScannerSpec:
    """Everything needed to build the same scanner on another machine, and nothing secret."""

    rule_paths: tuple[str, ...] = ()
    disabled: tuple[str, ...] = ()
    engine: str = "auto"
    public_keys: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """Content hash of the rule files and keys, so a changed file is a different scanner."""
        digest = hashlib.sha256(repr((self.disabled, self.engine)).encode())
        for name in (*self.rule_paths, *self.public_keys):
            path = Path(name)
            files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
            for file in files:
                digest.update(file.name.encode() + b"\0" + file.read_bytes())
        return digest.hexdigest()

    def build(self) -> "Scanner":
        from keyaudit.rules import load_rules
        from keyaudit.scan import Scanner

        rules = load_rules([Path(p) for p in self.rule_paths]).without(self.disabled)
        checks = {"iugu_signature": _signature_check([Path(p) for p in self.public_keys])}
        return Scanner(rules, self.engine, checks)


def _signature_check(key_paths: list[Path]) -> "RequestCheck":
    """The ``iugu_signature`` request check. Keys given are loaded now, so that a bad key file
    stops the run before it scans; without keys the signature module is imported by the first
    request judged, and a scan that judges none (code, most logs) starts without it."""
    if key_paths:
        from keyaudit.signature import load_public_keys, signature_check

        return signature_check(load_public_keys(key_paths))

    def check_without_keys(exchange: "Exchange", context: "RequestContext") -> str | None:
        from keyaudit.signature import signature_check

        return signature_check([])(exchange, context)

    return check_without_keys


_built: dict[str, "Scanner"] = {}  # per worker process: spec key -> scanner


def _scan_on_worker(spec: ScannerSpec, key: str, unit: "WorkUnit") -> "Tally":
    scanner = _built.get(key)
    if scanner is None:
        scanner = _built[key] = spec.build()
    return scanner.scan_unit(unit)


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
                workers = int(scheduler.removeprefix("local:") or "1")
                # Read again whenever a lost worker is restarted, so it holds for the whole scan.
                stack.enter_context(dask.config.set({"distributed.worker.multiprocessing-method": "fork"}))
                cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                           dashboard_address=None, silence_logs=40))
                client = stack.enter_context(Client(cluster))
            else:
                client = stack.enter_context(Client(scheduler, timeout="30s"))
        except (OSError, ValueError, TimeoutError) as exc:
            raise ClusterError(f"--scheduler {scheduler}: cannot connect: {exc}") from None
        yield client


def run_on_cluster(units: list["WorkUnit"], scanner: "Scanner", spec: ScannerSpec,
                   scheduler: str) -> Iterator[tuple[int, "Tally"]]:
    """Each unit's tally with its position in ``units``, as units finish; units only this
    process can read run here."""
    for position, unit in enumerate(units):
        if unit.target.path is None and not _travels(unit):
            yield position, scanner.scan_unit(unit)
    distant = [position for position, unit in enumerate(units) if unit.target.path is not None or _travels(unit)]
    if not distant:
        return
    from distributed import as_completed

    with connect(scheduler) as client:
        [spec_future] = client.scatter([spec], broadcast=True)
        key = spec.key
        futures = {client.submit(_scan_on_worker, spec_future, key, units[position], pure=False,
                                 retries=UNIT_RETRIES): position for position in distant}
        for future in as_completed(futures):
            yield futures[future], _outcome(future, units[futures[future]])


def _outcome(future: "Future", unit: "WorkUnit") -> "Tally":
    """The unit's tally; a unit the cluster could not run (a worker that cannot build the
    scanner, workers lost past the retries) is an error entry, as an unreadable file is, and the
    scan goes on. Only the exception's type is kept: its text crossed from a worker and could
    quote the input."""
    from keyaudit.scan import ScanError, Tally

    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - whatever the cluster raised, the other units stand
        return Tally(errors=[ScanError(unit.target.display, f"not scanned: the cluster failed to run it "
                                                            f"({type(exc).__name__})")])


def _travels(unit: "WorkUnit") -> bool:
    """Whether a worker can read the unit itself: a path, an object in a store, or a member of
    an archive that is either."""
    from keyaudit.sources.archives import PlannedMember
    from keyaudit.sources.remote import ObjectReader

    return isinstance(unit.target.reader, (ObjectReader, PlannedMember))
