"""Four money-out requests every shape of the second blind corpus writes in its own shape, and
the one check they must all pass.

Unlike :mod:`helpers.request_shapes` (whose signature is a placeholder nobody can verify), the
iugu transfers here are signed with a real RSA key pair, so a shape must keep the body byte for
byte for the signature to verify with ``--public-key``:

- an unsigned iugu transfer (``iugu-unsigned-transfer``);
- an iugu transfer signed with the client's key (counted as a valid signature);
- an iugu transfer signed with another key (``iugu-bad-signature``, counted invalid);
- an Asaas transfer with its key in the ``access_token`` header (``asaas-unsigned-transfer``:
  Asaas signs nothing).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import pytest

from helpers.credentials import asaas_key, iugu_token
from helpers.request_shapes import HOST as IUGU_HOST
from helpers.request_shapes import PATH as IUGU_PATH
from helpers.request_shapes import TIME as TIME_HEADER
from helpers.running import request_rules, scan_json
from helpers.signing import key_pair, signature_header

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric import rsa

TIME = TIME_HEADER[1]
LOG = "requests.log"
ASAAS_HOST, ASAAS_PATH = "api.asaas.com", "/v3/transfers"
EXPECTED = ["asaas-unsigned-transfer", "iugu-bad-signature", "iugu-unsigned-transfer"]


@dataclass(frozen=True)
class Request:
    """One request as sent: what a shape writes."""

    method: str
    host: str
    path: str
    headers: list[tuple[str, str]]
    body: str

    @property
    def url(self) -> str:
        return f"https://{self.host}{self.path}"

    @property
    def content_length(self) -> str:
        """The Content-Length a client sends with the body: its size in bytes, as text."""
        return str(len(self.body.encode()))


Shape = Callable[[Request], list[str]]  # one request in, the lines that record it out
BASE = ("Content-Type", "User-Agent")  # the headers a service's client sets once, for each of its requests


def header_value(request: Request, name: str) -> str:
    """The value of the request's header ``name``."""
    return next(value for key, value in request.headers if key == name)


def call_headers(request: Request) -> list[tuple[str, str]]:
    """The headers of this one request: those but its client's common ones (:data:`BASE`)."""
    return [(name, value) for name, value in request.headers if name not in BASE]


def envelope(request: Request) -> dict[str, object]:
    """The request as the payouts service's outbox keeps it: method, URL, headers as a map, the
    body as the string sent (what a shape that stores requests as records stores)."""
    return {"method": request.method, "url": request.url, "headers": dict(request.headers), "body": request.body}


def go_canonical(name: str) -> str:
    """A header name as Go's textproto.CanonicalMIMEHeaderKey writes it (`access_token` is
    `Access_token`): Go loggers and dumps show names so, whatever the client set."""
    return "-".join(part[:1].upper() + part[1:].lower() for part in name.split("-"))


def run_id(request: Request) -> str:
    """One id per request, the same each time the request is written (a job, run or log id)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, repr(request)))


def json_line(record: object) -> list[str]:
    """``record`` as one compact JSON line, as a JSON Lines log writes it."""
    return [json.dumps(record, ensure_ascii=False, separators=(",", ":"))]


def json_pretty(record: object) -> list[str]:
    """``record`` pretty-printed over lines, as a console or an export writes it."""
    return json.dumps(record, indent=2, ensure_ascii=False).split("\n")


def requests(folder: Path) -> tuple[list[Request], Path]:
    """The four requests, and the client's public key (PEM) that verifies the signed one."""
    client, public = key_pair(folder, "client")
    other, _ = key_pair(folder, "other")
    token = iugu_token()
    base = [("Content-Type", "application/json"), ("User-Agent", "payouts/3.1")]
    body = '{\n"api_token":"%s",\n"amount_cents":1050,\n"transfer_type":"pix"\n}' % token  # as iugu's sample

    def signed(private: rsa.RSAPrivateKey) -> Request:
        value = signature_header(private, "POST", IUGU_PATH, token, TIME, body.encode())
        return Request("POST", IUGU_HOST, IUGU_PATH, base + [("Request-Time", TIME), ("Signature", value)], body)

    asaas = Request("POST", ASAAS_HOST, ASAAS_PATH, base + [("access_token", asaas_key())],
                    json.dumps({"value": 100.5, "pixAddressKey": "payouts@example.com"}, separators=(",", ":")))
    return [Request("POST", IUGU_HOST, IUGU_PATH, base, body), signed(client), signed(other), asaas], public


def write_shape(shape: Shape, folder: Path, name: str = LOG) -> tuple[Path, Path]:
    """The four requests in ``shape``, between heartbeat lines, as one file in ``folder``; the
    file and the public key that verifies the signed request."""
    noise = [f"2026-11-22 13:00:{n:02d} INFO worker heartbeat ok" for n in range(40)]
    lines: list[str] = []
    found, public = requests(folder)
    for request in found:
        lines += noise + shape(request)
    path = folder / name
    path.write_bytes(("\n".join(lines + noise) + "\n").encode("utf-8", "surrogateescape"))
    return path, public


def plaintext_findings(body_shown: bool) -> list[str]:
    """What the four requests add when the shape shows they went over plain HTTP (a packet
    capture on port 80): one finding each, that the credential crossed in clear text where the
    request shows it (the Asaas key in its header; the iugu token in the body, when the body is
    the bytes sent), else that a request to the provider's API did."""
    return ["credential-over-plaintext-http"] * (4 if body_shown else 1) + ([] if body_shown else
                                                                            ["iugu-plaintext-request"] * 3)


def assert_shape_findings(path: Path, public: Path, shape: str, body_shown: bool = True,
                          plaintext: bool = False) -> None:
    """The scan of ``path`` with the client's public key judges the four requests as every shape
    must: each request once (a request logged twice by one client is still one request). Where
    the shape never shows a body (a client that logs headers only), neither signature can be
    judged: both count as unverified, and only the unsigned transfers are findings. Where it
    shows the requests went over plain HTTP, each is a plaintext finding too."""
    report, _ = scan_json("--public-key", str(public), str(path))
    found = request_rules(report)
    counts = report["scan"]["requests"]
    expected = EXPECTED if body_shown else [rule for rule in EXPECTED if rule != "iugu-bad-signature"]
    expected = sorted(expected + (plaintext_findings(body_shown) if plaintext else []))
    assert found == expected, (shape, found, counts)
    signatures = (counts.get("signatures_valid"), counts.get("signatures_invalid"), counts.get("signatures_unverified"))
    assert signatures == ((1, 1, None) if body_shown else (None, None, 2)), (shape, counts)


def check_shape(shape: Shape, folder: Path, name: str = LOG, body_shown: bool = True,
                plaintext: bool = False) -> None:
    """Write the four requests in ``shape`` to ``folder`` and check the scan judges them as
    every shape must (see :func:`assert_shape_findings`)."""
    path, public = write_shape(shape, folder, name)
    assert_shape_findings(path, public, shape.__name__, body_shown, plaintext)


def case(shape: Shape, name: str = LOG, plaintext: bool = False, missed: str = "") -> object:
    """One shape of a blind corpus as a test case of the shared checks: the file ``name`` it is
    written to, whether it shows the requests went over plain HTTP, and, when the readers cannot
    take it yet, what they miss (``missed``: a strict expected failure whose reason says it)."""
    marks = [pytest.mark.xfail(strict=True, reason=missed)] if missed else []
    return pytest.param(shape, name, plaintext, id=shape.__name__, marks=marks)
