"""Units scanned one after another in this process: small scans, stdin and staged blobs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from keyaudit.run.executors import Finished

if TYPE_CHECKING:
    from keyaudit.run.unit_scanner import UnitScanner
    from keyaudit.run.units import WorkUnit


class SerialExecutor:
    """Runs every unit here, in plan order."""

    def __init__(self, scanner: "UnitScanner") -> None:
        self._scanner = scanner

    def reaches(self, unit: "WorkUnit") -> bool:
        return True

    def run(self, units: list["WorkUnit"]) -> Finished:
        return ((position, self._scanner.scan(unit)) for position, unit in enumerate(units))
