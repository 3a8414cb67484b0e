"""A header written as an entry of a list — ``{name, value}``, ``{key, value}``, .NET's
``{"Key": …, "Value": [...]}``, a printed ``name=value`` (Armeria's, Netty's HTTP/2 headers, the
pseudo-headers first: ``:method=POST``) — and what the entry's other members say about it.

A collection of request definitions (Postman's and Insomnia's exports) writes its headers so too,
with members no logged request has: the header's ``description``, and a ``disabled`` switch. An
entry switched off is not sent. A documented entry left blank — no value, or fields' names with
nothing after their ``=`` (``signature=``) — is a blank to fill in before the request is sent: its
value is unknown (:data:`~keyaudit.model.exchange.UNKNOWN`), not empty, so the request is neither
unsigned nor badly signed for it. A logged request's blank header stays what it was: sent empty.

A flow editor writes an entry's name and value as its typed inputs (Node-RED's http request node:
``{keyType, keyValue, valueType, valueValue}``): each part's type is the text itself where it is a
choice the editor offers (``Content-Type``), else says where the text is — typed in (``other``,
``str``: under the part's ``…Value``), or taken when the request is sent (``msg``, ``env``: unknown).

A value may be written under a member whose name says its type is text — ``valueStr``, ``stringValue``
— as protobuf's JSON writes a oneof (Linkerd's tap: ``{"name": …, "valueStr": …}``, beside a
``valueBin`` for bytes) and FHIR its ``value[x]``: where no plain ``value`` is, that text is the value. A plain
``value`` may wrap its text in a type (WebDriver BiDi's ``{"type": "string", "value": …}``): it is that text
(:func:`.record_views.typed`).
"""

from __future__ import annotations

import json
import re
from typing import Any

from keyaudit.model.exchange import UNKNOWN

from .lines import HTTP_METHODS, TOKEN, split_header
from .record_views import matched, pairs_object, role, spellings, text, typed

# The names a record gives its headers, also a name for the collection holding them (n8n's headerParameters,
# allHTTPHeaderFields, h11's raw): here, where a reader of printed values may import them (:mod:`.printed_roles`)
HEADERS = spellings("headers", "header", "allhttpheaderfields", "rawheaders",
                    *("header" + kind for kind in ("parameters", "params", "fields", "list", "map")))

_DOCUMENTED = "description"  # the member that documents an entry: a definition's, never a log's
_SWITCHED_OFF = "disabled"
_TYPED_IN = frozenset({"other", "str"})  # a typed input's text, typed in: its ``…Value``
_SENT_FROM = frozenset({"msg", "flow", "global", "env", "jsonata"})  # taken from elsewhere when sent: unknown
_TEXT_VALUES = ("valuestr", "valuestring", "stringvalue", "strvalue")  # a value whose member's name says it is text
# a header field as a list's item: `name=value`, or a pseudo-header (RFC 9113, 8.3) `:name=value` or `:name: value`
_NAME = re.compile(TOKEN)  # a header's name
_LISTED_FIELD = re.compile(rf"(:[a-z]+|{TOKEN})=(.*)|(:[a-z]+):[ \t]*(.*)")


def named_pair(item: dict[str, Any]) -> tuple[str, str] | None:
    """A ``{name, value}`` (or ``{key, value}``) object as a header, its members named in any
    case (.NET serializes a header as ``{"Key": "Name", "Value": ["value"]}``, the values a list,
    joined as HTTP joins a header's values); None where no member names it, or the entry is
    switched off."""
    said = {role(key): member for key, member in item.items()}
    name = said.get("name", said.get("key", _typed(said, "key")))
    if name is None or said.get(_SWITCHED_OFF) is True:
        return None
    value = typed(said["value"]) if "value" in said else _typed(said, "value") or _text_value(said)
    if isinstance(value, list) and all(isinstance(part, str) for part in value):
        return text(name), ", ".join(value)
    if _DOCUMENTED in said and isinstance(value, str) and blank(value):
        return text(name), UNKNOWN
    return text(name), text(value)


def one_member(item: dict[str, Any]) -> tuple[str, str] | None:
    """A map of one member as a header, the member's name its name: a list of them is how YAML writes headers in
    order (``- Content-Type: application/json``, a JSON ``[{"Accept": "*/*"}]`` alike); None where the name is no
    header's name or the value no text or number (a list of names, an object)."""
    if len(item) != 1:
        return None
    ((name, value),) = item.items()
    if not isinstance(name, str) or _NAME.fullmatch(name) is None or isinstance(value, (bool, dict, list)) or (
            value is None):
        return None
    return name, text(value)


def _typed(said: dict[str, Any], part: str) -> str | None:
    """The text of an entry's ``part`` written as a typed input (``<part>Type``, ``<part>Value``),
    or None where the entry has no such input."""
    kind = said.get(part + "type")
    if not isinstance(kind, str):
        return None
    if kind in _TYPED_IN:
        return text(said.get(part + "value", ""))
    return UNKNOWN if kind in _SENT_FROM else kind


def _text_value(said: dict[str, Any]) -> Any:
    """The value an entry writes under a member named for its type, text (``valueStr``,
    ``stringValue``); empty where it has none."""
    return next((said[key] for key in _TEXT_VALUES if key in said), "")


def blank(value: str) -> bool:
    """Whether a value is left to be filled in: empty, or every ``name=`` field of it empty."""
    return all(not part.partition("=")[2].strip() and ("=" in part or not part.strip())
               for part in value.split(","))


def pair_list(value: Any) -> bool:
    """Whether a value is a list of ``{name, value}`` (or ``{key, value}``) objects."""
    return isinstance(value, list) and bool(value) and all(
        isinstance(item, dict) and any(role(key) in ("name", "key") for key in item) for item in value)


def listed_field(item: str) -> tuple[str, str] | None:
    """A header field as a printer lists one: ``name=value`` (Armeria's ``RequestHeaders``), or an
    HTTP/2 pseudo-header, its colon before its name, ``:method=POST`` or ``:method: POST`` (Netty's
    ``DefaultHttp2Headers``); None for any other item."""
    found = _LISTED_FIELD.fullmatch(item)
    if found is None:
        return None
    return (found.group(1), found.group(2)) if found.group(1) is not None else (found.group(3), found.group(4))


def http2_fields(items: list[Any]) -> list[tuple[str, str]] | None:
    """An HTTP/2 field block printed as a list, its pseudo-headers first (see :func:`pseudo_fields`),
    as its fields; None where the list is anything else. A printer joins the fields with ``, `` and
    writes each value as it is, so a value that holds ``, `` comes out in pieces: a piece that is no
    field, that names one as HTTP/2 never does (with upper case, RFC 9113 8.2.1: ``keyVersion=0``),
    or that names the field before it again where that value is a list of parameters (iugu's
    ``signature=algorithm=RSA256, keyVersion=0, signature=…``) goes on with the value before it."""
    if not items or not all(isinstance(item, str) for item in items) or items[0][:1] != ":":
        return None
    first = listed_field(items[0])
    if first is None:
        return None
    fields = [list(first)]
    for item in items[1:]:
        field = listed_field(item) or split_header(item)  # Armeria's `name=value`, Netty's `name: value`
        if field is None or field[0] != field[0].lower() or (field[0] == fields[-1][0] and "=" in fields[-1][1]):
            fields[-1][1] += ", " + item
        else:
            fields.append(list(field))
    return [(name, value) for name, value in fields]


def pseudo_fields(items: list[Any]) -> dict[str, str] | None:
    """An HTTP/2 field block printed as a list of its fields (``[:method=POST, :path=/v1/…,
    :scheme=https, :authority=…, name=value, …]``) as one object of them, each under its name: the
    pseudo-headers are the request line's parts (RFC 9113, 8.3.1), which a record reads under their
    roles as it reads ``method``, ``path``, ``scheme`` and ``authority`` fields. None where the list
    is anything else: its first item no pseudo-header (HTTP/2 writes them before the other fields)."""
    fields = http2_fields(items)
    return None if fields is None else {name: value for name, value in fields}


# The member names a record keeps a request's or a span's own fields under, as a list of entries.
_FIELD_LISTS = re.compile(r"(?i)(?:^|[._-])(?:headers|attributes|attrs|tags)$")


def method_listed(record: dict[str, Any], methods: frozenset[str]) -> bool:
    """Whether one of a record's lists is a block of ``{key, value}`` entries that holds the request's method under
    a name in the ``methods`` roles: a header block with HTTP/2's pseudo-header (Envoy's tap trace, ``"headers":
    [{"key": ":method", "value": "POST"}, …]``), or a span's attributes (a Tempo search's ``"attributes": [{"key":
    "http.request.method", "value": {"stringValue": "POST"}}, …]``, OTLP's): the record is the one request that
    block names — a list of its fields, not of requests, lies between it and a line inside the block. Only a list
    a record holds as its headers, attributes or tags names the method under another name than ``:method``: an
    environment's or a job's variables (a Pod's ``env``, GitLab's ``variables``, ECS's ``environment``: ``{"name":
    "METHOD", "value": "POST"}``) are settings, not a request's fields."""
    for member, value in record.items():
        if type(value) is list and value:
            fields = pairs_object(value) or pseudo_fields(value)
            if fields is not None and (isinstance(fields.get(":method"), str) or _FIELD_LISTS.search(member) and any(
                    isinstance(said, str) and said.upper() in HTTP_METHODS and role(name) in methods
                    for name, said in fields.items())):
                return True
    return False


def header_values(logged: Any) -> list[Any]:
    """A header's values: a list's items, the value an exact matcher wraps, or the one logged. A list of strings
    written as its JSON text (``'["application/json"]'``) is that list: a store that keeps an attribute's value
    as a string only writes an array attribute so (OpenTelemetry's captured ``http.request.header.<name>``, a list
    of strings, in Honeycomb's columns and SigNoz's ``stringTagMap``)."""
    exact = matched(logged)
    if type(exact) is str and exact[:2] == '["' and exact[-2:] == '"]' and (listed := _string_list(exact)):
        return listed
    return [exact] if exact is not None else logged if isinstance(logged, list) else [logged]


def _string_list(value: str) -> list[str] | None:
    """The strings a JSON array of strings holds, or None where the text is anything else."""
    try:
        items = json.loads(value)
    except (ValueError, RecursionError):
        return None
    return items if isinstance(items, list) and items and all(type(item) is str for item in items) else None
