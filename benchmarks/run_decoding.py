"""What reading damaged gzip and UTF-16 costs, against same-run baselines.

- gzip read unthreaded (after damage, for --state probes, without isal): the salvaging reader
  against isal's and the standard library's gzip readers, on the intact log; ratio to isal's.
- UTF-16LE decoded to UTF-8 as a stream, against reading the UTF-8 file itself.
- A whole scan (``python -m keyaudit scan``, one process) of the log in UTF-16LE, against the
  same log in UTF-8.
- Opening a small file the way a scan does (now with the UTF-16 sniff) — what a pre-commit hook
  pays per file — against a plain ``open`` and ``read``.

Run by hand, not in CI, on a log written by ``generate_logs.py``:

    python benchmarks/generate_logs.py /tmp/bench --megabytes 300
    python benchmarks/run_decoding.py /tmp/bench [--rounds 3]
"""

from __future__ import annotations

import argparse
import codecs
import gzip
import io
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import BinaryIO, Callable

from isal import igzip

from keyaudit.sources.opening import opener_for
from keyaudit.sources.salvage import GzipSalvage
from keyaudit.sources.transcode import Utf8Reader

READ_BYTES = 1 << 20


def drain(open_stream: Callable[[], BinaryIO]) -> float:
    """Seconds to read a stream to its end in the scan's read size."""
    start = time.perf_counter()
    with open_stream() as stream:
        while stream.read(READ_BYTES):
            pass
    return time.perf_counter() - start


def scan_seconds(target: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "keyaudit", "scan", "--jobs", "1", "--format", "json", "--output",
                    "/dev/null", str(target)], check=False, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def table(title: str, megabytes: float, rounds: int, cases: dict[str, Callable[[], float]], baseline: str) -> None:
    """Run every case ``rounds`` times in alternating order; print medians, MB/s and ratios."""
    timings: dict[str, list[float]] = {name: [] for name in cases}
    for round_index in range(rounds):
        order = list(cases.items()) if round_index % 2 == 0 else list(reversed(cases.items()))
        for name, case in order:
            timings[name].append(case())
    medians = {name: statistics.median(times) for name, times in timings.items()}
    print(f"\n{title}: {megabytes:.0f} MB of text, {rounds} rounds")
    print(f"{'case':<34} {'median s':>9} {'MB/s':>8} {'vs ' + baseline:>24}")
    for name, median in medians.items():
        print(f"{name:<34} {median:>9.3f} {megabytes / median:>8.0f} {median / medians[baseline]:>24.2f}")


def per_file(folder: Path, rounds: int) -> None:
    """Microseconds per small file: opened and read as a scan opens it, against open and read."""
    files = []
    for index in range(500):
        path = folder / f"small-{index:03d}.py"
        path.write_bytes(b"import os\nprint('hello %d')\n" % index * 40)
        files.append(path)

    def plain() -> float:
        start = time.perf_counter()
        for path in files:
            with open(path, "rb") as handle:
                handle.read()
        return time.perf_counter() - start

    def as_a_scan_opens_it() -> float:
        start = time.perf_counter()
        for path in files:
            with opener_for(path)() as stream:
                stream.read()
        return time.perf_counter() - start

    runs = {"open + read": [plain() for _ in range(rounds * 3)],
            "opener_for (sniffs, decodes)": [as_a_scan_opens_it() for _ in range(rounds * 3)]}
    base = statistics.median(runs["open + read"])
    print(f"\n{len(files)} small files of {files[0].stat().st_size} bytes, {rounds * 3} rounds")
    for name, times in runs.items():
        median = statistics.median(times)
        print(f"{name:<34} {median / len(files) * 1e6:>8.1f} µs/file {median / base:>10.2f}x open + read")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", type=Path, help="folder written by generate_logs.py")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    plain, packed = args.bench / "mixed.log", args.bench / "mixed.log.gz"
    wide = args.bench / "mixed-utf16le.log"
    if not wide.exists():
        with plain.open("rb") as source, wide.open("wb") as out:
            out.write(codecs.BOM_UTF16_LE)
            while piece := source.read(READ_BYTES):
                out.write(piece.decode("utf-8", "replace").encode("utf-16-le"))
    megabytes = plain.stat().st_size / 1e6
    table("gzip read unthreaded", megabytes, args.rounds, {
        "isal igzip (reader before)": lambda: drain(lambda: igzip.open(packed, "rb")),
        "stdlib gzip": lambda: drain(lambda: gzip.open(packed, "rb")),
        "GzipSalvage (reader now)": lambda: drain(lambda: io.BufferedReader(GzipSalvage(open(packed, "rb")))),
    }, "isal igzip (reader before)")
    table("UTF-16LE decoded as a stream", megabytes, args.rounds, {
        "UTF-8 file read": lambda: drain(lambda: open(plain, "rb")),
        "UTF-16LE file via Utf8Reader": lambda: drain(
            lambda: io.BufferedReader(Utf8Reader(open(wide, "rb"), "utf-16"))),
    }, "UTF-8 file read")
    table("whole scan, one process, --jobs 1", megabytes, args.rounds, {
        "keyaudit scan UTF-8 log": lambda: scan_seconds(plain),
        "keyaudit scan UTF-16LE log": lambda: scan_seconds(wide),
    }, "keyaudit scan UTF-8 log")
    per_file(args.bench, args.rounds)


if __name__ == "__main__":
    main()
