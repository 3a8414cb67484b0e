"""iugu request signatures: the signing string, RSA verification, and why a signature fails.

iugu signs ``METHOD|PATH`` ``\\n`` ``API_TOKEN|REQUEST_TIME`` ``\\n`` ``BODY`` with RSA PKCS#1 v1.5
over SHA-256, byte for byte. A signature that does not verify almost always means the bytes
signed and the bytes sent differ — a re-indented body, a path with its query, another time,
another key — so on failure we try those near variants and name the one that verifies.
Nothing here ever prints the API token or a whole signature.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, AbstractSet, Callable, Iterator
from urllib.parse import parse_qs, urlsplit

from keyaudit.model.setup_files import regular
from keyaudit.rulebook.errors import SignatureKeyError
from keyaudit.model.exchange import Exchange, hidden_value, said_value, unexpanded_value
from keyaudit.rulebook.replay import another_scheme

if TYPE_CHECKING:  # cryptography is imported where keys are used: a scan without keys starts faster
    from cryptography.hazmat.primitives.asymmetric import rsa

    from keyaudit.rulebook.requests import RequestContext

KEY_SUFFIXES = (".pem", ".pub", ".crt", ".cer", ".key")
_PAIR = re.compile(r"\s*([A-Za-z]+)\s*=\s*([^,]*)\s*")
_BASE64 = re.compile(r"[A-Za-z0-9+/]+={0,2}")
_ISO_WITH_OFFSET = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})")


MIN_KEY_BITS = 2048  # iugu's instructions generate 2048-bit keys; shorter RSA keys can be factored


@dataclass(frozen=True)
class PublicKey:
    """An RSA public key and a short id to name it in messages (file and fingerprint)."""

    key_id: str
    key: "rsa.RSAPublicKey"

    @property
    def digest(self) -> str:
        return key_digest(self.key)


def key_digest(key: "rsa.RSAPublicKey") -> str:
    """``sha256:<hex>`` of the key's SubjectPublicKeyInfo: the same for a public key file and the
    public half of its private key, whatever PEM form either was written in."""
    from cryptography.hazmat.primitives import serialization

    der = key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return "sha256:" + hashlib.sha256(der).hexdigest()


def short_key_warnings(keys: list[PublicKey]) -> list[str]:
    """One line for each key shorter than :data:`MIN_KEY_BITS`.

    A warning, not a finding: the key file is the user's configuration, not part of what is
    scanned (it has no place in the scanned tree, and often lives outside it), and the person
    who passed it is the one reading the warning.
    """
    return [f"--public-key {key.key_id} is a {key.key.key_size}-bit RSA key: below {MIN_KEY_BITS} bits it can be "
            "factored and its signatures forged; generate a 2048-bit (or longer) pair and register the new "
            "public key with a new iugu API token" for key in keys if key.key.key_size < MIN_KEY_BITS]


@dataclass(frozen=True)
class ParsedSignature:
    """A decoded ``Signature`` header. The signature bytes stay out of ``repr``: reports and
    tracebacks are read by people, and a whole signature is not theirs to copy."""

    signature: bytes = field(repr=False)
    algorithm: str | None = None
    key_version: str | None = None


@dataclass(frozen=True)
class SignatureVerdict:
    """``status``: valid, invalid, malformed, unverified (no key given, no body shown, or another scheme's
    signature) or missing."""

    status: str
    reason: str
    key_id: str | None = None


# The verdict on a well-formed signature when no key was given: the one unverified reason a flag mends.
NO_KEY = SignatureVerdict("unverified", "no public key given (--public-key)")


def signing_string(method: str, path: str, api_token: str, request_time: str, body: bytes) -> bytes:
    """The exact bytes iugu signs."""
    return f"{method.upper()}|{path}\n{api_token}|{request_time}\n".encode() + body


def parse_signature_header(value: str) -> ParsedSignature | None:
    """``signature=<b64>`` or ``algorithm=RSA256, keyVersion=0, signature=<b64>``; None if malformed."""
    fields: dict[str, str] = {}
    for part in value.split(","):
        match = _PAIR.fullmatch(part)
        if not match:
            return None
        fields[match.group(1).lower()] = match.group(2).strip()
    encoded = fields.get("signature", "")
    if set(fields) - {"signature", "algorithm", "keyversion"} or not _BASE64.fullmatch(encoded):
        return None
    try:
        raw = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        return None
    return ParsedSignature(raw, fields.get("algorithm"), fields.get("keyversion"))


def parse_request_time(value: str) -> datetime | None:
    """ISO 8601 with a UTC offset (``Z`` or ``±hh:mm``); None when unparseable or naive."""
    text = value.strip()
    if not _ISO_WITH_OFFSET.fullmatch(text):
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def _key_from_pem(data: bytes, path: Path) -> "rsa.RSAPublicKey":
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    loaders: list[Callable[[], object]] = [
        lambda: serialization.load_pem_public_key(data),
        lambda: x509.load_pem_x509_certificate(data).public_key(),
        lambda: serialization.load_pem_private_key(data, password=None).public_key(),  # type: ignore[union-attr]
    ]
    for load in loaders:
        try:
            key = load()
        except (ValueError, TypeError):
            continue
        if not isinstance(key, rsa.RSAPublicKey):
            raise SignatureKeyError(path, "not an RSA key (iugu signs with RSA)")
        return key
    raise SignatureKeyError(path, "not a PEM public key, certificate or private key")


def load_public_keys(paths: list[Path]) -> list[PublicKey]:
    """Keys from PEM files, or every key file in a folder."""
    keys: list[PublicKey] = []
    if not paths:
        return keys
    for path in paths:
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in KEY_SUFFIXES) if path.is_dir() else [path]
        if path.is_dir() and not files:
            raise SignatureKeyError(path, f"no key files ({', '.join(KEY_SUFFIXES)}) in this folder")
        for file in files:
            try:
                data = regular(file).read_bytes()
            except OSError as exc:
                raise SignatureKeyError(file, f"cannot read: {exc.strerror or exc}") from None
            key = _key_from_pem(data, file)
            keys.append(PublicKey(f"{file.name} ({key_digest(key)[:19]})", key))
    return keys


def api_token_of(body: bytes | None) -> str | None:
    """The ``api_token`` a signed request carries in its JSON (or form) body."""
    if not body:
        return None
    document = _document(body)
    if document is None:
        values = parse_qs(body.decode("utf-8", "replace")).get("api_token")
        return values[0] if values else None
    token = document.get("api_token") if isinstance(document, dict) else None
    return token if isinstance(token, str) else None


def _document(body: bytes | str) -> object:
    """The JSON ``body`` is: in UTF-8 (or UTF-16, -32), else in Latin-1 (a signature is over bytes in any charset)."""
    try:
        return json.loads(body)
    except UnicodeDecodeError:
        return _document(body.decode("latin-1")) if isinstance(body, bytes) else None
    except (ValueError, RecursionError):
        return None


def _verifies(key: PublicKey, signature: bytes, message: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    try:
        key.key.verify(signature, message, padding.PKCS1v15(), hashes.SHA256())
    except (InvalidSignature, ValueError):
        return False
    return True


def _body_variants(body: bytes) -> Iterator[tuple[str, bytes]]:
    """The body as a client may have signed it before it changed on the way.

    Clients sign one serialisation and their HTTP library, proxy or logger sends another: the
    JSON re-dumped compactly or indented, non-ASCII escaped or not, a newline added by an editor
    or ``echo``. Each distinct candidate is yielded once, the plainest explanation first.
    """
    seen = {body}

    def fresh(candidate: bytes) -> bool:
        if candidate in seen:
            return False
        seen.add(candidate)
        return True

    for label, candidate in (("the body with a newline after it", body + b"\n"),
                             ("the body without the whitespace around it", body.strip())):
        if fresh(candidate):
            yield label, candidate
    try:
        document = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return
    for label, text in (
        ("the body re-serialised compactly", json.dumps(document, separators=(",", ":"), ensure_ascii=False)),
        ("the body re-serialised compactly (ASCII escapes)", json.dumps(document, separators=(",", ":"))),
        ("the body re-serialised with spaces", json.dumps(document, ensure_ascii=False)),
        ("the body re-serialised with spaces (ASCII escapes)", json.dumps(document)),
        ("the body pretty-printed", json.dumps(document, indent=2, ensure_ascii=False)),
        ("the body pretty-printed (ASCII escapes)", json.dumps(document, indent=2)),
        ("the body pretty-printed (4 spaces)", json.dumps(document, indent=4, ensure_ascii=False)),
    ):
        for suffix, ending in (("", ""), (" with a trailing newline", "\n")):
            candidate = (text + ending).encode()
            if fresh(candidate):
                yield label + suffix, candidate


def _time_variants(time: str) -> list[str]:
    """The same instant written the other ways clients write it.

    A client may sign one rendering of the time and send another: in UTC with ``Z`` or
    ``+00:00`` instead of its local offset, without the offset, without fractional seconds,
    or with ``-0300`` instead of ``-03:00``.
    """
    parsed = parse_request_time(time)
    if parsed is None:
        return []
    forms: set[str] = set()
    for moment in (parsed, parsed.astimezone(timezone.utc)):
        for instant in (moment, moment.replace(microsecond=0)):
            iso = instant.isoformat()
            forms |= {iso, iso.replace("+00:00", "Z"), re.sub(r"([+-]\d{2}):(\d{2})$", r"\1\2", iso),
                      instant.strftime("%Y-%m-%dT%H:%M:%S")}
    return sorted(form for form in forms if form != time)


def signature_check(keys: list[PublicKey], provider_hosts: AbstractSet[str] = frozenset()
                    ) -> Callable[[Exchange, "RequestContext"], str | None]:
    """The ``iugu_signature`` request check: a problem to report, or None; counts verdicts."""

    def check(exchange: Exchange, context: "RequestContext") -> str | None:
        verdict = verify(exchange, keys, provider_hosts)
        context.statistics[f"signatures_{verdict.status}"] += 1
        if verdict == NO_KEY:  # not a value hidden by the logger, nor a body not shown: a key would tell
            context.statistics["signatures_unverified_without_key"] += 1
        return verdict.reason if verdict.status in ("malformed", "invalid") else None

    return check


def _diagnose(exchange: Exchange, keys: list[PublicKey], signature: bytes, token: str, time: str,
              body: bytes) -> str:
    """Which near variant of the signed bytes verifies, said in words."""
    method, path = exchange.method, exchange.path
    query = urlsplit(exchange.url).query
    candidates: list[tuple[str, bytes]] = []
    candidates += [(f"signature was made over {label}; the body sent differs byte for byte",
                    signing_string(method, path, token, time, variant)) for label, variant in _body_variants(body)]
    if query:
        candidates.append(("signature covers the path with its query string; iugu signs the path alone",
                           signing_string(method, f"{path}?{query}", token, time, body)))
    candidates.append(("signed string ends with a newline the request does not have",
                       signing_string(method, path, token, time, body) + b"\n"))
    candidates += [(f"signature was made with the Request-Time written as {other!r}, not as sent",
                    signing_string(method, path, token, other, body)) for other in _time_variants(time)]
    for label, message in candidates:
        if any(_verifies(key, signature, message) for key in keys):
            return label
    if len(signature) * 8 not in {key.key.key_size for key in keys}:
        return "signature length does not match any supplied key (truncated, or another key size)"
    return ("signature does not verify with any supplied key for the bytes sent (another key, "
            "token or Request-Time was signed, or the body changed)")


# Captures of records an application writes about its calls (a JSON or logfmt line, a YAML, TOML or XML record, a
# table's row): a word there about the Signature header (`signature=ok`) is its summary, no value sent.
SUMMARIES = frozenset({"jsonlog", "logfmt", "yaml", "toml", "xml", "table", "sql"})


def verify(exchange: Exchange, keys: list[PublicKey], provider_hosts: AbstractSet[str] = frozenset()
           ) -> SignatureVerdict:
    """Judge the ``Signature`` and ``Request-Time`` of one captured request (sent to one of the ``provider_hosts``,
    by iugu's scheme whatever it looks like: see :func:`~keyaudit.rulebook.replay.another_scheme`)."""
    header = (exchange.header("Signature") or "").strip()
    if not header:
        return SignatureVerdict("missing", "no Signature header")
    time = (exchange.header("Request-Time") or "").strip()
    if hidden_value(header) or hidden_value(time):
        return SignatureVerdict("unverified", "the capture shows the signature's headers with their values hidden by "
                                              "the logger")
    if exchange.origin.capture in SUMMARIES and said_value(header):
        return SignatureVerdict("unverified", "the record says the Signature header was sent, not its value")
    if unexpanded_value(header) or unexpanded_value(time):
        return SignatureVerdict("unverified", "the signature's headers hold a variable a script or template fills in "
                                              "when it runs, not a value sent")
    if another_scheme(header, exchange.host in provider_hosts):
        return SignatureVerdict("unverified", "the Signature header is another scheme's (the HTTP Signatures "
                                              "draft's keyId=\"…\", a webhook sender's t=…,v1=…), not iugu's")
    parsed = parse_signature_header(header)
    if parsed is None:
        return SignatureVerdict("malformed", "Signature header is not 'signature=<base64>' or "
                                             "'algorithm=…, keyVersion=…, signature=<base64>'")
    if not time:
        return SignatureVerdict("malformed", "signed request without a Request-Time header")
    if parse_request_time(time) is None:
        return SignatureVerdict("malformed", "Request-Time is not ISO 8601 with a UTC offset")
    if not keys:
        return NO_KEY
    if exchange.body is None:  # the capture does not show it (a client that logs headers only)
        return SignatureVerdict("unverified", "the capture does not show the body the signature is over")
    if not exchange.body_exact:  # parsed (a watcher that stores the JSON decoded) or cut short
        return SignatureVerdict("unverified", "the capture shows the body, but not as the bytes the signature is over")
    body = exchange.body
    token = api_token_of(body)
    if token is None:
        return SignatureVerdict("invalid", "no api_token in the body, so the signed string cannot be rebuilt")
    message = signing_string(exchange.method, exchange.path, token, time, body)
    for key in keys:
        if _verifies(key, parsed.signature, message):
            return SignatureVerdict("valid", f"verified with {key.key_id}", key.key_id)
    return SignatureVerdict("invalid", _diagnose(exchange, keys, parsed.signature, token, time, body))
