"""One generic reconstructor: the HTTP request a structured log record describes, whatever product wrote it.

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
  ``[{key, value: {stringValue}}]`` too, are a ``header`` object); an HTTP/2 field block printed as
  a list (``headers=[:method=POST, :path=/v1/x, :scheme=https, :authority=…, name=value]``, Armeria's and
  Netty's) is the object of its fields, whose pseudo-headers are the request line's parts;
- the request node is the shallowest object with a key in the method role whose value is an
  HTTP method (or a request line) — but one under a member named for the side a request is
  passed on to (``backend``, ``upstream``, ``proxyRequest``), where a gateway's record holds the
  request it received and the one it forwarded; failing that, the shallowest whose name says the request
  (``"Name": "POST /v1/x"``: Azure's telemetry, a span's name), its URL then in a URL field, on
  a host field, or in any field of the node that holds an absolute URL with that path;
- every other part is looked for in that node first, then in the nodes around it, nearest first (ECS
  puts the method in ``http.request``, the URL in a top-level ``url``), never in the reply's (``response``);
  headers (also those logged one field each) by :mod:`.record_headers`, the body by :mod:`.record_bodies`,
  the URL (a field, or its parts) by :mod:`.record_urls`;
- a string value that is itself a JSON object, or ends with one after a message's words (``iugu request
  {"method": …}``: a logger's message with an object formatted into it, as a JSON log keeps it), or an array or
  object in PHP's ``serialize`` notation (a queued job's, :mod:`.php_serialized`), is read as a nested record
  (bounded depth).

A record that names no method and absolute URL (or host and path) describes no request (one dumped as text in
its message is for the readers of dumps); the id it carries (:mod:`.record_ids`) goes with a request showing no body.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any, Iterator

from keyaudit.model.exchange import Exchange, Origin
from keyaudit.model.numbers import plain_number
from keyaudit.rulebook.header_names import NO_RECORD_HEADERS, RecordHeaders, folded

from .change_rows import rows_written
from .command_lists import command_request
from .header_entries import HEADERS, pseudo_fields
from .lines import HTTP_METHODS, has_scheme, header_value, make_exchange, split_request_line
from .php_serialized import serialized_record
from .record_bodies import BODY, body
from .record_headers import head_lines, request_headers
from .record_heads import head_headers, head_said, held_head, sent_whole
from .record_ids import request_id
from .record_urls import ONWARD, PATH, SENT_PATH, URL, URL_OBJECT, absolute_target, record_url, url_with_path
from .record_views import (ABSENT, MAX_ATTRIBUTE_KEYS, curl_options, first, matched, of_reply, pairs_object, plain,
                           positional_request, role, spellings, typed)

MAX_DEPTH = 8  # objects nested deeper than this are not searched
MAX_EMBEDDED = 3  # JSON records inside JSON strings, at most this deep
# in a string read backwards (reversed), a quote with the backslashes before it (an even run: not escaped), or a
# brace: what finds the brace that opens the object a string ends with, from its end, nothing before it read
_BRACE_OR_QUOTE_REVERSED = re.compile(r'"(\\*)|[{}]')


# The method under a name that says it, alone or before a word (method_name, methodType, verb_name)
METHOD = spellings("method", "verb", "methodname", "methodtype", "verbname")
# a name that may hold any action: a method only where its value is one as HTTP writes it ("action":
# "POST"; not "action": "login", nor the word "delete")
ACTION = spellings("action")
# Headers only a response carries (RFC 9110's Server, Location, ETag, Retry-After, WWW-Authenticate; cookies set;
# the security headers a server adds): a logged set holding one is the reply's, what a call got back (`{"method",
# "url", "status", "headers": {"Server": "nginx", …}}`), and shows nothing of what the request sent. Not a CORS
# answer's nor X-Powered-By: clients send those by mistake (`Access-Control-Allow-Origin: *` "to fix CORS").
_REPLY_ONLY = frozenset({"server", "set-cookie", "location", "etag", "last-modified", "retry-after", "www-authenticate",
                         "proxy-authenticate", "strict-transport-security", "content-security-policy",
                         "x-frame-options", "accept-ranges", "alt-svc"})
# Headers only a request carries (RFC 9110's request context and credential fields, and those the client adds): a
# record of a call with its status beside it that shows one the call above does not, or another value (or a header
# the rules read: `known`, where a credential, a signature or a sender's mark travels), is a call logged with its
# outcome, not that call's answer echoing its headers (see Exchange.answered and Exchange.sent_shown).
_REQUEST_ONLY = frozenset({"authorization", "proxy-authorization", "cookie", "user-agent", "host", "accept",
                           "accept-language", "accept-encoding", "expect", "from", "referer", "te", "max-forwards",
                           "if-match", "if-none-match", "if-modified-since", "if-unmodified-since", "range"})
_REQUEST_SAID = ("req", "httpreq", "clientreq")  # a headers member's name that says the request's, once a role
# The call's status code beside its method and URL (`"status": 201`, `statusCode`): the record was written when the
# answer came (see Exchange.answered)
STATUS = spellings("status", "statuscode")
# The head's lines as "Name: value" strings, a list or one string of lines ended `\r\n` (Wireshark's
# http.request.line, one a header; tshark's fields): headers, where no headers member says them.
HEADER_LINES = spellings("line")
# A name (a span's, an operation's, a telemetry item's) that says the request: "POST /v1/x", "GET https://…"
NAME = frozenset({"name", "operation", "operationname", "spanname", "displayname", "resource", "resourcename",
                  "transaction", "transactionname"})
_NAMED = re.compile(r"([A-Za-z]{3,7}) +(/\S*|[A-Za-z][A-Za-z0-9+.-]*://\S+)")
REQUEST_LINE = frozenset({"request", "requestline"})  # nginx $request: "POST /v1/x?y=1 HTTP/1.1"
TIME = frozenset({"time", "timestamp", "ts", "timelocal", "timeiso8601", "datetime", "date"})
_DECODER = json.JSONDecoder()


def json_object(value: str) -> dict[str, Any] | None:
    """The JSON object a string holds whole (a container log's line, its ``log`` field), or None."""
    found = _whole(value, "{}")
    return found if isinstance(found, dict) else None


def json_list(value: str) -> list[Any] | None:
    """The JSON array a string holds whole, or None: a job's arguments kept as the JSON text of their list (a
    Durable Functions history's ``Input``, ``"[{…}]"``; Hangfire's ``Arguments``, each argument its own JSON text)."""
    found = _whole(value, "[]")
    return found if isinstance(found, list) else None


def _whole(value: str, marks: str) -> Any:
    """The JSON value a string holds whole, between ``marks`` (its opening and closing character), or None."""
    text = value.strip()
    if not text.startswith(marks[0]) or not text.endswith(marks[1]):
        return None
    try:
        return _DECODER.decode(text)
    except (ValueError, RecursionError):
        return None


def held_object(value: str) -> dict[str, Any] | None:
    """The JSON object a string holds whole, or at its end after words (a message a logger formatted an object
    into: ``iugu request {"method": …}``), or None. The object is the one its last brace closes, decoded from the
    brace that opens it: the words before it may hold braces of their own (a template's holes left unfilled,
    ``{} {}``; when only the first four braces were tried, a fifth object was no request)."""
    found = json_object(value)
    text = value.rstrip()
    if found is not None or not text.endswith("}"):
        return found
    start = _opening(text)
    if start <= 0:
        return None
    try:
        found, end = _DECODER.raw_decode(text, start)
    except (ValueError, RecursionError):
        return None
    return found if end == len(text) and isinstance(found, dict) else None


def _opening(text: str) -> int:
    """Where the brace that the text's last one closes opens, read backwards outside JSON strings; -1 if none."""
    depth, quoted = 0, False
    for mark in _BRACE_OR_QUOTE_REVERSED.finditer(text[::-1]):
        if mark.group(1) is not None:
            quoted ^= len(mark.group(1)) % 2 == 0
        elif not quoted:
            depth += 1 if mark.group() == "}" else -1
            if depth == 0:
                return len(text) - 1 - mark.start()
    return -1


def _nodes(record: dict[str, Any]) -> Iterator[tuple[dict[str, Any], tuple[int, ...], str]]:
    """Every object of the record, in its plain view, with its path of child positions and the side the
    first member on that path named for one says (``onward``: :data:`ONWARD`; ``reply``: :func:`.of_reply`;
    else ""), breadth first; JSON records held in strings, a list's first object, a key/value list, a call's
    positional arguments (:func:`.record_views.positional_request`) and the request a command kept as lists of its
    words sends (:func:`.command_lists.command_request`) are children."""
    queue: list[tuple[dict[str, Any], tuple[int, ...], int, str]] = [(record, (), 0, "")]
    while queue:
        node, place, embedded, onward = queue.pop(0)
        node = curl_options(plain(node))
        if len(place) >= MAX_DEPTH:
            yield node, place, onward
            continue
        view = node
        for index, (key, value) in enumerate(node.items()):
            if type(value) in (list, dict) and (exact := matched(value)) is not None:
                view = dict(node) if view is node else view  # never change the record itself
                view[key] = exact
                continue
            child, depth = typed(value) if type(value) is dict and len(value) <= MAX_ATTRIBUTE_KEYS else value, embedded
            if child is not value:  # a typed value is what it wraps, for this node's roles too
                view = dict(node) if view is node else view
                view[key] = child
            if isinstance(child, str):  # most strings hold no brace: asked first, at C speed
                child = (held_object(child) or json_list(child) or serialized_record(child)) \
                    if embedded < MAX_EMBEDDED and "{" in child else None
                depth = embedded + 1
            if isinstance(child, list):  # (an HTTP/2 field block printed as a list: its pseudo-headers' object)
                items = child
                child = pairs_object(items) or positional_request(items) \
                    or next((item for item in items if isinstance(item, dict)), None) or pseudo_fields(items)
                if child is None and depth < MAX_EMBEDDED:  # else the first item that is an object's JSON text
                    child, depth = next((found for item in items if isinstance(item, str) and "{" in item
                                         and (found := json_object(item)) is not None), None), depth + 1
            if isinstance(child, dict):
                side = onward or ("onward" if role(key).startswith(ONWARD) else "reply" if of_reply(key) else "")
                queue.append((child, (*place, index), depth, side))
        if (command := command_request(node)) is not None:  # a command's words kept as lists (a container's)
            queue.append((command[1], (*place, command[0]), embedded, onward))
        yield view, place, onward


def _method(node: dict[str, Any]) -> str | None:
    for key, value in node.items():
        if isinstance(value, str) and value.upper() in HTTP_METHODS:
            name = role(key)
            if name in METHOD or (name in ACTION and value in HTTP_METHODS):
                return value.upper()
    return None


def _near(nodes: list[tuple[dict[str, Any], tuple[int, ...], bool]], place: tuple[int, ...]) -> list[dict[str, Any]]:
    """The record's objects, nearest to the one at ``place`` first: it and what it holds, then
    each enclosing object and what that holds."""
    def distance(other: tuple[int, ...]) -> tuple[int, int]:
        shared = 0
        while shared < min(len(other), len(place)) and other[shared] == place[shared]:
            shared += 1
        return (len(place) - shared, len(other) - shared)

    return [node for node, *_ in sorted(nodes, key=lambda item: distance(item[1]))]


def _time(record: dict[str, Any]) -> str | None:
    value = first([record], TIME, (str, int, float))
    return None if value is None or isinstance(value, bool) else str(value)


def names_a_request(names: list[str]) -> bool:
    """Whether records with these keys can say a request: a method and a URL (or a path) among
    them, or a request line (a table's header row, whose rows are records only if it names them). A dotted key is
    the path the record view reads it as (:func:`~.record_views.plain`): ``url.full`` (ECS, as Kibana's Discover
    exports its columns) names the whole URL inside a ``url`` object, so it names the URL."""
    roles = {role(name) for name in names}
    roles |= {role(parent) for parent, _, last in (name.rpartition(".") for name in names) if last in URL_OBJECT}
    return bool(roles & METHOD and roles & (URL | PATH)) or bool(roles & REQUEST_LINE)


def request_of(record: dict[str, Any], origin: Origin, latin1: bool = False,
               known: RecordHeaders = NO_RECORD_HEADERS) -> Exchange | None:
    """The request one structured record describes, or None when it names no method and URL.

    The request node is the shallowest object with a method field or a request line; failing that, the shallowest
    with a name that says the request (``"POST /v1/x"``: Azure's telemetry ``Name``); a change event's row is all its
    request. ``known``: the header names the rules know, for headers logged one field each (see
    :mod:`.record_headers`); ``headers_known`` is False when the record shows no missing header (nor any of the
    request's, where those it logs are the reply's: one only a response carries among them). A record whose headers
    member holds the method and URL (a message's headers, as Camel keeps a call's) is the request."""
    nodes, rows = rows_written(list(_nodes(record)), known.changes, _stated)  # a change event's rows (.change_rows)
    onward = [item for item in nodes if item[2] == "onward"]
    found = next(((node, place, said, side) for read in (_stated, _named, _head) for node, place, side in onward + nodes
                  if (said := read(node)) is not None), None)
    if found is None:
        return None
    node, place, (method, target), side = found
    if (whole := sent_whole(node, REQUEST_LINE, origin, _method(node), first([node], URL), first([node], PATH))) \
            is not None:
        return whole  # the request's bytes kept whole in one member (Burp's unencoded <request>)
    # the reply's headers and body are none of the request's (unless it is read in it: axios's response.config)
    near = _near(rows.within(place, [item for item in nodes if item[2] != "reply" or side == "reply"]), place)
    said_head = _logged_headers(near)
    logged = head_headers(said_head) if isinstance(said_head, str) else said_head
    logged = logged if logged is not None else head_lines(first(near, HEADER_LINES, (list, str)))
    headers, headers_known = request_headers(logged, node, record, known, BODY, method)
    if any(name.lower() in _REPLY_ONLY for name, _ in headers):
        headers, headers_known = [], False
    if target is not None and first(near, URL, (str, dict)) is None and (has_scheme(target) or SENT_PATH.fullmatch(target)):
        # a request line or a name, query included, beats a path field (nginx $request); a name's route template does not
        url = target if has_scheme(target) else (absolute_target(target, near, headers) or url_with_path(node, target))
    else:
        url = record_url(near, headers)
    if url is None:
        return None
    # the request's own origin is no Origin header (a browser's names the page that sent it)
    headers = [(name, value) for name, value in headers if name.lower() != "origin" or not url.startswith(value + "/")]
    outer = nodes[0][0] if place and not rows.holds(place) and not (
        len(place) == 1 and role(list(nodes[0][0])[place[0]]) in HEADERS) else None
    body_bytes, exact = body(near, outer, latin1, url, _holds_request, header_value(headers, "Content-Type"))
    tied = request_id(node) or request_id(record) if body_bytes is None else None
    exchange = make_exchange(method, url, headers, body_bytes, origin, time=_time(record),
                             headers_known=headers_known, body_exact=exact, request_id=tied, answered=_answered(node))
    if exchange is not None and exchange.answered:  # (few records: a call's answer, or a call logged with it)
        exchange = replace(exchange, sent_shown=_sent_only(headers, known))
    return rows.read(held_head(exchange, said_head), place)


def _answered(node: dict[str, Any]) -> bool:
    """Whether the request's node holds its call's status code, a number of three digits (not a resource's
    status, ``"status": "PENDING"``)."""
    status = first([node], STATUS, (int, str))
    number = plain_number(status, 3) if isinstance(status, str) else status
    return isinstance(number, int) and not isinstance(number, bool) and 100 <= number <= 599


def _sent_only(headers: list[tuple[str, str]], known: RecordHeaders) -> frozenset[tuple[str, str]]:
    """Those of ``headers`` only a request carries (see :data:`_REQUEST_ONLY`) or the rules read, names lower-cased:
    a reply never shows the request's credential nor its User-Agent, so a record with its status that shows one is
    its call's answer only where the call shows it too, the same."""
    return frozenset((name.lower(), value.strip()) for name, value in headers
                     if name.lower() in _REQUEST_ONLY or known.name(folded(name)) is not None)


def _logged_headers(near: list[dict[str, Any]]) -> Any:
    """The nearest headers member; in an object holding two, the one its name says is the request's
    (``request_headers``, ``reqHeaders``): the other is then the reply's (a client's hook that logs the
    ``headers`` it got back beside the ``request_headers`` it sent)."""
    for node in near:
        members = [(role(key), value) for key, value in node.items()
                   if role(key) in HEADERS and isinstance(value, (str, dict, list)) and value not in ABSENT]
        if members:
            return next((value for name, value in members if name.startswith(_REQUEST_SAID)), members[0][1])
    return None


def _holds_request(value: dict[str, Any] | list[Any]) -> bool:
    """Whether a value holds a request of its own (a method field or a request line): then it is
    the envelope of a request or an entry of one, no body."""
    return any(_stated(node) is not None for node, *_ in _nodes(value if isinstance(value, dict) else {"": value}))


def _stated(node: dict[str, Any]) -> tuple[str, str | None] | None:
    """(method, target or None) of a node with a method field or a request line (nginx
    ``$request``: "POST /v1/x?y=1 HTTP/1.1"; a logger's "POST https://…"), or None."""
    method, line = _method(node), first([node], REQUEST_LINE)
    found = _said(line) if line else None
    if found is not None:
        return method or found[0], found[1]
    return None if method is None else (method, None)


def _head(node: dict[str, Any]) -> tuple[str, str] | None:
    """(method, target) of the head text a headers member of ``node`` starts with (ZAP's ``requestHeader``), where
    it agrees with the URL the node names, if any; read last, where no object of the record states a request or
    names one: a record's head of the incoming request is none of the call it logs nested (see
    :mod:`.record_heads`)."""
    return head_said(node, HEADERS, first([node], URL))


def _named(node: dict[str, Any]) -> tuple[str, str] | None:
    """(method, target) of a node whose name says the request ("POST /v1/x"), or None."""
    return next((said for key, value in node.items()
                 if role(key) in NAME and isinstance(value, str) and (said := _said(value)) is not None), None)


def _said(text: str) -> tuple[str, str] | None:
    """(method, target) a text says whole: a request line, its HTTP version written or not ("POST /v1/x")."""
    if (found := split_request_line(text := text.strip())) is None and (said := _NAMED.fullmatch(text)) is not None:
        found = (said.group(1).upper(), said.group(2)) if said.group(1).upper() in HTTP_METHODS else None
    return found
