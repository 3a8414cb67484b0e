"""URLs (and JSON pointers) as a report shows them: split without ever failing, and redacted by
their structure.

A captured URL carries credentials in known places: the user information before the host
(``https://TOKEN@api.iugu.com``, ``user:password@``), a path segment, a query parameter — and a
request often repeats one token in several of them. Replacing only the spans a rule matched
leaves the other copies in full, so redaction works on the parts instead: the user information
always goes, and any path, query or fragment segment that holds a secret found in the request
(written as it is, or percent-encoded) shows that secret redacted.

Captured URLs are whatever a log wrote (a port of 99999, an unclosed ``[``), and
:func:`urllib.parse.urlsplit` raises on some of them; :func:`split_url` never does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable
from urllib.parse import unquote

from keyaudit.model.secrets import Secret, redact

HIDDEN_USERINFO = "***"
# RFC 3986, appendix B: every string matches, so splitting cannot fail.
_URL = re.compile(r"(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?", re.DOTALL)
_PORT = re.compile(r"\d{1,5}")
_DECODINGS = 3  # percent-decoded up to this many times: `%2524aact_` is a key encoded twice


@dataclass(frozen=True)
class UrlParts:
    """A URL's parts as written (None: the part is absent, which differs from empty)."""

    scheme: str | None
    userinfo: str | None
    host: str | None  # None: no ``//`` authority at all
    port: str | None
    path: str
    query: str | None
    fragment: str | None

    @property
    def port_number(self) -> int | None:
        """The port as a number, when it is one a connection could use."""
        number = int(self.port) if self.port and _PORT.fullmatch(self.port) else 0
        return number if 0 < number < 65536 else None

    def unsplit(self) -> str:
        text = f"{self.scheme}:" if self.scheme is not None else ""
        if self.host is not None:
            text += "//" + (f"{self.userinfo}@" if self.userinfo is not None else "") + self.host
            text += f":{self.port}" if self.port is not None else ""
        text += self.path
        text += f"?{self.query}" if self.query is not None else ""
        return text + (f"#{self.fragment}" if self.fragment is not None else "")


def split_url(url: str) -> UrlParts:
    """The parts of ``url``, whatever it holds."""
    match = _URL.fullmatch(url)
    assert match is not None  # every string matches the expression of RFC 3986, appendix B
    scheme, host, path, query, fragment = match.groups()
    userinfo = port = None
    if host is not None:
        if "@" in host:
            userinfo, _, host = host.rpartition("@")
        head, colon, tail = host.rpartition(":")
        if colon and (not host.startswith("[") or head.endswith("]")):  # not a colon of an IPv6 literal
            host, port = head, tail
    return UrlParts(scheme, userinfo, host, port, path, query, fragment)


def _forms(secrets: Iterable[Secret]) -> list[tuple[str, str]]:
    """Each way a secret may be written in a URL, with what is shown instead; longest first, so
    a key with its prefix is replaced before its bare payload."""
    forms: dict[str, str] = {}
    for secret in secrets:
        forms[secret.visible_prefix + secret.canonical] = secret.redacted
        forms.setdefault(secret.canonical, redact(secret.canonical))
    return sorted(((form, shown) for form, shown in forms.items() if form), key=lambda pair: -len(pair[0]))


def _hide(text: str, forms: list[tuple[str, str]]) -> str:
    for form, shown in forms:
        if form in text:
            text = text.replace(form, shown)
    return text


def hide_secrets(text: str, secrets: Iterable[Secret]) -> str:
    """``text`` with every form of ``secrets`` in it redacted: a name that quotes a key (a
    Message-ID) goes into pointers and error lines, which never show one whole."""
    return _hide(text, _forms(secrets))


def _redact_segment(segment: str, forms: list[tuple[str, str]], separators: str) -> str:
    """``segment`` with every secret in it redacted; where a secret was percent-encoded, the
    segment is shown decoded, with its separators (and ``%``) encoded again so it stays one segment."""
    if not forms:
        return segment
    hidden = _hide(segment, forms)
    decoded = hidden
    for _ in range(_DECODINGS):
        if "%" not in decoded:
            break
        decoded = unquote(decoded, errors="surrogateescape")
        redecoded = _hide(decoded, forms)
        if redecoded != decoded:
            return "".join(f"%{ord(c):02X}" if c in separators + "%" else c for c in redecoded)
    return hidden


def _written_in(text: str, secrets: Iterable[Secret]) -> list[Secret]:
    """The ``secrets`` written in ``text``, as they are or percent-encoded (as often as a segment is decoded): only
    their forms are looked for in its parts. A request that sends thousands of keys (a body listing customers) shows
    its URL on each of its findings: the forms of every key, made for each, cost the findings squared."""
    texts = [text]
    while "%" in texts[-1] and len(texts) <= _DECODINGS:
        texts.append(unquote(texts[-1], errors="surrogateescape"))
    written = "\0".join(texts)  # one found across a join is one more form looked for, and not found
    return [secret for secret in secrets if secret.canonical in written]


def redact_url(url: str, secrets: Iterable[Secret]) -> str:
    """``url`` as a report may show it: no user information (user name and password alike), and
    every path, query or fragment segment holding one of ``secrets`` with that secret redacted."""
    forms = _forms(_written_in(url, secrets))
    parts = split_url(url)
    userinfo = HIDDEN_USERINFO if parts.userinfo is not None else None

    def each(text: str | None, separator: str, separators: str) -> str | None:
        if text is None:
            return None
        return separator.join(_redact_segment(part, forms, separators) for part in text.split(separator))

    return UrlParts(parts.scheme, userinfo, parts.host, parts.port, each(parts.path, "/", "/?#"),
                    each(parts.query, "&", "&#"), each(parts.fragment, "&", "&#")).unsplit()


def redact_pointer(pointer: str, secrets: Iterable[Secret]) -> str:
    """A JSON pointer (RFC 6901) as a report may show it: every reference token holding one of
    ``secrets`` — a member named by a key, as a document of settings may name one — with that
    secret redacted, the token escaped again."""
    forms = _forms(secrets)
    if not forms:
        return pointer
    tokens = (token.replace("~1", "/").replace("~0", "~") for token in pointer.split("/"))
    return "/".join(_hide(token, forms).replace("~", "~0").replace("/", "~1") for token in tokens)


def hide_userinfo(text: str, address: str) -> str:
    """``text`` (``address`` itself, or a message quoting it) with the user information of
    ``address`` — the ``user:password@`` before its host — hidden: an address given with its
    credentials (a scheduler's) is echoed by an error and by ``keyaudit config``, which must not
    print them."""
    authority = re.split(r"[/?#]", address.split("://", 1)[-1], maxsplit=1)[0]
    userinfo, at, _ = authority.rpartition("@")
    return text.replace(userinfo, HIDDEN_USERINFO) if at and userinfo else text
