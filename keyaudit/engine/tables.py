"""Reading a table's rows after the header a table rule matched: the value in the named column.

A token in a CSV export, a ``COPY … FROM stdin`` block or an ``INSERT … VALUES`` list is named
only by its column, lines away; the rule's pattern finds the header (see
:class:`~keyaudit.rulebook.rules.TableSpec`) and this module walks the rows that follow, cell by
cell, with the quoting those formats share (``"…"`` and ``'…'``, a doubled quote or a backslash
inside). Each value under the column becomes a hit of its own, placed on the value, so the
finding points at the row. Rows are read within the buffer the header is in, at most
:data:`MAX_ROWS` of them, and a row with another number of cells ends the table.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from keyaudit.rulebook.rules import Rule

if TYPE_CHECKING:
    import regex

MAX_ROWS = 10_000  # rows read after one header: enough for a dump of accounts, bounded per header
_QUOTES = b"\"'`"
_SPACE = b" \r"
_HEADER_SEPARATORS = b"\t;|,"  # a header's names are split on the first of these it holds
# What a column name looks like (or an empty header cell): a line of code or prose split on its
# commas has cells like `def f(self` or `x):`, and is no header.
_NAME = re.compile(r"(?:\w[\w .$/-]*)?")
# The characters a header of names can hold: checked first, since a log line holding a keyword
# and a comma is a header candidate on every line, and most fail here at once.
_HEADER_TEXT = re.compile(rb"[\w .$/\-\t;|,\"'`\x80-\xff]*")

Span = tuple[int, int]


def table_hits(rule: Rule, buffer: bytes, header: "regex.Match[bytes]") -> Iterator[tuple[int, int, bool]]:
    """The spans of the values under ``rule``'s column in the rows after ``header``, and whether
    each row is whole (ended by its newline or closing parenthesis: the buffer's last line may
    go on in the next one)."""
    spec = rule.table
    assert spec is not None, "only table rules have rows"
    start, end = header.span("columns")
    if not _HEADER_TEXT.fullmatch(buffer, start, end):
        return
    separator = next((byte for byte in _HEADER_SEPARATORS if byte in buffer[start:end]), ord(","))
    names = _cells(buffer, start, end, separator, None)
    if names is None:
        return
    texts = [buffer[a:b].decode("utf-8", "replace") for a, b in names[0]]
    wanted = [i for i, text in enumerate(texts) if spec.column.fullmatch(text)]
    if not wanted or not all(_NAME.fullmatch(text) for text in texts):
        return
    rows = _tuples(buffer, header.end()) if spec.rows == "tuples" else _lines(
        buffer, header.end(), ord(spec.separator) if spec.separator else separator)
    for count, (cells, whole) in enumerate(rows):
        if count == MAX_ROWS or len(cells) != len(names[0]):
            return
        for index in wanted:
            if cells[index][0] < cells[index][1]:
                yield (*cells[index], whole)


def _lines(buffer: bytes, position: int, separator: int) -> Iterator[tuple[list[Span], bool]]:
    """Rows of lines from the line after ``position``, up to a blank line or a ``\\.`` line
    (the end of a ``COPY`` block)."""
    position = buffer.find(b"\n", position)
    while position >= 0:
        start = position + 1
        end = buffer.find(b"\n", start)
        stop = len(buffer) if end < 0 else end
        row = _cells(buffer, start, stop, separator, None)
        if row is None or buffer[start:stop].strip() in (b"", b"\\."):
            return
        yield row[0], end >= 0
        position = end


def _tuples(buffer: bytes, position: int) -> Iterator[tuple[list[Span], bool]]:
    """SQL rows ``(…), (…)`` from ``position``, up to anything that is not the next tuple."""
    while True:
        while position < len(buffer) and buffer[position] in b" \t\r\n":
            position += 1
        if position >= len(buffer) or buffer[position] != ord("("):
            return
        row = _cells(buffer, position + 1, len(buffer), ord(","), ord(")"))
        if row is None:
            return
        yield row[0], True
        position = row[1] + 1
        while position < len(buffer) and buffer[position] in b" \t\r\n":
            position += 1
        if position >= len(buffer) or buffer[position] != ord(","):
            return
        position += 1


def _cells(buffer: bytes, position: int, stop: int, separator: int, closer: int | None) -> tuple[list[Span], int] | None:
    """The cells from ``position`` to ``stop`` (or to ``closer`` outside quotes), each without its
    spaces and quotes, and where they ended; None when a quote or the row is not closed."""
    cells: list[Span] = []
    start, quote, depth = position, 0, 0  # depth: parentheses open in a cell (`NOW()`)
    while position < stop:
        byte = buffer[position]
        if quote:
            if byte == ord("\\"):
                position += 1
            elif byte == quote:
                if position + 1 < stop and buffer[position + 1] == quote:
                    position += 1
                else:
                    quote = 0
        elif byte in _QUOTES and not buffer[start:position].strip(_SPACE):
            quote = byte
        elif closer is not None and byte in b"()" and (byte == ord("(") or depth):
            depth += 1 if byte == ord("(") else -1
        elif not depth and (byte == separator or byte == closer):
            cells.append(_trimmed(buffer, start, position))
            if byte == closer:
                return cells, position
            start = position + 1
        position += 1
    if quote or closer is not None:
        return None
    cells.append(_trimmed(buffer, start, stop))
    return cells, stop


def _trimmed(buffer: bytes, start: int, end: int) -> Span:
    while start < end and buffer[start] in _SPACE:
        start += 1
    while end > start and buffer[end - 1] in _SPACE:
        end -= 1
    if end - start >= 2 and buffer[start] in _QUOTES and buffer[end - 1] == buffer[start]:
        return start + 1, end - 1
    return start, end
