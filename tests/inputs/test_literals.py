"""Requests logged as another language prints a map: Ruby's ``inspect`` (before and since 3.4),
Elixir's ``inspect``, Go's ``%+v``, JavaScript's ``util.inspect`` (on one line, and over lines
with its long strings joined by ``+``), Java and Kotlin ``toString``. Each shape carries the four
money-out requests of :mod:`helpers.signed_shapes` and must judge them as every shape does: the
body kept byte for byte, so that the signature verifies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.printed_maps import js_inspect_lines, js_string
from helpers.running import scan_json
from helpers.signed_shapes import Request, check_shape
from helpers.work import given_to
from keyaudit.inputs.captures.literals import MAX_DEPTH, literal_record
from keyaudit.inputs.captures.quoted import unescaped
from keyaudit.inputs.captures.open_brackets import OpenBrackets
from keyaudit.inputs.captures.records import request_of
from keyaudit.inputs.text_requests import exchanges_in_lines
from keyaudit.model.exchange import Origin

PREFIX = "2026-11-22 13:00:00.000 DEBUG payouts.client - sending "


def _ruby(text: str) -> str:
    """A Ruby (or Elixir, or Go) double-quoted string: JSON's escapes are theirs."""
    return json.dumps(text)


def _ruby_hash(request: Request, key: str, arrow: str) -> list[str]:
    """A Ruby hash as ``inspect`` prints it: symbol keys as ``key`` formats them, string keys
    before ``arrow``."""
    headers = ", ".join(f"{_ruby(name)}{arrow}{_ruby(value)}" for name, value in request.headers)
    fields = [("method", ":post"), ("url", _ruby(request.url)), ("headers", f"{{{headers}}}"), ("body", _ruby(request.body))]
    return [PREFIX + "{" + ", ".join(key.format(name) + value for name, value in fields) + "}"]


def ruby_inspect(request: Request) -> list[str]:
    return _ruby_hash(request, ":{}=>", "=>")


def ruby_34_inspect(request: Request) -> list[str]:
    return _ruby_hash(request, "{}: ", " => ")


def elixir_inspect(request: Request) -> list[str]:
    headers = ", ".join(f"{{{_ruby(name)}, {_ruby(value)}}}" for name, value in request.headers)
    return [f"13:00:00.000 [debug] {PREFIX}%{{method: :post, url: {_ruby(request.url)}, headers: [{headers}], "
            f"body: {_ruby(request.body)}}}"]


def go_plus_v(request: Request) -> list[str]:
    headers = " ".join(f"{name}:[{value}]" for name, value in request.headers)
    return [f"2026/11/22 13:00:00 {PREFIX}&{{Method:POST URL:{request.url} Header:map[{headers}] "
            f"Body:{_ruby(request.body)} ContentLength:{len(request.body)}}}"]


def js_inspect_line(request: Request) -> list[str]:
    headers = ", ".join(f"{js_string(name)}: {js_string(value)}" for name, value in request.headers)
    return [f"{PREFIX}{{ method: 'POST', url: {js_string(request.url)}, headers: {{ {headers} }}, data: {js_string(request.body)} }}"]


@pytest.mark.parametrize("shape", [ruby_inspect, ruby_34_inspect, elixir_inspect, go_plus_v, js_inspect_line,
                                   js_inspect_lines])
def test_a_request_printed_as_a_languages_map_is_judged_as_any_shape(shape, tmp_path: Path) -> None:
    check_shape(shape, tmp_path)


def test_java_and_kotlin_to_string_give_the_record_their_bare_words_make() -> None:
    java = literal_record("sending Request{method=POST, url=https://api.iugu.com/v1/x?a=1, headers=[Content-Type:"
                          "application/json, Request-Time:2026-11-22T13:00:00-03:00, Signature:signature=ab==]} ok")
    assert java == {"method": "POST", "url": "https://api.iugu.com/v1/x?a=1",
                    "headers": [["Content-Type", "application/json"], ["Request-Time", "2026-11-22T13:00:00-03:00"],
                                ["Signature", "signature=ab=="]]}
    kotlin = literal_record("Request(method=POST, url=https://api.iugu.com/v1/x, body=null)")
    assert kotlin == {"method": "POST", "url": "https://api.iugu.com/v1/x", "body": None}


def test_a_java_record_and_a_to_string_builder_print_their_fields_in_square_brackets() -> None:
    record = literal_record("sent Call[method=POST, url=https://a.io/x, headers={A=b, C=d}]")
    assert record == {"method": "POST", "url": "https://a.io/x", "headers": {"A": "b", "C": "d"}}
    builder = literal_record("[main] sent com.acme.Call@1b2c3d[method=POST,url=https://a.io/x,headers={A=b}]")
    assert builder == {"method": "POST", "url": "https://a.io/x", "headers": {"A": "b"}}


def test_json_a_to_string_prints_raw_is_the_body_as_sent() -> None:
    """Java prints a String field as it is: a JSON body stands unquoted among the fields, its
    spacing and line feeds those sent (a signature is over them)."""
    record = literal_record('TransferCall(method=POST, url=https://api.iugu.com/v1/transfer_requests, '
                            'body={"a": 1,\n  "b":[2]})')
    assert record is not None and record["body"] == {"a": 1, "b": [2]}
    found = request_of(record, Origin("app.log", 1))
    assert found is not None and (found.body, found.body_exact) == (b'{"a": 1,\n  "b":[2]}', True)


def test_python_reprs_give_their_values_a_constructor_of_one_value_the_value() -> None:
    """aiohttp's trace params as ``%r`` prints them: yarl's ``URL('…')`` is the URL, multidict's
    ``<CIMultiDict('Name': 'value')>`` the mapping, a bytes literal the bytes (``\\xNN`` as the
    file's undecodable byte)."""
    start = literal_record("request start TraceRequestStartParams(method='POST', url=URL('https://api.iugu.com/v1/x'), "
                           "headers=<CIMultiDict('Content-Type': 'application/json', 'Signature': 'signature=ab=='>)")
    assert start is None  # the angle bracket closes no call: not read as a record
    start = literal_record("request start TraceRequestStartParams(method='POST', url=URL('https://api.iugu.com/v1/x'), "
                           "headers=<CIMultiDict('Content-Type': 'application/json', 'Signature': 'signature=ab==')>)")
    assert start == {"method": "POST", "url": "https://api.iugu.com/v1/x",
                     "headers": {"Content-Type": "application/json", "Signature": "signature=ab=="}}
    chunk = literal_record(r"chunk sent TraceRequestChunkSentParams(method='POST', url=URL('https://a.io/x'), "
                           r"chunk=b'{\n\"a\": \'\xc3\xa9\'}')")
    assert chunk is not None and chunk["chunk"].encode("utf-8", "surrogateescape") == "{\n\"a\": 'é'}".encode()
    pair = literal_record("Point(x=Decimal('1.5'), y=None)")
    assert pair == {"x": "1.5", "y": None}


def test_escapes_give_the_bytes_the_string_stood_for() -> None:
    assert unescaped(r"a\"b\\c\n\t\#{x}\u00e9\u{1F600}\uD83D\uDE00") == 'a"b\\c\n\t#{x}é😀😀'
    assert unescaped(r"\xC3\xA9").encode("utf-8", "surrogateescape") == "é".encode()  # Ruby's bytes, as the file's


@pytest.mark.parametrize("prose", ["the {quick} brown fox", "config {a b c} applied", "[INFO] (worker) started {}",
                                   "{ not: 'closed'", "{'unbalanced\": 1}", "[a, b]", "[main] queue [size=3]"])
def test_prose_in_brackets_is_no_record(prose: str) -> None:
    assert literal_record(prose) is None


def test_a_deep_or_huge_literal_is_refused() -> None:
    assert literal_record("{a: " * 5000 + "1" + "}" * 5000) is None
    assert literal_record("{a: '" + "x, b: " * 40_000 + "'}") is not None
    assert literal_record("{" + ' "k' * 50_000) is None


def test_node_prints_an_instance_with_its_class_and_the_map_inside_is_read() -> None:
    record = literal_record("config: { headers: Object [AxiosHeaders] { Accept: 'application/json', 'X-Id': 'a' }, "
                            "agent: Agent { keepAlive: true }, opts: [Object: null prototype] { a: 1 }, method: 'post' }")
    assert record == {"headers": {"Accept": "application/json", "X-Id": "a"}, "agent": {"keepAlive": "true"},
                      "opts": {"a": "1"}, "method": "post"}


def test_elixir_prints_a_struct_with_its_module_and_the_map_inside_is_read() -> None:
    # Finch's telemetry metadata inspected: a struct value, its headers a list of 2-tuples (pairs)
    record = literal_record('%{name: MyApp.Finch, request: %Finch.Request{scheme: :https, host: "h", port: 443, '
                            'method: "POST", headers: [{"content-type", "application/json"}], body: "{}", query: nil}}')
    assert record == {"name": "MyApp.Finch", "request": {
        "scheme": "https", "host": "h", "port": "443", "method": "POST", "headers": [["content-type", "application/json"]],
        "body": "{}", "query": None}}


def test_erlang_prints_a_map_after_a_hash_and_binaries_in_double_angle_brackets() -> None:
    # logger's ~p of a map of binaries: keys before `=>`, a binary's escapes as a string's, tuples of two a pair
    record = literal_record('payout #{body => <<"{\\n\\"a\\":1}">>,headers => [{<<"content-type">>,<<"text/plain">>}],'
                            'method => post,url => <<"https://h/x">>}')
    assert record == {"body": '{\n"a":1}', "headers": [["content-type", "text/plain"]], "method": "post",
                      "url": "https://h/x"}


@pytest.mark.parametrize("text", ['#{body => <<"{}">}', '#{body => <<"{}">>', 'fn(<<"x">>)', "a <<b>> c"])
def test_an_erlang_map_or_binary_not_closed_as_printed_is_no_record(text: str) -> None:
    assert literal_record(text) is None


def test_perl_data_dumper_prints_an_object_blessed_and_a_string_reference_as_the_values_they_wrap() -> None:
    # Dumper($req) of an HTTP::Request: `bless( {…}, 'Class' )` is the hash, `do{\(my $o = '…')}` and `\'…'` the string;
    # single-quoted strings with `\\` and `\'` escaped and their line feeds as they are
    record = literal_record("$VAR1 = bless( {\n  '_content' => '{\n\"a\":\"it\\'s \\\\n\"\n}',\n"
                            "  '_headers' => bless( {'content-type' => 'application/json'}, 'HTTP::Headers' ),\n"
                            "  '_method' => 'POST', '_ref' => \\'x',\n"
                            "  '_uri' => bless( do{\\(my $o = 'https://h/x')}, 'URI::https' )\n}, 'HTTP::Request' );")
    assert record == {"_content": '{\n"a":"it\'s \\n"\n}', "_headers": {"content-type": "application/json"},
                      "_method": "POST", "_ref": "x", "_uri": "https://h/x"}


@pytest.mark.parametrize("text", ["bless( ['a', 'b'] )", "bless( ['a'], Foo )", "bless me (father)",
                                  "{'u' => do{\\(my $o = 'x')}", "{'u' => do{\\(my $o = 'x'}}"])
def test_a_perl_object_or_reference_not_closed_as_dumped_is_no_record(text: str) -> None:
    assert literal_record(text) is None


def test_a_map_in_a_programs_source_is_code_not_a_request_logged(tmp_path: Path) -> None:
    """The syntax a program prints its maps in is the syntax of its code, where values are
    variables and interpolations: a source file is not read for printed maps."""
    ruby = ('HTTParty.post(url, { method: :post, url: "https://api.iugu.com/v1/transfer_requests", '
            'headers: { "Request-Time" => time, "Signature" => sig }, body: payload })\n')
    java = ('log.info("Request{method=POST, url=https://api.iugu.com/v1/transfer_requests, headers=[Signature:" '
            '+ sig + "]}");\n')
    for name, text in (("client.rb", ruby), ("Main.java", java), ("client.log", ruby)):
        (tmp_path / name).write_text(text)
    report, _ = scan_json(str(tmp_path))
    assert sorted({f["location"]["path"].rsplit("/", 1)[-1] for f in report["findings"]}) == ["client.log"]


def test_a_run_of_blanks_in_a_bare_word_is_one_word() -> None:
    # each blank used to look for the next key across the rest of the run: minutes for this line
    assert literal_record("{a: b" + " " * 100_000 + "x}") == {"a": "b" + " " * 100_000 + "x"}


def test_brackets_opened_line_after_line_past_the_depth_bound_make_no_map() -> None:
    # each line of a log opening one more bracket (a message cut after `body={`) is read on only
    # to the depth bound, not to the record bound, from every one of its lines
    deep = ["call(a={"] + ["b={"] * (MAX_DEPTH + 2) + ["}" * (MAX_DEPTH + 4)]
    assert OpenBrackets().closing(deep) is None
    shallow = ["call(a={"] + ["b={"] * 3 + ["}" * 4 + ")"]
    assert OpenBrackets().closing(shallow) == 4


def test_go_sharp_v_composite_literals_are_read_with_their_package_qualified_types() -> None:
    record = literal_record('call &payouts.Call{Method:"POST", Header:http.Header{"Signature":[]string{"signature=ab=="}}, '
                            'Query:map[string]string{"a":"1"}, Amount:decimal.Decimal{Value:"1.5"}}')
    assert record == {"Method": "POST", "Header": {"Signature": ["signature=ab=="]}, "Query": {"a": "1"},
                      "Amount": {"Value": "1.5"}}


def test_clojure_pprint_breaks_a_map_entry_a_line_and_a_long_entry_between_its_key_and_value() -> None:
    # a bare value before `,` and a line break ends there; a quoted key alone on its line takes the string under it
    record = literal_record('{:scheme :https,\n :server-port 443,\n :headers\n {"Signature"\n  "signature=ab==",\n'
                            '  "Accept" "*/*"},\n :request-method :post}')
    assert record == {"scheme": "https", "server-port": "443", "request-method": "post",
                      "headers": {"Signature": "signature=ab==", "Accept": "*/*"}}


def test_a_string_pprint_breaks_after_a_map_key_is_still_one_string() -> None:
    # Python's pprint writes a long value as strings on lines of their own, joined: only a key alone is not
    assert literal_record("{'body': '{\"a\": '\n         '1}', 'url': 'x'}") == {"body": '{"a": 1}', "url": "x"}


def test_ruby_objects_inspected_are_read_by_their_members() -> None:
    env = literal_record('sending #<Faraday::Env @method=:post @request_body="{\\"a\\":1}" '
                         '@url=#<URI::HTTPS https://api.iugu.com/v1/x> @request=#<Faraday::RequestOptions timeout=30> '
                         '@request_headers={"Signature"=>"signature=ab=="}>')
    assert env == {"method": "post", "request_body": '{"a":1}', "url": "https://api.iugu.com/v1/x",
                   "request": {"timeout": "30"}, "request_headers": {"Signature": "signature=ab=="}}
    struct = literal_record('#<struct Call method="POST", headers={"A"=>"b"}>')
    assert struct == {"method": "POST", "headers": {"A": "b"}}
    assert literal_record("see #<Foo and then some > prose") is None


def test_edn_maps_pair_keys_and_values_with_no_separator() -> None:
    record = literal_record('request {:request-method :post, :url "https://a.io/x", :headers {"Signature" "s=ab", '
                            '"X-Id" "1"}, :body "{\\"a\\":1}", :socket-timeout 30000}')
    assert record == {"request-method": "post", "url": "https://a.io/x", "headers": {"Signature": "s=ab", "X-Id": "1"},
                      "body": '{"a":1}', "socket-timeout": "30000"}
    assert literal_record("{:method => :post, :url => 'x'}") == {"method": "post", "url": "x"}  # Ruby's, as before


@pytest.mark.parametrize("size", [10, 5_000, 100_000])
def test_json_printed_raw_is_read_whole_however_long_and_a_map_like_it_in_another_notation_too(size: int) -> None:
    # JSON is decoded in windows that grow only where the decoder stopped at a window's end
    body = json.dumps({"note": "x" * size, "escaped": "\u00e9\\n", "n": -1.5e3, "ok": True})
    record = literal_record(f"Request{{method=POST, url=https://api.iugu.com/v1/transfers, body={body}}}")
    assert record is not None and record["body"].printed == body and record["body"]["note"] == "x" * size
    ruby = literal_record('{"method"=>"POST", "body"=>"' + "x" * size + '"}')  # JSON's opening, Ruby's notation
    assert ruby == {"method": "POST", "body": "x" * size}


def test_a_map_that_opens_as_json_does_in_another_notation_is_decoded_once_however_long_its_line() -> None:
    # it was decoded from copies of 4 KiB, 64 KiB and up to 256 KiB of the line: work that grew with the line
    lines = ['{"method"=>"POST", "body"=>"' + "x" * size + '"}' for size in (5_000, 100_000)]
    small, large = (given_to(lambda: literal_record(line), json.JSONDecoder.raw_decode, "s") for line in lines)
    assert 0 < large == small


def test_an_http2_field_block_printed_as_a_list_keeps_each_pseudo_header_item_whole() -> None:
    # Armeria's RequestHeaders (`[:method=POST, :path=…, name=value]`): `:method` is a pseudo-header's name, no
    # symbol (Ruby's `{:method=>…}` and EDN's `:method :post` still are)
    record = literal_record("{name=POST, headers=[:method=POST, :path=/v1/transfer_requests, :scheme=https, "
                            ":authority=api.iugu.com, content-type=application/json], length=94B}")
    assert record == {"name": "POST", "headers": [":method=POST", ":path=/v1/transfer_requests", ":scheme=https",
                                                  ":authority=api.iugu.com", "content-type=application/json"],
                      "length": "94B"}
    assert literal_record("{:method=>:post, :url=>'x'}") == {"method": "post", "url": "x"}
    assert literal_record('{:method :post, :url "x"}') == {"method": "post", "url": "x"}


_FIELDS = ":method=POST, :path=/v1/transfer_requests, :scheme=https, :authority=api.iugu.com"


@pytest.mark.parametrize("line", [f"the fields [{_FIELDS}] are logged", f"HTTP/2 writes [{_FIELDS}] first (RFC 9113)",
                                  f"note: pseudo-headers ({_FIELDS}) come first",
                                  f"retrying with headers=[{_FIELDS}] after timeout=30",
                                  # a response's record: its field block holds no request line
                                  '{startTime=1, headers=[:status=201, content-type=application/json], '
                                  'contentPreview={"id":"1"}}'])
def test_a_list_of_pseudo_headers_in_prose_or_in_a_record_of_no_request_is_no_request(line: str) -> None:
    assert list(exchanges_in_lines([(1, f"2026-11-22 13:00:00 DEBUG {line}")], "client.log")) == []


def test_a_record_whose_field_block_says_the_request_line_is_that_request_its_raw_body_up_to_its_closing_brace() -> None:
    line = f"{{startTime=1, headers=[{_FIELDS}, content-type=application/x-www-form-urlencoded], " \
           "contentPreview=amount_cents=1050&transfer_type=pix}"
    found, = exchanges_in_lines([(1, f"2026-11-22 13:00:00 DEBUG {line}")], "client.log")
    assert (found.method, found.url, found.body) == ("POST", "https://api.iugu.com/v1/transfer_requests",
                                                     b"amount_cents=1050&transfer_type=pix")


def test_a_debugger_prints_a_struct_and_a_map_by_its_pretty_printers() -> None:
    # gdb's `print` with libstdc++'s printers: `name = value` members, a map's description before its contents, its
    # keys as indexes (`["Name"] = …`), a string's escapes C's
    record = literal_record('{\n  method = "POST",\n  headers = std::map with 2 elements = {\n    ["Accept"] = "*/*",\n'
                            '    ["Signature"] = "signature=ab=="\n  },\n  ids = std::vector of length 2, capacity 2 = '
                            '{"a", "b"},\n  body = "{\\n\\"a\\":1\\n}"\n}')
    assert record == {"method": "POST", "headers": {"Accept": "*/*", "Signature": "signature=ab=="},
                      "ids": ["a", "b"], "body": '{\n"a":1\n}'}
    # an index is a key only where its bracket closes right after the quote; a description only where a qualified
    # type's name begins it
    assert literal_record('{a = ["x", "y"], b = c, d = {e = "f"}}') == {"a": ["x", "y"], "b": "c", "d": {"e": "f"}}


def test_a_byte_string_in_hex_is_the_bytes_it_writes() -> None:
    """CBOR's diagnostic notation writes bytes as `h'<hex>'` (RFC 8949 §8): the body a Go outbox
    keeps as a []byte is those bytes, not the hex digits, so a signature over them verifies."""
    body = '{\n"amount_cents":1050,\n"note":"pag\u00e1vel"\n}'
    record = literal_record('{"Method": "POST", "URL": "https://api.iugu.com/v1/transfer_requests", '
                            f"\"Header\": {{\"Request-Time\": [\"now\"]}}, \"Body\": h'{body.encode().hex()}'}}")
    assert record is not None and record["Body"] == body
    assert literal_record("{\"Body\": h'7b0'}") == {"Body": "h'7b0'"}  # an odd count of digits is no bytes


def test_an_old_style_property_list_ends_each_entry_with_a_semicolon() -> None:
    """`defaults read` prints a dictionary as an old-style property list: `key = value;`, a bare
    word ending at its `;` once one has ended an entry; a `;` inside a bare value before that (in
    a Java `toString`) is still the value's."""
    record = literal_record('{\n    body = "{\\n\\"a\\":1}";\n    headers =     {\n        "Request-Time" = now;\n'
                            '        Signature = "signature=x";\n    };\n    method = POST;\n'
                            '    url = "https://api.iugu.com/v1/transfer_requests";\n}')
    assert record == {"body": '{\n"a":1}', "headers": {"Request-Time": "now", "Signature": "signature=x"},
                      "method": "POST", "url": "https://api.iugu.com/v1/transfer_requests"}
    java = literal_record("Request{headers={Accept=text/html;q=0.9, A=b}, method=POST}")
    assert java == {"headers": {"Accept": "text/html;q=0.9", "A": "b"}, "method": "POST"}


def test_a_url_and_the_options_that_name_the_method_are_a_request_by_position() -> None:
    """The Wolfram Language's `HTTPRequest[url, <|Method -> …, "Headers" -> {…}, "Body" -> …|>]`:
    an association between `<|` and `|>`, its rules `key -> value`; the call's URL, then the one
    map of options that says the method and the rest."""
    record = literal_record('HTTPRequest["https://api.iugu.com/v1/transfer_requests", <|Method -> "POST", '
                            '"Headers" -> {"Request-Time" -> "now"}, "Body" -> "{\\n\\"a\\":1}"|>]')
    assert record == {"Method": "POST", "Headers": {"Request-Time": "now"}, "Body": '{\n"a":1}',
                      "url": "https://api.iugu.com/v1/transfer_requests"}
    assert literal_record('["https://a.io/x", {"method": "POST"}]') == {"method": "POST"}  # no type's name opens it


def test_a_php_array_an_xdebug_trace_gives_a_name_is_a_mapping_keyed_by_numbers() -> None:
    """Xdebug's trace writes a call's arguments `$name = value`, an array `[k => v, …]` (PHP's:
    keys numbers or strings, every one joined by `=>`): a mapping, where a plain list is none."""
    line = ("    0.0126     514384       -> curl_setopt_array($handle = class CurlHandle {  }, $options = "
            "[10002 => 'https://a.io/x', 10023 => [0 => 'A: b'], 10015 => '{\\n\"a\":1}', 19913 => TRUE]) /srv/x.php:3")
    assert literal_record(line) == {"10002": "https://a.io/x", "10023": {"0": "A: b"}, "10015": '{\n"a":1}',
                                    "19913": "TRUE"}
    assert literal_record("got $items = [1, 2, 3]") is None
