"""The scan: targets in, findings, statistics and errors out.

This is where a pattern hit becomes a finding: the validator confirms it, the context
requirement is checked, the location is fixed. Sources before it only supply bytes; filters and
reporters after it only read findings.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import BinaryIO, Iterable, Iterator

from keyaudit import __version__
from keyaudit.engine import Matcher, create_matcher
from keyaudit.findings import Finding, Location, Secret, merge_same_spot
from keyaudit.rules import Rule, RuleSet
from keyaudit.sources.compression import DECOMPRESSION_ERRORS, open_decompressed
from keyaudit.sources.files import Discovery, Target, discover
from keyaudit.textscan import Hit, StreamScan
from keyaudit.validators import VALIDATORS


@dataclass(frozen=True)
class ScanError:
    """An input that could not be read (fully); the scan went on without it."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class ScanResult:
    """Everything a reporter needs."""

    targets: list[str]
    engine: str
    rules: list[Rule]
    started_at: datetime
    finished_at: datetime | None = None
    findings: list[Finding] = field(default_factory=list)
    errors: list[ScanError] = field(default_factory=list)
    files_scanned: int = 0
    bytes_scanned: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    tool_version: str = __version__

    @property
    def rules_loaded(self) -> int:
        return len(self.rules)


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def finding_from_hit(rule: Rule, hit: Hit, path: str) -> Finding | None:
    """Confirm a hit with the rule's validator and context; None when it is not a finding."""
    if rule.context is not None and not rule.context.pattern.search(hit.window):
        return None
    text = hit.secret.decode("utf-8", "surrogateescape")
    secret: Secret | None = None
    provider, environment, note = rule.provider, None, None
    if rule.validator is not None:
        validation = VALIDATORS[rule.validator](text)
        if validation is None:
            return None
        provider = validation.provider or provider
        environment, note = validation.environment, validation.note
        if rule.captures_secret:
            secret = Secret(validation.canonical, validation.visible_prefix)
    elif rule.captures_secret:
        secret = Secret(text)
    title = rule.title
    message = f"{title}: {note}" if note else title
    context: dict[str, object] = {}
    if not rule.captures_secret:
        context["url"] = text
    return Finding(
        rule_id=rule.id,
        category=rule.category,
        severity=rule.severity,
        confidence=rule.confidence,
        provider=provider,
        title=title,
        message=message,
        location=Location(path, hit.line, hit.column, hit.end_line, hit.end_column),
        secret=secret,
        environment=environment,
        context=context,
    )


class Scanner:
    """Holds the rules and the engine for one run; scans streams and whole target lists."""

    def __init__(self, rules: RuleSet, matcher: Matcher | None = None) -> None:
        self.rules = rules
        self._rule_list = list(rules)
        self.matcher = matcher or create_matcher(rules)

    def findings_in(self, stream: BinaryIO, path: str, into: list[Finding]) -> StreamScan:
        """Append the findings of one plain (already decompressed) stream to ``into``.

        Appending as it goes keeps what was found before a read error in the middle.
        """
        scan = StreamScan(stream, self.matcher)
        for hit in scan:
            finding = finding_from_hit(self._rule_list[hit.match.rule_index], hit, path)
            if finding is not None:
                into.append(finding)
        return scan

    def scan_target(self, target: Target, result: ScanResult) -> None:
        """Scan one file or stdin into ``result``; a damaged input becomes an error entry."""
        try:
            raw: BinaryIO = open(target.path, "rb") if target.path else sys.stdin.buffer
        except OSError as exc:
            result.errors.append(ScanError(target.display, f"cannot open: {exc.strerror or exc}"))
            return
        found: list[Finding] = []
        try:
            stream, _compression = open_decompressed(raw)
            scan = self.findings_in(stream, target.display, found)
        except DECOMPRESSION_ERRORS as exc:
            detail = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            result.errors.append(ScanError(target.display, f"read failed, scanned up to the damage: {detail}"))
            result.findings.extend(found)
            return
        finally:
            if target.path:
                raw.close()
        if scan.binary:
            result.skipped["binary"] += 1
            return
        for rule_id in sorted(scan.timed_out):
            result.errors.append(ScanError(target.display, f"rule {rule_id!r} timed out; the rest was scanned"))
        result.files_scanned += 1
        result.bytes_scanned += scan.bytes_scanned
        result.findings.extend(found)

    def scan(self, targets: Iterable[str]) -> ScanResult:
        """Scan every target; findings come back merged and in file order."""
        target_list = list(targets)
        result = ScanResult(target_list, self.matcher.name, self._rule_list, utc_now())
        discovery = Discovery()
        for target in discover(target_list, discovery):
            self.scan_target(target, result)
        result.errors.extend(ScanError(path, message) for path, message in discovery.missing)
        result.skipped.update(discovery.skipped)
        result.findings = merge_same_spot(result.findings)
        result.finished_at = utc_now()
        return result
