"""The checks every kind of rule entry in a rule file shares (request rules, message rules): a
mapping with an id, only known fields, the required ones present, and words of the vocabulary.
Each failure is one :class:`RuleError` line naming file, rule and problem."""

from __future__ import annotations

from typing import Any

from keyaudit.model.vocabulary import CATEGORIES, CONFIDENCES, SEVERITIES
from keyaudit.rulebook.errors import RuleError
from keyaudit.rulebook.metadata import parse_references, parse_remediation


def checked_entry(raw: Any, path: str, section: str, fields: tuple[str, ...], required: tuple[str, ...],
                  confidence: str) -> str:
    """The entry's id, once its fields are known, the required ones present and its category,
    severity and confidence (``confidence`` when it has none) are words of the vocabulary."""
    rule_id = known_entry(raw, path, section, fields)
    for name in required:
        if name not in raw:
            raise RuleError(path, rule_id, f"missing field {name!r}")
    for name, allowed in (("category", CATEGORIES), ("severity", SEVERITIES), ("confidence", CONFIDENCES)):
        value = raw.get(name, confidence if name == "confidence" else None)
        if value not in allowed:
            raise RuleError(path, rule_id, f"'{name}' is {value!r}; expected one of {', '.join(allowed)}")
    return rule_id


def known_entry(raw: Any, path: str, section: str, fields: tuple[str, ...]) -> str:
    """The id of an entry under ``section``: a mapping with an ``id`` and no field but ``fields``."""
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
        raise RuleError(path, None, f"each entry under '{section}' must be a mapping with an 'id'")
    unknown = sorted(set(raw) - set(fields))
    if unknown:
        raise RuleError(path, raw["id"], f"unknown field {unknown[0]!r}")
    return raw["id"]


def described(raw: dict[str, Any], path: str, rule_id: str, confidence: str) -> dict[str, Any]:
    """What every rule says of itself (:class:`~keyaudit.model.vocabulary.RuleInfo` but its
    examples), from a checked entry: the keyword arguments every kind of rule is built with."""
    return {
        "id": rule_id,
        "title": str(raw["title"]),
        "provider": str(raw["provider"]),
        "category": raw["category"],
        "severity": raw["severity"],
        "confidence": raw.get("confidence", confidence),
        "source": path,
        "description": str(raw.get("description", "")).strip(),
        "references": parse_references(raw.get("references"), path, rule_id),
        "remediation": parse_remediation(raw.get("remediation"), path, rule_id),
    }
