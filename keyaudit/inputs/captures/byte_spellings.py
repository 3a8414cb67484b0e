"""A body written as its bytes, in the spellings runtimes print bytes in: those bytes, whatever text they make.

A logger handed the bytes a client sends prints them as its runtime prints bytes, not as the text they make:

- Node's ``util.inspect`` (``console.log``, pino's and winston's pretty printers): a Buffer as ``<Buffer 7b 0a …>``;
  an ArrayBuffer as ``ArrayBuffer { [Uint8Contents]: <7b 0a …>, byteLength: 94 }``, both cut after
  ``buffer.INSPECT_MAX_BYTES`` (50) with ``... 44 more bytes``; a typed array as ``Uint8Array(94) [ 123, 10, … ]``,
  cut after ``maxArrayLength`` (100) items with ``... 44 more items``;
- Go's ``%v`` of a ``[]byte``, ``[123 10 34 …]``, and its ``%#v``, ``[]byte{0x7b, 0xa, …}`` (``%#x`` each byte);
- Java's ``Arrays.toString`` of a ``byte[]`` and Gson's array of it, bytes signed (``[123, 34, -61, -87]``);
- Python's ``repr`` of ``bytes`` and ``bytearray`` (``b'{"value": \\xc3\\xa9…}'``, ``bytearray(b'…')``);
- and as JSON writes one parsed, a list of numbers (serde's ``Vec<u8>``, Node's Buffer#toJSON ``{"type": "Buffer",
  "data": […]}``). (.NET's System.Text.Json and Newtonsoft write a ``byte[]`` as base64: a body in base64, read so.)

Each is the bytes sent, in whatever charset (Latin-1 too: a signature is over the bytes, not their text); one printed
cut short is a body sent and not shown. A list of numbers no type names (bare, or JSON's, or Go's ``%v``) is bytes
only where they make JSON whole in UTF-8: else it is ids, amounts, coordinates, a row of pixels — which, any number
below 256, spell some Latin-1 text, and one ``=`` among them (61) a form's field. A list under a name that says it is
bytes (Node's Buffer#toJSON, ``{"type": "Buffer", "data": […]}``) is bytes where they make a payload's text (JSON,
a form, XML) in UTF-8 or Latin-1. The list's numbers are read as the
engine reads a byte array in a stream (:func:`keyaudit.engine.payloads.array_bytes`): one reading of both.
"""

from __future__ import annotations

import ast
import json
import re
from typing import Any

from keyaudit.engine.payloads import array_bytes, listed_bytes

from .elision import PRINTED_BYTES

MIN_BYTE_VALUES = 8  # a shorter list of numbers is never taken for a body's bytes
# A payload's text, none of which a sentence reads as: XML, or form fields (`name=value&…`); or JSON, parsed
_PAYLOAD_TEXT = re.compile(r"\s*<[?!A-Za-z].*>\s*|[^\s=&]+=[^\s&]*(?:&[^\s=&]+=[^\s&]*)*", re.DOTALL)
# The bytes an ArrayBuffer (or a SharedArrayBuffer) holds, as util.inspect shows them: a Buffer's print without its name
_CONTENTS = re.compile(r"\w*ArrayBuffer\s*\{\s*\[Uint8Contents\]:\s*<(?P<printed>[^<>]*)>,\s*byteLength:\s*\d+\s*\}")
# A list of numbers after the type that says they are bytes: a typed array of bytes, as util.inspect writes it (its
# length in brackets), or Go's literal of a byte slice (%#v)
_TYPED = re.compile(r"(?:(?:Ui|I)nt8(?:Clamped)?Array\(\d+\)\s*|\[\](?:byte|u?int8)(?=\{))(?P<list>[\[{].*)", re.DOTALL)
_MORE_ITEMS = re.compile(r",?\s*\.{3}\s*\d+\s+more\s+items?\s*\]$")  # util.inspect's array cut after its 100th item
_LISTED = re.compile(r"\[[\d\s,-]*\]")  # numbers in brackets, apart by commas or blanks (Go's %v, Arrays.toString)
# A type's name that says its value is bytes (Node's, Go's, Java's, Python's), as a record names a value's type
_BYTE_TYPE = re.compile(r"(?i)(?:Shared)?ArrayBuffer|Buffer|(?:Ui|I)nt8(?:Clamped)?Array|\[\](?:byte|u?int8)|byte\[\]"
                        r"|bytearray|bytes")
_PYTHON_BYTES = re.compile(r"(?P<literal>b(?P<quote>['\"]).*(?P=quote))|bytearray\((?P<held>b(['\"]).*\4)\)",
                           re.DOTALL)


def spelt_bytes(text: str) -> tuple[bytes | None, bool] | None:
    """The bytes ``text`` spells wholly, in one of the spellings above, and True; (None, False) where it spells them cut
    short (sent, not shown); None where it is no such spelling (or a list of numbers that make no payload's text)."""
    text = text.strip() if text[:1].isspace() or text[-1:].isspace() else text  # (a body of megabytes: no copy)
    if text[-1:] not in (">", "]", "}", ")", "'", '"'):
        return None
    contents = _CONTENTS.fullmatch(text)
    printed = PRINTED_BYTES.fullmatch(f"<Buffer {contents.group('printed')}>" if contents else text)
    if printed is not None:
        return (None, False) if printed.group("more") else (bytes.fromhex(printed.group("hex")), True)
    if (typed := _TYPED.fullmatch(text)) is not None:
        listed = typed.group("list")
        return (None, False) if _MORE_ITEMS.search(listed) else _listed(listed, typed=True)
    if _LISTED.fullmatch(text):
        return _listed(text, typed=False)
    if (python := _PYTHON_BYTES.fullmatch(text)) is not None:
        try:
            literal = ast.literal_eval(python.group("literal") or python.group("held"))
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            return None
        return (literal, True) if isinstance(literal, bytes) else None
    return None


def _listed(text: str, typed: bool) -> tuple[bytes, bool] | None:
    """The bytes the list of byte values ``text`` lists, whole (its closing bracket after its last value), where a type
    says they are bytes (``typed``) or they make JSON; else None (a list logged as text — Java's Arrays.toString,
    Go's %v, a JSON string — whose numbers happen to make form text is the text logged)."""
    read = array_bytes(text.encode("ascii", "replace"))
    if read is None or read[1] != len(text) or not text.endswith(("]", "}")):
        return None
    data = bytes(read[0])
    json_text = payload_bytes(data, typed=False) and data.lstrip()[:1] in (b"{", b"[") and _json(data.decode("latin-1"))
    return (data, True) if (typed and data) or json_text else None


def byte_values(items: list[Any], typed: bool = False) -> bytes | list[Any]:
    """``items`` (a list JSON holds) as the bytes they are where they are byte values, unsigned or signed, that make a
    payload's text (see :func:`payload_bytes`: ``typed``, whether a type's name beside them says they are bytes); else
    as they are (a JSON body that is a list of numbers, parsed: ids or amounts, whose values may well all be below 256
    and print)."""
    if len(items) < MIN_BYTE_VALUES or not all(type(item) is int for item in items):
        return items
    data = listed_bytes(items)
    return data if data is not None and payload_bytes(data, typed) else items


def names_bytes(name: object) -> bool:
    """Whether ``name``, a type a record names beside a value, is a type of bytes (Node's ``Buffer``)."""
    return isinstance(name, str) and _BYTE_TYPE.fullmatch(name.strip()) is not None


def payload_bytes(data: bytes, typed: bool) -> bool:
    """Whether ``data``, at least :data:`MIN_BYTE_VALUES` bytes, is a payload's text (see :func:`payload`), every
    character printable, in UTF-8 or else in Latin-1 (a client's bytes in a single-byte charset) — in Latin-1 only
    JSON whole unless a type says the numbers are bytes (``typed``): a list of numbers no type names that makes some
    other single-byte text (a pixel row, coordinates) is the numbers logged."""
    if len(data) < MIN_BYTE_VALUES:
        return False
    try:
        text, single_byte = data.decode("utf-8"), False
    except UnicodeDecodeError:
        text, single_byte = data.decode("latin-1"), True
    if not all(char.isprintable() or char in "\r\n\t" for char in text):
        return False
    return payload(text) if typed or not single_byte else text.lstrip()[:1] in ("{", "[") and _json(text)


def payload(text: str) -> bool:
    """Whether ``text`` reads as a payload, none of which a sentence does: XML, form fields, JSON whole."""
    return _PAYLOAD_TEXT.fullmatch(text) is not None or text.lstrip()[:1] in ("{", "[") and _json(text)


def _json(text: str) -> bool:
    """Whether ``text`` is JSON, whole (a `[tag]` before a sentence is not)."""
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True
