"""Work units on a Dask cluster: the same units the local scanner runs, scanned by workers.

Workers read their units themselves (local paths they can see, objects in a store through
fsspec), so the client never streams the data. What a worker needs to scan — rule files, the
engine name, public keys — travels once per scan as a small :class:`ScannerSpec` scattered to
every worker, which builds its scanner once and keeps it for every unit. Tasks are pure
functions of their unit: a unit on a lost worker is simply run again elsewhere.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
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
        from keyaudit.signature import load_public_keys, signature_check

        rules = load_rules([Path(p) for p in self.rule_paths]).without(self.disabled)
        checks = {"iugu_signature": signature_check(load_public_keys([Path(p) for p in self.public_keys]))}
        return Scanner(rules, self.engine, checks)


_built: dict[str, "Scanner"] = {}  # per worker process: spec key -> scanner


def _scan_on_worker(spec: ScannerSpec, key: str, unit: "WorkUnit") -> "Tally":
    scanner = _built.get(key)
    if scanner is None:
        scanner = _built[key] = spec.build()
    return scanner.scan_unit(unit)


def connect(scheduler: str):  # type: ignore[no-untyped-def]
    """A Dask client: ``local:N`` starts a LocalCluster of N worker processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError(f"--scheduler needs Dask distributed: {DASK_EXTRA}") from None
    try:
        if scheduler.startswith("local:"):
            workers = int(scheduler.removeprefix("local:") or "1")
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=40)
            return Client(cluster)
        return Client(scheduler, timeout="30s")
    except (OSError, ValueError, TimeoutError) as exc:
        raise ClusterError(f"--scheduler {scheduler}: cannot connect: {exc}") from None


def run_on_cluster(units: list["WorkUnit"], scanner: "Scanner", spec: ScannerSpec,
                   scheduler: str) -> Iterator[tuple["WorkUnit", "Tally"]]:
    """Each unit with its tally, in plan order; units only this process can read run here."""
    local = [u for u in units if u.target.path is None and not _travels(u)]
    distant = [u for u in units if u not in local]
    for unit in local:
        yield unit, scanner.scan_unit(unit)
    if not distant:
        return
    client = connect(scheduler)
    try:
        [spec_future] = client.scatter([spec], broadcast=True)
        key = spec.key
        futures = [client.submit(_scan_on_worker, spec_future, key, unit, pure=False, retries=UNIT_RETRIES)
                   for unit in distant]
        for unit, future in zip(distant, futures):
            yield unit, future.result()
    finally:
        cluster = getattr(client, "cluster", None)
        client.close()
        if cluster is not None:
            cluster.close()


def _travels(unit: "WorkUnit") -> bool:
    """Whether a worker can read the unit itself: a path, an object in a store, or a member of
    an archive that is either."""
    from keyaudit.sources.archives import PlannedMember
    from keyaudit.sources.remote import ObjectReader

    return isinstance(unit.target.reader, (ObjectReader, PlannedMember))
