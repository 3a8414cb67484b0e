"""The three iugu transfer requests every request-shape corpus writes in its own shape, and the
one check they must all pass: an unsigned transfer reported as unsigned, a malformed signature as
a bad signature, and a signed one counted as a signature that could not be verified (no
``--public-key``); and logs of many requests written over several lines, for cutting."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Callable

from helpers.running import request_rules, scan_json

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
    found = request_rules(report)
    assert found == ["iugu-bad-signature", "iugu-unsigned-transfer"], (shape, found)
    assert report["scan"]["requests"].get("signatures_unverified") == 1, (shape, report["scan"]["requests"])


def dumps_log(count: int) -> bytes:
    """Nothing but multi-line request dumps (OkHttp's), back to back, each an unsigned transfer
    with its own amount: wherever a file is cut, the cut is inside or between dumps."""
    lines: list[str] = []
    noise = random.Random(7)  # a request id that does not compress: the gzip file is big enough to cut
    for n in range(count):
        body = f'{{"amount_cents":{1000 + n},"transfer_type":"pix"}}'
        lines += [f"2026-11-22 13:00:00.{n % 1000:03d} D/OkHttp: --> POST {URL}",
                  f"2026-11-22 13:00:00.000 D/OkHttp: X-Request-Id: {noise.getrandbits(1024):0256x}",
                  "2026-11-22 13:00:00.000 D/OkHttp: Content-Type: application/json",
                  f"2026-11-22 13:00:00.000 D/OkHttp: Content-Length: {len(body)}",
                  "2026-11-22 13:00:00.000 D/OkHttp: ",
                  f"2026-11-22 13:00:00.000 D/OkHttp: {body}",
                  f"2026-11-22 13:00:00.000 D/OkHttp: --> END POST ({len(body)}-byte body)"]
    return ("\n".join(lines) + "\n").encode()


def pretty_log(count: int) -> bytes:
    """JSON log records pretty-printed over lines, each holding its request as a member object
    whose URL (the only line naming the provider) comes last but two: a range that ends between
    a record's first line and its URL has no anchor for it, and the range after sees the request
    object, or part of it, without the record around it."""
    noise = random.Random(11)
    lines: list[str] = []
    for n in range(count):
        request = {"method": "POST", "attempt": 1, "queue": "transfers", "url": URL,
                   "headers": {"Content-Type": "application/json"},
                   "body": f'{{"amount_cents":{1000 + n},"transfer_type":"pix"}}'}
        record = {"id": f"{noise.getrandbits(1024):0256x}", "service": "payouts", "request": request}
        lines += [f"2026-11-22 13:00:00 DEBUG request {n}:", *json.dumps(record, indent=2).splitlines()]
    return ("\n".join(lines) + "\n").encode()


def otlp_value(value: object) -> dict[str, object]:
    """A value as OTLP/JSON writes an attribute's AnyValue: a string as ``{"stringValue": …}``, a
    list as ``{"arrayValue": {"values": […]}}`` (opentelemetry-proto common.proto)."""
    if isinstance(value, list):
        return {"arrayValue": {"values": [otlp_value(item) for item in value]}}
    return {"stringValue": value}
