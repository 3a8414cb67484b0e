"""The terminal view: findings grouped by file (or by rule), then one summary line.

Colour is used only when writing to a terminal; piped or written to a file it is plain text
that reads the same.
"""

from __future__ import annotations

import io
from collections import Counter
from itertools import groupby
from typing import Iterator

from keyaudit.model.printable import printable
from keyaudit.model.verification import STATUSES
from keyaudit.model.vocabulary import SEVERITIES
from keyaudit.model.findings import Finding
from keyaudit.report.options import ReportOptions
from keyaudit.model.result import ScanResult

STYLE = {"critical": "bold red", "high": "red", "medium": "yellow", "low": "cyan", "info": "dim"}


def _shown(finding: Finding, options: ReportOptions) -> str:
    if finding.secret is None:
        method = finding.context.get("method")
        url = str(finding.context.get("url") or finding.context.get("setting") or "")  # a setting: verify=False
        return f"{method} {url}" if method else url
    return finding.secret.shown(options.show_secrets)


Segments = list[tuple[str, str | None]]  # text and its rich style (None: plain)


def _line(finding: Finding, where: str, options: ReportOptions) -> Segments:
    segments: Segments = [("  ", None), (f"{where:<9}", "bold"), ("  ", None),
                          (f"{finding.severity:<8}", STYLE[finding.severity]),
                          (f" {finding.rule_id}  {finding.message}", None)]
    shown = _shown(finding, options)
    if shown:
        segments += [("  ", None), (shown, "magenta")]
    if finding.environment:
        segments.append((f"  [{finding.environment}]", "dim"))
    if finding.verification is not None:  # --verify: a key that still works is the one to act on first
        segments.append((f"  [{finding.verification.label()}]", "bold red" if finding.verification.active else "dim"))
    occurrences = finding.occurrences
    if occurrences is not None and occurrences.count > 1:  # the same secret again in this file
        lines = ", ".join(str(location.line) for location in occurrences.locations[1:])
        more = "…" if occurrences.count > len(occurrences.locations) else ""
        segments.append((f"  (+{occurrences.count - 1} more in this file: line {lines}{more})", "dim"))
    return segments


def _entry(finding: Finding, where: str, options: ReportOptions) -> Iterator[Segments]:
    """A finding's line and, verbose, the line under it that says which evidence its rule's
    context found: which piece, in which scope, on which line."""
    yield _line(finding, where, options)
    pieces = [f"{piece['name']} ({piece['scope']}" + (f", line {piece['line']})" if "line" in piece else ")")
              for piece in finding.context.get("evidence") or ()]
    if options.verbose and pieces:
        yield [(" " * 13 + "evidence: " + ", ".join(pieces), "dim")]


def _size(count: int) -> str:
    value = float(count)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


def summary(result: ScanResult) -> str:
    """One line a person can read at the end of a long scan."""
    counts: Counter[str] = Counter()
    categories: Counter[str] = Counter()
    for finding in result.findings:  # one pass: a scan's findings may be on disk
        counts[finding.severity] += 1
        categories[finding.category] += 1
    total = len(result.findings)
    by_severity = ", ".join(f"{counts[s]} {s}" for s in reversed(SEVERITIES) if counts[s])
    head = f"{total} finding{'s' if total != 1 else ''}" + (f" ({by_severity})" if by_severity else "")
    parts = [f"{head} in {result.files_scanned} file{'s' if result.files_scanned != 1 else ''}",
             f"{_size(result.bytes_scanned)} scanned"]
    if total:
        parts.append("by category: " + ", ".join(f"{n} {c}" for c, n in sorted(categories.items())))
    failed = result.inputs_failed  # always said: "0 findings" means nothing when every input failed
    parts.append(f"{failed} input{'s' if failed != 1 else ''} failed")
    if result.skipped:
        reasons = ", ".join(f"{n} {reason}" for reason, n in sorted(result.skipped.items()))
        parts.append(f"skipped: {reasons}")
    if result.suppressed:
        parts.append("suppressed: " + ", ".join(f"{n} {why}" for why, n in sorted(result.suppressed.items())))
    verified = Counter(leaked.verification.status for leaked in result.secrets if leaked.verification is not None)
    if verified:
        parts.append("--verify: " + ", ".join(f"{verified[status]} {status}" for status in STATUSES if verified[status]))
    for statistic, what in (("request_lines_cut", "line{} too long to read whole"), ("request_records_cut", "record{} not read whole")):
        cut = result.statistics.get(statistic, 0)
        if cut:  # what a request holds past the readers' bounds is not read: said, not left silent
            parts.append(f"{cut} {what.format('s' if cut != 1 else '')} for requests")
    if payloads := result.statistics.get("payloads_cut", 0):  # a payload past the engine's bound: its rest unread
        parts.append(f"{payloads} encoded payload{'s' if payloads != 1 else ''} read only in part")
    if result.binary_cut:  # a binary file's strings past the bound are not read: said, as the cuts above are
        parts.append(result.binary_cut)
    unverified, keyless = (result.statistics.get(name, 0) for name in ("signatures_unverified",
                                                                         "signatures_unverified_without_key"))
    if unverified:  # why, where it is the flag: a key given, they lack the bytes signed (no body shown, or not as sent)
        why = "no --public-key" if keyless == unverified else f"{keyless} with no --public-key" if keyless else ""
        parts.append(f"{unverified} signature{'s' if unverified != 1 else ''} not verified" + (f" ({why})" if why else ""))
    parts.append(f"engine: {result.engine}")
    if result.started_at and result.finished_at:
        parts.append(f"{(result.finished_at - result.started_at).total_seconds():.0f} s")
    return "; ".join(parts)


def _lines(result: ScanResult, options: ReportOptions) -> Iterator[Segments]:
    """The view as lines of styled segments; an empty list is a blank line. Paths and values are
    written as they come: :func:`render` makes every segment printable."""
    findings = result.findings
    if options.group_by == "rule":
        ordered = sorted(findings, key=lambda f: (-SEVERITIES.index(f.severity), f.rule_id, f.sort_key()))
        for rule_id, group in groupby(ordered, key=lambda f: f.rule_id):
            items = list(group)
            yield [(f"{rule_id}  {items[0].title}  ({len(items)})", "bold underline")]
            for f in items:
                yield from _entry(f, f"{f.location.path}:{f.location.line}:{f.location.column}", options)
            yield []
    else:
        for path, group in groupby(findings, key=lambda f: f.location.path):
            yield [(path, "bold underline")]
            for f in group:
                yield from _entry(f, f"{f.location.line}:{f.location.column}", options)
            yield []
    yield [(summary(result), "bold" if len(findings) else "green")]


def render(result: ScanResult, options: ReportOptions) -> Iterator[str]:
    """Styled through rich on a terminal; plain text otherwise, without importing rich (a
    pre-commit hook's output is usually captured, and every millisecond of start-up shows).
    Line by line either way."""
    if not options.color:
        yield from (printable("".join(text for text, _ in line)) + "\n" for line in _lines(result, options))
        return
    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=200, highlight=False, soft_wrap=True)
    for line in _lines(result, options):
        console.print(Text.assemble(*((printable(text), style) for text, style in line)) if line else "")
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
