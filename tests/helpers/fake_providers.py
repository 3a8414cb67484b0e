"""A local HTTPS server on loopback that plays Asaas and iugu for ``--verify`` tests.

Its certificate is made here, for the providers' host names, by a certificate authority made
here too, which only the test's :class:`~keyaudit.verify.Transport` trusts. The server answers by
the credential a request carries (``access_token`` for Asaas, HTTP Basic ``token:`` for iugu):
``answers`` maps a credential to a status, or to :data:`HANG` (the answer never comes), and any
other credential gets 401, as the providers answer an invalid key. Every request is recorded as
it arrived (method, target, headers in order, how many body bytes came with it), so tests can
assert what keyaudit sends, and how often.
"""

from __future__ import annotations

import base64
import datetime
import ssl
import tempfile
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from keyaudit.verify import Transport

HOSTS = ("api.asaas.com", "api-sandbox.asaas.com", "api.iugu.com")
HANG = -1  # an answer that never comes: the client's timeout must end the wait
REDIRECT = 302


@dataclass(frozen=True, repr=False)
class Seen:
    """One request as the server received it (its repr, in a failing test's output, shows no
    header value: one is a credential)."""

    method: str
    target: str
    headers: tuple[tuple[str, str], ...]
    body: bytes

    def __repr__(self) -> str:
        return f"Seen({self.method} {self.target}, headers={sorted(self.header_names)}, body={len(self.body)} bytes)"

    def header(self, name: str) -> str | None:
        return next((value for key, value in self.headers if key.lower() == name.lower()), None)

    @property
    def header_names(self) -> set[str]:
        return {key.lower() for key, _ in self.headers}

    @property
    def credential(self) -> str | None:
        """The credential the request carries, as the provider reads it."""
        authorization = self.header("Authorization")
        if authorization and authorization.startswith("Basic "):
            return base64.b64decode(authorization[6:]).decode().removesuffix(":")
        return self.header("access_token")


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def certificates(hosts: tuple[str, ...] = HOSTS) -> tuple[str, bytes, bytes]:
    """A new authority's certificate (PEM text, what the test trusts) and a server certificate and
    key (PEM) for ``hosts`` that it signed."""
    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_name = _name("keyaudit test authority")
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
          .not_valid_after(now + datetime.timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                       crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    leaf = (x509.CertificateBuilder().subject_name(_name(hosts[0])).issuer_name(ca_name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(host) for host in hosts]), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    pem = serialization.Encoding.PEM
    key_pem = key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return ca.public_bytes(pem).decode("ascii"), leaf.public_bytes(pem), key_pem


@dataclass(repr=False)
class FakeProviders:
    """The running server: what it answers, what it saw, and the transport that reaches it (its
    repr, in a failing test's output, shows no credential)."""

    answers: dict[str, int]
    trust: str = ""
    port: int = 0
    seen: list[Seen] = field(default_factory=list)
    released: threading.Event = field(default_factory=threading.Event)  # ends every hanging answer

    def __repr__(self) -> str:
        return f"FakeProviders(port={self.port}, {len(self.answers)} answers, {len(self.seen)} requests seen)"

    def transport(self) -> Transport:
        """What keyaudit is handed: the providers' hosts opened to this server, its authority trusted."""
        return Transport(trust=self.trust, connect_to={host: ("127.0.0.1", self.port) for host in HOSTS})

    def by_credential(self) -> dict[str | None, list[Seen]]:
        found: dict[str | None, list[Seen]] = {}
        for request in self.seen:
            found.setdefault(request.credential, []).append(request)
        return found


def _handler(providers: FakeProviders) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            request = Seen(self.command, self.path, tuple(self.headers.items()), self.rfile.read(length))
            providers.seen.append(request)
            status = providers.answers.get(request.credential or "", 401)
            if status == HANG:
                providers.released.wait(30)
                return
            self.send_response(status)
            if status == REDIRECT:
                self.send_header("Location", "https://elsewhere.example/steal")
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"{}")

        do_POST = do_PUT = do_DELETE = do_GET  # recorded, so a test sees any that is sent

        def log_message(self, *args: object) -> None:  # quiet: a test's output is its assertions
            pass

    return Handler


def serve(answers: dict[str, int]) -> Iterator[FakeProviders]:
    """Run the server for the duration of a fixture (``yield from serve(...)``)."""
    trust, certificate, key = certificates()
    providers = FakeProviders(answers, trust)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(providers))
    server.daemon_threads = True
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "cert.pem").write_bytes(certificate)
        (Path(folder) / "key.pem").write_bytes(key)
        context.load_cert_chain(Path(folder) / "cert.pem", Path(folder) / "key.pem")
    server.socket = context.wrap_socket(server.socket, server_side=True)
    providers.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield providers
    finally:
        providers.released.set()
        server.shutdown()
        server.server_close()
