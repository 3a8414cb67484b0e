"""The portable engine: every keyword and marker in one Aho-Corasick pass, then each rule's
``regex`` pattern on the lines around its keywords.

Where Hyperscan has no wheel, this is what runs, and it must still keep up with a nightly job:
one automaton (Rust, SIMD-prefiltered) finds every keyword and marker literal in a single pass
over the lower-cased buffer, where fifty substring searches took twenty times as long. Rules
are then confirmed exactly as the Hyperscan engine confirms them, so both give the same hits.
"""

from __future__ import annotations

from ahocorasick_rs import BytesAhoCorasick

from keyaudit.engine import BufferScan, LiteralGroups, keyword_regions
from keyaudit.rules import RuleSet


class RegexMatcher:
    """Runs on any platform; the reference the faster engine must agree with."""

    name = "regex"

    def __init__(self, rules: RuleSet, literal_groups: LiteralGroups | None = None) -> None:
        self._rules = list(rules)
        keywords = sorted({keyword.lower().encode("utf-8") for rule in self._rules for keyword in rule.keywords})
        self._keyword_rules = [[index for index, rule in enumerate(self._rules)
                                if keyword in {k.lower().encode("utf-8") for k in rule.keywords}]
                               for keyword in keywords]
        # Markers are matched as written: found in the lower-cased pass, then checked in place.
        self._literals = [(group, literal) for group, literals in (literal_groups or {}).items()
                          for literal in literals]
        self._automaton = BytesAhoCorasick(keywords + [literal.lower() for _, literal in self._literals])

    def scan(self, buffer: bytes, known_groups: set[str]) -> BufferScan:
        anchors: dict[int, list[int]] = {}  # rule index -> where its keywords end
        groups: set[str] = set()
        keyword_count = len(self._keyword_rules)
        for needle, start, end in self._automaton.find_matches_as_indexes(buffer.lower(), overlapping=True):
            if needle < keyword_count:
                for index in self._keyword_rules[needle]:
                    anchors.setdefault(index, []).append(end)
            else:
                group, literal = self._literals[needle - keyword_count]
                if group not in known_groups and buffer[start:end] == literal:
                    groups.add(group)
        result = BufferScan([], groups)
        for index in sorted(anchors):
            for start, stop in keyword_regions(buffer, anchors[index]):
                result.confirm(index, self._rules[index], buffer, start, stop)
        return result.in_order()
