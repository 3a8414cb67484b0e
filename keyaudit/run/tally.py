"""A unit's outcome, and the checkpoint form it takes in the state while a run is unreported.

A checkpoint keeps counts, progress and findings with their secrets sealed (redacted form,
length and digest — never the value), so that a killed run's successor can take the unit as it
was instead of scanning it again. A unit's findings are packed as they come (:class:`Found`), so
a unit with a finding on every line holds — and hands its process's parent — bytes, not objects.
"""

from __future__ import annotations

import bisect
import json
import pickle
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Iterable, Iterator

from keyaudit.engine.file_wide import Unsettled
from keyaudit.model.findings import Finding
from keyaudit.model.result import Counts, ScanError
from keyaudit.run.records import Progress, Resume
from keyaudit.run.stored import Damaged, column, count, finding_of, pairs, progress_of, text

if TYPE_CHECKING:
    from keyaudit.inputs.captures.rows_read import RowsLeft
    from keyaudit.inputs.captures.source_across import Seen


PACK_AT = 2_000  # findings held as objects before they are packed


class Found:
    """A unit's findings in the order they came, all but the last few packed into pickled
    batches (shared strings once, about 340 bytes a finding against the kilobyte or so of the
    objects), and what crosses from a worker to the session is those bytes."""

    def __init__(self, findings: Iterable[Finding] = ()) -> None:
        self._packed: list[bytes] = []
        self._packed_ends: list[int] = []  # how many findings the batches up to each hold
        self._packed_count = 0
        self._loose: list[Finding] = []
        self.extend(findings)

    def extend(self, findings: Iterable[Finding], /) -> None:
        self._loose.extend(findings)
        if len(self._loose) >= PACK_AT:
            self._packed.append(pickle.dumps(self._loose, protocol=pickle.HIGHEST_PROTOCOL))
            self._packed_count += len(self._loose)
            self._packed_ends.append(self._packed_count)
            self._loose = []

    def append(self, finding: Finding) -> None:
        self.extend((finding,))

    def __len__(self) -> int:
        return self._packed_count + len(self._loose)

    def __iter__(self) -> Iterator[Finding]:
        return self.since(0)

    def since(self, start: int) -> Iterator[Finding]:
        """The findings from the ``start``-th on (0-based); the batches wholly before it are not
        unpacked (a reader that looks at the new ones again and again)."""
        first = bisect.bisect_right(self._packed_ends, start)
        for index in range(first, len(self._packed)):
            begins = self._packed_ends[index - 1] if index else 0
            yield from pickle.loads(self._packed[index])[max(0, start - begins) :]
        yield from self._loose[max(0, start - self._packed_count) :]


@dataclass
class Tally:
    """What one unit found and counted."""

    findings: Found = field(default_factory=Found)
    errors: list[ScanError] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)
    lines: int = 0  # lines read by a range unit, to place the next range's findings
    progress: Progress | None = None  # with --state: how far this unit's content was scanned
    picked_up: Resume | None = None  # with --state: the record its pass went on from (see :mod:`.last_line`)
    rescan_whole: bool = False  # a piece of a gzip file that could not be read alone: scan the file whole
    unsettled: Unsettled | None = None  # a byte range's hits waiting for the hosts of its whole file
    declared: list[Seen] = field(default_factory=list)  # its source code's interfaces and calls, for the other files
    rows: RowsLeft | None = None  # a byte range's change-stream rows, for the ranges after it (see .captures.rows_read)

    def add(self, other: "Tally") -> None:
        """Fold a member's outcome into its archive's."""
        self.findings.extend(other.findings)
        self.errors.extend(other.errors)
        self.counts.add(other.counts)
        self.declared.extend(other.declared)

    def summary(self, with_findings: bool) -> str | None:
        """The unit as its checkpoint keeps it, as JSON. None when it must be scanned again
        instead: it had errors, or findings and ``with_findings`` is off."""
        if self.errors or self.rescan_whole or self.progress is None or (self.findings and not with_findings):
            return None
        counts = self.counts
        return json.dumps({"files_scanned": counts.files_scanned, "bytes_scanned": counts.bytes_scanned,
                           "skipped": counts.skipped, "skipped_inputs": counts.skipped_inputs,
                           "statistics": counts.statistics, "lines": self.lines,
                           "progress": {**asdict(self.progress), "held": self.progress.held and
                                        self.progress.held.column()},
                           "findings": [finding.to_checkpoint() for finding in self.findings]})

    @classmethod
    def from_summary(cls, summary: str) -> "Tally":
        """The unit a checkpoint kept. A damaged checkpoint (a disk fault, a hand edit: see :mod:`.stored`) is
        :class:`~keyaudit.run.stored.Damaged`: the unit is then scanned again, as if the killed run had not
        finished it — the report is the same, only slower, where refusing the state would stop the nightly job."""
        values = column(summary)
        if not isinstance(values, dict):
            raise Damaged("not a checkpoint")
        try:
            numbers = {name: count(values[name], name) for name in ("files_scanned", "bytes_scanned", "lines")}
            kinds = {name: Counter({text(key, name): count(number, name) for key, number in values[name].items()})
                     for name in ("skipped", "statistics")}
            skipped_inputs = pairs(values.get("skipped_inputs", []), "skipped_inputs")
            findings, progress = values["findings"], progress_of(values["progress"])
        except (KeyError, AttributeError):  # a field missing, or not an object
            raise Damaged("not a checkpoint") from None
        if not isinstance(findings, list):
            raise Damaged("findings is not a list")
        counts = Counts(numbers["files_scanned"], numbers["bytes_scanned"], kinds["skipped"], kinds["statistics"],
                        list(skipped_inputs))
        return cls(findings=Found(map(finding_of, findings)), counts=counts, lines=numbers["lines"], progress=progress)
