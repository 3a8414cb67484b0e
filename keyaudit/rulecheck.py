"""``keyaudit rules test``: every rule must find its examples and stay quiet on its negatives.

Examples run through the real pipeline: secret-rule examples through prefilter, pattern,
validator and context; request-rule examples (raw HTTP requests) through the wire-dump reader
and the exchange judge, with the shipped secret rules deciding what counts as a credential.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass

from keyaudit.detect import SecretScanner
from keyaudit.findings import Finding, RuleInfo
from keyaudit.judge import ExchangeJudge
from keyaudit.request_rules import RequestRule
from keyaudit.rules import Rule, RuleSet
from keyaudit.signature import signature_check
from keyaudit.sources.captures import httpdump

@dataclass(frozen=True)
class ExampleFailure:
    """One example that did not behave; ``str()`` is the line ``rules test`` prints."""

    rule: RuleInfo
    kind: str  # "example" or "negative example"
    index: int
    problem: str

    def __str__(self) -> str:
        return f"{self.rule.source}: rule {self.rule.id!r}: {self.kind} {self.index + 1} {self.problem}"


def _secret_findings(rule: Rule, text: str) -> list[Finding]:
    findings: list[Finding] = []
    SecretScanner(RuleSet([rule])).findings_in(io.BytesIO(text.encode("utf-8")), "<example>", findings)
    return findings


def _request_findings(rule: RequestRule, text: str, secrets: SecretScanner) -> list[Finding]:
    judge = ExchangeJudge(secrets, [rule], {"iugu_signature": signature_check([])})
    lines = list(enumerate(text.split("\n"), start=1))
    return [f for exchange in httpdump.exchanges(lines, "<example>") for f in judge.judge(exchange, Counter())]


def check_examples(rules: RuleSet) -> list[ExampleFailure]:
    """All failures across ``rules``; an empty list means every example behaves."""
    secrets = SecretScanner(RuleSet(list(rules.rules)))
    failures: list[ExampleFailure] = []
    checked: list[tuple[RuleInfo, object]] = [
        *((rule, lambda text, rule=rule: _secret_findings(rule, text)) for rule in rules.rules),
        *((rule, lambda text, rule=rule: _request_findings(rule, text, secrets)) for rule in rules.requests),
    ]
    for rule, find in checked:
        if not rule.examples:
            failures.append(ExampleFailure(rule, "example", -1, "missing: a rule needs at least one"))
        for index, text in enumerate(rule.examples):
            if not any(f.rule_id == rule.id for f in find(text)):  # type: ignore[operator]
                failures.append(ExampleFailure(rule, "example", index, "was not found"))
        for index, text in enumerate(rule.negative_examples):
            if any(f.rule_id == rule.id for f in find(text)):  # type: ignore[operator]
                failures.append(ExampleFailure(rule, "negative example", index, "was reported"))
    return failures
