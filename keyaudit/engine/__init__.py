"""The engines: which one runs here, built for a scan's rules.

Hyperscan where its wheel installed, else the portable regex engine; both implement
:class:`~keyaudit.engine.matcher.Matcher` and give the same hits.
"""

from __future__ import annotations

from keyaudit.engine.budget import RuleBudget
from keyaudit.engine.matcher import Matcher
from keyaudit.rulebook.rules import RuleSet

ENGINES: tuple[str, ...] = ("auto", "hyperscan", "regex")


class EngineUnavailable(Exception):
    """The engine asked for by name cannot run here."""


def hyperscan_available() -> bool:
    try:
        import hyperscan  # noqa: F401
    except ImportError:
        return False
    return True


def create_matcher(rules: RuleSet, engine: str = "auto", budget: RuleBudget | None = None) -> Matcher:
    """The engine for this scan: Hyperscan where its wheel installed, else the regex engine.

    Both find the rules' request anchors and markers in the same pass as the rules' keywords.
    ``budget`` bounds the time of rule patterns (a default one when not given).
    """
    if engine == "hyperscan" or (engine == "auto" and hyperscan_available()):
        if not hyperscan_available():
            raise EngineUnavailable("the hyperscan engine needs the 'hyperscan' package, which is not installed")
        from keyaudit.engine.hyperscan_engine import HyperscanMatcher

        return HyperscanMatcher(rules, budget)
    from keyaudit.engine.regex_engine import RegexMatcher

    return RegexMatcher(rules, budget=budget)
