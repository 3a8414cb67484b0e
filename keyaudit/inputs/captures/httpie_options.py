"""HTTPie's command line (``http``/``https [flags] [METHOD] URL [ITEM …]``) said as curl's options.

HTTPie names the request by position and by request items rather than by options: a method word
before the URL, then items whose separator says their role (httpie.io/docs/cli/request-items) —
``Name:value`` a header (``Name:`` removes one, ``Name;`` sends it empty, as curl's ``-H`` does),
``name==value`` a query parameter, ``field=value`` a JSON string field, ``field:=json`` a raw
JSON field, ``field@file`` / ``=@`` / ``:=@`` a file's content. The fields make a JSON object
(or, with ``--form``, a urlencoded form); ``--raw`` gives the body as it is; a standard input the
shell redirects from a file (``< body.json``) is the body, as HTTPie reads it (unless told
``--ignore-stdin``): a file's content, unknown here. Each is given under
the name of the curl option that means the same, so :mod:`.curl_request` reads them as curl's.
"""

from __future__ import annotations

import json
import re
from typing import Iterator
from urllib.parse import urlencode

from .shellwords import InputFile

# A separator at the earliest place in an item; at one place, the longest (``:=@`` before ``:=``
# before ``:``). A backslash before one makes it part of the name.
_SEPARATOR = r"(?<!\\)(:=@|=@|==|:=|@|=|:|;)"  # compiled at its first use (re's cache)
_SHORT = {"a": "auth", "A": "auth-type", "p": "print", "o": "output", "s": "style", "f": "form", "j": "json"}
_LONG_WITH_VALUE = frozenset({
    "auth", "auth-type", "print", "output", "style", "raw", "session", "session-read-only", "verify", "cert", "cert-key",
    "cert-key-pass", "proxy", "timeout", "max-redirects", "format-options", "pretty", "response-charset",
    "response-mime", "boundary", "ssl", "ciphers", "max-headers", "default-scheme", "unsorted", "sorted"})
_METHOD_WORD = r"[A-Za-z]{3,7}"


def httpie_options(words: list[str], default_scheme: str = "http") -> Iterator[tuple[str, str | None]]:
    """(curl's name for the option, value or None) for an HTTPie command's words (after ``http``;
    ``default_scheme`` is ``https`` after ``https``); URLs as ("url", value)."""
    flags: dict[str, str | None] = {"default-scheme": default_scheme}
    positional: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        index += 1
        if not word.startswith("-") or word == "-":
            positional.append(word)
            continue
        name, equals, value = (word[2:].partition("=") if word.startswith("--") else
                               (_SHORT.get(word[1:2], word[1:2]), "=" if word[2:] else "", word[2:]))
        if not equals and name in _LONG_WITH_VALUE and index < len(words):
            value, index = words[index], index + 1
        flags[name] = value if equals or name in _LONG_WITH_VALUE else None
    if len(positional) > 1 and re.fullmatch(_METHOD_WORD, positional[0]):
        yield "request", positional.pop(0).upper()
    if not positional:
        return
    yield "proto-default", flags["default-scheme"] or default_scheme
    yield "url", positional[0]
    yield from _items(positional[1:], flags)
    if flags.get("auth") is not None:
        yield ("oauth2-bearer" if (flags.get("auth-type") or "").lower() == "bearer" else "user"), flags["auth"]


def _items(items: list[str], flags: dict[str, str | None]) -> Iterator[tuple[str, str | None]]:
    """The request items as curl's options: headers and query parts one by one, the data fields
    (or ``--raw``'s body) as one body at the end."""
    fields: dict[str, object] = {}
    unknown = False
    for item in items:
        if isinstance(item, InputFile):
            unknown = unknown or ("ignore-stdin" not in flags and "I" not in flags)  # the body is that file's
            continue
        found = re.search(_SEPARATOR, item)
        if found is None:
            continue
        name, separator, value = item[: found.start()].replace("\\", ""), found.group(), item[found.end() :]
        if separator in (":", ";"):
            yield "header", f"{name}{separator}{value}" if separator == ":" else f"{name};"
        elif separator == "==":
            yield "url-query", f"{name}={value}"
        elif separator == ":=":
            try:
                fields[name] = json.loads(value)
            except (ValueError, RecursionError):  # no JSON, or nested deeper than the decoder goes: a body unknown
                unknown = True
        elif separator == "=":
            fields[name] = value
        else:  # a file's content
            unknown = True
    if unknown:
        yield "form", ""
    elif flags.get("raw") is not None:
        yield ("data-raw" if "form" in flags else "json"), flags["raw"]
    elif fields and "form" in flags:
        yield "data-raw", urlencode([(name, str(value)) for name, value in fields.items()])
    elif fields:
        yield "json", json.dumps(fields)
