"""The JSON report's indented text is what ``json.dumps(…, indent=2, ensure_ascii=False)`` writes,
character for character, whatever the document holds: the report's own encoder only writes it faster."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from keyaudit.model.printable import printable_values
from keyaudit.report.json import dumps

_SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
            | st.text(alphabet=st.characters(max_codepoint=0x2FFF), max_size=12))
_KEYS = st.text(max_size=6) | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
_DOCUMENTS = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
                          | st.dictionaries(_KEYS, inner, max_size=4), max_leaves=25)


@settings(max_examples=400, deadline=None)
@given(_DOCUMENTS)
def test_indented_text_is_the_standard_encoders(document: object) -> None:
    expected = json.dumps(document, ensure_ascii=False, indent=2)
    if "\\" in expected or not expected.replace("\n", "").isprintable():
        # unprintable text is made printable first (tests/report/test_unprintable.py)
        expected = json.dumps(printable_values(document), ensure_ascii=False, indent=2)
    assert dumps(document) == expected


def test_a_finding_shaped_document() -> None:
    document = {"rule_id": "iugu-api-token", "location": {"path": "logs/app.log", "line": 3, "column": 9,
                                                          "pointer": None},
                "context": {"ratio": 0.25, "seen": [1, 2.5, True, None], "empty": {}, "none": [], "pair": (1, "x")},
                "message": "token «ação» — sent 2×"}
    assert dumps(document) == json.dumps(document, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("value", [object(), {("tuple", "key"): 1}, [set()]])
def test_what_json_cannot_write_fails_as_json_fails(value: object) -> None:
    with pytest.raises(TypeError):
        json.dumps(value, ensure_ascii=False, indent=2)
    with pytest.raises(TypeError):
        dumps(value)
