"""One transfer request, written the ways other systems log requests, gives one set of findings.

The shapes follow the formats' public documentation: JSON request records flat and nested
(``http.*``), ECS (``url.full``, ``http.request.*``), header lists of pairs, a container runtime's
``json-file`` envelope and the CRI line prefix, cloud log exports (Google's ``jsonPayload``, AWS
CloudWatch's ``message``), an error tracker's ``request`` interface (headers as pairs, body as
``data``), a HAR-style request object, a header dump inside a message string, a Python dict repr,
an OkHttp dump inside container envelopes, curl ``-v`` output, and the debug output of HTTP
client libraries (an axios error as Node prints it, Spring's WebClient, Guzzle, PHP's cURL,
Faraday, Feign, .NET's ``HttpClient``, Go's ``DumpRequestOut``, Python ``requests`` with
``http.client`` debugging), each also inside a container runtime's ``json-file`` envelope. Every shape carries an unsigned
transfer, a signed one and one with a malformed signature: each shape must report the unsigned
one as unsigned, the malformed one as a bad signature, and count the signed one as a signature
it could not verify (no ``--public-key``).
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Callable

import pytest

from helpers.request_shapes import BODY, REQUESTS, URL, Headers, assert_same_request_findings, write_requests
from helpers.running import scan_json



def flat(headers: Headers) -> list[str]:
    return [json.dumps({"ts": "2026-11-22T13:00:00Z", "method": "POST", "url": URL, "headers": dict(headers),
                        "body": BODY})]


def nested_http(headers: Headers) -> list[str]:
    return [json.dumps({"time": "2026-11-22T13:00:00Z",
                        "http": {"method": "POST", "url": URL, "headers": dict(headers), "body": BODY}})]


def ecs(headers: Headers) -> list[str]:
    return [json.dumps({"@timestamp": "2026-11-22T13:00:00Z", "url": {"full": URL},
                        "http": {"request": {"method": "POST", "headers": dict(headers), "body": {"content": BODY}}}})]


def pairs(headers: Headers) -> list[str]:
    return [json.dumps({"request": {"method": "POST", "uri": "/v1/transfer_requests", "host": "api.iugu.com"},
                        "request_headers": [[name, value] for name, value in headers], "request_body": BODY})]


def uri_holds_the_url(headers: Headers) -> list[str]:
    return [json.dumps({"request": {"method": "POST", "uri": URL}, "request_headers": dict(headers),
                        "request_body": BODY})]


def docker(headers: Headers) -> list[str]:
    return [json.dumps({"log": flat(headers)[0] + "\n", "stream": "stdout", "time": "2026-11-22T13:00:00.1Z"})]


def cri(headers: Headers) -> list[str]:
    return [f"2026-11-22T13:00:00.123456789Z stdout F {flat(headers)[0]}"]


def gcp(headers: Headers) -> list[str]:
    return [json.dumps({"insertId": "abc", "jsonPayload": json.loads(flat(headers)[0]),
                        "resource": {"type": "k8s_container"}, "timestamp": "2026-11-22T13:00:00Z"})]


def cloudwatch(headers: Headers) -> list[str]:
    return [json.dumps({"timestamp": 1795352400000, "message": flat(headers)[0], "logStream": "payouts/1"})]


def error_tracker(headers: Headers) -> list[str]:
    return [json.dumps({"event_id": "f" * 32, "level": "error",
                        "request": {"method": "POST", "url": URL, "headers": [[n, v] for n, v in headers],
                                    "data": BODY}})]


def har_style(headers: Headers) -> list[str]:
    return [json.dumps({"entry": {"request": {"method": "POST", "url": URL,
                                              "headers": [{"name": n, "value": v} for n, v in headers],
                                              "postData": {"mimeType": "application/json", "text": BODY}}}})]


def dump_in_message(headers: Headers) -> list[str]:
    head = "\r\n".join(["POST /v1/transfer_requests HTTP/1.1", "Host: api.iugu.com"]
                       + [f"{n}: {v}" for n, v in headers])
    return [json.dumps({"level": "debug", "message": f"{head}\r\n\r\n{BODY}"})]


def python_repr(headers: Headers) -> list[str]:
    return [repr({"method": "POST", "url": URL, "headers": dict(headers), "body": BODY})]


def okhttp_in_docker(headers: Headers) -> list[str]:
    lines = [f"--> POST {URL}"] + [f"{n}: {v}" for n, v in headers] + ["", BODY,
                                                                        f"--> END POST ({len(BODY)}-byte body)"]
    return [json.dumps({"log": f"I/okhttp.OkHttpClient: {line}\n", "stream": "stdout"}) for line in lines]


def curl_verbose(headers: Headers) -> list[str]:
    return (["*   Trying 1.2.3.4:443...", "> POST /v1/transfer_requests HTTP/1.1", "> Host: api.iugu.com"]
            + [f"> {n}: {v}" for n, v in headers] + [f"> Content-Length: {len(BODY)}", ">", BODY])


# --- HTTP client libraries' debug output, each written as the library's source writes it ----------

def _sent_head(headers: Headers, agent: str) -> list[str]:
    """Request line and headers of the transfer as a client puts them on the wire."""
    return (["POST /v1/transfer_requests HTTP/1.1", "Host: api.iugu.com", f"User-Agent: {agent}"]
            + [f"{n}: {v}" for n, v in headers if n != "User-Agent"] + [f"Content-Length: {len(BODY)}"])


def guzzle_message_formatter(headers: Headers) -> list[str]:
    # guzzlehttp/guzzle MessageFormatter::DEBUG = ">>>>>>>>\n{request}\n<<<<<<<<\n{response}\n--------\n{error}",
    # {request} being guzzlehttp/psr7 Message::toString (CRLF line ends); logged by Laravel's Monolog
    # LineFormatter, which keeps line breaks: the record's prefix is on its first line only.
    message = "\r\n".join(_sent_head(headers, "GuzzleHttp/7") + ["", BODY])
    return [f"[2026-11-22 13:00:00] production.DEBUG: >>>>>>>>\n{message}\n<<<<<<<<\nHTTP/1.1 200 OK\r\n"
            "Content-Type: application/json\r\n\r\n{}\n--------\nNULL"]


def php_curl_verbose(headers: Headers) -> list[str]:
    # libcurl's CURLOPT_VERBOSE without a debug callback (PHP's curl_setopt($ch, CURLOPT_VERBOSE,
    # true), Guzzle's `debug` request option): lib/curl_trc.c Curl_debug writes "> " once, then the
    # whole header block as sent (CRLF line ends); `* ` info lines; the body is not shown.
    head = _sent_head(headers, "payouts-php/3.1")
    return (["*   Trying 200.155.0.10:443...", "* Connected to api.iugu.com (200.155.0.10) port 443 (#0)",
             "* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384", "> " + head[0] + "\r"]
            + [line + "\r" for line in head[1:]] + ["\r", f"* upload completely sent off: {len(BODY)} out of "
                                                    f"{len(BODY)} bytes", "< HTTP/1.1 200 OK\r", "< Content-Length: 2\r"])


def faraday_logger(headers: Headers) -> list[str]:
    # Faraday::Logging::Formatter (faraday 2.x, `response :logger, logger, headers: true, bodies:
    # true`): "#{env.method.upcase} #{env.url}", then dump_headers = headers.map { |k, v|
    # "#{k}: #{v.inspect}" }.join("\n") as one message, then the body; progname 'request'; Ruby's
    # Logger::Formatter "%s, [%s #%d] %5s -- %s: %s\n".
    prefix = "I, [2026-11-22T13:00:00.{:06d} #4242]  INFO -- "
    quoted = [f'{n}: {json.dumps(v)}' for n, v in headers]
    return [prefix.format(1) + f"request: POST {URL}", prefix.format(2) + "request: " + quoted[0], *quoted[1:],
            prefix.format(3) + f"request: {BODY}", prefix.format(412345) + "response: Status 200"]


def feign_full(headers: Headers) -> list[str]:
    # feign.Logger.logRequest at Level.FULL: "---> %s %s HTTP/1.1", "%s: %s" per header, "" then
    # the body, "---> END HTTP (%s-byte body)"; each line "[Client#method] " (methodTag) after
    # Spring Boot's console pattern.
    prefix = "2026-11-22T13:00:00.{:03d}-03:00 DEBUG 1 --- [payouts] [nio-8080-exec-7] c.e.payouts.IuguClient   : "
    lines = ([f"---> POST {URL} HTTP/1.1", f"Content-Length: {len(BODY)}"] + [f"{n}: {v}" for n, v in headers]
             + ["", BODY, f"---> END HTTP ({len(BODY)}-byte body)", "<--- HTTP/1.1 200 (182ms)"])
    return [prefix.format(index) + "[IuguClient#transfer] " + line for index, line in enumerate(lines)]


def dotnet_http_client(headers: Headers) -> list[str]:
    # Microsoft.Extensions.Http logging: LogicalHandler "Start processing HTTP request {HttpMethod}
    # {Uri}" and ClientHandler "Sending HTTP request {HttpMethod} {Uri}", each with "Request
    # Headers:" and one "Name: value" line per header at Trace, then "Received HTTP response
    # headers after {ElapsedMilliseconds}ms - {StatusCode}"; the console formatter's level and
    # category line, the message indented by six blanks.
    block = ["      Request Headers:"] + [f"      {n}: {v}" for n, v in headers]
    category = "System.Net.Http.HttpClient.iugu.{}[{}]"
    return ([f"info: {category.format('LogicalHandler', 100)}", f"      Start processing HTTP request POST {URL}",
             f"trce: {category.format('LogicalHandler', 102)}", *block,
             f"info: {category.format('ClientHandler', 100)}", f"      Sending HTTP request POST {URL}",
             f"trce: {category.format('ClientHandler', 102)}", *block,
             f"info: {category.format('ClientHandler', 101)}", "      Received HTTP response headers after 182.4ms - 200",
             f"info: {category.format('LogicalHandler', 101)}", "      End processing HTTP request after 190.1ms - 200"])


def go_dump_request_out(headers: Headers) -> list[str]:
    # net/http/httputil.DumpRequestOut ("the request as it would be sent on the wire": Host,
    # User-Agent, Content-Length, the other headers sorted, Accept-Encoding, CRLF line ends, the
    # body) printed with log.Printf("%s", dump): the standard logger's prefix on the first line only.
    head = _sent_head(headers, "Go-http-client/1.1")
    dump = "\r\n".join(head[:2] + [head[2], head[-1], *sorted(head[3:-1]), "Accept-Encoding: gzip", "", BODY])
    return [f"2026/11/22 13:00:00 {dump}", "2026/11/22 13:00:00 transfer sent: 200 OK"]


def python_requests_debug(headers: Headers) -> list[str]:
    # requests with http.client.HTTPConnection.debuglevel = 1 and logging at DEBUG: http.client
    # prints "send: " and the repr of each chunk sent, "reply: " and "header: " lines; urllib3's
    # connectionpool logs the connection and '%s://%s:%s "%s %s %s" %s %s' per request.
    head = ("\r\n".join(_sent_head(headers, "python-requests/2.32.3")) + "\r\n\r\n").encode()
    return ["DEBUG:urllib3.connectionpool:Starting new HTTPS connection (1): api.iugu.com:443", f"send: {head!r}",
            f"send: {BODY.encode()!r}", "reply: 'HTTP/1.1 200 OK\\r\\n'", "header: Content-Type: application/json",
            'DEBUG:urllib3.connectionpool:https://api.iugu.com:443 "POST /v1/transfer_requests HTTP/1.1" 200 2']


def axios_error(headers: Headers) -> list[str]:
    # console.error(error) of an AxiosError (axios 1.x): Node's util.inspect prints the error's
    # stack, then its properties, among them `config` (the request config: headers as an
    # AxiosHeaders object, `method` lower-case, `url`, `data` the body as sent), two levels deep.
    quoted = [f"      {n if n.isidentifier() else repr(n)}: {v!r}," for n, v in headers]
    return ["AxiosError: Request failed with status code 422",
            "    at settle (/app/node_modules/axios/dist/node/axios.cjs:2019:12)",
            "    at Axios.request (/app/node_modules/axios/dist/node/axios.cjs:4224:41) {",
            "  code: 'ERR_BAD_REQUEST',", "  config: {", "    transitional: {", "      silentJSONParsing: true,",
            "      clarifyTimeoutError: false", "    },", "    adapter: [ 'xhr', 'http', 'fetch' ],",
            "    transformRequest: [ [Function: transformRequest] ],", "    timeout: 0,",
            "    env: { FormData: [Function [FormData]], Blob: [class Blob] },",
            "    validateStatus: [Function: validateStatus],", "    headers: Object [AxiosHeaders] {",
            "      Accept: 'application/json, text/plain, */*',", *quoted, f"      'Content-Length': '{len(BODY)}',",
            "      'Accept-Encoding': 'gzip, compress, deflate, br'", "    },", "    baseURL: 'https://api.iugu.com/v1',",
            "    method: 'post',", "    url: '/transfer_requests',", f"    data: {BODY!r}", "  },",
            "  request: <ref *1> ClientRequest {", "    _events: [Object: null prototype] {", "    },", "  }", "}"]


def spring_webclient_trace(headers: Headers) -> list[str]:
    # Spring WebFlux ExchangeFunctions.logRequest: logPrefix + "HTTP " + method + " " + url, and at
    # TRACE with enableLoggingRequestDetails ", headers=" + HttpHeaders.toString() ([Name:"value", …]).
    listed = ", ".join(f'{n}:"{v}"' for n, v in headers)
    return ["2026-11-22T13:00:00.123-03:00 TRACE 1 --- [payouts] [ctor-http-nio-3] o.s.w.r.f.client.ExchangeFunctions"
            f"       : [6d3a1b2c] HTTP POST {URL}, headers=[{listed}]",
            "2026-11-22T13:00:00.301-03:00 TRACE 1 --- [payouts] [ctor-http-nio-3] o.s.w.r.f.client.ExchangeFunctions"
            "       : [6d3a1b2c] [9b2e4c1a-1] Response 200 OK"]


CLIENT_SHAPES = (axios_error, spring_webclient_trace, guzzle_message_formatter, php_curl_verbose, faraday_logger, feign_full, dotnet_http_client,
                 go_dump_request_out, python_requests_debug)
SHAPES: dict[str, Callable[[Headers], list[str]]] = {shape.__name__: shape for shape in (
    flat, nested_http, ecs, pairs, uri_holds_the_url, docker, cri, gcp, cloudwatch, error_tracker, har_style, dump_in_message,
    python_repr, okhttp_in_docker, curl_verbose, *CLIENT_SHAPES)}


def in_docker(shape: Callable[[Headers], list[str]]) -> Callable[[Headers], list[str]]:
    """The shape as a container runtime's json-file driver stores it: one JSON line per line written."""
    def wrapped(headers: Headers) -> list[str]:
        written = "\n".join(shape(headers)).split("\n")
        return [json.dumps({"log": line + "\n", "stream": "stdout", "time": "2026-11-22T13:00:00.1Z"}) for line in written]

    return wrapped


SHAPES |= {f"{shape.__name__}_in_docker": in_docker(shape) for shape in CLIENT_SHAPES}


def each_line(layer: Callable[[str], str]) -> Callable[[Callable[[Headers], list[str]]], Callable[[Headers], list[str]]]:
    """A layer put on every line a shape writes, by what carries or shows the log."""
    def wrap(shape: Callable[[Headers], list[str]]) -> Callable[[Headers], list[str]]:
        def wrapped(headers: Headers) -> list[str]:
            return [layer(line) for line in "\n".join(shape(headers)).split("\n")]

        return wrapped

    return wrap


# A transport's prefix before every line (a syslog daemon's, RFC 5424's, docker compose's, kubectl's,
# Heroku's), whatever the program's logger put after it on the first line only; a terminal's
# colours around each line; a web page's HTML entities.
TRANSPORTS = {"syslog": "Nov 22 13:00:00 web-1 payouts[312]: ", "syslog_iso": "2026-11-22T13:00:00.123+00:00 web-1 payouts[312]: ",
              "rfc5424": "<134>1 2026-11-22T13:00:00.1Z web-1 payouts 312 - - ", "compose": "payouts-1  | ",
              "kubectl": "[pod/payouts-7d9f/app] ", "heroku": "2026-11-22T13:00:00.000000+00:00 app[web.1]: ",
              "pm2": "0|payouts  | "}
LAYERS = {**{name: each_line(lambda line, prefix=prefix: prefix + line) for name, prefix in TRANSPORTS.items()},
          "coloured": each_line(lambda line: f"\x1b[36m{line}\x1b[0m"), "html_escaped": each_line(html.escape)}
LAYERED = {f"{shape.__name__}_{layer}": LAYERS[layer](shape) for shape in CLIENT_SHAPES for layer in ("syslog", "coloured")}
LAYERED |= {f"go_dump_request_out_{layer}": LAYERS[layer](go_dump_request_out) for layer in TRANSPORTS}
LAYERED |= {f"{shape.__name__}_html_escaped": LAYERS["html_escaped"](shape) for shape in (flat, ecs, docker, curl_verbose)}
LAYERED["okhttp_in_docker_syslog"] = LAYERS["syslog"](okhttp_in_docker)
# A second logger that writes each line of a dump with its own prefix, the first line keeping the
# client's prefix after it: the request's other lines carry the outer prefix alone.
LAYERED |= {f"{shape.__name__}_logged_again": each_line(lambda line: "2026-11-22 13:00:00.123 DEBUG [worker-1] "
                                                                     "c.e.Client : " + line)(shape)
            for shape in (go_dump_request_out, php_curl_verbose, spring_webclient_trace, dotnet_http_client, curl_verbose)}


@pytest.mark.parametrize("shape", LAYERED)
def test_a_shape_under_a_transports_prefix_colours_or_html_gives_the_same_request_findings(shape: str,
                                                                                           tmp_path: Path) -> None:
    assert_same_request_findings(write_requests(LAYERED[shape], tmp_path), shape)


@pytest.mark.parametrize("shape", SHAPES)
def test_every_shape_gives_the_same_request_findings(shape: str, tmp_path: Path) -> None:
    assert_same_request_findings(write_requests(SHAPES[shape], tmp_path), shape)


def test_a_library_that_logs_no_headers_still_gives_its_urls_findings(tmp_path: Path) -> None:
    # httpx logs one INFO line a request (httpx/_client.py: 'HTTP Request: %s %s "%s %d %s"'): the
    # URL's findings hold, and no header is called missing.
    lines = ['INFO:httpx:HTTP Request: POST http://api.iugu.com/v1/transfer_requests "HTTP/1.1 401 Unauthorized"',
             "INFO:payouts:retrying"]
    (tmp_path / "worker.log").write_text("\n".join(lines) + "\n")
    report, _ = scan_json(str(tmp_path / "worker.log"))
    found = [(f["rule_id"], f["location"]["line"]) for f in report["findings"] if f["context"].get("method")]
    assert found == [("iugu-plaintext-request", 1)], found


# --- the same request under any naming, nesting and escaping depth -------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

SPELLINGS = {"method": ["method", "httpMethod", "http_method", "request-method", "Verb"],
             "url": ["url", "URL", "requestUrl", "request_url", "fullUrl", "href"],
             "headers": ["headers", "requestHeaders", "request_headers", "Headers"],
             "body": ["body", "requestBody", "request_body", "payload", "data"]}


def spelled(draw: st.DrawFn, role: str) -> str:
    return draw(st.sampled_from(SPELLINGS[role]))


@st.composite
def records(draw: st.DrawFn) -> str:
    headers = dict(REQUESTS["unsigned"])
    shapes = draw(st.sampled_from(["object", "pairs", "named"]))
    logged: object = headers if shapes == "object" else (
        [[n, v] for n, v in headers.items()] if shapes == "pairs" else [{"name": n, "value": v} for n, v in headers.items()])
    request = {spelled(draw, "method"): "POST", spelled(draw, "url"): URL, spelled(draw, "headers"): logged,
               spelled(draw, "body"): BODY}
    record: object = request
    for _ in range(draw(st.integers(0, 3))):  # nested under other objects
        record = {draw(st.sampled_from(["request", "http", "context", "event", "jsonPayload"])): record,
                  "level": "debug"}
    for _ in range(draw(st.integers(0, 2))):  # and as a JSON string inside an envelope, escaped again each time
        record = {draw(st.sampled_from(["log", "message", "msg"])): json.dumps(record), "stream": "stdout"}
    return json.dumps(record)


@settings(max_examples=60, deadline=None)
@given(records())
def test_any_naming_nesting_and_escaping_gives_the_same_finding(line: str) -> None:
    report, _ = scan_json("-", input=f"heartbeat ok\n{line}\nheartbeat ok\n")
    assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == ["iugu-unsigned-transfer"]
