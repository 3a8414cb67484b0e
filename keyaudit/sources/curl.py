"""curl commands in shell scripts, docs and CI logs, read as the requests they send.

Only what changes the request matters here: method, URL (curl's default scheme is ``http://``,
which is exactly the plaintext risk), headers, ``-u`` credentials and data. Variables are not
expanded; a command that shlex cannot split (unbalanced quotes) is left to the text scan.
"""

from __future__ import annotations

import base64
import re
import shlex
from typing import Iterable, Iterator
from urllib.parse import urlsplit

from keyaudit.exchange import Exchange, Origin

_START = re.compile(r"(?:^|[\s;&|(`$'\"])curl(?:\.exe)?\s")
_CONTINUATION = ("\\", "^", "`")
MAX_COMMAND_LINES = 200
_SHORT_WITH_VALUE = set("ABbCcDdEeFHKmoPQrTtUuwXxYyz")
_LONG_WITH_VALUE = {
    "url", "header", "data", "data-raw", "data-binary", "data-ascii", "data-urlencode", "json", "user",
    "request", "output", "user-agent", "referer", "cookie", "cookie-jar", "cacert", "cert", "key", "proxy",
    "max-time", "connect-timeout", "write-out", "form", "form-string", "retry", "resolve", "connect-to",
    "oauth2-bearer", "aws-sigv4", "limit-rate", "max-filesize", "proto", "interface", "dns-servers",
    "unix-socket", "config", "proxy-user", "retry-delay", "retry-max-time", "trace", "trace-ascii",
}
_SHORT_NAMES = {"X": "request", "H": "header", "u": "user", "d": "data", "F": "form", "A": "user-agent"}
_DATA = {"data", "data-raw", "data-binary", "data-ascii", "data-urlencode"}


def _commands(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """(first line, whole command text) for every curl command, continuations joined."""
    pending: list[str] = []
    first = 0
    for number, text in lines:
        if pending:
            pending.append(text)
        elif _START.search(text):
            first, pending = number, [text]
        else:
            continue
        stripped = text.rstrip()
        if stripped.endswith(_CONTINUATION) and len(pending) < MAX_COMMAND_LINES:
            pending[-1] = stripped[:-1]
            continue
        yield first, " ".join(pending)
        pending = []
    if pending:
        yield first, " ".join(pending)


def _options(tokens: list[str]) -> Iterator[tuple[str, str | None]]:
    """(option name, value) pairs, positional arguments as ("", value); after ``curl``."""
    index = 0
    while index < len(tokens):
        token = tokens[index]
        index += 1
        if token.startswith("--") and len(token) > 2:
            name, _, inline = token[2:].partition("=")
            if name in _LONG_WITH_VALUE:
                if inline:
                    yield name, inline
                elif index < len(tokens):
                    yield name, tokens[index]
                    index += 1
            else:
                yield name, None
        elif token.startswith("-") and len(token) > 1:
            for position, letter in enumerate(token[1:], start=1):
                if letter in _SHORT_WITH_VALUE:
                    rest = token[position + 1 :]
                    if rest:
                        yield _SHORT_NAMES.get(letter, letter), rest
                    elif index < len(tokens):
                        yield _SHORT_NAMES.get(letter, letter), tokens[index]
                        index += 1
                    break
                yield {"G": "get", "I": "head"}.get(letter, letter), None
        elif token in (";", "&&", "||", "|", "&"):
            return  # the command ends; what follows is another command
        else:
            yield "", token


def parse_command(command: str, path: str, line: int) -> Exchange | None:
    """The request one curl command sends, or None when it names no URL."""
    start = _START.search(command)
    try:
        tokens = shlex.split(command[start.end() if start else 0 :], posix=True)
    except ValueError:
        return None
    method, url, headers, data, json_body, get = None, None, [], [], None, False
    for name, value in _options(tokens):
        if name == "request":
            method = value
        elif name == "url" or (name == "" and url is None):
            url = value
        elif name == "header" and value and ":" in value:
            key, _, header_value = value.partition(":")
            headers.append((key.strip(), header_value.strip()))
        elif name == "user" and value:
            headers.append(("Authorization", "Basic " + base64.b64encode(value.encode()).decode()))
        elif name == "oauth2-bearer" and value:
            headers.append(("Authorization", f"Bearer {value}"))
        elif name in _DATA and value is not None:
            data.append(value)
        elif name == "json" and value is not None:
            json_body = value
        elif name == "get":
            get = True
        elif name == "head":
            method = method or "HEAD"
    if not url or url.startswith("-"):
        return None
    if "://" not in url:
        url = "http://" + url
    if not urlsplit(url).hostname:
        return None
    body: bytes | None = None
    if get and data:
        url += ("&" if "?" in url else "?") + "&".join(data)
    elif json_body is not None:
        body = json_body.encode()
        headers.append(("Content-Type", "application/json"))
    elif data:
        body = None if any(part.startswith("@") for part in data) else "&".join(data).encode()
    method = (method or ("POST" if (data or json_body is not None) and not get else "GET")).upper()
    exchange = Exchange(method, url, headers, body, origin=Origin(path, line, capture="curl"))
    return exchange


def exchanges(lines: Iterable[tuple[int, str]], path: str) -> Iterator[Exchange]:
    """Every curl command in the text, as an Exchange."""
    for line, command in _commands(lines):
        exchange = parse_command(command, path, line)
        if exchange is not None:
            yield exchange
