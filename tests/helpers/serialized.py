"""How build logs, stores, serializers and shell tools write a credential: the value kinds of
the seventh credential corpus (``tests/data/credential_corpus_7``), kept beside the corpus
renderer that merges them into its ``VALUES``.

Each kind is a function of a seeded ``random.Random`` that draws a fake key or token (see
``helpers.credentials``) and writes it as one tool does: ``base64`` and ``openssl base64``
wrapping their output at 76 and 64 columns, ``xxd -p`` at 60 hex digits, PyYAML's ``!!binary``,
PowerShell's ``-EncodedCommand`` (base64 of UTF-16LE), ``java.util.Properties.store`` escaping
``=``, MessagePack bytes as a hex dump and as ``redis-cli`` quotes them.
"""

from __future__ import annotations

import base64
import random
from typing import Callable

from helpers import credentials as fake


def wrap(text: str, width: int, joiner: str = "\n") -> str:
    """``text`` cut into lines of ``width`` characters, as encoders write long output."""
    return joiner.join(text[i:i + width] for i in range(0, len(text), width))


def msgpack_map(pairs: dict[str, str]) -> bytes:
    """``pairs`` packed as MessagePack packs a small map of strings (fixmap; fixstr, str8)."""
    def pack(text: str) -> bytes:
        data = text.encode()
        return (bytes([0xA0 | len(data)]) if len(data) < 32 else bytes([0xD9, len(data)])) + data

    return bytes([0x80 | len(pairs)]) + b"".join(pack(k) + pack(v) for k, v in pairs.items())


def redis_quoted(data: bytes) -> str:
    """``data`` as ``redis-cli`` prints a binary value: printable ASCII as it is, `"` and `\\`
    escaped, every other byte as `\\xNN`."""
    out = []
    for byte in data:
        char = chr(byte)
        out.append("\\" + char if char in '"\\' else char if 32 <= byte < 127 else f"\\x{byte:02x}")
    return "".join(out)


def _pwsh(rng: random.Random) -> str:
    script = ("Invoke-RestMethod -Uri 'https://api.asaas.com/v3/payments?limit=10' "
              f"-Headers @{{ 'access_token' = '{fake.asaas_key('prod', rng)}' }}")
    return base64.b64encode(script.encode("utf-16-le")).decode()


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


SERIALIZED: dict[str, Callable[[random.Random], str]] = {
    # shell tools: `echo "$KEY" | base64` (the newline encoded too, lines of 76), `openssl base64`
    # (lines of 64), `xxd -p` (lines of 60 hex digits), PyYAML's !!binary block (76, indented)
    "asaas-prod-echo-base64": lambda rng: wrap(_b64(fake.asaas_key("prod", rng) + "\n"), 76),
    "asaas-hmlg-openssl-base64": lambda rng: wrap(_b64(fake.asaas_key("hmlg", rng)), 64),
    "iugu64-xxd-plain": lambda rng: wrap(fake.iugu_token("long", rng).encode().hex(), 60),
    "iugu64-yaml-binary": lambda rng: wrap(_b64(fake.iugu_token("long", rng)), 76, "\n  "),
    # a JSON document in a data: URI; a PowerShell script passed as -EncodedCommand
    "iugu32-json-base64": lambda rng: _b64(f'{{"iugu":{{"apiToken":"{fake.iugu_token("lower", rng)}","live":true}}}}'),
    "asaas-prod-pwsh-encoded": _pwsh,
    # Properties.store escapes `=` (and `:`) in values: an old key's padding as `\=`
    "asaas-old-properties": lambda rng: fake.old_asaas_key(rng).replace("=", "\\="),
    # MessagePack: a hex dump of the bytes, and the bytes as redis-cli quotes them
    "asaas-prod-msgpack-hex": lambda rng: msgpack_map({"asaas_api_key": fake.asaas_key("prod", rng)}).hex(" "),
    "asaas-prod-redis-msgpack": lambda rng: redis_quoted(msgpack_map({"env": "prod", "asaas_api_key": fake.asaas_key("prod", rng)})),
    # look-alikes: a MongoDB ObjectId, an APNs device token, a Jenkins-encrypted secret
    "objectid": lambda rng: fake.hex_digest(12, rng),
    "apns-token": lambda rng: fake.hex_digest(32, rng),
    "jenkins-secret": lambda rng: "{" + base64.b64encode(bytes.fromhex(fake.hex_digest(64, rng))).decode() + "}",
}
