"""JSON request logs: one JSON object per line describing a request, under common field names.

Application request logs, ECS-shaped logs and nginx/ingress JSON access logs name the same
things differently; each field is looked up under the names those producers use. A line that
is not a JSON object, or names no method and URL, is not a request record.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator

from keyaudit.exchange import Exchange, Origin

METHOD_FIELDS = ("method", "http_method", "request_method", "request.method", "http.request.method", "req.method")
URL_FIELDS = ("url", "uri", "request_uri", "request.url", "request.uri", "url.full", "req.url", "full_url")
PATH_FIELDS = ("path", "request.path", "url.path")
QUERY_FIELDS = ("query", "query_string", "args", "request.query", "url.query")
HOST_FIELDS = ("host", "http_host", "server_name", "request.host", "url.domain", "destination.domain")
SCHEME_FIELDS = ("scheme", "request.scheme", "url.scheme")
HEADER_FIELDS = ("headers", "request.headers", "http.request.headers", "req.headers", "request_headers")
BODY_FIELDS = ("body", "request.body", "request_body", "http.request.body.content", "req.body", "payload")
TIME_FIELDS = ("@timestamp", "timestamp", "time", "time_iso8601", "time_local", "ts")
REQUEST_LINE_FIELD = "request"  # nginx: "POST /v1/transfers?x=1 HTTP/1.1"
_NGINX_HEADERS = {"http_authorization": "Authorization", "http_signature": "Signature",
                  "http_request_time": "Request-Time", "http_access_token": "access_token",
                  "content_type": "Content-Type", "http_user_agent": "User-Agent"}


def _lookup(record: dict[str, Any], dotted: str) -> Any:
    """``a.b.c`` as nested keys, or as one flat key (both shapes occur)."""
    if dotted in record:
        return record[dotted]
    node: Any = record
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _first(record: dict[str, Any], names: tuple[str, ...], kind: type | tuple[type, ...] = object) -> Any:
    """The first of ``names`` present with a value of ``kind`` (``url`` may be a string or,
    in ECS, an object holding ``url.full``)."""
    values = (_lookup(record, name) for name in names)
    return next((v for v in values if v not in (None, "") and isinstance(v, kind)), None)


def _headers(value: Any) -> list[tuple[str, str]] | None:
    if isinstance(value, dict):
        pairs = []
        for name, item in value.items():
            for single in item if isinstance(item, list) else [item]:
                pairs.append((str(name), str(single)))
        return pairs
    if isinstance(value, list):
        return [(str(h.get("name", "")), str(h.get("value", ""))) for h in value if isinstance(h, dict)]
    return None


def _body(value: Any) -> bytes | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.encode("utf-8", "surrogateescape")
    # Logged as a parsed object: the bytes sent are unknown; compact JSON is the likeliest form.
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def record_exchange(record: dict[str, Any], path: str, line: int) -> Exchange | None:
    """The request one log record describes, or None."""
    method, target = _first(record, METHOD_FIELDS, str), _first(record, URL_FIELDS, str)
    request_line = record.get(REQUEST_LINE_FIELD)
    if (method is None or target is None) and isinstance(request_line, str) and request_line.count(" ") >= 1:
        parts = request_line.split(" ")
        method, target = method or parts[0], target or parts[1]
    if target is None and (path_value := _first(record, PATH_FIELDS, str)) is not None:
        query = _first(record, QUERY_FIELDS, str)
        target = f"{path_value}?{query}" if query else str(path_value)
    if not isinstance(method, str) or not isinstance(target, str) or not method.isalpha():
        return None
    if "://" not in target:
        host = _first(record, HOST_FIELDS, str)
        if not host:
            return None
        target = f"{_first(record, SCHEME_FIELDS, str) or 'https'}://{host}{target if target.startswith('/') else '/' + target}"
    headers = _headers(_first(record, HEADER_FIELDS))
    known = headers is not None
    headers = headers or []
    for field, name in _NGINX_HEADERS.items():
        if isinstance(record.get(field), str) and record[field] not in ("", "-"):
            headers.append((name, record[field]))
            known = known or field in ("http_signature", "http_request_time")
    time = _first(record, TIME_FIELDS, (str, int, float))
    exchange = Exchange(method.upper(), target, headers, _body(_first(record, BODY_FIELDS)),
                        str(time) if time is not None else None, Origin(path, line, capture="jsonlog"))
    exchange.headers_known = known
    return exchange


def exchanges(lines: Iterable[tuple[int, str]], path: str) -> Iterator[Exchange]:
    """Every request record among the lines."""
    for number, text in lines:
        stripped = text.strip()
        if not (stripped.startswith("{") and stripped.endswith("}")):
            continue
        try:
            record = json.loads(stripped)
        except ValueError:
            continue
        if isinstance(record, dict):
            exchange = record_exchange(record, path, number)
            if exchange is not None:
                yield exchange
