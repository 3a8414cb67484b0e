"""A structured record's objects in one plain notation, whatever notation the producer used.

Three notations say what nesting says, and the reconstructor (:mod:`.records`) reads nesting:

- dotted keys are paths: ``{"http.request.method": "POST"}`` is ``{"http": {"request":
  {"method": "POST"}}}`` (OpenTelemetry attributes, ECS and Datadog fields as flat keys,
  structlog's bound names);
- a list of ``{key, value}`` (or ``{name, value}``) objects is an object (OTLP attributes,
  Postman's and HAR's header lists);
- a value wrapped in a one-key typed object is that value (OTLP's ``{"stringValue": …}``, ``{"arrayValue": {"values":
  […]}}``, ``{"kvlistValue": {"values": […]}}``; a key-value store's type descriptors, DynamoDB's ``{"S": …}``,
  ``{"M": {…}}``, ``{"L": […]}``; a document store's Extended JSON, ``{"$binary": {"base64": …}}`` the text of
  its bytes, ``{"$oid": …}``; a row format's union, Avro's JSON encoding, ``{"string": …}``, ``{"map": {…}}``,
  ``{"bytes": …}`` the text of the bytes its code points U+0000–U+00FF are);
- a message attribute is its value: a queue's or a topic's attributes say each value's data type beside it (SQS's
  ``{"StringValue": …, "DataType": "String"}``, a Lambda SQS event's ``{"stringValue": …, "stringListValues": [],
  "binaryListValues": [], "dataType": …}``, SNS's ``{"Type": "String", "Value": …}``; WebDriver BiDi's bytes,
  ``{"type": "string" | "base64", "value": …}``), a binary one's base64 the text of its bytes;
- a string alone in a list is that string: a sensor that logs each field as the list of values
  it saw (Arkime's ``"method": ["POST"]``, ``"host": ["api.example"]``) saw one;
- a value wrapped in an exact matcher is that value: a mock's or a recorder's request is the requests it matches, and
  one matched exactly is that request (Hoverfly's ``[{"matcher": "exact", "value": …}]``, WireMock's ``{"equalTo":
  …}``); any other matcher (a regex, a glob) says no value;
- a list that begins with a method and an absolute URL is the request they name, a call's positional arguments: a job
  queued to make it (Sidekiq's ``args``, a Celery task's), then its headers (the first object of text values: an
  options object of numbers and flags is none) and its body (the first string after the URL).

Views are built one object at a time, as the reconstructor walks the record, and an object
written in none of these notations is returned as it is, uncopied.
"""

from __future__ import annotations

import base64
import functools
import json
import re
from typing import Any

from .lines import HTTP_METHODS

_ABSOLUTE_URL = re.compile(r"https?://[^\s/?#]+\S*")
# protobuf JSON's AnyValue (OTLP), MongoDB's Extended JSON: the one key says the type of the value it wraps
_SCALARS = frozenset({"stringValue", "boolValue", "intValue", "doubleValue", "bytesValue", "$oid", "$date",
                      "$numberLong", "$numberInt", "$numberDouble", "$numberDecimal", "$symbol"})
_LISTS = frozenset({"arrayValue", "kvlistValue"})
# DynamoDB's data type descriptors: text (a number as its digits) and truth values, then a map's and a list's, whose
# members are wrapped again; a one-key object is taken for one only where its value has the type the key says.
_DESCRIBED = {"S": str, "N": str, "BOOL": bool}
_DESCRIBED_MAP, _DESCRIBED_LIST = "M", "L"
# Avro's JSON encoding of a union's value: the branch's type name its one key (its members are not wrapped again,
# unless they are unions too); bytes as a string of the code points U+0000–U+00FF, one a byte
_BRANCHES = {"string": str, "boolean": bool, "int": int, "long": int, "float": (int, float), "double": (int, float),
             "map": dict, "array": list}
_BYTES_BRANCH = "bytes"
# A message attribute's data type (a custom label may follow it after a dot: `String.json`), the members that may say
# it, and those that may hold its value; any other member it has is an empty list of values (a Lambda event's)
_ATTRIBUTE_TYPE = re.compile(r"(String|Number|Binary|string|base64)(?:\.\S*)?")
_ATTRIBUTE_TYPE_KEYS = ("DataType", "dataType", "Type", "type")
_ATTRIBUTE_VALUES = ("StringValue", "stringValue", "Value", "value", "BinaryValue", "binaryValue")
MAX_ATTRIBUTE_KEYS = 4  # a type, a value, and a Lambda event's two empty lists of values
# What says a matcher's kind (Hoverfly's ``matcher``), and the kinds that match one value exactly;
# a one-key object under an exact kind is that value (WireMock's ``{"equalTo": …}``).
MATCHER_KIND = frozenset({"matcher", "matchtype", "match", "operator"})
EXACT = frozenset({"exact", "equalto", "equals", "exactly"})
MAX_MATCHER_KEYS = 4  # a matcher holds its kind, its value and a few options (Hoverfly's config, doMatch)
MAX_TYPED_DEPTH = 8  # typed lists inside typed lists, opened at most this deep
# cURL's options by their numbers (curl.h's CURLOPT_URL, _CUSTOMREQUEST, _HTTPHEADER, _POSTFIELDS, _POST), and the
# values PHP prints a set flag as
_CURL_URL = "10002"
_CURL_OPTIONS = {_CURL_URL: "url", "10036": "method", "10023": "headers", "10015": "body", "47": "post"}
_TRUE = (True, 1, "1", "TRUE", "true")
ABSENT = ("", "-")  # nginx and Apache log an unset variable as "-"
# What a role's name may be prefixed with, saying it is the request's: requestHost, http_url, req_body,
# GELF's _http_request_body, Cloudflare's ClientRequestHost (a bare "client" is the client's own: ClientHost),
# the W3C extended log's cs-method ("client to server"), a gateway's request to the service behind it (Azure API
# Management's BackendMethod, BackendUrl, BackendRequestHeaders: what it sent on, not what it was sent).
QUALIFIERS = ("", "request", "req", "http", "httprequest", "clientrequest", "cs", "backend")
# How many qualifiers may stand before a role's name: a dissector's layer written before the
# protocol's own qualified field (tshark's -T ek writes http.request.method of the http layer as
# http_http_request_method) is one more.
MAX_QUALIFIERS = 2
# What a key is read without: a suffix its store adds for the value's type (Log Analytics' Data Collector API stores
# a string `method` as `method_s`; `_d` a number, `_b` a flag, `_t` a time, `_g` a GUID), and any non-alphanumeric
_KEY = re.compile(r"(?<=[0-9a-z])_[bdgst]$|[^0-9a-z]")
# a producer's namespace before a qualified name: two or three letters and a separator (`tf_http_req_method`), or a
# capitalized word (Camel's `CamelHttpMethod`), then a qualifier and another word
_NAMESPACE = re.compile(r"(?i:([a-z]{2,3})[_.-](?=(?:http|req|request)[_.-]))|([A-Z][a-z]+)(?=(?:Http|Req|Request)[A-Z])")
MESSAGE = frozenset({"log", "message", "msg", "textpayload", "line", "text"})  # the text a record wraps
# What OpenTelemetry's log data model names a record's message (LogRecord's `body`, an AnyValue: OTLP JSON writes
# `"body": {"stringValue": …}`): the message only where so typed, a request record's plain `body` being its body.
TYPED_MESSAGE = "body"
PAYLOAD = "payload"  # what a member holding the record's own fields is named by (``jsonPayload``)
# What a record names the reply by (pino-http's `res`, ECS's `http.response`, a client's `responseHeaders`):
# what it holds is none of the request's.
REPLY = frozenset({"res", "rsp", "resheaders", "resbody", "resp"})
REPLY_PREFIXES = ("response", "reply")


@functools.lru_cache(maxsize=4096)
def role(key: object) -> str:
    """A key as its letters and digits, lower-cased: what two producers' spellings share; a producer's own short
    namespace written before a name its qualifier says is the request's left out (the Terraform SDK's
    ``tf_http_req_method`` is ``http_req_method``), and so is a suffix naming the value's type (:data:`_KEY`).
    Remembered: a log repeats the same few dozen keys on every record, and every key of every record around an
    anchor is asked for."""
    name = str(key)
    spaced = _NAMESPACE.match(name)
    if spaced is not None and (word := (spaced.group(1) or spaced.group(2)).lower()) not in QUALIFIERS \
            and not of_reply(word):
        name = name[spaced.end():]
    return _KEY.sub("", name.lower())


def of_reply(key: object) -> bool:
    """Whether a member's name says it holds the reply (see :data:`REPLY`)."""
    name = role(key)
    return name in REPLY or name.startswith(REPLY_PREFIXES)


def spellings(*names: str) -> frozenset[str]:
    """A role's names, each also qualified as belonging to the request (``RequestHost``,
    ``http_url``, ``req_body``, GELF's ``_http_request_body``, ``ClientRequestMethod``), by up to
    :data:`MAX_QUALIFIERS` qualifiers (a layer's name before the protocol's: ``http_http_host``)."""
    prefixes = {""}
    for _ in range(MAX_QUALIFIERS):
        prefixes |= {prefix + qualifier for prefix in prefixes for qualifier in QUALIFIERS}
    return frozenset(prefix + name for prefix in prefixes for name in names)


def first(nodes: list[dict[str, Any]], roles: frozenset[str], kinds: tuple[type, ...] = (str,),
          besides: object = None) -> Any:
    """The first value under one of ``roles`` (of ``kinds``, logged, not ``besides``), nearest first."""
    for node in nodes:
        for key, value in node.items():
            if role(key) in roles and isinstance(value, kinds) and value not in ABSENT and value != besides:
                return value
    return None


def curl_options(node: dict[str, Any]) -> dict[str, Any]:
    """``node`` under the names the roles read where it is a map of cURL's options keyed by their numbers, as PHP
    prints the array it gives ``curl_setopt_array`` (``[10002 => 'https://…', 10036 => 'POST', …]``: print_r, an
    Xdebug trace): the URL, the method (a custom request's, else POST where fields are posted), the header lines (a
    list PHP keys by position) and the fields posted, the body; ``node`` as it is for any other map."""
    if not isinstance(node.get(_CURL_URL), str):
        return node
    named = {_CURL_OPTIONS.get(str(key), key): value for key, value in node.items()}
    headers = named.get("headers")
    if isinstance(headers, dict) and all(str(key).isdigit() for key in headers):
        named["headers"] = list(headers.values())
    named.setdefault("method", "POST" if "body" in named or named.get("post") in _TRUE else "GET")
    return named


class Printed(dict):  # type: ignore[type-arg]
    """An object read from JSON text that a record printed as it is, not quoted (Java's and
    Kotlin's ``toString`` print a string's content raw: ``body={"a":1}``), with that text: the
    bytes of a body sent, where the object alone would only give them back re-serialised."""

    def __init__(self, parsed: dict[str, Any], printed: str) -> None:
        super().__init__(parsed)
        self.printed = printed


def text(value: Any) -> str:
    """A logged value as text: a string as it is, anything else as compact JSON."""
    return value if isinstance(value, str) else compact(value)


def compact(value: Any) -> str:
    """A parsed JSON value written back as compact JSON (what JSON.stringify and most clients
    produce); "" for a value nested too deeply to write back."""
    try:
        return json.dumps(value, separators=(",", ":"))
    except (ValueError, RecursionError):
        return ""


def plain(node: dict[str, Any]) -> dict[str, Any]:
    """``node`` with its dotted keys as nested objects; a key that would collide with a value that is not an object
    stays as written, and so does one whose last part is no name (Amazon States Language's ``"Headers.$": "$.h"``
    is the field ``Headers`` given by a path the run resolves: no member ``$``)."""
    try:
        if "." not in "".join(node):  # the common case, checked at C speed
            return node
    except TypeError:  # a key that is no string (a Python repr's): look at each
        if not any(isinstance(key, str) and "." in key for key in node):
            return node
    view: dict[str, Any] = {}
    dotted = []
    for key, value in node.items():
        if isinstance(key, str) and "." in key and key.rpartition(".")[2].strip("$"):
            dotted.append((key, value))
        else:
            view[key] = value
    for key, value in dotted:
        *parents, last = key.split(".")
        target: dict[str, Any] | None = view
        for part in parents:
            child = target.get(part)
            if child is None:
                child = target[part] = {}
            elif isinstance(child, dict):
                child = target[part] = dict(child)  # never change the record itself
            else:
                target = None
                break
            target = child
        if target is None or (last in target and not isinstance(value, dict)):
            view[key] = value
        elif isinstance(value, dict) and isinstance(target.get(last), dict):
            target[last] = {**target[last], **value}
        else:
            target[last] = value
    return view


def typed(value: Any, depth: int = 0) -> Any:
    """A one-key typed wrapper's value (lists and key/value lists opened too, to a bounded
    depth), a message attribute's value; other values as they are."""
    if not isinstance(value, dict) or len(value) != 1:
        return _attribute_value(value) if isinstance(value, dict) and len(value) <= MAX_ATTRIBUTE_KEYS else value
    kind, inner = next(iter(value.items()))
    if kind in _SCALARS or isinstance(inner, _DESCRIBED.get(kind, ())) or isinstance(inner, _BRANCHES.get(kind, ())):
        return inner
    if kind == _BYTES_BRANCH and isinstance(inner, str):
        return _code_point_bytes(inner, value)
    if depth >= MAX_TYPED_DEPTH:
        return value
    if kind in _LISTS and isinstance(inner, dict) and isinstance(inner.get("values"), list):
        items = inner["values"]
        return pairs_object(items, depth + 1) if kind == "kvlistValue" else [typed(item, depth + 1) for item in items]
    if kind == "$binary" and isinstance(inner, dict) and isinstance(inner.get("base64"), str):
        return _binary_text(inner["base64"], value)
    members = inner.values() if kind == _DESCRIBED_MAP and isinstance(inner, dict) else \
        inner if kind == _DESCRIBED_LIST and isinstance(inner, list) else None
    if members is None or not all(type(member) is dict and len(member) == 1 for member in members):
        return value
    if isinstance(inner, dict):
        return {name: typed(member, depth + 1) for name, member in inner.items()}
    return [typed(member, depth + 1) for member in inner]


def _attribute_value(value: dict[str, Any]) -> Any:
    """A message attribute's value (see the module), or ``value`` as it is where it is no attribute."""
    kind = next((value[key] for key in _ATTRIBUTE_TYPE_KEYS if key in value), None)
    if type(kind) is not str or (said := _ATTRIBUTE_TYPE.fullmatch(kind)) is None:
        return value
    held = [key for key in _ATTRIBUTE_VALUES if key in value]
    if len(held) != 1 or type(inner := value[held[0]]) is not str \
            or any(item != [] for key, item in value.items() if key != held[0] and key not in _ATTRIBUTE_TYPE_KEYS):
        return value
    return _binary_text(inner, value) if said.group(1) in ("Binary", "base64") else inner


def _binary_text(encoded: str, value: dict[str, Any]) -> Any:
    """The text of an Extended JSON binary's bytes (a body a driver stored as the bytes it sends);
    ``value`` as it is where they are no base64 or no UTF-8."""
    try:
        return base64.b64decode(encoded, validate=True).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return value


def _code_point_bytes(encoded: str, value: dict[str, Any]) -> Any:
    """The text of the bytes a string's code points are, one a byte (Avro's JSON encoding of bytes: a body stored as
    the bytes sent); ``value`` as it is where a code point is past U+00FF or the bytes are no UTF-8."""
    try:
        return encoded.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value


def positional_request(items: list[Any]) -> dict[str, Any] | None:
    """A call's positional arguments as the request they make (see the module), or None when the
    list does not begin with a method and an absolute URL."""
    if (len(items) < 2 or not isinstance(items[0], str) or items[0] not in HTTP_METHODS
            or not isinstance(items[1], str) or _ABSOLUTE_URL.fullmatch(items[1]) is None):
        return None
    request: dict[str, Any] = {"method": items[0], "url": items[1]}
    for item in items[2:]:
        if "headers" not in request and isinstance(item, dict) and item \
                and all(isinstance(value, str) for value in item.values()):
            request["headers"] = item
        elif "body" not in request and isinstance(item, str):
            request["body"] = item
    return request


def pairs_object(items: list[Any], depth: int = 0) -> dict[str, Any] | None:
    """A list of ``{key|name, value}`` objects as one object (values unwrapped), or None when
    the list is anything else."""
    if not items:
        return None
    found: dict[str, Any] = {}
    for item in items:
        if not isinstance(item, dict) or "value" not in item:
            return None
        name = item.get("key", item.get("name"))
        if not isinstance(name, str):
            return None
        found.setdefault(name, typed(item["value"], depth))
    return found


def matched(value: Any) -> Any:
    """The value an exact matcher (or a list of one) wraps: ``[{"matcher": "exact", "value": v}]``,
    ``{"equalTo": v}``; a string as it is, and alone in a list (a sensor's fields, each a list of
    the values seen: Arkime's ``"method": ["POST"]``); None for anything else (no matcher, or one
    that matches more than one value). Asked of every list and object of every record read: the
    common answers come first, at C speed."""
    kind = type(value)
    if kind is str:
        return value
    if kind is list:
        if len(value) != 1 or type(value[0]) is not dict:
            return value[0] if len(value) == 1 and type(value[0]) is str else None
        value = value[0]
    elif kind is not dict:
        return None
    if len(value) == 1:
        key, inner = next(iter(value.items()))
        return inner if role(key) in EXACT else None
    if "value" not in value or len(value) > MAX_MATCHER_KEYS:
        return None
    said = next((item for key, item in value.items() if role(key) in MATCHER_KIND), None)
    return value["value"] if isinstance(said, str) and role(said) in EXACT else None


def message_of(record: dict[str, Any]) -> str | None:
    """The text a record wraps (its message, a container runtime's ``log``), or None: the
    record's own, else its payload's (Cloud Logging's ``jsonPayload.message``), else an OpenTelemetry log record's
    typed body (see :data:`TYPED_MESSAGE`), else the ``event`` structlog names its message by — last, as other
    records name a kind by it."""
    own = _said(record)
    if own is not None:
        return own
    for key, value in record.items():
        if isinstance(value, dict) and role(key).endswith(PAYLOAD) and (inner := _said(value)) is not None:
            return inner
    body = record.get(TYPED_MESSAGE)
    if type(body) is dict and len(body) == 1 and type(inner := body.get("stringValue")) is str:
        return inner
    event = record.get("event")
    return event if isinstance(event, str) else None


def _said(record: dict[str, Any]) -> str | None:
    return next((value for key, value in record.items() if role(key) in MESSAGE and isinstance(value, str)), None)
