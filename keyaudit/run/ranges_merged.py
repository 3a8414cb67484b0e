"""What the byte ranges of a file merged so far leave the ranges after them, so that a file read in ranges reports
what it reports read whole: the lines before the next range (its findings move down by them), the hits waiting for
a provider host anywhere in the file (:mod:`keyaudit.engine.file_wide`), and the rows its change streams held (a
range's row images that repeat them are no sends: :mod:`keyaudit.inputs.captures.rows_read`)."""

from __future__ import annotations

import itertools
from typing import Iterable

from keyaudit.engine.file_wide import Unsettled
from keyaudit.inputs.captures.rows_read import Held, merged
from keyaudit.model.findings import Finding
from keyaudit.run.tally import Tally
from keyaudit.run.units import WorkUnit


class RangesMerged:
    """By file, what its ranges merged so far left (see the module's doc); ranges are merged in file order."""

    def __init__(self) -> None:
        self._lines: dict[str, int] = {}
        self._unsettled: dict[str, Unsettled] = {}
        self._rows: dict[str, Held] = {}

    def placed(self, unit: WorkUnit, tally: Tally) -> Iterable[Finding]:
        """A range's findings placed in its file, with those of the row images it kept back that are sends after
        the rows the ranges before it held; what it leaves waiting kept for the file's end."""
        display = unit.target.display
        offset = 0 if unit.first else self._lines.get(display, 0)
        self._lines[display] = offset + tally.lines
        if tally.unsettled is not None:
            self._unsettled.setdefault(display, Unsettled()).join(tally.unsettled, offset)
        found = shift_lines(tally.findings, offset)
        if tally.rows is None:
            return found
        return itertools.chain(merged(self._rows.setdefault(display, {}), tally.rows, offset), found)

    def settled(self, display: str) -> Unsettled | None:
        """Once every range of a file is merged: the hits they left waiting, if any; its rows let go of."""
        self._rows.pop(display, None)
        return self._unsettled.pop(display, None)


def shift_lines(findings: Iterable[Finding], lines: int) -> Iterable[Finding]:
    """Findings of a byte range placed in the whole file: ``lines`` earlier lines come first."""
    return (finding.moved_down(lines) for finding in findings) if lines else findings
