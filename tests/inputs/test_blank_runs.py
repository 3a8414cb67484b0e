"""A long run of blanks in a value read up to the blanks that end its line: the value is as long as it goes to a
last character not blank, found once. A lazy value tried at each blank of the run, reading the run on from each,
cost the run's length squared, and cubed with a run of blanks taken before it (a Gherkin row of 4 KB took 10 s)."""

from __future__ import annotations

import time

import pytest

from keyaudit.inputs.captures.label_patterns import shapes
from keyaudit.inputs.captures.lines import split_header
from keyaudit.inputs.text_requests import exchanges_in_lines

BLANKS = " \t" * 20_000
URL = "https://api.iugu.com/v1/transfer_requests"


def _spent(read: object, *arguments: object) -> float:
    started = time.process_time()
    read(*arguments)  # type: ignore[operator]
    return time.process_time() - started


def test_a_header_value_is_read_up_to_its_trailing_blanks_in_linear_time() -> None:
    assert split_header("X-Pad:  a \t b \t") == ("X-Pad", "a \t b")
    assert split_header("X-Pad: \t ") == ("X-Pad", "")
    assert split_header("X-Pad: a\nb") is None
    assert _spent(split_header, "X-Pad: a" + BLANKS + "b") < 0.5


@pytest.mark.parametrize("shape", shapes(), ids=lambda shape: shape.capture)
def test_no_label_reads_a_run_of_blanks_more_than_once(shape: object) -> None:
    for label in shape.labels:  # type: ignore[attr-defined]
        lines = [lead + label.needle + gap + BLANKS[:8_000] + "x"
                 for lead in ("", "  ") for gap in ("", " a", " a | ", "a | ")]
        assert sum(_spent(label.match, line) for line in lines) < 0.25, label.needle


def test_a_gherkin_row_s_value_is_read_between_its_pipes() -> None:
    lines = ["Feature: pay", "  Scenario: pay", "    Given the request headers",
             "      | Content-Type | application/json |  ", "      | X-Note | a | b |",
             f'    When I send a POST request to "{URL}"']
    (exchange,) = exchanges_in_lines(list(enumerate(lines, 1)), "pay.feature")
    assert ("X-Note", "a | b") in exchange.headers and ("Content-Type", "application/json") in exchange.headers


def test_an_inspected_config_field_s_value_ends_before_its_comma_and_blanks() -> None:
    lines = ["  config: {", f"    url: '{URL}',   ", "    method: 'post',", "    data: " + BLANKS + "x", "  }"]
    started = time.process_time()
    (exchange,) = exchanges_in_lines(list(enumerate(lines, 1)), "axios.log")
    assert (exchange.method, exchange.url, time.process_time() - started < 0.5) == ("POST", URL, True)


def test_a_powershell_body_of_encoded_bytes_is_read_past_a_run_of_blanks_once() -> None:
    command = f"Invoke-RestMethod -Method Post -Uri {URL} -Body ([Text.Encoding]::UTF8.GetBytes(%s)%s)"
    (exchange,) = exchanges_in_lines([(1, command % ("  '{\"amount_cents\": 1}'  ", ""))], "pay.ps1")
    assert exchange.body == b'{"amount_cents": 1}'
    blanks = [(1, command % (" " * 4_000 + "'x'", " + 1"))]  # no bytes of a string alone: read to the end, given up
    assert _spent(lambda: list(exchanges_in_lines(blanks, "pay.ps1"))) < 0.5
