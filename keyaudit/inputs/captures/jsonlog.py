"""JSON request logs: one JSON object per line describing a request, under common field names.

Application request logs (pino, structlog, custom middleware), ECS-shaped logs and nginx/ingress
JSON access logs name the same things differently; each part of the request is looked up under
the names those producers use, in nested (``{"request": {"method": …}}``) or flattened
(``{"request.method": …}``) form. A line that is not a JSON object, or names no method and
absolute URL, is not a request record and is skipped.

nginx writes ``\\xHH`` escapes into JSON when its ``log_format`` lacks ``escape=json``; such a
line is read with those escapes taken as the bytes they stand for, so its body is still exact.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Iterable, Iterator
from urllib.parse import urlencode

from keyaudit.model.exchange import Exchange, Origin

from .lines import absolute_url, has_scheme, header_value, make_exchange, split_request_line, to_bytes

METHOD_FIELDS = ("method", "http_method", "request_method", "request.method", "http.request.method",
                 "req.method", "httpRequest.requestMethod", "verb")
# Fields that hold the query string too come first; nginx $uri (normalised, no query) is a path.
URL_FIELDS = ("url", "request_uri", "request.url", "request.uri", "url.full", "url.original",
              "req.url", "httpRequest.requestUrl")
PATH_FIELDS = ("path", "uri", "request.path", "url.path", "req.path")
QUERY_FIELDS = ("query", "query_string", "args", "request.query", "request.query_string", "url.query")
HOST_FIELDS = ("host", "http_host", "server_name", "request.host", "url.domain", "req.hostname")
SCHEME_FIELDS = ("scheme", "request.scheme", "url.scheme")
HEADER_FIELDS = ("headers", "request.headers", "http.request.headers", "req.headers", "request_headers")
BODY_FIELDS = ("body", "request.body", "request_body", "http.request.body.content", "req.body")
TIME_FIELDS = ("time", "timestamp", "@timestamp", "time_local", "time_iso8601", "ts")
REQUEST_LINE_FIELDS = ("request",)  # nginx $request: "POST /v1/transfers?x=1 HTTP/1.1"
# nginx $http_<name> variables are request headers; these http_ fields are something else.
_NOT_HEADERS = frozenset({"http_method", "http_host", "http_version", "http_status", "http_code",
                          "http_protocol", "http_status_code"})
_ABSENT = ("", "-")  # nginx and Apache log an unset variable as "-"
_NGINX_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\x([0-9A-Fa-f]{2})")
_DECODER = json.JSONDecoder()


def lookup(record: Any, dotted: str) -> Any:
    """The value at a dotted name, whatever mix of nesting and dotted keys the producer used
    (``a.b.c`` may be ``{"a": {"b": {"c": …}}}``, ``{"a.b.c": …}`` or ``{"a": {"b.c": …}}``)."""
    if not isinstance(record, dict):
        return None
    if dotted in record:
        return record[dotted]
    parts = dotted.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        head = ".".join(parts[:cut])
        if head in record:
            found = lookup(record[head], ".".join(parts[cut:]))
            if found is not None:
                return found
    return None


def _first_text(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    """The first of ``names`` holding a present string (ECS ``url`` is an object: skipped)."""
    for name in names:
        value = lookup(record, name)
        if isinstance(value, str) and value not in _ABSENT:
            return value
    return None


def _pairs(value: Any) -> list[tuple[str, str]] | None:
    """Headers logged as a mapping (values may be lists) or as a list of {name, value}."""
    if isinstance(value, dict):
        return [(str(name), _text(item)) for name, items in value.items()
                for item in (items if isinstance(items, list) else [items]) if item is not None]
    if isinstance(value, list):
        pairs = []
        for item in value:
            if isinstance(item, dict) and ("name" in item or "key" in item):
                pairs.append((_text(item.get("name", item.get("key"))), _text(item.get("value", ""))))
            elif isinstance(item, list) and len(item) == 2:
                pairs.append((_text(item[0]), _text(item[1])))
        return pairs
    return None


def _text(value: Any) -> str:
    return value if isinstance(value, str) else _compact(value)


def _compact(value: Any) -> str:
    """A parsed JSON value written back as compact JSON (what JSON.stringify and most clients
    produce); "" for a value nested too deeply to write back."""
    try:
        return json.dumps(value, separators=(",", ":"))
    except (ValueError, RecursionError):
        return ""


def _nginx_headers(record: dict[str, Any]) -> list[tuple[str, str]]:
    """nginx ``$http_x_name`` fields as ``x-name`` headers (the names nginx lower-cased)."""
    return [(key[5:].replace("_", "-"), value) for key, value in record.items()
            if key.startswith("http_") and key not in _NOT_HEADERS and isinstance(value, str)
            and value not in _ABSENT]


@dataclass
class _Target:
    method: str
    url: str


def _method_and_url(record: dict[str, Any], headers: list[tuple[str, str]]) -> _Target | None:
    method = _first_text(record, METHOD_FIELDS)
    target = _first_text(record, URL_FIELDS)
    request_line = _first_text(record, REQUEST_LINE_FIELDS)
    split = split_request_line(request_line.strip()) if request_line else None
    if split is not None:
        method, target = method or split[0], target or split[1]
    if target is None:
        target = _path_and_query(record)
    if method is None or target is None:
        return None
    if not has_scheme(target):
        host = _first_text(record, HOST_FIELDS) or header_value(headers, "Host")
        target = absolute_url(target if target.startswith("/") else "/" + target, host,
                              _first_text(record, SCHEME_FIELDS))
    return _Target(method, target) if target else None


def _path_and_query(record: dict[str, Any]) -> str | None:
    path = _first_text(record, PATH_FIELDS)
    if path is None:
        return None
    query = next((value for name in QUERY_FIELDS if (value := lookup(record, name)) not in (None, *_ABSENT)), None)
    if isinstance(query, dict):
        query = urlencode({str(key): _text(value) for key, value in query.items()})
    return f"{path}?{query.removeprefix('?')}" if isinstance(query, str) and query else path


def _body(value: Any, latin1: bool) -> bytes | None:
    """The body bytes: a logged string as sent; a logged object as compact JSON, since the
    exact bytes are unknown and compact JSON is what most clients send."""
    if value is None or value in _ABSENT:
        return None
    if isinstance(value, str):
        if latin1:
            try:
                return value.encode("latin-1")  # nginx \xHH escapes are bytes
            except UnicodeEncodeError:
                pass
        return to_bytes(value)
    return _compact(value).encode("utf-8")


def _time(record: dict[str, Any]) -> str | None:
    for name in TIME_FIELDS:
        value = lookup(record, name)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool) and value not in _ABSENT:
            return str(value)
    return None


def record_exchange(record: dict[str, Any], origin: Origin, latin1: bool = False) -> Exchange | None:
    """The request one log record describes, or None when it names no method and URL.

    ``headers_known`` is False when the record has no headers field and its format logs none
    of the iugu signing headers: such a log cannot show that a header was missing.
    """
    logged = _pairs(next((value for name in HEADER_FIELDS if (value := lookup(record, name)) is not None), None))
    nginx = _nginx_headers(record)
    headers = (logged or []) + nginx
    target = _method_and_url(record, headers)
    if target is None:
        return None
    known = logged is not None or "http_signature" in record or "http_request_time" in record
    body = _body(next((value for name in BODY_FIELDS if (value := lookup(record, name)) is not None), None),
                 latin1)
    return make_exchange(target.method, target.url, headers, body, origin, time=_time(record),
                         headers_known=known)


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
    return (record, latin1) if isinstance(record, dict) else None


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
        exchange = record_exchange(parsed[0], Origin(path, number, capture="jsonlog"), parsed[1])
        if exchange is not None:
            yield exchange
