"""A quoted string's inside, unrolled: the same matches as the textbook pattern, and a long string
read without a record per character."""

from __future__ import annotations

import re
import tracemalloc

from hypothesis import given
from hypothesis import strategies as st

from keyaudit.inputs.captures.dump_lines import brackets
from keyaudit.inputs.captures.logfmt import logfmt_record
from keyaudit.inputs.captures.quoted import NEWLINE, escaped

_TEXT = st.text(st.sampled_from(['"', "'", "\\", "\n", "a", " ", "{", "]"]), max_size=40)


@given(_TEXT, st.sampled_from(['"', "'"]), st.sampled_from(["", NEWLINE]))
def test_the_unrolled_inside_matches_what_the_textbook_pattern_matches(text: str, quote: str, also: str) -> None:
    textbook = re.compile(rf"{quote}((?:[^{quote}\\{also}]|\\.)*){quote}")
    unrolled = re.compile(rf"{quote}({escaped(quote, also)}){quote}")
    assert [m.span(1) for m in unrolled.finditer(text)] == [m.span(1) for m in textbook.finditer(text)]
    assert bool(unrolled.match(text)) == bool(textbook.match(text))


def _peak_bytes(read) -> int:
    tracemalloc.start()
    try:
        read()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_string_of_a_mebibyte_is_read_without_a_record_per_character() -> None:
    """The longest line a reader is given (1 MiB): the textbook pattern held about 110 bytes a
    character (114 MB) while it matched; a few copies of the line are what is left."""
    string = '"' + "x" * (1 << 20) + '"'
    assert brackets("{" + string + ", [", 0) == 2
    assert _peak_bytes(lambda: brackets("{" + string + ", [", 0)) < 8 << 20
    record = logfmt_record("method=POST url=https://api.iugu.com/v1/transfers body=" + string)
    assert record is not None
    assert _peak_bytes(lambda: logfmt_record("method=POST body=" + string)) < 16 << 20
