"""Whether one big single-member gzip file is cut across workers: when the scan costs much more
than the decoding.

Read whole, the file is decoded in a thread beside the scan, so on two or more cores it takes
the longer of the two. Cut, it is first decoded once for its index (:mod:`keyaudit.sources.gzip_index`,
before any piece can start), then every piece decodes its own text again beside its scan.
With ``d`` the CPU seconds isal takes to decode a byte of the text, ``s`` those the scan takes,
and ``w`` the workers the pieces spread over::

    whole ≈ max(s, d)
    cut   ≈ BUILD_COST·d + (s + d) / w

and the file is cut when ``cut · MARGIN < whole``. On two workers that asks for ``s > 8.3 d``:
a log with provider traffic (scanned at ~45 MB/s, decoded at ~900 MB/s: ``s ≈ 20 d``) is cut,
and should take ~0.63 of the time; a log without it (``s ≈ d``) is not — one process already
keeps both cores busy. On four workers ``s > 4.1 d`` is enough; on a cluster, where ``w`` is taken
to be the number of pieces, ``s > 2.5 d``.

The rule weighs one file alone; the plan asks it only about a file bigger than a worker's share
of the whole scan — in a folder of rotated logs the other files keep the workers busy.

``d`` and ``s`` are measured on the file's first :data:`PROBE_BYTES` of text, which a log's
traffic, and so the scan's cost, is usually like: isal decodes them, and the session's probe
scans them (the plan cannot import the scanner, so the session hands it a function).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from keyaudit.sources.compression import igzip_lib
from keyaudit.sources.gzip_index import SeekPoint, index_cuts
from keyaudit.sources.targets import Target

PROBE_BYTES = 2 << 20  # text decoded and scanned to measure the two costs
WARM_UP_BYTES = 64 << 10  # scanned first, untimed: a first scan also pays for loading what it uses
# rapidgzip's decode that records the index, against isal's plain decode (0.75 vs 0.38 CPU s for
# 300 MB of the benchmark's log here): sequential, since its parallel decoding costs twice the
# CPU of a sequential one and gains nothing on fewer than PARALLEL_BUILD_CORES cores.
BUILD_COST = 2.0
MARGIN = 1.25  # the gain the estimate must promise to be worth its error
PARALLEL_BUILD_CORES = 4

# How a scan probes a file's first text: the file's name as reports show it, and the text.
Probe = Callable[[str, bytes], object]


@dataclass(frozen=True)
class Costs:
    """CPU seconds per byte of text: decoding it (isal) and scanning it."""

    decode: float
    scan: float


def cut_pays(costs: Costs, workers: int) -> bool:
    """Whether cutting is expected to finish the file sooner than reading it whole (see above)."""
    whole = max(costs.scan, costs.decode)
    cut = BUILD_COST * costs.decode + (costs.scan + costs.decode) / max(1, workers)
    return cut * MARGIN < whole


def measured(target: Target, probe: Probe) -> Costs | None:
    """The costs of ``target``'s first text: isal decoding it, ``probe`` scanning it; None when
    there is too little text, or no isal, to tell."""
    if target.path is None or igzip_lib is None:
        return None
    with open(target.path, "rb") as raw:
        packed = raw.read(PROBE_BYTES)
    started = time.process_time()
    try:
        text = igzip_lib.IgzipDecompressor(flag=igzip_lib.DECOMP_GZIP).decompress(packed, PROBE_BYTES)
    except igzip_lib.IsalError:
        return None  # damaged at once: read whole, which says so
    decoded = time.process_time()
    probe(target.display, text[:WARM_UP_BYTES])  # untimed: what a scan loads on first use (request readers)
    probing = time.process_time()
    probe(target.display, text)
    scanned = time.process_time()
    if not text:
        return None
    return Costs(max(decoded - started, 1e-9) / len(text), (scanned - probing) / len(text))


@dataclass(frozen=True)
class Cutting:
    """What the plan needs to decide on a single-member gzip file: the workers its pieces would
    spread over (None: a cluster, where each piece is taken to run at once), and the costs of a
    target (from :func:`measured`, or figures a caller knows)."""

    workers: int | None
    costs: Callable[[Target], Costs | None]

    def cuts(self, target: Target, piece: int, size: int) -> tuple[int, list[SeekPoint]] | None:
        """The text's length and where to cut it (about every ``piece`` bytes of text) when
        cutting the file (``size`` bytes) pays; None to read it whole."""
        costs = self.costs(target)
        workers = self.workers or max(2, size // piece)
        if costs is None or not cut_pays(costs, workers):
            return None
        parallel = workers if workers >= PARALLEL_BUILD_CORES and self.workers else 1
        found = index_cuts(Path(target.path), piece, parallel)  # type: ignore[arg-type]
        return found if found is not None and found[1] else None
