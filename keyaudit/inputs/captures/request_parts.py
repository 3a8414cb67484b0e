"""One request whose client logged its parts in records of their own is one request.

A client may log a request's head and its body in separate records: aiohttp's tracing logs a
``TraceRequestStartParams`` (method, URL, headers), then a ``TraceRequestChunkSentParams`` for
the data it sends (method, URL, the chunk). Each record is read as a reading of its own, one
with the headers and no body, the next with the body and no header. Judged apart, the first is
a request whose signature cannot be checked (its body not shown) and the second one whose
headers are unknown: the body's signature is never checked, however wrong it is.

A reading that shows a body and no header (a part) is joined to the request it names: the
reading before it, of the same method and URL, that shows headers and no body (an open
request), whose ``Content-Length`` where it shows one is the part's length. Records of
concurrent requests interleave, so a part is joined only where exactly one open request names
it: where two do (two calls to one URL under way), which body is whose cannot be told, and
neither is joined. A part that joins nothing stays a reading of its own, as before.
"""

from __future__ import annotations

import dataclasses
from typing import Iterable

from keyaudit.model.exchange import Exchange

from .lines import content_length
from .same_request import NEAR_LINES, distinct

# An open request waits for its part at most this many lines (a request's span): a client writes
# the records of one request close together, and a request that waited longer is one whose body
# was never logged. The bound also keeps what is held open small in a dense log.
PART_LINES = NEAR_LINES


def requests_read(readings: Iterable[Exchange]) -> list[Exchange]:
    """The requests a window's readings make, in the order read: each request read twice kept
    once (:func:`.same_request.distinct`), then each part joined to the open request it names."""
    return joined_parts(distinct(readings))


def joined_parts(readings: list[Exchange]) -> list[Exchange]:
    """``readings`` with each part joined to the one open request it names (see above): the
    request takes the part's body (and its log time, where it showed none), the part is gone."""
    if not any(map(_is_part, readings)):  # most windows: every reading is a request whole
        return readings
    out: list[Exchange | None] = list(readings)
    waiting: dict[tuple[str, str], list[int]] = {}  # method and URL -> the open requests, oldest first
    for index in sorted(range(len(out)), key=lambda at: readings[at].origin.line):
        reading = readings[index]
        line, key = reading.origin.line, (reading.method, reading.url)
        held = [at for at in waiting.get(key, ()) if line - readings[at].origin.line <= PART_LINES]
        waiting[key] = held
        if _is_part(reading):
            named = [at for at in held if readings[at].origin.line < line and _fits(readings[at], reading)]
            if len(named) == 1:
                request = readings[named[0]]
                out[named[0]] = dataclasses.replace(request, body=reading.body, body_exact=reading.body_exact,
                                                    time=request.time or reading.time)
                held.remove(named[0])
                out[index] = None
        elif _is_open(reading):
            held.append(index)
    return [reading for reading in out if reading is not None]


def _is_part(reading: Exchange) -> bool:
    """Whether a reading shows a body and no header: a record of the data a request sent."""
    return reading.body is not None and not reading.headers and not reading.headers_known


def _is_open(reading: Exchange) -> bool:
    """Whether a reading shows headers and no body, and says of none that it has no body (a
    ``Content-Length`` of 0)."""
    return reading.body is None and bool(reading.headers) and content_length(reading.headers) != 0


def _fits(request: Exchange, part: Exchange) -> bool:
    """Whether the part can be the request's body: as many bytes as its Content-Length says."""
    declared = content_length(request.headers)
    return declared is None or part.body is not None and declared == len(part.body)
