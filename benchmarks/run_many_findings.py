"""Memory and time when findings are many: a log with a distinct iugu token on every line (the worst
case for folding: nothing folds), scanned to every format as a real process; peak RSS and CPU per
format, and per finding, against the same run of a baseline checkout (an earlier commit) when given.

    git worktree add /tmp/keyaudit-base <earlier commit>
    python benchmarks/run_many_findings.py [--mb 48] [--jobs 2] [--formats jsonl,json] [--baseline /tmp/keyaudit-base]

Run by hand, not in CI. Memory must stay flat as findings grow: compare --mb 12 with --mb 48.
"""

from __future__ import annotations

import argparse
import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from keyaudit.report import FORMATS

LINE = "2026-11-30T01:02:{second:02d}Z INFO GET https://api.iugu.com/v1/customers?api_token={token} 200 12ms\n"


def generate(path: Path, megabytes: int) -> int:
    """Write the log; the number of lines (each one a finding)."""
    lines = 0
    with path.open("w") as out:
        while out.tell() < megabytes << 20:
            out.write("".join(LINE.format(second=n % 60, token=secrets.token_hex(16)) for n in range(1000)))
            lines += 1000
    return lines


def measure(checkout: Path, log: Path, output_format: str, jobs: int, output: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS in MiB of one ``keyaudit scan`` process (its workers'
    peaks are their own; the largest is what the machine must hold at once)."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    # -P: the checkout named, not the working directory (the repository root, when run from it)
    command = [sys.executable, "-P", "-m", "keyaudit", "scan", str(log), "--format", output_format, "--jobs", str(jobs),
               "--output", str(output), "--quiet"]
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{checkout}: keyaudit exited {os.waitstatus_to_exitcode(status)} on --format {output_format}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=48, help="size of the generated log")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--baseline", type=Path, help="an earlier checkout to compare with, in the same run")
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated formats [default: all]")
    args = parser.parse_args()
    here = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "tokens.log"
        findings = generate(log, args.mb)
        print(f"{args.mb} MiB log, {findings} findings (a distinct token per line), --jobs {args.jobs}")
        print(f"{'format':<7} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9} {'KiB/finding':>12}"
              + (f" {'cpu vs base':>12} {'peak vs base':>13}" if args.baseline else ""))
        for output_format in args.formats.split(","):
            wall, cpu, peak = measure(here, log, output_format, args.jobs, Path(folder) / f"report.{output_format}")
            row = f"{output_format:<7} {wall:8.2f} {cpu:8.2f} {peak:9.1f} {peak * 1024 / findings:12.2f}"
            if args.baseline:
                _wall, base_cpu, base_peak = measure(args.baseline, log, output_format, args.jobs,
                                                     Path(folder) / f"base.{output_format}")
                row += f" {cpu / base_cpu:12.2f} {peak / base_peak:13.2f}"
            print(row, flush=True)


if __name__ == "__main__":
    main()
