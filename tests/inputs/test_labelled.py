"""Requests written as labelled fields: one reader, each library's labels data (label_shapes.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.credentials import asaas_key
from helpers.running import scan_json
from keyaudit.inputs.captures import label_patterns
from keyaudit.inputs.captures.httpdump import exchanges
from keyaudit.inputs.captures.dump_table import mention_captures
from keyaudit.inputs.captures.part_lines import PartLinesReader

NOISE = "2026-11-22 13:00:00 INFO worker heartbeat ok"


def _read(lines: list[str]) -> list[tuple[str, str, list[tuple[str, str]], bytes | None, bool]]:
    """What the readers read but the requests named in passing (Quarkus's `Request: POST <url>
    Headers[…]` names one so too; the fuller reading of the line stands for it: same_request.py),
    and the records labelled lines make (part_lines.py: the same lines read by their parts' roles,
    one request with the label table's reading where both read it whole, same_request.py again)."""
    return [(e.method, e.url, e.headers, e.body, e.headers_known) for e in exchanges(enumerate(lines, 1), "t.log")
            if e.origin.capture not in mention_captures() | {PartLinesReader.capture}]


def test_labelled_fields_make_one_request_whatever_lines_lie_between_them(tmp_path: Path) -> None:
    key = asaas_key("hmlg")
    path = tmp_path / "api-tests.log"
    path.write_text("\n".join([NOISE, "Request method:\tGET", NOISE, "Request URI:\thttps://api.asaas.com/v3/customers",
                               "Proxy:\t\t\t<none>", "Headers:\t\tAccept=*/*", f"\t\t\t\taccess_token={key}",
                               "Cookies:\t\t<none>", NOISE, NOISE]) + "\n")
    report, _ = scan_json(str(path))
    found = [(f["rule_id"], f["context"]["method"], f["context"]["url"]) for f in report["findings"]
             if f["context"].get("method")]
    assert found == [("asaas-sandbox-key-to-production", "GET", "https://api.asaas.com/v3/customers")]


def test_a_request_ends_where_the_next_one_begins_and_a_repeated_part_begins_it() -> None:
    first = ["10:00:00 [main] INFO HttpClient - REQUEST: https://api.asaas.com/v3/payments", "METHOD: HttpMethod(value=GET)",
             "COMMON HEADERS", "-> Accept: application/json"]
    second = ["10:00:01 [main] INFO HttpClient - REQUEST: https://api.asaas.com/v3/customers", "METHOD: GET",
              "COMMON HEADERS", "-> User-Agent: shop"]
    assert _read(first + second) == [
        ("GET", "https://api.asaas.com/v3/payments", [("Accept", "application/json")], None, True),
        ("GET", "https://api.asaas.com/v3/customers", [("User-Agent", "shop")], None, True)]


def test_a_body_its_declared_length_does_not_confirm_is_not_taken_for_the_bytes_sent() -> None:
    def logged(length: int) -> list[str]:
        return ["REQUEST: https://api.iugu.com/v1/transfer_requests", "METHOD: HttpMethod(value=POST)", "CONTENT HEADERS",
                f"-> Content-Length: {length}", "BODY START", "{", '"a":1', "}", "BODY END"]

    assert [read[3] for read in _read(logged(9) + logged(11))] == [b'{\n"a":1\n}', b'{\r\n"a":1\r\n}']
    assert [read[3] for read in _read(logged(10) + logged(13))] == [None, None]


def test_http2_pseudo_headers_are_the_request_line_and_a_cut_data_frame_leaves_the_body_unknown() -> None:
    def logged(data: str) -> list[str]:
        fields = [(":authority", "api.iugu.com"), (":method", "POST"), (":path", "/v1/transfers"), (":scheme", "https"),
                  ("request-time", "2026-11-22T10:00:00-03:00")]
        return [*(f"http2: Transport encoding header {json.dumps(n)} = {json.dumps(v)}" for n, v in fields),
                f"http2: Framer 0xc0: wrote DATA flags=END_STREAM stream=1 len=9 data={data}"]

    assert _read(logged('"{\\"a\\":1}"')) == [
        ("POST", "https://api.iugu.com/v1/transfers", [("request-time", "2026-11-22T10:00:00-03:00")], b'{"a":1}', True)]
    assert [read[3] for read in _read(logged('"{\\"a\\"" (3 bytes omitted)'))] == [None]


def _go_stream(path: str, framer: str, stream: int, body: bool = True) -> tuple[list[str], list[str]]:
    """One request of a Go http2debug log: its fields and HEADERS frame, and its DATA frame."""
    fields = [(":authority", "api.iugu.com"), (":method", "POST" if body else "GET"), (":path", path),
              (":scheme", "https")]
    flags = "END_HEADERS" if body else "END_STREAM|END_HEADERS"
    head = [*(f"http2: Transport encoding header {json.dumps(n)} = {json.dumps(v)}" for n, v in fields),
            f"http2: Framer {framer}: wrote HEADERS flags={flags} stream={stream} len=40"]
    data = json.dumps(json.dumps({"stream": stream}))
    frame = f"http2: Framer {framer}: wrote DATA flags=END_STREAM stream={stream} len=13 data={data}"
    return head, [frame] if body else []


def test_a_multiplexed_request_takes_the_data_frames_of_its_own_stream_after_other_requests_fields() -> None:
    """Streams 1 and 3 of one connection and stream 1 of another, each one's fields and HEADERS frame
    logged before any DATA frame: each body is the one its own (connection, stream) names, however
    the frames are ordered; a GET whose HEADERS frame ends its stream takes none."""
    one, one_data = _go_stream("/v1/a", "0xc0", 1)
    three, three_data = _go_stream("/v1/b", "0xc0", 3)
    other, other_data = _go_stream("/v1/c", "0xd0", 1)
    get, _ = _go_stream("/v1/d", "0xe0", 1, body=False)
    read = _read(one + three + other + get + three_data + [NOISE] + other_data + one_data)
    assert sorted((url.rsplit("/", 1)[1], method, body) for method, url, _, body, _ in read) == [
        ("a", "POST", b'{"stream": 1}'), ("b", "POST", b'{"stream": 3}'), ("c", "POST", b'{"stream": 1}'),
        ("d", "GET", None)]


def test_a_data_frame_of_no_waiting_stream_is_no_request_s_body() -> None:
    """A DATA frame of a stream no request read names (its fields were not logged, or it is another
    connection's) is nobody's: the requests read keep no body rather than take a stranger's."""
    one, _ = _go_stream("/v1/a", "0xc0", 1)
    three, _ = _go_stream("/v1/b", "0xc0", 3)
    _, stranger = _go_stream("/v1/x", "0xd0", 1)
    _, unnamed = _go_stream("/v1/y", "0xc0", 5)
    assert [body for _, _, _, body, _ in _read(one + three + stranger + unnamed)] == [None, None]


def _swift_dump(method: str, headers: str) -> list[str]:
    """Swift's `dump` of a URLRequest (its mirror's children, the body's bytes not shown)."""
    url = "https://api.iugu.com/v1/transfer_requests"
    return [f"▿ {url}", f"  ▿ url: Optional({url})", f"    ▿ some: {url}", "  - cachePolicy: 0",
            f"  ▿ httpMethod: Optional({method})", f"  {headers}", "  ▿ httpBody: Optional(94 bytes)",
            "    - count: 94", "  - httpBodyStream: nil", "  - httpShouldUsePipelining: false"]


def test_a_swift_dump_of_a_url_request_is_its_url_method_and_header_dictionary() -> None:
    dumped = _swift_dump('"POST"', '▿ allHTTPHeaderFields: Optional(["Content-Type": "application/json", '
                                    '"Request-Time": "2026-11-22T10:00:00-03:00"])')
    assert _read(dumped + [NOISE]) == [("POST", "https://api.iugu.com/v1/transfer_requests",
                                        [("Content-Type", "application/json"),
                                         ("Request-Time", "2026-11-22T10:00:00-03:00")], None, True)]


def test_a_swift_dump_without_its_headers_or_method_says_no_header_set_or_no_request() -> None:
    """`allHTTPHeaderFields: nil` shows no header set (unknown, never none); a method that is no
    Optional's string (another type's dump) makes no request."""
    assert [(method, known) for method, _, _, _, known in _read(_swift_dump('"POST"', "- allHTTPHeaderFields: nil"))] \
        == [("POST", False)]
    assert _read(_swift_dump("HTTPMethod.post", '▿ allHTTPHeaderFields: Optional(["A": "b"])')) == []


def test_a_java_map_of_headers_keeps_the_commas_and_equals_signs_of_its_values() -> None:
    lines = ["(r1) HTTP Method: GET, Resource Path: /x", "(r1) Endpoint request URI: https://api.asaas.com/v3/payments",
             "(r1) Endpoint request headers: {Accept=text/html, application/json, Signature=signature=YWJj==}"]
    assert _read(lines) == [("GET", "https://api.asaas.com/v3/payments",
                             [("Accept", "text/html, application/json"), ("Signature", "signature=YWJj==")], None, True)]


def test_headers_joined_by_blanks_keep_their_values_blanks_and_padding_and_an_empty_body_ends_at_its_blank() -> None:
    """Quarkus's `Headers[name=value name=value]`: a value runs to the next ` name=` whose value
    begins (a User-Agent's blanks, a base64 value's padding after a blank, are the value's)."""
    prefix = "2026-11-22 13:00:00,123 DEBUG [org.jbo.res.rea.cli.log.DefaultClientLogger] (vert.x-eventloop-thread-1) "
    lines = [prefix + "Request: GET https://api.asaas.com/v3/payments Headers[User-Agent=app/1 (Linux; arm64) "
             "Authorization=Basic YWJj ==  access_token=k], Body:", "", "worker heartbeat ok {}"]
    assert _read(lines) == [("GET", "https://api.asaas.com/v3/payments", [
        ("User-Agent", "app/1 (Linux; arm64)"), ("Authorization", "Basic YWJj == "), ("access_token", "k")], None, True)]


def test_a_value_a_printer_cut_at_its_width_is_joined_from_the_rows_right_after_its_header() -> None:
    """pretty_dio_logger's box: `╟ name: ` then the value's pieces after `║ `; a `║ ` row that does
    not follow a header's (the body's box) is no piece, and the response's box ends the request."""
    key = asaas_key()
    rows = [f"║ {key[at:at + 90]}" for at in range(0, len(key), 90)]
    lines = ["╔╣ Request ║ POST ", "║  https://api.asaas.com/v3/transfers", "╚═══", "╔ Headers ", "╟ access_token: ",
             *rows, "╟ Accept: */*", "╚═══", "╔ Body ", '║ {"value": 1}', "╚═══", "╔╣ Response ║ POST ║ Status: 201",
             "╟ content-type: application/json"]
    assert _read(lines) == [("POST", "https://api.asaas.com/v3/transfers", [("access_token", key), ("Accept", "*/*")],
                             None, True)]


def test_a_body_the_message_closes_keeps_its_own_closing_brackets() -> None:
    prefix = "2026-11-22 DEBUG o.s.w.f.CommonsRequestLoggingFilter : "
    lines = [prefix + 'After request [POST /v1/transfers, client=10.0.0.7, headers=[host:"api.iugu.com"], payload=[',
             "1,", "[2]]", "]", NOISE]
    assert _read(lines) == [("POST", "https://api.iugu.com/v1/transfers", [("host", "api.iugu.com")],
                             b"[\n1,\n[2]]", True)]


def test_a_body_that_is_no_json_document_ends_at_a_blank_line_or_the_next_record() -> None:
    head = ["(r1) HTTP Method: POST, Resource Path: /x", "(r1) Endpoint request URI: https://api.iugu.com/v1/transfers",
            "(r1) Endpoint request headers: {Content-Type=application/x-www-form-urlencoded}"]
    assert [read[3] for read in _read(head + ["(r1) Endpoint request body after transformations: a=1&", "b=2",
                                              "(r1) Sending request to https://api.iugu.com/v1/transfers"])] == [b"a=1&\nb=2"]
    assert [read[3] for read in _read(head + ["(r1) Endpoint request body after transformations: a=1", "", "b=2"])] == [
        b"a=1"]


def test_a_block_s_indentation_is_not_the_body_s_and_a_disabled_or_block_key_is_no_header(tmp_path: Path) -> None:
    path = tmp_path / "payout.bru"
    path.write_text("\n".join(["meta {", "  name: payout", "}", "", "post {", "  url: https://api.iugu.com/v1/transfers",
                               "  body: json", "}", "", "headers {", "  Accept: */*", "  ~Signature: off", "}", "",
                               "body:json {", "  {", '    "a": 1', "  }", "}", ""]))
    assert [(e.method, e.url, e.headers, e.body) for e in exchanges(enumerate(path.read_text().split("\n"), 1), "b")] == [
        ("POST", "https://api.iugu.com/v1/transfers", [("Accept", "*/*")], b'{\n  "a": 1\n}')]
    report, _ = scan_json(str(path))
    assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == ["iugu-unsigned-transfer"]


def test_only_a_bruno_files_headers_block_gives_headers_and_the_auth_mode_it_names_sends_its_credentials(
        tmp_path: Path) -> None:
    """A Bruno file writes its other blocks as it writes its headers: the query's, the auth modes',
    the assertions' and the docs' rows are no headers. Bruno sends `auth:bearer`'s token as
    `Authorization: Bearer <token>` (`auth:basic`'s user and password as Basic credentials) where the
    request's block names that mode, in place of an Authorization header of its own; else not."""
    key = asaas_key()

    def bru(mode: str, method: str = "get") -> list[str]:
        return ["meta {", "  name: customers", "  type: http", "  seq: 1", "}", "", f"{method} {{",
                "  url: https://api.asaas.com/v3/customers", f"  auth: {mode}", "}", "", "params:query {",
                "  limit: 10", "}", "", "headers {", "  access_token: sent", "  Authorization: Bearer old", "}", "",
                "auth:basic {", "  username: user", "  password: secret", "}", "", "auth:bearer {", f"  token: {key}",
                "}", "", "assert {", "  res.status: eq 200", "}", "", "docs {", "  Note: lists customers", "}", ""]

    url = "https://api.asaas.com/v3/customers"
    own = [("access_token", "sent"), ("Authorization", "Bearer old")]
    read = [(method, at, [(name, value.replace(key, "<key>")) for name, value in headers], body, known)
            for method, at, headers, body, known in _read(bru("bearer") + bru("none", "post") + bru("basic", "put"))]
    assert read == [  # (the key not in a failure's message)
        ("GET", url, [("access_token", "sent"), ("Authorization", "Bearer <key>")], None, True),
        ("POST", url, own, None, True),
        ("PUT", url, [("access_token", "sent"), ("Authorization", "Basic dXNlcjpzZWNyZXQ=")], None, True)]
    for mode, expected in (("bearer", ["asaas-key-in-authorization-header"]), ("inherit", [])):
        path = tmp_path / f"{mode}.bru"
        path.write_text("\n".join(bru(mode)))
        report, _ = scan_json(str(path))
        assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == expected, mode


def test_a_bruno_api_key_is_sent_under_the_header_its_key_row_names_where_its_placement_says_header(
        tmp_path: Path) -> None:
    """Bruno's `auth:apikey { key: …, value: …, placement: header }`: the value under the header its
    key names (an Asaas sandbox key as `access_token`, to the production API); in the query, no header."""
    def bru(placement: str) -> list[str]:
        return ["meta {", "  name: customers", "}", "", "get {", "  url: https://api.asaas.com/v3/customers",
                "  auth: apikey", "}", "", "headers {",
                "  User-Agent: shop", "}", "", "auth:apikey {", "  key: access_token", f"  value: {asaas_key('hmlg')}",
                f"  placement: {placement}", "}", ""]

    for placement, expected in (("header", ["asaas-sandbox-key-to-production"]), ("queryparams", [])):
        path = tmp_path / f"{placement}.bru"
        path.write_text("\n".join(bru(placement)))
        report, _ = scan_json(str(path))
        assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == expected, placement


def test_a_body_printed_line_by_line_loses_each_lines_prefix_and_ends_at_a_line_without_it() -> None:
    # dio's LogInterceptor in `flutter run`'s console: every print behind `I/flutter (<pid>): `
    def printed(prefix: str, body: list[str]) -> list[str]:
        return [prefix + line for line in ["*** Request ***", "uri: https://api.iugu.com/v1/transfer_requests",
                                           "method: POST", "responseType: ResponseType.json", "headers:",
                                           " Content-Type: text/plain", "data:", *body]]

    flutter = "I/flutter ( 4321): "
    assert _read(printed(flutter, ["amount=1050", "type=pix", ""]) + printed("", ["{", '"a":1', "}"])) == [
        ("POST", "https://api.iugu.com/v1/transfer_requests", [("Content-Type", "text/plain")], b"amount=1050\ntype=pix",
         True),
        ("POST", "https://api.iugu.com/v1/transfer_requests", [("Content-Type", "text/plain")], b'{\n"a":1\n}', True)]
    # a line of another process's log (no prefix) ends the body; a `redirect_uri:` or an option is no label
    assert [read[3] for read in _read(printed(flutter, ["amount=1050"]) + ["D/EGL_emulation( 99): app_time_stats"])] == [
        b"amount=1050"]
    assert _read([flutter + "redirect_uri: https://api.iugu.com/v1/x", flutter + "method: POST"]) == []


def test_a_shared_transaction_gives_the_request_headers_not_its_facts_or_the_responses() -> None:
    # Chucker's "Share as text": the body it shows is re-indented for reading, never taken for the bytes sent
    shared = ["URL: https://api.iugu.com/v1/transfer_requests", "Method: POST", "Protocol: http/1.1", "Status: Complete",
              "Response: 201 Created", "SSL: Yes", "", "Duration: 32 ms", "", "---------- Request ----------", "",
              "Content-Type: application/json", "Request-Time: 2026-11-22T13:00:00-03:00", "", "{", '  "a": 1', "}", "",
              "---------- Response ----------", "", "content-type: application/json", "", "{}"]
    assert _read([NOISE, *shared, NOISE]) == [
        ("POST", "https://api.iugu.com/v1/transfer_requests",
         [("Content-Type", "application/json"), ("Request-Time", "2026-11-22T13:00:00-03:00")], None, True)]


def test_a_shared_transactions_headers_end_at_the_blank_line_after_them_and_its_text_body_gives_none() -> None:
    """Chucker writes the headers sent as an HTTP head: after the Request rule and a blank line, up
    to a blank line; the body it shows after them (`a: b` lines of a text body) is no header, nor
    is any fact it writes before the rule, whatever its name (not a list of the names it uses)."""
    shared = ["URL: https://api.iugu.com/v1/transfer_requests", "Method: POST", "Protocolo: h2", "Status: Complete", "",
              "---------- Request ----------", "", "Content-Type: text/plain", "Signature: signature=abc", "",
              "amount: 1050", "transfer_type: pix", "", "---------- Response ----------", "", "content-type: text/plain"]
    assert _read([NOISE, *shared, NOISE]) == [
        ("POST", "https://api.iugu.com/v1/transfer_requests",
         [("Content-Type", "text/plain"), ("Signature", "signature=abc")], None, True)]


def test_a_method_logged_after_the_body_completes_the_request_and_one_never_logged_makes_none() -> None:
    # Moya's NetworkLoggerPlugin: `HTTP Request Method` comes after `Request Body`; headers a Swift dictionary
    def entries(body: list[str], method: list[str]) -> list[str]:
        tag = "Moya_Logger: [11/22/26, 1:00\u202fPM] "
        return [tag + "Request: https://api.iugu.com/v1/transfer_requests",
                tag + 'Request Headers: ["Content-Type": "application/json", "X-Note": "say \\"hi\\""]',
                tag + "Request Body: " + body[0], *body[1:], *(tag + "HTTP Request Method: " + m for m in method)]

    assert _read(entries(["{", '"a":1', "}"], ["POST"]) + entries(['{"b":2}'], [])
                 + entries(['{"c":3}'], ["PUT"])) == [
        ("POST", "https://api.iugu.com/v1/transfer_requests",
         [("Content-Type", "application/json"), ("X-Note", 'say "hi"')], b'{\n"a":1\n}', True),
        ("PUT", "https://api.iugu.com/v1/transfer_requests",
         [("Content-Type", "application/json"), ("X-Note", 'say "hi"')], b'{"c":3}', True)]


def test_a_call_logged_as_ruby_code_gives_its_url_payload_and_hash_of_headers() -> None:
    # rest-client's log: `RestClient.post "<url>", "<payload inspected>", "Name"=>"value", …`; a GET has no payload
    url = "https://api.iugu.com/v1/transfer_requests"
    assert _read([f'RestClient.post "{url}", "{{\\n\\"a\\":1\\n}}", "Content-Length"=>"9", "X-Note"=>"say \\"hi\\""',
                  f'RestClient.get "{url}", "Accept" => "*/*"',
                  'RestClient.post url, payload, headers  # the call in source: no strings, no request']) == [
        ("POST", url, [("Content-Length", "9"), ("X-Note", 'say "hi"')], b'{\n"a":1\n}', True),
        ("GET", url, [("Accept", "*/*")], None, True)]


def test_server_logs_of_a_request_head_give_its_headers_and_no_body() -> None:
    # mod_log_forensic's one line (`:` and `|` inside a field as %xx), varnishlog's backend tags, nginx's debug lines
    forensic = ["+yQtJf8CoAB4AAFNXBIEA0001|POST /v1/transfer_requests HTTP/1.1|Host:api.iugu.com|"
                "Request-Time:2026-11-22T10%3a00%3a00-03%3a00|X-Note:a%7cb", "-yQtJf8CoAB4AAFNXBIEA0001"]
    varnish = ["*   << BeReq    >> 32770", "-   BereqMethod    POST", "-   BereqURL       /v1/transfer_requests",
               "-   BereqHeader    Host: api.iugu.com", "-   BerespStatus   201", "-   End", "",
               "*   << Request  >> 32771", "-   ReqMethod      POST", "-   ReqURL         /v1/transfer_requests",
               "-   ReqHeader      Host: api.iugu.com", "-   End"]
    nginx = [f"2026/11/22 13:00:00 [debug] 31#31: *7 {line}" for line in [
        'http request line: "POST /v1/transfer_requests HTTP/1.1"', 'http header: "Host: api.iugu.com"',
        "http header done", 'http proxy header: "X-Upstream: yes"']]
    url = "https://api.iugu.com/v1/transfer_requests"
    assert _read(forensic + varnish + nginx) == [
        ("POST", url, [("Host", "api.iugu.com"), ("Request-Time", "2026-11-22T10:00:00-03:00"), ("X-Note", "a|b")],
         None, True),
        ("POST", url, [("Host", "api.iugu.com")], None, True), ("POST", url, [("Host", "api.iugu.com")], None, True)]


def test_a_forward_proxy_s_request_line_in_absolute_form_is_the_url_sent() -> None:
    """A forward proxy receives each request with its target in absolute-form (RFC 9112 3.2.2): mod_log_forensic's
    and nginx's debug request lines so written are requests to that URL (read as origin-form only, they were none,
    and a transfer through the proxy went unjudged)."""
    url = "https://api.iugu.com/v1/transfer_requests"
    forensic = [f"+yQtJf8CoAB4AAFNXBIEA0002|POST {url} HTTP/1.1|Host:api.iugu.com|Accept:*/*",
                "-yQtJf8CoAB4AAFNXBIEA0002"]
    nginx = [f"2026/11/22 13:00:00 [debug] 31#31: *9 {line}" for line in [
        f'http request line: "POST {url} HTTP/1.1"', 'http header: "Host: api.iugu.com"', "http header done"]]
    assert [(method, found) for method, found, *_ in _read(forensic + nginx)] == [("POST", url), ("POST", url)]


def test_a_line_repeating_a_label_is_read_in_one_place_however_long() -> None:
    """A field is read where its label first appears, once: a field reaching the line's end
    (`{…}` then only blanks) tried at every repeat was quadratic (8 s for a line of 990 KB)."""
    label = "(r1) Endpoint request headers: {Accept=*/*} "
    lines = ["(r1) HTTP Method: POST, Resource Path: /v3/payments",
             "(r1) Endpoint request URI: https://api.asaas.com/v3/payments",
             label * 50_000 + "x", label * 50_000, "(r1) Endpoint request body after transformations: {}"]
    [(method, url, headers, body, _)] = _read(lines)
    assert (method, url, [name for name, _ in headers], body) == ("POST", "https://api.asaas.com/v3/payments", ["Accept"], b"{}")


def test_a_data_frames_flags_are_read_once_however_long() -> None:
    """Whether a frame ends the stream is looked ahead for once: a flags field read as text
    around END_STREAM then more text backtracked over every pair (2.1 s for 80 KB of flags)."""
    header = 'http2: Transport encoding header ":{}" = "{}"'
    lines = [header.format("method", "POST"), header.format("scheme", "https"), header.format("authority", "api.iugu.com"),
             header.format("path", "/v1/transfers"),
             "http2: Framer 0xc0: wrote DATA flags=" + "END_STREAM" * 400_000 + ' stream=1 len=2 data="{}"',
             "http2: Framer 0xc0: wrote DATA flags=" + "END_STREAM" * 400_000 + " x"]
    assert [(r[0], r[1], r[3]) for r in _read(lines)] == [("POST", "https://api.iugu.com/v1/transfers", b"{}")]


def test_a_forensic_line_with_long_runs_of_blanks_is_read_once() -> None:
    """The header list runs to the line's end and its trailing blanks are cut after the match: a
    lazy list looking ahead for blanks then the end read each run of blanks again from each of its
    places (an 80 KB run: 21 s; this line's 400 KB would take minutes)."""
    runs = " " * 400_000
    line = f"+yQtJf8CoAB4AAFNXBIEA0001|POST /v1/transfer_requests HTTP/1.1|Host:api.iugu.com|X-Note:a{runs}b|Accept:*/*{runs}"
    [(method, url, headers, body, known)] = _read([line])
    assert (method, url, body, known) == ("POST", "https://api.iugu.com/v1/transfer_requests", None, True)
    assert [(name, value[:2], len(value)) for name, value in headers] == [
        ("Host", "ap", len("api.iugu.com")), ("X-Note", "a ", len(runs) + 2), ("Accept", "*/", 3)]


def test_fields_that_look_back_before_their_label_are_read_once_however_often_it_repeats() -> None:
    """nginx's connection number and Quarkus's `Request: … Headers[`: a field searched for along a
    line was tried at each repeat of its label, each try reading to the line's end (80 KB: 1.2 s
    and 0.5 s; the megabyte lines here, minutes). Read where the label first appears, once."""
    nginx = [f"2026/11/22 13:00:00 [debug] 31#31: *7 {line}" for line in [
        'http request line: "POST /v1/transfer_requests HTTP/1.1"', 'http header: "Host: api.iugu.com"',
        'http header: "X-Note: ' + '*7 http header: "a: b' * 50_000 + '"', "http header done"]]
    url = "https://api.iugu.com/v1/transfer_requests"
    quarkus = ["10:00:00 DEBUG [DefaultClientLogger] (vert.x-eventloop-thread-1) "
               + f"Request: POST {url} Headers[" * 20_000 + "x], Body:  y",
               f"10:00:01 DEBUG [DefaultClientLogger] (vert.x-eventloop-thread-1) Request: POST {url} "
               "Headers[Host=api.iugu.com Content-Length=2], Body:", "{}"]
    read = _read(nginx + quarkus)
    assert [(method, target, [name for name, _ in headers], body) for method, target, headers, body, _ in read] == [
        ("POST", url, ["Host", "X-Note"], None), ("POST", url, ["Host", "Content-Length"], b"{}")]
    assert len(read[0][2][1][1]) == len('*7 http header: "a: b' * 50_000)


def test_every_label_is_read_in_one_place_and_a_field_to_be_searched_for_is_refused() -> None:
    """One try of each label's field a line, at the line's start or at its needle: a field that
    begins before its needle would be searched for, tried at every repeat of the label."""
    assert all(label.start == label.field.pattern.startswith("^") for shape in label_patterns.shapes() for label in shape.labels)
    with pytest.raises(ValueError, match="searched for"):
        label_patterns.shape_of({"capture": "quarkus", "labels": {"], Body:": r"Request: (?P<method>[A-Z]+) .*\], Body:"}})


def test_dios_labels_are_read_after_its_prefix_or_at_the_start_and_a_header_row_is_never_one() -> None:
    # dio's LogInterceptor as `print` writes it (no prefix) and behind Flutter's; a header row is ` name: value`
    url = "https://api.iugu.com/v1/transfer_requests"
    for prefix in ("", "I/flutter ( 4321): "):
        lines = ["*** Request ***", f"uri: {url}", "method: POST", "headers:", f" uri: {url}/other", " content-type: x",
                 "data:", "{}", ""]
        assert _read([prefix + line for line in lines]) == [
            ("POST", url, [("uri", f"{url}/other"), ("content-type", "x")], b"{}", True)], prefix


def test_a_printers_other_tables_written_as_headers_are_not_the_requests_headers() -> None:
    """pretty_dio_logger prints the query parameters, the options' extras and a body that is a map as
    tables of `╟ name: value` rows, as it prints the headers: only the Headers table's rows are
    headers, and a request whose only table is its body's map shows none."""
    url = "https://api.asaas.com/v3/transfers?access_token=placeholder"
    box = ["╔╣ Request ║ POST ", f"║  {url}", "╚═══"]
    query = ["╔ Query Parameters ", "╟ access_token: placeholder", "╚═══"]
    headers = ["╔ Headers ", "╟ Accept: */*", "╟ responseType: ResponseType.json", "╚═══"]
    extras = ["╔ Extras ", "╟ Signature: cached", "╚═══"]
    body = ["╔ Body ", "╟ value: 10", "╟ Request-Time: soon", "╚═══"]
    response = ["╔╣ Response ║ POST ║ Status: 201 Created  ║ Time: 80 ms", f"║  {url}"]
    assert _read([*box, *query, *headers, *extras, *body, *response, *box, *body, *response]) == [
        ("POST", url, [("Accept", "*/*"), ("responseType", "ResponseType.json")], None, True),
        ("POST", url, [], None, False)]


def test_a_ruby_call_whose_payload_is_logged_by_its_size_gives_its_headers_and_no_body() -> None:
    # rest-client writes a payload longer than 500 bytes as `1234 byte(s) length` (Payload#short_inspect)
    url = "https://api.iugu.com/v1/transfer_requests"
    assert _read([f'RestClient.post "{url}", 1000 byte(s) length, "Content-Length"=>"1000", "User-Agent"=>"rest-client"']) == [
        ("POST", url, [("Content-Length", "1000"), ("User-Agent", "rest-client")], None, True)]


def test_a_span_printed_by_the_collectors_debug_exporter_gives_its_method_url_and_captured_headers() -> None:
    # otlptext: `     -> key: Type(value)` attributes; the captured headers are string arrays, the first value
    # read with its JSON escapes undone; the next span ends it, its keys in the older conventions' names
    first = ["Span #0", "    Name           : POST", "Attributes:", "     -> url.full: Str(https://api.iugu.com/v1/x)",
             "     -> http.request.method: Str(POST)", '     -> http.request.header.signature: Slice(["a\\u003db", "c"])',
             "     -> http.response.status_code: Int(201)"]
    second = ["Span #1", "Attributes:", "     -> http.method: Str(GET)",
              "     -> http.url: Str(https://api.asaas.com/v3/customers)", "     -> service.name: Str(payouts)"]
    assert _read(first + second) == [("POST", "https://api.iugu.com/v1/x", [("signature", "a=b")], None, True),
                                     ("GET", "https://api.asaas.com/v3/customers", [], None, False)]


def _haskell_request(secure: str, method: str | None = "POST") -> list[str]:
    """http-client's Request as its Show instance writes it."""
    fields = [("host", '"api.iugu.com"'), ("port", "443"), ("secure", secure),
              ("requestHeaders", '[("Content-Type","application/json"),("Signature","signature=c2ln")]'),
              ("path", '"/v1/transfer_requests"'), ("queryString", '""'),
              *([("method", f'"{method}"')] if method else []), ("proxy", "Nothing"), ("requestVersion", "HTTP/1.1")]
    return ["Request {", *(f"  {name:<21}= {value}" for name, value in fields), "}"]


def test_a_haskell_request_shown_says_its_scheme_by_whether_it_is_secure() -> None:
    headers = [("Content-Type", "application/json"), ("Signature", "signature=c2ln")]
    assert _read([NOISE, *_haskell_request("True"), NOISE]) == [
        ("POST", "https://api.iugu.com/v1/transfer_requests", headers, None, True)]
    assert _read(_haskell_request("False")) == [
        ("POST", "http://api.iugu.com/v1/transfer_requests", headers, None, True)]


def test_a_haskell_request_shown_without_its_method_is_none() -> None:
    assert _read(_haskell_request("True", method=None)) == []


def test_a_python_dict_of_headers_is_read_and_blanks_after_the_declared_length_are_the_printer_s() -> None:
    # RequestsLibrary's log_request: `body=%s \n ` leaves a blank after the body's last line
    lines = ["POST Request : url=https://api.iugu.com/v1/transfer_requests ", " path_url=/v1/transfer_requests ",
             """ headers={'Content-Type': "it's json", 'Content-Length': '10'} """, ' body={"a":', '"b"} ', " "]
    assert _read(lines) == [("POST", "https://api.iugu.com/v1/transfer_requests",
                             [("Content-Type", "it's json"), ("Content-Length", "10")], b'{"a":\n"b"}', True)]


def test_a_host_given_as_an_origin_says_the_scheme_and_a_comment_s_head_is_a_request() -> None:
    # a yakbak tape's title comment; the host an origin as talkback's meta.host is one
    lines = ["/**", " * POST /v1/transfer_requests", " *", " * host: http://api.iugu.com", " * x-a: 1", " */"]
    assert _read(lines) == [("POST", "http://api.iugu.com/v1/transfer_requests",
                             [("host", "http://api.iugu.com"), ("x-a", "1")], None, True)]


def test_a_jenkins_http_request_step_gives_its_method_url_and_custom_headers_and_no_body() -> None:
    """The console of a pipeline's `httpRequest`: `HttpMethod:`, `URL:`, one `Name: value` a custom header;
    the plugin's next line (`Sending request to url: …`) ends the request, its body never printed."""
    url = "https://api.iugu.com/v1/transfer_requests"
    console = ["[Pipeline] httpRequest", "HttpMethod: POST", f"URL: {url}", "User-Agent: payouts/3.1",
               "Request-Time: 2026-11-22T10:00:00-03:00", f"Sending request to url: {url}",
               "Response Code: HTTP/1.1 201 Created", "[Pipeline] echo"]
    assert _read(console) == [("POST", url, [("User-Agent", "payouts/3.1"),
                                             ("Request-Time", "2026-11-22T10:00:00-03:00")], None, True)]


def test_debug_sections_give_the_body_from_the_request_s_line_and_the_json_headers_after_it() -> None:
    # Codeception's `--debug`: `[Request] <METHOD> <url> <body>` (the body over its lines), then `[Request Headers]`
    # as json_encode writes the header array, its slashes unescaped; the next request begins at its own section, and
    # its map is headers though no name shows a dash: the label says so
    url = "https://api.iugu.com/v1/transfer_requests"
    lines = [f"  [Request] POST {url} {{", '"amount_cents":1050', "}",
             '  [Request Headers] {"Content-Type":"application/json","Signature":"signature=a/b+c=="}',
             f"  [Page] {url}", "  [Response] 422",
             f'  [Request] PUT {url} {{"a":1}}', '  [Request Headers] {"Signature":"signature=d=="}']
    assert _read(lines) == [
        ("POST", url, [("Content-Type", "application/json"), ("Signature", "signature=a/b+c==")],
         b'{\n"amount_cents":1050\n}', True),
        ("PUT", url, [("Signature", "signature=d==")], b'{"a":1}', True)]


def test_an_inspector_export_gives_its_request_headers_not_its_facts_body_or_response_s() -> None:
    # Wormholy's text export: Markdown-bold labels under `*** … *** ` sections; its body re-serialised (not the bytes)
    url = "https://api.iugu.com/v1/transfer_requests"
    lines = ["*** Overview *** ", f"**URL:** {url}", "**Method:** POST", "**Duration:** 312ms", "",
             "*** Request Header *** ", "**Content-Type:** application/json", "**Signature:** signature=a/b==", "",
             "*** Request Body *** ", "{", '  "amount_cents" : 1050', "}", "", "*** Response Header *** ",
             "**Content-Type:** text/plain", "", "*** Response Body *** ", "ok", "", "-" * 72]
    assert _read(lines) == [
        ("POST", url, [("Content-Type", "application/json"), ("Signature", "signature=a/b==")], None, True)]


def test_a_behaviour_spec_s_scenario_gives_the_headers_its_steps_set_before_the_request_and_its_doc_string() -> None:
    # a Cucumber scenario: the headers a step's Data Table set before the step that sends, the body a Doc String
    # indented as its delimiter, that indentation not sent (a line indented further keeps what is past it); a table
    # under the response's step is no headers; the next scenario is a request of its own, with no header it did not set
    url = "https://api.iugu.com/v1/transfer_requests"
    lines = ["Feature: payouts", "", "  Scenario: a transfer", "    Given the request headers are",
             "      | Content-Type | application/json |", "      | Signature    | signature=a/b== |",
             f'    When I send a "POST" request to "{url}" with body:', '      """json', "      {",
             '        "amount_cents": 1050', "      }", '      """', "    Then the response headers are",
             "      | Content-Type | text/plain |", "", "  Scenario: another",
             f'    When I send a PUT request to "{url}"', "    Then the response status is 204"]
    assert _read(lines) == [
        ("POST", url, [("Content-Type", "application/json"), ("Signature", "signature=a/b==")],
         b'{\n  "amount_cents": 1050\n}', True),
        ("PUT", url, [], None, False)]


def test_a_scenario_begun_with_no_part_yet_gives_way_to_another_writer_s_request() -> None:
    # a test run's log: the runner prints the scenario, then the HTTP client's logging writes the request it sends
    url = "https://api.iugu.com/v1/transfer_requests"
    lines = ["  Scenario: a transfer   # features/payouts.feature:3", "Request method:\tPOST", f"Request URI:\t{url}",
             "Headers:\t\tAccept=*/*", "Cookies:\t\t<none>", "Body:\t\t\t<none>", NOISE]
    assert [(method, found, headers) for method, found, headers, _, _ in _read(lines)] == [
        ("POST", url, [("Accept", "*/*")])]


def test_a_shape_that_writes_no_method_sends_its_unsaid_one_with_a_body_and_get_without() -> None:
    # Hutool's HttpRequest printed: the URL, the headers and the body, no method; lines ended CR LF
    def printed(body: str) -> list[str]:
        text = ("Request Url: https://api.iugu.com/v1/transfers\r\nRequest Headers: \r\n    Accept: */*\r\n"
                f"Request Body: \r\n    {body}\r\n")
        return ["10:00:00.123 INFO 1 --- [main] c.e.IuguClient : " + text.split("\n")[0], *text.split("\n")[1:]]

    said = printed('{"offset":0}')
    said.insert(1, "Request Method: GET\r")  # a method written among them is the one sent, body or not
    read = _read(printed('{"amount_cents":100}') + printed("") + said)
    assert [(method, url, headers, known) for method, url, headers, _, known in read] == [
        ("POST", "https://api.iugu.com/v1/transfers", [("Accept", "*/*")], True),
        ("GET", "https://api.iugu.com/v1/transfers", [("Accept", "*/*")], True),
        ("GET", "https://api.iugu.com/v1/transfers", [("Accept", "*/*")], True)]
    assert read[0][3] == b'{"amount_cents":100}'  # the CR of the log's CR LF is no byte of the body


def test_an_unsaid_method_that_sends_no_body_is_refused_by_the_table() -> None:
    with pytest.raises(ValueError, match="unsaid"):
        label_patterns.shape_of({"capture": "x", "unsaid": "GET", "labels": {"URL: ": r"URL: (?P<url>\S+)"}})
