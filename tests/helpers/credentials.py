"""Generated fake credentials with the structure real ones have, so validators accept them and
nothing that looks like a real credential is committed.

Every generator takes an optional ``rng`` (a ``random.Random``) so that property tests can build
keys from a drawn seed: Hypothesis then reports the seed, never the key.
"""

from __future__ import annotations

import base64
import functools
import math
import random
import secrets
import uuid
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric import rsa

_SYSTEM = secrets.SystemRandom()


def _hex(nbytes: int, rng: random.Random | None) -> str:
    return (rng or _SYSTEM).getrandbits(8 * nbytes).to_bytes(nbytes, "big").hex()


def _uuid(rng: random.Random | None) -> uuid.UUID:
    return uuid.UUID(int=(rng or _SYSTEM).getrandbits(128), version=4)


def asaas_payload(middle: str, rng: random.Random | None = None) -> str:
    """The base64 body of an Asaas key: base64(``<32 hex>::<middle>::$aach_<uuid>``)."""
    plain = f"{_hex(16, rng)}::{middle}::$aach_{_uuid(rng)}"
    return base64.b64encode(plain.encode()).decode()


def asaas_key(environment: str = "prod", rng: random.Random | None = None) -> str:
    """A structurally valid Asaas key: `$aact_<env>_000` + base64(`<hex>::<uuid>::$aach_<uuid>`)."""
    return f"$aact_{environment}_000" + asaas_payload(str(_uuid(rng)), rng)


def old_asaas_key(rng: random.Random | None = None) -> str:
    """The older form: `$aact_` + base64(`<hex>::<19 digits>::$aach_<uuid>`), padded."""
    digits = "".join((rng or _SYSTEM).choice("0123456789") for _ in range(19))
    return "$aact_" + asaas_payload(digits, rng)


def legacy_asaas_key(rng: random.Random | None = None) -> str:
    """The v2-era Asaas key: 64 lowercase hex, no prefix (DOMAIN.md); only context tells it from
    a SHA-256 digest, which is what the corpus's traps put beside it."""
    return _hex(32, rng)


def hex_digest(nbytes: int, rng: random.Random | None = None) -> str:
    """Lowercase hex of ``nbytes`` random bytes: an MD5 (16), a commit SHA (20), a SHA-256 (32)."""
    return _hex(nbytes, rng)


def random_uuid(rng: random.Random | None = None) -> str:
    """A version-4 UUID (request ids, idempotency keys)."""
    return str(_uuid(rng))


def alnum(length: int, rng: random.Random | None = None) -> str:
    """Random letters and digits: the body of other products' tokens (``sk_live_``, ``ghp_``)."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return "".join((rng or _SYSTEM).choice(alphabet) for _ in range(length))


def iugu_token(kind: str = "lower", rng: random.Random | None = None) -> str:
    """32 lower hex, 32 upper hex, or 64 upper hex, as iugu issues them; with a digit and a
    letter, as the validator (rightly) rejects all-digit or all-letter strings, and not one of
    the rare draws (about one in 100,000) too repetitive for it (`85ff4ff74fff3438ffffb2b4…`):
    a test that plants thousands of tokens must not fail by chance."""
    while True:
        token = _hex(32, rng).upper() if kind == "long" else _hex(16, rng)
        if kind == "upper":
            token = token.upper()
        if any(c.isdigit() for c in token) and any(c.isalpha() for c in token) and _entropy(token) >= 3.0:
            return token


def mercadopago_token(environment: str = "production", rng: random.Random | None = None) -> str:
    """A Mercado Pago access token's shape: ``APP_USR-`` (production) or ``TEST-`` (test), the
    application id, a six-digit date, 32 hex and the user id (the digits after the last dash)."""
    draw = rng or _SYSTEM
    prefix = "APP_USR" if environment == "production" else "TEST"
    while True:
        body = _hex(16, rng)
        if _entropy(body) >= 3.0:
            break
    digits = "".join(draw.choice("0123456789") for _ in range(16))
    return f"{prefix}-{digits}-{draw.randint(10, 12):02d}{draw.randint(10, 28)}{draw.randint(10, 23)}-{body}-{draw.randint(10**8, 10**9 - 1)}"


def _entropy(text: str) -> float:
    """Shannon entropy of ``text`` in bits a character."""
    return -sum(n / len(text) * math.log2(n / len(text)) for n in Counter(text).values())


def basic(user: str, password: str = "") -> str:
    """The value of an ``Authorization: Basic`` header for ``user:password``."""
    return base64.b64encode(f"{user}:{password}".encode()).decode()


def user_password() -> tuple[str, str]:
    """A service user and a random password that does not look like a placeholder."""
    return f"svc-{secrets.token_hex(3)}", "Pw" + secrets.token_urlsafe(12).replace("-", "k").replace("_", "q") + "9!"


def iugu_line(token: str) -> str:
    """An access-log request line that leaks ``token`` in its query string."""
    return f"GET /v1/invoices?api_token={token} HTTP/1.1"


IUGU_LEAD = "GET /v1/invoices?api_token="  # what comes before the token in :func:`iugu_line`
IUGU_TAIL = " HTTP/1.1"


@functools.lru_cache(maxsize=None)
def rsa_private_key(bits: int = 2048, name: str = "signer") -> "rsa.RSAPrivateKey":
    """A throwaway RSA key generated for this test run (one per ``bits`` and ``name``: key
    generation costs tens of milliseconds); it signs nothing outside the tests."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


def private_pem(key: "rsa.RSAPrivateKey", form: str = "pkcs1", passphrase: bytes | None = None) -> str:
    """``key`` as PEM: ``pkcs1`` (``BEGIN RSA PRIVATE KEY``) or ``pkcs8`` (``BEGIN PRIVATE KEY``),
    encrypted under ``passphrase`` when given."""
    from cryptography.hazmat.primitives import serialization

    kind = serialization.PrivateFormat.TraditionalOpenSSL if form == "pkcs1" else serialization.PrivateFormat.PKCS8
    encryption = (serialization.BestAvailableEncryption(passphrase) if passphrase
                  else serialization.NoEncryption())
    return key.private_bytes(serialization.Encoding.PEM, kind, encryption).decode("ascii")


def public_pem(key: "rsa.RSAPrivateKey") -> bytes:
    """The public half of ``key``, as the ``BEGIN PUBLIC KEY`` file iugu's panel is given."""
    from cryptography.hazmat.primitives import serialization

    return key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
