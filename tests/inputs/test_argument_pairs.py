"""Words that alternate names and values are a record: a key-value store's command as its command
log prints it (Redis' ``MONITOR``: every argument in double quotes, escaped as ``sdscatrepr``
escapes it), a stream's entry, a client's history of commands typed bare. Lines whose URL is no
named argument (a JSON record, a command's option, a referrer) are none of this reader's.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from helpers.running import scan_json
from helpers.signing import TRANSFER_URL as IUGU, signed_transfer
from keyaudit.inputs.captures.argument_pairs import exchanges



def _repr(value: str) -> str:
    """A string as Redis' ``sdscatrepr`` prints it: in double quotes, a backslash before ``\\`` and
    ``"``, line breaks and tabs as C writes them, any other byte outside printable ASCII as ``\\xHH``."""
    out = []
    for byte in value.encode():
        char = chr(byte)
        if char in '\\"':
            out.append("\\" + char)
        elif char in "\n\r\t":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[char])
        elif 32 <= byte < 127:
            out.append(char)
        else:
            out.append(f"\\x{byte:02x}")
    return '"' + "".join(out) + '"'


@pytest.mark.parametrize("command", ['"HSET" "outbox:{n}"', '"XADD" "outbox" "*"',
                                     '"HMSET" "outbox:{n}" "attempts" "3"'])
def test_a_stores_command_log_lists_a_request_as_its_arguments(tmp_path: Path, command: str) -> None:
    public, body, headers = signed_transfer(tmp_path, lambda token: '{"api_token":"%s","amount_cents":1050,\n'
                                            '"description":"repasse \\"semanal\\" às 10h"}' % token)
    signed = json.dumps(headers)

    def line(n: int, headers: str) -> str:
        fields = ["method", "POST", "url", IUGU, "headers", headers, "body", body]
        return f"1733306400.{n:06d} [0 10.0.0.5:52344] {command.format(n=n)} " + " ".join(map(_repr, fields))

    path = tmp_path / "monitor.log"
    path.write_text("OK\n" + line(1, signed) + "\n" + line(2, '{"Content-Type":"application/json"}') + "\n")
    report, _ = scan_json("--no-dedupe", "--public-key", str(public), str(path))
    judged = [(f["rule_id"], f["location"]["line"]) for f in report["findings"] if f["context"].get("method")]
    assert judged == [("iugu-unsigned-transfer", 3)]
    assert report["scan"]["requests"]["signatures_valid"] == 1, report["scan"]["requests"]


def test_a_command_typed_bare_is_read_with_its_words() -> None:
    text = f"127.0.0.1:6379> HSET outbox:9 method POST url {IUGU} content_type application/json"
    (exchange,) = exchanges([(4, text)], "redis-history")
    assert (exchange.method, exchange.url, exchange.origin.line) == ("POST", IUGU, 4)


@pytest.mark.parametrize("text", [
    json.dumps({"method": "POST", "url": IUGU}),  # a mapping: its reader's
    f"curl -X POST --url {IUGU} -H 'Content-Type: application/json'",  # a command's options
    f'10.0.0.1 - - "POST /pay HTTP/1.1" 200 5 "referer" "{IUGU}"',  # a URL, but named as none a request goes to
    f'slog.Info("payout", "method", "POST", "url", url, "next", "{IUGU}")',  # the URL a variable; another named "next"
    f'INSERT INTO t (method, url) VALUES ($1, $2)  [["method", "POST"], ["url", "{IUGU}"]]',  # pairs: a structure's
    f"2026-11-22 13:00:00 INFO retrying request method POST url {IUGU} attempt 2",  # a sentence's bare words
    f"\xa0 {IUGU}",  # only a blank Python's split knows before the URL
])
def test_words_that_do_not_name_a_requests_url_are_no_record(text: str) -> None:
    assert list(exchanges([(1, text)], "app.log")) == []


def test_a_line_of_escaped_quotes_is_read_in_linear_time() -> None:
    """A quote no later one closes begins no word: a megabyte of ``\\"`` after a command's URL was
    read to its end from each quote, up to the thousand words read (60 s)."""
    line = f'"HSET" "outbox:1" "method" "POST" "url" "{IUGU}" "note" "' + '\\"' * 500_000
    started = time.process_time()
    found = list(exchanges([(1, line)], "redis.log"))
    assert (len(found), time.process_time() - started < 2) == (1, True)
