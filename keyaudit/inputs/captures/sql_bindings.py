"""The values a log binds to a statement's placeholders, wherever it writes them beside the statement.

Drivers and ORMs log a statement with placeholders (``?``, ``$1``, ``:name``, ``@p0``, ``%(name)s``)
and its values apart from it, each in its own notation; what they share is that the values are a
list (by position) or a mapping (by name) written close to the statement, in its record:

- by number below it: PostgreSQL's ``DETAIL:  parameters: $1 = '…', …``, Hibernate's binder lines
  (``binding parameter [1] as [VARCHAR] - [POST]``);
- a list of pairs on its line (Rails' ``[["method", "POST"], …]``, each value as Ruby's ``inspect``
  writes it);
- a list under a name that says so (``bindings``, ``params``, ``parameters``, ``args``), after the
  statement or before it in its record: a JSON record's ``"bindings": […]`` (Laravel), TypeORM's
  ``-- PARAMETERS: […]``, Prisma's ``Params: […]``, Django's ``args=(…)``, Knex's ``bindings: [ … ]``
  printed by ``util.inspect`` above its ``sql:``;
- assignments by name before it (Entity Framework's ``[Parameters=[@p0='…' (Size = 4), …]]``);
- a bare list right after it, as many items as it has placeholders (Ecto's ``[…]`` on its line,
  SQLAlchemy's ``[generated in 0.0002s] (…)`` on the next, Sequelize's ``; "POST", "…"``).

A list is read as any of the languages of :mod:`.literals` prints one (JSON, Python, Ruby,
JavaScript, Elixir). A list found apart from its statement — not named for it, or above it —
must hold as many values as the statement has placeholders, or it is another's.
"""

from __future__ import annotations

import json
import re

from .literals import printed_items
from .quoted import DOUBLE_QUOTED
from .sql_values import Param, SqlText

PARAMETERS_REACH = 4096  # the bound values are logged at most this far from their statement
MAX_VALUES = 10_000  # values of one statement read, at most
MAX_LISTS = 4  # the lists after a statement tried for its values
LIST_DEPTH = 4  # a list of values holds values, an object or a list among them at most: nested this deep at most
MAX_LIST_CHARS = 1 << 20  # the values written after a statement end on its line or the next, at most this far on
_PARAMETERS = re.compile(r"\bparameters:\s*(?=\$1\b)")  # PostgreSQL's DETAIL line of the values bound
# Rails' ActiveRecord log: the values bound, `[["name", value], …]`, on the statement's line after it
_LISTED = re.compile(r'\[\["')
_BOUND_PAIR = re.compile(rf'\["{DOUBLE_QUOTED}", ("{DOUBLE_QUOTED}"|nil|true|false|-?[\d.]+(?:e[-+]?\d+)?)\]')
# Hibernate's binder (org.hibernate.type.descriptor.sql.BasicBinder at TRACE; 6's org.hibernate.orm.jdbc.bind): a
# line a value below the statement, the value in brackets to the line's end
_BINDING = re.compile(r"binding parameter (?:\[(\d+)\] as \[\w+\] - |\((\d+):\w+\) <- )\[(.*)\]\r?$", re.M)
# a list the record names as the statement's values (quoted as a JSON member, or not), up to its bracket
_NAMED_LIST = re.compile(r"""["']?\b(?:bindings|binds|bind|params|parameters|args)["']?\s*[:=]\s*(?=[\[(])""", re.I)
# an assignment of a named placeholder's value, as Entity Framework logs them (`@p0='POST' (Size = 4)`): the
# value as it is, a quote in it not escaped, so it ends at the quote its notes and the next assignment follow
_ASSIGNED = re.compile(r"(?<![\w@])@(\w+)='(.*?)'(?=(?:[ \t]\([^()\n]*\))*(?:,[ \t]*@\w+=|\]))", re.S)
_OPENER = re.compile(r"(?<![^\s])[\[(]")
_STATEMENT_START = re.compile(r"\b(?:INSERT|REPLACE|UPDATE)\s", re.I)  # another statement between: not its values

Values = dict[object, object]  # by number, or by name


def bindings(text: str, start: int, end: int, mysql: bool, count: int, previous: int | None = None,
             following: int | None = None) -> Values | None:
    """The values the log binds to the placeholders of the statement that begins at ``start`` of
    ``text`` and ends at ``end`` (``count`` of them; ``previous``: where the statement before it
    began, if one did; ``following``: where the next one begins, if one does), by number or by
    name; None where it binds none. Worked out once a statement: its rows take them by their
    placeholders (:func:`bound`). What comes after the next statement is that one's: looked for
    only up to it, so a line of many statements is read once, not once from each to its end."""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    after = _line_after(text, end)
    if following is not None and following < after:
        after = max(end, following) if following <= line_end else line_end
    elif _STATEMENT_START.search(text, line_end, after) is not None:
        after = line_end  # the next line holds a statement of its own: what it writes is that one's
    above = _above(text, start, previous)
    return (_listed(text, end, min(line_end, after)) or _named_list(text, end, after, None)
            or _numbered(text, end, mysql) or _binder_lines(text, line_end) or _bare_list(text, end, after, count)
            or _assigned(text, above, start) or _named_list(text, above, start, count))


def bound(record: dict[str, object], values: Values | None) -> dict[str, object]:
    """``record`` with its placeholders' ``values`` (see :func:`bindings`); those not bound are None."""
    return {name: (_value_of(value, values) if values is not None else None) if isinstance(value, Param) else value
            for name, value in record.items()}


def _line_after(text: str, at: int) -> int:
    """The end of the line after the one ``at`` is on (where a statement's values are written
    after it), at most :data:`MAX_LIST_CHARS` on."""
    second = text.find("\n", text.find("\n", at) + 1, at + MAX_LIST_CHARS)
    return min(len(text), at + MAX_LIST_CHARS) if second < 0 else second


def _above(text: str, start: int, previous: int | None) -> int:
    """Where the record above the statement at ``start`` may hold its values from: past the line
    after the statement before it, at ``previous`` (whose values that line holds) but not past the
    start of its own line, nor before that statement where it is on the same line; at most
    :data:`PARAMETERS_REACH` back."""
    begin = max(0, start - PARAMETERS_REACH)
    if previous is None or previous < begin:
        return begin
    own_line = text.rfind("\n", 0, start) + 1  # never past the statement's own line's start (a record a line)
    return max(previous, min(own_line, _line_after(text, previous)))


def _value_of(param: Param, values: Values) -> object:
    found = values.get(param.name) if param.name is not None else None
    return found if found is not None else values.get(param.number)


def _numbered(text: str, end: int, mysql: bool) -> Values | None:
    """PostgreSQL's ``DETAIL:  parameters: $1 = '…', $2 = …`` after the statement, by number."""
    found = _PARAMETERS.search(text, end, end + PARAMETERS_REACH)
    if found is None:
        return None
    sql, values = SqlText(text, found.end(), mysql), {}
    while (token := sql.take()) is not None and token[0] == "param" and token[1][1:].isdigit() and sql.take_mark("="):
        values[int(token[1][1:])] = sql.value()
        if not sql.take_mark(","):
            break
    return values or None


def _binder_lines(text: str, line_end: int) -> Values | None:
    """The values Hibernate's binder logs below a statement, a line each (``binding parameter [1]
    as [VARCHAR] - [POST]``; 6's ``binding parameter (1:VARCHAR) <- [POST]``), up to the next
    statement's first; None where none follows it."""
    values: Values = {}
    for found in _BINDING.finditer(text, line_end, line_end + PARAMETERS_REACH):
        number = int(found.group(1) or found.group(2))
        if number in values:
            break  # the next statement's
        values[number] = found.group(3)
    return values or None


def _listed(text: str, end: int, line_end: int) -> Values | None:
    """The values Rails' log lists after a statement, ``[["method", "POST"], ["url", "…"]]`` (each
    value as Ruby's ``inspect`` writes it), numbered in order as the placeholders are; None where
    no such list follows the statement on its line."""
    found = _LISTED.search(text, end, line_end)
    if found is None:
        return None
    values: Values = {}
    at = found.start() + 1
    while len(values) < MAX_VALUES and (pair := _BOUND_PAIR.match(text, at)) is not None:
        values[len(values) + 1] = _inspected(pair.group(1))
        at = pair.end() + 2
        if text[pair.end() : at] != ", ":
            break
    return values


def _named_list(text: str, begin: int, stop: int, count: int | None) -> Values | None:
    """The values of the list named as bound values between ``begin`` and ``stop``: the first one
    (after a statement), or the last one with ``count`` values and no statement after it (above a
    statement, in its record)."""
    found = list(_NAMED_LIST.finditer(text, begin, stop))
    for label in found if count is None else reversed(found):
        if count is not None and _STATEMENT_START.search(text, label.end(), stop) is not None:
            return None
        items = printed_items(text[label.end() : stop], 0, LIST_DEPTH)  # it ends in the lines it is looked for in
        if items is not None and (count is None or len(items) == count):
            return _numbered_items(items)
        if count is None:
            return None
    return None


def _assigned(text: str, begin: int, start: int) -> Values | None:
    """The values assigned to named placeholders between ``begin`` and the statement at ``start``
    (Entity Framework's ``@p0='…'``), by name; None where its record assigns none."""
    values: Values = {found.group(1): found.group(2) for found in _ASSIGNED.finditer(text, begin, start)}
    return values or None


def _bare_list(text: str, end: int, stop: int, count: int) -> Values | None:
    """The first list between the statement's ``end`` and ``stop`` that holds ``count`` values; or
    the rest of its line after its ``;``, read as the items of a list (Sequelize's)."""
    line_end = text.find("\n", end, stop)
    semicolon = text.find("; ", end, stop if line_end < 0 else line_end)
    if semicolon >= 0:
        rest = text[semicolon + 2 : stop if line_end < 0 else line_end]
        items = printed_items(f"[{rest}]", 0, LIST_DEPTH)
        if items is not None and len(items) == count:
            return _numbered_items(items)
    for tried, opener in enumerate(_OPENER.finditer(text, end, stop)):  # a list after a blank or at a line's start
        if tried == MAX_LISTS or _STATEMENT_START.search(text, end, opener.start()) is not None:
            return None
        items = printed_items(text[opener.start() : stop], 0, LIST_DEPTH)
        if items is not None and len(items) == count:
            return _numbered_items(items)
    return None


def _numbered_items(items: list[object]) -> Values:
    """A list's items numbered from 1 as the placeholders are, each as text (a number as its
    digits, a map or a list as JSON, a null as no value)."""
    return {number: item if isinstance(item, str) or item is None else json.dumps(item)
            for number, item in enumerate(items[:MAX_VALUES], 1)}


def _inspected(value: str) -> str | None:
    """A value as Ruby's ``inspect`` writes it: a string's escapes undone (JSON's, and ``\\e``), a
    number as its text, ``nil`` as no value."""
    if not value.startswith('"'):
        return None if value == "nil" else value
    try:
        return json.loads(value.replace("\\e", "\\u001b"))
    except ValueError:
        return None
