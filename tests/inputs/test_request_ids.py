"""The records a log stamps with one request's id are parts of that request: a record holding a
body and the id, naming no request, is the body of the one request of that id waiting for it;
and a record that keeps each header as a field of its own shows a header missing where its
message writes the whole head."""

from __future__ import annotations

import base64
import json
from pathlib import Path

from helpers.credentials import asaas_key, iugu_token
from helpers.running import request_rules, scan_json
from helpers.signing import key_pair, signature_header

from keyaudit.inputs.captures.request_parts import PART_LINES
from keyaudit.engine.windows import Reach
from keyaudit.inputs.request_reach import REQUEST_REACH, reach_of
from keyaudit.inputs.text_requests import exchanges_in_lines

HOST, PATH = "api.iugu.com", "/v1/transfer_requests"
TIME = "2026-11-22T10:00:00-03:00"
HEADERS = [("Content-Type", "application/json"), ("User-Agent", "payouts/3.1")]
SCOPE = {"SourceContext": "Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware", "ConnectionId": "0HN8Q2B3C4D5E"}
NOISE = "2026-11-22 13:00:00 INFO worker heartbeat ok"


def head(request_id: str, headers: list[tuple[str, str]], body: bytes, /, *, message: bool = True,
         host: str = HOST, path: str = PATH, **ids: str) -> str:
    """ASP.NET Core's RequestLog record (HTTP logging through Serilog's compact JSON): the
    request line's parts and each header a field, the whole head in ``Message`` (or not)."""
    fields = [("Protocol", "HTTP/1.1"), ("Method", "POST"), ("Scheme", "https"), ("PathBase", ""), ("Path", path),
              ("Host", host), *headers, ("Content-Length", str(len(body)))]
    record = {"@t": "2026-11-22T13:00:00.1230000Z", "@mt": "{Message:l}", **dict(fields),
              "EventId": {"Id": 1, "Name": "RequestLog"}, **SCOPE, **({"RequestId": request_id} if request_id else ids)}
    if message:
        record["Message"] = "Request:\n" + "\n".join(f"{name}: {value}" for name, value in fields)
    return json.dumps(record)


def body_record(request_id: str, body: bytes, /, **ids: str) -> str:
    """The RequestBody record of the same scope: the body, and nothing of the request but its id."""
    return json.dumps({"@t": "2026-11-22T13:00:00.1250000Z", "@mt": "RequestBody: {Body}{Status}",
                       "Body": body.decode(), "Status": "", "EventId": {"Id": 3, "Name": "RequestBody"}, **SCOPE,
                       **({"RequestId": request_id} if request_id else ids)})


def read(lines: list[str]) -> list[tuple[int, bytes | None]]:
    """(first line, body) of each request read in ``lines``."""
    return [(e.origin.line, e.body) for e in exchanges_in_lines(list(enumerate(lines, 1)), "app.log")]


ONE, OTHER = b'{\n"amount_cents":1050\n}', b'{\n"amount_cents":99\n}'


def test_a_body_record_of_the_request_id_is_the_body_of_the_request_waiting_for_it() -> None:
    """The head's record, another logger's line, the body's record: one request with that body,
    on the head's line; the id under other names (request_id, X-Request-ID, pino's req.id, a trace
    and a span together) ties them the same way."""
    assert read([head("0HN:1", HEADERS, ONE), NOISE, body_record("0HN:1", ONE)]) == [(1, ONE)]
    for ids in ({"request_id": "a1"}, {"X-Request-ID": "a1"}, {"req": {"id": 7}}, {"trace_id": "t1", "span_id": "s1"}):
        assert read([head("", HEADERS, ONE, **ids), body_record("", ONE, **ids)]) == [(1, ONE)], ids


def test_interleaved_requests_of_two_ids_each_take_their_own_body() -> None:
    lines = [head("0HN:1", HEADERS, ONE), head("0HN:2", HEADERS, OTHER), body_record("0HN:2", OTHER),
             body_record("0HN:1", ONE)]
    assert read(lines) == [(1, ONE), (2, OTHER)]


def test_a_body_record_is_not_joined_to_a_request_it_may_not_be_of() -> None:
    """A body whose id no request carries; a body before its head; one whose length is not the
    head's Content-Length; one too far below its head; a trace's id alone (every call of a batch
    carries it): none joins."""
    assert read([head("0HN:1", HEADERS, ONE), body_record("0HN:9", ONE)]) == [(1, None)]
    assert read([body_record("0HN:1", ONE), head("0HN:1", HEADERS, ONE)]) == [(2, None)]
    assert read([head("0HN:1", HEADERS, OTHER + b" "), body_record("0HN:1", OTHER)]) == [(1, None)]
    assert read([head("0HN:1", HEADERS, ONE), *[NOISE] * PART_LINES, body_record("0HN:1", ONE)]) == [(1, None)]
    trace = {"trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"}
    assert read([head("", HEADERS, ONE, **trace), body_record("", ONE, **trace)]) == [(1, None)]


def test_requests_sharing_an_id_take_a_body_only_where_one_of_them_waits() -> None:
    """One id stamped on several calls (a server's request id on each call its handler makes):
    logged head, body, head, body, each takes its own; logged head, head, body, body, whose body
    is whose cannot be told, and neither takes one."""
    one_by_one = [head("0HN:1", HEADERS, ONE), body_record("0HN:1", ONE),
                  head("0HN:1", HEADERS, OTHER), body_record("0HN:1", OTHER)]
    assert read(one_by_one) == [(1, ONE), (3, OTHER)]
    at_once = [head("0HN:1", HEADERS, ONE), head("0HN:1", HEADERS, OTHER), body_record("0HN:1", ONE),
               body_record("0HN:1", OTHER)]
    assert read(at_once) == [(1, None), (2, None)]


def test_a_record_carrying_its_id_is_read_with_the_lines_its_body_record_may_follow_in() -> None:
    """The first pass's window around a record that holds a whole request reaches below it where
    the record carries an id (its body's record, which may hold no anchor, may follow), and not
    where it carries none, or a trace's id alone."""
    assert reach_of(head("0HN:1", HEADERS, ONE).encode(), REQUEST_REACH) == Reach(0, PART_LINES)
    for ids in ({"request_id": "a1"}, {"X-Request-ID": "a1"}, {"req": {"id": 7}}, {"trace_id": "t1", "span_id": "s1"},
                {"TraceIdentifier": "0HN:1"}):
        assert reach_of(head("", HEADERS, ONE, **ids).encode(), REQUEST_REACH) == Reach(0, PART_LINES), ids
    alone = reach_of(head("", HEADERS, ONE, trace_id="4bf92f35").encode(), REQUEST_REACH)
    assert (alone.before, alone.after) == (0, 0)  # (its window may still join another record's: see windows)


def test_bodies_joined_by_id_are_judged_and_never_crossed(tmp_path: Path) -> None:
    """A log: a transfer signed with the client's key and one signed with another key, their
    records interleaved and some lines apart, each body's record carrying its own id; the scan
    verifies each signature over its own body (crossed, both would fail)."""
    client, public = key_pair(tmp_path, "client")
    other, _ = key_pair(tmp_path, "other")
    token = iugu_token()
    bodies = [b'{\n"api_token":"%s",\n"amount_cents":%d\n}' % (token.encode(), cents) for cents in (1050, 99)]
    signed = [HEADERS + [("Request-Time", TIME), ("Signature", signature_header(key, "POST", PATH, token, TIME, data))]
              for key, data in zip((client, other), bodies)]
    lines = [NOISE, head("0HN:1", signed[0], bodies[0]), NOISE, head("0HN:2", signed[1], bodies[1]),
             *[NOISE] * 10, body_record("0HN:2", bodies[1]), NOISE, body_record("0HN:1", bodies[0]), NOISE]
    log = tmp_path / "app.log"
    log.write_text("\n".join(lines) + "\n")
    report, _ = scan_json("--public-key", str(public), str(log))
    assert request_rules(report) == ["iugu-bad-signature"]
    assert report["scan"]["requests"] == {"requests_judged": 2, "signatures_valid": 1, "signatures_invalid": 1}


def test_a_message_holding_the_whole_head_shows_a_header_missing(tmp_path: Path) -> None:
    """A record keeping each header as a field cannot say the transfer went unsigned, nor that the
    Asaas key went without a signature; with the whole head in its message it can. A message that
    lacks a header the record keeps as a field is no whole head."""
    key = asaas_key()
    asaas = [*HEADERS, ("access_token", key)]
    body = b'{"value":100.5}'
    log = tmp_path / "app.log"
    for message, expected in ((False, []), (True, ["asaas-unsigned-transfer", "iugu-unsigned-transfer"])):
        log.write_text("\n".join([head("0HN:1", HEADERS, ONE, message=message), NOISE,
                                  head("0HN:2", asaas, body, message=message, host="api.asaas.com",
                                       path="/v3/transfers")]) + "\n")
        report, _ = scan_json(str(log))
        assert request_rules(report) == expected, message
    record = json.loads(head("0HN:2", asaas, body, host="api.asaas.com", path="/v3/transfers"))
    record["Message"] = record["Message"].replace(f"\naccess_token: {key}", "")
    log.write_text(json.dumps(record) + "\n")
    report, _ = scan_json(str(log))
    assert request_rules(report) == [], report["findings"]


def segment(trace: str, **member: object) -> str:
    """One record of Envoy's streamed tap: a segment of the stream ``trace`` holding ``member``."""
    return json.dumps({"http_streamed_trace_segment": {"trace_id": trace, **member}})


def streamed(trace: str, body: bytes) -> list[str]:
    """A stream's headers segment, then its body's chunk (base64, as the tap writes bytes)."""
    fields = [(":authority", HOST), (":path", PATH), (":method", "POST"), (":scheme", "https"), *HEADERS]
    headers = {"headers": [{"key": name, "value": value} for name, value in fields]}
    return [segment(trace, request_headers=headers),
            segment(trace, request_body_chunk={"as_bytes": base64.b64encode(body).decode()})]


def test_the_segments_of_a_stream_are_one_request_by_the_stream_s_trace_id() -> None:
    """A record that says it is one segment of a streamed trace carries its stream's id, a trace's
    id included: the body's chunk joins the headers' segment of its trace, across other streams'
    segments."""
    one, other = streamed("1001", ONE), streamed("1002", OTHER)
    assert read([one[0], other[0], NOISE, other[1], one[1]]) == [(1, ONE), (2, OTHER)]


def test_a_trace_id_outside_a_stream_s_segment_joins_no_chunk() -> None:
    """The same records without the segment that names the stream: a trace's id alone is no one
    request's (every call of a batch carries it), and a chunk of another stream is nobody's."""
    one = streamed("1001", ONE)
    unwrapped = [json.dumps(json.loads(line)["http_streamed_trace_segment"]) for line in one]
    assert read(unwrapped) == [(1, None)]
    assert read([one[0], streamed("1002", ONE)[1]]) == [(1, None)]
