"""A tenth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu
transfers unsigned, signed with the client's real key and with another key, an Asaas transfer) as
HTTP client libraries the other corpora do not show log them — Alamofire's `debugDescription`,
Tornado's curl client, http4k's `PrintRequest`, Ruby's httpx with `HTTPX_DEBUG`, libsoup's
`SoupLogger`, R's `httr::verbose()`, Perl LWP's `HTTP::Request::dump`, Node's needle with
`NODE_DEBUG`, Go's imroc/req dump of an HTTP/2 request and gorequest's debug log, Scala's sttp
logging backend — and, in the second half, CONCURRENT requests: the four and an unrelated GET sent
at once by worker threads, tasks or streams whose lines INTERLEAVE in one log, each line (or each
block a logger writes at once) carrying the thread, connection, transfer or stream it belongs to as
the logger writes it. Each request must be judged on its own lines: the signed transfer never
unsigned, the unsigned one reported once, no bad signature from another request's body.

Each shape quotes the public documentation (or the source) it follows. The request checks are
the ones every blind corpus passes (:mod:`test_request_shape_corpora`): ``SHAPES`` show the body as
sent, ``HEADERS_ONLY`` never do. The concurrent shapes are checked here (their lines are not one
request's). A shape the readers cannot take yet is an expected failure, strict, with what they miss.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import pytest

from helpers.signed_shapes import Request, assert_shape_findings, case, go_canonical, requests

AGENT = "payouts/3.1"


def _length(request: Request) -> str:
    return str(len(request.body.encode()))


def _ruby_inspect(text: str) -> str:
    """String#inspect of ASCII text: JSON's escapes are Ruby's."""
    return json.dumps(text)


# --- Swift, Python, Kotlin ------------------------------------------------------------------------

def _indented(text: str, spaces: int = 4) -> str:
    """Alamofire's String.indentingNewlines(by:): every line break followed by the spaces."""
    return text.replace("\n", "\n" + " " * spaces)


def alamofire_debug_description(request: Request) -> list[str]:
    # Alamofire 5's `debugPrint(response)` of a DataResponse (github.com/Alamofire/Alamofire Source/Core/
    # Response.swift, `debugDescription` and the private DebugDescription enum: `[Request]: <method> <url>`,
    # then `[Headers]:` — the URLRequest's headers sorted by lower-cased name, `Name: value` a line — and
    # `[Body]:` — the body decoded as UTF-8 when its Content-Type contains json/xml/text and it is at most
    # 100,000 bytes, its surrounding white space trimmed — each nested part indented by
    # indentingNewlines(by: 4), i.e. after every line break of the text, the body's own included;
    # then `[Response]:`, `[Network Duration]:`, `[Serialization Duration]:`, `[Result]:`).
    headers = sorted([*request.headers, ("Accept-Encoding", "br;q=1.0, gzip;q=0.9, deflate;q=0.8"),
                      ("Accept-Language", "pt-BR;q=1.0, en;q=0.9")], key=lambda pair: pair[0].lower())
    listed = "\n".join(f"{name}: {value}" for name, value in headers)
    head = f"[Headers]:\n    {_indented(listed)}"
    body = f"[Body]:\n    {_indented(request.body.strip())}"
    text = (f"[Request]: {request.method} {request.url}\n    {_indented(head)}\n    {_indented(body)}\n"
            "[Response]:\n    [Status Code]: 201\n    [Headers]:\n        Content-Type: application/json\n"
            '    [Body]:\n        {"id":"t1"}\n[Network Duration]: 0.3124s\n[Serialization Duration]: 0.0001s\n'
            '[Result]: success(Optional(11 bytes))')
    return text.split("\n")


def tornado_curl_debug(request: Request) -> list[str]:
    # Tornado's CurlAsyncHTTPClient with the `tornado.curl_httpclient` logger at DEBUG (tornado/curl_httpclient.py
    # `_curl_debug`: `debug_types = ("I", "<", ">", "<", ">")`; a header block's lines each logged as
    # `curl_log.debug("%s %s", debug_types[debug_type], line)` — str.splitlines(), so the block's last empty
    # line too —, data sent (debug type 4) as `curl_log.debug("%s %r", …)`: the repr of the bytes), through
    # tornado.log's LogFormatter (`[%(levelname)1.1s %(asctime)s %(module)s:%(lineno)d] %(message)s`, date
    # `%y%m%d %H:%M:%S`).
    head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}", "Accept: */*",
            "Accept-Encoding: gzip", *(f"{name}: {value}" for name, value in request.headers),
            f"Content-Length: {_length(request)}"]
    lines = [f"[D 261122 13:00:00 curl_httpclient:556] I Connected to {request.host} (200.155.0.10) port 443"]
    sent = "\r\n".join(head) + "\r\n\r\n"
    lines += [f"[D 261122 13:00:00 curl_httpclient:560] > {line}" for line in sent.splitlines()]
    return lines + [f"[D 261122 13:00:00 curl_httpclient:562] > {request.body.encode()!r}",
                    "[D 261122 13:00:00 curl_httpclient:560] < HTTP/1.1 201 Created"]


def http4k_print_request(request: Request) -> list[str]:
    # http4k's DebuggingFilters.PrintRequest() before its ApacheClient (github.com/http4k/http4k http4k-core
    # .../filter/DebuggingFilters.kt: `out.println(listOf("***** REQUEST: ${req.method}: ${req.uri} *****",
    # req.printable()).joinToString("\n"))`; HttpMessage.toMessage(): `<method> <uri> HTTP/1.1`, the headers as
    # `Name: value` each ended by CR LF, a CR LF, the body — joined by CR LF: System.out keeps the CRs).
    message = "\r\n".join([f"{request.method} {request.url} HTTP/1.1",
                           "".join(f"{name}: {value}\r\n" for name, value in request.headers), request.body])
    return f"***** REQUEST: {request.method}: {request.url} *****\n{message}".split("\n")


# --- Ruby, C, R, Perl ------------------------------------------------------------------------------

def _httpx_lines(request: Request) -> list[str]:
    """What httpx's HTTP/1 parser logs of one request at debug level 2 (lib/httpx/connection/http1.rb
    join_headers and join_body): `<- HEADLINE: "<request line>"` (inspected), `<- HEADER: Name: value`
    a header — names capitalized part by part on `-` —, `<- `, `<- DATA: <n> bytes...` and, at level 2,
    `<- ` and the chunk's #inspect."""
    headers = [(go_canonical(name), value) for name, value in request.headers]
    headers += [("Accept", "*/*"), ("Content-Length", _length(request)), ("Host", request.host)]
    lines = [f"<- HEADLINE: {_ruby_inspect(f'{request.method} {request.path} HTTP/1.1')}",
             *(f"<- HEADER: {name}: {value}" for name, value in headers), "<- "]
    if request.body:
        lines += [f"<- DATA: {_length(request)} bytes...", f"<- {_ruby_inspect(request.body)}"]
    return lines


def ruby_httpx_debug(request: Request) -> list[str]:
    # Ruby's httpx with `HTTPX_DEBUG=2` on stderr (honeyryderchuck.gitlab.io/httpx/wiki/Debugging; lib/httpx/
    # loggable.rb: each message `(pid:<pid> tid:<thread object id>, self:<class>#<object id>) <message>` and a
    # line feed), the session pinned to HTTP/1.1 (`ssl: { alpn_protocols: %w[http/1.1] }`).
    prefix = "(pid:4242 tid:1960, self:HTTPX::Connection::HTTP1#2280) "
    return [prefix + line for line in _httpx_lines(request)]


def libsoup_logger(request: Request) -> list[str]:
    # libsoup 3's SoupLogger at SOUP_LOGGER_LOG_BODY with its default printer on stdout (libsoup docs, "Logger":
    # `> POST /unauth HTTP/1.1`, `> Soup-Debug-Timestamp: <time_t>`, `> Soup-Debug: SoupSession 1 (0x…),
    # SoupMessage 1 (0x…), GSocket 1 (0x…)`, the headers, then the body each line after `> ` — a `> ` line
    # first —, a line of two blanks closing the request; the response the same with `<`).
    head = [f"{request.method} {request.path} HTTP/1.1", "Soup-Debug-Timestamp: 1795352400",
            "Soup-Debug: SoupSession 1 (0x5566a8e0c0d0), SoupMessage 3 (0x5566a8f1e2a0), GSocket 2 (0x5566a8f30b40)",
            f"Host: {request.host}", *(f"{name}: {value}" for name, value in request.headers),
            f"Content-Length: {_length(request)}", "Accept-Encoding: gzip, deflate", "Connection: Keep-Alive"]
    return [*(f"> {line}" for line in head), "> ", *(f"> {line}" for line in request.body.split("\n")), "  ",
            "< HTTP/1.1 201 Created", "< Soup-Debug-Timestamp: 1795352400",
            "< Soup-Debug: SoupMessage 3 (0x5566a8f1e2a0)", "< Content-Type: application/json", "  "]


def r_httr_verbose(request: Request) -> list[str]:
    # R's httr::POST(url, body = body, add_headers(…), verbose()) in an Rscript whose output goes to one log
    # (httr R/verbose.r: the header block sent `prefix_message("-> ", msg)` — split at "\n" only, so every
    # line keeps its CR — and data sent `prefix_message(">> ", msg, TRUE)`, a blank line after; message()
    # writes to stderr, the blank line to stdout).
    head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}", "Accept-Encoding: deflate, gzip",
            "Accept: application/json, text/xml, application/xml, */*",
            *(f"{name}: {value}" for name, value in request.headers), f"Content-Length: {_length(request)}"]
    sent = "".join(f"{line}\r\n" for line in head) + "\r\n"
    return [*(f"-> {line}" for line in sent.split("\n")[:-1]), *(f">> {line}" for line in request.body.split("\n")),
            "", "<- HTTP/1.1 201 Created\r", "<- Content-Type: application/json\r", "<- \r"]


_PERL_ORDER = ["user-agent", "content-length", "content-type"]  # HTTP::Headers' request then entity headers


def perl_lwp_dump(request: Request) -> list[str]:
    # Perl LWP with `$ua->add_handler("request_send", sub { shift->dump; return })` (metacpan.org/pod/
    # LWP::UserAgent#Handlers, the documented way to see each request; HTTP::Request::dump: `<method> <uri>`
    # — no protocol before sending — then HTTP::Message::dump: the headers as HTTP::Headers::as_string, the
    # well-known ones in their standard order first, the others as added; a blank line; the content up to
    # 512 bytes with backslashes doubled and control bytes but LF escaped) — `':access_token'` keeps the
    # underscore, shown without its colon.
    headers = [*request.headers, ("Content-Length", _length(request))]
    known = sorted((pair for pair in headers if pair[0].lower() in _PERL_ORDER),
                   key=lambda pair: _PERL_ORDER.index(pair[0].lower()))
    other = [pair for pair in headers if pair[0].lower() not in _PERL_ORDER]
    return [f"{request.method} {request.url}", *(f"{name}: {value}" for name, value in known + other), "",
            *request.body.replace("\\", "\\\\").split("\n"), ""]


# --- JavaScript, Go, Scala -------------------------------------------------------------------------

def _js_key(name: str) -> str:
    return name if name.replace("_", "").isalnum() and not name[0].isdigit() else f"'{name}'"


def needle_debug(request: Request) -> list[str]:
    # Node's needle with `NODE_DEBUG=needle` (github.com/tomas/needle lib/needle.js: `var debug =
    # require('util').debuglog('needle')`, send_request's `debug('Making request #' + count, request_opts)`;
    # util.debuglog writes `NEEDLE <pid>: ` and util.format's output — the options object through
    # util.inspect, over lines once it is longer than 72 characters; keys that are identifiers bare, the
    # others and every string single-quoted): the request options — protocol, host, port, path, method,
    # headers (needle's own `accept` and `user-agent` from `user_agent`, the caller's, Content-Length a
    # number) — never the data.
    headers = [("accept", "'*/*'"), ("user-agent", f"'{AGENT}'"),
               *((name, f"'{value}'") for name, value in request.headers if name != "User-Agent"),
               ("Content-Length", _length(request))]
    inner = ",\n".join(f"    {_js_key(name)}: {value}" for name, value in headers)
    return ["NEEDLE 4242: Making request #1 {", "  protocol: 'https:',", f"  host: '{request.host}',", "  port: 443,",
            f"  path: '{request.path}',", f"  method: '{request.method.lower()}',", "  headers: {", inner, "  }", "}",
            "NEEDLE 4242: Got response 201 {", "  'content-type': 'application/json',", "  'content-length': '11'", "}"]


def go_req_dump_http2(request: Request) -> list[str]:
    # imroc/req v3's client.DevMode() (req.cool/docs/tutorial/debugging/ "Dump the Content": the request and
    # response as sent and received, to stdout), the request gone out over HTTP/2: its header block as
    # `name: value` lines — the pseudo-headers first, every name lower case as HPACK sends it —, a blank
    # line, the body; then the response the same way.
    fields = [(":authority", request.host), (":method", request.method), (":path", request.path),
              (":scheme", "https"), *sorted((name.lower(), value) for name, value in request.headers),
              ("content-length", _length(request)), ("accept-encoding", "gzip")]
    return [*(f"{name}: {value}" for name, value in fields), "", *request.body.split("\n"), "", ":status: 201",
            "content-type: application/json", "date: Sun, 22 Nov 2026 13:00:00 GMT", "", '{"id":"t1"}']


def gorequest_debug(request: Request) -> list[str]:
    # parnurzeal/gorequest with SetDebug(true) (gorequest.go MakeRequest: `dump, err := httputil.DumpRequest(req,
    # true)`, `s.logger.SetPrefix("[http] ")`, `s.logger.Printf("HTTP Request: %s", string(dump))` on a
    # log.Logger with LstdFlags): DumpRequest's `<method> <path> HTTP/1.1`, Host, the other headers sorted by
    # canonical name, CR LF ends, a blank line and the body — the message's lines after its first without
    # the prefix. The body sent as text (`Type("text")`, Content-Type set by the caller), byte for byte.
    headers = sorted((go_canonical(name), value) for name, value in request.headers)
    dump = "\r\n".join([f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}",
                        *(f"{name}: {value}" for name, value in headers), "", request.body])
    return f"[http] 2026/11/22 13:00:00 HTTP Request: {dump}".split("\n") + [
        "[http] 2026/11/22 13:00:00 HTTP Response: HTTP/1.1 201 Created\r", "Content-Type: application/json\r", "\r"]


def sttp_logging_backend(request: Request) -> list[str]:
    # Scala sttp client 3's Slf4jLoggingBackend with its defaults (sttp.softwaremill.com/en/stable/backends/
    # wrappers/logging.html: logRequestBody = false, logRequestHeaders = true, sensitive headers — Authorization,
    # Cookie, Set-Cookie — masked; DefaultLog.beforeRequestSend at DEBUG: `Sending request: ` and
    # request.show: `<method> <uri>, headers: ` and each header's `Name: value`, joined by `, `), through
    # Logback's default pattern. No body.
    headers = [("Accept-Encoding", "gzip, deflate"), *request.headers, ("Content-Length", _length(request))]
    listed = ", ".join(f"{name}: {value}" for name, value in headers)
    return [f"13:00:00.123 [io-compute-3] DEBUG sttp.client3.logging.slf4j.Slf4jLoggingBackend -- Sending request: "
            f"{request.method} {request.url}, headers: {listed}",
            f"13:00:00.412 [io-compute-5] DEBUG sttp.client3.logging.slf4j.Slf4jLoggingBackend -- Request: "
            f"{request.method} {request.url}, took: 0.289s, response: 201"]


SHAPES = [
    case(http4k_print_request), case(libsoup_logger), case(perl_lwp_dump), case(gorequest_debug),
    case(alamofire_debug_description), case(r_httr_verbose), case(tornado_curl_debug), case(ruby_httpx_debug),
    case(go_req_dump_http2)]
HEADERS_ONLY = [case(needle_debug), case(sttp_logging_backend)]
NO_HEADERS: list[object] = []


# --- concurrent requests in one log ------------------------------------------------------------------
#
# A concurrent shape gives, for one request and the number of the worker (thread, task, transfer) that
# sends it, the pieces its logger writes at once — a line, or a block a logger writes in one call — each
# carrying what the logger tags it with. The pieces of the five requests (the four, and an unrelated
# GET) are then taken in turn, one of each worker's at a time, as workers running at once write them.

Concurrent = Callable[[Request, int], list[list[str]]]
RATES = Request("GET", "api.rates.example", "/v1/rates?base=BRL", [("Accept", "application/json"),
                                                                    ("User-Agent", AGENT)], "")


def _interleaved(shape: Concurrent, found: list[Request]) -> list[str]:
    """The requests' pieces, one of each worker's in turn: the GET runs between the transfers."""
    sent = [found[0], found[1], RATES, found[2], found[3]]
    pieces = [shape(request, worker) for worker, request in enumerate(sent, 1)]
    lines: list[str] = []
    while any(pieces):
        for queue in pieces:
            if queue:
                lines += queue.pop(0)
    return lines


def _each_line(lines: list[str]) -> list[list[str]]:
    return [[line] for line in lines]


def _java_head(request: Request) -> list[str]:
    head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}",
            *(f"{name}: {value}" for name, value in request.headers)]
    return head + ([f"Content-Length: {_length(request)}"] if request.body else [])


def _bracketed(text: str) -> list[str]:
    """HttpClient's Wire: CR and LF as `[\\r]` `[\\n]`, a logged line ending after each `[\\n]`."""
    escaped = text.replace("\r", "[\\r]").replace("\n", "[\\n]\n")
    return escaped.split("\n")[:-1] + ([escaped.split("\n")[-1]] if not escaped.endswith("\n") else [])


def apache_httpclient4_pool(request: Request, worker: int) -> list[list[str]]:
    # HttpClient 4.5 under a fixed thread pool, its `org.apache.http.headers` and `org.apache.http.wire` loggers at
    # DEBUG through Log4j 2 (`%d{yyyy-MM-dd HH:mm:ss.SSS} [%t] %-5level %logger - %msg%n`;
    # hc.apache.org/httpcomponents-client-4.5.x/logging.html): each pooled connection's id, `http-outgoing-<n>`,
    # before `>>`; the wire logger's Wire.wire() a line for each line sent, `[\r]` `[\n]` visible.
    prefix = f"2026-11-22 13:00:00.{worker:03d} [pool-1-thread-{worker}] DEBUG "
    connection = f"http-outgoing-{worker - 1}"
    head = _java_head(request)
    lines = [f"{prefix}org.apache.http.headers - {connection} >> {line}" for line in head]
    sent = "".join(f"{line}\r\n" for line in head) + "\r\n" + request.body
    lines += [f'{prefix}org.apache.http.wire - {connection} >> "{part}"' for part in _bracketed(sent)]
    return _each_line(lines + [f'{prefix}org.apache.http.wire - {connection} << "HTTP/1.1 201 Created[\\r][\\n]"'])


def okhttp_logcat_threads(request: Request, worker: int) -> list[list[str]]:
    # OkHttp's HttpLoggingInterceptor at Level.BODY in an Android app whose calls run on OkHttp's dispatcher
    # threads, as `adb logcat -v threadtime` shows it (developer.android.com/tools/logcat: date, time, PID, TID,
    # priority, tag, message; okhttp-logging-interceptor: `--> POST <url>`, the body's Content-Type and
    # Content-Length, the other headers, a blank line, the body, `--> END POST (<n>-byte body)`; Android's
    # platform log splits a message at its line breaks, a logcat line each): each call's lines carry its TID.
    lines = [f"--> {request.method} {request.url}"]
    if request.body:
        lines += ["Content-Type: application/json; charset=utf-8", f"Content-Length: {_length(request)}"]
    lines += [f"{name}: {value}" for name, value in request.headers if name != "Content-Type"]
    lines += ["", *request.body.split("\n"), f"--> END {request.method} ({_length(request)}-byte body)"] \
        if request.body else [f"--> END {request.method}"]
    return _each_line([f"11-22 13:00:00.{n:03d}  4242  {4310 + worker} I okhttp.OkHttpClient: {line}"
                       for n, line in enumerate(lines)])


_FEIGN_CLIENTS = {"api.iugu.com": ("IuguClient", "transfer"), "api.asaas.com": ("AsaasClient", "transfer"),
                  RATES.host: ("RatesClient", "latest")}


def feign_threads(request: Request, worker: int) -> list[list[str]]:
    # OpenFeign's Slf4jLogger at Logger.Level.FULL (github.com/OpenFeign/feign core/src/main/java/feign/Logger.java
    # logRequest: `---> POST <url> HTTP/1.1`, each header of the request's case-insensitively sorted map,
    # `""`, the body as ONE message, `---> END HTTP (<n>-byte body)`; each message after `[Client#method] `),
    # in a Spring Boot service handling requests on Tomcat's threads (Boot's console pattern: the thread
    # `[nio-8080-exec-<n>]`, the logger's name): a multi-line body is one event whose lines after the first
    # carry no prefix, written whole.
    client, method = _FEIGN_CLIENTS[request.host]
    prefix = (f"2026-11-22T13:00:00.{worker:03d}-03:00 DEBUG 1 --- [payouts] [nio-8080-exec-{worker}] "
              f"c.e.payouts.{client:<15}: [{client}#{method}] ")
    headers = sorted([*request.headers, *([("Content-Length", _length(request))] if request.body else [])],
                     key=lambda pair: pair[0].lower())
    pieces = [[f"{prefix}---> {request.method} {request.url} HTTP/1.1"],
              *([f"{prefix}{name}: {value}"] for name, value in headers)]
    if request.body:
        body = request.body.split("\n")
        pieces += [[prefix], [prefix + body[0], *body[1:]]]
    return pieces + [[f"{prefix}---> END HTTP ({_length(request) if request.body else 0}-byte body)"]]


_CURL_IDS = {1: "0-0", 2: "1-0", 3: "2-1", 4: "3-0", 5: "4-2"}  # transfer-connection: the iugu transfers share one
_STREAMS = {1: 1, 2: 3, 3: 1, 4: 5, 5: 1}  # each HTTP/2 connection numbers its streams 1, 3, 5, …


def _curl_trace(text: str, data: bytes) -> list[str]:
    """One block of curl's --trace output (src/tool_cb_dbg.c dump(), its hex form): the opening line, then 16
    bytes a line after their offset, in hex (`%02x `, blanks past the last byte), then as text (a byte outside
    0x20-0x7E a `.`)."""
    lines = [f"{text}, {len(data)} bytes (0x{len(data):x})"]
    for at in range(0, len(data), 16):
        row = data[at:at + 16]
        shown = "".join(chr(byte) if 0x20 <= byte < 0x7F else "." for byte in row)
        lines.append(f"{at:04x}: " + "".join(f"{byte:02x} " for byte in row).ljust(48) + shown)
    return lines


def curl_parallel_trace_ids(request: Request, worker: int) -> list[list[str]]:
    # `curl --parallel --trace - --trace-ids -K transfers.cfg` (curl.se/docs/manpage.html#--trace-ids:
    # "Prepends the transfer and connection identifiers to each trace or verbose line"; src/tool_cb_dbg.c: a
    # `== Info:` line and each dump's `=> Send header, <n> bytes (0x<n>)` line after the `[<transfer>-<connection>] `
    # ids, the dump's offset lines not — each callback's output written at once): the three iugu transfers
    # multiplexed over one HTTP/2 connection (one connection id, three transfer ids), the others on their own.
    ids = _CURL_IDS[worker]
    head = [f"{request.method} {request.path} HTTP/2", f"Host: {request.host}",
            *(f"{name}: {value}" for name, value in request.headers)]
    head += [f"Content-Length: {_length(request)}"] if request.body else []
    pieces = [[f"[{ids}] == Info: [HTTP/2] [{_STREAMS[worker]}] OPENED stream for {request.url}"],
              _curl_trace(f"[{ids}] => Send header", ("\r\n".join(head) + "\r\n\r\n").encode())]
    if request.body:
        pieces += [_curl_trace(f"[{ids}] => Send data", request.body.encode()),
                   [f"[{ids}] == Info: upload completely sent off: {_length(request)} bytes"]]
    return pieces + [_curl_trace(f"[{ids}] <= Recv header", b"HTTP/2 201 \r\n")]


_GO_CONNECTIONS = {"api.iugu.com": "0xc0001c0000", "api.asaas.com": "0xc0003b0000", RATES.host: "0xc0002a0000"}


def go_http2_multiplexed(request: Request, worker: int) -> list[list[str]]:
    # Go's net/http with GODEBUG=http2debug=2 (golang.org/x/net/http2 transport.go: `Transport encoding header
    # %q = %q` for each field as a request's header block is encoded — under the connection's write lock, so one
    # request's fields are logged together, then its HEADERS frame; frame.go's summarizeFrame: `Framer %p: wrote
    # HEADERS flags=END_HEADERS stream=%d len=%d`, a DATA frame with `data=%q`): goroutines sending at once,
    # the three iugu transfers as streams 1, 3 and 5 of one connection (one Framer), the other requests on
    # connections of their own; a request's DATA frame logged when its body is written, after other
    # requests' headers.
    framer, stream = _GO_CONNECTIONS[request.host], _STREAMS[worker]
    prefix = "2026/11/22 13:00:00 http2: "
    fields = [(":authority", request.host), (":method", request.method), (":path", request.path),
              (":scheme", "https"), *((name.lower(), value) for name, value in request.headers)]
    fields += [("content-length", _length(request))] if request.body else []
    fields.append(("accept-encoding", "gzip"))
    flags = "END_HEADERS" if request.body else "END_STREAM|END_HEADERS"
    head = [*(f"{prefix}Transport encoding header {json.dumps(name)} = {json.dumps(value)}" for name, value in fields),
            f"{prefix}Framer {framer}: wrote HEADERS flags={flags} stream={stream} len={200 + 7 * len(fields)}"]
    if stream == 1:
        head.insert(0, f"{prefix}Transport creating client conn {framer.replace('c0', 'c1', 1)} to {request.host}:443")
    body = [f"{prefix}Framer {framer}: wrote DATA flags=END_STREAM stream={stream} len={_length(request)} "
            f"data={json.dumps(request.body)}"] if request.body else []
    reply = [f"{prefix}Framer {framer}: read HEADERS flags=END_HEADERS stream={stream} len=60"]
    return [head, *([body] if body else []), reply]


def python_asyncio_tasks(request: Request, worker: int) -> list[list[str]]:
    # An asyncio service sending the requests from tasks gathered at once, aiohttp's client tracing logged by its
    # callbacks with `%r` (docs.aiohttp.org/en/stable/tracing_reference.html: on_request_start's
    # TraceRequestStartParams(method, url, headers), on_request_chunk_sent's TraceRequestChunkSentParams(method,
    # url, chunk)), through logging with Python 3.12's `%(taskName)s` (docs.python.org/3/library/logging.html
    # #logrecord-attributes, "taskName: asyncio.Task name"): `%(asctime)s %(taskName)s %(levelname)s %(name)s:
    # %(message)s` — each record tagged by the task that sent it.
    prefix = f"2026-11-22 13:00:00,{worker:03d} Task-{worker + 1} DEBUG payouts.http: "
    url = f"URL({request.url!r})"
    headers = ", ".join(f"{name!r}: {value!r}" for name, value in request.headers)
    pieces = [[f"{prefix}request start TraceRequestStartParams(method={request.method!r}, url={url}, "
               f"headers=<CIMultiDict({headers})>)"]]
    if request.body:
        pieces.append([f"{prefix}chunk sent TraceRequestChunkSentParams(method={request.method!r}, url={url}, "
                       f"chunk={request.body.encode()!r})"])
    return pieces + [[f"{prefix}request end {request.method} {request.url} 201"]]


def ruby_httpx_threads(request: Request, worker: int) -> list[list[str]]:
    # Ruby's httpx with HTTPX_DEBUG=2 (see ruby_httpx_debug) in a Sidekiq process, each job's thread with its
    # own session and connection: every line tagged `(pid:… tid:<thread>, self:HTTPX::Connection::HTTP1#<id>)`.
    prefix = f"(pid:4242 tid:{1900 + 20 * worker}, self:HTTPX::Connection::HTTP1#{2200 + 40 * worker}) "
    return _each_line([prefix + line for line in _httpx_lines(request)])


CONCURRENT = [
    case(apache_httpclient4_pool), case(okhttp_logcat_threads), case(feign_threads), case(curl_parallel_trace_ids),
    case(python_asyncio_tasks), case(ruby_httpx_threads),
    case(go_http2_multiplexed)]


@pytest.mark.parametrize(("shape", "name", "plaintext"), CONCURRENT)
def test_concurrent_requests_in_one_log_are_each_judged_on_their_own_lines(shape: Concurrent, name: str,
                                                                           plaintext: bool, tmp_path: Path) -> None:
    """The four requests and a GET sent at once, their pieces interleaved in one log: the findings
    and signature counts are the four requests' as every shape must give them."""
    found, public = requests(tmp_path)
    noise = [f"2026-11-22 13:00:{n:02d} INFO worker heartbeat ok" for n in range(40)]
    path = tmp_path / name
    path.write_text("\n".join(noise + _interleaved(shape, found) + noise) + "\n")
    assert_shape_findings(path, public, shape.__name__, plaintext=plaintext)
