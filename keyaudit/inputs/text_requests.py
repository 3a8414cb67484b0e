"""Requests written as text — curl commands, wire dumps, JSON request records — read in a second
pass over a text file, and only where the first pass says they can matter."""

from __future__ import annotations

from typing import Iterator

from keyaudit.inputs.captures.lines import CaptureParser, numbered_lines
from keyaudit.model.exchange import REQUEST_SPAN_LINES, Exchange
from keyaudit.sources.opening import Opener

# A second pass is worth it only where requests are written out (curl, wire dumps, JSON request
# logs) and something makes them interesting: a provider host, a signature header, or a
# credential the first pass found. The engine finds these markers in its pass over each chunk.
CAPTURE_MARKER_GROUPS: dict[str, tuple[bytes, ...]] = {
    "provider": (b"iugu.com", b"IUGU.COM", b"asaas.com", b"ASAAS.COM", b"ignature"),
    "request": (b"curl -", b"curl h", b"curl '", b'curl "', b"curl $", b"--> ", b'>> "', b"send: b", b"connectionpool", b'"method"', b'"request"',
                b"_method", b"\nGET ", b"\nPOST ", b"\nPUT ", b"\nPATCH ", b"\nDELETE "),
}


def worth_reading(markers_seen: set[str], found_credentials: bool) -> bool:
    """Whether a text file can hold requests that matter."""
    return "request" in markers_seen and ("provider" in markers_seen or found_credentials)


def capture_readers() -> list[CaptureParser]:
    """The readers of requests written as text, imported only when a file needs them."""
    from keyaudit.inputs.captures import curl, httpdump, jsonlog

    return [curl.exchanges, httpdump.exchanges, jsonlog.exchanges]


def exchanges_in_text(opener: Opener, path: str, near: list[int] | None = None) -> Iterator[Exchange]:
    """Every request written in the text ``opener`` gives, reader by reader. With ``near``, only
    the lines around those (sorted) line numbers are read: where credentials were found."""
    for reader in capture_readers():
        with opener() as stream:
            lines = numbered_lines(stream)
            if near is not None:
                lines = _near(lines, near)
            yield from reader(lines, path)


def _near(lines: Iterator[tuple[int, str]], wanted: list[int]) -> Iterator[tuple[int, str]]:
    """The lines within ``REQUEST_SPAN_LINES`` of any of the sorted ``wanted`` line numbers."""
    index = 0
    for number, text in lines:
        while index < len(wanted) and wanted[index] + REQUEST_SPAN_LINES < number:
            index += 1
        if index == len(wanted):
            return
        if wanted[index] - REQUEST_SPAN_LINES <= number:
            yield number, text
