"""Client libraries' debug output read field by field — a header list joined by commas, a body
behind a mark of its own, sections indented under their labels — and what each never claims: no
unsigned transfer from a head whose headers are not shown, no signature judged on a body not shown."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.running import scan_json

from keyaudit.inputs.text_requests import exchanges_in_lines

IUGU = "https://api.iugu.com/v1/transfer_requests"
BODY = '{\n"api_token":"5f2d1c0b9a8e7d6c5b4a39281f0e6d5c",\n"amount_cents":1050\n}'


def read(lines: list[str]) -> list[tuple[str, list[tuple[str, str]], bool, bytes | None]]:
    """(capture, headers, whether the headers are known, body) of each request read in ``lines``."""
    found = exchanges_in_lines(list(enumerate(lines, 1)), "app.log")
    return [(e.origin.capture, e.headers, e.headers_known, e.body) for e in found if e.origin.capture != "prose"]


def test_a_header_list_joined_by_commas_keeps_a_value_that_holds_one() -> None:
    line = (f"13:00:00.123 [io-compute-3] DEBUG sttp.client3.logging.slf4j.Slf4jLoggingBackend -- Sending request: "
            f"POST {IUGU}, headers: Accept-Encoding: gzip, deflate, Content-Type: application/json, Signature: s=a,b")
    assert read([line]) == [("sttp", [("Accept-Encoding", "gzip, deflate"), ("Content-Type", "application/json"),
                                      ("Signature", "s=a,b")], True, None)]


def test_a_request_line_logged_without_its_headers_is_no_unsigned_transfer(tmp_path: Path) -> None:
    """sttp's `Sending request:` with logRequestHeaders off shows the method and the URL only."""
    log = tmp_path / "app.log"
    log.write_text(f"13:00:00.123 [io-compute-3] DEBUG sttp.client3.logging.slf4j.Slf4jLoggingBackend -- "
                   f"Sending request: POST {IUGU}\n")
    report, _ = scan_json(str(log))
    assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == []


def httr(body_lines: list[str], length: int) -> list[str]:
    """httr::verbose(): the head sent on `-> ` lines (their CRs kept), the data sent on `>> ` lines."""
    head = ["POST /v1/transfer_requests HTTP/1.1", "Host: api.iugu.com", "Content-Type: application/json",
            f"Content-Length: {length}", ""]
    return [*(f"-> {line}\r" for line in head), *(f">> {line}" for line in body_lines), ""]


def test_a_body_behind_its_own_mark_is_the_body_of_the_head_above() -> None:
    assert read(httr(BODY.split("\n"), len(BODY))) == [
        ("wire", [("Host", "api.iugu.com"), ("Content-Type", "application/json"), ("Content-Length", str(len(BODY)))],
         True, BODY.encode())]


def test_data_lines_that_do_not_make_the_declared_length_are_no_body() -> None:
    [(_, _, _, body)] = read(httr(BODY.split("\n")[:2], len(BODY)))
    assert body is None


def alamofire(body: list[str]) -> list[str]:
    """Alamofire's debugDescription: the request's sections nested under it, indented by 4 a level."""
    return [f"[Request]: POST {IUGU}", "    [Headers]:", "        Content-Type: application/json",
            "        Signature: signature=c2ln", *body, "[Response]:", "    [Status Code]: 201"]


def test_indented_sections_under_their_labels_are_the_headers_and_the_body() -> None:
    shown = ["    [Body]:", *(f"        {line}" for line in BODY.split("\n"))]
    assert read(alamofire(shown)) == [("alamofire", [("Content-Type", "application/json"),
                                                     ("Signature", "signature=c2ln")], True, BODY.encode())]


def test_a_body_told_by_its_size_only_is_not_shown() -> None:
    """A body whose Content-Type is not printable is written `[Body]: <n> bytes`: none to check."""
    [(_, headers, known, body)] = read(alamofire([f"    [Body]: {len(BODY)} bytes"]))
    assert (len(headers), known, body) == (2, True, None)


def tornado(body: str, length: int) -> list[str]:
    """Tornado's curl client at DEBUG: the head's lines after `> `, then the data sent as the repr of its bytes."""
    head = ["POST /v1/transfer_requests HTTP/1.1", "Host: api.iugu.com", f"Content-Length: {length}", ""]
    return [*(f"[D 261122 13:00:00 curl_httpclient:560] > {line}" for line in head),
            f"[D 261122 13:00:00 curl_httpclient:562] > {body}"]


def test_a_body_logged_as_a_bytes_literal_is_the_bytes_it_stands_for() -> None:
    [(_, _, _, body)] = read(tornado(repr(BODY.encode()), len(BODY)))
    assert body == BODY.encode()


def test_a_literal_that_is_not_the_declared_length_is_no_body() -> None:
    """The repr of other bytes (a chunk of the body), or text that only looks like a literal: not shown."""
    [(_, _, _, body)] = read(tornado(repr(BODY[:20].encode()), len(BODY)))
    assert body is None


def h2_dump(fields: list[str]) -> list[str]:
    """An HTTP/2 request dumped as its header block (imroc/req's DevMode), then the body."""
    return [*fields, "content-type: application/json", f"content-length: {len(BODY)}", "", *BODY.split("\n"), ""]


def test_an_http2_header_block_dumped_as_lines_is_a_request() -> None:
    pseudo = [":authority: api.iugu.com", ":method: POST", ":path: /v1/transfer_requests", ":scheme: https"]
    [(capture, headers, known, body)] = read(h2_dump(pseudo))
    assert (capture, [name for name, _ in headers], known, body) == (
        "h2-dump", ["content-type", "content-length"], True, BODY.encode())


def test_an_http2_frame_log_is_a_request_whose_body_is_never_shown() -> None:
    """nghttp -v: a HEADERS frame's fields indented under its frame line, pseudo-headers first; the
    DATA frame's line (its length only) ends the request, and what is indented under it is no header."""
    pad = " " * 10
    fields = [":method: POST", ":path: /v1/transfer_requests", ":scheme: https", ":authority: api.iugu.com",
              "content-type: application/json"]
    lines = ["[  0.015] send HEADERS frame <length=412, flags=0x24, stream_id=13>", f"{pad}; END_HEADERS | PRIORITY",
             *(pad + field for field in fields), "[  0.015] send DATA frame <length=60, flags=0x01, stream_id=13>",
             f"{pad}x-after: no"]
    assert read(lines) == [("nghttp", [("content-type", "application/json")], True, None)]


def envoy_debug(fields: list[str]) -> list[str]:
    """Envoy's router at debug: the header map it decodes, one `'name', 'value'` a line under its record, a blank line
    and the next record after it."""
    record = "[2026-11-22 13:00:00.123][23][debug][router] [source/common/router/router.cc:731] [C12][S74335] "
    return [record + "router decoding headers:", *fields, "",
            "[2026-11-22 13:00:00.124][23][debug][pool] [source/common/http/conn_pool_base.cc:78] queueing stream"]


def test_envoys_header_map_is_a_request_whose_body_is_never_shown() -> None:
    fields = ["':authority', 'api.iugu.com'", "':path', '/v1/transfer_requests'", "':method', 'POST'",
              "':scheme', 'https'", "'content-type', 'application/json'", "'signature', 'signature=a, b'"]
    assert read(envoy_debug(fields)) == [("envoy", [("content-type", "application/json"),
                                                    ("signature", "signature=a, b")], True, None)]


def test_quoted_pairs_without_the_pseudo_headers_are_no_request() -> None:
    """A Python tuple's repr of two strings per line (a settings dump) names no authority, path or method."""
    assert read(envoy_debug(["'content-type', 'application/json'", "'host', 'api.iugu.com'"])) == []


def test_forests_request_log_is_a_request_with_its_body() -> None:
    """Forest's DefaultLogHandler: the request line with the scheme where the version would be, its parts tab-indented
    under the record's line, the body after `Body: ` to where its JSON closes."""
    record = "2026-11-22 13:00:00.123  INFO 4242 --- [pool-2-thread-1] c.d.forest.logging.DefaultLogHandler : "
    lines = [record + "[Forest] Request (okhttp3): ", f"\tPOST {IUGU} HTTPS", "\tHeaders: ",
             "\t\tContent-Type: application/json", "\t\tSignature: signature=a", f"\tBody: {BODY}",
             record + "[Forest] Response: Status = 201, Time = 331ms"]
    assert read("\n".join(lines).split("\n")) == [
        ("forest", [("Content-Type", "application/json"), ("Signature", "signature=a")], True, BODY.encode())]


def test_a_field_list_without_a_method_is_no_request(tmp_path: Path) -> None:
    """Lines that look like a header block but name no method (a response's, a config's) make no request."""
    log = tmp_path / "app.log"
    log.write_text("\n".join(h2_dump([":authority: api.iugu.com", ":path: /v1/transfer_requests"])) + "\n")
    report, _ = scan_json(str(log))
    assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == []


def test_httpx_debug_lines_are_a_request_with_its_body() -> None:
    prefix = "(pid:4242 tid:1960, self:HTTPX::Connection::HTTP1#2280) "
    lines = ['<- HEADLINE: "POST /v1/transfer_requests HTTP/1.1"', "<- HEADER: Host: api.iugu.com",
             f"<- HEADER: Content-Length: {len(BODY)}", "<- ", f"<- DATA: {len(BODY)} bytes...",
             "<- " + json.dumps(BODY)]
    [(capture, headers, known, body)] = read([prefix + line for line in lines])
    assert (capture, len(headers), known, body) == ("httpx-rb", 2, True, BODY.encode())


def test_a_message_logged_at_once_ends_at_the_loggers_next_record() -> None:
    """gorequest's `HTTP Request:` message (the dump's lines bare after its first) ends where the same
    logger's next record begins (`[http] <time> HTTP Response: …`), or another logger's record; a
    line of the body that holds a time is the body's."""
    body = '{\n"amount_cents":1050,\n"at":"2026/11/22 13:00:00",\n"transfer_type":"pix"\n}'
    dump = f"[http] 2026/11/22 13:00:00 HTTP Request: POST /v1/transfers HTTP/1.1\r\nHost: api.iugu.com\r\n\r\n{body}"
    for after in ("[http] 2026/11/22 13:00:00 HTTP Response: HTTP/1.1 201 Created\r",
                  "2026-11-22 13:00:01 INFO worker heartbeat ok"):
        assert read([*dump.split("\n"), after]) == [("wire", [("Host", "api.iugu.com")], True, body.encode())]


def test_netfoxs_session_log_is_a_request_whose_pretty_body_is_not_the_one_sent() -> None:
    """netfox's bracketed labels, the headers a Swift `[AnyHashable: Any]` on the line under theirs (keys printed
    `AnyHashable("Name")`), the body re-serialized pretty: not the bytes sent, so none is kept."""
    lines = [f"-------START REQUEST -  {IUGU} -------", "[Request Method] POST", "[Request Timeout] 60.0",
             "[Request Headers]", '[AnyHashable("Content-Type"): "application/json", AnyHashable("Signature"): "s=a"]',
             "[Request Body]", ' {\n  "amount_cents" : 1050\n}', f"-------END REQUEST - {IUGU} -------"]
    assert read("\n".join(lines).split("\n")) == [
        ("netfox", [("Content-Type", "application/json"), ("Signature", "s=a")], True, None)]


RUBY = "D, [2026-11-22T13:00:00.123456 #4242] DEBUG -- : "
RUBY_INFO = "I, [2026-11-22T13:00:00.123456 #4242]  INFO -- : "


def test_a_net_http_request_class_and_its_path_over_name_arrow_value_headers_is_a_request() -> None:
    """Mechanize's request log: `Net::HTTP::Post: <path>`, then `request-header: name => value` a line (a Ruby
    hash's pair), the Host among them giving the URL; headers shown, no body."""
    lines = [RUBY_INFO + "Net::HTTP::Post: /v1/transfer_requests", RUBY + "request-header: host => api.iugu.com",
             RUBY + "request-header: content-type => application/json", RUBY + "request-header: signature => s=a=b",
             RUBY_INFO + "status: Net::HTTPCreated 1.1 201 Created", RUBY + "response-header: content-length => 15"]
    found = exchanges_in_lines(list(enumerate(lines, 1)), "app.log")
    assert [(e.origin.capture, e.method, e.url, e.headers, e.headers_known, e.body) for e in found] == [
        ("mechanize", "POST", IUGU, [("host", "api.iugu.com"), ("content-type", "application/json"),
                                     ("signature", "s=a=b")], True, None)]


def test_a_net_http_request_class_without_arrow_headers_after_it_is_no_request() -> None:
    """The class and path alone (a class name in prose, Net::HTTP's own error), or followed by lines that are no
    `name => value` pairs, name no request a scan could judge."""
    assert read([RUBY_INFO + "Net::HTTP::Post: /v1/transfer_requests", RUBY + "request-header: host: api.iugu.com"]) == []
    assert read(["See Net::HTTP::Post: /v1/transfer_requests for the payout call",
                 "request-header: host => api.iugu.com"]) == []


CHEF = "[2026-11-22T13:00:00+00:00] TRACE: "
CHEF_HEAD = [CHEF + f"Initiating POST to {IUGU}", CHEF + "---- HTTP Request Header Data: ----",
             CHEF + "Content-Type: application/json", CHEF + "Signature: s=a",
             CHEF + f"Content-Length: {len(BODY.encode())}", CHEF + "---- End HTTP Request Header Data ----",
             CHEF + "---- HTTP Status and Header Data: ----", CHEF + "HTTP 1.1 422 Unprocessable Entity",
             CHEF + "content-type: application/json", CHEF + "---- End HTTP Status/Header Data ----"]
CHEF_HEADERS = [("Content-Type", "application/json"), ("Signature", "s=a"), ("Content-Length", str(len(BODY.encode())))]


def test_a_body_printed_between_marker_lines_after_the_response_s_sections_is_the_request_s() -> None:
    """Chef's HTTP client at trace: the headers between marker lines, the response's status, headers and body in
    sections of their own, then — for a status not 2xx — the request's body between `---- HTTP Request Body ----`
    and `---- End HTTP Request Body ----`, each a line of its own; the body's later lines bare."""
    body = (CHEF + BODY).split("\n")
    lines = [*CHEF_HEAD, CHEF + "---- HTTP Response Body ----", CHEF + '{"errors":["is invalid"]}',
             CHEF + "---- End HTTP Response Body -----", CHEF + "---- HTTP Request Body ----", *body,
             CHEF + "---- End HTTP Request Body ----"]
    assert read(lines) == [("marked-sections", CHEF_HEADERS, True, BODY.encode())]


def test_marked_sections_without_the_request_s_body_show_none() -> None:
    """A 2xx answer: no body printed, the next record after the response's section ends the request; a body
    section that does not hold as many bytes as the Content-Length says is no body sent either."""
    assert read([*CHEF_HEAD, CHEF + "Chef::Resource::HttpRequest[payout] post to https://… successful"]) == [
        ("marked-sections", CHEF_HEADERS, True, None)]
    cut = [*CHEF_HEAD, CHEF + "---- HTTP Request Body ----", CHEF + '{"amount_cents":1}',
           CHEF + "---- End HTTP Request Body ----"]
    assert read(cut) == [("marked-sections", CHEF_HEADERS, True, None)]


def test_an_initiating_line_that_no_marked_header_section_follows_is_no_request() -> None:
    """`Initiating POST to <url>` in words with no header section under it (a document's step, another tool's
    progress line), or marker lines with no start line above them, name no request."""
    assert read([CHEF + f"Initiating POST to {IUGU}", CHEF + "Chef Infra Client finished, 1/1 resources updated"]) == []
    assert read([f"Step 3: Initiating POST to {IUGU}", "Content-Type: application/json"]) == []
    assert read(CHEF_HEAD[1:]) == []
