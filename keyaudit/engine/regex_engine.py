"""The portable engine: keyword prefilter, then each candidate rule's ``regex`` pattern."""

from __future__ import annotations

from keyaudit.engine import BufferScan, LiteralGroups
from keyaudit.engine.prefilter import KeywordPrefilter
from keyaudit.rules import RuleSet


class RegexMatcher:
    """Runs on any platform; the reference the faster engine must agree with."""

    name = "regex"

    def __init__(self, rules: RuleSet, literal_groups: LiteralGroups | None = None) -> None:
        self._rules = list(rules)
        self._prefilter = KeywordPrefilter(rules)
        self._groups = dict(literal_groups or {})

    def scan(self, buffer: bytes, known_groups: set[str]) -> BufferScan:
        result = BufferScan([], {group for group, literals in self._groups.items()
                                 if group not in known_groups and any(literal in buffer for literal in literals)})
        for index in self._prefilter.candidates(buffer):
            result.confirm(index, self._rules[index], buffer)
        return result.in_order()
