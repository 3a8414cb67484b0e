"""The logfmt record view: a ``key=value`` line as the object its pairs make."""

from __future__ import annotations

from keyaudit.inputs.captures.logfmt import logfmt_record


def test_bare_and_quoted_values_are_read_with_go_escapes() -> None:
    line = 'time=2026-11-22T13:00:00Z level=DEBUG msg="outbound call" req.body="{\\n\\"a\\":1}" sig="x=1 y"'
    assert logfmt_record(line) == {"time": "2026-11-22T13:00:00Z", "level": "DEBUG", "msg": "outbound call",
                                   "req.body": '{\n"a":1}', "sig": "x=1 y"}


def test_a_line_with_few_pairs_is_prose_not_a_record() -> None:
    assert logfmt_record("retrying with timeout=30 after error") is None
    assert logfmt_record("no pairs here") is None


def test_a_key_inside_a_quoted_value_is_not_a_pair_and_a_bad_escape_keeps_the_text() -> None:
    record = logfmt_record('a=1 b="c=2 d=3" e="bad \\q escape"')
    assert record == {"a": "1", "b": "c=2 d=3", "e": "bad \\q escape"}


def test_a_value_another_language_printed_is_read_whole() -> None:
    line = ("level=debug method=POST headers={'Content-Type': 'application/json', 'Signature': 'signature=a b'} "
            "body=b'{\\n\"a\": 1}' tags=map[env:[prod] team:[pay]] after=1")
    assert logfmt_record(line) == {"level": "debug", "method": "POST",
                                   "headers": {"Content-Type": "application/json", "Signature": "signature=a b"},
                                   "body": '{\n"a": 1}', "tags": {"env": ["prod"], "team": ["pay"]}, "after": "1"}


def test_the_pairs_after_a_request_a_message_names_are_its_own() -> None:
    line = "12:00:01 DEBUG iugu: request: POST https://api.iugu.com/v1/transfer_requests headers={'A': 'b'} body='{}'"
    assert logfmt_record(line) == {"method": "POST", "url": "https://api.iugu.com/v1/transfer_requests",
                                   "headers": {"A": "b"}, "body": "{}"}
    # a URL with words between it and the pairs, or a method word that is no method, names no request of theirs
    assert logfmt_record("POST https://api.iugu.com/v1/x failed after retries=3") is None
    assert logfmt_record("PUSHED https://api.iugu.com/v1/x retries=3") is None
    assert logfmt_record('HTTP POST https://api.iugu.com/v1/x, headers=[A:"b"]') is None  # Spring's: its dump shape's
