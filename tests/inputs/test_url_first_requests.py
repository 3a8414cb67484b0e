"""A request printed as its method and URL, in either order (`<absolute URL> <METHOD>`, as Java's
HttpRequest prints itself; `console.log(method, url, headers)`), is read where a map of header fields
follows them on the line: those are its headers, all it holds (an unsigned one shows so), and its body
only where one is printed after the map, alone up to the line's end (a string or bytes literal, a JSON
document); without such a map the pair names no request, or a request in passing."""

from __future__ import annotations

import pytest

from keyaudit.inputs.text_requests import exchanges_in_lines

URL = "https://api.iugu.com/v1/transfer_requests"
PREFIX = "2026-11-22 13:00:01.204 DEBUG 4242 --- [nio-8080-exec-1] c.a.p.PayoutClient       : sending "


def read(line: str) -> list[tuple[str, str, list[tuple[str, str]], bool, bytes | None]]:
    return [(e.method, e.url, e.headers, e.headers_known, e.body)
            for e in exchanges_in_lines([(1, "2026-11-22 13:00:00 INFO heartbeat ok"), (2, line)], "app.log")]


@pytest.mark.parametrize("headers", [
    "java.net.http.HttpHeaders@7a3f9c21 { {Content-Type=[application/json], Signature=[signature=ab==]} }",
    "{Content-Type=[application/json], Signature=[signature=ab==]}",
    "headers {'Content-Type': 'application/json', 'Signature': 'signature=ab=='}",
])
def test_a_url_then_a_method_then_a_map_of_header_fields_is_a_request_with_those_headers(headers: str) -> None:
    assert read(f"{PREFIX}{URL} POST {headers}") == [
        ("POST", URL, [("Content-Type", "application/json"), ("Signature", "signature=ab==")], True, None)]


@pytest.mark.parametrize("line", [
    f"{PREFIX}{URL} POST",  # no map: which headers it held is unknown
    f"{PREFIX}{URL} POST {{\"api_token\": \"x\", \"amount_cents\": 1050}}",  # a body's map: no header fields
    f"{PREFIX}{URL} POST {{retries=3, timeout=30s}}",
    f"2026-11-22 13:00:00 INFO see {URL} FOR details {{Docs}}",  # a sentence, a word in capitals
    f"{PREFIX}{URL} POSTED {{Content-Type=[application/json]}}",  # no method
])
def test_a_url_first_pair_without_a_map_of_header_fields_is_no_request(line: str) -> None:
    assert read(line) == []


def test_a_method_a_url_and_a_map_of_header_fields_on_one_line_are_a_request_with_those_headers() -> None:
    # console.log(method, url, headers): util.inspect quotes a name with a dash, not one without
    assert read(f"POST {URL} {{ 'Content-Type': 'application/json', Signature: 'signature=ab==' }}") == [
        ("POST", URL, [("Content-Type", "application/json"), ("Signature", "signature=ab==")], True, None)]


@pytest.mark.parametrize(("printed", "body"), [
    ("b'{\\n\"amount_cents\":1050\\n}'", b'{\n"amount_cents":1050\n}'),  # a bytes repr (httpx's content)
    ("'{\"amount_cents\": 1050}'", b'{"amount_cents": 1050}'),  # a string repr
    ('{"amount_cents":1050}', b'{"amount_cents":1050}'),  # a JSON document as it is
])
def test_a_body_printed_after_the_map_of_header_fields_is_the_body_sent(printed: str, body: bytes) -> None:
    """`log.debug("%s %s %r %r", request.method, request.url, request.headers, request.content)` from
    an httpx event hook: the map may be a type's constructor of it, and the body follows it."""
    assert read(f"2026-11-22 13:00:00,123 DEBUG payouts: POST {URL} Headers({{'content-type': 'application/json', "
                f"'signature': 'signature=ab=='}}) {printed}") == [
        ("POST", URL, [("content-type", "application/json"), ("signature", "signature=ab==")], True, body)]


@pytest.mark.parametrize("line", [
    f"2026-11-22 13:00:00 DEBUG POST {URL} {{'Content-Type': 'application/json'}} then retried 3 times",  # words
    f"2026-11-22 13:00:00 DEBUG POST {URL} Headers({{'Content-Type': 'application/json'}}) {{retries: 3}}",  # a map
    f"2026-11-22 13:00:00 DEBUG POST {URL} Retry({{'total': '3', 'backoff': '1'}}) b'{{}}'",  # no header fields
])
def test_a_map_of_header_fields_followed_by_anything_but_a_body_is_no_printed_request(line: str) -> None:
    assert read(line) == [("POST", URL, [], False, None)]


@pytest.mark.parametrize("line", [
    f"2026-11-22 13:00:00 DEBUG POST {URL} {{\"api_token\": \"x\"}}",  # a body's map: the request named, nothing shown
    f"2026-11-22 13:00:00 DEBUG POST {URL} {{retries: 3}}",
])
def test_a_method_and_a_url_before_a_map_of_other_fields_stay_a_mention(line: str) -> None:
    assert read(line) == [("POST", URL, [], False, None)]


def test_a_url_first_request_after_a_line_of_compact_records_is_read_where_it_is() -> None:
    """A URL holds no quote: each URL of a compact JSON line ends at its closing quote, not at the
    line's end, and the request printed after them is read (with its headers) on its own."""
    records = ",".join('{"href":"%s","rel":"next"}' % URL for _ in range(2000))
    assert read(f"[{records}] {PREFIX}{URL} POST {{Content-Type=[application/json]}}") == [
        ("POST", URL, [("Content-Type", "application/json")], True, None)]
