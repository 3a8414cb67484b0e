"""The words every layer shares: severities, confidences, categories, and what a rule says of itself.

Reporters, rule loaders and filters all speak this vocabulary; keeping it at the bottom means a
rule can be defined without importing findings, and a reporter without importing rules.
"""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES: tuple[str, ...] = ("info", "low", "medium", "high", "critical")
CONFIDENCES: tuple[str, ...] = ("low", "medium", "high")
CATEGORIES: tuple[str, ...] = (
    "access-token",
    "basic-auth",
    "plaintext-http",
    "unsigned-transfer",
    "bad-signature",
    "environment-mismatch",
    "weak-transport",
    "private-key",
)


@dataclass(frozen=True, kw_only=True)
class RuleInfo:
    """What every rule says about itself, secret rule or request rule alike: the finding's
    vocabulary and the rule's own examples."""

    id: str
    title: str
    provider: str
    category: str
    severity: str
    confidence: str
    source: str  # the rule file, for messages
    description: str = ""
    examples: tuple[str, ...] = ()
    negative_examples: tuple[str, ...] = ()
    references: tuple[str, ...] = ()


def severity_rank(severity: str) -> int:
    """Order severities so that ``--fail-on`` can compare them."""
    return SEVERITIES.index(severity)

