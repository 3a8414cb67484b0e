"""The portable engine: every keyword and marker found in one pass, then each rule's ``regex``
pattern on the lines around its keywords.

This is what runs where Hyperscan has no wheel. Keywords and markers are found together over the
lower-cased buffer: by an Aho-Corasick automaton (``ahocorasick-rs``, Rust, ~600 MB/s) when the
``fast-regex`` extra is installed, else by one substring search per literal (standard library,
any platform, a tenth of the speed). Rules are then confirmed exactly as the Hyperscan engine
confirms them, so both engines give the same hits.
"""

from __future__ import annotations

from typing import Callable, Iterable

from keyaudit.engine.budget import RuleBudget
from keyaudit.engine.matcher import BufferHits, LiteralGroups, keyword_regions
from keyaudit.rulebook.rules import RuleSet

Occurrences = Callable[[bytes], Iterable[tuple[int, int, int]]]  # haystack -> (needle index, start, end)


def substring_search(needles: list[bytes]) -> Occurrences:
    """Every occurrence of every needle, one ``bytes.find`` sweep per needle: runs anywhere."""

    def occurrences(haystack: bytes) -> Iterable[tuple[int, int, int]]:
        for index, needle in enumerate(needles):
            start = haystack.find(needle)
            while start >= 0:
                yield index, start, start + len(needle)
                start = haystack.find(needle, start + 1)

    return occurrences


def automaton_search(needles: list[bytes]) -> Occurrences:
    """Every occurrence of every needle in one pass of an Aho-Corasick automaton."""
    from ahocorasick_rs import BytesAhoCorasick

    automaton = BytesAhoCorasick(needles)
    return lambda haystack: automaton.find_matches_as_indexes(haystack, overlapping=True)


def best_search(needles: list[bytes]) -> Occurrences:
    """The automaton where its package is installed, else the portable search."""
    try:
        return automaton_search(needles)
    except ImportError:
        return substring_search(needles)


class RegexMatcher:
    """Runs on any platform; the reference the faster engine must agree with."""

    name = "regex"

    def __init__(self, rules: RuleSet, literal_groups: LiteralGroups | None = None,
                 search: Callable[[list[bytes]], Occurrences] = best_search, budget: RuleBudget | None = None) -> None:
        self._rules = list(rules)
        self.budget = budget or RuleBudget()
        rules_by_keyword: dict[bytes, list[int]] = {}
        for index, rule in enumerate(self._rules):
            for keyword in sorted({k.lower().encode("utf-8") for k in rule.keywords}):
                rules_by_keyword.setdefault(keyword, []).append(index)
        keywords = sorted(rules_by_keyword)
        self._keyword_rules = [rules_by_keyword[keyword] for keyword in keywords]
        # Markers are matched as written: found in the lower-cased pass, then checked in place.
        self._literals = [(group, literal) for group, literals in (literal_groups or {}).items()
                          for literal in literals]
        self._search = search(keywords + [literal.lower() for _, literal in self._literals])

    def match(self, buffer: bytes, known_groups: set[str]) -> BufferHits:
        anchors: dict[int, list[int]] = {}  # rule index -> where its keywords end
        groups: set[str] = set()
        keyword_count = len(self._keyword_rules)
        for needle, start, end in self._search(buffer.lower()):
            if needle < keyword_count:
                for index in self._keyword_rules[needle]:
                    anchors.setdefault(index, []).append(end)
            else:
                group, literal = self._literals[needle - keyword_count]
                if group not in known_groups and buffer[start:end] == literal:
                    groups.add(group)
        result = BufferHits([], groups, self.budget)
        for index in sorted(anchors):
            for start, stop in keyword_regions(buffer, anchors[index]):
                result.confirm(index, self._rules[index], buffer, start, stop)
        return result.in_order()
