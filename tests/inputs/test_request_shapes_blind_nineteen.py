"""A nineteenth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu
transfers unsigned, signed with the client's real key and with another key, an Asaas transfer) as
writers of kinds the other corpora do not show keep them — SERVICE MESHES and their proxies (Envoy's
router at debug in an Istio sidecar, `linkerd viz tap` as text and as JSON), a Rust service's
reqwest-tracing span, a JOB QUEUE's error log carrying the outbox job that made the call (Sidekiq),
a PHP PROFILER's stored request (Clockwork), the HTTP inspectors MOBILE apps ship (netfox's session
log on iOS, Alice's saved log in Flutter), and Java clients popular in China (Hutool's
`HttpRequest#toString`, Forest's request log) — none of which the other corpora show. Two of the ten
passed as first written (Alice's log, reqwest-tracing's span); Linkerd's tap, text and JSON, and
Clockwork's run pass since the readers learned their rules (a pseudo-header's `:name=value` pair is
a logfmt key's; a header entry's value under a member named for text, `valueStr`; a body logged
both parsed and as the string sent is that string), Envoy's, Forest's and netfox's since the label
table has their shapes (a header map `'name', 'value'` a line; `POST <url> HTTPS` with tab-indented
parts; bracketed labels over a Swift `[AnyHashable: Any]`), Sidekiq's since a list that begins with a
method and an absolute URL is the request a call's positional arguments make; Hutool's is a strict
expected failure saying what the readers miss.

A comment above each shape names the source file its format was taken from. What is checked is
what every blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for
``SHAPES``, never a body for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``; the mesh's
records that show the app's hop in clear text count as plaintext requests.
"""

from __future__ import annotations

import json

from helpers.signed_shapes import Request, case

LOGBACK = "2026-11-22 13:00:00.123  INFO 4242 --- [pool-2-thread-1] "


# --- service meshes and their proxies ----------------------------------------------------------------------------

def envoy_router_debug(request: Request) -> list[str]:
    # An Istio sidecar at `--proxyLogLevel=debug` originating TLS for a ServiceEntry (the app calls
    # http://<host>/…, the DestinationRule's `tls: SIMPLE` upgrades it): envoyproxy/envoy
    # source/common/router/router.cc decodeHeaders, `ENVOY_STREAM_LOG(debug, "router decoding headers:\n{}",
    # *callbacks_, headers)`, the header map printed one `'name', 'value'` a line (pseudo-headers first, names
    # lower-cased), then a blank line; Envoy's default log format `[%Y-%m-%d %T.%e][%t][%l][%n] [%g:%#] %v` and
    # the stream's `[C<conn>][S<stream>]`. No body: the app's hop shows the request went in clear text.
    head = "[2026-11-22 13:00:00.123][23][debug][router] [source/common/router/router.cc:731] [C12][S7433520829283620491] "
    lines = [f"':authority', '{request.host}'", f"':path', '{request.path}'", f"':method', '{request.method}'",
             "':scheme', 'http'", *(f"'{name.lower()}', '{value}'" for name, value in request.headers),
             f"'content-length', '{request.content_length}'", "'x-forwarded-proto', 'http'",
             "'x-request-id', '3ed6eb3b-ddce-4fdc-8862-ddb8f168d406'",
             f"'x-envoy-decorator-operation', '{request.host}:80/*'", "'x-envoy-peer-metadata-id', "
             "'sidecar~10.42.0.17~payouts-6d8f7c9b5-x2x7k.payouts~payouts.svc.cluster.local'", ""]
    return [f"[2026-11-22 13:00:00.122][23][debug][router] [source/common/router/router.cc:478] "
            f"[C12][S7433520829283620491] cluster 'outbound|443||{request.host}' match for URL '{request.path}'",
            head + "router decoding headers:", *lines,
            "[2026-11-22 13:00:00.123][23][debug][pool] [source/common/http/conn_pool_base.cc:78] queueing stream "
            "due to no available connections (ready=0 busy=0 connecting=0)"]


def _tap_endpoint(ip: str, port: int, metadata: dict[str, str] | None) -> dict[str, object]:
    return {"ip": ip, "port": port, "metadata": metadata}


def linkerd_tap_json(request: Request) -> list[str]:
    # `linkerd viz tap deploy/payouts --to deploy/egress -o json` (linkerd/linkerd2 viz/cmd/tap.go
    # renderTapEventJSON: each event `json.MarshalIndent(m, "", "  ")` of a tapEvent — source, destination,
    # routeMeta, proxyDirection, then requestInitEvent {id, method, scheme, authority, path, headers: [{name,
    # valueStr}]}, responseInitEvent or responseEndEvent; testdata/tap_busy_output_json.golden). The app speaks
    # plain HTTP/1.1 to its proxy (the egress originates TLS): scheme HTTP, the names lower-cased by the proxy.
    source = _tap_endpoint("10.42.0.17", 51234, {"pod": "payouts-6d8f7c9b5-x2x7k", "namespace": "payouts"})
    egress = _tap_endpoint("10.42.1.9", 80, {"pod": "egress-7b9c5d8f6-q4m2n", "tls": "true"})
    frame = {"source": source, "destination": egress, "routeMeta": None, "proxyDirection": "OUTBOUND"}
    init = {**frame, "requestInitEvent": {
        "id": {"base": 3, "stream": 1}, "method": request.method, "scheme": "HTTP", "authority": request.host,
        "path": request.path, "headers": [{"name": name.lower(), "valueStr": value} for name, value in
                                          [*request.headers, ("content-length", request.content_length)]]}}
    response = {**frame, "responseInitEvent": {"id": {"base": 3, "stream": 1}, "sinceRequestInit": {"nanos": 331208114},
                                               "httpStatus": 201, "headers": [
                                                   {"name": "content-type", "valueStr": "application/json"}]}}
    return [*json.dumps(init, indent=2).split("\n"), *json.dumps(response, indent=2).split("\n")]


def linkerd_tap_text(request: Request) -> list[str]:
    # `linkerd viz tap deploy/payouts --to deploy/egress` (linkerd/linkerd2 viz/cmd/tap.go renderTapEvent:
    # `req id=%d:%d %s :method=%s :authority=%s :path=%s`, the flow `proxy=out src=<ip:port> dst=<ip:port>
    # tls=<label>`; `rsp id=… :status=%d latency=%dµs`; `end id=… duration=%dµs response-length=%dB`;
    # testdata/tap_busy_output.golden). No header, no scheme, no body.
    flow = "proxy=out src=10.42.0.17:51234 dst=10.42.1.9:80 tls=true"
    return [f"req id=3:1 {flow} :method={request.method} :authority={request.host} :path={request.path}",
            f"rsp id=3:1 {flow} :status=201 latency=331208µs",
            f"end id=3:1 {flow} duration=412µs response-length=15B"]


def reqwest_tracing_span(request: Request) -> list[str]:
    # A Rust service on reqwest-middleware with reqwest-tracing's TracingMiddleware, tracing-subscriber's fmt
    # layer `.with_span_events(FmtSpan::NEW)` (TrueLayer/reqwest-middleware reqwest-tracing/src/
    # reqwest_otel_span_macro.rs: the span `HTTP request` with http.request.method, url.scheme, server.address,
    # server.port, url.full, user_agent.original — read from a header named `user_agent`, so empty —, otel.kind
    # "client", otel.name the method; the empty fields not written). No header, no body.
    span = (f"HTTP request{{http.request.method={request.method} url.scheme=https server.address={request.host} "
            f"server.port=443 url.full={request.url} user_agent.original= otel.kind=\"client\" "
            f"otel.name={request.method}}}")
    return [f"2026-11-22T13:00:00.123456Z  INFO {span}: reqwest_tracing::reqwest_otel_span_builder: new"]


# --- a job queue, a profiler ----------------------------------------------------------------------------------

def sidekiq_error_handler(request: Request) -> list[str]:
    # A Rails app's outbox: `PayoutOutboxJob.perform_async(method, url, headers, body)`, the job failing on a
    # read timeout after the request went out. Sidekiq's processor calls `handle_exception(e, {context: "Job
    # raised exception", job: job_hash})` and the default error handler logs `Sidekiq.dump_json(ctx)` at WARN,
    # then the exception (sidekiq/sidekiq lib/sidekiq/processor.rb, the ExceptionHandler's Logger); the job hash
    # as JobRetry left it (retry_count, error_message, error_class, failed_at). Sidekiq's Pretty formatter:
    # `<time> pid=<pid> tid=<tid> class=<class> jid=<jid> <LEVEL>: <message>`.
    jid = "b4a577edbccf1d805744efa9"
    job = {"retry": True, "queue": "payouts", "class": "PayoutOutboxJob",
           "args": [request.method, request.url, dict(request.headers), request.body], "jid": jid,
           "created_at": 1795352399.812, "enqueued_at": 1795352399.813, "error_message": "Net::ReadTimeout",
           "error_class": "Net::ReadTimeout", "failed_at": 1795352430.114, "retry_count": 0}
    prefix = f"2026-11-22T13:00:30.114Z pid=4242 tid=2ti class=PayoutOutboxJob jid={jid} WARN: "
    message = json.dumps({"context": "Job raised exception", "job": job}, separators=(",", ":"))
    return [prefix + message, prefix + "Net::ReadTimeout: Net::ReadTimeout with #<TCPSocket:(closed)>",
            prefix + "/usr/local/lib/ruby/3.3.0/net/protocol.rb:229:in `rbuf_fill'"]


def clockwork_stored_request(request: Request) -> list[str]:
    # A Laravel queue worker with Clockwork collecting: each run stored as storage/clockwork/<id>.json
    # (itsgoingd/clockwork Clockwork/Storage/FileStorage.php: `json_encode` of the request's array, PHP escaping
    # every `/` as `\/`), its `httpRequests` from LaravelHttpClientDataSource on RequestSending — `request` =>
    # {method, url, headers (the PSR-7 request's, each name to a list of values, Host first), content (the body
    # decoded), body (the body as sent)}, then `response`, `stats`, `error`, `time`, `trace`, `duration`.
    headers = {"Host": [request.host], **{name: [value] for name, value in request.headers}}
    call = {"request": {"method": request.method, "url": request.url, "headers": headers,
                        "content": json.loads(request.body), "body": request.body},
            "response": {"status": 201, "headers": {"Content-Type": ["application/json"]},
                         "content": {"id": "1A2B3C"}, "body": '{"id":"1A2B3C"}', "stats": None},
            "stats": None, "error": None, "time": 1795352400.1,
            "trace": [{"file": "/app/app/Jobs/SendPayout.php", "line": 41}], "duration": 331.2}
    stored = {"id": "1795352400-4242-1337", "version": 1, "type": "queue-job", "time": 1795352400.0,
              "jobName": "App\\Jobs\\SendPayout", "httpRequests": [call]}
    return [json.dumps(stored, separators=(",", ":")).replace("/", "\\/")]


# --- HTTP inspectors mobile apps ship --------------------------------------------------------------------------

def _swift_headers(headers: list[tuple[str, str]]) -> str:
    """A `[AnyHashable: Any]` of strings as Swift's string interpolation writes it."""
    return "[" + ", ".join(f'AnyHashable("{name}"): "{value}"' for name, value in headers) + "]"


def netfox_session_log(request: Request) -> list[str]:
    # An iOS app with netfox started (`NFX.sharedInstance().start()`): kasketis/netfox netfox/Core/NFXHTTPModel.swift
    # saveRequest appends formattedRequestLogEntry() to the session log — `-------START REQUEST -  <url>
    # -------`, `[Request Method]`, `[Request Date]`, `[Request Time]`, `[Request Type]`, `[Request Timeout]`,
    # `[Request Headers]` then the `[AnyHashable: Any]` dictionary on its line, `[Request Body]` then a blank and
    # getRequestBody() — a JSON body re-serialized by JSONSerialization `.prettyPrinted` —, `-------END REQUEST -
    # <url> -------`; the response's entry likewise. The body is not the bytes sent.
    pretty = json.dumps(json.loads(request.body), indent=2, separators=(",", " : "))
    return [f"-------START REQUEST -  {request.url} -------", f"[Request Method] {request.method}",
            "[Request Date] 2026-11-22 13:00:00 +0000", "[Request Time] 13:00", "[Request Type] application/json",
            "[Request Timeout] 60.0", "[Request Headers]", _swift_headers(request.headers), "[Request Body]",
            f" {pretty}", f"-------END REQUEST - {request.url} -------", "",
            f"-------START RESPONSE -  {request.url} -------", "[Response Status] 201",
            "[Response Type] application/json", "[Response Date] 2026-11-22 13:00:00 +0000", "[Response Time] 13:00",
            "[Response Headers]", _swift_headers([("Content-Type", "application/json")]), "", "[Response Body]",
            ' {\n  "id" : "1A2B3C"\n}', f"-------END RESPONSE - {request.url} -------", ""]


def alice_saved_log(request: Request) -> list[str]:
    # A Flutter app's Alice inspector (Dio interceptor), the calls saved to alice_log_<millis>.txt (jhomlala/alice
    # lib/helper/alice_save_helper.dart _buildCallLog: `Server:`, `Method:`, `Endpoint:` each with a trailing
    # blank, the headers `JsonEncoder.withIndent('  ')`; lib/utils/alice_parser.dart formatBody: a JSON body with
    # line feeds kept as it is, a minified one pretty-printed; lib/model/alice_http_call.dart getCurlCommand:
    # `curl -X METHOD`, each header ` -H 'name: value'`, ` --data $'<body, line feeds as \n>'`, the URL quoted).
    values = dict(request.headers)
    shown = request.body if "\n" in request.body else json.dumps(json.loads(request.body), indent=2)
    curl = (f"curl -X {request.method}" + "".join(f" -H '{name}: {value}'" for name, value in request.headers)
            + " --data $'" + request.body.replace("\n", "\\n") + "'" + f" '{request.url}'")
    rule, heavy = "-" * 44, "=" * 43
    return [heavy, "Id: 1795352400123", heavy + "=", rule, "General data", rule, f"Server: {request.host} ",
            f"Method: {request.method} ", f"Endpoint: {request.path} ", "Client: Dio ", "Duration 331 ms",
            "Secured connection: true", "Completed: true ", rule, "Request", rule,
            "Request time: 2026-11-22 13:00:00.123", f"Request content type: {values['Content-Type']}",
            "Request cookies: []", "Request headers: " + json.dumps(values, indent=2),
            f"Request size: {request.content_length} B", f"Request body: {shown}", rule, "Response", rule,
            "Response time: 2026-11-22 13:00:00.454", "Response status: 201", "Response size: 15 B",
            'Response headers: {\n  "content-type": "application/json"\n}',
            'Response body: {\n  "id": "1A2B3C"\n}', rule, "Curl", rule, curl, "=" * 46, ""]


# --- Java clients popular in China -------------------------------------------------------------------------------

def hutool_request_to_string(request: Request) -> list[str]:
    # A Spring Boot service on Hutool's HttpRequest, `log.info("{}", request)` before `execute()` (dromara/hutool
    # hutool-http/src/main/java/cn/hutool/http/HttpRequest.java toString: `Request Url: ` and the URL, CRLF, then
    # HttpBase.toString: `Request Headers: ` CRLF, each header four blanks in `Name: value` CRLF (its values joined
    # by `,`), `Request Body: ` CRLF, four blanks and the body as the charset decodes it, CRLF).
    text = (f"Request Url: {request.url}\r\nRequest Headers: \r\n"
            + "".join(f"    {name}: {value}\r\n" for name, value in request.headers)
            + f"Request Body: \r\n    {request.body}\r\n")
    lines = text.split("\n")
    return [LOGBACK + "c.e.payouts.IuguClient                   : " + lines[0], *lines[1:]]


def forest_request_log(request: Request) -> list[str]:
    # A service declaring its iugu client with Forest (`@Post(url = …, headers = …) String transfer(@Body …)`),
    # whose DefaultLogHandler logs each request at INFO (dromara/forest forest-core/src/main/java/com/dtflys/forest/
    # logging/DefaultLogHandler.java requestLoggingContent: `[Forest] Request (<backend>): `, a line feed and a
    # tab, the request line `TYPE <url> SCHEME` (RequestLogMessage.getRequestLine, the scheme upper-cased), then
    # `\n\tHeaders: \n` and each header `\t\tName: value`, then `\n\tBody: ` and the body; the response
    # `[Forest] Response: Status = <n>, Time = <ms>ms`), through Spring Boot's logback pattern.
    logger = "c.d.forest.logging.DefaultLogHandler     : "
    text = (f"[Forest] Request (okhttp3): \n\t{request.method} {request.url} HTTPS\n\tHeaders: \n"
            + "\n".join(f"\t\t{name}: {value}" for name, value in request.headers) + f"\n\tBody: {request.body}")
    lines = text.split("\n")
    return [LOGBACK + logger + lines[0], *lines[1:],
            LOGBACK + logger + "[Forest] Response: Status = 201, Time = 331ms"]


SHAPES = [case(sidekiq_error_handler), case(clockwork_stored_request),
          case(alice_saved_log), case(hutool_request_to_string),
          case(forest_request_log)]
HEADERS_ONLY = [case(envoy_router_debug, plaintext=True),
                case(linkerd_tap_json, plaintext=True), case(netfox_session_log)]
NO_HEADERS = [case(linkerd_tap_text), case(reqwest_tracing_span)]
