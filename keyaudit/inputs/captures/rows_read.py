"""Which of a file's change-stream rows are sends: a row image repeating the request its key's row last held in an
earlier event of the file is none (see :mod:`.change_rows`) — decided over the whole file, however it is cut.

A big file is read in byte ranges, each by a worker of its own: a range that is not the file's first cannot know
which rows the ranges before it held. So it decides only what its own events settle, and hands on the rest
(:class:`RowsLeft`): each row's images up to the first that settles what the row holds whatever came before (a
whole image, or one that ends the row), kept back with the findings they give read as sends — a TOAST UPDATE
(partial: judged by what the row held) is kept back as any first image is — and what each row it settled held at
its end. Once the ranges before it are merged, the kept-back images are folded in order over what those left
(:func:`merged`), as one reading of the whole file folds them: the file's findings are the same with one worker or
several, in ranges of any size. A range's rows are its own lines' rows only: what it reads on past its last line
(the request begun there is the next range's) is not recorded.

What the fold keeps of a row is a digest of its identity and of what it compares (:data:`Image`), not the request:
a file of many rows holds some 150 bytes for each (its digests and the Python objects around them). It keeps
:data:`MAX_ROWS` rows, the oldest let go of first: a row let go of is judged as one never met (a repeat of it is
reported again; a TOAST UPDATE of it, which shows only part of its request, gives nothing, as for a row whose INSERT
the log no longer holds). A range keeps back :data:`MAX_ROWS` images at most: one past that is judged a send (at
worst a repeat reported).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from keyaudit.model.exchange import Exchange, RowChange
from keyaudit.model.findings import Finding

MAX_ROWS = 65_536  # the rows whose last request the fold keeps (the oldest go first)


def _digest(*parts: object) -> bytes:
    """A digest of ``parts`` the same in every process (a range's rows are folded in another: no ``hash``)."""
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=8).digest()


# What the fold compares of a row's request (see :func:`repeated`), as digests of 8 bytes in one string of bytes (a
# file of many rows holds one small object for each): the whole request, its method and URL, its body (NO_BODY: none
# shown), then each header (name and value).
Image = bytes
_WHOLE, _CALL, _BODY, _HEADERS = slice(0, 8), slice(8, 16), slice(16, 24), 24
NO_BODY = bytes(8)


def image_of(exchange: Exchange) -> Image:
    """The image of ``exchange``'s request."""
    body = NO_BODY if exchange.body is None else _digest(exchange.body)
    call = _digest(exchange.method, exchange.url)
    return b"".join([_digest(call, exchange.headers, body), call, body, *(_digest(*pair) for pair in exchange.headers)])


def _headers(image: Image) -> set[bytes]:
    return {image[at:at + 8] for at in range(_HEADERS, len(image), 8)}


Held = dict[bytes, "Image | None"]  # each row's last request, by its identity's digest (None: its last event ended it)


@dataclass(slots=True)
class Kept:
    """A row image a range kept back for the ranges before it to decide: its row, what it compares, and the request
    (until the range judges it) or the findings it gives as a send. ``image`` None: the range let the row go of
    (:data:`MAX_ROWS`) — the fold forgets it there too."""

    identity: bytes
    row: RowChange
    image: Image | None
    exchange: Exchange | None = None
    findings: list[Finding] = field(default_factory=list)


@dataclass
class RowsLeft:
    """What a range hands on about its rows: the images it kept back, in file order, and what each row it settled
    held at its end."""

    waiting: list[Kept] = field(default_factory=list)
    held: Held = field(default_factory=dict)


class RowsRead:
    """The rows a file's change streams wrote, by identity, each with the last request it held: a row image that
    holds the same request again is no request sent, whatever its event's kind (see :func:`repeated`). A row with no
    key column is never taken for another; a DELETE ends its row (a later INSERT of the key is another). Fed a
    text's windows' requests in order. ``waits``: the text is a range after a file's first: a row's images are kept
    back (:attr:`waiting`) until one settles it (see the module's doc). ``held``: the rows to fold over (in place)."""

    def __init__(self, waits: bool = False, held: Held | None = None) -> None:
        self._held: Held = {} if held is None else held
        self._open: set[bytes] | None = set() if waits else None  # rows met with no image settling them yet
        self.waiting: list[Kept] = []
        self._asked = 0  # of the images kept back, those handed out to be judged (see pending)

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
            if identity is None:
                continue  # a row with no key: each its own
            key, image, still = _digest(identity), image_of(exchange), self._open
            if still is not None and (key in still or key not in self._held):
                if len(self.waiting) < MAX_ROWS:  # what it is hangs on the ranges before (past the bound: a send)
                    self.waiting.append(Kept(key, row, image, exchange))
                    dropped.add(id(exchange))
                if row.partial and not row.ends:
                    still.add(key)
                    continue
                still.discard(key)  # settled: the row holds this image (or nothing) whatever came before
                self.hold(key, None if row.ends else image)
            elif not self.fold(key, row, image):
                dropped.add(id(exchange))
        return [exchange for exchange in exchanges if id(exchange) not in dropped]

    def fold(self, identity: bytes, row: RowChange, image: Image) -> bool:
        """Whether a row's image is a send after what its row held; what the row holds after it kept."""
        earlier = self._held.get(identity)
        send = not repeated(row, image, earlier)
        if send and (earlier is None or not row.partial):
            self.hold(identity, image)
        if row.ends:
            self.hold(identity, None)
        return send

    def pending(self) -> list[Kept]:
        """The images kept back since this was last asked, whose requests are not judged yet (see :class:`Kept`)."""
        new, self._asked = self.waiting[self._asked:], len(self.waiting)
        return [kept for kept in new if kept.exchange is not None]

    def left(self) -> RowsLeft:
        """What the text leaves the ranges after it (see :class:`RowsLeft`)."""
        return RowsLeft(self.waiting, self._held)

    def hold(self, identity: bytes, image: Image | None) -> None:
        """Keep what a row holds now (None: nothing, its last event ended it: kept only by a range, for the ranges
        after it — a row ended and one never met are judged alike), the oldest row let go of past :data:`MAX_ROWS`."""
        held = self._held
        held.pop(identity, None)
        if image is None and self._open is None:
            return
        held[identity] = image
        if len(held) > MAX_ROWS:
            gone = next(iter(held))
            del held[gone]
            if self._open is not None:  # the fold over the ranges before forgets it here too
                self.waiting.append(Kept(gone, RowChange(None, False, False), None))


def repeated(row: RowChange, image: Image, earlier: Image | None) -> bool:
    """Whether a row's image is no send: it repeats the request its row held (``earlier``), or it is an UPDATE that
    left a column out of a row not read before (the marker says an earlier event, in a log rotated away or another
    file, wrote that column: the request is that event's — read alone, its signature met again there is a false
    replay). Where the stream left a column out, the columns it shows are compared."""
    if earlier is None:
        return row.again and row.partial
    if not row.partial:
        return image[_WHOLE] == earlier[_WHOLE]
    return image[_CALL] == earlier[_CALL] and image[_BODY] in (NO_BODY, earlier[_BODY]) \
        and _headers(image) <= _headers(earlier)


def merged(held: Held, left: RowsLeft, lines: int) -> list[Finding]:
    """Of a range's kept-back images, the findings of the sends, folded in order over the rows the ranges before it
    left (``held``, taken on in place), moved down by the ``lines`` before it; then its settled rows' ends."""
    fold = RowsRead(held=held)
    kept: list[Finding] = []
    for one in left.waiting:
        if one.image is None:
            held.pop(one.identity, None)
        elif fold.fold(one.identity, one.row, one.image):
            kept.extend(finding.moved_down(lines) for finding in one.findings)
    for identity, image in left.held.items():
        fold.hold(identity, image)
    return kept
