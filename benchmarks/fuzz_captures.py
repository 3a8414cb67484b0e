"""A long fuzzing run of the capture readers: the suite's fuzz tests with many more examples.

The suite runs ``tests/inputs/test_capture_fuzz.py`` with a few dozen examples per test (seconds);
this runs the same tests with ``--examples`` each (10,000 by default: curl, JSON request logs,
HTTP dumps, HAR entries), in one pytest process, and prints how many examples each test ran,
how long it took, and whether every property held. Run by hand, not in CI:

    python benchmarks/fuzz_captures.py [--examples 10000]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TESTS = REPO / "tests" / "inputs" / "test_capture_fuzz.py"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000, help="examples per test")
    args = parser.parse_args()
    env = {**os.environ, "KEYAUDIT_FUZZ_EXAMPLES": str(args.examples)}
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--hypothesis-show-statistics",
                          str(TESTS)], cwd=REPO, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    tests = re.findall(r"^tests/\S+::(\S+):\s*$", run.stdout, re.M)
    passing = [int(n) for n in re.findall(r"(\d+) passing, \d+ failing", run.stdout)]
    print(f"{'test':<85} {'passing examples':>17}")
    for name, count in zip(tests, passing):
        print(f"{name:<85} {count:>17}")
    print(f"\n{sum(passing)} passing examples in {elapsed:.0f} s; pytest said: {run.stdout.strip().splitlines()[-1]}")
    if run.returncode != 0:
        print(run.stdout[-6000:], run.stderr[-2000:], sep="\n")
        raise SystemExit(run.returncode)


if __name__ == "__main__":
    main()
