"""Findings in a HAR capture: every string field run through the secret rules and placed back in
the file (line, column and JSON pointer), and every entry judged as a request."""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import replace

from keyaudit.engine.detect import SecretDetector
from keyaudit.engine.judge import ExchangeJudge
from keyaudit.inputs.har import HarDocument, HarField
from keyaudit.model.exchange import Exchange
from keyaudit.model.findings import Finding, Location
from keyaudit.model.secrets import Secret


def findings_in_har(document: HarDocument, path: str, detector: SecretDetector, judge: ExchangeJudge,
                    statistics: Counter[str]) -> list[Finding]:
    """The secrets in every field of ``document`` and the request rules' findings of its entries."""
    findings: list[Finding] = []
    entries = {e.origin.har_entry: e for e in document.exchanges(path)}
    seen: set[tuple[int | None, str, str]] = set()
    for har_field in document.fields():
        found: list[Finding] = []
        detector.findings_in(io.BytesIO(har_field.scanned.encode("utf-8", "surrogateescape")), path, found)
        for finding in found:
            if finding.secret is None and har_field.pointer == f"/log/entries/{har_field.entry}/request/url":
                continue  # the request rules judge the entry's own URL, scheme included
            key = (har_field.entry, finding.rule_id, finding.secret.canonical if finding.secret else "")
            if key in seen:
                continue  # the same key in an entry's URL and its queryString is one leak
            seen.add(key)
            exchange = entries.get(har_field.entry)
            own = [finding.secret] if isinstance(finding.secret, Secret) else []
            url = judge.shown_url(exchange, *own) if exchange else None
            findings.append(_placed_in_har(finding, har_field, document, exchange, url))
    for exchange in entries.values():
        findings.extend(judge.judge(exchange, statistics))
    return findings


def _placed_in_har(finding: Finding, har_field: HarField, document: HarDocument,
                   exchange: Exchange | None, url: str | None) -> Finding:
    """Move a finding from value coordinates to file coordinates, with pointer and entry."""
    source = document.source
    if har_field.decoded_from_base64:
        line, column = source.line_column(har_field.literal_start)
        end_line, end_column = line, column + 1
    else:
        scanned = har_field.scanned
        starts = [0] + [i + 1 for i, ch in enumerate(scanned) if ch == "\n"]
        loc = finding.location

        def place(rel_line: int, rel_column: int) -> tuple[int, int]:
            offset = max(0, starts[rel_line - 1] + rel_column - 1 - len(har_field.prefix))
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
