"""Numbers of more digits than Python turns into a number (4,300) where a reader counts with one:
each reader passes over the number as it passes over any text it cannot read, never raising (a
ValueError cost the file its requests, as an internal error)."""

from __future__ import annotations

import pytest

from keyaudit.inputs.text_requests import exchanges_in_lines

DIGITS = "9" * 5000
URL = "https://api.iugu.com/v1/transfers"


@pytest.mark.parametrize("lines", [
    [f"--> POST {URL}", "Content-Type: application/json", "", "{}", f"--> END POST ({DIGITS}-byte body)"],  # OkHttp
    [f"---> POST {URL} HTTP/1.1", "", "{}", f"---> END HTTP ({DIGITS}-byte body)"],  # Feign
    ["array(2) {", '  ["url"]=>', f'  string({len(URL)}) "{URL}"', '  ["n"]=>', f"  int({DIGITS})", "}"],  # var_dump
    ["array(1) {", '  ["url"]=>', f'  string({DIGITS}) "{URL}"', "}"],
    [f"INSERT INTO outbox (method, url) VALUES (${DIGITS}, $2);"],  # a numbered placeholder
    ["INSERT INTO outbox (method, url) VALUES ($1, $2)", f"DETAIL:  parameters: $1 = 'POST', ${DIGITS} = '{URL}'"],
    [f"INSERT INTO outbox (method, url) VALUES ('POST', char({DIGITS}));"],  # a code point
])
def test_a_number_longer_than_python_converts_is_passed_over(lines: list[str]) -> None:
    list(exchanges_in_lines(list(enumerate(lines, 1)), "app.log"))


def test_a_digit_python_does_not_convert_is_passed_over() -> None:
    """``²`` is a digit to ``str.isdigit`` and none to ``int()``: SQL's ``char('²')`` raised (the request it was
    read for unjudged, the file an internal error); its code is unknown, the rest of the row read."""
    lines = [f"INSERT INTO outbox (method, url, note) VALUES ('POST', '{URL}', char('\u00b2'));"]
    found = list(exchanges_in_lines(list(enumerate(lines, 1)), "app.log"))
    assert [(e.method, e.url) for e in found] == [("POST", URL)]
