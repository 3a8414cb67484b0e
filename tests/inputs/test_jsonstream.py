"""The streamed JSON reader: each value handed over whole, at its exact place, whatever the read
size; a broken document hands over the rest of its bytes; memory follows the largest value."""

from __future__ import annotations

import io
import json
import tracemalloc

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from keyaudit.inputs.jsonpos import SourceText
from keyaudit.inputs.jsonstream import UNPARSED, Broken, Value, ValueStream

PATH = ("log", "entries")
_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text()
_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                       max_leaves=12)


def _members(exclude: str) -> st.SearchStrategy[dict]:
    return st.dictionaries(st.text(max_size=8).filter(lambda key: key != exclude), _VALUES, max_size=3)


@st.composite
def documents(draw: st.DrawFn) -> tuple[bytes, list[str], str]:
    """A document with ``log.entries``, as bytes; the pointers expected, in order; its text."""
    entries = draw(st.lists(_VALUES, max_size=6))
    log_before, log_after, root_before, root_after = (draw(_members(key)) for key in ("entries",) * 2 + ("log",) * 2)
    log_after = {key: value for key, value in log_after.items() if key not in log_before}
    root_after = {key: value for key, value in root_after.items() if key not in root_before}
    document = {**root_before, "log": {**log_before, "entries": entries, **log_after}, **root_after}
    text = json.dumps(document, indent=draw(st.sampled_from([None, 0, 1, 2])), ensure_ascii=draw(st.booleans()))
    bom = draw(st.booleans())
    pointers = ([f"/{escaped(key)}" for key in root_before] + [f"/log/{escaped(key)}" for key in log_before]
                + [f"/log/entries/{index}" for index in range(len(entries))]
                + [f"/log/{escaped(key)}" for key in log_after] + [f"/{escaped(key)}" for key in root_after])
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8", "surrogatepass"), pointers, text


def escaped(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def read(data: bytes, read_bytes: int) -> list[Value | Broken]:
    return list(ValueStream(io.BytesIO(data), PATH, read_bytes))


def assert_in_place(value: Value, source: SourceText) -> None:
    """The value's text is the document's at its place, and parses to what it says."""
    assert source.text[value.place.offset: value.place.offset + len(value.text)] == value.text
    assert source.line_column(value.place.offset) == (value.place.line, value.place.column)
    if value.parsed is not UNPARSED:
        assert value.parsed == json.loads(value.text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.integers(1, 40))
def test_every_value_is_handed_over_whole_at_its_place(document: tuple[bytes, list[str], str], read_bytes: int) -> None:
    data, pointers, text = document
    values = read(data, read_bytes)
    assert [value.pointer for value in values if isinstance(value, Value)] == pointers
    assert not any(isinstance(value, Broken) for value in values)
    source = SourceText(text)
    for value in values:
        assert_in_place(value, source)  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.integers(1, 40), st.data())
def test_a_document_cut_anywhere_hands_over_what_is_whole_and_the_rest_as_bytes(
        document: tuple[bytes, list[str], str], read_bytes: int, data: st.DataObject) -> None:
    whole, pointers, text = document
    cut = data.draw(st.integers(0, len(whole) - 1))
    values = read(whole[:cut], read_bytes)
    handed = [value for value in values if isinstance(value, Value)]
    assert [value.pointer for value in handed] == pointers[: len(handed)]
    source = SourceText(text)
    for value in handed:
        assert_in_place(value, source)
    if isinstance(values[-1], Broken):  # a document cut at its very end, after "}", is whole
        broken = values[-1]
        bom = len(whole) - len(text.encode("utf-8", "surrogatepass"))
        start = bom if cut >= bom else 0  # a BOM cut short is no BOM: its bytes are content
        offset = start + len(text[: broken.place.offset].encode("utf-8", "surrogatepass"))
        assert broken.rest.read() == whole[offset:cut]
        assert source.line_column(broken.place.offset) == (broken.place.line, broken.place.column)


def test_damage_inside_a_value_costs_that_value_and_damage_between_values_the_rest() -> None:
    text = '{"log": {"entries": [{"a": 1},\n {"b": tru}, {"c": [1, 2}, {"d": "x"}]}}'
    values = read(text.encode(), 8)
    assert [(value.pointer, value.parsed) for value in values[:2] if isinstance(value, Value)] == [
        ("/log/entries/0", {"a": 1}), ("/log/entries/1", UNPARSED)]
    broken = values[2]
    assert isinstance(broken, Broken) and len(values) == 3
    assert (broken.place.line, broken.place.column) == (2, 14)  # where the element with "]" for "}" starts
    assert broken.message == "not valid JSON at line 2, column 25: Expecting ',' delimiter"
    assert broken.rest.read() == b'{"c": [1, 2}, {"d": "x"}]}}'


def test_an_empty_element_costs_nothing() -> None:
    values = read(b'{"log": {"entries": [, {"a": 1},, {"b": 2},]}}', 3)
    assert [(value.pointer, value.parsed) for value in values] == [  # type: ignore[union-attr]
        ("/log/entries/0", {"a": 1}), ("/log/entries/1", {"b": 2})]


def test_what_is_not_a_document_with_the_path_is_said() -> None:
    cases = {b"[1, 2]": "the document does not start with '{'", b"nonsense": "does not start with '{'",
             b'{"log": {"entries": [1], x': "expected a key in double quotes",
             b'{"log": {"entries": []}} trailing': "more data after the end of the document",
             b'{"log": {"entries": [1, 2': "the input ends inside the document"}
    for data, message in cases.items():
        *_, broken = read(data, 4)
        assert isinstance(broken, Broken) and message in broken.message, data
    stream = ValueStream(io.BytesIO(b'{"log": {"pages": []}}'), PATH)
    assert [value.pointer for value in stream if isinstance(value, Value)] == ["/log/pages"] and not stream.opened


def test_memory_follows_the_largest_entry_not_the_document() -> None:
    entry = json.dumps({"request": {"url": "https://shop.example/", "headers": [{"name": "x", "value": "y" * 100}]},
                        "response": {"content": {"text": "z" * 20_000}}})
    count = 1000  # about 20 MB of document
    data = ('{"log": {"entries": [' + ",\n".join([entry] * count) + "]}}").encode()
    tracemalloc.start()
    try:
        handed = sum(1 for _ in ValueStream(io.BytesIO(data), PATH, read_bytes=1 << 16))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert handed == count
    assert peak < 2_000_000, f"{peak} bytes at peak for a {len(data)}-byte document"


def test_entries_that_are_no_list_are_not_read_into_memory_and_say_what_they_are() -> None:
    """A ``log.entries`` (or ``log``) of another type ends the stream where it starts, naming the
    type: a string of tens of megabytes is never held, parsed or copied."""
    data = ('{"log": {"version": "1.2", "entries": "' + "x" * 20_000_000 + '"}}').encode()
    tracemalloc.start()
    try:
        stream = ValueStream(io.BytesIO(data), PATH, read_bytes=1 << 16)
        *values, broken = list(stream)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [value.pointer for value in values] == ["/log/version"] and not stream.opened
    assert isinstance(broken, Broken) and broken.message == "log.entries is a string, not a list"
    assert peak < 2_000_000, f"{peak} bytes at peak for a {len(data)}-byte document"
    for document, message in ((b'{"log": {"entries": {"0": {}}}}', "log.entries is an object, not a list"),
                              (b'{"log": {"entries": null}}', "log.entries is null, not a list"),
                              (b'{"log": {"entries": 12}}', "log.entries is a number, not a list"),
                              (b'{"log": ["entries"]}', "log is a list, not an object")):
        *_, broken = ValueStream(io.BytesIO(document), PATH)
        assert isinstance(broken, Broken) and broken.message == message, document


def test_values_the_read_cuts_anywhere_are_parsed_whole_escapes_and_all() -> None:
    """Entries across read boundaries, whose strings hold escaped quotes, backslashes, brackets
    and escapes of characters outside the BMP: each is handed over parsed, at its place, whatever
    the read size (a read may end inside any escape)."""
    entries = [{"s": 'say "{hi}" \\ [x]', "t": "é\U0001F600\n\t\u0001", "k": {"}{": ["]", "\\\"", 1.5]}},
               {"n": 12345678901234567890, "u": "\\u00e9 is not an escape here"}]
    for ascii_only in (True, False):
        text = json.dumps({"log": {"entries": entries}}, ensure_ascii=ascii_only)
        source = SourceText(text)
        for read_bytes in range(1, 48):
            values = read(text.encode(), read_bytes)
            assert [value.parsed for value in values] == entries, read_bytes  # type: ignore[union-attr]
            for value in values:
                assert_in_place(value, source)  # type: ignore[arg-type]


def test_damage_costs_the_same_whatever_the_read_size() -> None:
    """A value that is not valid JSON is told from one the read cut short, wherever the read ends."""
    text = b'{"log": {"entries": [{"a": "x\\"y"},\n {"b": tru}, {"c": "\\u00e9"}]}}'
    expected = [("/log/entries/0", {"a": 'x"y'}), ("/log/entries/1", UNPARSED), ("/log/entries/2", {"c": "é"})]
    for read_bytes in range(1, len(text) + 1):
        values = read(text, read_bytes)
        assert [(value.pointer, value.parsed) for value in values] == expected, read_bytes  # type: ignore[union-attr]
