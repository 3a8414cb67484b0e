"""Requests as the logging handlers and interceptors apps copy from answers and tutorials write
them: the four money-out requests of :mod:`helpers.signed_shapes`, each logged on its way out
(after the app's own handlers, a signing one among them), judged as every shape must be.

- .NET's ``HttpRequestMessage.ToString()`` from a ``DelegatingHandler`` (the text is the runtime's:
  dotnet/runtime, ``HttpRequestMessage.ToString``: ``Method: <method>, RequestUri: '<uri>', Version:
  <version>, Content: <type>, Headers:``, a line break, then ``HeaderUtilities.DumpHeaders``: ``{``,
  ``  Name: value`` a header, the content's after the request's, ``}``): the headers, never the body;
- a RestTemplate ``ClientHttpRequestInterceptor`` as Baeldung's "Spring RestTemplate Request/Response
  Logging" writes it (``URI         : {}``, ``Method      : {}``, ``Headers     : {}`` with Spring's
  ``HttpHeaders.toString()``, ``Request body: {}`` between ``request begin`` and ``request end``
  rules), through Spring Boot's default log pattern: the body as sent;
- a WebClient ``ExchangeFilterFunction`` as Baeldung's "Logging Spring WebClient Calls" writes it
  (``Request: {} {}``, then ``{}={}`` a header value, each a record): the headers, never the body;
- ihsanbal's LoggingInterceptor for OkHttp on Android at ``Level.BASIC`` (its Printer's
  ``printJsonRequest``, each line ``│ ``-prefixed and cut every 110 characters, a logcat record a
  piece): the headers, their long values (a signature, an Asaas key) over several records, and the
  body re-indented by org.json, not the bytes sent;
- Ruby's httplog, which patches Net::HTTP (its ``Sending:``, ``Header:`` and ``Data:`` records, the URL
  written ``http://<host>:443<path>`` for a TLS call): the request sent, body and all; with its headers
  not logged (``log_headers`` off), every request read and none called unsigned.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.running import scan_json
from helpers.signed_shapes import Request, check_shape, write_shape


def _message(request: Request) -> list[str]:
    headers = [(name, value) for name, value in request.headers if name != "Content-Type"]
    content = [("Content-Type", "application/json; charset=utf-8")]
    return [f"Method: {request.method}, RequestUri: '{request.url}', Version: 1.1, "
            "Content: System.Net.Http.StringContent, Headers:", "{",
            *(f"  {name}: {value}" for name, value in headers + content), "}"]


def console_writeline_handler(request: Request) -> list[str]:
    # Console.WriteLine("Request:"); Console.WriteLine(request.ToString()); then the content, read as a string.
    return ["Request:", *_message(request), *request.body.split("\n"), ""]


def console_formatter(request: Request) -> list[str]:
    # Microsoft.Extensions.Logging's console formatter (the default "simple" one): the level and
    # category on a line of their own, each line of the message indented by six blanks.
    return ["dbug: Payouts.Http.LoggingHandler[0]", *("      " + line for line in _message(request))]


def nlog_default_layout(request: Request) -> list[str]:
    # NLog's default layout "${longdate}|${level:uppercase=true}|${logger}|${message}": the message's
    # later lines as they are.
    first, *rest = _message(request)
    return [f"2026-11-22 13:00:00.1234|DEBUG|Payouts.Http.LoggingHandler|{first}", *rest]


@pytest.mark.parametrize("shape", [console_writeline_handler, console_formatter, nlog_default_layout])
def test_a_request_messages_tostring_is_the_request_sent_without_its_body(shape, tmp_path: Path) -> None:
    check_shape(shape, tmp_path, body_shown=False)


def _spring_headers(request: Request) -> str:
    """Spring's ``HttpHeaders.toString()``: ``[name:"value", …]``, each value quoted."""
    return "[" + ", ".join(f'{name}:"{value}"' for name, value in
                           [("Accept", "application/json, application/*+json"), *request.headers,
                            ("Content-Length", str(len(request.body.encode())))]) + "]"


def rest_template_interceptor(request: Request) -> list[str]:
    prefix = "2026-11-22T13:00:00.123-03:00 DEBUG 4321 --- [payouts] [nio-8080-exec-1] c.e.p.LoggingInterceptor : "
    body_first, *body_rest = request.body.split("\n")
    return [prefix + "===========================request begin================================================",
            prefix + f"URI         : {request.url}", prefix + f"Method      : {request.method}",
            prefix + f"Headers     : {_spring_headers(request)}", prefix + f"Request body: {body_first}", *body_rest,
            prefix + "==========================request end================================================"]


def test_a_rest_template_interceptors_log_is_the_request_sent(tmp_path: Path) -> None:
    check_shape(rest_template_interceptor, tmp_path)


SPRING = "2026-11-22T13:00:00.123-03:00  INFO 4321 --- [payouts] [ctor-http-nio-2] c.e.p.WebClientConfig : "


def webclient_filter(request: Request) -> list[str]:
    return [SPRING + f"Request: {request.method} {request.url}",
            *(SPRING + f"{name}={value}" for name, value in request.headers),
            SPRING.replace("13:00:00.123", "13:00:00.456") + "Response status: 201 CREATED"]


def test_a_webclient_filters_log_is_the_request_sent_without_its_body(tmp_path: Path) -> None:
    check_shape(webclient_filter, tmp_path, body_shown=False)


def test_a_request_named_in_prose_with_no_header_after_it_is_none(tmp_path: Path) -> None:
    """``Request: POST <url>`` is also what an app writes about a call it makes: without a header
    line under it, it shows no request (nor one without the headers it must carry)."""
    log = tmp_path / "app.log"
    log.write_text(SPRING + "Request: POST https://api.iugu.com/v1/transfers\n" + SPRING + "Response status: 201\n")
    report, _ = scan_json(str(log))
    assert [f["rule_id"] for f in report["findings"]] == [], report["findings"]


def logging_interceptor_logcat(request: Request, corners: bool = False) -> list[str]:
    # github.com/ihsanbal/LoggingInterceptor, Printer.kt: printJsonRequest logs REQUEST_UP_LINE, `URL: <url>`
    # (whole), then getRequest's lines (`Method: @POST`, a blank, `Headers:`, `Name: value` each) and the body's
    # (a blank, `Body:`, getJsonString's JSONObject.toString(3), `<n>-byte body`), each through logLines: DEFAULT_LINE
    # `│ ` and a piece of at most 110 characters, one I.log (java.util.logging, which Android writes to logcat,
    # the logger's name the tag, INFO) a piece; then END_LINE.
    def logged(pieces: list[str]) -> list[str]:
        return [f"11-22 13:00:00.{at % 1000:03d}  4242  4311 I LoggingI: {piece}" for at, piece in enumerate(pieces)]

    # The Java versions (Printer.java dotHeaders) put a corner before each header: `┌ ` the first, `└ ` the last.
    marks = ["┌ ", *["├ "] * (len(request.headers) - 2), "└ "] if corners else [""] * len(request.headers)
    lines = ["Method: @" + request.method, "", "Headers:",
             *(f"{mark}{name}: {value}" for mark, (name, value) in zip(marks, request.headers)),
             "", "Body:", *json.dumps(json.loads(request.body), indent=3).split("\n"),
             f"{len(request.body.encode())}-byte body"]
    cut = ["│ " + line[start : start + 110] for line in lines for start in range(0, len(line) // 110 * 110 + 1, 110)]
    return logged(["┌────── Request " + "─" * 72, f"│ URL: {request.url}", *cut, "└" + "─" * 87])


@pytest.mark.parametrize("corners", [False, True])
def test_a_logging_interceptors_records_are_the_request_sent_its_long_values_joined(corners: bool,
                                                                                    tmp_path: Path) -> None:
    """Headers only: the signatures' values (354 characters) are joined from their pieces, so neither is called
    malformed; the body is org.json's, not the one signed, so neither signature is judged."""
    check_shape(lambda request: logging_interceptor_logcat(request, corners), tmp_path, body_shown=False)


HTTPLOG = "D, [2026-11-22T13:00:00.123456 #4242] DEBUG -- : [httplog] "


def httplog(request: Request, headers: bool = True) -> list[str]:
    # github.com/trusche/httplog: adapters/net_http.rb builds the URL `http://#{@address}:#{@port}#{req.path}`
    # and logs log_request (`Sending: <METHOD> <url>`), log_headers (`Header: <name>: <value>` for each of
    # req.each_header: names lower-cased, Net::HTTP's own among them), log_data (`Data: <body>`) through Ruby's
    # Logger (the default formatter's `D, [<time> #<pid>] DEBUG -- : `, a message's later lines bare).
    sent = [("accept-encoding", "gzip;q=1.0,deflate;q=0.6,identity;q=0.3"), ("accept", "*/*"),
            *((name.lower(), value) for name, value in request.headers), ("host", request.host)]
    url = f"http://{request.host}:443{request.path}"
    return [HTTPLOG + f"Connecting: {request.host}:443", HTTPLOG + f"Sending: {request.method} {url}",
            *(HTTPLOG + f"Header: {name}: {value}" for name, value in sent if headers),
            *(HTTPLOG + f"Data: {request.body}").split("\n"), HTTPLOG + "Status: 200",
            HTTPLOG + "Benchmark: 0.412 seconds"]


def test_httplogs_records_are_the_request_sent(tmp_path: Path) -> None:
    check_shape(httplog, tmp_path)


def test_httplogs_records_without_headers_read_every_request_and_call_none_unsigned(tmp_path: Path) -> None:
    path, _ = write_shape(lambda request: httplog(request, headers=False), tmp_path)
    report, _ = scan_json(str(path))
    assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == []
    assert report["scan"]["requests"].get("requests_judged") == 4, report["scan"]["requests"]
