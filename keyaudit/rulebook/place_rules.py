"""Place rules: what a secret finding becomes when its file (or its line) is in a place.

A key in code delivered to browsers is public; a production key in staging configuration has to
be renewed before going live. Both are the same secret the secret rules found, at the same spot,
so a place rule takes the finding over (see :mod:`keyaudit.rulebook.takeover`) instead of adding
a second one. ``places`` names entries of the rule files' ``places:``; ``environments`` the
environments of the secrets it takes (``unknown`` for a secret whose environment cannot be told).
Examples are files: a mapping of ``path`` and ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from keyaudit.model.findings import Finding
from keyaudit.rulebook.entries import checked_entry, described
from keyaudit.rulebook.errors import RuleError
from keyaudit.rulebook.takeover import TakeoverRule, parse_takes_over

ENVIRONMENTS = ("production", "sandbox", "unknown")
_FIELDS = ("id", "title", "provider", "category", "severity", "confidence", "description", "takes_over",
           "places", "environments", "examples", "negative_examples", "references", "remediation")


@dataclass(frozen=True, kw_only=True)
class PlaceRule(TakeoverRule):
    """A place rule: secret findings of its provider and categories, of ``environments``, in a
    file or on a line of one of ``places``, become its findings. Each example is a file's path,
    a newline and its text (see :func:`example_file`)."""

    places: tuple[str, ...]
    environments: tuple[str, ...] = ENVIRONMENTS

    def takes_in(self, finding: Finding, places: Iterable[str]) -> bool:
        """Whether the rule takes ``finding`` over, found in ``places``."""
        return self.takes(finding) and (finding.environment or "unknown") in self.environments and \
            any(place in self.places for place in places)


def example_file(example: str) -> tuple[str, str]:
    """A place rule example as the file it stands for: (path, text)."""
    path, _, text = example.partition("\n")
    return path, text


def _example(value: Any, path: str, rule_id: str, name: str) -> str:
    if not isinstance(value, dict) or set(value) != {"path", "text"} or \
            not all(isinstance(item, str) and item for item in value.values()) or "\n" in value["path"]:
        raise RuleError(path, rule_id, f"each of '{name}' must be a mapping of a 'path' (one line) and a 'text'")
    return f"{value['path']}\n{value['text']}"


def parse_place_rule(raw: Any, path: str) -> PlaceRule:
    """Build a :class:`PlaceRule` from one YAML mapping, or raise a :class:`RuleError`."""
    rule_id = checked_entry(raw, path, "place_rules", _FIELDS,
                            ("title", "provider", "category", "severity", "takes_over", "places"), "high")
    places = raw["places"]
    if not isinstance(places, list) or not places or not all(isinstance(place, str) for place in places):
        raise RuleError(path, rule_id, "'places' must be a list of place ids (entries of 'places:')")
    environments = raw.get("environments", list(ENVIRONMENTS))
    if not isinstance(environments, list) or not environments or any(e not in ENVIRONMENTS for e in environments):
        raise RuleError(path, rule_id, f"'environments' must be a list of {', '.join(ENVIRONMENTS)}")
    examples = {}
    for name in ("examples", "negative_examples"):
        values = raw.get(name) or []
        if not isinstance(values, list):
            raise RuleError(path, rule_id, f"'{name}' must be a list")
        examples[name] = tuple(_example(value, path, rule_id, name) for value in values)
    return PlaceRule(**described(raw, path, rule_id, "high"), examples=examples["examples"],
                     negative_examples=examples["negative_examples"], takes_over=parse_takes_over(raw, path, rule_id),
                     places=tuple(places), environments=tuple(environments))


def rule_in_place(rules: Iterable[PlaceRule], finding: Finding, places: Iterable[str]) -> PlaceRule | None:
    """The first place rule that takes ``finding`` over, found in ``places`` (in the rules'
    order: the rule files list the graver places first)."""
    places = tuple(places)
    return next((rule for rule in rules if rule.takes_in(finding, places)), None)
