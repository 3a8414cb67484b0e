"""CPU time against the number of named credentials on one line: calls that each pass a token under its name.

A minified bundle or a generated fixture writes many calls on one line (`call(a, b, token="<hex>") …`), each one
a hit of a named-credential rule whose context reads the hit's record: the whole line. A context pattern that
reads the rest of the record again from each occurrence of the name (two orders of two things written as
alternatives) costs each hit the line times the hits on it: that piece's time grew eightfold for twice the calls
(16, 32, 64 calls: 0.1, 0.95, 6.4 s on a busy machine). Each size is a file of ``n`` such calls on one line below
a line that imports the iugu SDK (the evidence that makes each call's token iugu's), scanned as a whole process
(``keyaudit scan --jobs 1``) at ``n``, 2n and 4n calls; the table shows the CPU seconds of each (the best of
``--rounds``: on a shared machine wall time measures the neighbours), the findings, the seconds past a scan of
the same file with no calls (the process's start, the rules' loading) and that work's ratio to the size
before's. Linear work keeps the ratio near 2 or below (before the fix: 0.22, 0.35, 1.24 s past base, 3.6 from 32
to 64 calls; after: 0.22, 0.22, 0.29). At the default the line stays under the 4 KiB a hit's record is read
within.

    python benchmarks/run_named_calls.py [--calls 16] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

CALL = 'foo_call(a, b, token="{token}")'


def write(folder: Path, calls: int) -> Path:
    """The file of ``calls`` calls on one line, each with its own fake token."""
    chance = random.Random(calls)
    path = folder / f"calls{calls}.py"
    line = " ".join(CALL.format(token=f"{chance.getrandbits(128):032x}") for _ in range(calls))
    path.write_text(f"import iugu\n{line}\n", encoding="utf-8")
    return path


def scan(path: Path, tree: str | None = None, cache: str | None = None) -> tuple[float, int]:
    """CPU seconds of one scan process (and its workers) and its findings: by this checkout, or the one at
    ``tree`` (with its engine cache at ``cache``)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    chosen = {"PYTHONPATH": tree or str(Path(__file__).resolve().parent.parent),
              **({"KEYAUDIT_CACHE_DIR": cache} if cache else {})}
    run = subprocess.run([sys.executable, "-P", "-m", "keyaudit", "scan", "--jobs", "1", "--format", "json",
                          str(path)], capture_output=True, text=True, env={**os.environ, **chosen}, cwd=path.parent)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode not in (0, 1):
        sys.exit(f"keyaudit exited {run.returncode}: {run.stderr.strip()[-500:]}")
    seconds = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, len(json.loads(run.stdout)["findings"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=16, help="calls on the line at the first size (then 2x, 4x)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        base = min(scan(write(Path(folder), 0))[0] for _ in range(args.rounds))
        previous = None
        print(f"{'calls':>6} {'cpu s':>8} {'findings':>9} {'past base':>10} {'ratio':>6}")
        for calls in (args.calls, 2 * args.calls, 4 * args.calls):
            path = write(Path(folder), calls)
            timings = [scan(path) for _ in range(args.rounds)]
            seconds, findings = min(timings)[0], timings[0][1]
            work = max(seconds - base, 0.001)
            ratio = "" if previous is None else f"{work / previous:6.1f}"
            print(f"{calls:>6} {seconds:8.2f} {findings:>9} {work:10.2f} {ratio:>6}")
            previous = work
    return 0


if __name__ == "__main__":
    sys.exit(main())
