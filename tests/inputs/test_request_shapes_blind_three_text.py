"""A third blind corpus, of requests written as TEXT: the four money-out requests of
:mod:`helpers.signed_shapes` (iugu transfers unsigned, signed with the client's real key and with
another key, an Asaas transfer) as key=value log records, packet-capture text, request files
(.http, Hurl) and HTTP clients' debug output that none of the readers was shaped by.

Each shape quotes the public documentation (or the source) it follows. Where the shape shows the
body as sent, the signatures are judged against the client's public key; where it cannot (a
capture that writes the body's line breaks as dots, a client that logs headers only), only the
unsigned transfers are findings and both signatures stay unverified. A shape the readers cannot
take yet is an expected failure, strict, with the reason.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers.credentials import asaas_key, iugu_token
from helpers.running import request_rules, scan_json, scanned_requests
from helpers.signed_shapes import Request, case

_BARE = re.compile(r"[^\s=\"]+")  # a logfmt value written without quotes


def _head(request: Request, target: str = "") -> list[str]:
    """The request line and headers as HTTP/1.1 sends them (Host first, Content-Length last)."""
    return [f"{request.method} {target or request.path} HTTP/1.1", f"Host: {request.host}",
            *(f"{name}: {value}" for name, value in request.headers), f"Content-Length: {len(request.body.encode())}"]


def _logfmt(value: str) -> str:
    """A value as Go's log/slog TextHandler and logrus's TextFormatter write it: bare when it
    needs no quotes, else quoted as strconv.Quote quotes (JSON's escapes, for this text)."""
    return value if _BARE.fullmatch(value) else json.dumps(value)


def slog_text_groups(request: Request) -> list[str]:
    # Go's log/slog TextHandler (pkg.go.dev/log/slog#TextHandler: "a sequence of key=value pairs
    # separated by spaces", a group's attributes' keys "qualified by the group name" with a dot;
    # values quoted with strconv.Quote when they need it): slog.Group("req", "method", …, "url", …,
    # slog.Group("headers", …), "body", …).
    pairs = [("time", "2026-11-22T13:00:00.000Z"), ("level", "DEBUG"), ("msg", "outbound call"),
             ("req.method", request.method), ("req.url", request.url),
             *((f"req.headers.{name}", value) for name, value in request.headers), ("req.body", request.body)]
    return [" ".join(f"{key}={_logfmt(value)}" for key, value in pairs)]


def slog_text_dump(request: Request) -> list[str]:
    # The same handler with the request as httputil.DumpRequestOut wrote it (pkg.go.dev/net/http/
    # httputil#DumpRequestOut) given as one attribute: the CR LF line ends written `\r\n` inside
    # the quoted value.
    dump = "\r\n".join(_head(request) + ["", request.body])
    return [f"time=2026-11-22T13:00:00.000Z level=DEBUG msg=\"outbound request\" dump={_logfmt(dump)}"]


def logrus_text(request: Request) -> list[str]:
    # logrus's TextFormatter without a TTY (github.com/sirupsen/logrus, text_formatter.go: `time=…
    # level=… msg=…` and the fields sorted by key, each quoted when it holds a character outside
    # [A-Za-z0-9-._/@^+]) over logrus.WithFields with the headers one field each under `header.`.
    fields = {"method": request.method, "url": request.url, "body": request.body}
    fields |= {f"header.{name}": value for name, value in request.headers}
    return ['time="2026-11-22T13:00:00Z" level=debug msg="outbound call" '
            + " ".join(f"{key}={_logfmt(fields[key])}" for key in sorted(fields))]


def ngrep_byline(request: Request) -> list[str]:
    # ngrep -W byline (the ngrep(8) manual, github.com/jpr5/ngrep/blob/master/ngrep.8: "-W byline"
    # honours line feeds in the payload; every other unprintable byte, the CR of a CR LF among them,
    # is written as `.`): `T <src> -> <dst> [AP] #<n>`, the payload, `##` between packets.
    head = [f"{line}." for line in _head(request)]
    return ["####", f"T 10.0.0.7:51234 -> 10.0.5.20:80 [AP] #4", *head, ".", *request.body.split("\n"), "##"]


def ngrep_default(request: Request) -> list[str]:
    # ngrep's default output (the same manual, without -W): the packet's payload on one line indented
    # by two blanks, every unprintable byte a `.` — CR LF is `..`, and the body's own line feeds are
    # dots too, so the body is not the bytes sent.
    payload = "..".join(_head(request) + ["", request.body.replace("\n", ".")])
    return ["", f"T 10.0.0.7:51234 -> 10.0.5.20:80 [AP] #4", f"  {payload}", ""]


def tcpdump_ascii(request: Request) -> list[str]:
    # tcpdump -A (tcpdump(1), www.tcpdump.org/manpages/tcpdump.1.html: "Print each packet (minus its
    # link level header) in ASCII"): the summary line, then the IP and TCP headers' bytes as dots and
    # stray characters, run into the payload's first line; CR LF printed as a line feed.
    body = len(request.body.encode())
    summary = (f"13:00:00.123456 IP 10.0.0.7.51234 > 10.0.5.20.80: Flags [P.], seq 1:{300 + body}, ack 1, "
               f"win 502, length {300 + body}")
    head = _head(request)
    return [summary, "E..9..@.@.Y.....", f"...P.....'.....{head[0]}", *head[1:], "", *request.body.split("\n"), ""]


def wireshark_text(request: Request) -> list[str]:
    # Wireshark's File > Export Packet Dissections > As Plain Text, details expanded, as `tshark -V`
    # prints them too (wireshark.org/docs/wsug_html_chunked/ChIOExportSection.html): the HTTP tree,
    # each line of the head with its `\r\n` written out, the dissector's own fields in brackets or
    # indented below, the JSON body as a tree of members (not its bytes).
    head = _head(request)
    return ["Frame 4: 420 bytes on wire (3360 bits), 420 bytes captured (3360 bits) on interface eth0, id 0",
            "Transmission Control Protocol, Src Port: 51234, Dst Port: 80, Seq: 1, Ack: 1, Len: 354",
            "Hypertext Transfer Protocol", f"    {head[0]}\\r\\n",
            f"        [Expert Info (Chat/Sequence): {head[0]}\\r\\n]", f"            [{head[0]}\\r\\n]",
            "            [Severity level: Chat]", "            [Group: Sequence]",
            f"        Request Method: {request.method}", f"        Request URI: {request.path}",
            "        Request Version: HTTP/1.1", *(f"    {line}\\r\\n" for line in head[1:]),
            f"        [Content length: {len(request.body.encode())}]", "    \\r\\n",
            f"    [Full request URI: http://{request.host}{request.path}]", "    [HTTP request 1/1]",
            f"    File Data: {len(request.body.encode())} bytes", "JavaScript Object Notation: application/json",
            "    Object", "        Member: amount_cents", "            [Path: /amount_cents]", ""]


def rest_client_http(request: Request) -> list[str]:
    # A VS Code REST Client request file (github.com/Huachao/vscode-restclient, README "Usage": the
    # request line `METHOD URL HTTP/1.1`, headers, a blank line, the body; requests in one .http file
    # separated by `###`; a comment line `# @name …` names a request).
    return ["###", "# @name transfer", *_head(request, request.url)[:1], *_head(request)[2:-1], "",
            *request.body.split("\n"), ""]


def rest_client_variables(request: Request) -> list[str]:
    # The same file with file variables (vscode-restclient README, "File Variables": `@name = value`
    # defined in the file, referenced as `{{name}}` in the request line, headers and body).
    return ["@baseUrl = " + f"https://{request.host}", "", "###",
            f"{request.method} {{{{baseUrl}}}}{request.path} HTTP/1.1", *_head(request)[2:-1], "",
            *request.body.split("\n"), ""]


def jetbrains_http(request: Request) -> list[str]:
    # A JetBrains HTTP Client file (jetbrains.com/help/idea/exploring-http-syntax.html): `###` between
    # requests, a request line without the HTTP version, headers, a blank line, the body, then a
    # response handler script `> {% … %}` and a response reference `<> …`.
    return ["### transfer", f"{request.method} {request.url}", *_head(request)[2:-1], "",
            *request.body.split("\n"), "", "> {%", '    client.test("ok", () => client.assert(response.status === 200));',
            "%}", "<> 2026-11-22T130000.200.json", ""]


def hurl(request: Request) -> list[str]:
    # A Hurl file (hurl.dev/docs/request.html, hurl.dev/docs/hurl-file.html): `METHOD URL`, headers
    # `Name: value`, a body (here a JSON body, sent as written), then the response `HTTP 200`;
    # comments start with `#`.
    return [f"# {request.host} transfer", f"{request.method} {request.url}", *_head(request)[2:-1],
            *request.body.split("\n"), "", "HTTP 200", ""]


def toolbelt_dump_all(request: Request) -> list[str]:
    # requests-toolbelt's dump_all (toolbelt.readthedocs.io/en/latest/dumputils.html; requests_toolbelt/
    # utils/dump.py _dump_request_data): every request line prefixed `< ` (responses `> `), the prefix
    # written before the request line, each header, the blank line and the body's start, CR LF after
    # each; printed with print(data.decode('utf-8')).
    head = [f"< {line}" for line in _head(request)]
    body = request.body.split("\n")
    return [*head, "< ", f"< {body[0]}", *body[1:], "> HTTP/1.1 200 OK", "> Content-Type: application/json", "> ",
            '> {"id":"t1"}']


def tesla_logger(request: Request) -> list[str]:
    # Elixir Tesla's Tesla.Middleware.Logger with debug on (hexdocs.pm/tesla/Tesla.Middleware.Logger.html;
    # lib/tesla/middleware/logger.ex): `POST <url> -> 200 (12.345 ms)` at info, then at debug
    # ">>> REQUEST >>>", the query ("(no query)"), the headers `name: value`, the body right after
    # them, a blank line and "<<< RESPONSE <<<"; Elixir's Logger writes its prefix on a message's
    # first line only.
    return [f"13:00:00.123 [info] {request.method} {request.url} -> 200 (12.345 ms)",
            "13:00:00.124 [debug] >>> REQUEST >>>", "(no query)", *(f"{name}: {value}" for name, value in request.headers),
            *request.body.split("\n"), "", "<<< RESPONSE <<<", "content-type: application/json", "", '{"id":"t1"}']


def _rust_escape(data: bytes) -> str:
    """The bytes as reqwest's verbose connection writes them (its Escape: `\\r`, `\\n`, `\\"`,
    `\\\\` and `\\x..` escapes, printable ASCII as it is)."""
    named = {13: "\\r", 10: "\\n", 9: "\\t", 34: '\\"', 92: "\\\\"}
    return "".join(named.get(byte) or (chr(byte) if 32 <= byte < 127 else f"\\x{byte:02x}") for byte in data)


def reqwest_verbose(request: Request) -> list[str]:
    # Rust reqwest with ClientBuilder::connection_verbose(true) (docs.rs/reqwest/latest/reqwest/struct.
    # ClientBuilder.html#method.connection_verbose: "log TRACE events for read and write operations on
    # connections"; src/connect.rs verbose: `{:08x} write: b"…"`), through tracing-subscriber's fmt
    # layer: the head in one write, the body in the next.
    prefix = "2026-11-22T13:00:00.123456Z TRACE reqwest::connect::verbose: 1a2b3c4d write: "
    head = "\r\n".join(_head(request)) + "\r\n\r\n"
    return [f'{prefix}b"{_rust_escape(head.encode())}"', f'{prefix}b"{_rust_escape(request.body.encode())}"',
            '2026-11-22T13:00:00.301234Z TRACE reqwest::connect::verbose: 1a2b3c4d read: b"HTTP/1.1 200 OK\\r\\n\\r\\n"']


def logcat_okhttp(request: Request) -> list[str]:
    # OkHttp's HttpLoggingInterceptor at Level.BODY (square.github.io/okhttp/features/interceptors/,
    # okhttp-logging-interceptor) on Android, as `adb logcat -v threadtime` prints it
    # (developer.android.com/tools/logcat: date, time, PID, TID, priority, tag, message).
    lines = [f"--> {request.method} {request.url}", *(f"{name}: {value}" for name, value in request.headers),
             f"Content-Length: {len(request.body.encode())}", "", *request.body.split("\n"),
             f"--> END {request.method} ({len(request.body.encode())}-byte body)"]
    return [f"11-22 13:00:00.{n:03d}  4242  4311 I okhttp.OkHttpClient: {line}" for n, line in enumerate(lines)]


def wget_debug(request: Request) -> list[str]:
    # GNU Wget's --debug output (gnu.org/software/wget/manual/wget.html, "-d --debug"; src/http.c):
    # "---request begin---", the request head as sent, "---request end---", then `[POST data: …]`
    # holding the body as given.
    head = _head(request)
    return ["Setting --post-data (postdata) to ...", "---request begin---", head[0], "User-Agent: Wget/1.21.4",
            *head[1:], "", "---request end---", f"[POST data: {request.body}]", "",
            "---response begin---", "HTTP/1.1 200 OK", "---response end---"]


def syslog_curl_verbose(request: Request) -> list[str]:
    # curl -v (curl.se/docs/manpage.html#-v: "> " data sent, "< " received, "* " info) piped through
    # logger(1) into a BSD syslog file (RFC 3164 section 4.1: `Mmm dd hh:mm:ss HOST TAG[PID]: MSG`).
    # curl -v never shows the body it sends.
    lines = ["*   Trying 200.155.0.10:443...", *(f"> {line}" for line in _head(request)), ">",
             "< HTTP/1.1 200 OK"]
    return [f"Nov 22 13:00:00 app-1 payouts[4242]: {line}" for line in lines]


def markdown_curl(request: Request) -> list[str]:
    # A curl example in a Markdown document of an internal API (CommonMark 0.31, "Fenced code blocks";
    # curl.se/docs/manpage.html: -X, -H, --data-raw), its body in single quotes over several lines.
    headers = [f"  -H '{name}: {value}' \\" for name, value in request.headers]
    return ["## Paying out", "", "```bash", f"curl -X {request.method} '{request.url}' \\", *headers,
            f"  --data-raw '{request.body}'", "```", ""]


def w3c_extended(request: Request) -> list[str]:
    # The W3C Extended Log File Format as IIS writes it (w3.org/TR/WD-logfile.html; learn.microsoft.com/
    # iis/configuration/system.applicationhost/sites/site/logfile/customfields): the `#Fields:`
    # directive names the columns, `cs(<header>)` a request header (custom fields), blanks in a
    # value written `+`, `-` for a header absent. Requests as an IIS reverse proxy (ARR) received them:
    # no body is logged.
    names = ["Content-Type", "User-Agent", "Request-Time", "Signature", "access_token"]
    present = dict(request.headers)
    fields = ("#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port c-ip cs-host "
              + " ".join(f"cs({name})" for name in names) + " sc-status")
    values = ["2026-11-22", "13:00:00", "10.0.5.20", request.method, request.path, "-", "443", "10.0.0.7",
              request.host, *(present.get(name, "-").replace(" ", "+") for name in names), "200"]
    return ["#Software: Microsoft Internet Information Services 10.0", "#Version: 1.0", "#Date: 2026-11-22 13:00:00",
            fields, " ".join(values)]


# packet captures of port 80, which each says before the request (tcpdump's and ngrep's summary lines,
# Wireshark's TCP line): the requests went over plain HTTP, whatever their Host header says
SHAPES = [case(shape) for shape in (
    slog_text_groups, slog_text_dump, logrus_text, rest_client_http, rest_client_variables, jetbrains_http, hurl,
    toolbelt_dump_all, tesla_logger, reqwest_verbose, logcat_okhttp, wget_debug)] + [
    case(shape, plaintext=True) for shape in (ngrep_byline, tcpdump_ascii)] + [case(markdown_curl, "README.md")]
# shapes that never show the body as sent: curl -v shows none, IIS logs none, ngrep's default
# output writes the body's line feeds as dots, Wireshark dissects a JSON body into a tree
HEADERS_ONLY = [case(syslog_curl_verbose), case(w3c_extended)] + [
    case(shape, plaintext=True) for shape in (ngrep_default, wireshark_text)]
NO_HEADERS: list[object] = []


# --- text that looks like a request but is none ----------------------------------------------------

def _request_file(asaas: str, iugu: str) -> str:
    """A REST Client file with an Asaas and an iugu transfer, their credentials as given."""
    return "\n".join([
        "### create a transfer", "POST https://api.asaas.com/v3/transfers", "Content-Type: application/json",
        f"access_token: {asaas}", "", '{"value": 100.5, "pixAddressKey": "payouts@example.com"}', "", "###",
        "POST https://api.iugu.com/v1/transfer_requests", "Content-Type: application/json", "",
        '{"api_token":"%s","amount_cents":1050}' % iugu, ""])


def test_a_request_file_with_values_is_read_as_the_requests_it_sends(tmp_path: Path) -> None:
    (tmp_path / "payouts.http").write_text(_request_file(asaas_key(), iugu_token()))
    assert scanned_requests(tmp_path / "payouts.http") == ["asaas-unsigned-transfer", "iugu-unsigned-transfer"]


@pytest.mark.parametrize(("asaas", "iugu"), [("{{asaas_token}}", "{{iugu_token}}"), ("<your Asaas key>", "<API_TOKEN>")],
                         ids=["template_variables", "angle_placeholders"])
def test_a_template_or_a_placeholder_is_no_request_sent(asaas: str, iugu: str, tmp_path: Path) -> None:
    # A request file's `{{variables}}` (vscode-restclient README, "Variables") and an API document's
    # `<your key>`: what a request holds before anyone sent it.
    (tmp_path / "payouts.http").write_text(_request_file(asaas, iugu))
    (tmp_path / "API.md").write_text("```http\n" + _request_file(asaas, iugu) + "```\n")
    assert scanned_requests(tmp_path) == []


@pytest.mark.parametrize("signature", ["signature=<base64 signature>", "algorithm=RSA-SHA256, keyVersion=1, signature=<sig>"])
@pytest.mark.parametrize("authorization", ["Basic <base64(token:)>", "Basic <token>"])
def test_a_document_s_placeholder_in_a_field_of_a_value_is_no_request_sent(signature: str, authorization: str,
                                                                           tmp_path: Path) -> None:
    # An API guide's example of a signed transfer: the placeholder stands after the field's name or the
    # scheme, not alone; the request is the document's, and its signature neither bad nor missing.
    path = tmp_path / "SIGNING.md"
    path.write_text("```\nPOST https://api.iugu.com/v1/transfers HTTP/1.1\nHost: api.iugu.com\n"
                    f"Authorization: {authorization}\nContent-Type: application/json\nSignature: {signature}\n"
                    'Request-Time: 2024-01-01T00:00:00-03:00\n\n{"amount_cents": 1050}\n```\n')
    assert scanned_requests(path) == []


def test_a_method_and_url_in_prose_are_no_request_file(tmp_path: Path) -> None:
    path = tmp_path / "NOTES.md"
    path.write_text("Payouts go out as\n\nPOST https://api.iugu.com/v1/transfer_requests\n"
                    "which must carry the Signature and Request-Time headers.\n")
    assert scanned_requests(path) == []


def test_a_logfmt_line_that_logs_no_headers_cannot_show_a_missing_signature(tmp_path: Path) -> None:
    # Heroku's router log (devcenter.heroku.com/articles/http-routing#heroku-router-log-format): method,
    # path and host as pairs, never a header; the request is read (its URL) but not called unsigned.
    path = tmp_path / "router.log"
    path.write_text('2026-11-22T13:00:00+00:00 heroku[router]: at=info method=POST path="/v1/transfer_requests" '
                    'host=api.iugu.com request_id=8601b555 fwd="10.0.0.7" dyno=web.1 connect=0ms service=12ms '
                    'status=201 bytes=120 protocol=https\n')
    report, _ = scan_json(str(path))
    assert request_rules(report) == []
