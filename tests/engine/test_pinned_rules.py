"""Rules whose matches end a token (a trailing negative lookahead) and are bounded in length are
confirmed by Hyperscan only on the lines where a match can end, not around every keyword: the
same findings as the regex engine, over a fraction of the text. And the Basic rule finds a value
exactly where it decodes to a credential, with every engine."""

from __future__ import annotations

import base64
import functools
import io
import random
from urllib.parse import quote

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from helpers.credentials import basic, iugu_token
from helpers.engines import needs_hyperscan
from helpers.packs import ACME_PACK
from keyaudit.engine import create_matcher
from keyaudit.engine.detect import SecretDetector
from keyaudit.engine.matcher import Matcher
from keyaudit.engine.regex_engine import RegexMatcher, substring_search
from keyaudit.rulebook.loader import load_rules
from keyaudit.rulebook.registry import bound_validators

RULES = load_rules()
BASIC = next(rule for rule in RULES if rule.id == "http-basic-credential")
basic_credential = bound_validators(RULES.basic_users)["basic_credential"]  # as the scan validates
_TEXT = [chr(c) for c in range(0x20, 0x7F)] + ["é", "ç", "€", "中", "\t", "\x7f", "\x85"]


@functools.cache
def engines() -> dict[str, Matcher]:
    return {"hyperscan": create_matcher(RULES, "hyperscan"), "regex": create_matcher(RULES, "regex"),
            "portable": RegexMatcher(RULES, search=substring_search)}


def basic_value(kind: str, rng: random.Random) -> str:
    """An Authorization value: an iugu token, a user and password in any text (some with control
    characters), random bytes, or one of those cut short or unpadded."""
    if kind == "token":
        value = basic(iugu_token(rng.choice(["lower", "upper", "long"]), rng=rng))
    elif kind == "text":
        text = "".join(rng.choice(_TEXT) for _ in range(rng.randint(0, 60)))
        cut = rng.randint(0, len(text))
        value = base64.b64encode(f"{text[:cut]}:{text[cut:]}".encode()).decode()
    else:
        value = base64.b64encode(rng.randbytes(rng.randint(1, 420))).decode()
    if rng.random() < 0.3:
        value = value.rstrip("=")
    return value[: rng.randint(0, len(value))] if rng.random() < 0.05 else value


def found_lines(matcher: Matcher, data: bytes) -> list[tuple[int, int]]:
    findings: list = []
    SecretDetector(RULES, matcher).findings_in(io.BytesIO(data), "x", findings)
    return [(f.location.line, f.location.column) for f in findings if f.rule_id == "http-basic-credential"]


@needs_hyperscan
@settings(max_examples=60)
@given(st.integers(0, 2**32), st.lists(st.sampled_from(["token", "text", "bytes"]), min_size=1, max_size=40))
def test_a_basic_value_is_found_exactly_where_it_decodes_to_a_credential(seed: int, kinds: list[str]) -> None:
    rng = random.Random(seed)  # a failure reports the seed, never a value
    lines, expected = [], []
    for number, kind in enumerate(kinds, start=1):
        value = basic_value(kind, rng)
        tail = rng.choice(["", " ", '"', "."])  # a dot goes on a token: not a Basic value
        lines.append(f"2026-11-22T10:00:00Z DEBUG {rng.choice(['Authorization: Basic', 'authorization: bearer'])} "
                     f"{value}{tail}")
        # What the rule is for: a value of 8 to 512 base64 characters that the validator accepts.
        if tail != "." and 8 <= len(value.rstrip("=")) <= 512 and basic_credential(value):
            expected.append(number)
    data = ("\n".join(lines) + "\n").encode()
    found = {name: found_lines(matcher, data) for name, matcher in engines().items()}
    assert found["hyperscan"] == found["regex"] == found["portable"], (seed, kinds)
    assert [line for line, _ in found["regex"]] == expected, (seed, kinds)


# How a Basic value is written: after the header name, form-encoded (its `+`, `/` and `=`
# percent-escaped), in a JSON string (its `/` escaped); each with the value as the line holds it.
SPELLINGS = {
    "header": lambda value: (f"Authorization: Basic {value}", value),
    "form": lambda value: (f"grant_type=x&authorization=Basic+{quote(value, safe='')}&scope=read", quote(value, safe="")),
    "json": lambda value: ('{"auth": "Basic ' + value.replace("/", "\\/") + '"}', value.replace("/", "\\/")),
}
_MOSTLY_TEXT = st.lists(st.integers(0x20, 0xFF), min_size=6, max_size=380)


@settings(max_examples=300)
@given(_MOSTLY_TEXT, st.lists(st.integers(0, 0x1F), max_size=2), st.integers(0, 2**16),
       st.sampled_from(sorted(SPELLINGS)), st.booleans())
# Found once: the value cut before a JSON-escaped `\/` (ICAgIA of ICAgIA\/AIA) decoded to text.
@example([32, 32, 32, 32, 192, 32], [15], 4, "json", False)
def test_the_basic_pattern_takes_a_value_exactly_when_its_base64_decodes_to_text(
        text: list[int], controls: list[int], place: int, spelling: str, padded: bool) -> None:
    # The cheap rejection: a value whose base64 holds a byte below 0x20 cannot decode to the
    # printable `user:password` the validator wants, so the pattern itself refuses it, in every
    # spelling, and neither engine confirms or decodes it.
    raw = bytearray(text)
    for control in controls:
        raw.insert(place % (len(raw) + 1), control)
    value = base64.b64encode(bytes(raw)).decode()
    line, written = SPELLINGS[spelling](value if padded else value.rstrip("="))
    found = BASIC.pattern.search(line.encode())
    assert (found["secret"].decode() if found else None) == (written if not controls else None), (spelling, len(raw))


# The helpers' ACME rule with its end pinned: twelve letters, then no letter or digit.
PINNED_PACK = ACME_PACK.replace("'acme_key=(?P<secret>[a-z]{12})'", "'acme_key=(?P<secret>[a-z]{12})(?![a-z0-9])'")


@needs_hyperscan
def test_hyperscan_confirms_a_pinned_rule_only_on_the_lines_of_its_candidates(tmp_path) -> None:
    pack = tmp_path / "acme.yaml"
    pack.write_text(PINNED_PACK)
    rules = load_rules([pack])
    rng = random.Random(14)
    lines = [f"2026-11-22T10:00:{i % 60:02d}Z DEBUG acme_key={rng.randbytes(16).hex()}zz" for i in range(20_000)]
    for place in range(500, 20_000, 5_000):
        lines[place] = "2026-11-22T10:00:00Z DEBUG acme_key=" + "".join(rng.choices("ghijklmnopqrstuvwxyz", k=12))
    data = ("\n".join(lines) + "\n").encode()
    run_over, found = {}, {}
    for name in ("hyperscan", "regex"):
        matcher = create_matcher(rules, name)
        with matcher.budget.file() as account:
            findings: list = []
            SecretDetector(rules, matcher).findings_in(io.BytesIO(data), "x", findings)
        found[name] = [f.location.line for f in findings if f.rule_id == "acme-key"]
        run_over[name] = account.run_over["acme-key"]
    assert found["hyperscan"] == found["regex"] == [501, 5501, 10501, 15501]
    assert run_over["regex"] >= len(data) * 0.98  # the keyword is on every line: all of it (its lines' regions)
    assert run_over["hyperscan"] < len(data) * 0.05, run_over  # the lines where a match can end


@needs_hyperscan
def test_hyperscan_confirms_the_basic_rule_only_around_values_that_decode_to_text() -> None:
    rng = random.Random(15)
    lines = [f"2026-11-22T10:00:{i % 60:02d}Z DEBUG outbound Authorization: Basic "
             f"{base64.b64encode(rng.randbytes(rng.randint(18, 60))).decode()}" for i in range(20_000)]
    for place in range(700, 20_000, 4_000):
        lines[place] = f"2026-11-22T10:00:00Z DEBUG outbound Authorization: Basic {basic(iugu_token(rng=rng))}"
    data = ("\n".join(lines) + "\n").encode()
    run_over, found = {}, {}
    for name, matcher in engines().items():
        with matcher.budget.file() as account:
            found[name] = found_lines(matcher, data)
        run_over[name] = account.run_over["http-basic-credential"]
    assert found["hyperscan"] == found["regex"] == found["portable"]
    assert [line for line, _ in found["regex"]] == list(range(701, 20_000, 4_000))
    assert run_over["regex"] >= len(data) * 0.98  # the keyword is on every line: all of it (its lines' regions)
    assert run_over["hyperscan"] < len(data) * 0.1, run_over  # random values rarely decode to text


# A pinned rule whose match need not hold its keyword (the loader warns of such a rule, but a user's may be one): the
# keyword only has to be near, within the rule's reach (its longest match, 16 bytes here) of the lines it matches on.
NEAR_PACK = ACME_PACK.replace("keywords: [acme_key]", "keywords: [acme]").replace(
    "'acme_key=(?P<secret>[a-z]{12})'", "'key=(?P<secret>[a-z]{12})(?![a-z0-9])'").replace(
    "examples: ['acme_key=abcdefghijkl']", "examples: ['acme key=abcdefghijkl']")


@pytest.fixture(scope="module")
def near_rules(tmp_path_factory: pytest.TempPathFactory):
    pack = tmp_path_factory.mktemp("near") / "near.yaml"
    pack.write_text(NEAR_PACK)
    return load_rules([pack], include_shipped=False)


@needs_hyperscan
@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.booleans(), st.integers(0, 40)), min_size=1, max_size=12))
def test_a_pinned_rule_counts_keywords_as_near_as_the_regex_engine_does(near_rules, layout) -> None:
    """Hyperscan looks for a pinned rule's keywords only within its reach of the lines its matches can end on; a
    keyword just inside or just outside that reach, above or below the match, bounds it as in the regex engine."""
    rules = near_rules
    lines = []
    for filler, after, pad in layout:  # the keyword some bytes away from the match, on the line before or after
        keyword_line = "x" * filler + " acme"
        candidate = "y" * pad + " key=" + "abcdefghijkl"
        lines += [candidate, keyword_line] if after else [keyword_line, candidate]
        lines += ["z" * 40] * (filler % 3)  # lines between this pair and the next
    data = ("\n".join(lines) + "\n").encode()
    found = {}
    for name in ("hyperscan", "regex"):
        findings: list = []
        SecretDetector(rules, create_matcher(rules, name)).findings_in(io.BytesIO(data), "x", findings)
        found[name] = [(f.location.line, f.location.column) for f in findings]
    assert found["hyperscan"] == found["regex"]

