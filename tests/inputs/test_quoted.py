"""A quoted string's inside, unrolled: the same matches as the textbook pattern, and a long string
read without a record per character."""

from __future__ import annotations

import re
import time
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from keyaudit.inputs.captures.dump_lines import brackets
from keyaudit.inputs.captures.logfmt import logfmt_record
from keyaudit.inputs.captures.quoted import NEWLINE, closable, escaped
from keyaudit.inputs.captures.runtime_pieces import goes_on
from keyaudit.inputs.text_requests import exchanges_in_lines

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


_MEBIBYTE = "x" * (1 << 20)
_URL = "https://api.iugu.com/v1/transfers"


@pytest.mark.parametrize("lines", [
    [f'"HSET" "outbox:1" "method" "POST" "url" "{_URL}" "body" "{_MEBIBYTE}"'],  # a store's command, its arguments
    [f'INSERT INTO "t" ("method", "url", "body") VALUES ($1, $2, $3)  [["method", "POST"], ["url", "{_URL}"], '
     f'["body", "{_MEBIBYTE}"]]'],  # Rails' bound values
    [f"INSERT INTO `t` (`method`, `url`, `body`) VALUES ('POST', '{_URL}', '{_MEBIBYTE}');"],  # MySQL's strings
    [f"INSERT INTO t (method, url, body) VALUES ('POST', '{_URL}', '{_MEBIBYTE}');"],  # standard SQL's
    [f'INSERT INTO `t` (`method`, `url`, `body`) VALUES ("POST", "{_URL}", "{_MEBIBYTE}");'],  # MySQL's other quote
    ["request {", '  method: "POST"', f'  url: "{_URL}"', f'  body: "{_MEBIBYTE}"', "}"],  # protobuf's text format
])
def test_every_readers_string_of_a_mebibyte_is_read_without_a_record_per_character(lines: list[str]) -> None:
    """Each held 144 MB while its textbook pattern matched the string (the CLI's peak: 176-300 MB
    for such a line, 45 MB for one without quotes)."""
    assert _peak_bytes(lambda: list(exchanges_in_lines(list(enumerate(lines, 1)), "app.log"))) < 32 << 20


def test_a_container_runtimes_piece_of_a_mebibyte_is_read_without_a_record_per_character() -> None:
    assert _peak_bytes(lambda: goes_on(b'{"log":"' + _MEBIBYTE.encode() + b'","stream":"stdout"}')) < 8 << 20


def test_no_pattern_writes_a_strings_inside_as_a_repeat_of_an_alternation() -> None:
    """The rule behind the tests above: a quoted string's inside is :func:`escaped` (or written as
    it is: a run, then each escape or doubled quote with the run after it), never a repeat of an
    alternation of one character and another piece (``(?:[^"\\]|\\.)*``, ``(?:[^']|'')*``)."""
    package = Path(__file__).resolve().parents[2] / "keyaudit"
    textbook = re.compile(r"""\(\?:\[\^[^\]]*\]\|[^()]*\)\*""")
    written = {str(path.relative_to(package)): found.group() for path in package.rglob("*.py")
               for found in textbook.finditer(path.read_text()) if path.name != "quoted.py"}
    assert written == {}


@given(_TEXT, st.sampled_from(['"', "'"]))
def test_a_text_whose_unclosable_quotes_are_blanked_holds_the_same_strings(text: str, quote: str) -> None:
    """A quote past the last one a backslash leaves alone begins no string: blanking it changes no
    string found, nor where anything stands."""
    pattern = re.compile(rf"{quote}({escaped(quote)}){quote}|[{{}}\]]")
    blanked = closable(text)
    assert len(blanked) == len(text)
    assert [m.span() for m in pattern.finditer(blanked)] == [m.span() for m in pattern.finditer(text)]


def test_a_line_of_escaped_quotes_after_an_open_bracket_is_read_in_linear_time() -> None:
    """Each quote of ``\\"`` repeated began a string read on to the line's end, where it failed:
    64 KB after a bracket left open took 19 s (the brackets of a map printed over lines)."""
    lines = [(1, "POST https://api.iugu.com/v1/transfers"), (2, "payload=(" + '\\"' * 32_000)]
    started = time.process_time()
    found = list(exchanges_in_lines(lines, "app.log"))
    assert (found, time.process_time() - started < 2) == ([], True)
