"""The three iugu transfer requests every request-shape corpus writes in its own shape, and the
one check they must all pass: an unsigned transfer reported as unsigned, a malformed signature as
a bad signature, and a signed one counted as a signature that could not be verified (no
``--public-key``)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from helpers.running import scan_json

URL = "https://api.iugu.com/v1/transfer_requests"
HOST = "api.iugu.com"
PATH = "/v1/transfer_requests"
BODY = '{"amount_cents":1050,"transfer_type":"pix"}'
BASE = [("Content-Type", "application/json"), ("User-Agent", "payouts/3.1")]
TIME = ("Request-Time", "2026-11-22T10:00:00-03:00")
REQUESTS = {  # what each request must give
    "unsigned": BASE,
    "signed": BASE + [TIME, ("Signature", "signature=c2lnbmF0dXJlIG9mIHRoZSBib2R5")],
    "malformed": BASE + [TIME, ("Signature", "rsa-sha256 not base64 !!")],
}
Headers = list[tuple[str, str]]
Shape = Callable[[Headers], list[str]]  # one request's headers in, the lines that record it out


def write_requests(shape: Shape, folder: Path, name: str = "requests.log") -> Path:
    """The three requests in ``shape``, between heartbeat lines, as one file in ``folder``."""
    noise = [f"2026-11-22 13:00:{n:02d} INFO worker heartbeat ok" for n in range(40)]
    lines: list[str] = []
    for headers in REQUESTS.values():
        lines += noise + shape(headers)
    path = folder / name
    path.write_text("\n".join(lines + noise) + "\n")
    return path


def assert_same_request_findings(path: Path, shape: str) -> None:
    """The scan of ``path`` judges the three requests as every shape must."""
    report, _ = scan_json(str(path))
    found = sorted(f["rule_id"] for f in report["findings"] if f["context"].get("method"))
    assert found == ["iugu-bad-signature", "iugu-unsigned-transfer"], (shape, found)
    assert report["scan"]["requests"].get("signatures_unverified") == 1, (shape, report["scan"]["requests"])
