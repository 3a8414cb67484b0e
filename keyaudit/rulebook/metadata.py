"""What a rule says for the people who read its findings: where to read more, and what to do.

Both kinds of rule carry the same two fields, and reports show them as they are (SARIF's
``helpUri`` and help text, ECS's ``rule.reference``), so they are checked here once: a reference
a browser cannot open would be a dead link in every alert, and a remediation that is not text
would break every report that shows it.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from keyaudit.model.vocabulary import RuleInfo
from keyaudit.rulebook.errors import RuleError


def parse_references(value: Any, path: str, rule_id: str) -> tuple[str, ...]:
    """``references`` as absolute http(s) URLs (one string or a list), in their order: the first
    is the one a report links to."""
    items = [value] if isinstance(value, str) else value if value is not None else []
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise RuleError(path, rule_id, "'references' must be a list of URLs")
    for item in items:
        parts = urlsplit(item)
        if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in item):
            raise RuleError(path, rule_id, f"reference {item!r} is not an absolute http(s) URL")
    return tuple(items)


def parse_remediation(value: Any, path: str, rule_id: str) -> str:
    """``remediation`` as text: what to do about a finding (rotate, re-sign, switch to https)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RuleError(path, rule_id, "'remediation' must be text")
    return value.strip()


def missing_metadata(rule: RuleInfo) -> str | None:
    """One line naming what a rule lacks for its readers (no reference, no remediation), or None.

    Not a load error: a user's rule pack works without them, but its alerts then say nothing about
    what to do; ``rules test`` shows the line, and the test suite requires both of shipped rules.
    """
    lacking = [name for name, present in (("references", rule.references), ("remediation", rule.remediation))
               if not present]
    if not lacking:
        return None
    return f"{rule.source}: rule {rule.id!r}: no {' and no '.join(lacking)}: its findings cannot say what to do"
