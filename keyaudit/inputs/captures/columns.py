"""Requests logged one a row in columns the file named once: the W3C extended log file format
as IIS and other servers write it (w3.org/TR/WD-logfile.html), and tables exported as CSV or
TSV (a query's result from BigQuery, Athena, Kibana or Splunk; RFC 4180).

``#Fields: date time cs-method cs-uri-stem cs-uri-query s-port cs-host cs(User-Agent) …``
names the blank-separated values of the lines below it, up to the next ``#Fields:``
(:class:`~.file_scope.FileScope` follows them); ``-`` is a value not logged, ``cs(<header>)`` a
request header. A table's header row names the cells of the rows below it, split on its
separator, quoted as RFC 4180 quotes them: a quoted cell may hold the separator, doubled quotes
and line breaks, so a row (a body logged whole) may span lines. A row read so is a record,
column name to value, for the generic reconstructor (:mod:`.records`), which knows ``cs-``
(client to server) as a qualifier of the request's roles and reads a cell holding a JSON
object (headers logged as one) as the object. A row whose raw event (Splunk's ``_raw``) is no record but a
request's text as sent (a client's dump indexed as one multi-line event) is that request, its body byte for byte.
"""

from __future__ import annotations

import csv
import re
from typing import Iterator

from keyaudit.model.exchange import Exchange, Origin
from keyaudit.rulebook.header_names import NO_RECORD_HEADERS, RecordHeaders

from .file_scope import RAW_EVENT, FileScope
from .lines import MAX_BODY_BYTES
from .raw_requests import raw_request
from .record_views import role
from .records import request_of

_VALUE = re.compile(r'"[^"]*"|\S+')  # a value: blank-free, or a string in double quotes (the format's own)
_COPY_ESCAPE = re.compile(r"\\(.)", re.S)
_COPY_CHARACTERS = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
MAX_ROW_LINES = 200  # a table's row spans at most this many lines (a body logged whole in a quoted cell)
MAX_ROW_CHARS = 2 * MAX_BODY_BYTES


class ColumnsReader:
    """Each line (or a table's row of lines) under the columns a file named, read as the record
    they make; one row is one request, so no line after it is awaited once it is complete."""

    def __init__(self, path: str, scope: FileScope, known: RecordHeaders = NO_RECORD_HEADERS) -> None:
        self.path = path
        self._scope = scope
        self._known = known
        self._row: list[tuple[int, str]] = []  # the lines of a table's row whose quoted cell is open
        self._quotes = 0  # the quotes in them
        self._chars = 0

    @property
    def capture(self) -> str:
        return "w3c" if self._scope.separator is None else "table"

    @property
    def busy(self) -> bool:
        return bool(self._row)

    def feed(self, number: int, text: str) -> Iterator[Exchange]:
        columns = self._scope.columns
        if columns is None:
            return
        if self._scope.escaped:  # a dump's row: one line, its values tab-separated, COPY-escaped
            values = text.rstrip("\r").split("\t")
            if len(values) == len(columns):
                yield from self._record(number, columns, [_copy_value(value) for value in values])
            return
        if self._scope.separator is not None:
            yield from self._table_row(number, text, columns, self._scope.separator)
            return
        if text.startswith("#"):
            return
        values = _VALUE.findall(text)
        if len(values) == len(columns):
            yield from self._record(number, columns, [value[1:-1] if value.startswith('"') else value
                                                      for value in values])

    def _table_row(self, number: int, text: str, columns: tuple[str, ...], separator: str) -> Iterator[Exchange]:
        """The request of the row ``text`` ends, if it ends one. A row is complete when its quotes
        are (an even count); one that then splits into another number of cells was no row as
        begun — the lines read may have begun inside a row — and is tried again from its next line."""
        row = self._row
        row.append((number, text))
        self._quotes += text.count('"')
        self._chars += len(text)
        while row:
            if self._quotes % 2 and len(row) < MAX_ROW_LINES and self._chars < MAX_ROW_CHARS:
                return  # a quoted cell goes on in the next line
            if not self._quotes % 2:
                cells = _cells([line for _, line in row], separator)
                if cells is not None and len(cells) == len(columns):
                    first = row[0][0]
                    self._forget()
                    yield from self._record(first, columns, cells)
                    return
            _, dropped = row.pop(0)
            self._quotes -= dropped.count('"')
            self._chars -= len(dropped)

    def _forget(self) -> None:
        self._row, self._quotes, self._chars = [], 0, 0

    def _record(self, number: int, columns: tuple[str, ...], values: list[str]) -> Iterator[Exchange]:
        origin = Origin(self.path, number, capture=self.capture)
        exchange = request_of(dict(zip(columns, values)), origin, known=self._known)
        if exchange is None:  # a raw event that is a request as sent: a dump indexed as one multi-line event
            exchange = next((found for name, value in zip(columns, values) if role(name) in RAW_EVENT
                             and (found := raw_request(value.encode("utf-8", "surrogateescape"), origin))), None)
        if exchange is not None:
            yield exchange

    def close(self) -> Iterator[Exchange]:
        self._forget()  # a row never completed is no request
        return iter(())


def _copy_value(value: str) -> str:
    """A value of a COPY row as it was stored (PostgreSQL docs "COPY", Text Format: a backslash
    before `b f n r t v` is that control character, before any other character that character —
    COPY TO writes no other escape —; `\\N`, no value, is read as empty)."""
    if "\\" not in value:
        return value
    if value == "\\N":
        return ""
    return _COPY_ESCAPE.sub(lambda found: _COPY_CHARACTERS.get(found.group(1), found.group(1)), value)


def _cells(lines: list[str], separator: str) -> list[str] | None:
    """The cells of one table row written over ``lines`` (quoted as RFC 4180 quotes them; a
    line break inside a quoted cell is a line feed), or None when they are not one row."""
    try:
        rows = list(csv.reader([line + "\n" for line in lines], delimiter=separator))
    except csv.Error:
        return None
    return rows[0] if len(rows) == 1 else None
