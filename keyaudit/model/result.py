"""What a scan hands its reporters: findings, errors, counts and what it ran with.

Counts are their own value (:class:`Counts`), shared by a work unit's outcome and the whole
scan's result by composition, so a reporter sees statistics, not the run's checkpoint machinery.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from keyaudit import __version__
from keyaudit.model.findings import Finding
from keyaudit.model.secrets import SealedSecret, Secret
from keyaudit.model.verification import Verification
from keyaudit.model.vocabulary import RuleInfo

SKIPPED_NAMED = 1000  # skipped inputs named one by one (``-v``); the counts stay exact beyond
# Of a binary file, read for its strings; a file that holds more is counted (``binary_files_cut``) and said so.
BINARY_STRINGS_BYTES = 8 << 20
# Of all binary content a commit hook (``--staged``) reads for strings: a hook runs before every commit, and a staged
# binary holding dense log text costs as much as that text (about a second a MiB of provider calls); the rest is cut.
STAGED_BINARY_BYTES = 128 << 10


@dataclass(frozen=True)
class ScanError:
    """An input that could not be read (fully); the scan went on without it."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class Counts:
    """What was read, skipped and judged: added up unit by unit.

    Skipped inputs are counted by reason, and the first :data:`SKIPPED_NAMED` of them are also
    named (path and reason), for ``-v``: a walk over millions of binary files keeps exact counts
    without holding a path for each."""

    files_scanned: int = 0
    bytes_scanned: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    statistics: Counter[str] = field(default_factory=Counter)
    skipped_inputs: list[tuple[str, str]] = field(default_factory=list)  # (path, reason), the first ones

    def skip(self, path: str, reason: str) -> None:
        """Count an input that is not scanned, and name it while there is room."""
        self.skipped[reason] += 1
        if len(self.skipped_inputs) < SKIPPED_NAMED:
            self.skipped_inputs.append((path, reason))

    def add(self, other: "Counts") -> None:
        self.files_scanned += other.files_scanned
        self.bytes_scanned += other.bytes_scanned
        self.skipped.update(other.skipped)
        self.statistics.update(other.statistics)
        self.skipped_inputs.extend(other.skipped_inputs[: max(0, SKIPPED_NAMED - len(self.skipped_inputs))])


@dataclass(frozen=True)
class SourceRoot:
    """The folder a report's paths are made relative to for tools that resolve them in a checkout
    (SARIF's ``%SRCROOT%``): the top of the git work tree the targets are in, or, outside one,
    the folder that holds them. Found by the run from the targets, so a reporter needs no disk."""

    path: str  # absolute
    repository: bool  # the top of a git work tree (else the targets' own folder)
    base: str  # absolute folder the findings' relative paths start from (the working folder, or the root)


@dataclass
class LeakedSecret:
    """One distinct secret of a scan, once: the files it is in (up to :attr:`PATHS` of them) and
    how often it was seen — "which keys leaked", before "where", for the nightly job and the SIEM."""

    secret: Secret | SealedSecret
    provider: str
    environment: str | None
    files: int = 0
    occurrences: int = 0
    paths: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    verification: Verification | None = None  # what the provider said of it (--verify); None: not asked

    PATHS = 20

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> "LeakedSecret":
        """The summary of one secret's findings, given in report order."""
        leaked: LeakedSecret | None = None
        last_path = None  # a file's findings come together: a new path is a new file
        for finding in findings:
            assert finding.secret is not None, "a finding without a secret is no leaked secret"
            if leaked is None:
                leaked = cls(finding.secret, finding.provider, finding.environment,
                             verification=finding.verification)
            if finding.location.path != last_path:
                last_path = finding.location.path
                leaked.files += 1
                if len(leaked.paths) < cls.PATHS:
                    leaked.paths.append(last_path)
            leaked.occurrences += finding.occurrences.count if finding.occurrences else 1
            if finding.category not in leaked.categories:
                leaked.categories.append(finding.category)
        assert leaked is not None, "a leaked secret has findings"
        return leaked

    def seal(self, digest_key: bytes | None) -> None:
        """Drop the value (keeping the keyed digest): the summary is about to leave memory."""
        if isinstance(self.secret, Secret):
            self.secret = self.secret.sealed("", digest_key)

    def to_dict(self, digest_key: bytes | None = None) -> dict[str, Any]:
        return {"digest": self.secret.digest(digest_key), "redacted": self.secret.redacted, "provider": self.provider,
                "environment": self.environment, "files": self.files, "occurrences": self.occurrences,
                "paths": self.paths, "paths_truncated": self.files > len(self.paths), "categories": self.categories,
                **({"verification": self.verification.to_dict()} if self.verification is not None else {})}


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


@dataclass
class ScanResult:
    """Everything a reporter needs: findings, errors and counts, and what the scan ran with."""

    targets: list[str] = field(default_factory=list)
    engine: str = ""
    rules: list[RuleInfo] = field(default_factory=list)  # secret rules, then request rules
    # In report order. A scan's are spooled (on disk once they are many): iterate them, and
    # count them with len(), rather than copying them into a list.
    findings: Sequence[Finding] = field(default_factory=list)
    secrets: Sequence[LeakedSecret] = field(default_factory=list)  # each distinct secret once, in report order
    errors: list[ScanError] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)
    suppressed: Counter[str] = field(default_factory=Counter)
    started_at: datetime | None = None
    finished_at: datetime | None = None
    tool_version: str = __version__
    source_root: SourceRoot | None = None  # None: no local target (stdin, URLs only)
    target_kind: str = ""  # what was scanned, for reports that tell scans apart: "source", "logs+har", …
    # One id per run, made when the session creates its result at the start of the run: every
    # line of a JSON Lines or ECS report names it, so a SIEM can group one run's findings.
    scan_id: str = field(default_factory=lambda: str(uuid.uuid4()))

    @property
    def rules_loaded(self) -> int:
        return len(self.rules)

    @property
    def inputs_failed(self) -> int:
        """How many inputs could not be read (fully): the distinct paths errors name."""
        return len({error.path for error in self.errors})

    @property
    def files_scanned(self) -> int:
        return self.counts.files_scanned

    @property
    def bytes_scanned(self) -> int:
        return self.counts.bytes_scanned

    @property
    def skipped(self) -> Counter[str]:
        return self.counts.skipped

    @property
    def statistics(self) -> Counter[str]:
        return self.counts.statistics

    @property
    def binary_cut(self) -> str | None:
        """What binary content was left unread, as the sentence every report carries (the text summary, a SARIF
        notification, each JSON Lines and ECS line): a coverage gap is never silent. None when nothing was."""
        cut, unread = (self.statistics.get(name, 0) for name in ("binary_files_cut", "binary_files_not_read"))
        if not cut and not unread:
            return None
        bound = (f"a commit hook reads {STAGED_BINARY_BYTES >> 10} KiB of binary content in all"
                 if "staged" in self.target_kind.split("+") else
                 f"strings past the first {BINARY_STRINGS_BYTES >> 20} MiB of each not read")
        if unchanged := self.statistics.get("binary_files_cut_unchanged", 0):  # --state: not read again, still cut
            bound += f"; {unchanged} of them unchanged since the run that read {'it' if unchanged == 1 else 'them'}"
        files = cut or unread
        said = f"{files} binary file{'s' if files != 1 else ''} {'read in part' if cut else 'not read'}"
        return f"{said}{f' and {unread} not read' if cut and unread else ''} ({bound})"

    @property
    def skipped_inputs(self) -> list[tuple[str, str]]:
        """(path, reason) of the first :data:`SKIPPED_NAMED` inputs not scanned; ``skipped``
        counts them all."""
        return self.counts.skipped_inputs
