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
from .records import json_object, request_of

_NGINX_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\x([0-9A-Fa-f]{2})")
_DECODER = json.JSONDecoder()
MAX_REPR_CHARS = 256 << 10  # a Python repr longer than this is not evaluated
MAX_INNER_TRIES = 8  # places on a line where a request record may begin, tried when the first is none


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


def _inner_records(text: str) -> Iterator[dict[str, Any]]:
    """The JSON objects that begin at each ``{`` of the line, at most :data:`MAX_INNER_TRIES`
    tried, each also as a string literal's text when a quote opens before it: a record printed
    inside another structure (Fluent Bit's ``[[time, {}], {"log"=>"{…}"}]``)
    or as a quoted string (Logstash's rubydebug ``"message" => "{\\"method\\":…}"``)."""
    start = text.find("{")
    for _ in range(MAX_INNER_TRIES):
        if start < 0:
            return
        if text[start - 1 : start] == '"':  # a string literal holding the record, escaped
            literal = _decoded(text, start - 1)
            found = json_object(literal) if isinstance(literal, str) else None
            if found is not None:
                yield found
        found = _decoded(text, start)
        if isinstance(found, dict):
            yield found
        start = text.find("{", start + 1)


def exchanges(lines: Iterable[tuple[int, str]], path: str) -> Iterator[Exchange]:
    """Every request record among the lines, one JSON object per line: the line's first object,
    else one after it that names a request."""
    for number, text in lines:
        if "{" not in text:
            continue
        parsed = parse_record(text)
        origin = Origin(path, number, capture="jsonlog")
        exchange = request_of(parsed[0], origin, parsed[1]) if parsed is not None else None
        if exchange is None:
            exchange = next(filter(None, (request_of(record, origin, False) for record in _inner_records(text))), None)
        if exchange is not None:
            yield exchange
