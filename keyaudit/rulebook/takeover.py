"""Rules that take a secret finding over: where a credential sits can make its leak a problem of
another kind (pasted into a message, delivered to browsers, a production key in test configuration).

One finding per place: the secret rule's finding becomes the taking rule's (its category, title,
remediation), with the secret rule named in ``context.secret_rule``, rather than two findings of
one secret at one spot — a pre-commit user reads one line, and a SIEM dedupes on one fingerprint.
Which findings a rule takes is data: the rule's provider and the secret findings' categories.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from keyaudit.model.findings import Finding
from keyaudit.model.vocabulary import CATEGORIES, CONFIDENCES, SEVERITIES, RuleInfo
from keyaudit.rulebook.errors import RuleError


@dataclass(frozen=True, kw_only=True)
class TakeoverRule(RuleInfo):
    """A rule whose findings are secret findings (of ``provider``, of one of ``takes_over``'s
    categories) found somewhere that makes them its own."""

    takes_over: tuple[str, ...]

    def takes(self, finding: Finding) -> bool:
        """Whether this rule may take ``finding`` over (where it was found is the caller's)."""
        return finding.secret is not None and finding.provider == self.provider and \
            finding.category in self.takes_over


def take_over(finding: Finding, rule: TakeoverRule) -> Finding:
    """``finding`` as ``rule``'s finding: the rule's severity is a floor (a production key stays
    critical), the confidence the lower of the two, the secret rule named in the context."""
    return replace(finding, rule_id=rule.id, category=rule.category, title=rule.title,
                   severity=max(rule.severity, finding.severity, key=SEVERITIES.index),
                   confidence=min(rule.confidence, finding.confidence, key=CONFIDENCES.index),
                   message=f"{rule.title}: {finding.message}",
                   context={**finding.context, "secret_rule": finding.rule_id})


def parse_takes_over(raw: dict[str, Any], path: str, rule_id: str) -> tuple[str, ...]:
    """A rule's ``takes_over``: a non-empty list of categories."""
    taken = raw["takes_over"]
    if not isinstance(taken, list) or not taken or any(value not in CATEGORIES for value in taken):
        raise RuleError(path, rule_id, f"'takes_over' must be a list of categories: {', '.join(CATEGORIES)}")
    return tuple(taken)
