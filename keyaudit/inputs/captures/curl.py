"""curl commands in shell scripts, docs and CI logs, read as the requests they would send.

A command is split into words the way a POSIX shell does it (quotes, ``$'…'``, backslash-newline
continuations, also ``^`` of cmd and the backtick of PowerShell at the end of a line), fed one
physical line at a time so a body quoted over many lines is read without holding the file.
:mod:`shlex` is not used because it keeps backslash-newline, knows no ``$'…'`` and cannot say
"this command goes on in the next line", which is what the line-by-line reading needs.

Only what changes the request matters: method, URL (curl's default scheme is ``http://``, which is
exactly the plaintext risk), headers, ``-u`` credentials (sent as the ``Authorization: Basic``
header curl would build, so header rules see them) and data. Variables are not expanded: a URL
whose host is ``$API_URL`` names no host and yields nothing.
"""

from __future__ import annotations

import base64
import re
from collections import deque
from dataclasses import dataclass, field
from typing import Callable, Generator, Iterable, Iterator
from urllib.parse import quote

from keyaudit.model.exchange import Exchange, Origin

from .lines import has_scheme, header_value, make_exchange, to_bytes

MAX_COMMAND_LINES = 500
MAX_COMMAND_CHARS = 1 << 20

# "curl" where a command can start: line start, after blanks, an operator, "(" or "`"
# (which also covers "$ curl", "+ curl", "sudo curl" and timestamped CI log lines).
_START = re.compile(r"(?:^|(?<=[\s;&|(`]))curl(?:\.exe)?(?=\s|$)")

# A line that starts with a command: inside an open quote, it means the quote was never meant.
_LINE_START = re.compile(r"\s*(?:[$#>+]\s+)?(?:sudo\s+)?curl(?:\.exe)?\s")

_SHORT_WITH_VALUE = {
    "A": "user-agent", "b": "cookie", "c": "cookie-jar", "C": "continue-at", "d": "data",
    "D": "dump-header", "e": "referer", "E": "cert", "F": "form", "H": "header", "K": "config",
    "m": "max-time", "o": "output", "P": "ftp-port", "Q": "quote", "r": "range", "t": "telnet-option",
    "T": "upload-file", "u": "user", "U": "proxy-user", "w": "write-out", "x": "proxy", "X": "request",
    "y": "speed-time", "Y": "speed-limit", "z": "time-cond",
}
_SHORT_FLAGS = {"G": "get", "I": "head", ":": "next"}
# Long options that take a value: a value mistaken for a URL would invent a request.
_LONG_WITH_VALUE = frozenset(set(_SHORT_WITH_VALUE.values()) | {
    "abstract-unix-socket", "alt-svc", "aws-sigv4", "cacert", "capath", "cert-type", "ciphers",
    "connect-timeout", "connect-to", "create-file-mode", "crlfile", "curves", "data-ascii",
    "data-binary", "data-raw", "data-urlencode", "delegation", "dns-interface", "dns-ipv4-addr",
    "dns-ipv6-addr", "dns-servers", "doh-url", "ech", "egd-file", "engine", "etag-compare", "etag-save",
    "expect100-timeout", "form-string", "ftp-account", "ftp-alternative-to-user", "ftp-method",
    "ftp-ssl-ccc-mode", "happy-eyeballs-timeout-ms", "haproxy-clientip", "hostpubmd5",
    "hostpubsha256", "hsts", "interface", "ip-tos", "ipfs-gateway", "json", "keepalive-cnt",
    "keepalive-time", "key", "key-type", "krb", "libcurl", "limit-rate", "local-port",
    "login-options", "mail-auth", "mail-from", "mail-rcpt", "max-filesize", "max-redirs",
    "netrc-file", "noproxy", "oauth2-bearer", "output-dir", "parallel-max", "pass", "pinnedpubkey",
    "preproxy", "proto", "proto-default", "proto-redir", "proxy-cacert", "proxy-capath", "proxy-cert",
    "proxy-cert-type", "proxy-ciphers", "proxy-crlfile", "proxy-header", "proxy-key",
    "proxy-key-type", "proxy-pass", "proxy-pinnedpubkey", "proxy-service-name",
    "proxy-tls13-ciphers", "proxy-tlsauthtype", "proxy-tlspassword", "proxy-tlsuser", "proxy1.0",
    "pubkey", "random-file", "rate", "request-target", "resolve", "retry", "retry-delay",
    "retry-max-time", "sasl-authzid", "service-name", "socks4", "socks4a", "socks5",
    "socks5-gssapi-service", "socks5-hostname", "stderr", "tftp-blksize", "tls-max",
    "tls13-ciphers", "tlsauthtype", "tlspassword", "tlsuser", "trace", "trace-ascii", "trace-config",
    "unix-socket", "url", "url-query", "variable",
})
_OTHER_AUTH = frozenset({"digest", "ntlm", "ntlm-wb", "negotiate", "anyauth", "aws-sigv4"})
_ANSI_SIMPLE = {"a": "\a", "b": "\b", "e": "\x1b", "E": "\x1b", "f": "\f", "n": "\n", "r": "\r",
                "t": "\t", "v": "\v", "\\": "\\", "'": "'", '"': '"', "?": "?"}
_ANSI_NUMERIC = (("x", 16, 2), ("u", 16, 4), ("U", 16, 8))
_HEX = frozenset("0123456789abcdefABCDEF")
_OCTAL = frozenset("01234567")
_LOOSE_HOST = re.compile(r"localhost|\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+")


def _byte_char(value: int) -> str:
    """A byte from an escape as the text stands for it: ASCII as itself, others as the
    surrogate ``surrogateescape`` turns back into that one byte (``$'\\xff'`` sends 0xFF)."""
    value &= 0xFF
    return chr(value) if value < 0x80 else chr(0xDC00 + value)


def _ansi_escape(text: str, index: int) -> tuple[str, int]:
    """The character(s) a ``$'…'`` escape at ``text[index] == '\\'`` stands for, and where the
    text goes on."""
    letter = text[index + 1] if index + 1 < len(text) else ""
    if letter in _ANSI_SIMPLE:
        return _ANSI_SIMPLE[letter], index + 2
    for prefix, base, width in _ANSI_NUMERIC:
        if letter == prefix:
            digits = _run(text, index + 2, width, _HEX)
            code = int(digits, base) if digits else -1
            if code < 0 or code > 0x10FFFF:
                return "\\" + letter, index + 2
            return (_byte_char(code) if prefix == "x" else chr(code)), index + 2 + len(digits)
    if letter in _OCTAL:
        digits = _run(text, index + 1, 3, _OCTAL)
        return _byte_char(int(digits, 8)), index + 1 + len(digits)
    if letter == "c" and index + 2 < len(text):
        return chr(ord(text[index + 2]) & 0x1F), index + 3
    return "\\" + letter, index + 1 + len(letter)


def _run(text: str, start: int, limit: int, allowed: frozenset[str]) -> str:
    end = start
    while end < len(text) and end - start < limit and text[end] in allowed:
        end += 1
    return text[start:end]


class ShellWords:
    """The words of one shell command, fed a physical line at a time.

    ``feed`` answers whether the command is complete: it ends at a newline outside quotes and
    without a continuation, or at an operator (``;``, ``&``, ``|``, ``)``), after which
    :attr:`rest` is where the rest of that line starts. Redirections and comments are dropped.
    """

    def __init__(self, in_backticks: bool = False) -> None:
        self.words: list[str] = []
        self.rest: int | None = None
        self.size = 0
        self._in_backticks = in_backticks
        self._word: list[str] | None = None
        self._quote = ""  # "", "'", '"' or "$'"
        self._drop_next = False  # the next word is a redirection target

    @property
    def in_quote(self) -> bool:
        return bool(self._quote)

    def feed(self, line: str, start: int = 0) -> bool:
        self.size += len(line) - start
        text = line + "\n"
        index = start
        while index < len(text):
            step = self._quoted(text, index) if self._quote else self._plain(text, index)
            if step is None:
                return False  # continuation: the command goes on in the next line
            if step < 0:
                self._end_word()
                self.rest = -step - 1 if -step - 1 < len(line) else None
                return True
            index = step
        return False

    def _append(self, chars: str) -> None:
        if self._word is None:
            self._word = []
        self._word.append(chars)

    def _end_word(self) -> None:
        if self._word is not None:
            if not self._drop_next:
                self.words.append("".join(self._word))
            self._drop_next = False
            self._word = None

    def _quoted(self, text: str, index: int) -> int | None:
        """One step inside quotes; returns where to go on, or None for a continuation."""
        run = _QUOTED_RUN[self._quote].match(text, index)
        if run is not None and run.end() > index:
            self._append(run.group())
            return run.end()
        char = text[index]
        if char == "\\" and self._quote == "$'":
            decoded, index = _ansi_escape(text, index)
            self._append(decoded)
            return index
        if char == "\\" and self._quote == '"' and text[index + 1 : index + 2] in _DQUOTE_ESCAPES:
            if text[index + 1] == "\n":
                return None  # backslash-newline inside double quotes is a continuation too
            self._append(text[index + 1])
            return index + 2
        if char == "\\":
            self._append(char)
        else:
            self._quote = ""  # the closing quote
        return index + 1

    def _plain(self, text: str, index: int) -> int | None:
        """One step outside quotes; returns where to go on, None for a continuation, or
        :func:`_end` of where the rest of the line starts when the command ends."""
        run = _PLAIN_RUN.match(text, index)
        if run is not None and run.end() > index:
            self._append(run.group())
            return run.end()
        char = text[index]
        if char == "\n":
            return _end(index + 1)
        if char in " \t\r\f\v":
            self._end_word()
            return index + 1
        if char == "\\":
            if not text[index + 1 :].strip():
                return None  # trailing blanks after the backslash are forgiven
            self._append(text[index + 1])
            return index + 2
        return self._special(text, index)

    def _special(self, text: str, index: int) -> int | None:
        """Operators, redirections, quote openings, comments and line-end continuations."""
        char, following = text[index], text[index + 1 : index + 2]
        if (char == "`" and self._in_backticks) or char in ";&|)":
            return _end(index + 1 + (following == char))
        if char in "^`" and self._word is None and not text[index + 1 :].strip():
            return None  # cmd's ^ and PowerShell's ` continuation
        if char in "<>":
            return self._redirect(text, index)
        if char in "'\"" or (char == "$" and following == "'"):
            self._append("")
            self._quote = "$'" if char == "$" else char
            return index + 1 + (char == "$")
        if char == "#" and self._word is None:
            return _end(len(text))  # a comment runs to the end of the line
        self._append(char)
        return index + 1

    def _redirect(self, text: str, index: int) -> int:
        """Skip ``>file``, ``2>&1``, ``< input``: a redirection is not an argument of curl."""
        if self._word is not None and "".join(self._word).isdigit():
            self._word = None  # the file descriptor in "2>"
        self._end_word()
        index += 1
        while index < len(text) and text[index] in "<>&":
            index += 1
        self._drop_next = True
        return index


def _end(position: int) -> int:
    """How ``_plain`` says "the command ended; the rest of the line starts at position"."""
    return -(position + 1)


_DQUOTE_ESCAPES = frozenset('$`"\\\n')  # what a backslash escapes inside double quotes
_PLAIN_RUN = re.compile(r"[^\s\\'\"$;&|)<>#^`]*")
_QUOTED_RUN = {"'": re.compile(r"[^']*"), '"': re.compile(r'[^"\\]*'), "$'": re.compile(r"[^'\\]*")}


@dataclass
class _Request:
    """What the options of one command say about its request."""

    method: str | None = None
    urls: list[str] = field(default_factory=list)
    headers: list[tuple[str, str]] = field(default_factory=list)
    removed: set[str] = field(default_factory=set)
    data: list[str] = field(default_factory=list)
    query: list[str] = field(default_factory=list)
    json: bool = False
    get: bool = False
    head: bool = False
    body_unknown: bool = False  # data from a file, a form, an upload
    sends_body: bool = False
    user: str | None = None
    bearer: str | None = None
    other_auth: bool = False
    default_scheme: str = "http"


def _urlencoded(value: str, pre_encoded_plus: bool = False) -> str | None:
    """A ``--data-urlencode`` (or, with ``pre_encoded_plus``, ``--url-query``) argument as curl
    sends it; None when it names a file whose content is unknown here. curl since 7.77 encodes
    a space as ``+`` (RFC 1866 form encoding) and every other byte but ``A-Za-z0-9-._~``."""
    if pre_encoded_plus and value.startswith("+"):
        return value[1:]  # --url-query "+text": already encoded
    name, equals, content = value.partition("=")
    at = value.find("@")
    if at >= 0 and (not equals or at < len(name)):
        return None
    encoded = _form_encoded(content if equals else value)
    return f"{name}={encoded}" if equals and name else encoded


def _form_encoded(text: str) -> str:
    return quote(to_bytes(text), safe="").replace("%20", "+")


def _on_header(request: _Request, value: str) -> None:
    if value.startswith("@"):
        return  # headers read from a file
    name, colon, content = value.partition(":")
    if not colon and name.endswith(";"):
        request.headers.append((name[:-1].strip(), ""))  # "Name;" sends an empty header
    elif colon and name.strip():
        if content.strip():
            request.headers.append((name.strip(), content.strip()))
        else:
            request.removed.add(name.strip().lower())  # "Name:" removes curl's own header


def _on_data(kind: str) -> Callable[[_Request, str], None]:
    def handle(request: _Request, value: str) -> None:
        request.sends_body = True
        if kind == "urlencode":
            encoded = _urlencoded(value)
        elif kind == "raw":
            encoded = value
        else:
            encoded = None if value.startswith("@") else value
        if encoded is None:
            request.body_unknown = True
        else:
            request.data.append(encoded)
        request.json = request.json or kind == "json"

    return handle


def _on_unknown_body(request: _Request, _value: str) -> None:
    request.sends_body = request.body_unknown = True


def _on_upload(request: _Request, _value: str) -> None:
    request.body_unknown = True
    request.method = request.method or "PUT"


def _on_url_query(request: _Request, value: str) -> None:
    encoded = _urlencoded(value, pre_encoded_plus=True)
    if encoded is not None:
        request.query.append(encoded)


def _on_set_header(name: str) -> Callable[[_Request, str], None]:
    def handle(request: _Request, value: str) -> None:
        if name == "Referer":
            value = value.removesuffix(";auto")
        if name == "Cookie" and "=" not in value:
            return  # a cookie file, not cookies
        if value:
            request.headers.append((name, value))

    return handle


def _set(attribute: str) -> Callable[[_Request, str], None]:
    def handle(request: _Request, value: str) -> None:
        setattr(request, attribute, value)

    return handle


_VALUE_HANDLERS: dict[str, Callable[[_Request, str], None]] = {
    "request": lambda request, value: setattr(request, "method", value or None),
    "url": lambda request, value: request.urls.append(value),
    "header": _on_header,
    "user": _set("user"),
    "oauth2-bearer": _set("bearer"),
    "proto-default": _set("default_scheme"),
    "data": _on_data("file-or-text"),
    "data-ascii": _on_data("file-or-text"),
    "data-binary": _on_data("file-or-text"),
    "data-raw": _on_data("raw"),
    "data-urlencode": _on_data("urlencode"),
    "json": _on_data("json"),
    "form": _on_unknown_body,
    "form-string": _on_unknown_body,
    "upload-file": _on_upload,
    "url-query": _on_url_query,
    # A value with {{variables}} is unknown here; only its effect on the method is kept.
    **{f"expand-{name}": _on_unknown_body for name in ("data", "data-ascii", "data-binary", "data-raw",
                                                          "data-urlencode", "json")},
    "user-agent": _on_set_header("User-Agent"),
    "referer": _on_set_header("Referer"),
    "cookie": _on_set_header("Cookie"),
}


def _on_flag(request: _Request, name: str) -> None:
    if name == "get":
        request.get = True
    elif name == "head":
        request.head = True
    elif name in _OTHER_AUTH:
        request.other_auth = True
    elif name == "basic":
        request.other_auth = False


def _options(words: list[str]) -> Iterator[tuple[str, str | None]]:
    """(long option name, value or None) for each option; URLs as ("url", value).

    Stops at ``--next``/``-:``: what follows is a second request with its own options.
    """
    index, options_done = 0, False
    while index < len(words):
        word = words[index]
        index += 1
        if options_done or not word.startswith("-") or word == "-":
            yield "url", word
        elif word == "--":
            options_done = True
        else:
            found = _long_option(word) if word.startswith("--") else _short_options(word)
            for name, takes_value in found:
                if name == "next":
                    return
                if takes_value is None:
                    yield name, None
                elif takes_value or index < len(words):
                    value = takes_value or words[index]
                    index += not takes_value
                    yield name, value


def _long_option(word: str) -> list[tuple[str, str | None]]:
    """``--name``: (name, "" when it takes the next word as value, else None). Every
    ``--expand-<option>`` (curl 8.3 variables) takes a value, like the option it expands."""
    name = word[2:]
    return [(name, "" if name in _LONG_WITH_VALUE or name.startswith("expand-") else None)]


def _short_options(word: str) -> list[tuple[str, str | None]]:
    """A cluster such as ``-sSLX`` or ``-XPOST``: each letter as its long name; the letter that
    takes a value ends the cluster, with the rest of the word as value ("" = the next word)."""
    found: list[tuple[str, str | None]] = []
    for position in range(1, len(word)):
        letter = word[position]
        if letter in _SHORT_WITH_VALUE:
            found.append((_SHORT_WITH_VALUE[letter], word[position + 1 :]))
            break
        found.append((_SHORT_FLAGS.get(letter, letter), None))
    return found


def _request(words: list[str]) -> _Request:
    request = _Request()
    for name, value in _options(words):
        if value is None:
            _on_flag(request, name)
        elif name in _VALUE_HANDLERS:
            _VALUE_HANDLERS[name](request, value)
    return request


def _looks_like_url(url: str) -> bool:
    """Whether the first argument is a URL rather than prose ("use curl to call the API")."""
    if has_scheme(url):
        return True
    authority = re.split(r"[/?#]", url, maxsplit=1)[0].rpartition("@")[2]
    host = authority if authority.startswith("[") else authority.split(":", 1)[0]
    return _LOOSE_HOST.fullmatch(host) is not None


def _with_query(url: str, parts: list[str]) -> str:
    if not parts:
        return url
    base, hash_mark, fragment = url.partition("#")
    joined = "&".join(parts)
    return base + ("&" if "?" in base else "?") + joined + hash_mark + fragment


def _method(request: _Request) -> str:
    if request.method:
        return request.method
    if request.head:
        return "HEAD"
    return "POST" if request.sends_body and not request.get else "GET"


def _headers(request: _Request) -> list[tuple[str, str]]:
    """The headers curl sends that matter here, with the ones it adds on its own."""
    headers = list(request.headers)
    defaults: list[tuple[str, str]] = []
    if request.user and not request.other_auth:
        user = request.user if ":" in request.user else request.user + ":"
        defaults.append(("Authorization", "Basic " + base64.b64encode(to_bytes(user)).decode("ascii")))
    elif request.bearer:
        defaults.append(("Authorization", f"Bearer {request.bearer}"))
    if request.json:
        defaults += [("Content-Type", "application/json"), ("Accept", "application/json")]
    elif request.data and not request.get:
        defaults.append(("Content-Type", "application/x-www-form-urlencoded"))
    for name, value in defaults:  # a header given with -H replaces curl's own
        if header_value(headers, name) is None and name.lower() not in request.removed:
            headers.append((name, value))
    return headers


def command_exchange(words: list[str], origin: Origin) -> Exchange | None:
    """The request one curl command (its words after ``curl``) sends, or None when it names no
    URL. The first URL is used; curl would send the same request to each of them."""
    request = _request(words)
    if not request.urls or not _looks_like_url(request.urls[0]):
        return None
    url = request.urls[0]
    if not has_scheme(url):
        url = f"{request.default_scheme}://{url}"
    body: bytes | None = None
    data = ("" if request.json else "&").join(request.data)
    if request.get:
        url = _with_query(url, request.query + ([data] if request.data and not request.body_unknown else []))
    else:
        url = _with_query(url, request.query)
        if request.data and not request.body_unknown:
            body = to_bytes(data)
    return make_exchange(_method(request), url, _headers(request), body, origin)


@dataclass
class _Pending:
    """A command being read: its lines are kept so they can be read again if it never ends."""

    words: ShellWords
    origin: Origin
    lines: list[tuple[int, str, int]]


def exchanges(lines: Iterable[tuple[int, str]], path: str) -> Iterator[Exchange]:
    """Every curl command in the lines, as the Exchange it sends; origin is its first line.

    A command whose quotes never close (prose with an apostrophe, a truncated log) is given up
    after :data:`MAX_COMMAND_LINES` lines or at the end of input, and the lines it swallowed are
    read again, so a real command among them is still found.
    """
    return _CommandReader(path).read(lines)


class _CommandReader:
    """The line-by-line reading: at most one command in progress, plus lines to read again."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.pending: _Pending | None = None
        self.replay: deque[tuple[int, str, int]] = deque()

    def read(self, lines: Iterable[tuple[int, str]]) -> Iterator[Exchange]:
        for number, text in lines:
            yield from self._line((number, text, 0))
            yield from self._replayed()
        while self.pending is not None and self.pending.words.in_quote:
            self._give_up()
            yield from self._replayed()
        if self.pending is not None:  # a continuation on the last line: the command ends there
            yield from _finished(self.pending)

    def _replayed(self) -> Iterator[Exchange]:
        while self.replay:
            yield from self._line(self.replay.popleft())

    def _line(self, item: tuple[int, str, int]) -> Iterator[Exchange]:
        rest: tuple[int, str, int] | None = item
        if self.pending is not None:
            rest = yield from self._continue(self.pending, item)
        if rest is not None:
            self.pending = yield from _commands_in_line(rest, self.path)

    def _continue(self, pending: _Pending, item: tuple[int, str, int]
                  ) -> Generator[Exchange, None, tuple[int, str, int] | None]:
        """Feed the next line to the command in progress; returns the rest of the line after
        the command when the command ended inside it."""
        pending.lines.append(item)
        if pending.words.in_quote and _LINE_START.match(item[1]):
            self._give_up()  # a quote open until the next command is prose, not a body
            return None
        if not pending.words.feed(item[1]):
            if len(pending.lines) >= MAX_COMMAND_LINES or pending.words.size > MAX_COMMAND_CHARS:
                self._give_up()
            return None
        self.pending = None
        yield from _finished(pending)
        rest = pending.words.rest
        return None if rest is None else (item[0], item[1], rest)

    def _give_up(self) -> None:
        """Read the lines of the command in progress again, the first from after its ``curl``."""
        if self.pending is not None:
            first, *others = self.pending.lines
            self.replay.extendleft(reversed([first, *((number, text, 0) for number, text, _ in others)]))
            self.pending = None


def _commands_in_line(item: tuple[int, str, int], path: str) -> Generator[Exchange, None, _Pending | None]:
    """The commands that start (and end) in one line from ``item``'s start on; returns the
    command that goes on in the next line, if one does."""
    number, text, start = item
    if "curl" not in text:
        return None
    while (match := _START.search(text, start)) is not None:
        words = ShellWords(in_backticks=match.start() > 0 and text[match.start() - 1] == "`")
        pending = _Pending(words, Origin(path, number, column=match.start() + 1, capture="curl"),
                           [(number, text, match.end())])
        if not words.feed(text, match.end()):
            return pending
        yield from _finished(pending)
        if words.rest is None:
            break
        start = words.rest
    return None


def _finished(pending: _Pending) -> Iterator[Exchange]:
    exchange = command_exchange(pending.words.words, pending.origin)
    if exchange is not None:
        yield exchange
