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

A body may also be logged in a record that names no request at all: Google's HTTP client for Java
logs the head (and the same as a curl command reading its body from stdin, ``-d '@-'``), then
``Total: <n> bytes`` and the content in records of another logger; Apache's mod_dumpio logs each
read, the body's in one record, escaped. HTTP itself says where a body is: after the head's blank
line, as many bytes as ``Content-Length`` says. So a request still open after the parts are joined,
whose head shows a length, takes as its body the first record after its head's blank line, and
before the next request read, whose message (from the line's start or after one of its first
``: ``, then on over the lines that follow it; or, on its one line, with its escapes undone) is exactly
that many bytes; the lines of one message end at the log's next record, or at the next line that
carries the prefix the message's first line carries. No record begins inside a JSON document opened
on the lines above it: a message longer than the head says (a logger's suffix after its last line),
read from one of its middle lines, could be cut to fit; nor on an indented line, where a printer's
tree goes on (tshark's of a JSON body, its lines cut to fit just as well). Heads of concurrent requests come before
their bodies, so a request looks no further than the next request's first line, and one whose head
follows, within :data:`PART_LINES`, that of a request still waiting for its body takes none (a body
below could be either's). A shorter length than :data:`MIN_RECORD_BODY` is matched by chance too
easily, and is not looked for; nor is a message of that length that cannot be of the media type the
head declares: a JSON type's must parse, a form's holds no blank. Heads whose bodies were not
logged, the application's records of words below them, took one such record for the body one time
in eight (its message as long as the head says, by chance): a body not the one signed fails its
signature. A record may also mark where its data begins as the head's record marked
where the request line began: the .NET Framework's System.Net trace writes what a connection sends
after `<<` (``Data from ConnectStream#<id>::WriteHeaders<<POST …``, then the body's own record,
``Data from ConnectStream#<id>::Write<<{…``); so a message may also begin right after the first such
mark — two or more signs, not a letter, digit or blank — that the request's first line writes just
before its method. A line of one sign repeated (``---``) after the head's blank line is a printer's
frame: ApacheBench prints the head it sends between two, never the body; no record past it is looked at.

Where the log stamps each record of a request with the request's id (:mod:`.record_ids`: ASP.NET
Core's HTTP logging writes the head in a ``RequestLog`` record, then the body in a ``RequestBody``
record of the same ``RequestId``, which names no method or URL), a structured record that holds
a body and that id, and names no request, is the body of the request of that id that waits for
one (read, its body not shown nor said by a ``Content-Length`` of 0; as long as it says where
it says), within :data:`PART_LINES` below it. An id may be shared (a server's request id is
stamped on every call its handler makes): a body is joined only where exactly one request of its
id waits, so that two calls logged head, head, body, body keep neither body rather than maybe
crossing them; a body whose id no request waiting carries joins nothing.
"""

from __future__ import annotations

import bisect
import collections
import dataclasses
import re
from typing import Iterable, Iterator

from keyaudit.model.exchange import Exchange, Origin

from .dump_lines import RULE_LINE, WRITTEN_CRLF, brackets
from .lines import BodyLines, content_length, header_value, to_bytes
from .record_bodies import of_media_type
from .quoted import unescaped
from .log_prefix import learned_prefix, starts_record
from .same_request import NEAR_LINES, distinct
from .threads import writer

# An open request waits for its part at most this many lines (a request's span): a client writes
# the records of one request close together, and a request that waited longer is one whose body
# was never logged. The bound also keeps what is held open small in a dense log.
PART_LINES = NEAR_LINES
MIN_RECORD_BODY = 16  # bytes a body found by its length alone must hold (`{"a":1}` is any short line's length)
WRITTEN_LF = "\\n"  # a lone line feed written as its escape
MESSAGE_CUTS = 4  # the `: ` on a line a record's message may begin after, at most (a level's, a logger's, a mark's)
_DATA_MARK = re.compile(r"[^\w\s]{2,}$")  # what a line writes right before the data it logs (`<<`)


def requests_read(readings: Iterable[Exchange], lines: list[tuple[int, str]]) -> list[Exchange]:
    """The requests a window's readings make, in the order read: each request read twice kept
    once (:func:`.same_request.distinct`), then each part joined to the open request it names,
    then each request still open given the body a record of ``lines`` (the window's) of its id
    holds, then the one a record of its declared length holds."""
    return with_record_bodies(with_id_bodies(joined_parts(distinct(readings), lines), lines), lines)


def with_id_bodies(requests: list[Exchange], lines: list[tuple[int, str]]) -> list[Exchange]:
    """``requests`` with each that waits for its body given the one a record of ``lines`` of
    its id holds (see above): where it is the one request of that id waiting. A line is read
    only where a request waits above it, within :data:`PART_LINES` (the requests held, and the
    ids a line is looked at for, are those of that many lines: a dense log's stay few)."""
    heads = [(request.origin.line, at) for at, request in enumerate(requests)
             if request.request_id is not None and _awaits_body(request)]
    if not heads:  # most windows: no request carries an id, or each shows its body
        return requests
    heads.sort()
    numbers = [number for number, _ in lines]
    below = lines[bisect.bisect_right(numbers, heads[0][0]) : bisect.bisect_right(numbers, heads[-1][0] + PART_LINES)]
    waiting: collections.deque[int] = collections.deque()  # the requests whose heads are in reach, oldest first
    pending = 0  # the first of ``heads`` not yet in reach
    for number, text in below:
        while pending < len(heads) and heads[pending][0] < number:
            waiting.append(heads[pending][1])
            pending += 1
        while waiting and number - requests[waiting[0]].origin.line > PART_LINES:
            waiting.popleft()
        if "{" not in text or not waiting:
            continue
        ids = {requests[at].request_id for at in waiting if _awaits_body(requests[at])}
        if (found := _id_body(number, text, ids)) is None:
            continue
        named, data, exact = found
        held = [at for at in waiting if requests[at].request_id == named and _awaits_body(requests[at])]
        if len(held) == 1 and _fits(requests[held[0]], data):
            requests[held[0]] = dataclasses.replace(requests[held[0]], body=data, body_exact=exact)
    return requests


def _id_body(number: int, text: str, ids: set[str | None]) -> tuple[str, bytes, bool] | None:
    """The id and the body (and whether it is the bytes sent) of a structured record on ``text``
    that holds a body and one of ``ids``, and names no request; else None. (The readers of
    records are imported here, where a request read carries an id: they were, to read it.)"""
    from .jsonlog import parse_record
    from .record_bodies import body as record_body
    from .record_ids import request_id, segment_of, written_on
    from .records import request_of

    if not any(named is not None and written_on(named, text) for named in ids):
        return None
    parsed = parse_record(text)
    record = parsed[0] if parsed is not None else None
    named = request_id(record) if isinstance(record, dict) else None
    if named is None or named not in ids or request_of(record, Origin("", number)) is not None:
        return None  # no record of a waiting request's id, or a request of its own
    data, exact = record_body([segment_of(record)], None, parsed is not None and parsed[1], "", lambda _: False)
    return None if data is None else (named, data, exact)


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
        first = bisect.bisect_right(numbers, line)
        body = body_record(lines[first : bisect.bisect_left(numbers, end)], size,
                           _data_mark(lines[first - 1][1] if first and numbers[first - 1] == line else "",
                                      requests[index].method),
                           header_value(requests[index].headers, "Content-Type"))
        if body is None:
            waiting = line
        else:
            requests[index] = dataclasses.replace(requests[index], body=body, body_exact=True)
    return requests


def body_record(lines: list[tuple[int, str]], declared: int, mark: str | None = None,
                media: str | None = None) -> bytes | None:
    """The ``declared`` bytes of a body the first record after the head's blank line in ``lines``
    (those after a request's first line) holds (see above), or None; ``mark``: the one the head's
    line wrote before its method, after which a record's data may begin too; ``media``: the
    head's ``Content-Type``, which the body must be of."""
    head = next((at for at, (_, text) in enumerate(lines) if _ends_head(text)), None)
    if head is None:
        return None
    depth = 0  # the JSON documents open on the lines read: no body begins inside one
    for at in range(head + 1, len(lines)):
        text = lines[at][1]
        if RULE_LINE.match(text):  # the rule a printer framed the head with (ab's `---`): nothing past it is the body
            return None
        inside, depth = depth > 0, brackets(text, depth)
        # a line of a document begun above: a body taken from its middle would be one cut to fit; an
        # indented line goes on with what is above it (a printer's tree, as tshark's of a JSON body under
        # its `File Data: <n> bytes`; a pretty-printed value): no record begins on it
        if inside or text[:1].isspace():
            continue
        for cut in _message_starts(text, mark):
            found = _sized(text[:cut], text[cut:], lines, at + 1, declared)
            if found is not None and of_media_type(found, media):
                return found
    return None


def joined_parts(readings: list[Exchange], lines: list[tuple[int, str]]) -> list[Exchange]:
    """``readings`` with each part joined to the one open request it names (see above): the
    request takes the part's body (and its log time, where it showed none), the part is gone.
    Where several name it (concurrent calls to one URL), the one whose line (of ``lines``) names
    the writer the part's line names — the thread or task that sent both (:mod:`.threads`)."""
    if not any(map(_is_part, readings)):  # most windows: every reading is a request whole
        return readings
    text_of: dict[int, str] = {}  # the window's lines by number, made where a writer must be asked
    out: list[Exchange | None] = list(readings)
    waiting: dict[tuple[str, str], list[int]] = {}  # method and URL -> the open requests, oldest first
    for index in sorted(range(len(out)), key=lambda at: readings[at].origin.line):
        reading = readings[index]
        line, key = reading.origin.line, (reading.method, reading.url)
        held = [at for at in waiting.get(key, ()) if line - readings[at].origin.line <= PART_LINES]
        waiting[key] = held
        if _is_part(reading):
            named = [at for at in held if readings[at].origin.line < line and _fits(readings[at], reading.body)]
            if len(named) > 1 and (own := writer((text_of := text_of or dict(lines)).get(line, ""))) is not None:
                named = [at for at in named if writer(text_of.get(readings[at].origin.line, "")) == own]
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
    """Whether a reading shows a body and no header: a record of the data a request sent (not a row a change event
    carries, whose headers the stream left out: the row's own request)."""
    return reading.body is not None and not reading.headers and not reading.headers_known and reading.row is None


def _is_open(reading: Exchange) -> bool:
    """Whether a reading shows headers and waits for its body (see :func:`_awaits_body`)."""
    return bool(reading.headers) and _awaits_body(reading)


def _awaits_body(request: Exchange) -> bool:
    """Whether a request read may still be given its body: none shown, nor said to be none (a
    ``Content-Length`` of 0). Not a row a change event carries: its columns are all its request (one the stream
    left out has no value here — no other record's body is its)."""
    return request.body is None and request.row is None and content_length(request.headers) != 0


def _fits(request: Exchange, body: bytes | None) -> bool:
    """Whether a part's body can be the request's: as many bytes as its Content-Length says."""
    declared = content_length(request.headers)
    return declared is None or body is not None and declared == len(body)


def _ends_head(text: str) -> bool:
    """Whether a line is a head's blank line: blank, or a record whose data is a line end
    written as its escapes (mod_dumpio's ``dumpio_in (data-HEAP): \\r\\n``)."""
    return not text.strip() or text.rstrip().endswith((": " + WRITTEN_CRLF, ": " + WRITTEN_LF)) \
        or text.strip() == WRITTEN_CRLF


def _data_mark(text: str, method: str) -> str | None:
    """The mark ``text``, a request's first line, writes right before ``method`` (see above), or None."""
    start = text.find(method + " ")
    found = _DATA_MARK.search(text, 0, start) if start > 0 else None
    return None if found is None else found.group()


def _message_starts(text: str, mark: str | None) -> Iterator[int]:
    """Where a record's message may begin on its line: at the line's start, after the first
    ``mark`` on it, or after one of its first :data:`MESSAGE_CUTS` ``: ``."""
    yield 0
    if mark is not None and (marked := text.find(mark)) >= 0:
        yield marked + len(mark)
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
