"""The kinds of value a credential corpus's labels name (``labels.yaml``'s ``value``), each drawn from a random
generator seeded with the label's id: a key of an environment and its spellings, cut and joined as code writes a
long literal, escaped, encoded (base64, gzip, hex, a registry export's UTF-16LE hex, a JWT, a MIME body), inside a
tool's file (a .env, a Helm release, a SOPS file), and the look-alikes the traps are (other gateways' tokens, ids,
digests). Credentials are generated, never committed (see :mod:`helpers.corpus`)."""

from __future__ import annotations

import base64
import gzip
import hashlib
import random
from typing import Callable
from urllib.parse import quote

from helpers import credentials as fake
from helpers.decoded import DECODED
from helpers.respellings import RESPELLINGS
from helpers.reviewed import REVIEWED
from helpers.serialized import SERIALIZED
from helpers.spellings import SPELLINGS


def _asaas(environment: str, lose: str = "", wrap: Callable[[str], str] = str) -> Callable[[random.Random], str]:
    """An Asaas key of ``environment`` with the leading ``lose`` cut off, then ``wrap``-ped."""

    def make(rng: random.Random) -> str:
        key = fake.asaas_key(environment, rng)
        return wrap(key[len(lose):] if key.startswith(lose) else key)

    return make


def _cut(joiner: str) -> Callable[[str], str]:
    """A value cut in two at its middle and joined by ``joiner``: two string literals joined by
    `+` (as code does to slip past push-time secret scanners) or written side by side, or one
    literal continued on the next line; the two halves and the joiner are the labelled value."""
    return lambda value: f"{value[:len(value) // 2]}{joiner}{value[len(value) // 2:]}"


# How string literals write the `$` an Asaas key starts with when they escape it by a code
# rather than by a prefix (`\$`, `` `$ ``, `$$` are written in the templates before the key).
# C's `\x` reads every hex digit after it, so C code closes the literal after the escape.
DOLLAR_ESCAPES = {"hex": "\\x24", "hex-c": '\\x24" "', "octal": "\\044", "unicode-braced": "\\u{24}",
                  "unicode-long": "\\U00000024", "sql-unicode": "\\0024", "lua-decimal": "\\36",
                  "python-named": "\\N{DOLLAR SIGN}", "html-decimal": "&#36;", "html-hex": "&#x24;",
                  "html-named": "&dollar;"}
# What a cut writes between the halves: `+` between literals; literals side by side (Python, C,
# Dart); a backslash ending the line (shell, C, YAML and TOML strings; Rust and Java text blocks
# drop the next line's indentation).
JOINERS = {"split": '" + "', "split-adjacent": '"\n    "', "split-continued": "\\\n",
           "split-continued-indented": "\\\n        ",
           # log pipelines: a line wrapped at a fixed width; a line a container runtime cut into
           # partial records (CRI's `P` then `F`; Docker's json-file, whose partial `log` lacks
           # the `\n`); Node's util.inspect of a long string ('…' +\n  '…'); curl --trace-ascii's
           # lines of 64 bytes, each after its offset
           "split-wrapped": "\n",
           "split-cri": "\n2026-12-01T03:14:07.512301877Z stdout F ",
           "split-docker": '","stream":"stdout","time":"2026-12-01T03:14:07.512301877Z"}\n{"log":"',
           "split-inspect": "' +\n    '",
           "split-trace-ascii": "\n0040: ",
           # application code (the twenty-first corpus): `+` opening the next line (Java, C#, JS); the halves as
           # arguments of a join (Rust's concat!, String.join("", …), "".join([…]), [ … ].join(''))
           "split-plus-line": '"\n            + "', "split-comma": '", "'}


def _reg_hex(value: str, code: int = 2) -> str:
    """``value`` as regedit exports a REG_EXPAND_SZ (``code`` 2) or a REG_MULTI_SZ (7, its strings
    NUL-separated in ``value``): `hex(code):` then its UTF-16LE bytes and the terminating NUL in hex,
    comma-separated, lines continued with a backslash."""
    octets = [f"{byte:02x}" for byte in (value + "\0").encode("utf-16-le")]
    rows = [",".join(octets[i:i + 25]) for i in range(0, len(octets), 25)]
    return f"hex({code}):" + ",\\\n  ".join(rows)


def _xxd(text: str, offset: int) -> str:
    """``text`` as ``xxd`` dumps it from byte ``offset`` of a capture: the offset, 16 bytes in
    groups of two as hex, and the ASCII column with `.` for what does not print."""
    data = text.encode()
    rows = []
    for at in range(0, len(data), 16):
        chunk = data[at:at + 16]
        groups = " ".join(chunk[i:i + 2].hex() for i in range(0, len(chunk), 2))
        ascii_column = "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)
        rows.append(f"{offset + at:08x}: {groups:<39}  {ascii_column}")
    return "\n".join(rows)


def _jwt(key: str) -> str:
    """An unsigned-looking JWT (HS256 header, random signature) whose payload claims hold ``key``."""
    def part(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).decode().rstrip("=")

    claims = f'{{"sub":"billing-worker","asaas_api_key":"{key}","iat":1764547200}}'
    signature = hashlib.sha256(key.encode()).digest()
    return ".".join((part(b'{"alg":"HS256","typ":"JWT"}'), part(claims.encode()), part(signature)))


def _mime_body(key: str) -> str:
    """A text/plain mail body holding ``key``, base64-encoded in 76-character lines (RFC 2045)."""
    body = f"Oi Ana,\r\n\r\nSegue a chave de produção do Asaas:\r\n\r\n{key}\r\n\r\nAbs,\r\nRafael\r\n"
    encoded = base64.b64encode(body.encode()).decode()
    return "\n".join(encoded[i:i + 76] for i in range(0, len(encoded), 76))


def _gzip_base64(text: str) -> str:
    """``text`` gzip-compressed (no time stamp, so the same on every run) and base64-encoded on
    one line: cloud-init's `encoding: gz+b64`, a compressed blob in a key-value store."""
    return base64.b64encode(gzip.compress(text.encode(), mtime=0)).decode()


def _dotenv(rng: random.Random) -> str:
    """A whole `.env` file holding a production Asaas key and a 64-hex iugu token."""
    return (f"ASAAS_BASE_URL=https://api.asaas.com/v3\nASAAS_API_KEY={fake.asaas_key('prod', rng)}\n"
            f"IUGU_API_TOKEN={fake.iugu_token('long', rng)}\nLOG_LEVEL=info\n")


def _helm_release(rng: random.Random) -> str:
    """A Helm 3 release as its Secret's `data.release` holds it: the release JSON (its chart's
    values with the key) gzip-compressed, base64-encoded, then base64-encoded again by Kubernetes."""
    release = (f'{{"name":"billing","info":{{"status":"deployed"}},"config":{{"asaas":'
               f'{{"apiKey":"{fake.asaas_key("prod", rng)}"}},"replicas":2}},"version":7}}')
    return base64.b64encode(_gzip_base64(release).encode()).decode()


def _hex_bytes(key: str, per_line: int = 12) -> str:
    """``key``'s bytes as a Go/C/Java array literal writes them: `0x24, 0x61, …`, ``per_line``
    a line (the next lines indented by a tab, as gofmt leaves them)."""
    cells = [f"0x{byte:02x}" for byte in key.encode()]
    return ",\n\t".join(", ".join(cells[i:i + per_line]) for i in range(0, len(cells), per_line))


def _sops(rng: random.Random) -> str:
    """A value SOPS encrypted (AES-256-GCM): ciphertext, IV and tag in base64 (a trap)."""
    def b64(nbytes: int) -> str:
        return base64.b64encode(bytes.fromhex(fake.hex_digest(nbytes, rng))).decode()

    return f"ENC[AES256_GCM,data:{b64(48)},iv:{b64(32)},tag:{b64(16)},type:str]"


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def _basic(rng: random.Random) -> str:
    return fake.basic(fake.iugu_token(rng.choice(("lower", "upper")), rng))


def _user_password(rng: random.Random) -> str:
    return fake.basic(f"svc-{fake.hex_digest(3, rng)}", "Pw" + fake.alnum(14, rng) + "9!")


VALUES: dict[str, Callable[[random.Random], str]] = {
    "asaas-prod": _asaas("prod"),
    "asaas-hmlg": _asaas("hmlg"),
    "asaas-old": fake.old_asaas_key,
    "asaas-prod-no-dollar": _asaas("prod", "$"),  # a shell or a CLI ate the `$`
    "asaas-prod-unprefixed": _asaas("prod", "$aact_prod_"),  # PHP interpolated `$aact_prod_` away
    "asaas-prod-json-escaped": _asaas("prod", "$", lambda key: "\\u0024" + key),
    "asaas-prod-url-encoded": _asaas("prod", "$", lambda key: "%24" + key),
    "asaas-prod-compose-escaped": _asaas("prod", wrap=lambda key: "$" + key),  # `$$aact_…`
    "asaas-prod-base64": _asaas("prod", wrap=lambda key: base64.b64encode(key.encode()).decode()),
    "asaas-prod-url-encoded-twice": _asaas("prod", "$", lambda key: "%2524" + key),
    "asaas-hmlg-no-dollar": _asaas("hmlg", "$"),
    **{f"asaas-prod-{name}": _asaas("prod", wrap=_cut(joiner)) for name, joiner in JOINERS.items()},
    **{f"{kind}-{name}": lambda rng, joiner=joiner, case=case: _cut(joiner)(fake.iugu_token(case, rng))
       for name, joiner in JOINERS.items() for kind, case in (("iugu32", "lower"), ("iugu64", "long"))},
    **{f"asaas-prod-dollar-{name}": _asaas("prod", "$", lambda key, escape=escape: escape + key)
       for name, escape in DOLLAR_ESCAPES.items()},
    "iugu32-reg-hex2": lambda rng: _reg_hex(fake.iugu_token("lower", rng)),
    # a service's environment block as a REG_MULTI_SZ (the twentieth corpus)
    "iugu64-reg-hex7": lambda rng: _reg_hex(f"IUGU_API_TOKEN={fake.iugu_token('long', rng)}\0LOG_LEVEL=info\0", 7),
    # as logs and debuggers print bytes: every character percent-encoded (once, twice), every
    # byte a C hex escape (strace -xx), a list of byte values (journald's JSON for a message
    # that is not text, Erlang), an xxd dump; and a string cut at strace's 32 characters
    "asaas-old-percent-all": lambda rng: quote(fake.old_asaas_key(rng), safe=""),
    "asaas-old-percent-all-twice": lambda rng: quote(quote(fake.old_asaas_key(rng), safe=""), safe=""),
    "asaas-prod-c-hex-bytes": _asaas("prod", wrap=lambda key: "".join(f"\\x{byte:02x}" for byte in key.encode())),
    "asaas-prod-byte-list": _asaas("prod", wrap=lambda key: ",".join(str(byte) for byte in key.encode())),
    "iugu32-byte-list-spaced": lambda rng: " ".join(str(byte) for byte in fake.iugu_token("lower", rng).encode()),
    "cut32-asaas-prod": _asaas("prod", wrap=lambda key: key[:32]),
    "iugu32-xxd": lambda rng: _xxd(f"?api_token={fake.iugu_token('lower', rng)}&limit=50 HTTP/1.1\r\n"
                                   "Host: api.iugu.com\r\nAccept: */*\r\n\r\n", 16),
    "asaas-prod-jwt": _asaas("prod", wrap=_jwt),
    "asaas-prod-mime-body": _asaas("prod", wrap=_mime_body),
    # the key as bytes in a text (the fifth corpus): hex (lower, and upper as mysqldump
    # --hex-blob writes it), an array of hex byte literals, base32, gzip then base64, a whole
    # .env file in base64, a Helm release (gzip, base64, base64)
    "asaas-prod-hex": _asaas("prod", wrap=lambda key: key.encode().hex()),
    "asaas-prod-hex-upper": _asaas("prod", wrap=lambda key: key.encode().hex().upper()),
    "asaas-prod-0x-bytes": _asaas("prod", wrap=_hex_bytes),
    "asaas-prod-base32": _asaas("prod", wrap=lambda key: base64.b32encode(key.encode()).decode()),
    "asaas-prod-gzip-base64": _asaas("prod", wrap=lambda key: _gzip_base64(f"ASAAS_API_KEY={key}\n")),
    "iugu64-hex": lambda rng: fake.iugu_token("long", rng).encode().hex(),
    "dotenv-base64": lambda rng: base64.b64encode(_dotenv(rng).encode()).decode(),
    "helm-release": _helm_release,
    "sops-ciphertext": _sops,
    "pulumi-secure": lambda rng: "v1:" + base64.b64encode(bytes.fromhex(fake.hex_digest(40, rng))).decode(),
    # encoded twice, and base64 then percent-encoded (a query parameter, a cookie) (the twenty-first corpus)
    "asaas-prod-base64-twice": _asaas("prod", wrap=lambda key: _b64(_b64(key))),
    "asaas-prod-base64-percent": _asaas("prod", wrap=lambda key: quote(_b64(key), safe="")),
    "basic-iugu64": lambda rng: fake.basic(fake.iugu_token("long", rng)),
    "iugu64-base64": lambda rng: base64.b64encode(fake.iugu_token("long", rng).encode()).decode(),
    "asaas-legacy": fake.legacy_asaas_key,
    "iugu32": lambda rng: fake.iugu_token("lower", rng),
    "iugu32u": lambda rng: fake.iugu_token("upper", rng),
    "iugu64": lambda rng: fake.iugu_token("long", rng),
    "iugu32-base64": lambda rng: base64.b64encode(fake.iugu_token("lower", rng).encode()).decode(),
    "iugu32u-base64": lambda rng: base64.b64encode(fake.iugu_token("upper", rng).encode()).decode(),
    "basic-iugu": _basic,
    "basic-user": _user_password,
    "md5": lambda rng: fake.hex_digest(16, rng),
    "sha1": lambda rng: fake.hex_digest(20, rng),
    "sha256": lambda rng: fake.hex_digest(32, rng),
    "hex16": lambda rng: fake.hex_digest(8, rng),  # a W3C span id
    "sha256u": lambda rng: fake.hex_digest(32, rng).upper(),
    "sha256-base64": lambda rng: base64.b64encode(bytes.fromhex(fake.hex_digest(32, rng))).decode(),
    # ciphertexts: kubeseal's (base64 that starts "Ag") and an Ansible vault body (80-hex lines)
    "sealed-blob": lambda rng: "Ag" + base64.b64encode(bytes.fromhex(fake.hex_digest(384, rng))).decode()[2:],
    "ansible-vault-body": lambda rng: "\n          ".join(fake.hex_digest(40, rng) for _ in range(4)),
    "uuid": fake.random_uuid,
    "stripe": lambda rng: "sk_live_" + fake.alnum(24, rng),
    "github": lambda rng: "ghp_" + fake.alnum(36, rng),
    "mercadopago": lambda rng: fake.mercadopago_token("production", rng),
    "npm": lambda rng: "npm_" + fake.alnum(36, rng),
    **SPELLINGS,
    **SERIALIZED,
    **RESPELLINGS,
    **REVIEWED,
    **DECODED,
}
