"""HTTP requests as HTTP clients log them: raw HTTP/1.1 text, OkHttp, Apache HttpClient wire
logs, Python ``http.client`` debug output and urllib3 connection-pool lines.

Each format is a small state machine over lines, so a debug log of any size streams through.
Wire formats (HttpClient, http.client) carry the bytes on the wire, so the body is exactly what
was sent and a signature over it can be checked; urllib3 logs only method and URL, so its
exchanges say their headers are unknown.
"""

from __future__ import annotations

import ast
import re
from typing import Iterable, Iterator

from keyaudit.exchange import Exchange, Origin

METHODS = "GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS"
_REQUEST_LINE = re.compile(rf"^\s*({METHODS}) (\S+) HTTP/[0-9.]+\s*$")
_HEADER = re.compile(r"^([A-Za-z0-9!#$%&'*+.^_`|~-]+):\s?(.*)$")
_OKHTTP_START = re.compile(rf"--> ({METHODS}) (\S+)(?: (?:h2|http/[0-9.]+))?(?: \(\d+-byte body\))?\s*$")
_OKHTTP_END = re.compile(rf"--> END ({METHODS})\b")
_OUTGOING, _INCOMING = '>> "', '<< "'
_WIRE_ESCAPE = re.compile(r"\[\\r\]|\[\\n\]|\[\\t\]|\[0x([0-9a-fA-F]{1,2})\]")
_SEND = re.compile(r"send: (b'.*'|b\".*\")\s*$")
_URLLIB3 = re.compile(rf" \"({METHODS}) (\S+) HTTP/[0-9.]+\"")
MAX_BODY_LINES = 10_000


def _url(target: str, headers: list[tuple[str, str]], scheme: str = "https") -> str:
    """An absolute URL from a request target: absolute-form as is, origin-form joined with Host."""
    if "://" in target:
        return target
    host = next((value for name, value in headers if name.lower() == "host"), "")
    return f"{scheme}://{host}{target}"


def _content_length(headers: list[tuple[str, str]]) -> int | None:
    value = next((v for n, v in headers if n.lower() == "content-length"), None)
    return int(value) if value and value.strip().isdigit() else None


def parse_wire_bytes(data: bytes, path: str, line: int, capture: str,
                     scheme: str = "https") -> tuple[Exchange | None, bytes]:
    """One request from the start of ``data`` (bytes as sent), and what follows it.

    Returns (None, data) while the request is incomplete (headers or Content-Length body
    still missing), so wire formats can feed bytes as they arrive.
    """
    head_end = data.find(b"\r\n\r\n")
    separator = 4
    if head_end < 0:
        head_end, separator = data.find(b"\n\n"), 2
    if head_end < 0:
        return None, data
    head = data[:head_end].decode("latin-1").splitlines()
    match = _REQUEST_LINE.match(head[0]) if head else None
    if not match:
        return None, b""
    headers = [(m.group(1), m.group(2)) for m in map(_HEADER.match, head[1:]) if m]
    length = _content_length(headers)
    body_start = head_end + separator
    if length is not None and len(data) - body_start < length:
        return None, data
    end = body_start + (length or 0)
    body = data[body_start:end] if length else None
    exchange = Exchange(match.group(1), _url(match.group(2), headers, scheme), headers, body,
                        origin=Origin(path, line, capture=capture))
    return exchange, data[end:]


def _raw_requests(lines: Iterable[tuple[int, str]], path: str) -> Iterator[Exchange]:
    """Plain HTTP/1.1 request text: request line, headers, blank line, body."""
    state, start, method, target = "idle", 0, "", ""
    headers: list[tuple[str, str]] = []
    body: list[str] = []

    def finish() -> Exchange:
        text = "\n".join(body).encode("utf-8", "surrogateescape")
        length = _content_length(headers)
        data = text[:length] if length is not None else text
        return Exchange(method, _url(target, headers), list(headers), data or None,
                        origin=Origin(path, start, capture="wire"))

    for number, text in lines:
        request = _REQUEST_LINE.match(text)
        if request:
            if state != "idle":
                yield finish()
            state, start, method, target = "headers", number, request.group(1), request.group(2)
            headers, body = [], []
        elif state == "headers":
            header = _HEADER.match(text)
            if header:
                headers.append((header.group(1), header.group(2)))
            elif not text.strip():
                state = "body"
            else:
                yield finish()
                state = "idle"
        elif state == "body":
            if (not text.strip() and body) or len(body) >= MAX_BODY_LINES:
                yield finish()
                state = "idle"
            elif text.strip():
                body.append(text)
    if state != "idle":
        yield finish()


def _strip_prefix(prefix: re.Pattern[str] | None, text: str) -> str:
    if prefix is None:
        return text
    match = prefix.match(text)
    return text[match.end():] if match else text


def _okhttp(lines: Iterable[tuple[int, str]], path: str) -> Iterator[Exchange]:
    """OkHttp's HttpLoggingInterceptor: ``--> POST url``, headers, blank, body, ``--> END POST``."""
    current: Exchange | None = None
    prefix: re.Pattern[str] | None = None
    in_body = False
    body: list[str] = []
    for number, raw in lines:
        start = _OKHTTP_START.search(raw) if "--> " in raw else None
        if start and not _OKHTTP_END.search(raw):
            if current is not None:
                yield current
            # Log prefixes vary in their digits (timestamps, thread ids), not in their shape.
            prefix = re.compile(re.sub(r"\\d|\d", r"\\d", re.escape(raw[: start.start()]))) if start.start() else None
            current = Exchange(start.group(1), start.group(2), origin=Origin(path, number, capture="okhttp"))
            in_body, body = False, []
            continue
        if current is None:
            continue
        text = _strip_prefix(prefix, raw)
        if "--> END" in text and _OKHTTP_END.search(text):
            current.body = "\n".join(body).encode("utf-8", "surrogateescape") if body else None
            yield current
            current = None
        elif in_body:
            body.append(text)
        elif not text.strip():
            in_body = True
        elif (header := _HEADER.match(text)) is not None:
            current.headers.append((header.group(1), header.group(2)))
        else:
            in_body = True
            body.append(text)
    if current is not None:
        yield current


def _unescape_wire(text: str) -> bytes:
    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if match.group(1):
            return chr(int(match.group(1), 16))
        return {"[\\r]": "\r", "[\\n]": "\n", "[\\t]": "\t"}[token]

    return _WIRE_ESCAPE.sub(replace, text).encode("latin-1", "replace")


def _connection(text: str, marker_at: int) -> str:
    """The connection id before a wire marker (``http-outgoing-3``), or "" when none is logged."""
    before = text[:marker_at].rstrip().rsplit(" ", 1)[-1]
    return before if before.startswith("http-outgoing") else ""


def _wire_streams(lines: Iterable[tuple[int, str]], path: str) -> Iterator[Exchange]:
    """Apache HttpClient (4 and 5) wire logs and Python http.client ``send:`` lines."""
    pending: dict[str, tuple[int, bytes, str]] = {}  # connection -> (first line, bytes, capture)
    for number, text in lines:
        # Substring tests first: a regex search over a megabyte line would cost quadratic time.
        outgoing, stripped = text.find(_OUTGOING), text.rstrip()
        if outgoing >= 0 and stripped.endswith('"') and len(stripped) > outgoing + len(_OUTGOING):
            connection, capture = _connection(text, outgoing), "httpclient"
            data = _unescape_wire(stripped[outgoing + len(_OUTGOING) : -1])
        elif "send: b" in text and (send := _SEND.search(text)) is not None:
            try:
                data = ast.literal_eval(send.group(1))
            except (ValueError, SyntaxError):
                continue
            connection, capture = "http.client", "http.client"
        else:
            incoming = text.find(_INCOMING)
            if incoming >= 0:  # the response starts: what was sent is complete
                yield from _flush(pending.pop(_connection(text, incoming), None), path)
            continue
        first, buffered, _ = pending.get(connection, (number, b"", capture))
        buffered += data
        while buffered:
            exchange, rest = parse_wire_bytes(buffered, path, first, capture)
            if exchange is None:
                break
            yield exchange
            buffered, first = rest, number
        if buffered:
            pending[connection] = (first, buffered, capture)
        else:
            pending.pop(connection, None)
    for state in pending.values():
        yield from _flush(state, path)


def _flush(state: tuple[int, bytes, str] | None, path: str) -> Iterator[Exchange]:
    """A request whose Content-Length was not reached: what was logged of it."""
    if state is None:
        return
    first, buffered, capture = state
    exchange, _ = parse_wire_bytes(buffered + b"\r\n\r\n" if b"\r\n\r\n" not in buffered else buffered,
                                   path, first, capture)
    if exchange is None and b"\r\n\r\n" in buffered:
        head, _, body = buffered.partition(b"\r\n\r\n")
        exchange, _ = parse_wire_bytes(head + b"\r\n\r\n", path, first, capture)
        if exchange is not None:
            exchange.body = body or None
    if exchange is not None:
        yield exchange


def _urllib3(lines: Iterable[tuple[int, str]], path: str) -> Iterator[Exchange]:
    """urllib3's connection-pool debug line: method and URL only."""
    for number, text in lines:
        if "connectionpool" not in text:
            continue
        match = _URLLIB3.search(text)
        if not match:
            continue
        # "https://api.iugu.com:443" stands right before the quoted request line.
        base = text[: match.start()].rsplit(" ", 1)[-1].split("connectionpool:")[-1]
        if not base.startswith(("http://", "https://")):
            continue
        host, _, port = base.rpartition(":") if base.count(":") == 2 else (base, "", "")
        default = "443" if base.startswith("https") else "80"
        netloc = host if port in ("", default) else f"{host}:{port}"
        method, target = match.groups()
        exchange = Exchange(method, netloc + target, origin=Origin(path, number, capture="urllib3"))
        exchange.headers_known = False
        yield exchange


READERS = (_raw_requests, _okhttp, _wire_streams, _urllib3)


def exchanges(lines: Iterable[tuple[int, str]], path: str) -> Iterator[Exchange]:
    """Requests in HTTP dumps of every supported client, in order of their first line.

    Reads ``lines`` once per client format; for a file, give each of :data:`READERS` its own
    pass instead, which keeps memory flat.
    """
    materialised = list(lines)
    found = [exchange for reader in READERS for exchange in reader(materialised, path)]
    yield from sorted(found, key=lambda exchange: exchange.origin.line)
