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

A body may also be logged in a record that names no request at all: Google's HTTP client for
Java logs the head (and the same as a curl command reading its body from stdin, ``-d '@-'``),
then ``Total: <n> bytes`` and the content in records of another logger; Apache's mod_dumpio logs
each read, the body's in one record, escaped. HTTP itself says where a body is: after the head's
blank line, as many bytes as ``Content-Length`` says. So a request still open after the parts are
joined, whose head shows a length, takes as its body the first record after its head's blank
line, and before the next request read, whose message (from the line's start or after one of
its first ``: ``, then on over the lines that follow it; or, on its one line, with its escapes
undone) is exactly that many bytes; the lines of one message end at the log's next record, or
at the next line that carries the prefix the message's first line carries. Heads of concurrent
requests come before their bodies, so a request looks no further than the next request's first
line, and one whose head follows, within :data:`PART_LINES`, that of a request still waiting for
its body takes none (a body below could be either's). A shorter length than
:data:`MIN_RECORD_BODY` is matched by chance too easily, and is not looked for.
"""

from __future__ import annotations

import bisect
import dataclasses
from typing import Iterable, Iterator

from keyaudit.model.exchange import Exchange

from .dump_lines import WRITTEN_CRLF
from .lines import BodyLines, content_length, to_bytes
from .literals import unescaped
from .log_prefix import learned_prefix, starts_record
from .same_request import NEAR_LINES, distinct

# An open request waits for its part at most this many lines (a request's span): a client writes
# the records of one request close together, and a request that waited longer is one whose body
# was never logged. The bound also keeps what is held open small in a dense log.
PART_LINES = NEAR_LINES
MIN_RECORD_BODY = 16  # bytes a body found by its length alone must hold (`{"a":1}` is any short line's length)
WRITTEN_LF = "\\n"  # a lone line feed written as its escape
MESSAGE_CUTS = 4  # the `: ` on a line a record's message may begin after, at most (a level's, a logger's, a mark's)


def requests_read(readings: Iterable[Exchange], lines: list[tuple[int, str]]) -> list[Exchange]:
    """The requests a window's readings make, in the order read: each request read twice kept
    once (:func:`.same_request.distinct`), then each part joined to the open request it names,
    then each request still open given the body a record of ``lines`` (the window's) holds."""
    return with_record_bodies(joined_parts(distinct(readings)), lines)


def with_record_bodies(requests: list[Exchange], lines: list[tuple[int, str]]) -> list[Exchange]:
    """``requests`` with each open one whose head declares a length given the body a record of
    ``lines`` holds (see above); a request whose head follows a waiting one's closely takes none."""
    declared = [content_length(request.headers) if _is_open(request) else None for request in requests]
    if all(size is None or size < MIN_RECORD_BODY for size in declared):  # most windows: no body to look for
        return requests
    order = sorted(range(len(requests)), key=lambda at: requests[at].origin.line)
    numbers = [number for number, _ in lines]
    waiting: int | None = None  # the line of the last request that waits for its body still
    for place, index in enumerate(order):
        size, line = declared[index], requests[index].origin.line
        if size is None or size < MIN_RECORD_BODY:
            continue
        if waiting is not None and line - waiting <= PART_LINES:
            waiting = line  # a body below could be either's: whose it is cannot be told
            continue
        end = line + PART_LINES + 1  # a body record is as near its head as a part is,
        if place + 1 < len(order):  # and comes before the next request's first line
            end = min(end, requests[order[place + 1]].origin.line)
        body = body_record(lines[bisect.bisect_right(numbers, line) : bisect.bisect_left(numbers, end)], size)
        if body is None:
            waiting = line
        else:
            requests[index] = dataclasses.replace(requests[index], body=body, body_exact=True)
    return requests


def body_record(lines: list[tuple[int, str]], declared: int) -> bytes | None:
    """The ``declared`` bytes of a body the first record after the head's blank line in ``lines``
    (those after a request's first line) holds (see above), or None."""
    head = next((at for at, (_, text) in enumerate(lines) if _ends_head(text)), None)
    if head is None:
        return None
    for at in range(head + 1, len(lines)):
        text = lines[at][1]
        for cut in _message_starts(text):
            found = _sized(text[:cut], text[cut:], lines, at + 1, declared)
            if found is not None:
                return found
    return None


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


def _ends_head(text: str) -> bool:
    """Whether a line is a head's blank line: blank, or a record whose data is a line end
    written as its escapes (mod_dumpio's ``dumpio_in (data-HEAP): \\r\\n``)."""
    return not text.strip() or text.rstrip().endswith((": " + WRITTEN_CRLF, ": " + WRITTEN_LF)) \
        or text.strip() == WRITTEN_CRLF


def _message_starts(text: str) -> Iterator[int]:
    """Where a record's message may begin on its line: at the line's start, or after one of its
    first :data:`MESSAGE_CUTS` ``: ``."""
    yield 0
    at = 0
    for _ in range(MESSAGE_CUTS):
        at = text.find(": ", at) + 2
        if at == 1:
            return
        yield at


def _sized(prefix: str, first: str, lines: list[tuple[int, str]], after: int, declared: int) -> bytes | None:
    """The body of ``declared`` bytes that begins with ``first`` (after ``prefix`` on its line)
    and goes on over ``lines`` from ``after`` on, as the lines of one message: up to the log's
    next record, or the next line that carries the same prefix (joined by LF or CRLF, as the
    length says; the message is read on as long as LF-joined it is shorter, so that its end, not
    a CRLF reading of its first lines, settles which); or that ``first`` alone holds with its
    escapes undone. None where neither is that long."""
    if not first.strip():
        return None
    body = BodyLines(declared)
    body.add(first)
    size, same = len(to_bytes(first)), None
    while size < declared and after < len(lines) and not starts_record(text := lines[after][1]):
        same = same or learned_prefix(prefix)
        if not same.blank and same.rest(text) is not None:
            break  # a record of the same log: the message has ended
        body.add(text)
        size += 1 + len(to_bytes(text))
        after += 1
    if (found := body.value()) is not None:
        return found
    if "\\" in first and len(first) > declared and len(data := to_bytes(unescaped(first))) == declared:
        return data
    return None
