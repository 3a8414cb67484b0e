"""Batches: one JSON value that holds many request records.

Shippers and cloud exports write records in batches — an array of records on one line, an
object whose list member holds them (Azure Monitor's ``{"records": [...]}``, a Firehose or Vector
batch, an error tracker's list of calls), or objects written one after another on a line with no
line break between them. Each record of a batch is a request of its own: reading only the batch's
first (what a record's generic reader does with a list) misses the rest. A trace export holds its spans under
lists of one (OTLP's ``resourceSpans[].scopeSpans[].spans[]``, Jaeger's ``data[].spans[]``, Tempo's
``traces[].spanSets[].spans[]``): the members the rule files name ``span_lists`` are gone through whatever they
hold, and where they hold two requests or more each is its own. A record of a batch written on one line stands
at its own column there (:class:`Spot`), so each finding points at its own record.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import Any, Callable, Iterator

from keyaudit.model.exchange import Exchange, Origin
from keyaudit.inputs.jsonpos import element_starts, member_start
from keyaudit.rulebook.header_names import NO_RECORD_HEADERS, RecordHeaders, folded

from .change_rows import change_event, rows_apart
from .cut_records import count_cut
from .record_views import role
from .records import METHOD, REQUEST_LINE, request_of
from .result_sets import result_rows

MAX_RECORDS = 10_000  # records of one batch read, at most
MAX_NESTING = 3  # batches inside batches, at most this deep
_REQUEST_ROLES = METHOD | REQUEST_LINE  # what a record that names a request names at its top


class Spot:
    """Where a value of a line's JSON starts in the line's ``text``: what puts each record of a batch at its own
    column. Worked out only for a record that turns out a request (the records of a batch are passed over once,
    together, the first time one of them is asked for), so a batch of no request costs no second pass. None where
    the text does not show it (a value read from another form of the line): the record keeps its line's origin.
    ``apart``: a value written after the line's first, a record of its own however shallow."""

    def __init__(self, text: str, find: Callable[[], int | None], apart: bool = False) -> None:
        self.text, self._find, self.apart = text, find, apart

    @functools.cached_property
    def offset(self) -> int | None:
        return self._find()

    def elements(self, count: int) -> list[Spot]:
        """The spots of the first ``count`` elements of this array."""
        @functools.cache
        def starts() -> list[int | None]:
            at = self.offset
            try:
                return [*element_starts(self.text, at, count)] if at is not None else [None] * count
            except ValueError:
                return [None] * count
        return [Spot(self.text, lambda index=index: starts()[index]) for index in range(count)]

    def member(self, key: str) -> Spot:
        """The spot of this object's member ``key``."""
        def find() -> int | None:
            at = self.offset
            try:
                return member_start(self.text, at, key) if at is not None else None
            except ValueError:
                return None
        return Spot(self.text, find)


def requests_in(value: Any, origin: Origin, latin1: bool = False, depth: int = 0, *,
                known: RecordHeaders = NO_RECORD_HEADERS, spot: Spot | None = None) -> Iterator[Exchange]:
    """Every request ``value`` describes: the request of a record, or each record's of a batch.

    An object is a batch only when it names no request at its top and a list member holds
    records (two or more: a list of one is read as the record's own child by
    :func:`~.records.request_of`), or its span lists (``known.span_lists``) hold two requests or more; a
    request's own lists (headers as pairs, a list of retries) stay its own. ``known``: the header names the rules
    know (see :mod:`.record_headers`); ``spot``: where ``value`` starts on its line, where known."""
    if isinstance(value, list):
        if depth < MAX_NESTING:
            if len(value) > MAX_RECORDS:  # the records past the bound are not read
                count_cut(("batch", origin.line, origin.column, depth))
            items = value[:MAX_RECORDS]
            spots: list[Spot | None] = [*spot.elements(len(items))] if spot is not None else [None] * len(items)
            for item, at in zip(items, spots):
                yield from requests_in(item, origin, latin1, depth + 1, known=known, spot=at)
        return
    if not isinstance(value, dict):
        return
    if change_event(value, (), known.changes, {}) is not None and not _names_request(value):  # (most: one look)
        member, events, past = rows_apart(value, known.changes, MAX_RECORDS)  # its rows read as it says (.change_rows)
        if past:  # the rows past the bound are not read
            count_cut(("rows", origin.line, origin.column, depth))
        spots = spot.member(member).elements(len(events)) if spot is not None and member is not None else [spot]
        for event, at in zip(events, spots):
            if (exchange := request_of(event, origin, latin1, known)) is not None:
                yield _placed(exchange, at, member is not None or depth > 0)
        return
    if depth < MAX_NESTING and not _names_request(value):
        found = False
        for exchange in requests_in(result_rows(value) or [], origin, latin1, depth + 1, known=known):
            found = True  # a query's result set: its rows, column names given apart (see :mod:`.result_sets`)
            yield exchange
        for key, member in value.items() if not found else ():
            if isinstance(member, list) and len(member) > 1 and not _listed(key, known):
                for exchange in requests_in(member, origin, latin1, depth + 1, known=known,
                                            spot=spot and spot.member(key)):
                    found = True
                    yield exchange
        spans = [] if found else list(_spans(value, origin, latin1, depth, known, spot))
        # a span list of two or more is a batch as any list is, though it holds one request only
        batch = any(isinstance(member, list) and len(member) > 1 and _listed(key, known)
                    for key, member in value.items())
        if spans:  # a span of a trace tree is a call of its own beside its children's (Jaeger's `children`)
            own = request_of({key: item for key, item in value.items() if not _listed(key, known)},
                             origin, latin1, known)
            spans = [own, *spans] if own is not None else spans
        alone = len(spans) > 1 or (batch and spans)
        yield from spans if alone else ()
        if found or alone:
            return
    exchange = request_of(value, origin, latin1, known)
    if exchange is not None:
        yield _placed(exchange, spot, depth > 0)


def _placed(exchange: Exchange, spot: Spot | None, own: bool) -> Exchange:
    """The exchange at its record's own column on the line, where the record stands ``own`` (a record of a batch,
    a row of an event's list of rows, one written after the line's first) and the line shows where."""
    at = spot.offset if spot is not None and (own or spot.apart) else None
    if at is not None:
        exchange.origin = replace(exchange.origin, column=at + 1)
    return exchange


def _spans(record: dict[str, Any], origin: Origin, latin1: bool, depth: int, known: RecordHeaders,
           spot: Spot | None) -> Iterator[Exchange]:
    """The requests of the record's span lists (a member whose name a rule file lists under ``span_lists``,
    a list of any length, or an object: Tempo's ``spanSet``). A list counts no level of nesting of its own (its
    items do), so an export's lists of one down to its spans are all gone through."""
    for key, member in record.items():
        if isinstance(member, (list, dict)) and _listed(key, known):
            yield from requests_in(member, origin, latin1, depth + isinstance(member, dict), known=known,
                                   spot=spot and spot.member(key))


def _listed(key: str, known: RecordHeaders) -> bool:
    """Whether the member ``key`` is a span list the rule files name."""
    return bool(known.span_lists) and _folded(key) in known.span_lists


@functools.lru_cache(maxsize=4096)
def _folded(key: str) -> str:
    """A member's name folded (a log writes the same few names on every record: each folded once)."""
    return folded(key)


def _names_request(record: dict[str, Any]) -> bool:
    """Whether the object names a method or a request line at its own top."""
    return any(isinstance(item, str) and role(key) in _REQUEST_ROLES for key, item in record.items())
