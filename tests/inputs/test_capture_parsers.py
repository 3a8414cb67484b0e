"""Capture parsers: the same request written by curl, a raw dump, OkHttp, Feign, Faraday, Go's
DumpRequestOut, an axios error, HttpClient, http.client and a JSON request log must become the
same Exchange, and no input may make a parser raise.

Tokens are generated per run and never appear in an assertion message: bodies are compared by
digest and credential checks are computed into booleans before they are asserted.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import re
import secrets
import warnings
from typing import Callable, Iterable, Iterator
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from keyaudit.model.exchange import REQUEST_SPAN_LINES, Exchange, Origin
from keyaudit.inputs.captures import curl, httpdump, jsonlog, yaml_records
from keyaudit.engine.unwrap import base64_bytes
from keyaudit.inputs.captures.raw_requests import raw_request
from keyaudit.inputs.captures.dump_table import shapes
from keyaudit.inputs.text_requests import exchanges_in_lines
from keyaudit.rulebook.loader import load_rules

Parser = Callable[[Iterable[tuple[int, str]], str], Iterator[Exchange]]


def raw_elements(lines: Iterable[tuple[int, str]], path: str) -> Iterator[Exchange]:
    """The raw requests of the lines' base64 request elements, as the payload layer opens them
    (the scan finds the element's base64 by the provider name in it)."""
    for number, text in lines:
        for match in re.finditer(r'<request base64="true"><!\[CDATA\[([A-Za-z0-9+/=]*)', text):
            data = base64_bytes(match[1].encode())
            exchange = raw_request(data, Origin(path, number, match.start(1) + 1, capture="raw")) if data else None
            if exchange is not None:
                yield exchange


PARSERS: dict[str, Parser] = {"curl": curl.exchanges, "httpdump": httpdump.exchanges, "jsonlog": jsonlog.exchanges,
                              "yaml": yaml_records.exchanges, "raw": raw_elements}

URL = "https://api.iugu.com/v1/transfer_requests"
REQUEST_TIME = "2026-11-22T10:00:01-03:00"
OKHTTP_PREFIX = "2026-11-22 10:00:01.123 D/OkHttp: "
WIRE4 = "10:00:01.123 [main] DEBUG org.apache.http.wire - http-outgoing-0 >> "
WIRE5 = "2026-11-22 10:00:01,123 DEBUG org.apache.hc.client5.http.wire - http-outgoing-3 >> "
NOISE = ["2026-11-22 10:00:00 INFO starting transfer batch", "", "see https://dev.iugu.com for the docs"]


class Signed:
    """One signed iugu transfer request with a fresh token; its body has non-ASCII text and
    spaces so any re-encoding or re-spacing shows."""

    def __init__(self, token: str | None = None) -> None:
        self.token = token or secrets.token_hex(16)
        self.signature = "signature=" + base64.b64encode(secrets.token_bytes(256)).decode()
        self.body = json.dumps({"api_token": self.token, "transfer_type": "pix", "amount_cents": 1050,
                                "description": "transferência mensal"}, ensure_ascii=False).encode()
        self.headers = [("Content-Type", "application/json"), ("Request-Time", REQUEST_TIME),
                        ("Signature", self.signature)]

    def head(self) -> list[str]:
        """Request line and headers as an HTTP/1.1 client sends them."""
        return ["POST /v1/transfer_requests HTTP/1.1", "Host: api.iugu.com",
                *(f"{name}: {value}" for name, value in self.headers), f"Content-Length: {len(self.body)}"]


def as_curl(r: Signed) -> list[str]:
    return ["$ curl -sS -X POST https://api.iugu.com/v1/transfer_requests \\",
            *(f"    -H \"{name}: {value}\" \\" for name, value in r.headers),
            f"    --data-raw '{r.body.decode()}'"]


def as_raw(r: Signed) -> list[str]:
    return [*r.head(), "", r.body.decode()]


def as_okhttp(r: Signed) -> list[str]:
    lines = [f"--> POST {URL}", "Content-Type: application/json; charset=utf-8",
             f"Content-Length: {len(r.body)}", f"Request-Time: {REQUEST_TIME}", f"Signature: {r.signature}",
             "", r.body.decode(), f"--> END POST ({len(r.body)}-byte body)"]
    return [OKHTTP_PREFIX + line if line else OKHTTP_PREFIX.rstrip() for line in lines]


def _wire_escaped(data: bytes) -> str:
    """Bytes the way HttpClient's Wire logger writes them."""
    out = []
    for byte in data:
        out.append({13: "[\\r]", 10: "[\\n]"}.get(byte) or (chr(byte) if 32 <= byte < 127 else f"[0x{byte:x}]"))
    return "".join(out)


def _as_wire(prefix: str) -> Callable[[Signed], list[str]]:
    def write(r: Signed) -> list[str]:
        head = [f'{prefix}"{_wire_escaped((line + chr(13) + chr(10)).encode())}"' for line in [*r.head(), ""]]
        half = len(r.body) // 2  # a body split over two >> lines, even inside a UTF-8 sequence
        body = [f'{prefix}"{_wire_escaped(part)}"' for part in (r.body[:half], r.body[half:])]
        return [*head, *body, prefix.replace(">>", "<<") + '"HTTP/1.1 200 OK[\\r][\\n]"']

    return write


def as_http_client(r: Signed) -> list[str]:
    head = ("\r\n".join(r.head()) + "\r\n\r\n").encode()
    return [f"send: {head!r}", f"send: {r.body!r}", "reply: 'HTTP/1.1 200 OK\\r\\n'",
            "header: Content-Type: application/json"]


def as_jsonlog(r: Signed) -> list[str]:
    record = {"@timestamp": "2026-11-22T13:00:01Z", "http": {"request": {"method": "POST"}},
              "url": {"full": URL}, "request": {"headers": dict(r.headers), "body": r.body.decode()}}
    return [json.dumps(record, ensure_ascii=False)]


def as_feign(r: Signed) -> list[str]:
    lines = [f"---> POST {URL} HTTP/1.1", *(f"{name}: {value}" for name, value in r.headers),
             f"Content-Length: {len(r.body)}", "", r.body.decode(), f"---> END HTTP ({len(r.body)}-byte body)"]
    return [f"10:00:01.{n:03d} DEBUG [main] c.e.IuguClient : [IuguClient#transfer] {line}" for n, line in enumerate(lines)]


def as_faraday(r: Signed) -> list[str]:
    prefix = "I, [2026-11-22T10:00:01.000001 #7]  INFO -- request: "
    quoted = [f"{name}: {json.dumps(value)}" for name, value in r.headers]
    return [prefix + f"POST {URL}", prefix + quoted[0], *quoted[1:], prefix + r.body.decode()]


def as_go_dump(r: Signed) -> list[str]:
    """httputil.DumpRequestOut printed by Go's log package: its prefix on the first line only."""
    return [f"2026/11/22 10:00:01 {r.head()[0]}", *r.head()[1:], "", r.body.decode()]


def as_axios(r: Signed) -> list[str]:
    return ["  config: {", "    headers: Object [AxiosHeaders] {",
            *(f"      '{name}': {value!r}," for name, value in r.headers), "    },", "    method: 'post',",
            f"    url: '{URL}',", f"    data: {r.body.decode()!r}", "  },"]


def as_cassette(r: Signed) -> list[str]:
    """A recorded interaction as a VCR cassette's YAML writes it (headers as lists of values)."""
    lines = ["- method: POST", f"  uri: {URL}", "  body: '" + r.body.decode().replace("'", "''") + "'", "  headers:"]
    for name, value in r.headers:
        lines += [f"    {name}:", f"    - '{value}'"]
    return lines


def as_burp_item(r: Signed) -> list[str]:
    """The request as Burp Suite saves it: the bytes sent, base64, in the item's request element."""
    raw = "\r\n".join([*r.head(), "", ""]).encode() + r.body
    return [f'    <request base64="true"><![CDATA[{base64.b64encode(raw).decode()}]]></request>',
            f'    <response base64="true"><![CDATA[{base64.b64encode(b"HTTP/1.1 200 OK").decode()}]]></response>']


FORMS: dict[str, tuple[Callable[[Signed], list[str]], str, str]] = {
    # form: (writer, parser, capture)
    "curl": (as_curl, "curl", "curl"),
    "raw-http": (as_raw, "httpdump", "wire"),
    "okhttp": (as_okhttp, "httpdump", "okhttp"),
    "httpclient4": (_as_wire(WIRE4), "httpdump", "httpclient"),
    "httpclient5": (_as_wire(WIRE5), "httpdump", "httpclient"),
    "http.client": (as_http_client, "httpdump", "http.client"),
    "feign": (as_feign, "httpdump", "feign"),
    "faraday": (as_faraday, "httpdump", "faraday"),
    "go-dump": (as_go_dump, "httpdump", "wire"),
    "axios": (as_axios, "httpdump", "axios"),
    "jsonlog": (as_jsonlog, "jsonlog", "jsonlog"),
    "vcr-cassette": (as_cassette, "yaml", "yaml"),
    "burp-item": (as_burp_item, "raw", "raw"),
}


def numbered(lines: Iterable[str], first: int = 1) -> Iterator[tuple[int, str]]:
    return zip(itertools.count(first), lines)


def parse(parser: str, lines: list[str]) -> list[Exchange]:
    return list(PARSERS[parser](numbered(lines), "capture.log"))


def digest(data: bytes | None) -> str:
    return "none" if data is None else hashlib.sha256(data).hexdigest()[:16]


def only(found: list[Exchange]) -> Exchange:
    assert len(found) == 1, f"{len(found)} exchanges: {[(e.method, e.origin.capture) for e in found]}"
    return found[0]


# --- the same request, every capture -----------------------------------------------------------

@pytest.mark.parametrize("form", FORMS)
def test_every_capture_of_one_request_gives_the_same_exchange(form: str) -> None:
    writer, parser, capture = FORMS[form]
    request = Signed()
    exchange = only(parse(parser, NOISE + writer(request)))
    assert (exchange.method, exchange.url, exchange.origin.capture) == ("POST", URL, capture)
    assert exchange.header("signature") == request.signature
    assert exchange.header("REQUEST-TIME") == REQUEST_TIME
    got, want = digest(exchange.body), digest(request.body)
    assert got == want, "body bytes differ from the bytes sent"
    assert exchange.origin.line == len(NOISE) + 1, "origin is the line where the request starts"


@pytest.mark.parametrize("form", FORMS)
def test_parsers_stream(form: str) -> None:
    """A request is reported without reading to the end of an endless input."""
    writer, parser, _ = FORMS[form]
    endless = itertools.chain(writer(Signed()), itertools.repeat("unrelated line"))
    exchange = next(iter(PARSERS[parser](numbered(endless), "-")), None)
    assert exchange is not None and exchange.method == "POST"


def test_one_pass_and_per_format_readers_agree() -> None:
    lines = list(itertools.chain.from_iterable(writer(Signed()) for writer, parser, _ in FORMS.values()
                                               if parser == "httpdump"))
    together = sorted((e.origin.line, e.origin.capture) for e in httpdump.exchanges(numbered(lines), "-"))
    apart = sorted((e.origin.line, e.origin.capture) for reader in httpdump.READERS
                   for e in reader(numbered(lines), "-"))
    assert together == apart and len(together) == sum(parser == "httpdump" for _, parser, _ in FORMS.values())


# --- curl --------------------------------------------------------------------------------------

def test_curl_user_option_becomes_basic_authorization() -> None:
    token = secrets.token_hex(32).upper()
    exchange = only(parse("curl", [f"curl -u {token}: https://api.iugu.com/v1/accounts"]))
    expected = "Basic " + base64.b64encode(f"{token}:".encode()).decode()
    carries_token = exchange.header("Authorization") == expected
    assert carries_token, "-u TOKEN: must become Authorization: Basic base64(TOKEN:)"
    assert exchange.method == "GET"


def test_curl_user_option_attached_and_long_forms() -> None:
    token = secrets.token_hex(16)
    found = parse("curl", [f"curl -u{token}: https://a.example.com/", f"curl --user {token} https://b.example.com/",
                           f"curl --digest -u {token}: https://c.example.com/"])
    expected = "Basic " + base64.b64encode(f"{token}:".encode()).decode()
    basic = [exchange.header("Authorization") == expected for exchange in found]
    assert basic == [True, True, False]


def test_curl_header_authorization_replaces_the_user_option() -> None:
    token = secrets.token_hex(16)
    exchange = only(parse("curl", [f"curl -u {token}: -H 'Authorization: Bearer x' https://api.iugu.com/v1/a"]))
    only_given = [value for name, value in exchange.headers if name == "Authorization"] == ["Bearer x"]
    assert only_given, "curl sends the -H Authorization header instead of the one -u would build"


def test_curl_without_scheme_is_plain_http() -> None:
    found = parse("curl", ["curl api.iugu.com/v1/transfers?api_token=x", "curl -s localhost:8080/health",
                           "curl --proto-default https api.asaas.com/v3/transfers"])
    assert [(e.scheme, e.host) for e in found] == [("http", "api.iugu.com"), ("http", "localhost"),
                                                  ("https", "api.asaas.com")]


def test_curl_get_with_data_puts_the_data_in_the_query() -> None:
    exchange = only(parse("curl", ["curl -G -d api_token=abc -d limit=10 'https://api.iugu.com/v1/invoices?x=1'"]))
    assert (exchange.method, exchange.url, exchange.body) == (
        "GET", "https://api.iugu.com/v1/invoices?x=1&api_token=abc&limit=10", None)


def test_curl_data_options() -> None:
    found = parse("curl", [
        "curl -d a=1 --data b=2 https://h.example.com/form",
        "curl --data-urlencode 'q=a b&c' --data-urlencode =x/y https://h.example.com/u",
        "curl -X PUT --data-binary @payload.json https://h.example.com/file",
        "curl --json '{\"a\": 1}' https://h.example.com/j",
        "curl -F file=@x.png https://h.example.com/upload",
        "curl -I https://h.example.com/head",
    ])
    summary = [(e.method, e.body, e.header("Content-Type")) for e in found]
    assert summary == [
        ("POST", b"a=1&b=2", "application/x-www-form-urlencoded"),
        ("POST", b"q=a+b%26c&x%2Fy", "application/x-www-form-urlencoded"),
        ("PUT", None, None),
        ("POST", b'{"a": 1}', "application/json"),
        ("POST", None, None),
        ("HEAD", None, None),
    ]
    assert found[3].header("Accept") == "application/json"


def test_curl_header_forms_query_and_bearer() -> None:
    exchange = only(parse("curl", [
        "curl -H 'X-Empty;' -H 'Content-Type:' -H @headers.txt --oauth2-bearer abc -A 'agent/1' "
        "--url-query 'q=a b' --url-query +pre%20encoded -d x=1 --expand-data '{{v}}' https://h.example.com/p",
    ]))
    assert exchange.headers == [("X-Empty", ""), ("User-Agent", "agent/1"), ("Authorization", "Bearer abc")]
    assert (exchange.method, exchange.url, exchange.body) == (
        "POST", "https://h.example.com/p?q=a+b&pre%20encoded", None)


def test_curl_quoting() -> None:
    exchange = only(parse("curl", [
        r"""curl -H "X-A: say \"hi\" \$HOME" -H $'X-B: tab\there\x21\u00e7' -H 'X-C: it'\''s' """
        r"""-H X-D:\ spaced -d $'\xff\x00' https://h.example.com/""",
    ]))
    assert exchange.headers[:4] == [("X-A", 'say "hi" $HOME'), ("X-B", "tab\there!ç"), ("X-C", "it's"),
                                    ("X-D", "spaced")]
    assert exchange.body == b"\xff\x00"


def test_curl_continuations_and_multiline_quotes() -> None:
    lines = [
        "curl https://api.iugu.com/v1/a ^",
        "  -H \"X-Shell: cmd\"",
        "curl.exe https://api.iugu.com/v1/b `",
        "  -H 'X-Shell: powershell'",
        "curl -X POST https://api.iugu.com/v1/c \\   ",
        "  -H 'X-Shell: sh' \\",
        "  -d '{",
        '    "api_token": "t",',
        '    "amount": 1',
        "  }'",
        "echo done",
    ]
    found = parse("curl", lines)
    assert [(e.origin.line, e.url.rsplit("/", 1)[1], e.header("X-Shell")) for e in found] == [
        (1, "a", "cmd"), (3, "b", "powershell"), (5, "c", "sh")]
    assert found[2].body == b'{\n    "api_token": "t",\n    "amount": 1\n  }'


def test_a_cmd_command_line_has_its_carets_taken_before_its_quotes() -> None:
    """cmd.exe's escapes, as Chrome's "Copy as cURL (cmd)" writes them: `^` before each character
    cmd would take, `\\"` for a quote the C runtime passes on, and a line feed in a quoted argument
    as `^`, the line end, and a blank line."""
    lines = ['curl ^"https://api.iugu.com/v1/a?x=1^&y=2^" ^', '  -H ^"x-shell: cmd ^%^PATH^%^" ^',
             '  --data-raw ^"^{^', "", '^\\^"a^\\^":1^}^" ^', "  --compressed", "echo done"]
    exchange = only(parse("curl", lines))
    assert (exchange.url, exchange.header("x-shell"), exchange.body) == (
        "https://api.iugu.com/v1/a?x=1&y=2", "cmd %PATH%", b'{\n"a":1}')


def test_a_wget_command_line_is_read_as_the_request_its_options_say() -> None:
    lines = ["wget -q -O - --header='Content-Type: application/json' --header 'X-A: 1' \\",
             "  --post-data='{\"a\":1}' https://api.iugu.com/v1/a",
             "wget --method=PUT --body-data 'x=1' -U agent/1 https://api.iugu.com/v1/b"]
    first, second = parse("curl", lines)
    assert (first.method, first.url, first.header("X-A"), first.header("User-Agent"), first.body) == (
        "POST", "https://api.iugu.com/v1/a", "1", "Wget", b'{"a":1}')
    assert (second.method, second.url, second.header("User-Agent"), second.body) == (
        "PUT", "https://api.iugu.com/v1/b", "agent/1", b"x=1")


def test_curl_in_shells_logs_and_pipelines() -> None:
    lines = [
        "2026-11-22T10:00:00.0000000Z + curl -s https://api.asaas.com/v3/a | jq .",
        "$ sudo curl https://api.asaas.com/v3/b && curl https://api.asaas.com/v3/c > out.json 2>&1",
        "RESULT=$(curl -s https://api.asaas.com/v3/d)",
        "Run `curl https://api.asaas.com/v3/e` to check.",
        "curl https://api.asaas.com/v3/f # a comment https://ignored.example.com",
    ]
    found = parse("curl", lines)
    assert [(e.origin.line, e.url.rsplit("/", 1)[1]) for e in found] == [
        (1, "a"), (2, "b"), (2, "c"), (3, "d"), (4, "e"), (5, "f")]
    assert found[2].origin.column == lines[1].index("curl https://api.asaas.com/v3/c") + 1


def test_curl_prose_placeholders_and_broken_quotes() -> None:
    lines = [
        "Use curl to call the API, or curl's cousin wget.",
        "curl -H 'Authorization: Basic ...' $IUGU_URL/v1/transfers",
        "curl {{base_url}}/v3/payments",
        "curl -d 'never closed https://api.iugu.com/v1/x",
        "some text",
        "curl https://api.iugu.com/v1/after",
    ]
    found = parse("curl", lines)
    assert [(e.origin.line, e.url) for e in found] == [(6, "https://api.iugu.com/v1/after")]


def test_curl_unclosed_quote_at_end_of_input_rereads_lines() -> None:
    found = parse("curl", ["curl -d 'open https://x.example.com/", "curl https://api.iugu.com/v1/found"])
    assert [e.url for e in found] == ["https://api.iugu.com/v1/found"]


def test_curl_a_line_whose_commands_each_leave_a_quote_open_spends_its_own_reading_only() -> None:
    """Each curl in a JSON string of commands leaves a quote open to the line's end, and is read
    again from after it: what those readings take of a line is charged to that line, so the next
    line's command is read as if none had failed before it."""
    looping = '{"note": "' + "curl -d 'x " * 2000
    found = parse("curl", [looping, "curl https://api.iugu.com/v1/after", looping + '"}', "curl https://api.iugu.com/v1/x"])
    assert [(e.origin.line, e.url) for e in found] == [(2, "https://api.iugu.com/v1/after"), (4, "https://api.iugu.com/v1/x")]


def test_curl_next_starts_another_request_and_options_after_url_count() -> None:
    exchange = only(parse("curl", ["curl https://h.example.com/a -X DELETE --next https://h.example.com/b"]))
    assert (exchange.method, exchange.url) == ("DELETE", "https://h.example.com/a")


# --- HTTP dumps --------------------------------------------------------------------------------

def test_raw_dump_scheme_from_absolute_form_or_port_80() -> None:
    found = parse("httpdump", ["POST http://api.iugu.com/v1/transfers HTTP/1.1", "Host: api.iugu.com", "",
                               "GET /v1/customers HTTP/1.1", "Host: api.iugu.com:80", "",
                               "GET /v3/customers HTTP/1.0", "Host: api.asaas.com"])
    assert [e.url for e in found] == ["http://api.iugu.com/v1/transfers", "http://api.iugu.com:80/v1/customers",
                                      "https://api.asaas.com/v3/customers"]


def test_raw_dump_body_without_length_ends_at_blank_line_and_with_crlf_by_length() -> None:
    found = parse("httpdump", [
        "POST /a HTTP/1.1", "Host: h.example.com", "", "line one", "line two", "", "prose after",
        "> POST /b HTTP/1.1", "> Host: h.example.com", "> Content-Length: 7", ">", "> ab", "> cde", "after",
        "POST /c HTTP/1.1", "Host: h.example.com", "Content-Length: 99", "", "short",
    ])
    assert [(e.path, e.body) for e in found] == [("/a", b"line one\nline two"), ("/b", b"ab\r\ncde"), ("/c", None)]


def test_curl_verbose_output_is_a_raw_dump_without_body() -> None:
    lines = ["* Connected to api.iugu.com (1.2.3.4) port 443", "> POST /v1/transfers HTTP/2",
             "> Host: api.iugu.com", "> user-agent: curl/8.5.0", "> content-length: 20", ">",
             "} [20 bytes data]", "< HTTP/2 200"]
    exchange = only(parse("httpdump", lines))
    assert (exchange.origin.line, exchange.url, exchange.header("user-agent"), exchange.body) == (
        2, "https://api.iugu.com/v1/transfers", "curl/8.5.0", None)


def test_a_request_line_alone_does_not_say_which_headers_were_sent() -> None:
    found = parse("httpdump", ["INFO proxy: POST https://api.iugu.com/v1/transfer_requests HTTP/1.1", "INFO done",
                               "POST /v1/transfers HTTP/1.1", "Host: api.iugu.com"])
    assert [(e.path, e.headers_known) for e in found] == [("/v1/transfer_requests", False), ("/v1/transfers", True)]


def test_a_dump_logged_as_one_message_ends_at_the_next_record_of_its_log() -> None:
    found = parse("httpdump", ["2026/11/22 10:00:01 GET /v1/customers HTTP/1.1", "Host: api.iugu.com", "Accept: */*",
                               "", "2026/11/22 10:00:02 Signature: not this request's", "X-Other: 1"])
    assert [(e.url, e.headers, e.body) for e in found] == [
        ("https://api.iugu.com/v1/customers", [("Host", "api.iugu.com"), ("Accept", "*/*")], None)]


def test_libcurl_verbose_header_block_after_one_prefix() -> None:
    lines = ["* Connected to api.asaas.com (1.2.3.4) port 443", "> POST /v3/transfers HTTP/1.1\r",
             "Host: api.asaas.com\r", "Content-Length: 48\r", "\r", "* upload completely sent off: 48 out of 48 bytes",
             "< HTTP/1.1 200 OK\r"]
    exchange = only(parse("httpdump", lines))
    assert (exchange.url, exchange.header("content-length"), exchange.body, exchange.headers_known) == (
        "https://api.asaas.com/v3/transfers", "48", None, True)


def test_faraday_quoted_values_and_the_next_message() -> None:
    prefix = "D, [2026-11-22T10:00:01.000001 #7] DEBUG -- "
    lines = [prefix + "request: GET https://api.iugu.com/v1/invoices", prefix + 'request: X-A: "say \\"hi\\" \\#{x}"',
             'X-B: "two"', prefix + "response: Status 200", prefix + 'response: X-C: "not sent"']
    exchange = only(parse("httpdump", lines))
    assert exchange.headers == [("X-A", 'say "hi" #{x}'), ("X-B", "two")]


def test_the_log_level_may_differ_between_the_records_of_one_request() -> None:
    """Faraday 1 logs the request line at INFO and the headers at DEBUG; Serilog writes .NET's
    headers at Verbose after the request line at Information."""
    faraday = ["I, [2026-11-22T10:00:01.000001 #7]  INFO -- request: GET https://api.iugu.com/v1/invoices",
               'D, [2026-11-22T10:00:01.000002 #7] DEBUG -- request: Accept: "*/*"', 'X-B: "two"',
               "I, [2026-11-22T10:00:01.300000 #7]  INFO -- response: Status 200"]
    serilog = ["[10:00:01 INF] Sending HTTP request GET https://api.asaas.com/v3/customers",
               "[10:00:01 VRB] Request Headers:", "access_token: abc", "User-Agent: app/1",
               "[10:00:01 INF] Received HTTP response headers after 20.1ms - 200"]
    found = parse("httpdump", faraday + serilog)
    assert [(e.origin.capture, e.headers) for e in found] == [
        ("faraday", [("Accept", "*/*"), ("X-B", "two")]), ("dotnet", [("access_token", "abc"), ("User-Agent", "app/1")])]


def test_httpx_request_lines_name_no_headers() -> None:
    found = parse("httpdump", ['INFO:httpx:HTTP Request: POST http://api.asaas.com/v3/transfers "HTTP/1.1 401 Unauthorized"',
                               "DEBUG:urllib3:Accept: not a header of it",
                               '2026-11-22 10:00:01 INFO HTTP Request: GET https://api.iugu.com/v1/x?api_token=t "HTTP/2 200 OK"'])
    assert [(e.method, e.url, e.headers, e.headers_known) for e in found] == [
        ("POST", "http://api.asaas.com/v3/transfers", [], False), ("GET", "https://api.iugu.com/v1/x?api_token=t", [], False)]


def test_an_access_log_s_quoted_absolute_request_line_is_a_request_without_headers() -> None:
    # AWS ALB's "request" field (the user agent's quoted field after it), a forward proxy's combined
    # log (the status after it) and a sniffer's (urlsnarf: `-`, no status seen); neither an
    # origin-form target nor a JSON field's value
    alb = ('https 2026-11-22T13:00:00.123456Z app/lb/1 10.0.0.7:50412 10.0.1.20:8080 0.000 0.032 0.000 201 201 345 '
           '120 "POST https://api.iugu.com:443/v1/transfer_requests HTTP/1.1" "payouts/3.1" TLS_AES_128_GCM_SHA256')
    proxy = '10.0.0.7 - - [22/Nov/2026:13:00:00 +0000] "GET https://api.asaas.com/v3/customers HTTP/1.1" 200 12 "-" "x"'
    origin = '10.0.0.7 - - [22/Nov/2026:13:00:00 +0000] "POST /v1/transfer_requests HTTP/1.1" 201 12 "-" "x"'
    field = '{"request": "POST https://api.iugu.com/v1/transfer_requests HTTP/1.1", "status": 201}'
    sniffed = '10.0.0.7 - - [22/Nov/2026:10:00:30 -0300] "POST http://api.iugu.com/v1/x HTTP/1.1" - - "-" "x"'
    found = parse("httpdump", [alb, proxy, origin, field, sniffed])
    assert [(e.origin.capture, e.method, e.url, e.headers, e.headers_known) for e in found] == [
        ("access-log", "POST", "https://api.iugu.com:443/v1/transfer_requests", [], False),
        ("access-log", "GET", "https://api.asaas.com/v3/customers", [], False),
        ("access-log", "POST", "http://api.iugu.com/v1/x", [], False)]


def test_a_header_block_logged_as_one_message_carries_the_body_after_its_blank_line() -> None:
    # http.rb's logging feature: `> POST <url>` at INFO, then one DEBUG message "headers\n\nbody"
    body = '{\n"amount_cents":1050\n}'
    lines = [f"I, [2026-11-22T13:00:00.1 #7]  INFO -- : > POST {URL}",
             "D, [2026-11-22T13:00:00.2 #7] DEBUG -- : Content-Type: application/json", "Host: api.iugu.com", "",
             *body.split("\n"), "I, [2026-11-22T13:00:00.3 #7]  INFO -- : < 201 Created"]
    exchange = only(parse("httpdump", lines))
    assert (exchange.headers, exchange.body, exchange.headers_known) == (
        [("Content-Type", "application/json"), ("Host", "api.iugu.com")], body.encode(), True)


def test_a_head_with_a_line_passed_over_is_not_known_whole() -> None:
    # a `--> POST <url>` whose following lines are no header the shape reads (`Name -> value`, after a
    # `Payload -> …`) closed by a blank line: which headers went is unknown, none is missing
    lines = [f"--> POST {URL}", "Payload -> {}", "Signature -> signature=abc", ""]
    exchange = only(parse("httpdump", lines))
    assert (exchange.headers, exchange.headers_known) == ([], False)


def test_a_java_util_logging_record_ends_a_body_no_length_bounds() -> None:
    # Google's HTTP client for Java at CONFIG through SimpleFormatter: the request's head as a record's
    # message, its content logged in a later record; the record after the head is no body of it
    lines = ["Nov 22, 2026 1:00:00 PM com.google.api.client.http.HttpRequest execute",
             "CONFIG: -------------- REQUEST  --------------", f"POST {URL}", "Content-Type: application/json", "",
             "Nov 22, 2026 1:00:00 PM com.google.api.client.util.LoggingByteArrayOutputStream close",
             "CONFIG: Total: 2 bytes"]
    exchange = only(parse("httpdump", lines))
    assert (exchange.headers, exchange.body, exchange.headers_known) == ([("Content-Type", "application/json")],
                                                                         None, True)


def test_feign_body_over_several_lines_is_exact_by_the_end_line() -> None:
    body = '{\n  "amount_cents": 1050\n}'
    prefix = "2026-11-22 10:00:01.123 DEBUG 1 --- [main] c.e.IuguClient : [IuguClient#transfer] "
    lines = [prefix + f"---> POST {URL} HTTP/1.1", prefix + "Content-Type: application/json", prefix,
             prefix + body.split("\n")[0], *body.split("\n")[1:], prefix + f"---> END HTTP ({len(body)}-byte body)"]
    exchange = only(parse("httpdump", lines))
    assert (exchange.origin.capture, exchange.body, exchange.headers_known) == ("feign", body.encode(), True)


def test_dotnet_headers_of_the_client_handler_only() -> None:
    lines = ["info: System.Net.Http.HttpClient.iugu.LogicalHandler[100]",
             "      Start processing HTTP request GET https://api.iugu.com/v1/customers",
             "info: System.Net.Http.HttpClient.iugu.ClientHandler[100]",
             "      Sending HTTP request GET https://api.iugu.com/v1/customers",
             "info: System.Net.Http.HttpClient.iugu.ClientHandler[101]",
             "      Received HTTP response headers after 20.1ms - 200",
             "info: System.Net.Http.HttpClient.iugu.ClientHandler[100]",
             "      Sending HTTP request GET https://api.iugu.com/v1/invoices",
             "trce: System.Net.Http.HttpClient.iugu.ClientHandler[102]", "      Request Headers:",
             "      Authorization: Basic dGVzdDo=", "      Received HTTP response headers after 9.8ms - 200",
             "      Authorization: not a request header"]
    found = parse("httpdump", lines)
    assert [(e.origin.line, e.path, e.headers, e.headers_known) for e in found] == [
        (4, "/v1/customers", [], False), (8, "/v1/invoices", [("Authorization", "Basic dGVzdDo=")], True)]


def test_a_dotnet_request_ends_at_the_first_line_of_another_logger_after_its_headers() -> None:
    """.NET logs no body: once the headers' record came, the request is whole, even where the log
    leaves out the response line; a later record's indented line is not one of its headers."""
    lines = ["info: System.Net.Http.HttpClient.iugu.ClientHandler[100]",
             "      Sending HTTP request POST https://api.iugu.com/v1/transfer_requests",
             '10.0.0.1 - - [22/Nov/2026:10:00:00 -0300] "GET /health HTTP/1.1" 200 2',  # between its records: passed over
             "trce: System.Net.Http.HttpClient.iugu.ClientHandler[102]", "      Request Headers:",
             "      Content-Type: application/json",
             '10.0.0.1 - - [22/Nov/2026:10:00:01 -0300] "GET /health HTTP/1.1" 200 2',
             "info: Payouts.Ledger[0]", "      Signature: none recorded for batch 7"]
    exchange = only(parse("httpdump", lines))
    assert (exchange.origin.line, exchange.headers, exchange.headers_known) == (
        2, [("Content-Type", "application/json")], True)


def test_apache_headers_logger_repeats_the_wire_logger_and_is_read_once() -> None:
    """Each logger's reader reads the request; the region's requests hold it once, as the wire
    logger shows it (its body)."""
    head = [f"POST /v1/transfers HTTP/1.1", "Host: api.iugu.com", "Content-Length: 2"]
    lines = [f"DEBUG org.apache.http.headers - http-outgoing-0 >> {line}" for line in head]
    lines += [f'DEBUG org.apache.http.wire - http-outgoing-0 >> "{line}[\\r][\\n]"' for line in [*head, ""]]
    lines.append('DEBUG org.apache.http.wire - http-outgoing-0 >> "{}"')
    assert sorted(e.origin.capture for e in parse("httpdump", lines)) == ["httpclient", "wire"]
    exchange = only(list(exchanges_in_lines(list(numbered(lines)), "capture.log")))
    assert (exchange.origin.capture, exchange.body) == ("httpclient", b"{}")


def test_a_request_never_spans_more_than_the_request_span() -> None:
    lines = [f"I/okhttp.OkHttpClient: --> POST {URL}", "I/okhttp.OkHttpClient: Signature: signature=abc",
             *(f"I/other: line {n}" for n in range(REQUEST_SPAN_LINES)), "I/okhttp.OkHttpClient: Request-Time: t",
             "I/okhttp.OkHttpClient: --> END POST"]
    exchange = only(parse("httpdump", lines))
    assert (exchange.header("request-time"), exchange.headers_known) == (None, False)


def test_the_dump_table_loads_with_one_capture_name_a_shape() -> None:
    captures = [shape.capture for shape in shapes()]
    assert len(captures) == len(set(captures))
    assert {"wire", "okhttp", "feign", "faraday", "dotnet", "httpx"} <= set(captures)
    # the needle as the pattern writes it, whose `\\` is a backslash (a line end written out, `\\r\\n`)
    assert all(shape.needle in shape.start.pattern.replace("\\\\", "\0").replace("\\", "").replace("\0", "\\")
               for shape in shapes())


def test_libcurls_debug_callback_as_pycurl_prints_it_gives_the_head_and_the_data_sent() -> None:
    # a DEBUGFUNCTION printing "debug(%d): %s" % (debug_type, debug_msg): 2 the head sent, 4 the data sent
    head = b"POST /v3/customers/1 HTTP/1.1\r\nHost: api.asaas.com\r\nContent-Length: 10\r\n\r\n"
    text, body = b"Connected to api.asaas.com (1.2.3.4) port 443\n", '{"a":"ç"}'.encode()
    lines = [f"debug(0): {text!r}", f"debug(2): {head!r}", f"debug(4): {body!r}", "debug(1): b'HTTP/1.1 200 OK\\r\\n'"]
    exchange = only(parse("httpdump", lines))
    assert (exchange.method, exchange.url, exchange.body) == (
        "POST", "https://api.asaas.com/v3/customers/1", '{"a":"ç"}'.encode())


@pytest.mark.parametrize("kind", [0, 1, 3])  # text, the head received, the data received: nothing sent
def test_libcurls_debug_text_and_what_it_received_are_no_request(kind: int) -> None:
    head = b"POST /v3/customers/1 HTTP/1.1\r\nHost: api.asaas.com\r\nContent-Length: 2\r\n\r\n{}"
    assert list(parse("httpdump", [f"debug({kind}): {head!r}"])) == []


def test_axios_config_with_a_base_url_and_a_body_split_over_lines() -> None:
    # (util.inspect's pieces joined by `+` are put back into one string before any reader sees them)
    lines = ["  config: {", "    headers: { 'Content-Type': 'application/json', 'X-N': 3 },",
             "    baseURL: 'https://api.asaas.com/v3/',", "    method: 'post',", "    url: 'transfers',",
             "    data: '{\\n' +", "      '  \"value\": 10\\n' +", "      '}'", "  },",
             "  config: {", "    method: 'get',", "    url: 'https://api.asaas.com/v3/cut-off',"]
    exchange = only(list(exchanges_in_lines(list(enumerate(lines, 1)), "error.log")))
    assert (exchange.url, exchange.headers, exchange.body) == (
        "https://api.asaas.com/v3/transfers", [("Content-Type", "application/json"), ("X-N", "3")],
        b'{\n  "value": 10\n}')


def test_http_client_head_and_body_in_one_send() -> None:
    data = b"PUT /v3/customers/1 HTTP/1.1\r\nHost: api.asaas.com\r\nContent-Length: 10\r\n\r\n{\"a\":\"\xc3\xa7\"}"
    exchange = only(parse("httpdump", [f"send: {data!r}"]))
    assert (exchange.method, exchange.url, exchange.body) == (
        "PUT", "https://api.asaas.com/v3/customers/1", '{"a":"ç"}'.encode())


def test_http_client_line_with_an_escape_repr_never_writes_is_read_without_a_warning() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")  # as Python 3.12 shows SyntaxWarning: printed to stderr
        exchange = only(parse("httpdump", ["send: b'GET /v1/invoices?q=\\s HTTP/1.1\\r\\nHost: api.iugu.com\\r\\n\\r\\n'"]))
    assert [str(warning.message) for warning in caught] == []
    assert exchange.url == "https://api.iugu.com/v1/invoices?q=\\s"


def test_urllib3_line_whose_port_cannot_be_read_is_no_request() -> None:
    lines = ['DEBUG:urllib3.connectionpool:http://api.iugu.com:\x0080 "POST /v1/transfers HTTP/1.1" 200 2',
             'DEBUG:urllib3.connectionpool:http://api.iugu.com:80 "GET /v1/invoices HTTP/1.1" 200 2']
    assert [exchange.url for exchange in parse("httpdump", lines)] == ["http://api.iugu.com/v1/invoices"]


def test_okhttp_bodies_that_are_not_shown() -> None:
    lines = [f"I/okhttp.OkHttpClient: {line}" for line in [
        "--> POST https://api.iugu.com/v1/a (23-byte body)", "Content-Type: application/json", "--> END POST",
        "--> POST https://api.iugu.com/v1/b http/1.1", "Content-Encoding: gzip", "",
        "--> END POST (encoded body omitted)",
        "--> GET https://api.iugu.com/v1/c", "Accept: */*",
        "<-- 200 OK https://api.iugu.com/v1/c (12ms)",
    ]]
    found = parse("httpdump", lines)
    assert [(e.url.rsplit("/", 1)[1], e.method, e.body, e.headers_known) for e in found] == [
        ("a", "POST", None, True), ("b", "POST", None, True), ("c", "GET", None, False)]
    assert found[2].header("Accept") == "*/*"


def test_okhttp_logcat_prefix_with_interleaved_lines_and_indented_body() -> None:
    body = '{\n  "a": 1\n}'
    lines = ["11-22 10:00:01.123  4321  4350 D OkHttp  : --> PUT https://api.asaas.com/v3/customers/1",
             "11-22 10:00:01.124  4321  4350 D OkHttp  : Content-Type: application/json",
             "11-22 10:00:01.124  4321  4399 I Choreographer: Skipped 30 frames!",
             "11-22 10:00:01.124  4321  4350 D OkHttp  :",
             *(f"11-22 10:00:01.125  4321  4350 D OkHttp  : {line}" for line in body.split("\n")),
             f"11-22 10:00:01.125  4321  4350 D OkHttp  : --> END PUT ({len(body)}-byte body)"]
    exchange = only(parse("httpdump", lines))
    assert (exchange.method, exchange.header("content-type"), exchange.body) == ("PUT", "application/json",
                                                                                body.encode())


def test_httpclient_interleaved_connections_and_chunked_body() -> None:
    w0 = "DEBUG org.apache.http.wire - http-outgoing-0 >> "
    w1 = "DEBUG org.apache.http.wire - http-outgoing-1 >> "
    lines = [w0 + '"POST /v1/a HTTP/1.1[\\r][\\n]"', w1 + '"POST /v1/b HTTP/1.1[\\r][\\n]"',
             w1 + '"Host: api.iugu.com[\\r][\\n]"', w0 + '"Host: api.iugu.com[\\r][\\n]"',
             w0 + '"Transfer-Encoding: chunked[\\r][\\n]"', w1 + '"Content-Length: 2[\\r][\\n]"',
             w0 + '"[\\r][\\n]"', w1 + '"[\\r][\\n]"', w1 + '"{}"',
             w0 + '"3[\\r][\\n]"', w0 + '"abc[\\r][\\n]"', w0 + '"2;x=y[\\r][\\n]"', w0 + '"[0x0][0xff][\\r][\\n]"',
             w0 + '"0[\\r][\\n]"', w0 + '"[\\r][\\n]"']
    found = parse("httpdump", lines)
    assert [(e.origin.line, e.path, e.body) for e in found] == [(2, "/v1/b", b"{}"), (1, "/v1/a", b"abc\x00\xff")]


def test_http_client_and_urllib3_lines_of_one_request_are_one_exchange() -> None:
    lines = ["DEBUG:urllib3.connectionpool:Starting new HTTP connection (1): api.iugu.com:80",
             "send: b'GET /v1/customers?limit=1 HTTP/1.1\\r\\nHost: api.iugu.com\\r\\nAccept: */*\\r\\n\\r\\n'",
             "reply: 'HTTP/1.1 200 OK\\r\\n'",
             'DEBUG:urllib3.connectionpool:http://api.iugu.com:80 "GET /v1/customers?limit=1 HTTP/1.1" 200 51',
             'DEBUG:urllib3.connectionpool:https://api.asaas.com:443 "POST /v3/transfers HTTP/1.1" 200 None']
    found = parse("httpdump", lines)
    assert [(e.origin.capture, e.method, e.url, e.headers_known) for e in found] == [
        ("http.client", "GET", "http://api.iugu.com/v1/customers?limit=1", True),
        ("urllib3", "POST", "https://api.asaas.com/v3/transfers", False)]
    assert found[0].header("accept") == "*/*"


def test_http_client_prints_logged_one_argument_a_record_are_read_as_one_send() -> None:
    """A Celery worker's redirected stdout logs each `write` of print apart: `send:`, its blank
    separator, then the bytes' repr, each after the worker's prefix."""
    prefix = "[2026-11-22 13:00:30,104: WARNING/ForkPoolWorker-2] "
    head = "b'POST /v1/invoices HTTP/1.1\\r\\nHost: api.iugu.com\\r\\nContent-Length: 2\\r\\n\\r\\n'"
    lines = [prefix + text for text in ("send:", " ", head, "send:", " ", "b'{}'", "reply:", " ",
                                        "'HTTP/1.1 200 OK\\r\\n'")]
    exchange = only(parse("httpdump", lines))
    assert (exchange.method, exchange.path, exchange.body) == ("POST", "/v1/invoices", b"{}")


# --- JSON request logs -------------------------------------------------------------------------

def test_jsonlog_headers_as_a_list_and_path_plus_host() -> None:
    record = {"time": "2026-11-22T10:00:01Z", "http_method": "post", "path": "/v1/transfer_requests",
              "query_string": "a=1", "server_name": "api.iugu.com", "scheme": "http",
              "headers": [{"name": "Signature", "value": "signature=abc"}, {"name": "Request-Time", "value": "t"},
                          {"name": "Accept", "value": "a"}, {"name": "Accept", "value": "b"}]}
    exchange = only(parse("jsonlog", [json.dumps(record)]))
    assert (exchange.method, exchange.url, exchange.time) == (
        "POST", "http://api.iugu.com/v1/transfer_requests?a=1", "2026-11-22T10:00:01Z")
    assert (exchange.header("signature"), exchange.header("request-time")) == ("signature=abc", "t")
    assert [value for name, value in exchange.headers if name == "Accept"] == ["a", "b"]


def test_jsonlog_nginx_access_log() -> None:
    token = secrets.token_hex(16)
    basic = base64.b64encode(f"{token}:".encode()).decode()
    body = r"{\x22amount_cents\x22:100,\x22n\x22:\x22\xC3\xA7\x22}"  # nginx escape=default
    line = ('{"time_iso8601": "2026-11-22T10:00:01-03:00", "request": "POST /v1/transfers?x=1 HTTP/1.1", '
            f'"host": "api.iugu.com", "http_authorization": "Basic {basic}", "http_signature": "-", '
            f'"http_user_agent": "okhttp/4.12", "request_body": "{body}"}}')
    # the shipped rules require Signature of records: a log that keeps it shows it missing
    exchange = only(list(jsonlog.exchanges([(1, line)], "access.json", load_rules().record_headers)))
    carries = exchange.header("Authorization") == f"Basic {basic}"
    assert carries, "http_authorization must become the Authorization header"
    assert (exchange.method, exchange.url, exchange.header("signature"), exchange.headers_known) == (
        "POST", "https://api.iugu.com/v1/transfers?x=1", None, True)
    assert exchange.body == '{"amount_cents":100,"n":"ç"}'.encode()
    assert exchange.header("user-agent") == "okhttp/4.12"


def test_jsonlog_body_object_and_prefixed_lines() -> None:
    lines = ['2026-11-22T10:00:01Z stdout F {"req": {"method": "POST", "url": "/v3/transfers", '
             '"headers": {"host": "api.asaas.com"}, "body": {"value": 10.5, "pixAddressKey": "x"}}}',
             "not json {", '["a", "list"]', '{"method": "GET"}', '{"message": "no request here"}']
    exchange = only(parse("jsonlog", lines))
    assert (exchange.url, exchange.body) == ("https://api.asaas.com/v3/transfers",
                                             b'{"value":10.5,"pixAddressKey":"x"}')


def test_jsonlog_nginx_uri_is_a_path_and_the_request_line_keeps_the_query() -> None:
    found = parse("jsonlog", [
        '{"request": "GET /v1/invoices?api_token=t HTTP/1.1", "uri": "/v1/invoices", "host": "api.iugu.com"}',
        '{"request_method": "GET", "uri": "/v1/invoices", "args": "api_token=t", "host": "api.iugu.com"}'])
    assert [e.url for e in found] == ["https://api.iugu.com/v1/invoices?api_token=t"] * 2


def test_jsonlog_without_headers_says_headers_are_unknown() -> None:
    exchange = only(parse("jsonlog", ['{"request": "POST /v1/transfer_requests HTTP/1.1", "host": "api.iugu.com"}']))
    assert exchange.headers_known is False


# --- robustness --------------------------------------------------------------------------------

def _fragments() -> list[str]:
    """Lines of real captures, so random mixes reach deep parser states (with a placeholder
    token: hypothesis prints the lines of a failing example)."""
    request = Signed(token="not-a-token")
    lines = [line for writer, _, _ in FORMS.values() for line in writer(request)]
    return [*lines, "curl -d 'x", "curl $'\\u", "curl \"a\\", "--> END POST (5-byte body)", "-->",
                    "send: b'\\x'", "0[\\r][\\n]", "Transfer-Encoding: chunked", "Content-Length: -1",
                    "Content-Length: 99999999999999999999", "POST http://[::1 HTTP/1.1", "Host: [",
                    '{"request": "GET http://[x HTTP/1.1"}', '{"url": {"full": 1}, "method": []}', "{" * 3000,
                    "      Sending HTTP request POST https://api.iugu.com/v1/x", "      Request Headers:",
                    "trce: System.Net.Http.HttpClient.x.ClientHandler[102]", 'X-A: "open', "request: GET http://[::1/",
                    "  config: {", "    url: 'https://", "    data: '{' +", "    headers: {", "    },", "  }",
                    "> GET /v1/a HTTP/1.1", "* upload completely sent off", "---> END HTTP (3-byte body)"]


_LINE = st.one_of(st.text(max_size=200), st.sampled_from(_fragments()),
                  st.builds(lambda line, cut: line[:cut], st.sampled_from(_fragments()), st.integers(0, 120)))


@pytest.mark.parametrize("parser", PARSERS)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(_LINE, max_size=40))
def test_parsers_never_raise(parser: str, lines: list[str]) -> None:
    for exchange in PARSERS[parser](numbered(lines), "fuzz"):
        parts = urlsplit(exchange.url)  # request rules can always split what a parser yields
        assert parts.scheme in ("http", "https") and parts.hostname and exchange.method.isupper()
        assert exchange.body is None or isinstance(exchange.body, bytes)
        assert 1 <= exchange.origin.line <= len(lines)


def test_a_faraday_body_over_lines_ends_where_its_json_closes() -> None:
    """The body is one log message: its lines after the first carry no prefix and are read while
    the JSON document is open (braces inside strings do not count); the bare line after it is
    another program's."""
    prefix = "I, [2026-11-22T10:00:00.123456 #1]  INFO -- request: "
    lines = [f"{prefix}POST {URL}", f'{prefix}Content-Type: "application/json"', f'{prefix}{{', '"note":"a } b",',
             '"n":1', "}", "worker heartbeat ok"]
    exchange = only(parse("httpdump", lines))
    assert exchange.body == b'{\n"note":"a } b",\n"n":1\n}'


def test_faraday_through_a_formatter_that_drops_its_progname_is_read_by_its_quoted_headers() -> None:
    """Rails' SimpleFormatter drops Faraday's `request` progname, and TaggedLogging tags each message's first line:
    the bare `POST <url>` line is the request whose headers the quoted lines under it are, and whose body the JSON
    document after them is; the response's lines, tagged the same, are not its."""
    tag = "[0b7f2e4c-1a2b-4c3d-8e9f-a0b1c2d3e4f5] "
    lines = [f"{tag}POST {URL}", f'{tag}Content-Type: "application/json"', 'Signature: "signature=abc="',
             f"{tag}{{", '"n":1', "}", f"{tag}Status 422", f'{tag}content-type: "application/json"']
    exchange = only(parse("httpdump", lines))
    assert (exchange.url, exchange.headers, exchange.body, exchange.headers_known) == (
        URL, [("Content-Type", "application/json"), ("Signature", "signature=abc=")], b'{\n"n":1\n}', True)


def test_a_request_flattened_onto_one_line_is_read_by_its_headers_without_its_body() -> None:
    line = ('[2026-11-22T10:00:00+00:00] app.INFO: POST /v1/transfer_requests HTTP/1.1 Host: api.iugu.com '
            'Request-Time: 2026-11-22T10:00:00-03:00 Signature: signature=abc= access_token: k '
            'Content-Length: 9 {"a": "b"} [] []')
    exchange = only(parse("httpdump", [line]))
    assert exchange.url == URL and exchange.body is None
    assert exchange.headers == [("Host", "api.iugu.com"), ("Request-Time", "2026-11-22T10:00:00-03:00"),
                                ("Signature", "signature=abc="), ("access_token", "k"), ("Content-Length", "9")]


def test_a_string_left_open_on_a_body_line_opens_no_bracket() -> None:
    """A quote never closed on its line runs to the line's end (a JSON string never spans lines):
    a brace after it is the string's, so the body's document closes at its `}` and the bare line
    after it is another program's."""
    prefix = "I, [2026-11-22T10:00:00.123456 #1]  INFO -- request: "
    lines = [f"{prefix}POST {URL}", f'{prefix}Content-Type: "application/json"', f"{prefix}{{", '"note": "a { b',
             "}", "worker heartbeat ok"]
    exchange = only(parse("httpdump", lines))
    assert exchange.body == b'{\n"note": "a { b\n}'


def test_header_values_keep_their_inner_blanks_and_lose_their_trailing_ones() -> None:
    """A flattened request's last header and an aligned (mitmdump) header: blanks inside the
    value are the value's, blanks after it are the line's."""
    flat = f"[2026-11-22T10:00:00+00:00] app.INFO: POST /v1/transfer_requests HTTP/1.1 Host: api.iugu.com X-Note: a   b   "
    assert only(parse("httpdump", [flat])).headers == [("Host", "api.iugu.com"), ("X-Note", "a   b")]
    aligned = [f"127.0.0.1:50412: POST {URL}", "    X-Note:   a   b   \t ", "    content-length: 0", "", " << 200 OK 0b"]
    assert ("X-Note", "a   b") in only(parse("httpdump", aligned)).headers


@pytest.mark.parametrize(("line", "url"), [
    # Envoy's default access log format: the authority the quoted field before the upstream host's
    ('[2026-11-22T13:00:00.123Z] "POST /v3/transfers HTTP/1.1" 201 - 94 11 32 31 "-" "payouts/3.1" '
     '"5f3c9a2e-7b1d" "api.asaas.com" "200.155.0.10:443"', "https://api.asaas.com/v3/transfers"),
    # Istio's: fields after the upstream host, none quoted
    ('[2026-11-22T13:00:00.123Z] "POST /v3/transfers HTTP/1.1" 201 - via_upstream - "-" 94 11 32 31 "-" "payouts/3.1" '
     '"5f3c9a2e" "api.asaas.com" "200.155.0.10:443" outbound|443||api.asaas.com 10.0.0.7:41234 - -',
     "https://api.asaas.com/v3/transfers"),
    # Apache's combined log: a referer and a User-Agent quoted after the request line, no authority
    ('10.0.0.7 - - [22/Nov/2026:13:00:00 +0000] "POST /v3/transfers HTTP/1.1" 201 11 "https://shop.example/pay" '
     '"payouts/3.1"', None)])
def test_an_access_log_line_naming_the_authority_apart_is_the_request_to_it(line: str, url: str | None) -> None:
    found = [(e.method, e.url, e.headers, e.headers_known) for e in httpdump.exchanges([(1, line)], "access.log")]
    assert found == ([("POST", url, [], False)] if url else [])


@pytest.mark.parametrize(("port", "scheme"), [("00080", "http"), ("00443", "https")])
def test_a_flow_name_before_the_request_line_says_where_it_went(port: str, scheme: str) -> None:
    # tcpflow -c: each segment after its flow's name, `<source>.<port>-<destination>.<port>: `, zero-padded
    lines = [f"010.000.000.007.50412-200.155.000.010.{port}: POST /v3/transfers HTTP/1.1\r", "Host: api.asaas.com\r",
             "Content-Length: 2\r", "\r", "{}", ""]
    found = [(e.url, e.body) for e in httpdump.exchanges(enumerate(lines, 1), "flows.txt")]
    assert found == [(f"{scheme}://api.asaas.com/v3/transfers", b"{}")]


def test_a_head_whose_every_value_is_quoted_was_quoted_by_its_printer_and_one_quoted_value_is_its_own() -> None:
    """A request file's head (a `.http` file, a log that writes one the same way): each value in double quotes, as
    Ruby's inspect prints each, is the string's inside; an ETag's quotes alone among plain values are sent."""
    printed = ["POST https://api.iugu.com/v1/transfer_requests", 'Content-Type: "application/json"',
               'Request-Time: "2026-11-22T13:00:00-03:00"', 'X-Note: "say \\"hi\\""']
    etag = ["PUT https://api.iugu.com/v1/customers/1", "Content-Type: application/json", 'If-Match: "33a64df5"']
    [quoted] = exchanges_in_lines(list(enumerate(printed, 1)), "requests.http")
    [plain] = exchanges_in_lines(list(enumerate(etag, 1)), "requests.http")
    assert quoted.headers == [("Content-Type", "application/json"), ("Request-Time", "2026-11-22T13:00:00-03:00"),
                              ("X-Note", 'say "hi"')]
    assert plain.headers == [("Content-Type", "application/json"), ("If-Match", '"33a64df5"')]
