"""CPU time against the number of mount/post pairs in one function whose client has a signer installed.

A transfer is signed where the file defines a signer and installs it on the transfer's own client (see
keyaudit/inputs/captures/source_installed.py): the client's binding is looked up before the call, each installation
after it weighed, each name that may hold a signer looked up in turn. A lookup that scanned the group from its start
for each of those grew with the square of the group: a function of many ``session.mount(…)`` / ``session.post(…)``
pairs is the worst case. Each size is a file of a signer class and one function of ``n`` such pairs (a group of
up to 32 KiB, about 200 pairs, is read whole; a longer one in statement pieces, each judged alone), scanned as a
whole process (``keyaudit scan --jobs 1``) at ``n``, 2n and 4n pairs; the table shows the CPU seconds of each
(the best of ``--rounds``), the findings, the seconds past a scan of the same file with no pairs (the process's
start, the rules' loading) and that work's ratio to the size before's. Linear work keeps the ratio near 2 or below.

    python benchmarks/run_signed_clients.py [--pairs 280] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

SIGNER = '''import requests
from requests.adapters import HTTPAdapter


class IuguSigningAdapter(HTTPAdapter):
    def send(self, request, **kwargs):
        request.headers["Request-Time"] = now_iso()
        request.headers["Signature"] = "signature=" + sign(PRIVATE_KEY, request)
        return super().send(request, **kwargs)


def pay(body, key):
    session = requests.Session()
'''
PAIR = ('    session.mount("https://", IuguSigningAdapter(key))\n'
        '    session.post("https://api.iugu.com/v1/transfer_requests", json=body, headers={"Content-Type": "json"})\n')


def write(folder: Path, pairs: int) -> Path:
    """The file of a signer and one function of ``pairs`` mount/post pairs."""
    path = folder / f"pairs{pairs}.py"
    path.write_text(SIGNER + PAIR * pairs + "    return session\n", encoding="utf-8")
    return path


def scan(path: Path) -> tuple[float, int]:
    """CPU seconds of one scan process (and its workers) and its findings."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run = subprocess.run([sys.executable, "-m", "keyaudit", "scan", "--jobs", "1", "--format", "json", str(path)],
                         capture_output=True, text=True, env={**os.environ})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode not in (0, 1):
        sys.exit(f"keyaudit exited {run.returncode}: {run.stderr.strip()[-500:]}")
    seconds = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, len(json.loads(run.stdout)["findings"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=280, help="pairs in the function at the first size (then 2x, 4x)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        base = min(scan(write(Path(folder), 0))[0] for _ in range(args.rounds))
        previous = None
        print(f"{'pairs':>6} {'cpu s':>8} {'findings':>9} {'past base':>10} {'ratio':>6}")
        for pairs in (args.pairs, 2 * args.pairs, 4 * args.pairs):
            path = write(Path(folder), pairs)
            timings = [scan(path) for _ in range(args.rounds)]
            seconds, findings = min(timings)[0], timings[0][1]
            work = max(seconds - base, 0.001)
            ratio = "" if previous is None else f"{work / previous:6.1f}"
            print(f"{pairs:>6} {seconds:8.2f} {findings:>9} {work:10.2f} {ratio:>6}")
            previous = work
    return 0


if __name__ == "__main__":
    sys.exit(main())
