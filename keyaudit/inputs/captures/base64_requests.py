"""Raw HTTP requests kept base64-encoded inside a markup element: Burp Suite's saved items
(``<request base64="true"><![CDATA[…]]></request>``) and exports shaped like them.

The element holds the request exactly as sent, so unlike a dump read from log lines its body
needs no guessing: the bytes after the blank line are the body. Only a decoded text that starts
with an HTTP request line is a request (the ``<response>`` beside it is not).
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Iterable, Iterator

from keyaudit.model.exchange import Exchange, Origin

from .lines import MAX_CAPTURE_LINE, absolute_url, header_value, make_exchange, parsed_head

_ELEMENT = re.compile(r"<(\w+)\s[^>]*\bbase64=[\"']true[\"'][^>]*>\s*(?:<!\[CDATA\[)?\s*([A-Za-z0-9+/=\s]{16,}?)\s*(?:\]\]>|<)")
_HEAD_END = re.compile(rb"\r?\n\r?\n")


def exchanges(lines: Iterable[tuple[int, str]], path: str) -> Iterator[Exchange]:
    """Every base64-encoded request element among the lines (one element a line)."""
    for number, text in lines:
        if "base64" not in text:
            continue
        for match in _ELEMENT.finditer(text):
            exchange = _request(match.group(2), Origin(path, number, match.start() + 1, capture="base64"))
            if exchange is not None:
                yield exchange


def _request(encoded: str, origin: Origin) -> Exchange | None:
    try:
        raw = base64.b64decode("".join(encoded.split()), validate=True)
    except (binascii.Error, ValueError):
        return None
    end = _HEAD_END.search(raw, 0, MAX_CAPTURE_LINE)
    head, body = (raw, None) if end is None else (raw[: end.start()], raw[end.end() :])
    parsed = parsed_head(head.decode("utf-8", "surrogateescape").splitlines())
    if parsed is None:
        return None
    method, target, headers = parsed
    url = absolute_url(target, header_value(headers, "Host"))
    return make_exchange(method, url, headers, body, origin)
