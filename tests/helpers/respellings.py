"""The key in any spelling: the value kinds of the twenty-fifth credential corpus
(``tests/data/credential_corpus_25``), kept beside the corpus renderer that merges them into its ``VALUES``.

Each kind is a function of a seeded ``random.Random`` that draws a fake key or token (see ``helpers.credentials``)
and writes it as one tool or one language writes it when the key is not in one piece: ``hexdump -C`` and ``od -c``
rows, PowerShell's ``Format-Hex``, ``xxd -i`` of a whole file, Java's ``char[]``, every character as a ``\\u`` escape
(javascript-obfuscator's ``unicodeEscapeSequence``), Gson escaping ``=``, a JSON
escape inside another JSON string, a log line ``fold``-ed at a fixed width from the column the
key starts at, literals cut into several pieces, a JWT of iugu's token, base64 of a whole config file as encoders wrap
it, ``uuencode``, and the look-alikes that are traps (the same spellings of other gateways' keys, of ids, of nothing).
"""

from __future__ import annotations

import base64
import json
import random
from typing import Callable
from urllib.parse import quote

from helpers import credentials as fake
from helpers.serialized import wrap


def shown(chunk: bytes) -> str:
    """A dump's text column of ``chunk``: printable ASCII as it is, `.` for the rest."""
    return "".join(chr(b) if 32 <= b < 127 else "." for b in chunk)


def dump_rows(data: bytes, row: Callable[[int, bytes], str]) -> str:
    """``data`` as a dump writes it, 16 bytes a row, each row as ``row`` writes it from its offset and bytes."""
    return "\n".join(row(at, data[at:at + 16]) for at in range(0, len(data), 16))


def hexdump_c(data: bytes, offset: int = 0) -> str:
    """``data`` as ``hexdump -C`` prints it: the offset in 8 hex digits, 16 bytes in two groups of
    eight, the printable ASCII between bars (`.` for the rest)."""
    def row(at: int, chunk: bytes) -> str:
        cells = [f"{byte:02x}" for byte in chunk] + ["  "] * (16 - len(chunk))
        return f"{offset + at:08x}  {' '.join(cells[:8])}  {' '.join(cells[8:])}  |{shown(chunk)}|"

    return dump_rows(data, row)


def od_c(data: bytes) -> str:
    """``data`` as ``od -c`` prints it: the offset in 7 octal digits, then 16 characters a row, each
    right-aligned in four columns (`\\n`, `\\r` for the controls)."""
    names = {10: "\\n", 13: "\\r", 9: "\\t", 0: "\\0"}
    rows = []
    for at in range(0, len(data), 16):
        cells = [names.get(b, chr(b)) for b in data[at:at + 16]]
        rows.append(f"{at:07o}" + "".join(f"{cell:>4}" for cell in cells))
    return "\n".join(rows)


def format_hex(data: bytes) -> str:
    """``data`` as PowerShell 7's ``Format-Hex`` prints a string's bytes: a 16-digit offset, 16 bytes,
    the ASCII column."""
    return dump_rows(data, lambda at, chunk: f"{at:016X} {' '.join(f'{b:02X}' for b in chunk):<47} {shown(chunk)}")


def xxd_include(data: bytes) -> str:
    """``data``'s bytes as ``xxd -i`` writes them into a C array: twelve `0x..` a row, indented by two."""
    cells = [f"0x{byte:02x}" for byte in data]
    return ",\n  ".join(", ".join(cells[i:i + 12]) for i in range(0, len(cells), 12))


def char_array(value: str, per_line: int = 12, indent: str = "\n            ") -> str:
    """``value`` as a Java (or C#, Kotlin) `char[]` initializer lists it: `'$', 'a', …`."""
    cells = [f"'{char}'" for char in value]
    return ("," + indent).join(", ".join(cells[i:i + per_line]) for i in range(0, len(cells), per_line))


def fold(value: str, first: int, width: int) -> str:
    """``value`` as ``fold -w width`` cuts a line it starts at column ``first`` of: the first piece
    fills the rest of that line, then ``width`` characters a line."""
    room = width - first + 1
    head, rest = value[:room], value[room:]
    return "\n".join([head] + [rest[i:i + width] for i in range(0, len(rest), width)])


def pieces(value: str, size: int, joiner: str) -> str:
    """``value`` cut every ``size`` characters and joined by ``joiner`` (literals over several lines)."""
    return joiner.join(value[i:i + size] for i in range(0, len(value), size))


def uuencode(data: bytes) -> str:
    """``data``'s body lines as ``uuencode`` writes them (45 bytes a line, the length character first;
    the `begin`/`end` lines are the template's)."""
    lines = []
    for at in range(0, len(data), 45):
        chunk = data[at:at + 45]
        encoded = "".join(chr(32 + (x & 63) if x & 63 else 96) for x in _uu_sextets(chunk))
        lines.append(chr(32 + len(chunk)) + encoded)
    return "\n".join(lines + ["`"])


def _uu_sextets(chunk: bytes) -> list[int]:
    padded = chunk + b"\0" * (-len(chunk) % 3)
    out = []
    for i in range(0, len(padded), 3):
        number = int.from_bytes(padded[i:i + 3], "big")
        out += [(number >> shift) & 63 for shift in (18, 12, 6, 0)]
    return out


def certutil_hex(data: bytes) -> str:
    """``data`` as Windows' ``certutil -encodehex`` writes it: a 4-digit offset, a tab, two groups of
    eight bytes, then the ASCII column."""
    def row(at: int, chunk: bytes) -> str:
        cells = [f"{byte:02x}" for byte in chunk] + ["  "] * (16 - len(chunk))
        return f"{at:04x}\t{' '.join(cells[:8])}  {' '.join(cells[8:])}   {shown(chunk)}"

    return dump_rows(data, row)


def od_x1z(data: bytes) -> str:
    """``data`` as ``od -A x -t x1z`` prints it: a 6-digit hex offset, 16 bytes, the text between `>` `<`."""
    return dump_rows(data, lambda at, chunk: f"{at:06x} {' '.join(f'{b:02x}' for b in chunk):<47}  >{shown(chunk)}<")


def tcpdump_x(data: bytes, offset: int = 0x34) -> str:
    """``data`` as ``tcpdump -X`` prints a packet's payload: a tab, `0x0000:`, eight groups of two bytes
    in hex, then the ASCII column (the payload after the headers, so ``offset`` on)."""
    def row(at: int, chunk: bytes) -> str:
        groups = " ".join(chunk[i:i + 2].hex() for i in range(0, len(chunk), 2))
        return f"\t0x{offset + at:04x}:  {groups:<39}  {shown(chunk)}"

    return dump_rows(data, row)


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def _b64url(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _jwt(claims: dict, rng: random.Random) -> str:
    """A JWT (HS256 header, random signature) of ``claims``, as libraries write it: base64url, no padding."""
    signature = base64.urlsafe_b64encode(bytes.fromhex(fake.hex_digest(32, rng))).decode().rstrip("=")
    return ".".join((_b64url('{"alg":"HS256","typ":"JWT"}'), _b64url(json.dumps(claims, separators=(",", ":"))),
                     signature))


def _env_file(rng: random.Random) -> str:
    return (f"NODE_ENV=production\nASAAS_API_URL=https://api.asaas.com/v3\n"
            f"ASAAS_API_KEY={fake.asaas_key('prod', rng)}\n"
            f"IUGU_API_TOKEN={fake.iugu_token('long', rng)}\nSENTRY_DSN=\n")


def _config_json(rng: random.Random) -> str:
    return json.dumps({"env": "production", "asaas": {"baseUrl": "https://api.asaas.com/v3",
                                                      "apiKey": fake.asaas_key("prod", rng)},
                       "iugu": {"apiToken": fake.iugu_token("lower", rng)}, "logLevel": "info"}, indent=2) + "\n"


def _placeholder_env(rng: random.Random) -> str:
    return "ASAAS_API_KEY=${ASAAS_API_KEY}\nIUGU_API_TOKEN=changeme\nREQUEST_ID=" + fake.random_uuid(rng) + "\n"


def _asaas(environment: str, spell: Callable[[str], str]) -> Callable[[random.Random], str]:
    return lambda rng: spell(fake.asaas_key(environment, rng))


def _iugu(kind: str, spell: Callable[[str], str]) -> Callable[[random.Random], str]:
    return lambda rng: spell(fake.iugu_token(kind, rng))


def _request(key: str) -> bytes:
    return f"GET /v3/payments?limit=10 HTTP/1.1\r\nHost: api.asaas.com\r\naccess_token: {key}\r\n\r\n".encode()


# how languages join literals over lines: Lua's `..`, Elixir's `<>`, OCaml's `^`, VB's `& _`, Jinja's `~`,
# PowerShell's `-join @(…)` items
JOINED = {"lua": '" ..\n  "', "elixir": '" <>\n    "', "ocaml": '" ^\n  "', "vb": '" & _\n    "',
          "jinja": '" ~ "', "ps-join": "',\n  '"}

RESPELLINGS: dict[str, Callable[[random.Random], str]] = {
    **{f"asaas-prod-join-{name}": _asaas("prod", lambda key, j=joiner: pieces(key, 60, j))
       for name, joiner in JOINED.items()},
    **{f"iugu64-join-{name}": _iugu("long", lambda t, j=joiner: pieces(t, 32, j)) for name, joiner in JOINED.items()},
    "asaas-hmlg-join-lua": _asaas("hmlg", lambda key: pieces(key, 60, JOINED["lua"])),
    "asaas-prod-certutil": _asaas("prod", lambda key: certutil_hex(f"ASAAS_API_KEY={key}\r\n".encode())),
    "iugu32-certutil": _iugu("lower", lambda t: certutil_hex(f"iugu_token={t}".encode())),
    "asaas-hmlg-od-x1z": _asaas("hmlg", lambda key: od_x1z(f"access_token: {key}\n".encode())),
    "iugu64-od-x1z": _iugu("long", lambda t: od_x1z(f"api_token={t}\n".encode())),
    "asaas-prod-tcpdump-x": _asaas("prod", lambda key: tcpdump_x(_request(key))),
    "iugu32-tcpdump-x": _iugu("lower", lambda t: tcpdump_x(f"GET /v1/customers?api_token={t} HTTP/1.1\r\n".encode())),
    "asaas-prod-prefix-comma": _asaas("prod", lambda key: key[:11] + '", "' + key[11:]),
    "iugu64-char-array": _iugu("long", lambda t: char_array(t, 16)),
    "iugu32-unicode-every": _iugu("lower", lambda t: "".join(f"\\u{ord(c):04x}" for c in t)),
    "iugu32-jwt": lambda rng: _jwt({"aud": "iugu-proxy", "api_token": fake.iugu_token("lower", rng),
                                    "exp": 1764633600}, rng),
    # dumps of bytes: hexdump -C of a captured request, od -c of a .env line, Format-Hex, xxd -i of a .env
    "asaas-prod-hexdump-request": _asaas("prod", lambda key: hexdump_c(_request(key), 0x40)),
    "iugu64-hexdump-form": _iugu("long", lambda t: hexdump_c(f"api_token={t}&amount=1000".encode())),
    "asaas-hmlg-od-c": _asaas("hmlg", lambda key: od_c(f"ASAAS_API_KEY={key}\n".encode())),
    "iugu32-format-hex": _iugu("lower", lambda t: format_hex(t.encode())),
    "dotenv-xxd-include": lambda rng: xxd_include(_env_file(rng).encode()),
    "iugu32-hexdump-query": _iugu("lower", lambda t: hexdump_c(f"GET /v1/invoices?api_token={t} HTTP/1.1".encode())),
    "asaas-prod-od-c": _asaas("prod", lambda key: od_c(f"access_token: {key}\r\n".encode())),
    "iugu64-od-c": _iugu("long", lambda t: od_c(f"IUGU_API_TOKEN={t}\n".encode())),
    "asaas-prod-format-hex": _asaas("prod", lambda key: format_hex(key.encode())),
    "stripe-hexdump": lambda rng: hexdump_c(f"Authorization: Bearer sk_live_{fake.alnum(24, rng)}\r\n".encode()),
    "sha256-od-c": lambda rng: od_c(f"sha256={fake.hex_digest(32, rng)}\n".encode()),
    # characters one by one: a char[] initializer, every character a \u escape (JS, Java source)
    "asaas-prod-char-array": _asaas("prod", char_array),
    "asaas-hmlg-char-array": _asaas("hmlg", char_array),
    "iugu32-byte-list-go": _iugu("lower", lambda t: ", ".join(str(byte) for byte in t.encode())),
    "iugu32-char-array": _iugu("lower", lambda t: char_array(t, 16)),
    "asaas-prod-unicode-every": _asaas("prod", lambda key: "".join(f"\\u{ord(c):04x}" for c in key)),
    "iugu64-unicode-every": _iugu("long", lambda t: "".join(f"\\u{ord(c):04x}" for c in t)),
    "iugu32u-char-array": _iugu("upper", lambda t: char_array(t, 16, "\n    ")),
    "asaas-hmlg-unicode-every": _asaas("hmlg", lambda key: "".join(f"\\u{ord(c):04x}" for c in key)),
    "uuid-char-array": lambda rng: char_array(fake.random_uuid(rng)),
    # JSON encoders' escapes: Gson's HTML-safe `=` as `\u003d`, a `\u0024` escaped again inside a JSON string
    "asaas-old-gson": lambda rng: fake.old_asaas_key(rng).replace("=", "\\u003d"),
    "asaas-prod-json-escaped-twice": _asaas("prod", lambda key: "\\\\u0024" + key[1:]),
    # URL encodings: a JSON object as one form field, a URL inside a URL's parameter
    "asaas-prod-json-form-field": _asaas("prod", lambda key: quote(json.dumps({"apiKey": key}), safe="")),
    "iugu32-url-in-url": _iugu("lower", lambda t: quote(f"https://api.iugu.com/v1/customers?api_token={t}",
                                                        safe="")),
    # a log line folded at 80 and at 64 columns from the column the key starts at; a terminal's 120
    "asaas-prod-fold80-c35": _asaas("prod", lambda key: fold(key, 35, 80)),
    "asaas-prod-fold64-c17": _asaas("prod", lambda key: fold(key, 17, 64)),
    "iugu64-fold64-c40": _iugu("long", lambda t: fold(t, 40, 64)),
    "iugu32-fold80-c70": _iugu("lower", lambda t: fold(t, 70, 80)),
    "asaas-old-fold64-c30": lambda rng: fold(fake.old_asaas_key(rng), 30, 64),
    "asaas-hmlg-fold76-c60": _asaas("hmlg", lambda key: fold(key, 60, 76)),
    # literals cut into several pieces: C's adjacent strings, PHP's `.`, Go's backtick then `+`, a prefix alone
    "asaas-prod-c-pieces": _asaas("prod", lambda key: pieces(key, 48, '"\n    "')),
    "asaas-prod-php-dot": _asaas("prod", lambda key: pieces(key, 60, "'\n    . '")),
    "asaas-prod-go-backtick": _asaas("prod", lambda key: key[:70] + "` +\n\t\"" + key[70:]),
    "asaas-prod-ruby-continued": _asaas("prod", lambda key: pieces(key, 60, '" \\\n  "')),
    "asaas-prod-append": _asaas("prod", lambda key: pieces(key, 50, '")\n        .append("')),
    "asaas-hmlg-sql-pipes": _asaas("hmlg", lambda key: pieces(key, 64, "' ||\n  '")),
    "iugu64-sql-concat": _iugu("long", lambda t: t[:32] + "', '" + t[32:]),
    "iugu64-pieces-plus": _iugu("long", lambda t: pieces(t, 16, '" + "')),
    "asaas-hmlg-unprefixed-body": _asaas("hmlg", lambda key: key[11:]),
    "asaas-prod-prefix-apart": _asaas("prod", lambda key: key[:11] + '" + "' + key[11:]),
    "asaas-hmlg-shell-quotes": _asaas("hmlg", lambda key: "'" + key[:1] + "'\"" + key[1:]),
    # encoders: base64 of a whole .env / config.json wrapped at 76 (base64) and on one line; uuencode; JWTs
    "dotenv-base64-76": lambda rng: wrap(_b64(_env_file(rng)), 76),
    "config-json-base64": lambda rng: _b64(_config_json(rng)),
    "config-json-base64-76": lambda rng: wrap(_b64(_config_json(rng)), 76),
    "dotenv-uuencode": lambda rng: uuencode(_env_file(rng).encode()),
    "iugu64-jwt": lambda rng: _jwt({"sub": "cobranca-worker", "iugu_api_token": fake.iugu_token("long", rng),
                                    "iat": 1764547200}, rng),
    "asaas-hmlg-jwt-nested": lambda rng: _jwt({"sub": "sandbox",
                                               "cfg": {"asaas": {"key": fake.asaas_key("hmlg", rng)}},
                                               "exp": 1764633600}, rng),
    # traps: the same spellings of nothing secret
    "placeholder-env-base64": lambda rng: _b64(_placeholder_env(rng)),
    "placeholder-env-base64-76": lambda rng: wrap(_b64(_placeholder_env(rng)), 76),
    "jwt-plain": lambda rng: _jwt({"sub": fake.random_uuid(rng), "scope": "payments:read", "iat": 1764547200}, rng),
    "random-base64-76": lambda rng: wrap(base64.b64encode(bytes.fromhex(fake.hex_digest(120, rng))).decode(), 76),
    "mercadopago-unicode-every": lambda rng: "".join(f"\\u{ord(c):04x}" for c in fake.mercadopago_token("production",
                                                                                                          rng)),
    "sha256-fold64-c40": lambda rng: fold(fake.hex_digest(32, rng), 40, 64),
}
