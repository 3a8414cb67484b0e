"""A query's result set as JSON: the column names in one list, the rows in another, each row its
values by position.

Query APIs return a table so rather than as objects: Azure Data Explorer and Log Analytics
(``{"tables": [{"columns": [{"name": …}], "rows": [[…]]}]}``), BigQuery's ``tabledata.list`` and
``jobs.query`` (``schema.fields[].name``; ``rows[].f[].v``), Athena's ``GetQueryResults``
(``ResultSetMetadata.ColumnInfo[].Name``; ``Rows[].Data[].VarCharValue``, the first row the
names again), Trino and Presto (``columns``, ``data``), Snowflake (``resultSetMetaData.rowType``,
``data``), Databricks SQL (``manifest.schema.columns``, ``result.data_array``). An outbox table
queried so holds a request a row, which no member of the document names: each row is made the
record it stands for, column name to value, for the generic reconstructor. What they share is
the rule: beside a list of names (strings, or objects naming one), a list of rows of as many
values (lists, or an object whose one list holds them; a value wrapped in an object of one
member, ``{"v": …}``, is that member's) — the two found in the same object or up to two levels
down in it (Athena's and Databricks' nest them so).
"""

from __future__ import annotations

import itertools
from typing import Any

MAX_ROWS = 10_000  # rows of one result set read, at most
MAX_TABLES = 16  # the objects of a list looked at for a table each (a response's tables)
MAX_TRIED = 8  # the lists of names, and of rows, of one object tried
# How far above a row's cells its table may open: past a list of names printed a line or more each (Application
# Insights' `dependencies` has some 35 columns, four lines each as `az monitor app-insights query` prints them)
TABLE_LINES = 200
_NAME_KEYS = ("name", "Name", "columnName", "ColumnName", "label")  # what a column's object names it by


def result_rows(value: dict[str, Any]) -> list[dict[str, Any]] | None:
    """The rows of the result set ``value`` holds, each as a record (column name to value), or of
    those its lists of objects hold (a response's tables); None where it holds none."""
    if not any(isinstance(member, (list, dict)) for member in value.values()):
        return None  # most records: no list of names nor rows, nor an object holding them
    rows = _table(value)
    if rows is None:
        tables = [item for member in value.values() if isinstance(member, list) for item in member[:MAX_TABLES]
                  if isinstance(item, dict)]
        rows = [row for table in tables for row in _table(table) or ()][:MAX_ROWS] or None
    return rows


def _table(value: dict[str, Any]) -> list[dict[str, Any]] | None:
    """The rows of a list of names beside a list of rows of as many values, in ``value`` or up to
    two levels down in it; None where it holds none."""
    lists = [member for member in _members(value) if isinstance(member, list) and member]
    if len(lists) < 2:
        return None
    # rows are lists or objects (a row's cells), names strings or objects: a few of each tried, not every pair
    tables = [rows for rows in lists if isinstance(rows[0], (list, dict))][:MAX_TRIED]
    for names in itertools.islice(filter(None, map(_names, lists)), MAX_TRIED):
        for rows in tables:
            records = [dict(zip(names, cells)) for row in rows[:MAX_ROWS]
                       if (cells := _cells(row)) is not None and len(cells) == len(names)]
            if records and rows is not names:
                return records
    return None


def _members(value: dict[str, Any]) -> list[Any]:
    """The object's members, and those of the objects it holds, two levels down (the names or the rows there)."""
    members = list(value.values())
    for member in value.values():
        if isinstance(member, dict):
            members.extend(member.values())
            members.extend(inner for item in member.values() if isinstance(item, dict) for inner in item.values())
    return members


def _names(items: list[Any]) -> list[str] | None:
    """The column names a list gives (two or more, each a string or an object naming one), or None."""
    names = [item if isinstance(item, str) else _named(item) if isinstance(item, dict) else None for item in items]
    if len(names) < 2 or not all(names) or len(set(names)) != len(names):
        return None
    return names  # type: ignore[return-value]


def _named(column: dict[str, Any]) -> str | None:
    """The name a column's object gives it, or None."""
    return next((column[key] for key in _NAME_KEYS if isinstance(column.get(key), str)), None)


def _cells(row: Any) -> list[Any] | None:
    """A row's values by position: a list, or the one list an object holds; a value wrapped in an
    object of one member is that member's."""
    if isinstance(row, dict):
        inner = [member for member in row.values() if isinstance(member, list)]
        row = inner[0] if len(inner) == 1 else None
    if not isinstance(row, list):
        return None
    return [next(iter(cell.values())) if isinstance(cell, dict) and len(cell) == 1 else cell for cell in row]


def lines_floor(index: int, lowest: int, groups: list[list[int]]) -> int:
    """The line above ``index`` of a pretty-printed document that the walk up from it stops at (not looked at):
    ``lowest`` — or :data:`TABLE_LINES` up while the openings found so far (``groups``: the objects between two lists,
    innermost first, as they grow) put the line in a row of a result set (:func:`_in_rows`)."""
    return max(-1, index - TABLE_LINES if _in_rows(groups) else lowest)


def _in_rows(groups: list[list[int]]) -> bool:
    """Whether the openings found so far put a line in a list of lists, no object between (the line a cell of a
    row): the table that names the row's columns opens above the list of rows, past its columns' list, which a wide
    table prints over more lines than a request spans (Application Insights' `dependencies`, four lines a column)."""
    return len(groups) >= 3 and not groups[0] and not groups[1]
