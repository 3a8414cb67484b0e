"""Values in PHP's ``serialize`` notation, read into the mappings and lists a JSON record gives, for
the generic reconstructor (:mod:`.records`).

PHP keeps a value it stores as text so: a queued job (Laravel's payload, ``data.command``: the job
object serialized, inside the JSON of its queue), a session, a cache entry, an option. A request a
job holds is then an array in an object in a JSON string, its strings as they were, a signed body
byte for byte (php-src ext/standard/var.c, php_var_serialize_intern):

- ``N;`` null, ``b:<0|1>;``, ``i:<digits>;``, ``d:<number>;``;
- ``s:<bytes>:"<bytes as they are>";`` — read by its length, since nothing in it is escaped;
- ``a:<count>:{<key><value>…}``, each key an integer or a string, no `;` after its brace: a list
  where its keys are 0, 1, … in order, else a mapping;
- ``O:<length>:"<class>":<count>:{<name><value>…}``, an object's properties, a protected one's name
  ``\\0*\\0<name>``, a private one's ``\\0<class>\\0<name>``: a mapping of the names alone;
- ``E:<length>:"<enum>:<case>";`` an enum's case (its text); a reference (``r:<n>;``, ``R:<n>;``)
  is no value here (None).

A value that does not parse whole (a custom ``C:`` payload, a length that does not fit, anything
after its end) is none: a line that merely starts like one is never read as one. What is read is
bounded as a JSON record is: its length and its depth.
"""

from __future__ import annotations

import re
from typing import Any

MAX_CHARS = 256 << 10  # a longer serialized value is not read
MAX_DEPTH = 16
_OPENINGS = ("a:", "O:")  # what a serialized array or object starts with: the values a record may be
_SCALAR = re.compile(rb"([Nbid]):?([^;:{}\"]*);")
_COUNTED = re.compile(rb"([sE]):(\d{1,9}):\"")
_ARRAY = re.compile(rb"a:(\d{1,9}):\{")
_OBJECT = re.compile(rb"O:(\d{1,4}):\"")
_OBJECT_COUNT = re.compile(rb'":(\d{1,9}):\{')  # after an object's class: how many properties it has
_REFERENCE = re.compile(rb"[rR]:\d{1,9};")
_INTEGER = re.compile(rb"-?\d{1,19}")
_NUMBER = re.compile(rb"-?(?:\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|INF|NAN)")


class _Malformed(Exception):
    """The text is no serialized value (where it stops parsing)."""


def serialized_record(text: str) -> dict[str, Any] | None:
    """The mapping a string holds whole in PHP's ``serialize`` notation (an array with keys, or an
    object), or None where it holds none."""
    if not text.startswith(_OPENINGS) or not text.endswith("}") or len(text) > MAX_CHARS:
        return None
    data = text.encode("utf-8", "surrogateescape")
    try:
        value, end = _value(data, 0, 0)
    except (_Malformed, RecursionError):
        return None
    return value if end == len(data) and isinstance(value, dict) else None


def _value(data: bytes, at: int, depth: int) -> tuple[Any, int]:
    """The value that starts at ``data[at]`` and where it ends."""
    if depth > MAX_DEPTH:
        raise _Malformed(at)
    kind = data[at : at + 1]
    if kind == b"a":
        return _array(data, at, depth)
    if kind == b"O":
        return _object(data, at, depth)
    if kind in (b"s", b"E"):
        found = _COUNTED.match(data, at)
        if found is None:
            raise _Malformed(at)
        start = found.end()
        end = start + int(found.group(2))
        if data[end : end + 2] != b'";':
            raise _Malformed(end)
        return data[start:end].decode("utf-8", "surrogateescape"), end + 2
    if kind in (b"r", b"R"):
        found = _REFERENCE.match(data, at)
        if found is None:
            raise _Malformed(at)
        return None, found.end()
    found = _SCALAR.match(data, at)
    if found is None:
        raise _Malformed(at)
    letter, said = found.group(1), found.group(2)
    if letter == b"N" and not said:
        return None, found.end()
    if letter == b"b" and said in (b"0", b"1"):
        return said == b"1", found.end()
    if letter == b"i" and _INTEGER.fullmatch(said):
        return int(said), found.end()
    if letter == b"d" and _NUMBER.fullmatch(said):
        return float(said), found.end()
    raise _Malformed(at)


def _array(data: bytes, at: int, depth: int) -> tuple[Any, int]:
    found = _ARRAY.match(data, at)
    if found is None:
        raise _Malformed(at)
    entries, at = _entries(data, found.end(), int(found.group(1)), depth)
    if all(key == index for index, (key, _) in enumerate(entries)):
        return [value for _, value in entries], at
    return {str(key): value for key, value in entries}, at


def _object(data: bytes, at: int, depth: int) -> tuple[dict[str, Any], int]:
    found = _OBJECT.match(data, at)
    if found is None:
        raise _Malformed(at)
    end = found.end() + int(found.group(1))
    counted = _OBJECT_COUNT.match(data, end)
    if counted is None:
        raise _Malformed(end)
    entries, at = _entries(data, counted.end(), int(counted.group(1)), depth)
    return {str(key).rpartition("\0")[2]: value for key, value in entries}, at


def _entries(data: bytes, at: int, count: int, depth: int) -> tuple[list[tuple[Any, Any]], int]:
    """The ``count`` key-value pairs from ``data[at]`` on, and where their closing brace ends."""
    entries = []
    for _ in range(count):
        key, at = _value(data, at, depth + 1)
        if not isinstance(key, (str, int)) or isinstance(key, bool):
            raise _Malformed(at)
        value, at = _value(data, at, depth + 1)
        entries.append((key, value))
    if data[at : at + 1] != b"}":
        raise _Malformed(at)
    return entries, at + 1
