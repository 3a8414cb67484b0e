"""OkHttp's HttpLoggingInterceptor: the ``-->`` request blocks an Android or JVM app logs.

The log lost the body's line endings; the size on the ``--> END`` line says which ones were sent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from keyaudit.model.exchange import Exchange, Origin

from .lines import MAX_HEADERS, BodyLines, make_exchange, split_header

MAX_SKIPPED_LINES = 1000  # other log lines tolerated inside one OkHttp request


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
