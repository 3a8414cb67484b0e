"""Named structural checks that turn a pattern hit into a credential (or reject it).

Patterns find candidates cheaply; a validator decides whether the candidate really is a key by
looking at its structure (an Asaas key decodes to ``<hex>::<id>::$aach_<uuid>``, a Basic value
decodes to ``user:password``), which is what removes placeholders, hashes and masked values.
Rules name a validator by its name in :data:`keyaudit.rulebook.registry.VALIDATORS`.
"""

from __future__ import annotations

import base64
import binascii
import functools
import math
import operator
import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Sequence
from urllib.parse import unquote

from keyaudit.rulebook.basic_users import BasicUser

IUGU_TOKEN = re.compile(r"[0-9a-f]{32}|[0-9A-F]{32}|[0-9A-F]{64}")
_LEGACY_ASAAS_KEY = re.compile(r"[0-9a-f]{64}|[0-9A-F]{64}")
_ASAAS_PAYLOAD = re.compile(
    r"[0-9a-fA-F]{32}::[0-9A-Za-z-]{1,64}::\$aach_[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}"
)
# A payload whose account id or `$aach_` id is all zeros (the nil UUID, `0000000000000000000`):
# no key Asaas issued, but the example a tutorial or a fixture builds to look like one.
_NIL_IDS = re.compile(r"::[0-]+::|\$aach_[0-]+$")
# How the key is written before its payload: its `$` in whichever spelling the rule's pattern
# took (`$$`, `\$`, `%24`, `\u0024`, `\044`, …: rule data), then `aact_` and the environment (which
# the rule says, too).
_ASAAS_PREFIX = re.compile(r"^.{0,12}?aact_(?:(?:prod|hmlg)_)?", re.IGNORECASE | re.DOTALL)
_PLACEHOLDER_WORDS = frozenset(
    "password pass passwd secret changeme change_me example test token user username "
    "xxx xxxx xxxxxx null none undefined redacted masked hidden foo bar".split()
)


@dataclass(frozen=True)
class Validation:
    """What a validator learned: the canonical secret and facts the finding carries."""

    canonical: str
    visible_prefix: str = ""
    provider: str | None = None
    note: str | None = None
    key_digest: str | None = None  # of a private key's public half: tells a signing key apart


Validator = Callable[[str], "Validation | None"]


def _b64decode(text: str) -> bytes | None:
    """Decode standard or URL-safe base64, tolerating missing padding; None if it is not base64."""
    cleaned = text.replace("\\/", "/").rstrip("=")
    cleaned = cleaned.replace("-", "+").replace("_", "/")
    cleaned += "=" * (-len(cleaned) % 4)
    try:
        return base64.b64decode(cleaned, validate=True)
    except (binascii.Error, ValueError):
        return None


def asaas_key(secret: str) -> Validation | None:
    """An Asaas key in any of its written forms, checked by decoding its payload offline."""
    text = unquote(secret) if "%" in secret else secret
    prefix_match = _ASAAS_PREFIX.match(text)
    rest = text[prefix_match.end() :] if prefix_match else text
    for marker in ("000", ""):
        if marker and not rest.startswith(marker):
            continue
        payload = _run_on_cut(rest[len(marker) :])
        decoded = _b64decode(payload)
        if decoded is None:
            continue
        try:
            plain = decoded.decode("ascii")
        except UnicodeDecodeError:
            continue
        if _asaas_payload(plain):
            # The prefix and marker only: never what follows them, however much of ``rest`` the payload left.
            shown = text[: len(text) - len(rest) + len(marker)] if prefix_match or marker else ""
            return Validation(
                canonical=payload.rstrip("="),
                visible_prefix=shown,
            )
    return None


def _run_on_cut(payload: str) -> str:
    """``payload`` without what ran on into it: a binary file's strings stand back to back (a Java object stream's
    ``t`` before its next string, a SQLite record's next column), and the pattern takes them with the key. Where the
    whole does not decode to a key's payload but its start does, to a payload that ends on a whole base64 quad (one
    written without padding), the key is that start; else ``payload`` as it is."""
    whole = _b64decode(payload)
    if whole is not None and _asaas_payload(whole.decode("latin-1")):
        return payload
    decoded = _b64decode(payload[: len(payload) // 4 * 4])
    if decoded is None:
        return payload
    start = _ASAAS_PAYLOAD.match(decoded.decode("latin-1"))
    if start is None or start.end() % 3:
        return payload
    return payload[: start.end() // 3 * 4]


def _asaas_payload(plain: str) -> bool:
    return _ASAAS_PAYLOAD.fullmatch(plain) is not None and not _NIL_IDS.search(plain)


@functools.lru_cache(maxsize=1 << 12)
def _looks_random(value: str) -> bool:
    """Reject values a human typed as a stand-in: one repeated character, runs, low entropy. Remembered for the
    values asked last: a token is asked of on every line a log writes it, and again in each request that sends it."""
    lowered = value.lower()
    if len(set(lowered)) < 6:
        return False
    # A short unit repeated (`0123456789abcdef` twice) or mostly ascending runs (`abcdef0123…`).
    if lowered in (lowered + lowered)[1:-1]:  # found inside its doubling: it repeats a unit that divides it
        return False
    steps = list(map(operator.sub, map(ord, lowered[1:]), map(ord, lowered))).count(1)  # each code one past the last
    if steps * 2 > len(lowered) - 1:
        return False
    counts = Counter(lowered)
    entropy = -sum(c / len(value) * math.log2(c / len(value)) for c in counts.values())
    return entropy >= 2.8  # random 32-hex tokens fall below 3.0 about once in 10,000; below 2.8, never seen


def _random_hex(secret: str, shape: re.Pattern[str]) -> bool:
    """``secret`` has ``shape``, digits and letters both, and is not a typed placeholder."""
    return (shape.fullmatch(secret) is not None and _looks_random(secret)
            and any(c.isdigit() for c in secret) and any(c.isalpha() for c in secret))


def hex_token(secret: str) -> Validation | None:
    """A hex API token (iugu's shape: 32 hex in one case or 64 upper hex), not a typed placeholder."""
    return Validation(canonical=secret) if _random_hex(secret, IUGU_TOKEN) else None


def base64_hex_token(secret: str) -> Validation | None:
    """A hex API token written in base64 (a Kubernetes Secret's ``data``; ``echo TOKEN | base64``
    leaves the line feed in; YAML's ``!!binary`` block wraps it over indented lines): the token
    is the secret, however it was written."""
    decoded = _b64decode("".join(secret.split()))
    token = decoded.decode("ascii", "replace").strip() if decoded is not None else ""
    return Validation(canonical=token, note="base64 of the token") if hex_token(token) is not None else None


def encoded_hex_token(secret: str) -> Validation | None:
    """A hex API token written in base64 or as the hex of its characters (a constant a program
    decodes with ``hex.DecodeString`` or ``unhexlify``): the token is the secret either way. Hex of
    a token is told from a 64-hex token by what it decodes to: every byte a hex digit of one case."""
    found = base64_hex_token(secret)
    if found is not None or len(secret) % 2:
        return found
    try:
        token = bytes.fromhex(secret).decode("ascii")
    except ValueError:  # not hex, or bytes that are no text (UnicodeDecodeError is a ValueError)
        return None
    return Validation(canonical=token, note="hex of the token") if hex_token(token) is not None else None


def hex_token_or_base64(secret: str) -> Validation | None:
    """A hex API token as written or in base64: a key-value store's export keeps every value in
    base64 (``consul kv export``), beside the name it is stored under."""
    return hex_token(secret) or base64_hex_token(secret)


def legacy_asaas_key(secret: str) -> Validation | None:
    """A v2-era Asaas key: 64 hex of one case, and not a typed placeholder. Its shape is a
    SHA-256 digest's, so what makes it a key is the rule's context (an Asaas host or name)."""
    if not _random_hex(secret, _LEGACY_ASAAS_KEY):
        return None
    return Validation(canonical=secret, note="legacy 64-hex format")


_ALPHANUMERIC_RUN = re.compile(r"[0-9A-Za-z]+")
MIN_RANDOM_BODY = 16  # characters: shorter runs are ids and dates, not what makes a key secret


def random_token(secret: str) -> Validation | None:
    """A key written as fixed parts around a random body (``TEST-<digits>-<32 hex>-<digits>``,
    ``sk_test_<body>``), for any provider: its pattern says the format, and this rejects what a
    person typed in its place — the body (the longest run of letters and digits) must be long
    and look random (not ``0000…``, ``abcdef…`` or one character repeated)."""
    body = max(_ALPHANUMERIC_RUN.findall(secret), key=len, default="")
    if len(body) < MIN_RANDOM_BODY or not _looks_random(body):
        return None
    return Validation(canonical=secret)


# Documentation stand-ins: `password123`, `your_password`, `client_secret`, `YOUR_API_KEY`; and as documents in
# Portuguese and Spanish write them, the two providers' own languages among them (`sua_senha`, `senha123`,
# `sua-chave-secreta-aqui`, `contraseña`), or Russian (`пароль`, as a library's test of non-ASCII credentials has it).
_PLACEHOLDER_PASSWORD = re.compile(
    r"(?:(?:your|my|the|sua|seu|minha|meu|tu|su)[_-]?)?(?:[a-z]+[_-])*"
    r"(?:password|passwd|pass|pwd|secret|token|key|apikey|changeme|test|example"
    r"|senha|segredo|secreta|secreto|chave|teste|exemplo|contrase[ñn]a|clave|пароль)"
    r"(?:[_-]?(?:aqui|here))?[_-]?\d{0,4}",
    re.IGNORECASE,
)
# A user name that is the words "user name" (`username`, `your_username`, `nome_de_usuario`): a document's or a
# test's stand-in, whatever password it is given (an HTTP client's test of a non-ASCII password: username:mötorhead).
_PLACEHOLDER_USER = re.compile(
    r"(?:(?:your|my|the|sua|seu|minha|meu|tu|su)[_-]?)?"
    r"(?:user[_-]?name|login[_-]?name|nome[_-]?(?:de[_-]?)?usu[aá]rio|nombre[_-]?(?:de[_-]?)?usuario)",
    re.IGNORECASE,
)
# A user that is a mailbox at a name reserved for documentation (RFC 2606: example.com, .org, .net, and the
# .example, .test, .invalid and .localhost top-level names): no account of a real service is that mailbox, so
# the pair is an importer's fixture or a document's (john@example.com:abc123 in a collection of requests).
_EXAMPLE_MAILBOX = re.compile(r"[^@\s]+@(?:[a-z0-9-]+\.)*(?:example\.(?:com|org|net)|example|test|invalid|localhost)",
                              re.IGNORECASE)
# The RFCs' own examples, which documentation and the libraries that implement them copy into docstrings and
# tests: RFC 7617's user, and RFC 6749's client (OAuth 2.0, also RFC 7009's and RFC 7662's requests) with both
# of the secrets it is given there. They are compared by their ASCII letters and digits only, as copies respell
# them (a client library's test sends aladdin:opensesame, another's adds non-ASCII text to test its encoding).
_DOCUMENTED_CREDENTIALS = frozenset({("aladdin", "opensesame"), ("s6bhdrkqt3", "gx1fbat3bv"),
                                     ("s6bhdrkqt3", "7fjfp0zbr1ktdrbnfvdmiw")})
_NOT_ALPHANUMERIC = re.compile(r"[^A-Za-z0-9]+")


def _documented(user: str, password: str) -> bool:
    """Whether ``user`` and ``password`` are an RFC's example pair, however spaced or cased."""
    spelled = tuple(_NOT_ALPHANUMERIC.sub("", part).lower() for part in (user, password))
    return spelled in _DOCUMENTED_CREDENTIALS


def _credential_is_real(user: str, password: str) -> bool:
    if not user or not password or len(password) < 6:
        return False
    if password.lower() in _PLACEHOLDER_WORDS or user.lower() == password.lower():
        return False
    if _PLACEHOLDER_PASSWORD.fullmatch(password) or _documented(user, password):
        return False
    if _PLACEHOLDER_USER.fullmatch(user) or _EXAMPLE_MAILBOX.fullmatch(user):
        return False
    if any(mark in password for mark in ("${", "{{", "<", "%s", "***", "...")):
        return False
    return len(set(password)) >= 4


def basic_credential(secret: str, users: Sequence[BasicUser] = ()) -> Validation | None:
    """A Basic/Bearer value whose base64 decodes to a provider's token as ``users`` describe it
    (iugu's ``token:``) or to a real ``user:password``.

    The value may come percent-encoded (a form body's ``Basic%20…%3D``): it is decoded first. A
    last ``/`` that keeps the rest from decoding closes a regular expression (``/Basic …/`` in
    a Ruby or JavaScript test stub), since ``/`` is also a base64 character.
    """
    text = unquote(secret) if "%" in secret else secret
    found = _decoded_credential(text, users)
    if found is None and text.endswith("/"):
        found = _decoded_credential(text[:-1], users)
    return found


def _decoded_credential(value: str, users: Sequence[BasicUser]) -> Validation | None:
    decoded = _b64decode(value)
    if decoded is None:
        return None
    try:
        plain = decoded.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if ":" not in plain or not plain.isprintable():
        return None
    user, _, password = plain.partition(":")
    for known in users:
        if password == known.password and _random_hex(user, known.user):
            return Validation(canonical=user, provider=known.provider, note=known.note)
    if any(c in user for c in " {}\"'<>") or not _credential_is_real(user, password):
        return None
    return Validation(canonical=plain, provider="generic", note="decodes to a user name and password")


_PEM = re.compile(r"-----BEGIN (RSA |ENCRYPTED |)PRIVATE KEY-----(.+?)-----END \1PRIVATE KEY-----", re.DOTALL)
_ESCAPED_BREAK = re.compile(r"(?:\\+[rn])+")  # `\n` in JSON, `.env` and YAML strings, escaped to any depth
MIN_KEY_DER = 128  # a DER private key shorter than this is a stub or an example, not a usable key


@dataclass(frozen=True)
class _Pem:
    """A private-key PEM block as written: its base64 body, the DER it decodes to, and whether
    a passphrase encrypts it (PKCS#8 ``ENCRYPTED PRIVATE KEY`` or a ``Proc-Type`` header)."""

    body: str
    der: bytes
    encrypted: bool


def _private_pem(secret: str) -> _Pem | None:
    """The PEM block of ``secret``, also written with ``\\n`` escapes (JSON, ``.env``, YAML
    strings) or indented in a YAML block; None when its body is not DER (``MIIE...`` stand-ins,
    truncated pastes, mismatched BEGIN and END lines)."""
    text = _ESCAPED_BREAK.sub("\n", secret).replace("\r", "")
    found = _PEM.fullmatch(text.strip())
    if found is None:
        return None
    lines = [line.strip() for line in found.group(2).split("\n")]
    headers = [line for line in lines if ":" in line]
    body = "".join(line for line in lines if line and ":" not in line)
    try:
        der = base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        return None
    # PKCS#1 encrypted under ``Proc-Type``/``DEK-Info`` headers is bare ciphertext: whole cipher blocks.
    encrypted_pkcs1 = any("ENCRYPTED" in header for header in headers)
    if len(der) < MIN_KEY_DER or (len(der) % 8 if encrypted_pkcs1 else der[0] != 0x30):
        return None
    return _Pem(body, der, found.group(1) == "ENCRYPTED " or encrypted_pkcs1)


def rsa_private_key(secret: str) -> Validation | None:
    """An unencrypted RSA private key (PKCS#1 or PKCS#8 PEM) that loads as one.

    The canonical form is the key re-encoded as PKCS#8, so the same key in PEM and in a JSON
    string is one secret; ``key_digest`` is the digest of its public half.
    """
    pem = _private_pem(secret)
    if pem is None or pem.encrypted:
        return None
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    from keyaudit.rulebook.signature import key_digest

    try:
        key = serialization.load_der_private_key(pem.der, password=None, unsafe_skip_rsa_key_validation=True)
    except (ValueError, TypeError):
        return None
    if not isinstance(key, rsa.RSAPrivateKey):
        return None
    pkcs8 = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption())
    return Validation(canonical=base64.b64encode(pkcs8).decode("ascii"), note=f"{key.key_size}-bit",
                      key_digest=key_digest(key.public_key()))


def encrypted_private_key(secret: str) -> Validation | None:
    """A passphrase-encrypted private key: only its structure can be checked without the
    passphrase (its body decodes to DER), and that is what tells it from a stand-in."""
    pem = _private_pem(secret)
    return Validation(canonical=pem.body) if pem is not None and pem.encrypted else None

