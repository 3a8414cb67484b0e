"""Bytes on the wire, shared by HttpClient and http.client: logged chunks put back into requests.

Both log the bytes they send on a connection in pieces of any size; this puts the pieces back
together into requests, with Content-Length or chunked bodies exactly as they were sent.
"""

from __future__ import annotations

import re
from typing import Iterator

from keyaudit.model.exchange import Exchange, Origin

from .lines import (HTTP_METHODS, MAX_BODY_BYTES, absolute_url, content_length, header_value, make_exchange,
                    parsed_head)

MAX_HEAD_BYTES = 64 * 1024


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

    def __init__(self, line: int, schemes: dict[str, str]) -> None:
        self.line, self.schemes = line, schemes
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
        self.head = parsed_head(text.split("\r\n"))
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


def host_only(host: str | None) -> str:
    """A host as a Host header or a log line names it, lower-cased, without its port."""
    written = (host or "").strip().lower()
    name, colon, port = written.rpartition(":")
    return name if colon and port.isdigit() else written


class WireStream:
    """The requests on one connection, from the chunks of bytes a client logged for it.

    A chunk that starts with a request line starts a request (clients log a request line at
    the start of a chunk); one that is cut short is still reported, without its body.
    """

    def __init__(self, path: str, capture: str) -> None:
        self.path, self.capture = path, capture
        self._current: _WireRequest | None = None
        # the scheme the log's own lines say each host was reached by (a connection opened to it, TLS started on it
        # or not), for the requests to it that begin from now on; a host they say nothing of: its Host header decides
        self.schemes: dict[str, str] = {}

    def feed(self, data: bytes, number: int) -> Iterator[Exchange]:
        if starts_request(data):
            yield from self.flush()
            self._current = _WireRequest(number, dict(self.schemes))
        current = self._current
        if current is None:
            return
        current.add(data)
        if current.complete or current.failed:
            yield from self.flush()

    @property
    def busy(self) -> bool:
        """Whether a request on the connection is not all logged yet."""
        return self._current is not None

    def flush(self) -> Iterator[Exchange]:
        current, self._current = self._current, None
        if current is None or current.head is None:
            return
        method, target, headers = current.head
        host = header_value(headers, "Host")
        exchange = make_exchange(method, absolute_url(target, host, current.schemes.get(host_only(host))), headers,
                                 current.body, Origin(self.path, current.line, capture=self.capture))
        if exchange is not None:
            yield exchange
