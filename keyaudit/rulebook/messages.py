"""The message rule: what a credential found in an e-mail or a chat message becomes.

A key pasted into a support request or a chat has left the systems its owner controls: it sits
in mailboxes, ticket systems and chat archives of other people, with their backups, and cannot be
taken back. Asaas says never to send the key in support requests or e-mail. So a secret rule's
finding in a message is reported as the message rule's (its own category, severity, remediation),
with the secret rule it came from named; which secret findings a rule takes over is data: a
provider and the secret findings' categories.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from keyaudit.model.findings import Finding
from keyaudit.rulebook.entries import checked_entry, described
from keyaudit.rulebook.errors import RuleError
from keyaudit.rulebook.takeover import TakeoverRule, parse_takes_over

_FIELDS = ("id", "title", "provider", "category", "severity", "confidence", "description", "takes_over",
           "examples", "negative_examples", "references", "remediation")


@dataclass(frozen=True, kw_only=True)
class MessageRule(TakeoverRule):
    """A message rule: the secret findings (of ``provider``, of one of ``takes_over``'s
    categories) that, found in a message, become its findings. Examples are raw e-mails."""


def rule_for(rules: Iterable[MessageRule], finding: Finding) -> MessageRule | None:
    """The first message rule that takes over this secret finding."""
    return next((rule for rule in rules if rule.takes(finding)), None)


def parse_message_rule(raw: Any, path: str) -> MessageRule:
    """Build a :class:`MessageRule` from one YAML mapping, or raise a :class:`RuleError`."""
    rule_id = checked_entry(raw, path, "message_rules", _FIELDS,
                            ("title", "provider", "category", "severity", "takes_over"), "high")
    taken = parse_takes_over(raw, path, rule_id)
    examples = {name: raw.get(name) or [] for name in ("examples", "negative_examples")}
    for name, values in examples.items():
        if not isinstance(values, list) or not all(isinstance(value, str) for value in values):
            raise RuleError(path, rule_id, f"'{name}' must be a list of strings")
    return MessageRule(**described(raw, path, rule_id, "high"), examples=tuple(examples["examples"]),
                       negative_examples=tuple(examples["negative_examples"]), takes_over=taken)
