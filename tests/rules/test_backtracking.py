"""``rules test`` warns about repetitions that can backtrack exponentially, and only those: the
constructs of issue 13 are named, the repetitions real rules are made of are not, and the shipped
rules stay warning-free."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from helpers.running import cli
from keyaudit.rulebook.backtracking import nested_quantifiers

AMBIGUOUS = {  # pattern -> the construct named
    r"(a+)+": "(a+)+", r"(a*)*": "(a*)*", r"(a|a)*": "(a|a)*", r"(\w+\s?)+": r"(\w+\s?)+",
    r"key=(?P<secret>(a+)+$)": "(a+)+", r"(a|aa)+$": "(a|aa)+", r"((a+)+)+": "(a+)+",
    r"(?:\d+)*x": r"(?:\d+)*", r"(.+,)+": "(.+,)+", r"(a+){40}": "(a+){40}", r"(?i)(a|A)+": "(a|A)+",
    r"(?:[\x41-\x5a]|A)+": r"(?:[\x41-\x5a]|A)+", r"(?P<x>a+)+": "(?P<x>a+)+", r"(?:a|b|ab)+": "(?:a|b|ab)+",
    r"(?:[^\u0100-\uffff]|\u00e9)+": r"(?:[^\u0100-\uffff]|\u00e9)+", "(?x) ( a + ) + # note": "( a + ) +",
}
UNAMBIGUOUS = [r"(?:[a-z]+\.)+[a-z]+", r"(?:[a-z0-9-]+\.)+", r"a+b+c+", r"(?>a+)+", r"(a++)+", r"[0-9a-f]{64}",
               r'(?:\\.|[^"\\])*', r"(?:ab)+", r"(a|b)+", r"(a?)*", r"(?=(a+)+)b", r"\s*\w*\s*", r"[\x00-\x1f]+",
               r"(?i)(?:a|B)+", r"(?:[ \t]+[^ \t\r\n][^\n]*\n|[ \t]*\r?\n){0,8}?"]


@pytest.mark.parametrize("pattern", sorted(AMBIGUOUS))
def test_repetitions_that_match_one_text_two_ways_are_named(pattern: str) -> None:
    regex.compile(pattern)  # each is a pattern the engine accepts
    assert nested_quantifiers(pattern) == [AMBIGUOUS[pattern]]


@pytest.mark.parametrize("pattern", UNAMBIGUOUS)
def test_repetitions_told_apart_by_what_follows_are_not(pattern: str) -> None:
    regex.compile(pattern)
    assert nested_quantifiers(pattern) == []


def test_an_ambiguous_repetition_really_backtracks() -> None:
    """What the warning is about: a named construct takes time exponential in the input."""
    crafted = b"a" * 5000 + b"!"
    with pytest.raises(TimeoutError):
        regex.compile(rb"(\w+\s?)+$").search(crafted, timeout=0.5)
    assert regex.compile(rb"(?:[a-z]+\.)+$").search(crafted, timeout=0.5) is None


USER_RULES = """\
rules:
  - id: nested-pattern
    title: Nested
    provider: acme
    category: access-token
    severity: high
    keywords: [acme_]
    pattern: 'acme_(?P<secret>(\\w+\\s?)+)$'
    examples: ['acme_abc']
  - id: nested-context
    title: Nested context
    provider: acme
    category: access-token
    severity: high
    keywords: [acme-]
    pattern: 'acme-(?P<secret>[0-9]{6})'
    context: {pattern: '(a|a)*z'}
    examples: ['acme-123456 az']
  - id: plain
    title: Plain
    provider: acme
    category: access-token
    severity: high
    keywords: [acme.]
    pattern: 'acme\\.(?P<secret>(?:[a-z]+\\.)+[a-z]+)'
    examples: ['acme.abc.def']
"""


NESTED = r"(\w+\s?)+"


def test_rules_test_warns_naming_file_rule_and_construct(tmp_path: Path) -> None:
    pack = tmp_path / "acme.yaml"
    pack.write_text(USER_RULES)
    run = cli("rules", "test", str(pack))
    warnings = [line for line in run.stdout.splitlines() if line.startswith("WARN") and "nested quantifier" in line]
    assert run.exit_code == 0, run.stdout
    advice = ("it can backtrack exponentially on crafted text, where a scan then stops the rule (rule_time); "
              "make each repetition match its text one way only, or atomic (?>…)")
    assert warnings == [
        f"WARN {pack}: rule 'nested-pattern': pattern has a nested quantifier, {NESTED}: {advice}",
        f"WARN {pack}: rule 'nested-context': context.pattern has a nested quantifier, (a|a)*: {advice}",
    ]


def test_the_shipped_rules_are_warning_free() -> None:
    run = cli("rules", "test")
    assert run.exit_code == 0 and "WARN" not in run.stdout, run.stdout


def test_a_scan_with_such_a_user_rule_warns_once_and_scans(tmp_path: Path) -> None:
    pack = tmp_path / "acme.yaml"
    pack.write_text(USER_RULES)
    (tmp_path / "app.log").write_text("acme.abc.def\n")
    run = cli("scan", "--rules", str(pack), "--format", "json", str(tmp_path / "app.log"))
    warnings = [line for line in run.stderr.splitlines() if "nested quantifier" in line]
    assert run.exit_code == 1 and len(warnings) == 2, run.stderr
    assert warnings[0].startswith(f"keyaudit: warning: {pack}: rule 'nested-pattern': pattern has a nested quantifier")
