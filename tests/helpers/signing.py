"""iugu request signing with real RSA key pairs, for tests that need requests that verify."""

from __future__ import annotations

import base64
from pathlib import Path

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from keyaudit.rulebook.signature import signing_string


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
