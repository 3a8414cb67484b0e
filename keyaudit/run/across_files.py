"""What the files of one scan say to each other: a declarative client's calls in one file joined to the interface
another declares (see :mod:`keyaudit.inputs.captures.source_across`), once every file's tally is merged — in plan
order whatever process read which, so the report does not depend on timing."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from keyaudit.model.findings import Finding
from keyaudit.run.tally import Tally

if TYPE_CHECKING:
    from keyaudit.inputs.captures.source_across import Seen
    from keyaudit.run.unit_scanner import UnitScanner


class DeclaredAcross:
    """The interfaces and the waiting calls the merged tallies carried (only the files with either: most none)."""

    def __init__(self) -> None:
        self._seen: list[Seen] = []

    def take(self, tally: Tally) -> None:
        """Keep what a merged unit's source code declared and left waiting."""
        self._seen.extend(tally.declared)

    def findings(self, scanner: UnitScanner, statistics: Counter[str]) -> list[Finding]:
        """The findings of the requests the waiting calls make once joined to the interfaces the scan declared
        (their paths shown as a unit's are); the calls a file kept none of past its bound are counted
        (``declared_calls_cut``)."""
        cut = sum(seen.dropped for seen in self._seen)
        if cut:
            statistics["declared_calls_cut"] += cut
        if not any(seen.waiting for seen in self._seen):
            return []
        from keyaudit.inputs.captures.source_declared import waited

        return [scanner.names.finding(finding) for exchange in waited(self._seen)
                for finding in scanner.judge.judge(exchange, statistics)]
