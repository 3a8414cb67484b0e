"""The notations a structured record may be written in — dotted keys, key/value lists, typed
values — read as the nesting they stand for, and what the reconstructor makes of them."""

from __future__ import annotations

import base64

from keyaudit.inputs.captures.record_views import pairs_object, plain, role, typed
from keyaudit.inputs.captures.records import request_of
from keyaudit.model.exchange import Exchange, Origin

URL = "https://api.iugu.com/v1/transfer_requests"


def request(record: dict) -> Exchange | None:
    return request_of(record, Origin("records.log", 1))


def test_dotted_keys_are_paths_and_never_change_the_record() -> None:
    record = {"http": {"version": "1.1"}, "http.request.method": "POST", "url.full": URL}
    assert plain(record) == {"http": {"version": "1.1", "request": {"method": "POST"}}, "url": {"full": URL}}
    assert record == {"http": {"version": "1.1"}, "http.request.method": "POST", "url.full": URL}


def test_a_dotted_key_that_collides_with_a_value_stays_as_written() -> None:
    assert plain({"url": URL, "url.path": "/v1"}) == {"url": URL, "url.path": "/v1"}
    assert plain({"a.b": 1, "a": {"b": 2}}) == {"a": {"b": 2}, "a.b": 1}


def test_typed_values_and_key_value_lists() -> None:
    attributes = [{"key": "m", "value": {"stringValue": "POST"}},
                  {"key": "h", "value": {"arrayValue": {"values": [{"stringValue": "a"}, {"intValue": "2"}]}}},
                  {"key": "kv", "value": {"kvlistValue": {"values": [{"key": "x", "value": {"boolValue": True}}]}}}]
    assert pairs_object(attributes) == {"m": "POST", "h": ["a", "2"], "kv": {"x": True}}
    assert pairs_object([]) is None and pairs_object([{"key": 1, "value": 2}]) is None
    assert pairs_object([["Signature", "x"]]) is None
    assert typed({"stringValue": "a", "other": 1}) == {"stringValue": "a", "other": 1}


def test_role_names_qualified_by_the_request() -> None:
    found = request({"RequestMethod": "POST", "RequestHost": "api.iugu.com", "RequestPath": "/v1/transfer_requests",
                     "RequestScheme": "http", "request_Signature": "signature=c2ln", "request_time": "0.004"})
    assert found is not None and (found.url, found.headers) == ("http://api.iugu.com/v1/transfer_requests",
                                                                [("Signature", "signature=c2ln")])


def test_a_gateways_backend_fields_are_the_request_it_sent_on() -> None:
    """Azure API Management's gateway log names the call it made to the service behind it `Backend…`: the
    method, the URL, the headers (a JSON text, as Log Analytics returns a dynamic column) and the body."""
    found = request({"CorrelationId": "c1", "BackendMethod": "POST", "BackendUrl": URL, "BackendRequestBody": "{}",
                     "BackendRequestHeaders": '{"Content-Type":"application/json","Signature":"signature=c2ln"}'})
    assert found is not None and (found.method, found.url, found.body) == ("POST", URL, b"{}")
    assert found.headers == [("Content-Type", "application/json"), ("Signature", "signature=c2ln")]


def test_a_base64_body_is_decoded_only_where_the_record_says_so() -> None:
    encoded = base64.b64encode(b'{"amount_cents":1}').decode()
    flagged = request({"httpMethod": "POST", "url": URL, "body": encoded, "isBase64Encoded": True})
    unflagged = request({"httpMethod": "POST", "url": URL, "body": encoded, "isBase64Encoded": False})
    assert flagged is not None and flagged.body == b'{"amount_cents":1}'
    assert unflagged is not None and unflagged.body == encoded.encode()


def test_a_url_object_by_its_text_or_its_parts() -> None:
    raw = request({"method": "POST", "url": {"raw": URL, "host": ["{{host}}"]}})
    parts = request({"method": "POST", "url": {"protocol": "http", "host": ["api", "iugu", "com"],
                                               "path": ["v1", "transfers"], "query": [{"key": "a", "value": "1"}]}})
    server = request({"method": "POST", "url": {"path": "/v1/transfers"}, "server": {"address": "api.iugu.com"},
                      "client": {"address": "10.0.0.7"}})
    assert raw is not None and raw.url == URL
    assert parts is not None and parts.url == "http://api.iugu.com/v1/transfers?a=1"
    assert server is not None and server.url == "https://api.iugu.com/v1/transfers"


def test_a_protocol_that_is_no_scheme_is_not_taken_for_one() -> None:
    found = request({"method": "POST", "path": "/v1/transfers", "host": "api.iugu.com", "protocol": "HTTP/1.1"})
    assert found is not None and found.url == "https://api.iugu.com/v1/transfers"


def test_hostile_nesting_and_query_pairs_cost_only_their_record() -> None:
    deep: object = {"stringValue": "x"}
    for _ in range(300):
        deep = {"arrayValue": {"values": [deep]}}
    assert isinstance(typed(deep), list)
    found = request({"method": "POST", "path": "/v1/transfers", "host": "api.iugu.com",
                     "query": [[["not", "a", "name"], "x"], ["a", {"b": 1}]]})
    assert found is not None and found.url == "https://api.iugu.com/v1/transfers?a=%7B%22b%22%3A1%7D"


def test_a_log_records_own_body_is_not_the_body_of_the_request_it_describes() -> None:
    """An OpenTelemetry log record's ``body`` is its message: the request in its attributes has
    no body unless one is named as the request's; a request at the record's top, or an object
    that holds the request's parts, keeps its own."""
    attributes = {"http.request.method": "POST", "url.full": URL}
    assert request({"body": "transfer sent", "attributes": attributes}).body is None
    assert request({"body": "transfer sent", "attributes": attributes, "request_body": "{}"}).body == b"{}"
    assert request({"method": "POST", "url": URL, "body": "{}"}).body == b"{}"
    assert request({"event": "sent", "request": {"body": "{}"}, "http": {"request": {"method": "POST"}},
                    "url": {"full": URL}}).body == b"{}"


def test_a_messages_body_is_the_request_s_where_its_attributes_hold_the_head_and_declare_its_type() -> None:
    """A queue's message whose attributes hold the request's head (method, URL, headers): its bare
    ``Body`` is the request's where it is a payload of the type the head declares — JSON an object
    or a list, a form of fields —, never a sentence (a log record's message stays its own)."""
    json_head = {"method": "POST", "url": URL, "headers": {"Content-Type": "application/json"}}
    form_head = {"method": "POST", "url": URL, "headers": {"Content-Type": "application/x-www-form-urlencoded"}}
    assert request({"Body": '{\n"a":1\n}', "MessageAttributes": json_head}).body == b'{\n"a":1\n}'
    assert request({"Body": "a=1&b=2", "MessageAttributes": form_head}).body == b"a=1&b=2"
    assert request({"Body": "transfer sent", "MessageAttributes": json_head}).body is None
    assert request({"Body": '"transfer sent"', "MessageAttributes": json_head}).body is None
    assert request({"Body": "transfer sent", "MessageAttributes": form_head}).body is None
    assert request({"Body": '{"a":1}', "MessageAttributes": {"method": "POST", "url": URL}}).body is None


def _exact(value: str) -> list[dict[str, str]]:
    return [{"matcher": "exact", "value": value}]


def test_a_value_an_exact_matcher_wraps_is_that_value_and_never_changes_the_record() -> None:
    # Hoverfly's simulation: each field of a pair's request a list of matchers; WireMock's {"equalTo": …}
    stub = {"path": _exact("/v1/transfer_requests"), "method": _exact("POST"), "destination": _exact("api.iugu.com"),
            "scheme": _exact("https"), "body": _exact('{"amount_cents":1050}'),
            "headers": {"Signature": _exact("signature=c2ln"), "Content-Type": {"equalTo": "application/json"}}}
    found = request({"data": {"pairs": [{"request": stub, "response": {"status": 201}}]}})
    assert found is not None
    assert (found.method, found.url, found.body) == ("POST", URL, b'{"amount_cents":1050}')
    assert found.headers == [("Signature", "signature=c2ln"), ("Content-Type", "application/json")]
    assert stub["method"] == _exact("POST")


def test_a_matcher_that_matches_more_than_one_value_says_none() -> None:
    # a regex or a glob is a set of requests, not one: no method, no path read from it
    assert request({"method": [{"matcher": "regex", "value": "POST|PUT"}], "url": URL}) is None
    assert request({"method": "POST", "destination": "api.iugu.com",
                    "path": [{"matcher": "glob", "value": "/v1/*"}]}) is None
    assert request({"method": _exact("POST"), "url": [_exact(URL)[0], {"matcher": "exact", "value": URL + "2"}]}) is None


def test_a_server_named_as_a_product_is_no_host() -> None:
    # a destination (or server) written as a dotted host name is the host; a product's Server header never
    assert request({"method": "POST", "path": "/v1/transfer_requests", "server": "nginx/1.25.3"}) is None


def test_a_producer_s_short_namespace_before_a_qualified_name_is_left_out_of_its_role() -> None:
    assert role("tf_http_req_method") == role("http_req_method") == "httpreqmethod"  # the Terraform SDK's fields
    assert role("tf.request.body") == "requestbody"
    assert (role("res_http_body"), role("resp-http-headers")) == ("reshttpbody", "resphttpheaders")  # a reply's stays its
    assert role("req_http_body") == "reqhttpbody" and role("cs_http_host") == "cshttphost"  # a qualifier is no namespace
    assert (role("tf_method"), role("tfa_http")) == ("tfmethod", "tfahttp")  # no qualified name after it


def test_a_record_whose_method_and_url_are_its_headers_named_for_them_is_that_request() -> None:
    """Apache Camel keeps a call's method and URL as message headers, `CamelHttpMethod` and
    `CamelHttpUri` (its name before the qualified one), beside the HTTP headers: its log endpoint's
    `Exchange[Headers: {…}, …]` is the request, its headers shown whole."""
    record = {"Headers": {"CamelHttpMethod": "POST", "CamelHttpUri": "https://api.asaas.com/v3/transfers",
                          "Content-Type": "application/json"}, "BodyType": "String", "Body": "{}"}
    found = request_of(record, Origin("camel.log", 1))
    assert found is not None
    assert (found.method, found.url, found.header("Content-Type"), found.headers_known) == (
        "POST", "https://api.asaas.com/v3/transfers", "application/json", True)
    assert role("CamelHttpMethod") == "httpmethod" and role("ResponseHttpHeaders") == "responsehttpheaders"


def test_a_printed_record_hanging_over_lines_is_read_whole_not_from_a_map_inside_its_first_line() -> None:
    """Camel's log endpoint with `skipBodyLineSeparator=false` prints the body raw, over the
    lines its line feeds make: the `Exchange[` hanging over them is the record (its body the
    bytes), not the Headers map that closes on its first line."""
    from keyaudit.inputs.text_requests import exchanges_in_lines

    lines = ["2026-11-22T10:00:00.123-03:00  INFO 4242 --- [payouts] payouts : Exchange[Headers: {CamelHttpMethod=POST, "
             "CamelHttpUri=https://api.iugu.com/v1/transfer_requests, Content-Type=application/json}, BodyType: String, "
             "Body: {", '"amount_cents":1050', "}]"]
    (found,) = exchanges_in_lines(list(enumerate(lines, 1)), "camel.log")
    assert (found.method, found.url, found.headers_known, found.body) == (
        "POST", "https://api.iugu.com/v1/transfer_requests", True, b'{\n"amount_cents":1050\n}')


def test_a_key_value_store_s_type_descriptors_are_the_values_they_wrap() -> None:
    """DynamoDB's JSON (`aws dynamodb scan`): text `{"S": …}`, a number `{"N": "<digits>"}`, a map
    `{"M": {…}}` of wrapped values; a one-key object whose value is not of the type its key says
    (`{"S": 5}`), or a map of unwrapped values, is no descriptor."""
    item = {"method": {"S": "POST"}, "url": {"S": URL}, "attempts": {"N": "3"},
            "headers": {"M": {"Signature": {"S": "signature=c2ln"}}}, "body": {"S": '{\n"a":1\n}'}}
    found = request_of(item, Origin("scan.json", 1))
    assert found is not None
    assert (found.method, found.url, found.headers, found.body) == ("POST", URL, [("Signature", "signature=c2ln")],
                                                                   b'{\n"a":1\n}')
    assert typed({"S": 5}) == {"S": 5} and typed({"M": {"a": "b"}}) == {"M": {"a": "b"}}
    assert typed({"L": [{"S": "a"}, {"N": "1"}]}) == ["a", "1"]


def test_a_document_store_s_binary_is_the_text_of_its_bytes() -> None:
    """MongoDB's Extended JSON (`mongoexport`): a body stored as bytes is `{"$binary": {"base64": …,
    "subType": "00"}}`, its text the body sent; bytes that are no UTF-8 stay wrapped."""
    body = b'{\n"a":1\n}'
    record = {"_id": {"$oid": "6740a1f3c2b9e81d4f0a7c55"}, "method": "POST", "url": URL,
              "body": {"$binary": {"base64": base64.b64encode(body).decode(), "subType": "00"}}}
    found = request_of(record, Origin("outbox.json", 1))
    assert found is not None and found.body == body
    binary = {"$binary": {"base64": base64.b64encode(b"\xff\xfe").decode(), "subType": "00"}}
    assert typed(binary) == binary



def test_a_message_attribute_is_its_value_whatever_its_data_type_says() -> None:
    """AWS's queues and topics say each message attribute's data type beside its value: SQS's
    ``{"StringValue": …, "DataType": "String"}`` (a custom label after the type's dot too), a Lambda
    SQS event's ``stringValue`` beside two empty lists, SNS's ``{"Type": …, "Value": …}``; a binary
    one's base64 is the text of its bytes. An object that says a type no attribute has, holds
    anything beside its value, or two values, is no attribute."""
    attributes = {"method": {"StringValue": "POST", "DataType": "String"},
                  "url": {"stringValue": URL, "stringListValues": [], "binaryListValues": [], "dataType": "String"},
                  "headers": {"Type": "String.json", "Value": '{"Signature":"signature=c2ln"}'},
                  "body": {"DataType": "Binary", "BinaryValue": base64.b64encode(b'{"a":1}').decode()}}
    found = request({"MessageAttributes": attributes})
    assert found is not None
    assert (found.method, found.url, found.headers, found.body) == ("POST", URL, [("Signature", "signature=c2ln")],
                                                                   b'{"a":1}')
    assert typed({"DataType": "Number", "StringValue": "3"}) == "3"
    for other in ({"type": "text", "text": "POST"}, {"DataType": "Text", "StringValue": "a"},
                  {"DataType": "String", "StringValue": "a", "Value": "b"},
                  {"dataType": "String", "stringValue": "a", "stringListValues": ["b"]},
                  {"DataType": "String", "StringValue": "a", "id": "1"}):
        assert typed(other) == other


def test_a_row_format_s_union_is_the_value_its_branch_names() -> None:
    """Avro's JSON encoding (`avro-tools tojson`): a union's value wrapped in its branch's type name —
    `{"string": …}`, `{"map": {…}}`, bytes `{"bytes": …}` as the code points of its bytes, the text
    they are —; a branch whose value is not of the type it names, or bytes that are no UTF-8 (or no
    bytes: a code point past U+00FF), stay wrapped."""
    body = '{\n"valor":"R$ 1,50"\n}'.replace("$", "\u00e9")
    record = {"method": "POST", "url": {"string": URL}, "headers": {"map": {"Signature": "signature=c2ln"}},
              "body": {"bytes": body.encode().decode("latin-1")}, "attempt": {"int": 3}}
    found = request_of(record, Origin("outbox.json", 1))
    assert found is not None
    assert (found.method, found.url, found.headers, found.body) == ("POST", URL, [("Signature", "signature=c2ln")],
                                                                   body.encode())
    assert typed({"array": ["a"]}) == ["a"] and typed({"long": 5}) == 5
    for other in ({"string": 5}, {"map": "a"}, {"bytes": "\u0100"}, {"bytes": "\u00ff\u00fe"}, {"int": "3"}):
        assert typed(other) == other


def test_a_map_of_curl_options_keyed_by_their_numbers_is_the_request_they_set() -> None:
    """PHP prints the array it gives `curl_setopt_array` keyed by the options' numbers: the URL
    (10002), a custom request's method (10036), the header lines (10023, a list keyed by position)
    and the fields posted (10015), which make the request a POST where no method is set."""
    custom = request({"10002": URL, "10036": "PUT", "10023": {"0": "Request-Time: now"}, "10015": '{"a":1}'})
    assert custom is not None and (custom.method, custom.headers, custom.body) == ("PUT", [("Request-Time", "now")],
                                                                                   b'{"a":1}')
    posted = request({"10002": URL, "10015": "{}", "19913": "TRUE"})
    assert posted is not None and (posted.method, posted.url) == ("POST", URL)
    assert request({"10015": "{}", "10036": "POST"}) is None  # no URL: no cURL options, no request
