"""Headers a program prints below their label, and a message's later lines bare: the four money-out requests of
:mod:`helpers.signed_shapes` (signatures made with a real key pair, checked with ``--public-key``) as hand-written
interceptors and print statements log them — ``Request Headers:`` then a ``Name: value`` line a header, indented or
not, or a JSON document; the logger's prefix on the message's first line alone, or on every line. And the YAML a
reader of labelled lines must leave to the YAML reader: a mapping whose method key comes below its headers, whose
body is a block scalar (``body: |``), read as lines, would be a body of ``|`` with the headers shown — a false bad
signature."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.signed_shapes import Request, check_shape
from keyaudit.inputs.text_requests import exchanges_in_lines

PREFIX = "2026-11-22 13:01:00.123 INFO  [payouts] c.e.PayoutsClient - "


def bare_lines(request: Request) -> list[str]:
    # log.info("Request URL: {}\nRequest Method: {}\nRequest Headers:\n{}Request Body:\n{}", …): one message, the
    # logger's prefix on its first line alone, the headers indented below their label
    return ([PREFIX + f"Request URL: {request.url}", f"Request Method: {request.method}", "Request Headers:",
             *(f"    {name}: {value}" for name, value in request.headers), "Request Body:", *request.body.split("\n")])


def prefixed_lines(request: Request) -> list[str]:
    # a logger call a line: every line carries the prefix, a header's indented after it
    return [PREFIX + line for line in (f"Request: {request.method} {request.url}", "Request headers:",
                                       *(f"  {name}: {value}" for name, value in request.headers), "Request body:",
                                       *request.body.split("\n"))]


def json_document(request: Request) -> list[str]:
    # the headers map printed as JSON below its label (Jackson's writerWithDefaultPrettyPrinter, JSON.stringify(h,
    # null, 2))
    return ([PREFIX + f"Request URL: {request.url}", f"Request Method: {request.method}", "Request Headers:",
             *json.dumps(dict(request.headers), indent=2).split("\n"), "Request Body:", *request.body.split("\n")])


def unindented(request: Request) -> list[str]:
    # print() with no logger: no prefix at all, the headers flush with their label, up to the body's label
    return ([f"URL: {request.url}", f"Method: {request.method}", "Headers:",
             *(f"{name}: {value}" for name, value in request.headers), "Body:", *request.body.split("\n")])


def yaml_one_member_maps(request: Request) -> list[str]:
    # a YAML record whose headers are a list of one-member maps (`- Name: value`), as YAML keeps an ordered map
    return ([PREFIX + "outgoing request", f"  method: {request.method}", f"  url: {request.url}", "  headers:",
             *(f"    - {name}: {json.dumps(value)}" for name, value in request.headers), "  body: |-",
             *(f"    {line}" for line in request.body.split("\n"))])


def yaml_method_below_headers(request: Request) -> list[str]:
    # a request step whose url comes first, then its headers, then its method, then a block scalar body: the YAML
    # reader's, read by labelled lines it would send `|`
    return (["steps:", "  - name: pay", "    http:", f"      url: {request.url}", "      headers:",
             *(f"        {name}: {json.dumps(value)}" for name, value in request.headers),
             f"      method: {request.method}", "      body: |-",
             *(f"        {line}" for line in request.body.split("\n"))])


@pytest.mark.parametrize("shape", [bare_lines, prefixed_lines, json_document, unindented, yaml_one_member_maps,
                                   yaml_method_below_headers], ids=lambda shape: shape.__name__)
def test_headers_below_their_label_are_the_request_s(shape: object, tmp_path: Path) -> None:
    check_shape(shape, tmp_path)  # type: ignore[arg-type]


def test_a_label_that_opens_a_request_again_begins_the_next_run() -> None:
    """Two requests logged back to back, each message's lines bare after its first: the second's URL label begins
    its own run (the first run, its URL said twice, would be no one request's record)."""
    lines = []
    for amount in (100, 200):
        lines += [PREFIX + "Request URL: https://api.asaas.com/v3/transfers", "Request Method: POST",
                  "Request Headers:", "    access_token: $aact_placeholder", f'Request Body: {{"value": {amount}}}']
    read = [(exchange.url, exchange.body) for exchange in exchanges_in_lines(list(enumerate(lines, 1)), "app.log")
            if exchange.origin.capture == "part-lines"]
    assert read == [("https://api.asaas.com/v3/transfers", b'{"value": 100}'),
                    ("https://api.asaas.com/v3/transfers", b'{"value": 200}')]


def test_a_bare_line_that_opens_the_log_s_next_record_ends_the_run() -> None:
    lines = [PREFIX + "Request URL: https://api.asaas.com/v3/transfers", "Request Method: POST", "Request Headers:",
             "    access_token: $aact_placeholder", "2026-11-22 13:01:01 WARN other - Body: {\"value\": 1}"]
    (exchange,) = [exchange for exchange in exchanges_in_lines(list(enumerate(lines, 1)), "app.log")
                   if exchange.origin.capture == "part-lines"]
    assert exchange.body is None and exchange.headers == [("access_token", "$aact_placeholder")]


def _part_lines(lines: list[str]) -> list[tuple[str, str, bytes | None]]:
    return [(exchange.method, exchange.url, exchange.body)
            for exchange in exchanges_in_lines(list(enumerate(lines, 1)), "app.log")
            if exchange.origin.capture == "part-lines"]


TRANSFER = "https://api.iugu.com/v1/transfer_requests"
AUTH = '{"Authorization": "Basic abc", "Content-Type": "application/json"}'


def test_a_part_said_again_in_other_words_ends_the_run() -> None:
    """A request's lines bare after a prefixed one's: its ``Method:`` is the next request's, though the run above
    said ``Request Method:`` (the same part in other words), and begins it."""
    lines = [PREFIX + "Request URL: https://api.iugu.com/v1/accounts", PREFIX + "Request Method: GET",
             PREFIX + f"Request Headers: {AUTH}", "Method: POST", f"URL: {TRANSFER}", f"Headers: {AUTH}",
             'Body: {"amount_cents": 100}']
    assert _part_lines(lines) == [("GET", "https://api.iugu.com/v1/accounts", None),
                                  ("POST", TRANSFER, b'{"amount_cents": 100}')]


@pytest.mark.parametrize("answer", [["Response: 200 OK", f"Headers: {AUTH}", 'Body: {"id": "tr_1"}'],
                                    ["Status: 200", 'Body: {"id": "tr_1"}']], ids=["headers-and-body", "body"])
def test_an_answer_s_bare_parts_after_the_request_end_its_run(answer: list[str]) -> None:
    """The answer logged as one message under the request (its first line prefixed or not, the rest bare): its
    headers and body are said again, and are the answer's, not the request's."""
    request = [PREFIX + f"Request: POST {TRANSFER}", f"Headers: {AUTH}", 'Body: {"amount_cents": 100}']
    assert _part_lines(request + [PREFIX + answer[0], *answer[1:]]) == [("POST", TRANSFER, b'{"amount_cents": 100}')]
    prefixed = [PREFIX + line for line in request]
    assert _part_lines(prefixed + [PREFIX + answer[0], *answer[1:]]) == [("POST", TRANSFER, b'{"amount_cents": 100}')]
