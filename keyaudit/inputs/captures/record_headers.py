"""The request headers a structured record logs, and whether it shows which ones the request
lacked.

Records log headers in one of two ways. Most log them all in one member (``headers``): a
mapping (values may be lists), a list of pairs or of ``{name, value}``, a block of ``Name: value``
lines, a JSON string holding any of these, or an object holding them under its own ``headers``
(Charles's ``{firstLine, headers}``). Such a record shows a missing header by its absence.

A CGI environment (``cgi_data``, Rack's ``env``) holds them all too, one ``HTTP_<NAME>`` variable each;
and so does a headers member that holds nothing but such variables (Airbrake's ``context.headers``).

Proxies and collectors log instead the headers their operator chose, one field each, beside the
method and URL: nginx's ``$http_<name>``, Traefik's ``request_<Name>``, Envoy's
``"req_signature": "%REQ(SIGNATURE)%"``, GELF's ``_http_request_header_<name>``, an application's
map of headers under their own names (``{"User-Agent": …, "Signature": …}``). A field there is a
header when its name, with a common prefix folded, is one the rules know (see
:mod:`keyaudit.rulebook.header_names`); and the record shows a header missing only when it logs a
field for one the rules require of records (``"-"``, empty or ``null`` when absent) — a log that never
kept ``Signature`` cannot show that a request went without one.

Some of those records write the whole head in their message too, one ``Name: value`` line a
header after the request line's parts (ASP.NET Core's HTTP logging: ``Request:``, ``Protocol:
HTTP/1.1``, ``Method: POST``, ``Scheme:``, ``PathBase:``, ``Path:``, then every header received):
a list of them all, that shows a header missing by its absence. Its headers are the request's
where the message is such a head — every line a field, the record's method and a path among them,
each header the record keeps as a field of its own among its lines.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable

from keyaudit.rulebook.header_names import RecordHeaders, folded

from .elision import ELISION
from .header_entries import header_values, http2_fields, listed_field, named_pair, one_member, pair_list
from .lines import DASHED_NAME, TOKEN, split_header
from .literals import printed_value
from .record_views import ABSENT, message_of, of_reply, role, text

MAX_HEADER_NESTING = 3  # headers objects inside headers objects, opened at most this deep
HEADER_MEMBERS = frozenset({"headers", "header"})  # what holds the headers inside a headers object
# nginx $http_<name> variables are request headers; these http_ fields are something else.
_NOT_HEADERS = frozenset({"http_method", "http_host", "http_version", "http_status", "http_code",
                          "http_protocol", "http_status_code"})
# Traefik's kept request headers: request_<Name>, the name as sent (canonical case or with a dash),
# which sets them apart from request_time, request_id and the other request_ fields.
_PREFIXED_HEADER = re.compile(r"request_([A-Z][A-Za-z0-9-]*|[a-z0-9]+(?:-[a-z0-9]+)+)")
# A field whose name says it is a request header, whatever header (GELF's ``_http_request_header_user_agent``).
_SAID_HEADER = re.compile(r"_?(?:http[_-])?(?:req(?:uest)?[_-])?headers?[_-]([A-Za-z0-9][\w-]*)", re.IGNORECASE)
_ENVIRON_HEADERS = frozenset({"CONTENT_TYPE", "CONTENT_LENGTH"})  # the two headers a CGI environment names unprefixed
_ENVIRON_HEADER = re.compile(r"HTTP_[A-Z0-9_]+|CONTENT_TYPE|CONTENT_LENGTH")  # a header as a CGI variable
_TOKEN = re.compile(TOKEN)  # a header's name
# The header fields only the bytes sent hold, and a header's name as HTTP (and Go's textproto) writes it.
_SENT_ONLY = frozenset({"host", "contentlength"})
_CAPITALIZED = re.compile(r"[A-Z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)*")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")  # a duration or a size (nginx $request_time), never a header of ours
_PARTS = re.compile(r"[\n,;]")
_MARK_STARTS = frozenset(".…+([<0123456789")
# The request line's parts a head written as fields lists before its headers (ASP.NET Core's HTTP
# logging; HTTP/2's pseudo-headers, whose colon a role drops): none of them a header.
HEAD_PARTS = frozenset({"protocol", "method", "scheme", "pathbase", "path", "querystring", "authority"})
_WRITTEN_LINE_END = "\\r\\n"
_WRITTEN_LINE_ENDS = re.compile(r"\\r\\n,?")  # a line end written out, and a separator after it


def request_headers(logged: Any, node: dict[str, Any], record: dict[str, Any], known: RecordHeaders,
                    besides: frozenset[str], method: str) -> tuple[list[tuple[str, str]], bool]:
    """The headers of the ``method`` request at ``node`` of ``record`` (``logged``: the value of
    its nearest headers member, or None), and whether the record shows the ones it lacks; where
    it keeps them as fields, those its message lists as a head (see above). ``besides`` are the
    roles a headers map may hold beside its headers (its body). A name logged with ``_`` for each
    ``-`` of a header the rules know is that header (:meth:`RecordHeaders.dashed`)."""
    source, headers = logged, parse(logged)
    if headers is None:
        source = next((child for key, child in node.items()
                       if not of_reply(key) and _is_header_map(child, known, besides)), None)
        headers = parse(source)
    headers = None if headers is None else [(known.dashed(name), value) for name, value in headers]
    fields, telling = _field_headers(node, known)
    prefixed = _prefixed_headers(node)
    nginx, nginx_telling = _nginx_headers(record, known)
    environ = _environ_headers(node)
    listed = _names_alone(logged)
    named = _listed_headers(node, listed) if listed else []
    said = {name.lower() for name, _ in prefixed + nginx + named + (environ or [])}  # read once: Traefik's request_Signature
    found = ((headers or []) + prefixed + nginx + named + (environ or [])
             + [(name, value) for name, value in fields if name.lower() not in said])
    sent = _sent_head(node) if headers is None else None
    if sent is not None:  # the head as sent, a field a header: it shows a header missing by its absence
        kept = {name.lower() for name, _ in sent}
        return sent + [(name, value) for name, value in found if name.lower() not in kept], True
    if headers is not None or prefixed or telling or nginx_telling or environ is not None:
        return found, not _elided(source)
    if listed:  # every header's name listed: one the rules require is absent where the list lacks it
        valued = {role(name) for name, _ in found}
        return found, all(role(name) in valued for name in listed if role(name) in known.required)
    head = _message_head(record, method)
    if head is not None and {name.lower() for name, _ in fields} <= {name.lower() for name, _ in head}:
        return head, True
    return found, False


def _elided(value: Any, depth: int = 0) -> bool:
    """Whether a logged collection of headers says the logger left some out: a name, a value, an
    item or a line that is an elision mark (``...``, ``…``, ``2 more``, ``... (3 more headers)``,
    ``[3 headers omitted]``) — a map printed cut to its first entries shows no header missing."""
    if isinstance(value, str):
        if "\n" in value:
            return any(_elided(line, MAX_HEADER_NESTING) for line in value.split("\n"))
        # a mark in a record starts with one of these (most values do not: they are not split)
        return value.lstrip()[:1] in _MARK_STARTS and any(ELISION.fullmatch(part) for part in _PARTS.split(value))
    if depth >= MAX_HEADER_NESTING:
        return False
    if isinstance(value, dict):
        for key, item in value.items():
            if _elided(str(key), depth) or _elided(item, depth + 1):
                return True
    elif isinstance(value, list):
        for item in value:
            if _elided(item, depth + 1):
                return True
    return False


def _message_head(record: dict[str, Any], method: str) -> list[tuple[str, str]] | None:
    """The headers of the record's message where it is the request's head written as fields
    (after a title ending with a colon, ``Request:``), each line ``Name: value``, the ``method``
    and a path among them; else None."""
    message = message_of(record)
    if message is None or "\n" not in message:
        return None
    lines = message.strip("\n").split("\n")
    if lines[0].rstrip().endswith(":"):
        lines = lines[1:]
    fields = _header_block(line.rstrip("\r") for line in lines)
    if fields is None:
        return None
    parts = {role(name): value.strip() for name, value in fields if role(name) in HEAD_PARTS}
    if parts.get("method", "").upper() != method or not parts.get("path", "").startswith("/"):
        return None
    return [(name, value) for name, value in fields if role(name) not in HEAD_PARTS]


def parse(value: Any, depth: int = 0) -> list[tuple[str, str]] | None:
    """Headers logged as a mapping (values may be lists), a list of pairs or of {name, value},
    a block of ``Name: value`` lines, a JSON string of one of these, or an object holding one
    under ``headers``, or a list of {name, value} as its only member (at most
    :data:`MAX_HEADER_NESTING` deep); None for anything else."""
    if isinstance(value, str) and value.startswith(("{", "[", "map[")):
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):
            printed = printed_value(value, 0)  # a map another language printed (Go's map[Name:[value]])
            value = printed[0] if printed is not None else value
    if isinstance(value, dict):
        inner = next((item for key, item in value.items() if role(key) in HEADER_MEMBERS
                      and isinstance(item, (dict, list))), None)
        if inner is None and len(value) == 1 and pair_list(next(iter(value.values()))):
            inner = next(iter(value.values()))  # a holder of the list alone (n8n's {"parameters": [{name, value}]})
        if inner is not None and depth < MAX_HEADER_NESTING:
            return parse(inner, depth + 1)
        pairs = [(str(name), text(item)) for name, items in value.items()
                 for item in header_values(items) if item is not None]
        if pairs and all(_ENVIRON_HEADER.fullmatch(name) for name, _ in pairs):
            return [(_environ_name(name), item) for name, item in pairs]  # Rack's env headers (Airbrake's)
        return pairs
    if isinstance(value, list):
        if value and all(isinstance(item, str) for item in value) and (flat := _alternating(value)) is not None:
            return flat  # names and values in turn (Node's rawHeaders, undici's diagnostics request)
        if (block := http2_fields(value)) is not None:
            return block  # an HTTP/2 field block printed as a list (Armeria's, Netty's), values in pieces joined
        pairs = []
        for item in value:
            if isinstance(item, dict) and (pair := named_pair(item) or one_member(item)) is not None:
                pairs.append(pair)
            elif isinstance(item, list) and len(item) == 2:
                pairs.append((text(item[0]), text(item[1])))
            elif isinstance(item, str) and (header := split_header(item.rstrip("\r\n")) or listed_field(item)) is not None:
                pairs.append(header)  # a header line as sent (Wireshark's http.request.line), or a listed field
        if not pairs and value:
            return None  # no item read as a header (the names alone, entries in a shape not read): which were sent is not shown
        return pairs
    if isinstance(value, str):
        # text that is no block of header lines (a map printed in a notation not read) shows no header; the
        # fields may be joined by `|` on one line (`Name:value|Name:value`, as a connector's configuration keeps them)
        return _header_block(field.strip() for line in value.splitlines() if ":" in line for field in _JOINED.split(line))
    return None


_JOINED = re.compile(r"\|(?=[ \t]*[A-Za-z][\w-]*[ \t]*:)")  # a `|` before the next field's name and colon


def head_lines(value: Any) -> list[str] | None:
    """The head's lines a record logs as a list of ``Name: value`` strings (Wireshark's
    http.request.line, one a header), or as one string of them with each line end written out
    (``\\r\\n``), joined by a separator or not (tshark's ``-T fields`` joins a field's
    occurrences with a comma); None for anything else."""
    if isinstance(value, str) and _WRITTEN_LINE_END in value:
        return [line for line in _WRITTEN_LINE_ENDS.split(value) if line]
    return value if isinstance(value, list) else None


def _header_block(lines: Iterable[str]) -> list[tuple[str, str]] | None:
    """Each line as a ``Name: value`` header; None when one is not a header, or there are none."""
    pairs = []
    for line in lines:
        if (header := split_header(line)) is None:
            return None
        pairs.append(header)
    return pairs or None


def _alternating(items: list[str]) -> list[tuple[str, str]] | None:
    """A flat list of names and values in turn as its headers (Node's ``rawHeaders``: "the even-numbered
    offsets are key values, and the odd-numbered offsets are the associated values"; undici's diagnostics
    request), or None: where an even offset holds no name, or every item could be a name (a list of the
    names alone, ``["accept", "gzip"]`` as much as two names)."""
    names, values = items[0::2], items[1::2]
    if len(names) != len(values) or not all(_TOKEN.fullmatch(name) for name in names) or all(
            _TOKEN.fullmatch(value) for value in values):
        return None
    return list(zip(names, values))


def _names_alone(logged: Any) -> list[str] | None:
    """The header names a headers member lists without their values (Arkime's ``requestHeader``:
    the name of every header the request came with), or None where it is anything else. Two at
    least: a request sends more than one, and a word alone (``"headers": "redacted"``) lists none."""
    if not isinstance(logged, list) or len(logged) < 2 or not all(
            isinstance(name, str) and _TOKEN.fullmatch(name) for name in logged):
        return None
    return logged


def _listed_headers(node: dict[str, Any], listed: list[str]) -> list[tuple[str, str]]:
    """The values of the ``listed`` headers a record keeps in fields of their own, each named for
    its header, after a prefix or not (Arkime's ``request-<name>``, as its configuration names it)."""
    found = []
    for name in listed:
        lowered = name.lower()
        for key, value in node.items():
            if (isinstance(key, str) and isinstance(value, str) and value not in ABSENT
                    and (key.lower() == lowered or key.lower().endswith(("-" + lowered, "_" + lowered)))):
                found.append((name, value))
                break
    return found


def _sent_head(node: dict[str, Any]) -> list[tuple[str, str]] | None:
    """The head as sent, kept one field a header under the headers' own names (the Terraform SDK's
    HTTP transport: each header of the dumped request a field), or None: where the fields named as
    HTTP writes a header's name (a capital first, a dash between words) include those only the
    bytes sent hold — the transport writes them, an application that picks headers to log never
    sets them — and the record names the request line's parts otherwise (its own fields set apart
    from the head's by their spelling: not ASP.NET Core's `Method`, `Path` beside the headers it
    chose to log), every field so named is a header, its value as it was (a length too)."""
    fields = [(key, value) for key, value in node.items()
              if isinstance(key, str) and isinstance(value, str) and _CAPITALIZED.fullmatch(key)]
    names = {role(name) for name, _ in fields}
    return fields if _SENT_ONLY <= names and not names & HEAD_PARTS and any(
        DASHED_NAME.fullmatch(name) for name, _ in fields) else None


def _field_headers(node: dict[str, Any], known: RecordHeaders) -> tuple[list[tuple[str, str]], bool]:
    """The headers the rules know kept one field each in ``node``, and whether one of them is
    required of records (logged, absent or not)."""
    headers, telling = [], False
    for key, value in node.items():
        if not isinstance(key, str) or not (isinstance(value, str) or value is None and _null_is_header(key, known)):
            continue
        name = known.field_header(key)
        if name is None or value is not None and _NUMBER.fullmatch(value.strip()):
            continue
        telling = telling or role(name) in known.required
        if value is not None and value not in ABSENT:
            headers.append((name, value))
    return headers, telling


def _null_is_header(key: str, known: RecordHeaders) -> bool:
    """Whether a field logged ``null`` is a header the request did not carry, as Envoy's JSON format writes one: where
    its key says it is a header — after a header prefix (``req_signature``), written with a dash as HTTP writes the
    name (``request-time``), or a header's one-word name (``signature``). A snake-case key that is a header's name
    with its dash made an underscore (``request_time``) is as often a record's own field — nginx's and most access
    logs' duration of the request, null where none was measured — and its null says nothing of the header."""
    name = known.field_header(key)
    return name is not None and (folded(key) != folded(name) or "-" in key or not any(char in name for char in "-_"))


def _is_header_map(value: Any, known: RecordHeaders, besides: frozenset[str]) -> bool:
    """Whether an object holds headers under their own names: every key written as HTTP writes
    a header name (one with a dash, or one the rules know) but those of ``besides``, and one with
    a dash at least (``{"Content-Type": …, "User-Agent": …, "body": …}``)."""
    if not isinstance(value, dict) or not value:
        return False
    dashed = False
    for key, item in value.items():
        if not isinstance(key, str) or role(key) in besides:
            continue
        if not isinstance(item, (str, list)):
            return False
        if DASHED_NAME.fullmatch(key):
            dashed = True
        elif known.name(role(key)) is None:
            return False
    return dashed


def _nginx_headers(record: dict[str, Any], known: RecordHeaders) -> tuple[list[tuple[str, str]], bool]:
    """nginx ``$http_x_name`` fields as ``x-name`` headers (the names nginx lower-cased), and
    whether one of them is required of records (logged, absent or not)."""
    fields = [(key[5:], value) for key, value in record.items()
              if isinstance(key, str) and key.startswith("http_") and key not in _NOT_HEADERS and isinstance(value, str)]
    return ([(name.replace("_", "-"), value) for name, value in fields if value not in ABSENT],
            any(role(name) in known.required for name, _ in fields))


def _environ_headers(node: dict[str, Any]) -> list[tuple[str, str]] | None:
    """The headers of a CGI environment (RFC 3875, and WSGI's, Rack's and PHP's ``$_SERVER`` after
    it: an error tracker's ``cgi_data`` or ``env``), or None when ``node`` is none: one names
    ``REQUEST_METHOD`` so, upper case, and holds each header the request came with as
    ``HTTP_<NAME>`` (dashes as underscores) but ``CONTENT_TYPE`` and ``CONTENT_LENGTH``, so it
    shows a header missing by its absence, as a headers member does."""
    if "REQUEST_METHOD" not in node:
        return None
    return [(_environ_name(key), value) for key, value in node.items()
            if isinstance(key, str) and isinstance(value, str) and value not in ABSENT and _ENVIRON_HEADER.fullmatch(key)]


def _environ_name(variable: str) -> str:
    """The header a CGI variable holds: ``HTTP_REQUEST_TIME`` is ``request-time``."""
    return variable.removeprefix("HTTP_").replace("_", "-").lower()


def _prefixed_headers(node: dict[str, Any]) -> list[tuple[str, str]]:
    """Headers logged one key each beside the request's other fields under a prefix that says
    so: ``request_<Name>`` (Traefik), ``http_request_header_<name>``; a record that logs them so
    logs every header it kept."""
    found = []
    for key, value in node.items():
        if not isinstance(key, str) or not isinstance(value, str) or value in ABSENT:
            continue
        match = (_PREFIXED_HEADER.fullmatch(key) if key.startswith("request_") else None) or (
            _SAID_HEADER.fullmatch(key) if "eader" in key or "EADER" in key else None)
        if match is not None:
            found.append((match.group(1).replace("_", "-"), value))
    return found
