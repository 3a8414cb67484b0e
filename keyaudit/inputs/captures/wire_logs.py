"""Logs of the bytes a client sent, one escaped piece a line, as the requests sent.

Apache HttpClient 4/5's ``wire`` logger (``http-outgoing-0 >> "POST /v1/… HTTP/1.1[\\r][\\n]"``),
Apache Synapse's (WSO2's gateways: ``HTTPS-Sender I/O dispatcher-1 << "POST …[\\r][\\n]"``, the marks
the other way round) and Ruby's ``Net::HTTP#set_debug_output`` (``<- "POST /v1/… HTTP/1.1\\r\\nHost: …\\r\\n\\r\\n"``,
then ``<- "<body>"``) write the same thing: a mark, then a quoted piece of the bytes sent, escaped
in the library's way — or the piece unquoted, escaped to the line's end (isahc's ``>> POST /v1/…
HTTP/1.1\\r\\nHost: …``), or after a direction word and a time, its line breaks written as their
names (Indy's ``Sent <time>: POST /v1/… HTTP/1.1<EOL>Host: …``); a response mark says the request
before it is all sent. What differs is data (:data:`SHAPES`); the pieces are put back together per
connection by :class:`~.wire_stream.WireStream`, bodies exactly as sent. (Python's ``http.client`` has a reader of
its own, :mod:`.python_http`: its lines are Python literals, and urllib3's lines complete them.)
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Callable, Iterator

from keyaudit.model.exchange import Exchange

from .lines import NOTHING, to_bytes
from .quoted import DOUBLE_QUOTED
from .wire_stream import WireStream, host_only

MAX_CONNECTIONS = 256  # connections followed at once

_BRACKET_ESCAPE = re.compile(r"\[\\r\]|\[\\n\]|\[0x([0-9a-fA-F]{1,2})\]")
_BRACKET_SIMPLE = {"[\\r]": b"\r", "[\\n]": b"\n"}
# Line breaks written as their names (Indy's RSLogEOL, RSLogCR, RSLogLF): CR LF as `<EOL>`, a lone CR, a lone LF
_BREAK_NAME = re.compile(r"<(?:EOL|CR|LF)>")
_BREAK_NAMES = {"<EOL>": b"\r\n", "<CR>": b"\r", "<LF>": b"\n"}
# Ruby's String#dump: backslash escapes, \xNN bytes, \uNNNN and \u{N…} code points
_DUMP_ESCAPE = re.compile(r"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|u\{([0-9A-Fa-f]{1,6})\}|(.))", re.DOTALL)
_DUMP_SIMPLE = {"n": b"\n", "r": b"\r", "t": b"\t", "f": b"\f", "v": b"\v", "b": b"\b", "a": b"\a", "e": b"\x1b",
                "s": b" ", "0": b"\0"}


def wire_bytes(text: str) -> bytes:
    """The bytes an HttpClient wire line stands for: ``[\\r]``, ``[\\n]`` and ``[0xNN]`` are the
    bytes HttpClient escaped; everything else is the byte of that (ASCII) character."""
    return _unescaped(text, _BRACKET_ESCAPE, lambda match: (bytes([int(match.group(1), 16)]) if match.group(1)
                                                           else _BRACKET_SIMPLE[match.group()]))


def named_bytes(text: str) -> bytes:
    """The bytes a piece whose line breaks are written as their names stands for: ``<EOL>`` is CR LF,
    ``<CR>`` and ``<LF>`` the bytes they name; everything else is as written."""
    return _unescaped(text, _BREAK_NAME, lambda match: _BREAK_NAMES[match.group()])


def dumped_bytes(text: str) -> bytes:
    """The bytes a Ruby ``String#dump`` literal (quotes stripped) stands for."""
    def escape(match: re.Match[str]) -> bytes:
        byte, short, long, other = match.groups()
        if byte:
            return bytes([int(byte, 16)])
        if short or long:  # a lone surrogate is a log's damage, encoded as to_bytes does; past U+10FFFF, no code point
            code = int(short or long, 16)
            return to_bytes(chr(code) if code <= sys.maxunicode else match.group())
        return _DUMP_SIMPLE.get(other, to_bytes(other))
    return _unescaped(text, _DUMP_ESCAPE, escape)


def _unescaped(text: str, escapes: re.Pattern[str], value: Callable[[re.Match[str]], bytes]) -> bytes:
    parts: list[bytes] = []
    position = 0
    for match in escapes.finditer(text):
        parts.append(to_bytes(text[position : match.start()]))
        parts.append(value(match))
        position = match.end()
    parts.append(to_bytes(text[position:]))
    return b"".join(parts)


@dataclass(frozen=True)
class Shape:
    """How one library logs the bytes it sends: ``sent`` finds a piece (group ``data``, its
    quotes stripped) on a line holding ``sent_mark``, ``received`` a response line on one holding
    ``received_mark``, ``connection`` the connection a line is on (else one connection)."""

    capture: str
    marks: tuple[str, str]  # (sent_mark, received_mark): literals, looked for before the patterns
    sent: re.Pattern[str]
    received: re.Pattern[str]
    decode: Callable[[str], bytes]
    connection: re.Pattern[str] | None = None
    # (literal, pattern) of the line that says a connection to a host opened (groups host, port), then of the one that
    # says TLS started with a host (group host): requests to a host a connection opened to went over plain HTTP unless
    # TLS was started with it (or the port is 443: a log that names HTTPS's port but not TLS leaves it as the Host
    # header says); lines of connections to other hosts (another client on the same log) say nothing of it
    opened: tuple[str, re.Pattern[str]] | None = None
    secured: tuple[str, re.Pattern[str]] | None = None


SHAPES = (
    # Apache Synapse's `wire` logger (WSO2 API Manager, Micro Integrator): the other way round from
    # HttpClient's — "`>>` the message coming into the server from the wire, `<<` the message going to the
    # wire" —, so on a Sender (the connection to a backend) `<<` is the request sent; checked first: its
    # lines hold `wire` and `>>` too.
    Shape("synapse", ("-Sender ", "-Sender "), re.compile(r"-Sender\b.*? << \"(?P<data>.*)\"\s*"),
          re.compile(r"-Sender\b.*? >> \""), wire_bytes, re.compile(r"\b(HTTPS?-Sender I/O dispatcher-\d+)")),
    # Apache HttpClient 4 (`org.apache.http.wire`) and 5 (`org.apache.hc.client5.http.wire`),
    # hc.apache.org's "Logging Practices": `>>` bytes sent, `<<` bytes received, per connection.
    Shape("httpclient", ("wire", "wire"), re.compile(r"wire\b.*?>> \"(?P<data>.*)\"\s*"), re.compile(r"wire\b.*?<< \""),
          wire_bytes, re.compile(r"\b(http-outgoing-\d+)\b")),
    # Ruby's Net::HTTP#set_debug_output (net/protocol.rb): `<- ` and the dump of what is written,
    # `-> ` and the dump of what is read; net/http.rb's connect writes `opening connection to <host>:<port>...`,
    # then, where use_ssl is set, `starting SSL for <host>:<port>...`.
    Shape("net-http", ('<- "', '-> "'), re.compile(r'(?:^|\s)<- "(?P<data>' + DOUBLE_QUOTED + r')"\s*$'), re.compile(r'(?:^|\s)-> "'),
          dumped_bytes,
          opened=("opening connection to ",
                  re.compile(r"(?:^|\s)opening connection to (?P<host>\S+):(?P<port>\d+)\.\.\.$")),
          secured=("starting SSL for ", re.compile(r"(?:^|\s)starting SSL for (?P<host>\S+):\d+\.\.\.$"))),
    # The same unquoted: `>> ` and a piece of the bytes sent, escaped to the line's end (a CR LF as `\r\n`, a quote
    # as `\"`), `<< ` what is read — isahc's `isahc::wire` trace of curl's debug callback (ascii::escape_default).
    # A quoted piece is the shapes' above; a piece that starts no request and continues none is no one's.
    Shape("escaped", (">> ", "<< "), re.compile(r'(?:^|\s)>> (?P<data>[^"\s].*)$'), re.compile(r"(?:^|\s)<< "),
          dumped_bytes),
    # A direction word, the time (or nothing) and a colon before the piece, its line breaks written as their names:
    # Indy's connection intercepts (Lib/Core/IdLogBase.pas Send and Receive: the time `DateTimeToStr(Now)` — in the
    # machine's locale: `22/11/2026 13:00:00`, `11/22/2026 1:00:00 PM` —, the data with ReplaceCRLF, on by default,
    # writing CR LF as `<EOL>`, a lone CR as `<CR>`, a lone LF as `<LF>`; IdLogFile.pas `Sent <time>: <data>`,
    # `Recv <time>: <data>`), TIdLogFile's file and TIdLogDebug's OutputDebugString lines alike. One connection a log.
    Shape("named-breaks", ("Sent ", "Recv "), re.compile(r"(?:^|\s)Sent (?:[\d/.:\- ]+?(?: [AP]M)?)?: (?P<data>.+)$"),
          re.compile(r"(?:^|\s)Recv (?:[\d/.:\- ]+?(?: [AP]M)?)?: "), named_bytes),
)


# Every shape's marks, and those of its connection's lines: a line with none is no shape's, whatever the connections
# wait for (looked for one by one: a string search is at C speed, ``re`` tries an alternation at every position).
_MARKS = tuple(dict.fromkeys(mark for shape in SHAPES for mark in (
    *shape.marks, *(said[0] for said in (shape.opened, shape.secured) if said is not None))))


class WireLogReader:
    """Every shape of :data:`SHAPES` in one pass: the outgoing bytes of each connection (a pool
    interleaves them), reassembled into requests; a response line only says that the request
    before it on that connection is complete."""

    capture = "wire-log"
    # a line without a mark is no one's, whatever a connection holds: the reader always rests (see :mod:`.reader_gate`)
    cues = _MARKS
    resting = True

    def __init__(self, path: str) -> None:
        self.path = path
        self._streams: dict[tuple[str, str], WireStream] = {}

    def feed(self, number: int, text: str) -> Iterator[Exchange]:
        for mark in _MARKS:
            if mark in text:
                return self._fed(number, text)
        return NOTHING

    def _fed(self, number: int, text: str) -> Iterator[Exchange]:
        for shape in SHAPES:
            if self._connected(shape, text):
                return
            sent_mark, received_mark = shape.marks
            sent = shape.sent.search(text) if sent_mark in text else None
            if sent is None and (received_mark not in text or shape.received.search(text) is None):
                continue
            key = self._key(shape, text)
            if sent is None:  # the response started: the request is all sent
                if key in self._streams:
                    yield from self._streams[key].flush()
                return
            stream = self._streams.pop(key, None) or WireStream(self.path, shape.capture)
            self._streams[key] = stream  # most recently used last
            yield from stream.feed(shape.decode(sent.group("data")), number)
            if len(self._streams) > MAX_CONNECTIONS:
                yield from self._streams.pop(next(iter(self._streams))).flush()
            return

    def _key(self, shape: Shape, text: str) -> tuple[str, str]:
        connection = shape.connection.search(text) if shape.connection is not None else None
        return shape.capture, connection.group(1) if connection else ""

    def _connected(self, shape: Shape, text: str) -> bool:
        """Whether ``text`` is the line that says a connection of ``shape`` to a host opened (plain HTTP, so far) or
        started TLS with one; what it says is the scheme of the requests to that host that begin from then on."""
        for said, secure in ((shape.opened, False), (shape.secured, True)):
            if said is not None and said[0] in text and (found := said[1].search(text)) is not None:
                key = self._key(shape, text)
                stream = self._streams.pop(key, None) or WireStream(self.path, shape.capture)
                self._streams[key] = stream
                host, schemes = host_only(found["host"]), stream.schemes
                if secure or found["port"] != "443":
                    schemes[host] = "https" if secure else "http"
                    if len(schemes) > MAX_CONNECTIONS:
                        del schemes[next(iter(schemes))]
                else:
                    schemes.pop(host, None)
                return True
        return False

    @property
    def busy(self) -> bool:
        """Whether a connection's request is not all logged yet."""
        return any(stream.busy for stream in self._streams.values())

    def close(self) -> Iterator[Exchange]:
        for stream in self._streams.values():
            yield from stream.flush()
        self._streams.clear()
