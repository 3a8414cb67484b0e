"""Whether one big single-member gzip file is cut across workers, and how: when the scan costs
much more than the decoding.

Read whole, the file is decoded in a thread beside the scan, so on two or more cores it takes
the longer of the two. Cut, each piece decodes its own text beside its scan, and reaches its
start one of two ways:

- **from the start**: the piece decodes the text before it too, and drops it. Nothing is done
  before the pieces start, but piece ``k`` of ``p`` first decodes ``k/p`` of the text;
- **indexed**: the file is first decoded once for an index (:mod:`keyaudit.sources.gzip_index`,
  before any piece can start), and each piece starts at its own seek point.

With ``d`` the CPU seconds isal takes to decode a byte of the text, ``s`` those the scan takes,
and ``w`` the workers the pieces spread over (as many pieces, from the start)::

    whole       ≈ max(s, d)
    from start  ≈ d·(w − 1)/w + (s + d)/w        extra CPU, all pieces: d·(w − 1)/2
                  (a little less: later pieces are given less to scan, :func:`from_start`)
    indexed     ≈ BUILD_COST·d + (s + d)/w       extra CPU: BUILD_COST·d

From the start always finishes first, but the text it decodes twice grows with the pieces: it is
taken while that extra CPU is at most the index's (up to :data:`FROM_START_PIECES` pieces), the
index beyond. The file is cut when the estimate × MARGIN is below the whole estimate. On two
workers that asks for ``s > 3.3 d``: a log with provider traffic (scanned at ~45 MB/s, decoded at
~900 MB/s: ``s ≈ 20 d``) is cut, a log without it (``s ≈ d``) is not — one process already keeps
both cores busy. On a cluster, where ``w`` is taken to be the number of pieces, the index is
built and ``s > 2.5 d`` is enough.

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
from keyaudit.sources.gzip_index import SeekPoint, index_cuts, trailer_length
from keyaudit.sources.targets import Target

PROBE_BYTES = 2 << 20  # text decoded and scanned to measure the two costs
WARM_UP_BYTES = 64 << 10  # scanned first, untimed: a first scan also pays for loading what it uses
# rapidgzip's decode that records the index, against isal's plain decode (0.75 vs 0.38 CPU s for
# 300 MB of the benchmark's log here): sequential, since its parallel decoding costs twice the
# CPU of a sequential one and gains nothing on fewer than PARALLEL_BUILD_CORES cores.
BUILD_COST = 2.0
MARGIN = 1.25  # the gain the estimate must promise to be worth its error
FROM_START_PIECES = int(2 * BUILD_COST + 1)  # the most pieces whose text decoded twice costs no more than an index
PARALLEL_BUILD_CORES = 4

# How a scan probes a file's first text: the file's name as reports show it, and the text.
Probe = Callable[[str, bytes], object]


@dataclass(frozen=True)
class Costs:
    """CPU seconds per byte of text: decoding it (isal) and scanning it."""

    decode: float
    scan: float


def from_start(costs: Costs, pieces: int) -> list[float]:
    """Where ``pieces`` pieces decoded from the start begin, and where the last ends, in bytes of
    text per second each piece takes: a later piece decodes more text it drops, so it is given
    less to scan, and all finish at once. Piece ``k`` starting at ``a`` takes ``d·a + (s + d)·n``
    for its ``n`` bytes, and each is given the same time; the text's length over the last figure
    is the time they take."""
    reached = [0.0]
    for _piece in range(pieces):
        reached.append(reached[-1] + (1 - costs.decode * reached[-1]) / (costs.scan + costs.decode))
    return reached


def way_to_cut(costs: Costs, workers: int) -> str | None:
    """``"from start"`` or ``"indexed"`` (see above), or None when cutting is not expected to
    finish the file sooner than reading it whole."""
    decode, scan = costs.decode, costs.scan
    workers = max(1, workers)
    if workers <= FROM_START_PIECES:
        way, cut = "from start", 1 / from_start(costs, workers)[-1]
    else:
        way, cut = "indexed", BUILD_COST * decode + (scan + decode) / workers
    return way if cut * MARGIN < max(scan, decode) else None


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


# Where a file's pieces start: the text's length, and for each piece the seek point it decodes
# from and the offset of the text it starts at.
Cuts = tuple[int, list[tuple[SeekPoint, int]]]


@dataclass(frozen=True)
class Cutting:
    """What the plan needs to decide on a single-member gzip file: the workers its pieces would
    spread over (None: a cluster, where each piece is taken to run at once), and the costs of a
    target (from :func:`measured`, or figures a caller knows)."""

    workers: int | None
    costs: Callable[[Target], Costs | None]

    def cuts(self, target: Target, piece: int, size: int) -> Cuts | None:
        """Where to cut the file (``size`` bytes) when cutting it pays: from the start, in as many
        pieces as workers; indexed, about every ``piece`` bytes of text. None to read it whole."""
        costs = self.costs(target)
        workers = self.workers or max(2, size // piece)
        way = way_to_cut(costs, workers) if costs is not None else None
        path = Path(target.path)  # type: ignore[arg-type]
        if way == "from start":
            length, reached = trailer_length(path), from_start(costs, workers)  # type: ignore[arg-type]
            return length, [(SeekPoint(), int(length * at / reached[-1])) for at in reached[:-1]]
        if way is None:
            return None
        parallel = workers if workers >= PARALLEL_BUILD_CORES and self.workers else 1
        found = index_cuts(path, piece, parallel)
        if found is None or not found[1]:
            return None
        length, points = found
        return length, [(SeekPoint(), 0), *((point, point.text) for point in points)]
