"""What joining keys a logger cut into records costs (the ``wrapped line`` decoding layer), against the
same text with nothing to join.

Three logs, each scanned as a whole process (``keyaudit scan --jobs 1``) beside its baseline, the same
bytes written so that no line is cut (each key whole on its line), in alternating order:

- ``logcat``: ihsanbal's LoggingInterceptor through logcat, every request's ``access_token`` header cut
  into records of 110 characters (every key is joined; the report must show every one, once);
- ``keys at line ends``: a configuration dump, a key at the end of every other line and a line of the
  same prefix after it (every key's line is looked at for a join, and none joins into a key);
- ``cut-looking runs``: the worst case written for the layer, lines of one prefix each ending in
  ``aact_`` and a run of random base64 of random width (every line a two-line spot, decoded and scanned,
  none a key).

Prints CPU seconds (medians) and each log's ratio to its baseline in the same run, and checks that the
wrapped log's findings (rule and secret length) are its baseline's. Run by hand, not in CI:

    python benchmarks/run_wrapped_lines.py /tmp/wrapped [--records 5000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
from pathlib import Path

from generate_logs import fake_asaas_key
from run_throughput import run_once

LOGCAT = "11-22 13:00:{second:02d}.{milli:03d}  4242  4311 I LoggingI: "
CONFIG = "2026-11-22 10:00:{second:02d}.{milli:03d} INFO 1 --- [main] c.e.Config : "
BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def _cut(prefix: str, line: str, width: int) -> list[str]:
    return [prefix + line[start : start + width] for start in range(0, len(line), width)]


def logcat(rng: random.Random, records: int, wrapped: bool) -> list[str]:
    out: list[str] = []
    for _ in range(records):
        prefix = LOGCAT.format(second=rng.randrange(60), milli=rng.randrange(1000)) + "│ "
        header = f"access_token: {fake_asaas_key(rng)}"
        out += [prefix + "URL: https://api.asaas.com/v3/payments", prefix + "Method: @GET", prefix + "Headers:",
                *(_cut(prefix, header, 110) if wrapped else [prefix + header]), prefix + "User-Agent: shop/2.3"]
    return out


def keys_at_line_ends(rng: random.Random, records: int, wrapped: bool) -> list[str]:
    out: list[str] = []
    for _ in range(records):
        prefix = CONFIG.format(second=rng.randrange(60), milli=rng.randrange(1000))
        key_line = prefix + f"asaas.key={fake_asaas_key(rng)}"
        out += [key_line if wrapped else key_line + " (loaded)", prefix + "settings loaded from environment"]
    return out


def cut_looking_runs(rng: random.Random, records: int, wrapped: bool) -> list[str]:
    out = []
    for _ in range(records):
        run = "".join(rng.choice(BASE64) for _ in range(rng.randint(60, 120)))
        prefix = CONFIG.format(second=rng.randrange(60), milli=rng.randrange(1000))
        out.append(prefix + f"token=aact_{run}" + ("" if wrapped else " ."))
    return out


LOGS = {"logcat": logcat, "keys at line ends": keys_at_line_ends, "cut-looking runs": cut_looking_runs}


def _findings(report: Path) -> list[tuple[str, int]]:
    """The rule and the secret's length of each finding in a JSON report (the scan timed last)."""
    found = json.loads(report.read_text())["findings"]
    return sorted((f["rule_id"], (f.get("secret") or {}).get("length", 0)) for f in found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--records", type=int, default=5_000, help="requests, keys or runs in each log")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    print(f"{'log':<20} {'MB':>6} {'wrapped s':>10} {'whole s':>9} {'ratio':>6} findings")
    for name, make in LOGS.items():
        paths = {}
        for wrapped in (True, False):
            path = args.folder / f"{name.replace(' ', '-')}{'' if wrapped else '-whole'}.log"
            path.write_text("\n".join(make(random.Random(7), args.records, wrapped)) + "\n")
            paths[wrapped] = path
        times: dict[bool, list[float]] = {True: [], False: []}
        for _ in range(args.rounds):
            for wrapped in (True, False):
                report = paths[wrapped].with_suffix(".json")
                command = [sys.executable, "-m", "keyaudit", "scan", "--jobs", "1", "--format", "json",
                           "--output", str(report), str(paths[wrapped])]
                times[wrapped].append(run_once(command).cpu)
        kinds = {wrapped: _findings(paths[wrapped].with_suffix(".json")) for wrapped in (True, False)}
        same = "same as whole" if kinds[True] == kinds[False] else f"DIFFER: {len(kinds[True])} against {len(kinds[False])}"
        wrapped_s, whole_s = statistics.median(times[True]), statistics.median(times[False])
        size = paths[True].stat().st_size / 1e6
        print(f"{name:<20} {size:>6.1f} {wrapped_s:>10.2f} {whole_s:>9.2f} {wrapped_s / whole_s:>5.2f}x {same}")


if __name__ == "__main__":
    main()
