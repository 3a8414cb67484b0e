"""The decode anchors: derived from the rules' keywords, found wherever a keyword was base64-encoded
whatever its alignment, and rare in random base64."""

from __future__ import annotations

import base64
import io
import random

from hypothesis import given
from hypothesis import strategies as st

from helpers.engines import BOTH_ENGINES
import pytest

from keyaudit.engine import create_matcher
from keyaudit.engine.decoding import DecodingLayer
from keyaudit.engine.detect import allowed_at
from keyaudit.engine.encodings import BASE64, PAYLOAD, TEXT, TEXT_MARKERS, base64_forms, decode_anchors
from keyaudit.engine.stream import ChunkedPass
from keyaudit.rulebook.loader import load_rules

RULES = load_rules()


@given(st.binary(max_size=5), st.binary(max_size=5), st.sampled_from([b"aact_", b"api_token", b"iugu", b"Basic"]))
def test_a_keyword_encoded_in_base64_holds_one_of_its_forms_at_its_phase(before, after, keyword) -> None:
    encoded = base64.b64encode(before + keyword + after)
    held = [(form, phase) for form, phase in base64_forms(keyword) if form in encoded]
    assert held, "no form of the keyword in its encoding"
    assert any(encoded.index(form) % 4 == phase for form, phase in held)


def test_anchors_come_from_the_keywords_of_the_rules_that_capture_secrets() -> None:
    anchors = decode_anchors(RULES)
    literals = [anchor.literal for anchor in anchors.anchors]
    assert len(literals) == len(set(literals))
    assert [a.literal for a in anchors.anchors if a.kind == TEXT] == list(TEXT_MARKERS)
    assert base64.b64encode(b"$aact_")[2:8] in literals  # `aact_` after the `$` that starts a key
    assert b"api_token" in anchors.keywords
    # `verify` is a keyword of a TLS setting rule only: nothing worth decoding for.
    assert b"verify" not in anchors.keywords
    assert not any(form in literals for form, _ in base64_forms(b"verify"))
    assert all(len(a.literal) >= 4 for a in anchors.anchors if a.kind == BASE64)
    # `api_token` holds `token`: its own forms would add nothing the shorter keyword's do not give.
    assert not any(form in literals for form, _ in base64_forms(b"api_token"))
    assert any(form in literals for form, _ in base64_forms(b"token"))


@given(st.binary(max_size=3), st.sampled_from([b"api_token", b"access_token", b"aact_prod_", b"basic_auth"]))
def test_a_keyword_without_forms_of_its_own_is_still_anchored_by_the_one_it_holds(before, keyword) -> None:
    literals = decode_anchors(RULES).literals
    encoded = base64.b64encode(before + keyword + b"=")
    assert any(literal in encoded for literal in literals)


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_random_base64_gives_no_decode_anchor(engine: str) -> None:
    """A blob of random base64 (a Basic header, an image inlined) costs no decode of a keyword's
    form: the only anchors it holds, by chance, are the three characters a zlib header gives the
    start of a value (one value in 16,000 starts so), and such a value fails to open at once."""
    rng = random.Random(14)
    blob = b"\n".join(b"Authorization: Basic " + base64.b64encode(rng.randbytes(90)) for _ in range(2000))
    matcher = create_matcher(RULES, engine)
    kinds = {matcher.decode_anchors.anchors[index].kind for _, index in matcher.match(blob, False).decode_anchors}
    assert kinds <= {PAYLOAD}
    chunks = ChunkedPass(io.BytesIO(blob), matcher)
    layer = DecodingLayer(matcher.decode_anchors, allowed_at)
    chunks.spots = layer.collector()
    assert list(chunks) == []
    assert len(chunks.spots.spots) <= 2
    assert all(spot.kind == PAYLOAD and layer.decode(spot, 4) is None for spot in chunks.spots.spots)


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_the_engines_report_where_each_anchor_starts(engine: str) -> None:
    anchors = decode_anchors(RULES)
    buffer = b"x=" + base64.b64encode(b"$aact_prod_000") + b"\nurl=%2524aact_ \x1b[0m"
    found = create_matcher(RULES, engine).match(buffer, False).decode_anchors
    places = {(buffer[start : start + len(anchors.anchors[index].literal)], anchors.anchors[index].kind)
              for start, index in found}
    assert (b"%25", TEXT) in places and (b"\x1b[", TEXT) in places
    assert any(kind == BASE64 for _, kind in places)
    assert found == sorted(found)
