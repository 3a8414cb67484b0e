"""The portable engine: every keyword and marker found in one pass, then each rule's ``regex``
pattern on the lines around its keywords.

This is what runs where Hyperscan has no wheel. Keywords and markers are found together over the
lower-cased buffer: by an Aho-Corasick automaton (``ahocorasick-rs``, Rust, ~600 MB/s) when the
``fast-regex`` extra is installed, else by one substring search per literal (standard library,
any platform, a tenth of the speed). Rules are then confirmed exactly as the Hyperscan engine
confirms them, so both engines give the same hits.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from keyaudit.engine.budget import RuleBudget
from keyaudit.engine.encodings import decode_anchors
from keyaudit.engine.hex_rows import ROW_STARTS, starts_row_at
from keyaudit.engine.matcher import NO_GATES, BufferHits, CarriedGates, keyword_reach, keyword_regions, rule_gates
from keyaudit.rulebook.anchor_checks import checks_for
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

    def __init__(self, rules: RuleSet, search: Callable[[list[bytes]], Occurrences] = best_search,
                 budget: RuleBudget | None = None) -> None:
        self._rules = list(rules)
        self.budget = budget or RuleBudget()
        self.gates = rule_gates(self._rules)
        rules_by_keyword: dict[bytes, list[int]] = {}
        for index, rule in enumerate(self._rules):
            for keyword in sorted({k.lower().encode("utf-8") for k in rule.keywords}):
                rules_by_keyword.setdefault(keyword, []).append(index)
        keywords = sorted(rules_by_keyword)
        self._keyword_rules = [rules_by_keyword[keyword] for keyword in keywords]
        # Request markers and anchors are matched as written: found in the lower-cased pass, then
        # checked in place.
        self._markers = [marker.encode("utf-8") for marker in rules.request_markers]
        self._literals = self._markers + [anchor.encode("utf-8") for anchor in (*rules.request_anchors,
                                                                               *rules.record_anchors)]
        self._first_record_anchor = len(self._markers) + len(rules.request_anchors)
        # Then the decoding layers' literals: base64 forms are case-sensitive, checked in place too.
        self.decode_anchors = decode_anchors(rules)
        self._first_decode = len(self._literals)
        self._literals += self.decode_anchors.literals
        self._patterns = [(index, re.compile(anchor.search or anchor.literal))
                         for index, anchor in self.decode_anchors.patterns]
        self._search = search(keywords + [literal.lower() for literal in self._literals])
        # The pattern each anchor must match where it occurs to count, if any (a header's name, not a word).
        anchors = self._literals[len(self._markers):self._first_decode]
        self._checks: list[re.Pattern[bytes] | None] = [None] * len(self._literals)
        self._checks[len(self._markers):self._first_decode] = checks_for(anchors, rules.request_anchor_checks)

    def _found_at(self, buffer: bytes, start: int, end: int, literal: int) -> bool:
        """Whether literal ``literal`` is written at ``buffer[start:end]`` (found in the lower-cased
        pass), a hex dump's row start only where no word or number ends before it, a checked anchor only
        where its check's pattern matches."""
        written, check = self._literals[literal], self._checks[literal]
        return buffer[start:end] == written and (written not in ROW_STARTS or starts_row_at(buffer, start)) and (
            check is None or check.match(buffer, start) is not None)

    def match(self, buffer: bytes, want_markers: bool, carried: CarriedGates = NO_GATES) -> BufferHits:
        keyword_ends: dict[int, list[int]] = {}  # rule index -> where its keywords end
        result = BufferHits([], self.budget, carried=carried)
        keyword_count, first_anchor = len(self._keyword_rules), len(self._keyword_rules) + len(self._markers)
        for needle, start, end in self._search(buffer.lower()):
            if needle < keyword_count:
                for index in self._keyword_rules[needle]:
                    keyword_ends.setdefault(index, []).append(end)
            elif needle >= first_anchor:
                literal = needle - keyword_count
                if not self._found_at(buffer, start, end, literal):
                    continue
                if literal >= self._first_decode:
                    result.decode_anchors.append((start, literal - self._first_decode))
                else:
                    (result.anchors if literal < self._first_record_anchor else result.record_anchors).append(start)
            elif want_markers and not result.markers_seen:
                result.markers_seen = self._found_at(buffer, start, end, needle - keyword_count)
        for index, pattern in self._patterns:
            result.decode_anchors.extend((found.start(), index) for found in pattern.finditer(buffer))
        result.anchors.sort()
        result.record_anchors.sort()
        result.decode_anchors.sort()
        for index in sorted(keyword_ends):
            for start, stop in keyword_regions(buffer, keyword_ends[index], keyword_reach(self._rules[index])):
                result.confirm(index, self._rules[index], buffer, start, stop)
        return result.in_order(buffer)
