"""What the rule files say of change streams (a rule file's ``change_streams`` list): how a change event names its
kind and its table, which kinds write a row anew, and the markers a stream writes for a value it leaves out.

A change-data-capture stream (logical decoding's wal2json and test_decoding, Debezium, Maxwell, Canal, DynamoDB
Streams, MongoDB change streams) carries every change of an outbox row: the INSERT that queued a request, then the
UPDATEs that mark it sent or retried, then its DELETE. Only the first is the request written; the others repeat the
row (a second send, read as a replay) or write a placeholder where a column did not change (PostgreSQL's TOAST
marker, read as the body). Each entry is ``role: word, word…``; the roles are listed in :data:`ROLES`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

# kind: the members naming a change's kind; row: the kinds that write a row (an insert, a snapshot's read); change:
# the kinds that change or remove one; table: the members naming what was changed (a table, a collection), or
# `member.inner`, an object member naming it inside (Debezium's `source.table`, MongoDB's `ns.coll`);
# columns: `names/values`, the endings of two members holding a row's column names and its values by position;
# unchanged: the values a stream writes for a column it does not show
ROLES = ("kind", "row", "change", "table", "columns", "unchanged")


@dataclass(frozen=True)
class ChangeStreams:
    """The change-stream words of the rule files, by role; kinds compared lower-cased, members as spelled."""

    kinds: frozenset[str] = frozenset()
    rows: frozenset[str] = frozenset()
    changes: frozenset[str] = frozenset()
    tables: frozenset[str] = frozenset()
    nested: tuple[tuple[str, str], ...] = ()  # (member, inner): an object member naming the table inside
    columns: tuple[tuple[str, str], ...] = ()
    unchanged: frozenset[str] = frozenset()


def change_streams(entries: Iterable[str]) -> ChangeStreams:
    """The vocabulary the ``role: word, word…`` entries give; a ValueError names an entry of no known role."""
    words: dict[str, list[str]] = {role: [] for role in ROLES}
    for entry in entries:
        role, _, listed = entry.partition(":")
        if role.strip() not in words:
            raise ValueError(f"change_streams entry {entry!r}: the role must be one of {', '.join(ROLES)}")
        words[role.strip()].extend(word.strip() for word in listed.split(",") if word.strip())
    pairs = tuple((names.strip().lower(), values.strip().lower()) for names, _, values
                  in (pair.partition("/") for pair in words["columns"]))
    tables = [tuple(name.split(".", 1)) for name in words["table"]]
    return ChangeStreams(frozenset(words["kind"]), frozenset(word.lower() for word in words["row"]),
                         frozenset(word.lower() for word in words["change"]),
                         frozenset(name[0] for name in tables if len(name) == 1),
                         tuple((name[0], name[1]) for name in tables if len(name) == 2), pairs,
                         frozenset(words["unchanged"]))
