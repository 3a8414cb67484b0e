"""The matcher interface: everything between a buffer of bytes and the rule hits in it.

Sources hand buffers in, the scanner turns hits into findings; an engine only has to say where
each rule's ``secret`` group matched. That is all a second engine has to implement.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Protocol

from keyaudit.rules import RuleSet


@dataclass(frozen=True)
class RawMatch:
    """A rule hit in a buffer: the whole match and the span of its ``secret`` group."""

    rule_index: int
    match_start: int
    match_end: int
    start: int
    end: int


class MatchTimeout(Exception):
    """A rule pattern ran past its time budget on one buffer (a pathological input)."""

    def __init__(self, rule_id: str) -> None:
        super().__init__(f"rule {rule_id!r} timed out on this input; the rest of it was still scanned")
        self.rule_id = rule_id


class Matcher(Protocol):
    """Finds rule hits in a buffer, in order of position."""

    name: str

    def matches(self, buffer: bytes) -> Iterator[RawMatch]:
        """Yield hits; raise :class:`MatchTimeout` after yielding what was found before it."""
        ...


ENGINES: tuple[str, ...] = ("auto", "hyperscan", "regex")


class EngineUnavailable(Exception):
    """The engine asked for by name cannot run here."""


def hyperscan_available() -> bool:
    try:
        import hyperscan  # noqa: F401
    except ImportError:
        return False
    return True


def create_matcher(rules: RuleSet, engine: str = "auto") -> Matcher:
    """The engine for this scan: Hyperscan where its wheel installed, else the regex engine."""
    if engine == "hyperscan" or (engine == "auto" and hyperscan_available()):
        if not hyperscan_available():
            raise EngineUnavailable("the hyperscan engine needs the 'hyperscan' package, which is not installed")
        from keyaudit.engine.hyperscan_engine import HyperscanMatcher

        return HyperscanMatcher(rules)
    from keyaudit.engine.regex_engine import RegexMatcher

    return RegexMatcher(rules)
