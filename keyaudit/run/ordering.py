"""Tallies handed on in plan order as soon as they can be, whatever order units finish in.

The report must not depend on timing, so units are merged in the order they were planned; but a
night of logs must not hold every unit's findings until the last unit ends. A file's tallies go
on once every piece of it has arrived and every file before it has gone: only the units that
finished early wait. A file a piece of which could not be read alone (a misjudged member
boundary, damage) is not merged at all but named for a scan of it whole.
"""

from __future__ import annotations

from itertools import groupby
from typing import Callable

from keyaudit.run.tally import Tally
from keyaudit.run.units import WorkUnit


class PlanOrder:
    """Receives tallies by plan position, in any order; calls ``merge`` in plan order."""

    def __init__(self, units: list[WorkUnit], merge: Callable[[WorkUnit, Tally], None],
                 merged: Callable[[WorkUnit], None] = lambda _unit: None) -> None:
        self._units = units
        self._merge = merge
        self._merged = merged  # told of each file (its first unit) once all its pieces are merged
        # Each file as the positions of its pieces, which the plan keeps together.
        self._files: list[range] = []
        start = 0
        for _display, pieces in groupby(units, key=lambda unit: unit.target.display):
            count = sum(1 for _ in pieces)
            self._files.append(range(start, start + count))
            start += count
        self._next = 0
        self._waiting: dict[int, Tally] = {}
        self.whole: list[WorkUnit] = []  # files to scan again as one unit, in plan order

    def arrive(self, position: int, tally: Tally) -> None:
        self._waiting[position] = tally
        while self._next < len(self._files) and all(p in self._waiting for p in self._files[self._next]):
            positions = self._files[self._next]
            pieces = [self._waiting.pop(p) for p in positions]
            if any(piece.rescan_whole for piece in pieces):
                self.whole.append(WorkUnit(self._units[positions[0]].target))
            else:
                for piece_position, piece in zip(positions, pieces):
                    self._merge(self._units[piece_position], piece)
                self._merged(self._units[positions[0]])
            self._next += 1
