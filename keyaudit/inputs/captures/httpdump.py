"""HTTP requests as HTTP clients log them: raw HTTP/1.1 text, OkHttp's logging interceptor,
Apache HttpClient 4/5 wire logs, Python ``http.client`` debug output and urllib3 pool lines.

Each format is a small state machine over lines holding only the request being read, so a debug
log of any size streams through once (:func:`exchanges` drives them all in one pass). Wire
formats (HttpClient, http.client) log the bytes on the wire, so their bodies are exactly what was
sent; text formats (raw dumps, OkHttp) lost the line endings, and their bodies are exact only
where a declared length confirms the reconstruction (see :class:`~.lines.BodyLines`).
"""

from __future__ import annotations

import ast
import re
from collections import deque
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Protocol

from keyaudit.model.exchange import Exchange, Origin

from .lines import (HTTP_METHODS, MAX_BODY_BYTES, MAX_HEADERS, BodyLines, absolute_url, content_length,
                    header_value, make_exchange, split_header, split_request_line, to_bytes,
                    without_default_port)

MAX_HEAD_BYTES = 64 * 1024
MAX_SKIPPED_LINES = 1000  # other log lines tolerated inside one OkHttp request
MAX_CONNECTIONS = 256  # HttpClient connections followed at once
MERGE_WINDOW_LINES = 200  # how far a urllib3 line may follow the http.client send it describes


class Reader(Protocol):
    """One capture format: fed every line in order, it yields the requests it completes."""

    capture: str

    def __init__(self, path: str) -> None: ...

    def feed(self, number: int, text: str) -> Iterator[Exchange]: ...

    def close(self) -> Iterator[Exchange]: ...


def _parsed_head(lines: list[str]) -> tuple[str, str, list[tuple[str, str]]] | None:
    """(method, target, headers) from a request line and header lines; None if the first line
    is not a request line. Header lines that are not ``Name: value`` are left out."""
    request = split_request_line(lines[0]) if lines else None
    if request is None:
        return None
    headers = [pair for pair in map(split_header, lines[1 : MAX_HEADERS + 1]) if pair is not None]
    return request[0], request[1], headers


# --- raw HTTP/1.1 request text -----------------------------------------------------------------

_RAW_START = re.compile(r"([ \t>|]*)(\S.*)")  # indentation, "> " of curl -v or of a quoted mail
_FENCE = ("```", "~~~")


@dataclass
class _RawRequest:
    start: int
    prefix: str
    head: list[str]
    body: BodyLines | None = None  # set once the blank line after the headers is read


class RawReader:
    """A request as plain HTTP/1.1 text: request line, ``Name: value`` headers, blank line, body.

    The body runs for Content-Length bytes when declared, else to the next blank line, request
    line, code fence or end of input. Indentation or a ``> `` prefix on the request line must
    prefix every following line too; a line without it ends the request.
    """

    capture = "wire"

    def __init__(self, path: str) -> None:
        self.path = path
        self._current: _RawRequest | None = None

    def feed(self, number: int, text: str) -> Iterator[Exchange]:
        start = self._request_start(text)
        current = self._current
        if current is not None and start is None:
            line = _unprefixed(text, current.prefix)
            if line is not None and not line.startswith(_FENCE) and self._extend(current, line):
                return
        if current is not None:
            self._current = None
            yield from self._finish(current)
        if start is not None:
            self._current = _RawRequest(number, start[0], [start[1]])

    def close(self) -> Iterator[Exchange]:
        if self._current is not None:
            yield from self._finish(self._current)
            self._current = None

    @staticmethod
    def _request_start(text: str) -> tuple[str, str] | None:
        if " HTTP/" not in text:
            return None
        match = _RAW_START.fullmatch(text)
        if match is None or split_request_line(match.group(2).rstrip()) is None:
            return None
        return match.group(1), match.group(2).rstrip()

    def _extend(self, current: _RawRequest, line: str) -> bool:
        """Take one more line into the request; False when the request ended before it."""
        if current.body is None:
            if line.strip():
                current.head.append(line)
                return len(current.head) <= MAX_HEADERS and split_header(line) is not None
            current.body = BodyLines(content_length(self._headers(current)))
            return current.body.expected != 0
        if current.body.expected is None and not line.strip():
            return False
        current.body.add(line)
        return not current.body.complete and not current.body.overflow

    @staticmethod
    def _headers(current: _RawRequest) -> list[tuple[str, str]]:
        parsed = _parsed_head(current.head)
        return parsed[2] if parsed else []

    def _finish(self, current: _RawRequest) -> Iterator[Exchange]:
        parsed = _parsed_head(current.head)
        if parsed is None:
            return
        method, target, headers = parsed
        body = current.body.value() if current.body is not None else None
        exchange = make_exchange(method, absolute_url(target, header_value(headers, "Host")), headers, body,
                                 Origin(self.path, current.start, capture=self.capture))
        if exchange is not None:
            yield exchange


def _unprefixed(text: str, prefix: str) -> str | None:
    """The line without the request's prefix; a blank line may have lost the prefix's trailing
    blanks. None when the line does not carry the prefix (it is not part of the request)."""
    if text.startswith(prefix):
        return text[len(prefix) :]
    if text.strip() == "" or text == prefix.rstrip():
        return ""
    return None


# --- OkHttp HttpLoggingInterceptor -------------------------------------------------------------

_OKHTTP_START = re.compile(
    r"--> ([A-Z]+) ([A-Za-z][A-Za-z0-9+.-]*://\S+)(?: (?:h2|h2_prior_knowledge|h3|quic|http/\d\.\d))?"
    r"(?: \((-?\d+)-byte body\))?\s*"
)
_OKHTTP_END = re.compile(r"--> END ([A-Z]+)(?: \(([^)]*)\))?\s*")
_OKHTTP_SIZE = re.compile(r"(\d+)-byte body")
_OKHTTP_RESPONSE = re.compile(r"<-- (?:\d{3}|HTTP FAILED)")


def _prefix_pattern(prefix: str) -> re.Pattern[str]:
    """A pattern for the log prefix of every line of one OkHttp request, from the prefix of its
    ``-->`` line: digits vary (timestamps, thread ids), the words and punctuation do not.

    Blank runs inside the prefix may vary, but the prefix's trailing blanks are matched exactly
    (and may be missing on an empty line), so an indented body keeps its indentation.
    """
    stem = prefix.rstrip()
    tail = prefix[len(stem) :]
    parts = [r"\d+" if part.isdigit() else r"\s+" if part.isspace() else re.escape(part)
             for part in re.split(r"(\d+|\s+)", stem) if part]
    return re.compile("".join(parts) + (f"(?:{re.escape(tail)})?" if tail else ""))


@dataclass
class _OkHttpRequest:
    start: int
    method: str
    url: str
    prefix: re.Pattern[str]
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: BodyLines | None = None
    skipped: int = 0


class OkHttpReader:
    """``--> POST url``, headers, blank line, body lines, ``--> END POST (n-byte body)``.

    The declared size on the END line settles the body's line endings; ``omitted`` bodies and
    requests cut short (a new ``-->``, a response, end of input) keep no body.
    """

    capture = "okhttp"

    def __init__(self, path: str) -> None:
        self.path = path
        self._current: _OkHttpRequest | None = None

    def feed(self, number: int, text: str) -> Iterator[Exchange]:
        current = self._current
        if "-->" in text and (start := _OKHTTP_START.search(text)) is not None:
            if current is not None:
                yield from self._finish(current, None)
            prefix = _prefix_pattern(text[: start.start()])
            self._current = _OkHttpRequest(number, start.group(1), start.group(2), prefix)
            return
        if current is None:
            return
        match = current.prefix.match(text)
        if match is None:
            current.skipped += 1  # another logger's line, interleaved
            if current.skipped > MAX_SKIPPED_LINES:
                self._current = None
                yield from self._finish(current, None)
            return
        yield from self._take(current, text[match.end() :])

    def _take(self, current: _OkHttpRequest, line: str) -> Iterator[Exchange]:
        end = _OKHTTP_END.fullmatch(line)
        if end is not None or _OKHTTP_RESPONSE.match(line):
            self._current = None
            yield from self._finish(current, (end.group(2) or "") if end is not None else None)
        elif current.body is not None:
            current.body.add(line)
        elif not line.strip():
            current.body = BodyLines()
        elif (header := split_header(line)) is not None and len(current.headers) < MAX_HEADERS:
            current.headers.append(header)

    def close(self) -> Iterator[Exchange]:
        if self._current is not None:
            yield from self._finish(self._current, None)
            self._current = None

    def _finish(self, current: _OkHttpRequest, note: str | None) -> Iterator[Exchange]:
        """``note`` is the END line's parenthesis ("" without one), None when no END was seen."""
        body = None
        size = _OKHTTP_SIZE.fullmatch(note) if note else None
        if current.body is not None and size is not None:
            current.body.expected = int(size.group(1))
            body = current.body.value()
        # At BASIC level (or cut short) the log shows no complete header block: say so, so a
        # rule does not call a request unsigned for a header the log never showed.
        known = note is not None or current.body is not None
        exchange = make_exchange(current.method, current.url, current.headers, body,
                                 Origin(self.path, current.start, capture=self.capture), headers_known=known)
        if exchange is not None:
            yield exchange


# --- bytes on the wire: shared by HttpClient and http.client -----------------------------------

_WIRE_REQUEST_START = re.compile(rb"([A-Z]+) [^ \r\n]+ HTTP/\d(?:\.\d)?\r?\n")


def starts_request(data: bytes) -> bool:
    """Whether a logged chunk begins with a request line (a new request on the connection)."""
    match = _WIRE_REQUEST_START.match(data)
    return match is not None and match.group(1).decode("ascii") in HTTP_METHODS


class _Chunked:
    """Incremental decoder of a ``Transfer-Encoding: chunked`` body."""

    def __init__(self) -> None:
        self.body = bytearray()
        self.done = False
        self.failed = False
        self._buffer = bytearray()
        self._remaining: int | None = None  # None: a size line is expected next
        self._crlf = False  # the CRLF after a chunk's data is expected next

    def feed(self, data: bytes) -> None:
        self._buffer += data
        while not (self.done or self.failed) and self._step():
            pass
        if len(self._buffer) > MAX_HEAD_BYTES or len(self.body) > MAX_BODY_BYTES:
            self.failed = True

    def _step(self) -> bool:
        """Decode what the buffer allows; False when more bytes are needed."""
        if self._crlf:
            if len(self._buffer) < 2:
                return False
            self.failed = self._buffer[:2] != b"\r\n"
            del self._buffer[:2]
            self._crlf = False
            return True
        if self._remaining is None:
            end = self._buffer.find(b"\r\n")
            if end < 0:
                return False
            size = bytes(self._buffer[:end]).split(b";")[0].strip()
            del self._buffer[: end + 2]
            if not size or len(size) > 8 or not all(c in b"0123456789abcdefABCDEF" for c in size):
                self.failed = True
                return False
            self._remaining = int(size, 16)
            self.done = self._remaining == 0
            return True
        taken = self._buffer[: self._remaining]
        self.body += taken
        del self._buffer[: len(taken)]
        self._remaining -= len(taken)
        if self._remaining:
            return False
        self._remaining, self._crlf = None, True
        return True


class _WireRequest:
    """One request reassembled from logged chunks of the bytes sent."""

    def __init__(self, line: int) -> None:
        self.line = line
        self.head: tuple[str, str, list[tuple[str, str]]] | None = None
        self.complete = False
        self.failed = False
        self._buffer = bytearray()
        self._expected: int | None = None
        self._chunked: _Chunked | None = None

    def add(self, data: bytes) -> None:
        if self.head is None:
            self._buffer += data
            self._read_head()
        elif self._chunked is not None:
            self._chunked.feed(data)
            self.complete, self.failed = self._chunked.done, self._chunked.failed
        else:
            self._buffer += data[: self._missing()]
            self.complete = not self._missing()

    def _missing(self) -> int:
        return (self._expected or 0) - len(self._buffer)

    def _read_head(self) -> None:
        end = self._buffer.find(b"\r\n\r\n")
        if end < 0:
            self.failed = len(self._buffer) > MAX_HEAD_BYTES
            return
        text = bytes(self._buffer[:end]).decode("utf-8", "surrogateescape")
        rest = bytes(self._buffer[end + 4 :])
        self._buffer = bytearray()
        self.head = _parsed_head(text.split("\r\n"))
        if self.head is None:
            self.failed = True
            return
        headers = self.head[2]
        if "chunked" in (header_value(headers, "Transfer-Encoding") or "").lower():
            self._chunked = _Chunked()
        else:
            self._expected = content_length(headers)
            self.failed = (self._expected or 0) > MAX_BODY_BYTES
        self.complete = self._chunked is None and not self._missing()
        if rest and not (self.complete or self.failed):
            self.add(rest)

    @property
    def body(self) -> bytes | None:
        """The body when all of it was logged, else None (a partial body is not what was sent)."""
        if not self.complete or self.failed:
            return None
        if self._chunked is not None:
            return bytes(self._chunked.body)
        return bytes(self._buffer) if self._expected is not None else None


class WireStream:
    """The requests on one connection, from the chunks of bytes a client logged for it.

    A chunk that starts with a request line starts a request (clients log a request line at
    the start of a chunk); one that is cut short is still reported, without its body.
    """

    def __init__(self, path: str, capture: str) -> None:
        self.path, self.capture = path, capture
        self._current: _WireRequest | None = None

    def feed(self, data: bytes, number: int) -> Iterator[Exchange]:
        if starts_request(data):
            yield from self.flush()
            self._current = _WireRequest(number)
        current = self._current
        if current is None:
            return
        current.add(data)
        if current.complete or current.failed:
            yield from self.flush()

    def flush(self) -> Iterator[Exchange]:
        current, self._current = self._current, None
        if current is None or current.head is None:
            return
        method, target, headers = current.head
        exchange = make_exchange(method, absolute_url(target, header_value(headers, "Host")), headers,
                                 current.body, Origin(self.path, current.line, capture=self.capture))
        if exchange is not None:
            yield exchange


# --- Apache HttpClient 4 and 5 wire logs -------------------------------------------------------

_WIRE_LINE = re.compile(r"wire\b.*?(>>|<<) \"(.*)\"\s*")
_CONNECTION = re.compile(r"\b(http-outgoing-\d+)\b")
_WIRE_ESCAPE = re.compile(r"\[\\r\]|\[\\n\]|\[0x([0-9a-fA-F]{1,2})\]")
_WIRE_SIMPLE = {"[\\r]": b"\r", "[\\n]": b"\n"}


def wire_bytes(text: str) -> bytes:
    """The bytes an HttpClient wire line stands for: ``[\\r]``, ``[\\n]`` and ``[0xNN]`` are the
    bytes HttpClient escaped; everything else is the byte of that (ASCII) character."""
    parts: list[bytes] = []
    position = 0
    for match in _WIRE_ESCAPE.finditer(text):
        parts.append(to_bytes(text[position : match.start()]))
        code = match.group(1)
        parts.append(bytes([int(code, 16)]) if code else _WIRE_SIMPLE[match.group()])
        position = match.end()
    parts.append(to_bytes(text[position:]))
    return b"".join(parts)


class HttpClientReader:
    """``… org.apache.http.wire - http-outgoing-0 >> "POST /v1/… HTTP/1.1[\\r][\\n]"`` (also
    ``org.apache.hc.client5.http.wire``): the outgoing bytes of each connection, reassembled
    per connection since a pool interleaves them. A ``<<`` (response) line only says that the
    request before it on that connection is complete."""

    capture = "httpclient"

    def __init__(self, path: str) -> None:
        self.path = path
        self._streams: dict[str, WireStream] = {}

    def feed(self, number: int, text: str) -> Iterator[Exchange]:
        if "wire" not in text or (match := _WIRE_LINE.search(text)) is None:
            return
        connection = _CONNECTION.search(text[: match.start(1)])
        key = connection.group(1) if connection else ""
        if match.group(1) == "<<":  # the response started: the request is all sent
            if key in self._streams:
                yield from self._streams[key].flush()
            return
        stream = self._streams.pop(key, None) or WireStream(self.path, self.capture)
        self._streams[key] = stream  # most recently used last
        yield from stream.feed(wire_bytes(match.group(2)), number)
        if len(self._streams) > MAX_CONNECTIONS:
            yield from self._streams.pop(next(iter(self._streams))).flush()

    def close(self) -> Iterator[Exchange]:
        for stream in self._streams.values():
            yield from stream.flush()
        self._streams.clear()


# --- Python http.client debug output and urllib3 ------------------------------------------------

_SEND = re.compile(r"(?:^|\s)send: (b(['\"]).*\2)\s*")
_REPLY = re.compile(r"(?:^|\s)reply: ['\"]HTTP/")
_URLLIB3 = re.compile(r"(https?://[^\s\"/]+) \"([A-Z]+) (\S+) HTTP/\d(?:\.\d)?\" (?:\d{3}|None)")


def python_bytes(literal: str) -> bytes | None:
    """The value of a ``b'…'`` literal as ``repr`` printed it, or None."""
    try:
        value = ast.literal_eval(literal)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
    return value if isinstance(value, bytes) else None


@dataclass
class _Held:
    exchange: Exchange
    line: int


class PythonReader:
    """``http.client`` debug output (``send: b'POST … HTTP/1.1\\r\\nHost: …'``, the body in the
    same or following ``send:`` lines) and urllib3's ``https://host:443 "POST /path HTTP/1.1" 200``.

    One request logged by both (requests with ``debuglevel=1``) is one exchange: the http.client
    one is held until its urllib3 line arrives, which adds the scheme http.client never prints.
    A urllib3 line alone gives an exchange whose headers are unknown.
    """

    capture = "http.client"

    def __init__(self, path: str) -> None:
        self.path = path
        self._stream = WireStream(path, self.capture)
        self._held: deque[_Held] = deque()

    def feed(self, number: int, text: str) -> Iterator[Exchange]:
        yield from self._expired(number)
        if "send:" in text and (send := _SEND.search(text)) is not None:
            data = python_bytes(send.group(1))
            if data is not None:
                self._hold(self._stream.feed(data, number), number)
        elif "reply:" in text and _REPLY.search(text):
            self._hold(self._stream.flush(), number)
        elif "urllib3" in text and (pool := _URLLIB3.search(text)) is not None:
            yield from self._pool_line(number, *pool.groups())

    def close(self) -> Iterator[Exchange]:
        self._hold(self._stream.flush(), 0)
        while self._held:
            yield self._held.popleft().exchange

    def _hold(self, found: Iterator[Exchange], number: int) -> None:
        self._held.extend(_Held(exchange, number) for exchange in found)

    def _expired(self, number: int) -> Iterator[Exchange]:
        while self._held and (number - self._held[0].line > MERGE_WINDOW_LINES or len(self._held) > 16):
            yield self._held.popleft().exchange

    def _pool_line(self, number: int, base: str, method: str, target: str) -> Iterator[Exchange]:
        url = without_default_port(base + target) if target.startswith("/") else None
        pool = make_exchange(method, url, [], None, Origin(self.path, number, capture="urllib3"),
                             headers_known=False)
        if pool is None:
            return
        for index, held in enumerate(self._held):
            sent = held.exchange
            if (sent.method, sent.host, _target(sent.url)) == (pool.method, pool.host, target):
                sent.url = pool.url
                for _ in range(index + 1):
                    yield self._held.popleft().exchange
                return
        yield pool


def _target(url: str) -> str:
    """Path and query of an absolute URL, as a request line names them."""
    after_scheme = url.split("://", 1)[-1]
    slash = after_scheme.find("/")
    return after_scheme[slash:] if slash >= 0 else "/"


CaptureParser = Callable[[Iterable[tuple[int, str]], str], Iterator[Exchange]]
READER_TYPES: tuple[type[RawReader] | type[OkHttpReader] | type[HttpClientReader] | type[PythonReader], ...] = (
    RawReader, OkHttpReader, HttpClientReader, PythonReader)


def _run(readers: list[Reader], lines: Iterable[tuple[int, str]]) -> Iterator[Exchange]:
    for number, text in lines:
        for reader in readers:
            yield from reader.feed(number, text)
    for reader in readers:
        yield from reader.close()


def exchanges(lines: Iterable[tuple[int, str]], path: str) -> Iterator[Exchange]:
    """Every request logged in any of the supported formats, in one pass over the lines.

    Exchanges come out when their request is complete, which for a held http.client request
    can be a little after later ones; origins say where each started.
    """
    return _run([reader_type(path) for reader_type in READER_TYPES], lines)


def _single(reader_type: type[Reader]) -> CaptureParser:
    def read(lines: Iterable[tuple[int, str]], path: str) -> Iterator[Exchange]:
        return _run([reader_type(path)], lines)

    read.__name__ = read.__qualname__ = f"{reader_type.__name__.removesuffix('Reader').lower()}_exchanges"
    read.__doc__ = f"Requests in the {reader_type.capture} format of {reader_type.__name__} only."
    return read


# One parser per format, for a caller that gives each format its own pass over a file.
READERS: tuple[CaptureParser, ...] = tuple(_single(reader_type) for reader_type in READER_TYPES)
