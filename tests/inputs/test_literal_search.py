"""The search the line readers ask of every line (a dump's gates, the labels' needles) finds a literal of its set
exactly where the line holds one: written as a tree of shared prefixes, it must answer as the plain test does,
literals that begin others, regular expressions' characters and the shipped tables' own sets included."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from keyaudit.inputs.captures.dump_table import any_gate, gates
from keyaudit.inputs.captures.label_patterns import indexed
from keyaudit.inputs.captures.literal_search import any_literal

# characters that make literals share prefixes, begin one another, and need escaping in a pattern
ALPHABET = "ab .*()[]{}|\\?+^$:/-"
LITERALS = st.lists(st.text(ALPHABET, min_size=1, max_size=5), min_size=1, max_size=12)


@settings(max_examples=500, deadline=None)
@given(LITERALS, st.lists(st.text(ALPHABET, max_size=30), min_size=1, max_size=8))
def test_found_exactly_where_a_literal_is_held(literals: list[str], texts: list[str]) -> None:
    search = any_literal(literals).search
    for text in [*texts, *literals, "".join(literals)]:
        assert (search(text) is not None) == any(literal in text for literal in literals), (literals, text)


def test_a_literal_that_begins_another_is_found_alone() -> None:
    search = any_literal(["HTTP/", "HTTP", " http", "://"]).search
    assert search("GET /x HTTP") is not None  # the shorter, where the longer is not held
    assert search("GET /x HTTP/1.1") is not None
    assert search("GET /x HTT") is None
    assert search("see ftp:/x") is None


def test_the_shipped_sets_answer_as_the_plain_test_on_request_lines() -> None:
    lines = ["2026-11-22 10:12:51.049 DEBUG 1 --- [nio-8080-exec-7] c.e.p.IuguClient : ---> GET "
             "https://api.asaas.com/v3/customers HTTP/1.1", "Request: POST /v1/transfers", "> Host: api.iugu.com",
             '{"method": "POST", "url": "https://api.iugu.com/v1/transfer_requests"}', "plain words, no request",
             "Start processing HTTP request POST https://api.iugu.com/v1/x", "│ URL: https://a/b", ""]
    gate_literals = {gate for gate, _ in gates()}
    needles = {label.needle for label, _ in indexed()[1]}
    for line in lines:
        assert (any_gate()(line) is not None) == any(gate in line for gate in gate_literals), line
        assert (indexed()[0].search(line) is not None) == any(needle in line for needle in needles), line
