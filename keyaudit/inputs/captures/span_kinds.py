"""Server spans: what a trace export keeps of a request the app received, which is no call it made.

A span of kind server records the request that came IN to the service (its own route, its own host); read as a
request, it made a plain-HTTP hop inside a mesh, or a staging host, a finding about a call nobody sent out. Such a
span is known by its kind, said where the rule files say a span says it (``span_kind_fields``: OTLP's ``kind``,
Zipkin's and a flat export's ``span.kind``, the ClickHouse exporter's ``SpanKind``; at the span's top, in an
object of its fields or in its ``{key, value}`` tags) with a value they list (``server_span_kinds``: ``server``,
``SPAN_KIND_SERVER``, OTLP's ``2``) — and only in a trace export's span list, where the record is a span by its
place (an app's event numbered ``kind: 2`` beside a trace id is none). Its URL is still a call where it names a
provider's host: an egress proxy's server span of the app's call to the provider is that call.
"""

from __future__ import annotations

from typing import Any

from keyaudit.model.exchange import Exchange
from keyaudit.model.urls import split_url
from keyaudit.rulebook.header_names import SpanWords, folded

MAX_FIELDS = 256  # members of a span (and of each object of its fields) looked at for its kind


def server_span(span: dict[str, Any], words: SpanWords) -> bool:
    """Whether the span says it recorded a request the app received. A kind written as a number is OTLP's enum
    only beside OTLP's attributes (a list of ``{key, value}``): an app's event numbers its kinds too."""
    kind = _kind(span, words)
    if isinstance(kind, int) and not any(isinstance(value, list) and value and isinstance(value[0], dict)
                                         and "key" in value[0] and "value" in value[0] for value in span.values()):
        return False
    return kind is not None and folded(str(kind)) in words.server_kinds


def app_received(span: dict[str, Any], exchange: Exchange, words: SpanWords) -> bool:
    """Whether ``exchange``, read from ``span``, is the request the app received: the span is a server span and
    the request's host is no provider's."""
    host = (split_url(exchange.url).host or "").lower().rstrip(".")
    return host not in words.provider_hosts and server_span(span, words)


def _kind(span: dict[str, Any], words: SpanWords) -> object:
    """The kind the span says, at its top, in an object of its fields or in its list of ``{key, value}`` tags."""
    for key, value in list(span.items())[:MAX_FIELDS]:
        if folded(key) in words.kind_fields and isinstance(value, (str, int)) and not isinstance(value, bool):
            return value
    for value in list(span.values())[:MAX_FIELDS]:
        if isinstance(value, dict):
            found = next((item for key, item in list(value.items())[:MAX_FIELDS]
                          if folded(key) in words.kind_fields and isinstance(item, str)), None)
        elif isinstance(value, list):
            found = next((_tag_value(item) for item in value[:MAX_FIELDS] if isinstance(item, dict)
                          and isinstance(item.get("key"), str) and folded(item["key"]) in words.kind_fields), None)
        else:
            continue
        if found is not None:
            return found
    return None


def _tag_value(tag: dict[str, Any]) -> object:
    """A tag's value: a string, or OTLP's typed ``{"stringValue": …}``."""
    value = tag.get("value")
    if isinstance(value, dict):
        value = value.get("stringValue")
    return value if isinstance(value, str) else None
