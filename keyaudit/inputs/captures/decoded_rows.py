"""A row's change as PostgreSQL's logical decoding writes it in text, by its test_decoding plugin
(postgresql.org/docs/current/test-decoding.html): ``table public.outbox: INSERT: id[bigint]:1 method[text]:'POST' …``
— what a change-data-capture consumer of an outbox reads (``pg_recvlogical -P test_decoding``, or the ``data`` column
``pg_logical_slot_get_changes`` returns). Each column is ``name[type]:value``, the value quoted as standard SQL quotes
a string (``'it''s'``, its lines kept) or bare (a number, ``null``). A change that writes the row is read, tagged with
the row it is (see :mod:`.change_rows`): an ``UPDATE:`` or ``DELETE:`` that repeats the row's request is no second
send, and an UPDATE writes ``unchanged-toast-datum`` for a column stored apart that it left alone — no value.
"""

from __future__ import annotations

import re

from keyaudit.model.exchange import RowChange
from keyaudit.rulebook.change_streams import ChangeStreams

from .change_rows import row_identity, unchanged
from .sql_values import unquoted

MAX_COLUMNS = 1600  # a row's columns read, at most: PostgreSQL's bound on a table's (MaxHeapAttributeNumber)
# one column: `name[type]:value` (a type's name may hold blanks and brackets of its own: `character varying[]`)
_COLUMN = re.compile(
    r"""[ ]([\w$]+|"[^"]*(?:""[^"]*)*")\[[^\[\]\n]{1,64}(?:\[\])*\]:('[^']*(?:''[^']*)*'|[^\s']*)(?=\s|$)""")


def decoded_row(text: str, at: int, table: str, kind: str, changes: ChangeStreams
                ) -> tuple[int, dict[str, object], RowChange] | None:
    """The row a change of ``kind`` (``INSERT``, ``UPDATE``, …) of ``table`` writes with its columns from ``at`` on,
    and which row it is (see :class:`~keyaudit.model.exchange.RowChange`), or None: a change that writes no row (by
    the rule files' ``change_streams``: a TRUNCATE), or one no column follows. A column the change left out (its value
    the stream's marker) is none of the row's. A DELETE's columns (its key, or the old row where the table's replica
    identity is FULL) are read as the row it ends: a request there an earlier event wrote is judged once."""
    lowered = kind.lower()
    if lowered not in changes.rows and lowered not in changes.changes and lowered not in changes.removals:
        return None
    start, record, shown = at, dict[str, object](), 0
    for _ in range(MAX_COLUMNS):
        if (column := _COLUMN.match(text, at)) is None:
            break
        value, shown = column.group(2), shown + 1
        if not unchanged(value, changes):
            record[unquoted(column.group(1))] = value[1:-1].replace("''", "'") if value[:1] == "'" else value
        at = column.end()
    row = RowChange(row_identity(table, changes.key_columns, record), lowered in changes.changes, len(record) < shown,
                    lowered in changes.removals)
    return (start, record, row) if record else None
