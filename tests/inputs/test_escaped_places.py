"""Findings inside JSON strings placed at the file's own bytes through every escape before them: ``\\"``, ``\\\\``,
``\\/``, ``\\uXXXX``, surrogate pairs, lone surrogates of either half, a high surrogate followed by another high one
or by no low one (each of those one character of its own, as the decoder reads it), line breaks; in a HAR body and
in a JSON log record's message, with either engine, and with many findings after many escapes in one string."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from keyaudit.inputs.jsonpos import SourceText, literal_start

from helpers.credentials import asaas_key
from helpers.engines import BOTH_ENGINES
from helpers.places import expected_spans, found_spans
from helpers.running import scan_json

# Each escape kind as a JSON text writes it (the text between a literal's quotes).
ESCAPES = {"quote": '\\"', "backslash": "\\\\", "solidus": "\\/", "unicode": "\\u00e9", "pair": "\\ud83d\\ude00",
           "lone high": "\\ud800", "lone low": "\\udc00", "high high": "\\ud800\\ud800",
           "high then no low": "\\ud800\\u0041", "low high": "\\udc00\\ud800", "line break": "\\n", "tab": "\\t",
           "every kind": '\\"\\\\\\/\\u00e9\\ud83d\\ude00\\ud800\\udc00\\ud800\\ud800\\ud800\\u0041\\n\\t'}


def _har(text_literal: str, header_literal: str) -> bytes:
    """A capture whose one entry's body and one header are the literals given, as written in the file."""
    return ('{"log": {"version": "1.2", "entries": [{"request": {"method": "POST", "url": "https://shop.example/",\n'
            '  "headers": [{"name": "x-note", "value": "%s"}],\n'
            '  "postData": {"mimeType": "text/plain", "text": "%s"}}, "response": {"status": 200}}]}}\n'
            % (header_literal, text_literal)).encode()


@pytest.mark.parametrize("engine", BOTH_ENGINES)
@pytest.mark.parametrize("kind", sorted(ESCAPES))
def test_a_finding_after_each_escape_kind_in_a_har_string_is_at_its_bytes(kind: str, engine: str, write) -> None:
    escape = ESCAPES[kind]
    keys = [asaas_key() for _ in range(4)]
    body = f"{escape} {keys[0]} {escape}{escape} then {keys[1]}"
    data = _har(body, f"{escape} {keys[2]} {escape}{escape} \\n{keys[3]}")
    report, _ = scan_json("--engine", engine, "--no-dedupe", str(write("escaped.har", data)))
    assert found_spans(report, "asaas-api-key") == expected_spans(data, keys)
    assert report["errors"] == []


def _log_line(message_literal: str) -> str:
    return '{"level": "info", "time": "2026-12-06T22:00:00Z", "msg": "%s"}\n' % message_literal


@pytest.mark.parametrize("engine", BOTH_ENGINES)
@pytest.mark.parametrize("kind", sorted(ESCAPES))
def test_a_finding_after_each_escape_kind_in_a_json_log_message_is_at_its_bytes(kind: str, engine: str,
                                                                                 write) -> None:
    """A key written as is, and one whose ``$`` is escaped (found by decoding the message), after each escape kind
    in a record's message that holds escaped JSON."""
    escape = ESCAPES[kind]
    plain, escaped = asaas_key(), asaas_key()
    written = "\\u0024" + escaped[1:]
    inner = '{\\"note\\": \\"%s\\", \\"access_token\\": \\"%s\\", \\"again\\": \\"%s %s\\"}' % (
        escape, plain, escape * 3, written)
    data = (_log_line("first") + _log_line(f"request body={inner}")).encode()
    report, _ = scan_json("--engine", engine, "--no-dedupe", str(write("escaped.log", data)))
    found = found_spans(report, "asaas-api-key")
    planted = expected_spans(data, [plain, written])
    assert [span[:2] for span in found] == [span[:2] for span in planted]


def test_many_findings_after_many_escapes_in_one_body_are_each_at_their_bytes(write) -> None:
    """A body of hundreds of escaped members, a key in each: every key where its bytes are (placed in one pass over
    the body's escapes, not one for each key)."""
    rng = random.Random(53)
    keys = [asaas_key(rng=rng) for _ in range(300)]
    notes = [rng.choice(list(ESCAPES.values())) for _ in keys]
    body = "".join(f'{{\\"note\\": \\"{note}\\", \\"access_token\\": \\"{key}\\"}}, ' for note, key in zip(notes, keys))
    data = _har(f"[{body}]", "none")
    report, _ = scan_json("--no-dedupe", str(write("many.har", data)))
    assert found_spans(report, "asaas-api-key") == expected_spans(data, keys)


# Drawn by their index, so that a failing example prints no lone surrogate (which a worker cannot send).
_PIECES = ["a", "é", "😀", '"', "\\", "/", "\n", "\x01", "\ud800", "\udbff", "\udc00", "\udfff"]
_DRAWN = st.lists(st.integers(0, len(_PIECES) - 1), max_size=12).map(lambda drawn: "".join(_PIECES[i] for i in drawn))
# repeated, so that a literal holds more escapes than are read between two notes of where its characters stand
_STRINGS = st.tuples(_DRAWN, st.sampled_from([1, 2, 40])).map(lambda drawn: drawn[0] * drawn[1])


@settings(max_examples=200, deadline=None)
@given(st.lists(_STRINGS, min_size=1, max_size=4), st.booleans(), st.booleans())
def test_every_decoded_offset_maps_to_where_its_character_is_written(values: list[str], ascii_only: bool,
                                                                      solidus: bool) -> None:
    """For every character of every literal, the source text up to the offset given decodes to the characters
    before it: surrogates written apart pair only where the decoder pairs them (a high one, then a low one)."""
    text = json.dumps({"v": values}, ensure_ascii=ascii_only)
    if solidus:
        text = text.replace("/", "\\/")
    source = SourceText("  " + text, line=3, column=2, start=2)
    for index, decoded in enumerate(json.loads(text)["v"]):
        start = literal_start(source.text, ["v", str(index)], 2)
        for offset in range(len(decoded) + 1):
            written = source.text[start : source.source_offset(start, offset)]
            assert ascii(json.loads(f'"{written}"')) == ascii(decoded[:offset]), (index, offset)
