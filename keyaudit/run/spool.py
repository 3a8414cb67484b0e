"""The findings of a scan on their way to the report: sorted, merged and folded in bounded memory.

A night of logs can hold a million findings (a distinct token on every request). The spool keeps
findings in memory while they are few; beyond that it writes them in sorted runs to temporary files
(unlinked as they are made, so nothing is left behind) and reads them back merged, an external
merge sort: memory stays bounded whatever their number. Findings that leave memory are sealed
(no secret value; the keyed digest kept when the run has a digest key) unless the report is to
show secrets. A pre-commit run with a handful of findings never touches a file.
"""

from __future__ import annotations

import functools
import heapq
import pickle
from collections import Counter
from collections.abc import Sequence
from itertools import chain, groupby, islice
from typing import IO, Any, Callable, Generic, Iterable, Iterator, Protocol, TypeVar, overload

from keyaudit.model.findings import Finding
from keyaudit.model.result import LeakedSecret
from keyaudit.model.verification import Verification
from keyaudit.run.fold import (SortKey, confirm_replays, fold_places, is_candidate, merge_same_spot, place_order,
                               replay_order, report_order, spot_order)

SPILL_AT = 20_000  # findings held in memory before they go to a run on disk
RUNS = 32  # runs on disk before they are merged into one: each one read holds a batch in memory
_BATCH = 500  # rows pickled together (shared strings once) and read back together


class Sealable(Protocol):
    """What the spool holds: something whose secret can be sealed before it goes to disk."""

    def seal(self, digest_key: bytes | None) -> None: ...


Item = TypeVar("Item", bound=Sealable)
Row = tuple[SortKey, int, Any]  # key, then arrival, then the item: rows never compare their items


class _Sorted(Generic[Item]):
    """Items (findings, summaries) with their sort keys, read back (as often as asked) in key
    order, then in the order they came in."""

    def __init__(self, seal_key: bytes | None, keep_values: bool, spill_at: int) -> None:
        self._seal_key = seal_key
        self._keep_values = keep_values
        self._spill_at = spill_at
        self._rows: list[Row] = []
        self._runs: list[IO[bytes]] = []
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def add(self, key: SortKey, item: Item) -> None:
        self._rows.append((key, self._count, item))
        self._count += 1
        if len(self._rows) >= self._spill_at:
            self._rows.sort()
            self._runs.append(self._write(self._sealed(self._rows)))
            self._rows = []
            if len(self._runs) > RUNS:
                merged = self._write(heapq.merge(*map(_read, self._runs)))
                self._close()
                self._runs = [merged]

    def _sealed(self, rows: list[Row]) -> list[Row]:
        """``rows`` with their secrets sealed, unless the report shows values: a run on disk
        never holds a credential the report will not print."""
        if not self._keep_values:
            for _key, _seq, item in rows:
                item.seal(self._seal_key)
        return rows

    @staticmethod
    def _write(rows: Iterable[Row]) -> IO[bytes]:
        import tempfile  # only a scan with many findings spills: a hook's start-up does not pay for it

        run = tempfile.TemporaryFile(prefix="keyaudit-")
        iterator = iter(rows)
        while batch := list(islice(iterator, _BATCH)):
            pickle.dump(batch, run, protocol=pickle.HIGHEST_PROTOCOL)
        return run

    def ordered(self, start: int = 0) -> Iterator[Item]:
        self._rows.sort()
        rows = heapq.merge(*map(_read, self._runs), self._rows) if self._runs else iter(self._rows)
        return (item for _key, _seq, item in islice(rows, start, None))

    def _close(self) -> None:
        for run in self._runs:
            run.close()

    def __del__(self) -> None:
        self._close()


def _read(run: IO[bytes]) -> Iterator[Row]:
    """A run's rows in order, from its start (a run is read again for every pass)."""
    position = 0
    while True:
        run.seek(position)
        try:
            batch = pickle.load(run)
        except EOFError:
            return
        position = run.tell()
        yield from batch


class Spooled(Sequence[Item]):
    """A scan's findings (or secrets) in report order: re-iterable, countable, indexable, and held
    on disk once they are many, so a reporter can write a million of them in bounded memory."""

    def __init__(self, table: _Sorted[Item]) -> None:
        self._table = table

    def __len__(self) -> int:
        return len(self._table)

    def __iter__(self) -> Iterator[Item]:
        return self._table.ordered()

    @overload
    def __getitem__(self, index: int) -> Item: ...
    @overload
    def __getitem__(self, index: slice) -> list[Item]: ...

    def __getitem__(self, index: int | slice) -> Item | list[Item]:
        if isinstance(index, slice):
            return list(self)[index]
        position = index + len(self) if index < 0 else index
        if not 0 <= position < len(self):
            raise IndexError("index out of range")
        return next(self._table.ordered(position))

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    def __repr__(self) -> str:
        return f"<{len(self)} spooled>"


class FindingSpool:
    """Every finding of a scan as units deliver them; :meth:`fold` gives the report's findings.
    Replay candidates (signed requests) wait apart, sorted by signature, until every unit is in."""

    def __init__(self, *, digest_key: bytes | None = None, show_secrets: bool = False,
                 spill_at: int = SPILL_AT) -> None:
        self._table = functools.partial(_Sorted, digest_key, show_secrets, spill_at)
        self._raw = self._table()
        self._candidates = self._table()  # signed requests, compared by signature once all are in

    def add(self, findings: Iterable[Finding]) -> None:
        for finding in findings:
            if is_candidate(finding):
                self._candidates.add(replay_order(finding), finding)
            else:
                self._raw.add(spot_order(finding), finding)

    def fold(self, reason: Callable[[Finding], str | None], *, dedupe: bool, suppressed: Counter[str],
             verdict: Callable[[Finding], Verification | None] | None = None,
             ) -> tuple[Spooled[Finding], Spooled[LeakedSecret]]:
        """The findings to report: each given its ``verdict`` (``--verify``) first, those about
        one spot merged, those ``reason`` names suppressed (counted in ``suppressed`` by reason),
        the rest, with ``dedupe``, one per secret and file; and each distinct secret among them
        once, in report order."""
        kept: _Sorted[Finding] = self._table()
        for finding in chain(merge_same_spot(self._raw.ordered()), confirm_replays(self._candidates.ordered())):
            if verdict is not None:
                finding.verification = verdict(finding)
            why = reason(finding)
            if why is None:
                kept.add(place_order(finding), finding)
            else:
                suppressed[why] += 1
        self._raw, self._candidates = self._table(), self._table()
        final: _Sorted[Finding] = self._table()
        by_secret: _Sorted[Finding] = self._table()
        for finding in fold_places(kept.ordered(), fold=dedupe):
            final.add(report_order(finding), finding)
            if finding.secret is not None:
                by_secret.add((finding.secret.identity.encode(), *report_order(finding)), finding)
        return Spooled(final), self._secrets(by_secret)

    def _secrets(self, by_secret: _Sorted[Finding]) -> Spooled[LeakedSecret]:
        leaked: _Sorted[LeakedSecret] = self._table()
        for _identity, findings in groupby(by_secret.ordered(), key=lambda finding: finding.secret.identity):
            first = next(findings)
            leaked.add(report_order(first), LeakedSecret.of(chain([first], findings)))
        return Spooled(leaked)
