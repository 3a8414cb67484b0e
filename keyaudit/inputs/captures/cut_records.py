"""Records the request readers could not read whole, counted rather than left silent.

Every reader bounds what it reads of one request (lines of a dump's head, an object's lines, a
printed literal's characters, a body's bytes), so that a hostile or broken file costs bounded work.
Past a bound a request goes unread, or is read in part: its secrets are still found by the text
scan, but a request rule may not judge it (an unsigned transfer whose body runs past the bound),
and a header block read in part proves no header missing. A reader says so here, where it cuts;
the pass that runs the readers counts each record once, in its statistics
(``request_records_cut``), which the summary line reports.

The readers are generators deep under the pass, many with no handle on its statistics; the count
reaches them as a context variable, set only while the readers run (:func:`counted`), so nested
passes and threads each count their own."""

from __future__ import annotations

from collections import Counter
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Hashable, Iterator, TypeVar, cast

STATISTIC = "request_records_cut"

_Item = TypeVar("_Item")
_DONE = object()  # what ``next`` gives past the last item (an item may be anything, None too)


@dataclass
class CutCount:
    """Where the records one pass cuts are counted (``statistics``), and those counted already."""

    statistics: Counter[str]
    seen: set[Hashable] = field(default_factory=set)


_COUNT: ContextVar[CutCount | None] = ContextVar(STATISTIC, default=None)


def count_cut(record: Hashable) -> None:
    """Count ``record`` (what tells it from the others the readers meet in one text: the line it
    starts on, with what kind it is) as not read whole; once, however many readers meet it."""
    count = _COUNT.get()
    if count is not None and record not in count.seen:
        count.seen.add(record)
        count.statistics[STATISTIC] += 1


def counted(items: Iterator[_Item], count: CutCount | None) -> Iterator[_Item]:
    """``items`` (what the readers make, lazily), with the records they cut on the way counted in
    ``count`` (when given): the count is in place while an item is made, not while the caller
    holds it (it may run another pass of readers)."""
    if count is None:
        yield from items
        return
    while True:
        token = _COUNT.set(count)
        try:
            item = next(items, _DONE)
        finally:
            _COUNT.reset(token)
        if item is _DONE:
            return
        yield cast(_Item, item)
