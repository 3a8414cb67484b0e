"""Whole scans of logs whose every line is a provider request with a token, against another commit.

Issue 14 asks that a log where every record is a provider request be scanned at 50 MB/s or more.
A log of one-line requests with no blank line (``POST https://api.iugu.com/x token=<32 hex>``) is
one record of many lines to the context judge (a paragraph), so each hit's record is the whole
window around it (~8 KB), and its rule's record-scope pieces of unknown reach — "the record holds a
charge request and a bare ``token``" (``\\G`` and lookaheads), a YAML block named for another product
(a backreference) — were each searched over it: a millisecond a hit per piece, 26 KB/s, time
growing faster than the lines. They are now answered by the pieces they need, found once per
buffer (``keyaudit/rulebook/pattern_factors.py``, ``keyaudit/engine/span_search.py``).

For each size: ``scan --jobs 1 --format json`` as a child process with this tree's code and with
``--base``'s (its files, from ``git archive``; CPU seconds, start-up included; the best of
``--rounds``), seconds per 1,000 lines (flat when the time grows as the lines do), MB/s, the
same-run ratio, and both finding counts (the same, or the change lost or made one). Run by hand,
not in CI, from a clone:

    python benchmarks/run_request_lines.py [--lines 2000 4000 8000 20000] [--base main] [--rounds 1]

Measured on a 2-core machine shared with other work (load average ~15, 2026-12-06, ``--base main``
the commit before the change, ``--rounds 1``; CPU seconds):

======  ====  =====  ======  ====  ======  =====  ========  =====
lines   MB    CPU s  s/1000  MB/s  base s  ratio  findings  base
======  ====  =====  ======  ====  ======  =====  ========  =====
2000    0.13  2.93   1.466   0.05  6.41    0.46   2000      2000
4000    0.27  5.10   1.274   0.05  11.56   0.44   4000      4000
8000    0.54  8.84   1.106   0.06  21.81   0.41   8000      8000
20000   1.34  31.61  1.580   0.04  78.81   0.40   20000     20000
======  ====  =====  ======  ====  ======  =====  ========  =====

The context's pieces of unknown reach now cost a few searches of the buffer a hit; what is left is
per finding outside the context judge (the request reader's pass over each record, the report), far
from issue 14's 50 MB/s, and the 20,000-line log still costs more a line than the smaller ones (both
commits alike: the base's s/1000 goes 3.2, 2.9, 2.7, 3.9).

``--shape pretty`` writes the requests as records pretty-printed in one array (``JSON.stringify(batch, null, 2)``),
a token in each, some 12 lines apart. A member of such a record reads the objects around it up to a record's bound
(:data:`keyaudit.inputs.captures.json_blocks.MAX_RECORD_LINES`) above: walked from each anchor, that passed over the
same records above it again and again (a dense array of records 1.8x the CPU of a reach of a request's span); the
runs of lines passed over are now kept per text and jumped over (``keyaudit/inputs/captures/enclosing.py``).
Measured so (load average ~9, 2026-12-07, ``--rounds 1``, ``--base`` the commit before, 93853f04; CPU seconds):

======  ====  =====  ======  =====  ========  =====
lines   MB    CPU s  base s  ratio  findings  base
======  ====  =====  ======  =====  ========  =====
20000   0.45  4.94   5.75    0.86   3332      3332
90000   2.05  22.42  24.91   0.90   15000     15000
======  ====  =====  ======  =====  ========  =====
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

REPOSITORY = Path(__file__).resolve().parent.parent


def write_log(path: Path, lines: int, seed: int) -> None:
    """``lines`` one-line iugu requests, each with a token of 32 hex digits, no blank line."""
    rng = random.Random(seed)
    with path.open("w") as out:
        for _ in range(lines):
            out.write(f"POST https://api.iugu.com/x token={rng.randbytes(16).hex()}\n")


def write_pretty(path: Path, lines: int, seed: int) -> None:
    """About ``lines`` lines of iugu transfer records pretty-printed in one array (``JSON.stringify(batch, null, 2)``),
    each with a token of 32 hex digits: an anchor every few lines, each inside a record of its own."""
    rng = random.Random(seed)
    record = {"msg": "request sent", "method": "POST", "url": "https://api.iugu.com/v1/transfers",
              "headers": {"Content-Type": "application/json"}, "data": {"api_token": "", "amount_cents": 1050}}
    count = max(1, lines // len(json.dumps(record, indent=2).splitlines()))
    records = [{**record, "data": {**record["data"], "api_token": rng.randbytes(16).hex()}} for _ in range(count)]
    path.write_text(json.dumps(records, indent=2) + "\n")


SHAPES = {"lines": write_log, "pretty": write_pretty}


def scan(tree: Path, path: Path, cache: Path) -> tuple[float, int]:
    """CPU seconds of a whole scan of ``path`` with ``tree``'s code, and its findings."""
    env = {**os.environ, "PYTHONPATH": str(tree), "KEYAUDIT_CACHE_DIR": str(cache)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-m", "keyaudit", "scan", "--jobs", "1", "--format", "json", str(path)],
                          env=env, cwd=path.parent, capture_output=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        sys.exit(f"{path.name}: scan failed ({done.returncode}): {done.stderr.decode()[-400:]}")
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, len(json.loads(done.stdout)["findings"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, nargs="+", default=[2000, 4000, 8000, 20000])
    parser.add_argument("--base", default="main", help="the commit to compare with")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--shape", choices=SHAPES, default="lines",
                        help="one-line requests, or records pretty-printed in an array (an anchor in each)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch) / "base"
        base.mkdir()
        archive = subprocess.run(["git", "-C", str(REPOSITORY), "archive", "--format=tar", args.base],
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
        print(f"{'lines':>6s} {'MB':>5s} {'CPU s':>7s} {'s/1000':>7s} {'MB/s':>6s} {'base s':>7s} "
              f"{'ratio':>6s} {'findings':>8s} {'base':>6s}")
        warm = Path(scratch) / "warm.log"
        write_log(warm, 1, seed=0)
        trees = {"this": REPOSITORY, "base": base}
        for name, tree in trees.items():  # the rules' cache filled (Hyperscan's databases compiled) first
            scan(tree, warm, Path(scratch) / f"cache-{name}")
        for lines in args.lines:
            path = Path(scratch) / f"request-{args.shape}-{lines}.log"
            SHAPES[args.shape](path, lines, seed=lines)
            size = path.stat().st_size / 1e6
            timed = {}
            for name, tree in trees.items():
                runs = [scan(tree, path, Path(scratch) / f"cache-{name}") for _ in range(args.rounds)]
                timed[name] = min(runs, key=lambda run: run[0])
            (spent, found), (before, found_before) = timed["this"], timed["base"]
            print(f"{lines:6d} {size:5.2f} {spent:7.2f} {1000 * spent / lines:7.3f} {size / spent:6.2f} "
                  f"{before:7.2f} {spent / before:6.2f} {found:8d} {found_before:6d}")


if __name__ == "__main__":
    main()
