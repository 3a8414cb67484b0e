"""A context pattern searched once per buffer answers every hit's span as a search of that hit's
window would: the shipped rules' context patterns (and patterns that read past a span's ends: anchors,
word boundaries, lookarounds, and of unknown reach: answered by the pieces they need, or within a
line) over windows of a text, at spans that start and end anywhere, from
the text's very start to its very end."""

from __future__ import annotations

import random
import time

import pytest
import regex

from keyaudit.engine.span_search import LINE_TRY_BYTES, SHORT_SPAN, SpanSearch, first_match
from keyaudit.rulebook.loader import load_rules
from keyaudit.rulebook.pattern_factors import Factors, factors, starts_lines
from keyaudit.rulebook.pattern_tree import line_locality, locality

WINDOW = 4096  # each side of a hit, as the context judge reads it
EDGY = [rb"(?m)^COPY [^\n]{0,40}\bFROM stdin", rb"(?i)(?<![a-z0-9_])(?:brand|last_?4)(?![a-z0-9_])",
        rb"^iugu", rb"iugu$", rb"(?m)iugu,\S{0,8}$", rb"\biugu\b", rb"(?<=,)iugu(?=,)", rb"\Aiugu|iugu\Z",
        rb"(?i)invoice|fatura|charge", rb"(?<!x)(?=[0-9a-f]{4})[0-9a-f]", rb"a+b", rb"(\w)\1",
        # of unknown reach: answered by their factors (a \G conjunction outright), or within a line
        rb"(?i)\G(?=[\s\S]*?/v1/charge\b)(?=[\s\S]*?(?<![\w.-])token(?![\w.-]))", rb"(?is)\G(?=.*?brand)(?!.*?last4)",
        rb"(?m)^([ \t]*)iugu:[ \t]*\n(?:\1[ \t][^\n]{0,40}\n){0,3}?\1[ \t]+token:", rb"(?m)^[ \t]*iugu[^\n]*$",
        rb"(?i)(?<![\w-])(?:[\w-]+\.)?iugu\.com(?![\w.-])", rb"[^\n]*,iugu", rb"\Giugu", rb"\G(?=[\s\S]*?x)a"]
PIECES = [b"iugu", b"iugu,", b",", b"\n", b"\n\n", b" ", b"COPY t (a) FROM stdin;", b"brand", b"last4", b"x",
          b"invoice", b"A983326569F894D88C84A7DE1BE72AE9", b"api.iugu.com", b"token", b"aab", b"ss", b"[prod]",
          b"loja-norte", b"\t", b"{", b"}", b"\"gateway\":\"iugu\"", b"POST /v1/charge ", b"iugu:\n", b"  token: ",
          b"\"notifier\": {", b"\"token\"", b"payment_methods", b"stripe:\n  "]


def _context_patterns() -> list[bytes]:
    pieces = {piece.pattern_for("token").pattern if piece.flows else piece.pattern_text.encode("utf-8")
              for rule in load_rules() if rule.context for piece in rule.context.pieces if piece.pattern_text}
    return sorted(pieces)


def _text(rng: random.Random, size: int) -> bytes:
    out: list[bytes] = []
    while sum(map(len, out)) < size:
        out.append(rng.choice(PIECES) if rng.random() < 0.6 else bytes(rng.choice(b"abcdef0123,; \n") for _ in
                                                                         range(rng.randint(1, 30))))
    return b"".join(out)[:size]


@pytest.mark.parametrize("seed", range(2))
def test_a_span_is_answered_as_a_search_of_its_window_would(seed: int) -> None:
    rng = random.Random(seed)
    whole = _text(rng, 40_000)
    patterns = [regex.compile(text) for text in [*EDGY, *_context_patterns()]]
    checked = 0
    for pattern in patterns:
        search = SpanSearch(whole)
        hit = 0
        for _ in range(16):  # hits on through the text, far and near (a dense log's), and back to either end
            steps = [rng.randint(0, 6000), rng.randint(0, 300), rng.randint(0, 300)]
            hit = min(len(whole), rng.choice([rng.randint(0, 200), *(hit + step for step in steps),
                                              len(whole) - rng.randint(0, 200)]))
            origin = max(0, hit - WINDOW)
            window = whole[origin : hit + WINDOW]
            start = rng.choice([0, rng.randint(0, len(window)), rng.randint(0, 50)])
            end = rng.choice([len(window), rng.randint(start, len(window)), min(len(window), start + SHORT_SPAN + 9)])
            expected = pattern.search(window, start, end)
            found = search.first(pattern, window, origin, start, end, timeout=60.0)
            assert found == (None if expected is None else expected.start()), (pattern.pattern[:80], start, end)
            checked += end - start > SHORT_SPAN
    assert checked > len(patterns) * 3  # most spans were long enough to be answered from the buffer


def test_what_a_match_reads_around_it() -> None:
    assert locality(r"(?i)invoice|fatura") == (0, 7)
    assert locality(r"(?<![a-z])brand(?!\w)") == (1, 6)
    assert locality(r"^COPY [^\n]{0,400}\bFROM stdin") == (2, 417)
    # unbounded or unknown: a repetition without end, a backreference, a recursion, \G, fuzzy matching
    for pattern in (r"a+", r"(a)\1", r"(?R)", r"x\Gy", r"(?:ab){e<=1}", r"(?r)ab", r"(?<=a.*)b", r"(?:iugu){i}",
                    r"(?:ab){2i+1d}"):
        assert locality(pattern) is None, pattern
    # verbose mode for the whole pattern is followed; a group's own is not (its blanks outside matched as written)
    assert locality(r"(?x) a  b  # two") == (0, 2)
    assert (locality(r"(?x:a)          b"), locality(r"(?-x:a b)")) == (None, None)
    assert locality(r"\p{Lu}{2}") == (0, 2)  # a property in braces is no fuzzy count


@pytest.mark.parametrize("text", [rb"(?<=iugu)\Z", rb"$", rb"\s*$", rb"(?m)(?<=iugu)$"])
def test_an_empty_match_at_the_texts_very_end_is_found(text: bytes) -> None:
    # a span answered from the buffer that ends where the buffer does: its end is a position a match can start at
    whole = b"gateway: pagar.me\n" * 400 + b"gateway: iugu"
    pattern, search = regex.compile(text), SpanSearch(whole)
    for hit in (len(whole) - 3000, len(whole) - 2900):  # two hits near each other: the second asks the buffer
        origin = max(0, hit - WINDOW)
        window = whole[origin : hit + WINDOW]
        expected = pattern.search(window, 0, len(window))
        assert search.first(pattern, window, origin, 0, len(window), timeout=60.0) == expected.start()


def test_what_a_pattern_of_unknown_reach_needs() -> None:
    # "the span holds A and B (and not C)": decided by the pieces alone
    both = factors(r"(?i)\G(?=[\s\S]*?(?:/v1/charge|set_as_default))(?=[\s\S]*?\btoken\b)(?!.*?iugu)")
    # a dot that takes no line break is no "anything": the pieces it needs are still needed, not enough
    assert both == Factors(("(?i)(?:/v1/charge|set_as_default)", r"(?i)\btoken\b"))
    both = factors(r"(?is)\G(?=[\s\S]*?(?:/v1/charge|set_as_default))(?=.*?\btoken\b)(?!.*?iugu)")
    assert both == Factors(("(?is)(?:/v1/charge|set_as_default)", r"(?is)\btoken\b"), ("(?is)iugu",), exact=True)
    # otherwise the runs of known reach (or within a line) it cannot match without, the longest first
    block = factors(r"(?m)^([ \t]*)stripe:[ \t]*\n(?:\1[ \t][^\n]*\n){0,20}?\1[ \t]+token:")
    assert block == Factors((r"(?m)^([ \t]*)stripe:[ \t]*", r"(?m)[ \t]+token:", r"(?m)\n"))
    assert factors(r"(?i)(?<![\w-])(?:[\w\s-]+\.)?asaas\.com") == Factors((r"(?i)asaas\.com",))
    # none: alternatives, a pattern whose every piece is unbounded, flags set later in it, verbose mode
    for pattern in (r"a+|b+", r"[\s\S]*", r"a+(?i)b", r"(?x)a+ b"):
        assert factors(pattern) is None, pattern


def test_what_a_match_within_a_line_reads_around_it() -> None:
    assert line_locality(r"(?m)^[ \t]*iugu[^\n]*$") == 2
    assert line_locality(r"a+b") == 0
    for pattern in (r"a\s+b", r"(a)\1", r"[^,]*iugu", r"(?<=a.*)b", r"(?s).*"):
        assert line_locality(pattern) is None, pattern


LINE_STARTS = [rb"(?m)^a", rb"(?m)^$", rb"(?m)^[ \t]*", rb"(?im)^x(?=\n)", rb"(?m)^(?<=\n)x|^ b", rb"(?m)(?:^a|^\tb)",
               rb"(?m)^[ \t]*(?:#(?![!{])|//|--[ \t])|^[ \t]+\*(?:[ \t]|$)", rb"(?ms)^iugu:.*?token"]


def test_which_patterns_match_only_where_lines_start() -> None:
    assert all(starts_lines(pattern.decode()) for pattern in LINE_STARTS)
    # not multi-line, an alternative or a repetition that need not start one, \G (where the search starts), w mode
    for pattern in [r"^a", r"(?m)^a|b", r"(?m)^?a", r"(?m)a^", r"(?m)[^a]", r"(?m)^\Ga", r"(?mw)^a", r"(?m)^a|"]:
        assert not starts_lines(pattern), pattern


@pytest.mark.parametrize("seed", range(2))
def test_a_pattern_that_starts_lines_is_found_as_a_search_finds_it(seed: int) -> None:
    """Tried at line starts only (on lines long enough to be worth it), the first match is a search's, at spans
    that start and end anywhere: within a line, at its start, on a line break, at the text's ends."""
    rng = random.Random(seed)
    pieces = [b"a", b"x", b"\n", b" ", b"#", b"\t", b"\r", b" b", b"iugu:", b"  token: ", b"\xc3\xa9", b"//", b"*"]
    patterns = [regex.compile(text) for text in
                [*LINE_STARTS, *(text for text in _context_patterns() if starts_lines(text.decode()))]]
    tried = 0
    for pattern in patterns:
        for _ in range(400):
            text = b"".join(rng.choice(pieces) for _ in range(rng.randrange(0, 200)))
            if rng.random() < 0.7:  # lines longer than a try's worth of search
                text = text.replace(b"\n", b"y" * LINE_TRY_BYTES + b"\n")
            start = rng.choice([0, rng.randrange(len(text) + 1), text.find(b"\n") + 1])
            end = rng.choice([len(text), rng.randrange(start, len(text) + 1)])
            expected = pattern.search(text, start, end)
            assert first_match(pattern, text, start, end, 60.0) == (None if expected is None else expected.start())
            tried += text.count(b"\n", start, end) * LINE_TRY_BYTES <= end - start
    assert tried > len(patterns) * 100


def test_a_pattern_that_starts_lines_is_not_tried_along_a_line_of_megabytes() -> None:
    """A YAML block's name asked around each key of a long line (escaped JSON of many members): the ``regex`` module
    tried every position of the span, searched for each key (1.6 CPU seconds for this span of 30 MB); the line's one
    start is tried instead."""
    pattern = next(regex.compile(text) for text in _context_patterns()
                   if starts_lines(text.decode()) and b"stripe" in text)
    line = b'{"customers": [' + b'{"note": "x", "api_token": "0123456789abcdef0123456789abcdef"}, ' * 500_000
    began = time.thread_time()
    assert SpanSearch(line).first(pattern, line, 0, 20, len(line), timeout=60.0) is None
    assert first_match(pattern, b"stripe:\n" + line, 0, len(line), timeout=60.0) is None
    spent = time.thread_time() - began
    assert spent < 0.1, f"{spent:.2f} CPU seconds"
