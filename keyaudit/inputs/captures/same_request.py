"""One request read twice from one region of a log is one request.

Clients log a request more than once, in different shapes: Apache HttpClient's ``headers`` logger
and its ``wire`` logger, an application's JSON record of a call beside its client's debug dump,
.NET's two handlers. Each reader reads its own shape, so the same request comes out twice, with
as much as each shape shows (one without its body, one with it): judged twice it gives duplicate
findings, or a bad signature beside a valid one.

Two exchanges are the same request when different readers read them (the same reader reading
two is two requests: a retry is sent again — but a reader that read one record another reader read from the same
line has not had its turn: Node's print of an axios error holds the request twice, its ``config``, which the axios
and the literal readers both read, and its ``ClientRequest``, which the literal reader reads again; and one that
shows the call's status below one of the same method and URL that shows none is that call's answer, logged when it
came: :func:`_answers_dropped`), within :data:`NEAR_LINES` of each other, with the
same method and URL, no two different log times, the same headers (names compared without case;
``Host`` and ``Content-Length``, which some shapes leave out, are not among them: the URL names
the host, and the length is compared only where both show it; nor those a client or its transport
adds by itself, ``Accept``, ``Accept-Encoding``, ``Connection``, ``Expect``, which a command line or
an application's record of a call does not show: Hurl's curl command beside the head libcurl
sent) and the same body. A body one
reading does not show agrees only with the ``Content-Length`` it shows (a reading that says it sends a body
it does not show, a command's read from a file, agrees with any): a batch of transfers
sends many requests with the same headers and bodies that differ. A reading that shows no
headers (a one-line client log) is paired with no reading that shows some: in a busy log it could
be any of its neighbours; two that show none, of one call, carry the same findings. It is no request of its
own where another reader's fuller reading of its method and URL, of no other time, is near: it names
that call, as a mention does (a client's one-line log of a call it dumped, urllib3's after
http.client's lines) — and a reading that shows only its method and URL, or that does not know its header set and agrees with
the other's body, is the same as another reader's that starts on the same line with the same
method and URL: one record read two ways (a JSON log record's fields, and its message that a
dump's reader joins to the headers the next records hold; a PowerShell command, whose
``-Headers $headers`` its command reader cannot see, and the statements of the script that bind
them). (Two that both show more may be two records of a batch on one line.) A bare reading with no time of its own whose
reader read the same bare method and URL at most :data:`CONTEXT_LINES` lines above is that one
again: a logger's bound context (a tracing span's ``send{method=POST uri=…}``, a mapped diagnostic
context) written on every line of one call, its body's and its answer's, repeats it. So is a
reading of a span's fields (:data:`SPAN`) that shows more, where the same reader read the same
request (headers and body alike) so: tower-http's ``request{method=POST uri=… headers={…}}:``
before each event of the call. (A run of like records that are no span's stays a request each.)
The one kept shows the most: its body, then its whole header set, then its headers. A reading that names a request in
passing (a log message's ``METHOD <url>``) is counted by :mod:`.mentions`: once, and only where no
reading here tells of it.
"""

from __future__ import annotations

import bisect
from typing import Iterable

from keyaudit.model.exchange import REQUEST_SPAN_LINES, Exchange, split_url

from .dump_table import mention_captures
from .lines import content_length
from .mentions import counted_once
from .url_mentions import CAPTURE as BARE_URL

NEAR_LINES = REQUEST_SPAN_LINES  # between the first lines of two readings of one request
CONTEXT_LINES = 4  # between two lines of one call that a logger's bound context writes the request on
SPAN = "span"  # the capture of a request read from a tracing span's fields, which precede every event of its call
MAX_TOLD = 64  # the fuller readings near a bare one asked whether they tell of it (a batch's line holds thousands)
_OPTIONAL = frozenset({"host", "content-length", "accept", "accept-encoding", "connection", "expect"})  # left out by some

_Headers = frozenset[tuple[str, str]]


def _headers(exchange: Exchange) -> _Headers:
    return frozenset((name.lower(), value.strip()) for name, value in exchange.headers
                     if name.lower() not in _OPTIONAL)


def _shows(exchange: Exchange) -> tuple[bool, bool, int]:
    """What a reading shows, the more the better: its body, then its whole header set, then its headers."""
    return exchange.body is not None, exchange.headers_known, len(exchange.headers)


def distinct(exchanges: Iterable[Exchange]) -> list[Exchange]:
    """The exchanges with each request read by two readers kept once (the fuller reading), in
    the order read. A kept request takes at most one reading of each other reader: readings pair
    up, and a run of like requests is not folded into one. Requests named in passing are kept
    only where nothing else tells of them (see :mod:`.mentions`)."""
    passing = mention_captures() | {BARE_URL}
    readings: list[Exchange] = []
    mentions: list[Exchange] = []
    for exchange in exchanges:
        (mentions if exchange.origin.capture in passing else readings).append(exchange)
    return counted_once(_told_of(_answers_dropped(_paired(_held_read_once(readings)))), readings, mentions)


def _held_read_once(readings: list[Exchange]) -> list[Exchange]:
    """The readings but those that read the bytes of a request its record holds in a member, which the record's
    reading read (:attr:`~keyaudit.model.exchange.Exchange.held_request`: Burp's ``<request>``, ZAP's
    ``requestHeader``): another reader's reading that starts on one of the record's lines (:attr:`Origin.lines`) and
    reads the request the bytes are — its method, host, path and query, its headers, no body or the record's. The
    bytes name no scheme, nor the body a record keeps apart: a reader of dumps reads them on HTTPS, and on plain HTTP
    the two readings would be two requests on two URLs. The record's reading, which knows both, stands for the
    request, on either scheme. Each replaces one reading: two like requests, each held in its own record, are two;
    and a record whose bytes are another request than its fields say holds no reading of them (both stay)."""
    held: dict[int, list[int]] = {}  # a line -> the places of the readings of held bytes whose records are on it
    for place, exchange in enumerate(readings):
        if exchange.held_request:
            for line in exchange.origin.lines:
                held.setdefault(line, []).append(place)
    if not held:  # most windows: no record holds a request's bytes
        return readings
    taken: set[int] = set()
    kept: list[Exchange] = []
    for exchange in readings:
        record = next((place for place in held.get(exchange.origin.line, ()) if place not in taken
                       and _same_bytes(readings[place], exchange)), None)
        if record is None or exchange.held_request:
            kept.append(exchange)
        else:
            taken.add(record)
    return kept


def _same_bytes(record: Exchange, other: Exchange) -> bool:
    """Whether ``other``, another reader's reading, reads the bytes the ``record``'s reading read (see
    :func:`_held_read_once`): all but the scheme of the URL, and the body the record's reading added."""
    one, two = split_url(record.url), split_url(other.url)
    return record.origin.capture != other.origin.capture and record.method == other.method \
        and (one.hostname, one.path or "/", one.query) == (two.hostname, two.path or "/", two.query) \
        and _headers(record) == _headers(other) and other.body in (None, record.body)


def _answers_dropped(kept: list[Exchange]) -> list[Exchange]:
    """The kept readings but those that answer one above: a reading with its call's status
    (:attr:`~keyaudit.model.exchange.Exchange.answered`) whose reader read the same method and URL, headers
    shown, with none at most :data:`NEAR_LINES` lines above is that call logged again when its answer came (an
    app's ``iugu request`` record, then its ``iugu response`` record of the status, the reply's headers and
    body; or one that echoes the request's headers beside the status, with a time of its own), not a second call —
    where the headers it shows that only a request sends (:attr:`~keyaudit.model.exchange.Exchange.sent_shown`) are
    among the call's: one that shows another credential, or one the call does not (a retry's own User-Agent), is a
    call logged with its outcome. Each answers one: a retry logged as sent is a
    call again. Below a reading that shows no headers the answered one stays, as it may show the request's."""
    sent: dict[tuple[str, str, str], list[tuple[int, _Headers]]] = {}  # reader, method and URL -> unanswered ones
    kept_now: list[Exchange] = []
    for exchange in kept:
        key, line = (exchange.origin.capture, exchange.method, exchange.url), exchange.origin.line
        above = sent.get(key)
        if exchange.answered and above and 0 <= line - above[-1][0] <= NEAR_LINES \
                and {shown for shown in exchange.sent_shown if shown[0] not in _OPTIONAL} <= above[-1][1]:
            above.pop()
            continue
        if not exchange.answered and exchange.headers_known:
            sent.setdefault(key, []).append((line, _headers(exchange)))
        kept_now.append(exchange)
    return kept_now


def _told_of(kept: list[Exchange]) -> list[Exchange]:
    """The kept readings but the bare ones (method and URL alone) that another reader's fuller reading of the same
    method and URL, of no other time, starting within :data:`NEAR_LINES` of it, tells of: a client's one-line log of
    a call beside its dump (urllib3's ``"POST <url> HTTP/1.1" 201 30`` after http.client's ``send:`` lines) names
    that call, as a mention does (:mod:`.mentions`), whichever neighbour of a busy log's it is."""
    fuller: dict[tuple[str, str], list[tuple[int, int]]] = {}  # method and URL -> the lines and places of fuller ones
    for place, exchange in enumerate(kept):
        if not _mention(exchange):
            fuller.setdefault((exchange.method, exchange.url), []).append((exchange.origin.line, place))
    if not fuller:
        return kept
    for found in fuller.values():
        found.sort()
    return [exchange for exchange in kept if not (_mention(exchange) and _tells_of(exchange, kept, fuller))]


def _tells_of(bare: Exchange, kept: list[Exchange], fuller: dict[tuple[str, str], list[tuple[int, int]]]) -> bool:
    """Whether a fuller reading of ``kept`` tells of the ``bare`` one (see :func:`_told_of`)."""
    found, line = fuller.get((bare.method, bare.url), []), bare.origin.line
    start = bisect.bisect_left(found, (line - NEAR_LINES, -1))
    for _, place in found[start : start + MAX_TOLD]:
        other = kept[place]
        if other.origin.line > line + NEAR_LINES:
            return False
        if other.origin.capture != bare.origin.capture and (other.time is None or bare.time is None
                                                            or other.time == bare.time):
            return True
    return False


def _paired(exchanges: list[Exchange]) -> list[Exchange]:
    """The readings with each request read by two readers kept once (see :func:`distinct`)."""
    kept: list[Exchange] = []
    # A reading is compared only with the kept requests of its own method, URL and headers, whose
    # first lines are in its own stretch of NEAR_LINES lines or a neighbouring one, and which no
    # reading of its reader has joined yet: not with every earlier call to one URL (a dense log
    # calls the same few thousands of times), nor with the other records of its own batch line.
    # method, URL and stretch -> headers known and headers -> the readers of kept ones -> their places
    seen: dict[tuple[str, str, int], dict[tuple[bool, _Headers], dict[frozenset[str], dict[int, None]]]] = {}
    filed: list[tuple[tuple[str, str, int], tuple[bool, _Headers], frozenset[str]]] = []  # each kept one's place in `seen`
    on_line: dict[tuple[str, str, int], int] = {}  # method, URL and first line -> the kept one read there first
    # reader, method and URL -> the line and what shows of its last timeless bare reading, or span's
    context: dict[tuple[str, str, str], tuple[int, tuple[bool, _Headers, bytes | None]]] = {}
    for exchange in exchanges:
        capture, method, url = exchange.origin.capture, exchange.method, exchange.url
        shown = (exchange.headers_known, _headers(exchange))
        if exchange.time is None and (capture == SPAN or _mention(exchange)):
            said = (*shown, exchange.body)
            last, context[capture, method, url] = context.get((capture, method, url)), (exchange.origin.line, said)
            if last is not None and 0 < exchange.origin.line - last[0] <= CONTEXT_LINES and last[1] == said:
                continue  # the call's bound context, written again on one more of its lines
        stretch = exchange.origin.line // NEAR_LINES
        twin = on_line.get((method, url, exchange.origin.line))
        if twin is not None and (capture in filed[twin][2] or not (_mention(exchange) or _mention(kept[twin]) or (
                not (exchange.headers_known and kept[twin].headers_known) and _bodies_agree(exchange, kept[twin])))):
            twin = None  # the same reader read it twice, or both show more: two records on one line (a batch)
        if twin is None:
            near: list[int] = []
            for near_stretch in (stretch - 1, stretch, stretch + 1):
                if (likes := seen.get((method, url, near_stretch))) is not None and (groups := likes.get(shown)):
                    near.extend(place for readers, places in groups.items() if capture not in readers for place in places)
            twin = next((place for place in sorted(near) if _twins(kept[place], exchange)), None) if near else None
        if twin is None:
            key, alone = (method, url, stretch), frozenset((capture,))
            seen.setdefault(key, {}).setdefault(shown, {}).setdefault(alone, {})[len(kept)] = None
            filed.append((key, shown, alone))
            on_line.setdefault((method, url, exchange.origin.line), len(kept))
            kept.append(exchange)
            continue
        key, filed_as, readers = filed[twin]
        same_record = kept[twin].origin.line == exchange.origin.line  # one record read two ways: no reader's turn
        del seen[key][filed_as][readers][twin]
        if _shows(exchange) > _shows(kept[twin]):
            # filed again by what it shows: a fuller reading that replaced a bare one (one record read
            # two ways) is then found by its own headers when a third reader's reading of it comes
            kept[twin], filed_as = exchange, shown
        readers = readers if same_record else readers | {capture}
        filed[twin] = (key, filed_as, readers)
        seen[key].setdefault(filed_as, {}).setdefault(readers, {})[twin] = None
    return kept


def _mention(exchange: Exchange) -> bool:
    """Whether a reading shows nothing but its method and URL (no headers known, no body)."""
    return not exchange.headers_known and not exchange.headers and exchange.body is None


def _twins(one: Exchange, other: Exchange) -> bool:
    """Whether two readings of the same method, URL and headers are one request. Two rows change events carry are
    one only where read off one event (its first line): each event is a change of its own, whose repeat of its
    row's request the fold of rows judges (:mod:`.rows_read`) — not a second reader's reading of it."""
    if abs(one.origin.line - other.origin.line) > NEAR_LINES or \
            one.row is not None and other.row is not None and one.origin.line != other.origin.line:
        return False
    return ((one.time is None or other.time is None or one.time == other.time)
            and _same_length_header(one, other) and _bodies_agree(one, other))


def _same_length_header(one: Exchange, other: Exchange) -> bool:
    first, second = one.header("Content-Length"), other.header("Content-Length")
    return first is None or second is None or first.strip() == second.strip()


def _bodies_agree(one: Exchange, other: Exchange) -> bool:
    """Whether the two can carry one body: the same bytes; or, where one does not show its body,
    as many bytes as its Content-Length says (none said: no body at all)."""
    if one.body is not None and other.body is not None:
        return one.body == other.body
    if one.body is None and other.body is None:
        return True
    shown, hidden = (one, other) if one.body is not None else (other, one)
    assert shown.body is not None
    if not hidden.body_exact:  # it sends a body it does not show (a command's, read from a file): any
        return True
    declared = hidden.header("Content-Length")
    if declared is None:
        return not shown.body
    return content_length(hidden.headers) == len(shown.body)  # (a plain number: `²` is a digit int() refuses)
