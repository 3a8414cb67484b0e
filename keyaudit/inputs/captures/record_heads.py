"""A record's member that holds the request's head as one text, its request line first: the head as the tool saw it
on the wire, where the record keeps no method field of its own.

Interception proxies and security tools keep a message so: OWASP ZAP's API (``core/view/messages``) a
``requestHeader`` of the request line and the header lines, CRLF-ended, the body beside it in ``requestBody``;
Burp Suite's saved items unencoded (``<request base64="false">``, read by :mod:`.xml_records` as an object whose
``value`` is its text) the request's bytes whole, head and body. The request line says the method and the target;
the lines after it, up to the blank line, are the headers (:func:`head_headers`); the text after the blank line of a
member that holds the whole request is the body as sent.

Only a member named for the request's head (``requestHeader``) or for the request (``request``) is read so, and
only where its text starts with a request line with its HTTP version and goes on with a header line: a response's
member (``responseHeader``) starts with a status line, a URL or a request line alone (nginx's ``$request``) holds no
head.
"""

from __future__ import annotations

import re
from typing import Any

from keyaudit.model.exchange import Exchange, Origin

from .lines import has_scheme, split_header, split_request_line
from .raw_requests import raw_request
from .record_views import of_reply, role

_FIRST_LINES = re.compile(r"([^\r\n]*)\r?\n([^\r\n]*)")  # a request line and the line after it


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


def head_said(node: dict[str, Any], roles: frozenset[str]) -> tuple[str, str] | None:
    """(method, target) of the request line a head member of ``node`` (see :func:`head_text`) starts with."""
    text = head_text(node, roles)
    return None if text is None else split_request_line(text.split("\n", 1)[0].strip())


def head_headers(text: str) -> str:
    """The header lines of a headers text that starts with the request line (ZAP's ``requestHeader``), up to its
    blank line; any other text as it is."""
    first, _, rest = text.lstrip().partition("\n")
    return re.split(r"\r?\n\r?\n", rest, maxsplit=1)[0] if split_request_line(first.strip()) is not None else text


def sent_whole(node: dict[str, Any], roles: frozenset[str], origin: Origin, url: object = None) -> Exchange | None:
    """The request a member of ``node`` in ``roles`` holds whole, head and body after the blank line (Burp's
    unencoded ``<request>``): read as the bytes sent (:func:`.raw_requests.raw_request`), on the scheme of the
    record's ``url`` where it has one (Burp's ``<url>``: the bytes name only the Host, not whether TLS carried
    them); None where no member is a head, or the head holds no blank line (the body, if any, is then in a member
    of its own)."""
    text = head_text(node, roles)
    if text is None or re.search(r"\r?\n\r?\n", text) is None:
        return None
    scheme = url.split("://", 1)[0].lower() if isinstance(url, str) and has_scheme(url) else None
    return raw_request(text.encode("utf-8", "surrogateescape"), origin, scheme)
