"""The request a structured record describes: where a gateway's record holds the request it
received and the one it passed on, the one passed on; a URL object written as its parts, its
port included."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from helpers.running import scan_json
from keyaudit.inputs.captures.records import request_of
from keyaudit.model.exchange import Exchange, Origin

URL = "https://api.iugu.com/v1/transfer_requests"
RECEIVED = {"method": "POST", "url": "https://payouts.gateway.example/transfers", "headers": {"X-Client": "app"}}


def request(record: dict) -> Exchange:
    found = request_of(record, Origin("records.log", 1))
    assert found is not None, record
    return found


@pytest.mark.parametrize("record", [
    # Azure API Management's trace: inbound, then the backend's forward-request entry
    {"traceEntries": {"inbound": [{"data": {"request": RECEIVED}}],
                      "backend": [{"source": "forward-request", "data": {"request": {"method": "POST", "url": URL}}}]}},
    # Gravitee's request log: the client's request, then the proxy's
    {"clientRequest": {"method": "POST", "uri": "/transfers", "headers": {"X-Client": "app"}},
     "proxyRequest": {"method": "POST", "uri": URL}},
    {"request": RECEIVED, "upstream_request": {"method": "POST", "url": URL}},
])
def test_a_record_of_a_request_received_and_passed_on_describes_the_one_passed_on(record: dict) -> None:
    assert request(record).url == URL


@pytest.mark.parametrize(("url", "expected"), [
    ({"protocol": "https", "port": "8443", "host": ["api", "iugu", "com"], "path": ["v1", "x"]},
     "https://api.iugu.com:8443/v1/x"),
    ({"protocol": "https", "port": "443", "host": ["api", "iugu", "com"], "path": ["v1", "x"]},
     "https://api.iugu.com/v1/x"),
    ({"host": "api.iugu.com", "port": 80, "path": "/v1/x"}, "http://api.iugu.com/v1/x"),
    ({"host": ["api", "iugu", "com"], "port": 8080, "path": ["v1", "x"], "query": [{"key": "a", "value": "1"}]},
     "https://api.iugu.com:8080/v1/x?a=1"),
])
def test_a_url_object_in_parts_is_assembled_with_its_port(url: dict, expected: str) -> None:
    assert request({"method": "GET", "url": url}).url == expected


def test_a_gateway_trace_reports_the_unsigned_transfer_it_forwarded(tmp_path: Path) -> None:
    forwarded = {"source": "forward-request", "data": {"request": {
        "method": "POST", "url": URL, "headers": [{"name": "Content-Type", "value": "application/json"}]}}}
    log = tmp_path / "trace.log"
    log.write_text(json.dumps({"traceEntries": {"inbound": [{"data": {"request": RECEIVED}}],
                                                "backend": [forwarded]}}) + "\n")
    report, _ = scan_json(str(log))
    assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == ["iugu-unsigned-transfer"]


@pytest.mark.parametrize("name", ["target", "remote_url", "upstreamUrl", "destination", "location", "address"])
def test_a_url_under_a_name_none_says_is_the_one_web_url_beside_the_method(name: str) -> None:
    assert request({"method": "POST", name: URL, "headers": {"Content-Type": "application/json"}}).url == URL


def test_two_web_urls_beside_the_method_and_no_name_saying_which_make_no_request() -> None:
    record = {"method": "POST", "target": URL, "callback": "https://payouts.example/hooks/iugu"}
    assert request_of(record, Origin("records.log", 1)) is None


@pytest.mark.parametrize(("base", "target"), [("https://api.iugu.com/v1", "/transfer_requests"),
                                              ("https://api.iugu.com/v1/", "transfer_requests"),
                                              ("https://api.iugu.com", "v1/transfer_requests")])
def test_a_relative_target_joins_the_clients_base_url(base: str, target: str) -> None:
    """axios's request config: ``baseURL`` and a ``url`` relative to it, joined as axios joins them."""
    assert request({"method": "post", "baseURL": base, "url": target}).url == URL
    assert request({"method": "POST", "base_url": base, "path": target}).url == URL


def test_values_logged_as_lists_of_one_are_those_values() -> None:
    # a sensor logs each field as the list of values it saw (Arkime's SPI fields)
    found = request({"http": {"method": ["POST"], "host": ["api.iugu.com"], "path": ["/v1/x"]},
                     "destination": {"port": 80}})
    assert (found.method, found.url) == ("POST", "http://api.iugu.com/v1/x")
    assert request_of({"method": ["POST", "GET"], "url": URL}, Origin("records.log", 1)) is None


@pytest.mark.parametrize(("uri", "expected"), [
    ("api.iugu.com/v1/x?a=1", "https://api.iugu.com/v1/x?a=1"),  # the host before the path, no scheme
    ("API.iugu.com/v1/x", "https://api.iugu.com/v1/x"),
    ("v1/x", "https://api.iugu.com/v1/x"),  # a path without its slash
    ("api.iugu.com.evil/v1/x", "https://api.iugu.com/api.iugu.com.evil/v1/x"),  # another name is path
])
def test_a_path_field_written_with_its_host_names_that_host_once(uri: str, expected: str) -> None:
    assert request({"method": "GET", "host": "api.iugu.com", "uri": uri}).url == expected


@pytest.mark.parametrize(("record", "expected"), [
    ({"request": "POST https://api.iugu.com/v1/transfer_requests", "headers": {"Signature": "signature=ab=="}},
     ("POST", URL, True)),  # a logger's `request`: the method and the URL, no HTTP version
    ({"request": "POST /v1/transfer_requests", "host": "api.iugu.com"}, ("POST", URL, False)),
    ({"request": "POST /v1/transfer_requests HTTP/1.1", "host": "api.iugu.com"}, ("POST", URL, False)),
])
def test_a_request_member_says_the_method_and_target_with_its_http_version_or_not(record: dict,
                                                                                  expected: tuple) -> None:
    found = request(record)
    assert (found.method, found.url, found.headers_known) == expected


@pytest.mark.parametrize("said", ["POST requests are retried", "transfer", "SEND https://api.iugu.com/v1/x",
                                  "POST https://api.iugu.com/v1/x and more"])
def test_a_request_member_that_is_no_request_line_says_no_request(said: str) -> None:
    assert request_of({"request": said, "host": "api.iugu.com"}, Origin("records.log", 1)) is None


# Armeria's DefaultTextLogFormatter, as the printed-map grammar reads it: the request line only in the HTTP/2
# pseudo-headers of its header list; `scheme` the serialization format and session protocol, no URL's scheme
ARMERIA = {"startTime": "2026-11-22T13:00:00.100Z(1795352400100000)", "length": "14B", "scheme": "none+h2",
           "name": "POST", "headers": [":method=POST", ":path=/v1/transfer_requests", ":scheme=https",
                                       ":authority=api.iugu.com", "content-type=application/json"],
           "contentPreview": '{"amount":1}'}


def test_a_header_list_opened_by_pseudo_headers_says_the_request_line() -> None:
    found = request(ARMERIA)
    assert (found.method, found.url, found.header("Content-Type"), found.body) == (
        "POST", URL, "application/json", b'{"amount":1}')
    netty = {"headers": [":method: POST", ":path: /v1/transfer_requests", ":scheme: https",
                         ":authority: api.iugu.com"]}
    assert (request(netty).method, request(netty).url) == ("POST", URL)


def test_a_field_value_a_printed_block_shows_in_pieces_is_put_back_together() -> None:
    """The printer joins fields and a value's own `, ` alike: a piece that is no field, or names one with upper case
    (HTTP/2 never does), or names the field before it again where that value is a parameter list, goes on with it."""
    listed = [*ARMERIA["headers"], "accept=application/json, text/plain", "date=Sun, 22 Nov 2026 13:00:00 GMT",
              "signature=algorithm=RSA256, keyVersion=0, signature=c2lnbmF0dXJl", "request-time=2026-11-22T13:00:00Z"]
    found = request({**ARMERIA, "headers": ", ".join(listed).split(", ")})  # as the record's list holds them
    assert (found.method, found.url) == ("POST", URL)
    assert (found.header("Accept"), found.header("Date"), found.header("Signature"), found.header("Request-Time")) == (
        "application/json, text/plain", "Sun, 22 Nov 2026 13:00:00 GMT",
        "algorithm=RSA256, keyVersion=0, signature=c2lnbmF0dXJl", "2026-11-22T13:00:00Z")


@pytest.mark.parametrize("headers", [
    [":status=201", "content-type=application/json"],  # a response's field block: no request line
    ["method=POST", "path=/v1/transfer_requests", "authority=api.iugu.com"],  # no pseudo-header first
    ["no field", ":method=POST", ":path=/v1/transfer_requests", ":authority=api.iugu.com"],  # no field first
])
def test_a_header_list_that_is_no_request_field_block_says_no_request(headers: list[str]) -> None:
    assert request_of({**ARMERIA, "headers": headers}, Origin("records.log", 1)) is None


def test_a_calls_positional_arguments_are_the_request_they_make() -> None:
    """A job queued to make the call keeps it as its arguments: the method, the URL, the headers, the body."""
    job = {"class": "PayoutOutboxJob", "args": ["POST", URL, {"Content-Type": "application/json", "Signature": "s"},
                                                '{"amount":1}', {"timeout": 30}]}
    found = request(job)
    assert (found.method, found.url, found.headers, found.body) == (
        "POST", URL, [("Content-Type", "application/json"), ("Signature", "s")], b'{"amount":1}')
    options_only = request({"args": ["POST", URL, {"timeout": 30, "retries": 2}, '{"amount":1}']})
    assert (options_only.headers, options_only.body) == ([], b'{"amount":1}')  # numbers are no header values


@pytest.mark.parametrize("items", [
    ["POST", "/v1/transfer_requests", {"Content-Type": "application/json"}],  # a route table's row: no absolute URL
    ["post", URL],  # a method as HTTP writes one, upper case
    [URL, "POST"],  # the method first
    ["POST", f"see {URL}"],  # a sentence
])
def test_a_list_that_does_not_begin_with_a_method_and_a_url_says_no_request(items: list) -> None:
    assert request_of({"args": items}, Origin("records.log", 1)) is None


def test_a_message_that_ends_with_an_object_after_its_words_holds_that_record() -> None:
    """A JSON log keeps a message a logger formatted an object into (`console.info(\\`iugu request
    ${JSON.stringify(…)}\\`)`): the object at the message's end is read as a record the string holds."""
    logged = json.dumps({"method": "post", "url": "https://api.iugu.com/v1/transfer_requests",
                         "headers": {"Content-Type": "application/json"}, "data": '{"a":1}'})
    found = request({"level": "INFO", "message": f"iugu request {logged}"})
    assert (found.method, found.url, found.body) == ("POST", "https://api.iugu.com/v1/transfer_requests", b'{"a":1}')
    # braces that close no object at the string's end, or an object followed by more words, hold none
    assert request_of({"message": "retry {attempt} of {max}", "method": "POST"}, Origin("r.log", 1)) is None


def test_the_object_a_message_ends_with_is_read_whatever_braces_its_words_hold(tmp_path: Path) -> None:
    """A template's holes left unfilled before the object (SLF4J's `{}`, a Serilog name): only the first four braces
    were tried as the object's start, so a fifth hole lost the plain-HTTP request (a weaker text finding stood in);
    the brace the last one closes is found in one pass (100,000 holes: a second at most)."""
    logged = json.dumps({"method": "POST", "url": "http://api.iugu.com/v1/transfer_requests", "note": "a}\\"})
    for number, holes in enumerate(("", "{} " * 5, "{Method} {Uri} {Status} {Elapsed} {Size} ")):
        (tmp_path / f"app{number}.jsonl").write_text(json.dumps({"message": f"iugu request {holes}{logged}"}) + "\n")
    report, _ = scan_json(str(tmp_path))
    assert sorted((Path(f["location"]["path"]).name, f["rule_id"]) for f in report["findings"]) == [
        (f"app{number}.jsonl", "iugu-plaintext-request") for number in range(3)]
    started = time.process_time()
    assert request({"message": "iugu request " + "{} " * 100_000 + logged}).method == "POST"
    assert time.process_time() - started < 1
