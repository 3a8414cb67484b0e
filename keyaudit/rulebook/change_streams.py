"""What the rule files say of change streams (a rule file's ``change_streams`` list): how a change event names its
kind, its table and the members it carries its row in, which kinds write, change or remove a row, how a row is keyed,
and the markers a stream writes for a value it leaves out.

A change-data-capture stream (logical decoding's wal2json and test_decoding, Debezium, Maxwell, Canal, DynamoDB
Streams, MongoDB change streams) carries every change of an outbox row: the INSERT that queued a request, then the
UPDATEs that mark it sent or retried, then its DELETE. The row an event carries in its own row members is the request;
an UPDATE that repeats its row is no second send, a DELETE and an old image send nothing, and a stream's marker for a
column left out (PostgreSQL's TOAST placeholder) is no value. Only an object that names its source the way a stream
does (a ``source`` signature: Debezium's ``source`` object with its table, Maxwell's ``database`` beside ``table``,
DynamoDB's ``eventSource`` of ``aws:dynamodb``…) AND carries a row member is such an event: an application's record
with a free-text ``"type": "delete"``, ``"table"`` or ``"eventSource"`` beside a request of its own is a request like
any other. Each entry is ``role: word, word…``; the roles are in :data:`ROLES`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

# kind: the members naming a change's kind; row: the kinds that write a row (an insert, a snapshot's read); change:
# the kinds that write it again (an update); removal: the kinds that remove it; table: the members naming what was
# changed; namespace: the members naming where that is (its database, schema or server: one table name is many tables
# where each tenant has a database); rows: the members an event carries its new row in; images: those it carries an
# old row or old key in (never sent); keys: the members naming the row's key columns (an object's names, a list of
# names, of {name}); key: the columns that key a row where the event names none; columns: `names/values`, the endings
# of two members holding a row's column names and its values by position; unchanged: the values a stream writes for a
# column it does not show; source: the signatures of the streams, each `member+member…` (`member=value|value…`: one of
# those values, as the stream writes them — Debezium's `op` of c, u, d…, not an application's "create"), all of whose
# members an event has. A member may be `outer.inner`: one inside an object member (Debezium's `source.table`).
ROLES = ("kind", "row", "change", "removal", "table", "namespace", "rows", "images", "keys", "key", "columns",
         "unchanged", "source")
Path = tuple[str, ...]
Signature = tuple[tuple[Path, frozenset[str] | None], ...]  # the members an event of one stream has (and their values)


@dataclass(frozen=True)
class ChangeStreams:
    """The change-stream words of the rule files, by role; kinds compared lower-cased, members as spelled."""

    kinds: frozenset[str] = frozenset()
    rows: frozenset[str] = frozenset()
    changes: frozenset[str] = frozenset()
    removals: frozenset[str] = frozenset()
    # the members naming what a change changed, where it is (the ``namespace`` role: its database, schema, server)
    # first, then its name (the ``table`` role): a table's identity is all of those an event has
    tables: tuple[Path, ...] = ()
    row_members: tuple[Path, ...] = ()
    images: tuple[Path, ...] = ()
    keys: tuple[Path, ...] = ()
    key_columns: tuple[str, ...] = ()
    columns: tuple[tuple[str, str], ...] = ()
    unchanged: frozenset[str] = frozenset()
    # the first member of every row member's and image's path: an object holding none of them is no event
    carried: frozenset[str] = frozenset()
    # the kind members as a JSON text writes them (`"op"`): a text without one holds no event
    quoted_kinds: tuple[str, ...] = ()
    # the streams' signatures: an object that has all the members of none is no event, whatever it names
    sources: tuple[Signature, ...] = ()


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
    paths = {role: tuple(tuple(word.split(".")) for word in words[role])
             for role in ("table", "namespace", "rows", "images", "keys")}
    lowered = {role: frozenset(word.lower() for word in words[role]) for role in ("row", "change", "removal")}
    return ChangeStreams(frozenset(words["kind"]), lowered["row"], lowered["change"], lowered["removal"],
                         (*paths["namespace"], *paths["table"]), paths["rows"], paths["images"], paths["keys"],
                         tuple(words["key"]), pairs, frozenset(words["unchanged"]),
                         frozenset(path[0] for path in (*paths["rows"], *paths["images"])),
                         tuple(f'"{kind}"' for kind in words["kind"]), tuple(map(_signature, words["source"])))


def _signature(text: str) -> Signature:
    """A ``member+member=value|value…`` signature's members (paths) and the values said of them."""
    return tuple((tuple(name.strip().split(".")), frozenset(map(str.strip, value.split("|"))) if sep else None)
                 for name, sep, value in (part.partition("=") for part in text.split("+") if part.strip()))
