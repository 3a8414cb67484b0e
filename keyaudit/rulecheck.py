"""``keyaudit rules test``: every rule must find its examples and stay quiet on its negatives.

Examples run through the real scanner (prefilter, pattern, validator, context), so a rule that
only works because of an accident of the regex engine is caught here, not in production.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from keyaudit.rules import Rule, RuleSet
from keyaudit.detect import SecretScanner


@dataclass(frozen=True)
class ExampleFailure:
    """One example that did not behave; ``str()`` is the line ``rules test`` prints."""

    rule: Rule
    kind: str  # "example" or "negative example"
    index: int
    problem: str

    def __str__(self) -> str:
        return f"{self.rule.source}: rule {self.rule.id!r}: {self.kind} {self.index + 1} {self.problem}"


def _found_by(scanner: SecretScanner, rule: Rule, text: str) -> bool:
    findings: list = []
    scanner.findings_in(io.BytesIO(text.encode("utf-8")), "<example>", findings)
    return any(finding.rule_id == rule.id for finding in findings)


def check_examples(rules: RuleSet) -> list[ExampleFailure]:
    """All failures across ``rules``; an empty list means every example behaves."""
    failures: list[ExampleFailure] = []
    for rule in rules:
        scanner = SecretScanner(RuleSet([rule]))
        if not rule.examples:
            failures.append(ExampleFailure(rule, "example", -1, "missing: a rule needs at least one"))
        for index, text in enumerate(rule.examples):
            if not _found_by(scanner, rule, text):
                failures.append(ExampleFailure(rule, "example", index, "was not found"))
        for index, text in enumerate(rule.negative_examples):
            if _found_by(scanner, rule, text):
                failures.append(ExampleFailure(rule, "negative example", index, "was reported"))
    return failures
