"""Apache HttpClient 4 and 5 wire logs: the ``wire`` logger's ``>>`` lines, as the requests sent.

Each line holds a piece of the bytes sent on one connection, escaped; the pieces are put back
together per connection by :class:`~.wire_stream.WireStream`.
"""

from __future__ import annotations

import re
from typing import Iterator

from keyaudit.model.exchange import Exchange

from .lines import to_bytes
from .wire_stream import WireStream

MAX_CONNECTIONS = 256  # HttpClient connections followed at once


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

    @property
    def busy(self) -> bool:
        """Whether a connection's request is not all logged yet."""
        return any(stream.busy for stream in self._streams.values())

    def close(self) -> Iterator[Exchange]:
        for stream in self._streams.values():
            yield from stream.flush()
        self._streams.clear()
