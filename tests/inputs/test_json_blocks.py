"""JSON request records pretty-printed over several lines, found around their anchors by their
indentation: in an event that nests them, one after another, inside a collection's list; an
object cut short by the lines read gives nothing."""

from __future__ import annotations

import json
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from keyaudit.inputs.captures import json_blocks
from keyaudit.inputs.captures.enclosing import PassedRuns, openings
from keyaudit.inputs.captures.open_brackets import OpenBrackets

URL = "https://api.iugu.com/v1/transfer_requests"


def numbered(text: str, first: int = 1) -> list[tuple[int, str]]:
    return list(enumerate(text.split("\n"), start=first))


def anchored(lines: list[tuple[int, str]]) -> list[int]:
    return [number for number, text in lines if "iugu.com" in text or "Signature" in text]


def found(lines: list[tuple[int, str]]) -> list[tuple[int, str, str | None]]:
    return [(e.origin.line, e.url, e.header("Signature")) for e in json_blocks.exchanges(lines, anchored(lines), "x")]


def test_a_request_nested_in_a_pretty_printed_event_is_read_from_the_events_first_line() -> None:
    event = {"time": "2026-11-22T13:00:00Z", "event": {"http": {"request": {
        "method": "POST", "url": URL, "headers": {"Signature": "signature=c2ln", "Request-Time": "x"}, "body": "{}"}}}}
    lines = numbered("INFO outbound call\n" + json.dumps(event, indent=2) + "\nINFO done", first=10)
    assert found(lines) == [(11, URL, "signature=c2ln")]


def test_records_one_after_another_are_each_read_once() -> None:
    records = [json.dumps({"method": "POST", "url": URL, "headers": {"Signature": f"signature={n}"}}, indent=4)
               for n in range(3)]
    lines = numbered("\n".join(records))
    assert [signature for _, _, signature in found(lines)] == ["signature=0", "signature=1", "signature=2"]
    assert [line for line, _, _ in found(lines)] == [1, 1 + len(records[0].split("\n")),
                                                      1 + 2 * len(records[0].split("\n"))]


def test_a_request_inside_a_collections_list_is_read_from_its_item() -> None:
    collection = {"info": {"name": "payouts"}, "item": [
        {"name": "transfer", "request": {"method": "POST", "url": {"raw": URL},
                                         "header": [{"key": "Content-Type", "value": "application/json"}]}}]}
    lines = numbered(json.dumps(collection, indent="\t"))
    item_line = next(number for number, text in lines if text.strip() == "{" and number > 1)
    assert found(lines) == [(item_line, URL, None)]


def in_parts(signature: str) -> dict:
    """A request as Postman writes it: its URL in parts, so only the Host header, an item of a
    list, names the host."""
    return {"method": "POST", "url": {"protocol": "https", "host": ["api", "iugu", "com"],
                                      "path": ["v1", "transfer_requests"]},
            "header": [{"key": "Signature", "value": signature}, {"key": "Host", "value": "api.iugu.com"}]}


def test_an_anchor_in_an_item_of_a_list_of_headers_is_read_in_the_request_that_holds_the_list() -> None:
    lines = numbered(json.dumps(in_parts("signature=c2ln"), indent=2), first=5)
    assert found(lines) == [(5, URL, "signature=c2ln")]


def test_requests_in_a_list_are_each_read_from_their_item_not_the_object_holding_the_list() -> None:
    # the object around a list of requests would name only the first
    runs = [{"cursor": {"position": n}, "request": in_parts(f"signature={n}")} for n in range(3)]
    lines = numbered(json.dumps({"run": {"executions": runs}}, indent=2))
    assert [signature for _, _, signature in found(lines)] == ["signature=0", "signature=1", "signature=2"]


def test_an_object_the_lines_cut_short_or_that_is_no_json_gives_nothing() -> None:
    text = json.dumps({"method": "POST", "url": URL, "headers": {"Signature": "s"}}, indent=2)
    assert found(numbered("\n".join(text.split("\n")[:-1]))) == []  # its closing brace is not among the lines
    # neither JSON nor a map as any language prints one (no separator after `method`)
    assert found(numbered('request: {\n  "url": "' + URL + '",\n  method POST\n}')) == []


_FRAGMENTS = st.sampled_from(['{', '}', '},', '  "url": "' + URL + '",', '  "method": "POST",', '"a": {', '\t"b": [',
                              ']', '"headers": {"Signature": "s"}', '', '  }', '    "x": 1e999999', '"\\ud800": 1'])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), _FRAGMENTS | st.text(max_size=20)), max_size=40))
def test_any_lines_are_read_without_raising(pieces: list[tuple[int, str]]) -> None:
    lines = numbered("\n".join(" " * indent + text for indent, text in pieces))
    for exchange in json_blocks.exchanges(lines, [number for number, _ in lines], "x"):
        assert exchange.url


def test_an_item_of_a_list_that_is_no_request_hides_neither_the_next_items_request_nor_names_it() -> None:
    """A collection lists a link, then a request (a Postman collection's items): the object
    around the list is not read for the first item's anchor (its request would be the second
    item's, placed at the top), and the second item's anchor still finds its own object."""
    text = json.dumps({"calls": [{"name": "docs", "link": "https://api.iugu.com/v1/docs"},
                                 {"method": "POST", "url": URL, "headers": {"Content-Type": "application/json"}}]},
                      indent=2)
    assert found(numbered(text)) == [(7, URL, None)]


def test_an_object_a_message_opens_after_its_words_is_indented_from_the_margin() -> None:
    """nock's `Nock: No match for request ${JSON.stringify(…, null, 2)}` under a test runner's indented
    `Error: `: the object opens at the end of the message's line, its members and closing brace indented
    from the margin, not from the message; a member's own `"headers": {` keeps its indentation."""
    request = {"method": "POST", "url": URL, "headers": {"signature": "signature=c2ln", "host": "api.iugu.com"},
               "body": "{}"}
    lines = numbered("  1) payouts\n" + f"     Error: Nock: No match for request {json.dumps(request, indent=2)}"
                     + "\n      at InterceptedRequestRouter.startPlayback (intercepted_request_router.js:346:21)")
    assert found(lines) == [(2, URL, "signature=c2ln")]


def test_a_typed_member_opening_an_object_keeps_its_indentation() -> None:
    """Deno's inspect of a Request: `  headers: Headers {` is a member and its type, not a message's words — the
    object it opens is indented from it, and the Request around it is read."""
    printed = ["Request {", "  bodyUsed: false,", "  headers: Headers {", '    "signature": "signature=c2ln"', "  },",
               '  method: "POST",', '  redirect: "follow",', f'  url: "{URL}"', "}"]
    assert found(numbered("\n".join(printed))) == [(1, URL, "signature=c2ln")]


def test_an_object_printed_over_lines_each_kept_in_an_envelope_of_its_own_is_read_from_the_lines_they_hold() -> None:
    """Docker's json-file log keeps each line a container wrote in a JSON line of its own: an object Node printed
    over lines (`util.inspect`) is read from the lines the envelopes hold, at its opening line; the run of envelopes
    ends at a line that is none (another program's), so a member past it is no member of the object."""
    printed = ["Object(3) {", "  method: 'post',", f"  url: '{URL}',", "  headers: {",
               "    'Signature': 'signature=c2lnbmVk'", "  }", "}"]
    kept = [json.dumps({"log": text + "\n", "stream": "stdout", "time": "2026-11-22T13:00:30Z"}) for text in printed]
    assert found(list(enumerate(kept, start=3))) == [(3, URL, "signature=c2lnbmVk")]
    cut = kept[:2] + ["2026-11-22 13:00:30 INFO heartbeat ok"] + kept[2:]
    assert found(list(enumerate(cut, start=3))) == []


def tap_trace(signature: str) -> dict:
    """An Envoy tap trace: the method only a pseudo-header in the request's list of header fields."""
    fields = [(":authority", "api.iugu.com"), (":path", "/v1/transfer_requests"), (":method", "POST"),
              ("Signature", signature)]
    return {"http_buffered_trace": {"request": {"headers": [{"key": k, "value": v} for k, v in fields],
                                                "body": {"as_string": "{}"}}}}


def test_a_trace_whose_header_list_names_the_method_is_read_from_an_anchor_inside_that_list() -> None:
    # the anchor (the host) is a header field's item: the object around the list is the one request it names
    lines = numbered(json.dumps(tap_trace("signature=c2ln"), indent=2))
    assert found(lines) == [(3, URL, "signature=c2ln")]


def test_traces_listed_in_one_document_are_each_read_once_with_their_own_headers() -> None:
    # a list of traces lies between the document and each trace: the document names no one request
    lines = numbered(json.dumps({"traces": [tap_trace("signature=one"), tap_trace("signature=two")]}, indent=2))
    assert sorted(signature for _, _, signature in found(lines)) == ["signature=one", "signature=two"]


def test_a_list_of_header_matchers_naming_the_method_is_no_request() -> None:
    # a route's header matchers (`{"name": ":method", "string_match": …}`) hold no value: no header block
    route = {"virtual_hosts": [{"domains": ["api.iugu.com"], "routes": [{"match": {"prefix": "/v1", "headers": [
        {"name": ":method", "string_match": {"exact": "POST"}}]}, "route": {"cluster": "iugu"}}]}]}
    assert found(numbered(json.dumps(route, indent=2))) == []


_VALUES = st.recursive(st.one_of(st.integers(0, 9), st.just(URL), st.just("")),
                       lambda inner: st.one_of(st.lists(inner, max_size=4),
                                               st.dictionaries(st.sampled_from("abcde"), inner, max_size=4)),
                       max_leaves=40)


@settings(max_examples=50, deadline=None)
@given(document=st.lists(_VALUES, min_size=1, max_size=6), indent=st.sampled_from([1, 2, 4]),
       order=st.randoms(use_true_random=False), reach=st.sampled_from([3, 8, 400]))
def test_the_objects_around_a_line_are_the_same_however_many_walks_went_up_before(
        document: list, indent: int, order: random.Random, reach: int) -> None:
    # the runs of lines one walk passed over are passed at once by the next: never past an object around its line
    _walked_alone_and_after_others(numbered(json.dumps(document, indent=indent)), order, reach, None)


# lines no serializer writes cleanly: tabs and spaces mixed, a string's lines at the margin (Data::Dumper's raw
# string, a value's line feeds), PHP's print_r and var_dump, a message opening an object, CR ends, a long line
_HOSTILE = ["{", "}", "},", "[", "]", "],", '"a": 1,', '"b": {', '"c": [', f'"url": "{URL}",', "'_content' => '{",
            "}',", '"d": "x', 'y"', "", "   ", "[headers] => Array", "(", ")", "array:4 [", '"long"  => 1,',
            '"k" => {', "Error: Nock: No match for request {", "some log words here {", '"s": "' + "x" * 3000 + '",',
            "Request(body={", "x = {", "headers: Headers {", '"e": "\\"', "$VAR1 = {", "'k' => 'v',",
            "array(2) {", '["x"]=>', 'end"', '"m": "a\r', "}\r", "{\r"]
_MARGINS = ["", " ", "  ", "    ", "\t", "\t\t", " \t", "\t ", "        "]


def test_the_objects_around_a_line_of_any_text_are_the_same_however_many_walks_went_up_before() -> None:
    # and so in text no serializer wrote: a run passed over at one depth is no shortcut for a walk at a shallower one
    # (150 texts drawn from a fixed seed: each line a margin and a line of the palette)
    draw = random.Random(56)
    for _ in range(150):
        lines = [(number, draw.choice(_MARGINS) + draw.choice(_HOSTILE)) for number in range(1, draw.randint(5, 80))]
        _walked_alone_and_after_others(lines, draw, draw.choice([3, 8, 30, 400]), draw.choice([None, 1]))


def _walked_alone_and_after_others(lines: list[tuple[int, str]], order: random.Random, reach: int,
                                   cut: int | None) -> None:
    """Each line's openings found alone equal those found after the walks from the lines before it, the lines taken
    in the order the exchanges' reading takes anchors (down the text), up it, and in ``order``."""
    shuffled = list(range(len(lines)))
    order.shuffle(shuffled)
    for places in (range(len(lines)), range(len(lines) - 1, -1, -1), shuffled):
        passed = PassedRuns()
        for place in places:
            alone = openings(lines, place, OpenBrackets(), reach, cut)
            assert openings(lines, place, OpenBrackets(), reach, cut, passed=passed) == alone, (place, alone)
