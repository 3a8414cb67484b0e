"""Dask against local processes on this machine: the same ~1 GB of logs with ``--jobs 2``, with
``--scheduler local:2`` and with an already running cluster of two workers, and the fixed start-up
and per-unit scheduling overhead. Run by hand, not in CI:

    python benchmarks/generate_logs.py /tmp/bench --megabytes 300
    python benchmarks/run_dask.py /tmp/bench [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", type=Path, help="folder written by generate_logs.py")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    source = (args.bench / "mixed.log").read_bytes()
    scan = [sys.executable, "-m", "keyaudit", "scan", "-q", "--format", "json", "--output", "/dev/null"]
    with tempfile.TemporaryDirectory() as scratch:
        big = Path(scratch) / "big"
        big.mkdir()
        for index in range(3):  # ~1 GB in three files of ~315 MB: 15 ranges of 64 MiB
            (big / f"part-{index}.log").write_bytes(source)
        small = Path(scratch) / "small"
        small.mkdir()
        for index in range(400):
            (small / f"tiny-{index:03d}.log").write_text("a short line\n")
        size = sum(p.stat().st_size for p in big.iterdir())
        import distributed  # a cluster already running, as a team's would be: no start-up in the timing

        running = distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None,
                                           silence_logs=40)
        commands = {
            "--jobs 2": scan + ["--jobs", "2", str(big)],
            "--scheduler local:2": scan + ["--scheduler", "local:2", str(big)],
            "--scheduler tcp:// (running, 2 workers)": scan + ["--scheduler", running.scheduler_address, str(big)],
            "400 tiny files, --jobs 1": scan + ["--jobs", "1", str(small)],
            "400 tiny files, --scheduler local:2": scan + ["--scheduler", "local:2", str(small)],
            "1 tiny file, --scheduler local:2": scan + ["--scheduler", "local:2", str(small / "tiny-000.log")],
        }
        runs: dict[str, list[float]] = {name: [] for name in commands}
        for round_index in range(args.rounds):
            order = list(commands.items()) if round_index % 2 == 0 else list(reversed(commands.items()))
            for name, command in order:
                runs[name].append(timed(command))
        running.close()
    medians = {name: statistics.median(values) for name, values in runs.items()}
    print(f"{size / 1e9:.2f} GB of logs; medians of {args.rounds} rounds")
    for name, value in medians.items():
        print(f"{name:<40} {value:8.2f} s")
    print(f"Dask / local processes: {medians['--scheduler local:2'] / medians['--jobs 2']:.2f}x")
    start_up = medians["1 tiny file, --scheduler local:2"] - medians["400 tiny files, --jobs 1"]
    per_unit = (medians["400 tiny files, --scheduler local:2"] - medians["1 tiny file, --scheduler local:2"]) / 399
    print(f"Dask (running cluster) / local processes: "
          f"{medians['--scheduler tcp:// (running, 2 workers)'] / medians['--jobs 2']:.2f}x")
    print(f"fixed start-up of a Dask run (importing distributed, starting a LocalCluster of 2): ~{start_up:.2f} s")
    print(f"Dask / local processes without that fixed start-up: "
          f"{(medians['--scheduler local:2'] - start_up) / medians['--jobs 2']:.2f}x")
    print(f"per-unit scheduling overhead: {per_unit * 1000:.1f} ms")


if __name__ == "__main__":
    main()
