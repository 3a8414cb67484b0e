"""SARIF rule descriptors: what code-scanning UIs show beside an alert.

Every rule gets its documentation link (``helpUri``: the rule's first reference) and a help text,
as plain text and as Markdown, that says why the finding matters and what to do about it (the
rule's remediation), so an alert can be acted on without leaving the page. Texts GitHub limits
(name 255 characters, short and full descriptions 1,024) are cut to fit; the help is not limited.
"""

from __future__ import annotations

import json
from typing import Any, Sequence

from keyaudit.model.printable import printable
from keyaudit.model.vocabulary import RuleInfo

# GitHub ranks alerts by this number: over 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low.
SECURITY_SEVERITY = {"critical": "9.5", "high": "8.0", "medium": "5.5", "low": "3.0", "info": "0.0"}
LEVEL = {"critical": "error", "high": "error", "medium": "warning", "low": "note", "info": "note"}
NAME_CHARACTERS = 255
DESCRIPTION_CHARACTERS = 1024


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _name(rule_id: str) -> str:
    return _cut("".join(part.capitalize() for part in rule_id.split("-")), NAME_CHARACTERS)


def help_text(rule: RuleInfo) -> str:
    """The rule's help as plain text: why it matters, what to do, where to read more."""
    parts = [rule.description or rule.title]
    if rule.remediation:
        parts.append(f"What to do: {rule.remediation}")
    if rule.references:
        parts.append("References: " + " ".join(rule.references))
    return "\n\n".join(map(printable, parts))


def help_markdown(rule: RuleInfo) -> str:
    """The same help as Markdown (GitHub shows it instead of the text when present)."""
    parts = [f"**{printable(rule.title)}**", printable(rule.description or rule.title)]
    if rule.remediation:
        parts += ["**What to do**", printable(rule.remediation)]
    if rule.references:
        parts += ["**References**", "\n".join(f"- <{printable(url)}>" for url in rule.references)]
    return "\n\n".join(parts)


def descriptor(rule: RuleInfo) -> dict[str, Any]:
    """The ``reportingDescriptor`` of a rule, secret rule or request rule alike."""
    entry: dict[str, Any] = {
        "id": printable(rule.id),
        "name": printable(_name(rule.id)),
        "shortDescription": {"text": _cut(printable(rule.title), DESCRIPTION_CHARACTERS)},
        "fullDescription": {"text": _cut(printable(rule.description or rule.title), DESCRIPTION_CHARACTERS)},
        "help": {"text": help_text(rule), "markdown": help_markdown(rule)},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {
            "security-severity": SECURITY_SEVERITY[rule.severity],
            "precision": rule.confidence,  # GitHub's precision words include ours: low, medium, high
            "tags": ["security", rule.category, rule.provider],
        },
    }
    if rule.references:
        entry["helpUri"] = rule.references[0]
    return entry


def descriptors_json(rules: Sequence[RuleInfo]) -> str:
    """The run's ``rules`` array as JSON text. Not through the reports' ``dumps``: that makes
    every string one printable line, and the help's paragraphs need their line breaks (each
    paragraph is made printable on its own above)."""
    return json.dumps([descriptor(rule) for rule in rules], ensure_ascii=False, separators=(",", ":"))
