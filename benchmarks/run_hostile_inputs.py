"""Whole-scan cost against input size on hostile files: CPU seconds and peak memory of ``keyaudit scan``.

Each case is a file built to make one part of the scan grow faster than its input, or hold memory in proportion to
it: a curl command of thousands of backslash-continued header lines (each line's continuation marker once read
the lines ahead of it), one key written thousands of times on one line (each sighting held as a finding until the
line ended), a gzip file of many members with every other one damaged (each damage read past at the next member).
Every case is scanned as a separate process at a size and at ``--growth`` times that size; the table shows the
CPU seconds (user + system, the best of ``--runs``) and the peak RSS of each. Work that grows with the input keeps
the CPU ratio near ``--growth``; memory bounded per line or per member keeps the RSS ratio near 1. The run exits 1
when a case's CPU ratio passes ``growth ** 1.5`` or its RSS ratio passes 1.5.

    python benchmarks/run_hostile_inputs.py [--size 4000] [--growth 4] [--runs 2]
"""

from __future__ import annotations

import argparse
import gzip
import os
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

TOKEN = secrets.token_hex(16)  # an iugu API token's shape: a finding wherever it follows api_token=
LEAK = f"GET https://api.iugu.com/v1/customers?api_token={TOKEN}"
URL = "https://api.asaas.com/v3/transfers"


def _curl(n: int) -> bytes:
    return (f"curl -X POST {URL} \\\n" + "".join(f"  -H 'X-H{i}: v' \\\n" for i in range(n)) + "  -d '{}'\n").encode()


def _repeated(n: int) -> bytes:
    return (f"{LEAK} " * (n * 2) + "\n").encode()


def _damaged_members(n: int) -> bytes:
    good = gzip.compress(f"{LEAK}\n".encode(), mtime=0)
    bad = bytearray(gzip.compress(os.urandom(2000).hex().encode(), mtime=0))
    bad[len(bad) // 2] ^= 0xFF
    return (good + bytes(bad)) * (n // 100)


CASES: dict[str, tuple[str, Callable[[int], bytes]]] = {
    "curl command, continued header lines": ("command.sh", _curl),
    "one key repeated along one line": ("repeated.log", _repeated),
    "gzip members, every other one damaged": ("members.log.gz", _damaged_members),
}


def cost(path: Path) -> tuple[float, int]:
    """CPU seconds and peak RSS (KiB) of one scan of ``path`` in a process of its own."""
    process = subprocess.Popen([sys.executable, "-m", "keyaudit", "scan", "--format", "json", "--jobs", "1",
                                str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=4000, help="lines, sightings or members of the smaller input")
    parser.add_argument("--growth", type=int, default=4, help="how many times larger the larger input is")
    parser.add_argument("--runs", type=int, default=2, help="scans of each input (the best is shown)")
    args = parser.parse_args()
    limit, failed = args.growth ** 1.5, False
    print(f"{'case':<40} {'small CPU s':>11} {'large CPU s':>11} {'ratio':>6} {'small MiB':>9} {'large MiB':>9}")
    with tempfile.TemporaryDirectory() as folder:
        for name, (file_name, build) in CASES.items():
            figures = []
            for size in (args.size, args.size * args.growth):
                path = Path(folder) / file_name
                path.write_bytes(build(size))
                runs = [cost(path) for _ in range(args.runs)]
                figures.append((min(cpu for cpu, _ in runs), min(rss for _, rss in runs)))
            (small, small_rss), (large, large_rss) = figures
            ratio, grown = large / max(small, 1e-6), large_rss / max(small_rss, 1)
            bad = ratio > limit or grown > 1.5
            failed |= bad
            print(f"{name:<40} {small:>11.2f} {large:>11.2f} {ratio:>6.1f} {small_rss / 1024:>9.0f} "
                  f"{large_rss / 1024:>9.0f}{'  grows too fast' if bad else ''}")
    print(f"\nlinear work keeps the CPU ratio near {args.growth} (above {limit:.0f}: faster than the input); "
          "bounded memory keeps the peak near the small input's")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
