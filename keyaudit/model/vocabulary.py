"""The words every layer shares: severities, confidences, categories, and what a rule says of itself.

Reporters, rule loaders and filters all speak this vocabulary; keeping it at the bottom means a
rule can be defined without importing findings, and a reporter without importing rules.
"""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES: tuple[str, ...] = ("info", "low", "medium", "high", "critical")
CONFIDENCES: tuple[str, ...] = ("low", "medium", "high")
# The environments a credential or an API host can belong to (the report's ``environment``).
ENVIRONMENTS: tuple[str, ...] = ("production", "sandbox")
CATEGORIES: tuple[str, ...] = (
    "access-token",
    "basic-auth",
    "plaintext-http",
    "unsigned-transfer",
    "bad-signature",
    "environment-mismatch",
    "misuse",  # a credential sent where the provider says not to (a query string, the wrong header), or a request missing what the provider requires
    "replay",  # a signed request that can be, or was, sent again: a Request-Time far from its log time, a signature seen twice
    "shared-in-message",  # a credential pasted into an e-mail or a chat message: it has left your control
    "suppression",  # a way of hiding findings that is not used as it must be (an allow marker without a reason)
    "weak-transport",
    "private-key",
    "browser-exposure",  # a credential in code or resources delivered to browsers and phones, or sent to the API by a browser
    "production-key-outside-production",  # a production key in development, test or staging configuration, or sent to a non-production host
)


@dataclass(frozen=True, kw_only=True)
class RuleInfo:
    """What every rule says about itself, secret rule or request rule alike: the finding's
    vocabulary, the rule's own examples, and, for the people reading its findings, where to read
    more and what to do (reports show ``references[0]`` and ``remediation``)."""

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
    references: tuple[str, ...] = ()  # documentation URLs, the provider's own page first
    remediation: str = ""  # what to do about a finding: rotate, re-sign, switch to https


def severity_rank(severity: str) -> int:
    """Order severities so that ``--fail-on`` can compare them."""
    return SEVERITIES.index(severity)

