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
import sys
from pathlib import Path

from run_named_calls import sizes

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=280, help="pairs in the function at the first size (then 2x, 4x)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    sizes(write, "pairs", args.pairs, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
