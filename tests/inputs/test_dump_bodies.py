"""Where the body of a request written as text begins and ends, by rules the dump table's shapes
share: a body marked apart from the head's lines (a debug callback's rendering of the data sent),
a body that no length bounds, which ends where the log's next record begins, and a JSON body a
library appends bare to the message of its marked head lines."""

from __future__ import annotations

import json
from pathlib import Path
from pprint import pformat
from typing import Any

import pytest

from helpers.credentials import asaas_key
from helpers.running import run_scan, scan_json
from helpers.signed_shapes import Request, requests
from helpers.signing import key_pair, signature_header
from keyaudit.inputs.text_requests import exchanges_in_lines

URL = "https://api.iugu.com/v1/invoices"
BODY = '{\n  "email": "a@example.com",\n  "due_date": "2026-11-30"\n}'


def _scan(folder: Path, lines: list[str], public: Path) -> dict[str, int]:
    log = folder / "requests.log"
    log.write_text("\n".join(lines) + "\n")
    report, _ = scan_json("--public-key", str(public), str(log))
    return report["scan"]["requests"]


def _timeline(request: Request) -> list[str]:
    """The request as a timeline of libcurl's debug rows shows it: `> ` header rows, a blank
    line between rows of two kinds, `| ` before each row of the body sent."""
    head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}",
            *(f"{name}: {value}" for name, value in request.headers), f"Content-Length: {len(request.body)}"]
    body = [f"| {line}" for line in request.body.split("\n")]
    return ["* Connected", "", *(f"> {line}" for line in head), "", *body, "", "* upload completely sent off", "",
            "< HTTP/1.1 201 Created"]


def test_a_body_marked_as_data_sent_after_a_marked_head_is_the_body_sent(tmp_path: Path) -> None:
    found, public = requests(tmp_path)
    assert _scan(tmp_path, _timeline(found[1]), public) == {"requests_judged": 1, "signatures_valid": 1}
    assert _scan(tmp_path, _timeline(found[2]), public) == {"requests_judged": 1, "signatures_invalid": 1}
    # a blank line that no data follows still ends the request: the bare line after it is no header
    lines = ["> POST /v1/invoices HTTP/1.1", "> Host: api.iugu.com", "> Content-Length: 2", "", "Note: retried", "",
             "| {}"]
    (exchange,) = exchanges_in_lines(list(enumerate(lines, 1)), "timeline.txt")
    assert (exchange.url, exchange.header("Note"), exchange.body) == (URL, None, None)


def _logged(body: str, length: bool) -> list[str]:
    """A request written after the first line of its log record, without the log's prefix; the
    next record, of another logger, right after its body."""
    head = ["POST https://api.iugu.com/v1/invoices HTTP/1.1", "Content-Type: application/json"]
    return ["2026-11-22T13:00:00.123Z TRACE 1 --- [main] http.Client : Outgoing Request: 2d66e4bc",
            *head, *([f"Content-Length: {len(body)}"] if length else []), "", *body.split("\n"),
            "2026-11-22 13:00:01 INFO worker heartbeat ok", "2026-11-22 13:00:02 INFO worker heartbeat ok"]


def test_a_body_no_length_bounds_ends_where_the_logs_next_record_begins() -> None:
    (exchange,) = exchanges_in_lines(list(enumerate(_logged(BODY, length=False), 1)), "app.log")
    assert (exchange.url, exchange.body) == (URL, BODY.encode())


def test_a_declared_length_keeps_a_body_line_that_begins_like_a_record() -> None:
    body = BODY + "\n2026-11-22 13:00:00 INFO a line of a log file uploaded"
    (exchange,) = exchanges_in_lines(list(enumerate(_logged(body, length=True), 1)), "app.log")
    assert exchange.body == body.encode()
    (exchange,) = exchanges_in_lines(list(enumerate(_logged(body, length=False), 1)), "app.log")
    assert exchange.body == BODY.encode()


def _records_after_a_dump(key: str) -> list[str]:
    """A raw dump of a GET that declares no body, then the log's next records: a container's
    envelope of a JSON request record, a record pretty-printed over lines, and one carrying ``key``."""
    record = {"method": "GET", "url": "https://api.asaas.com/v3/customers", "headers": {"access_token": "***"}}
    carrying = {**record, "headers": {"access_token": key}}
    return ["GET /v3/customers?limit=10 HTTP/1.1", "Host: api.asaas.com", "access_token: ***", "",
            json.dumps({"log": json.dumps(record)}), *json.dumps(record, indent=2).split("\n"),
            *(json.dumps(record),) * 20, json.dumps({"log": json.dumps(carrying)})]


def test_a_body_of_no_declared_length_ends_where_the_json_document_it_opened_closes() -> None:
    key = asaas_key()
    lines = _records_after_a_dump(key)
    dump = next(e for e in exchanges_in_lines(list(enumerate(lines, 1)), "app.log") if e.origin.line == 1)
    carried = key.encode() in (dump.body or b"")  # asked apart: a failing assert would print the key
    assert not carried, "the dump's body ran on into the records after it"
    assert dump.body == json.dumps({"method": "GET", "url": "https://api.asaas.com/v3/customers",
                                    "headers": {"access_token": "***"}}).encode()


def test_a_key_in_the_records_after_a_dump_is_found_where_the_text_shows_it_whatever_the_ranges(tmp_path: Path) -> None:
    # The dump's body once ran on over the next records, so the key of the last one was carried by
    # the dump: where a range ended between the two, the range holding the dump reported the key
    # on the dump's first line (a key its text scan had not seen), beside the next range's.
    key = asaas_key()
    log = tmp_path / "app.log"
    lines = _records_after_a_dump(key)
    log.write_text("\n".join(lines) + "\n")
    third = log.stat().st_size // 3 + 1  # three ranges: the dump in the first, the key's record in the last
    for range_bytes in (third, 1 << 30):
        found = run_scan(str(log), range_bytes=range_bytes, jobs=1)
        keys = [(f.location.line, f.location.column) for f in found.findings if f.rule_id == "asaas-api-key"]
        assert keys == [(len(lines), lines[-1].index(key) + 1)], (range_bytes, keys)


def _read(lines: list[str]) -> list[tuple[str, list[tuple[str, str]], bytes | None]]:
    return [(e.url, e.headers, e.body) for e in exchanges_in_lines(list(enumerate(lines, 1)), "app.log")]


def test_a_mark_on_each_head_line_is_learned_with_the_prefix_and_a_json_body_after_it_may_come_bare() -> None:
    """Jersey's `1 > ` on every head line and its entity appended bare; HTTParty's mark on each
    line of its message, Ruby's Logger prefix on the first only, the body's later lines bare."""
    jersey = ["INFO: 1 * Sending client request on thread main", f"1 > POST {URL}", "1 > Content-Type: application/json",
              *BODY.split("\n"), "", "Nov 22, 2026 1:00:01 PM org.glassfish.jersey.logging.LoggingInterceptor log"]
    tag = "[HTTParty] [2026-11-22 13:00:00 +0000] > "
    first, *rest = BODY.split("\n")
    httparty = [f"I, [2026-11-22T13:00:00.123456 #1]  INFO -- : {tag}POST {URL}", f"{tag}Accept: */*", tag + first,
                *rest, tag, "[HTTParty] [2026-11-22 13:00:00 +0000] < HTTP/1.1 201"]
    assert _read(jersey) == [(URL, [("Content-Type", "application/json")], BODY.encode())]
    assert _read(httparty) == [(URL, [("Accept", "*/*")], BODY.encode())]


def test_a_marked_line_no_header_follows_is_no_request_and_a_bare_line_that_opens_no_document_no_body() -> None:
    breadcrumb = ["Docs > POST https://api.iugu.com/v1/invoices", "creates an invoice; see the guide"]
    assert _read(breadcrumb) == []
    # a marked head with no body: the bare line after it is the log's next, not a body
    lines = [f"1 > POST {URL}", "1 > Content-Type: application/json", "worker heartbeat ok: {retries: 0}", "{}"]
    assert _read(lines) == [(URL, [("Content-Type", "application/json")], None)]


def test_a_body_the_library_appends_to_a_message_is_a_json_document_and_ends_where_it_closes() -> None:
    """Micronaut's TRACE lines: headers, `Request Body`, `----`, the body (its later lines bare),
    `----`. The logger's next message after the document closed is not the body's; at DEBUG (no
    body logged) its next message is none either."""
    prefix = "13:00:00.123 [nioEventLoopGroup-1-2] TRACE i.m.h.client.netty.DefaultHttpClient - "
    start = prefix.replace("TRACE", "DEBUG") + f"Sending HTTP POST to {URL}"
    body = BODY.split("\n")
    traced = [start, f"{prefix}Content-Type: application/json", f"{prefix}Request Body", f"{prefix}----",
              prefix + body[0], *body[1:], f"{prefix}----", f"{prefix}Received response 201 from {URL}"]
    assert _read(traced) == [(URL, [("Content-Type", "application/json")], BODY.encode())]
    debug = [start, f"{prefix}Received response 201 from {URL}"]
    assert _read(debug) == [(URL, [], None)]


def test_a_line_that_carries_only_punctuation_of_the_start_lines_prefix_is_not_the_requests() -> None:
    """A trailing part of the prefix the next line carries is its prefix only where it holds a
    word (HTTParty's mark): logback's `- ` alone also begins a list item of another program."""
    lines = [f"13:00:00.123 [main] DEBUG c.e.Client - POST {URL} HTTP/1.1", "- Note: not a header", "more prose"]
    assert _read(lines) == [(URL, [], None)]


def _printed_part_by_part(request: Request, headers: str) -> list[str]:
    """The request as a program prints it part by part: `print(method, url)`, the headers as
    ``headers`` prints them on one line, the body as it is."""
    return [f"{request.method} https://{request.host}{request.path}", headers, *request.body.split("\n")]


def test_a_header_block_printed_as_one_map_is_the_head_and_the_body_follows_it(tmp_path: Path) -> None:
    """Python's repr of the headers and Go's %v of an http.Header: the map is the whole head, so a
    request without Signature is unsigned, a signed one verifies for the body printed after it."""
    found, public = requests(tmp_path)
    for request in found[:3]:
        extra = [("Content-Length", str(len(request.body.encode())))]
        python = repr(dict(request.headers + extra))
        golang = "map[" + " ".join(f"{name}:[{value}]" for name, value in request.headers + extra) + "]"
        for headers in (python, golang):
            (exchange,) = exchanges_in_lines(list(enumerate(_printed_part_by_part(request, headers), 1)), "out.log")
            assert exchange.headers == request.headers + extra, headers
            assert exchange.body == request.body.encode() and exchange.body_exact
    assert _scan(tmp_path, _printed_part_by_part(found[1], repr(dict(found[1].headers))), public) == \
        {"requests_judged": 1, "signatures_valid": 1}


def test_a_header_block_printed_as_a_map_over_lines_is_the_head_too(tmp_path: Path) -> None:
    """A long map broken an entry a line, as Node's console.log and Python's pprint print one: the
    head, and the JSON body after it the bytes signed."""
    found, public = requests(tmp_path)
    node = ["{", *(f"  '{name}': '{value}'," for name, value in found[1].headers), "}"]
    pprint = pformat(dict(found[1].headers), width=60).split("\n")  # its keys sorted
    for printer, printed in (("node", node), ("pprint", pprint)):
        lines = [f"POST https://{found[1].host}{found[1].path}", *printed, *found[1].body.split("\n")]
        (exchange,) = exchanges_in_lines(list(enumerate(lines, 1)), "out.log")
        assert sorted(exchange.headers) == sorted(found[1].headers), printer
        assert exchange.body == found[1].body.encode() and exchange.body_exact
        assert _scan(tmp_path, lines, public) == {"requests_judged": 1, "signatures_valid": 1}


def test_a_map_after_a_request_line_that_names_no_header_field_is_a_body_not_a_head() -> None:
    """A request file's `METHOD <url>` with its JSON body right below (no header: no request known
    to be unsigned), and a map with a dashed name whose values are not all strings: not headers."""
    for body in ('{"receiver_id": "r-1", "amount_cents": "1050"}', '{"bank-account": "a-1", "amount_cents": 1050}',
                 '{\n  "bank-account": "a-1",\n  "amount_cents": 1050\n}'):
        lines = ["POST https://api.iugu.com/v1/transfers", *body.split("\n")]
        assert list(exchanges_in_lines(list(enumerate(lines, 1)), "transfer.http")) == []


ENTITY_URL = "https://api.iugu.com/v1/transfer_requests"
ENTITY_PREFIX = "2026-11-22 10:00:00.123 DEBUG 4242 --- [main] c.e.IuguClient : Sending "
ENTITY_HEADERS = '[Content-Type:"application/json", Signature:"signature=ab=="]'


def _entity(lines: list[str]) -> list[tuple[str, str, list[tuple[str, str]], bool, bytes | None]]:
    numbered = [(1, "2026-11-22 10:00:00.000 INFO heartbeat ok"), *enumerate(lines, 2)]
    return [(e.method, e.url, e.headers, e.headers_known, e.body) for e in exchanges_in_lines(numbered, "app.log")]


def test_an_entity_printed_with_its_body_before_its_headers_is_the_request_however_many_lines_the_body_takes() -> None:
    # Spring's RequestEntity.toString: `<METHOD URL,body,[headers]>`, the body printed raw (its lines bare)
    headers = [("Content-Type", "application/json"), ("Signature", "signature=ab==")]
    assert _entity([f"{ENTITY_PREFIX}<POST {ENTITY_URL},{{", '"amount_cents":1050', f"}},{ENTITY_HEADERS}>"]) == [
        ("POST", ENTITY_URL, headers, True, b'{\n"amount_cents":1050\n}')]
    assert _entity([f'{ENTITY_PREFIX}<POST {ENTITY_URL},{{"a":[1,2]}},{ENTITY_HEADERS}>']) == [
        ("POST", ENTITY_URL, headers, True, b'{"a":[1,2]}')]
    assert _entity([f"{ENTITY_PREFIX}<GET {ENTITY_URL},{ENTITY_HEADERS}>"]) == [("GET", ENTITY_URL, headers, True, None)]


def test_an_entity_whose_headers_never_come_after_its_body_is_no_request_with_headers() -> None:
    # the body's document closes and the log goes on: the headers were never shown, nor is the request's head known
    found = _entity([f"{ENTITY_PREFIX}<POST {ENTITY_URL},{{", '"amount_cents":1050', "}",
                     "2026-11-22 10:00:01.000 INFO heartbeat ok"])
    assert [(method, url, headers, known) for method, url, headers, known, _ in found] == [("POST", ENTITY_URL, [], False)]


def test_a_header_block_printed_as_braced_pairs_after_its_request_line_is_the_head() -> None:
    # HttpURLConnection at FINE: its MessageHeader, `<identity><n> pairs: {<request line>: null}{Name: value}…`
    line = ("FINE: sun.net.www.MessageHeader@5c3bd5504 pairs: {POST /v1/transfer_requests HTTP/1.1: null}"
            "{Content-Type: application/json}{Signature: signature=ab==}{Host: api.iugu.com}")
    assert _entity([line]) == [("POST", ENTITY_URL, [("Content-Type", "application/json"), ("Signature", "signature=ab=="),
                                                     ("Host", "api.iugu.com")], True, None)]


@pytest.mark.parametrize("line", [
    "FINE: sun.net.www.MessageHeader@1b2c3d4e3 pairs: {null: HTTP/1.1 201 Created}{Content-Type: application/json}",
    "FINE: sun.net.www.MessageHeader@1b2c3d4e1 pairs: {Host: api.iugu.com}",
])
def test_braced_pairs_without_a_request_line_first_are_no_request(line: str) -> None:
    assert _entity([line]) == []


def test_a_method_as_a_types_one_value_marks_a_file_that_writes_requests_out(tmp_path: Path) -> None:
    # Akka HTTP's HttpRequest#toString: `HttpRequest(HttpMethod(POST),<uri>,List(<Name: value>, …),…)` — no
    # other marker of a request is in such a log
    line = (f"sending HttpRequest(HttpMethod(POST),{ENTITY_URL},List(User-Agent: payouts/3.1),"
            "HttpEntity.Strict(application/json,94 bytes total),HttpProtocol(HTTP/1.1))")
    (tmp_path / "app.log").write_text(f"{line}\n")
    report, _ = scan_json(str(tmp_path / "app.log"))
    assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == ["iugu-unsigned-transfer"]
    (tmp_path / "app.log").write_text(f"retry(POST) of {ENTITY_URL} scheduled\n")  # a word in parentheses: no request
    report, _ = scan_json(str(tmp_path / "app.log"))
    assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == []


def _ended_block(headers: list[str], body: str) -> list[tuple[int, str]]:
    """Chopper's HttpLoggingInterceptor: `--> POST <url>`, the headers, a blank record, the body, and an
    end line that gives no size (`--> END POST`)."""
    stamp = "INFO: 2026-11-22 13:00:00.123456: "
    lines = [f"{stamp}--> POST {URL}", *(stamp + header for header in headers), stamp,
             *f"{stamp}{body}".split("\n"), f"{stamp}--> END POST"]
    return list(enumerate(lines, 1))


def test_a_body_an_end_line_closes_without_its_size_is_bounded_by_the_declared_length() -> None:
    """The end line says no size: the head's Content-Length says how long the body is, and the body is
    taken where it is that long; with no length declared, nothing says the lines are the bytes sent."""
    declared = [f"content-length: {len(BODY.encode())}"]
    (taken,) = exchanges_in_lines(_ended_block(["Content-Type: application/json", *declared], BODY), "app.log")
    assert taken.body == BODY.encode()
    (unbounded,) = exchanges_in_lines(_ended_block(["Content-Type: application/json"], BODY), "app.log")
    assert unbounded.body is None


def test_a_request_described_in_one_sentence_gives_each_part_its_words_name() -> None:
    """WebMock's request signature: `<METHOD> <url> with body '<body>' with headers {…}` — the body over lines up
    to its closing quote before ` with headers `, or on the line; without a body, the headers alone."""
    def sentence(body: str | None) -> list[tuple[int, str]]:
        said = f" with body '{body}'" if body is not None else ""
        text = (f"WebMock::NetConnectNotAllowedError: Real HTTP connections are disabled. Unregistered request: "
                f"POST {URL}{said} with headers {{'Content-Type'=>'application/json', 'User-Agent'=>'payouts/3.1'}}")
        return list(enumerate([*text.split("\n"), "", "=" * 60], 1))

    headers = [("Content-Type", "application/json"), ("User-Agent", "payouts/3.1")]
    for body in (BODY, '{"email":"a@example.com"}', None):
        (read,) = exchanges_in_lines(sentence(body), "test.log")
        assert (read.method, read.url, read.headers, read.body) == (
            "POST", URL, headers, None if body is None else body.encode())


def _bare_head_then_records(declared: int) -> list[str]:
    """A head written bare (no log prefix: a service printing what it sends), its body not shown, then
    the application's next records — the first as long as the head's Content-Length up to a blank."""
    record = "2026-11-22 10:00:01,123 INFO [worker-3] app.Service: payout queued for customer 42"
    record = record[:declared].ljust(declared, "x") + " and retried"
    return ["POST /v1/transfer_requests HTTP/1.1", "Host: api.iugu.com", "Content-Type: application/json",
            f"Content-Length: {declared}", "Request-Time: 2026-11-22T10:00:00-03:00",
            "Signature: signature=" + "QUJD" * 86, "", record, "2026-11-22 10:00:02,001 INFO [worker-3] app.Service: done"]


def test_a_bare_head_followed_by_the_logs_next_record_shows_no_body(tmp_path: Path) -> None:
    """The record after the head's blank line is the log's, not the body: a signature judged over the
    bytes that happen to fill the declared length was a bad signature over bytes never sent. The
    summary says why the signature went unverified: a key was given, so not for want of one."""
    _, public = key_pair(tmp_path)
    log = tmp_path / "payouts.log"
    log.write_text("\n".join(_bare_head_then_records(60)) + "\n")
    report, keyed = scan_json("--public-key", str(public), str(log))
    assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == []
    assert report["scan"]["requests"]["signatures_unverified"] == 1
    assert "1 signature not verified;" in keyed.stderr
    _, keyless = scan_json(str(log))
    assert "1 signature not verified (no --public-key)" in keyless.stderr


def test_a_signature_the_logger_masked_is_not_said_to_want_a_key(tmp_path: Path) -> None:
    """A signature whose value the logger hid goes unverified with or without a key: the summary
    names --public-key only for the signatures a key would judge."""
    head = _bare_head_then_records(60)[:5]  # its request line and headers up to its Signature
    log = tmp_path / "payouts.log"
    log.write_text("\n".join([*head, "Signature: signature=***", "", "{}"]) + "\n")
    report, run = scan_json(str(log))
    assert report["scan"]["requests"]["signatures_unverified"] == 1
    assert "1 signature not verified;" in run.stderr


def test_a_bare_body_line_under_a_transports_own_prefix_is_read_without_it() -> None:
    """stern writes `<pod> <container> ` before every line; Spring Boot's prefix is on the first line of
    OkHttp's body message only: the body's later lines carry the transport's part alone."""
    pod = "payouts-api-7f9c5d8b6-x2k4p app "
    spring = "2026-11-22T13:00:30.104Z  INFO 1 --- [payouts-api] [nio-8080-exec-3] okhttp3.OkHttpClient : "
    first, *rest = BODY.split("\n")
    lines = [pod + spring + line for line in (f"--> POST {URL}", "Content-Type: application/json", "", first)]
    lines += [pod + line for line in rest] + [pod + spring + f"--> END POST ({len(BODY)}-byte body)"]
    (exchange,) = exchanges_in_lines(list(enumerate(lines, 1)), "stern.log")
    assert exchange.body == BODY.encode()


def test_a_quoted_string_after_a_named_request_is_its_head_and_body_where_it_shows_the_blank_line() -> None:
    """faraday-detailed_logger writes the head and body it sends as one inspected string in the record after
    `POST <url>`: its fields, then its body with the line breaks the escapes show (a CR LF head too). A message
    of lines that only look like fields, with no blank line after them, says nothing of the request's head."""
    start = f"I, [2026-11-22T13:00:00.123456 #1]  INFO -- : POST {URL}"
    prefix = "D, [2026-11-22T13:00:00.123456 #1] DEBUG -- : "
    sent = json.dumps("Content-Type: application/json\r\nAccept: */*\r\n\r\n" + BODY)
    assert _read([start, prefix + sent]) == [(URL, [("Content-Type", "application/json"), ("Accept", "*/*")],
                                             BODY.encode())]
    assert _read([start, prefix + json.dumps("Error: timeout\nRetry: 3")]) == [(URL, [], None)]


def _resty(headers: list[tuple[str, str]], body: str) -> list[str]:
    """go-resty's debug log of a transfer (resty.dev/docs/debug-log/): the body as resty shows it."""
    return ["2026/11/22 13:00:00.123456 DEBUG RESTY ", "=" * 78, "~~~ REQUEST ~~~",
            "POST  /v1/transfer_requests  HTTP/1.1", "HOST   : api.iugu.com", "HEADERS:",
            *(f"\t{name}: {value}" for name, value in headers), "BODY   :", *body.split("\n"), "-" * 78,
            "~~~ RESPONSE ~~~", "STATUS       : 200 OK"]


def test_a_json_body_resty_re_indented_leaves_its_signature_unjudged_and_one_it_shows_on_a_line_is_judged(
        tmp_path: Path) -> None:
    """resty shows a JSON body through json.Indent: over lines, it is not the compact bytes that were signed and sent
    (it was a bad signature); a body it shows on one line is the bytes sent, and its signature is judged."""
    client, public = key_pair(tmp_path, "client")
    other, _ = key_pair(tmp_path, "other")
    token, time = "5f2d1c0b9a8e7d6c5b4a39281f0e6d5c", "2026-11-22T10:00:00-03:00"
    body = json.dumps({"api_token": token, "amount_cents": 1050, "transfer_type": "pix"}, separators=(",", ":"))

    def headers(private: Any) -> list[tuple[str, str]]:
        value = signature_header(private, "POST", "/v1/transfer_requests", token, time, body.encode())
        return [("Content-Type", "application/json"), ("Request-Time", time), ("Signature", value)]

    shown = json.dumps(json.loads(body), indent=3)
    assert _scan(tmp_path, _resty(headers(client), shown), public) == {"requests_judged": 1, "signatures_unverified": 1}
    assert _scan(tmp_path, _resty(headers(client), body), public) == {"requests_judged": 1, "signatures_valid": 1}
    assert _scan(tmp_path, _resty(headers(other), body), public) == {"requests_judged": 1, "signatures_invalid": 1}
