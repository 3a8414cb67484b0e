"""Both engines give the same findings: on the real corpus, on planted keys, on generated text."""

from __future__ import annotations

import base64
import functools
import io
import json
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.running import cli, run_scan
from helpers.credentials import asaas_key, basic, iugu_token
from helpers.data import CORPUS
from helpers.packs import ACME_PACK
from helpers.engines import BOTH_ENGINES, needs_hyperscan
from keyaudit.engine.detect import SecretDetector
from keyaudit.engine import create_matcher
from keyaudit.engine.matcher import Matcher
from keyaudit.engine.regex_engine import RegexMatcher, automaton_search, substring_search
from keyaudit.rulebook.loader import load_rules

RULES = load_rules()
ENGINE_NAMES = ("regex", "hyperscan")
PORTABLE = RegexMatcher(RULES, search=substring_search)  # the regex engine without ahocorasick-rs


@functools.cache
def engines() -> dict[str, Matcher]:
    """Both engines, built once (only by tests that run where Hyperscan is installed)."""
    return {name: create_matcher(RULES, name) for name in ENGINE_NAMES}


def report_key(result) -> list[tuple]:
    return [(f.rule_id, f.location.path, f.location.line, f.location.column, f.location.end_column,
             f.location.pointer, f.fingerprint) for f in result.findings]


@needs_hyperscan
def test_the_engines_are_the_ones_asked_for() -> None:
    assert [matcher.name for matcher in engines().values()] == ["regex", "hyperscan"]


@needs_hyperscan
def test_same_findings_on_the_corpus_and_planted_keys(tmp_path) -> None:
    planted = tmp_path / "planted.log"
    planted.write_text("\n".join([
        f"GET /v1/x?api_token={iugu_token()} HTTP/1.1", f"access_token: {asaas_key()}",
        f"Authorization: Basic {basic(iugu_token('upper'))}", "url=http://api.iugu.com/v1",
        f"ASAAS_URL=https://api.asaas.com/v3 KEY={asaas_key('hmlg')}", f"Iugu.api_key = \"{iugu_token()}\"",
    ]) + "\n")
    results = {name: run_scan(str(CORPUS), str(planted), engine=name) for name in ENGINE_NAMES}
    assert report_key(results["regex"]) == report_key(results["hyperscan"])
    assert len(results["regex"].findings) == 7
    assert {r.engine for r in results.values()} == {"regex", "hyperscan"}


_pieces = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["api_token=", "Authorization: Basic ", "http://api.iugu.com/", "aact_", "$aact_prod_000",
                     "iugu_token: ", "\n", " ", '"', "OjokYWFjaF", "live_token=", "curl -u ",
                     # what the decoding layers anchor on and decode
                     "%2524", "%25", "&quot;", "&#36;", "\x1b[1m", "\\x24", '\\\\\\"', "YWFjdF9", "JGFhY3Rf"]),
    st.builds(lambda: iugu_token()), st.builds(lambda: asaas_key()), st.builds(lambda: basic(iugu_token())),
    st.builds(lambda: base64.b64encode(asaas_key().encode()).decode()),
    st.builds(lambda: quote(quote(f"api_token={iugu_token()}", safe=""), safe="")),
)


@needs_hyperscan
@settings(max_examples=150)
@given(st.lists(_pieces, max_size=25))
def test_same_findings_on_generated_text(pieces: list[str]) -> None:
    data = "".join(pieces).encode("utf-8", "surrogatepass")
    found = {}
    for name, matcher in {**engines(), "portable": PORTABLE}.items():
        findings: list = []
        SecretDetector(RULES, matcher).findings_in(io.BytesIO(data), "x", findings)
        found[name] = [(f.rule_id, f.location.line, f.location.column, f.fingerprint) for f in findings]
    assert found["regex"] == found["hyperscan"] == found["portable"]


def test_both_keyword_searches_find_the_same_occurrences() -> None:
    needles = sorted({k.encode() for rule in RULES for k in rule.keywords} |
                     {literal.lower().encode() for literal in (*RULES.request_markers, *RULES.request_anchors)})
    for path in sorted(CORPUS.rglob("*")):
        if path.is_file():
            data = path.read_bytes().lower()
            assert sorted(automaton_search(needles)(data)) == sorted(substring_search(needles)(data)), path.name


# A rule whose pattern recurses: beyond Hyperscan, run by regex.
NESTED_PACK = """
rules:
  - id: nested-key
    title: Nested key
    provider: acme
    category: access-token
    severity: high
    keywords: [nkey]
    pattern: 'nkey=(?P<secret>(\\((?:[^()]|(?2))*\\)))'
    examples: ['nkey=(ab(cd)ef)']
"""


@needs_hyperscan
def test_a_rule_hyperscan_cannot_compile_runs_by_regex_with_the_same_findings(tmp_path) -> None:
    from keyaudit.engine.hyperscan_databases import compiles
    from keyaudit.engine.hyperscan_engine import PATTERN_FLAGS, _hyperscan_pattern, _reach

    pack = tmp_path / "nested.yaml"
    pack.write_text(NESTED_PACK)
    rules = load_rules([pack])
    rule = rules.rules[-1]
    assert not compiles(_hyperscan_pattern(rule, _reach(rule)), PATTERN_FLAGS)  # recursion: beyond Hyperscan
    target = tmp_path / "t.log"
    target.write_text("x nkey=(ab(cd)ef) y\nnothing\nnkey=(1)\n")
    found = {name: report_key(run_scan(str(target), rules=(pack,), engine=name)) for name in ENGINE_NAMES}
    assert found["regex"] == found["hyperscan"] and len(found["regex"]) == 2


@needs_hyperscan
def test_which_rule_hyperscan_cannot_compile_is_cached_so_a_small_scan_takes_hyperscan_from_the_cache(
        tmp_path) -> None:
    """Finding the rule Hyperscan rejects compiles the whole database, fails, then compiles each pattern alone:
    ~4 s at every start of a scan with such a rule file, and a small scan (which takes Hyperscan only from the
    cache) ran every rule by regex, for no database of the rules was ever cached. The answer is kept in the cache
    now, with the database of the others."""
    pack = tmp_path / "nested.yaml"
    pack.write_text(NESTED_PACK)
    target = tmp_path / "t.log"
    target.write_text("x nkey=(ab(cd)ef) y\n")
    scans = [json.loads(cli("scan", "--rules", str(pack), "--format", "json", *engine, str(target)).stdout)
             for engine in (["--engine", "hyperscan"], [])]
    assert [scan["scan"]["engine"] for scan in scans] == ["hyperscan", "hyperscan"]
    assert [[finding["rule_id"] for finding in scan["findings"]] for scan in scans] == [["nested-key"]] * 2


@needs_hyperscan
def test_a_pinned_rule_hyperscan_cannot_compile_runs_by_regex_with_the_same_findings(tmp_path) -> None:
    """A bounded rule that ends a token (pinned) but that Hyperscan rejects (a named character): run by regex, it
    reports no end, and every file was lost to it (a KeyError) when the engine took it for pinned."""
    from keyaudit.engine.hyperscan_databases import compiles
    from keyaudit.engine.hyperscan_engine import PATTERN_FLAGS, _hyperscan_pattern, _reach

    pack = tmp_path / "named.yaml"
    pack.write_text(ACME_PACK.replace("'acme_key=(?P<secret>[a-z]{12})'",
                                      "'acme_key=(?P<secret>[a-z]{11}\\N{LATIN SMALL LETTER A})(?![a-z])'")
                    .replace("acme_key=abcdefghijkl", "acme_key=abcdefghijka"))
    rules = load_rules([pack])
    rule = rules.rules[-1]
    assert _reach(rule) is not None  # the premise
    assert not compiles(_hyperscan_pattern(rule, _reach(rule)), PATTERN_FLAGS)
    target = tmp_path / "t.log"
    target.write_text("config acme_key=abcdefghijka\nnothing\n")
    found = {name: run_scan(str(target), rules=(pack,), engine=name) for name in ENGINE_NAMES}
    assert found["hyperscan"].errors == [] and report_key(found["regex"]) == report_key(found["hyperscan"])
    assert len(found["regex"].findings) == 1


# A rule whose pattern is longer than a database shares (a long list of words before the key), and one that
# Hyperscan cannot compile besides (the recursion of NESTED_PACK's): each compiled alone, or run by regex.
_WORDS = "|".join(f"word{number:04d}" for number in range(600))
LONG_PACKS = {
    "compiled": ACME_PACK.replace("'acme_key=(?P<secret>[a-z]{12})'",
                                  f"'(?:{_WORDS})?acme_key=(?P<secret>[a-z]{{12}})'"),
    "rejected": NESTED_PACK.replace("'nkey=(?P<secret>", f"'(?:{_WORDS})?nkey=(?P<secret>"),
}


@needs_hyperscan
@pytest.mark.parametrize("kind", sorted(LONG_PACKS))
def test_a_rule_too_long_to_share_a_database_finds_what_the_regex_engine_finds(tmp_path, kind: str) -> None:
    from keyaudit.engine.hyperscan_engine import LONE_PATTERN_BYTES

    pack = tmp_path / "long.yaml"
    pack.write_text(LONG_PACKS[kind])
    assert len(load_rules([pack]).rules[-1].pattern_text) > LONE_PATTERN_BYTES  # the premise
    target = tmp_path / "t.log"
    target.write_text("x word0042acme_key=abcdefghijkl nkey=(ab(cd)ef) y\nnothing\nacme_key=mnopqrstuvwx nkey=(1)\n"
                      f"iugu_token = '{iugu_token()}'\n")
    found = {name: run_scan(str(target), rules=(pack,), engine=name) for name in ENGINE_NAMES}
    assert found["hyperscan"].errors == [] and report_key(found["regex"]) == report_key(found["hyperscan"])
    assert sorted({finding.rule_id for finding in found["regex"].findings}) == sorted(
        {"iugu-config-api-token", "acme-key" if kind == "compiled" else "nested-key"})
    assert len(found["regex"].findings) == 3


@needs_hyperscan
def test_a_cached_preparation_of_the_patterns_is_the_one_made_afresh(tmp_path, monkeypatch) -> None:
    """Each start takes the rules' Hyperscan patterns and reaches from the cache; what it takes
    is what preparing them again gives, and a damaged entry is prepared again."""
    from keyaudit.engine.hyperscan_engine import _prepare, _prepared

    cache = tmp_path / "cache"
    monkeypatch.setenv("KEYAUDIT_CACHE_DIR", str(cache))
    rules = list(load_rules())
    fresh = _prepare(rules)
    assert _prepared(rules) == fresh  # written to the cache
    [entry] = cache.rglob("hs-prepared-*")
    assert _prepared(rules) == fresh  # read from it
    assert any(reach is not None for reach, _ in fresh)  # the pinned rules' reaches survive the round trip
    entry.write_bytes(b"[not json")
    assert _prepared(rules) == fresh


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_number_ending_in_a_hex_dumps_row_start_is_no_row(engine: str) -> None:
    # `1000000 ` holds od's first row start (`000000 `), `10000: ` the JDK's (`0000: `): an amount in
    # cents is no dump, so a log of them is neither worth reading for requests nor read at each one
    matcher = create_matcher(RULES, engine)
    amounts = b"charged amount 1000000 cents\nport 10000: refused\nline 20000  ok\n"
    hits = matcher.match(amounts, True)
    assert (hits.anchors, hits.markers_seen) == ([], False)
    dump = b"000000 50 4f 53 54 20 2f  >POST /<\n\t0x0000:  4500 0034  E..4\n"
    hits = matcher.match(amounts + dump, True)
    assert hits.anchors == [len(amounts), len(amounts) + dump.index(b"0x0000")]
    assert hits.markers_seen
    # a buffer that starts at a row counts it (the text before it is not in the buffer)
    assert matcher.match(dump, True).anchors[0] == 0


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_checked_anchor_counts_only_where_its_check_holds(engine: str) -> None:
    # `webhook signature verified` and `GET /v1/transfers/tr_1` are a service's own messages: no header,
    # no transfer request is there, so no whole request's span of lines around them is read
    matcher = create_matcher(RULES, engine)
    for check in RULES.request_anchor_checks:
        for example in check.examples:
            text = example.encode()
            assert any(text.startswith(check.anchor.encode(), at) for at in matcher.match(text, True).anchors), example
        for example in check.negative_examples:
            assert matcher.match(example.encode(), True).anchors == [], example
    prose = b"INFO webhook signature verified for event evt_1\nINFO GET /v1/transfers/tr_1 200\n"
    header = b"Signature: signature=c2ln\n"
    assert matcher.match(prose + header, True).anchors == [len(prose) + 1, len(prose) + header.index(b"ignature=")]
