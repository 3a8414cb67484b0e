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


SMALL_SCAN_BYTES = 1 << 20  # a scan reading no more: a pre-commit hook's staged files, a few named files


def create_matcher(rules: RuleSet, engine: str = "auto", budget: RuleBudget | None = None,
                   small: bool = False) -> Matcher:
    """The engine for this scan: Hyperscan where its wheel installed, else the regex engine.

    Both find the rules' request anchors and markers in the same pass as the rules' keywords.
    ``budget`` bounds the time of rule patterns (a default one when not given). A ``small`` scan
    (at most :data:`SMALL_SCAN_BYTES` to read) on ``auto`` takes Hyperscan only when its databases
    for these rules are cached: compiling them costs some 5 CPU seconds, where the regex engine
    spends less than one on a megabyte of code or logs (a pre-commit hook on a fresh CI runner
    compiled them on every run).
    """
    if engine == "hyperscan" or (engine == "auto" and hyperscan_available()):
        if not hyperscan_available():
            raise EngineUnavailable("the hyperscan engine needs the 'hyperscan' package, which is not installed")
        from keyaudit.engine.hyperscan_databases import NotCached
        from keyaudit.engine.hyperscan_engine import HyperscanMatcher

        try:
            return HyperscanMatcher(rules, budget, cached_only=small and engine == "auto")
        except NotCached:
            pass
    from keyaudit.engine.regex_engine import RegexMatcher

    return RegexMatcher(rules, budget=budget)
