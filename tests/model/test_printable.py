"""The one escaping of paths and values: what it escapes, and that what it returns can always be
written (valid UTF-8, one line, nothing a terminal obeys) and says what was there."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from keyaudit.model.printable import printable, printable_values

# every code point a terminal or a reader could be fooled by: C0, DEL, C1, the separators, bidi
CONTROLS = [chr(c) for c in [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, 0x200E, 0x200F,
                             *range(0x202A, 0x202F), *range(0x2066, 0x206A)]]


@pytest.mark.parametrize("raw,shown", [
    (os.fsdecode(b"bad\xff.log"), "bad\\xff.log"),              # a byte that is not UTF-8, as the file system gives it
    (b"caf\xe9 \xc3".decode("utf-8", "surrogateescape"), "caf\\xe9 \\xc3"),  # Latin-1, a cut UTF-8 sequence
    ("a\nb\r\tc", "a\\nb\\r\\tc"),
    ("\x1b[2J\x1b]0;title\x07", "\\x1b[2J\\x1b]0;title\\x07"),
    ("\x7f\x9b31m\x85", "\\x7f\\u009b31m\\u0085"),
    ("invoice\u202egol.exe", "invoice\\u202egol.exe"),
    ("\ud800 lone", "\\ud800 lone"),                            # a lone surrogate that was never a byte
    ("ação 日本 🚀 ~!@#$%^&*()", "ação 日本 🚀 ~!@#$%^&*()"),        # ordinary text is left alone
    ("C:\\logs\\x41.log", "C:\\logs\\x41.log"),                # backslashes are not doubled
])
def test_printable_escapes_what_cannot_be_shown_and_nothing_else(raw: str, shown: str) -> None:
    assert printable(raw) == shown


@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=60) | st.sampled_from(CONTROLS))
def test_what_printable_returns_can_always_be_written_and_stays_as_it_is(text: str) -> None:
    shown = printable(text)
    shown.encode("utf-8")  # strict: no surrogate is left
    assert not any(char in shown for char in CONTROLS)
    assert printable(shown) == shown  # idempotent: escaping twice (a message of a message) changes nothing
    assert (shown == text) == all(char not in CONTROLS and not 0xD800 <= ord(char) <= 0xDFFF for char in text)


@given(st.binary(max_size=60))
def test_each_byte_that_is_not_utf8_is_written_as_its_value(data: bytes) -> None:
    text = data.decode("utf-8", "surrogateescape")
    shown = printable(text)
    for char in text:
        if 0xDC80 <= ord(char) <= 0xDCFF:  # where surrogateescape put a byte that was not UTF-8
            assert f"\\x{ord(char) - 0xDC00:02x}" in shown


def test_printable_values_reach_every_string_of_a_document_keys_included() -> None:
    bad = os.fsdecode(b"x\xff\n")
    document = {"path": bad, "nested": [{"url": bad, bad: 1}, (bad, 2, None, 1.5, True)]}
    text = json.dumps(printable_values(document), ensure_ascii=False)
    text.encode("utf-8")
    assert json.loads(text) == {"path": "x\\xff\\n", "nested": [{"url": "x\\xff\\n", "x\\xff\\n": 1},
                                                                 ["x\\xff\\n", 2, None, 1.5, True]]}
