"""Whether a decoded text holds a secret rule's keyword: Hyperscan answers it in one pass, and its answer must be the
searches' (``bytes.lower``, then each keyword looked for) on every text — a keyword in any case, a byte changed,
bytes past ASCII whose case Unicode would fold (``K`` of the Kelvin sign, a dotless ``ı``) — or a decoded spot is
scanned by one engine and not by the other."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from keyaudit.engine import create_matcher, hyperscan_available
from keyaudit.engine.encodings import DecodeAnchors
from keyaudit.rulebook.loader import load_rules

pytestmark = pytest.mark.skipif(not hyperscan_available(), reason="the hyperscan package is not installed")

RULES = load_rules()


@pytest.fixture(scope="module")
def anchors() -> DecodeAnchors:
    found = create_matcher(RULES, "hyperscan").decode_anchors
    assert found.finder is not None, "the shipped keywords are lower-case ASCII: Hyperscan answers for them"
    return found


@pytest.fixture(scope="module")
def searched(anchors: DecodeAnchors) -> DecodeAnchors:
    """The regex engine's way: the same anchors without the finder."""
    return DecodeAnchors(anchors.anchors, anchors.keywords)


def test_each_keyword_in_any_case_and_with_any_byte_changed(anchors: DecodeAnchors, searched: DecodeAnchors) -> None:
    rng = random.Random(14)
    texts = [b"", b"nothing to see here", "K ı ß İ".encode("utf-8")]
    for keyword in anchors.keywords:
        texts += [keyword, keyword.upper(), b"x" + keyword.title() + b"y", keyword[:-1],
                  bytes(byte ^ 0x20 if 97 <= byte <= 122 and rng.random() < 0.5 else byte for byte in keyword)]
        position = rng.randrange(len(keyword))
        texts += [keyword[:position] + bytes([byte]) + keyword[position + 1:] for byte in range(256)]
    differ = [text for text in texts if anchors.holds_keyword(text) != searched.holds_keyword(text)]
    assert not differ, f"{len(differ)} texts answered differently, the first {differ[0][:12]!r}…"
    assert anchors.holds_keyword(b"<script>var IUGU_key") and not anchors.holds_keyword(b"<script>var x = 1;")


@given(st.lists(st.one_of(st.binary(max_size=16), st.sampled_from([b"Iugu", b"TOKEN", b"-U", b"aAct_", b"\xc4\xb1"])),
                max_size=8))
def test_any_text_is_answered_as_the_searches_answer_it(anchors: DecodeAnchors, searched: DecodeAnchors,
                                                        parts: list[bytes]) -> None:
    text = b"".join(parts)
    assert anchors.holds_keyword(text) == searched.holds_keyword(text)


def test_keywords_whose_case_hyperscan_folds_otherwise_are_left_to_the_searches() -> None:
    """A user rule's keyword past ASCII (``cartão``), or one not lower-case or empty, gets no finder: the searches
    answer for the whole set, as ``bytes.lower`` folds it."""
    from keyaudit.engine.hyperscan_databases import literal_finder

    assert literal_finder((b"iugu", "cart\u00e3o".encode("utf-8"))) is None
    assert literal_finder((b"iugu", b"Token")) is None
    assert literal_finder((b"iugu", b"")) is None
    assert literal_finder(()) is None
    finder = literal_finder((b"iugu", b"token"))
    assert finder is not None and finder(b"an IUGU key") and not finder(b"nothing")
