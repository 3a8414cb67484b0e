"""Peak memory against the number of request anchors in one file: it must not grow with them.

Every line that names a provider's host is an anchor, and the engine marks a window of lines
around it for the request readers. A service that logs each outbound call (a curl command, a JSON
request record, a client's debug dump of request line and headers) writes one or more anchors a
call; a nightly job meets such files by the gigabyte. Here every call is a read (a customer list,
an invoice query) with its credential masked, as most clients log it: nothing to report, so what
a scan holds is its windows, not its findings.

For each count of calls, three files are written and scanned as whole processes (``keyaudit scan
--jobs 1``, CPU seconds and peak RSS by GNU time, the median and the maximum of ``--rounds``):
``commands``, each call a curl command between two ordinary application lines (each window stands
alone, and is read as the pass leaves it behind); ``mixed``, the three shapes between such lines (a
dump's window reaches a request's span on past its first line: the windows chain through the
file); ``dense``, the three shapes back to back (one window of the whole file). The table
shows each file's RSS and its ratio to the smallest count's RSS of the same layout from the same
run: memory is bounded when that ratio stays near 1 as the count grows. With ``--vs TREE``, the
same files are scanned by the checkout at ``TREE`` too (a previous commit) and the ratio of this
tree's RSS to it is shown. With ``--gzip``, each file is written gzip-compressed, as a nightly job
meets its rotated logs: a stream that cannot be read again at its windows, whose windows keep their
lines as the pass reads them. Each report is checked: no finding, no error.

    python benchmarks/run_anchor_memory.py /tmp/anchors [--calls 25000 100000 200000] [--rounds 1] [--gzip] [--vs /path/to/checkout]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import statistics
import sys
from pathlib import Path

from run_throughput import Timing, run_once

LAYOUTS = ("commands", "mixed", "dense")
READS = ["https://api.asaas.com/v3/customers?offset={n}&limit=10", "https://api.iugu.com/v1/invoices?start={n}",
         "https://sandbox.asaas.com/api/v3/payments?status=PENDING&offset={n}"]


def call(rng: random.Random, number: int, commands: bool) -> list[str]:
    """One logged read, in one of three shapes (a curl command, a JSON request record, a debug
    dump of the request line and its headers; a curl command only, with ``commands``), its
    credential masked."""
    url = rng.choice(READS).format(n=number)
    stamp = f"2026-11-22T10:{number // 60 % 60:02d}:{number % 60:02d}.{number % 1000:03d}Z"
    shape = 0 if commands else number % 3
    if shape == 0:
        return [f"{stamp} INFO sync-{number} curl -s '{url}' -H 'access_token: ****' -H 'accept: application/json'"]
    if shape == 1:
        return [json.dumps({"ts": stamp, "level": "info", "msg": "outbound call", "http": {
            "method": "GET", "url": url, "headers": {"Authorization": "Basic ****", "Accept": "application/json"}}})]
    return [f"{stamp} DEBUG okhttp3.OkHttpClient : --> GET {url}", f"{stamp} DEBUG okhttp3.OkHttpClient : access_token: ██",
            f"{stamp} DEBUG okhttp3.OkHttpClient : Accept: application/json",
            f"{stamp} DEBUG okhttp3.OkHttpClient : --> END GET"]


def write(path: Path, calls: int, layout: str) -> None:
    """``calls`` logged reads in ``layout`` (see the module's doc)."""
    rng = random.Random(calls)
    with (gzip.open(path, "wt", encoding="utf-8", compresslevel=1) if path.suffix == ".gz"
          else path.open("w", encoding="utf-8")) as out:
        for number in range(calls):
            out.write("\n".join(call(rng, number, layout == "commands")) + "\n")
            if layout != "dense":
                out.write(f"2026-11-22T10:00:00Z INFO worker-{rng.randrange(64)} job {rng.getrandbits(64):x} done\n"
                          f"2026-11-22T10:00:00Z DEBUG cache miss for order {number}\n")


def report_of(path: Path) -> Path:
    """Where the report of the scan of ``path`` is written (beside it, ``.log`` or ``.log.gz`` as ``.json``)."""
    return path.with_name(path.name.split(".")[0] + ".json")


def scanned(path: Path, tree: str) -> Timing:
    """One whole-process scan of ``path`` by the checkout at ``tree``, its report checked."""
    report = report_of(path)
    # -P: the checkout named, not the working directory (the repository root, when run from it)
    command = ["env", f"PYTHONPATH={tree}", sys.executable, "-P", "-m", "keyaudit", "scan", "-q", "--jobs", "1",
               "--format", "json", "--output", str(report), str(path)]
    timing = run_once(command)
    found = json.loads(report.read_text())
    if found["findings"] or found["errors"]:
        raise SystemExit(f"{path} ({tree}): {len(found['findings'])} findings, {len(found['errors'])} errors, not none")
    return timing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--calls", type=int, nargs="+", default=[25_000, 100_000, 200_000])
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--vs", metavar="TREE", help="a checkout of keyaudit to compare with (a previous commit)")
    parser.add_argument("--gzip", action="store_true", help="write each file gzip-compressed")
    arguments = parser.parse_args()
    arguments.folder.mkdir(parents=True, exist_ok=True)
    ours = str(Path(__file__).resolve().parent.parent)
    trees = [ours, *([os.path.abspath(arguments.vs)] if arguments.vs else [])]
    print(f"{'layout':>7} {'calls':>8} {'MB':>6} {'CPU s':>7} {'RSS MB':>7} {'/ first':>8}"
          + (f" {'vs CPU s':>9} {'vs RSS MB':>10} {'RSS ratio':>10}" if arguments.vs else ""))
    for layout in LAYOUTS:
        first: float | None = None
        for calls in sorted(arguments.calls):
            path = arguments.folder / f"{layout}-{calls}.log{'.gz' if arguments.gzip else ''}"
            write(path, calls, layout)
            runs: dict[str, list[Timing]] = {tree: [] for tree in trees}
            for round_index in range(arguments.rounds):
                for tree in trees if round_index % 2 == 0 else trees[::-1]:
                    runs[tree].append(scanned(path, tree))
            cpu = {tree: statistics.median(timing.cpu for timing in timings) for tree, timings in runs.items()}
            rss = {tree: max(timing.rss for timing in timings) / 1024 for tree, timings in runs.items()}
            first = first or rss[ours]
            line = (f"{layout:>7} {calls:>8} {path.stat().st_size / 1e6:>6.1f} {cpu[ours]:>7.2f} {rss[ours]:>7.0f} "
                    f"{rss[ours] / first:>8.2f}")
            if arguments.vs:
                other = trees[1]
                line += f" {cpu[other]:>9.2f} {rss[other]:>10.0f} {rss[ours] / rss[other]:>10.2f}"
            print(line, flush=True)
            path.unlink()
            report_of(path).unlink()


if __name__ == "__main__":
    main()
