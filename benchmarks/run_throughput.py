"""Throughput and memory of keyaudit against same-run baselines (cat, ripgrep).

Each command runs as its own process, several rounds in alternating order; the table shows
medians, MB/s of (decompressed) input, peak RSS, and each time as a ratio to ``rg -f patterns``
on the same input from the same run. Run by hand, not in CI:

    python benchmarks/generate_logs.py /tmp/bench --megabytes 300
    python benchmarks/run_throughput.py /tmp/bench [--rounds 3] [--large 10]

Measured on a 2-core machine shared with other work (``--megabytes 288``, ``--jobs 1``, CPU
seconds of the whole process, medians of runs paired with the version before in one call; the
targets are those of issue 14):

=========================  ==================  ==================  ===============
input                      before              after               target
=========================  ==================  ==================  ===============
basic-dense.log, 50 MB     2.94 s (17 MB/s)    0.45 s (111 MB/s)   >= 100 MB/s
mixed.log, 302 MB, 3 %     8.96 s (34 MB/s)    6.70 s (45 MB/s)    >= 500 MB/s
provider-dense.log, 50 MB  15.26 s (3.3 MB/s)  12.38 s (4.1 MB/s)  >= 50 MB/s
=========================  ==================  ==================  ===============

basic-dense: measured with a Basic pattern that rejected values whose base64 cannot decode to
text, which Hyperscan then confirmed only on the lines where a match can end; the Basic/Bearer
pattern merged from main since is not pinned, and basic-dense is back to ~3.1 CPU-s with it. The other two are bound by
reading requests in Python (capture readers, then judging each request), not by the engine.
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
    """The rule pattern without lookarounds and group names: what ripgrep's engine accepts
    (a superset of the rule's matches, as Hyperscan's prefilter mode is)."""
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
    return re.sub(r"\(\?P<[a-z_]+>", "(", "".join(out))


def write_pattern_files(folder: Path) -> tuple[Path, Path]:
    rules = load_rules()
    keywords = folder / "keywords.txt"
    patterns = folder / "patterns.txt"
    keywords.write_text("\n".join(sorted({k for r in rules for k in r.keywords})) + "\n")
    # ripgrep matches line by line: rules that span lines (a YAML block) are left out of its set.
    line_rules = [r for r in rules if "\\n" not in r.pattern_text]
    patterns.write_text("\n".join(ripgrep_pattern(r.pattern_text) for r in line_rules) + "\n")
    return keywords, patterns


def run_once(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one process (and its children, for --jobs).

    GNU time reports the peak RSS: measuring from this process would count the pages a fork
    shares with this interpreter before the command replaces it.
    """
    start = time.perf_counter()
    process = subprocess.run(["/usr/bin/time", "-f", "%M", *command], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True, check=False)
    elapsed = time.perf_counter() - start
    if process.returncode not in (0, 1):  # 1: findings (keyaudit) or no match (rg)
        raise SystemExit(f"{' '.join(command)} exited {process.returncode}: {process.stderr[-500:]}")
    return elapsed, int(process.stderr.strip().splitlines()[-1])


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
    rg = shutil.which("rg") or "rg"

    def ours(target: Path, engines: tuple[str, ...] = ("hyperscan", "regex")) -> list[tuple[str, list[str]]]:
        return [(f"keyaudit {engine} -j1", keyaudit + ["--engine", engine, "--jobs", "1", str(target)])
                for engine in engines] + [
            (f"keyaudit hyperscan -j{cores}", keyaudit + ["--engine", "hyperscan", "--jobs", str(cores), str(target)])]

    chosen = {
        str(plain): ([("cat", ["cat", str(plain)]),
                      ("rg -F -f keywords", [rg, "-c", "-i", "-F", "-f", str(keywords), str(plain)]),
                      ("rg -f patterns", [rg, "-c", "-f", str(patterns), str(plain)])] + ours(plain), "rg -f patterns"),
        str(packed): ([("zcat", ["zcat", str(packed)]),
                       ("rg -f patterns", [rg, "-z", "-c", "-f", str(patterns), str(packed)])] + ours(packed),
                      "rg -f patterns"),
        str(many): ([("rg -f patterns", [rg, "-c", "-f", str(patterns), str(many)])] + ours(many), "rg -f patterns"),
    }
    for dense in ("provider-dense.log", "basic-dense.log"):  # the worst cases generate_logs.py writes
        if (bench / dense).exists():
            chosen[str(bench / dense)] = ([("rg -f patterns", [rg, "-c", "-f", str(patterns), str(bench / dense)])]
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
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0))
    split_into_many(args.bench / "mixed.log", args.bench / "many")
    keywords, patterns = write_pattern_files(args.bench)
    large = build_large(args.bench / "mixed.log", args.large) if args.large else None
    for target, (commands, baseline_name) in scenarios(args.bench, keywords, patterns, cores, large).items():
        megabytes = decompressed_size(Path(target)) / 1e6
        timings: dict[str, list[tuple[float, int]]] = {name: [] for name, _ in commands}
        for round_index in range(args.rounds):
            order = commands if round_index % 2 == 0 else list(reversed(commands))
            for name, command in order:
                timings[name].append(run_once(command))
        medians = {name: statistics.median(t for t, _ in runs) for name, runs in timings.items()}
        baseline = medians[baseline_name]
        print(f"\n{target}: {megabytes:.0f} MB of text, {args.rounds} rounds, {cores} cores")
        print(f"{'command':<26} {'median s':>9} {'MB/s':>8} {'peak RSS MB':>12} {'vs ' + baseline_name:>18}")
        for name, runs in timings.items():
            rss = max(r for _, r in runs) / 1024
            print(f"{name:<26} {medians[name]:>9.3f} {megabytes / medians[name]:>8.0f} {rss:>12.1f} "
                  f"{medians[name] / baseline:>18.2f}")
        one, all_cores = medians["keyaudit hyperscan -j1"], medians[f"keyaudit hyperscan -j{cores}"]
        print(f"{cores} cores vs 1: {one / all_cores:.2f}x")


if __name__ == "__main__":
    main()
