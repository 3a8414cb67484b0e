"""Outbox rows read off a change stream: each row image a change event carries is a request, read once — an image
repeating the request its key's row held in an earlier event of the file is no second send; a column the stream
leaves out has no value.

A change-data-capture consumer of an outbox table sees each row several times: its INSERT (the request queued), then
an UPDATE marking it sent or retried (the same method, URL, headers and body again), then its DELETE. Read as
requests, the later events are second sends (the same signature twice: a false replay), and a column an UPDATE left
alone is written as a marker (PostgreSQL's TOAST placeholder ``unchanged-toast-datum``), which read as the body is
one the signature does not match. What makes an object such an event is what the rule files say under
``change_streams`` (:mod:`keyaudit.rulebook.change_streams`): it names its source as a stream does (a signature:
Debezium's ``source.table``, Maxwell's ``database`` beside ``table``, DynamoDB's ``eventSource: aws:dynamodb``…), a
change's kind, and carries a row member of the stream's (``after``, ``NewImage``, ``fullDocument``…) or an old image
(``before``…). Nothing else is touched: an application's log line naming a ``type``, ``table`` or ``eventSource`` of
its own is read as any record, whatever kind word it says (``remove``, ``delete``), and so is every other member of an
event and every other object of its line. Inside an event, its new row is read, else (a DELETE) its old image: the
request in it was written by an earlier event, which the file may not hold (a log rotated away), and is judged once;
an old image beside a new row is not read. Each row read is tagged with its table and key
(:class:`~keyaudit.model.exchange.RowChange`), and :mod:`.rows_read` drops one whose request is the one that key's row
held before (an UPDATE marking it sent, the DELETE of a row read: a changed request — a resend signed anew — is read);
a row with no key column is never taken for another. Where an event gives the row as two lists side by side, the
column names and the values by position (wal2json 1's ``columnnames`` and ``columnvalues``), the row is the record of
those columns; nowhere else are two lists paired so (a pod's ``command`` beside its ``args`` is no row).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable

from keyaudit.model.exchange import Exchange, RowChange
from keyaudit.rulebook.change_streams import ChangeStreams, Path

Place = tuple[int, ...]
Node = tuple[dict[str, Any], Place, str]  # an object of a record, its path and its side (see records)
_MAX_DEPTH = 4  # how deep in a line's value change events are looked for (DynamoDB's: in a list in `Records`)
_MAX_ITEMS = 16  # the items of a list looked at


@dataclass(frozen=True)
class Event:
    """A change event of a record: its place, whether it writes its row (``row``), writes it again (``change``) or
    removes it (``removal``), its table (named within its database, schema or server: tenants' databases hold tables
    of one name, keyed alike), the key columns its rows are told apart by, and the places (relative to it) of the row
    images it carries that are read (its new rows; its old images where it carries none) and of those not read (old
    images beside a new row)."""

    place: Place
    kind: str
    table: str
    keys: tuple[str, ...]
    rows: tuple[Place, ...]
    images: tuple[Place, ...]


@dataclass
class Rows:
    """The rows the change events of one record carry, by the place of each: the row's identity (its table and key)
    and whether its event writes it again; and the places of rows the stream left a column out of."""

    found: dict[Place, tuple[str | None, str]] = field(default_factory=dict)
    partial: set[Place] = field(default_factory=set)

    def holds(self, place: Place) -> bool:
        """Whether ``place`` is in a row an event carries: all the request there is (a body is none of the event's
        other members, MongoDB's resume token ``_id._data`` among them)."""
        return bool(self.found) and any(place[:len(at)] == at for at in self.found)

    def within(self, place: Place, nodes: list[Node]) -> list[Node]:
        """Of ``nodes``, those in the row that holds ``place``, where an event carries one there (a row's headers
        and body are its own: MongoDB's resume token ``_id._data`` beside it is none); else all."""
        row = next((at for at in self.found if place[:len(at)] == at), None) if self.found else None
        return nodes if row is None else [item for item in nodes if item[1][:len(row)] == row]

    def read(self, exchange: Exchange | None, place: Place) -> Exchange | None:
        """The request read at ``place``, tagged with the row it is where it is one an event carries."""
        if exchange is None or not self.found:
            return exchange
        for at, (row, kind) in self.found.items():
            if place[:len(at)] == at:
                partial = any(spot[:len(at)] == at for spot in self.partial)
                return replace(exchange, row=RowChange(row, kind == "change", partial, kind == "removal"))
        return exchange


NO_ROWS = Rows()  # (never added to: a record with no change event)


def rows_written(nodes: list[Node], changes: ChangeStreams, stated: Callable[[dict[str, Any]], object]
                 ) -> tuple[list[Node], Rows]:
    """A record's objects (breadth first, as :func:`~.records.request_of` lists them) but those in a change event's
    old images beside its new row; the rows it carries without the values the stream left out, and the row its lists
    of names and values give after it; and the rows found. ``stated``: what an object says of a request of its own
    (one that does is no change event, whatever else it names)."""
    kinds = changes.kinds
    for node, _, _ in nodes:
        if not kinds.isdisjoint(node):
            break
    else:
        return nodes, NO_ROWS  # most records: no member names a change's kind
    by_place = {place: node for node, place, _ in nodes}
    events = [event for node, place, _ in nodes
              if (event := change_event(node, place, changes, by_place)) is not None and stated(node) is None]
    if not events:
        return nodes, NO_ROWS
    rows = Rows()
    gone = [(*event.place, *image) for event in events for image in event.images]
    written = {(*event.place, *row): event for event in events for row in event.rows}
    kept: list[Node] = []
    for node, place, side in nodes:
        if any(place[:len(at)] == at for at in gone):
            continue
        under = next((at for at in written if place[:len(at)] == at), None)
        if under is not None:
            shown = _shown(node, changes)
            if shown is not node:
                rows.partial.add(place)
            node = shown
            if place == under:
                rows.found[place] = _identity(written[place], node)
        kept.append((node, place, side))
        event = next((event for event in events if event.place == place), None)
        if event is not None and (listed := _listed_row(node, changes)) is not None:  # the event's own lists
            at, row, partial = (*place, listed[0]), listed[1], listed[2]
            rows.found[at] = _identity(event, row)
            if partial:
                rows.partial.add(at)
            kept.append((row, at, side))
    return kept, rows


def change_event(node: dict[str, Any], place: Place, changes: ChangeStreams, by_place: dict[Place, dict[str, Any]]
                 ) -> Event | None:
    """The change event ``node`` is (see the module's doc), or None: most objects, at one look at their members'
    names."""
    if changes.kinds.isdisjoint(node) or changes.carried.isdisjoint(node) and not _names_listed(node, changes):
        return None
    kind = next((found for key in changes.kinds & node.keys() if (found := _kind(node[key], changes))), None)
    if kind is None or not any(all(_has(node, path, value) for path, value in signature)
                               for signature in changes.sources):
        return None  # (an application's record naming a `type` and a `table`: no stream's source)
    table = "\0".join(name for path in changes.tables if isinstance(name := _value(node, path), str))
    rows = tuple(at for path in changes.row_members
                 if isinstance(_value(node, path), (dict, list)) and (at := _place(node, place, path, by_place)))
    images = tuple(at for path in changes.images if (at := _place(node, place, path, by_place)))
    listed = _listed_row(node, changes) is not None
    if not rows and not images and not listed:
        return None
    if not rows and not listed:  # a DELETE's old image: the row it read is judged once (.rows_read)
        rows, images = images, ()
    return Event(place, kind, table, _keys(node, changes), rows, images)


def rows_apart(event: dict[str, Any], changes: ChangeStreams, most: int) -> tuple[str | None, list[dict[str, Any]],
                                                                                  int]:
    """The event once for each row of a row member that lists several (Canal's ``data``: the rows one statement
    changed), the member holding that row alone, at most ``most`` of them; else the event itself. With the member's
    name (None for the event itself: each row stands where its item does) and how many rows were past ``most``."""
    for path in changes.row_members:
        if len(path) == 1 and isinstance(rows := event.get(path[0]), list) and len(rows) > 1:
            return path[0], [{**event, path[0]: [row]} for row in rows[:most]], max(0, len(rows) - most)
    return None, [event], 0


def unsent(value: object, changes: ChangeStreams, depth: int = 0) -> list[Any]:
    """The objects a value's change events hold that send nothing (their old images, the rows of those that remove
    them), a few levels down: what a reader of every object of a line must not read on its own."""
    if isinstance(value, list):
        return [found for item in value[:_MAX_ITEMS] for found in unsent(item, changes, depth + 1)] \
            if depth < _MAX_DEPTH else []
    if not isinstance(value, dict):
        return []
    event = change_event(value, (), changes, {})
    if event is None:
        return [found for member in value.values() if isinstance(member, (dict, list))
                for found in unsent(member, changes, depth + 1)] if depth < _MAX_DEPTH else []
    held = [held for path in changes.images if isinstance(held := _value(value, path), (dict, list))] \
        if event.images else []  # (old images beside a new row: a DELETE's is read)
    return [item for found in held for item in (found[:_MAX_ITEMS] if isinstance(found, list) else [found])]


def holds(value: object, objects: list[Any], depth: int = 0) -> bool:
    """Whether a value is one of ``objects`` or holds one a few levels down (an object of a line that holds an
    event's old image: DynamoDB's ``dynamodb`` member around its ``OldImage``)."""
    if not objects or value in objects:
        return bool(objects)
    members = value.values() if isinstance(value, dict) else value[:_MAX_ITEMS] if isinstance(value, list) else ()
    return depth < _MAX_DEPTH and any(holds(member, objects, depth + 1) for member in members
                                      if isinstance(member, (dict, list)))


def unchanged(value: object, changes: ChangeStreams) -> bool:
    """Whether a value is what a stream writes for a column it leaves out of a change."""
    return isinstance(value, str) and value in changes.unchanged


def _kind(value: object, changes: ChangeStreams) -> str | None:
    """What a kind member's value says the event does to its row, or None."""
    if not isinstance(value, str):
        return None
    lowered = value.lower()
    return "row" if lowered in changes.rows else "change" if lowered in changes.changes else \
        "removal" if lowered in changes.removals else None


def _has(node: dict[str, Any], path: Path, values: frozenset[str] | None) -> bool:
    """Whether an object has the member at ``path`` (of one of ``values``, where they are said)."""
    for name in path[:-1]:
        node = node.get(name)  # type: ignore[assignment]
        if not isinstance(node, dict):
            return False
    return path[-1] in node and (values is None or isinstance(node[path[-1]], str) and node[path[-1]] in values)


def _value(node: dict[str, Any], path: Path) -> Any:
    """The value at a member's path in an object, or None."""
    value: Any = node
    for name in path:
        if not isinstance(value, dict):
            return None
        value = value.get(name)
    return value


def _place(node: dict[str, Any], place: Place, path: Path, by_place: dict[Place, dict[str, Any]]) -> Place | None:
    """The places of the member at ``path`` (relative to the node at ``place``), as the record's objects are placed
    (each its position among its object's members; ``by_place``: the objects so placed, where known), or None where
    there is no such member."""
    at: list[int] = []
    current: dict[str, Any] | None = node
    for step, name in enumerate(path):
        if current is None or name not in current:
            return None
        at.append(list(current).index(name))
        inner = current[name] if isinstance(current[name], dict) else None
        current = by_place.get((*place, *at), inner) if step + 1 < len(path) else None
    return tuple(at)


def _keys(event: dict[str, Any], changes: ChangeStreams) -> tuple[str, ...]:
    """The key columns the event names (an object's names, a list of names or of ``{name}``), else the rule
    files'."""
    for path in changes.keys:
        value = _value(event, path)
        names = list(value) if isinstance(value, dict) else [
            item.get("name") if isinstance(item, dict) else item for item in value] if isinstance(value, list) else []
        if names and all(isinstance(name, str) for name in names):
            return tuple(names)
    return changes.key_columns


def row_identity(table: str, keys: Iterable[str], row: dict[str, Any]) -> str | None:
    """A row's identity: its table and its key columns' values; None where it has none of them, or one is null
    (rows of a table with no key, or whose key is another column, are told apart by nothing: each is its own)."""
    values = [row[name] for name in keys if name in row]
    return f"{table}\0{json.dumps(values, default=str, sort_keys=True)}" if values and None not in values else None


def _identity(event: Event, row: dict[str, Any]) -> tuple[str | None, str]:
    """A row's identity (see :func:`row_identity`) and what its event does to it."""
    return row_identity(event.table, event.keys, row), event.kind


def _shown(node: dict[str, Any], changes: ChangeStreams) -> dict[str, Any]:
    """The object without the members a stream left out (their value its marker for one)."""
    if not any(unchanged(value, changes) for value in node.values()):
        return node
    return {key: value for key, value in node.items() if not unchanged(value, changes)}


def _names_listed(node: Iterable[str], changes: ChangeStreams) -> bool:
    """Whether an object has a member named as a list of column names is (``columnnames``)."""
    return any(isinstance(key, str) and key.lower().endswith(names) for key in node for names, _ in changes.columns)


def _listed_row(event: dict[str, Any], changes: ChangeStreams) -> tuple[int, dict[str, Any], bool] | None:
    """(the position of its names' member, the row, whether a value was left out) a change event gives as a list of
    column names beside a list of as many values, none a list or an object (members named ``<x>names`` and
    ``<x>values``, by the rule files' ``columns`` endings); None where it gives none."""
    lowered = {key.lower(): (index, value) for index, (key, value) in enumerate(event.items()) if isinstance(key, str)}
    for key, (index, names) in lowered.items():
        for names_end, values_end in changes.columns:
            if not key.endswith(names_end) or not isinstance(names, list):
                continue
            values = lowered.get(key[:len(key) - len(names_end)] + values_end, (0, None))[1]
            if isinstance(values, list) and len(values) == len(names) and len(set(map(str, names))) == len(names) \
                    and all(isinstance(name, str) for name in names) \
                    and not any(isinstance(value, (list, dict)) for value in values):
                row = {name: value for name, value in zip(names, values) if not unchanged(value, changes)}
                return index, row, len(row) < len(names)
    return None
