"""Peak memory against line length: one line of N MB beside N MB of ordinary short lines.

For each size, two files with the same planted key are scanned as whole processes
(``keyaudit scan -q --jobs 1``): one single line of that size with the key in its middle, and the
baseline, the same bytes cut into 200-byte lines. The table shows seconds and peak RSS of each and
the single line's RSS as a ratio to the baseline's from the same run; memory is flat when the
ratio stays near 1 whatever the size. Each report is checked: the key found once, at its column.

With ``--dense`` the line is the worst case instead: records of provider calls, each with a key
and a provider URL, between records of a token under its name and no host (every host a rule's
context looks for on the line misses, and was looked for over the whole line), joined into one line (a minified page, a logger that never writes a newline),
against the same records a line each. Work per match must not grow with the line's length: the
time ratio stays near 1 whatever the size (it grew with the square of the matches on the line).

With ``--gated`` the line is read by a rule with a gate (``iugu-named-credential``: iugu must be named in the
buffer, or at the start of the long line it reads): one line of N MB holding a named token every 2 KB, below the
file's only iugu mention (each token is found: the line keeps the gate its start saw), and the same line with no
mention at all (none is: the gate shut, and the line's every buffer asked for it). Time per MB must stay flat.

    python benchmarks/run_long_lines.py /tmp/long-lines [--sizes 10 100 200] [--rounds 3]
    python benchmarks/run_long_lines.py /tmp/long-lines --dense [--sizes 1 4 16]
    python benchmarks/run_long_lines.py /tmp/long-lines --gated [--sizes 4 8 16]
"""

from __future__ import annotations

import argparse
import base64
import functools
import json
import os
import statistics
import sys
import uuid
from pathlib import Path
from typing import Callable, TypeVar

from run_throughput import Timing, run_once

SHORT_LINE_BYTES = 200
M = TypeVar("M")  # what one scan of a file measures


def fake_key() -> str:
    payload = f"{os.urandom(16).hex()}::{uuid.uuid4()}::$aach_{uuid.uuid4()}"
    return "$aact_prod_000" + base64.b64encode(payload.encode()).decode()


def write_inputs(folder: Path, megabytes: int) -> tuple[Path, Path, str]:
    """The single-line file and its short-line baseline, both ``megabytes`` MB with one key."""
    key = fake_key()
    planted = f" ASAAS_API_KEY={key} ".encode()
    half = megabytes * 500_000 - len(planted) // 2
    long_path, short_path = folder / f"line-{megabytes}mb.log", folder / f"short-{megabytes}mb.log"
    with long_path.open("wb") as out:
        out.write(b"q" * half + planted + b"q" * half + b"\n")
    filler = b"q" * (SHORT_LINE_BYTES - 1) + b"\n"
    with short_path.open("wb") as out:
        for _ in range(half // SHORT_LINE_BYTES):
            out.write(filler)
        out.write(planted + b"\n")
        for _ in range(half // SHORT_LINE_BYTES):
            out.write(filler)
    return long_path, short_path, key


def write_dense(folder: Path, megabytes: int) -> tuple[Path, Path, int]:
    """One line of provider-call and token records and the same records a line each; how many keys."""
    keys = [fake_key() for _ in range(20)]
    records, size = [], 0
    while size < megabytes * 1_000_000:
        if len(records) % 2:  # a token under its name, no host beside it: every host looked for misses
            records.append(f'{{"service":"billing","iugu_api_token":"{os.urandom(16).hex()}"}}')
        else:
            records.append(f'{{"method":"GET","url":"https://api.asaas.com/v3/customers?offset={len(records)}",'
                           f'"access_token":"{keys[len(records) % len(keys)]}"}}')
        size += len(records[-1]) + 1
    long_path, short_path = folder / f"dense-line-{megabytes}mb.log", folder / f"dense-short-{megabytes}mb.log"
    long_path.write_text(" ".join(records) + "\n")
    short_path.write_text("\n".join(records) + "\n")
    return long_path, short_path, len(records)


def write_gated(folder: Path, megabytes: int) -> tuple[Path, Path, int]:
    """One line of ``megabytes`` MB of records with a named token every 2 KB, below one iugu mention and with
    none; how many tokens."""
    pad = "x" * 1900
    records = [f'{{"job":{index},"pad":"{pad}","token":"{os.urandom(16).hex()}"}}'
               for index in range(megabytes * 1_000_000 // 1960)]
    line = " ".join(records) + "\n"
    mention = "2024-05-01T10:00:00Z INFO billing POST https://api.iugu.com/v1/invoices status=200\n"
    below, alone = folder / f"gated-below-{megabytes}mb.log", folder / f"gated-alone-{megabytes}mb.log"
    below.write_text(mention + line)
    alone.write_text("2024-05-01T10:00:00Z INFO billing started\n" + line)
    return below, alone, len(records)


def alternated(first: Path, second: Path, rounds: int, measure: Callable[[Path], M]) -> dict[Path, list[M]]:
    """``measure`` of each of two files, ``rounds`` times, which goes first alternating by round (the machine's
    drift falls on both alike)."""
    runs: dict[Path, list[M]] = {first: [], second: []}
    for round_index in range(rounds):
        for path in (first, second) if round_index % 2 == 0 else (second, first):
            runs[path].append(measure(path))
    return runs


def gated(folder: Path, sizes: list[int], rounds: int) -> None:
    print(f"{'line MB':>8} {'tokens':>8} {'below s':>8} {'s/MB':>6} {'found':>6} "
          f"{'alone s':>8} {'s/MB':>6} {'found':>6}")
    for megabytes in sizes:
        below, alone, tokens = write_gated(folder, megabytes)
        runs = alternated(below, alone, rounds, sightings)
        seconds = {path: statistics.median(s for s, _, _ in results) for path, results in runs.items()}
        found = {path: results[0][2] for path, results in runs.items()}
        if found[below] < tokens * 0.99 or found[alone] != 0:  # (the hex validator turns down a rare random one)
            raise SystemExit(f"{megabytes} MB: {found[below]} of {tokens} tokens found below the mention, "
                             f"{found[alone]} without one (0 expected)")
        print(f"{megabytes:>8} {tokens:>8} {seconds[below]:>8.2f} {seconds[below] / megabytes:>6.3f} "
              f"{found[below]:>6} {seconds[alone]:>8.2f} {seconds[alone] / megabytes:>6.3f} {found[alone]:>6}")
        below.unlink()
        alone.unlink()


def scanned(path: Path) -> tuple[Timing, list[dict]]:
    """One whole-process scan of ``path`` and the findings of its JSON report."""
    report = path.with_suffix(".json")
    timing = run_once([sys.executable, "-m", "keyaudit", "scan", "-q", "--jobs", "1", "--format", "json",
                       "--output", str(report), str(path)])
    return timing, json.loads(report.read_text())["findings"]


def sightings(path: Path) -> tuple[float, int, int]:
    """CPU seconds, peak RSS (KiB) and the key sightings a scan of ``path`` reports."""
    timing, findings = scanned(path)
    return timing.cpu, timing.rss, sum(f["occurrences"]["count"] for f in findings if f["category"] == "access-token")


def dense(folder: Path, sizes: list[int], rounds: int) -> None:
    print(f"{'line MB':>8} {'keys':>8} {'one line s':>11} {'lines s':>8} {'time ratio':>11} {'RSS ratio':>10}")
    for megabytes in sizes:
        long_path, short_path, keys = write_dense(folder, megabytes)
        runs = alternated(long_path, short_path, rounds, sightings)
        for path, results in runs.items():
            if any(found != keys for _, _, found in results):
                raise SystemExit(f"{path}: {[found for _, _, found in results]} sightings reported, not {keys}")
        seconds = {path: statistics.median(s for s, _, _ in results) for path, results in runs.items()}
        rss = {path: max(r for _, r, _ in results) for path, results in runs.items()}
        print(f"{megabytes:>8} {keys:>8} {seconds[long_path]:>11.2f} {seconds[short_path]:>8.2f} "
              f"{seconds[long_path] / seconds[short_path]:>11.2f} {rss[long_path] / rss[short_path]:>10.2f}")
        long_path.unlink()
        short_path.unlink()


def expected_column(path: Path, key: str) -> tuple[int, int]:
    """(line, column) of ``key`` in ``path``: every byte before it is one ASCII character."""
    data = path.read_bytes()
    offset = data.index(key.encode())
    return data.count(b"\n", 0, offset) + 1, offset - (data.rfind(b"\n", 0, offset) + 1) + 1


def scan(path: Path, key: str) -> tuple[float, int]:
    """CPU seconds and peak RSS (KiB) of one scan, after checking its report places the key."""
    timing, findings = scanned(path)
    places = [(f["location"]["line"], f["location"]["column"]) for f in findings]
    if places != [expected_column(path, key)]:
        raise SystemExit(f"{path}: the key was reported at {places}, not at {expected_column(path, key)}")
    return timing.cpu, timing.rss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="where the inputs are written (a few hundred MB)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 200], metavar="MB")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--dense", action="store_true", help="one line of many keys and provider URLs")
    parser.add_argument("--gated", action="store_true", help="one line of named tokens below one iugu mention")
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    if args.dense or args.gated:
        (dense if args.dense else gated)(args.folder, args.sizes, args.rounds)
        return
    print(f"{'line MB':>8} {'one line s':>11} {'RSS MB':>8} {'short lines s':>14} {'RSS MB':>8} {'RSS ratio':>10}")
    for megabytes in args.sizes:
        long_path, short_path, key = write_inputs(args.folder, megabytes)
        runs = alternated(long_path, short_path, args.rounds, functools.partial(scan, key=key))
        seconds = {path: statistics.median(s for s, _ in results) for path, results in runs.items()}
        rss = {path: max(r for _, r in results) / 1024 for path, results in runs.items()}
        print(f"{megabytes:>8} {seconds[long_path]:>11.2f} {rss[long_path]:>8.1f} {seconds[short_path]:>14.2f} "
              f"{rss[short_path]:>8.1f} {rss[long_path] / rss[short_path]:>10.2f}")
        long_path.unlink()
        short_path.unlink()


if __name__ == "__main__":
    main()
