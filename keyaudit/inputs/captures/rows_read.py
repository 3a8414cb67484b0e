"""Which of a file's change-stream rows are sends: a row image repeating the request its key's row last held in an
earlier event of the file is none (see :mod:`.change_rows`) — decided over the whole file, however it is cut.

A big file is read in byte ranges, each by a worker of its own: a range that is not the file's first cannot know
which rows the ranges before it held. So it decides what its own events show (a row's later images against its
first one in the range), and hands on the rest (:class:`RowsLeft`): the first image of each row it met, judged
apart, and the request each row held at its end. Once the ranges before it are merged, a first image that repeats
what they left its row holding is dropped, with its findings (:func:`repeated`); the file's findings are then the
same with one worker or several, in ranges of any size.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from keyaudit.model.exchange import Exchange
from keyaudit.model.findings import Finding

MAX_ROWS = 65_536  # the rows of a file whose last request is kept to tell a repeat (the oldest go first)
Held = dict[str, Exchange]  # the last request of each row, by identity


@dataclass
class RowsLeft:
    """What a range hands on about its rows: the first image of each row it met (with the findings it gives, read
    as a send), and each row's last request at its end (None: its last event ended it)."""

    waiting: list[tuple[Exchange, list[Finding]]] = field(default_factory=list)
    held: dict[str, Exchange | None] = field(default_factory=dict)


class RowsRead:
    """The rows a file's change streams wrote, by identity, each with the last request it held: a row image that
    holds the same request again is no request sent, whatever its event's kind (see :func:`repeated`). A row with no
    key column is never taken for another; a DELETE ends its row (a later INSERT of the key is another). Fed a
    text's windows' requests in order. ``waits``: the text is a range after a file's first: each row's first image
    in it is kept back (:attr:`waiting`) to be decided once the ranges before it are known."""

    def __init__(self, waits: bool = False) -> None:
        self._held: dict[str, Exchange] = {}
        self._ended: set[str] = set()
        self._met: set[str] | None = set() if waits else None
        self.waiting: list[Exchange] = []

    def sent(self, exchanges: list[Exchange]) -> list[Exchange]:
        """``exchanges`` but the row images that repeat their row's request (and those kept back)."""
        if all(exchange.row is None for exchange in exchanges):  # most windows
            return exchanges
        dropped: set[int] = set()
        for exchange in sorted((exchange for exchange in exchanges if exchange.row is not None),
                               key=lambda exchange: (exchange.origin.line, exchange.origin.column)):
            row = exchange.row
            assert row is not None
            identity = row.row
            earlier = self._held.get(identity) if identity is not None else None
            if self._met is not None and identity is not None and identity not in self._met:
                self._met.add(identity)  # its first image here: the ranges before decide
                self.waiting.append(exchange)
                dropped.add(id(exchange))
                if not row.partial:
                    self._hold(identity, exchange)
            elif repeated(exchange, earlier):
                dropped.add(id(exchange))
            elif identity is not None and (earlier is None or not row.partial):
                self._hold(identity, exchange)
            if row.ends and identity is not None:
                self._held.pop(identity, None)
                self._ended.add(identity)
        return [exchange for exchange in exchanges if id(exchange) not in dropped]

    def left(self) -> RowsLeft:
        """What the text leaves the ranges after it (its first images not judged yet: see :class:`RowsLeft`)."""
        return RowsLeft([(exchange, []) for exchange in self.waiting],
                        {**dict.fromkeys(self._ended), **self._held})

    def _hold(self, identity: str, exchange: Exchange) -> None:
        self._held.pop(identity, None)
        self._held[identity] = exchange
        self._ended.discard(identity)
        if len(self._held) > MAX_ROWS:
            del self._held[next(iter(self._held))]


def repeated(exchange: Exchange, earlier: Exchange | None) -> bool:
    """Whether a row's image is no send: it repeats the request its row held (``earlier``), or it is an UPDATE that
    left a column out of a row not read before (the marker says an earlier event, in a log rotated away or another
    file, wrote that column: the request is that event's — read alone, its signature met again there is a false
    replay). Where the stream left a column out, the columns it shows are compared."""
    row = exchange.row
    if row is None or row.row is None:
        return False  # a row with no key: each its own
    if earlier is None:
        return row.again and row.partial
    if exchange.method != earlier.method or exchange.url != earlier.url:
        return False
    if not row.partial:
        return exchange.headers == earlier.headers and exchange.body == earlier.body
    return set(exchange.headers) <= set(earlier.headers) and exchange.body in (None, earlier.body)


def merged(held: Held, left: RowsLeft, lines: int) -> list[Finding]:
    """Of a range's first images, the findings of those that are sends after the rows the ranges before it left
    (``held``, taken on from it in place), moved down by the ``lines`` before it."""
    kept = [finding.moved_down(lines) for exchange, findings in left.waiting
            if exchange.row is None or not repeated(exchange, held.get(exchange.row.row or ""))
            for finding in findings]
    for identity, exchange in left.held.items():
        held.pop(identity, None)
        if exchange is not None:
            held[identity] = exchange
            if len(held) > MAX_ROWS:
                del held[next(iter(held))]
    return kept
