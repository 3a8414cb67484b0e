"""Rotated logs as they are compressed today, against the same text plain, in one run.

From the plain log of ``generate_logs.py`` (and its single-member ``.gz``), writes the same text
as a multi-member gzip (1 MiB members, level 6, as ``bgzip`` or a log shipper's buffered gzip
leave it), as zstd (level 3, one frame with its checksum, as ``zstd`` writes it) and as lz4 (when
the ``lz4`` extra is installed), then times whole ``keyaudit scan`` processes, several rounds in
alternating order, and prints medians and the same-run ratios the targets are stated in:

- one ``.gz`` of many members: ``--jobs N`` against ``--jobs 1``;
- one single-member ``.gz`` (what ``logrotate`` writes): ``--jobs N`` against ``--jobs 1``, wall and
  CPU — on the generator's log with provider traffic (the scan costs ~20× the decoding: the plan
  cuts the file, each piece decoding from the start on a few cores, at seek points of an index on
  many), and with ``--without-traffic`` also on a log written with
  ``--provider-percent 0`` (the scan costs about what decoding does: the file stays whole);
- ``.zst`` against the plain text with ``--jobs 1`` (decoded in a second thread), and with both
  pinned to one core (``taskset``), where decoding cannot overlap the scan.

With ``rapidgzip`` installed it also times decoders alone on the single-member ``.gz`` (isal, and
rapidgzip on 1 and N threads), which shows whether a parallel decoder would pay on this machine.
Run by hand, not in CI:

    python benchmarks/generate_logs.py /tmp/bench --megabytes 3000
    python benchmarks/generate_logs.py /tmp/quiet --megabytes 3000 --provider-percent 0
    python benchmarks/run_compressed.py /tmp/bench [--rounds 3] [--without-traffic /tmp/quiet]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Iterator

try:
    from compression import zstd  # type: ignore[import-not-found]
except ImportError:
    from backports import zstd  # type: ignore[no-redef]

MEMBER_BYTES = 1 << 20


def _pieces(path: Path, size: int) -> Iterator[bytes]:
    with path.open("rb") as source:
        while piece := source.read(size):
            yield piece


def _member(piece: bytes) -> bytes:
    return gzip.compress(piece, compresslevel=6, mtime=0)


def write_variants(plain: Path) -> dict[str, Path]:
    """The plain log as multi-member gzip, zstd and lz4, written once beside it."""
    out = {"members.gz": plain.with_name(plain.name + ".members.gz"), "zst": plain.with_name(plain.name + ".zst"),
           "lz4": plain.with_name(plain.name + ".lz4")}
    if not out["members.gz"].exists():
        with out["members.gz"].open("wb") as sink, ProcessPoolExecutor() as pool:
            for member in pool.map(_member, _pieces(plain, MEMBER_BYTES), chunksize=16):
                sink.write(member)
    if not out["zst"].exists():
        options = {zstd.CompressionParameter.compression_level: 3, zstd.CompressionParameter.checksum_flag: 1}
        with zstd.ZstdFile(out["zst"], "w", options=options) as sink:
            for piece in _pieces(plain, 16 << 20):
                sink.write(piece)
    if importlib.util.find_spec("lz4") is None:
        del out["lz4"]
    elif not out["lz4"].exists():
        import lz4.frame

        with lz4.frame.open(out["lz4"], "wb", content_checksum=True) as sink:
            for piece in _pieces(plain, 16 << 20):
                sink.write(piece)
    return out


def run_once(command: list[str]) -> tuple[float, float]:
    """Wall seconds, and CPU seconds (user and system, all threads and worker processes): on a
    machine shared with other work the wall time says what parallelism gained, the CPU time what
    the work cost."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}: {done.stderr[-500:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def medians(commands: dict[str, list[str]], rounds: int) -> dict[str, tuple[float, float]]:
    """Median wall and CPU seconds of each command, rounds alternating in order to even out drift."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for round_index in range(rounds):
        names = list(commands) if round_index % 2 == 0 else list(reversed(commands))
        for name in names:
            times[name].append(run_once(commands[name]))
    return {name: (statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs))
            for name, runs in times.items()}


def decoders(packed: Path, cores: int, rounds: int) -> dict[str, float]:
    """Seconds to decode the single-member file alone: isal, rapidgzip on 1 and ``cores`` threads."""
    import rapidgzip
    from isal import igzip

    def drain(opened) -> None:  # type: ignore[no-untyped-def]
        with opened as stream:
            while stream.read(1 << 20):
                pass

    readers = {"isal": lambda: igzip.open(packed, "rb"),
               "rapidgzip 1 thread": lambda: rapidgzip.RapidgzipFile(str(packed), parallelization=1),
               f"rapidgzip {cores} threads": lambda: rapidgzip.RapidgzipFile(str(packed), parallelization=cores)}
    times: dict[str, list[float]] = {name: [] for name in readers}
    for _ in range(rounds):
        for name, opener in readers.items():
            start = time.perf_counter()
            drain(opener())
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", type=Path, help="folder written by generate_logs.py")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--without-traffic", type=Path, metavar="BENCH",
                        help="folder written by generate_logs.py --provider-percent 0: its single-member .gz too")
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0))
    plain, single = args.bench / "mixed.log", args.bench / "mixed.log.gz"
    variants = write_variants(plain)
    scan = [sys.executable, "-m", "keyaudit", "scan", "--format", "json", "--output", os.devnull]
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else None
    commands = {
        "plain -j1": scan + ["--jobs", "1", str(plain)],
        f"plain -j{cores}": scan + ["--jobs", str(cores), str(plain)],
        "gz, one member -j1": scan + ["--jobs", "1", str(single)],
        f"gz, one member -j{cores}": scan + ["--jobs", str(cores), str(single)],
        "gz, 1 MiB members -j1": scan + ["--jobs", "1", str(variants["members.gz"])],
        f"gz, 1 MiB members -j{cores}": scan + ["--jobs", str(cores), str(variants["members.gz"])],
        "zst -j1": scan + ["--jobs", "1", str(variants["zst"])],
    }
    if "lz4" in variants:
        commands["lz4 -j1"] = scan + ["--jobs", "1", str(variants["lz4"])]
    quiet = args.without_traffic / "mixed.log.gz" if args.without_traffic else None
    if quiet is not None:
        commands["gz, one member, no traffic -j1"] = scan + ["--jobs", "1", str(quiet)]
        commands[f"gz, one member, no traffic -j{cores}"] = scan + ["--jobs", str(cores), str(quiet)]
    if pin:
        commands["plain -j1, one core"] = pin + commands["plain -j1"]
        commands["zst -j1, one core"] = pin + commands["zst -j1"]
    megabytes = plain.stat().st_size / 1e6
    load = os.getloadavg()[0]
    measured = medians(commands, args.rounds)
    took = {name: wall for name, (wall, _) in measured.items()}
    print(f"\n{plain}: {megabytes:.0f} MB of text, {args.rounds} rounds, {cores} cores, "
          f"load average {load:.1f} before and {os.getloadavg()[0]:.1f} after")
    print(f"{'command':<30} {'median s':>9} {'MB/s of text':>13} {'CPU s':>7}")
    for name, (seconds, cpu) in measured.items():
        print(f"{name:<30} {seconds:>9.2f} {megabytes / seconds:>13.0f} {cpu:>7.2f}")
    print(f"\ngz of many members, -j{cores} vs -j1: "
          f"{took['gz, 1 MiB members -j1'] / took[f'gz, 1 MiB members -j{cores}']:.2f}x faster (target 1.6x)")
    for case in ["gz, one member"] + (["gz, one member, no traffic"] if quiet is not None else []):
        one, many = measured[f"{case} -j1"], measured[f"{case} -j{cores}"]
        print(f"{case}, -j{cores} vs -j1: {one[0] / many[0]:.2f}x faster, {many[1] / one[1]:.2f}x the CPU")
    print(f"zst vs plain, -j1: {took['zst -j1'] / took['plain -j1']:.2f}x the time (target 1.3x)")
    if pin:
        print(f"zst vs plain, pinned to one core: {took['zst -j1, one core'] / took['plain -j1, one core']:.2f}x")
    if importlib.util.find_spec("rapidgzip") is not None:
        print(f"\ndecoding {single.name} alone, no scan:")
        for name, seconds in decoders(single, cores, args.rounds).items():
            print(f"{name:<30} {seconds:>9.2f} {megabytes / seconds:>13.0f}")


if __name__ == "__main__":
    main()
