"""Throughput and memory of keyaudit against same-run baselines (cat, ripgrep).

Each command runs as its own process, several rounds in alternating order; the table shows
medians of wall and CPU seconds (user + system: what to compare on a shared machine), MB of
(decompressed) input per CPU second, peak RSS, and each time as a ratio to ``rg -f patterns``
on the same input from the same run; keyaudit with Hyperscan and with the regex engine on one
core (``--jobs 1``), and with Hyperscan on all cores. Run by hand, not in CI:

    python benchmarks/generate_logs.py /tmp/bench --megabytes 120
    python benchmarks/run_throughput.py /tmp/bench [--rounds 3] [--only basic provider] [--large 10]

What ripgrep is given: ``patterns.txt``, every shipped rule whose pattern stays on one line as
ripgrep can run it (see :func:`ripgrep_pattern`), in one ``-f`` file; ``keywords.txt`` the rules'
keywords (``-F -i``). It counts matching lines; it neither confirms, decodes nor reads requests.

Measured on a 2-core machine shared with other work (``--megabytes 120``, twelve request shapes
in the provider traffic, 2 rounds; CPU seconds; the targets are those of issue 14):

===========================  =========  ================  ==============  ==========================
input                        rg CPU s   keyaudit -j1      ratio to rg     target
===========================  =========  ================  ==============  ==========================
basic-dense.log, 21 MB       4.06       0.25 (84 MB/s)    0.06            >= 100 MB/s (50 MB: 98-107)
mixed.log, 126 MB, 3 %       11.26      2.80 (45 MB/s)    0.25            >= 500 MB/s, <= 0.2 x rg
provider-dense.log, 21 MB    7.35       5.91 (3.6 MB/s)   0.80            >= 50 MB/s
===========================  =========  ================  ==============  ==========================

Read the ratio to rg with care: rg's time is mostly one pattern's. The prefix-less Asaas rule (a
run of base64 around its tell-tale, ``[A-Za-z0-9+/]{40,200}(?:OjokYWFjaF|…)``) stalls rg's lazy DFA
once the other patterns are in the same set: on the mixed log's 30 MB head (2026-12-01, a 2-core
machine with other work) ``rg -f patterns`` took 14.2 CPU seconds, the same set without that one
pattern 0.32, keyaudit -j1 1.62: 0.11 of the first, 5.1 times the second. Hyperscan anchors that
rule on its tell-tale; ripgrep has no such prefilter.

On 2026-12-02 (a quiet 2-core machine, 1 round, the same generator): basic-dense 0.27 CPU s
(78 MB/s), rg 14.65; mixed 5.34 (24 MB/s), rg 187.66 (0.03x: see above); provider-dense 11.53
(1.8 MB/s), rg 42.13 (0.27x). The readers added since the table above for the blind corpora's
shapes cost about half again per request (the same dense input: 1.80 s of CPU on 6ea3cb6, 2.73 s).

The MB/s include about 0.16 s of start-up. The mixed and provider-dense logs are bound by reading
requests in Python (the capture readers over the windows around anchors, then judging each
request), not by the engine; see the README's Performance section.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

from keyaudit.rulebook.loader import load_rules

def _group_end(pattern: str, start: int) -> int:
    """Index just past the group opening at ``start``, honouring escapes and character classes."""
    depth, index, in_class = 0, start, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[index + 1 : index + 2] == "]":
                index += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return len(pattern)


def ripgrep_pattern(pattern: str) -> str:
    """The rule pattern without lookarounds and group names, its atomic groups plain groups and
    its repeats of groups unbounded (``(…){1,127}`` as ``(…){1,}``, as keyaudit hands Hyperscan
    a rule it confirms at its ends; ripgrep 14's lazy DFA panics on the Basic rule's bounded
    form): what ripgrep's engine accepts, a superset of the rule's matches, as Hyperscan's
    prefilter mode gives."""
    out, index = [], 0
    while index < len(pattern):
        if pattern[index] == "\\":
            out.append(pattern[index : index + 2])
            index += 2
        elif pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), index):
            index = _group_end(pattern, index)
        else:
            out.append(pattern[index])
            index += 1
    plain = re.sub(r"\(\?P<[a-z_]+>", "(", "".join(out)).replace("(?>", "(?:")
    return re.sub(r"(?<!\\)\)\{(\d*),\d+\}", r"){\1,}", plain)


def write_pattern_files(folder: Path) -> tuple[Path, Path]:
    rules = load_rules()
    keywords = folder / "keywords.txt"
    patterns = folder / "patterns.txt"
    keywords.write_text("\n".join(sorted({k for r in rules for k in r.keywords})) + "\n")
    # ripgrep matches line by line: rules that span lines (a YAML block) are left out of its set.
    line_rules = [r for r in rules if "\\n" not in r.pattern_text]
    patterns.write_text("\n".join(ripgrep_pattern(r.pattern_text) for r in line_rules) + "\n")
    return keywords, patterns


class Timing(NamedTuple):
    """One run of a command: wall seconds, CPU seconds (user + system, children included) and
    peak RSS in KiB."""

    wall: float
    cpu: float
    rss: int


def run_once(command: list[str]) -> Timing:
    """One process (and its children, for --jobs), timed by GNU time: measuring from this process
    would count the pages a fork shares with this interpreter before the command replaces it.
    CPU seconds are what to compare on a shared machine, where wall time waits for other work."""
    start = time.perf_counter()
    process = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", *command], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True, check=False)
    elapsed = time.perf_counter() - start
    if process.returncode not in (0, 1):  # 1: findings (keyaudit) or no match (rg)
        raise SystemExit(f"{' '.join(command)} exited {process.returncode}: {process.stderr[-500:]}")
    user, system, rss = process.stderr.strip().splitlines()[-1].split()
    return Timing(elapsed, float(user) + float(system), int(rss))


def decompressed_size(path: Path) -> int:
    if path.suffix != ".gz":
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size
    with gzip.open(path, "rb") as handle:
        return sum(len(chunk) for chunk in iter(lambda: handle.read(1 << 20), b""))


Scenario = tuple[list[tuple[str, list[str]]], str]  # commands, and the name of the baseline among them


def scenarios(bench: Path, keywords: Path, patterns: Path, cores: int,
              large: Path | None) -> dict[str, Scenario]:
    keyaudit = [sys.executable, "-m", "keyaudit", "scan", "--format", "json", "--output", os.devnull]
    plain, packed, many = bench / "mixed.log", bench / "mixed.log.gz", bench / "many"
    # An explicit lazy-DFA cache bound: with ripgrep 14.1's default, its cache outgrows the state
    # ids on these patterns and it panics part-way through a big file.
    found = shutil.which("rg") or shutil.which("rg", path=os.path.dirname(sys.executable))  # or beside Python
    rg = [found or "rg", "--dfa-size-limit", "500M"]

    def ours(target: Path, engines: tuple[str, ...] = ("hyperscan", "regex")) -> list[tuple[str, list[str]]]:
        return [(f"keyaudit {engine} -j1", keyaudit + ["--engine", engine, "--jobs", "1", str(target)])
                for engine in engines] + [
            (f"keyaudit hyperscan -j{cores}", keyaudit + ["--engine", "hyperscan", "--jobs", str(cores), str(target)])]

    chosen = {
        str(plain): ([("cat", ["cat", str(plain)]),
                      ("rg -F -f keywords", [*rg, "-c", "-i", "-F", "-f", str(keywords), str(plain)]),
                      ("rg -f patterns", [*rg, "-c", "-f", str(patterns), str(plain)])] + ours(plain), "rg -f patterns"),
        str(packed): ([("zcat", ["zcat", str(packed)]),
                       ("rg -f patterns", [*rg, "-z", "-c", "-f", str(patterns), str(packed)])] + ours(packed),
                      "rg -f patterns"),
        str(many): ([("rg -f patterns", [*rg, "-c", "-f", str(patterns), str(many)])] + ours(many), "rg -f patterns"),
    }
    for dense in ("provider-dense.log", "basic-dense.log"):  # the worst cases generate_logs.py writes
        if (bench / dense).exists():
            chosen[str(bench / dense)] = ([("rg -f patterns", [*rg, "-c", "-f", str(patterns), str(bench / dense)])]
                                          + ours(bench / dense), "rg -f patterns")
    if large is not None:  # rg -f patterns would take minutes a round here: cat is the baseline
        chosen[str(large)] = ([("cat", ["cat", str(large)])] + ours(large, ("hyperscan",)), "cat")
    return chosen


def build_large(plain: Path, copies: int) -> Path:
    """``copies`` of the plain log end to end (~3 GB for 10), to show memory stays flat."""
    large = plain.with_name(f"mixed-x{copies}.log")
    if not large.exists():
        with large.open("wb") as out:
            for _ in range(copies):
                with plain.open("rb") as source:
                    shutil.copyfileobj(source, out, 1 << 24)
    return large


def split_into_many(plain: Path, folder: Path, parts: int = 24) -> None:
    if folder.is_dir():
        return
    folder.mkdir()
    size = plain.stat().st_size // parts
    with plain.open("rb") as source:
        for index in range(parts):
            data = source.read(size) + (source.readline() if index < parts - 1 else source.read())
            (folder / f"app-{index:02d}.log").write_bytes(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", type=Path, help="folder written by generate_logs.py")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--large", type=int, default=0, metavar="COPIES",
                        help="also scan COPIES of the log end to end (10 gives ~3 GB): peak RSS must not grow")
    parser.add_argument("--only", nargs="*", default=[], metavar="WORD",
                        help="only the inputs whose name holds one of these words (basic, provider, mixed, many)")
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0))
    split_into_many(args.bench / "mixed.log", args.bench / "many")
    keywords, patterns = write_pattern_files(args.bench)
    large = build_large(args.bench / "mixed.log", args.large) if args.large else None
    for target, (commands, baseline_name) in scenarios(args.bench, keywords, patterns, cores, large).items():
        if args.only and not any(word in Path(target).name for word in args.only):
            continue
        megabytes = decompressed_size(Path(target)) / 1e6
        timings: dict[str, list[Timing]] = {name: [] for name, _ in commands}
        for round_index in range(args.rounds):
            order = commands if round_index % 2 == 0 else list(reversed(commands))
            for name, command in order:
                timings[name].append(run_once(command))
        wall = {name: statistics.median(run.wall for run in runs) for name, runs in timings.items()}
        cpu = {name: statistics.median(run.cpu for run in runs) for name, runs in timings.items()}
        print(f"\n{target}: {megabytes:.0f} MB of text, {args.rounds} rounds, {cores} cores; medians, "
              f"ratios to {baseline_name} of the same run")
        print(f"{'command':<26} {'wall s':>8} {'CPU s':>8} {'MB/CPU-s':>9} {'peak RSS MB':>12} "
              f"{'wall ratio':>11} {'CPU ratio':>10}")
        for name, runs in timings.items():
            rss = max(run.rss for run in runs) / 1024
            print(f"{name:<26} {wall[name]:>8.2f} {cpu[name]:>8.2f} {megabytes / max(cpu[name], 1e-3):>9.0f} "
                  f"{rss:>12.1f} {wall[name] / wall[baseline_name]:>11.2f} {cpu[name] / cpu[baseline_name]:>10.2f}")
        one, all_cores = wall["keyaudit hyperscan -j1"], wall[f"keyaudit hyperscan -j{cores}"]
        print(f"{cores} cores vs 1 (wall): {one / all_cores:.2f}x")


if __name__ == "__main__":
    main()
