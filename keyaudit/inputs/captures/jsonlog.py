"""JSON request logs: one JSON object per line (after any log prefix) describing a request.

Application request logs (pino, structlog, custom middleware), ECS-shaped logs, nginx/ingress
JSON access logs, container-runtime envelopes and cloud log exports all end here; what request a
record describes is for the generic reconstructor (:mod:`.records`) to say. A line that is not a
JSON object, or names no method and absolute URL, is not a request record and is skipped.

nginx writes ``\\xHH`` escapes into JSON when its ``log_format`` lacks ``escape=json``; such a
line is read with those escapes taken as the bytes they stand for, so its body is still exact.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable, Iterator

from keyaudit.model.exchange import Exchange, Origin

from .lines import python_literal
from .records import request_of

_NGINX_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\x([0-9A-Fa-f]{2})")
_DECODER = json.JSONDecoder()
MAX_REPR_CHARS = 256 << 10  # a Python repr longer than this is not evaluated


def parse_record(text: str) -> tuple[dict[str, Any], bool] | None:
    """The JSON object on a line (after any log prefix), and whether nginx ``\\xHH`` escapes
    had to be read as bytes; None when the line holds no JSON object."""
    start = text.find("{")
    if start < 0:
        return None
    record = _decoded(text, start)
    latin1 = record is None and "\\x" in text
    if latin1:
        record = _decoded(_nginx_unescaped(text), start)
    if record is None and "{'" in text:
        record = _python_repr(text[start:text.rfind("}") + 1])
        latin1 = False
    return (record, latin1) if isinstance(record, dict) else None


def _python_repr(text: str) -> Any:
    """A Python dict repr (``{'method': 'POST', 'body': b'…'}``, as ``logging`` prints a
    ``requests`` call's fields), read as a literal: no code runs."""
    return python_literal(text) if len(text) <= MAX_REPR_CHARS else None


def _decoded(text: str, start: int) -> Any:
    try:
        return _DECODER.raw_decode(text, start)[0]
    except (ValueError, RecursionError):
        return None


def _nginx_unescaped(text: str) -> str:
    return _NGINX_ESCAPE.sub(lambda match: f"{match.group(1)}\\u00{match.group(2)}", text)


def exchanges(lines: Iterable[tuple[int, str]], path: str) -> Iterator[Exchange]:
    """Every request record among the lines, one JSON object per line."""
    for number, text in lines:
        if "{" not in text:
            continue
        parsed = parse_record(text)
        if parsed is None:
            continue
        exchange = request_of(parsed[0], Origin(path, number, capture="jsonlog"), parsed[1])
        if exchange is not None:
            yield exchange
