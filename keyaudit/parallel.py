"""Spread work units over processes, and plan them so that big files can be spread too.

Units are a whole file, or — for a big plain file — the lines starting in one byte range of it,
so one large log keeps every core busy, or one member of a zip or uncompressed tar, so one big
log archive does too. Worker processes are forked from the scanning process
and inherit its rules and compiled engine, so nothing is rebuilt or pickled per unit; results
come back as units finish, tagged with their place in the plan, and the scan merges them in plan
order, which is what makes the report independent of ``--jobs``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Iterator

from keyaudit.sources.archives import PlannedMember, member_targets
from keyaudit.sources.compression import sniff_compression
from keyaudit.sources.files import Discovery, Target, discover
from keyaudit.sources.har import SNIFF_CHARS, looks_like_har
from keyaudit.sources.opening import file_size
from keyaudit.textscan import looks_binary

if TYPE_CHECKING:
    from keyaudit.scan import Scanner, Tally, WorkUnit

RANGE_BYTES = 64 << 20  # the largest range a big plain file is cut into
MIN_RANGE_BYTES = 16 << 20  # smaller ranges cost more in start-up than balancing gains
RANGES_PER_WORKER = 4
SERIAL_BELOW_BYTES = 8 << 20  # below this much input, starting processes costs more than it saves

_worker_scanner: "Scanner | None" = None


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _splittable(target: Target) -> bool:
    """Only plain text can be cut at newlines: not compressed data, not a JSON capture."""
    try:
        with open(target.path, "rb") as handle:  # type: ignore[arg-type]
            head = handle.read(SNIFF_CHARS)
    except OSError:
        return False
    return not (sniff_compression(head) or looks_like_har(target.display, head) or looks_binary(head))


def plan_units(targets: list[str], discovery: Discovery, range_bytes: int = RANGE_BYTES,
               split: bool = True, workers: int = 1) -> list["WorkUnit"]:
    """The units of a scan, in report order; when ``split``, big plain files in byte ranges and
    zips and uncompressed tars member by member (members not scanned are counted here).

    A file is cut into at least ``RANGES_PER_WORKER`` ranges per worker (of ``MIN_RANGE_BYTES``
    or more, and at most ``range_bytes``): with a few 64 MiB ranges one worker gets the odd one
    out and the others wait for it."""
    from keyaudit.scan import WorkUnit

    units: list[WorkUnit] = []
    for target in discover(targets, discovery):
        members = member_targets(target, discovery.skipped) if split else None
        if members is not None:
            units.extend(WorkUnit(member, depth=1) for member in members)
            continue
        size = file_size(target.path) if target.path is not None else 0
        piece = min(range_bytes, max(MIN_RANGE_BYTES, size // (RANGES_PER_WORKER * workers)))
        if split and size > 2 * piece and _splittable(target):
            units.extend(WorkUnit(target, (start, min(start + piece, size))) for start in range(0, size, piece))
        else:
            units.append(WorkUnit(target))
    return units


def _run_in_worker(unit: "WorkUnit") -> "Tally":
    assert _worker_scanner is not None, "worker started without a scanner"
    return _worker_scanner.scan_unit(unit)


def _forkable(unit: "WorkUnit") -> bool:
    """Whether a forked worker reads the unit itself: a local file or a member of one (stdin,
    staged blobs and objects in a store are read by this process)."""
    reader = unit.target.reader
    return unit.target.path is not None or (isinstance(reader, PlannedMember) and reader.local)


def run_units(units: list["WorkUnit"], scanner: "Scanner", jobs: int) -> Iterator[tuple[int, "Tally"]]:
    """Each unit's tally with its position in ``units``, as units finish; in ``jobs`` processes
    when that pays."""
    global _worker_scanner
    total = sum(unit.size for unit in units)
    if not (jobs > 1 and len(units) > 1 and total >= SERIAL_BELOW_BYTES and hasattr(os, "fork")):
        yield from ((position, scanner.scan_unit(unit)) for position, unit in enumerate(units))
        return
    # Imported only when needed: a pre-commit run of a few files starts faster without them.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    for position, unit in enumerate(units):
        if not _forkable(unit):  # stdin, staged blobs, objects in a store: read here
            yield position, scanner.scan_unit(unit)
    _worker_scanner = scanner
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=min(jobs, len(units)), mp_context=context) as pool:
            futures = {pool.submit(_run_in_worker, unit): position for position, unit in enumerate(units)
                       if _forkable(unit)}
            for future in as_completed(futures):
                yield futures[future], future.result()
    finally:
        _worker_scanner = None
