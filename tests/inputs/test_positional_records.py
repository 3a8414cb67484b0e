"""A request printed by position — a type's constructor whose values carry no names, as Scala's
case classes print themselves — is read by what each value is: the method, the absolute URL, the
map of header fields, and, as its body, only a JSON document printed raw that is the one value left.
A value that could be anything else is never taken for the body sent, a map of other fields never
for the headers."""

from __future__ import annotations

import pytest

from keyaudit.inputs.captures.literals import literal_record
from keyaudit.inputs.captures.records import request_of
from keyaudit.model.exchange import Origin

URL = "https://api.iugu.com/v1/transfer_requests"
HEADERS = "Map(Content-Type -> application/json, Signature -> signature=ab+c/d==)"


def read(text: str) -> tuple[str, str, list[tuple[str, str]], bool, bytes | None] | None:
    record = literal_record(text)
    found = request_of(record, Origin("app.log", 1)) if record is not None else None
    return None if found is None else (found.method, found.url, found.headers, found.headers_known, found.body)


def test_values_by_position_are_the_method_the_url_the_headers_and_the_json_sent() -> None:
    body = '{\n"api_token":"x",\n"amount_cents":1050\n}'
    assert read(f"TransferCall(POST,{URL},{HEADERS},{body})") == (
        "POST", URL, [("Content-Type", "application/json"), ("Signature", "signature=ab+c/d==")], True, body.encode())


@pytest.mark.parametrize("rest", [
    "30 seconds",  # a timeout: no body
    '{"a":1},{"b":2}',  # two documents: which one was sent is unknown
    'retry,{"a":1}',
])
def test_a_value_left_that_may_be_no_body_shows_none(rest: str) -> None:
    found = read(f"TransferCall(POST,{URL},{HEADERS},{rest})")
    assert found is not None and found[3:] == (True, None)


def test_a_map_of_other_fields_is_no_headers_and_shows_none_missing() -> None:
    found = read(f'TransferCall(POST,{URL},Map(page -> 1, retries -> 3),{{"a":1}})')
    assert found is not None and found[2:] == ([], False, None)


@pytest.mark.parametrize("text", [
    f"Call(POST,{URL},https://payouts.example/callback,{HEADERS})",  # two URLs: which was called is unknown
    f"Call(POST,GET,{URL})",  # two methods
    f"Connection(reset by peer, {URL})",  # no method
    "Point(1,2)",
])
def test_values_by_position_that_do_not_say_one_request_are_none(text: str) -> None:
    assert read(text) is None


def test_named_values_with_commas_in_them_keep_them() -> None:
    # a Kotlin data class's names, a query's commas inside a value
    assert read(f"Request(method=POST, url={URL}?ids=1,2, headers={{Content-Type=application/json}})") == (
        "POST", f"{URL}?ids=1,2", [("Content-Type", "application/json")], True, None)


# Gleam's string.inspect of gleam_http's Request on the Erlang target: `Request(method, headers, body, scheme, host,
# port, path, query)` by position, the method and the scheme constructors' words, a header a tuple `#(name, value)`.
GLEAM_HEADERS = '[#("content-type", "application/json"), #("signature", "signature=ab+c/d==")]'
GLEAM_BODY = '"{\\n\\"api_token\\":\\"x\\"\\n}"'


def test_a_url_printed_in_parts_is_the_scheme_the_host_and_the_path() -> None:
    assert read(f'Request(Post, {GLEAM_HEADERS}, {GLEAM_BODY}, Https, "api.iugu.com", None, '
                '"/v1/transfer_requests", None)') == (
        "POST", URL, [("content-type", "application/json"), ("signature", "signature=ab+c/d==")], True,
        b'{\n"api_token":"x"\n}')


@pytest.mark.parametrize("body", [
    '"30 seconds"',  # a string that holds no JSON document: no body
    '"{\\"a\\": 1"',  # one that is cut: none either
])
def test_a_string_left_that_holds_no_json_document_is_no_body(body: str) -> None:
    found = read(f'Request(Post, {GLEAM_HEADERS}, {body}, Https, "api.iugu.com", None, "/v1/transfer_requests", None)')
    assert found is not None and found[4] is None


@pytest.mark.parametrize("text", [
    # two hosts (the target's and a callback's), two paths, two schemes: which URL was called is unknown
    f'Request(Post, {GLEAM_HEADERS}, {GLEAM_BODY}, Https, "api.iugu.com", "hooks.loja.example", "/v1/transfers")',
    f'Request(Post, {GLEAM_HEADERS}, {GLEAM_BODY}, Https, "api.iugu.com", "/v1/transfers", "/v1/invoices")',
    f'Request(Post, {GLEAM_HEADERS}, {GLEAM_BODY}, Https, Http, "api.iugu.com", "/v1/transfers")',
    # a version is no host; a method in lower case is a word (`post` a letter, `delete` a flag), no constructor's
    f'Request(Post, {GLEAM_HEADERS}, {GLEAM_BODY}, Https, "3.1", "/v1/transfers")',
    f'Request(post, {GLEAM_HEADERS}, {GLEAM_BODY}, Https, "api.iugu.com", "/v1/transfers")',
])
def test_parts_that_do_not_say_one_url_make_no_request(text: str) -> None:
    assert read(text) is None


@pytest.mark.parametrize("word", ["Trace", "Options", "Head", "Connect", "Get", "Put"])
def test_a_constructor_s_word_beside_a_method_as_http_writes_it_is_another_field_s(word: str) -> None:
    """A log level or an enum printed beside ``POST`` (``Trace``) is not a second method that hides the request."""
    body = '{"api_token":"x","amount_cents":1050}'
    found = read(f"TransferCall(POST,{URL},{HEADERS},{body},{word})")
    assert found is not None and found[:2] == ("POST", URL)


def test_nothing_beside_a_json_string_is_a_value_where_the_url_is_printed_whole() -> None:
    """``nil`` where the body would be and a reply's JSON after it: two values left, so no body (the reply is not the
    bytes sent); only a URL given in parts leaves nothing for its absent port and query."""
    headers = '%{"content-type" => "application/json", "signature" => "signature=ab"}'
    found = read(f'Exchange("POST", "{URL}", {headers}, nil, "{{\\"id\\":\\"tr_1\\"}}")')
    assert found is not None and found[3:] == (True, None)


@pytest.mark.parametrize("word", ["Trace", "Options", "Head", "Get"])
def test_a_constructor_s_word_beside_a_url_and_its_options_is_an_argument(word: str) -> None:
    """``Fetch(url, {method, headers, body}, Trace)``: the options say the method; the word beside them is another
    argument (only a URL given in parts has its method as a constructor's word)."""
    options = "{ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{\"a\":1}' }"
    for text in (f'Fetch("{URL}", {options}, {word})', f'Fetch({word}, "{URL}", {options})'):
        found = read(text)
        assert found is not None and found[:3] == ("POST", URL, [("Content-Type", "application/json")])


def test_a_list_of_pairs_beside_a_url_and_a_map_of_header_fields_is_another_field() -> None:
    """A retry's counters or a trace's ids as name-value pairs beside the headers' map leave those the headers
    (only a URL given in parts has its headers as a list of pairs)."""
    for extra in ("List((x-retry-count,0))", '[#("x-request-id", "r1")]'):
        found = read(f"TransferCall(POST,{URL},{HEADERS},{{\"a\":1}},{extra})")
        assert found is not None and found[2] == [("Content-Type", "application/json"),
                                                  ("Signature", "signature=ab+c/d==")]
