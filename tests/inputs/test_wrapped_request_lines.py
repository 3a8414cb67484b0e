"""Request lines a client writes inside marks of its own, the header fields on the lines under them
(:mod:`keyaudit.inputs.captures.dump_wrapped`): behind an arrow (Playwright's `DEBUG=pw:api`), in the
brackets of an object's toString with its identity hash after them (Jetty's HttpSender at DEBUG),
written as the protocol and the method joined to the URL by a colon, each header's name and value
quoted (actix awc's Debug) — and the look-alikes that are none."""

from __future__ import annotations

import pytest

from keyaudit.inputs.captures.dump_lines import header_line
from keyaudit.inputs.text_requests import exchanges_in_lines

URL = "https://api.iugu.com/v1/transfer_requests"
SIGNATURE = "signature=c2lnbmF0dXJlIG9mIHRoZSBib2R5"
PW = "2026-11-22T13:00:00.123Z pw:api "


def _read(lines: list[str]) -> list[tuple[str, str, str | None, bool]]:
    return [(exchange.method, exchange.url, exchange.header("Signature"), exchange.headers_known)
            for exchange in exchanges_in_lines(list(enumerate(lines, 1)), "requests.log")]


def test_a_request_line_behind_an_arrow_has_the_indented_fields_under_it_for_headers() -> None:
    lines = [PW + "=> apiRequestContext.post started", f"{PW}→ POST {URL}", PW + "  content-type: application/json",
             f"{PW}  Signature: {SIGNATURE}", PW + "← 201 Created", PW + "  content-type: application/json"]
    assert _read(lines) == [("POST", URL, SIGNATURE, True)]


def test_the_same_lines_in_an_error_s_call_log_are_the_request_too() -> None:
    """Playwright's error for a failed call lists its log under `Call log:`, each line after `  - `."""
    lines = ["Error: apiRequestContext.post: Request timed out after 30000ms", "Call log:", f"  - → POST {URL}",
             "  -   content-type: application/json", f"  -   Signature: {SIGNATURE}", ""]
    assert _read(lines) == [("POST", URL, SIGNATURE, True)]


def test_an_arrow_before_a_method_and_url_that_no_field_follows_is_no_request_with_headers() -> None:
    """A document's step (`→ POST <url>`, prose under it) names a request it does not send."""
    assert _read([f"→ POST {URL}", "", "The answer carries the transfer's id."]) == []


def test_a_request_line_in_an_object_s_brackets_has_the_fields_under_it_for_headers() -> None:
    head = "2026-11-22 13:00:00.123 DEBUG 4242 --- [HttpClient@1b2c3d4e-42] o.e.jetty.client.HttpSender : "
    lines = [head + "Request headers HttpRequest[POST /v1/transfer_requests HTTP/1.1]@6f3c2d91",
             "Accept-Encoding: gzip\r", f"Signature: {SIGNATURE}\r", "Host: api.iugu.com\r", "Content-Length: 80"]
    assert _read(lines) == [("POST", URL, SIGNATURE, True)]


def test_a_response_line_in_an_object_s_brackets_is_no_request() -> None:
    head = "2026-11-22 13:00:00.454 DEBUG 4242 --- [HttpClient@1b2c3d4e-42] o.e.jetty.client.HttpReceiver : "
    lines = [head + "Response headers HttpResponse[HTTP/1.1 201 Created]@5f3a9c1e", "Content-Type: application/json\r",
             "Host: api.iugu.com"]
    assert _read(lines) == []


@pytest.mark.parametrize("join", [":", " "])  # awc's Debug writes one or the other, by version
def test_a_protocol_then_a_method_joined_to_its_url_has_the_quoted_fields_under_it_for_headers(join: str) -> None:
    lines = ["[2026-11-22T13:00:00Z DEBUG payouts::iugu] ", f"ClientRequest HTTP/1.1 POST{join}{URL}", "  headers:",
             '    "content-type": "application/json"', f'    "signature": "{SIGNATURE}"', ""]
    assert _read(lines) == [("POST", URL, SIGNATURE, True)]


def test_a_header_line_whose_name_opens_a_quote_it_does_not_close_is_no_header() -> None:
    assert (header_line("quoted", '    "signature": "x"'), header_line("quoted", '"signature: "x"'),
            header_line("quoted", 'Signature: "x"')) == (("signature", "x"), None, ("Signature", "x"))
