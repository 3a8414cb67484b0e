"""How mail, documents and pasted text spell a credential: the value kinds of the sixth
credential corpus (``tests/data/credential_corpus_6``), kept beside the corpus renderer that
merges them into its ``VALUES``.

Each kind is a function of a seeded ``random.Random`` that draws a fake key or token (see
``helpers.credentials``) and writes it the way one kind of document does: a mail body's
quoted-printable lines, a header's RFC 2047 encoded words, LaTeX's escapes, the invisible
characters a web page puts into a long word so it can break, base64url without padding.
"""

from __future__ import annotations

import base64
import random
from typing import Callable

from helpers import credentials as fake

QP_LINE = 76  # RFC 2045: an encoded line is at most 76 characters, the soft break's `=` included


def quoted_printable(text: str, column: int = 1) -> str:
    """``text`` as a quoted-printable body writes it from ``column``: `=` as `=3D`, and a soft
    line break (`=` then a newline) wherever the line would pass 76 characters, never inside an
    `=XX` escape."""
    out, width = [], column - 1
    for char in text:
        piece = "=3D" if char == "=" else char
        if width + len(piece) > QP_LINE - 1:
            out.append("=\n")
            width = 0
        out.append(piece)
        width += len(piece)
    return "".join(out)


def encoded_words(text: str, charset: str = "UTF-8") -> str:
    """``text`` as a mail header's RFC 2047 `B` encoded words: each word at most 75 characters
    and holding whole characters, the words folded onto continuation lines (a newline and a
    space), as mail clients write a subject that is not ASCII."""
    lead, tail = f"=?{charset}?B?", "?="
    room = (75 - len(lead) - len(tail)) // 4 * 3  # bytes one word's base64 can hold
    words, chunk = [], b""
    for char in text:
        encoded = char.encode()
        if len(chunk) + len(encoded) > room:
            words.append(chunk)
            chunk = b""
        chunk += encoded
    words.append(chunk)
    return "\n ".join(lead + base64.b64encode(word).decode() + tail for word in words)


def interleave(value: str, mark: str, every: int) -> str:
    """``value`` with ``mark`` after every ``every`` characters: the zero-width spaces, soft
    hyphens or `<wbr>` a documentation page puts in a long word so that it can break, which a
    copy from the page keeps (the last piece gets none)."""
    return mark.join(value[i:i + every] for i in range(0, len(value), every))


def latex(value: str) -> str:
    """``value`` as LaTeX source writes it in running text: `$` and `_` are special, so `\\$`
    and `\\_`."""
    return value.replace("\\", "\\textbackslash{}").replace("$", "\\$").replace("_", "\\_")


def _asaas(environment: str, wrap: Callable[[str], str]) -> Callable[[random.Random], str]:
    return lambda rng: wrap(fake.asaas_key(environment, rng))


def _iugu(kind: str, wrap: Callable[[str], str]) -> Callable[[random.Random], str]:
    return lambda rng: wrap(fake.iugu_token(kind, rng))


def _subject(rng: random.Random) -> str:
    return encoded_words(f"Chave de produção do Asaas: {fake.asaas_key('prod', rng)}")


SPELLINGS: dict[str, Callable[[random.Random], str]] = {
    # mail: a body's quoted-printable lines (the key written from column 1 and from column 13,
    # after `api_token=3D`), a subject's encoded words
    "asaas-prod-qp": _asaas("prod", quoted_printable),
    "iugu64-qp-after-name": _iugu("long", lambda token: quoted_printable(token, column=13)),
    "asaas-subject-encoded-words": _subject,
    # documents: LaTeX's escapes; a web page's break opportunities kept by a copy
    "asaas-prod-latex": _asaas("prod", latex),
    "asaas-prod-zwsp": _asaas("prod", lambda key: interleave(key, "\u200b", 24)),
    "iugu64-soft-hyphens": _iugu("long", lambda token: interleave(token, "\u00ad", 16)),
    "asaas-hmlg-wbr": _asaas("hmlg", lambda key: interleave(key, "<wbr>", 32)),
    "iugu32-shy-entity": _iugu("lower", lambda token: interleave(token, "&shy;", 8)),
    # base64url without its padding (a cookie, a URL-safe config blob)
    "asaas-prod-base64url": _asaas("prod", lambda key: base64.urlsafe_b64encode(key.encode()).decode().rstrip("=")),
    "iugu64-base64url": _iugu("long", lambda token: base64.urlsafe_b64encode(token.encode()).decode().rstrip("=")),
    # traps: other products' values of an iugu token's shape and of their own
    "twilio-sid": lambda rng: "AC" + fake.hex_digest(16, rng),
    "newrelic-license": lambda rng: fake.hex_digest(18, rng) + "NRAL",
    "slack-bot": lambda rng: f"xoxb-{rng.randint(10**11, 10**12 - 1)}-{rng.randint(10**12, 10**13 - 1)}-{fake.alnum(24, rng)}",
    "random-base64-32": lambda rng: base64.b64encode(bytes.fromhex(fake.hex_digest(32, rng))).decode(),
    "random-base64url-32": lambda rng: base64.urlsafe_b64encode(bytes.fromhex(fake.hex_digest(32, rng))).decode().rstrip("="),
    "git-sha": lambda rng: fake.hex_digest(20, rng),
}
