"""The portable engine: keyword prefilter, then each candidate rule's ``regex`` pattern."""

from __future__ import annotations

from typing import Iterator

from keyaudit.engine import MatchTimeout, RawMatch
from keyaudit.engine.prefilter import KeywordPrefilter
from keyaudit.rules import RuleSet

PATTERN_TIMEOUT_SECONDS = 10.0


class RegexMatcher:
    """Runs on any platform; the reference the faster engine must agree with."""

    name = "regex"

    def __init__(self, rules: RuleSet) -> None:
        self._rules = list(rules)
        self._prefilter = KeywordPrefilter(rules)

    def matches(self, buffer: bytes) -> Iterator[RawMatch]:
        hits: list[RawMatch] = []
        timed_out: str | None = None
        for index in self._prefilter.candidates(buffer):
            rule = self._rules[index]
            try:
                for match in rule.pattern.finditer(buffer, timeout=PATTERN_TIMEOUT_SECONDS):
                    start, end = match.span("secret")
                    if start < 0:
                        continue
                    hits.append(RawMatch(index, match.start(), match.end(), start, end))
            except TimeoutError:
                timed_out = timed_out or rule.id
        hits.sort(key=lambda hit: (hit.start, hit.rule_index))
        yield from hits
        if timed_out:
            raise MatchTimeout(timed_out)
