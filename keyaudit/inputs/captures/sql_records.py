"""Requests kept as rows of a database table (an outbox, a webhook or audit log) and written out as
SQL: a dump's ``INSERT`` statements (sqlite3's ``.dump``, mysqldump's, pg_dump's ``--inserts``), a
statement as a server or a driver logged it, an ``UPDATE … SET`` — or a row's change as PostgreSQL's logical decoding
writes it in text (:mod:`.decoded_rows`).

Each row is a record — column name to value — for the generic reconstructor (:mod:`.records`),
as a table's row in a CSV export is. Its columns are the statement's own (``INSERT INTO t (a, b)
VALUES …``, ``SET a = …``) or, where a dump leaves them out (``INSERT INTO t VALUES …``), those
the table's ``CREATE TABLE`` named above: in the lines read, or earlier in the file
(:class:`~.file_scope.FileScope` keeps them). A statement with placeholders (``VALUES ($1, $2)``)
takes the values its log binds to them beside it (:mod:`.sql_bindings`). The request is placed on
the line its row begins on.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from typing import Iterator, Mapping

from keyaudit.model.exchange import Exchange, Origin, RowChange
from keyaudit.rulebook.header_names import NO_RECORD_HEADERS, RecordHeaders

from .decoded_rows import decoded_row
from .records import request_of
from .sql_bindings import bindings, bound
from .sql_values import QUOTED_NAME, Param, SqlText, created_table, table_name, unquoted

_NAME = rf"""(?:{QUOTED_NAME}|[\w$]+)"""
_STATEMENT = re.compile(
    rf"""\b(?:(?:INSERT|REPLACE)(?:\s+(?:IGNORE|OR\s+\w+|INTO))*\s+(?P<table>(?:{_NAME}\.){{0,2}}{_NAME})
    | UPDATE\s+(?:ONLY\s+)?(?P<updated>(?:{_NAME}\.){{0,2}}{_NAME})\s+SET\b
    | (?P<created>CREATE\s+TABLE\s))""", re.I | re.X)
# a row's change as logical decoding writes it (see .decoded_rows): a literal first, searched for at C speed
_DECODED = re.compile(rf"""table\s+((?:{_NAME}\.){{0,2}}{_NAME}):\s([A-Z]+):""")
# before the rows, SQL Server's clause of what the statement returns may come (`OUTPUT INSERTED.[Id]`)
_VALUES = re.compile(r"\s*(?:OUTPUT\s[^;()]{1,512}?\s)?VALUES?\b", re.I)
MAX_ROWS = 10_000  # rows of one statement read, at most
# What a window's text holds where it may hold a statement that writes rows: a window of log lines is passed
# over with one look for every reader's marks (:mod:`keyaudit.engine.marks`), not read line by line.
MARKS = ("NSERT", "nsert", "PDATE", "pdate", "EPLACE", "eplace")


def exchanges(lines: list[tuple[int, str]], path: str, tables: Mapping[str, tuple[str, ...]] | None = None,
              known: RecordHeaders = NO_RECORD_HEADERS, joined: str | None = None) -> Iterator[Exchange]:
    """Every request written as a row of the statements in ``lines`` (``tables``: the columns of the
    tables the file defined before them; ``joined``: the lines joined by newlines, where the caller
    has joined them already)."""
    text = "\n".join(line for _, line in lines) if joined is None else joined
    starts = [0]
    for _, line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    defined = dict(tables or {})
    previous: int | None = None  # where the statement before that writes rows began
    unclosed: dict[bool, int] = {}  # where a string never closes, for every statement (see SqlText)
    for found in _STATEMENT.finditer(text):
        if found.group("created"):
            if (table := created_table(text, found.start())) is not None:
                defined[table[0]] = table[1]
            continue
        mysql = "`" in found.group()
        sql = SqlText(text, found.end(), mysql, unclosed)
        table = found.group("table")
        rows = list(_updated(sql) if found.group("updated") else _inserted(sql, defined.get(table_name(table))))
        count = max((value.number for _, record in rows for value in record.values() if isinstance(value, Param)),
                    default=0)
        following = _STATEMENT.search(text, sql.at) if count else None  # the next past what its rows read
        values = bindings(text, found.start(), sql.at, mysql, count, previous,
                          following.start() if following is not None else None) if count else None
        for at, record in rows:
            yield from _request(bound(record, values) if count else record, at, lines, starts, path, known)
        previous = found.start()
    for found in _DECODED.finditer(text) if "table " in text else ():
        if (row := decoded_row(text, found.end(), found.group(1), found.group(2), known.changes)) is not None:
            yield from _request(row[1], row[0], lines, starts, path, known, row[2])


def _request(record: dict[str, object], at: int, lines: list[tuple[int, str]], starts: list[int], path: str,
             known: RecordHeaders, row: RowChange | None = None) -> Iterator[Exchange]:
    """The request a row beginning at ``at`` of the lines' text holds, if any (``starts``: where each line begins;
    ``row``: the row of a change stream it is)."""
    fields = {name: value for name, value in record.items() if isinstance(value, str)}
    index = bisect.bisect_right(starts, at) - 1
    origin = Origin(path, lines[index][0], at - starts[index] + 1, capture="sql")
    if (exchange := request_of(fields, origin, known=known)) is not None:
        yield exchange if row is None else dataclasses.replace(exchange, row=row)


def _inserted(sql: SqlText, columns: tuple[str, ...] | None) -> Iterator[tuple[int, dict[str, object]]]:
    """The rows of an ``INSERT`` whose table's name was read (with where each begins), named by
    its own columns or else the table's ``columns``."""
    named = sql.names() if (token := sql.peek()) is not None and token[1] == "(" else None
    names = named or columns
    if names is None or (values := _VALUES.match(sql.text, sql.at)) is None:
        return
    sql.at = values.end()
    for _ in range(MAX_ROWS):
        token = sql.peek()
        row = sql.row() if token is not None else None
        if row is None or token is None:
            return
        if len(row) == len(names):
            yield token[2], dict(zip(names, row))
        if not sql.take_mark(","):
            return


def _updated(sql: SqlText) -> Iterator[tuple[int, dict[str, object]]]:
    """The one row an ``UPDATE … SET`` writes: its assignments."""
    begin = sql.at
    record: dict[str, object] = {}
    while (token := sql.take()) is not None and token[0] == "name" and sql.take_mark("="):
        record[unquoted(token[1])] = sql.value()
        if not sql.take_mark(","):
            break
    if record:
        yield begin, record
