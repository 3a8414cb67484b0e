"""The id a log stamps on each record it writes about one request: what ties the records of one
request together, where a logger writes its parts apart.

ASP.NET Core's HTTP logging writes a request's head in one record and its body in a later one of
its own (``RequestLog``, then ``RequestBody``), each carrying the ``RequestId`` of the scope the
request runs in and nothing else of the request: the body's record names no method or URL. The
names of such ids are vocabulary every producer shares, not any product's, kept here as data:

- a request's own id: ``RequestId`` (ASP.NET Core's scope; ``TraceIdentifier``, the same),
  ``request_id`` and ``req_id`` (Rails, Heroku's router, nginx's ``$request_id``, Go's and
  Node's middlewares), the ``X-Request-ID`` header logged as a field, a ``correlationId``; and
  pino-http's ``req.id``, the ``id`` of the record's request object;
- a trace's id together with its span's (OpenTelemetry's ``trace_id`` and ``span_id``, as a log
  bridge stamps them): a span is one operation;
- the id of a stream's segment: a record that says it is one segment of a streamed trace (an
  object named ``…segment``: Envoy's tap writes a stream's headers, each body chunk and the reply as
  ``http_streamed_trace_segment`` records) carries the id of that one stream, its ``trace_id``
  included — a stream is one request and its reply.

Not an id of one request: a trace's id alone (one trace spans every call of a batch, a job or a
page), a connection's (``ConnectionId``: many requests go over one connection), an event's
(Serilog's ``@i`` and .NET's ``EventId`` say which message a template wrote, not about which
request), an operation's (Application Insights' ``operation_Id`` is its trace's).

An id may still be shared by several requests: a server's request id is stamped on every call its
handler makes to a provider. What joins a body by its id (:mod:`.request_parts`) joins it only to
the one request of that id waiting for its body.
"""

from __future__ import annotations

import re
from typing import Any

from .record_views import ABSENT, role, spellings

# A request's own id under its names (also qualified: http_x_request_id, x-ms-client-request-id).
REQUEST_ID = spellings("requestid", "xrequestid", "correlationid", "xcorrelationid", "traceidentifier") | {"reqid"}
TRACE_ID, SPAN_ID = frozenset({"traceid"}), frozenset({"spanid"})
SEGMENT = "segment"  # how the name of a streamed record's object ends (see above)
REQUEST_OBJECT = frozenset({"req", "request"})  # a record's request object, whose own ``id`` is the request's
OWN_ID = frozenset({"id"})
# The names above as a line writes them, lower-cased (a JSON or a logfmt key, its words joined or
# not), before the `id` that ends the key: whether an id may be on a line, asked of a line before it
# is read; it may say yes to more than the names (a `span_id` alone). Each `id` a key may end with
# is found by a literal pattern and what comes before it compared at C speed: a pattern opening with
# the names' alternatives, case-insensitive, was tried at every position of the line (35 times slower).
_BEFORE_ID = tuple([name + joiner for name in (b"request", b"req", b"correlation", b"span")
                    for joiner in (b"", b"_", b".", b"-")]
                   + [b'"' + name + b'":' + blank + b'{"' for name in (b"req", b"request") for blank in (b"", b" ")])
_ID_END = re.compile(rb"id[\"'=]")
_OTHER_ID_KEY = b"traceidentifier"


def request_id(record: dict[str, Any]) -> str | None:
    """The id of the one request ``record`` (an object of a record) is about, or None: a request's
    own id, the ``id`` of its request object, the trace's id of a stream's segment, or its trace's
    and its span's, after a blank (each piece of an id is written on the record's line: see
    :func:`written_on`)."""
    trace = span = None
    for key, value in record.items():
        name = role(key)
        if name in REQUEST_ID and (found := _id(value)) is not None:
            return found
        if name.endswith(SEGMENT) and isinstance(value, dict):
            stream = next((item for inner, item in value.items() if role(inner) in TRACE_ID), None)
            if (found := _id(stream)) is not None:
                return found
        if name in REQUEST_OBJECT and isinstance(value, dict):
            own = next((item for inner, item in value.items() if role(inner) in OWN_ID), None)
            if (found := _id(own)) is not None:
                return found
        elif name in TRACE_ID:
            trace = _id(value)
        elif name in SPAN_ID:
            span = _id(value)
    return f"{trace} {span}" if trace is not None and span is not None else None


def segment_of(record: dict[str, Any]) -> dict[str, Any]:
    """The object of a stream's segment ``record`` is (see above), what it carries of the request
    (a chunk of its body) beside the stream's id; else the record itself."""
    return next((value for key, value in record.items() if role(key).endswith(SEGMENT) and isinstance(value, dict)),
                record)


def _id(value: Any) -> str | None:
    """A logged id as text; None for what no id is (a flag, an object, an empty value, ``-``)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) and value.strip() not in ABSENT else None


def written_on(named: str, text: str) -> bool:
    """Whether each piece of an id is on a line (a record of that id must hold them all): the
    test that spares a line without them being read."""
    return all(piece in text for piece in named.split(" "))


def id_on_line(line: bytes) -> bool:
    """Whether a line may carry a request's id under one of the names above (see :data:`_BEFORE_ID`)."""
    lowered = line.lower()
    return _OTHER_ID_KEY in lowered or any(lowered.endswith(_BEFORE_ID, 0, end.start()) for end in _ID_END.finditer(lowered))
