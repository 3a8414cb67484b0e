"""Where a string stands in a JSON text, found by its pointer, without parsing the text twice.

A HAR finding must say both where in the document it is (an RFC 6901 pointer) and on which
line of the file, so a person can open the file at the spot. The standard decoder forgets
positions, so the few strings a finding is in are found again by their pointer: the text is
walked along the pointer's tokens, each member or element passed over by the C decoder, so
finding one string costs about a C parse of what comes before it.
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
import re
from typing import Any, Sequence

from keyaudit.engine.line_memo import LineStarts

MAX_INT_DIGITS = 4000  # below Python's limit on converting digits to an int (4300 by default)
_SPACE = re.compile(r"[ \t\n\r]*")


def integer(digits: str) -> int | float:
    """A JSON integer; one too long to convert (Python refuses 4300+ digits) becomes a float
    (usually infinity), so that a number nobody scans cannot cost the strings around it."""
    return int(digits) if len(digits) <= MAX_INT_DIGITS else float(digits)


def loads(text: str) -> Any:
    """:func:`json.loads` that takes integers of any length (see :func:`integer`)."""
    return json.loads(text, parse_int=integer)


# Passes over values whose numbers it keeps as their digits: a place needs no number's value, and
# the C scanner then converts none (nor refuses one of 4300 digits or more).
_SCAN = json.scanner.make_scanner(json.JSONDecoder(parse_int=str))


def escape_pointer_token(token: str | int) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def pointer_tokens(pointer: str) -> list[str]:
    """The tokens of an RFC 6901 pointer ("" is the root: no token), unescaped."""
    return [token.replace("~1", "/").replace("~0", "~") for token in pointer.split("/")[1:]] if pointer else []


def literal_start(text: str, tokens: Sequence[str], start: int = 0, end: int | None = None) -> int:
    """Where the characters of the string that ``tokens`` lead to start in the JSON ``text`` whose
    value starts at ``start`` and ends by ``end`` (just past its opening quote). A key written twice
    leads to its last value, as a decoder keeps it. Raises ``ValueError`` when the tokens lead to no
    string (the text is not the one the pointer was made for)."""
    position = _SPACE.match(text, start).end()
    end = len(text) if end is None else end
    for token in tokens:
        opener = text[position : position + 1]
        if opener == "{":
            position = _member(text, position + 1, token, end)
        elif opener == "[" and token.isdigit():
            position = _element(text, position + 1, int(token))
        else:
            raise ValueError(f"no container at offset {position} for {token!r}")
    if text[position : position + 1] != '"':
        raise ValueError(f"no string at offset {position}")
    return position + 1


def _past(text: str, position: int) -> int:
    """The offset after the value at ``position`` and the blanks that follow it."""
    try:
        _, end = _SCAN(text, position)
    except StopIteration:
        raise ValueError(f"no JSON value at offset {position}") from None
    return _SPACE.match(text, end).end()


def _member(text: str, position: int, key: str, end: int) -> int:
    """The offset of the last value of ``key`` in the object whose members start at ``position``
    (within the value that ends by ``end``). Past the key's value, the members after it are passed
    over only where the key is written again before ``end``: each is parsed to be passed over, and a
    request's URL stands before its body, which may run to megabytes (a key written again with its
    characters escaped is not looked for)."""
    found = None
    written = f'"{key}"' if key.isascii() and key.isprintable() and not any(c in key for c in '"\\/') else None
    position = _SPACE.match(text, position).end()
    while text[position : position + 1] == '"':
        name, position = json.decoder.scanstring(text, position + 1)
        position = _SPACE.match(text, position).end()
        if text[position : position + 1] != ":":
            break
        position = _SPACE.match(text, position + 1).end()
        if name == key:
            found = position
            if written is not None and text.find(written, position, end) < 0:
                return found
        position = _past(text, position)
        if text[position : position + 1] != ",":
            break
        position = _SPACE.match(text, position + 1).end()
    if found is None:
        raise ValueError(f"no member {key!r}")
    return found


def _element(text: str, position: int, index: int) -> int:
    """The offset of element ``index`` of the array whose elements start at ``position``."""
    position = _SPACE.match(text, position).end()
    for _ in range(index):
        position = _past(text, position)
        if text[position : position + 1] != ",":
            raise ValueError(f"no element {index}")
        position = _SPACE.match(text, position + 1).end()
    return position


def element_starts(text: str, position: int, count: int) -> list[int]:
    """Where each of the first ``count`` elements of the array opened at ``text[position]`` starts: one pass over
    them, each passed over by the C decoder (what places the records of a batch on one line at their own columns).
    Raises ``ValueError`` when no such array is there."""
    if text[position : position + 1] != "[":
        raise ValueError(f"no array at offset {position}")
    starts = [_SPACE.match(text, position + 1).end()] if count else []
    while len(starts) < count:
        following = _past(text, starts[-1])
        if text[following : following + 1] != ",":
            raise ValueError(f"no element {len(starts)}")
        starts.append(_SPACE.match(text, following + 1).end())
    return starts


def member_start(text: str, position: int, key: str) -> int:
    """Where the value of ``key`` in the object opened at ``text[position]`` starts (``ValueError`` where none)."""
    if text[position : position + 1] != "{":
        raise ValueError(f"no object at offset {position}")
    return _member(text, position + 1, key, len(text))


class SourceText:
    """Maps character offsets in a decoded JSON source to lines and columns, and decoded
    offsets inside a string literal back to the source (escapes make them differ).

    The source may be one value cut from a larger file: ``line`` and ``column`` say where its
    first character stands there, and lines and columns are the file's. It may be held in a text
    read with others (a stream's window), from ``start`` to ``end`` there: offsets are the text's,
    and the value is not copied out of it (a capture's entry may hold a body of megabytes).

    A value may have thousands of findings (a body of hundreds of escaped members, each with a key): each place
    is looked up in what was worked out once for the value (its line starts) and for each literal (its escapes),
    not counted again from the value's or the literal's start, which made placing them quadratic."""

    def __init__(self, text: str, line: int = 1, column: int = 1, start: int = 0, end: int | None = None) -> None:
        self.text = text
        self._first_line, self._first_column = line, column
        self._start, self._end = start, len(text) if end is None else end
        self._lines = LineStarts(text, start)
        self._escapes: dict[int, _Escapes] = {}  # by the offset where its literal's characters start

    def line_column(self, offset: int) -> tuple[int, int]:
        """Line and column of ``offset``, the value's line breaks before it listed once for all its places."""
        line, line_start = self._lines.line_of(offset)
        if not line:
            return self._first_line, self._first_column + offset - self._start
        return self._first_line + line, offset - line_start + 1

    def source_offset(self, literal_start: int, decoded_offset: int) -> int:
        """The source offset of the ``decoded_offset``-th character of the literal at ``literal_start``."""
        escapes = self._escapes.get(literal_start)
        if escapes is None:
            escapes = self._escapes[literal_start] = _Escapes(self.text, literal_start, self._end)
        return escapes.source_offset(decoded_offset)


# An escape in a JSON string literal, or the quote that ends it. ``\uD800``-``\uDBFF`` followed by ``\uDC00``-``\uDFFF``
# is one character, as the decoder reads them; any other ``\uXXXX`` (a lone surrogate of either half, a high one
# followed by another high one or by no low one) is one of its own.
ESCAPES_APART = 64  # a literal's escapes read between two notes of where its characters stand
_ESCAPE = re.compile(r'\\(?:u(?:[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|[0-9a-fA-F]{4})|.)|"',
                     re.DOTALL)


class _Escapes:
    """Where the characters of one string literal stand in the source, for each of its findings: the escapes are
    read once, as far as asked, and every :data:`ESCAPES_APART`-th noted with its place in both texts, so that a
    place is walked to from the last note before it over fewer escapes than that (a body of megabytes with a
    finding every few escapes is read once, and its escapes are not all held)."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._end = text, end
        self._escapes = _ESCAPE.finditer(text, start, end)
        self._decoded, self._source = [0], [start]  # the notes: a decoded offset, and where its character stands
        self._read = self._shrunk = 0  # escapes read; source characters they took beyond the one each stands for
        self._start, self._ended = start, False

    def _read_past(self, decoded_offset: int) -> None:
        """Read escapes until one is noted past ``decoded_offset`` or the literal ends."""
        while not self._ended and self._decoded[-1] <= decoded_offset:
            escape = next(self._escapes, None)
            if escape is None or escape.group() == '"':
                self._end = self._end if escape is None else escape.start()
                self._ended = True
                break
            self._read += 1
            self._shrunk += escape.end() - escape.start() - 1
            if self._read % ESCAPES_APART == 0:
                self._decoded.append(escape.end() - self._start - self._shrunk)
                self._source.append(escape.end())

    def source_offset(self, decoded_offset: int) -> int:
        """The source offset of the literal's ``decoded_offset``-th character (its end: the closing quote's)."""
        self._read_past(decoded_offset)
        note = bisect.bisect_right(self._decoded, decoded_offset) - 1
        text, position, remaining = self._text, self._source[note], decoded_offset - self._decoded[note]
        while remaining > 0:
            escape = text.find("\\", position, position + remaining)
            if escape < 0:
                return min(self._end, position + remaining)
            found = _ESCAPE.match(text, escape)
            remaining -= escape - position + 1
            position = escape + 2 if found is None else found.end()
        return min(self._end, position)
