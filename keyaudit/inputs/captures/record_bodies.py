"""The body a structured record logs for its request, as the bytes sent.

A body is logged under many names (``body``, ``data``, ``payload``, ``postData``, ``request_body``, ``RawData``; the
request's own, ``request``, beside its ``request_headers``), as a string (escaped, or base64 where the record says
so), as an object (the JSON sent, parsed) or as an object holding the text (HAR's ``{mimeType, text}``, ECS's
``{content}``, Hoppscotch's ``{contentType, body}``) or the bytes (Envoy's tap ``{as_bytes}``, ``{base64}``). See
:func:`body`.

A record can also be the request's message itself, its kind said in a member of its own (Apache CXF's
LoggingFeature event, ``"type": "REQ_OUT"``, through a JSON encoder): then the text it wraps, its
``message``, is the payload — taken only where it reads as one (JSON, XML, form fields), never a
sentence about the request.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from typing import Any, Callable

from .byte_spellings import byte_values, names_bytes, payload, spelt_bytes
from .elision import BODY_SIZE
from .lines import to_bytes
from .record_views import ABSENT, MESSAGE, Printed, compact, first, role, spellings

# (aiohttp's tracing logs the body a ``chunk`` at a time: "the chunk of data sent"; a message's
# ``content``: Apigee's RequestMessage, .NET's HttpRequestMessage.Content)
_BARE = ("body", "data", "payload", "chunk", "content", "contents")  # Tsung's <http contents=…>
# Each name also in its raw form (Raygun's ``RawData``: the bytes as received, beside the parsed ``Form``).
_RAW = ("", "raw")
# A body's printable rendering, an unprintable byte written `.` (Suricata's http_request_body_printable):
# the bytes sent where it shows no `.`, else only their text.
PRINTABLE = "printable"
# A body's preview, its text as a logger previews it (Armeria's ContentPreviewingClient: `contentPreview=`), up to
# the previewer's limit: cut, it is no longer than sent, and a Content-Length sent beside it tells it is cut.
PREVIEW = "preview"
# Also a body named for its form (n8n's jsonBody, Gatling's stringBody); Wireshark's http.file_data; a
# body's chunk, where a streamed record carries one chunk of it (Envoy's tap: ``request_body_chunk``); a test
# plan's arguments, its raw body the one argument's value (JMeter's Body Data, `Argument.value`).
BODY = spellings(*(raw + name + printable for raw in _RAW for name in (*_BARE, "postdata", "bodychunk")
                   for printable in ("", PRINTABLE, PREVIEW)),
                 "filedata", "arguments", *(kind + "body" for kind in ("json", "text", "string")))
# A body named so bare (or bare but raw) at a record's top, when the request is an object inside it, is the
# record's own (an OpenTelemetry log record's body is its message): there only a qualified name counts.
OWN_BODY = BODY - frozenset(raw + name for raw in _RAW for name in _BARE)
BODY_TEXT = frozenset({"content", "text", "raw", "value", "string"})  # a body object's own text
# A body object's own bytes, in base64 as JSON writes bytes (protobuf's JSON mapping: Envoy's tap
# ``{as_bytes}``); also with the ``as_`` of a protobuf ``oneof`` naming the form (``as_string``); and
# a recording's exact body bytes beside their encoding (Ruby VCR's and Betamax's ``base64_string``).
BODY_BYTES = frozenset({"bytes", "base64", "b64", "base64string"})
BODY_MEMBER = frozenset(prefix + name for prefix in ("", "as") for name in BODY_TEXT | BODY_BYTES)
# A body object's text under its own ``body``, taken when a member beside it says what the text is
# (Hoppscotch's ``{"contentType": …, "body": …}``): a JSON body may well have a ``body`` of its own.
BODY_OWN = frozenset({"body"})
BODY_DESCRIBED = frozenset({"contenttype", "mimetype", "mediatype", "charset", "encoding", "mode", "type"})
# Base64 and hex are told by their characters and their length (a multiple of 4, of 2), not by a
# pattern repeating a group of 4 or 2: Python's re keeps a record for each repeat (of a body of a
# megabyte, tens of megabytes held).
_BASE64_TEXT = re.compile(r"[A-Za-z0-9+/]+={0,2}")
_HEX_TEXT = re.compile(r"[0-9a-f]+|[0-9A-F]+")  # bytes in hex, one case throughout
_BYTE_SEPARATOR = ":"  # between the bytes of a bytes field in hex, as tshark shows one
# What marks a value as bytes in hex before its digits: PostgreSQL's bytea output (docs "Binary Data Types", hex
# format: `\x7b0a…`, psql's and pg_dump's), SQL Server's and MySQL's binary literals and their clients' (`0x7B0A…`)
_HEX_PREFIXES = ("\\x", "0x")
# A value as nginx's log_format escapes it (escape=default: `"`, `\`, a byte below 32 or above 126 as
# `\xHH`): every backslash opens such an escape, and one of them stands for a control byte or a quote.
_HEX_ESCAPED = re.compile(r"[^\\]*(?:\\x[0-9A-Fa-f]{2}[^\\]*)*")
_HEX_ESCAPE = re.compile(r"\\x([0-9A-Fa-f]{2})")
_ESCAPED_TEXT = re.compile(r"\\x(?:[01][0-9A-Fa-f]|22|5[Cc])")
FORM_TYPE = "application/x-www-form-urlencoded"
_BLANK = re.compile(rb"\s")
_FORM = re.compile(rb"[^\s=&]+=[^\s&]*(?:&[^\s=&]+=[^\s&]*)*")  # `name=value` fields joined by `&`
MIN_BASE64_TEXT = 8  # a shorter body is never taken for base64 unless the record says so
# A request's own name, under which a record may keep its body beside its headers named after it (``request_headers``)
_HEADED = frozenset({"request", "req"})
KIND = frozenset({"type", "kind", "eventtype", "messagetype"})  # what a record names its kind by
# A kind naming the request (CXF's REQ_OUT and REQ_IN; "request"), not a reply to one (RESP_IN, "response")
_REQUEST_KIND = re.compile(r"(?i)(?:.*[^a-z])?req(?:uest)?(?:[^a-z].*)?")


def body(nodes: list[dict[str, Any]], outer: dict[str, Any] | None, latin1: bool, url: str,
         holds_request: Callable[[Any], bool], media: str | None = None) -> tuple[bytes | None, bool]:
    """The body bytes, and whether they are the bytes sent; nearest first: under any body name,
    but in ``outer`` (the record itself, when the request is an object inside it) only under a
    name that says it is the request's (``request_body``), or under a bare name where it is a
    payload of the JSON or form type the request's head declares (``media``: a message whose
    attributes hold the request's head, its body the request's; a log record's message is none),
    and never an object that
    ``holds_request`` (the envelope of the request read, or another request's entry beside it:
    Azure API Management's ``data``). A logged string as sent (base64 decoded where the record
    says so: an ``encoding`` of base64, or a true flag beside it named for base64, as API
    Gateway's ``isBase64Encoded``, or a body object's member named for bytes); ``{"content": …}``
    and ``{"text": …}`` wrappers are opened, and so is an object whose one member, under a body
    name, is a payload's text (Activepieces' ``{"data": …}``). An object is the body parsed (Telescope's
    ``payload``), written back as compact JSON for the credentials it carries: compact JSON is
    what most clients send, but the exact bytes are unknown, so they are not said to be the
    bytes sent; nor is a body the record flags as truncated. A field holding the request's own
    ``url`` is not its body (Azure's ``Data``: for an HTTP call, the URL it called), and a body
    written wholly in base64 (or in hex, its bytes' digits apart by colons or not, after a prefix
    saying hex or not: PostgreSQL's bytea ``\\x7b0a…``; wrapped in lines as an encoder wraps it or
    not: Flipper's ``data``, Android's Base64.DEFAULT) that decodes to text is that text (a network
    sensor's body field: Suricata's ``http_request_body``; tshark's ``http.file_data``; a database's
    bytes column, pg_net's queued ``body``); a printable rendering is the bytes sent only where no byte was replaced
    by a `.`, which it cannot say
    (see :data:`PRINTABLE`); a string escaped as nginx's log_format escapes a variable
    (``$request_body`` in a ``key="…"`` format) is the bytes it stands for. A body logged twice in
    one record, parsed and as a string of the same JSON (Clockwork's ``content`` and ``body``), is
    that string: the text sent. A body written as its bytes, as a runtime prints them (its byte values: bare, a list
    that makes JSON in UTF-8; beside a type of bytes, one that makes a payload's text: Node's Buffer#toJSON; Node's
    ``<Buffer 7b 0a …>``, Python's ``b'…'``, Go's ``[]byte{…}``: see :mod:`.byte_spellings`), is those bytes; such a
    print cut short (``... 44 more bytes``) is a body sent and not shown, as is a body written as its size."""
    value = None
    for node in nodes:
        roles = OWN_BODY if node is outer else BODY
        value = first([node], roles, (str, bytes, dict, list), url)
        if value is None and node is not outer:
            value = _beside_headers(node)
        if value is None and node is outer and media is not None:
            bare = first([node], BODY, (str,), url)
            value = bare if bare is not None and of_media_type(to_bytes(bare), media, declared=True) else None
        if isinstance(value, (dict, list)):
            value = _written_beside(node, roles, value, url)
        if value is not None and not (isinstance(value, (dict, list)) and holds_request(value)):
            break
    else:
        value = _message_payload(nodes[0]) if nodes else None
        if value is None:
            return None, True
    if isinstance(value, str) and BODY_SIZE.fullmatch(value):  # a body written as its size: sent, not shown
        return None, False
    if isinstance(value, str) and (spelt := spelt_bytes(value)) is not None:  # bytes as a runtime prints them
        if spelt[0] is None:  # its first bytes only: sent, not shown
            return spelt
        value = spelt[0]
    holder = value if isinstance(value, dict) else None
    said: bool | None = None
    if holder is not None and (member := _body_member(holder)) is not None:
        value, said = member
    if isinstance(value, list):
        value = byte_values(value)
    if isinstance(value, str) and value[:1] not in "{[<":
        said = said or _says_base64(holder, value, nodes)
    if said:
        value = _base64(value)
    elif said is None and isinstance(value, str) and len(value) >= MIN_BASE64_TEXT:
        value = _unpunctuated(value)
        encoded = _unwrapped(_unprefixed(value))  # joined only where it then decodes: a JSON body's lines stay its own
        decoded = _hex_text(encoded) if len(encoded) % 2 == 0 and _HEX_TEXT.fullmatch(encoded) else encoded
        decoded = _base64_text(decoded) if isinstance(decoded, str) and len(decoded) % 4 == 0 \
            and _BASE64_TEXT.fullmatch(decoded) else decoded
        value = value if decoded is encoded else decoded
    exact = holder is None or not any(flag is True and "truncated" in role(key) for key, flag in holder.items())
    if isinstance(value, str) and "." in value:
        exact = exact and not any(item is value and role(key).endswith(PRINTABLE)
                                  for node in nodes for key, item in node.items())
    if isinstance(value, bytes):
        return value, exact
    if isinstance(value, Printed):
        return to_bytes(value.printed), exact
    if isinstance(value, str):
        if not latin1 and "\\x" in value and _ESCAPED_TEXT.search(value) and _HEX_ESCAPED.fullmatch(value):
            value, latin1 = _HEX_ESCAPE.sub(lambda escape: chr(int(escape.group(1), 16)), value), True
        if latin1:
            try:
                return value.encode("latin-1"), exact  # nginx \xHH escapes are bytes
            except UnicodeEncodeError:
                pass
        return to_bytes(value), exact
    return compact(value).encode("utf-8"), False


def of_media_type(data: bytes, media: str | None, declared: bool = False) -> bool:
    """Whether ``data`` can be a body of the ``media`` type a head declares (its ``Content-Type``):
    JSON (``application/json``, ``…+json``) that parses, a form that holds no blank; any bytes for
    another type or none, unless it must be one of these two (``declared``): then JSON an object or
    a list, a form of ``name=value`` fields."""
    essence = (media or "").partition(";")[0].strip().lower()
    if essence.rpartition("/")[2] == "json" or essence.endswith("+json"):
        try:
            parsed = json.loads(data)
        except (ValueError, RecursionError):  # not UTF-8 text, not JSON, or nested past the parser's depth
            return False
        return not declared or isinstance(parsed, (dict, list))
    if essence == FORM_TYPE:
        return _FORM.fullmatch(data) is not None if declared else _BLANK.search(data) is None
    return not declared


def _message_payload(record: dict[str, Any]) -> str | None:
    """The text a record wraps where its kind says the record is the request's message and the
    text reads as a payload, else None."""
    kind = first([record], KIND, (str,))
    if kind is None or not _REQUEST_KIND.fullmatch(kind):
        return None
    text = first([record], MESSAGE, (str,))
    return text if text is not None and payload(text) else None


def _beside_headers(node: dict[str, Any]) -> str | None:
    """The text a member named for the request holds beside the request's headers named for it too (Rollbar.js's
    network telemetry: ``request_headers`` and ``request``, the body sent), where it reads as a payload (a request
    line, a URL, a sentence is none); else None."""
    names = {role(key) for key in node}
    return next((value for key, value in node.items() if (name := role(key)) in _HEADED and isinstance(value, str)
                 and name + "headers" in names and payload(value)), None)


def _written_beside(node: dict[str, Any], roles: frozenset[str], parsed: dict[str, Any] | list[Any],
                    url: str) -> Any:
    """The string another body member of ``node`` holds where it is the JSON ``parsed`` was read
    from (the body logged both ways), else ``parsed``."""
    for key, item in node.items():
        if role(key) in roles and isinstance(item, str) and item.lstrip()[:1] in ("{", "[") and item != url:
            try:
                if json.loads(item) == parsed:
                    return item
            except (ValueError, RecursionError):
                continue
    return parsed


def _body_member(holder: dict[str, Any]) -> tuple[Any, bool | None] | None:
    """A body object's own text or bytes, and True when the member holding it is named for
    bytes (base64, then); None when it holds neither (it is the body itself, an object): under a
    text or bytes name (``as_string``, ``as_bytes``), under ``body`` when the object says what
    that is, or as its one member, under a body name, where that is a payload's text (a form's
    field keeping its value so: Activepieces' ``body: {"data": "<raw text>"}``; a JSON body logged
    parsed seldom is one member holding a document of its own, and a sentence is none)."""
    for key, value in holder.items():
        name = role(key)
        if name in BODY_MEMBER and isinstance(value, str) and value not in ABSENT and (
                name != "value" or all(role(other) in BODY_MEMBER | BODY_DESCRIBED for other in holder)):
            return value, (True if name.removeprefix("as") in BODY_BYTES else None)
    if len(holder) == 1 and isinstance(inner := next(iter(holder.values())), str) \
            and role(next(iter(holder))) in BODY and payload(inner):
        return inner, None
    if all(role(key) in BODY | BODY_DESCRIBED for key in holder):  # Node's `{"type": "Buffer", "data": […]}`
        typed = any(role(key) in BODY_DESCRIBED and names_bytes(item) for key, item in holder.items())
        data = [found for key, item in holder.items() if role(key) in BODY and isinstance(item, list)
                and isinstance(found := byte_values(item, typed), bytes)]
        if data:
            return data[0], None
    if any(role(key) in BODY_DESCRIBED for key in holder):
        inner = first([holder], BODY_OWN, (str,))
        return None if inner is None else (inner, None)
    return None


def _unprefixed(value: str) -> str:
    """``value`` without the prefix that marks it as bytes in hex (:data:`_HEX_PREFIXES`), else as it is."""
    return value[2:] if value.startswith(_HEX_PREFIXES) and _HEX_TEXT.fullmatch(value, 2) else value


def _unpunctuated(value: str) -> str:
    """``value`` without the colons between its bytes where it is bytes in hex as tshark shows a
    bytes field (``7b:0a:22``: its JSON's and PDML's ``show``), else as it is."""
    if len(value) % 3 == 2 and value[2::3] == _BYTE_SEPARATOR * (len(value) // 3):
        return value.replace(_BYTE_SEPARATOR, "")
    return value


def _unwrapped(value: str) -> str:
    """``value`` without its line breaks where it is wrapped as an encoder wraps base64 or hex (Android's
    ``Base64.DEFAULT`` and MIME at 76 characters, OpenSSL at 64, ``xxd -p`` at 60): lines of one width, a
    multiple of 4, the last no longer, each ended by a line break but the last, maybe; else as it is. Text
    broken at any other places is not an encoder's; text so broken that then decodes to none stays as logged."""
    if "\n" not in value:
        return value
    lines = value.splitlines()
    width = len(lines[0])
    if width % 4 or not 0 < len(lines[-1]) <= width \
            or any(len(line) != width for line in lines[:-1]):
        return value
    return "".join(lines)


def _hex_text(value: str) -> str | bytes:
    """``value`` decoded from hex when it decodes to printable UTF-8 text (as bytes: tshark writes a
    bytes field, http.file_data, in hex), else as it is."""
    decoded = bytes.fromhex(value)
    return decoded if _printable(decoded) else value


def _printable(data: bytes) -> bool:
    try:
        found = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return all(char.isprintable() or char in "\r\n\t" for char in found)


def _base64_text(value: str) -> str:
    """``value`` decoded from base64 when it decodes to printable UTF-8 text, else as it is."""
    decoded = _base64(value)
    return decoded.decode("utf-8") if isinstance(decoded, bytes) and _printable(decoded) else value


def _says_base64(holder: dict[str, Any] | None, value: str, nodes: list[dict[str, Any]]) -> bool | None:
    """Whether the object holding the body text ``value`` says it is base64 (an ``encoding``, a
    flag named for base64); None when it says nothing either way."""
    if holder is None:
        holder = next((node for node in nodes if any(item is value for item in node.values())), {})
    encoding = first([holder], frozenset({"encoding"}))
    flags = [flag for key, flag in holder.items() if isinstance(flag, bool) and "base64" in role(key)]
    if (isinstance(encoding, str) and encoding.lower() == "base64") or any(flags):
        return True
    return False if flags or encoding is not None else None


def _base64(text: str) -> bytes | str:
    """``text`` decoded from base64 (its line breaks, where an encoder wrapped it, dropped: Ruby's
    ``Base64.encode64``, MIME), else as it is."""
    try:
        return base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError):
        return text
