"""Strings found again in a JSON text by their pointer: at the literal the decoder kept, however the
text is written (indented or not, escaped or not), and lines and columns counted from a value's place."""

from __future__ import annotations

import json
from typing import Any, Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from keyaudit.inputs.jsonpos import SourceText, escape_pointer_token, literal_start, pointer_tokens

_KEYS = st.text(max_size=6) | st.sampled_from(["a/b", "~", "~1", "0", "", '"', "\\"])
_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text()
_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=4),
                       max_leaves=16)


def strings(node: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    """Every string value under ``node`` with its RFC 6901 pointer."""
    if isinstance(node, str):
        yield pointer, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from strings(value, f"{pointer}/{escape_pointer_token(key)}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from strings(value, f"{pointer}/{index}")


@settings(max_examples=200, deadline=None)
@given(_VALUES, st.sampled_from([None, 0, 2]), st.booleans())
def test_every_string_is_found_at_its_literal_however_the_text_is_written(value: Any, indent: int | None,
                                                                         ascii_only: bool) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=ascii_only)
    for pointer, expected in strings(value):
        start = literal_start(text, pointer_tokens(pointer))
        assert text[start - 1] == '"'
        assert json.decoder.scanstring(text, start)[0] == expected, pointer


def test_a_key_written_twice_leads_to_the_value_the_decoder_keeps() -> None:
    text = '{"a": "first", "b": ["x", {"a": "inner"}], "a": "last"}'
    assert json.loads(text)["a"] == "last"
    assert text[literal_start(text, ["a"]):].startswith('last"')
    assert text[literal_start(text, ["b", "1", "a"]):].startswith('inner"')


@pytest.mark.parametrize("tokens", [["missing"], ["b", "5"], ["b", "x"], ["a", "0"]])
def test_a_pointer_to_no_string_is_a_value_error(tokens: list[str]) -> None:
    with pytest.raises(ValueError):
        literal_start('{"a": "s", "b": [1, 2]}', tokens)


def test_pointer_tokens_are_unescaped() -> None:
    assert pointer_tokens("") == [] and pointer_tokens("/a~1b/~0/0") == ["a/b", "~", "0"]


def test_lines_and_columns_count_from_the_value_s_place() -> None:
    source = SourceText('{\n  "a": "b",\r\n  "c": 1}', line=7, column=5)
    assert source.line_column(0) == (7, 5)  # the value's first character, where it stands in the file
    assert source.line_column(4) == (8, 3)
    assert source.line_column(source.text.index('"c"')) == (9, 3)


_TRICKY = st.text(alphabet='"\\{}[]ab\n\u00e9url', max_size=8)


@settings(max_examples=20, deadline=None)
@given(st.lists(_TRICKY, min_size=1, max_size=6), st.sampled_from([None, 1]), st.booleans())
def test_a_key_before_a_body_of_megabytes_is_found_without_passing_the_body_and_one_written_again_after_it_is_last(
        tricky: list[str], indent: int | None, again: bool) -> None:
    """An entry whose request holds a body of megabytes: its URL, before the body, is found where it stands; where a
    key is written again after the body (in the same object or in a value further on), the one the decoder keeps."""
    body = {"text": "x" * (2 << 20) + "".join(tricky), "parts": [tricky, {"url": tricky}, 1.5, None, True]}
    value = {"request": {"url": "first", "postData": body, "tricky": tricky}, "after": tricky}
    text = json.dumps(value, indent=indent)
    if again:  # the request's URL written again after its body
        text = text.replace('"tricky":', '"url": "second", "tricky":', 1)
    for tokens, expected in ((["request", "url"], "second" if again else "first"),
                             (["after", str(len(tricky) - 1)], tricky[-1]), (["request", "tricky", "0"], tricky[0])):
        start = literal_start(text, tokens)
        assert json.decoder.scanstring(text, start)[0] == expected == _decoded_at(text, tokens), tokens


def _decoded_at(text: str, tokens: list[str]) -> Any:
    """What the decoder keeps at ``tokens``."""
    value = json.loads(text)
    for token in tokens:
        value = value[int(token)] if isinstance(value, list) else value[token]
    return value


def test_a_value_in_a_text_read_with_others_is_placed_from_its_own_start() -> None:
    """A value held in a stream's window with the text around it: offsets are the window's, lines and columns
    the file's, counted from the value's place, and the value is not copied out."""
    held = 'PREFIX\n{"a": [1,\n  {"b": "\\u00e9x"}]} SUFFIX\n'
    start, end = held.index("{"), held.index(" SUFFIX")
    source = SourceText(held, line=3, column=9, start=start, end=end)
    literal = literal_start(held, ["a", "1", "b"], start)
    assert held[literal:].startswith('\\u00e9x"')
    assert source.line_column(start) == (3, 9)
    assert source.line_column(source.source_offset(literal, 1)) == (4, 3 + len('{"b": "\\u00e9'))
