"""What a printer adds to a request dump it shows, told apart from the bytes sent: a CR written as
the hex escape Perl's term_escape writes (`\\x0d`, Mojo::UserAgent under MOJO_CLIENT_DEBUG), whose
other backslashes are the text's own; and the quotes that close a string literal printed around the
request (Julia's `show` of an HTTP.jl Request ends the body with `\"\"\"`), which a declared length
leaves out of the body."""

from __future__ import annotations

import pytest

from keyaudit.inputs.captures.lines import BodyLines
from keyaudit.inputs.text_requests import exchanges_in_lines

URL = "https://api.iugu.com/v1/invoices"
BODY = '{\n"email":"a@example.com",\n"note":"a\\\\b \\"c\\""\n}'  # a backslash of the JSON's own


def _mojo(body: str) -> list[str]:
    """The request as Mojo's client debug writes it: every control character but LF as `\\xHH`
    (each CR of the head `\\x0d`), a backslash as it is."""
    head = ["POST /v1/invoices HTTP/1.1", "Content-Type: application/json", f"Content-Length: {len(body)}",
            "Host: api.iugu.com", ""]
    shown = "".join(f"\\x{ord(char):02x}" if char < " " and char != "\n" else char for char in body)
    return [f"-- Client >>> Server ({URL})", *(f"{line}\\x0d" for line in head), *shown.split("\n"),
            f"-- Client >>> Server ({URL})", ""]


def test_a_head_whose_crs_are_hex_escapes_is_read_and_its_body_kept_as_written() -> None:
    (exchange,) = exchanges_in_lines(list(enumerate(_mojo(BODY), 1)), "mojo.log")
    assert (exchange.url, exchange.header("Content-Type"), exchange.body) == (URL, "application/json", BODY.encode())


def test_only_a_control_character_s_hex_escape_is_undone() -> None:
    body = '{"path":"C:\\x41",\r\n"tab":"\t"}'  # `\x41` written in the body itself; a CR LF and a tab sent
    (exchange,) = exchanges_in_lines(list(enumerate(_mojo(body), 1)), "mojo.log")
    assert exchange.body == body.encode()


def _filled(lines: list[str], expected: int, suffixed: bool = True) -> BodyLines:
    body = BodyLines(expected, suffixed=suffixed)
    for line in lines:
        body.add(line)
    return body


@pytest.mark.parametrize("closing", ['"""', '"', "'''", "`"])
def test_the_quotes_that_close_a_printed_string_after_the_declared_length_are_the_printer_s(closing: str) -> None:
    lines = BODY.split("\n")
    assert _filled([*lines[:-1], lines[-1] + closing], len(BODY)).value() == BODY.encode()


@pytest.mark.parametrize(("after", "suffixed"), [('"x', True), ('"""', False)])
def test_other_text_after_the_declared_length_or_a_guessed_body_start_shows_no_body(after: str, suffixed: bool) -> None:
    first, last = '{"email":"a@example.com",', '"n":1}'
    assert _filled([first, last + after], len(first) + 1 + len(last), suffixed).value() is None
