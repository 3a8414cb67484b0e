"""Records that keep their message as a template and its properties (Serilog's CLEF): the message is the template
filled in, and a property a logging scope bound is the call's context, not the record's."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from helpers.running import scan_json
from helpers.signed_shapes import requests
from keyaudit.inputs.captures.message_templates import event_view, template_message

URL = "https://api.iugu.com/v1/transfer_requests"


def test_a_clef_records_message_is_its_template_with_its_properties_filled_in() -> None:
    record = {"@t": "2026-11-22T13:00:30.1045120Z", "@mt": "Sending HTTP request {HttpMethod} {Uri,-10:l} {{x}}",
              "HttpMethod": "POST", "Uri": URL}
    assert template_message(record) == f"Sending HTTP request POST {URL} {{x}}"
    assert template_message({**record, "@m": "rendered"}) == "rendered"
    assert template_message({"@mt": "no time: no CLEF {X}", "X": 1}) is None
    assert template_message({"@t": "…", "@mt": "{Missing} {N}", "N": [1]}) == "{Missing} [1]"


def test_a_template_filled_past_a_lines_length_is_no_message_and_a_long_scope_costs_a_bounded_look() -> None:
    """Ten thousand holes of a 30 KB property (a 60 KB line) were filled: 17 s and 920 MB; a record of many keys was
    each looked for in its whole scope text (800 KB: 4 s)."""
    started = time.process_time()
    long = {"@t": "…", "@mt": "{A}" * 10_000, "A": f"POST {URL} " + "x" * 30_000}
    assert template_message(long) is None
    assert template_message({**long, "@mt": "{A}" * 3}) == long["A"] * 3
    many = {"@t": "…", "@mt": "headers", "Scope": ["ab" * 200_000], **{f"k{n}": f"abx{n}" for n in range(20_000)}}
    assert (len(event_view(many)), time.process_time() - started < 3) == (len(many), True)


def test_the_properties_a_scope_bound_are_left_out_where_the_template_does_not_name_them() -> None:
    scope = {"HttpMethod": "POST", "Uri": URL, "Scope": [f"HTTP POST {URL}"]}
    headers = {"@t": "…", "@mt": "{HttpHeadersLogValue:l}", "Signature": ["signature=x"], **scope}
    assert event_view(headers) == {"@t": "…", "@mt": "{HttpHeadersLogValue:l}", "Signature": ["signature=x"],
                                   "Scope": [f"HTTP POST {URL}"]}
    start = {"@t": "…", "@mt": "Sending HTTP request {HttpMethod} {Uri}", **scope}
    assert event_view(start) == start
    assert event_view({"@t": "…", "HttpMethod": "POST"}) == {"@t": "…", "HttpMethod": "POST"}


@pytest.mark.parametrize("outer", [[], ["{RequestId: 0HN8, Cart: " + "x" * 9000 + "}"]])
def test_httpclient_factory_events_as_clef_are_one_request_whose_headers_its_trace_event_gives(tmp_path: Path,
                                                                                              outer: list) -> None:
    """IHttpClientFactory's LogicalHandler and ClientHandler events through Serilog's CompactJsonFormatter: the
    request is the ClientHandler's, once, its headers those its event 102 lists — the unsigned transfer is found;
    an application's long scope around the call (Serilog writes the outermost first) hides the call's scope no more
    (one request was judged three times)."""
    found, public = requests(tmp_path)
    unsigned = found[0]
    text = "Request Headers:\n" + "".join(f"{name}: {value}\n" for name, value in unsigned.headers)
    scope = {"HttpMethod": "POST", "Uri": unsigned.url, "Scope": [*outer, f"HTTP POST {unsigned.url}"]}
    lines = []
    for handler, started in (("LogicalHandler", "Start processing HTTP request"),
                             ("ClientHandler", "Sending HTTP request")):
        context = {"SourceContext": f"System.Net.Http.HttpClient.iugu.{handler}"}
        lines += [json.dumps({"@t": "2026-11-22T13:00:30.1045120Z", "@mt": started + " {HttpMethod} {Uri}",
                              "EventId": {"Id": 100}, **context, **scope}),
                  json.dumps({"@t": "2026-11-22T13:00:30.1046730Z", "@mt": "{HttpHeadersLogValue:l}", "@l": "Verbose",
                              **{name: [value] for name, value in unsigned.headers}, "HttpHeadersLogValue": text,
                              "EventId": {"Id": 102}, **context, **scope})]
    log = tmp_path / "payouts.clef"
    log.write_text("\n".join(lines) + "\n")
    report, _ = scan_json("--public-key", str(public), str(log))
    assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == ["iugu-unsigned-transfer"]
    assert report["scan"]["requests"] == {"requests_judged": 1}
