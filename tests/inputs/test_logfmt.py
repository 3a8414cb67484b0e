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
