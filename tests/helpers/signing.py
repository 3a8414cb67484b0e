"""iugu request signing with real RSA key pairs, for tests that need requests that verify."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Callable

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from helpers.credentials import iugu_token
from keyaudit.rulebook.signature import signing_string

TRANSFER_PATH, SIGNED_AT = "/v1/transfer_requests", "2026-11-22T10:00:00-03:00"  # iugu's transfer, its Request-Time
TRANSFER_URL = "https://api.iugu.com" + TRANSFER_PATH


def key_pair(folder: Path, name: str = "client") -> tuple[rsa.RSAPrivateKey, Path]:
    """A fresh 2048-bit key pair; the public key written as ``<folder>/<name>.pem``."""
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = folder / f"{name}.pem"
    public.write_bytes(private.public_key().public_bytes(serialization.Encoding.PEM,
                                                         serialization.PublicFormat.SubjectPublicKeyInfo))
    return private, public


def signature_header(private: rsa.RSAPrivateKey, method: str, path: str, token: str, time: str, body: bytes) -> str:
    """The ``Signature`` header value iugu expects for these bytes."""
    message = signing_string(method, path, token, time, body)
    return "signature=" + base64.b64encode(private.sign(message, padding.PKCS1v15(), hashes.SHA256())).decode()


def signed_transfer(folder: Path, body_of: Callable[[str], str]) -> tuple[Path, str, dict[str, str]]:
    """An iugu transfer signed with a fresh client key: the public key (for ``--public-key``), the
    body ``body_of`` writes around a new token, and the headers that sign it (``Content-Type``,
    ``Request-Time``, ``Signature``) — what each notation's test writes signed and unsigned."""
    private, public = key_pair(folder)
    token = iugu_token()
    body = body_of(token)
    signature = signature_header(private, "POST", TRANSFER_PATH, token, SIGNED_AT, body.encode())
    return public, body, {"Content-Type": "application/json", "Request-Time": SIGNED_AT, "Signature": signature}
