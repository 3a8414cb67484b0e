"""The scan: targets in, findings, statistics and errors out.

Each target is opened (decompressed by magic), recognised as a HAR capture or treated as text,
and handed to detection (secret rules) and judging (request rules). Sources before it only
supply bytes; filters and reporters after it only read findings.
"""

from __future__ import annotations

import io
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import BinaryIO, Iterable

from keyaudit import __version__
from keyaudit.detect import SecretScanner
from keyaudit.engine import Matcher
from keyaudit.exchange import Exchange
from keyaudit.findings import Finding, Location, merge_same_spot
from keyaudit.judge import ExchangeJudge
from keyaudit.request_rules import RequestCheck, RequestRule
from keyaudit.rules import Rule, RuleSet
from keyaudit.sources.compression import DECOMPRESSION_ERRORS, open_decompressed
from keyaudit.sources.files import Discovery, Target, discover
from keyaudit.sources.har import SNIFF_CHARS, HarDocument, HarError, HarField, looks_like_har
from keyaudit.textscan import looks_binary


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
    request_rules: list[RequestRule] = field(default_factory=list)
    statistics: dict[str, int] = field(default_factory=dict)
    tool_version: str = __version__

    @property
    def rules_loaded(self) -> int:
        return len(self.rules)


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


class Scanner:
    """One run's rules, engine and keys; scans whole target lists into a :class:`ScanResult`."""

    def __init__(self, rules: RuleSet, matcher: Matcher | None = None,
                 checks: dict[str, RequestCheck] | None = None) -> None:
        self.rules = rules
        self.secrets = SecretScanner(rules, matcher)
        self.judge = ExchangeJudge(self.secrets, list(rules.requests), dict(checks or {}))

    def _scan_har(self, document: HarDocument, path: str, result: ScanResult) -> None:
        entries = {e.origin.har_entry: e for e in document.exchanges(path)}
        seen: set[tuple[int | None, str, str]] = set()
        for har_field in document.fields():
            found: list[Finding] = []
            self.secrets.findings_in(io.BytesIO(har_field.text.encode("utf-8", "surrogateescape")), path, found)
            for finding in found:
                if finding.secret is None and har_field.pointer == f"/log/entries/{har_field.entry}/request/url":
                    continue  # the request rules judge the entry's own URL, scheme included
                key = (har_field.entry, finding.rule_id, finding.secret.canonical if finding.secret else "")
                if key in seen:
                    continue  # the same key in an entry's URL and its queryString is one leak
                seen.add(key)
                exchange = entries.get(har_field.entry)
                result.findings.append(_placed_in_har(finding, har_field, document, exchange,
                                                      self.judge.redact_url(exchange.url) if exchange else None))
        for exchange in entries.values():
            result.findings.extend(self.judge.judge(exchange))

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
            head = stream.peek(SNIFF_CHARS)[:SNIFF_CHARS]
            if looks_like_har(target.display, head) and not looks_binary(head):
                data = stream.read()
                result.bytes_scanned += len(data)
                try:
                    document = HarDocument.from_bytes(data)
                except HarError as exc:
                    result.errors.append(ScanError(target.display, f"{exc}; scanned as plain text"))
                    stream = io.BytesIO(data)
                else:
                    result.files_scanned += 1
                    self._scan_har(document, target.display, result)
                    return
                scan = self.secrets.findings_in(stream, target.display, found)
            else:
                scan = self.secrets.findings_in(stream, target.display, found)
                result.bytes_scanned += scan.bytes_scanned
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
        result.findings.extend(found)

    def scan(self, targets: Iterable[str]) -> ScanResult:
        """Scan every target; findings come back merged and in file order."""
        target_list = list(targets)
        result = ScanResult(target_list, self.secrets.matcher.name, list(self.rules), utc_now())
        result.request_rules = list(self.rules.requests)
        discovery = Discovery()
        for target in discover(target_list, discovery):
            self.scan_target(target, result)
        result.errors.extend(ScanError(path, message) for path, message in discovery.missing)
        result.skipped.update(discovery.skipped)
        result.findings = merge_same_spot(result.findings)
        result.statistics.update(self.judge.statistics)
        result.finished_at = utc_now()
        return result


def _placed_in_har(finding: Finding, har_field: HarField, document: HarDocument,
                   exchange: Exchange | None, url: str | None) -> Finding:
    """Move a finding from value coordinates to file coordinates, with pointer and entry."""
    source = document.source
    if har_field.decoded_from_base64:
        line, column = source.line_column(har_field.literal_start)
        end_line, end_column = line, column + 1
    else:
        starts = [0] + [i + 1 for i, ch in enumerate(har_field.text) if ch == "\n"]
        loc = finding.location

        def place(rel_line: int, rel_column: int) -> tuple[int, int]:
            offset = starts[rel_line - 1] + rel_column - 1
            return source.line_column(source.source_offset(har_field.literal_start, offset))

        (line, column), (end_line, end_column) = place(loc.line, loc.column), place(loc.end_line, loc.end_column)
    context = dict(finding.context)
    context.update({"har_entry": har_field.entry,
                    "method": exchange.method if exchange else None,
                    "url": url if exchange else context.get("url")})
    if har_field.decoded_from_base64:
        context["decoded"] = "base64"
    return replace(finding, location=Location(finding.location.path, line, column, end_line, end_column,
                                              har_field.pointer), context=context)
