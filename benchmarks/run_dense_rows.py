"""Whole scans of logs where every row names the provider beside a token, against the engine's pass alone.

Issue 14 asks that a log where every record is a provider's be scanned at 50 MB/s or more. The
worst such log is one whose every row is a finding (``generate_logs.py --provider-rows``: an audit
CSV of ``iugu,<token>,…`` rows, a ``iugu token=…`` log, JSON call records): each hit's context is
checked (its line, its record, the text around it), and a check that reads kilobytes a hit costs
megabytes a megabyte. For each shape and size, each engine (Hyperscan where it is installed, and
the portable ``regex`` one, chosen as ``tests/engine/test_without_hyperscan.py`` chooses it):
``scan --jobs 1 --format json`` as a child process (its CPU seconds, start-up included; the best
of ``--rounds``), its MB/s, its findings and the rules the time budget stopped (``errors``), and
the ratio to the same engine's pass alone over the same bytes in this process (the matcher's
``match`` over each MiB: what the scan cannot do without). Run by hand, not in CI:

    python benchmarks/run_dense_rows.py [--megabytes 1 5] [--rounds 2] [--out DIR]

Measured on a 2-core machine shared with other work (2026-12-05, ``--megabytes 1 --rounds 1``,
CPU seconds, start-up of ~0.4 s included), after context scopes were searched once per buffer
(``keyaudit/engine/span_search.py``); the commit before took 9.2 s (Hyperscan) and 9.7 s
(regex) on the audit CSV, the same on the other two shapes:

================================  =========  =====  ====  ======  =====  ========
log                               engine     CPU s  MB/s  pass s  ratio  findings
================================  =========  =====  ====  ======  =====  ========
audit CSV (``iugu,<token>,…``)    hyperscan  5.33   0.20  0.378   14.1   20000
audit CSV                         regex      5.59   0.19  0.767   7.3    20000
``iugu token=…`` log              hyperscan  2.51   0.44  0.174   14.4   10000
``iugu token=…`` log              regex      3.17   0.35  0.736   4.3    10000
JSON call records                 hyperscan  1.36   0.79  0.184   7.4    8000
JSON call records                 regex      1.98   0.54  0.701   2.8    8000
================================  =========  =====  ====  ======  =====  ========

No rule was stopped by the time budget, before or after. Issue 14's 50 MB/s is out of reach where
every row is a finding: what is left is per finding (its record's bounds, the budget's clock, the
findings' spool and report), not per byte.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generate_logs import write_provider_rows
from keyaudit.engine.regex_engine import RegexMatcher
from keyaudit.rulebook.loader import load_rules

CHUNK = 1 << 20
STOPPED = re.compile(r"rule '([^']+)' (?:ran out of time|was not run)")  # a rule the budget stopped, in errors
BLOCKER = 'raise ModuleNotFoundError("No module named \'hyperscan\' (made unavailable)", name="hyperscan")\n'


def engines(blocked: Path) -> dict[str, dict[str, str]]:
    """The environments of the engines to time: each child's PYTHONPATH."""
    path = os.environ.get("PYTHONPATH", "")
    chosen = {"regex": {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(blocked), path]))}}
    try:
        import hyperscan  # noqa: F401
    except ImportError:
        return chosen
    return {"hyperscan": dict(os.environ), **chosen}


def scan(path: Path, env: dict[str, str]) -> tuple[float, dict]:
    """CPU seconds of a whole scan of ``path`` in a child process, and its report."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-m", "keyaudit", "scan", "--jobs", "1", "--format", "json", str(path)],
                          env=env, capture_output=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        sys.exit(f"{path.name}: scan failed ({done.returncode}): {done.stderr.decode()[-400:]}")
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, json.loads(done.stdout)


def engine_pass(path: Path, engine: str) -> float:
    """CPU seconds of the engine's pass alone over ``path``, a MiB at a time."""
    rules = load_rules()
    if engine == "hyperscan":
        from keyaudit.engine.hyperscan_engine import HyperscanMatcher

        matcher: object = HyperscanMatcher(rules)
    else:
        matcher = RegexMatcher(rules)
    data = path.read_bytes()
    started = time.process_time()
    for offset in range(0, len(data), CHUNK):
        matcher.match(data[offset : offset + CHUNK], True)  # type: ignore[attr-defined]
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, nargs="+", default=[1, 5])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--out", type=Path, default=None, help="where the logs are written (a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        out = args.out or Path(scratch)
        blocked = Path(scratch) / "blocked"
        blocked.mkdir()
        (blocked / "hyperscan.py").write_text(BLOCKER)
        print(f"{'log':36s} {'engine':9s} {'MB':>5s} {'CPU s':>7s} {'MB/s':>6s} {'pass s':>7s} {'ratio':>6s} "
              f"{'findings':>8s}  stopped by the budget")
        for megabytes in args.megabytes:
            for path in write_provider_rows(out, megabytes, seed=7):
                size = path.stat().st_size / 1e6
                for engine, env in engines(blocked).items():
                    runs = [scan(path, env) for _ in range(args.rounds)]
                    spent, report = min(runs, key=lambda run: run[0])
                    alone = engine_pass(path, engine)
                    stopped = sorted({found[1] for error in report.get("errors", [])
                                      if (found := STOPPED.search(json.dumps(error)))})
                    print(f"{path.name[:36]:36s} {engine:9s} {size:5.1f} {spent:7.2f} {size / spent:6.2f} "
                          f"{alone:7.3f} {spent / max(alone, 1e-6):6.1f} {len(report['findings']):8d}  "
                          f"{', '.join(stopped) or '-'}")


if __name__ == "__main__":
    main()
