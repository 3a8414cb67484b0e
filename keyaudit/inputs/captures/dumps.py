"""One reader for the requests HTTP clients write as text: a start line, header lines, a body.

Raw HTTP/1.1 text, curl ``-v`` and libcurl's verbose output, Go's ``DumpRequestOut``, Guzzle, OkHttp, Feign, Faraday
and .NET's ``HttpClient`` logging all write a request that way (httpx and Spring write the start line alone, Spring
with the headers on it); what differs is the start line's mark, what each line begins with, how the block ends and
how the body's length is told. Those are data (:mod:`.dump_shapes`, one entry a library), so a client library's
debug output is a few lines there, not a parser.

The log prefix before each line (timestamps, thread ids, logger names) is learned from the start line: whatever
comes before its match, with digits and log levels free to differ (:class:`~.log_prefix.Prefix`). Text logs lost
their line endings, so a body is exact only where a declared length confirms it (:class:`~.lines.BodyLines`); a
request begun in a text of several lines one line held (a quoted value, a message) ends with it
(:meth:`~.dump_request.DumpRequest.ended_before`). Only the request being read is held: a log of any size streams.
"""

from __future__ import annotations

import re
from collections import deque
from typing import Iterator

from keyaudit.model.exchange import REQUEST_SPAN_LINES, Exchange, Origin

from .cut_records import count_cut
from .dump_lines import (FLAT_GAPS, RULE_LINE, WRITTEN_CRLF, at_authority, chunk_size_line, cr_escaped, flat_headers,
                         header_line, inspected_head, printed_headers, printed_parts, quoted_list, sent_lines,
                         unquoted_values, written_back)
from .dump_request import DumpRequest, written_body
from .dump_table import Shape, any_gate, gates
from .elision import ELISION
from .log_prefix import PADDED_RECORD_HEAD, learned_prefix, starts_record
from .lines import (HTTP_METHODS, MAX_HEADERS, VIA_LINES, BodyLines, absolute_url, content_length,
                    header_value, make_exchange)
_PORT_SCHEMES = {"80": "http", "http": "http", "443": "https", "https": "https"}
_PADDED_HEAD = re.compile(PADDED_RECORD_HEAD)  # a record's head on a line of its own, its message padded under it


class DumpReader:
    """Every shape of the table in one pass: at most one request is read at a time, and a
    start line of any shape ends the request before it."""

    capture = "dump"

    def __init__(self, path: str) -> None:
        self.path = path
        self._gates, self._any_gate = gates(), any_gate()
        self._current: DumpRequest | None = None
        # the last lines fed between requests: one may say where the next request went
        self._between: deque[tuple[int, str]] = deque(maxlen=VIA_LINES)

    def feed(self, number: int, text: str) -> Iterator[Exchange]:
        if self._current is not None and self._current.ended_before(number):
            yield from self._ended(self._current)
        started = self._started(number, text)
        current = self._current
        if started is not None and current is not None and started.shape.mention and not current.shape.mention:
            started = None  # named in passing inside a dump: its line (a mention's parts name none: one is its own)
        if current is not None:
            current.fed += 1
        if current is not None and (started is not None or current.fed >= REQUEST_SPAN_LINES):
            if started is None and not current.head_closed:  # a head longer than a request's span: read in part
                current.passed = True
                count_cut(("dump", current.line))
            yield from self._ended(current)
        if started is not None and (started.shape.headers == "none" or started.head_closed):  # all on the start line
            yield from self._finish(started)
        elif started is not None:
            self._current = started
        elif current is not None and self._current is current:
            yield from self._next_line(current, text)
        # a line outside a request, or one that names a request while none is read (a packet's
        # summary line, `… 10.0.5.20.80: … HTTP: POST /v1/… HTTP/1.1`): it may say where the next went
        if (started is None and self._current is None) or (started is not None and current is None):
            self._between.append((number, text))

    def _scheme(self, shape: Shape, number: int, prefix: str) -> str | None:
        """The scheme the start line's ``prefix`` or a line fed shortly before the start line
        ``number`` says the request went by (a packet's destination port, however many zeros pad
        it: tcpflow's file names write five digits, `…081.00080`), nearest first; None where none says."""
        if shape.via is None:
            return None
        for before, text in [(number, prefix), *reversed(self._between)]:
            if number - before <= VIA_LINES and (found := shape.via.search(text)) is not None:
                return _PORT_SCHEMES.get(found.group("port").lstrip("0"))
        return None

    def _prefix(self, number: int, text: str, match: re.Match[str]) -> str:
        """The log prefix of the request's lines: what its start line holds before the start, but
        under a record's head whose message a logger pads (:data:`.log_prefix.PADDED_RECORD_HEAD`)
        the padding alone — what the message's first line holds after it (its own words before the
        request it prints, `payout refused: `) is the message's, and its other lines lack it."""
        before = text[: match.start()]
        if before[:1].isspace() and self._under(_PADDED_HEAD, number):
            return before[: len(before) - len(before.lstrip())]
        return before

    def _under(self, above: re.Pattern[str], number: int) -> bool:
        """Whether the line fed right before the start line ``number`` is the one ``above`` finds."""
        return bool(self._between) and self._between[-1][0] == number - 1 and above.search(self._between[-1][1]) is not None

    @property
    def busy(self) -> bool:
        """Whether a request is being read: the lines after it may still belong to it."""
        return self._current is not None

    def close(self) -> Iterator[Exchange]:
        if self._current is not None:
            current, self._current = self._current, None
            yield from self._finish(current)

    def _started(self, number: int, text: str) -> DumpRequest | None:
        if self._any_gate(text) is None:
            return None
        for gate, starts in self._gates:
            if gate not in text:
                continue
            for needle, search, shape in starts:
                # a method written with one capital (Go's url.Error, `Post "<url>": …`) is that method
                if needle not in text or (match := search(text)) is None \
                        or (method := match.group("method").upper()) not in HTTP_METHODS \
                        or (shape.lead is not None and shape.lead.search(text, 0, match.start()) is None) \
                        or (shape.above is not None and not self._under(shape.above, number)):
                    continue
                groups = match.groupdict()
                # the headers written on the start line itself: Spring's list, or a map (and the body printed after it)
                parts = printed_parts(groups["headers"]) if groups.get("headers") else None
                written = parts[0] if parts else quoted_list(groups["headers"]) if groups.get("headers") else []
                if groups.get("headers") and not written and not shape.alone:
                    continue  # a map of no header fields: no request of this shape (a later one may name it)
                started = DumpRequest(shape, number, method, groups.get("url") or at_authority(groups),
                                      groups.get("target") or "", learned_prefix(self._prefix(number, text, match)))
                if written:
                    started.headers, started.head_closed = written, True
                body = parts[1] if parts and parts[1] is not None else groups.get("body")  # after the map, or before it
                if body is not None or groups.get("first") is not None:
                    started.body = written_body(body) if body is not None else BodyLines()
                    if groups.get("first") is not None:  # the body's first line, its others to come
                        started.add_to_rest(groups["first"])
                elif groups.get("flat"):  # the whole request on the line, its line breaks made blanks (or `..`)
                    started.headers = flat_headers(groups["flat"], groups["gap"] if groups.get("gap") in FLAT_GAPS else " ")
                    started.head_closed = True
                started.eol = groups.get("eol") or ""
                started.fence = self._between[-1][1].strip() if self._under(RULE_LINE, number) else None
                if started.url is None:
                    started.scheme = self._scheme(shape, number, text[: match.start()])
                return started
        return None

    def _next_line(self, current: DumpRequest, text: str) -> Iterator[Exchange]:
        """Where the line stands to the request: one of its lines (with or without the log
        prefix), the next record of the same log, or another logger's line."""
        shape = current.shape
        if current.passes_over(text):
            return
        # a message's bare lines end at the log's next record; a head written bare (no log prefix) followed by one
        # shows no body: its declared length read from the log's records would match one by chance
        if (current.gap and not text.startswith(shape.data)) \
                or ((current.unbounded or current.message or (current.prefix.blank and current.body is not None
                                                               and not current.body.lines)) and starts_record(text)):
            yield from self._ended(current)
            return
        # a blank line inside one multi-line message is its own (the header block's end), not the next record
        rest = current.prefix.rest(text) if text.strip() or not current.message else None
        if rest is None and current.message is None and (outer := current.prefix.outer(text)) is not None \
                and header_line(shape.headers, outer[1].removeprefix(shape.lines).rstrip("\r")) is not None:
            current.prefix, rest = outer  # the message's lines carry the outer part of its first line's prefix
        if (rest is not None and not current.prefix.blank and current.message) \
                or (rest is None and current.message and current.prefix.opens_record(text)):
            yield from self._ended(current)  # the multi-line message ended: a new record of the same log
            return
        if rest is not None:
            current.message, current.elsewhere = False if not current.prefix.blank else current.message, False
            if not rest.startswith(shape.lines):
                yield from self._ended(current)
                return
            yield from self._take(current, rest[len(shape.lines):])
        elif shape.data and current.message is False and (not text.strip() or text.startswith(shape.data)):
            yield from self._data_line(current, text)
        elif current.takes_bare(bare := current.prefix.lead_rest(text).removeprefix(shape.lines)):
            yield from self._take(current, bare)
        elif current.eol and current.body is None and not text.rstrip().endswith(current.eol) \
                and current.prefix.outer(text) is not None:
            # a record of the same log between the records that each hold one line of the head with its
            # line end written out (mod_dumpio's `dumpio_in [getline-blocking]`): the logger's own, passed over
            return
        elif not shape.skip_others or (shape.body == "none" and current.headers):
            # Another logger's line ends the request, unless the shape's records may come apart
            # and the request still waits for its headers' record: where no body is shown, the
            # request is whole once its headers came (a log that leaves out the response line
            # would keep the reader in it to its bound).
            yield from self._ended(current)
        else:  # passed over, and the bare lines under it: its message's (see DumpRequest.takes_bare)
            current.elsewhere = True

    def _data_line(self, current: DumpRequest, text: str) -> Iterator[Exchange]:
        """A line without the mark of the head's lines, in a shape that marks the body's lines
        apart (Insomnia's `| ` after curl's `> `): a blank line is the gap the printer leaves
        between rows of two kinds when data follows it (else it ended the request, as a blank
        line without the mark does), and the first line of data closes the head."""
        current.gap = not text.strip()
        if current.gap:
            return
        if current.body is None:
            yield from self._head_line(current, "")
            if self._current is not current:
                return
        mark = next(mark for mark in current.shape.data if text.startswith(mark))
        yield from self._take(current, text[len(mark):])

    def _take(self, current: DumpRequest, line: str) -> Iterator[Exchange]:
        """One more line of the request, without its prefixes."""
        shape = current.shape
        if current.wrapped is not None:
            yield from self._wrapped_line(current, line)
            return
        if shape.ignore is not None and shape.ignore.match(line):
            return
        end = shape.end.match(line) if shape.end is not None else None
        if end is not None and shape.after is not None:  # the body, if shown, is in a wrapper after it
            current.head_closed, current.body, current.wrapped = True, None, []
        elif end is not None or (shape.cut is not None and shape.cut.match(line)) or current.fenced(line):
            yield from self._ended(current, end)
        elif current.body is None:
            current.crs_shown = current.crs_shown or line.endswith("\r")
            line = line.rstrip("\r")
            if current.eol and not line.endswith(current.eol):
                return  # the printer's own annotation between the head's lines (Wireshark's fields)
            line = line.removesuffix(current.eol) if current.eol else line
            yield from self._head_line(current, written_back(current.eol, line))
        elif (shape.body == "length" and current.body.expected is None and not line.strip()) \
                or (current.document and current.open_brackets == 0 and line.strip()):
            # a blank line ends a body of no length; a line after its JSON document closed
            yield from self._ended(current)
        elif shape.body == "rest":
            if current.add_to_rest(written_back(current.eol, line)):
                yield from self._head_line(current, "")  # the map the body began with was the head: closed
        else:
            if current.body.expected is None:
                current.count_document(line)
            elif not current.body.lines and chunk_size_line(line, current.body.expected):
                return  # the size line of a body framed in one chunk: not the body's
            escaped = cr_escaped(current.eol)
            for part in [written_back(current.eol, line)] if escaped else sent_lines(line, current.body.lines):
                current.body.add(part)
            if shape.body == "length" and (current.body.complete or current.body.overflow):
                yield from self._ended(current)

    def _wrapped_line(self, current: DumpRequest, line: str) -> Iterator[Exchange]:
        """A line after the end line of a shape that prints the body after it in a wrapper: the
        request is read where :meth:`DumpRequest.take_wrapped` says so."""
        if current.take_wrapped(line):
            yield from self._ended(current)

    def _head_line(self, current: DumpRequest, line: str) -> Iterator[Exchange]:
        shape = current.shape
        if shape.headers == "map":
            yield from self._map_head_line(current, line)
            return
        header = header_line(shape.headers, line) if line.strip() else None
        if header is not None:
            if len(current.headers) < MAX_HEADERS:
                current.headers.append(header)
            return
        printed = printed_headers(line) if not current.headers else None
        if printed is not None:  # the whole header block printed as one map: closed as a blank line closes it
            current.headers, line = printed, ""
        if not line.strip():
            current.head_closed = True
            expected = content_length(current.headers) if shape.body == "length" else None
            # a head whose CR LF is written out (`\r\n`) was rendered by a printer, whose body is
            # rendered too (Wireshark's JSON tree, its lines ending `\n`): never the bytes sent
            # one whose CR alone is written out (`\r`, socat -v's) is the stream as sent, shown escaped:
            # the CRs shown, nothing added after a block (the next one may run into the body's last line)
            if shape.body != "none" and current.eol != WRITTEN_CRLF:
                escaped = cr_escaped(current.eol)
                current.body = BodyLines(expected, current.crs_shown or escaped, run_on=escaped, suffixed=True)
                if expected != 0:  # a declared empty body is complete already
                    return
        elif shape.body == "rest" and (first := shape.body_opening(line)) is not None:  # no blank line before it
            current.body = BodyLines()
            if current.add_to_rest(first):
                yield from self._head_line(current, "")
            return
        elif shape.body == "end" or ELISION.fullmatch(line):
            # another line of the same logger before the block's end, or a printer's mark where it
            # left header lines out (`...`, `[3 headers omitted]`): passed over
            current.passed = True
            return
        yield from self._ended(current)

    def _map_head_line(self, current: DumpRequest, line: str) -> Iterator[Exchange]:
        """After the start line of a shape whose head is one printed map: the map, or header lines quoted as Ruby's
        inspect writes them (Faraday's logger, its progname dropped by Rails'), closed by the first line that is none
        (a blank, `Name: value` or another record ends one that showed neither), then a JSON document, the body."""
        if not current.head_closed and not current.inspected and (printed := printed_headers(line)) is not None:
            current.headers, current.head_closed = printed, True
            return
        if not current.head_closed and not current.inspected and (written := inspected_head(line)) is not None:
            current.take_written(*written)
            yield from self._ended(current)
            return
        if not current.head_closed and (header := header_line("quoted", line)) is not None:
            current.inspected = True
            current.headers += [header][: MAX_HEADERS - len(current.headers)]
            return
        current.head_closed = current.head_closed or current.inspected
        if current.head_closed and (first := current.shape.body_opening(line)) is not None:
            current.body = BodyLines()
            current.add_to_rest(first)
            return
        yield from self._ended(current)

    def _ended(self, current: DumpRequest, end: re.Match[str] | None = None) -> Iterator[Exchange]:
        """The request read so far, ended: the reader reads none until a start line comes."""
        self._current = None
        yield from self._finish(current, end)

    def _finish(self, current: DumpRequest, end: re.Match[str] | None = None) -> Iterator[Exchange]:
        shape, body = current.shape, None
        if end is not None and end.groupdict().get("headers") is not None:  # after the body, on its last line
            current.headers, current.head_closed = printed_headers(end["headers"]) or quoted_list(end["headers"]), True
            if current.body is not None:
                current.body.add(end.group("last"))
        if not shape.alone and not current.headers:
            return
        if current.body is not None:
            size = end.groupdict().get("size") if end is not None else None
            if shape.body == "end":  # the end line's size; else the head's declared length (Chopper's end line has none)
                current.body.expected = int(size) if size else content_length(current.headers)
            elif shape.body == "rest":
                current.body.drop_trailing_blanks()
            if shape.body != "end" or current.body.expected is not None:
                body = current.body.value()
            if shape.headers == "map" and not current.inspected and body is not None \
                    and content_length(current.headers) != len(body):
                body = None  # a record after the map that the headers do not say is the body sent: none shown
        # Only a closed header block, or one that showed a header where the shape has no end line
        # to close it (or one only some writers print: wget's, before a wrapper), says which
        # headers were sent: a request line alone, an OkHttp block cut short, or a head with a line
        # passed over (a header written in a way not read) does not make a request unsigned.
        known = not current.passed and (current.head_closed or end is not None
                                         or ((shape.end is None or shape.after is not None) and bool(current.headers)))
        headers = unquoted_values(current.headers)
        url = current.url or absolute_url(current.target, header_value(headers, "Host"), current.scheme)
        origin = Origin(self.path, current.line, capture=shape.capture)
        exchange = make_exchange(current.method, url, headers, body, origin, headers_known=known,
                                 body_exact=shape.shown_as_sent(body))
        if exchange is not None:
            yield exchange
