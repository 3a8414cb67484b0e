"""Requests written as text — curl commands, wire dumps, JSON request records — read in a second
pass over a text file, and only in the windows of lines the first pass marked.

The engine's pass notes where request anchors (provider hosts, signature headers: data in the
rule files) and confirmed credentials are; the readers then run on the lines around them only,
each window from its first line, reached by a seek where the stream allows one; where it does
not (decompressed text), the first pass keeps the windows' lines instead, so that the file is
not decoded twice. A file that holds no request marker at all (no curl, no wire dump, no JSON
request field) is not read again.
"""

from __future__ import annotations

import contextlib
from typing import BinaryIO, Iterator

from keyaudit.engine.windows import KeepText, Reach, Window, WindowCollector
from keyaudit.inputs.captures.lines import MAX_CAPTURE_LINE, CaptureParser
from keyaudit.model.exchange import REQUEST_SPAN_LINES, Exchange
from keyaudit.sources.compression import is_decompressing
from keyaudit.sources.opening import Opener

# A request starts at most this many lines before its anchor (a wire dump's request line before
# its Signature header) and ends at most this many after it (headers, then a body over many lines).
REQUEST_REACH = Reach(REQUEST_SPAN_LINES // 2, 2 * REQUEST_SPAN_LINES)
# A record naming a provider host: a JSON line, a curl command, a request line and its Host header.
RECORD_REACH = Reach(2, 3)
MAX_WINDOW_BYTES = 16 << 20  # a window of huge lines is read this far, not further
MAX_KEPT_BYTES = 32 << 20  # the windows' lines kept from a stream that cannot seek; past it, read again
_SKIP_BYTES = 1 << 20


def window_collector(stream_offset: int, keep_text: bool = False) -> WindowCollector:
    """Windows for a stream that starts at ``stream_offset`` of its content (a resumed file);
    with ``keep_text`` (a stream that cannot seek) they keep their lines as the pass reads them."""
    keep = KeepText(MAX_CAPTURE_LINE, MAX_WINDOW_BYTES, MAX_KEPT_BYTES) if keep_text else None
    return WindowCollector(stream_offset, request=REQUEST_REACH, record=RECORD_REACH, keep_text=keep)


def worth_reading(markers_seen: bool, anchors_seen: bool, found_credentials: bool) -> bool:
    """Whether a text file can hold requests that matter: it writes requests out, and mentions a
    provider or a signature header, or holds a credential."""
    return markers_seen and (anchors_seen or found_credentials)


def capture_readers() -> list[tuple[CaptureParser, bool]]:
    """The readers of requests written as text, imported only when a file needs them, each with
    whether it reads a request from one line (then only the anchored lines of a window matter)."""
    from keyaudit.inputs.captures import base64_requests, curl, httpdump, jsonlog, yaml_records

    return [(curl.exchanges, False), (httpdump.exchanges, False), (jsonlog.exchanges, True),
            (yaml_records.exchanges, False), (base64_requests.exchanges, False)]


def exchanges_in_text(opener: Opener, path: str, windows: list[Window]) -> Iterator[Exchange]:
    """Every request written in the ``windows`` (in stream order, not overlapping) of the text
    ``opener`` gives; each window is read alone, by every reader."""
    from keyaudit.inputs.captures.envelopes import unwrapped  # only a file with requests needs it

    readers = capture_readers()
    kept = all(window.lines is not None for window in windows)
    with contextlib.nullcontext() if kept else opener() as stream:
        position = 0
        for window in windows:
            if window.lines is not None:
                lines = [(number, text.rstrip(b"\r\n").decode("utf-8", "surrogateescape"))
                         for number, text in window.lines]
            else:
                position = _advance(stream, position, window.offset)  # type: ignore[arg-type]
                lines, position = _window_lines(stream, window, position)  # type: ignore[arg-type]
            anchored = set(window.anchored)
            texts = list(unwrapped(lines))  # unwrapped once for all the readers of dumps
            for reader, one_line in readers:
                yield from reader([line for line in lines if line[0] in anchored] if one_line else texts, path)


def _advance(stream: BinaryIO, position: int, offset: int) -> int:
    """Move ``stream`` from ``position`` to ``offset``: a seek for plain data, reading through a
    decompressor. Windows come in order, so the stream only moves forward."""
    if offset <= position:
        return position
    if stream.seekable() and not is_decompressing(stream):
        stream.seek(offset)
        return offset
    while position < offset:
        skipped = len(stream.read(min(_SKIP_BYTES, offset - position)))
        if not skipped:
            break
        position += skipped
    return position


def _window_lines(stream: BinaryIO, window: Window, position: int) -> tuple[list[tuple[int, str]], int]:
    """The window's lines as (number, text without its line ending), each cut at
    ``MAX_CAPTURE_LINE``; and the stream position after them."""
    lines: list[tuple[int, str]] = []
    number, start = window.first_line, position
    while number <= window.last_line and position - start < MAX_WINDOW_BYTES:
        line = stream.readline(MAX_CAPTURE_LINE)
        if not line:
            break
        position += len(line)
        if not line.endswith(b"\n"):
            position += _rest_of_line(stream)
        lines.append((number, line.rstrip(b"\r\n").decode("utf-8", "surrogateescape")))
        number += 1
    return lines, position


def _rest_of_line(stream: BinaryIO) -> int:
    """Pass over the rest of an over-long line; how many bytes that was."""
    skipped = 0
    while rest := stream.readline(MAX_CAPTURE_LINE):
        skipped += len(rest)
        if rest.endswith(b"\n"):
            break
    return skipped
