"""Captured traffic with one bad part: a HAR entry that is malformed, not JSON or cut short, and
curl commands and JSON request logs holding lone surrogates. One bad entry costs that entry at
most: the other entries are still read as HAR, and what cannot be read is scanned as text."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.bad_inputs import BadInput
from helpers.credentials import asaas_key, iugu_token
from helpers.har import capture_text, entry_text


def _good_entries() -> tuple[str, str]:
    """An entry before the bad one and one after it, each leaking a credential."""
    return (entry_text("GET", "https://api.asaas.com/v3/customers", {"access_token": asaas_key()}),
            entry_text("GET", f"https://api.iugu.com/v1/invoices?api_token={iugu_token()}"))


def _har_around(name: str, bad: str) -> "callable":
    def make(folder: Path) -> str:
        first, last = _good_entries()
        (folder / name).write_text(capture_text([first, bad, last]), encoding="utf-8")
        return name

    return make


def _cut_har(folder: Path) -> str:
    first, _ = _good_entries()
    cut = entry_text("GET", f"https://api.iugu.com/v1/charges?api_token={iugu_token()}")
    text = capture_text([first, cut])
    (folder / "cut.har").write_text(text[: text.index(cut) + len(cut) - 20], encoding="utf-8")
    return "cut.har"


def _curl_with_lone_surrogate(folder: Path) -> str:
    (folder / "deploy.sh").write_text(
        "#!/bin/sh\n"
        f"curl -H 'access_token: {asaas_key()}' https://api.asaas.com/v3/customers\n"
        "curl $'https://api.iugu.com/v1/\\ud800' -d 'amount=1'\n"
        f"curl 'http://api.iugu.com/v1/transfers?api_token={iugu_token()}' -d 'amount=1'\n", encoding="utf-8")
    return "deploy.sh"


def _json_log_with_lone_surrogates(folder: Path) -> str:
    record = {"method": "POST", "url": "http://api.iugu.com/v1/transfer_requests", "headers": {"X-Trace": "-"},
              "body": json.dumps({"api_token": iugu_token(), "amount_cents": 100})}
    broken = json.dumps(record).replace('"-"', '"\\udfff"').replace("/v1/transfer_requests", "/v1/\\ud800")
    (folder / "requests.jsonl").write_text(f"{broken}\n{json.dumps(record)}\n", encoding="utf-8")
    return "requests.jsonl"


def _urllib3_port(folder: Path) -> str:
    (folder / "client.log").write_text(
        'DEBUG:urllib3.connectionpool:http://api.iugu.com:\x0080 "POST /v1/transfers HTTP/1.1" 200 2\n'
        f'DEBUG:urllib3.connectionpool:http://api.iugu.com:80 "GET /v1/invoices?api_token={iugu_token()} HTTP/1.1" 200 2\n')
    return "client.log"


def _deep_json_record(folder: Path) -> str:
    (folder / "deep.jsonl").write_text('{"a": %s"api_token=%s"%s}\n' % ("[" * 5000, iugu_token(), "]" * 5000))
    return "deep.jsonl"


def _long_numbers(folder: Path) -> str:
    """Numbers that Python turns into none (more than 4,300 digits) where a reader counts: a curl
    trace's byte count, a statement's numbered placeholder, one bound below it, a code point."""
    digits = "9" * 5000
    (folder / "numbers.log").write_text(
        f"access_token={asaas_key()}\n"
        "=> Send header, 60 bytes (0x3c)\n0000: POST /v1/transfers HTTP/1.1\n001d: Host: api.iugu.com\n"
        f"=> Send data, {digits} bytes (0x2)\n0000: {{}}\n"
        f"INSERT INTO outbox (method, url) VALUES (${digits}, $2);\n"
        "INSERT INTO outbox (method, url) VALUES ($1, $2)\n"
        f"DETAIL:  parameters: $1 = 'POST', ${digits} = 'https://api.iugu.com/v1/transfers'\n"
        f"INSERT INTO outbox (method, url) VALUES ('POST', char({digits}));\n")
    return "numbers.log"


def _nested_values(folder: Path) -> str:
    """Values nested past the JSON decoder's depth where a reader of requests decodes one: an httpie
    command's raw JSON item (``data:=[[…]]``), a document a structlog record's key opens at its line's end."""
    deep = "[" * 100_000 + "]" * 100_000
    (folder / "nested.log").write_text(
        f"access_token={asaas_key()}\n"
        f"http POST https://api.iugu.com/v1/transfer_requests data:={deep}\n"
        f"2026-11-22 13:00:30 [debug    ] sending transfer body=[\n{deep}\n")
    return "nested.log"


_URL = "https://api.asaas.com/v3/payments"

CASES = [
    BadInput("a HAR entry whose headers are not a list",
             _har_around("headers.har", '{"request": {"method": "GET", "url": "%s", "headers": true}}' % _URL),
             error="/log/entries/1/request/headers is not a list", findings=2),
    BadInput("a HAR entry whose URL cannot be split",
             _har_around("ipv6.har", '{"request": {"method": "GET", "url": "http://[::1", "headers": []}}'),
             error="/log/entries/1/request/url is not a URL", findings=2),
    BadInput("a HAR entry with a lone surrogate escape",
             _har_around("surrogate.har", '{"request": {"method": "GET", "url": "%s/\\ud800", "headers": ['
                                          '{"name": "access_token", "value": "%s"}]}}' % (_URL, asaas_key())),
             error=None, findings=3),
    BadInput("a HAR entry with an integer of 5,000 digits",
             _har_around("digits.har", '{"time": %s, "request": {"method": "GET", "url": "%s?api_token=%s"}}'
                                       % ("9" * 5000, _URL, iugu_token())),
             error=None, findings=3),
    BadInput("a HAR entry that is not valid JSON",
             _har_around("invalid.har", '{"request": {"method": "GET", "url": "%s?api_token=%s", "x": tru}}'
                                        % (_URL, iugu_token())),
             error="/log/entries/1: not valid JSON at line 3", findings=3),
    BadInput("a HAR cut short inside an entry", _cut_har, error="read as plain text from line 3 on", findings=2),
    BadInput("a curl command with a lone surrogate", _curl_with_lone_surrogate, error=None, findings=4),
    BadInput("a JSON request log with lone surrogates", _json_log_with_lone_surrogates, error=None, findings=4),
    BadInput("a JSON log record nested 5,000 deep", _deep_json_record, error=None, findings=1),
    BadInput("a urllib3 line whose port cannot be read", _urllib3_port, error=None, findings=2),
    BadInput("a log whose counts are numbers of 5,000 digits", _long_numbers, error=None, findings=1),
    BadInput("values nested past the JSON decoder's depth in a request", _nested_values, error=None, findings=2),
]
