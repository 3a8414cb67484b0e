"""One model for a captured HTTP request, whatever it was captured by.

A HAR entry, a curl command, an OkHttp or HttpClient wire log and a JSON request-log record all
become an :class:`Exchange`, so request rules (scheme, transfer, signature, environment) are
written once and judge every capture alike.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from urllib.parse import SplitResult, unquote, urlsplit

REQUEST_SPAN_LINES = 50  # a captured request (curl with continuations, a wire dump) fits in this
# What a logger writes in place of a value it hides (ASP.NET Core's HTTP logging `[Redacted]`,
# Rails' `[FILTERED]`, `***`, `<hidden>`, `XXXX`): the header was sent, its value is not shown.
_HIDDEN = re.compile(r"(?i)\s*(?:[\[<({]?\s*(?:redacted|filtered|masked|hidden|removed|sensitive|omitted|scrubbed|"
                     r"obfuscated)(?:[:\s][^\]>)}]{0,40})?\s*[\]>)}]?|x{3,})\s*")
# A word an application writes about a header instead of its value, in its own summary of a call (`signature=ok`,
# `"Signature": true`, `signature=present`): the header was sent, its value is not shown there. A capture of the
# bytes sent (a wire dump, a HAR, a command) shows the value itself: there the word is the value, and malformed.
_SAID = re.compile(r"(?i)\s*(?:ok|true|yes|present|valid|verified|sent|signed)\s*")
UNKNOWN = "…"  # what a reader writes for a value the program computes: sent, not shown (as loggers write it)
# What a script, a format string or a template holds in place of a value it fills in when the request
# is sent (`curl -H "Signature: $SIG"`, `${sig}`, `$(sign …)`, `$env:SIG`, `%s`, `%(sig)s`, `{0}`,
# `#{sig}`, `%SIG%`), and what a document writes for the reader to fill in (`SUA_ASSINATURA`, `YOUR_SIGNATURE`,
# `<base64>`): no signature or time is written so.
_UNEXPANDED = re.compile(r"\s*(?:\$(?:[A-Za-z_][\w:]*|\{[^{}\n]{1,80}\}|\([^()\n]{1,120}\))|`[^`\n]{1,120}`"
                         r"|%(?:\([\w.]{1,40}\))?[-+ #0-9.]*[sdvrqx]|\{[\w.:]{0,40}\}|#\{[^{}\n]{1,80}\}"
                         r"|%[A-Za-z_]\w{0,40}%|[A-Z][A-Z0-9]{0,40}(?:_[A-Z0-9]{1,40}){1,8}|<[^<>\n]{1,80}>)\s*")


def hidden_value(value: str) -> bool:
    """Whether a header's value is not the value sent — a logger's placeholder for it, or a value
    it cut or masked in part (a reader's :data:`UNKNOWN` among them) — whole, or in the fields it
    is made of (``signature=***``: a masker that hides what follows each ``=``): a signature
    shown so is neither malformed nor the same signature as another hidden one. A value written
    percent-encoded, as a query or a form writes it (``signature=%5BFILTERED%5D``), is read decoded."""
    value = unquote(value) if "%" in value else value
    return _cut(value) or _whole_or_field(_HIDDEN, value)


def said_value(value: str) -> bool:
    """Whether a header's value is a word about it (``ok``, ``present``), whole or as a field's value: what an
    application's summary of a call writes, not a value sent (see :data:`_SAID`)."""
    return _whole_or_field(_SAID, value)


def unexpanded_value(value: str) -> bool:
    """Whether a header's value is a script's or template's variable standing for the value it
    sends, whole or as a field's value (``signature=$SIG``): the request as written, before it
    ran. A curl command in a deploy script signs when it runs; a log that shows such a value
    sent shows a program that never filled it in, and which of the two a line is cannot be
    told, so neither is judged."""
    return _whole_or_field(_UNEXPANDED, value)


def _whole_or_field(pattern: re.Pattern[str], value: str) -> bool:
    """Whether ``pattern`` is the whole value, or the whole value of one of the ``name=value``
    fields it is made of (the long form, ``algorithm=…, keyVersion=…, signature=…``)."""
    return pattern.fullmatch(value) is not None or any(
        pattern.fullmatch(part.partition("=")[2]) is not None for part in value.split(",") if "=" in part)


def _cut(value: str) -> bool:
    """Whether a logger cut a long value or masked part of it (``signature=MIIBIj...``,
    ``…[344 chars]``, ``(truncated)``, ``MIIB****``, OkHttp's ``██``): no signature, time or token
    holds these characters, so a value with one is not shown as it was sent. One test a mark: a
    pattern over a signature's 344 characters cost more than all of them."""
    return ("**" in value or "…" in value or "..." in value or "•" in value or "●" in value or "█" in value
            or "truncated" in value or "TRUNCATED" in value or "Truncated" in value)


@dataclass(frozen=True)
class RowChange:
    """Of a request read off a change stream (an outbox row a change event carries): the row it is (its table and
    key; None for a row with no key column, never taken for another), whether the event writes the row again (an
    UPDATE), whether the stream left a column of it out (a TOAST placeholder: no value, the row's earlier one), and
    whether the event ends the row (a DELETE: its key's next row is another). A row repeating the request its key's
    row held is no second send, whatever the event's kind."""

    row: str | None
    again: bool
    partial: bool
    ends: bool = False


@dataclass(frozen=True)
class Origin:
    """Where an exchange was read: the file, the 1-based line, and for JSON documents a pointer."""

    path: str
    line: int
    column: int = 1
    pointer: str | None = None
    har_entry: int | None = None
    # har, curl, jsonlog, logfmt, yaml, base64, httpclient, net-http, http.client, reqwest, urllib3, axios,
    # or a dump shape's (wire, okhttp, feign, …)
    capture: str = "text"
    # The last line of the record the reading came from, where it spans lines (None: its first line only): the place
    # a reader of the bytes the record holds reads them in too (see Exchange.held_request). Not compared.
    end_line: int | None = field(default=None, compare=False)

    @property
    def lines(self) -> range:
        """The lines of the record or bytes the reading came from."""
        return range(self.line, max(self.line, self.end_line or self.line) + 1)


@dataclass
class Exchange:
    """A request as sent. ``body`` is the exact bytes sent (signatures are over those bytes)."""

    method: str
    url: str
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes | None = None
    time: str | None = None
    origin: Origin = field(default_factory=lambda: Origin("-", 1))
    headers_known: bool = True  # False where the capture logs no headers (urllib3, access logs)
    # False where the capture shows the body, but not as the bytes sent: parsed into an object
    # (written back as compact JSON, for the credentials it carries) or cut short; or, with no body,
    # where it says one is sent that it does not show (a command's data read from a file). A
    # signature is over the bytes sent: it cannot be judged on these.
    body_exact: bool = True
    # The id the log stamped on each of its records about this request (ASP.NET Core's RequestId, a
    # request_id), where one is read and no body shown: what ties a later record of its body to it.
    # Not sent, not compared.
    request_id: str | None = field(default=None, compare=False)
    # Whether the reading shows the call's answer beside it (a record's status code): written when the answer
    # came, not as the call was sent. Not sent, not compared: what tells a call's reply logged below the call.
    answered: bool = field(default=False, compare=False)
    # Of an answered reading, the headers it shows that only a request sends or the rules read (names lower-cased):
    # what ties it to the call above that shows them the same, or makes it a call of its own. Not compared.
    sent_shown: frozenset[tuple[str, str]] = field(default=frozenset(), compare=False)
    # Whether a record's reading read the request's bytes its record holds in a member (whole, or its head: Burp's
    # <request>, ZAP's requestHeader) beside its own fields, which say what the bytes do not (the scheme, the body
    # kept apart): a reader of dumps reads the same bytes on its own, and that reading gives way to this one. Not
    # compared.
    held_request: bool = field(default=False, compare=False)
    # Where the request is a row a change stream's event carries: which row, and how the event changed it (see
    # RowChange). Not sent, not compared.
    row: RowChange | None = field(default=None, compare=False)
    # The first value of each header by lower-cased name, and how many headers it was made of.
    _names: tuple[int, dict[str, str]] = field(default=(-1, {}), init=False, repr=False, compare=False)

    def header(self, name: str) -> str | None:
        """The first header of that name, case-insensitively (HTTP/2 lower-cases names).

        Request rules ask a dozen names of every request; the names are indexed once (again when
        a reader has added headers since: readers only append).
        """
        count, names = self._names
        if count != len(self.headers):
            names = {}
            for key, value in self.headers:
                names.setdefault(key.lower(), value)
            self._names = (len(self.headers), names)
        return names.get(name.lower())

    @property
    def scheme(self) -> str:
        return _parts(self.url)[0]

    @property
    def host(self) -> str:
        return _parts(self.url)[1]

    @property
    def path(self) -> str:
        """The path without the query string: what the iugu signature covers."""
        return _parts(self.url)[2]

    @property
    def preflight(self) -> bool:
        """Whether this is a browser's CORS preflight: an ``OPTIONS`` asking the server whether the request its
        ``Access-Control-Request-Method`` names may be sent. The browser sends it of its own accord to that request's
        full URL, query and all (the Fetch standard), with none of its headers or body (and a User-Agent or not, as
        the proxy that logged it kept): it shows the URL the integration calls, credentials in it included, and
        nothing of what the call sends beside it."""
        return self.method.upper() == "OPTIONS" and self.header("Access-Control-Request-Method") is not None

    def shows_more_than(self, part: Exchange) -> bool:
        """Whether this reading of a request shows what ``part``, another reading of it (one of its lines'), does
        not: a body, or a known set of headers."""
        return (self.body is not None and part.body is None) or (self.headers_known and not part.headers_known)


@functools.lru_cache(maxsize=1024)
def split_url(url: str) -> SplitResult:
    """:func:`urllib.parse.urlsplit`, once per URL: a reader checks the URL it builds an exchange
    with, and every request rule asks for its scheme, host or path (keyed by the URL, not kept on
    the exchange, whose URL a reader may still set)."""
    return urlsplit(url)


# A URL whose authority holds no port, no brackets and no white space, after a plain scheme:
# :func:`urllib.parse.urlsplit` can raise on neither it nor its port (both raise only over a
# netloc's brackets, its port or characters outside ASCII, and it drops white space first).
_PLAIN_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^/?#:\[\]\s]*(?=[/?#]|\Z)")


def splits(url: str) -> bool:
    """Whether :func:`split_url` reads ``url``, its port included, without a ``ValueError``. A
    capture's URLs are mostly plain (``https://host/path?query``): those are told by one match,
    not split (a browser's capture sends thousands, each to be checked once)."""
    if url.isascii() and _PLAIN_URL.match(url):
        return True
    try:
        split_url(url).port  # noqa: B018 - raises ValueError for a URL that cannot be split
    except ValueError:
        return False
    return True


@functools.lru_cache(maxsize=1024)
def _parts(url: str) -> tuple[str, str, str]:
    """Scheme, host and path of a URL, as the request rules compare them. ``http`` to port 443 is
    ``https``: a plain request to TLS's port fails the server's handshake, and what writes it so is
    a logger that builds a URL from the host and port it connects to (Ruby's httplog writes every
    Net::HTTP call ``http://<host>:<port><path>``, TLS or not)."""
    split = split_url(url)
    scheme = split.scheme.lower()
    if scheme == "http" and split.netloc.endswith(":443"):
        scheme = "https"
    return scheme, (split.hostname or "").lower(), split.path or "/"
