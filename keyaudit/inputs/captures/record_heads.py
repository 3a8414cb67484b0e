"""A record's member that holds the request's head as one text, its request line first: the head as the tool saw it
on the wire, where the record keeps no method field of its own.

Interception proxies and security tools keep a message so: OWASP ZAP's API (``core/view/messages``) a
``requestHeader`` of the request line and the header lines, CRLF-ended, the body beside it in ``requestBody``;
Burp Suite's saved items unencoded (``<request base64="false">``, read by :mod:`.xml_records` as an object whose
``value`` is its text) the request's bytes whole, head and body. The request line says the method and the target;
the lines after it, up to the blank line, are the headers (:func:`head_headers`); the text after the blank line of a
member that holds the whole request is the body as sent.

A text is a head only where it starts with a request line with its HTTP version and goes on with a header line: a
response's member (``responseHeader``) starts with a status line, a URL or a request line alone (nginx's
``$request``) holds no head. Which members are read, and when:

- a member in the record's headers role (any of its names: ``headers``, ``request_headers``, ``requestHeader``…)
  whose text is a head states the request (:func:`head_said`) only as the last reading: where the URL its object
  names, if any, is the head's, and no object of the record states a request (a method field, a request line) or
  names one — an application's record that logs the incoming request's head at its top and the call it made
  nested is that call;
- a member in the request line's role (``request``…) that holds the bytes whole is read as them (:func:`sent_whole`)
  only where their request line and Host agree with the record's own method, URL and path.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote, urlsplit

from keyaudit.model.exchange import Exchange, Origin

from .lines import has_scheme, split_header, split_request_line, to_bytes
from .raw_requests import raw_request
from .record_bodies import BODY
from .record_views import first, of_reply, role

_FIRST_LINES = re.compile(r"([^\r\n]*)\r?\n([^\r\n]*)")  # a request line and the line after it
_BLANK = re.compile(r"\r?\n\r?\n")  # the blank line ending a head
_HOST = re.compile(r"^host[ \t]*:[ \t]*([^\r\n]*)", re.I | re.M)


def _text(value: Any) -> str | None:
    """The text a member holds: a string, or the ``value`` of an element with attributes (``<request
    base64="false">``'s text beside its attribute)."""
    if isinstance(value, dict):
        value = value.get("value")
    return value if isinstance(value, str) else None


def head_text(node: dict[str, Any], roles: frozenset[str]) -> str | None:
    """The text of the first member of ``node`` in one of ``roles`` (not the reply's) that is a request's head:
    a request line with its version, then a header line; or None."""
    for key, value in node.items():
        if role(key) in roles and not of_reply(key) and (text := _text(value)) is not None:
            lines = _FIRST_LINES.match(text.lstrip())
            if lines is not None and split_request_line(lines.group(1).strip()) is not None \
                    and split_header(lines.group(2)) is not None:
                return text.lstrip()
    return None


def head_said(node: dict[str, Any], roles: frozenset[str], url: object = None) -> tuple[str, str] | None:
    """(method, target) of the request line a head member of ``node`` (see :func:`head_text`) starts with, where
    it and the head's Host agree with the node's ``url`` if it names one (see :func:`_agrees`)."""
    text = head_text(node, roles)
    said, host = (None, None) if text is None else _line_and_host(text)
    return said if said is None or _agrees(said[1], host, url, None) else None


def _line_and_host(text: str) -> tuple[tuple[str, str] | None, str | None]:
    """(method, target) of the request line a head text starts with, or None; and its Host header's value."""
    said = split_request_line(text.lstrip().split("\n", 1)[0].strip())
    blank = _BLANK.search(text)
    host = _HOST.search(text, 0, len(text) if blank is None else blank.start())
    return said, None if host is None else host.group(1).strip()


def head_headers(text: str) -> str:
    """The header lines of a headers text that starts with the request line (ZAP's ``requestHeader``), up to its
    blank line; any other text as it is."""
    first, _, rest = text.lstrip().partition("\n")
    return re.split(r"\r?\n\r?\n", rest, maxsplit=1)[0] if split_request_line(first.strip()) is not None else text


def sent_whole(node: dict[str, Any], roles: frozenset[str], origin: Origin, method: str | None = None,
               url: object = None, path: object = None) -> Exchange | None:
    """The request a member of ``node`` in ``roles`` holds whole, head and body after the blank line (Burp's
    unencoded ``<request>``): read as the bytes sent (:func:`.raw_requests.raw_request`), on the scheme of the
    record's ``url`` where it is not plain HTTP (Burp's ``<url>``: the bytes name only the Host, not whether TLS
    carried them).

    A head that ends at its blank line, the body in a member of its own beside it (Go's
    ``httputil.DumpRequestOut(req, false)``), is sent with that body's text. None (the record's own fields are then
    read) where no member is a head, the head holds no blank line, the body beside it is an object; and where the
    bytes are another request than the record's ``method``, ``url`` or ``path`` say (the incoming request an
    outbound call's record keeps beside it; a proxy's record of what it received, beside the upstream URL it
    used). The reading is marked :attr:`~keyaudit.model.exchange.Exchange.held_request`: the dump readers read the
    same bytes on their own, on HTTPS where they name no scheme, and that reading gives way to this one
    (:func:`.same_request.distinct`), on plain HTTP too."""
    text = head_text(node, roles)
    blank = None if text is None else _BLANK.search(text)
    if text is None or blank is None:
        return None
    if not text[blank.end():].strip() and (beside := first([node], BODY, (str, dict, list))) is not None:
        if not isinstance(beside, str):
            return None  # a body object: the record's reading writes it out
        text = text[:blank.end()] + beside
    said = split_request_line(text.split("\n", 1)[0].strip())
    host = _HOST.search(text, 0, blank.start())
    if said is None or method is not None and method.upper() != said[0] \
            or not _agrees(said[1], None if host is None else host.group(1).strip(), url, path):
        return None
    scheme = url.split("://", 1)[0].lower() if isinstance(url, str) and has_scheme(url) else None
    if (whole := raw_request(to_bytes(text), origin, scheme)) is not None:
        whole.held_request = True
    return whole


def held_head(exchange: Exchange | None, logged: object) -> Exchange | None:
    """A record's reading ``exchange`` whose headers are those ``logged`` (its headers member), marked
    :attr:`~keyaudit.model.exchange.Exchange.held_request` where that is a head (ZAP's ``requestHeader``) whose
    request line and Host agree with the reading's method and URL (:func:`_agrees`): the reading read those bytes,
    as a reader of dumps does on its own (see :func:`sent_whole`)."""
    said, host = _line_and_host(logged) if isinstance(logged, str) else (None, None)
    if exchange is not None and said is not None and said[0] == exchange.method \
            and _agrees(said[1], host, exchange.url, None):
        exchange.held_request = True
    return exchange


def _agrees(target: str, host: str | None, url: object, path: object) -> bool:
    """Whether a request line's ``target`` and its ``host`` (the Host header) are the ones a record's ``url`` and
    ``path`` fields name, where it has them: the same path, and the same host and port. A Host or URL that does
    not parse (an unclosed ``[``) agrees with nothing: the record's own fields are read instead."""
    try:
        return _same(target, host, url, path)
    except ValueError:
        return False


def _same(target: str, host: str | None, url: object, path: object) -> bool:
    """:func:`_agrees`, raising ValueError where a Host or URL does not parse."""
    sent = urlsplit(target) if has_scheme(target) else urlsplit("//" + (host or "") + target)
    if isinstance(path, str) and unquote(urlsplit(path).path) != unquote(sent.path):
        return False
    if not isinstance(url, str):
        return True
    named = urlsplit(url) if has_scheme(url) else urlsplit("//" + (host or "") + url)
    return unquote(named.path or "/") == unquote(sent.path or "/") and \
        _origin(named.netloc, named.scheme) == _origin(sent.netloc, named.scheme)


def _origin(netloc: str, scheme: str) -> str:
    """A host and port as said, lower-cased, without user info nor the scheme's default port."""
    bare = netloc.rpartition("@")[2].lower()
    return bare.removesuffix({"http": ":80", "https": ":443"}.get(scheme.lower(), "\0"))
