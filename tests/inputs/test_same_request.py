"""A request read twice from one region, by two readers of two shapes, is one request; two
requests read by one reader stay two."""

from __future__ import annotations

import json

from keyaudit.inputs.captures.same_request import NEAR_LINES, distinct
from keyaudit.inputs.text_requests import exchanges_in_lines
from keyaudit.model.exchange import Exchange, Origin

URL = "https://api.iugu.com/v1/transfer_requests"
HEADERS = [("Content-Type", "application/json"), ("Signature", "signature=abc")]


def numbered(lines: list[str]) -> list[tuple[int, str]]:
    return list(enumerate(lines, 1))


def exchange(capture: str, line: int, body: bytes | None = b"{}", headers: list[tuple[str, str]] | None = None,
             known: bool = True) -> Exchange:
    return Exchange("POST", URL, list(HEADERS if headers is None else headers), body, origin=Origin("x", line, capture=capture),
                    headers_known=known)


def test_a_json_record_and_the_client_dump_of_the_same_call_are_one_request() -> None:
    """The application logs its call as a JSON record and the client dumps it as text, Host and
    Content-Length added: one request, the one that shows its body."""
    record = json.dumps({"msg": "calling", "method": "POST", "url": URL, "headers": dict(HEADERS), "body": "{}"})
    dump = ["POST /v1/transfer_requests HTTP/1.1", "Host: api.iugu.com", "Content-Type: application/json",
            "Signature: signature=abc", "Content-Length: 2", "", "{}"]
    found = list(exchanges_in_lines(numbered([record, *dump]), "app.log"))
    assert [(e.origin.capture, e.body) for e in found] == [("wire", b"{}")]


def test_one_reader_reading_the_same_request_twice_reads_two_requests() -> None:
    """A retry is sent again: the same reader's two readings are both requests."""
    assert len(distinct([exchange("okhttp", 1), exchange("okhttp", 9)])) == 2


def test_readings_pair_up_and_a_run_of_like_requests_is_not_folded_into_one() -> None:
    """Three like calls logged as JSON records, each followed by its client's dump: three requests,
    each kept once; readings with two log times are two requests."""
    found = distinct([exchange(capture, line) for line, capture in enumerate(["jsonlog", "wire"] * 3)])
    assert [e.origin.line for e in found] == [0, 2, 4]
    timed = [exchange("jsonlog", 1), exchange("okhttp", 2)]
    timed[0].time, timed[1].time = "2026-11-22T10:00:00Z", "2026-11-22T10:00:05Z"
    assert len(distinct(timed)) == 2


def test_readings_that_differ_are_different_requests() -> None:
    """Another header value, another body, or far apart: not the same request."""
    other_header = exchange("wire", 2, headers=[("Content-Type", "application/json"), ("Signature", "signature=x")])
    assert len(distinct([exchange("jsonlog", 1), other_header])) == 2
    assert len(distinct([exchange("jsonlog", 1), exchange("wire", 2, body=b"{ }")])) == 2
    assert len(distinct([exchange("jsonlog", 1), exchange("wire", 1 + 100)])) == 2


def test_a_reading_that_shows_no_headers_names_the_fuller_reading_near_it() -> None:
    """A one-line client log (method and URL only) near another reader's fuller reading of the same call (urllib3's
    line after http.client's) is no request of its own, before it or after it, unless their log times differ; far
    from it, or read by the fuller one's own reader (a retry), it is one. Header names compare without case, Host
    is not compared."""
    full = exchange("wire", 1, headers=[(name.lower(), value) for name, value in HEADERS] + [("Host", "api.iugu.com")])
    for line in (5, 1, 1 + NEAR_LINES):
        assert distinct([exchange("httpx", line, body=None, headers=[], known=False), full]) == [full]
    far, again = (exchange(capture, line, body=None, headers=[], known=False)
                  for capture, line in (("httpx", 2 + NEAR_LINES), ("wire", 5)))
    assert distinct([far, full]) == [far, full]
    assert distinct([again, full]) == [again, full]
    timed = exchange("httpx", 5, body=None, headers=[], known=False)
    timed.time, full.time = "2026-11-22T10:00:05Z", "2026-11-22T10:00:00Z"
    assert distinct([timed, full]) == [timed, full]
    assert distinct([full, exchange("jsonlog", 1, body=None, headers=[*HEADERS, ("Content-Length", "2")])]) == [full]


def test_a_reading_without_its_body_is_another_request_unless_its_length_says_otherwise() -> None:
    """A batch of transfers: the same headers, bodies that differ. A reading that shows headers but
    no body (.NET's handler log) is not the JSON record beside it, unless its Content-Length is
    that body's length."""
    headers_only = exchange("dotnet", 3, body=None)
    assert len(distinct([exchange("jsonlog", 1, body=b'{"amount":1}'), headers_only])) == 2
    assert len(distinct([exchange("jsonlog", 1, body=b""), headers_only])) == 1
    sized = exchange("dotnet", 3, body=None, headers=[*HEADERS, ("Content-Length", "12")])
    assert len(distinct([exchange("jsonlog", 1, body=b'{"amount":1}'), sized])) == 1
    assert len(distinct([exchange("jsonlog", 1, body=b'{"amount":10}'), sized])) == 2


def test_a_fuller_reading_that_replaced_a_bare_one_still_takes_a_third_readers_reading() -> None:
    """A JSON record's method and URL, its message joined to the headers the next records hold (one
    record read two ways, on one line), and a client's dump of the same call: one request. The
    fuller reading that replaced the bare one is found by what it shows, not by the bare one's
    empty headers."""
    bare = exchange("jsonlog", 1, body=None, headers=[], known=False)
    found = distinct([bare, exchange("wire", 1), exchange("okhttp", 3)])
    assert [(e.origin.capture, e.origin.line) for e in found] == [("wire", 1)]


def test_a_command_line_and_the_head_its_client_sent_are_one_request_despite_the_client_s_own_headers() -> None:
    """Hurl's `--verbose` prints the curl command that runs a request (its body in `--data`) and
    then the head libcurl sent, with the `Accept: */*` and `Accept-Encoding` libcurl adds by
    itself: one request, the one that shows its body. A header of the request's own that differs
    keeps them two."""
    sent = [("Host", "api.iugu.com"), ("Accept", "*/*"), ("Accept-Encoding", "gzip"), *HEADERS, ("Content-Length", "2")]
    found = distinct([exchange("curl", 1), exchange("wire", 3, body=None, headers=sent)])
    assert [(e.origin.capture, e.body) for e in found] == [("curl", b"{}")]
    other = [*sent[:3], ("Content-Type", "application/json"), ("Signature", "signature=xyz"), ("Content-Length", "2")]
    assert len(distinct([exchange("curl", 1), exchange("wire", 3, body=None, headers=other)])) == 2



def test_a_command_whose_body_is_a_file_s_and_the_request_its_client_printed_are_one_request() -> None:
    """A CI step echoes `http POST <url> … < transfer.json` and HTTPie prints the request it sent
    (`--print=HB`), body and all: the command says it sends a body it does not show, which any body
    agrees with — one request, the one that shows its body. A reading that says its body is none
    (no Content-Length, no data) stays another request."""
    words = exchange("curl", 1, body=None)
    words.body_exact = False
    printed = exchange("wire", 2, body=b'{"amount":1}', headers=[*HEADERS, ("Content-Length", "12")])
    found = distinct([words, printed])
    assert [(e.origin.capture, e.body) for e in found] == [("wire", b'{"amount":1}')]
    assert len(distinct([exchange("curl", 1, body=None), printed])) == 2

SPAN = f"send{{method=POST uri={URL}}}:handler{{id=0}}: isahc::wire: "


def test_a_request_a_logger_s_bound_context_writes_on_each_line_of_its_call_is_one_request() -> None:
    """A tracing span's fields (`send{method=POST uri=…}`) written before every event of the call —
    the head, the body, the answer — read as a bare request on each line: one request, the fuller
    reading of the head, not one more for each line the span is on (each was judged: a plain-HTTP
    call counted once a line)."""
    time = "2026-11-22T13:00:00.{:06d}Z TRACE "
    head = "POST /v1/transfer_requests HTTP/1.1\\r\\nHost: api.iugu.com\\r\\nContent-Type: application/json\\r\\n" \
           "Content-Length: 2\\r\\n\\r\\n"
    lines = [time.format(1) + SPAN + ">> " + head, time.format(2) + SPAN + ">> {}",
             time.format(3) + SPAN + "<< HTTP/1.1 201 Created\\r\\n", time.format(4) + SPAN + "<< content-length: 2\\r\\n"]
    found = list(exchanges_in_lines(numbered(lines), "app.log"))
    assert [(e.origin.line, e.body) for e in found] == [(1, b"{}")]
    bare = [exchange("literal", line, body=None, headers=[], known=False) for line in (1, 2, 5, 10)]
    assert [e.origin.line for e in distinct(bare)] == [1, 10]  # a line further than CONTEXT_LINES: another call


TOWER = '2026-11-22T13:00:00.{:06d}Z DEBUG request{{method=POST uri=' + URL + ' version=HTTP/1.1 headers={{' \
        '"content-type": "application/json", "signature": "{}"}}}}: tower_http::trace::{}'


def test_a_request_a_span_writes_with_its_headers_before_each_event_of_its_call_is_one_request() -> None:
    """tower-http's TraceLayer span with its headers (`request{method=POST uri=… headers={…}}: `) before the
    request's event and the response's: one request, not one a line (each judged: the signed ones replays)."""
    lines = [TOWER.format(1, "signature=abc", "on_request: started processing request"),
             TOWER.format(2, "signature=abc", "on_response: finished processing request latency=331 ms status=201")]
    assert [(e.origin.line, e.origin.capture) for e in exchanges_in_lines(numbered(lines), "app.log")] == [(1, "span")]


def test_spans_of_other_requests_and_like_records_that_are_no_span_stay_requests_each() -> None:
    """Two calls' spans, each with its own signature, on the next lines; a Java object's toString, like
    requests a line (`Request{method=POST, …}`: a type's name, no span's); a span's repeat past CONTEXT_LINES."""
    calls = [TOWER.format(n, f"signature={n}", "on_request: started processing request") for n in (1, 2)]
    assert [e.origin.line for e in exchanges_in_lines(numbered(calls), "app.log")] == [1, 2]
    record = "2026-11-22 13:00:00 DEBUG sending Request{method=POST, url=" + URL + \
             ", headers={Content-Type=application/json, Signature=signature=abc}}: queued"
    assert [e.origin.line for e in exchanges_in_lines(numbered([record, record]), "app.log")] == [1, 2]
    spans = [exchange("span", line, body=None) for line in (1, 2, 5, 10)]
    assert [e.origin.line for e in distinct(spans)] == [1, 10]


def test_bare_readings_with_times_of_their_own_stay_requests_each() -> None:
    """An access log of a polling client, one record a call, each with its time: every line a
    request, though each shows the same method and URL and nothing more."""
    records = [json.dumps({"time": f"2026-11-22T13:00:0{n}Z", "method": "POST", "url": URL, "status": 201})
               for n in range(4)]
    assert [e.origin.line for e in exchanges_in_lines(numbered(records), "access.log")] == [1, 2, 3, 4]


def test_a_content_length_int_refuses_makes_the_two_readings_differ_not_an_error() -> None:
    """A record without its body beside a dump with it, both declaring a Content-Length ``int()`` refuses (``²``,
    a digit to ``str.isdigit``; 5,000 digits): the comparison raised, and the file was an internal error."""
    for declared in ("\u00b2", "9" * 5000):
        headers = [*HEADERS, ("Content-Length", declared)]
        record = json.dumps({"msg": "calling", "method": "POST", "url": URL, "headers": dict(headers)})
        dump = ["POST /v1/transfer_requests HTTP/1.1", "Host: api.iugu.com",
                *(f"{name}: {value}" for name, value in headers), "", "{}"]
        found = list(exchanges_in_lines(numbered([record, *dump]), "app.log"))
        assert sorted(str(e.origin.capture) for e in found) == ["jsonlog", "wire"], declared[:8]


def test_one_record_read_by_two_readers_takes_neither_reader_s_turn() -> None:
    """Node's ``console.error`` of an axios error prints the request twice: its ``config`` (read by the axios
    reader and, as a printed object, by the literal reader, on its first line) and its ``ClientRequest``
    (method, host, path and the ``_header`` sent, read by the literal reader again). The config's second reading
    took the literal reader's turn: the ClientRequest was a second request (a duplicate finding)."""
    sent = [*HEADERS, ("Content-Length", "2")]  # (the head sent, without its body)
    assert len(distinct([exchange("axios", 4), exchange("literal", 4), exchange("literal", 24, None, sent)])) == 1
    # a retry printed the same way is still a request of its own
    readings = [exchange("axios", 4), exchange("axios", 40), exchange("literal", 4),
                exchange("literal", 24, None, sent), exchange("literal", 40), exchange("literal", 60, None, sent)]
    assert [e.origin.line for e in distinct(readings)] == [4, 40]


def test_an_axios_error_printed_whole_is_one_request() -> None:
    """``console.error(error)`` of an AxiosError under Node 20: the config, then the ClientRequest with the head it
    sent in ``_header`` (util.inspect's pieces joined by ``+``)."""
    head = ["POST /v1/transfer_requests HTTP/1.1", "Content-Type: application/json", "Signature: signature=abc",
            "Content-Length: 2", "Host: api.iugu.com", "Connection: keep-alive", ""]
    pieces = [f"      '{line}\\r\\n' +" for line in head[1:]]
    printed = ["AxiosError: Request failed with status code 400", "  code: 'ERR_BAD_REQUEST',", "  config: {",
               "    headers: Object [AxiosHeaders] {", "      'Content-Type': 'application/json',",
               "      Signature: 'signature=abc',", "      'Content-Length': '2'", "    },", "    method: 'post',",
               f"    url: '{URL}',", "    data: '{}'", "  },", "  request: <ref *1> ClientRequest {",
               "    outputData: [],", f"    _header: '{head[0]}\\r\\n' +", *pieces[:-1], pieces[-1][:-2] + ",",
               "    method: 'POST',", "    path: '/v1/transfer_requests',", "    host: 'api.iugu.com',",
               "    protocol: 'https:',", "  },", "}"]
    (found,) = exchanges_in_lines(numbered(printed), "error.log")
    assert (found.origin.capture, found.body) == ("axios", b"{}")
