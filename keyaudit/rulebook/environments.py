"""Which environment a key belongs to, as rule data: fixed for the rule, or read from its match.

Providers tell a sandbox key from a production one by its format (Asaas's ``$aact_hmlg_`` and
``$aact_prod_``, a ``TEST-`` or ``APP_USR-`` prefix elsewhere), and that is provider knowledge, so a
rule file says it, not a validator: ``environment: sandbox`` when every key the rule finds is of
one environment, or ``environment: {group: code, values: {prod: production, hmlg: sandbox}}`` when
a named group of the pattern holds the part of the key that says which (no group text, or text not
listed: the environment is unknown, as for a format that does not say).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from keyaudit.model.vocabulary import ENVIRONMENTS
from keyaudit.rulebook.errors import RuleError

if TYPE_CHECKING:
    import regex


@dataclass(frozen=True)
class KeyEnvironment:
    """A rule's ``environment``: ``fixed``, or the environment ``values`` maps the text of the
    pattern's group ``group`` to (compared in lower case)."""

    fixed: str | None = None
    group: str | None = None
    values: tuple[tuple[str, str], ...] = ()

    def of(self, code: bytes | None) -> str | None:
        """The environment of a match whose ``group`` matched ``code`` (None: it did not take part)."""
        if self.fixed is not None:
            return self.fixed
        if code is None:
            return None
        text = code.decode("utf-8", "replace").lower()
        return next((environment for written, environment in self.values if written == text), None)


def parse_environment(raw: Any, path: str, rule_id: str,
                      pattern: "regex.Pattern[bytes] | None") -> KeyEnvironment | None:
    """A rule's ``environment`` field; ``pattern`` (when compiled) must have the group it names."""
    if raw is None:
        return None
    if isinstance(raw, str):
        if raw not in ENVIRONMENTS:
            raise RuleError(path, rule_id, f"'environment' is {raw!r}; expected one of {', '.join(ENVIRONMENTS)}")
        return KeyEnvironment(fixed=raw)
    values = raw.get("values") if isinstance(raw, dict) else None
    group = raw.get("group") if isinstance(raw, dict) else None
    if (not isinstance(group, str) or not isinstance(values, dict) or not values or set(raw) != {"group", "values"}
            or not all(isinstance(written, str) for written in values)):
        raise RuleError(path, rule_id, "'environment' must be one of "
                                       f"{', '.join(ENVIRONMENTS)}, or a mapping with 'group' and 'values'")
    wrong = sorted(str(value) for value in values.values() if value not in ENVIRONMENTS)
    if wrong:
        raise RuleError(path, rule_id, f"'environment.values' maps to {wrong[0]!r}; expected {', '.join(ENVIRONMENTS)}")
    if pattern is not None and group not in pattern.groupindex:
        raise RuleError(path, rule_id, f"'environment.group': the pattern has no group named {group!r}")
    return KeyEnvironment(group=group, values=tuple((written.lower(), value) for written, value in values.items()))
