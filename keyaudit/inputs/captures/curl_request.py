"""The words of one curl command read as the request it would send.

Only what changes the request matters: method, URL (curl's default scheme is ``http://``, which is
exactly the plaintext risk), headers, ``-u`` credentials (sent as the ``Authorization: Basic``
header curl would build, so header rules see them) and data. Variables are not expanded: a URL
whose host is ``$API_URL`` names no host and yields nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Callable, Iterator
from urllib.parse import quote

from keyaudit.model.exchange import Exchange, Origin

from .authorization import credential_header
from .curl_options import options, wget_options
from .httpie_options import httpie_options
from .lines import content_length, has_scheme, header_value, make_exchange, to_bytes
from .quoted import unescaped
from .powershell_options import powershell_options
from .shellwords import InputFile

_OTHER_AUTH = frozenset({"digest", "ntlm", "ntlm-wb", "negotiate", "anyauth", "aws-sigv4"})
_LOOSE_HOST = re.compile(r"localhost|\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+")


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
    headers_unknown: bool = False  # set where the command does not show (a variable, a session's)


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
    elif name == "headers-unknown":
        request.headers_unknown = True


# each command-line tool read: how its options say curl's, and the User-Agent it sends unless told another
TOOLS: dict[str, tuple[Callable[[Any], Iterator[tuple[str, str | None]]], str]] = {
    "curl": (options, "curl"), "wget": (wget_options, "Wget"), "http": (httpie_options, "HTTPie"),
    "https": (partial(httpie_options, default_scheme="https"), "HTTPie"), "powershell": (powershell_options, "PowerShell")}
_READS_INPUT = frozenset({"http", "https"})  # the tools that send what their standard input holds (HTTPie)


def _request(words: list[Any], tool: str) -> _Request:
    request = _Request()
    if tool not in _READS_INPUT:  # the file its standard input is read from is no word of its own
        words = [word for word in words if not isinstance(word, InputFile)]
    for name, value in TOOLS[tool][0](words):
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


def _headers(request: _Request, agent: str) -> list[tuple[str, str]]:
    """The headers the tool (curl) sends that matter here, with the ones it adds on its own."""
    headers = list(request.headers)
    defaults: list[tuple[str, str]] = []
    credentials = (("basic", request.user.split(":", 1)) if request.user and not request.other_auth
                   else ("bearer", [request.bearer] if request.bearer else []))
    if (sent := credential_header(*credentials)) is not None:
        defaults.append(sent)
    defaults.append(("User-Agent", agent))  # curl names itself unless told otherwise (-A, -H 'User-Agent:')
    if request.json:
        defaults += [("Content-Type", "application/json"), ("Accept", "application/json")]
    elif request.data and not request.get:
        defaults.append(("Content-Type", "application/x-www-form-urlencoded"))
    for name, value in defaults:  # a header given with -H replaces curl's own
        if header_value(headers, name) is None and name.lower() not in request.removed:
            headers.append((name, value))
    return headers


def command_exchange(words: list[Any], origin: Origin, tool: str = "curl", whole: bool = True) -> Exchange | None:
    """The request one curl command (its words after ``curl``; another tool's after its name: a
    row of :data:`TOOLS`) sends, or None when it names no URL. The first URL is used; curl would send the same request
    to each of them. A command not read ``whole`` (its lines went on past those read) shows neither all its
    headers nor its body."""
    request = _request(words, tool)
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
        if request.data and not request.body_unknown and whole:
            body = _declared_reading(data, request.headers)
    return make_exchange(_method(request), url, _headers(request, TOOLS[tool][1]), body, origin,
                         headers_known=not request.headers_unknown and whole,
                         body_exact=not (request.body_unknown and not request.get))  # a file's: sent, not shown


def _declared_reading(data: str, headers: list[tuple[str, str]]) -> bytes:
    """The bytes of the command's data: as a shell reads its words, unless the command declares
    a ``Content-Length`` that reading misses and the data's backslash escapes undone match. A
    program that prints the command it runs writes its arguments as JSON strings (Bun's verbose
    fetch, ``--data-raw "{\\n\\"a\\":1}"``), whose ``\\n`` is a line feed where a shell keeps
    a backslash and an n inside double quotes; the length it declares says which was sent."""
    body = to_bytes(data)
    declared = content_length(headers)
    if declared is None or declared == len(body) or "\\" not in data:
        return body
    escaped = to_bytes(unescaped(data))
    return escaped if len(escaped) == declared else body
