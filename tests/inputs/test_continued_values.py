"""A value a structured logger writes on the lines below its record (klog's ``key=<`` block,
go-hclog's ``  | `` lines, structlog's console str value as it is) read as that record's value: one
request, its body the bytes."""

from __future__ import annotations

import json
import time

from keyaudit.inputs.captures.continued_values import joined_values
from keyaudit.inputs.text_requests import exchanges_in_lines

URL = "https://api.iugu.com/v1/transfer_requests"
BODY = '{\n"amount_cents":1050,\n"transfer_type":"pix"\n}'
KLOG = [f'I1122 13:00:00.123456    4242 payouts.go:88] "call" method="POST" url="{URL}" tries=1 body=<',
        *(f"\t{line}" for line in BODY.split("\n")), ' > attempt="1"']
HCLOG = [f"2026-11-22T10:00:00.123-0300 [DEBUG] payouts: call: method=POST url={URL}", "  body=",
         *(f"  | {line}" for line in BODY.split("\n")), "   attempt=1", "  note=", "  | a", "  | b", "  "]


def _joined(lines: list[str], leads: dict[int, int]) -> tuple[list[tuple[int, str]], dict[int, int]]:
    numbered = list(enumerate(lines, 10))
    return joined_values(numbered, leads, "\n".join(lines))


def test_a_klog_value_over_lines_is_put_back_into_its_record_with_the_pairs_after_it() -> None:
    lines, leads = _joined(KLOG, {12: 3})
    assert lines == [(10, KLOG[0][:-2] + '="{\\n\\"amount_cents\\":1050,\\n\\"transfer_type\\":\\"pix\\"\\n}" attempt="1"')]
    assert leads == {12: 3, 10: 3}  # the anchor on the value's line is the record's
    (exchange,) = exchanges_in_lines(lines, "app.log")
    assert (exchange.method, exchange.url, exchange.body) == ("POST", URL, BODY.encode())


def test_hclog_values_over_lines_join_the_record_line_above_them_each_in_turn() -> None:
    lines, _ = _joined(HCLOG, {})
    assert [number for number, _ in lines] == [10]
    (exchange,) = exchanges_in_lines(lines, "app.log")
    assert exchange.body == BODY.encode()
    assert lines[0][1].endswith(' attempt=1 note="a\\nb"')


def test_lines_that_open_a_value_but_hold_none_as_the_logger_writes_it_are_given_as_they_are() -> None:
    untabbed = [KLOG[0], "{", '"amount_cents":1050', "}", " >"]
    for lines in (untabbed, HCLOG[1:7]):  # hclog's value with no record above it
        assert _joined(lines, {}) == (list(enumerate(lines, 10)), {})


def test_a_value_cut_short_is_left_out_of_its_record_never_read_as_its_opening_mark() -> None:
    """A klog value whose ` >` never comes (the log rotated inside it): the record keeps its
    other pairs, its body unknown — read as `<` it was judged, a bad signature beside a good one."""
    cut = KLOG[:-1] + ["I1122 13:00:01.000000    4242 payouts.go:90] next record"]
    lines, _ = _joined(cut, {})
    assert lines == [(10, KLOG[0][: -len(" body=<")]), (15, cut[-1])]
    (exchange,) = exchanges_in_lines(lines, "app.log")
    assert (exchange.url, exchange.body) == (URL, None)


def test_a_window_without_a_style_s_marks_is_given_back_unread() -> None:
    lines = [(1, "a=1 b=<"), (2, "c"), (3, " >")]  # no tab: klog's needle is not in the text
    assert joined_values(lines, {}, "\n".join(text for _, text in lines))[0] is lines


def test_a_json_document_a_key_opens_at_the_records_end_is_read_to_its_close_and_the_pairs_after_it() -> None:
    """structlog's ConsoleRenderer writes a str value as it is: the body's lines at the margin, the
    record's next pairs after its close."""
    first, *middle, last = BODY.split("\n")
    lines = [f"2026-11-22 13:00:30 [debug    ] sending transfer               body={first}", *middle,
             f"{last} headers={{'content-type': 'application/json'}} method=POST url={URL}"]
    joined, leads = _joined(lines, {12: 2})
    assert [number for number, _ in joined] == [10] and leads == {12: 2, 10: 2}
    (exchange,) = exchanges_in_lines(joined, "worker.log")
    assert (exchange.method, exchange.url, exchange.body) == ("POST", URL, BODY.encode())


def test_a_document_that_never_closes_or_runs_into_text_is_no_value() -> None:
    for lines in (["a=1 b=2 body={", '"amount_cents":1050', "next record"],
                  ["a=1 b=2 body={", '"amount_cents":1050', "}x=1"]):
        assert _joined(lines, {}) == (list(enumerate(lines, 10)), {})


def test_records_opening_documents_over_lines_that_never_close_one_are_read_in_linear_time() -> None:
    """Every ``body={`` record over a line holding a closer in a string: each opener read its 2,000 lines
    again at each closer (200 KB of log took 23 s); a document is now read once over its lines."""
    lines = [(number, "2026-01-01 12:00:00 [info] event body={" if number % 2 else '"}": 1,')
             for number in range(1, 4001)]
    started = time.process_time()
    joined, _ = joined_values(lines, {}, "\n".join(text for _, text in lines))
    assert (joined == lines, time.process_time() - started < 1) == (True, True)


def test_a_document_nested_deeper_than_the_decoder_goes_is_no_value_and_no_error() -> None:
    lines = [(1, "2026-01-01 12:00:00 [info] event body=["), (2, "[" * 100_000 + "]" * 100_001)]
    assert joined_values(lines, {}, "\n".join(text for _, text in lines)) == (lines, {})


def test_a_document_read_past_its_first_reach_is_found_where_it_closes() -> None:
    inner = [f'"field_{index}": {index},' for index in range(40)]
    lines = list(enumerate(["t=1 body={", *inner, '"last": 0} attempt=2', "next=1"], 10))
    joined, _ = joined_values(lines, {}, "\n".join(text for _, text in lines))
    assert [number for number, _ in joined] == [10, 52]
    assert joined[0][1].startswith('t=1 body="{\\n\\"field_0\\": 0,') and joined[0][1].endswith('0}" attempt=2')


HEAD = ("POST /v1/transfer_requests HTTP/1.1\r\nHost: api.iugu.com\r\nContent-Type: application/json\r\n"
        "X-Note: it's \"quoted\"\r\n\r\n")
INSPECTED = ["<ref *2> ClientRequest {", "  _headerSent: true,",
             "  _header: 'POST /v1/transfer_requests HTTP/1.1\\r\\n' +", "    'Host: api.iugu.com\\r\\n' +",
             "    \"Content-Type: application/json\\r\\n\" +", "    `X-Note: it's \"quoted\"\\r\\n` +", "    '\\r\\n',",
             "  _keepAliveTimeout: 0,", "}"]


def test_a_string_util_inspect_cut_into_pieces_joined_by_plus_is_one_value_again() -> None:
    """Node's ``console.log`` of a ``ClientRequest``: its ``_header``, the head as sent, printed as a piece per line,
    each in the quote util.inspect chose for it (one the piece does not hold)."""
    lines, leads = _joined(INSPECTED, {13: 3})
    assert [number for number, _ in lines] == [10, 11, 12, 17, 18] and leads == {13: 3, 12: 3}
    assert lines[2][1] == "  _header: " + json.dumps(HEAD) + ","
    (exchange,) = exchanges_in_lines(lines, "app.log")
    assert (exchange.method, exchange.url, exchange.headers[-1]) == (
        "POST", "https://api.iugu.com/v1/transfer_requests", ("X-Note", "it's \"quoted\""))


def test_pieces_broken_by_a_line_that_is_no_piece_or_never_ended_are_given_as_they_are() -> None:
    broken = [*INSPECTED[:4], "    not a piece", *INSPECTED[5:]]
    unended = INSPECTED[:6]
    for lines in (broken, unended):
        assert _joined(lines, {}) == (list(enumerate(lines, 10)), {})


def test_a_piece_escaping_a_lone_surrogate_is_read_as_the_character_sent_for_it() -> None:
    """JavaScript's ``'\\ud800'`` (half of no pair) is put back into the record's line as U+FFFD, what Node's UTF-8
    encoder sends for it: as the lone surrogate itself it was no text a line holds (an internal error, the file's
    requests lost); a pair (``\\ud83d\\ude00``) is the one character."""
    lines = [*INSPECTED[:5], "    'X-Odd: a\\ud800b \\udfff \\ud83d\\ude00\\r\\n' +", *INSPECTED[5:]]
    (exchange,) = exchanges_in_lines(list(enumerate(lines, 10)), "app.log")
    assert exchange.header("X-Odd") == "a\ufffdb \ufffd \U0001f600"
