"""Scoring a scan of the credential corpus against its labels: recall and precision, overall and
per group (language or format), with the misses and false positives named by label id or place
— never by value, so the scores can be printed and asserted on.

A finding counts when its category is one the labels measure (:data:`MEASURED`), or when it
took over a secret finding at its place (``context.secret_rule``: a key in client code, a
production key in development configuration): that is the credential's finding under the name of
the graver place. Findings of the other categories (misuse, weak transport, request checks) are
counted apart. A finding is
matched to a label on its file and line (the label whose value holds its column, else the
nearest; a value written over lines is on each of them): a hit when the label expects that kind, a
false positive when the label is a trap or expects another kind, and a false positive too when no
label is on that line.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from helpers.corpus import KINDS, Label

MEASURED = {
    "access-token": "credential",
    "basic-auth": "credential",
    "shared-in-message": "credential",
    "plaintext-http": "plaintext-http",
    "environment-mismatch": "environment-mismatch",
}


@dataclass
class Tally:
    """Counts of one group (or of the whole corpus)."""

    expected: int = 0
    found: int = 0
    false_positives: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.found / (self.found + self.false_positives) if self.found + self.false_positives else 1.0


@dataclass
class Score:
    """The comparison: tallies by kind, by group and by group and kind, and what went wrong."""

    by_kind: dict[str, Tally] = field(default_factory=dict)
    by_group: dict[str, Tally] = field(default_factory=dict)
    misses: list[Label] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)  # "label-id kind (rule)" or "path:line kind (rule)"
    other_findings: Counter = field(default_factory=Counter)  # rule id -> count, unmeasured categories

    def tally(self, kind: str | None = None) -> Tally:
        """All groups together, for one kind or (None) every kind."""
        tallies = [self.by_kind[kind]] if kind else list(self.by_kind.values())
        return Tally(sum(t.expected for t in tallies), sum(t.found for t in tallies),
                     sum(t.false_positives for t in tallies))

    def describe_misses(self) -> list[str]:
        return [f"{label.id} ({', '.join(label.expect)}: {label.shape}"
                + (f"; left to {label.leave}" if label.leave else "") + ")" for label in self.misses]


def _kind(finding: dict) -> str | None:
    """What a finding measures: its category's kind, or a credential when it stands for one."""
    if (finding.get("context") or {}).get("secret_rule"):
        return "credential"
    return MEASURED.get(finding["category"])


def _place(finding: dict) -> tuple[str, int, int]:
    location = finding["location"]
    path = location["path"].replace("\\", "/").split("!")[0]  # a zip's member (`deck.pptx!ppt/…`): the file written
    while path.startswith("./"):
        path = path[2:]
    return path, location["line"], location["column"]


def _match(labels: list[Label], kind: str, column: int) -> Label | None:
    """The label a finding at ``column`` is about: the one whose value holds the column (a trap
    too: a finding on it is false), else the nearest that expects ``kind``, else the nearest."""
    holding = [l for l in labels if l.start <= column < max(l.end, l.start + 1)]
    if holding:
        return holding[0]
    candidates = [l for l in labels if kind in l.expect] or labels
    return min(candidates, key=lambda l: min(abs(column - l.start), abs(column - l.end)), default=None)


def score(labels: list[Label], findings: list[dict], prefix: str = "") -> Score:
    """Compare ``findings`` (the JSON report's, paths relative to the scan's target; ``prefix``
    is cut from them) with ``labels``."""
    result = Score()
    by_line: dict[tuple[str, int], list[Label]] = {}
    for label in labels:  # a value over lines holds the lines after its first too (a key's bytes in hex)
        for line in range(label.line, max(label.line, label.end_line) + 1):
            by_line.setdefault((label.path, line), []).append(label)
    hits: set[tuple[str, str]] = set()
    wrong: set[str] = set()
    for finding in findings:
        kind = _kind(finding)
        if kind is None:
            result.other_findings[finding["rule_id"]] += 1
            continue
        path, line, column = _place(finding)
        path = path[len(prefix):] if prefix and path.startswith(prefix) else path
        label = _match(by_line.get((path, line), []), kind, column)
        if label is None:
            wrong.add(f"{path}:{line} {kind} ({finding['rule_id']})|{path.split('/')[0]}|{kind}")
        elif kind in label.expect:
            hits.add((label.id, kind))
        else:
            wrong.add(f"{label.id} {kind} ({finding['rule_id']})|{label.group}|{kind}")
    for kind in KINDS:
        result.by_kind[kind] = Tally()
    for label in labels:
        group = result.by_group.setdefault(label.group, Tally())
        for kind in label.expect:
            group.expected += 1
            result.by_kind[kind].expected += 1
            if (label.id, kind) in hits:
                group.found += 1
                result.by_kind[kind].found += 1
            elif label not in result.misses:
                result.misses.append(label)
    for entry in sorted(wrong):
        text, group, kind = entry.split("|")
        result.false_positives.append(text)
        result.by_group.setdefault(group, Tally()).false_positives += 1
        result.by_kind[kind].false_positives += 1
    return result
