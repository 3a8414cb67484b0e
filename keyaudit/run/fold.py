"""Folding findings: what several rules found about one thing in one place becomes one finding,
and, on request, every sighting of one secret becomes one finding with its occurrences.

Pure functions of the findings, run by the session after the units are merged in plan order.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import Iterable
from urllib.parse import urlsplit

from keyaudit.model.exchange import REQUEST_SPAN_LINES
from keyaudit.model.findings import Finding, Location, Occurrences
from keyaudit.model.vocabulary import CONFIDENCES, severity_rank


def _dedupe_key(finding: Finding) -> tuple[str, ...]:
    if finding.secret is not None:
        return ("secret", finding.category, finding.secret.identity)
    if "setting" in finding.context:  # a setting (verify=False) is judged by its own file's provider host
        return ("setting", finding.rule_id, finding.location.path)
    url = urlsplit(str(finding.context.get("url") or ""))
    return ("request", finding.rule_id, str(finding.context.get("method") or ""), url.scheme.lower(),
            (url.hostname or "").lower(), url.path)


def dedupe(findings: list[Finding], cap: int = 20) -> list[Finding]:
    """One finding per secret (or per rule and endpoint), at its first place, with every place
    it was seen: a key logged on every request of a night is one problem, not a million."""
    first: dict[tuple[str, ...], Finding] = {}
    for finding in findings:  # already in report order
        key = _dedupe_key(finding)
        kept = first.get(key)
        if kept is None:
            kept = first[key] = replace(finding, occurrences=Occurrences(cap=cap))
        assert kept.occurrences is not None
        kept.occurrences.add(finding)
    return list(first.values())


def _strength(finding: Finding) -> tuple[int, int, int]:
    # At equal severity and confidence, a request rule's finding (it knows the method) wins.
    return (severity_rank(finding.severity), CONFIDENCES.index(finding.confidence),
            int(bool(finding.context.get("method"))))


def _same_spot(a: Finding, b: Finding) -> bool:
    if a.secret is not None:
        return _overlaps(a.location, b.location)
    # The text rule sees a URL, the request rule sees the request around it: the same request
    # when they name the same host a few lines apart. Two requests both judged as requests are
    # the same only if they also share method and path.
    if abs(a.location.line - b.location.line) > REQUEST_SPAN_LINES:
        return False
    judged = bool(a.context.get("method")), bool(b.context.get("method"))
    if all(judged):
        return (a.context["method"], _url_path(a)) == (b.context["method"], _url_path(b))
    if not any(judged):  # two URLs the text rules saw: the same spot only where they overlap
        return _overlaps(a.location, b.location)
    return True


def _url_path(finding: Finding) -> str:
    return urlsplit(str(finding.context.get("url") or "")).path.rstrip("/")


def _spot_key(finding: Finding) -> tuple[str, ...]:
    loc = finding.location
    if finding.secret is not None:
        return (finding.category, loc.path, str(loc.pointer), finding.secret.identity)
    url = urlsplit(str(finding.context.get("url") or ""))
    endpoint = f"{url.scheme.lower()}://{(url.hostname or '').lower()}"
    entry = str(finding.context.get("har_entry"))
    return (finding.category, loc.path, entry, endpoint)


def merge_same_spot(findings: Iterable[Finding]) -> list[Finding]:
    """Collapse what several rules found about one thing in one place into one finding.

    A secret: the same canonical secret, in the same category, at overlapping locations. A
    request finding without a secret: the same category, scheme and host, in the same file (and
    HAR entry), within a request's span of lines (and the same method and path when both are
    request-rule findings). The strongest rule (severity, then confidence)
    wins. Different categories say different things (a leaked key, and a key used against the
    wrong environment) and are all kept.
    """
    kept: list[Finding] = []
    # Per spot key, the first lines and places in ``kept`` of its findings, in line order: a
    # finding is compared only with those that start within a request's span of lines before it
    # (what it can be the same spot as), so a log with a hundred thousand findings about one host
    # costs a bisect each, not a comparison with every earlier one.
    by_spot: dict[tuple[str, ...], tuple[list[int], list[int]]] = {}
    for finding in sorted(findings, key=lambda f: (f.sort_key(), [-x for x in _strength(f)])):
        lines, places = by_spot.setdefault(_spot_key(finding), ([], []))
        start = bisect.bisect_left(lines, finding.location.line - REQUEST_SPAN_LINES)
        for index in places[start:]:
            if _same_spot(kept[index], finding):
                if _strength(finding) > _strength(kept[index]):
                    kept[index] = finding
                break
        else:
            lines.append(finding.location.line)
            places.append(len(kept))
            kept.append(finding)
    kept.sort(key=Finding.sort_key)
    return kept


def _overlaps(a: Location, b: Location) -> bool:
    return (a.line, a.column) <= (b.end_line, b.end_column) and (b.line, b.column) <= (
        a.end_line,
        a.end_column,
    )
