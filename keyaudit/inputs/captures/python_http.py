"""Bytes sent written as bytes literals — Python ``http.client`` debug output (with urllib3's
connection-pool lines), Rust reqwest's verbose connection log and libcurl's debug callback as
pycurl's documentation prints it — as the requests sent.

``send: b'…'`` (http.client), ``write: b"…"`` (reqwest's ``connection_verbose``, whose escapes
``\\r``, ``\\n``, ``\\"``, ``\\xNN`` are Python's) and ``debug(2): b'…'`` / ``debug(4): b'…'``
(a DEBUGFUNCTION printing ``"debug(%d): %s" % (debug_type, debug_msg)``: libcurl's
CURLINFO_HEADER_OUT and CURLINFO_DATA_OUT, the head and the data sent; ``debug(1)`` the head
received) lines hold the bytes sent, put back together by
:class:`~.wire_stream.WireStream`, one stream a mark; a urllib3 line names the scheme and host
that http.client leaves out.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass
from typing import Iterator

from keyaudit.model.exchange import Exchange, Origin

from .lines import NOTHING, make_exchange, python_literal, without_default_port
from .wire_stream import WireStream

MERGE_WINDOW_LINES = 200  # how far a urllib3 line may follow the http.client send it describes


_SEND = re.compile(r"(?:^|\s)(send|write|debug\([24]\)): (b(['\"]).*\3)\s*")
_REPLY = re.compile(r"(?:^|\s)(?:(reply): ['\"]|(read|debug\(1\)): b['\"])HTTP/")
_STREAM_OF = {"debug(2)": "debug", "debug(4)": "debug", "debug(1)": "debug", "reply": "send", "read": "write"}
CAPTURES = {"send": "http.client", "write": "reqwest", "debug": "libcurl"}  # each stream's bytes as a finding calls them
# A mark at a line's end, its literal on one of the next lines: print's arguments written apart, each its own
# record (Celery's LoggingProxy logs every `write` of a worker's redirected stdout: `send:`, ` `, `b'…'`)
_ALONE = re.compile(r"(?:^|\s)(send|write|debug\([124]\)|reply|read):\s*$")
# The literal the line ends with opens at the first quote of its closing quote's kind that starts a word: looked for
# from the line's end (a search for `.*'` from every quote that starts a word read on to the line's end from each,
# 80,000 of them on a line that does not end with one took a minute)
_LITERAL_OPENS = {quote: re.compile(rf"(?:^|\s)(b?{quote})") for quote in ("'", '"')}
MARK_GAP_LINES = 2  # the records between a mark and its literal: print's separator, a blank
_URLLIB3 = re.compile(r"(https?://[^\s\"/]+) \"([A-Z]+) (\S+) HTTP/\d(?:\.\d)?\" (?:\d{3}|None)")


def python_bytes(literal: str) -> bytes | None:
    """The value of a ``b'…'`` literal as ``repr`` printed it, or None."""
    value = python_literal(literal)
    return value if isinstance(value, bytes) else None


@dataclass
class _Held:
    exchange: Exchange
    line: int


class PythonReader:
    """``http.client`` debug output (``send: b'POST … HTTP/1.1\\r\\nHost: …'``, the body in the
    same or following ``send:`` lines), reqwest's verbose ``write: b"…"`` lines (the same, in
    Rust's escapes; ``read: b"HTTP/…`` is the response) and urllib3's
    ``https://host:443 "POST /path HTTP/1.1" 200``.

    One request logged by both (requests with ``debuglevel=1``) is one exchange: the http.client
    one is held until its urllib3 line arrives, which adds the scheme http.client never prints.
    A urllib3 line alone gives an exchange whose headers are unknown.
    """

    capture = "http.client"
    # nothing held, no mark waiting: a line without one of these words is passed over (see :mod:`.reader_gate`)
    cues = ("send:", "write:", "reply:", "read:", "urllib3", "debug(")

    def __init__(self, path: str) -> None:
        self.path = path
        self._streams = {mark: WireStream(path, capture) for mark, capture in CAPTURES.items()}
        self._held: deque[_Held] = deque()
        self._mark: tuple[str, int] | None = None  # a mark alone at a line's end, and its line

    def feed(self, number: int, text: str) -> Iterator[Exchange]:
        if self.resting and "send:" not in text and "write:" not in text \
                and "reply:" not in text and "read:" not in text and "urllib3" not in text and "debug(" not in text:
            return NOTHING  # nothing held to let go, nothing sent, read or pooled (a string search each: C speed)
        return self._fed(number, text)

    def _fed(self, number: int, text: str) -> Iterator[Exchange]:
        yield from self._expired(number)
        text = self._joined(number, text)
        if (alone := _ALONE.search(text)) is not None:
            self._mark = (alone.group(1), number)
        elif ("send:" in text or "write:" in text or "debug(" in text) and (send := _SEND.search(text)) is not None:
            data = python_bytes(send.group(2))
            if data is not None:
                mark = send.group(1)
                self._hold(self._streams[_STREAM_OF.get(mark, mark)].feed(data, number), number)
        elif ("reply:" in text or "read:" in text or "debug(" in text) and (reply := _REPLY.search(text)) is not None:
            self._hold(self._streams[_STREAM_OF[reply.group(1) or reply.group(2)]].flush(), number)
        elif "urllib3" in text and (pool := _URLLIB3.search(text)) is not None:
            yield from self._pool_line(number, *pool.groups())

    def _joined(self, number: int, text: str) -> str:
        """The line as one record would hold it, where it holds the literal of the mark a line
        just above ended with (`send: b'…'`); else the line."""
        if self._mark is None:
            return text
        mark, at = self._mark
        if number - at > MARK_GAP_LINES:
            self._mark = None
        elif (literal := _literal(text)) is not None:
            self._mark = None
            return f"{mark}: {literal}"
        return text

    @property
    def resting(self) -> bool:
        return not self._held and self._mark is None

    @property
    def busy(self) -> bool:
        """Whether a request is not all logged yet, waits for its urllib3 line, or a mark for its
        literal."""
        return any(stream.busy for stream in self._streams.values()) or bool(self._held) or self._mark is not None

    def close(self) -> Iterator[Exchange]:
        for stream in self._streams.values():
            self._hold(stream.flush(), 0)
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


def _literal(text: str) -> str | None:
    """The quoted literal (``b'…'``, ``'…'``) a line ends with, blanks after it aside, or None."""
    written = text.rstrip()
    opens = _LITERAL_OPENS.get(written[-1:])
    opened = opens.search(written, 0, len(written) - 1) if opens is not None else None
    return None if opened is None else written[opened.start(1):]


def _target(url: str) -> str:
    """Path and query of an absolute URL, as a request line names them."""
    after_scheme = url.split("://", 1)[-1]
    slash = after_scheme.find("/")
    return after_scheme[slash:] if slash >= 0 else "/"
