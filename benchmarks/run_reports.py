"""What writing a report costs: each format's reporter on many findings, against the same-run
baseline of ``json.dumps`` of the findings' dicts (the floor every JSON format pays), and the
share of that taken by making every string printable (``printable_values``).

Findings come from a real scan of a generated access log (one token per line, plain HTTP), then
repeated to the size asked for. Run by hand, not in CI:

    python benchmarks/run_reports.py [--findings 100000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import secrets
import statistics
import tempfile
import time
from pathlib import Path
from typing import Callable

from keyaudit.config import Config
from keyaudit.model.printable import printable_values
from keyaudit.model.result import ScanResult
from keyaudit.report import FORMATS, reporter
from keyaudit.report.json import finding_dicts
from keyaudit.report.options import ReportOptions
from keyaudit.run.session import Session

LINES = 1000  # scanned for real; the findings are then repeated (folding them is not measured here)


def sample(findings: int) -> ScanResult:
    with tempfile.TemporaryDirectory() as folder:
        log = Path(folder) / "access.log"
        log.write_text("".join(
            f'10.0.0.1 - - [22/Nov/2026:10:00:01 -0300] "GET http://api.iugu.com/v1/invoices?api_token='
            f'{secrets.token_hex(16)} HTTP/1.1" 200 5\n' for _ in range(LINES)))
        with Session(Config(targets=(str(log),), jobs=1, no_dedupe=True)) as session:
            result = session.run()
    result.findings = (list(result.findings) * (findings // len(result.findings) + 1))[:findings]
    return result


def median_seconds(action: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    result, options = sample(args.findings), ReportOptions()
    dicts = list(finding_dicts(result, options))
    baseline = median_seconds(lambda: json.dumps(dicts, ensure_ascii=False, indent=2), args.rounds)
    printable = median_seconds(lambda: printable_values(dicts), args.rounds)
    print(f"{len(result.findings)} findings, median of {args.rounds} rounds")
    print(f"{'step':<28} {'seconds':>8} {'vs dumps':>9}")
    print(f"{'json.dumps of the dicts':<28} {baseline:8.2f} {1.0:9.2f}")
    print(f"{'printable_values':<28} {printable:8.2f} {printable / baseline:9.2f}")
    for name in FORMATS:
        render = reporter(name)
        seconds = median_seconds(lambda: "".join(render(result, options)), args.rounds)
        print(f"{'--format ' + name:<28} {seconds:8.2f} {seconds / baseline:9.2f}")


if __name__ == "__main__":
    main()
