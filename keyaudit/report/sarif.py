"""SARIF 2.1.0 for code-scanning UIs (GitHub, Azure DevOps, VS Code SARIF viewer).

Only redacted values reach a message; every rule carries its help (what to do, where to read
more) and a numeric ``security-severity`` so GitHub ranks alerts; ``partialFingerprints`` carries
our line-independent fingerprint so an alert survives code moving; paths are relative to the
source root (:mod:`keyaudit.report.sarif_places`); ``automationDetails.id`` names the kind of scan,
so a scan of the repository and a scan of its logs for one commit are kept apart; GitHub's
upload limits are kept (:mod:`keyaudit.report.sarif_limits`).

The document is made piece by piece — the run's head, one result per line, the invocation — so
results are written as they come.
"""

from __future__ import annotations

from typing import Any, Iterator

from keyaudit.model.findings import Finding
from keyaudit.model.result import ScanResult
from keyaudit.model.vocabulary import RuleInfo
from keyaudit.report.json import dumps
from keyaudit.report.options import ReportOptions
from keyaudit.report.sarif_limits import (GITHUB, Limits, UploadBudget, compressed_size, listed_rules,
                                          most_severe_first)
from keyaudit.report.sarif_places import Places
from keyaudit.report.sarif_rules import LEVEL, descriptors_json

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LINKED_IN_MESSAGE = 5  # related locations a message links to by line; the rest are only listed
_RESERVE_FOR_NOTES = 4096  # compressed bytes kept for the notifications about what was left out


def automation_id(kind: str) -> str:
    """``keyaudit/<kind>/``: a category that is the same for every run of the same kind of scan
    (``source``, ``logs``, ``staged``, ``har``, ``store``, ``stdin``, or several joined by ``+``)
    and no run id, so a new upload replaces the previous one of its own kind only."""
    return f"keyaudit/{kind or 'scan'}/"


def _escaped(text: str) -> str:
    """Message text with literal brackets escaped, once it holds links: SARIF reads
    ``[text](id)`` as a link to a related location."""
    return text.replace("[", "\\[").replace("]", "\\]")


def _message(finding: Finding, options: ReportOptions, related: list[dict[str, Any]], hidden: int) -> str:
    """What the alert says: the finding, its redacted secret or URL, and where else in the file it
    was seen, the first places as links to its related locations."""
    text = finding.message
    if finding.secret is not None:
        text = f"{text}: {finding.secret.shown(options.show_secrets)}"
    elif finding.context.get("url"):
        text = f"{text}: {finding.context['url']}"
    if finding.verification is not None:  # the alert's reader sees first whether the key still works
        text = f"{text} (--verify: {finding.verification.label()})"
    links = [f"[{place['physicalLocation']['region']['startLine']}]({place['id']})"
             for place in related[:LINKED_IN_MESSAGE]]
    unlinked = len(related) - len(links) + hidden
    if links:
        text = f"{_escaped(text)}; also at line{'s' if len(links) > 1 else ''} {', '.join(links)}"
    if unlinked:
        text += f"{' and' if links else '; seen'} {unlinked} more time{'s' if unlinked != 1 else ''}"
    return text


def _result(finding: Finding, rule_index: int, places: Places, options: ReportOptions,
            limits: Limits) -> tuple[dict[str, Any], bool]:
    """The SARIF result of one finding, and whether its related locations were cut to the limit."""
    related, hidden = places.related(finding, limits.related_locations)
    properties: dict[str, Any] = {"category": finding.category, "provider": finding.provider,
                                  "severity": finding.severity, "confidence": finding.confidence}
    if finding.environment:
        properties["environment"] = finding.environment
    if finding.secret is not None:
        properties["secretDigest"] = finding.secret.digest(options.digest_key)
    if finding.location.pointer:
        properties["pointer"] = finding.location.pointer
    if finding.context.get("evidence"):
        properties["evidence"] = finding.context["evidence"]
    if finding.context.get("decoded"):  # how the secret's text was decoded (base64, percent×2, …)
        properties["decoded"] = finding.context["decoded"]
    if finding.verification is not None:  # --verify: what the provider said of the key
        properties["verification"] = finding.verification.status
        if finding.verification.reason:
            properties["verificationReason"] = finding.verification.reason
    result: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
        "level": LEVEL[finding.severity],
        "message": {"text": _message(finding, options, related, hidden)},
        "locations": [{"physicalLocation": places.physical(finding.location)}],
        "partialFingerprints": {"keyaudit/v1": finding.fingerprint},
        "properties": properties,
    }
    if related:
        result["relatedLocations"] = related
    return result, len(related) == limits.related_locations and hidden > 0


def _head(result: ScanResult, rules: list[RuleInfo], places: Places) -> str:
    """The document up to the opening of the results array."""
    driver = dumps({"name": "keyaudit", "version": result.tool_version, "semanticVersion": result.tool_version},
                   compact=True)[:-1]  # left open for the rules
    run = dumps({"automationDetails": {"id": automation_id(result.target_kind)}, "columnKind": "unicodeCodePoints",
                 **places.base_ids()}, compact=True)[1:-1]  # the run's other members, to go after its tool
    return (f'{{"$schema":"{SARIF_SCHEMA}","version":"2.1.0","runs":[{{"tool":{{"driver":{driver},'
            f'"rules":{descriptors_json(rules)}}}}},{run},"results":[')


def _tail(result: ScanResult, notifications: list[dict[str, Any]]) -> str:
    """The document from the closing of the results array: the invocation and its notifications."""
    invocation = {"executionSuccessful": True, "toolExecutionNotifications": notifications,
                  "properties": {"engine": result.engine, "filesScanned": result.files_scanned,
                                 "bytesScanned": result.bytes_scanned}}
    return f'\n],"invocations":[{dumps(invocation, compact=True)}]}}]}}\n'


def _note(text: str) -> dict[str, Any]:
    return {"level": "warning", "message": {"text": text}, "descriptor": {"id": "upload-limit"}}


def chunks(result: ScanResult, options: ReportOptions, limits: Limits = GITHUB) -> Iterator[str]:
    """The SARIF document in pieces, within ``limits``; each thing left out is said once, to
    ``options.warn`` and in the report."""
    places = Places(result.source_root)
    rules = listed_rules(result.rules, result.findings, limits.rules)
    index = {rule.id: position for position, rule in enumerate(rules)}
    errors = [{"level": "error", "message": {"text": error.message},
               "locations": [{"physicalLocation": {"artifactLocation": places.artifact(error.path)}}]}
              for error in result.errors]
    if result.binary_cut:  # a coverage gap, said where a code-scanning upload shows the run's notes
        errors.append({"level": "warning", "message": {"text": result.binary_cut},
                       "descriptor": {"id": "binary-read-in-part"}})
    budget = UploadBudget(limits.gzip_bytes, compressed_size(_tail(result, errors)) + _RESERVE_FOR_NOTES)
    yield budget.add(_head(result, rules, places))
    written = crowded = unlisted = 0
    over_size = False
    for finding in most_severe_first(result.findings):
        if finding.rule_id not in index:
            unlisted += 1
            continue
        if written == limits.results or over_size:
            continue
        entry, cut = _result(finding, index[finding.rule_id], places, options, limits)
        text = ("," if written else "") + "\n" + dumps(entry, compact=True)
        if not budget.fits(text):
            over_size = True
            continue
        yield budget.add(text)
        written += 1
        crowded += cut
    notes = _limit_notes(len(result.findings), written, unlisted, over_size, crowded, len(result.rules) - len(rules),
                         limits)
    for text in notes:
        if options.warn is not None:
            options.warn(text)
    yield _tail(result, errors + [_note(text) for text in notes])


def _limit_notes(total: int, written: int, unlisted: int, over_size: bool, crowded: int, rules_left: int,
                 limits: Limits) -> list[str]:
    """One line for each GitHub limit the report had to be cut at."""
    notes = []
    if rules_left:
        theirs = f", with their {unlisted:,} results" if unlisted else ""
        notes.append(f"SARIF: {rules_left:,} rules left out{theirs}: GitHub accepts at most {limits.rules:,} rules "
                     "in a run")
    left = total - written - unlisted
    if left and over_size:
        notes.append(f"SARIF: {left:,} of {total:,} results left out, the least severe, to keep the file under "
                     f"GitHub's upload limit of {limits.gzip_bytes / 1e6:g} MB gzip-compressed")
    elif left:
        notes.append(f"SARIF: {left:,} of {total:,} results left out, the least severe: GitHub accepts at most "
                     f"{limits.results:,} results in a run (and shows the 5,000 most severe)")
    if crowded:
        notes.append(f"SARIF: {crowded:,} results list only {limits.related_locations} of their other places in "
                     f"the file as related locations (GitHub shows 100 locations a result)")
    return notes


def render(result: ScanResult, options: ReportOptions) -> Iterator[str]:
    return chunks(result, options)
