"""Outbox rows read off a change stream: a request is written by the event that writes its row, never by one that
changes or removes it, and a column the stream leaves out has no value.

A change-data-capture consumer of an outbox table sees each row several times: its INSERT (the request queued),
then an UPDATE marking it sent or retried (the same method, URL, headers and body again), then its DELETE. Read as
requests, the later events are second sends (the same signature twice: a false replay), and a column an UPDATE
left alone is written as a marker (PostgreSQL's TOAST placeholder ``unchanged-toast-datum``), which read as the body
is one the signature does not match. So an event is read only where its kind writes the row — what the rule files
say under ``change_streams`` (:mod:`keyaudit.rulebook.change_streams`): an object naming a change's kind and what
it changed (a table, a schema, a collection), and no request of its own. Where such an event gives the row as two
lists side by side, the column names and the values by position (wal2json 1's ``columnnames`` and
``columnvalues``), the row is the record of those columns; nowhere else are two lists paired so (a pod's
``command`` beside its ``args`` is no row).
"""

from __future__ import annotations

from typing import Any, Callable

from keyaudit.rulebook.change_streams import ChangeStreams

_MAX_DEPTH = 4  # how deep in a value a change event is looked for (DynamoDB's: in a list in `Records`)
_MAX_ITEMS = 16  # the items of a list looked at
Node = tuple[dict[str, Any], tuple[int, ...], str]  # an object of a record, its path and its side (see records)


def writes_row(node: object, changes: ChangeStreams) -> bool | None:
    """True where ``node`` is a change event that writes its row, False where it is one that changes or removes
    it, None where it is no change event (most objects: one look at their members' names; no other value is)."""
    if type(node) is not dict or changes.kinds.isdisjoint(node) or changes.tables.isdisjoint(node) and not any(
            isinstance(inner := node.get(member), dict) and name in inner for member, name in changes.nested):
        return None
    for key in changes.kinds & node.keys():
        kind = node[key].lower() if isinstance(node[key], str) else None
        if kind in changes.rows:
            return True
        if kind in changes.changes:
            return False
    return None


def rows_written(nodes: list[Node], changes: ChangeStreams, stated: Callable[[dict[str, Any]], object]) -> list[Node]:
    """A record's objects (breadth first, as :func:`~.records.request_of` lists them) but those in a change event
    that writes no row; an event that writes one followed by the row its lists of names and values give, and its
    objects without the values it leaves out. ``stated``: what an object says of a request of its own (one that
    does is no change event, whatever else it names)."""
    events = [(place, written) for node, place, _ in nodes
              if (written := writes_row(node, changes)) is not None and stated(node) is None]
    if not events:
        return nodes
    kept: list[Node] = []
    for node, place, side in nodes:
        at, written = next(((at, written) for at, written in events if place[:len(at)] == at), ((), None))
        if written is False:
            continue
        if written:
            node = _shown(node, changes)
            if place == at and (row := _listed_row(node, changes)) is not None:  # the event's own lists
                kept.append((node, place, side))
                node, place = row[1], (*place, row[0])
        kept.append((node, place, side))
    return kept


def withheld(value: object, changes: ChangeStreams, depth: int = 0) -> bool:
    """Whether a value (a line's JSON, an object printed over lines) is, or holds a few levels down, a change event
    that changes or removes its row: then none of the objects in it is a request sent (the row itself, read on its
    own by a reader that tries every object of a line, is the request the row's INSERT wrote)."""
    if isinstance(value, dict):
        return writes_row(value, changes) is False or depth < _MAX_DEPTH and any(
            withheld(member, changes, depth + 1) for member in value.values() if isinstance(member, (dict, list)))
    return isinstance(value, list) and depth < _MAX_DEPTH and any(
        withheld(item, changes, depth + 1) for item in value[:_MAX_ITEMS] if isinstance(item, (dict, list)))


def unchanged(value: object, changes: ChangeStreams) -> bool:
    """Whether a value is what a stream writes for a column it leaves out of a change."""
    return isinstance(value, str) and value in changes.unchanged


def _shown(node: dict[str, Any], changes: ChangeStreams) -> dict[str, Any]:
    """The object without the members a stream left out (their value its marker for one)."""
    if not any(unchanged(value, changes) for value in node.values()):
        return node
    return {key: value for key, value in node.items() if not unchanged(value, changes)}


def _listed_row(event: dict[str, Any], changes: ChangeStreams) -> tuple[int, dict[str, Any]] | None:
    """(the position of its names' member, the row) a change event gives as a list of column names beside a list
    of as many values, none a list or an object (members named ``<x>names`` and ``<x>values``, by the rule files'
    ``columns`` endings); None where it gives none."""
    lowered = {key.lower(): (index, value) for index, (key, value) in enumerate(event.items())}
    for key, (index, names) in lowered.items():
        for names_end, values_end in changes.columns:
            if not key.endswith(names_end) or not isinstance(names, list):
                continue
            values = lowered.get(key[:len(key) - len(names_end)] + values_end, (0, None))[1]
            if isinstance(values, list) and len(values) == len(names) and len(set(map(str, names))) == len(names) \
                    and all(isinstance(name, str) for name in names) \
                    and not any(isinstance(value, (list, dict)) for value in values):
                return index, {name: value for name, value in zip(names, values) if not unchanged(value, changes)}
    return None
