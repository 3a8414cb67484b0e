"""The request headers the rules know by name, for records that log headers one field each.

A proxy's or collector's JSON log often keeps the headers its operator chose as fields of their
own beside the method and URL (Envoy's ``"req_signature": "%REQ(SIGNATURE)%"``, GELF's
``_http_request_header_signature``), under names no list of products could foresee. Such a
field is read as a header only when it names one the rules care about — one a request rule
requires or looks at, a sender is known by, or a rule file lists under ``header_names`` (where a
provider's credential travels) — so that the record's other fields never become headers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from keyaudit.rulebook.change_streams import ChangeStreams, change_streams
from keyaudit.rulebook.places import Sender
from keyaudit.rulebook.requests import RequestRule

RECORD_CAPTURE = "jsonlog"  # what the readers of structured records name their captures
_NOT_LETTERS = re.compile(r"[^0-9a-z]")
# What a field kept for one header is prefixed with, folded (``req_``, ``http_request_header_``, the
# W3C extended log's ``cs(…)``); nginx's bare ``http_`` is read by its own rule, which takes every header it names.
FIELD_PREFIXES = ("", "req", "request", "requestheader", "reqheader", "header", "httprequestheader", "httpheader", "cs")
MAX_FIELDS = 4096  # field names remembered, at most


def folded(name: str) -> str:
    """A name as its letters and digits, lower-cased: ``Request-Time``, ``request_time`` and
    ``requestTime`` are all ``requesttime``."""
    return _NOT_LETTERS.sub("", name.lower())


@dataclass(frozen=True)
class RecordHeaders:
    """Header names by their folded form (as the rules spell them), and which of them a request
    rule requires: a record that logs a field for one of those shows it keeps that header, so
    its absence there is an absence from the request."""

    names: dict[str, str] = field(default_factory=dict)
    required: frozenset[str] = frozenset()
    # The folded names of the members a trace export holds its spans under (a rule file's ``span_lists``): each
    # record such a member holds is read as a request of its own, though a list of one lies on the way to it.
    span_lists: frozenset[str] = frozenset()
    # How a change stream's events name their kind and table, and which kinds write a row (a rule file's
    # ``change_streams``): an event that changes or removes a row is no request written.
    changes: ChangeStreams = ChangeStreams()
    # Field names already asked about (a log repeats the same few dozen on every record).
    _fields: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)

    def name(self, key: str) -> str | None:
        """The header a folded field name stands for, or None."""
        return self.names.get(key)

    def dashed(self, name: str) -> str:
        """The header the rules spell with a ``-`` where ``name`` has each ``_``, else ``name``: a log that
        cannot keep a dash in a name writes an underscore (OpenTelemetry's ``http.request.header.request_time``,
        as its JavaScript and Python instrumentations capture ``Request-Time``). Only the rules' dashed names
        are so read: ``access_token`` is a header of its own, sent with its underscore."""
        if "_" not in name:
            return name
        header = self.names.get(folded(name))
        return header if header is not None and header.lower() == name.lower().replace("_", "-") else name

    def field_header(self, key: str) -> str | None:
        """The header a record's field kept for one stands for (``req_signature``,
        ``http_request_header_signature``: a common prefix folded), or None."""
        found = self._fields.get(key, "")
        if found == "":
            folded_key = folded(key)
            found = next((name for prefix in FIELD_PREFIXES if folded_key.startswith(prefix)
                          and (name := self.names.get(folded_key[len(prefix):])) is not None), None)
            if len(self._fields) < MAX_FIELDS:
                self._fields[key] = found
        return found


NO_RECORD_HEADERS = RecordHeaders()  # what a reader knows without the rules: no header by name


def record_headers(requests: Iterable[RequestRule], senders: Iterable[Sender], listed: Iterable[str],
                   span_lists: Iterable[str] = (), changes: Iterable[str] = ()) -> RecordHeaders:
    """The header names of the request rules (required or looked at), the senders and the rule
    files' ``header_names`` lists; required, those of the rules that judge structured records (a
    rule about the bytes sent asks only captures of them: a record's fields never show its
    header missing)."""
    requests = list(requests)
    looked_at = [name for rule in requests for name in (*rule.required_headers, *rule.has_headers, *rule.lacks_headers)]
    required = [name for rule in requests if not rule.captures or RECORD_CAPTURE in rule.captures
                for name in (*rule.required_headers, *rule.has_headers)]
    named = [*looked_at, *(name for sender in senders for name, _ in (*sender.headers, *sender.unless)), *listed]
    return RecordHeaders({folded(name): name for name in reversed(named)}, frozenset(map(folded, required)),
                         frozenset(map(folded, span_lists)), change_streams(changes))
