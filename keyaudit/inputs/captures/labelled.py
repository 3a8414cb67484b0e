"""One reader for the requests loggers write as labelled fields: the text sibling of the
structured-record reconstructor (:mod:`.records`).

A record names a request's parts by its members' names; a line of text can name them by a label
before the value — ``Request method:``, ``Request URI:``, ``Headers:``, ``Body:`` (REST Assured),
``METHOD:``, ``-> Name: value``, ``BODY START`` (Ktor), ``Endpoint request URI:`` (API Gateway),
``"…, headers=[…], payload=…"`` (Spring's request filter), an HTTP/2 field list whose
pseudo-headers are the method, path and authority (Go's ``http2debug``). What differs between
libraries is the labels' wording, not what they say, so each library is a few labels in
:mod:`.label_shapes` and this reader puts the fields together whatever the wording: a request
begins at a label giving one of its parts, takes the fields that follow (other lines between them
passed over), and ends with its body — or when another request begins, or past a request's span.

Only the request being read is held, so a log of any size streams; the body is the bytes sent
where a declared length confirms it or none is declared (see :class:`~.lines.BodyLines`). One
exception, frame logs: a connection carries several streams at once (HTTP/2 multiplexes its
requests), and its log writes each frame as it is sent, so a request's data frames may come after
other requests' fields. A request whose label lines named its stream (a ``stream`` group: Go's
``wrote HEADERS … stream=3``), interrupted by the next request before any of its data came,
waits for the data frames naming that stream (and connection) for the rest of its span; a data
frame naming another stream than the request being read is never that request's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from keyaudit.model.exchange import REQUEST_SPAN_LINES, Exchange, Origin

from .dump_lines import brackets
from .label_patterns import PARTS, PSEUDO_PARTS, LabelShape, Labels, found_label, indexed, unquoted
from .label_tables import Tables
from .lines import NOTHING, BodyLines, absolute_url, content_length, header_value, make_exchange, to_bytes
from .log_prefix import Prefix, learned_prefix

MAX_WAITING = 64  # requests waiting for their streams' data at once; past it the oldest is read without its data
_SECURE = {"True": "https", "False": "http"}  # a secure flag as the scheme it says


@dataclass
class _Request:
    shape: LabelShape
    line: int
    fed: int = 0  # lines read since the first (its writer's own, where several interleave: see threads.py)
    parts: dict[str, str] = field(default_factory=dict)
    headers: list[tuple[str, str]] = field(default_factory=list)
    headers_known: bool = False
    body: BodyLines | None = None  # begun: the lines it has so far
    body_prefix: Prefix | None = None  # of the line the body began on: a line carrying it is the next record
    indent: str = ""  # before each of the body's lines, not sent
    document: bool | None = None  # the body is a JSON document; None: no line of it yet
    depth: int = 0  # the JSON brackets its lines left open
    data: bytearray | None = None  # the body given in quoted pieces
    whole: bool = True  # the body shown is all of it
    end_marked: bool = False  # the closing or a JSON document's end ended the body: every line read is the body's
    wrapped_at: int = -2  # the line of the last header or of a piece of its value: the next piece's line follows it
    closed: bool = False  # the body ended before the method or the headers came: the request waits for them
    tables: Tables = field(default_factory=Tables)  # which table the rows being read belong to
    stream: tuple[str, str] | None = None  # the connection and stream its frames name, where a label said


def _fields(shape: LabelShape, match: re.Match[str]) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The parts of the request and the headers a label's line gives."""
    groups = match.groupdict()
    parts = {part: groups[part] for part in PARTS if groups.get(part) is not None}
    if "scheme" in parts:  # a flag that says whether the connection is secure (http-client's secure = True)
        parts["scheme"] = _SECURE.get(parts["scheme"], parts["scheme"])
    headers = shape.listed(groups["headers"]) if groups.get("headers") is not None else []
    value = unquoted(groups.get("value") or "", shape.quoted)
    if groups.get("name") is not None:
        headers.append((unquoted(groups["name"], shape.quoted), value))
    elif groups.get("pseudo") in PSEUDO_PARTS:
        parts[PSEUDO_PARTS[groups["pseudo"]]] = value
    return parts, headers


def _wrapped(current: _Request, number: int, headers: list[tuple[str, str]], piece: str | None) -> None:
    """A piece of the last header's value on a row of its own (a printer cut the value at its
    width) goes on that value, where the row comes right after the header's or another piece's."""
    if headers:
        current.wrapped_at = number
    elif piece is not None and current.headers and current.wrapped_at == number - 1:
        current.headers[-1] = (current.headers[-1][0], current.headers[-1][1] + piece)
        current.wrapped_at = number


class LabelReader:
    """Every shape of the label table in one pass; one request read at a time."""

    capture = "labelled"

    def __init__(self, path: str) -> None:
        self.path = path
        self._needles, self._openers, self._own = indexed()
        self._current: _Request | None = None
        self._waiting: dict[tuple[str, str], _Request] = {}  # by stream: requests whose data is still to come

    @property
    def busy(self) -> bool:
        return self._current is not None or bool(self._waiting)

    def close(self) -> Iterator[Exchange]:
        yield from self._end()
        waiting, self._waiting = self._waiting, {}
        for request in waiting.values():
            yield from _exchange(request, self.path)

    def feed(self, number: int, text: str) -> Iterator[Exchange]:
        """What a line completes. Most lines fed are read by no label and come while no request
        is open: they are told apart by one search for the openers' needles, before a generator
        is made."""
        if self._current is None and not self._waiting and self._needles.search(text) is None:
            return NOTHING
        return self._read(number, text)

    def _openers_on(self, text: str) -> Labels:
        """The labels that begin a request whose needle the line holds: only they are tried (a
        line with a common needle, a Bruno block's ` {`, is not tried against every shape)."""
        return tuple(opener for opener in self._openers if opener[0].needle in text)

    def _read(self, number: int, text: str) -> Iterator[Exchange]:
        if self._waiting or (self._current is not None and self._current.stream is not None):
            yield from self._expired(number)
            other = self._other_stream(text)
            if other is not None:
                yield from other
                return
        current = self._current
        if current is not None:
            current.fed += 1
        if current is not None and current.fed >= REQUEST_SPAN_LINES:
            yield from self._end()
            current = None
        found = found_label(self._own[current.shape.capture] if current is not None else self._openers_on(text), text)
        if found is None and current is not None and not current.parts and (found := found_label(
                self._openers_on(text), text)) is not None:
            current = self._current = None  # begun with no part yet (a scenario with no call): another shape's begins
        if current is not None and current.body is not None and not current.closed:
            line = self._body_text(current, text)
            if found is None and line is not None:
                yield from self._body_line(current, line)
                return
            yield from self._body_end(current)  # the body ended before this line (or at it, its end label)
            if found is None:
                return
            if found[2].groupdict().get("end") is not None:
                yield from self._end()
                return
            current = self._current
        if found is None:
            if current is not None and current.shape.others_end:
                if current.body is None and not current.headers_known:
                    self._current = None  # its first line alone is another shape's (OkHttp's `--> POST <url>`)
                yield from self._end()  # another line: the request, written as one print, is over
            elif current is not None and current.shape.head and not text.strip():
                current.tables.blank()
            return
        label, shape, match = found
        parts, headers = _fields(shape, match)
        begins = match.groupdict().get("begin") is not None  # a request begins, its parts to come (a scenario's)
        if current is not None and (begins or not parts.keys().isdisjoint(current.parts)):
            yield from self._interrupted()  # the next request begins
            current = None
        if current is None:
            if not parts and not begins:
                return
            current = self._current = _Request(shape, number)
        current.parts.update(parts)
        groups = match.groupdict()
        if groups.get("stream") is not None and current.stream is None:
            current.stream = (groups.get("connection") or "", groups["stream"])
        headers = current.tables.taken(groups, headers)
        current.headers_known = current.headers_known or (label.names_headers and not current.tables.aside)
        current.headers += headers
        _wrapped(current, number, headers, groups.get("more"))
        yield from self._pieces(current, match, text)
        if current.closed and "method" in current.parts and not current.shape.after:
            yield from self._end()  # the method, the field that was still to come after the body

    def _expired(self, number: int) -> Iterator[Exchange]:
        """The requests that waited for their data for their whole span, read without it."""
        for key in [key for key, request in self._waiting.items() if number - request.line >= REQUEST_SPAN_LINES]:
            yield from _exchange(self._waiting.pop(key), self.path)

    def _other_stream(self, text: str) -> list[Exchange] | None:
        """What a frame of another stream than the request being read gives (see the module): the
        data of the request waiting for that stream, and at its end that request; nothing where
        none waits. None where the line is no such frame."""
        current = self._current
        shapes = {request.shape.capture: request.shape for request in self._waiting.values()}
        if current is not None:
            shapes[current.shape.capture] = current.shape
        for capture in shapes:
            found = found_label(self._own[capture], text)
            groups = found[2].groupdict() if found is not None else {}
            if groups.get("stream") is None:
                continue
            key = (groups.get("connection") or "", groups["stream"])
            waiting = self._waiting.get(key)
            if current is not None and (key == current.stream or (current.stream is None and waiting is None)):
                return None  # the frame of the request being read
            if waiting is None or groups.get("data") is None:
                return []
            _data(waiting, groups)
            if groups.get("end") is None:
                return []
            del self._waiting[key]
            return list(_exchange(waiting, self.path))
        return None

    def _interrupted(self) -> Iterator[Exchange]:
        """The request being read meets the next one's fields: one bound to a stream whose data
        has not come waits for it (see the module); any other is over."""
        current = self._current
        if current is None or current.stream is None or current.data is not None or current.body is not None:
            yield from self._end()
            return
        self._current = None
        self._waiting[current.stream] = current
        if len(self._waiting) > MAX_WAITING:
            yield from _exchange(self._waiting.pop(next(iter(self._waiting))), self.path)

    def _pieces(self, current: _Request, match: re.Match[str], text: str) -> Iterator[Exchange]:
        """What a label's line says of the body: it begins (on this line or the next), a piece of
        it, or the request's end."""
        groups = match.groupdict()
        _data(current, groups)
        if groups.get("end") is not None:
            yield from self._end()
        elif groups.get("body") is not None:
            current.body = BodyLines(content_length(current.headers))
            current.body_prefix = learned_prefix(text[: match.start()])
            margin = text[: len(text) - len(text.lstrip(" \t"))]  # the label line's indentation
            current.indent = margin if current.shape.margin else current.shape.indent
            if groups["body"]:
                yield from self._body_line(current, groups["body"])

    @staticmethod
    def _body_text(current: _Request, text: str) -> str | None:
        """A line's text as a line of the body, or None where it is the next record of the log
        the body was written to, which ends a body no end label or closing bounds: a line
        carrying the prefix of the body label's line — or, where the shape is ``lined`` (each
        line a print of its own, behind the prefix), a line not carrying it."""
        prefix = current.body_prefix
        if prefix is None or prefix.blank:
            return text
        rest = prefix.rest(text)
        if current.shape.lined:
            return rest
        return text if rest is None else None

    def _body_line(self, current: _Request, text: str) -> Iterator[Exchange]:
        """One more line of the body; the request ends where the body does."""
        body, shape = current.body, current.shape
        assert body is not None
        if current.document is None and text.strip():
            current.document = text.lstrip()[:1] in ("{", "[")
        stripped = text.rstrip()
        if shape.close and stripped.endswith(shape.close):
            inside = stripped[: len(stripped) - len(shape.close)]
            if not current.document or brackets(inside, current.depth) == 0:
                body.add(inside.removeprefix(current.indent))
                current.end_marked = True
                yield from self._body_end(current)
                return
        if not text.strip() and not current.document and not shape.ended:
            yield from self._body_end(current)  # a blank line ends a body that is no JSON document
            return
        body.add(text.removeprefix(current.indent))
        current.depth = brackets(text, current.depth)
        current.end_marked = bool(current.document) and current.depth == 0  # a JSON document closed
        if not shape.ended and (current.end_marked or body.complete or body.overflow):
            yield from self._body_end(current)

    def _body_end(self, current: _Request) -> Iterator[Exchange]:
        """The body is over: so is the request, unless its method is still to come (Moya logs
        `HTTP Request Method` after the body) or its shape writes the headers after the body
        (Fuel); then it waits for them, as long as no other request begins and its span lasts."""
        if ("method" in current.parts or current.shape.unsaid) and not current.shape.after:
            yield from self._end()
        else:
            current.closed = True

    def _end(self) -> Iterator[Exchange]:
        """The request being read, done."""
        current, self._current = self._current, None
        if current is not None:
            yield from _exchange(current, self.path)


def _data(current: _Request, groups: dict[str, str | None]) -> None:
    """A piece of the body a label's line gives (a data frame's), and whether it is cut."""
    if groups.get("data") is not None:
        current.data = (current.data or bytearray()) + to_bytes(unquoted(groups["data"], current.shape.quoted))
    if groups.get("cut") is not None:
        current.whole = False


def _exchange(current: _Request, path: str) -> Iterator[Exchange]:
    """The request ``current`` read, as an exchange where it is one."""
    parts, headers = current.parts, current.tables.sent(current.headers)
    if "method" not in parts and not current.shape.unsaid:
        return
    url = parts.get("url") or absolute_url(parts.get("target", ""), parts.get("host") or header_value(headers, "Host"),
                                            parts.get("scheme"))
    body: bytes | None = None
    if current.data is not None:
        expected = content_length(headers)
        body = bytes(current.data) if expected in (None, len(current.data)) else None
    elif current.body is not None:
        current.body.drop_trailing_blanks()
        body = current.body.value(end_marked=current.end_marked or current.shape.ended)
    method = parts.get("method") or (current.shape.unsaid if body or current.data or current.body and current.body.lines
                                     else "GET")
    exchange = make_exchange(method, url, headers, body if current.whole else None,
                             Origin(path, current.line, capture=current.shape.capture),
                             headers_known=current.headers_known)
    if exchange is not None:
        yield exchange
