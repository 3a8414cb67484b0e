"""What the capture readers share: HTTP syntax checks, URL assembly, body bytes, limits.

The readers see text lines that the opener decoded with ``surrogateescape``, so encoding back
the same way restores the bytes of the file; a body signed byte for byte must survive that trip.
Every reader builds its exchanges through :func:`make_exchange`, which refuses what is not an
HTTP request to a plausible host, so request rules never meet a URL they cannot split.
"""

from __future__ import annotations

import ast
import re
import warnings
from typing import Callable, Iterable, Iterator, Protocol
from urllib.parse import urlsplit

from keyaudit.model.exchange import Exchange, Origin
from keyaudit.model.numbers import plain_number

from .cut_records import count_cut
from .reader_gate import run_gated
from .templates import is_template

# What most lines give a reader: nothing. A reader's ``feed`` returns it for a line that neither goes
# on a request nor can start one, told apart by a search at C speed: no generator is made for it.
NOTHING: Iterator[Exchange] = iter(())

# A reader of requests written as text: (line number, text) pairs and the path in, exchanges out.
CaptureParser = Callable[[Iterable[tuple[int, str]], str], Iterator[Exchange]]


class Reader(Protocol):
    """One capture format read line by line: fed every line in order, it yields the requests it
    completes; ``busy`` while a request it started may still go on in the next lines."""

    capture: str

    def __init__(self, path: str) -> None: ...

    @property
    def busy(self) -> bool: ...

    def feed(self, number: int, text: str) -> Iterator[Exchange]: ...

    def close(self) -> Iterator[Exchange]: ...


def run_readers(readers: list[Reader], lines: Iterable[tuple[int, str]],
                window: list[tuple[int, str]] | None = None) -> Iterator[Exchange]:
    """The requests ``readers`` find in ``lines``, read together in one pass; where ``lines`` are taken
    from a ``window``, a reader that declares its cues is not given the lines it would pass over
    (:mod:`.reader_gate`)."""
    return run_gated(readers, lines, window)


def around_anchors(lines: Iterable[tuple[int, str]], anchors: dict[int, int], readers: list[Reader]
                   ) -> Iterator[tuple[int, str]]:
    """The ``lines`` that hold the requests around ``anchors`` (line number -> how many lines
    before it its request may start), for ``readers`` to read as they are given them: a line is
    given when it is that close before an anchor still to come, or while a reader is in a
    request; none past the last anchor once no reader is. The lines between requests are passed
    over, before anything (an envelope's JSON) is made of them.
    """
    ahead = sorted(anchors.items())
    # Where the reading must have begun for the anchors from the k-th on: a later anchor's
    # request may start before an earlier one's.
    starts = [line - lead for line, lead in ahead]
    for index in range(len(starts) - 2, -1, -1):
        starts[index] = min(starts[index], starts[index + 1])
    upcoming = 0
    # A reader's state moves only when it is fed: once none was busy, none is until a line is
    # given again, so the lines passed over between requests ask no reader.
    idle = False
    for number, text in lines:
        while upcoming < len(ahead) and ahead[upcoming][0] < number:
            upcoming += 1
        near = upcoming < len(ahead) and number >= starts[upcoming]
        if near or (not idle and any(reader.busy for reader in readers)):  # asked only between requests
            idle = False
            yield number, text
        elif upcoming == len(ahead):
            return
        else:
            idle = True


MAX_CAPTURE_LINE = 1 << 20  # longer lines reach the capture readers cut (the text scan saw them whole)
MAX_BODY_BYTES = 1 << 20  # a longer body is not kept (its secrets are still found by the text scan)
MAX_HEADERS = 256
VIA_LINES = 4  # a line that says where a request went (a packet's destination) is at most this many lines before it
HTTP_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT"})
DASHED_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+")  # a field's name as HTTP writes one: User-Agent
TOKEN = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"  # RFC 9110 token: header names and methods
# the value up to a last character not blank (a lazy one read a run of blanks on from each: 80 KB took 11 s)
_HEADER = re.compile(rf"({TOKEN}):[ \t]*+((?:.*[^ \t\n])?)[ \t]*")
_REQUEST_LINE = re.compile(r"([A-Z]+) (\S+) HTTP/(\d(?:\.\d)?)")
_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_HOSTNAME = re.compile(r"[A-Za-z0-9_.-]+|[0-9A-Fa-f:.]+")
_METHOD = re.compile(r"[A-Za-z]{1,24}")
_CONTROL = re.compile(r"[\x00-\x20\x7f]")
_LONE_SURROGATE = re.compile("[\ud800-\udc7f\udd00-\udfff]")  # not one of surrogateescape's bytes
_DEFAULT_PORTS = {"http": 80, "https": 443}


def to_bytes(text: str) -> bytes:
    """UTF-8 bytes, with ``surrogateescape`` undoing the opener's decoding of non-UTF-8 bytes.

    Lone surrogates that did not come from that decoding (``$'\\ud800'`` in a shell command)
    fall back to ``surrogatepass`` instead of raising: readers must never fail on their input.
    """
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


def well_formed(text: str) -> str:
    """``text`` with each lone surrogate as U+FFFD, except those standing for undecodable bytes
    of the file (``surrogateescape``'s U+DC80–U+DCFF). A ``\\ud800`` escape in JSON or
    ``$'\\ud800'`` in a shell stands for no character, and would make the text unencodable."""
    return text if text.isascii() else _LONE_SURROGATE.sub("\ufffd", text)


def python_literal(literal: str) -> object | None:
    """The value of a Python literal (a ``repr`` such as ``b'…'``, or a JavaScript string, whose
    escapes are Python's), or None when it is none; no code runs.

    An escape Python never writes (``\\s`` in a hand-edited or damaged line) makes the compiler
    warn, which Python 3.12 prints to stderr by default: the warning is silenced, the escape
    read as Python reads it (a backslash and the letter)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.literal_eval(literal)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None


def split_header(text: str) -> tuple[str, str] | None:
    """``Name: value`` as a pair, or None when the line is not a header field."""
    match = _HEADER.fullmatch(text)
    return (match.group(1), match.group(2)) if match else None


def split_request_line(text: str) -> tuple[str, str] | None:
    """(method, request target) of an HTTP/1.x request line, or None."""
    match = _REQUEST_LINE.fullmatch(text)
    if match is None or match.group(1) not in HTTP_METHODS:
        return None
    return match.group(1), match.group(2)


def header_value(headers: Iterable[tuple[str, str]], name: str) -> str | None:
    """The first value of a header, names compared case-insensitively."""
    wanted = name.lower()
    return next((value for key, value in headers if key.lower() == wanted), None)


def content_length(headers: Iterable[tuple[str, str]]) -> int | None:
    """The declared body length, or None when absent or not a plain decimal number."""
    return plain_number((header_value(headers, "Content-Length") or "").strip())


def parsed_head(lines: list[str]) -> tuple[str, str, list[tuple[str, str]]] | None:
    """(method, target, headers) from a request line and header lines; None if the first line
    is not a request line. Header lines that are not ``Name: value`` are left out."""
    request = split_request_line(lines[0]) if lines else None
    if request is None:
        return None
    headers = [pair for pair in map(split_header, lines[1 : MAX_HEADERS + 1]) if pair is not None]
    return request[0], request[1], headers


def has_scheme(url: str) -> bool:
    return _ABSOLUTE.match(url) is not None


def absolute_url(target: str, host: str | None, scheme: str | None = None) -> str | None:
    """The URL a request target reached: absolute-form as written, origin-form joined to Host.

    Captures rarely say the scheme. HTTPS is assumed (both APIs only serve HTTPS), except that a
    Host naming port 80 says plain HTTP; a capture that knows better passes ``scheme``. A host
    given as an origin (a tape's ``host: "https://api…"``, talkback's) says its own scheme.
    """
    if has_scheme(target):
        return target
    if not host or not target.startswith("/"):
        return None
    host = host.strip()
    if has_scheme(host):
        return host.rstrip("/") + target
    if scheme is None:
        scheme = "http" if host.endswith(":80") else "https"
    return f"{scheme.lower()}://{host}{target}"


def checked_url(url: str) -> str | None:
    """The URL when it is HTTP(S) to a host that can be named, else None.

    Placeholders such as ``$API_URL`` or ``{{host}}`` fail here, which keeps a documentation
    snippet from becoming a request to a host called ``$api_url``.
    """
    if _CONTROL.search(url):
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        return None
    host = parts.hostname
    if parts.scheme.lower() not in _DEFAULT_PORTS or not host or not _HOSTNAME.fullmatch(host):
        return None
    return url


def without_default_port(url: str) -> str:
    """``https://h:443/p`` as ``https://h/p``, so one request logged two ways has one URL; a URL
    whose port cannot be read is left as it is, for :func:`make_exchange` to refuse."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    if port is not None and _DEFAULT_PORTS.get(parts.scheme.lower()) == port:
        return parts._replace(netloc=parts.netloc.rsplit(":", 1)[0]).geturl()
    return url


def make_exchange(method: str, url: str | None, headers: list[tuple[str, str]], body: bytes | None,
                  origin: Origin, *, time: str | None = None, headers_known: bool = True,
                  body_exact: bool = True, request_id: str | None = None, answered: bool = False) -> Exchange | None:
    """An Exchange, or None when the method or URL cannot be an HTTP request.

    The one gate every reader uses, so a parser that misread a fragment yields nothing rather
    than an exchange that would send request rules after a host that does not exist. A body
    whose length is not the one its head declares is not the bytes sent (a logger's suffix after
    it, a reader's guess at where it ends): its signature is not judged over it.
    """
    url = checked_url(well_formed(url)) if url else None
    if url is None or not _METHOD.fullmatch(method) or is_template(url, headers, body):
        return None
    long_body = body is not None and len(body) > MAX_BODY_BYTES
    if long_body or len(headers) > MAX_HEADERS:  # read in part: its signature not judged, no header proved missing
        count_cut(("request", origin.line, origin.column, method, url))
        body = None if long_body else body
        headers_known = headers_known and len(headers) <= MAX_HEADERS
    headers = [(well_formed(name), well_formed(value)) for name, value in headers[:MAX_HEADERS]]
    if body is not None and body_exact and (declared := content_length(headers)) is not None:
        body_exact = declared == len(body)
    return Exchange(method.upper(), url, headers, body, time and well_formed(time), origin,
                    headers_known=headers_known, body_exact=body_exact, request_id=request_id, answered=answered)


# what separates a logger's suffix from the message it ends (nginx's error log: `, client: …`); quotes before it,
# or alone, close the string a printer wrapped the message in (Julia's show: `"""`; `print(f'Got "{event}" from …')`)
_SUFFIX_GAPS, _CLOSING_QUOTES = (b" ", b"\t", b","), b"\"'`"


class BodyLines:
    """A body logged over several text lines, put back together as the bytes that were sent.

    The lines lost their endings, so which separator joined them is decided by evidence, never
    by the first reading that matches a declared length while the other may still match:

    - a line that still ends with its CR, or a head whose lines did (``crs_shown``), says the
      capture shows the CRs sent: the lines are joined with LF, the CRs in them;
    - else the lines are read on as long as, joined with LF, they are shorter than the declared
      length (a CR LF reading of the first lines may match it by chance: a JSON body laid out
      over lines whose last line is `}` is, joined with LF, as long as the lines before it
      joined with CR LF); LF it is where the lines read match it so, CR LF where the lines up
      to the point a CR LF reading matched do (the lines read on after it were the log's),
      unless the log marked the body's end after them;
    - where the declared length ends inside the last line, what follows it there is the log's,
      not the body's, when the log adds nothing after a body (``run_on``: the next block runs
      into it), or when a blank begins it and the lines are those right after the head's blank
      line (``suffixed``: a logger's suffix after the message, Monolog's context and extra, `` []
      []``, or the blanks they leave when empty, as Laravel writes, nginx's error-log context
      ``, client: …, server: …``, or the quotes that close a string printed around it, alone or before a gap; never
      where the lines are a guess at where a body begins, which a blank in the right place would make fit) — or when it is
      blanks only (a format that puts one after the body it prints: RequestsLibrary's ``body=%s \n ``).

    When neither matches, the log does not show the exact bytes, and :meth:`value` says so with
    None — a signature checked over guessed bytes would report a forgery that never happened.
    """

    def __init__(self, expected: int | None = None, crs_shown: bool = False, run_on: bool = False,
                 suffixed: bool = False) -> None:
        self.expected = expected
        self.crs_shown = crs_shown
        self.run_on = run_on  # the log adds nothing after the body: what follows may run into its last line
        self.suffixed = suffixed  # the lines follow the head's blank line: the log's suffix may end the last
        self._parts: list[bytes] = []
        self._size = 0
        self.lines = 0
        self._crlf_lines = 0  # how many lines a CR LF reading of the declared length took; 0: none did

    def add(self, text: str) -> None:
        data = to_bytes(text)
        self._size += len(data)
        self.lines += 1
        self.crs_shown = self.crs_shown or data.endswith(b"\r")
        if self.overflow:
            self._parts.clear()  # too long to keep; only the sizes are still counted
        else:
            self._parts.append(data)
        if not self._crlf_lines and self.expected is not None and self._joined_size(2) == self.expected:
            self._crlf_lines = self.lines

    @property
    def overflow(self) -> bool:
        return self._size > MAX_BODY_BYTES

    def drop_trailing_blanks(self) -> None:
        """Forget the blank lines at the end: the gap a log leaves before what follows a body
        that no length or end line bounds, not the body's own."""
        while self._parts and not self._parts[-1].strip():
            self._size -= len(self._parts.pop())
            self.lines -= 1
        if self._crlf_lines > self.lines:
            self._crlf_lines = 0

    def _joined_size(self, separator: int) -> int:
        return self._size + separator * max(self.lines - 1, 0)

    @property
    def complete(self) -> bool:
        """Whether the lines read settle the body: joined with LF, they reach the declared
        length (never, without a declared length). A CR LF reading that matched before does
        not: the next lines may make the LF one match."""
        return self.expected is not None and self._joined_size(1) >= self.expected

    def value(self, end_marked: bool = False) -> bytes | None:
        """The bytes sent, or None where the lines do not show them; with no declared length, the last line's CR is a
        CR LF log's line end, not the body's. ``end_marked``: the log marked where the body ends (an end label, a
        wrapper's close), so every line read is the body's and a reading of the first lines alone is none."""
        if self.overflow or (not self.lines and self.expected != 0):
            return None
        if self.expected is None or self._joined_size(1) == self.expected:
            return b"\n".join(self._parts).removesuffix(b"\r" if self.expected is None else b"")
        if self._joined_size(1) > self.expected >= self._joined_size(1) - len(self._parts[-1]):
            joined = b"\n".join(self._parts)  # the length ends in the last line: the rest is the log's
            rest = joined[self.expected:]
            suffix = rest.lstrip(_CLOSING_QUOTES)[:1] in (*_SUFFIX_GAPS, b"")  # after the quotes that close it, if any
            if self.run_on or not rest.strip() or (self.suffixed and suffix):
                return joined[: self.expected]
        if self.crs_shown:
            return None
        if self._crlf_lines and not end_marked:
            return b"\r\n".join(self._parts[: self._crlf_lines])
        return b"\r\n".join(self._parts) if self._joined_size(2) == self.expected else None
