"""Requests recorded as tnetstrings — mitmproxy's flow files (``mitmdump -w``, ``mitmproxy --save-stream-file``),
the capture a team keeps of its client's traffic through the proxy — read by the generic reconstructor
(:mod:`.records`) like any structured record.

A tnetstring (tnetstrings.info; mitmproxy's ``mitmproxy/io/tnetstring.py``) is ``<length>:<payload><type>``, the
length in bytes of the payload in decimal, the type one character: ``,`` bytes, ``;`` text, ``#`` an integer, ``^``
a float, ``!`` a boolean, ``~`` null, ``]`` a list of tnetstrings, ``}`` a mapping of key and value tnetstrings in
turn. Nothing is escaped, so a value is read by its length alone: a body with newlines or braces in it is read as
it is. A flow holds its request as a mapping (``host``, ``port``, ``scheme``, ``method``, ``path``, ``headers`` as a
list of ``[name, value]`` pairs, ``content``), its response apart.

The readers see a window of lines, not the file, so a record is found from its method's key: the innermost mapping
around that key that parses whole is the record (the request's, not the flow's, whose response headers are no
request's), read at the line of its method's key. A mapping is looked for within :data:`MAX_RECORD_BYTES` before the
key; a longer request (a large upload) is not read as one.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Iterator

from keyaudit.model.exchange import Exchange, Origin

from .records import request_of

_METHOD_KEY = rb"\d{1,2}:(?:method|verb)[;,]\d{1,2}:[A-Z]{3,7}[;,]"  # `6:method;4:POST,`
# What a window's text holds where it may hold a request recorded as tnetstrings, looked for with every reader's
# marks in one pass (:mod:`keyaudit.engine.marks`).
MARKS = (re.compile(_METHOD_KEY.decode()),)
_METHOD = re.compile(_METHOD_KEY)
_LENGTH = re.compile(rb"(\d{1,9}):")
MAX_RECORD_BYTES = 256 << 10
MAX_DEPTH = 16
_SCALARS = {ord(","), ord(";"), ord("#"), ord("^"), ord("!"), ord("~")}


class _Malformed(Exception):
    """The bytes are no tnetstring (where parsing stops)."""


def exchanges(lines: Iterable[tuple[int, str]], path: str) -> Iterator[Exchange]:
    """Every request recorded as a tnetstring mapping around a method's key in ``lines`` (see the module)."""
    numbered = list(lines)
    data = "\n".join(text for _, text in numbered).encode("utf-8", "surrogateescape")
    read_to = 0  # the end of the last record read: a method's key inside it is that record's
    for found in _METHOD.finditer(data):
        if found.start() < read_to:
            continue
        record = _around(data, found.start())
        if record is None:
            continue
        value, read_to = record
        line = numbered[data.count(b"\n", 0, found.start())][0]
        exchange = request_of(value, Origin(path, line, capture="tnetstring"))
        if exchange is not None:
            yield exchange


def _around(data: bytes, key: int) -> tuple[dict[str, Any], int] | None:
    """The innermost mapping that holds the key at ``key`` among its own keys and parses whole, and where it ends."""
    start = max(0, key - MAX_RECORD_BYTES)
    for length in reversed(list(_LENGTH.finditer(data, start, key))):
        end = length.end() + int(length.group(1))
        if end >= len(data) or data[end] != ord("}") or end <= key:
            continue
        try:
            value, after = _value(data, length.start(), 0)
        except (_Malformed, ValueError, RecursionError):
            continue
        if isinstance(value, dict) and after == end + 1 and _owns(data, length.end(), end, key):
            return value, after
    return None


def _owns(data: bytes, at: int, end: int, key: int) -> bool:
    """Whether the mapping whose payload is ``data[at:end]`` holds the key at ``key`` as one of its own keys (not a
    key of a mapping inside it)."""
    while at < end:
        if at == key:
            return True
        _, at = _value(data, at, MAX_DEPTH)  # a key
        _, at = _value(data, at, MAX_DEPTH)  # its value, passed over
    return False


def _value(data: bytes, at: int, depth: int) -> tuple[Any, int]:
    """The tnetstring that starts at ``data[at]`` and where it ends (its values read only ``depth`` mappings and lists
    deep: one passed over is read for its length alone)."""
    length = _LENGTH.match(data, at)
    if length is None:
        raise _Malformed(at)
    start, end = length.end(), length.end() + int(length.group(1))
    if end >= len(data):
        raise _Malformed(at)
    kind, payload = data[end], data[start:end]
    if depth >= MAX_DEPTH and kind in (ord("}"), ord("]"), *_SCALARS):
        return None, end + 1
    if kind in (ord(","), ord(";")):
        return payload.decode("utf-8", "surrogateescape"), end + 1
    if kind == ord("#"):
        return int(payload), end + 1
    if kind == ord("^"):
        return float(payload), end + 1
    if kind == ord("!"):
        return payload == b"true", end + 1
    if kind == ord("~"):
        return None, end + 1
    if kind == ord("]"):
        items, at = [], start
        while at < end:
            item, at = _value(data, at, depth + 1)
            items.append(item)
        return items, _closed(at, end)
    if kind == ord("}"):
        mapping, at = {}, start
        while at < end:
            name, at = _value(data, at, depth + 1)
            mapping[str(name)], at = _value(data, at, depth + 1)
        return mapping, _closed(at, end)
    raise _Malformed(end)


def _closed(at: int, end: int) -> int:
    """After a list's or mapping's payload read to ``at``: past its type character, where the items end at ``end``."""
    if at != end:
        raise _Malformed(at)
    return end + 1
