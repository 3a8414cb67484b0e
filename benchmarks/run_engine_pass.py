"""The Hyperscan engine's pass over a text, with its databases as it builds them against every pattern in one.

A rule whose pattern is longer than ``LONE_PATTERN_BYTES`` is compiled into a database of its own
(``keyaudit/engine/hyperscan_engine.py`` says why); this measures what that buys, engine alone: the
matcher's ``match`` over each MB of the input (Hyperscan's passes, then the confirmations by
``regex``), CPU seconds of this process, the median of ``--rounds``, for a matcher built as the scan
builds it and for one built with every pattern in one database, in alternating order. Both find the
same (checked). Run by hand, not in CI, on the logs ``generate_logs.py`` writes, and on any other
files given (a source tree's files concatenated, a HAR capture):

    python benchmarks/generate_logs.py /tmp/bench --megabytes 30
    python benchmarks/run_engine_pass.py /tmp/bench [--rounds 5] [--extra FILE ...]

Measured on a 2-core machine shared with other work (2026-12-05, load 1.5, 5 rounds, CPU seconds):
the logs of ``--megabytes 30``; 48 MB of random ``Basic`` values written by ``basic_line`` with
``random.Random(7)`` (the log of issue 14's third target: 19 of its lines hold ``iugu`` by chance,
where ``basic-dense.log`` holds none); keyaudit's sources and tests concatenated (10.8 MB); the
shared corpus's HAR captures and loghub logs, concatenated.

==========================  ========  ============  ========  =====
input                       MB        one database  as built  ratio
==========================  ========  ============  ========  =====
provider-dense.log          5.5       0.126         0.065     0.52
48 MB of Basic values       50.3      0.346         0.212     0.61
mixed.log                   31.6      0.104         0.091     0.88
sources and tests           10.8      0.843         0.762     0.90
basic-dense.log             5.3       0.020         0.020     1.01
HAR captures                1.3       0.002         0.002     1.02
loghub logs                 4.7       0.006         0.006     1.04
==========================  ========  ============  ========  =====

Where no ``iugu`` occurs (``basic-dense.log``, the corpus) nothing changes; where it does, the
merged automaton ran from there on. Whole scans (``farm-bench``, 7 pairs, against the commit before,
medians of the pairs' CPU ratios): the 48 MB of Basic values 0.558 -> 0.428 s (0.76x; 118 MB/s, start-up
included), provider-dense.log 0.97x, mixed.log 0.99x.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from keyaudit.engine import hyperscan_engine
from keyaudit.engine.hyperscan_engine import HyperscanMatcher
from keyaudit.rulebook.loader import load_rules

CHUNK = 1 << 20


def seconds(matcher: HyperscanMatcher, chunks: list[bytes]) -> tuple[float, list[tuple[int, int, int, int]]]:
    """CPU seconds of ``matcher`` over ``chunks``, and what it confirmed (chunk, rule, where its secret is)."""
    started = time.process_time()
    hits = [(number, hit.rule_index, hit.start, hit.end) for number, chunk in enumerate(chunks)
            for hit in matcher.match(chunk, True).hits]
    return time.process_time() - started, hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("logs", type=Path, help="the directory generate_logs.py wrote")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--extra", type=Path, nargs="*", default=[])
    args = parser.parse_args()
    rules = load_rules()
    built = HyperscanMatcher(rules)
    lone_bytes, hyperscan_engine.LONE_PATTERN_BYTES = hyperscan_engine.LONE_PATTERN_BYTES, sys.maxsize
    together = HyperscanMatcher(rules)
    hyperscan_engine.LONE_PATTERN_BYTES = lone_bytes
    inputs = [args.logs / name for name in ("basic-dense.log", "mixed.log", "provider-dense.log")] + args.extra
    print(f"{'input':40s} {'MB':>6s} {'one database':>14s} {'as built':>10s} {'ratio':>7s}")
    for path in inputs:
        data = path.read_bytes()
        chunks = [data[offset:offset + CHUNK] for offset in range(0, len(data), CHUNK)]
        times: dict[str, list[float]] = {"one": [], "built": []}
        for _ in range(args.rounds):
            found = {}
            for name, matcher in (("one", together), ("built", built)):
                spent, found[name] = seconds(matcher, chunks)
                times[name].append(spent)
            if found["one"] != found["built"]:
                sys.exit(f"{path}: the two matchers confirmed different hits")
        one, mine = statistics.median(times["one"]), statistics.median(times["built"])
        print(f"{path.name[:40]:40s} {len(data) / 1e6:6.1f} {one:12.3f} s {mine:8.3f} s {mine / one:7.2f}")


if __name__ == "__main__":
    main()
