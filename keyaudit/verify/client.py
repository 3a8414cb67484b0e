"""The requests of ``--verify``: one read-only HTTPS request per distinct credential, and its verdict.

Standard library only (``http.client`` with an ``ssl`` context): it follows no redirect, reads no
proxy variable, and sends exactly what is written here — the ``Host`` header, a ``User-Agent``
naming keyaudit and the credential, no body. TLS is 1.2 or later with certificate and host name
checks; every socket operation has a short timeout; a few requests run at once. Nothing of a
failure is reported but its kind (``timeout``, ``HTTP 429``): an exception's text can quote what
was sent, and what was sent is a credential.
"""

from __future__ import annotations

import base64
import http.client
import ipaddress
import socket
import ssl
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Callable, Mapping
from urllib.parse import urlsplit

from keyaudit import __version__
from keyaudit.model.verification import ACTIVE, INACTIVE, UNKNOWN, Verification
from keyaudit.rulebook.verification import VerificationSpec
from keyaudit.verify.candidates import Candidate, Candidates, Verdicts

USER_AGENT = f"keyaudit/{__version__} (leaked-credential check)"
DEFAULT_TIMEOUT = 5.0  # seconds for each connect, TLS handshake and read
CONCURRENCY = 4  # requests in flight at once: few enough not to look like an attack on the provider


@dataclass(frozen=True)
class Transport:
    """How requests reach the providers: the system's trust store and the hosts the URLs name.

    A test gives another transport through the library (``Session(..., transport=…)``; the
    command line has no option, variable or configuration key for it): ``trust`` (PEM
    certificates, then the only ones trusted) and ``connect_to`` (a host's connections opened to a
    loopback address instead; the ``Host`` header, TLS server name and certificate check still
    use the host). Only loopback addresses are accepted, so even a misuse of this hook cannot
    send a credential off the machine."""

    trust: str | None = None
    connect_to: Mapping[str, tuple[str, int]] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        for host, (address, _port) in self.connect_to.items():
            if not ipaddress.ip_address(address).is_loopback:
                raise ValueError(f"connect_to {host!r}: only a loopback address may stand in for a provider")

    def context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(cadata=self.trust) if self.trust else ssl.create_default_context()
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        context.check_hostname = True
        context.verify_mode = ssl.CERT_REQUIRED
        return context


class _Connection(http.client.HTTPSConnection):
    """An HTTPS connection to ``host`` (name, SNI and certificate) opened to ``address``."""

    def __init__(self, host: str, address: tuple[str, int], context: ssl.SSLContext, timeout: float) -> None:
        super().__init__(host, 443, context=context, timeout=timeout)  # the Host header names no port
        self._address, self._tls = address, context

    def connect(self) -> None:
        raw = socket.create_connection(self._address, self.timeout)
        self.sock = self._tls.wrap_socket(raw, server_hostname=self.host)


def headers(spec: VerificationSpec, value: str) -> list[tuple[str, str]]:
    """The headers besides ``Host``: a User-Agent naming keyaudit, and the credential as the
    provider's rules say it travels."""
    form, name = spec.credential
    if form == "basic":
        return [("User-Agent", USER_AGENT),
                ("Authorization", "Basic " + base64.b64encode(f"{value}:".encode()).decode("ascii"))]
    return [("User-Agent", USER_AGENT), (name, value)]


def _verdict(spec: VerificationSpec, status: int, host: str) -> Verification:
    if status in spec.active:
        return Verification(ACTIVE, None, host)
    if status in spec.inactive:
        return Verification(INACTIVE, None, host)
    if status == 429:
        return Verification(UNKNOWN, "rate limited (HTTP 429)", host)
    if 300 <= status < 400:
        return Verification(UNKNOWN, f"redirect not followed (HTTP {status})", host)
    if status >= 500:
        return Verification(UNKNOWN, f"provider error (HTTP {status})", host)
    return Verification(UNKNOWN, f"HTTP {status}", host)


def _failure(exc: BaseException) -> str:
    """The kind of a failed request, never its text."""
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return "timeout"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return "TLS certificate not trusted"
    if isinstance(exc, ssl.SSLError):
        return "TLS error"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, socket.gaierror):
        return "host not found"
    if isinstance(exc, http.client.HTTPException):
        return "not an HTTP answer"
    return f"network error ({type(exc).__name__})"


def send(candidate: Candidate, transport: Transport, context: ssl.SSLContext, timeout: float) -> Verification:
    """One request for one credential; its verdict whatever happens."""
    parts = urlsplit(candidate.url)
    host = parts.hostname or ""
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    connection = _Connection(host, transport.connect_to.get(host, (host, 443)), context, timeout)
    try:
        connection.putrequest(candidate.spec.method, target, skip_accept_encoding=True)
        for name, value in headers(candidate.spec, candidate.value):
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        response.close()  # the body is never read: the status is the answer
        return _verdict(candidate.spec, response.status, host)
    except (OSError, http.client.HTTPException, ValueError) as exc:  # ValueError: a header http.client refused
        return Verification(UNKNOWN, _failure(exc), host)
    finally:
        connection.close()


def plan_line(candidates: Candidates) -> str:
    """What a run says before it sends anything: how many requests, to which hosts."""
    hosts = Counter(urlsplit(candidate.url).hostname for candidate in candidates.planned.values())
    count = sum(hosts.values())
    where = ", ".join(f"{n} to {host}" for host, n in sorted(hosts.items()))
    line = f"--verify: sending {count} request{'s' if count != 1 else ''}" + (f" ({where})" if where else "")
    unsent = len(candidates.not_sent) + candidates.over_limit
    if unsent:
        line += f"; {unsent} credential{'s' if unsent != 1 else ''} not sent (see their verification reason)"
    return line


def verify(candidates: Candidates, specs: Mapping[str, VerificationSpec], *, say: Callable[[str], None],
           timeout: float = DEFAULT_TIMEOUT, transport: Transport | None = None) -> Verdicts:
    """Say what will be sent, send one request per planned credential (a few at a time), and
    give every collected credential its verdict."""
    say(plan_line(candidates))
    transport = transport or Transport()
    planned = list(candidates.planned.values())
    context = transport.context() if planned else None
    by_identity: dict[str, Verification] = dict(candidates.not_sent)
    if planned and context is not None:
        with ThreadPoolExecutor(max_workers=min(CONCURRENCY, len(planned))) as pool:
            outcomes = pool.map(lambda candidate: send(candidate, transport, context, timeout), planned)
            by_identity.update(zip((candidate.identity for candidate in planned), outcomes))
    return Verdicts(MappingProxyType(by_identity), frozenset(specs))
