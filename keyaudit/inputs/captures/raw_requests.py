"""A text that is one raw HTTP request, exactly as sent: what a payload opens to when a tool kept
the request's bytes encoded — Burp Suite's saved items (``<request base64="true">…</request>``),
a queue message or a Pub/Sub push holding the bytes of a call.

The text holds the request exactly as sent, so unlike a dump read from log lines its body needs
no guessing: the bytes after the blank line are the body. Only a text that starts with an HTTP
request line is a request (a ``<response>`` beside it is not).
"""

from __future__ import annotations

import re

from keyaudit.model.exchange import Exchange, Origin

from .lines import MAX_CAPTURE_LINE, absolute_url, content_length, header_value, make_exchange, parsed_head

_HEAD_END = re.compile(rb"\r?\n\r?\n")


def raw_request(raw: bytes, origin: Origin, scheme: str | None = None) -> Exchange | None:
    """The request ``raw`` is, with its body byte for byte; None when it starts with no request line (``scheme``:
    the one a record beside the bytes says, where the bytes name only the Host).
    Bytes that end before the blank line ending a head hold part of it (a wrapped value decoded a line
    at a time, a capture cut short): the headers after the cut are unknown, and none is missing."""
    end = _HEAD_END.search(raw, 0, MAX_CAPTURE_LINE)
    head, body = (raw, None) if end is None else (raw[: end.start()], raw[end.end() :])
    parsed = parsed_head(head.decode("utf-8", "surrogateescape").splitlines())
    if parsed is None:
        return None
    method, target, headers = parsed
    url = absolute_url(target, header_value(headers, "Host"), scheme)
    return make_exchange(method, url, headers, body, origin, headers_known=end is not None)


def lacking(data: bytes) -> int:
    """How many bytes of its body the bytes of a request's head (and of the body after it) lack:
    its Content-Length less those after the blank line; 0 for bytes that are no request's head. A
    client that writes head and body apart (a tracer's each write) is joined back by it."""
    end = _HEAD_END.search(data, 0, MAX_CAPTURE_LINE)
    parsed = parsed_head(data[: end.start()].decode("latin-1").splitlines()) if end is not None else None
    declared = content_length(parsed[2]) if parsed is not None else None
    return max(0, declared - (len(data) - end.end())) if declared and end is not None else 0
