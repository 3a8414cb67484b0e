"""A row's change as PostgreSQL's logical decoding writes it in text, by its test_decoding plugin
(postgresql.org/docs/current/test-decoding.html): ``table public.outbox: INSERT: id[bigint]:1 method[text]:'POST' …``
— what a change-data-capture consumer of an outbox reads (``pg_recvlogical -P test_decoding``, or the ``data`` column
``pg_logical_slot_get_changes`` returns). Each column is ``name[type]:value``, the value quoted as standard SQL quotes
a string (``'it''s'``, its lines kept) or bare (a number, ``null``). Only a change that writes the row is read (see
:mod:`.change_rows`): an ``UPDATE:`` of the same row repeats it, and writes ``unchanged-toast-datum`` for a column
stored apart that it left alone — no value.
"""

from __future__ import annotations

import re

from keyaudit.rulebook.change_streams import ChangeStreams

from .change_rows import unchanged
from .sql_values import unquoted

MAX_COLUMNS = 1600  # a row's columns read, at most: PostgreSQL's bound on a table's (MaxHeapAttributeNumber)
# one column: `name[type]:value` (a type's name may hold blanks and brackets of its own: `character varying[]`)
_COLUMN = re.compile(
    r"""[ ]([\w$]+|"[^"]*(?:""[^"]*)*")\[[^\[\]\n]{1,64}(?:\[\])*\]:('[^']*(?:''[^']*)*'|[^\s']*)(?=\s|$)""")


def decoded_row(text: str, at: int, kind: str, changes: ChangeStreams) -> tuple[int, dict[str, object]] | None:
    """The row a change of ``kind`` (``INSERT``, ``UPDATE``, …) writes with its columns from ``at`` on, or None: a
    change that writes no row (by the rule files' ``change_streams``), or one no column follows. A column the
    change left out (its value the stream's marker) is none of the row's."""
    if kind.lower() not in changes.rows:
        return None
    start, record = at, dict[str, object]()
    for _ in range(MAX_COLUMNS):
        if (column := _COLUMN.match(text, at)) is None:
            break
        value = column.group(2)
        if not unchanged(value, changes):
            record[unquoted(column.group(1))] = value[1:-1].replace("''", "'") if value[:1] == "'" else value
        at = column.end()
    return (start, record) if record else None
