"""Keyword prefilter: decide which rules are worth running on a buffer at all.

Most log data holds none of the keywords, and a substring search over a lower-cased buffer runs
at memory speed, so checking keywords first keeps regex work proportional to suspicious data.
"""

from __future__ import annotations

from keyaudit.rules import RuleSet


class KeywordPrefilter:
    """Maps each distinct keyword to the rules that need it."""

    def __init__(self, rules: RuleSet) -> None:
        self._rules_by_keyword: dict[bytes, list[int]] = {}
        for index, rule in enumerate(rules):
            for keyword in rule.keywords:
                self._rules_by_keyword.setdefault(keyword.encode("utf-8"), []).append(index)

    def candidates(self, buffer: bytes) -> list[int]:
        """Indices of the rules with at least one keyword in ``buffer`` (case-insensitive)."""
        lowered = buffer.lower()
        hit: set[int] = set()
        for keyword, indices in self._rules_by_keyword.items():
            if keyword in lowered:
                hit.update(indices)
        return sorted(hit)
