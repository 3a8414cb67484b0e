"""Findings inside JSON strings full of escapes: keyaudit's CPU and wall seconds against ``json.load`` of the same
file, and against another checkout (``--vs``) in the same rounds.

A finding in a decoded JSON string (a HAR body in ``postData.text``, a JSON log record's message holding escaped
JSON) is placed at the line and column of the file's own bytes, through every escape before it. The hostile shape is
many escapes times many findings: one string of thousands of escaped members, a credential or a provider URL in
each, after quotes, backslashes, ``\\uXXXX`` escapes and surrogate pairs. Placing each finding by walking the
string's escapes (or its lines) from its start made the work grow with the findings times the string's length:
a body of a few hundred such members took minutes. The generator (seeded) writes:

* ``body-*.har``: one entry whose JSON body of ``--members`` objects is escaped in ``postData.text``;
* ``entries-*.har``: ``--entries`` entries, each with such a body of a tenth as many members;
* ``pretty-*.har``: the body pretty-printed (its line breaks ``\\n`` escapes: places by line and column);
* ``message-*.log``: JSON log lines whose message holds such a body, escaped once more.

Then runs, for each, as separate processes in alternating order, ``python -c 'json.load(…)'`` (for the log: each
line ``json.loads``-ed) and ``keyaudit scan`` of this checkout and, with ``--vs``, of another, and prints medians of
wall and CPU seconds and their ratios (CPU seconds say more than wall seconds on a shared machine). Run by hand,
not in CI:

    python benchmarks/run_escaped_places.py /tmp/escbench [--members 3000] [--rounds 3] [--vs /tmp/before]

Measured when this was written (2 cores, load 6-8 from other work: wall seconds 4-8 times CPU seconds, so CPU
seconds only; one run each, ``--engine hyperscan``), against the version before (17988b97), findings identical:
``body-3000-30.har`` (0.62 MB, 2,001 findings) 83.7 s before, 9.5 s after; ``pretty-3000-30.har`` 89.4 s before,
14.5 s with places linear but URLs still redacted with every key of the request for each finding. The same body of
1,000 members (668 findings), farm-bench, 2 pairs: 3.34 s against 16.6 s CPU (0.22x, the worse pair 0.28x). What
is left grows with the findings alone (about 4.5 ms each, mostly the rules' context around each key).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
from pathlib import Path
from typing import Callable

from generate_logs import _hex, fake_asaas_key
from run_har import HERE, measure

# What stands before each credential: every escape kind a JSON string may hold, a pair and lone surrogates too.
NOTE = 'said "hi" \\ back/slash /path \u00e9t\u00e9 \U0001f600 \ud800 tab\tend'


def members(rng: random.Random, count: int) -> list[dict[str, str]]:
    """``count`` members of a request body, each with escapes and a credential or a provider URL over plain HTTP."""
    return [{"note": NOTE, "api_token": _hex(rng, 32)} if index % 3 == 0 else
            {"note": NOTE, "access_token": fake_asaas_key(rng)} if index % 3 == 1 else
            {"note": NOTE, "callback": f"http://api.iugu.com/v1/invoices/{_hex(rng, 12)}"}
            for index in range(count)]


def _entry(rng: random.Random, count: int, indent: int | None) -> dict[str, object]:
    body = json.dumps({"customers": members(rng, count)}, indent=indent)
    return {"request": {"method": "POST", "url": "https://api.iugu.com/v1/customers", "headers": [],
                        "postData": {"mimeType": "application/json", "text": body}},
            "response": {"status": 200, "content": {"size": 2, "mimeType": "application/json", "text": "{}"}}}


def _har(path: Path, entries: list[dict[str, object]]) -> None:
    path.write_text(json.dumps({"log": {"version": "1.2", "creator": {"name": "bench"}, "entries": entries}},
                               indent=1))


def write_body(path: Path, count: int, entries: int, seed: int) -> None:
    _har(path, [_entry(random.Random(seed), count, None)])


def write_entries(path: Path, count: int, entries: int, seed: int) -> None:
    rng = random.Random(seed)
    _har(path, [_entry(rng, max(1, count // 10), None) for _ in range(entries)])


def write_pretty(path: Path, count: int, entries: int, seed: int) -> None:
    _har(path, [_entry(random.Random(seed), count, 2)])


def write_message(path: Path, count: int, entries: int, seed: int) -> None:
    rng = random.Random(seed)
    with path.open("w") as out:
        for line in range(entries):
            body = json.dumps({"customers": members(rng, max(1, count // 10))})
            out.write(json.dumps({"level": "info", "time": f"2026-12-06T22:{line % 60:02d}:00Z",
                                  "msg": f"POST https://api.asaas.com/v3/customers body={body}"}) + "\n")


def write_accented(path: Path, count: int, entries: int, seed: int) -> None:
    """``entries`` JSON log lines whose message holds a body escaped in it: a note of ``count`` hundred accented
    letters (written as they are), then a tenth of ``count`` members (each key is placed by the characters before
    it on a line of hundreds of kilobytes of non-ASCII text, in the body and in the line)."""
    rng = random.Random(seed)
    note = "\u00e9" * (count * 100)
    with path.open("w", encoding="utf-8") as out:
        for _ in range(entries):
            members_json = json.dumps(members(rng, max(1, count // 10)))  # lone surrogates escaped: UTF-8 has none
            body = f'{{"note": "{note}", "customers": {members_json}}}'
            out.write(json.dumps({"level": "info", "msg": f"POST https://api.asaas.com/v3/customers body={body}"},
                                 ensure_ascii=False) + "\n")


INPUTS: dict[str, tuple[str, Callable[[Path, int, int, int], None]]] = {
    "body": ("har", write_body), "entries": ("har", write_entries), "pretty": ("har", write_pretty),
    "message": ("log", write_message), "accented": ("log", write_accented)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the generated inputs")
    parser.add_argument("--members", type=int, default=3000, help="members of the one body (a tenth in the others)")
    parser.add_argument("--entries", type=int, default=30, help="entries (log lines) of the many-entries shapes")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=53)
    parser.add_argument("--vs", type=Path, help="another checkout of keyaudit, measured in the same rounds")
    parser.add_argument("--only", action="append", choices=sorted(INPUTS), help="these inputs only")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, (suffix, write) in INPUTS.items():
        if args.only and name not in args.only:
            continue
        path = args.out / f"{name}-{args.members}-{args.entries}.{suffix}"
        if not path.exists():
            write(path, args.members, args.entries, args.seed)
        compare(path, args.rounds, args.vs and args.vs.resolve())


def compare(path: Path, rounds: int, other: Path | None) -> None:
    """``json.load`` (a log: each line's ``json.loads``) and ``keyaudit scan`` of this checkout and of ``other`` on
    ``path``, alternating; medians, with the ratios to ``json.load`` and to ``other``."""
    load = ("import json, sys; json.load(open(sys.argv[1], 'rb'))" if path.suffix == ".har" else
            "import json, sys; [json.loads(line) for line in open(sys.argv[1], 'rb')]")
    scan = [sys.executable, "-m", "keyaudit", "scan", "--format", "json", "--jobs", "1", "--output", "/dev/null"]
    commands: dict[str, tuple[list[str], Path | None]] = {
        "json.load": ([sys.executable, "-c", load, str(path)], None), "keyaudit": ([*scan, str(path)], HERE)}
    if other is not None:
        commands["vs"] = ([*scan, str(path)], other)
    runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
    for round_index in range(rounds):
        for name in (list(commands) if round_index % 2 == 0 else list(reversed(commands))):
            runs[name].append(measure(*commands[name], cwd=path.parent))
    wall = {name: statistics.median(run[0] for run in taken) for name, taken in runs.items()}
    cpu = {name: statistics.median(run[1] for run in taken) for name, taken in runs.items()}
    print(f"\n{path}: {path.stat().st_size / 1e6:.2f} MB, {rounds} rounds, medians"
          + (f"; vs: {other}" if other else ""))
    print(f"{'command':<10} {'wall s':>8} {'cpu s':>8} {'wall ×':>8} {'cpu ×':>8}"
          + ("  wall vs   cpu vs" if other else ""))
    for name in runs:
        versus = (f" {wall[name] / wall['vs']:>8.2f} {cpu[name] / cpu['vs']:>8.2f}"
                  if other and name == "keyaudit" else "")
        print(f"{name:<10} {wall[name]:>8.2f} {cpu[name]:>8.2f} {wall[name] / wall['json.load']:>8.2f} "
              f"{cpu[name] / cpu['json.load']:>8.2f}{versus}")


if __name__ == "__main__":
    main()
