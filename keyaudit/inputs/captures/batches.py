"""Batches: one JSON value that holds many request records.

Shippers and cloud exports write records in batches — an array of records on one line, an
object whose list member holds them (Azure Monitor's ``{"records": [...]}``, a Firehose or Vector
batch, an error tracker's list of calls), or objects written one after another on a line with no
line break between them. Each record of a batch is a request of its own: reading only the batch's
first (what a record's generic reader does with a list) misses the rest.
"""

from __future__ import annotations

from typing import Any, Iterator

from keyaudit.model.exchange import Exchange, Origin
from keyaudit.rulebook.header_names import NO_RECORD_HEADERS, RecordHeaders

from .cut_records import count_cut
from .record_views import role
from .records import METHOD, REQUEST_LINE, request_of
from .result_sets import result_rows

MAX_RECORDS = 10_000  # records of one batch read, at most
MAX_NESTING = 3  # batches inside batches, at most this deep
_REQUEST_ROLES = METHOD | REQUEST_LINE  # what a record that names a request names at its top


def requests_in(value: Any, origin: Origin, latin1: bool = False, depth: int = 0, *,
                known: RecordHeaders = NO_RECORD_HEADERS) -> Iterator[Exchange]:
    """Every request ``value`` describes: the request of a record, or each record's of a batch.

    An object is a batch only when it names no request at its top and a list member holds
    records (two or more: a list of one is read as the record's own child by
    :func:`~.records.request_of`); a request's own lists (headers as pairs, a list of retries)
    stay its own. ``known``: the header names the rules know (see :mod:`.record_headers`)."""
    if isinstance(value, list):
        if depth < MAX_NESTING:
            if len(value) > MAX_RECORDS:  # the records past the bound are not read
                count_cut(("batch", origin.line, origin.column, depth))
            for item in value[:MAX_RECORDS]:
                yield from requests_in(item, origin, latin1, depth + 1, known=known)
        return
    if not isinstance(value, dict):
        return
    if depth < MAX_NESTING and not _names_request(value):
        found = False
        for exchange in requests_in(result_rows(value) or [], origin, latin1, depth + 1, known=known):
            found = True  # a query's result set: its rows, column names given apart (see :mod:`.result_sets`)
            yield exchange
        for member in value.values() if not found else ():
            if isinstance(member, list) and len(member) > 1:
                for exchange in requests_in(member, origin, latin1, depth + 1, known=known):
                    found = True
                    yield exchange
        if found:
            return
    exchange = request_of(value, origin, latin1, known)
    if exchange is not None:
        yield exchange


def _names_request(record: dict[str, Any]) -> bool:
    """Whether the object names a method or a request line at its own top."""
    return any(isinstance(item, str) and role(key) in _REQUEST_ROLES for key, item in record.items())
