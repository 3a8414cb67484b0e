"""Raw HTTP/1.1 request text: a request as pasted into docs and tickets or shown by ``curl -v``.

The text lost its line endings, so a body is exact only where a declared length confirms it
(see :class:`~.lines.BodyLines`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from keyaudit.model.exchange import Exchange, Origin

from .lines import (MAX_HEADERS, BodyLines, absolute_url, content_length, header_value, make_exchange,
                    parsed_head, split_header, split_request_line)

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
        parsed = parsed_head(current.head)
        return parsed[2] if parsed else []

    def _finish(self, current: _RawRequest) -> Iterator[Exchange]:
        parsed = parsed_head(current.head)
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
