"""Fuzzed captures, scanned as files are: hostile bytes between (or inside) known requests never
crash a reader or the judge, and never cost the known requests their findings.

Each example is a file with a known request before the fuzzed bytes and one after, both leaking
a credential over plain HTTP to a transfer endpoint: both credentials must be found at their
lines, the first request must still be judged, and so must the last where the format lets
nothing run on from one request into the next (JSON request logs one record a line; curl, whose
commands a blank line ends). In an HTTP dump a fuzzed head may declare a body that takes in the
lines after it, as a real one would; in a HAR, damage that breaks the document's structure
leaves what follows to the text scan: there the last credential is still found, at its line.
"""

from __future__ import annotations

import json
from typing import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.credentials import iugu_token
from helpers.fuzzing import Planted, fuzz_settings, hostile, judged_at, scan_bytes, secret_found
from helpers.har import capture_text, entry_text

URL = "http://api.iugu.com/v1/transfer_requests"
JUDGED = {"unsigned-transfer", "plaintext-http"}  # categories: the strongest rule of each speaks
# A first line longer than the binary sniff: fuzzed control bytes cannot make the file "binary".
HEADER = ("# " + "captured requests " * 460).encode() + b"\n"


def curl(token: str) -> bytes:
    return f"curl -X POST '{URL}?api_token={token}' -d 'amount_cents=100'".encode()


def json_record(token: str) -> bytes:
    body = json.dumps({"api_token": token, "amount_cents": 100})
    return json.dumps({"method": "POST", "url": URL, "headers": {"Content-Type": "application/json"},
                       "body": body}).encode()


def _body(token: str) -> bytes:
    return json.dumps({"api_token": token, "amount_cents": 100}).encode()


def raw_http(token: str) -> bytes:
    body = _body(token)
    return b"POST /v1/transfer_requests HTTP/1.1\nHost: api.iugu.com:80\nContent-Type: application/json\n" \
           b"Content-Length: %d\n\n%s\n" % (len(body), body)


def okhttp(token: str) -> bytes:
    body = _body(token)
    lines = [b"--> POST " + URL.encode(), b"Content-Type: application/json", b"Content-Length: %d" % len(body), b"",
             body, b"--> END POST (%d-byte body)" % len(body)]
    return b"\n".join(b"2026-11-22 10:00:01.123 D/OkHttp: " + line for line in lines)


def feign(token: str) -> bytes:
    body = _body(token)
    lines = [b"---> POST " + URL.encode() + b" HTTP/1.1", b"Content-Type: application/json",
             b"Content-Length: %d" % len(body), b"", body, b"---> END HTTP (%d-byte body)" % len(body)]
    return b"\n".join(b"2026-11-22 10:00:01.123 DEBUG 1 --- [main] c.e.IuguClient : [IuguClient#transfer] " + line
                       for line in lines)


def faraday(token: str) -> bytes:
    prefix = b"I, [2026-11-22T10:00:01.000001 #7]  INFO -- request: "
    return b"\n".join([prefix + b"POST " + URL.encode(), prefix + b'Content-Type: "application/json"',
                       b'User-Agent: "Faraday v2.9.0"', prefix + _body(token)])


def httpclient(token: str) -> bytes:
    body = _body(token)
    parts = [b"POST /v1/transfer_requests HTTP/1.1[\\r][\\n]", b"Host: api.iugu.com:80[\\r][\\n]",
             b"Content-Type: application/json[\\r][\\n]", b"Content-Length: %d[\\r][\\n]" % len(body), b"[\\r][\\n]", body]
    return b"\n".join(b'DEBUG org.apache.http.wire - http-outgoing-0 >> "' + part + b'"' for part in parts)


def http_client(token: str) -> bytes:
    body = _body(token)
    head = b"POST /v1/transfer_requests HTTP/1.1\r\nHost: api.iugu.com\r\nContent-Type: application/json\r\n" \
           b"Content-Length: %d\r\n\r\n" % len(body)
    return b"send: %s\nsend: %s\n" % (repr(head).encode(), repr(body).encode()) + \
        b'DEBUG:urllib3.connectionpool:http://api.iugu.com:80 "POST /v1/transfer_requests HTTP/1.1" 200 2'


def w3c_extended(token: str) -> bytes:
    return b"2026-11-22 10:00:01 POST /v1/transfer_requests api_token=%s 80 api.iugu.com - 201" % token.encode()


def rest_client_variables(token: str) -> bytes:
    return (b"POST {{base}}/transfer_requests?api_token=%s HTTP/1.1\nContent-Type: application/json\n"
            b"Content-Length: 2\n\n{}" % token.encode())


# name: (how the format writes the request, whether fuzzed bytes before a request can never run into it)
FORMS = {"deploy.sh": (curl, True), "requests.jsonl": (json_record, True), "wire.log": (raw_http, False),
         "okhttp.log": (okhttp, False), "httpclient.log": (httpclient, False), "requests.log": (http_client, False),
         "feign.log": (feign, False), "faraday.log": (faraday, False), "u_ex261122.log": (w3c_extended, False),
         "payouts.http": (rest_client_variables, False)}
# what a file defines once above its requests (fuzzed bytes may define something else in between)
DEFINED = {"u_ex261122.log": b"#Fields: date time cs-method cs-uri-stem cs-uri-query s-port cs-host cs(Signature) "
                             b"sc-status\n",
           "payouts.http": b"@base = http://api.iugu.com/v1\n"}


def around(write: Callable[[str], bytes], fuzz: bytes, defined: bytes = b"") -> tuple[bytes, Planted, Planted]:
    """The file: what it defines, the known request, the fuzzed bytes, a blank line, the known
    request again."""
    first, last = iugu_token(), iugu_token()
    top = HEADER + defined
    head = top + write(first) + b"\n" + fuzz + b"\n\n"
    data = head + write(last) + b"\n"
    return data, Planted.in_file(data, len(top), first), Planted.in_file(data, len(head), last)


@pytest.mark.parametrize("name", FORMS)
@fuzz_settings()
@given(data=st.data())
def test_fuzzed_bytes_between_requests_cost_neither(name: str, data: st.DataObject) -> None:
    write, last_judged = FORMS[name]
    fuzz = data.draw(hostile(write("TOKEN")))  # no credential in what is printed
    content, first, last = around(write, fuzz, DEFINED.get(name, b""))
    tally = scan_bytes(content, name)
    assert tally.errors == [], [error.message for error in tally.errors]
    found = secret_found(tally.findings, first), secret_found(tally.findings, last)
    assert found == (True, True), "a planted credential was not found at its line"
    assert JUDGED <= judged_at(tally.findings, first.line)
    if last_judged:
        assert JUDGED <= judged_at(tally.findings, last.line)


def har_capture(fuzz: bytes, cut: int) -> tuple[bytes, Planted, Planted]:
    """A capture of three entries whose middle one has the fuzzed bytes at ``cut``."""
    first, middle, last = iugu_token(), iugu_token(), iugu_token()
    entries = [entry_text("POST", f"{URL}?api_token={token}") for token in (first, middle, last)]
    text = capture_text(entries).encode()
    at = text.index(entries[1].encode()) + min(cut, len(entries[1]))
    data = text[:at] + fuzz + text[at:]
    return (data, Planted.in_file(data, data.index(entries[0].encode()), first),
            Planted.in_file(data, data.index(last.encode()), last))


@fuzz_settings()
@given(fuzz=hostile(entry_text("POST", f"{URL}?api_token=TOKEN").encode()),
       cut=st.integers(0, 400))
def test_fuzzed_bytes_inside_a_har_entry_cost_at_most_that_entry(fuzz: bytes, cut: int) -> None:
    data, first, last = har_capture(fuzz, cut)
    tally = scan_bytes(data, "fuzz.har")
    assert len(tally.errors) <= 1 and not any("internal error" in e.message for e in tally.errors), \
        [error.message for error in tally.errors]  # one line for the file, whatever broke in it
    found = secret_found(tally.findings, first), secret_found(tally.findings, last)
    assert found == (True, True), "a planted credential was not found at its line"
    pointers = {(f.rule_id, f.location.pointer) for f in tally.findings if f.location.line == first.line}
    assert {("iugu-api-token", "/log/entries/0/request/url"), ("iugu-unsigned-transfer", "/log/entries/0/request"),
            ("credential-over-plaintext-http", "/log/entries/0/request")} <= pointers
