"""Each decoding layer on its own: what it decodes, what it leaves, and where every decoded byte
came from (the origin that places a finding back on the original bytes)."""

from __future__ import annotations

import base64
import sys
from types import FrameType
from typing import Any, Callable

import pytest

from keyaudit.engine.join_calls import joined_arguments
from keyaudit.engine.unwrap import (ansi, backslash, base64_run, concatenation, html_entities, peel, percent,
                                    unbase64, unwrapped)
from keyaudit.engine.wide import unbase64_wide


def sources(data: bytes, decoded: bytes, origin: list[int]) -> list[bytes]:
    """The original bytes each decoded byte was read from (its encoded form starts there)."""
    return [data[origin[i] : origin[i] + 1] for i in range(len(decoded))]


@pytest.mark.parametrize(("layer", "data", "expected"), [
    (percent, b"a%2524b%2Fc", b"a%24b/c"),
    (html_entities, b"&#36;x&#x2F;y&quot;z&amp;quot;", b"$x/y\"z&quot;"),
    (ansi, b"\x1b[32m$aa\x1b[1;4mct\x1b[0m\x1b]0;title\x07", b"$aact"),
    # a control string is removed whole (APC: a Buildkite log's line times; DCS, PM), not its ESC alone
    (ansi, b"\x1b_bk;t=1795352430104\x07POST /v1/x\x1bPq#0\x1b\\ \x1b^note\x07", b"POST /v1/x "),
    (backslash, b"\\x24a\\u002Fb\\\\\\\"c\\/", b"$a/b\\\"c/"),
    (backslash, b"a:\\nb\\r\\n\\tc", b"a:\nb\r\n\tc"),
    (concatenation, b'k = "ab" +\n    "cd"\n  + "ef" + \'g\'\n    \'h\'', b'k = "abcdef" + \'gh\''),
])
def test_a_layer_decodes_one_level_and_maps_each_byte_to_its_encoded_form(layer, data, expected) -> None:
    decoded, origin = layer(data)
    assert decoded == expected
    assert len(origin) == len(decoded) + 1 and origin[-1] == len(data)
    assert origin == sorted(origin)
    # Every decoded byte that was written as is comes from the same byte of the input.
    for index, source in enumerate(sources(data, decoded, origin)):
        assert source == decoded[index : index + 1] or source in (b"%", b"&", b"\\", b"\x1b")


@pytest.mark.parametrize("layer", [percent, html_entities, ansi, backslash, concatenation])
def test_a_layer_that_finds_nothing_to_decode_says_so(layer) -> None:
    assert layer(b"plain text, 100% & more; C:/x") is None
    assert concatenation(b'a = "x" + \'y\'\nb = "z",\n"w"') is None  # other quotes, a comma between


def test_unknown_entities_and_bad_code_points_stay_as_written() -> None:
    decoded, _ = html_entities(b"&nosuch; &#xD800; &#36;")
    assert decoded == b"&nosuch; &#xD800; $"


def test_peel_removes_layers_until_none_applies_and_names_them() -> None:
    data = b"\x1b[2m" + b"%252524aact" + b"\x1b[0m"
    decoded = peel(data, depth=8)
    assert decoded.text == b"$aact"
    assert decoded.name == "ansi+percent\u00d73"
    assert data[decoded.origin[0] : decoded.origin[0] + 7] == b"%252524"
    assert decoded.origin[1] == data.index(b"aact")


def test_peel_stops_at_its_depth() -> None:
    decoded = peel(b"%25252524aact", depth=2)
    assert decoded.text == b"%2524aact" and decoded.steps == ["percent", "percent"]
    assert peel(b"no layers here", depth=4) is None


def test_base64_decodes_to_text_only_and_maps_bytes_to_their_first_character() -> None:
    text = b"api_token=0123456789abcdef"
    run = base64.b64encode(text)
    decoded, origin = unbase64(run)
    assert decoded == text
    for index in range(len(text)):
        # The character holding the byte's first bits decodes (in its group) to that byte.
        group = origin[index] // 4 * 4
        assert base64.b64decode(run[group : group + 4])[index % 3] == text[index]
    assert unbase64(base64.b64encode(bytes(range(256)))) is None  # binary: not scanned
    assert unbase64(base64.urlsafe_b64encode(b"\xfb\xff" + text).rstrip(b"=")) is not None


@pytest.mark.parametrize("before", [0, 1, 2, 3, 5])
def test_a_base64_run_starts_on_its_group_boundary(before: int) -> None:
    encoded = base64.b64encode(b"#" * before + b"$aact_prod_000")
    line = b"api-key: " + encoded + b"\n"
    anchor = line.index(encoded) + 4 * (before // 3 + 1)  # somewhere inside, on a group boundary
    first, last = base64_run(line, anchor, 0, 0, len(line))
    assert line[first:last] == encoded
    # An anchor whose form starts two characters into its group still finds the run's start.
    first, _ = base64_run(line, anchor + 2, 2, 0, len(line))
    assert line[first:last] == encoded



def _python_lines(call: Callable[[], Any]) -> int:
    """How many lines of Python the decoding modules run for ``call``: a loop over each byte of a run counts
    every byte, work done in C counts nothing."""
    lines = 0

    def trace(frame: FrameType, event: str, _arg: object) -> Any:
        nonlocal lines
        if "keyaudit/engine/" in frame.f_code.co_filename:
            lines += event == "line"
            return trace
        return None

    sys.settrace(trace)
    try:
        call()
    finally:
        sys.settrace(None)
    return lines


def test_a_base64_run_of_a_body_is_read_in_c_not_byte_by_byte_in_python() -> None:
    """A HAR response body is base64 of an image: every encoded form of a keyword in it by chance is a spot of up
    to 32 KiB, walked back to its run's start, decoded as text and as UTF-16 (a body's 31 such fields were a fifth
    of a capture's scan). What each finds is unchanged: a wrapped run keeps where its characters were."""
    body = base64.b64encode(bytes(range(256)) * 96)  # binary: decodes to no text, in either encoding
    assert _python_lines(lambda: unbase64(body) or unbase64_wide(body)) < 100
    assert _python_lines(lambda: base64_run(body, len(body) - 8, 0, 0, len(body))) < 100
    assert base64_run(body, len(body) - 8, 0, 0, len(body)) == (0, len(body))
    assert base64_run(b"x" + body, 100, 0, 0, 1 + len(body)) == (0, 1 + len(body))  # x is base64 too
    assert base64_run(b"=" + body, 101, 0, 0, 1 + len(body)) == (1, 1 + len(body))
    assert base64_run(b"=" + body, 101, 0, 50, 1 + len(body)) == (53, 1 + len(body))  # not before 50, on its group
    wrapped = b"QUJD\n  REVG\r\nR0g="
    assert unwrapped(wrapped) == (b"QUJDREVGR0g=", [0, 1, 2, 3, 7, 8, 9, 10, 13, 14, 15, 16, 17])
    assert unwrapped(b"QUJD") == (b"QUJD", [0, 1, 2, 3, 4])


def test_a_join_call_s_literals_are_joined_and_other_commas_left_as_written() -> None:
    text = b'k = concat!("abc", "def"); args("x", "y"); v = [\'gh\', \'ij\'].join(\'\'); w = "".join(["kl",\n  "mn"])'
    joined, origin = joined_arguments(text)
    assert joined == b'k = concat!("abcdef"); args("x", "y"); v = [\'ghij\'].join(\'\'); w = "".join(["klmn"])'
    assert text[origin[joined.index(b"def")]:].startswith(b"def")  # each byte keeps where it was written
    assert joined_arguments(b'json = {"a": "b", "c": "d"}') is None
