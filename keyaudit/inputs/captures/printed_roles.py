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
(its text kept, :class:`.record_views.Printed`), or a string holding one: a value left that is anything else (a
timeout, an id), or more than one, is never taken for the bytes sent, and the request shows no body; nothing (an
option's None) is no value left only where the URL is given in parts (its absent port and query): else a body.

A language whose types name their values in the source only prints a request's parts as the type holds them (Gleam's
``string.inspect`` of gleam_http's ``Request(Post, [#("content-type", "…")], "{…}", Https, "api.iugu.com", None,
"/v1/…", None)``, a record on the Erlang target being a tuple): its method a constructor's word (``Post``), its
headers a list of name-value pairs, and its URL in parts — exactly one scheme's word, one DNS name and one path,
which are the URL where no absolute one is printed. Only such a record's method may be a constructor's word and its
headers a list of pairs: beside an absolute URL those are other fields (main's case classes, an options map's call).

A request printed by position is often what a logger's format string writes first, the parts its repr leaves out
labelled after it on the line (httpx's ``sending <Request('POST', 'https://…')> headers=Headers({…})
content=b'{…}'``, ``logger.debug("sending %r headers=%r", request, request.headers)``): those are that request's. Only a
label that names headers or a body as a record does (:data:`.header_entries.HEADERS`, :data:`.record_bodies.BODY`:
``headers=``, ``body=``, ``data=``, ``content=``), written ``name=`` or ``name: ``, and the first of each: a part the
printed values give already, or a second one after it (a response's headers logged next), is not taken.
"""

from __future__ import annotations

import json
import re
from typing import Any, Callable, Iterable, Iterator

from .header_entries import HEADERS
from .lines import DASHED_NAME, HTTP_METHODS, MAX_HEADERS, TOKEN
from .record_bodies import BODY
from .record_views import Printed, role

_TOKEN = re.compile(TOKEN)
_WEB = ("http://", "https://")
_SCHEME = re.compile(r"[Hh]ttps?|HTTPS?")  # a URL's scheme as a word of its own (Gleam's `Https`)
_HOST = re.compile(r"(?:[A-Za-z0-9-]+\.)+[A-Za-z][A-Za-z0-9-]*")  # a DNS name, its last label no number
_PATH = re.compile(r"/[^\s/][^\s]*")  # an absolute path (`//` begins a URL's authority, no path)
# a label after a request printed by position: a name at the line's start or after a blank, a comma or a `;`, then
# `=` or `: `
_LABEL = re.compile(r"(?:^|(?<=[\s,;]))([A-Za-z_][\w.-]{0,63})(?:=|:[ \t])[ \t]*")
MAX_LABELS = 16  # the labels after a request printed by position looked at, at most
_LABELLED_PARTS = (HEADERS, BODY)


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
    reconstructor reads; None where the values do not say one. A value a name is given in the type's brackets
    (``['headers', {…}]``, a call's repr: ``HTTPRequest('POST', 'https://…', headers={…}, data='…')``) is no value by
    position, but a part labelled (see above)."""
    labelled = [item for item in items if _keyword(item)]
    items = [item for item in items if not _keyword(item)]
    urls = [index for index, item in enumerate(items) if isinstance(item, str) and item[:8].lower().startswith(_WEB)]
    parts = _url_parts(items) if not urls else None
    methods = [index for index, item in enumerate(items) if isinstance(item, str) and item in HTTP_METHODS] or [
        index for index, item in enumerate(items) if parts is not None and isinstance(item, str) and (
            _constructor_method(item))]
    options = [item for item in items if type(item) is dict and any(str(key).lower() == "method" for key in item)]
    if not methods and len(urls) == 1 and len(options) == 1:  # the URL, then the options that say the rest
        return {**options[0], "url": items[urls[0]]}
    if len(methods) != 1 or len(urls) != 1 and parts is None:
        return None
    maps = [index for index, item in enumerate(items) if parts is not None and _header_list(item)
            or type(item) is dict and header_fields(item) is not None]
    url = items[urls[0]] if parts is None else f"{items[parts[0]].lower()}://{items[parts[1]]}{items[parts[2]]}"
    record: dict[str, Any] = {"method": items[methods[0]].upper(), "url": url}
    if len(maps) == 1:
        record["headers"] = items[maps[0]]
    used = (methods[0], *(urls[:1] if parts is None else parts), *maps[:1])
    # a URL given in parts leaves its absent parts (port, query) as nothing; else nothing is a value (a body's)
    rest = [item for index, item in enumerate(items) if index not in used and (parts is None or item is not None)]
    if len(rest) == 1 and (isinstance(rest[0], Printed) or isinstance(rest[0], str) and _json_document(rest[0])):
        record["body"] = rest[0]
    return _joined(record, labelled)


def labelled_after(record: dict[str, Any] | None, text: str, at: int,
                   read: Callable[[int], tuple[Any, int] | None]) -> dict[str, Any] | None:
    """A request printed by position (``record``, ending at ``at`` of ``text``) with the parts labelled after it
    (see above); ``read``: the value printed at an index of ``text``, and where it ends (None where none is)."""
    return None if record is None else _joined(record, _labels(text, at, read))


def _labels(text: str, at: int, read: Callable[[int], tuple[Any, int] | None]) -> Iterator[tuple[str, Any]]:
    """Each label after ``at`` with the value printed after it (at most :data:`MAX_LABELS`). A label's value is
    passed over whole, whatever it names: a label inside it (a Ruby hash's ``data: …``) is none."""
    for _ in range(MAX_LABELS):
        if (label := _LABEL.search(text, at)) is None:
            return
        value = read(label.end())
        at = label.end() if value is None else value[1]
        if value is not None:
            yield label.group(1), value[0]


def _joined(record: dict[str, Any], labelled: Iterable[Any]) -> dict[str, Any]:
    """``record`` with the ``labelled`` parts (name-value pairs) that name its headers or its body, the first of each,
    where its values by position give none."""
    for name, value in labelled:
        part = _part(name)
        if part is not None and value is not None and not any(role(key) in part for key in record):
            record[name] = value
    return record


def _part(name: object) -> frozenset[str] | None:
    """The names of the part of a request a label names (its headers', its body's), or None."""
    said = role(name)
    return next((names for names in _LABELLED_PARTS if said in names), None)


def _keyword(item: Any) -> bool:
    """Whether a printed value is a keyword argument naming a part of the request (``headers={…}`` in a call's repr,
    read as ``['headers', {…}]``)."""
    return type(item) is list and len(item) == 2 and isinstance(item[0], str) and _part(item[0]) is not None


def _constructor_method(item: str) -> bool:
    """Whether a printed value is a method as a constructor's word (``Post``): asked only where the URL is given in
    parts and no value is a method as HTTP writes it — beside ``POST`` a ``Trace`` or ``Head`` is another field's word
    (a log level), and beside an absolute URL and its options a ``Trace`` is an argument, the method in the options."""
    return item[1:].islower() and item.upper() in HTTP_METHODS and item[:1].isupper()


def _url_parts(items: list[Any]) -> tuple[int, int, int] | None:
    """Where a request printed by position holds its URL's scheme, host and path (see above), or None where it does
    not hold exactly one of each."""
    found = [[index for index, item in enumerate(items) if isinstance(item, str) and pattern.fullmatch(item)]
             for pattern in (_SCHEME, _HOST, _PATH)]
    return (found[0][0], found[1][0], found[2][0]) if all(len(indexes) == 1 for indexes in found) else None


def _header_list(item: Any) -> bool:
    """Whether a printed value is a list of header fields' name-value pairs: asked only where the URL is given in
    parts (the types that print a URL so print headers so); beside an absolute URL and a map of header fields such a
    list is another field (a retry's counters), and two candidates would leave the request no headers."""
    return type(item) is list and bool(item) and all(
        type(pair) is list and len(pair) == 2 and isinstance(pair[1], str) for pair in item) and field_names(
        [pair[0] for pair in item])


def _json_document(value: str) -> bool:
    """Whether a string holds a JSON object or array, whole."""
    if value.lstrip()[:1] not in ("{", "["):
        return False
    try:
        json.loads(value)
    except ValueError:
        return False
    return True
