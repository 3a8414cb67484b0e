"""Reading a table's rows after the header a table rule matched: the value in the named column.

A token in a CSV export, a ``COPY … FROM stdin`` block or an ``INSERT … VALUES`` list is named
only by its column, lines away; the rule's pattern finds the header (see
:class:`~keyaudit.rulebook.rules.TableSpec`) and this module walks the rows that follow, cell by
cell, with the quoting those formats share (``"…"`` and ``'…'``, a doubled quote or a backslash
inside). Each value under the column becomes a hit of its own, placed on the value, so the
finding points at the row. A row with another number of cells ends the table, and so does the
next header of its rule: each byte of a buffer is read as a row of one table of a rule at most, so
a buffer costs its rows' reading once however many headers it holds (a file of header lines, each
read to the buffer's end, was quadratic). Rows that run on past the buffer are read on in the next
one (see :class:`Table`), however many there are: a dump's token column is mostly empty or ``\\N``,
short rows, and a bound on their number ended the table without a word. A table that keeps several
providers' credentials, one a row, says whose a row's is in another cell (``TableSpec.provider``):
only the rows it names for the rule's provider are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Iterator

from keyaudit.rulebook.rules import Rule

if TYPE_CHECKING:
    import regex

TUPLES_CUT = "sql_tuples_cut"  # the scan's statistic of the statements whose tuples were read in part (see stream)
_QUOTES = b"\"'`"
_QUOTE = re.compile(rb"[\"'`]")
_SPACE = b" \r"
_NULL = b"\\N"  # COPY's (and mysqldump --tab's) null: no value, not worth a hit in a dump's mostly empty column
_HEADER_SEPARATORS = b"\t;|,"  # a header's names are split on the first of these it holds
# What a column name looks like (or an empty header cell), maybe ending in its unit between parentheses (a
# sheet's `Taxa (%)`, `Valor (R$)`): a line of code or prose split on its commas has cells like `def f(self`
# or `x):`, and is no header.
_NAME = re.compile(r"(?:\w[\w .$/-]*(?:\([\w .$%/-]{1,12}\) *)?)?")
# The characters a header of names can hold: checked first, since a log line holding a keyword
# and a comma is a header candidate on every line, and most fail here at once.
_HEADER_TEXT = re.compile(rb"[\w .$/\-\t;|,\"'`()%\x80-\xff]*")
# A rule drawn under a header, no row: psql's `----+----`, Markdown's `|---|:---:|`, a client's
# `+----+----+` border. A table printed for people has one; the rows are after it.
_RULE_LINE = re.compile(rb"[ \t|+:=]*-[-+|:= \t]*\r?")

Span = tuple[int, int]
Row = tuple[list[Span], bool]  # a row's cells, and whether it is whole (ended in this buffer)


@dataclass(frozen=True)
class Table:
    """A table a rule's pattern found the header of: how wide its rows are, which cells hold the
    secret, how they are separated. Kept by the stream when its rows run on past the end of a
    buffer, to be read on in the next one: its header is not there."""

    rule_index: int
    rule: Rule
    width: int
    wanted: tuple[int, ...]
    separator: int
    by_lines: bool  # rows of lines (else SQL tuples)
    start: int  # where its header starts in the buffer it was found in (0: read on from before)
    named_by: int | None = None  # the cell that says whose a row's secret is (TableSpec.provider)
    # SQL tuples: where in the buffer its first tuple not read whole starts (the stream makes it a place in the
    # next buffer). Rows of lines are read on from the next buffer's start, which is a line's.
    next_row: int = 0


def table_at(rule_index: int, rule: Rule, buffer: bytes, header: "regex.Match[bytes]") -> Table | None:
    """The table ``header`` (a match of ``rule``'s pattern) starts, or None when its names are
    not a header or name no column the rule wants."""
    spec = rule.table
    assert spec is not None, "only table rules have rows"
    start, end = header.span("columns")
    if not _HEADER_TEXT.fullmatch(buffer, start, end):
        return None
    separator = next((byte for byte in _HEADER_SEPARATORS if byte in buffer[start:end]), ord(","))
    names = _cells(buffer, start, end, separator, None)
    if names is None:
        return None
    texts = [buffer[a:b].decode("utf-8", "replace") for a, b in names[0]]
    wanted = tuple(i for i, text in enumerate(texts) if spec.column.fullmatch(text))
    named_by = next((i for i, text in enumerate(texts) if spec.provider[0].fullmatch(text)), None) if spec.provider else None
    if not wanted or not all(_NAME.fullmatch(text) for text in texts) or (spec.provider and named_by is None):
        return None
    return Table(rule_index, rule, len(texts), wanted, ord(spec.separator) if spec.separator else separator,
                 spec.rows == "lines", header.start(), named_by)


def table_rows(table: Table, buffer: bytes, position: int, at_row: bool,
               stop: int | None = None) -> tuple[list[tuple[int, int, bool]], Table | None]:
    """The spans of the values under the table's column in its rows from ``position`` (the row
    there when ``at_row``, else the one after its line) up to ``stop`` (the next header of its rule,
    where the table ends), each with whether its row is whole; and the table to read on in the next
    buffer when its rows run on to the end of ``buffer`` (SQL tuples from its ``next_row``), else None."""
    end = len(buffer) if stop is None else stop
    rows = _lines(buffer, position, end, table.separator, at_row) if table.by_lines else _tuples(buffer, position, end)
    values: list[tuple[int, int, bool]] = []
    for (cells, whole), start in rows:
        if len(cells) != table.width:  # the table ends, unless the row is only cut by the buffer's end
            return values, None if whole or stop is not None else replace(table, next_row=start)
        if table.named_by is None or _names_provider(table, buffer, cells[table.named_by]):
            values.extend((*cells[index], whole) for index in table.wanted
                          if cells[index][0] < cells[index][1] and buffer[cells[index][0]:cells[index][1]] != _NULL)
    return values, table if table.by_lines and stop is None else None


def tables_on(tables: list[Table], cut: int) -> tuple[list[Table], int]:
    """Of ``tables``, whose rows run on past a buffer, those to read on in the next (which starts at ``cut``), and
    how many statements' tuples end short. A table whose header is past the cut is not read on: the next buffer
    starts there, and finds it again. Rows of lines go on at its start; SQL tuples at the first one not read whole,
    which is in it unless it started more than the overlap before the cut (a tuple longer than that, cut by the
    buffer's end): that statement's later tuples are not read, and counted (:data:`TUPLES_CUT`)."""
    kept = [replace(table, next_row=0 if table.by_lines else table.next_row - cut) for table in tables
            if table.start < cut and (table.by_lines or table.next_row >= cut)]
    return kept, sum(table.start < cut and not table.by_lines and table.next_row < cut for table in tables)


def _names_provider(table: Table, buffer: bytes, cell: Span) -> bool:
    """Whether a row's provider cell names the rule's provider (see TableSpec.provider)."""
    assert table.rule.table is not None and table.rule.table.provider is not None
    return table.rule.table.provider[1].fullmatch(buffer[cell[0]:cell[1]].decode("utf-8", "replace")) is not None


def _lines(buffer: bytes, position: int, end: int, separator: int, at_row: bool) -> Iterator[tuple[Row, int]]:
    """Rows of lines from ``position`` (or the line after it) to the end of the buffer (no row starts
    at ``end`` or after), each with where it starts, the last one not whole when the buffer ends inside
    it. A blank line, a ``\\.`` line (the end of a ``COPY`` block) or a quote left open ends the table:
    it is given as a row of no cells. A rule line (under a printed table's header) is passed over."""
    newline = buffer.find(b"\n", position)
    start = position if at_row else len(buffer) if newline < 0 else newline + 1
    while start < end:
        line_end = buffer.find(b"\n", start)
        stop = len(buffer) if line_end < 0 else line_end
        if line_end >= 0 and _RULE_LINE.fullmatch(buffer, start, stop):
            start = line_end + 1
            continue
        row = _cells(buffer, start, stop, separator, None)
        if line_end < 0:
            if row is not None and buffer[start:stop].strip():
                yield (row[0], False), start
            return
        yield (([], True) if row is None or buffer[start:stop].strip() in (b"", b"\\.") else (row[0], True)), start
        start = line_end + 1


def _tuples(buffer: bytes, position: int, end: int) -> Iterator[tuple[Row, int]]:
    """SQL rows ``(…), (…)`` from ``position``, up to anything that is not the next tuple (or a tuple not
    closed before ``end``), each with where it starts. Where they run on to the end of the buffer, a row of
    no cells, not whole, says where they go on: the tuple the buffer cut, or the last one read again when
    the buffer ends before the comma after it."""
    while True:
        while position < end and buffer[position] in b" \t\r\n":
            position += 1
        if position >= len(buffer):
            yield ([], False), position
        if position >= end or buffer[position] != ord("("):
            return
        row = _cells(buffer, position + 1, end, ord(","), ord(")"))
        if row is None:
            yield ([], end < len(buffer)), position
            return
        yield (row[0], True), position
        start, position = position, row[1] + 1
        while position < end and buffer[position] in b" \t\r\n":
            position += 1
        if position >= len(buffer):
            yield ([], False), start
        if position >= end or buffer[position] != ord(","):
            return
        position += 1


def _cells(buffer: bytes, position: int, stop: int, separator: int, closer: int | None) -> tuple[list[Span], int] | None:
    """The cells from ``position`` to ``stop`` (or to ``closer`` outside quotes), each without its
    spaces and quotes, and where they ended; None when a quote or the row is not closed. A line holding no
    quote is split at its separators without walking it byte by byte: a dump's rows mostly hold none."""
    cells: list[Span] = []
    if closer is None and _QUOTE.search(buffer, position, stop) is None:
        while (end := buffer.find(separator, position, stop)) >= 0:
            cells.append(_trimmed(buffer, position, end))
            position = end + 1
        cells.append(_trimmed(buffer, position, stop))
        return cells, stop
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
