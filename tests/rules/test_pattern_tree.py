"""How long a rule pattern's matches can be, and whether (and how far into them) they can hold a
line break: what the
Hyperscan engine relies on to confirm a rule only on the lines just before where a match ended.
Checked against what the `regex` engine really matches."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from keyaudit.rulebook.loader import load_rules
from keyaudit.rulebook.pattern_tree import break_reach, max_width, parse, spans_lines

SHIPPED = load_rules()
BOUNDED = {  # pattern -> the most bytes a match can have
    r"a{2,5}": 5, r"(?:ab|c){3}": 6, r"[^\n]{0,40}?x": 41, r"(?=abc)d": 1, r"(?<=x{9})y": 1, r"é": 2,
    r"\xff": 1, r"a{2,4}+": 4, r"(?>ab|c)": 2, r"(?i)[a-f]{32}": 32, r"a{,3}": 3, r"\d\s\w": 3, r"(?:)": 0,
}
UNBOUNDED = [r"a+", r"a{3,}", r"a++", r"(?>ab+)", r"(a)\1", r"(?P<a>x)(?P=a)", r"\X", r"(a(?1)?b)", r"x*"]


@pytest.mark.parametrize("pattern", sorted(BOUNDED))
def test_the_longest_match_of_a_bounded_pattern_is_known(pattern: str) -> None:
    assert max_width(parse(pattern)) == BOUNDED[pattern]


@pytest.mark.parametrize("pattern", UNBOUNDED)
def test_repetitions_without_bound_and_backreferences_have_no_known_length(pattern: str) -> None:
    assert max_width(parse(pattern)) is None


@pytest.mark.parametrize(("pattern", "spans"), [(r"a\sb", True), (r"a[^\S\n]b", False), (r"a[^x]b", True),
                                                 (r"a.b", True), (r"a[ \t]b(?=\n)", False), (r"(?s)a.b", True),
                                                 (r"[^\n]{0,40}", False)])
def test_whether_a_match_can_hold_a_line_break(pattern: str, spans: bool) -> None:
    assert spans_lines(parse(pattern)) is spans
    if not spans:
        assert all(b"\n" not in m.group() for m in regex.finditer(pattern.encode(), b"a\nb a b a\tb " * 3))


@pytest.mark.parametrize(("pattern", "reach"), [
    (r"a[^\S\n]b", 0), (r"ab\s{1,3}c{5}", 5), (r"x(?:\s|y){2}z{9}", 3), (r"\s+z", None), (r"(?:a|\n)b{4}", 1),
    (r"(?i)(?<=\s)basic\s{1,8}[a-z]{20}(?![a-z])", 13)])
def test_how_far_into_a_match_a_line_break_can_be(pattern: str, reach: int | None) -> None:
    assert break_reach(parse(pattern)) == reach


_TEXT = st.lists(st.sampled_from(["authorization: ", "Basic ", "bearer", "api_token=", "aact_prod_000", "iugu",
                                  " ", "\n", "\t", "=", '"', ":", "a", "F", "9", "+", "/", "OjokYWFjaF"])
                 | st.text(alphabet="0123456789abcdefABCDEF+/=", min_size=1, max_size=80), max_size=60)


@settings(max_examples=200)
@given(_TEXT.map("".join))
def test_no_shipped_rule_matches_longer_than_its_bound_or_across_lines_when_it_cannot(text: str) -> None:
    data = text.encode()
    for rule in SHIPPED:
        tree = parse(rule.pattern_text)
        width, spans, breaks = max_width(tree), spans_lines(tree), break_reach(tree)
        for match in rule.pattern.finditer(data, overlapped=True):
            assert width is None or len(match.group()) <= width, rule.id
            assert spans or b"\n" not in match.group(), rule.id
            assert breaks is None or match.group().rfind(b"\n") < breaks, rule.id
