"""One log in three line endings: LF, CRLF and CR alone. Each twin must give the findings of the LF log, at its
lines and columns, for about its CPU and memory.

Writes (seeded, :mod:`generate_logs`) a mixed log with provider traffic (access and app lines, stack traces, some
percent of records calls to the providers, transfers signed and not) and a log where every record is such a call, then
the same bytes with each LF made CRLF and made CR. Scans each as a process of its own (``keyaudit scan --format json``)
at ``--jobs 1`` and ``--jobs 2``, ``--rounds`` times in alternating order, and prints the median CPU seconds (user +
system, children included) and peak RSS of each, with the ratio to the LF log's in the same rounds; the findings
(rule, line, column) of every twin are checked against the LF log's, and the run exits 1 where they differ. A CR-only
file is read whole by one process (its stored bytes cannot be cut into line ranges): at ``--jobs 2`` its wall time,
not its CPU, is what it costs against the LF log read in ranges by two.

    python benchmarks/run_line_ends.py /tmp/line-ends [--megabytes 30] [--rounds 3]

Measured on 2026-12-07 (a 2-core machine shared with two other jobs, 2 rounds, 30 MB mixed log with 3 % provider
calls and its 5.5 MB provider-dense twin): every CRLF and CR twin gave the LF log's findings (697 and 2,961); CPU
against the LF log, CRLF 1.01-1.03x, CR 0.94-1.06x at --jobs 1 and 2; peak RSS 54-63 MiB for all. Before CR-ended
text was read as lines, the CR twin of the mixed log's first 5 MB gave 38 of its 134 findings, all at line 1, for
9.7 CPU seconds against 0.8.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from generate_logs import generate
from run_throughput import Timing, run_once

TWINS = {"LF": b"\n", "CRLF": b"\r\n", "CR": b"\r"}


def findings(path: Path, jobs: int) -> list[tuple[str, int, int]]:
    """The findings of one scan of ``path``: rule, line and column, sorted."""
    run = subprocess.run([sys.executable, "-m", "keyaudit", "scan", "--format", "json", "--jobs", str(jobs),
                          str(path)], capture_output=True, check=False)
    report = json.loads(run.stdout)
    return sorted((f["rule_id"], f["location"]["line"], f["location"]["column"]) for f in report["findings"])


def twins(log: Path, folder: Path) -> dict[str, Path]:
    """``log`` written with each line ending of :data:`TWINS` in ``folder``."""
    text = log.read_bytes()
    paths = {}
    for name, ending in TWINS.items():
        paths[name] = folder / f"{log.stem}-{name.lower()}.log"
        paths[name].write_bytes(text if ending == b"\n" else text.replace(b"\n", ending))
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--megabytes", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    differ = False
    with tempfile.TemporaryDirectory() as generated:
        mixed, _, _ = generate(Path(generated), args.megabytes, seed=7)
        args.out.mkdir(parents=True, exist_ok=True)
        dense = Path(generated) / "provider-dense.log"
        logs = {"mixed": twins(mixed, args.out), "provider-dense": twins(dense, args.out)}
    print(f"{'log':<16} {'endings':<6} {'jobs':>4} {'MB':>6} {'CPU s':>7} {'wall s':>7} {'MiB':>6} "
          f"{'CPU/LF':>7} {'wall/LF':>7}  findings")
    for name, paths in logs.items():
        for jobs in (1, 2):
            expected = findings(paths["LF"], jobs)
            timings: dict[str, list[Timing]] = {ending: [] for ending in TWINS}
            for round_ in range(args.rounds):
                for ending in (list(TWINS) if round_ % 2 == 0 else list(reversed(TWINS))):
                    timings[ending].append(run_once([sys.executable, "-m", "keyaudit", "scan", "--format", "json",
                                                     "--jobs", str(jobs), str(paths[ending])]))
            base = statistics.median(t.cpu for t in timings["LF"]), statistics.median(t.wall for t in timings["LF"])
            for ending, runs in timings.items():
                same = ending == "LF" or findings(paths[ending], jobs) == expected
                differ |= not same
                cpu, wall = statistics.median(t.cpu for t in runs), statistics.median(t.wall for t in runs)
                print(f"{name:<16} {ending:<6} {jobs:>4} {paths[ending].stat().st_size / 1e6:>6.1f} {cpu:>7.2f} "
                      f"{wall:>7.2f} {statistics.median(t.rss for t in runs) / 1024:>6.0f} {cpu / base[0]:>7.2f} "
                      f"{wall / base[1]:>7.2f}  {len(expected) if same else 'DIFFER from LF'}")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
