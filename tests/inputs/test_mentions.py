"""A request named in passing, a log message's `METHOD <absolute URL>`, is a request whose headers
and body are unknown, counted once: not again where another reading tells of it, nor once for each
line a client writes about one call. A URL in prose that no method stands before, a method inside
a word, a document's sentence, a redirect's or a referer's URL, name no request."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.running import scan_json
from helpers.signed_shapes import Request, assert_shape_findings, write_shape
from keyaudit.inputs.captures.mentions import CALL_LINES, NEAR_LINES
from keyaudit.inputs.captures.same_request import distinct
from keyaudit.inputs.text_requests import exchanges_in_lines
from keyaudit.model.exchange import Exchange, Origin

URL = "https://api.iugu.com/v1/transfer_requests"


def read(lines: list[str]) -> list[tuple[int, str, str, str, bool]]:
    """The requests in ``lines`` (each an anchor), as the scan counts them: line, capture, method,
    URL, whether the headers are known."""
    return [(e.origin.line, e.origin.capture, e.method, e.url, e.headers_known)
            for e in exchanges_in_lines(list(enumerate(lines, 1)), "app.log")]


@pytest.mark.parametrize("line", [
    f"VERBOSE: POST {URL} with 98-byte payload",  # PowerShell's -Verbose
    f"2026-11-22 13:00:00 [scrapy.core.engine] DEBUG: Crawled (201) <POST {URL}> (referer: None)",
    f"UNDICI 4321: sending request to POST {URL}",
    f"2026-11-22T13:00:00.123Z superagent POST {URL}",
    f"2026/11/22 13:00:00 [DEBUG] POST {URL}",  # go-retryablehttp
    f"13:00:00.123 [main] INFO  c.e.Payouts - calling (POST {URL}).",  # closing punctuation is no URL's
    # an exception's qualified type before its message: pytest's line of requests-mock's error, Feign's
    f"E       requests_mock.exceptions.NoMockAddress: No mock address: POST {URL}",
    f"feign.RetryableException: Read timed out executing POST {URL}",
])
def test_a_method_and_an_absolute_url_in_a_log_message_are_a_request_with_headers_unknown(line: str) -> None:
    assert read([line]) == [(1, "prose", "POST", URL, False)]


@pytest.mark.parametrize("line", [
    f"[2026-11-22, 13:00:00 UTC] {{http.py:200}} INFO - Sending 'POST' to url: {URL}",  # Airflow's HttpHook
    f'2026-11-22 13:00:00 DEBUG sending "POST" request to {URL}',
])
def test_a_quoted_method_a_few_words_before_an_absolute_url_is_a_request_with_headers_unknown(line: str) -> None:
    assert read([line]) == [(1, "prose-quoted", "POST", URL, False)]


@pytest.mark.parametrize("line", [
    f"2026-11-22 13:00:00 INFO the 'POST' method of this client is documented at {URL}",  # words too many
    f"2026-11-22 13:00:00 INFO see {URL} for the payout",  # no method
    f"2026-11-22 13:00:00 WARN FORGET {URL}",  # a method at a word's end
    f"2026-11-22 13:00:00 WARN POSTED {URL}",  # or at its start
    f"Payouts go out as POST {URL}, which must carry the Signature and Request-Time headers.",  # a document's
    f"## POST {URL}",  # a heading
    f"Call `POST {URL}` with the token in the body.",  # inline code
    f"POST {URL}",  # a request file's line that no header follows
    f"< Location: {URL}",  # a redirect
    f"2026-11-22 13:00:00 DEBUG Redirect Location: {URL}",
    f"Referer: {URL}",
    f"$ curl -X POST {URL} -H 'Authorization: Basic {{{{token}}}}'",  # a template, written as curl's option
    f"12:00:00 run: curl --request POST {URL} -H 'access_token: <your key>'",
    f"See payouts.md: POST {URL}",  # a file's name before the colon, or a module's, is no exception's type
    f"The requests_mock.exceptions: POST {URL}",
])
def test_a_url_no_method_stands_before_or_a_document_names_no_request(line: str) -> None:
    assert read(["2026-11-22 13:00:00 INFO worker heartbeat ok", line]) == []


@pytest.mark.parametrize("line", [
    f'2026/11/22 13:00:30 payout failed: Post "{URL}": context deadline exceeded',  # log.Printf("…: %v", err)
    'time="2026-11-22T13:00:30Z" level=error msg="payout failed" error=' + json.dumps(f'Post "{URL}": EOF'),  # logrus
    json.dumps({"level": "error", "msg": "payout failed", "error": f'Post "{URL}": dial tcp: i/o timeout'}),  # zap
])
def test_the_request_a_go_client_s_error_names_is_a_request_with_headers_unknown(line: str) -> None:
    """Go's *url.Error (`<Method with one capital> "<URL>": <error>`), in a line's words or a record's error."""
    assert read([line]) == [(1, "go-url-error", "POST", URL, False)]


@pytest.mark.parametrize("line", [
    f'2026/11/22 13:00:30 see Post "{URL}" in the guide',  # no error after the quoted URL
    'time="2026-11-22T13:00:30Z" level=error msg="payout failed" detail=' + json.dumps(f'Post "{URL}": EOF'),
    f'2026/11/22 13:00:30 Posting "{URL}": refused',  # no method: a longer word
])
def test_a_quoted_url_after_no_method_or_in_a_record_s_other_field_is_no_go_error(line: str) -> None:
    assert read(["2026-11-22 13:00:00 INFO worker heartbeat ok", line]) == []


@pytest.mark.parametrize("line", [
    f'payout failed: [POST] "{URL}": 422 Unprocessable Entity',  # console.error(…, err.message)
    f'FetchError: [POST] "{URL}": <no response> fetch failed',
    json.dumps({"level": 50, "msg": "payout failed", "err": f'[POST] "{URL}": 500 Internal Server Error'}),
])
def test_a_method_in_brackets_before_a_quoted_url_and_a_colon_is_a_request_with_headers_unknown(line: str) -> None:
    """ofetch's FetchError (`[<METHOD>] "<url>": <status>`), as a line's words or a record's field."""
    assert read([line]) == [(1, "bracketed-method", "POST", URL, False)]


@pytest.mark.parametrize("line", [
    f'2026-11-22 13:00:00 INFO [POST] "{URL}" sends the transfer',  # no colon after the quoted URL
    f'2026-11-22 13:00:00 INFO [WARN] "{URL}": slow',  # a level, no method
    f'2026-11-22 13:00:00 INFO routes[POST] "{URL}": registered',  # a word glued to the bracket
    f'2026-11-22 13:00:00 INFO [[POST] "{URL}": 1]',  # a list's bracket
])
def test_a_bracketed_word_before_a_quoted_url_that_no_error_writes_is_none(line: str) -> None:
    assert read(["2026-11-22 13:00:00 INFO worker heartbeat ok", line]) == []


@pytest.mark.parametrize("line", [
    f'org.springframework.web.client.ResourceAccessException: I/O error on POST request for "{URL}": Read timed out',
    f'2026-11-22 13:00:00.123 DEBUG 4242 --- [main] o.s.web.client.RestTemplate : POST request for "{URL}" resulted '
    "in 201 (Created)",
    json.dumps({"level": "error", "msg": "payout failed",
                "error": f'I/O error on POST request for "{URL}": Connection refused'}),
])
def test_a_method_s_request_for_a_quoted_url_is_a_request_with_headers_unknown(line: str) -> None:
    """Spring's RestTemplate names its request `<METHOD> request for "<url>"`, in its errors and its debug line."""
    assert read([line]) == [(1, "request-for", "POST", URL, False)]


@pytest.mark.parametrize("line", [
    f'Send a POST request for "{URL}" with the signed body.',  # a document's sentence: no prefix before it
    f'2026-11-22 13:00:00 INFO a XPOST request for "{URL}"',  # no method: a longer word
    f'2026-11-22 13:00:00 INFO POST request for {URL} queued',  # the URL not quoted
])
def test_a_request_for_a_url_that_no_log_or_error_writes_is_none(line: str) -> None:
    assert read(["2026-11-22 13:00:00 INFO worker heartbeat ok", line]) == []


def test_an_error_logged_as_an_object_names_the_request_in_its_own_message() -> None:
    """pino's and bunyan's serialised `err` (type, message, stack): ky's HTTPError, `Request failed with
    status code <status>: <METHOD> <url>`, is the failed request."""
    err = {"type": "HTTPError", "message": f"Request failed with status code 422 Unprocessable Entity: POST {URL}",
           "stack": "HTTPError: Request failed …\n    at Ky._retry (ky.js:61:23)"}
    assert read([json.dumps({"level": 50, "err": err, "msg": "payout failed"})]) == [(1, "prose", "POST", URL, False)]


@pytest.mark.parametrize("err", [
    {"type": "HTTPError", "message": f"Request failed, see POST docs at {URL}"},  # no prefix's end before the method
    {"type": "HTTPError", "detail": f"Request failed with status code 422: POST {URL}"},  # no message in the error
])
def test_an_error_object_whose_message_names_no_request_is_none(err: dict[str, str]) -> None:
    assert read([json.dumps({"level": 50, "err": err, "msg": "payout failed"})]) == []


@pytest.mark.parametrize("line", [
    json.dumps({"time": "2026-11-22T13:00:00Z", "level": "info", "msg": f"sending request to POST {URL}"}),
    json.dumps({"level": "debug", "msg": f"POST {URL}"}),  # the method first in the message: the record before it
    json.dumps({"log": json.dumps({"level": "info", "message": f"calling POST {URL}\nattempt 1"}) + "\n",
                "stream": "stdout"}),  # a record inside a container runtime's
    f'level=info msg="sending request to POST {URL}" component=payouts',  # logfmt, no time to stand as a prefix
])
def test_a_method_and_an_absolute_url_in_a_records_message_are_a_request_with_headers_unknown(line: str) -> None:
    """A JSON or logfmt record is its message's log prefix, though its message carries none."""
    assert read([line]) == [(1, "prose", "POST", URL, False)]


def test_a_record_read_as_a_request_and_naming_it_in_its_message_is_one_request() -> None:
    """The record's own fields tell of the request: its message's words are a part of that."""
    record = {"msg": f"sending request to POST {URL}", "method": "POST", "url": URL,
              "headers": {"Content-Type": "application/json"}}
    assert read([json.dumps(record)]) == [(1, "jsonlog", "POST", URL, True)]
    assert read([json.dumps({"level": "info", "msg": f"see {URL} for the payout"})]) == []


@pytest.mark.parametrize("line", ["Step 2: POST {url} with the api_token in the body.", "Passo 2: POST {url}",
                                  "Note: POST {url} is how payouts go out.", "1. POST {url}", "Step 2: POST {url}"])
def test_a_documents_numbered_step_or_label_names_no_request(line: str, tmp_path: Path) -> None:
    """A runbook's step (``Step 2: POST http://…``) is a sentence whose label is no log prefix:
    no request, so no plain-HTTP finding about a request nobody logged sending; the same step in
    a log's line after its time is one."""
    plain = URL.replace("https://", "http://")
    doc = tmp_path / "runbook.md"
    doc.write_text(f"# Payouts\n\n{line.format(url=plain)}\n")
    report, _ = scan_json(str(doc))
    assert report["scan"]["requests"].get("requests_judged") is None, report["findings"]
    log = tmp_path / "app.log"
    log.write_text(f"2026-11-22 13:00:00 INFO {line.format(url=plain)}\n")
    report, _ = scan_json(str(log))
    assert [f["rule_id"] for f in report["findings"]] == ["iugu-plaintext-request"]


def test_a_referer_beside_a_request_named_in_passing_is_no_request() -> None:
    other = "https://api.iugu.com/v1/accounts"
    assert read([f"2026-11-22 13:00:00 [scrapy.core.engine] DEBUG: Crawled (201) <POST {URL}> (referer: {other})"]) \
        == [(1, "prose", "POST", URL, False)]


def test_the_lines_a_client_writes_about_one_call_are_one_request_and_two_calls_are_two() -> None:
    call = [f"UNDICI 4321: sending request to POST {URL}", f"UNDICI 4321: received response to POST {URL} - HTTP 201",
            f"UNDICI 4321: trailers received from POST {URL}"]
    noise = ["2026-11-22 13:00:00 INFO worker heartbeat ok"] * 40
    assert [line for line, *_ in read(call + noise + call)] == [1, 44]


def test_a_request_named_beside_a_dump_of_it_is_the_dump() -> None:
    """A debug line before the client's dump and one after it (its response): one request, read
    with its headers; the same beside a curl command."""
    dump = ["POST /v1/transfer_requests HTTP/1.1", "Host: api.iugu.com", "Content-Type: application/json",
            "Content-Length: 2", "", "{}"]
    lines = [f"2026/11/22 13:00:00 [DEBUG] POST {URL}", *dump, f"13:00:00 received response to POST {URL} - HTTP 201"]
    assert read(lines) == [(2, "wire", "POST", URL, True)]
    assert read([f"13:00:00 run: curl -s -X POST {URL} -H 'Content-Type: application/json' -d '{{}}'",
                 f"13:00:01 [DEBUG] POST {URL}"]) == [(1, "curl", "POST", URL, True)]


def test_a_request_named_in_passing_inside_a_dump_being_read_is_its_line() -> None:
    """A body line that names a request in its words does not end the request it belongs to."""
    body = '{"note":"[retry] POST https://api.iugu.com/v1/transfers"}'
    prefix = "2026-11-22 13:00:00.123 D/OkHttp: "
    lines = [f"{prefix}--> POST {URL}", f"{prefix}Content-Type: application/json", prefix, prefix + body,
             f"{prefix}--> END POST ({len(body)}-byte body)"]
    [found] = exchanges_in_lines(list(enumerate(lines, 1)), "app.log")
    assert (found.origin.capture, found.body) == ("okhttp", body.encode())


def _exchange(capture: str, line: int, url: str = URL, known: bool = True) -> Exchange:
    headers = [("Content-Type", "application/json")] if known else []
    return Exchange("POST", url, headers, b"{}" if known else None, origin=Origin("x", line, capture=capture),
                    headers_known=known)


def test_a_mention_near_another_reading_of_its_method_and_url_is_that_reading() -> None:
    """Before or after it, a fuller reading or another shape's one-line reading (which keeps its
    own count): within NEAR_LINES the mention is no request; further, it is one."""
    dump = _exchange("wire", 100)
    assert distinct([_exchange("prose", 100 - NEAR_LINES, known=False), dump,
                     _exchange("prose", 100 + NEAR_LINES, known=False)]) == [dump]
    far = [_exchange("prose", 99 - NEAR_LINES, known=False), dump, _exchange("prose", 101 + NEAR_LINES, known=False)]
    assert distinct(far) == far
    httpx = _exchange("httpx", 3, known=False)
    assert distinct([_exchange("prose", 1, known=False), httpx]) == [httpx]
    other = _exchange("prose", 2, "https://api.iugu.com/v1/transfers", known=False)
    assert distinct([_exchange("wire", 1), other]) == [_exchange("wire", 1), other]


def test_mentions_of_one_call_follow_each_other_within_call_lines() -> None:
    run = [_exchange("prose", line, known=False) for line in (1, 1 + CALL_LINES, 1 + 2 * CALL_LINES)]
    assert [e.origin.line for e in distinct(run)] == [1]
    apart = [_exchange("prose", line, known=False) for line in (1, 2 + CALL_LINES)]
    assert [e.origin.line for e in distinct(apart)] == [1, 2 + CALL_LINES]


def _named_around_a_dump(request: Request) -> list[str]:
    """A raw dump of the request, the client's debug line naming it before, and its response line after."""
    body = request.body.encode()
    return [f"2026/11/22 13:00:00 [DEBUG] {request.method} {request.url}",
            f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}",
            *(f"{name}: {value}" for name, value in request.headers), f"Content-Length: {len(body)}", "",
            *request.body.split("\n"), f"13:00:00 received response to {request.method} {request.url} - HTTP 201"]


def test_requests_named_beside_their_dumps_are_judged_once_and_as_signed(tmp_path: Path) -> None:
    """The four requests of the signed corpus, each dumped and named twice in passing: four
    requests judged, the signed ones verified (good and bad), the unsigned ones found, no replay."""
    path, public = write_shape(_named_around_a_dump, tmp_path)
    assert_shape_findings(path, public, "named_around_a_dump")
    report, _ = scan_json("--public-key", str(public), str(path))
    assert report["scan"]["requests"]["requests_judged"] == 4, report["scan"]["requests"]


PREFIX = "2026-11-22 13:00:00,123 DEBUG payouts.client: "
BODY = '{"api_token":"x","amount_cents":1050}'
MAP = "{'Content-Type': 'application/json', 'Content-Length': '%d', 'Signature': 'signature=ab=='}" % len(BODY)


def parts(lines: list[str]) -> list[tuple[str, list[tuple[str, str]], bool, bytes | None]]:
    return [(e.origin.capture, e.headers, e.headers_known, e.body)
            for e in exchanges_in_lines(list(enumerate(lines, 1)), "app.log")]


def test_a_request_printed_part_by_part_behind_a_log_prefix_has_its_headers_and_body() -> None:
    # print(method, url) / print(headers) / print(body) through a logger: three records, no labels
    found = parts([PREFIX + f"POST {URL}", PREFIX + MAP, PREFIX + BODY, PREFIX + "worker heartbeat ok"])
    assert found == [("prose", [("Content-Type", "application/json"), ("Content-Length", str(len(BODY))),
                                ("Signature", "signature=ab==")], True, BODY.encode())]
    printed = '{\n"api_token":"x",\n"amount_cents":1050\n}'  # the logger's prefix on its first line only
    over_lines = parts([PREFIX + f"POST {URL}", PREFIX + MAP.replace(str(len(BODY)), str(len(printed))),
                        PREFIX + "{", '"api_token":"x",', '"amount_cents":1050', "}", PREFIX + "heartbeat ok"])
    assert over_lines[0][3] == printed.encode()


@pytest.mark.parametrize(("after", "headers", "body"), [
    # the record after the map is no body its headers say was sent: never judged as the bytes signed
    ([PREFIX + '{"status": 201, "id": "tr_1"}'], True, None),
    ([PREFIX + "api_token=x&amount_cents=1050", PREFIX + BODY], True, None),  # no JSON first: no body, none absorbed
    ([], True, None),
])
def test_a_record_after_the_printed_headers_is_the_body_only_where_their_length_says_so(
        after: list[str], headers: bool, body: bytes | None) -> None:
    found = parts([PREFIX + f"POST {URL}", PREFIX + MAP, *after])
    assert [(known, sent) for _, _, known, sent in found] == [(headers, body)]


@pytest.mark.parametrize("after", [
    PREFIX + "Signature: none",  # a header line alone is no printed head
    PREFIX + "{'retries': 3}",  # a map of no header fields
    "",  # a blank line closes nothing
    PREFIX + BODY,  # a body with no headers before it
])
def test_a_pair_no_map_of_header_fields_follows_stays_a_mention(after: str) -> None:
    assert parts([PREFIX + f"POST {URL}", after, PREFIX + MAP]) == [("prose", [], False, None)]


def test_a_runner_s_line_naming_a_call_and_its_response_s_status_is_a_request_with_headers_unknown() -> None:
    """Newman's CLI reporter: `  <method> <url> [<code> <reason>, <size>, <time>]`, under the item's name; a
    bracket that holds no status after the pair names no call run."""
    listing = ["→ Transfer to the supplier", f"  POST {URL} [201 Created, 412B, 312ms]", "  ✓  Status code is 201"]
    assert read(listing) == [(2, "runner-call", "POST", URL, False)]
    assert read(["→ Transfer to the supplier", f"  POST {URL} [see the payouts guide]"]) == []


def test_requests_named_in_passing_line_after_line_are_each_their_own() -> None:
    """A log naming a call on each of its lines (an access log of a client, a poller's): a line naming a request
    while the one named on a line before still waits for its headers or its body is no line of it, but the next
    request (every second one was lost)."""
    lines = [f"2026-11-30T01:02:0{n}Z INFO GET https://api.iugu.com/v1/customers/{n}?limit=1 200 12ms"
             for n in range(6)]
    assert [(line, method, url) for line, _, method, url, _ in read(lines)] == [
        (n + 1, "GET", f"https://api.iugu.com/v1/customers/{n}?limit=1") for n in range(6)]
    headers = json.dumps({"Content-Type": "application/json"})
    assert [line for line, *_ in read([lines[0], f"2026-11-30T01:02:00Z INFO {headers}", lines[1]])] == [1, 3]
