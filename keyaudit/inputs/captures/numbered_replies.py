"""A store's reply listing a map's names and values in turn, one numbered item a line: a record.

A key-value store's client shows a reply that is a list as numbered items, one a line (redis-cli on a terminal:
``1) "method"``, ``2) "POST"``, each string in double quotes, escaped as C escapes one), a list inside a list
beginning on its parent item's line and indented under it (an ``XRANGE`` entry, ``1) 1) "<id>"`` then
``   2) 1) "method"``; a numbered item right-aligned, `` 9)`` over ``10)``, where the list has ten or more).
A hash (``HGETALL``), a stream entry's fields (``XRANGE``, ``XREAD``) or a queued job kept so is a map written as its
names and values in turn: an outbox keeps a request's method, URL, headers and body so. The items of one list share
the column their number's bracket ends on and count on from 1; around an anchored line that is such an item, its
list's items are paired in turn, names on the odd ones, and read as one record by the generic reconstructor
(:mod:`.records`), which says whether it is a request.
"""

from __future__ import annotations

import re
from typing import Iterator

from keyaudit.model.exchange import Exchange, Origin
from keyaudit.rulebook.header_names import NO_RECORD_HEADERS, RecordHeaders

from .quoted import DOUBLE_QUOTED, unescaped
from .records import request_of

CAPTURE = "numbered-reply"
MAX_ITEMS = 256  # the items of one list read, at most
# a line of numbered items: the items it opens (a list in a list starts on its parent's line), the last the line's own
_ITEM = re.compile(r"((?: *\d+\) )+)(.*)")
_NUMBER = re.compile(r" *(\d+)\) $")  # the line's own item: its number, before the text it holds
_STRING = re.compile(rf'"({DOUBLE_QUOTED})"')


def exchanges(lines: list[tuple[int, str]], anchored: list[tuple[int, str]], path: str,
              known: RecordHeaders = NO_RECORD_HEADERS) -> Iterator[Exchange]:
    """The requests of the numbered lists the ``anchored`` lines are items of, each list read once."""
    position = {number: index for index, (number, _) in enumerate(lines)}
    read: set[int] = set()  # the lines (indexes) of the lists read
    for number, text in anchored:
        index = position.get(number)
        if index is None or index in read or _item(text) is None:
            continue
        items = _list_around(lines, index)
        read.update(index for index, _ in items)
        values = [value for _, value in items]
        if len(values) % 2 or len(values) < 4:
            continue  # no map's names and values in turn (an entry's id and its fields' list)
        record = dict(zip(values[::2], values[1::2]))
        first, text = lines[items[0][0]]
        origin = Origin(path, first, len(text) - len(text.lstrip(" ")) + 1, capture=CAPTURE)
        if (exchange := request_of(record, origin, known=known)) is not None:
            yield exchange


def _item(text: str) -> tuple[int, int, str] | None:
    """(its number, the column its bracket ends on, its string unquoted) of the item a line ends with, or None: a
    string's item only (a map's names and values are strings; a numbered step in prose quotes none)."""
    found = _ITEM.fullmatch(text)
    own = _NUMBER.search(found.group(1)) if found is not None else None
    quoted = _STRING.fullmatch(found.group(2)) if found is not None and own is not None else None
    if found is None or own is None or quoted is None:
        return None
    return int(own.group(1)), len(found.group(1)), unescaped(quoted.group(1))


def _list_around(lines: list[tuple[int, str]], index: int) -> list[tuple[int, str]]:
    """The items (line indexes and texts) of the list the item on line ``index`` is one of: the lines above and below
    whose items end on its column and count on with it, from item 1."""
    number, column, value = _item(lines[index][1]) or (0, 0, "")
    items = [(index, value)]
    at = index
    while number > 1 and at > 0 and len(items) < MAX_ITEMS:
        above = _item(lines[at - 1][1])
        if above is None or above[1] != column or above[0] != number - 1:
            return []  # the list begins above what the window holds, or it is no list counted from 1
        at, number = at - 1, number - 1
        items.insert(0, (at, above[2]))
    if number != 1:
        return []
    last = items[-1][0]
    while last + 1 < len(lines) and len(items) < MAX_ITEMS:
        below = _item(lines[last + 1][1])
        if below is None or below[1] != column or below[0] != len(items) + 1:
            break
        last += 1
        items.append((last, below[2]))
    return items
