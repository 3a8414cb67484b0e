"""A seventeenth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu
transfers unsigned, signed with the client's real key and with another key, an Asaas transfer) as
client LOGGERS of ecosystems the other corpora do not show write them — Ruby's httplog, Play WS's
curl logger, R's httr2 at `verbosity = 2`, Julia's HTTP.jl at `verbose=2`, Perl's Mojo::UserAgent
under MOJO_CLIENT_DEBUG, Dart's talker_dio_logger, an openapi-generator Go client in debug, Rust's
ureq at DEBUG —, as a program logs OkHttp's Request object, and as TEST DOUBLES of Python and
JavaScript report a request no mock matched (responses, respx, MSW) — none of which the other
corpora show. Ten pass (ureq and OkHttp's Request show headers only, respx no header at all); the
reports of responses and MSW, a request as a list item, are strict expected failures.

Each shape quotes the public documentation (or the source) it follows. The request checks are
the ones every blind corpus passes (:mod:`test_request_shape_corpora`): ``SHAPES`` show the body as
sent, ``HEADERS_ONLY`` never do, ``NO_HEADERS`` show no header at all. A shape the readers cannot
take yet is an expected failure, strict, with what they miss.
"""

from __future__ import annotations

import json

from helpers.signed_shapes import Request, case, go_canonical

LOGBACK = "2026-11-22 13:00:00.123  INFO 4242 --- [pool-1-thread-1] c.e.payouts.IuguClient                   : "
RUBY_LOGGER = "D, [2026-11-22T13:00:00.123456 #4242] DEBUG -- : "
ENV_LOGGER = "[2026-11-22T13:00:00Z DEBUG ureq::unit] "


# --- client loggers --------------------------------------------------------------------------------------------

def ruby_httplog(request: Request) -> list[str]:
    # A Rails service with the httplog gem and `HttpLog.configure { |c| c.log_headers = true }` (trusche/httplog
    # lib/httplog/http_log.rb: each part one `log(msg)`, the logger at DEBUG, `[httplog] ` before it — "Connecting:
    # host:port", "Sending: METHOD uri", "Header: name: value" one a header, "Data: #{data}" the body as it is,
    # "Status:", "Benchmark:", "Response:\n" the body). The Net::HTTP adapter hands the headers as `each_header`
    # gives them: names lower-cased, Net::HTTP's own accept-encoding, accept and host after the caller's. Ruby's
    # Logger prefixes each record's first line only ("D, [time #pid] DEBUG -- : ").
    headers = [*request.headers, ("Accept-Encoding", "gzip;q=1.0,deflate;q=0.6,identity;q=0.3"), ("Accept", "*/*"),
               ("Host", request.host)]
    return [f"{RUBY_LOGGER}[httplog] Connecting: {request.host}:443",
            f"{RUBY_LOGGER}[httplog] Sending: {request.method} {request.url}",
            *(f"{RUBY_LOGGER}[httplog] Header: {name.lower()}: {value}" for name, value in headers),
            *f"{RUBY_LOGGER}[httplog] Data: {request.body}".split("\n"),
            f"{RUBY_LOGGER}[httplog] Status: 201", f"{RUBY_LOGGER}[httplog] Benchmark: 0.312 seconds",
            f"{RUBY_LOGGER}[httplog] Response:", '{"id":"1A2B3C"}']


def play_ws_curl_logger(request: Request) -> list[str]:
    # A Play service whose WS client has `.withRequestFilter(AhcCurlRequestLogger())` (playframework/play-ws
    # AhcCurlRequestLogger.scala, trait CurlFormat.toCurl: "curl \\\n", "  --verbose \\\n", "  --request METHOD \\\n",
    # "  --header 'name: value' \\\n" a header, "  --data '<body>' \\\n" the body decoded as it is, quotes escaped,
    # then "  '<url>'"; logged at INFO by play.api.libs.ws.ahc.AhcCurlRequestLogger). The request's headers are Play's
    # case-insensitive sorted map. Play's default logback pattern: `%date [%level] from %logger in %thread -
    # %message`.
    prefix = ("2026-11-22 13:00:00,123 [INFO] from play.api.libs.ws.ahc.AhcCurlRequestLogger in "
              "application-akka.actor.default-dispatcher-5 - ")
    headers = sorted(request.headers, key=lambda header: header[0].lower())
    command = ["curl \\", "  --verbose \\", f"  --request {request.method} \\",
               *(f"  --header '{name}: {value}' \\" for name, value in headers),
               *f"  --data '{request.body}' \\".split("\n"), f"  '{request.url}'"]
    return [prefix + command[0], *command[1:]]


def httr2_verbose(request: Request) -> list[str]:
    # An R job paying out with httr2, `options(httr2_pretty_json = FALSE)` and `req_perform(verbosity = 2)`
    # (r-lib/httr2 R/req-verbose.R: libcurl's header data `-> ` before each line, the body through show_body with the
    # prefix `>> ` — each line feed of the body followed by the prefix —, then `<- ` the response's headers and `<< `
    # its body; only Authorization is redacted). libcurl writes Host, Accept and Accept-Encoding before the headers
    # given, Content-Length after them.
    head = [f"{request.method} {request.path} HTTP/2", f"Host: {request.host}", "Accept: */*",
            "Accept-Encoding: deflate, gzip, br, zstd", *(f"{name}: {value}" for name, value in request.headers),
            f"Content-Length: {request.content_length}", ""]
    return [*(f"-> {line}" for line in head), *(f">> {line}" for line in request.body.split("\n")),
            "<- HTTP/2 201 ", "<- content-type: application/json; charset=utf-8", "<- ", '<< {"id":"1A2B3C"}']


def julia_http_debug(request: Request) -> list[str]:
    # A Julia job calling `HTTP.post(url, headers, body; verbose=2)` (JuliaWeb/HTTP.jl
    # src/clientlayers/StreamRequest.jl: `@debugv 1 sprintcompact(req)`, `@debugv 2 sprint(show, req)`;
    # src/Messages.jl `Base.show(io, ::Message)`: the type, `"""`, writeheaders — the request line and each
    # `name: value` ending `\r\n`, a blank `\r\n` —, the body bytes, `"""`; DefaultHeadersRequest.jl appends Host,
    # Accept and Content-Length after the caller's headers). Julia's ConsoleLogger splits a message at `\n` only
    # (a `\r` stays at each line's end): `┌ Debug: ` its first line, `│ ` the others, `└ @ module file:line`.
    location = "└ @ HTTP.StreamRequest ~/.julia/packages/HTTP/sJD5V/src/clientlayers/StreamRequest.jl"
    head = [f"{request.method} {request.path} HTTP/1.1", *(f"{name}: {value}" for name, value in request.headers),
            f"Host: {request.host}", "Accept: */*", f"Content-Length: {request.content_length}", ""]
    shown = ['"""', *(f"{line}\r" for line in head), *f'{request.body}"""'.split("\n")]
    return [f"┌ Debug: {request.method} {request.path} HTTP/1.1", f"{location}:23", "┌ Debug: client startwrite",
            f"{location}:24", "┌ Debug: HTTP.Messages.Request:", *(f"│ {line}" for line in shown), f"{location}:27"]


def mojo_client_debug(request: Request) -> list[str]:
    # A Perl worker using Mojo::UserAgent with MOJO_CLIENT_DEBUG=1 (mojolicious/mojo lib/Mojo/UserAgent.pm _write:
    # `warn term_escape "-- Client >>> Server (@{[_url($tx)]})\n$chunk\n" if DEBUG`; Transaction/HTTP.pm _write: the
    # start line, the headers and the body in one chunk; Mojo::Util::term_escape writes every control character but
    # `\n` as `\x..`, so each CR of the head is `\x0d`). A second write, the message done, is empty. Mojo adds
    # Accept-Encoding, Content-Length and Host.
    url = f"({request.url})"
    head = [f"{request.method} {request.path} HTTP/1.1", *(f"{name}: {value}" for name, value in request.headers),
            "Accept-Encoding: gzip", f"Content-Length: {request.content_length}", f"Host: {request.host}", ""]
    return [f"-- Client >>> Server {url}", *(line + "\\x0d" for line in head), *request.body.split("\n"),
            f"-- Client >>> Server {url}", "", f"-- Client <<< Server {url}", "HTTP/1.1 201 Created\\x0d",
            "Content-Type: application/json\\x0d", "\\x0d", '{"id":"1A2B3C"}']


def talker_dio_logger(request: Request) -> list[str]:
    # A Dart service's Dio client with talker_dio_logger's `TalkerDioLogger(settings: TalkerDioLoggerSettings(
    # printRequestHeaders: true))` (Frezyx/talker packages/talker_dio_logger lib/http_logs.dart DioRequestLog:
    # `[http-request] [METHOD] <uri>`, `Data: ` the data through `JsonEncoder.withIndent('  ')` — a body the caller
    # encoded itself to sign it is a String, so it is written as a JSON string —, `Headers: ` the headers so
    # encoded; talker's ExtendedLoggerFormatter: a top line, `│ ` before each line, a bottom line).
    headers = json.dumps(dict(request.headers), indent=2).split("\n")
    message = [f"[http-request] [{request.method}] {request.url}", f"Data: {json.dumps(request.body)}",
               f"Headers: {headers[0]}", *headers[1:]]
    return ["┌" + "─" * 109, *(f"│ {line}" for line in message), "└" + "─" * 109]


def openapi_generator_go_debug(request: Request) -> list[str]:
    # A Go service calling the provider through an openapi-generator Go client with `cfg.Debug = true`
    # (OpenAPITools/openapi-generator's Go client template, the generated client.go's callAPI:
    # `dump, err := httputil.DumpRequestOut(request, true)` then `log.Printf("\n%s\n", string(dump))`, the response
    # likewise): the log's date alone on its line, then the request as Go's transport writes it — Host, User-Agent,
    # Content-Length, the other headers canonical and sorted, Accept-Encoding —, CR LF line ends, the body.
    others = sorted((go_canonical(name), value) for name, value in request.headers if name != "User-Agent")
    head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}",
            f"User-Agent: {dict(request.headers)['User-Agent']}", f"Content-Length: {request.content_length}",
            *(f"{name}: {value}" for name, value in others), "Accept-Encoding: gzip"]
    dump = "\r\n".join(head) + "\r\n\r\n" + request.body
    return ["2026/11/22 13:00:00 ", *dump.split("\n"), "", "2026/11/22 13:00:01 ", "HTTP/1.1 201 Created\r",
            "Content-Type: application/json\r", "\r", '{"id":"1A2B3C"}', ""]


def ureq_debug_prelude(request: Request) -> list[str]:
    # A Rust worker using ureq 2 with env_logger at RUST_LOG=ureq=debug (algesten/ureq src/unit.rs send_prelude: the
    # request line, Host and Accept when the caller set none, the caller's headers — Authorization and Cookie
    # masked — then Content-Length, `debug!("writing prelude: {}", prelude)` with the prelude's CR LF kept and its
    # end trimmed; the body is written after it, never logged). env_logger: `[time LEVEL target] message`.
    head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}", "Accept: */*",
            *(f"{name}: {value}" for name, value in request.headers), f"Content-Length: {request.content_length}"]
    prelude = "".join(f"{line}\r\n" for line in head).rstrip()
    return [*f"{ENV_LOGGER}writing prelude: {prelude}".split("\n"),
            f"[2026-11-22T13:00:01Z DEBUG ureq::unit] response 201 to {request.method} {request.url}"]


def okhttp_request_to_string(request: Request) -> list[str]:
    # A Kotlin service logging the OkHttp request it is about to send, `log.info("sending {}", request)` (square/okhttp
    # okhttp3/Request.kt toString: `Request{method=…, url=…, headers=[name:value, …]}` — Authorization, Cookie and
    # their proxy kin shown as `██`, the body never), Spring Boot's Logback layout.
    headers = ", ".join(f"{name}:{value}" for name, value in request.headers)
    return [f"{LOGBACK}sending Request{{method={request.method}, url={request.url}, headers=[{headers}]}}"]


# --- test doubles that report a request no mock matched ----------------------------------------------------------

def python_responses_unmatched(request: Request) -> list[str]:
    # A pytest suite mocking the provider with getsentry/responses, a request no registered mock matches
    # (responses/__init__.py RequestsMock._on_request: ConnectionError("Connection refused by Responses - the call
    # doesn't match any registered mock.\n\nRequest: \n- %s %s\n\nAvailable matches:\n" % (method, url)), each
    # registered mock and why it failed), as pytest prints the error's lines after `E       `.
    message = ["requests.exceptions.ConnectionError: Connection refused by Responses - the call doesn't match any "
               "registered mock.", "", "Request: ", f"- {request.method} {request.url}", "", "Available matches:",
               f"- GET https://{request.host}/v1/accounts URL does not match"]
    return ["    def test_pays_out_to_the_supplier():", ">       payouts.transfer(SUPPLIER)", "",
            *(f"E       {line}".rstrip() for line in message), "",
            ".venv/lib/python3.12/site-packages/responses/__init__.py:1090: ConnectionError"]


def python_respx_not_mocked(request: Request) -> list[str]:
    # A pytest suite mocking the provider's httpx client with lundberg/respx, `assert_all_mocked` on (respx/router.py
    # Router.resolver: AllMockedAssertionError(f"RESPX: {request!r} not mocked!"); httpx's Request repr is
    # `<Request('METHOD', 'url')>`), as pytest prints the error after `E   `.
    return [f"E   respx.models.AllMockedAssertionError: RESPX: <Request('{request.method}', '{request.url}')> "
            "not mocked!", "", ".venv/lib/python3.12/site-packages/respx/router.py:251: AllMockedAssertionError"]


def msw_unhandled_request(request: Request) -> list[str]:
    # A vitest suite with MSW's `setupServer(...)` and the default `onUnhandledRequest: 'warn'`, a request no
    # handler matched (mswjs/msw src/core/utils/request/onUnhandledRequest.ts: "intercepted a request without a
    # matching request handler:\n\n  • METHOD url\n\nIf you still wish to intercept this unhandled request, please
    # create a request handler for it.", devUtils.warn's `[MSW] Warning: ` before it), vitest's `stderr | test` line.
    return ["stderr | src/payouts.test.ts > payouts > transfers to the supplier",
            "[MSW] Warning: intercepted a request without a matching request handler:", "",
            f"  • {request.method} {request.url}", "",
            "If you still wish to intercept this unhandled request, please create a request handler for it.",
            "Read more: https://mswjs.io/docs/http/intercepting-requests", ""]


SHAPES = [case(ruby_httplog), case(play_ws_curl_logger), case(httr2_verbose), case(julia_http_debug),
          case(mojo_client_debug), case(talker_dio_logger), case(openapi_generator_go_debug)]
HEADERS_ONLY = [case(ureq_debug_prelude), case(okhttp_request_to_string)]
_LISTED = ("a method and an absolute URL as a list item (`- POST <url>`, `  • POST <url>`) is no request to the readers: a "
           "document listing endpoints writes them so too, and only the line above (`Request:`, `…without a matching "
           "request handler:`) says a request was made")
NO_HEADERS = [case(python_responses_unmatched, missed=_LISTED), case(python_respx_not_mocked),
              case(msw_unhandled_request, missed=_LISTED)]
