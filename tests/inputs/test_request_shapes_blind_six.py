"""A sixth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu
transfers unsigned, signed with the client's real key and with another key, an Asaas transfer)
written by producers none of the other corpora showed — JVM clients' and load tools' logs (Google's
HTTP client for Java, Gatling, Fuel, AsyncHttpClient), Node's and Bun's debug output, Python's
aiohttp tracing and Betamax cassettes, Ruby's Excon and http.rb, Go's zerolog and
go-retryablehttp, Elixir's Finch telemetry, PHP's HTTPlug logger, an error tracker's notice
(Airbrake), a mock's recorded requests (mountebank), an OpenTelemetry Collector's debug output, and
load balancers', CDNs', proxies' and servers' logs (AWS ALB, Azure Front Door, Akamai DataStream 2,
CloudFront, Squid, Apache's mod_dumpio).

Each shape quotes the public documentation (or the source) it follows. The checks are the ones
every blind corpus passes (:mod:`test_request_shape_corpora`): ``SHAPES`` show the body as sent,
``HEADERS_ONLY`` never do (the body parsed, flattened or absent), ``NO_HEADERS`` show no header. A
shape the readers cannot take yet is an expected failure, strict, with what they miss.
"""

from __future__ import annotations

import json
from itertools import count

from helpers.signed_shapes import Request, case, go_canonical

WHEN = "2026-11-22T13:00:00.123Z"
EPOCH = 1795352400
_CONNECTIONS = count(1)  # a server's or a client's running request number


def _line(record: object) -> list[str]:
    return [json.dumps(record)]


def _length(request: Request) -> str:
    return str(len(request.body.encode()))


def _inspected(text: str) -> str:
    """A string as Ruby's String#inspect and Elixir's inspect write it: double quotes; `"`, `\\`,
    control characters and the `#{` of an interpolation escaped."""
    return json.dumps(text, ensure_ascii=False).replace("#{", "\\#{")



# --- JVM clients and load tools -------------------------------------------------------------------

def google_http_client_config(request: Request) -> list[str]:
    # Google's HTTP client for Java with the `com.google.api.client.http.HttpTransport` logger at CONFIG
    # (googleapis.github.io/google-http-java-client, "Logging"; HttpRequest.execute: "-------------- REQUEST
    # --------------", `<method> <url>`, each header `Name: value` (User-Agent with its suffix), the
    # content's Content-Type and Content-Length; then the same as a curl command ending `-d '@-' -- '<url>'
    # << $$$`; LoggingByteArrayOutputStream.close logs "Total: <n> bytes" and the content, control
    # characters but line breaks made blanks), through java.util.logging's SimpleFormatter.
    source = "Nov 22, 2026 1:00:00 PM com.google.api.client.{}"
    sent = [("Accept-Encoding", "gzip"),
            *((name, value + " Google-HTTP-Java-Client/1.43.3 (gzip)" if name == "User-Agent" else value)
              for name, value in request.headers),
            ("Content-Type", "application/json"), ("Content-Length", _length(request))]
    curl = " ".join(f"-H '{name}: {value}'" for name, value in sent[:-1])
    return [source.format("http.HttpRequest execute"), "CONFIG: -------------- REQUEST  --------------",
            f"{request.method} {request.url}", *(f"{name}: {value}" for name, value in sent), "",
            source.format("http.HttpRequest execute"),
            f"CONFIG: curl -v --compressed -X {request.method} {curl} -d '@-' -- '{request.url}' << $$$",
            source.format("util.LoggingByteArrayOutputStream close"), f"CONFIG: Total: {_length(request)} bytes",
            source.format("util.LoggingByteArrayOutputStream close"), *f"CONFIG: {request.body}".split("\n")]


def gatling_trace(request: Request) -> list[str]:
    # Gatling with `io.gatling.http.engine.response` at TRACE (gatling.io/docs/gatling/guides/debugging/:
    # "set the log-level to TRACE to log all HTTP requests and responses"; the http util package's
    # HttpStringBuilder.appendRequest: `<method> <url>`, "headers=" and the headers as written on the
    # wire, one `name: value` a line, `stringBody=<body>`), between the ">>>>" and "<<<<" rules of
    # the dump, through Gatling's default logback pattern (`%d{HH:mm:ss.SSS} [%-5level] %logger{15} - %msg`).
    wire = [*request.headers, ("host", request.host), ("accept", "*/*"), ("content-length", _length(request))]
    return ["13:00:00.123 [TRACE] i.g.h.e.r.DefaultStatsProcessor - ", ">>>>>>>>>>>>>>>>>>>>>>>>>>", "Request:",
            "transfer: OK", "=========================", "Session:",
            "Session(Payouts,1,HashMap(gatling.http.cache.baseUrl -> https://" + request.host + "),OK,List(),"
            "io.gatling.core.protocol.ProtocolComponentsRegistry$$Lambda$512/0x0000000800f1a440@5e3f1c2d)",
            "=========================", "HTTP request:", f"{request.method} {request.url}", "headers=",
            *(f"{name}: {value}" for name, value in wire), *f"stringBody={request.body}".split("\n"),
            "=========================", "HTTP response:", "status=", "201 Created", "headers=",
            "content-type: application/json", "", "body=", '{"id":"t1"}', "<<<<<<<<<<<<<<<<<<<<<<<<<"]


def fuel_log_request(request: Request) -> list[str]:
    # Kotlin Fuel's LogRequestInterceptor (github.com/kittinunf/fuel, fuel/.../core/interceptors:
    # println(request); DefaultRequest.toString: "--> $method $url", "Body : <body as a string for a
    # text content type>", "Headers : (<n>)", one `Name : value` a header, each line ended by appendln).
    return [f"--> {request.method} {request.url}", *f"Body : {request.body}".split("\n"),
            f"Headers : ({len(request.headers)})", *(f"{name} : {value}" for name, value in request.headers), ""]


def async_http_client_debug(request: Request) -> list[str]:
    # AsyncHttpClient with `org.asynchttpclient` at DEBUG (github.com/AsyncHttpClient/async-http-client,
    # netty/handler/HttpHandler: LOGGER.debug("\n\nRequest {}\n\nResponse {}\n", httpRequest, response)):
    # Netty's DefaultFullHttpRequest.toString — its class and content buffer, the request line with
    # the path, one `name: value` a header (AHC adds host, accept, content-length) — never the body.
    sent = [*request.headers, ("host", request.host), ("accept", "*/*"), ("content-length", _length(request))]
    return ["13:00:00.123 [AsyncHttpClient-3-2] DEBUG o.a.netty.handler.HttpHandler - ", "",
            f"Request DefaultFullHttpRequest(decodeResult: success, version: HTTP/1.1, content: "
            f"UnpooledHeapByteBuf(ridx: 0, widx: {_length(request)}, cap: {_length(request)}/{_length(request)}))",
            f"{request.method} {request.path} HTTP/1.1", *(f"{name}: {value}" for name, value in sent), "",
            "Response DefaultHttpResponse(decodeResult: success, version: HTTP/1.1)", "HTTP/1.1 201 Created",
            "content-type: application/json", "content-length: 12", ""]


# --- Node and Bun ---------------------------------------------------------------------------------

def _js(value: str) -> str:
    """A string as Node's util.inspect writes it: single quotes, `\\n` and `'` escaped."""
    return "'" + json.dumps(value)[1:-1].replace('\\"', '"').replace("'", "\\'") + "'"


def request_node_debug(request: Request) -> list[str]:
    # The `request` package with NODE_DEBUG=request (github.com/request/request, README "Debugging":
    # "NODE_DEBUG=request node script.js"; request.js debug(): console.error('REQUEST %s',
    # util.format(...)) — the options given, inspected over lines by Node's util.inspect, then
    # "make request <href>").
    def key(name: str) -> str:
        return name if name.isidentifier() else f"'{name}'"

    entries = [f"{key(name)}: {_js(value)}" for name, value in request.headers]
    start = len(entries) + 2 + 1 + 10  # util.inspect's isBelowBreakLength: entries, indentation, brace, 10
    headers = ("{ " + ", ".join(entries) + " }" if start + len(entries) + sum(map(len, entries)) <= 80 else
               "{\n" + ",\n".join(f"    {entry}" for entry in entries) + "\n  }")
    options = (f"{{\n  uri: {_js(request.url)},\n  method: {_js(request.method)},\n  headers: {headers},\n"
               f"  body: {_js(request.body)},\n  callback: [Function (anonymous)]\n}}")
    return [*f"REQUEST {options}".split("\n"), f"REQUEST make request {request.url}",
            f"REQUEST onRequestResponse {request.url} 201 {{ 'content-type': 'application/json' }}"]


def bun_verbose_fetch(request: Request) -> list[str]:
    # Bun with BUN_CONFIG_VERBOSE_FETCH=curl (bun.sh/docs/runtime/debugger, "Debugging network
    # requests": "prints fetch requests as a single-line curl command", then `[fetch] > HTTP/1.1 POST
    # <url>` and one `[fetch] > Name: value` a header sent, a blank line, `[fetch] < 201 Created`).
    sent = [*request.headers, ("Connection", "keep-alive"), ("Accept", "*/*"), ("Host", request.host),
            ("Accept-Encoding", "gzip, deflate, br"), ("Content-Length", _length(request))]
    options = " ".join(f"-H {json.dumps(f'{name}: {value}')}" for name, value in sent)
    return [f"[fetch] $ curl --http1.1 {json.dumps(request.url)} -X {request.method} {options} --compressed "
            f"--data-raw {json.dumps(request.body)}", f"[fetch] > HTTP/1.1 {request.method} {request.url}",
            *(f"[fetch] > {name}: {value}" for name, value in sent), "", "[fetch] < 201 Created",
            "[fetch] < Content-Type: application/json", ""]


def superagent_debug(request: Request) -> list[str]:
    # superagent with DEBUG=superagent (github.com/ladjs/superagent, src/node/index.js: debug('%s %s',
    # this.method, this.url)), the `debug` package writing to a file: no colours, an ISO date first.
    return [f"2026-11-22T13:00:00.123Z superagent {request.method} {request.url}"]


# --- Python ---------------------------------------------------------------------------------------

def aiohttp_trace_config(request: Request) -> list[str]:
    # aiohttp's client tracing (docs.aiohttp.org/en/stable/tracing_reference.html: on_request_start gets
    # TraceRequestStartParams(method, url, headers), on_request_chunk_sent TraceRequestChunkSentParams
    # (method, url, chunk) — "the chunk of data sent"), each params logged with `%r` by the app's
    # callbacks: a frozen dataclass's repr, the URL yarl's, the headers multidict's `<CIMultiDict(…)>`.
    url = f"URL({request.url!r})"
    headers = ", ".join(f"{name!r}: {value!r}" for name, value in request.headers)
    return [f"DEBUG:payouts.http:request start TraceRequestStartParams(method={request.method!r}, url={url}, "
            f"headers=<CIMultiDict({headers})>)",
            f"DEBUG:payouts.http:chunk sent TraceRequestChunkSentParams(method={request.method!r}, url={url}, "
            f"chunk={request.body.encode()!r})"]


def betamax_cassette(request: Request) -> list[str]:
    # A Betamax cassette (betamax.readthedocs.io/en/latest/cassettes.html; the JSON serializer's
    # json.dumps of {http_interactions: [{request: {body: {encoding, string}, headers: {name: [values]},
    # method, uri}, response, recorded_at}], recorded_with}), the requests as requests sent them.
    headers = {name: [value] for name, value in [*request.headers, ("Accept-Encoding", "gzip, deflate"),
                                                 ("Accept", "*/*"), ("Connection", "keep-alive"),
                                                 ("Content-Length", _length(request))]}
    return _line({"http_interactions": [{
        "request": {"body": {"encoding": "utf-8", "string": request.body}, "headers": headers,
                    "method": request.method, "uri": request.url},
        "response": {"body": {"encoding": "utf-8", "string": '{"id":"t1"}'},
                     "headers": {"Content-Type": ["application/json"]}, "status": {"code": 201, "message": "Created"},
                     "url": request.url},
        "recorded_at": "2026-11-22T13:00:00"}], "recorded_with": "betamax/0.9.0"})


# --- Ruby -----------------------------------------------------------------------------------------

def excon_standard_instrumentor(request: Request) -> list[str]:
    # Excon with `instrumentor: Excon::StandardInstrumentor` (github.com/excon/excon, README
    # "Instrumentation"; lib/excon/standard_instrumentor.rb: $stderr.puts("#{name}  #{params.inspect}"),
    # Authorization redacted): the request's datum, a Ruby Hash inspected (Ruby 3.3: `:key=>value`).
    headers = {"User-Agent": "excon/0.112.0", "Accept": "*/*", **dict(request.headers)}
    pairs = ", ".join(f"{_inspected(name)}=>{_inspected(value)}" for name, value in headers.items())
    datum = (f":chunk_size=>1048576, :connect_timeout=>60, :debug_request=>false, :debug_response=>false, "
             f":headers=>{{{pairs}}}, :idempotent=>false, :instrumentor=>Excon::StandardInstrumentor, "
             f":instrumentor_name=>\"excon\", :mock=>false, :nonblock=>true, :persistent=>false, "
             f":read_timeout=>60, :retry_limit=>4, :ssl_verify_peer=>true, :write_timeout=>60, "
             f":host=>{_inspected(request.host)}, :hostname=>{_inspected(request.host)}, "
             f":path=>{_inspected(request.path)}, "
             f":port=>443, :query=>nil, :scheme=>\"https\", :body=>{_inspected(request.body)}, "
             f":method=>:{request.method.lower()}, :retries_remaining=>4")
    return [f"excon.request  {{{datum}}}", "excon.response  {:body=>\"{\\\"id\\\":\\\"t1\\\"}\", :status=>201}"]


def http_rb_logging(request: Request) -> list[str]:
    # http.rb's logging feature, HTTP.use(logging: {logger: Logger.new($stdout)}) (github.com/httprb/http,
    # lib/http/features/logging.rb: info "> POST <uri>", then debug the headers `Name: value` a line, a
    # blank line and the body's source), through Ruby's Logger (its prefix on a message's first line).
    headers = [*request.headers, ("Connection", "close"), ("Host", request.host)]
    return [f"I, [2026-11-22T13:00:00.123456 #1234]  INFO -- : > {request.method} {request.url}",
            *("D, [2026-11-22T13:00:00.123501 #1234] DEBUG -- : " + "\n".join(
                f"{name}: {value}" for name, value in headers) + "\n\n" + request.body).split("\n"),
            "I, [2026-11-22T13:00:00.156000 #1234]  INFO -- : < 201 Created"]


# --- Go and Elixir --------------------------------------------------------------------------------

def zerolog_request_dict(request: Request) -> list[str]:
    # Go's zerolog (github.com/rs/zerolog, README: JSON, `level` first, the logger's context (here
    # .Timestamp()) next, `message` last), the request logged with .Dict("request", zerolog.Dict()
    # .Str("method").Str("url").Interface("header", req.Header).Str("body")) — an http.Header, canonical
    # names to lists of values.
    return [json.dumps({"level": "debug", "time": "2026-11-22T13:00:00Z", "service": "payouts", "request": {
        "method": request.method, "url": request.url,
        "header": {go_canonical(name): [value] for name, value in request.headers}, "body": request.body},
        "message": "calling provider"}, separators=(",", ":"))]



def finch_telemetry(request: Request) -> list[str]:
    # Finch's [:finch, :request, :start] event (hexdocs.pm/finch/Finch.Telemetry.html: metadata :name and
    # :request, a %Finch.Request{scheme, host, port, method, path, headers, body, query, unix_socket,
    # private}), the metadata logged with inspect/1 by the app's handler, through Elixir's Logger (its
    # default format "\n$time $metadata[$level] $message\n").
    headers = ", ".join(f"{{{_inspected(name)}, {_inspected(value)}}}" for name, value in request.headers)
    struct = (f"%Finch.Request{{scheme: :https, host: {_inspected(request.host)}, port: 443, "
              f"method: {_inspected(request.method)}, path: {_inspected(request.path)}, headers: [{headers}], "
              f"body: {_inspected(request.body)}, query: nil, unix_socket: nil, private: %{{}}}}")
    return ["", f"13:00:00.123 [debug] finch request start: %{{name: Payouts.Finch, request: {struct}}}"]


def retryablehttp_debug(request: Request) -> list[str]:
    # hashicorp/go-retryablehttp's default logger (pkg.go.dev/github.com/hashicorp/go-retryablehttp;
    # client.go Do: logger.Printf("[DEBUG] %s %s", req.Method, req.URL)), Go's log package with LstdFlags.
    return [f"2026/11/22 13:00:00 [DEBUG] {request.method} {request.url}"]


# --- PHP ------------------------------------------------------------------------------------------

def httplug_logger_plugin(request: Request) -> list[str]:
    # HTTPlug's LoggerPlugin (docs.php-http.org/en/latest/plugins/logger.html: "Sending request:\n%s",
    # the request formatted by php-http/message's FullHttpMessageFormatter: `<method> <target>
    # HTTP/1.1`, one `Name: value` a header, a blank line, the body), context {uid}, through Monolog's
    # default LineFormatter — which writes a message's line breaks as blanks: one line.
    message = "\n".join([f"Sending request:\n{request.method} {request.path} HTTP/1.1", f"Host: {request.host}",
                         *(f"{name}: {value}" for name, value in request.headers), "", request.body])
    flat = message.replace("\r\n", " ").replace("\n", " ")
    return [f'[2026-11-22T13:00:00.123456+00:00] app.INFO: {flat} {{"uid":"6740a1b2c3d4e5.12345678"}} []']


# --- error trackers and mocks ---------------------------------------------------------------------

def airbrake_notice(request: Request) -> list[str]:
    # An Airbrake notice (docs.airbrake.io/docs/devops-tools/api/#create-notice-v3: errors, context,
    # environment, session, params) from the airbrake gem in the sandbox double's Rack app: context.url
    # and httpMethod, context.headers from Airbrake::Rack::HttpHeadersFilter (the Rack env's HTTP_*,
    # CONTENT_TYPE, CONTENT_LENGTH), environment.body from Airbrake::Rack::RequestBodyFilter ("reads up to
    # 4096 bytes from Rack request's body"), as the notifier posts it.
    env = {"CONTENT_TYPE": "application/json", "CONTENT_LENGTH": _length(request), "HTTP_HOST": request.host}
    env.update({"HTTP_" + name.upper().replace("-", "_"): value for name, value in request.headers
                if name != "Content-Type"})
    return _line({"errors": [{"type": "RuntimeError", "message": "transfer refused", "backtrace": []}],
                  "context": {"version": "1.0.0 Rack.version/1.3 Rack.release/3.0.8", "url": request.url,
                              "userAgent": dict(request.headers).get("User-Agent"), "httpMethod": request.method,
                              "referer": None, "headers": env, "environment": "sandbox",
                              "notifier": {"name": "airbrake-ruby", "version": "6.2.2"}, "severity": "error"},
                  "environment": {"body": request.body}, "session": {}, "params": json.loads(request.body)})


def mountebank_recorded_requests(request: Request) -> list[str]:
    # A mountebank imposter saved with its recorded requests (mbtest.org/docs/api/mocks: recordRequests
    # true, GET /imposters/:id lists `requests`: requestFrom, method, path, query, headers — as received,
    # their case kept —, body, ip, timestamp), JSON.stringify(…, null, 2) by `mb save`.
    received = {"requestFrom": "10.0.0.7:50412", "method": request.method, "path": request.path, "query": {},
                "headers": {"Host": request.host, **dict(request.headers), "Content-Length": _length(request)},
                "body": request.body, "ip": "10.0.0.7", "timestamp": WHEN}
    imposter = {"protocol": "https", "port": 443, "name": "iugu double", "numberOfRequests": 1,
                "recordRequests": True, "requests": [received], "stubs": []}
    return json.dumps(imposter, indent=2).splitlines()


def otel_collector_debug(request: Request) -> list[str]:
    # The OpenTelemetry Collector's debug exporter with verbosity: detailed (github.com/open-telemetry/
    # opentelemetry-collector, exporter/debugexporter README; internal/otlptext: "Span #0", the span's
    # fields, "Attributes:" and `     -> name: Type(value)`), the client's request headers captured as
    # http.request.header.<lower-case name> string arrays (OTEL_INSTRUMENTATION_HTTP_CLIENT_CAPTURE_
    # REQUEST_HEADERS), the zap console line of the exporter around the text.
    attributes = [("http.request.method", f"Str({request.method})"), ("url.full", f"Str({request.url})"),
                  ("server.address", f"Str({request.host})"), ("server.port", "Int(443)"),
                  *((f"http.request.header.{name.lower()}", f"Slice({json.dumps([value])})")
                    for name, value in request.headers), ("http.response.status_code", "Int(201)")]
    return ['2026-11-22T13:00:00.123Z\tinfo\tTracesExporter\t{"kind": "exporter", "data_type": "traces", '
            '"name": "debug", "resource spans": 1, "spans": 1}',
            "2026-11-22T13:00:00.123Z\tinfo\tResourceSpans #0", "Resource SchemaURL: ", "Resource attributes:",
            "     -> service.name: Str(payouts)", "ScopeSpans #0", "ScopeSpans SchemaURL: ",
            "InstrumentationScope io.opentelemetry.okhttp-3.0 2.10.0-alpha", "Span #0",
            "    Trace ID       : 0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e", "    Parent ID      : 1a2b3c4d5e6f7081",
            "    ID             : 8d1f2b3c4d5e4f60", f"    Name           : {request.method}",
            "    Kind           : Client", "    Start time     : 2026-11-22 13:00:00.091 +0000 UTC",
            "    End time       : 2026-11-22 13:00:00.123 +0000 UTC", "    Status code    : Unset",
            "    Status message : ", "Attributes:", *(f"     -> {name}: {value}" for name, value in attributes),
            '\t{"kind": "exporter", "data_type": "traces", "name": "debug"}']


# --- load balancers, CDNs, proxies and servers ----------------------------------------------------

def aws_alb_access_log(request: Request) -> list[str]:
    # An Application Load Balancer's access log entry (docs.aws.amazon.com/elasticloadbalancing/latest/
    # application/load-balancer-access-logs.html: type, time, elb, client:port, target:port, the three
    # times, the status codes, bytes, "request" as `METHOD scheme://host:port/path HTTP/1.1`, "user_agent",
    # TLS, the target group, "trace_id", "domain_name", …), in front of the sandbox double. No headers.
    n = next(_CONNECTIONS)
    return [f'https {WHEN[:-1]}456Z app/iugu-double/50dc6c495c0c9188 10.0.0.7:{50410 + n} 10.0.1.20:8080 0.000 '
            f'0.032 0.000 201 201 {345 + n} 120 "{request.method} https://{request.host}:443{request.path} HTTP/1.1" '
            f'"payouts/3.1" TLS_AES_128_GCM_SHA256 TLSv1.3 arn:aws:elasticloadbalancing:sa-east-1:123456789012:'
            f'targetgroup/iugu-double/73e2d6bc24d8a067 "Root=1-6740a1b2-0b1c2d3e4f5a6b7c8d9e0f1{n}" '
            f'"{request.host}" "arn:aws:acm:sa-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012" '
            f'0 2026-11-22T13:00:00.091000Z "forward" "-" "-" "10.0.1.20:8080" "201" "-" "-" TID_0b1c2d3e4f5a{n}']


def azure_front_door_log(request: Request) -> list[str]:
    # Azure Front Door's access log (learn.microsoft.com/azure/frontdoor/monitor-front-door, "Access log":
    # category FrontDoorAccessLog, properties trackingReference, httpMethod, httpVersion, requestUri,
    # hostName, requestBytes, responseBytes, userAgent, clientIp, …), as a diagnostic setting writes it
    # to a storage account, one JSON record a line. No headers.
    return _line({"time": WHEN, "resourceId": "/SUBSCRIPTIONS/0000/RESOURCEGROUPS/PAYOUTS/PROVIDERS/MICROSOFT.CDN/"
                  "PROFILES/IUGU-DOUBLE", "category": "FrontDoorAccessLog",
                  "operationName": "Microsoft.Cdn/Profiles/AccessLog/Write", "properties": {
                      "trackingReference": "20261122T130000Z-17c5b8d9f6", "httpMethod": request.method,
                      "httpVersion": "1.1", "requestUri": f"https://{request.host}:443{request.path}",
                      "hostName": request.host, "requestBytes": "345", "responseBytes": "120",
                      "userAgent": "payouts/3.1", "clientIp": "10.0.0.7", "clientPort": "50412",
                      "timeToFirstByte": "0.031", "timeTaken": "0.032", "requestProtocol": "HTTPS",
                      "securityProtocol": "TLS 1.3", "httpStatusCode": "201", "pop": "GRU", "cacheStatus": "N/A",
                      "routingRuleName": "transfers", "originUrl": f"https://10.0.1.20:443{request.path}"}})


def akamai_datastream(request: Request) -> list[str]:
    # An Akamai DataStream 2 record in JSON (techdocs.akamai.com/datastream2/docs/data-set-parameters-
    # delivery: reqTimeSec, cp, reqId, reqHost, reqMethod, reqPath, reqPort, proto, statusCode, UA —
    # URL-encoded —, cliIP, bytes, …, every value a string). No headers.
    return _line({"version": "1", "cp": "123456", "reqId": "1a2b3c4d", "reqTimeSec": f"{EPOCH}.123", "bytes": "120",
                  "cliIP": "10.0.0.7", "statusCode": "201", "proto": "HTTPS", "reqHost": request.host,
                  "reqMethod": request.method, "reqPath": request.path, "reqPort": "443", "rspContentLen": "12",
                  "rspContentType": "application/json", "UA": "payouts%2F3.1", "tlsVersion": "TLSv1.3",
                  "queryStr": "-", "referer": "-", "cookie": "-", "turnAroundTimeMSec": "32", "cacheStatus": "0",
                  "country": "BR", "city": "SAOPAULO", "edgeIP": "23.50.0.1", "customField": "-"})


CLOUDFRONT_FIELDS = ("date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) "
                     "cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header "
                     "cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher "
                     "x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields c-port "
                     "time-to-first-byte x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start "
                     "sc-range-end")


def cloudfront_standard_log(request: Request) -> list[str]:
    # A CloudFront standard log file (docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/
    # standard-logs-reference.html: "#Version: 1.0", "#Fields:" naming 33 tab-separated fields; cs(Host)
    # the distribution's domain, x-host-header the Host the viewer sent), in front of the sandbox double.
    # No headers but the user agent.
    values = ["2026-11-22", "13:00:00", "GRU3-C1", "120", "10.0.0.7", request.method, "d111111abcdef8.cloudfront.net",
              request.path, "201", "-", "payouts/3.1", "-", "-", "Miss",
              f"SOX4xwn4XV6Q4rgb7XiVGOHms_BGlTAC4KyHmureZmBNrjGdRLiNIQ=={next(_CONNECTIONS)}", request.host, "https",
              "345", "0.032", "-", "TLSv1.3", "TLS_AES_128_GCM_SHA256", "Miss", "HTTP/1.1", "-", "-", "50412", "0.031",
              "Miss", "application/json", "12", "-", "-"]
    return ["#Version: 1.0", f"#Fields: {CLOUDFRONT_FIELDS}", "\t".join(values)]


def _squid_quote(text: str) -> str:
    """Squid's log_quote: CR and LF as `\\r` and `\\n`, `[`, `]`, `"` and unprintable bytes as %XX."""
    out = []
    for c in text:
        out.append({"\r": "\\r", "\n": "\\n"}.get(c) or (f"%{ord(c):02X}" if c in '[]"%' or not c.isprintable()
                                                         else c))
    return "".join(out)


SQUID_REPLY = "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n"


def squid_log_mime_hdrs(request: Request) -> list[str]:
    # Squid's native access.log with `log_mime_hdrs on` (squid-cache.org/Doc/config/log_mime_hdrs/: "the
    # request and reply MIME headers … appended to the access log, in brackets"), an ssl-bumped request:
    # time, elapsed, client, code/status, bytes, method, URL, user, hierarchy, type, then
    # [request head] [reply head], each escaped. No body.
    head = "".join(f"{name}: {value}\r\n" for name, value in
                   [("Host", request.host), *request.headers, ("Content-Length", _length(request))])
    return [f"{EPOCH}.123     32 10.0.0.7 TCP_MISS/201 345 {request.method} {request.url} - "
            f"HIER_DIRECT/200.155.0.10 application/json [{_squid_quote(head)}] [{_squid_quote(SQUID_REPLY)}]"]


def _error_log_item(text: str) -> str:
    """httpd's ap_escape_errorlog_item: backslashes doubled, control characters as `\\r`, `\\n`, `\\xhh`."""
    return "".join({"\\": "\\\\", "\r": "\\r", "\n": "\\n"}.get(c) or (c if c.isprintable() else f"\\x{ord(c):02x}")
                   for c in text)


def apache_mod_dumpio(request: Request) -> list[str]:
    # Apache httpd's mod_dumpio (httpd.apache.org/docs/2.4/mod/mod_dumpio.html: DumpIOInput On, LogLevel
    # dumpio:trace7; "dump all input data to the error log"; mod_dumpio.c: `dumpio_in [getline-blocking]
    # 0 readbytes` for each read, `dumpio_in (data-HEAP): <n> bytes` and `dumpio_in (data-HEAP): <data>`
    # for each bucket — the head read a line at a time, the body in one read), on the sandbox double.
    prefix = "[Sun Nov 22 13:00:00.123456 2026] [dumpio:trace7] [pid 31:tid 140233] mod_dumpio.c({}): " \
             f"[client 10.0.0.7:{50411 + next(_CONNECTIONS)}] mod_dumpio: "
    head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}",
            *(f"{name}: {value}" for name, value in request.headers), f"Content-Length: {_length(request)}", ""]
    lines = []
    for data, mode in [*((line + "\r\n", "getline-blocking") for line in head), (request.body, "readbytes-blocking")]:
        lines += [prefix.format(140) + f"dumpio_in [{mode}] {0 if mode[0] == 'g' else 8000} readbytes",
                  prefix.format(63) + f" dumpio_in (data-HEAP): {len(data.encode())} bytes",
                  prefix.format(103) + f" dumpio_in (data-HEAP): {_error_log_item(data)}"]
    return lines


NO_REQUEST = "no request read: "
SHAPES = [
    case(google_http_client_config),
    case(gatling_trace),
    case(fuel_log_request),
    case(request_node_debug),
    case(bun_verbose_fetch),
    case(aiohttp_trace_config),
    case(betamax_cassette, "cassette.json"),
    case(excon_standard_instrumentor),
    case(http_rb_logging),
    case(zerolog_request_dict),
    case(finch_telemetry),
    case(airbrake_notice),
    case(mountebank_recorded_requests, "imposters.json"),
    case(apache_mod_dumpio)]
# shapes that never show the body as sent: a client that logs its request object without the
# content, a logger that makes line breaks blanks, a trace or a proxy that records headers only
HEADERS_ONLY = [
    case(async_http_client_debug),
    case(httplug_logger_plugin),
    case(otel_collector_debug),
    case(squid_log_mime_hdrs)]
NO_HEADERS = [
    case(superagent_debug),
    case(retryablehttp_debug),
    case(aws_alb_access_log),
    case(azure_front_door_log),
    case(akamai_datastream),
    case(cloudfront_standard_log)]
