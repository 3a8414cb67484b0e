"""JSON parsing that remembers where every string value stood in the file.

A HAR finding must say both where in the document it is (an RFC 6901 pointer) and on which
line of the file, so a person can open the file at the spot. The standard decoder forgets
positions; its pure-Python scanner lets us keep them by returning strings that carry their
offset. That scanner is slow, so it is run only on the few values a finding needs placed.
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
from typing import Any, Iterator


class PositionedStr(str):
    """A decoded JSON string that knows the offset of its first character in the source."""

    offset: int

    def __new__(cls, value: str, offset: int) -> "PositionedStr":
        instance = super().__new__(cls, value)
        instance.offset = offset
        return instance


MAX_INT_DIGITS = 4000  # below Python's limit on converting digits to an int (4300 by default)


def integer(digits: str) -> int | float:
    """A JSON integer; one too long to convert (Python refuses 4300+ digits) becomes a float
    (usually infinity), so that a number nobody scans cannot cost the strings around it."""
    return int(digits) if len(digits) <= MAX_INT_DIGITS else float(digits)


def loads(text: str) -> Any:
    """:func:`json.loads` that takes integers of any length (see :func:`integer`)."""
    return json.loads(text, parse_int=integer)


class _Decoder(json.JSONDecoder):
    def __init__(self) -> None:
        super().__init__(parse_int=integer)

        def parse_string(source: str, index: int, strict: bool) -> tuple[str, int]:
            value, end = json.decoder.scanstring(source, index, strict)
            return PositionedStr(value, index), end

        self.parse_string = parse_string
        self.scan_once = json.scanner.py_make_scanner(self)


def loads_positioned(text: str) -> Any:
    """Like :func:`json.loads`, but string values are :class:`PositionedStr`."""
    return _Decoder().decode(text)


def escape_pointer_token(token: str | int) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def walk_strings(node: Any, pointer: str = "", parent: Any = None) -> Iterator[tuple[str, PositionedStr, Any]]:
    """Every string value in the document with its RFC 6901 pointer and the container holding
    it, in document order."""
    if isinstance(node, PositionedStr):
        yield pointer, node, parent
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from walk_strings(value, f"{pointer}/{escape_pointer_token(key)}", node)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk_strings(value, f"{pointer}/{index}", node)


class SourceText:
    """Maps character offsets in a decoded JSON source to lines and columns, and decoded
    offsets inside a string literal back to the source (escapes make them differ).

    The source may be one value cut from a larger file: ``line`` and ``column`` say where its
    first character stands there, and lines and columns are the file's."""

    def __init__(self, text: str, line: int = 1, column: int = 1) -> None:
        self.text = text
        self._first_line, self._first_column = line, column
        self._line_starts = [0]
        position = text.find("\n")
        while position >= 0:
            self._line_starts.append(position + 1)
            position = text.find("\n", position + 1)

    def line_column(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._line_starts, offset)
        column = offset - self._line_starts[line - 1] + 1
        if line == 1:
            column += self._first_column - 1
        return line + self._first_line - 1, column

    def source_offset(self, literal_start: int, decoded_offset: int) -> int:
        """The source offset of the ``decoded_offset``-th character of the literal at ``literal_start``."""
        position, remaining = literal_start, decoded_offset
        text = self.text
        while remaining > 0 and position < len(text):
            if text[position] == "\\":
                if text[position + 1 : position + 2] == "u":
                    code = int(text[position + 2 : position + 6] or "0", 16)
                    position += 6
                    if 0xD800 <= code < 0xDC00 and text[position : position + 2] == "\\u":
                        position += 6  # a surrogate pair decodes to one character
                else:
                    position += 2
            else:
                position += 1
            remaining -= 1
        return position
