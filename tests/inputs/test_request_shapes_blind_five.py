"""A fifth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu
transfers unsigned, signed with the client's real key and with another key, an Asaas transfer)
written by producers none of the other corpora showed — JVM clients' and test tools' logs (Jersey,
Karate, Quarkus, Micronaut, Netty's hex dump under Vert.x, JMeter's JTL), mobile clients' loggers
(dio, pretty_dio_logger, Moya, Chucker), Ruby, Go, Node and .NET libraries' records, mocks' and
recorders' files (Hoverfly, nock, MockServer), error trackers' notices (Raygun, Honeybadger),
servers' and caches' request logs (Varnish, Apache's forensic log, nginx's debug log), and
clients that log only a method and a URL.

Each shape quotes the public documentation (or the source) it follows. The checks are the ones
every blind corpus passes (:mod:`test_request_shape_corpora`): ``SHAPES`` show the body as sent,
``HEADERS_ONLY`` never do (the body parsed, re-indented, cut or absent), ``NO_HEADERS`` show no
header. A shape the readers cannot take yet is an expected failure, strict, with what they miss.
"""

from __future__ import annotations

import base64
import json
from itertools import count

from helpers.signed_shapes import Request, case, go_canonical

WHEN = "2026-11-22T13:00:00.000Z"
EPOCH = 1795352400
_CONNECTIONS = count(1)  # a server's or a client's running request number


def _line(record: object) -> list[str]:
    return [json.dumps(record)]


def _head(request: Request) -> list[str]:
    """The request line and headers as HTTP/1.1 sends them (Host first, Content-Length last)."""
    return [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}",
            *(f"{name}: {value}" for name, value in request.headers), f"Content-Length: {len(request.body.encode())}"]


def _received(request: Request) -> list[tuple[str, str]]:
    """The headers a server receives: Host first, the client's, Content-Length last."""
    return [("Host", request.host), *request.headers, ("Content-Length", str(len(request.body.encode())))]



# --- JVM clients and test tools -------------------------------------------------------------------

def jersey_logging_feature(request: Request) -> list[str]:
    # Jersey's LoggingFeature at Verbosity.PAYLOAD_ANY (eclipse-ee4j.github.io/jersey.github.io/
    # documentation/latest/logging_chapter.html: "1 * Sending client request on thread main",
    # "1 > POST <uri>", one `1 > Name: value` a header, sorted by name ignoring case, then the
    # entity), through java.util.logging's SimpleFormatter (its default two-line format: date,
    # source class and method; `LEVEL: message`).
    n = next(_CONNECTIONS)
    headers = sorted(request.headers, key=lambda header: header[0].lower())
    return ["Nov 22, 2026 1:00:00 PM org.glassfish.jersey.logging.LoggingInterceptor log",
            f"INFO: {n} * Sending client request on thread main", f"{n} > {request.method} {request.url}",
            *(f"{n} > {name}: {value}" for name, value in headers), *request.body.split("\n"), ""]


def karate_request_log(request: Request) -> list[str]:
    # Karate's HTTP log (karatelabs.github.io/karate/#logging, logback `com.intuit.karate` at DEBUG:
    # "request:" then `1 > POST <url>`, the headers as the Apache client sent them, `1 > Name:
    # value`, and the body as sent; logPrettyRequest off, the default).
    sent = [*request.headers, ("Content-Length", str(len(request.body.encode()))), ("Host", request.host),
            ("Connection", "Keep-Alive"), ("Accept-Encoding", "gzip,deflate")]
    return ["13:00:00.123 [main] DEBUG com.intuit.karate - request:", f"1 > {request.method} {request.url}",
            *(f"1 > {name}: {value}" for name, value in sent), *request.body.split("\n"), ""]


def quarkus_rest_client(request: Request) -> list[str]:
    # Quarkus REST client logging (quarkus.io/guides/rest-client#logging-traffic: quarkus.rest-client.
    # logging.scope=request-response, body-limit=-1, the DefaultClientLogger category at DEBUG;
    # DefaultClientLogger.logRequest: "Request: %s %s Headers[%s], Body:\n%s", the headers
    # `name=value` joined by blanks), Quarkus's default console format.
    headers = " ".join(f"{name}={value}" for name, value in
                       [*request.headers, ("content-length", str(len(request.body.encode())))])
    return [f"2026-11-22 13:00:00,123 DEBUG [org.jbo.res.rea.cli.log.DefaultClientLogger] (vert.x-eventloop-thread-1) "
            f"Request: {request.method} {request.url} Headers[{headers}], Body:", *request.body.split("\n")]


def micronaut_client_trace(request: Request) -> list[str]:
    # Micronaut's HTTP client with `io.micronaut.http.client` at TRACE (docs.micronaut.io/latest/
    # guide/#clientLogging; DefaultHttpClient: "Sending HTTP {} to {}" at DEBUG, each header "{}: {}"
    # at TRACE, then traceBody: "Request Body", "----", the body, "----"), logback's default pattern.
    prefix = "13:00:00.123 [default-nioEventLoopGroup-1-2] {} i.m.h.client.netty.DefaultHttpClient - "
    trace = prefix.format("TRACE")
    fields = [*request.headers, ("host", request.host), ("connection", "keep-alive"),
              ("content-length", str(len(request.body.encode())))]
    body = request.body.split("\n")
    return [prefix.format("DEBUG") + f"Sending HTTP {request.method} to {request.url}",
            *(f"{trace}{name}: {value}" for name, value in fields), trace + "Request Body", trace + "----",
            trace + body[0], *body[1:], trace + "----"]


def vertx_netty_hex_dump(request: Request) -> list[str]:
    # A Vert.x WebClient with HttpClientOptions.setLogActivity(true) (vertx.io/docs/vertx-core/java/
    # #_logging_network_activity: Netty's LoggingHandler, after the TLS handler, logs the bytes
    # written at DEBUG in ByteBufFormat.HEX_DUMP): `[id: 0x…, L:… - R:…] WRITE: 245B` and
    # ByteBufUtil.appendPrettyHexDump's table, 16 bytes a row, each unprintable byte a `.`.
    data = "\r\n".join(_head(request)).encode() + b"\r\n\r\n" + request.body.encode()
    rule = "+--------+-------------------------------------------------+----------------+"
    rows = []
    for at in range(0, len(data), 16):
        chunk = data[at:at + 16]
        text = "".join(chr(b) if 0x20 <= b < 0x7F else "." for b in chunk)
        rows.append(f"|{at:08x}|{''.join(f' {b:02x}' for b in chunk):<48} |{text:<16}|")
    return [f"13:00:00.123 [vert.x-eventloop-thread-1] DEBUG io.netty.handler.logging.LoggingHandler - "
            f"[id: 0x8d1f2b3c, L:/10.0.0.7:50412 - R:{request.host}/200.155.0.10:443] WRITE: {len(data)}B",
            "         +-------------------------------------------------+",
            "         |  0  1  2  3  4  5  6  7  8  9  a  b  c  d  e  f |", rule, *rows, rule]


def _xstream(text: str) -> str:
    """Text as XStream's PrettyPrintWriter escapes it in a JTL file."""
    for plain, escaped in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&apos;"),
                           ("\r", "&#xd;")):
        text = text.replace(plain, escaped)
    return text


def jmeter_jtl_xml(request: Request) -> list[str]:
    # A JMeter results file in XML (jmeter.apache.org/usermanual/listeners.html#sample_saving_configuration
    # and #xmlformat2.1: jmeter.save.saveservice.output_format=xml, samplerData, requestHeaders and
    # url saved): an <httpSample> with <requestHeader> (the headers sent, one a line), <method>,
    # <queryString> (a POST's body), <java.net.URL> and <samplerData> ("POST <url>", "POST data:",
    # the body, "[no cookies]"), text escaped by XStream.
    headers = "\n".join(f"{name}: {value}" for name, value in
                        [("Connection", "keep-alive"), *request.headers,
                         ("Content-Length", str(len(request.body.encode()))), ("Host", request.host)])
    sampler = f"{request.method} {request.url}\n\n{request.method} data:\n{request.body}\n\n[no cookies]\n"
    text = '  <{0} class="java.lang.String">{1}</{0}>'
    lines = [f'<httpSample t="32" it="0" lt="31" ct="12" ts="{EPOCH}000" s="true" lb="transfer" rc="201" '
             'rm="Created" tn="Payouts 1-1" dt="text" by="120" sby="245" ng="1" na="1">',
             text.format("responseHeader", "HTTP/1.1 201 Created\nContent-Type: application/json"),
             text.format("requestHeader", _xstream(headers)),
             text.format("responseData", _xstream('{"id":"t1"}')),
             text.format("responseFile", ""), text.format("cookies", ""), text.format("method", request.method),
             text.format("queryString", _xstream(request.body)), f"  <java.net.URL>{request.url}</java.net.URL>",
             text.format("samplerData", _xstream(sampler)), "</httpSample>"]
    return "\n".join(lines).split("\n")


def vegeta_json_targets(request: Request) -> list[str]:
    # A Vegeta targets file in JSON (github.com/tsenart/vegeta#json-format, `vegeta attack -format=json`):
    # one target a line, {"method", "url", "body": base64, "header": {name: [values]}}.
    return _line({"method": request.method, "url": request.url,
                  "body": base64.b64encode(request.body.encode()).decode(),
                  "header": {name: [value] for name, value in request.headers}})


# --- mobile clients -------------------------------------------------------------------------------

FLUTTER = "I/flutter ( 4321): "  # `flutter run`'s console: each print() of the app, from Android's log


def dio_log_interceptor(request: Request) -> list[str]:
    # dio's LogInterceptor(requestBody: true) (pub.dev/documentation/dio/latest/dio/LogInterceptor-class.html;
    # lib/src/interceptors/log.dart onRequest: "*** Request ***", `uri: …`, the options `key: value`,
    # "headers:" and ` name: value`, "data:" and the body split on line feeds, a blank line), each
    # line one print().
    lines = ["*** Request ***", f"uri: {request.url}", f"method: {request.method}", "responseType: ResponseType.json",
             "followRedirects: true", "persistentConnection: true", "connectTimeout: null", "sendTimeout: null",
             "receiveTimeout: null", "receiveDataWhenStatusError: true", "extra: {}", "headers:",
             *(f" {name}: {value}" for name, value in request.headers), "data:", *request.body.split("\n"), ""]
    return [FLUTTER + line for line in lines]


def pretty_dio_logger(request: Request) -> list[str]:
    # pretty_dio_logger with its defaults, requestBody off (pub.dev/packages/pretty_dio_logger; its
    # onRequest: a box "╔╣ Request ║ POST " / "║  <uri>" / "╚═…", then "╔ Headers " and one
    # `╟ name: value` a header; a value longer than the width (90) goes on the next lines, cut every
    # 90 characters, each piece after "║ ").
    width = 90
    rows = []
    for name, value in [*request.headers, ("contentType", "application/json"), ("responseType", "ResponseType.json"),
                        ("followRedirects", "true"), ("connectTimeout", "null"), ("receiveTimeout", "null")]:
        pre = f"╟ {name}: "
        rows += ([pre + value] if len(pre) + len(value) <= width else
                 [pre, *("║ " + value[at:at + width] for at in range(0, len(value), width))])
    lines = ["", f"╔╣ Request ║ {request.method} ", f"║  {request.url}", "╚" + "═" * width, "╔ Headers ", *rows,
             "╚" + "═" * width]
    return [FLUTTER + line for line in lines]


def moya_network_logger(request: Request) -> list[str]:
    # Moya's NetworkLoggerPlugin with logOptions .verbose (github.com/Moya/Moya, docs/Plugins.md and
    # Sources/Moya/Plugins/NetworkLoggerPlugin.swift: entries "Request", "Request Headers" (a Swift
    # dictionary's description), "Request Body" (the bytes as UTF-8), "HTTP Request Method", each
    # `Moya_Logger: [<date>] <identifier>: <message>`, the date short/short in en_US (a narrow
    # no-break space before PM)), printed.
    date = "11/22/26, 1:00\u202fPM"
    headers = "[" + ", ".join(f"{json.dumps(name)}: {json.dumps(value)}" for name, value in request.headers) + "]"
    entries = [("Request", request.url), ("Request Headers", headers), ("Request Body", request.body),
               ("HTTP Request Method", request.method)]
    return "\n".join(f"Moya_Logger: [{date}] {name}: {message}" for name, message in entries).split("\n")


def chucker_share_text(request: Request) -> list[str]:
    # A Chucker transaction shared as text (github.com/ChuckerTeam/chucker, "Share": its
    # TransactionDetailsSharable: URL, Method, Protocol, Status, Response, SSL, times and sizes,
    # "---------- Request ----------", the headers `Name: value`, and the body as Chucker formats it
    # for reading — JSON re-indented by two blanks, so not the bytes sent).
    pretty = json.dumps(json.loads(request.body), indent=2)
    size = len(request.body.encode())
    return [f"URL: {request.url}", f"Method: {request.method}", "Protocol: http/1.1", "Status: Complete",
            "Response: 201 Created", "SSL: Yes", "", "Request time: Sun Nov 22 13:00:00 BRT 2026",
            "Response time: Sun Nov 22 13:00:00 BRT 2026", "Duration: 32 ms", "", f"Request size: {size} B",
            "Response size: 12 B", f"Total size: {size + 12} B", "", "---------- Request ----------", "",
            *(f"{name}: {value}" for name, value in request.headers), "", *pretty.split("\n"), "",
            "---------- Response ----------", "", "content-type: application/json", "", "{", '  "id": "t1"', "}"]


# --- Ruby, Go, Node and .NET libraries ------------------------------------------------------------

def rest_client_ruby(request: Request) -> list[str]:
    # rest-client's request log with RestClient.log = $stdout (github.com/rest-client/rest-client,
    # README "Logging"; lib/restclient/request.rb log_request: `RestClient.post "<url>", <payload
    # inspected>, "Name"=>"value", …`, the headers sorted, each string Ruby-inspected).
    headers = sorted([("Accept", "*/*"), *request.headers, ("Content-Length", str(len(request.body.encode())))])
    pairs = ", ".join(f"{json.dumps(name)}=>{json.dumps(value)}" for name, value in headers)
    return [f"RestClient.{request.method.lower()} {json.dumps(request.url)}, {json.dumps(request.body)}, {pairs}",
            "# => 201 Created | application/json 12 bytes, 0.03s"]


def httparty_curl_logger(request: Request) -> list[str]:
    # HTTParty with `logger: Logger.new($stdout), log_format: :curl` (github.com/jnunemaker/httparty,
    # lib/httparty/logger/curl_formatter.rb: `[HTTParty] [<time>] > POST <path>`, one `> Name: value`
    # a header given, `> <raw body>`, `> `, then the response with `<`), one message joined by line
    # feeds, through Ruby's Logger (its prefix on the first line only).
    tag = "[HTTParty] [2026-11-22 13:00:00 +0000]"
    message = "\n".join([f"{tag} > {request.method} {request.url}",
                         *(f"{tag} > {name}: {value}" for name, value in request.headers), f"{tag} > {request.body}",
                         f"{tag} > ", f"{tag} < HTTP/1.1 201", f"{tag} < Content-type: application/json",
                         f'{tag} < \n{{"id":"t1"}}'])
    return ("I, [2026-11-22T13:00:00.123456 #1234]  INFO -- : " + message).split("\n")


def zap_header_field(request: Request) -> list[str]:
    # Go's zap production logger (pkg.go.dev/go.uber.org/zap, NewProduction: JSON, `level`, `ts` as
    # epoch seconds, `caller`, `msg`), the request logged with zap.Any("header", req.Header) — an
    # http.Header, canonical names to lists of values — and zap.String("body", …).
    return _line({"level": "debug", "ts": EPOCH + 0.123456, "caller": "iugu/client.go:88", "msg": "outgoing request",
                  "method": request.method, "url": request.url,
                  "header": {go_canonical(name): [value] for name, value in request.headers}, "body": request.body})


def pino_http(request: Request) -> list[str]:
    # pino-http's "request completed" record (github.com/pinojs/pino-http, README "Example": req
    # {id, method, url, query, params, headers, remoteAddress, remotePort} by pino-std-serializers —
    # the URL a path, the headers lower-cased by Node, no body), logged by the sandbox double that
    # received the call.
    headers = {name.lower(): value for name, value in _received(request)}
    return _line({"level": 30, "time": EPOCH * 1000 + 123, "pid": 1, "hostname": "iugu-double-7d9",
                  "req": {"id": 1, "method": request.method, "url": request.path, "query": {}, "params": {},
                          "headers": headers, "remoteAddress": "::ffff:10.0.0.7", "remotePort": 50412},
                  "res": {"statusCode": 201, "headers": {"content-type": "application/json"}},
                  "responseTime": 32, "msg": "request completed"})


def aspnetcore_http_logging_clef(request: Request) -> list[str]:
    # ASP.NET Core's HTTP logging (learn.microsoft.com/aspnet/core/fundamentals/http-logging, .NET 7:
    # HttpLoggingFields.All, the iugu and Asaas headers added to RequestHeaders so they are not
    # "[Redacted]"; event 1 "RequestLog" with Protocol, Method, Scheme, PathBase, Path and each
    # header as a property, event 3 "RequestBody" "RequestBody: {Body}{Status}"), written by
    # Serilog's CompactJsonFormatter (github.com/serilog/serilog-formatting-compact: @t, @mt,
    # properties; the request's scope adds RequestId): two records for one request.
    scope = {"SourceContext": "Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware",
             "RequestId": "0HN8Q2B3C4D5E:00000001", "RequestPath": request.path, "ConnectionId": "0HN8Q2B3C4D5E"}
    fields = [("Protocol", "HTTP/1.1"), ("Method", request.method), ("Scheme", "https"), ("PathBase", ""),
              ("Path", request.path), *_received(request)]
    text = "Request:\n" + "\n".join(f"{name}: {value}" for name, value in fields)
    return [json.dumps({"@t": "2026-11-22T13:00:00.1230000Z", "@mt": "{Message:l}", "Message": text, **dict(fields),
                        "EventId": {"Id": 1, "Name": "RequestLog"}, **scope}),
            json.dumps({"@t": "2026-11-22T13:00:00.1250000Z", "@mt": "RequestBody: {Body}{Status}",
                        "Body": request.body, "Status": "", "EventId": {"Id": 3, "Name": "RequestBody"}, **scope})]


# --- mocks and recorders --------------------------------------------------------------------------

def hoverfly_simulation(request: Request) -> list[str]:
    # A Hoverfly simulation captured with `hoverctl mode capture --all-headers` and exported
    # (docs.hoverfly.io/en/latest/pages/reference/simulationschema.html, schema v5: data.pairs[]
    # {request: {path, method, destination, scheme, body, headers: {name: [matchers]}} — each
    # field a list of {matcher: "exact", value} —, response}, meta).
    def exact(value: str) -> list[dict[str, str]]:
        return [{"matcher": "exact", "value": value}]

    pair = {"request": {"path": exact(request.path), "method": exact(request.method),
                        "destination": exact(request.host), "scheme": exact("https"), "body": exact(request.body),
                        "headers": {name: exact(value) for name, value in request.headers}},
            "response": {"status": 201, "body": '{"id":"t1"}', "encodedBody": False,
                         "headers": {"Content-Type": ["application/json"]}, "templated": False}}
    simulation = {"data": {"pairs": [pair], "globalActions": {"delays": [], "delaysLogNormal": []}},
                  "meta": {"schemaVersion": "v5.2", "hoverflyVersion": "v1.5.3", "timeExported": WHEN}}
    return json.dumps(simulation, indent=4).splitlines()


def nock_recorder_objects(request: Request) -> list[str]:
    # nock's recorder with output_objects and enable_reqheaders_recording (github.com/nock/nock,
    # README "Recording": nock.recorder.play() gives {scope, method, path, body, status, response,
    # rawHeaders, reqheaders, responseIsBinary}; a JSON body is stored parsed), the objects saved
    # with JSON.stringify(…, null, 2) as a fixture.
    recorded = {"scope": f"https://{request.host}:443", "method": request.method, "path": request.path,
                "body": json.loads(request.body), "status": 201, "response": {"id": "t1"},
                "rawHeaders": ["Content-Type", "application/json"],
                "reqheaders": {name.lower(): value for name, value in _received(request)}, "responseIsBinary": False}
    return json.dumps([recorded], indent=2).splitlines()


def _jackson(value: object, indent: str = "") -> str:
    """JSON as Jackson's default pretty printer writes it: `"name" : value`, arrays on one line."""
    if isinstance(value, dict):
        inner = indent + "  "
        members = [f"{inner}{json.dumps(key)} : {_jackson(item, inner)}" for key, item in value.items()]
        return "{\n" + ",\n".join(members) + "\n" + indent + "}"
    if isinstance(value, list):
        return "[ " + ", ".join(_jackson(item, indent) for item in value) + " ]"
    return json.dumps(value)


def mockserver_log(request: Request) -> list[str]:
    # MockServer's log of a request it received (mock-server.com/mock_server/debugging_issues.html,
    # "received request:" then the request as JSON, Jackson-pretty-printed and indented by two:
    # method, path, headers {name: [values]}, keepAlive, secure, and a JSON body shown parsed).
    received = {"method": request.method, "path": request.path,
                "headers": {name: [value] for name, value in _received(request)}, "keepAlive": True, "secure": True,
                "protocol": "HTTP_1_1", "body": json.loads(request.body)}
    body = _jackson(received).split("\n")
    return ["2026-11-22 13:00:00 5.15.0 INFO 1080 received request:", "", *(f"  {line}" for line in body), ""]


# --- error trackers -------------------------------------------------------------------------------

def raygun_crash_report(request: Request) -> list[str]:
    # A Raygun4Net crash report (raygun.com/documentation/product-guides/crash-reporting/api/, the
    # payload: OccurredOn, Details {MachineName, Error, Request {HostName, Url, HttpMethod, IPAddress,
    # QueryString, Form, Headers, RawData}}), sent by the sandbox double that failed on the call:
    # RawData is the body as received.
    return _line({"OccurredOn": WHEN, "Details": {
        "MachineName": "iugu-double-7d9", "Version": "1.0.0",
        "Error": {"ClassName": "System.InvalidOperationException", "Message": "transfer refused"},
        "Request": {"HostName": request.host, "Url": request.path, "HttpMethod": request.method,
                    "IPAddress": "10.0.0.7", "QueryString": {}, "Form": {},
                    "Headers": dict(_received(request)), "RawData": request.body}}})


def honeybadger_notice(request: Request) -> list[str]:
    # A Honeybadger notice from its Ruby gem in a Rack app (docs.honeybadger.io/api/reporting-exceptions/,
    # request {url, component, action, params, session, cgi_data}: the CGI variables, each header as
    # HTTP_<NAME>, CONTENT_TYPE and CONTENT_LENGTH without the prefix; the JSON body only as parsed
    # params).
    cgi = {"REQUEST_METHOD": request.method, "HTTPS": "on", "SERVER_PORT": "443"}
    for name, value in _received(request):
        key = name.upper().replace("-", "_")
        cgi[key if key in ("CONTENT_TYPE", "CONTENT_LENGTH") else "HTTP_" + key] = value
    return _line({"notifier": {"name": "honeybadger-ruby", "url": "https://github.com/honeybadger-io/honeybadger-ruby",
                               "version": "5.4.0", "language": "ruby"},
                  "error": {"class": "RuntimeError", "message": "transfer refused", "backtrace": [],
                            "fingerprint": None},
                  "request": {"url": request.url, "component": "transfers", "action": "create",
                              "params": json.loads(request.body), "session": {}, "cgi_data": cgi},
                  "server": {"project_root": "/app", "environment_name": "sandbox", "hostname": "iugu-double-7d9"}})


# --- servers and caches ---------------------------------------------------------------------------

def varnishlog_backend(request: Request) -> list[str]:
    # varnishlog's backend request (varnish-cache.org/docs/trunk/reference/vsl.html, BereqMethod,
    # BereqURL, BereqProtocol, BereqHeader "Name: value"; grouped by request, `*   << BeReq    >> id`
    # then `-   Tag   value`), Varnish Enterprise fetching from the iugu backend over TLS. No body.
    vxid = 32768 + next(_CONNECTIONS) * 2
    tags = [("Begin", f"bereq {vxid - 1} fetch"), ("VCL_use", "boot"),
            ("Timestamp", f"Start: {EPOCH}.123456 0.000000 0.000000"), ("BereqMethod", request.method),
            ("BereqURL", request.path), ("BereqProtocol", "HTTP/1.1"),
            *(("BereqHeader", f"{name}: {value}") for name, value in request.headers),
            ("BereqHeader", f"Host: {request.host}"), ("BereqHeader", "X-Forwarded-For: 10.0.0.7"),
            ("BereqHeader", f"X-Varnish: {vxid}"), ("VCL_call", "BACKEND_FETCH"), ("VCL_return", "fetch"),
            ("BackendOpen", "26 iugu 200.155.0.10 443 10.0.0.8 50412 connect"),
            ("Timestamp", f"Bereq: {EPOCH}.124001 0.000545 0.000545"), ("BerespProtocol", "HTTP/1.1"),
            ("BerespStatus", "201"), ("BerespReason", "Created"), ("End", "")]
    return [f"*   << BeReq    >> {vxid}", *(f"-   {tag:<14} {value}".rstrip() for tag, value in tags), ""]


def _forensic(text: str) -> str:
    """mod_log_forensic's escaping: `|`, `:`, `%` and unprintable bytes as `%xx`."""
    return "".join(f"%{ord(c):02x}" if c in "|:%" or not c.isprintable() else c for c in text)


def apache_forensic_log(request: Request) -> list[str]:
    # Apache's mod_log_forensic (httpd.apache.org/docs/2.4/mod/mod_log_forensic.html: "+<id>|<request
    # line>|Name:value|…" before the request is handled, "-<id>" after; `|`, `:` and `%` in a
    # field written %xx), on the sandbox double serving api.iugu.com. No body.
    fid = f"yQtJf8CoAB4AAFNXBIEA{next(_CONNECTIONS):04d}"
    fields = [f"{request.method} {request.path} HTTP/1.1",
              *(f"{_forensic(name)}:{_forensic(value)}" for name, value in _received(request))]
    return [f"+{fid}|" + "|".join(fields), f"-{fid}"]


def nginx_debug_log(request: Request) -> list[str]:
    # nginx's debug log (nginx.org/en/docs/debugging_log.html; ngx_http_request.c: `http request line:
    # "%V"`, `http uri: "%V"`, one `http header: "%V: %V"` a header, `http header done`), each line
    # `<time> [debug] <pid>#<tid>: *<connection> …`, on the sandbox double. No body.
    prefix = f"2026/11/22 13:00:00 [debug] 31#31: *{next(_CONNECTIONS)} "
    return [prefix + line for line in [
        f'http request line: "{request.method} {request.path} HTTP/1.1"', f'http uri: "{request.path}"',
        'http args: ""', 'http exten: ""', "posix_memalign: 000055D5A2C3E4F0:4096 @16",
        *(f'http header: "{name}: {value}"' for name, value in _received(request)), "http header done",
        "rewrite phase: 0", f'test location: "{request.path}"', "using configuration \"/v1/\""]]


# --- clients that log no headers ------------------------------------------------------------------

def powershell_verbose(request: Request) -> list[str]:
    # PowerShell 7.3's Invoke-RestMethod -Verbose (learn.microsoft.com/powershell/module/
    # microsoft.powershell.utility/invoke-restmethod: the common -Verbose parameter; WebRequestPSCmdlet:
    # "<METHOD> <uri> with <n>-byte payload", "received <n>-byte response of content type <type>").
    return [f"VERBOSE: {request.method} {request.url} with {len(request.body.encode())}-byte payload",
            "VERBOSE: received 12-byte response of content type application/json"]


def urllib3_debug(request: Request) -> list[str]:
    # urllib3's connection pool at DEBUG (urllib3.readthedocs.io/en/stable/user-guide.html#logging;
    # connectionpool.py: "Starting new HTTPS connection (%d): %s:%s", '%s://%s:%s "%s %s %s" %s %s'),
    # Python's default logging format.
    return [f"DEBUG:urllib3.connectionpool:Starting new HTTPS connection (1): {request.host}:443",
            f'DEBUG:urllib3.connectionpool:https://{request.host}:443 '
            f'"{request.method} {request.path} HTTP/1.1" 201 12']


def scrapy_crawled(request: Request) -> list[str]:
    # Scrapy's engine log (docs.scrapy.org/en/latest/topics/logging.html; LogFormatter.crawled:
    # "Crawled (%(status)s) <%(request)s> (referer: %(referer)s)", a Request shown `<POST url>`).
    return [f"2026-11-22 13:00:00 [scrapy.core.engine] DEBUG: Crawled (201) <{request.method} {request.url}> "
            "(referer: None)"]


def undici_node_debug(request: Request) -> list[str]:
    # Node's fetch with NODE_DEBUG=undici (nodejs.org/api/cli.html#node_debugmodule; undici's
    # lib/core/diagnostics.js: "sending request to %s %s/%s" with method, origin and path — the path
    # keeps its leading slash, so the URL has two —, "received response to %s %s/%s - HTTP %d").
    origin, prefix = f"https://{request.host}", "UNDICI 4321: "
    return [f"{prefix}connecting to {request.host} using https:h1",
            f"{prefix}connected to {request.host} using https:h1",
            f"{prefix}sending request to {request.method} {origin}/{request.path}",
            f"{prefix}received response to {request.method} {origin}/{request.path} - HTTP 201",
            f"{prefix}trailers received from {request.method} {origin}/{request.path}"]


def new_relic_span(request: Request) -> list[str]:
    # A New Relic span event of an external call, as NRQL's JSON export lists it (docs.newrelic.com/
    # docs/distributed-tracing/concepts/how-new-relic-distributed-tracing-works/ and the Span event's
    # attributes: category "http", http.method, http.url, server.address, span.kind "client").
    return _line({"timestamp": EPOCH * 1000, "eventType": "Span", "category": "http", "component": "OkHttp",
                  "http.method": request.method, "http.url": request.url, "http.statusCode": 201,
                  "name": f"External/{request.host}/OkHttp/execute", "server.address": request.host,
                  "span.kind": "client", "duration.ms": 32.1, "guid": "8d1f2b3c4d5e4f60",
                  "traceId": "0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e", "appName": "payouts"})


NO_REQUEST = "no request read: "
SHAPES = [
    case(jersey_logging_feature),
    case(karate_request_log),
    case(quarkus_rest_client),
    case(micronaut_client_trace),
    case(vertx_netty_hex_dump),
    case(jmeter_jtl_xml, "results.jtl"),
    case(vegeta_json_targets, "targets.json"),
    case(dio_log_interceptor),
    case(moya_network_logger),
    case(rest_client_ruby),
    case(httparty_curl_logger),
    case(zap_header_field),
    case(aspnetcore_http_logging_clef),
    case(hoverfly_simulation, "simulation.json"),
    case(raygun_crash_report)]
# shapes that never show the body as sent: a logger that logs headers only (or cuts their values
# into pieces), a tool that keeps the JSON body parsed or re-indented, servers and caches that log
# the request head
HEADERS_ONLY = [
    case(pretty_dio_logger),
    case(chucker_share_text),
    case(pino_http), case(nock_recorder_objects, "transfer.json"), case(mockserver_log),
    case(honeybadger_notice),
    case(varnishlog_backend),
    case(apache_forensic_log),
    case(nginx_debug_log)]
# shapes that show no header: a client's or a crawler's line naming the request's method and URL in
# its words (PowerShell's, Scrapy's, undici's three lines of one call: one request each), a pool's
# request line, a span
NO_HEADERS = [
    case(powershell_verbose),
    case(urllib3_debug),
    case(scrapy_crawled),
    case(undici_node_debug),
    case(new_relic_span)]
