"""One reader for the requests HTTP clients write as text: a start line, header lines, a body.

Raw HTTP/1.1 text, curl ``-v`` and libcurl's verbose output, Go's ``DumpRequestOut``, Guzzle,
OkHttp, Feign, Faraday and .NET's ``HttpClient`` logging all write a request that way (httpx and
Spring write the start line alone, Spring with the headers on it); what differs is the start
line's mark, what each line begins with, how the block ends and how the body's length is told.
Those are data (:mod:`.dump_shapes`, one entry a library), so a client library's debug output is
a few lines there, not a parser.

The log prefix before each line (timestamps, thread ids, logger names) is learned from the start
line: whatever comes before its match, with digits and log levels free to differ
(:class:`~.log_prefix.Prefix`). Text logs lost their line endings, so a body is exact only where a declared
length confirms it (see :class:`~.lines.BodyLines`). Only the request being read is held, so a
log of any size streams.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Callable, Iterator

from keyaudit.model.exchange import REQUEST_SPAN_LINES, Exchange, Origin

from .dump_shapes import SHAPES
from .log_prefix import Prefix, learned_prefix
from .lines import (HTTP_METHODS, MAX_HEADERS, TOKEN, BodyLines, absolute_url, content_length, header_value,
                    make_exchange, split_header)

BODY_KINDS = frozenset({"none", "length", "end", "rest"})
HEADER_KINDS = frozenset({"plain", "quoted", "aligned", "none"})
# Spring's HttpHeaders.toString(): [Name:"value", Other:"one", "two"] (the first value is kept)
_INLINE_HEADER = re.compile(rf'(?:^\[|, )({TOKEN}):"((?:[^"\\]|\\.)*)"')
_KEYS = frozenset({"capture", "needle", "start", "lines", "headers", "ignore", "end", "cut", "body", "others", "alone"})
_QUOTED_HEADER = re.compile(rf'({TOKEN}): "(.*)"[ \t]*')
# The value's trailing blanks are cut after the match: a lazy value before `[ \t]*` would read a
# run of blanks again from each of its places.
_ALIGNED_HEADER = re.compile(rf"[ \t]*({TOKEN})[ \t]*:[ \t]*(.*)")
_RUBY_ESCAPE = re.compile(r"\\(.)")
_RUBY_CHARS = {"n": "\n", "t": "\t", "r": "\r", "e": "\x1b"}
WRITTEN_CRLF = "\\r\\n"  # a line end written out as its two escapes


@dataclass(frozen=True)
class Shape:
    """How one library writes a request (the keys are described in :mod:`.dump_shapes`)."""

    capture: str
    needle: str
    start: re.Pattern[str]
    body: str
    skip_others: bool
    lines: str = ""
    headers: str = "plain"
    alone: bool = True  # a start line without a header after it is a request (headers unknown)
    ignore: re.Pattern[str] | None = None
    end: re.Pattern[str] | None = None
    cut: re.Pattern[str] | None = None


def _shape(entry: dict[str, str]) -> Shape:
    unknown = set(entry) - _KEYS
    if (unknown or entry.get("body") not in BODY_KINDS or entry.get("others") not in ("skip", "end")
            or entry.get("headers", "plain") not in HEADER_KINDS
            or entry.get("alone", "request") not in ("request", "none")):
        raise ValueError(f"dump table: entry {entry.get('capture')!r}: unknown keys {sorted(unknown)}, or a body, "
                         f"headers, others or alone value that is not one of {sorted(BODY_KINDS)}, "
                         f"{sorted(HEADER_KINDS)}, skip / end, request / none")
    optional = {key: re.compile(entry[key]) for key in ("ignore", "end", "cut") if key in entry}
    return Shape(entry["capture"], entry["needle"], re.compile(entry["start"]), entry["body"],
                 entry["others"] == "skip", entry.get("lines", ""), entry.get("headers", "plain"),
                 alone=entry.get("alone", "request") == "request", **optional)


@functools.cache
def shapes() -> tuple[Shape, ...]:
    """The shapes of the table (:mod:`.dump_shapes`), in the order their start lines are tried."""
    return tuple(_shape(entry) for entry in SHAPES)


_Start = tuple[str, Callable[[str], "re.Match[str] | None"], Shape]


@functools.cache
def _gates() -> tuple[tuple[str, tuple[_Start, ...]], ...]:
    """The shapes in table order, in runs that share a gate: the shortest needle inside each one's
    needle (`--> ` for Feign's `---> `). A line without the gate is not tried against the run:
    most lines hold no needle at all, and this looks for fewer."""
    needles = [shape.needle for shape in shapes()]
    runs: list[tuple[str, list[_Start]]] = []
    for shape in shapes():
        gate = min((needle for needle in needles if needle in shape.needle), key=len)
        if not runs or runs[-1][0] != gate:
            runs.append((gate, []))
        runs[-1][1].append((shape.needle, shape.start.search, shape))
    return tuple((gate, tuple(starts)) for gate, starts in runs)


@dataclass
class _Request:
    shape: Shape
    line: int
    method: str
    url: str | None  # absolute, or None: the target joined to the Host header
    target: str
    prefix: Prefix
    message: bool | None = None  # later lines bare (one multi-line log message); None: not yet known
    headers: list[tuple[str, str]] = field(default_factory=list)
    head_closed: bool = False  # a blank line or the end line closed the header block
    body: BodyLines | None = None
    open_brackets: int = 0  # of a `rest` body read so far: a JSON body not yet closed goes on bare
    eol: str = ""  # the line end the head's lines are written with (ngrep's `.`), taken off each


class DumpReader:
    """Every shape of the table in one pass: at most one request is read at a time, and a
    start line of any shape ends the request before it."""

    capture = "dump"

    def __init__(self, path: str) -> None:
        self.path = path
        self._gates = _gates()
        self._current: _Request | None = None

    def feed(self, number: int, text: str) -> Iterator[Exchange]:
        started = self._started(number, text)
        current = self._current
        if current is not None and (started is not None or number - current.line >= REQUEST_SPAN_LINES):
            self._current = None
            yield from self._finish(current)
        if started is not None and (started.shape.headers == "none" or started.head_closed):  # all on the start line
            yield from self._finish(started)
        elif started is not None:
            self._current = started
        elif current is not None and self._current is current:
            yield from self._next_line(current, text)

    @property
    def busy(self) -> bool:
        """Whether a request is being read: the lines after it may still belong to it."""
        return self._current is not None

    def close(self) -> Iterator[Exchange]:
        if self._current is not None:
            current, self._current = self._current, None
            yield from self._finish(current)

    def _started(self, number: int, text: str) -> _Request | None:
        for gate, starts in self._gates:
            if gate not in text:
                continue
            for needle, search, shape in starts:
                if needle not in text or (match := search(text)) is None or match.group("method") not in HTTP_METHODS:
                    continue
                groups = match.groupdict()
                started = _Request(shape, number, match.group("method"), groups.get("url"), groups.get("target") or "",
                                   learned_prefix(text[: match.start()]))
                if groups.get("headers"):  # the headers written on the start line itself
                    started.headers = [(name, value.replace('\\"', '"'))
                                       for name, value in _INLINE_HEADER.findall(groups["headers"])][:MAX_HEADERS]
                    started.head_closed = True
                elif groups.get("flat"):  # the whole request on the line, its line breaks made blanks (or `..`)
                    started.headers = _flat_headers(groups["flat"], ".." if groups.get("gap") == ".." else " ")
                    started.head_closed = True
                started.eol = groups.get("eol") or ""
                return started
        return None

    def _next_line(self, current: _Request, text: str) -> Iterator[Exchange]:
        """Where the line stands to the request: one of its lines (with or without the log
        prefix), the next record of the same log, or another logger's line."""
        shape = current.shape
        if shape.ignore is not None and shape.ignore.match(text):
            return
        # a blank line inside one multi-line message is its own (the header block's end), not the next record
        rest = current.prefix.rest(text) if text.strip() or not current.message else None
        if rest is not None and not current.prefix.blank and current.message:
            self._current = None  # the multi-line message ended: a new record of the same log
            yield from self._finish(current)
            return
        if rest is not None:
            current.message = False if not current.prefix.blank else current.message
            if not rest.startswith(shape.lines):
                self._current = None
                yield from self._finish(current)
                return
            yield from self._take(current, rest[len(shape.lines):])
        elif self._bare_line_belongs(current, bare := _after(text, shape.lines)):
            yield from self._take(current, bare)
        elif not shape.skip_others:
            self._current = None
            yield from self._finish(current)

    @staticmethod
    def _bare_line_belongs(current: _Request, text: str) -> bool:
        """Whether a line without the prefix is the request's: the request is one multi-line
        message, or the line is a header of a header block logged as one message, or a line of a
        body that an end line bounds, or of one whose declared length is not reached yet (a body
        printed as one write, the prefix on its first line only: requests-toolbelt's dump). The
        first line after the start decides, for the rest of the request, whether it is one
        message: it is when that line is a bare header or blank line."""
        if current.message:
            return True
        body = current.body
        header = body is None and _header(current.shape, text.rstrip("\r")) is not None
        if current.message is None and (header or (body is None and not text.strip())):
            current.message = True
            return True
        return header or (body is not None and (current.shape.body == "end" or current.open_brackets > 0
                                                or (body.expected is not None and not body.complete)))

    def _take(self, current: _Request, line: str) -> Iterator[Exchange]:
        """One more line of the request, without its prefixes."""
        shape = current.shape
        if shape.ignore is not None and shape.ignore.match(line):
            return
        end = shape.end.match(line) if shape.end is not None else None
        if end is not None or (shape.cut is not None and shape.cut.match(line)):
            self._current = None
            yield from self._finish(current, end)
        elif current.body is None:
            line = line.rstrip("\r")
            if current.eol and not line.endswith(current.eol):
                return  # the printer's own annotation between the head's lines (Wireshark's fields)
            yield from self._head_line(current, line.removesuffix(current.eol) if current.eol else line)
        elif shape.body == "length" and current.body.expected is None and not line.strip():
            self._current = None
            yield from self._finish(current)
        else:
            current.body.add(line)
            if shape.body == "rest":
                current.open_brackets = _brackets(line, current.open_brackets)
            if shape.body == "length" and (current.body.complete or current.body.overflow):
                self._current = None
                yield from self._finish(current)

    def _head_line(self, current: _Request, line: str) -> Iterator[Exchange]:
        shape = current.shape
        header = _header(shape, line) if line.strip() else None
        if header is not None:
            if len(current.headers) < MAX_HEADERS:
                current.headers.append(header)
            return
        if not line.strip():
            current.head_closed = True
            expected = content_length(current.headers) if shape.body == "length" else None
            # a head whose CR LF is written out (`\r\n`) was rendered by a printer, whose body is
            # rendered too (Wireshark's JSON tree, its lines ending `\n`): never the bytes sent
            if shape.body != "none" and current.eol != WRITTEN_CRLF:
                current.body = BodyLines(expected)
                if expected != 0:  # a declared empty body is complete already
                    return
        elif shape.body == "rest":  # the body's message follows the headers' without a blank line
            current.body = BodyLines()
            current.body.add(line)
            current.open_brackets = _brackets(line, 0)
            return
        elif shape.body == "end":  # another line of the same logger before the block's end: passed over
            return
        self._current = None
        yield from self._finish(current)

    def _finish(self, current: _Request, end: re.Match[str] | None = None) -> Iterator[Exchange]:
        shape, body = current.shape, None
        if not shape.alone and not current.headers:
            return
        if current.body is not None:
            size = end.groupdict().get("size") if end is not None else None
            if shape.body == "end":
                current.body.expected = int(size) if size else None
            elif shape.body == "rest":
                current.body.drop_trailing_blanks()
            if shape.body != "end" or size:
                body = current.body.value()
        # Only a closed header block, or one that showed a header where the shape has no end line
        # to close it, says which headers were sent: a request line alone, or an OkHttp block cut
        # short, does not make a request unsigned.
        known = current.head_closed or end is not None or (shape.end is None and bool(current.headers))
        url = current.url or absolute_url(current.target, header_value(current.headers, "Host"))
        exchange = make_exchange(current.method, url, current.headers, body,
                                 Origin(self.path, current.line, capture=shape.capture), headers_known=known)
        if exchange is not None:
            yield exchange


# A header of a request flattened onto one line: its value runs to the next `Name: ` or to the
# body (a JSON document after a blank; after `....`, the blank line's CR LF, where the line breaks
# became `..`); names are letters, digits, `_` and `-` only, so a value's own colons (a time, a URL)
# do not split it. The text's trailing blanks are cut first: a lazy value looking ahead for `\s*$`
# would read a run of blanks again from each of its places.
_FLAT_HEADER = {" ": re.compile(r"([A-Za-z][\w-]*): (.*?)(?= [A-Za-z][\w-]*: | [{\[]|$)"),
                "..": re.compile(r"([A-Za-z][\w-]*): (.*?)(?=\.\.[A-Za-z][\w-]*: |\.\.\.\.|(?:\.\.)?$)")}


def _flat_headers(text: str, gap: str) -> list[tuple[str, str]]:
    """The header fields at the start of ``text``, one after another, ``gap`` between them; the
    body after them is not kept (its line breaks are lost, so it is not the bytes sent)."""
    headers: list[tuple[str, str]] = []
    position, text, header = 0, text.rstrip(), _FLAT_HEADER[gap]
    while len(headers) < MAX_HEADERS and (match := header.match(text, position)) is not None:
        headers.append((match.group(1), match.group(2)))
        position = match.end() + len(gap)
    return headers


def _after(text: str, lines: str) -> str:
    """A line without the prefix every line of the shape holds, where it holds it."""
    return text[len(lines):] if lines and text.startswith(lines) else text


def _header(shape: Shape, line: str) -> tuple[str, str] | None:
    """A header line as the shape writes it: ``Name: value``, ``Name: "value"`` unquoted, or
    aligned (indented, blanks before the colon: a table a printer lined up)."""
    if shape.headers == "aligned":
        match = _ALIGNED_HEADER.fullmatch(line)
        return (match.group(1), match.group(2).rstrip(" \t")) if match else None
    if shape.headers != "quoted":
        return split_header(line)
    match = _QUOTED_HEADER.fullmatch(line)
    if match is None:
        return None
    value = _RUBY_ESCAPE.sub(lambda escape: _RUBY_CHARS.get(escape.group(1), escape.group(1)), match.group(2))
    return match.group(1), value


# A string runs to its closing quote, or to the line's end when it is never closed: a string
# pattern that had to close would read the rest of the line again from each of its quotes.
_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*(?:"|\\?\Z)|[][{}]')


def _brackets(line: str, depth: int) -> int:
    """How many JSON objects and arrays are open after ``line`` (strings passed over; a JSON
    string never spans lines): a body written as one log message over several lines, its later
    lines without the log prefix, goes on while its document is open — and a bare line after it
    closed is another program's."""
    for token in _JSON_TOKENS.findall(line):
        if token in "{[":
            depth += 1
        elif token in "]}":
            depth = max(depth - 1, 0)
    return depth
