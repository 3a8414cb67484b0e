"""The logfmt record view: a ``key=value`` line as the object its pairs make."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.credentials import asaas_key
from helpers.running import scan_json
from helpers.work import lines_run
from keyaudit.inputs.captures import literals
from keyaudit.inputs.captures.literals import literal_record
from keyaudit.inputs.captures.logfmt import logfmt_record
from keyaudit.inputs.captures.parse_failures import Reading


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


BASIC = "Basic YTY4OWVlMjdlZWMxODNiNjE1YThmNDhmMzk2NDM4MjU6"  # base64 of a made-up 32-hex token and its colon


@pytest.mark.parametrize("headers", [
    f"Headers({{'content-type': 'application/json', 'authorization': '{BASIC}'}})",  # httpx
    f"HTTPHeaderDict({{'Content-Type': 'application/json', 'Authorization': '{BASIC}'}})",  # urllib3
    f"<CIMultiDict('Content-Type': 'application/json', 'Authorization': '{BASIC}')>",  # aiohttp
    f"Headers([('Content-Type', 'application/json'), ('Authorization', '{BASIC}')])",  # werkzeug
], ids=["httpx", "urllib3", "aiohttp", "werkzeug"])
def test_a_python_object_printed_around_its_headers_is_those_headers(tmp_path: Path, headers: str) -> None:
    line = f"DEBUG payouts.http: request start method=POST url=URL('https://api.iugu.com/v1/transfer_requests') " \
           f"headers={headers}"
    record = logfmt_record(line)
    assert record is not None and record["url"] == "https://api.iugu.com/v1/transfer_requests"
    (tmp_path / "client.log").write_text(line + "\n")
    report, _ = scan_json(str(tmp_path / "client.log"))
    assert sorted(f["rule_id"] for f in report["findings"]) == ["http-basic-credential", "iugu-unsigned-transfer"]


def test_headers_kept_as_bytes_pairs_are_the_headers(tmp_path: Path) -> None:
    line = ("2026-11-22 13:00:10,123 DEBUG payouts.http: POST https://api.iugu.com/v1/transfer_requests "
            f"raw_headers=[(b'Host', b'api.iugu.com'), (b'Authorization', b'{BASIC}')]")
    (tmp_path / "client.log").write_text(line + "\n")
    report, _ = scan_json(str(tmp_path / "client.log"))
    assert sorted(f["rule_id"] for f in report["findings"]) == ["http-basic-credential", "iugu-unsigned-transfer"]


def test_a_word_before_a_bracket_is_no_constructor_unless_it_holds_a_printed_value() -> None:
    assert logfmt_record("level=info caller=Worker(run) msg=done") == {"level": "info", "caller": "Worker(run)",
                                                                       "msg": "done"}


@pytest.mark.parametrize("pair", ["k=[ ", 'k={"a": ', "k={:a ", "k={a: #<A ", "k=['a', ", "k=Headers({'a': ",
                                  "k=<CIMultiDict('a': "])
def test_the_values_parsed_at_each_pair_of_a_line_cost_it_at_most_a_few_readings(pair: str) -> None:
    # each pair opening a map or a list that never closes (`k=[ k=[ …`; JSON's, EDN's, a Ruby
    # object's inside a map) was read to the line's end, each pair's value parsed anew: a line's
    # work grew with its square (a 64 KB line took 248 s)
    request = "method=POST url=https://api.iugu.com/v1/transfers "
    lines = [request + pair * (size // len(pair)) for size in (2_000, 8_000)]
    small, large = (lines_run(lambda: logfmt_record(line), literals) for line in lines)
    assert large <= 6 * small, (small, large)
    # the values after a few failed ones are read still
    line = request + "a=[x b=(y, " + "headers={'A': 'b'}"
    assert logfmt_record(line) == {"method": "POST", "url": "https://api.iugu.com/v1/transfers",
                                   "a": "[x", "b": "(y,", "headers": {"A": "b"}}


def test_a_map_that_failed_for_one_reader_of_a_line_is_not_parsed_again_by_the_next() -> None:
    line = "method=POST url=https://api.iugu.com/v1/transfers headers={'a': " + "'b': " * 1000
    reading = Reading(line)
    assert literal_record(line, reading) is None
    left = reading.left
    assert left < Reading(line).left  # the failure read the line
    assert logfmt_record(line, reading)["headers"] == "{'a':"  # read bare, as without the map
    assert reading.left == left


def test_a_pseudo_headers_name_with_its_colon_is_a_key() -> None:
    # linkerd viz tap: `req id=… proxy=out src=… dst=… tls=true :method=POST :authority=<host> :path=<path>`
    line = ("req id=3:1 proxy=out src=10.42.0.17:51234 dst=10.42.1.9:80 tls=true :method=POST "
            ":authority=api.iugu.com :path=/v1/transfers")
    assert logfmt_record(line) == {"id": "3:1", "proxy": "out", "src": "10.42.0.17:51234", "dst": "10.42.1.9:80",
                                   "tls": "true", ":method": "POST", ":authority": "api.iugu.com",
                                   ":path": "/v1/transfers"}


@pytest.mark.parametrize("line", ["see https://api.iugu.com/v1/transfers?a=1&b=2 for the rate", "ratio :x=1 then y",
                                  "a::b=1 c:=2 d=3", "the key :method=POST names the method"])
def test_a_colon_inside_a_word_or_a_url_makes_no_key_and_prose_stays_prose(line: str) -> None:
    assert logfmt_record(line) is None


def test_pairs_whose_keys_a_terminal_colours_apart_from_their_equals_sign_write_a_request(tmp_path: Path) -> None:
    """structlog's ConsoleRenderer colours each key, then resets before its `=`: `method` then the
    reset is the mark of a file that writes requests, as `method=` is."""
    cyan, magenta, reset = "\x1b[36m", "\x1b[35m", "\x1b[0m"
    pairs = {"headers": repr({"access_token": asaas_key()}), "method": "POST",
             "url": "https://api.asaas.com/v3/transfers"}
    line = "2026-11-22 13:00:30 [debug    ] sending transfer " + " ".join(
        f"{cyan}{key}{reset}={magenta}{value}{reset}" for key, value in pairs.items())
    log = tmp_path / "worker.log"
    log.write_text(line + "\n")
    report, _ = scan_json(str(log))
    assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == ["asaas-unsigned-transfer"]


def test_a_request_a_message_names_after_the_loggers_own_pairs_takes_the_pairs_after_it() -> None:
    """Sidekiq's Pretty formatter writes its context pairs before the level and the message: the request the
    message names is that of the pairs after it."""
    line = ("2026-11-22T13:00:30.104Z pid=7 tid=2mpk class=PayoutJob jid=5cf5 INFO: iugu request POST "
            'https://api.iugu.com/v1/transfer_requests headers={"accept" => ["*/*"]} body="{}"')
    record = logfmt_record(line)
    assert record is not None
    assert (record["method"], record["url"]) == ("POST", "https://api.iugu.com/v1/transfer_requests")
    assert (record["headers"], record["body"], record["jid"]) == ({"accept": ["*/*"]}, "{}", "5cf5")
