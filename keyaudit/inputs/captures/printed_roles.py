"""What printed values are where no name says it: a map that is a block of header fields, and a
request printed by position — a type's constructor that writes its values with no names (Scala's
case class: ``TransferCall(POST,https://…,Map(Name -> value, …),{…})``) — read by what each value
is: an HTTP method, an absolute URL, a map of header fields, the JSON document sent.

A map is header fields only where every key is a field's name and one is written as HTTP writes
one, with a dash, and every value a string or a list of them: a query's, an option's or a body's
map is none. A request by position needs exactly one method and one absolute URL (two URLs, a
callback's beside the target, leave it unknown which was called) — or one absolute URL and one map of options
that names the method, the rest of the request said in it (``fetch(url, {method, headers, body})``, the Wolfram
Language's ``HTTPRequest[url, <|Method -> …|>]``); its headers are the one map of
header fields; its body the one value left, and only where that is a JSON document printed raw
(its text kept, :class:`.record_views.Printed`): a value left that is anything else (a timeout,
an id), or more than one, is never taken for the bytes sent, and the request shows no body.
"""

from __future__ import annotations

import re
from typing import Any

from .lines import DASHED_NAME, HTTP_METHODS, MAX_HEADERS, TOKEN
from .record_views import Printed

_TOKEN = re.compile(TOKEN)
_WEB = ("http://", "https://")


def header_fields(mapping: dict[Any, Any]) -> list[tuple[str, str]] | None:
    """The header fields a printed map holds (a list's values each a field of that name), or
    None where it is no map of header fields (see above)."""
    headers: list[tuple[str, str]] = []
    for name, value in mapping.items():
        values = value if isinstance(value, list) else [value]
        if not all(isinstance(item, str) for item in values):
            return None
        headers += [(name, item) for item in values]
    return headers[:MAX_HEADERS] if field_names(list(mapping)) else None


def field_names(names: list[Any], dashed: bool = True) -> bool:
    """Whether ``names`` are header fields' names: each a token, and (unless not ``dashed``: where the place they
    are written in says they are headers) one written as HTTP writes one, with a dash (a query's, an option's or a
    body's keys are not)."""
    return all(isinstance(name, str) and _TOKEN.fullmatch(name) is not None for name in names) and (
        not dashed or any(DASHED_NAME.fullmatch(name) for name in names))


def positional_record(items: list[Any]) -> dict[str, Any] | None:
    """The record of a request printed by position (see above), its parts under the names the
    reconstructor reads; None where the values do not say one."""
    methods = [index for index, item in enumerate(items) if isinstance(item, str) and item in HTTP_METHODS]
    urls = [index for index, item in enumerate(items) if isinstance(item, str) and item[:8].lower().startswith(_WEB)]
    options = [item for item in items if type(item) is dict and any(str(key).lower() == "method" for key in item)]
    if not methods and len(urls) == 1 and len(options) == 1:  # the URL, then the options that say the rest
        return {**options[0], "url": items[urls[0]]}
    if len(methods) != 1 or len(urls) != 1:
        return None
    maps = [index for index, item in enumerate(items) if type(item) is dict and header_fields(item) is not None]
    record: dict[str, Any] = {"method": items[methods[0]], "url": items[urls[0]]}
    if len(maps) == 1:
        record["headers"] = items[maps[0]]
    rest = [item for index, item in enumerate(items) if index not in (methods[0], urls[0], *maps[:1])]
    if len(rest) == 1 and isinstance(rest[0], Printed):
        record["body"] = rest[0]
    return record
