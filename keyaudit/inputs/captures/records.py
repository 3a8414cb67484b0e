"""One generic reconstructor: the HTTP request a structured log record describes, whatever
product wrote it.

Producers name the same things differently and nest them differently — ``method``,
``http_method``, ``requestMethod``, ``:method``; ``url``, ``uri``, ``request_uri``, ``url.full``;
headers as an object, a list of pairs, a list of ``{name, value}`` or a text block; the body as a
string, an object, ``{"content": …}`` or base64 — and wrap records in envelopes (a container
runtime's ``{"log": "<escaped JSON>"}``, a cloud export's ``jsonPayload``, an error tracker's
``request``). Rather than a list of field names per product, the record is read by roles:

- keys are compared by their letters and digits only, case-insensitively (``request-body`` and
  ``requestBody`` are ``requestbody``), and a role's name may be qualified by what it belongs to
  (``method``, ``requestMethod``, ``http_method``, ``reqMethod`` are all the method);
- dotted keys, key/value lists and typed values are read as the nesting they stand for
  (:mod:`.record_views`: OpenTelemetry's ``http.request.header.<name>`` attributes, in OTLP's
  ``[{key, value: {stringValue}}]`` too, are a ``header`` object);
- the request node is the shallowest object with a key in the method role whose value is an
  HTTP method;
- every other part is looked for in that node first, then in the nodes around it, nearest first
  (ECS puts the method in ``http.request`` and the URL in a top-level ``url`` object);
- a string value that is itself a JSON object is read as a nested record (bounded depth).

A record that names no method and absolute URL (or host and path) describes no request (a
request dumped as text in its message is for the readers of dumps, which read envelopes' text).
"""

from __future__ import annotations

import base64
import binascii
import functools
import json
import re
from typing import Any, Iterator
from urllib.parse import urlencode

from keyaudit.model.exchange import Exchange, Origin

from .lines import HTTP_METHODS, absolute_url, has_scheme, header_value, make_exchange, split_request_line, to_bytes
from .record_views import pairs_object, plain, typed

MAX_DEPTH = 8  # objects nested deeper than this are not searched
MAX_EMBEDDED = 3  # JSON records inside JSON strings, at most this deep
_KEY = re.compile(r"[^0-9a-z]")
_QUALIFIERS = ("", "request", "req", "http")  # what a role's name may be prefixed with: requestHost


def _spellings(*names: str) -> frozenset[str]:
    """A role's names, each also qualified as belonging to the request (``RequestHost``,
    ``http_url``, ``req_body``)."""
    return frozenset(qualifier + name for qualifier in _QUALIFIERS for name in names)


METHOD = _spellings("method", "verb")
URL = _spellings("url", "fullurl", "uri", "href", "originalurl", "absoluteurl", "endpoint") - {"uri"}
URL_OBJECT = frozenset({"full", "original", "raw", "href"})  # the whole URL inside a ``url`` object
HOST = _spellings("host", "hostname", "domain", "domainname", "authority", "servername", "serverhost")
SERVER = frozenset({"server", "destination"})  # OpenTelemetry's server.address, ECS's destination.address
SERVER_ADDRESS = frozenset({"address", "domain"})
SCHEME = _spellings("scheme")
PATH = _spellings("path", "pathname", "rawpath", "uri")  # nginx $uri: a path, no query
QUERY = _spellings("query", "querystring", "args", "params", "queryparams", "search")
HEADERS = _spellings("headers", "header")
BODY = _spellings("body", "data", "payload", "postdata", "rawbody")
# A body named so bare at a record's top, when the request is an object inside it, is the
# record's own (an OpenTelemetry log record's body is its message): there only a qualified name counts.
OWN_BODY = BODY - frozenset({"body", "data", "payload"})
BODY_TEXT = frozenset({"content", "text", "raw", "value", "bytes", "string"})  # a body object's own text
REQUEST_LINE = frozenset({"request", "requestline"})  # nginx $request: "POST /v1/x?y=1 HTTP/1.1"
TIME = frozenset({"time", "timestamp", "ts", "timelocal", "timeiso8601", "datetime", "date"})
_ABSENT = ("", "-")  # nginx and Apache log an unset variable as "-"
# nginx $http_<name> variables are request headers; these http_ fields are something else.
_NOT_HEADERS = frozenset({"http_method", "http_host", "http_version", "http_status", "http_code",
                          "http_protocol", "http_status_code"})
# Traefik's kept request headers: request_<Name>, the name as sent (canonical case or with a dash),
# which sets them apart from request_time, request_id and the other request_ fields.
_PREFIXED_HEADER = re.compile(r"request_([A-Z][A-Za-z0-9-]*|[a-z0-9]+(?:-[a-z0-9]+)+)")
_DECODER = json.JSONDecoder()


@functools.lru_cache(maxsize=4096)
def role(key: object) -> str:
    """A key as its letters and digits, lower-cased: what two producers' spellings share.
    Remembered: a log repeats the same few dozen keys on every record, and every key of every
    record around an anchor is asked for."""
    return _KEY.sub("", str(key).lower())


def json_object(value: str) -> dict[str, Any] | None:
    """The JSON object a string holds whole (a container log's line, its ``log`` field), or None."""
    text = value.strip()
    if not text.startswith("{") or not text.endswith("}"):
        return None
    try:
        found = _DECODER.decode(text)
    except (ValueError, RecursionError):
        return None
    return found if isinstance(found, dict) else None


def _nodes(record: dict[str, Any]) -> Iterator[tuple[dict[str, Any], tuple[int, ...]]]:
    """Every object of the record, in its plain view, with its path of child positions, breadth
    first; JSON records held in strings, a list's first object and a key/value list count as
    children."""
    queue: list[tuple[dict[str, Any], tuple[int, ...], int]] = [(record, (), 0)]
    while queue:
        node, place, embedded = queue.pop(0)
        node = plain(node)
        yield node, place
        if len(place) >= MAX_DEPTH:
            continue
        for index, value in enumerate(node.values()):
            child, depth = typed(value) if type(value) is dict and len(value) == 1 else value, embedded
            if isinstance(child, str):
                child, depth = json_object(child) if embedded < MAX_EMBEDDED else None, embedded + 1
            elif isinstance(child, list):
                child = pairs_object(child) or next((item for item in child if isinstance(item, dict)), None)
            if isinstance(child, dict):
                queue.append((child, (*place, index), depth))


def _method(node: dict[str, Any]) -> str | None:
    for key, value in node.items():
        if role(key) in METHOD and isinstance(value, str) and value.upper() in HTTP_METHODS:
            return value.upper()
    return None


def _near(nodes: list[tuple[dict[str, Any], tuple[int, ...]]], place: tuple[int, ...]) -> list[dict[str, Any]]:
    """The record's objects, nearest to the one at ``place`` first: it and what it holds, then
    each enclosing object and what that holds."""
    def distance(other: tuple[int, ...]) -> tuple[int, int]:
        shared = 0
        while shared < min(len(other), len(place)) and other[shared] == place[shared]:
            shared += 1
        return (len(place) - shared, len(other) - shared)

    return [node for node, other in sorted(nodes, key=lambda item: distance(item[1]))]


def _first(nodes: list[dict[str, Any]], roles: frozenset[str], kinds: tuple[type, ...] = (str,)) -> Any:
    for node in nodes:
        for key, value in node.items():
            if role(key) in roles and isinstance(value, kinds) and value not in _ABSENT:
                return value
    return None


def _url(nodes: list[dict[str, Any]], headers: list[tuple[str, str]]) -> str | None:
    """The request's absolute URL: a URL field, a ``url`` object (its whole text, or its parts:
    ECS's domain and path, Postman's host labels and path segments), or host and path."""
    target = _first(nodes, URL, (str, dict))
    if isinstance(target, dict):
        whole = _first([target], URL_OBJECT)
        if whole is not None and has_scheme(whole):
            return whole
        parts = _from_parts([target], headers, nodes)
        return parts if parts is not None or whole is None else _absolute(whole, [target, *nodes], headers)
    if target is None:
        return _from_parts(nodes, headers)
    return target if has_scheme(target) else _absolute(target, nodes, headers)


def _from_parts(nodes: list[dict[str, Any]], headers: list[tuple[str, str]],
                around: list[dict[str, Any]] | None = None) -> str | None:
    """The URL from a path (a string or its segments) and query in ``nodes``, on a host found
    there or, failing that, ``around`` them."""
    path = _part(nodes, PATH, "/")
    if path is None:
        return None
    if has_scheme(path):  # a "uri" or "path" field that holds the whole URL
        return path
    query = _query(_first(nodes, QUERY, (str, dict, list)))
    return _absolute(f"{path}?{query.removeprefix('?')}" if query else path, nodes + (around or []), headers)


def _query(value: Any) -> str | None:
    """A query string logged as text, an object, or a list of pairs or of {key, value}."""
    if isinstance(value, list):
        value = pairs_object(value) or {item[0]: item[1] for item in value
                                        if isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)}
    if isinstance(value, dict):
        return urlencode({str(key): item if isinstance(item, str) else _compact(item) for key, item in value.items()})
    return value if isinstance(value, str) else None


def _part(nodes: list[dict[str, Any]], roles: frozenset[str], joiner: str) -> str | None:
    """A URL part logged as a string or as its pieces (host labels, path segments)."""
    value = _first(nodes, roles, (str, list))
    if isinstance(value, list):
        return joiner.join(value) if value and all(isinstance(item, str) for item in value) else None
    return value


def _absolute(target: str, nodes: list[dict[str, Any]], headers: list[tuple[str, str]]) -> str | None:
    host = (_part(nodes, HOST, ".") or _server_address(nodes) or header_value(headers, "Host")
            or header_value(headers, ":authority"))
    protocol = _first(nodes, frozenset({"protocol"}))  # Postman's url.protocol; elsewhere often "HTTP/1.1"
    scheme = (_first(nodes, SCHEME) or header_value(headers, ":scheme")
              or (protocol if protocol is not None and protocol.lower() in ("http", "https") else None))
    return absolute_url(target if target.startswith("/") else "/" + target, host, scheme)


def _server_address(nodes: list[dict[str, Any]]) -> str | None:
    """The address of a ``server`` (or ``destination``) object: the host a server span names."""
    for node in nodes:
        for key, value in node.items():
            if role(key) in SERVER and isinstance(value, dict):
                address = _first([value], SERVER_ADDRESS)
                if address is not None:
                    return address
    return None


def _headers(value: Any) -> list[tuple[str, str]] | None:
    """Headers logged as a mapping (values may be lists), a list of pairs or of {name, value},
    or a block of ``Name: value`` lines."""
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
    if isinstance(value, str):
        return [(name.strip(), rest.strip()) for line in value.splitlines()
                for name, colon, rest in [line.partition(":")] if colon and name.strip()]
    return None


def _nginx_headers(record: dict[str, Any]) -> list[tuple[str, str]]:
    """nginx ``$http_x_name`` fields as ``x-name`` headers (the names nginx lower-cased)."""
    return [(key[5:].replace("_", "-"), value) for key, value in record.items()
            if isinstance(key, str) and key.startswith("http_") and key not in _NOT_HEADERS
            and isinstance(value, str) and value not in _ABSENT]


def _prefixed_headers(node: dict[str, Any]) -> list[tuple[str, str]]:
    """Headers logged one key each beside the request's other fields, ``request_<Name>``
    (Traefik); a record that logs them so logs every header it kept."""
    return [(match.group(1), value) for key, value in node.items()
            if isinstance(key, str) and key.startswith("request_") and isinstance(value, str) and value not in _ABSENT
            and (match := _PREFIXED_HEADER.fullmatch(key)) is not None]


def _text(value: Any) -> str:
    return value if isinstance(value, str) else _compact(value)


def _compact(value: Any) -> str:
    """A parsed JSON value written back as compact JSON (what JSON.stringify and most clients
    produce); "" for a value nested too deeply to write back."""
    try:
        return json.dumps(value, separators=(",", ":"))
    except (ValueError, RecursionError):
        return ""


def _body(nodes: list[dict[str, Any]], outer: dict[str, Any] | None, latin1: bool) -> bytes | None:
    """The body bytes, nearest first: under any body name, but in ``outer`` (the record itself,
    when the request is an object inside it) only under a name that says it is the request's
    (``request_body``). A logged string as sent (base64 decoded where the record says so: an
    ``encoding`` of base64, or a true flag beside it named for base64, as API Gateway's
    ``isBase64Encoded``); an object as compact JSON, since the exact bytes are unknown and compact
    JSON is what most clients send; ``{"content": …}`` and ``{"text": …}`` wrappers are opened."""
    value = next((found for node in nodes if (found := _first([node], OWN_BODY if node is outer else BODY,
                                                                (str, bytes, dict, list))) is not None), None)
    if value is None:
        return None
    holder = value if isinstance(value, dict) else None
    if holder is not None and (inner := _first([holder], BODY_TEXT)) is not None:
        value = inner
    if isinstance(value, str) and value[:1] not in "{[<" and _says_base64(holder, value, nodes):
        value = _base64(value)
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        if latin1:
            try:
                return value.encode("latin-1")  # nginx \xHH escapes are bytes
            except UnicodeEncodeError:
                pass
        return to_bytes(value)
    return _compact(value).encode("utf-8")


def _says_base64(holder: dict[str, Any] | None, value: str, nodes: list[dict[str, Any]]) -> bool:
    """Whether the object holding the body text ``value`` says it is base64."""
    if holder is None:
        holder = next((node for node in nodes if any(item is value for item in node.values())), {})
    encoding = _first([holder], frozenset({"encoding"}))
    return (isinstance(encoding, str) and encoding.lower() == "base64") or any(
        value is True and "base64" in role(key) for key, value in holder.items())


def _base64(text: str) -> bytes | str:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return text


def _time(record: dict[str, Any]) -> str | None:
    value = _first([record], TIME, (str, int, float))
    return None if value is None or isinstance(value, bool) else str(value)


def request_of(record: dict[str, Any], origin: Origin, latin1: bool = False) -> Exchange | None:
    """The request one structured record describes, or None when it names no method and URL.

    ``headers_known`` is False when no headers field was found and the record logs none of the
    signing headers either: such a log cannot show that a header was missing.
    """
    nodes = list(_nodes(record))
    for node, place in nodes:
        method, line = _method(node), _request_line(node)
        if method is None and line is None:
            continue
        near = _near(nodes, place)
        logged = _headers(_first(near, HEADERS, (str, dict, list)))
        prefixed = _prefixed_headers(node)
        headers = (logged or []) + prefixed + _nginx_headers(record)
        if line is not None and _first(near, URL, (str, dict)) is None:
            # nginx $request: the whole request line, query included, beats a path field
            method = method or line[0]
            url = line[1] if has_scheme(line[1]) else _absolute(line[1], near, headers)
        else:
            url = _url(near, headers)
        if url is None:
            return None
        known = logged is not None or bool(prefixed) or "http_signature" in record or "http_request_time" in record
        body = _body(near, nodes[0][0] if place else None, latin1)  # the record's own top: nodes[0]
        return make_exchange(method or "GET", url, headers, body, origin, time=_time(record), headers_known=known)
    return None


def _request_line(node: dict[str, Any]) -> tuple[str, str] | None:
    """(method, target) of a request line logged whole (nginx ``$request``), or None."""
    line = _first([node], REQUEST_LINE)
    return split_request_line(line.strip()) if line else None
