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

``--shape names`` writes each token on a line of its own under a name of its own (``token7 = "<hex>"``: a module
of constants), ``--shape flows`` each under its own name passed to the SDK as well (``client7 =
iugu.Iugu(api_key7)``). A context piece that follows the name (``Iugu({name})``) was compiled once for each
distinct name, some pieces kilobytes of gateway words: at 250, 500 and 1,000 names (CPU seconds, a busy machine)
constants took 5.4, 10.8 and 22.6 s, flows 5.8, 11.6 and 23.8 s. Each flow is now looked for with any name first
and a name's own pattern compiled only where that cannot tell: constants 1.4, 1.9 and 3.0 s, flows 2.5, 4.8 and
10.7 s (a name that flows still costs its own pattern).

    python benchmarks/run_named_calls.py [--calls 16] [--rounds 3] [--shape line|names|flows]
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
CONSTANT = 'token{index} = "{token}"\n'
FLOW = 'api_key{index} = "{token}"\nclient{index} = iugu.Iugu(api_key{index})\n'


def write(folder: Path, calls: int, shape: str = "line") -> Path:
    """The file of ``calls`` calls on one line (or names on lines of their own), each with its own fake token."""
    chance = random.Random(calls)
    path = folder / f"calls{calls}.py"
    tokens = [f"{chance.getrandbits(128):032x}" for _ in range(calls)]
    if shape == "line":
        text = " ".join(CALL.format(token=token) for token in tokens) + "\n"
    else:
        text = "".join((CONSTANT if shape == "names" else FLOW).format(index=index, token=token)
                       for index, token in enumerate(tokens))
    path.write_text(f"import iugu\n{text}", encoding="utf-8")
    return path


def scan(path: Path) -> tuple[float, int]:
    """CPU seconds of one scan process (and its workers) and its findings."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run = subprocess.run([sys.executable, "-m", "keyaudit", "scan", "--jobs", "1", "--format", "json", str(path)],
                         capture_output=True, text=True, env={**os.environ})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode not in (0, 1):
        sys.exit(f"keyaudit exited {run.returncode}: {run.stderr.strip()[-500:]}")
    seconds = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, len(json.loads(run.stdout)["findings"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=16, help="calls on the line at the first size (then 2x, 4x)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--shape", choices=("line", "names", "flows"), default="line",
                        help="calls on one line, or each token under a name of its own (flowing to the SDK)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        base = min(scan(write(Path(folder), 0, args.shape))[0] for _ in range(args.rounds))
        previous = None
        print(f"{'calls':>6} {'cpu s':>8} {'findings':>9} {'past base':>10} {'ratio':>6}")
        for calls in (args.calls, 2 * args.calls, 4 * args.calls):
            path = write(Path(folder), calls, args.shape)
            timings = [scan(path) for _ in range(args.rounds)]
            seconds, findings = min(timings)[0], timings[0][1]
            work = max(seconds - base, 0.001)
            ratio = "" if previous is None else f"{work / previous:6.1f}"
            print(f"{calls:>6} {seconds:8.2f} {findings:>9} {work:10.2f} {ratio:>6}")
            previous = work
    return 0


if __name__ == "__main__":
    sys.exit(main())
