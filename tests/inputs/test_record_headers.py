"""Headers a structured record logs one field each: read as headers only under names the rules
know, and telling a missing header only where the record keeps a field for one the rules
require of records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.credentials import asaas_key
from helpers.running import scan_json
from keyaudit.inputs.captures.records import request_of
from keyaudit.model.exchange import UNKNOWN, Exchange, Origin
from keyaudit.rulebook.loader import load_rules

URL = "https://api.iugu.com/v1/transfer_requests"
KNOWN = load_rules().record_headers


def request(record: dict) -> Exchange:
    found = request_of(record, Origin("records.log", 1), known=KNOWN)
    assert found is not None, record
    return found


@pytest.mark.parametrize("key", ["signature", "req_signature", "request-signature", "http_request_header_signature",
                                 "Signature", "header.signature"])
def test_a_field_named_for_a_header_the_rules_require_is_that_header(key: str) -> None:
    found = request({"method": "POST", "url": URL, key: "signature=c2ln"})
    assert (found.header("Signature"), found.headers_known) == ("signature=c2ln", True)


@pytest.mark.parametrize("absent", ["-", "", None], ids=["dash", "empty", "null"])  # null: Envoy's JSON format
def test_a_field_logged_absent_still_shows_the_header_missing(absent: str | None) -> None:
    found = request({"method": "POST", "path": "/v1/transfer_requests", "authority": "api.iugu.com",
                     "signature": absent, "req_request_time": absent})
    assert (found.header("Signature"), found.header("Request-Time"), found.headers_known) == (None, None, True)


@pytest.mark.parametrize("record", [
    {"event": "http.request.start", "method": "POST", "url": URL, "status": None, "request_time": None},
    {"request_method": "POST", "host": "api.iugu.com", "request_uri": "/v1/transfer_requests", "status": 200,
     "request_time": None, "http_user_agent": "payouts/3.1"},
], ids=["start-event", "nginx"])
def test_a_duration_logged_null_under_a_headers_name_shows_no_header_missing(record: dict) -> None:
    """`request_time` is nginx's and most access logs' duration of the request: null where none was measured."""
    assert request(record).headers_known is False


def test_an_envoy_json_access_log_shows_a_transfer_sent_unsigned(tmp_path: Path) -> None:
    """Envoy's ``json_format`` writes ``null`` where a ``%REQ(…)%`` header was not sent."""
    common = {"method": "POST", "path": "/v1/transfer_requests", "authority": "api.iugu.com", "scheme": "https",
              "response_code": 200, "x_forwarded_for": None, "user_agent": "payouts/3.1"}
    signed = {"request_time": "2026-11-22T10:00:00-03:00", "signature": "signature=c2lnbmF0dXJl"}
    lines = [json.dumps({"start_time": f"2026-11-22T13:00:0{n}.000Z", **common, **headers})
             for n, headers in enumerate([{"request_time": None, "signature": None}, signed, {}])]
    (tmp_path / "access.log").write_text("\n".join(lines) + "\n")
    report, _ = scan_json(str(tmp_path / "access.log"))
    assert [(f["rule_id"], f["location"]["line"]) for f in report["findings"]] == [("iugu-unsigned-transfer", 1)]


def test_a_user_agent_alone_shows_no_signing_header_missing() -> None:
    # Google's httpRequest logs the User-Agent and never the signing headers: it cannot show them missing
    found = request({"httpRequest": {"requestMethod": "POST", "requestUrl": URL, "userAgent": "payouts/3.1"}})
    assert (found.header("User-Agent"), found.headers_known) == ("payouts/3.1", False)


def test_a_header_captured_with_underscores_for_dashes_is_the_header_the_rules_spell_with_dashes() -> None:
    # OpenTelemetry JS's and Python's captured headers: http.request.header.<name>, `-` written `_`, a list
    found = request({"http.method": "POST", "http.url": URL, "http.request.header.request_time": ["2026-11-22"],
                     "http.request.header.access_token": ["$aact_x"], "http.request.header.x_trace": ["a"]})
    assert [name for name, _ in found.headers] == ["Request-Time", "access_token", "x_trace"]


def test_a_header_value_written_as_the_json_of_a_list_of_strings_is_that_list() -> None:
    # A store that keeps attribute values as strings only (Honeycomb's columns, SigNoz's stringTagMap) writes the
    # captured header's list of strings as its JSON text; anything else that opens so stays the value logged
    found = request({"http.method": "POST", "http.url": URL, "http.request.header.signature": '["signature=c2ln"]',
                     "http.request.header.accept": '["text/plain", "application/json"]',
                     "http.request.header.x_count": '["a", 1]', "http.request.header.x_note": '["cut'})
    assert found.headers == [("signature", "signature=c2ln"), ("accept", "text/plain"), ("accept", "application/json"),
                             ("x_count", '["a", 1]'), ("x_note", '["cut')], found.headers


def test_a_duration_named_like_a_header_is_no_header() -> None:
    # nginx's $request_time is the seconds a request took
    found = request({"request": "POST /v1/transfer_requests HTTP/1.1", "host": "api.iugu.com", "request_time": "0.032"})
    assert (found.header("Request-Time"), found.headers_known) == (None, False)


def test_fields_the_rules_do_not_name_stay_fields() -> None:
    found = request({"method": "POST", "url": URL, "service": "payouts", "trace_id": "abc", "level": "info"})
    assert (found.headers, found.headers_known) == ([], False)


def test_a_name_that_says_the_request_takes_its_url_from_the_field_with_its_path() -> None:
    found = request({"Name": "POST /v1/transfer_requests", "Data": URL, "Target": "api.iugu.com",
                     "Properties": {"Content-Type": "application/json", "body": '{"a":1}'}})
    assert (found.method, found.url, found.body, found.headers_known) == ("POST", URL, b'{"a":1}', True)


def test_a_name_that_is_no_request_names_none() -> None:
    assert request_of({"name": "POST handler", "Data": URL}, Origin("records.log", 1), known=KNOWN) is None


def test_a_service_named_origin_is_no_browser(tmp_path: Path) -> None:
    # an application's own "origin" field (who asked) beside a call to Asaas is not the Origin a browser sends
    line = json.dumps({"method": "GET", "url": "https://api.asaas.com/v3/payments", "origin": "billing-worker",
                       "headers": {"access_token": asaas_key()}})
    (tmp_path / "calls.log").write_text(line + "\n")
    report, _ = scan_json(str(tmp_path / "calls.log"))
    assert "browser-exposure" not in {f["category"] for f in report["findings"]}, report["findings"]


def test_headers_inside_a_headers_object_are_read_to_a_bounded_depth() -> None:
    charles = request({"method": "POST", "url": URL, "request": {"header": {
        "firstLine": "POST /v1/transfer_requests HTTP/1.1", "headers": [{"name": "Signature", "value": "s"}]}}})
    assert charles.header("Signature") == "s"
    nested: dict = {"Signature": "s"}
    for _ in range(500):
        nested = {"headers": nested}
    deep = request({"method": "POST", "url": URL, "headers": nested})
    assert deep.header("Signature") is None and deep.headers_known


def test_a_cgi_environment_holds_every_header_and_shows_a_missing_one() -> None:
    # Honeybadger's request.cgi_data, a Rack env: HTTP_<NAME> each header, CONTENT_TYPE unprefixed
    environ = {"REQUEST_METHOD": "POST", "HTTPS": "on", "SERVER_PORT": "443", "REMOTE_ADDR": "10.0.0.7",
               "CONTENT_TYPE": "application/json", "HTTP_USER_AGENT": "payouts/3.1", "HTTP_REQUEST_TIME": "-"}
    found = request({"request": {"url": URL, "cgi_data": environ}})
    assert (found.headers, found.headers_known) == (
        [("content-type", "application/json"), ("user-agent", "payouts/3.1")], True)


def test_upper_case_http_fields_without_a_request_method_variable_are_no_environment() -> None:
    # HTTP_-named fields alone are an application's own (a status, a flag): no header, nothing shown missing
    found = request({"method": "POST", "url": URL, "HTTP_STATUS_LINE": "201 Created", "HTTP_RETRY": "no"})
    assert (found.headers, found.headers_known) == ([], False)


def test_a_headers_member_of_cgi_variables_only_holds_the_headers_they_name() -> None:
    # Airbrake's context.headers: the Rack env's HTTP_* and CONTENT_* variables, under a headers member
    environ = {"CONTENT_TYPE": "application/json", "HTTP_HOST": "api.iugu.com", "HTTP_REQUEST_TIME": "t"}
    found = request({"context": {"url": URL, "httpMethod": "POST", "headers": environ}})
    assert (found.headers, found.headers_known) == (
        [("content-type", "application/json"), ("host", "api.iugu.com"), ("request-time", "t")], True)


def test_a_headers_member_with_a_name_of_its_own_keeps_every_name() -> None:
    # one header that is no CGI variable: the member holds header names, HTTP_-named ones among them
    found = request({"method": "POST", "url": URL, "headers": {"HTTP_X_TRACE": "1", "Signature": "s"}})
    assert found.headers == [("HTTP_X_TRACE", "1"), ("Signature", "s")]


@pytest.mark.parametrize("logged", ["map[Content-Type:[application/json] Signature:[signature=ab==]]",
                                    "{Content-Type=application/json, Signature=signature=ab==}",
                                    "{'Content-Type': 'application/json', 'Signature': 'signature=ab=='}"])
def test_headers_printed_as_a_map_in_a_string_are_that_map(logged: str) -> None:
    found = request({"method": "POST", "url": URL, "headers": logged})
    assert (found.header("Signature"), found.headers_known) == ("signature=ab==", True)


@pytest.mark.parametrize("logged", ["Headers[Content-Type:application/json, Signature:x]", "{a={b={c=", "[[[", "(none)"])
def test_header_text_that_is_no_block_of_header_lines_shows_no_header_missing(logged: str) -> None:
    # a map in a notation not read, or cut short: cut at its colons it would make names of no
    # header, and a request that sent a Signature would look unsigned
    found = request({"method": "POST", "url": URL, "headers": logged})
    assert found.headers_known is False


@pytest.mark.parametrize("logged", ["Content-Type:application/json|Signature:signature=ab==",
                                    "Content-Type: application/json | Signature: signature=ab=="])
def test_header_fields_joined_by_a_bar_on_one_line_are_each_a_header(logged: str) -> None:
    # a connector's configuration keeps its headers so (`headers` joined by its `header.separator`, `|`)
    found = request({"method": "POST", "url": URL, "headers": logged})
    assert (found.headers, found.headers_known) == ([("Content-Type", "application/json"),
                                                     ("Signature", "signature=ab==")], True)


@pytest.mark.parametrize("logged", ["Content-Type:application/json|ab", "Accept: text/plain|text/html"])
def test_a_bar_before_no_field_name_stays_in_the_value(logged: str) -> None:
    found = request({"method": "POST", "url": URL, "headers": logged})
    assert len(found.headers) == 1 and "|" in found.headers[0][1]


def test_a_list_of_entries_none_of_which_reads_as_a_header_shows_no_header_missing() -> None:
    # entries in a shape not read (the name under `field`): no entry read, so no Signature seen, but one was sent
    entries = [{"field": "Signature", "content": "signature=ab=="}]
    assert request({"method": "POST", "url": URL, "headers": entries}).headers_known is False
    assert request({"method": "POST", "url": URL, "headers": entries + [{"name": "Accept", "value": "*/*"}]}).headers \
        == [("Accept", "*/*")]


def test_a_list_of_header_names_alone_shows_no_header_missing() -> None:
    found = request({"method": "POST", "url": URL, "headers": ["Content-Type", "Request-Time", "Signature"]})
    assert found.headers_known is False


def test_every_header_named_and_their_values_in_fields_show_a_missing_one() -> None:
    # Arkime: the name of every header sent in requestHeader, the values of those its configuration
    # names in request-<name> fields: a Signature the list lacks was not sent
    found = request({"method": "POST", "url": URL, "requestHeader": ["host", "content-type", "user-agent"],
                     "request-content-type": "application/json", "request-bytes": "512"})
    assert (found.headers, found.headers_known) == ([("content-type", "application/json")], True)
    signed = request({"method": "POST", "url": URL, "requestHeader": ["host", "request-time", "signature"],
                      "request-request-time": "2026-11-22T10:00:00-03:00", "request-signature": "signature=ab=="})
    assert (signed.header("Request-Time"), signed.header("Signature"), signed.headers_known) == (
        "2026-11-22T10:00:00-03:00", "signature=ab==", True)


@pytest.mark.parametrize("names", [["host", "signature", "request-time"], ["Content-Type"], "Content-Type"])
def test_header_names_whose_required_values_are_not_kept_show_no_header_missing(names: object) -> None:
    # a Signature named but its value kept nowhere is no missing Signature; one name alone lists
    # no head (a word: "headers": "redacted")
    found = request({"method": "POST", "url": URL, "requestHeader": names, "request-request-time": "2026"})
    assert (found.header("Signature"), found.headers_known) == (None, False)


@pytest.mark.parametrize("record", [
    {"request": {"method": "POST", "url": URL}, "response": {"status": 201, "headers": {"Content-Type": "text/json"}}},
    {"http": {"request": {"method": "POST"}, "response": {"headers": {"content-type": "text/json"}}}, "url": {"full": URL}},
    {"method": "POST", "url": URL, "status": 201, "response_headers": {"Content-Type": "application/json"}},
    {"req": {"method": "POST", "url": URL}, "res": {"statusCode": 201, "headers": {"content-type": "text/json"}}},
])
def test_the_replys_headers_are_none_of_the_requests(record: dict) -> None:
    # pino-http's req/res, ECS's http.response, a client's responseHeaders: a request logged
    # beside its reply, its own headers not logged, shows no header missing
    assert request(record).headers_known is False


def test_a_request_read_inside_the_reply_keeps_what_is_around_it() -> None:
    # an axios error as JSON: the request's config under response.config, its headers with it
    found = request({"message": "Request failed with status code 401",
                     "response": {"status": 401, "config": {"method": "post", "url": URL,
                                                            "headers": {"Signature": "signature=ab=="}}}})
    assert (found.header("Signature"), found.headers_known) == ("signature=ab==", True)


@pytest.mark.parametrize(("lines", "headers"), [
    # tshark -T fields: each occurrence of http.request.line with its line end written out, joined by `,`
    ("Host: api.iugu.com\\r\\n,Content-Type: application/json\\r\\n,Signature: signature=abc\\r\\n",
     [("Host", "api.iugu.com"), ("Content-Type", "application/json"), ("Signature", "signature=abc")]),
    ("Accept: a, b\\r\\nSignature: signature=abc\\r\\n", [("Accept", "a, b"), ("Signature", "signature=abc")]),
    ("Signature: signature=abc", [])])  # a line of text, no line end written out: no head's lines
def test_head_lines_written_as_one_string_are_the_headers(lines: str, headers: list[tuple[str, str]]) -> None:
    found = request_of({"http.request.method": "POST", "http.request.full_uri": "https://api.iugu.com/v1/transfers",
                        "http.request.line": lines}, Origin("fields.tsv", 2))
    assert found is not None and (found.headers, found.headers_known) == (headers, bool(headers))


@pytest.mark.parametrize("headers", [
    {"Content-Type": "application/json", "...": "2 more"},
    {"Content-Type": "application/json", "User-Agent": "shop/1.0", "Accept": "…"},
    [["Content-Type", "application/json"], "... 3 more items"],
    "Content-Type: application/json\n... (2 more headers)",
])
def test_headers_a_printer_cut_short_show_no_header_missing(headers: object) -> None:
    """A printer that elides a long map (Node's `... 2 more items`, a `...` entry, a `+2 more`)
    logged some headers only: the request may have been signed in the rest."""
    found = request({"method": "POST", "url": URL, "headers": headers})
    assert (found.header("Content-Type"), found.headers_known) == ("application/json", False)


def test_a_printed_map_cut_short_in_a_log_line_is_no_unsigned_transfer(tmp_path: Path) -> None:
    path = tmp_path / "client.log"
    path.write_text(f"2026-01-01 10:00:00 DEBUG POST {URL} headers={{Content-Type=application/json, "
                    f"User-Agent=app, ...}}\n"
                    f"2026-01-01 10:00:01 DEBUG POST {URL} headers={{Content-Type=application/json, "
                    f"User-Agent=app, X-Empty=}}\n")
    report, _ = scan_json(str(path))
    assert [(f["rule_id"], f["location"]["line"]) for f in report["findings"]] == [("iugu-unsigned-transfer", 2)]


SENT_HEAD = {"Host": "api.iugu.com", "User-Agent": "payouts/3.1", "Content-Length": "9", "Content-Type": "application/json",
             "Accept-Encoding": "gzip"}


def test_the_head_as_sent_kept_a_field_a_header_shows_a_missing_one_and_its_length() -> None:
    """The Terraform SDK's HTTP transport logs each header of the request it dumped as a field
    of its own name, Host and Content-Length among them (which only the bytes sent hold: no
    application picks them to log): every such field is a header, the length too, so that a
    Signature absent is absent and a body of another length is not the bytes signed."""
    found = request({"tf_http_req_method": "POST", "tf_http_req_uri": "/v1/transfer_requests", **SENT_HEAD,
                     "tf_http_req_body": "{\"a\":1}", "@module": "provider", "timestamp": "2026-11-22T10:00:00Z"})
    assert (found.url, found.header("Content-Length"), found.header("Signature")) == (URL, "9", None)
    assert (found.headers_known, found.body, found.body_exact) == (True, b'{"a":1}', False)


@pytest.mark.parametrize("left_out", ["Host", "Content-Length"])
def test_headers_an_application_picks_to_log_under_their_names_show_no_header_missing(left_out: str) -> None:
    fields = {name: value for name, value in SENT_HEAD.items() if name != left_out}
    found = request({"method": "POST", "url": URL, **fields})
    assert (found.header("User-Agent"), found.headers_known) == ("payouts/3.1", False)


def test_a_flat_list_of_names_and_values_in_turn_is_the_headers() -> None:
    """Node's rawHeaders and undici's diagnostics request list each header's name, then its value."""
    found = request({"method": "POST", "url": URL,
                     "headers": ["content-type", "application/json", "request-time", "2026-11-22T10:00:00-03:00"]})
    assert (found.headers, found.headers_known) == (
        [("content-type", "application/json"), ("request-time", "2026-11-22T10:00:00-03:00")], True)


@pytest.mark.parametrize("listed", [["content-type", "user-agent"], ["accept", "gzip"],
                                    ["content-type", "application/json", "user-agent"]])
def test_a_list_of_names_alone_or_of_an_odd_length_holds_no_values(listed: list[str]) -> None:
    """Names alone (Arkime's requestHeader), words that could all be names, or a name left without a
    value: no header is read with a value from them."""
    assert request({"method": "POST", "url": URL, "headers": listed}).headers == []


def test_a_record_s_origin_beside_a_path_is_where_the_request_went_and_no_origin_header() -> None:
    """undici's request names its origin and path (the logger's hostname is its own machine); an Origin
    logged beside the host a request went to is the page's, a browser's header."""
    found = request({"hostname": "payouts-7d9f", "origin": "https://api.iugu.com", "method": "POST",
                     "path": "/v1/transfer_requests", "headers": ["content-type", "application/json"]})
    assert (found.url, found.header("Origin")) == (URL, None)
    browser = request({"host": "api.iugu.com", "origin": "https://loja.example.com", "method": "POST",
                       "path": "/v1/transfer_requests"})
    assert (browser.url, browser.header("Origin")) == (URL, "https://loja.example.com")


def test_an_entry_written_as_typed_inputs_is_the_header_its_types_say() -> None:
    """A flow editor's typed inputs (Node-RED's http request node): a type is the text itself where
    the editor offered it, `other` puts the text in its …Value, and one taken from the message when
    the request is sent leaves the value unknown."""
    found = request({"method": "POST", "url": URL, "headers": [
        {"keyType": "Content-Type", "keyValue": "", "valueType": "application/json", "valueValue": ""},
        {"keyType": "other", "keyValue": "Request-Time", "valueType": "other", "valueValue": "2026-11-22T13:00:00"},
        {"keyType": "other", "keyValue": "Signature", "valueType": "msg", "valueValue": "headers.signature"}]})
    assert (found.headers, found.headers_known) == ([("Content-Type", "application/json"),
                                                     ("Request-Time", "2026-11-22T13:00:00"),
                                                     ("Signature", UNKNOWN)], True)


@pytest.mark.parametrize("member", ["valueStr", "value_str", "stringValue", "valueString"])
def test_an_entrys_value_under_a_member_named_for_text_is_its_value(member: str) -> None:
    # protobuf's JSON of a oneof (Linkerd's tap: {"name": …, "valueStr": …} beside "valueBin"), FHIR's value[x]
    found = request({"method": "POST", "url": URL, "headers": [{"name": "signature", member: "signature=ab=="},
                                                               {"name": "request-time", member: "2026-11-22"}]})
    assert found.headers == [("signature", "signature=ab=="), ("request-time", "2026-11-22")]


@pytest.mark.parametrize("member", ["valueBin", "valueInt", "valueStrLength", "description"])
def test_an_entrys_member_named_for_no_text_is_no_value(member: str) -> None:
    found = request({"method": "POST", "url": URL, "headers": [{"name": "signature", member: "c2lnbmF0dXJl"}]})
    assert found.headers[0][1] in ("", UNKNOWN)


def test_a_plain_value_stays_the_value_beside_one_named_for_text() -> None:
    found = request({"method": "POST", "url": URL, "headers": [{"name": "Accept", "value": "*/*", "valueStr": "x"}]})
    assert found.headers == [("Accept", "*/*")]


@pytest.mark.parametrize("logged", [
    # Armeria's RequestHeaders: `name=value`, the pseudo-headers first
    [":method=POST", ":path=/v1/x", "content-type=application/json", "signature=signature=ab=="],
    # Netty's DefaultHttp2Headers: `name: value`, a pseudo-header's colon before its name
    [":method: POST", ":path: /v1/x", "content-type: application/json", "signature: signature=ab=="]])
def test_header_fields_printed_as_a_list_are_each_a_header(logged: list[str]) -> None:
    found = request({"method": "POST", "url": URL, "headers": logged})
    assert (found.header("Signature"), found.header("Content-Type"), found.headers_known) == (
        "signature=ab==", "application/json", True)
    assert found.header(":path") == "/v1/x"


@pytest.mark.parametrize("item", ["no header here", "a b=c", ":Method=POST"])
def test_a_list_item_that_is_no_field_is_no_header(item: str) -> None:
    found = request({"method": "POST", "url": URL, "headers": [item, "signature=signature=ab=="]})
    assert found.headers == [("signature", "signature=ab==")]
