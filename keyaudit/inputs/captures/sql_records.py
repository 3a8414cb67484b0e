"""Requests kept as rows of a database table (an outbox, a webhook or audit log) and written out as
SQL: a dump's ``INSERT`` statements (sqlite3's ``.dump``, mysqldump's, pg_dump's ``--inserts``), a
statement as a server or a driver logged it, an ``UPDATE … SET``.

Each row is a record — column name to value — for the generic reconstructor (:mod:`.records`),
as a table's row in a CSV export is. Its columns are the statement's own (``INSERT INTO t (a, b)
VALUES …``, ``SET a = …``) or, where a dump leaves them out (``INSERT INTO t VALUES …``), those
the table's ``CREATE TABLE`` named above: in the lines read, or earlier in the file
(:class:`~.file_scope.FileScope` keeps them). A statement with placeholders (``VALUES ($1, $2)``)
takes the values its log binds to them: below it by number (PostgreSQL's ``DETAIL:  parameters:
$1 = '…', …``), or in order after it on its line (Rails' ``[["method", "POST"], …]``, a JSON
record's ``"bindings": […]`` beside its statement: Laravel's query log). The request is placed on
the line its row begins on.
"""

from __future__ import annotations

import bisect
import json
import re
from typing import Iterator, Mapping

from keyaudit.model.exchange import Exchange, Origin
from keyaudit.rulebook.header_names import NO_RECORD_HEADERS, RecordHeaders

from .records import request_of
from .sql_values import Param, SqlText, created_table, table_name, unquoted

_NAME = r"""(?:`(?:[^`]|``)*`|\\?"(?:[^"\\]|"")*\\?"|\[[^\]]*\]|[\w$]+)"""
_STATEMENT = re.compile(
    rf"""\b(?:(?:INSERT|REPLACE)(?:\s+(?:IGNORE|OR\s+\w+|INTO))*\s+(?P<table>(?:{_NAME}\.){{0,2}}{_NAME})
    | UPDATE\s+(?:ONLY\s+)?(?P<updated>(?:{_NAME}\.){{0,2}}{_NAME})\s+SET\b
    | (?P<created>CREATE\s+TABLE\s))""", re.I | re.X)
_VALUES = re.compile(r"\s*VALUES?\b", re.I)
_PARAMETERS = re.compile(r"\bparameters:\s*(?=\$1\b)")  # PostgreSQL's DETAIL line of the values bound
PARAMETERS_REACH = 4096  # the bound values are logged at most this far after their statement
# Rails' ActiveRecord log: the values bound, `[["name", value], …]`, on the statement's line after it
_LISTED = re.compile(r'\[\["')
_DECODER = json.JSONDecoder()
# Hibernate's binder (org.hibernate.type.descriptor.sql.BasicBinder at TRACE; 6's org.hibernate.orm.jdbc.bind): a
# line a value below the statement, the value in brackets to the line's end
_BINDING = re.compile(r"binding parameter (?:\[(\d+)\] as \[\w+\] - |\((\d+):\w+\) <- )\[(.*)\]\r?$", re.M)
# a JSON record's array of the values bound, beside its statement (Laravel's query log: `"bindings": […]`)
_ARRAY = re.compile(r'"(?:bindings|binds|bind|params|parameters|args)"\s*:\s*(?=\[)', re.I)
_BOUND_PAIR = re.compile(r'\["(?:[^"\\]|\\.)*", ("(?:[^"\\]|\\.)*"|nil|true|false|-?[\d.]+(?:e[-+]?\d+)?)\]')
MAX_ROWS = 10_000  # rows of one statement read, at most
# what a text that may hold a statement that writes rows holds
_MARKS = ("NSERT", "nsert", "PDATE", "pdate", "EPLACE", "eplace")


def may_hold(text: str) -> bool:
    """Whether a window's lines (joined, ``text``) may hold a statement that writes rows: a window
    of log lines is passed over with a look at C speed for each mark, not read line by line."""
    return any(mark in text for mark in _MARKS)


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
    for found in _STATEMENT.finditer(text):
        if found.group("created"):
            if (table := created_table(text, found.start())) is not None:
                defined[table[0]] = table[1]
            continue
        mysql = "`" in found.group()
        sql = SqlText(text, found.end(), mysql)
        table = found.group("table")
        rows = _updated(sql) if found.group("updated") else _inserted(sql, defined.get(table_name(table)))
        for at, record in rows:
            if any(isinstance(value, Param) for value in record.values()):
                record = _bound(record, text, sql.at, mysql)
            fields = {name: value for name, value in record.items() if isinstance(value, str)}
            index = bisect.bisect_right(starts, at) - 1
            origin = Origin(path, lines[index][0], at - starts[index] + 1, capture="sql")
            if (exchange := request_of(fields, origin, known=known)) is not None:
                yield exchange


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


def _bound(record: dict[str, object], text: str, end: int, mysql: bool) -> dict[str, object]:
    """``record`` with its placeholders' values as the log binds them after the statement: in
    order, in a list of pairs on its line (Rails'), or by number below it (PostgreSQL's)."""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    values = _listed(text, end, line_end)
    if values is None and (found := _ARRAY.search(text, end, line_end)) is not None:
        values = _array(text, found.end())
    if values is None and (found := _PARAMETERS.search(text, end, end + PARAMETERS_REACH)) is not None:
        sql, values = SqlText(text, found.end(), mysql), {}
        while (token := sql.take()) is not None and token[1][:1] == "$" and sql.take_mark("="):
            values[int(token[1][1:])] = sql.value()
            if not sql.take_mark(","):
                break
    if values is None:
        values = _binder_lines(text, line_end)
    if values is None:
        return record
    return {name: values.get(value.number) if isinstance(value, Param) else value for name, value in record.items()}


def _binder_lines(text: str, line_end: int) -> dict[int, object] | None:
    """The values Hibernate's binder logs below a statement, a line each (``binding parameter [1]
    as [VARCHAR] - [POST]``; 6's ``binding parameter (1:VARCHAR) <- [POST]``), up to the next
    statement's first; None where none follows it."""
    values: dict[int, object] = {}
    for found in _BINDING.finditer(text, line_end, line_end + PARAMETERS_REACH):
        number = int(found.group(1) or found.group(2))
        if number in values:
            break  # the next statement's
        values[number] = found.group(3)
    return values or None


def _listed(text: str, end: int, line_end: int) -> dict[int, object] | None:
    """The values Rails' log lists after a statement, ``[["method", "POST"], ["url", "…"]]`` (each
    value as Ruby's ``inspect`` writes it), numbered in order as the placeholders are; None where
    no such list follows the statement on its line."""
    found = _LISTED.search(text, end, line_end)
    if found is None:
        return None
    values: dict[int, object] = {}
    at = found.start() + 1
    while len(values) < MAX_ROWS and (pair := _BOUND_PAIR.match(text, at)) is not None:
        values[len(values) + 1] = _inspected(pair.group(1))
        at = pair.end() + 2
        if text[pair.end() : at] != ", ":
            break
    return values


def _array(text: str, at: int) -> dict[int, object] | None:
    """The values of the JSON array at ``at``, numbered in order as the placeholders are."""
    try:
        items, _ = _DECODER.raw_decode(text, at)
    except ValueError:
        return None
    if not isinstance(items, list):
        return None
    return {number: item if isinstance(item, str) else None if item is None else json.dumps(item)
            for number, item in enumerate(items[:MAX_ROWS], 1)}


def _inspected(value: str) -> str | None:
    """A value as Ruby's ``inspect`` writes it: a string's escapes undone (JSON's, and ``\\e``), a
    number as its text, ``nil`` as no value."""
    if not value.startswith('"'):
        return None if value == "nil" else value
    try:
        return json.loads(value.replace("\\e", "\\u001b"))
    except ValueError:
        return None
