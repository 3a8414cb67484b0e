"""The body a structured record logs, as the bytes sent: an object holding the bytes under a
member named for their form is those bytes; a body known only parsed (an object) or cut short
is shown, but not as the bytes a signature is over; an object that holds a request is no body."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from helpers.running import scan_json
from helpers.signing import key_pair, signature_header
from keyaudit.inputs.captures.records import request_of
from keyaudit.model.exchange import Exchange, Origin

URL = "https://api.iugu.com/v1/transfer_requests"
SENT = b'{\n"amount_cents":1050,\n"transfer_type":"pix"\n}'
BINARY = bytes(range(256))


def request(record: dict) -> Exchange:
    found = request_of(record, Origin("records.log", 1))
    assert found is not None, record
    return found


@pytest.mark.parametrize("member", ["as_bytes", "bytes", "base64", "b64", "asBytes"])
@pytest.mark.parametrize("sent", [SENT, BINARY])
def test_a_body_object_with_a_member_named_for_bytes_is_those_bytes(member: str, sent: bytes) -> None:
    # Envoy's tap trace: body {truncated, as_bytes}, bytes in base64 as protobuf's JSON writes them
    found = request({"method": "POST", "url": URL,
                     "body": {"truncated": False, member: base64.b64encode(sent).decode()}})
    assert (found.body, found.body_exact) == (sent, True)


@pytest.mark.parametrize("member", ["as_string", "string", "text"])
def test_a_body_object_with_a_member_named_for_text_is_that_text(member: str) -> None:
    found = request({"method": "POST", "url": URL, "body": {"truncated": False, member: SENT.decode()}})
    assert (found.body, found.body_exact) == (SENT, True)


@pytest.mark.parametrize("logged", [{"amount_cents": 1050, "transfer_type": "pix"}, [{"amount_cents": 1050}]])
def test_a_body_logged_parsed_is_shown_but_not_as_the_bytes_sent(logged: object) -> None:
    found = request({"method": "POST", "uri": URL, "payload": logged})
    assert (found.body, found.body_exact) == (json.dumps(logged, separators=(",", ":")).encode(), False)


@pytest.mark.parametrize("parsed", ["content", "payload", "data"])
def test_a_body_logged_parsed_and_as_its_text_is_the_text_sent(parsed: str) -> None:
    # Clockwork's Laravel HTTP client data: `content` the body decoded, `body` the string sent
    found = request({"method": "POST", "url": URL, parsed: json.loads(SENT), "body": SENT.decode()})
    assert (found.body, found.body_exact) == (SENT, True)


@pytest.mark.parametrize("beside", ['{"amount_cents":1}', "a transfer to the supplier", "[1, 2]", "{not json"])
def test_a_string_beside_a_parsed_body_that_is_not_its_json_leaves_the_body_parsed(beside: str) -> None:
    logged = {"amount_cents": 1050, "transfer_type": "pix"}
    found = request({"method": "POST", "url": URL, "payload": logged, "body": beside})
    assert (found.body, found.body_exact) == (json.dumps(logged, separators=(",", ":")).encode(), False)


def test_a_body_whose_own_member_is_named_value_is_the_object_not_that_member() -> None:
    # an Asaas transfer's body has a `value` (the amount): a wrapper's text only where every other
    # member describes it (Charles's <body encoding="plain">)
    asaas = {"method": "POST", "url": "https://api.asaas.com/v3/transfers",
             "body": {"value": "100.50", "description": "payout"}}
    assert (request(asaas).body, request(asaas).body_exact) == (b'{"value":"100.50","description":"payout"}', False)
    wrapped = request({"method": "POST", "url": URL, "body": {"encoding": "plain", "value": SENT.decode()}})
    assert (wrapped.body, wrapped.body_exact) == (SENT, True)


def test_a_body_flagged_cut_short_is_not_the_bytes_sent() -> None:
    found = request({"method": "POST", "url": URL, "body": {"truncated": True, "as_string": SENT.decode()[:10]}})
    assert (found.body, found.body_exact) == (SENT[:10], False)


def test_an_object_holding_a_request_is_no_body() -> None:
    # Azure API Management's trace: each entry's `data` holds a request; none is a body
    inbound = {"source": "api-inspector", "data": {"request": {"method": "POST", "url": "https://gw.example.com/x"}}}
    forwarded = {"source": "forward-request", "data": {"message": "forwarded",
                                                        "request": {"method": "POST", "url": URL}}}
    found = request({"traceEntries": {"inbound": [inbound], "backend": [forwarded]}})
    assert (found.url, found.body) == (URL, None)


def test_a_signed_transfer_whose_body_is_logged_parsed_leaves_its_signature_unverified(tmp_path: Path) -> None:
    """A watcher that stores the JSON body decoded (Laravel Telescope's ``payload``) shows what
    the body said, not the bytes signed: neither a good nor a bad signature can be told."""
    client, public = key_pair(tmp_path, "client")
    other, _ = key_pair(tmp_path, "other")
    token, when, path = iugu_token(), "2026-11-22T10:00:00-03:00", "/v1/transfer_requests"
    sent = json.dumps({"api_token": token, "amount_cents": 1050}, indent=1)
    lines = [json.dumps({"type": "client_request", "content": {
        "method": "POST", "uri": URL, "payload": json.loads(sent),
        "headers": {"Request-Time": when,
                    "Signature": signature_header(key, "POST", path, token, when, sent.encode())}}})
        for key in (client, other)]
    log = tmp_path / "telescope.json"
    log.write_text("\n".join(lines) + "\n")
    report, _ = scan_json("--public-key", str(public), str(log))
    assert [f["rule_id"] for f in report["findings"] if f["category"] == "bad-signature"] == []
    assert report["scan"]["requests"].get("signatures_unverified") == 2, report["scan"]["requests"]


@pytest.mark.parametrize("member", ["RawData", "rawBody", "raw_payload"])
def test_a_body_under_its_raw_name_is_the_bytes_sent(member: str) -> None:
    # Raygun's Request {HttpMethod, Url, Form, RawData}: RawData is the body as received
    found = request({"Request": {"HttpMethod": "POST", "Url": URL, "Form": {}, member: SENT.decode()}})
    assert (found.body, found.body_exact) == (SENT, True)


def test_a_raw_name_at_the_top_of_a_record_holding_the_request_is_the_records_own() -> None:
    # a crash report's own raw data beside the request it describes is not that request's body
    found = request({"RawData": "worker 7 crashed", "Request": {"HttpMethod": "POST", "Url": URL}})
    assert found.body is None


def test_the_replys_body_is_not_the_requests() -> None:
    found = request({"request": {"method": "POST", "url": URL, "headers": {"Content-Type": "application/json"}},
                     "response": {"status": 201, "body": '{"id": "t1"}'}})
    assert found.body is None


@pytest.mark.parametrize(("printable", "exact"), [(SENT.decode(), True), ('{"value":100.5}', False),
                                                  ('{"name":"Jo..o"}', False)])
def test_a_printable_body_is_the_bytes_sent_only_where_no_byte_could_have_become_a_dot(printable: str,
                                                                                        exact: bool) -> None:
    # Suricata's http-body-printable: an unprintable byte (any of UTF-8's "ã") is written `.`
    found = request({"http": {"hostname": "api.iugu.com", "url": "/v1/transfer_requests", "http_method": "POST",
                              "http_request_body_printable": printable}})
    assert (found.body, found.body_exact) == (printable.encode(), exact)


def test_a_messages_content_is_its_body() -> None:
    # Apigee's RequestMessage {verb, uRI, headers, content}; .NET's HttpRequestMessage.Content
    found = request({"RequestMessage": {"verb": "POST", "uRI": URL, "content": SENT.decode()}})
    assert (found.body, found.body_exact) == (SENT, True)


@pytest.mark.parametrize(("logged", "sent"), [
    (r'{\x0A\x22name\x22:\x22Jo\xC3\xA3o\x22\x0A}', '{\n"name":"João"\n}'.encode()),  # nginx's escape=default
    (r'{"path":"C:\\temp\x0A"}', rb'{"path":"C:\\temp\x0A"}'),  # a backslash that opens no \xHH: as logged
    (r'{"hex":"\x41\x42"}', rb'{"hex":"\x41\x42"}')])  # no escaped control byte or quote: the text is the body's
def test_a_body_escaped_as_nginx_logs_a_variable_is_the_bytes_it_stands_for(logged: str, sent: bytes) -> None:
    # an egress proxy's log_format `… request_body="$request_body"` read as key=value pairs
    found = request({"method": "POST", "url": URL, "request_body": logged})
    assert (found.body, found.body_exact) == (sent, True)


@pytest.mark.parametrize(("logged", "sent"), [
    (SENT.hex(), SENT), (SENT.hex().upper(), SENT),  # tshark -T fields writes http.file_data's bytes in hex
    ("20261122", b"20261122"), (BINARY[:16].hex(), BINARY[:16].hex().encode())])  # no text in hex: as logged
def test_a_body_written_wholly_in_hex_is_the_text_it_decodes_to(logged: str, sent: bytes) -> None:
    found = request({"http.request.method": "POST", "http.request.full_uri": URL, "http.file_data": logged})
    assert (found.body, found.body_exact) == (sent, True)


@pytest.mark.parametrize("written", ["text", "base64", "hex", "nginx"])
def test_a_body_of_a_megabyte_is_told_apart_without_a_record_per_character(written: str) -> None:
    """Whether a long body is base64, hex or nginx-escaped is told by its characters and length: a
    pattern repeating a group per 4 or 2 characters held tens of megabytes for a 1 MiB body."""
    import tracemalloc

    sent = b"x" * ((1 << 20) - 16)  # the longest body kept is 1 MiB
    logged = {"text": sent.decode(), "base64": base64.b64encode(sent).decode(), "hex": sent.hex(),
              "nginx": "\\x22" + sent.decode()}[written]
    record = {"method": "POST", "url": URL, "body": logged}
    tracemalloc.start()
    try:
        found = request(record)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert found.body == (b'"' + sent if written == "nginx" else sent)
    assert peak < 16 << 20, f"{peak >> 20} MiB held"


@pytest.mark.parametrize("kind", ["REQ_OUT", "REQ_IN", "request"])
@pytest.mark.parametrize("message", [SENT.decode(), "amount_cents=1050&transfer_type=pix",
                                     "<transfer><amount_cents>1050</amount_cents></transfer>"])
def test_a_record_whose_kind_says_it_is_the_request_logs_the_payload_as_its_message(kind: str, message: str) -> None:
    """CXF's LoggingFeature event through a JSON encoder: the payload is the record's message."""
    found = request({"message": message, "type": kind, "address": URL, "httpMethod": "POST"})
    assert (found.body, found.body_exact) == (message.encode(), True)


@pytest.mark.parametrize("record", [
    {"message": '{"amount_cents":1050}', "type": "RESP_IN", "address": URL, "httpMethod": "POST"},
    {"message": "Sending the transfer", "type": "REQ_OUT", "address": URL, "httpMethod": "POST"},
    {"message": "[payouts] sending the transfer", "type": "REQ_OUT", "address": URL, "httpMethod": "POST"},
    {"message": f"POST {URL}", "kind": "request", "url": URL, "method": "POST"}])
def test_a_message_is_no_payload_in_a_reply_s_record_nor_where_it_is_a_sentence(record: dict) -> None:
    assert request(record).body is None


@pytest.mark.parametrize("name", ["contentPreview", "requestContentPreview", "bodyPreview"])
def test_a_body_previewed_is_the_body_as_sent(name: str) -> None:
    # Armeria's ContentPreviewingClient with its LoggingClient: `contentPreview=<the body as text>`
    found = request({"method": "POST", "url": URL, name: SENT.decode()})
    assert (found.body, found.body_exact) == (SENT, True)


@pytest.mark.parametrize("size", ["[95 bytes]", "[>=95 bytes]", "[1..=95 bytes]", "[unknown]", "<95 bytes>",
                                  "(95 bytes)", "95 byte(s) length"])
def test_a_body_written_as_its_size_is_sent_and_not_shown(size: str) -> None:
    # Vector's http client debug event (`body=[95 bytes]`, its FormatBody), rest-client's `95 byte(s) length`:
    # the size stands where the bytes would be, so no signature can be judged over it
    found = request({"method": "POST", "url": URL, "body": size})
    assert (found.body, found.body_exact) == (None, False)


def test_a_body_that_mentions_a_size_is_still_the_body() -> None:
    found = request({"method": "POST", "url": URL, "body": "sent 95 bytes"})
    assert (found.body, found.body_exact) == (b"sent 95 bytes", True)


@pytest.mark.parametrize("wrapper", ["data", "body", "payload"])
@pytest.mark.parametrize("sent", [SENT, b"amount_cents=1050&transfer_type=pix"])
def test_a_body_object_whose_one_member_is_a_payloads_text_is_that_text(wrapper: str, sent: bytes) -> None:
    # Activepieces' HTTP piece: the raw body a form field keeps as `body: {"data": "<raw text>"}`
    found = request({"method": "POST", "url": URL, "body_type": "raw", "body": {wrapper: sent.decode()}})
    assert (found.body, found.body_exact) == (sent, True)


@pytest.mark.parametrize("logged", [{"data": "a transfer to the supplier"}, {"data": SENT.decode(), "id": 7},
                                    {"note": SENT.decode()}])
def test_a_body_object_holding_a_sentence_or_more_than_the_text_is_the_body_parsed(logged: dict) -> None:
    found = request({"method": "POST", "url": URL, "body": logged})
    assert (found.body, found.body_exact) == (json.dumps(logged, separators=(",", ":")).encode(), False)


def _wrapped(text: str, width: int) -> str:
    """``text`` in lines of ``width`` characters, each ended by a line break: as an encoder wraps base64."""
    return "".join(text[start:start + width] + "\n" for start in range(0, len(text), width))


@pytest.mark.parametrize("width", [76, 64])
def test_a_body_written_wholly_in_base64_wrapped_as_an_encoder_wraps_it_is_the_text_it_decodes_to(width: int) -> None:
    # Flipper's newRequest `data`: android.util.Base64.DEFAULT, lines of 76 characters; OpenSSL's of 64
    found = request({"method": "POST", "url": URL, "data": _wrapped(base64.b64encode(SENT).decode(), width)})
    assert (found.body, found.body_exact) == (SENT, True)


ENCODED = base64.b64encode(SENT).decode()


@pytest.mark.parametrize("logged", ["pixpayout\nsupplier", "abcdabcd\n\nabcd",  # lines of no one width
                                    f"{ENCODED[:8]}\n{ENCODED[8:20]}\n{ENCODED[20:]}",
                                    '{"amt":1050,\n"ok":1}'])  # lines of one width, but no base64: JSON sent
def test_text_broken_into_lines_other_than_an_encoders_is_not_joined(logged: str) -> None:
    found = request({"method": "POST", "url": URL, "data": logged})
    assert found.body == logged.encode()


@pytest.mark.parametrize("logged", [list(SENT), {"type": "Buffer", "data": list(SENT)}])
def test_a_body_written_as_its_byte_values_is_those_bytes(logged: object) -> None:
    # serde's Vec<u8> and a Python list(body) write the bytes as numbers; Node's Buffer#toJSON wraps them with
    # their type
    found = request({"method": "POST", "url": URL, "data": logged})
    assert (found.body, found.body_exact) == (SENT, True)


@pytest.mark.parametrize("logged", [[1050, 1, 2, 3, 4, 5, 6, 7], [1, 2, 3, 4, 5, 6, 7, 8], [104, 105, 33],
                                    list(range(100, 110)),
                                    {"type": "pix", "data": [1, 2, 3, 4, 5, 6, 7, 8]}, [True] * 8])
def test_numbers_that_are_no_printable_bytes_stay_the_body_parsed(logged: object) -> None:
    # a JSON body that is a list of numbers, or holds one under `data`, is the body parsed: not the bytes sent
    found = request({"method": "POST", "url": URL, "payload": logged})
    assert (found.body, found.body_exact) == (json.dumps(logged, separators=(",", ":")).encode(), False)


def test_a_body_printed_as_its_bytes_in_hex_is_those_bytes_and_cut_is_not_shown() -> None:
    # Node's util.inspect of a Buffer: whole up to INSPECT_MAX_BYTES (50), else its first 50 and the count left out
    whole = request({"method": "POST", "url": URL, "body": "<Buffer " + SENT.hex(" ") + ">"})
    assert (whole.body, whole.body_exact) == (SENT, True)
    shown = f"<Buffer {SENT[:8].hex(' ')} ... {len(SENT) - 8} more bytes>"
    cut = request({"method": "POST", "url": URL, "body": shown})
    assert (cut.body, cut.body_exact) == (None, False)
