"""JSON request logs: one JSON object per line (after any log prefix) describing a request.

Application request logs (pino, structlog, custom middleware), ECS-shaped logs, nginx/ingress
JSON access logs, container-runtime envelopes and cloud log exports all end here; what request a
record describes is for the generic reconstructor (:mod:`.records`) to say. A line that is not a
JSON object, or names no method and absolute URL, is not a request record and is skipped.

A line that holds no JSON request but ``key=value`` pairs (logfmt: :mod:`.logfmt`) is read as the
record those pairs make, by the same reconstructor. A record that describes no request may name
one in its message's words (:mod:`.record_mentions`).

nginx writes ``\\xHH`` escapes into JSON when its ``log_format`` lacks ``escape=json``; such a
line is read with those escapes taken as the bytes they stand for, so its body is still exact.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
from typing import Any, Callable, Iterable, Iterator

from keyaudit.model.exchange import Exchange, Origin
from keyaudit.rulebook.header_names import NO_RECORD_HEADERS, RecordHeaders

from .lines import python_literal
from .batches import Spot, requests_in
from .change_rows import holds, unsent
from .cut_records import count_cut
from .dump_table import outer_marks
from .envelopes import HeldTexts
from .literals import literal_record
from .logfmt import logfmt_record, pairs_after_request
from .message_templates import event_view
from .open_brackets import OpenBrackets
from .parse_failures import Reading
from .record_mentions import mentioned_in
from .record_starts import printed_in
from .record_views import role
from .quoted import doubled
from .records import METHOD, json_list, json_object, request_of
from .same_request import SPAN

# A tracing span's fields before an event's message, as Rust's tracing-subscriber writes them (`request{method=POST
# uri=… headers={…}}: target: message`): a name, then `key=value` fields in braces, then `: `. A map read there is the
# span's, written before every event of its call (same_request folds its repeats), not a record of its own.
_SPAN_OPENING = re.compile(r"(?<![\w{])[a-z_]\w*\{\w+=")
_SPAN_CLOSE = "}: "

_NGINX_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\x([0-9A-Fa-f]{2})")
_DECODER = json.JSONDecoder()
MAX_REPR_CHARS = 256 << 10  # a Python repr longer than this is not evaluated
# The options object a client's method is given, printed after the call it is given to (MongoDB Atlas'
# `context.http.post {url, headers, body}`, NetSuite's `https.post(options)`): a member named for a method, right
# before the object, says the method the object does not.
_CALLED = re.compile(r"(?i)\w\.(post|put|patch|delete)\W{0,2}$")
MAX_INNER_TRIES = 8  # places on a line where a request record may begin, tried when the first is none


def parse_record(text: str) -> tuple[Any, bool, int] | None:
    """The JSON value on a line (after any log prefix): its first object, or the array the line
    is; whether nginx ``\\xHH`` escapes had to be read as bytes; and where it ends in ``text``
    (-1 when it was read from another form of the line). None when the line holds neither."""
    stripped = text.lstrip()
    if stripped.startswith("["):  # an array of records, or a log prefix in brackets: ``[2026-11-30 …] {…}``
        found = _decoded(text, len(text) - len(stripped))
        if found is not None and isinstance(found[0], list):
            return found[0], False, found[1]
    start = text.find("{")
    if start < 0:
        return None
    found = _decoded(text, start)
    if found is not None:
        return found[0], False, found[1]
    record: Any = None
    latin1 = "\\x" in text
    if latin1:
        record = (_decoded(_nginx_unescaped(text), start) or (None,))[0]
    if record is None and "{'" in text:
        record, latin1 = _python_repr(_repr_text(text, start)), False
    return (record, latin1, -1) if isinstance(record, (dict, list)) else None


def _repr_text(text: str, start: int) -> str:
    """The Python repr that begins at ``text[start]``: where a JSON string opens right before it, the text the
    string holds, its JSON escapes undone first (a repr kept as a JSON field's value, Celery's `kwargsrepr` as
    Flower's task API gives it: the field's `\\\\n` is the repr's `\\n`, a line feed in the body, not a
    backslash and an `n`) when that string holds the whole repr (to its closing brace: a repr merely put between
    quotes, its values holding quotes of their own, ends no JSON string there); else the line up to its last brace."""
    if text[start - 1 : start] == '"':
        literal = (_decoded(text, start - 1) or (None,))[0]
        if isinstance(literal, str) and literal.rstrip().endswith("}"):
            return literal
    return text[start : text.rfind("}") + 1]


def _python_repr(text: str) -> Any:
    """A Python dict repr (``{'method': 'POST', 'body': b'…'}``, as ``logging`` prints a
    ``requests`` call's fields), read as a literal: no code runs. A longer one than the bound is
    not read, and said to be (its text, not its place, tells it from others: none is known here)."""
    if len(text) <= MAX_REPR_CHARS:
        return python_literal(text)
    count_cut(("repr", hash(text)))
    return None


def _decoded(text: str, start: int) -> tuple[Any, int] | None:
    """The JSON value that starts at ``text[start]`` and where it ends, or None."""
    try:
        return _DECODER.raw_decode(text, start)
    except (ValueError, RecursionError):
        return None


def _following(text: str, end: int) -> Iterator[tuple[Any, int]]:
    """The JSON values written after ``text[:end]`` on a line, one after another (separated by
    blanks or commas), as a logger that writes no line break leaves them; each with where it starts."""
    while True:
        while end < len(text) and text[end] in " \t,":
            end += 1
        if text[end : end + 1] not in ("{", "["):
            return
        start, found = end, _decoded(text, end)
        if found is None:
            return
        value, end = found
        yield value, start


def _nginx_unescaped(text: str) -> str:
    return _NGINX_ESCAPE.sub(lambda match: f"{match.group(1)}\\u00{match.group(2)}", text)


def _inner_records(text: str) -> Iterator[dict[str, Any]]:
    """The JSON objects that begin at each ``{`` of the line, at most :data:`MAX_INNER_TRIES`
    tried, each also as a string literal's text when a quote opens before it: a record printed
    inside another structure (Fluent Bit's ``[[time, {}], {"log"=>"{…}"}]``)
    or as a quoted string (Logstash's rubydebug ``"message" => "{\\"method\\":…}"``; a CSV export's cell, its
    quotes doubled: Kibana's ``"{""method"":…}"``), or a list of records it holds first (a job's arguments)."""
    start = text.find("{")
    for _ in range(MAX_INNER_TRIES):
        if start < 0:
            return
        opening = start - 1 if text[start - 1 : start] == '"' else start - 2 if text[start - 2 : start] == '"[' else -1
        if opening >= 0:  # a string literal holding the record, escaped, or its quotes doubled
            literal = (_decoded(text, opening) or (None,))[0]
            found = _held_record(literal) if isinstance(literal, str) else None
            if found is None and (cell := doubled(text, opening)) is not None:
                found = _held_record(cell)
            if found is not None:
                yield found
        found = (_decoded(text, start) or (None,))[0]
        if isinstance(found, dict):
            yield found
        start = text.find("{", start + 1)


def _held_record(literal: str) -> dict[str, Any] | None:
    """The record a string holds whole, or the first of a list of them it holds whole."""
    found = json_object(literal)
    if found is None and literal[:1] == "[":
        found = next((item for item in json_list(literal) or () if isinstance(item, dict)), None)
    return found


def exchanges(lines: Iterable[tuple[int, str]], path: str, known: RecordHeaders = NO_RECORD_HEADERS,
              held: HeldTexts | None = None) -> Iterator[Exchange]:
    """Every request record among the lines: each record of the line's JSON (its first object
    or array, and any written after it on the line; each record of a batch), else one after
    the first ``{`` that names a request, else the record of the line's logfmt pairs. ``known``:
    the header names the rules know; ``held``: what the lines' texts hold as envelopes, as far as worked out (a record
    a JSON string holds after the call it is given to, which names its method, is read as the line's: an App Services
    log's `logs` item; a string's record that names its own method is the reader of records over lines' to read)."""
    held = HeldTexts() if held is None else held
    printed = printed_in(path)
    outer = outer_marks()
    for number, text in lines:
        if any(mark in text for mark in outer):
            continue  # a record of what a handler around a client logs first: the client's is the request sent
        origin = Origin(path, number, capture="jsonlog")
        found = False
        parsed = parse_record(text) if "{" in text else None
        if "{" in text:
            for exchange in _line_requests(text, parsed, origin, known):
                found = True
                yield exchange
            if not found:
                unsent_rows = unsent(parsed[0], known.changes) if parsed is not None and any(
                    kind in text for kind in known.changes.quoted_kinds) else []  # (a look at C speed first)
                records = (record for record in _inner_records(text) if not holds(record, unsent_rows)) \
                    if unsent_rows else _inner_records(text)  # (see .change_rows)
                exchange = next(filter(None, (request_of(event_view(record), origin, False, known)
                                              for record in records)), None)
                found = exchange is not None
                if exchange is not None:
                    yield exchange
        if found:  # (most lines read: the readers below read only a line no record of which is a request)
            continue
        reading = Reading(text)  # of the maps other languages printed (the readers below parse the same)
        line = _UnhungLine(text, reading)
        if printed and (literal := line.read(literal_record)) is not None:
            span = _SPAN_CLOSE in text and _SPAN_OPENING.search(text) is not None
            exchange = request_of(event_view(literal), dataclasses.replace(origin, capture=SPAN if span else "literal"),
                                  False, known)
            found = exchange is not None
            if exchange is not None:
                yield exchange
        # a logfmt request names its method (`method=`, `req.method=`, `http_method=`), or a message names it before
        # its pairs (`POST https://… headers=`): the markers' tests
        if not found and ("ethod=" in text or pairs_after_request(text)) \
                and (pairs := line.read(logfmt_record)) is not None:
            exchange = request_of(pairs, dataclasses.replace(origin, capture="logfmt"), False, known)
            found = exchange is not None
            if exchange is not None:
                yield exchange
        inner_text = held[text] if not found and '\\"' in text else None
        if inner_text is not None and len(inner_text) < len(text) and _called(inner_text) is not None:
            inner = list(exchanges([(number, part) for part in inner_text.split("\n")], path, known, held))
            found = bool(inner)
            yield from inner
        if not found and (" http" in text or '\\"http' in text) \
                and (mention := _mention(text, parsed, origin, reading)) is not None:
            yield mention  # the mention shapes' needles: a blank, or a quote escaped in a value, before the URL's scheme


class _UnhungLine:
    """A line as the readers of one-line records (a map another language printed,
    :func:`.literals.literal_record`; logfmt pairs, :func:`.logfmt.logfmt_record`) read it: before
    any bracket it opens and does not close (see :meth:`.OpenBrackets.hanging`, asked once a line).
    A map or pairs inside a record that hangs over the lines below (Camel's ``Exchange[Headers: {…},
    …, Body: {``, Armeria's ``{…, headers=[…], contentPreview={`` and the body's lines) are a part of
    that record, which the reader of records over lines (:mod:`.json_blocks`) reads whole."""

    def __init__(self, text: str, reading: Reading) -> None:
        self._text, self._reading = text, reading

    @functools.cached_property
    def _hanging(self) -> int | None:
        return OpenBrackets().hanging(self._text)  # a window's brackets are the block reader's: this line's alone

    def read(self, reader: Callable[[str, Reading | None], dict[str, Any] | None]) -> dict[str, Any] | None:
        """What ``reader`` makes of the line before its hanging bracket (of all of it, with its reading, where none)."""
        at = self._hanging
        return reader(self._text, self._reading) if at is None else reader(self._text[:at], None)


def _mention(text: str, parsed: tuple[Any, bool, int] | None, origin: Origin, reading: Reading) -> Exchange | None:
    """The request the message of the line's JSON record (``parsed``), or of its logfmt pairs,
    names in passing (:mod:`.record_mentions`): a logfmt value holding blanks is quoted."""
    if parsed is not None and isinstance(parsed[0], dict):
        record = parsed[0]
    else:
        record = logfmt_record(text, reading) if '="' in text else None
    return mentioned_in(record, origin) if record is not None else None


def _called(text: str) -> re.Match[str] | None:
    """The call the text names right before its first object (see :data:`_CALLED`), or None."""
    return _CALLED.search(text, 0, max(text.find("{"), 0))


def _line_requests(text: str, parsed: tuple[Any, bool, int] | None, origin: Origin,
                   known: RecordHeaders) -> Iterator[Exchange]:
    """The requests of the line's JSON (``parsed``: see :func:`parse_record`); of an object that names no method,
    the method the call printed right before it names (see :data:`_CALLED`)."""
    if parsed is None:
        return
    record, latin1, end = parsed
    found = False
    start = len(text) - len(text.lstrip()) if isinstance(record, list) else text.find("{")
    spot = Spot(text, lambda: start) if end >= 0 else None
    for exchange in requests_in(event_view(record) if type(record) is dict else record, origin, latin1, known=known,
                                spot=spot):
        found = True
        yield exchange
    called = _called(text) if not found and type(record) is dict else None
    if called is not None and not any(role(key) in METHOD for key in record):
        yield from requests_in({"method": called.group(1).upper(), **record}, origin, latin1, known=known)
    if end >= 0:
        for value, at in _following(text, end):
            yield from requests_in(value, origin, known=known, spot=Spot(text, lambda at=at: at, apart=True))
