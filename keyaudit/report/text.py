"""The terminal view: findings grouped by file (or by rule), then one summary line.

Colour is used only when writing to a terminal; piped or written to a file it is plain text
that reads the same.
"""

from __future__ import annotations

import io
from collections import Counter
from itertools import groupby

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from keyaudit.findings import SEVERITIES, Finding
from keyaudit.report import ReportOptions
from keyaudit.scan import ScanResult

STYLE = {"critical": "bold red", "high": "red", "medium": "yellow", "low": "cyan", "info": "dim"}


def _shown(finding: Finding, options: ReportOptions) -> str:
    if finding.secret is None:
        method = finding.context.get("method")
        url = str(finding.context.get("url") or "")
        return f"{method} {url}" if method else url
    if options.show_secrets:
        return finding.secret.visible_prefix + finding.secret.canonical
    return finding.secret.redacted


def _line(finding: Finding, where: str, options: ReportOptions) -> Text:
    text = Text("  ")
    text.append(f"{where:<9}", style="bold")
    text.append("  ")
    text.append(f"{finding.severity:<8}", style=STYLE[finding.severity])
    text.append(f" {finding.rule_id}  ")
    text.append(finding.message)
    shown = _shown(finding, options)
    if shown:
        text.append("  ")
        text.append(shown, style="magenta")
    if finding.environment:
        text.append(f"  [{finding.environment}]", style="dim")
    return text


def _size(count: int) -> str:
    value = float(count)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


def summary(result: ScanResult) -> str:
    """One line a person can read at the end of a long scan."""
    counts = Counter(f.severity for f in result.findings)
    total = len(result.findings)
    by_severity = ", ".join(f"{counts[s]} {s}" for s in reversed(SEVERITIES) if counts[s])
    head = f"{total} finding{'s' if total != 1 else ''}" + (f" ({by_severity})" if by_severity else "")
    parts = [f"{head} in {result.files_scanned} file{'s' if result.files_scanned != 1 else ''}",
             f"{_size(result.bytes_scanned)} scanned"]
    if total:
        categories = Counter(f.category for f in result.findings)
        parts.append("by category: " + ", ".join(f"{n} {c}" for c, n in sorted(categories.items())))
    if result.errors:
        parts.append(f"{len(result.errors)} error{'s' if len(result.errors) != 1 else ''}")
    if result.skipped:
        reasons = ", ".join(f"{n} {reason}" for reason, n in sorted(result.skipped.items()))
        parts.append(f"skipped: {reasons}")
    if result.suppressed:
        parts.append("suppressed: " + ", ".join(f"{n} {why}" for why, n in sorted(result.suppressed.items())))
    unverified = result.statistics.get("signatures_unverified", 0)
    if unverified:
        parts.append(f"{unverified} signature{'s' if unverified != 1 else ''} not verified (no --public-key)")
    parts.append(f"engine: {result.engine}")
    if result.started_at and result.finished_at:
        parts.append(f"{(result.finished_at - result.started_at).total_seconds():.0f} s")
    return "; ".join(parts)


def render(result: ScanResult, options: ReportOptions) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=options.color, no_color=not options.color,
                      width=200, highlight=False, soft_wrap=True)
    findings = result.findings
    if options.group_by == "rule":
        ordered = sorted(findings, key=lambda f: (-SEVERITIES.index(f.severity), f.rule_id, f.sort_key()))
        for rule_id, group in groupby(ordered, key=lambda f: f.rule_id):
            items = list(group)
            console.print(Text(f"{rule_id}  {items[0].title}  ({len(items)})", style="bold underline"))
            for f in items:
                console.print(_line(f, f"{f.location.path}:{f.location.line}:{f.location.column}", options))
            console.print()
    else:
        for path, group in groupby(findings, key=lambda f: f.location.path):
            console.print(Text(path, style="bold underline"))
            for f in group:
                console.print(_line(f, f"{f.location.line}:{f.location.column}", options))
            console.print()
    console.print(escape(summary(result)), style="bold" if findings else "green")
    return buffer.getvalue()
