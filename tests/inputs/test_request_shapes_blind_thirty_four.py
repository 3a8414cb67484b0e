"""A thirty-fourth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu transfers unsigned,
signed with the client's real key and with another key, an Asaas transfer) as MAINSTREAM writers of a payments team
keep them, leaning to the EGRESS side — the proxies and gateways an outbound call crosses, each through its default
(or documented) configuration and, where that is how the log is read, the platform's export — an Envoy egress
cluster's tap transport socket in protobuf's text format, an HAProxy egress proxy's default HTTP log with the body
captured (`#XX` escapes), an API Gateway HTTP integration's execution log read with `aws logs filter-log-events`,
Azure API Management's `log-to-eventhub` sample message read by the Event Hubs quickstart consumer; and clients not
yet shown through their platform's JSON logger — the Quarkus REST client through quarkus-logging-json, Micronaut's
HTTP client trace through logstash-logback-encoder, Elixir Tesla's Logger middleware through LoggerJSON, and Ruby's
httplog gem in its JSON mode under Ruby's default Logger.

Five of the eight passed as first written, before the readers were read (the Envoy tap in protobuf's text format, the
Quarkus REST client's JSON record, Micronaut's records through logstash, Tesla's through LoggerJSON, httplog's JSON
line). Three did not: HAProxy's line with the body captured (nothing found), API Gateway's execution log read with
`aws logs filter-log-events` (nothing found) and APIM's message read by the Event Hubs consumer (four requests judged,
no body read: both signatures unverified). Seven of the eight pass now. APIM's since a body whose declared length
ends inside its last line may be followed there by the quote that closes the string a printer wrapped the message in
and the rest of the printer's sentence (`}" from the partition with ID: "0"`), a gap after the quote as after a
logger's suffix (:class:`keyaudit.inputs.captures.lines.BodyLines`; before, only quotes alone were the printer's, so
the body was none). API Gateway's since a member of a JSON object printed over lines that is its record's message
(`"message": "(<id>) Endpoint request URI: …",`) is the line it holds, as a record on one line is
(:func:`keyaudit.inputs.captures.envelopes.holds_text`), and an anchor on one is given a line's lead, not a record
member's few lines (:func:`keyaudit.inputs.text_requests.line_reader_starts`; before, the events' messages were read
as members of objects naming no request, and the execution log's labelled lines never reached their reader).
HAProxy's stays a strict expected failure saying what the readers miss: its captures name nothing, as corpus four's
did.

A comment above each shape names the source its format was taken from. What is checked is what every
blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``, never a body
for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import json
import uuid

from helpers.signed_shapes import Request, case

EPOCH = 1795352430  # 2026-11-22T13:00:30Z, half a minute after the requests' Request-Time


def _compact(record: object) -> str:
    """A record as a JVM or Elixir JSON writer puts it on a line: no blanks, non-ASCII kept."""
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False)


def _flow(request: Request) -> str:
    """One id per request, the same each time the request is written (a trace or message id)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, repr(request)))


# --- egress proxies and gateways ---------------------------------------------------------------------------------

def _c_escape(data: bytes) -> str:
    """Bytes as protobuf's C++ TextFormat writes a `bytes` field (CEscape): `\\n`, `\\r`, `\\t`, `\\"`, `\\'` and
    `\\\\` escaped, any other byte outside printable ASCII as three octal digits."""
    named = {10: "\\n", 13: "\\r", 9: "\\t", 34: '\\"', 39: "\\'", 92: "\\\\"}
    return "".join(named.get(byte) or (chr(byte) if 32 <= byte < 127 else f"\\{byte:03o}") for byte in data)


def envoy_tap_socket_proto_text(request: Request) -> list[str]:
    # An Envoy egress proxy whose upstream cluster for the provider wraps its TLS transport socket in the tap transport
    # socket (envoyproxy.io/docs/envoy/latest/operations/traffic_tapping "Tap transport socket configuration":
    # `envoy.transport_sockets.tap` around `envoy.transport_sockets.tls`, so the bytes are those before encryption;
    # `sinks: - format: PROTO_TEXT, file_per_tap: {path_prefix: /var/log/envoy/tap}`), one file per connection read
    # back with `cat /var/log/envoy/tap/*.pb_text` (api envoy/data/tap/v3 wrapper.proto TraceWrapper
    # socket_buffered_trace; transport.proto SocketBufferedTrace {trace_id, connection {local_address,
    # remote_address}, events [{timestamp, write {data {as_bytes}, end_stream}}]}; protobuf TextFormat: two blanks
    # an indent, a bytes field C-escaped). Envoy's HTTP/1 codec writes header names lower-cased, `host` first, and
    # adds x-forwarded-proto, x-request-id and x-envoy-expected-rq-timeout-ms.
    headers = [("host", request.host), *((name.lower(), value) for name, value in request.headers),
               ("x-forwarded-proto", "http"), ("x-request-id", _flow(request)),
               ("x-envoy-expected-rq-timeout-ms", "15000"), ("content-length", request.content_length)]
    wire = (f"{request.method} {request.path} HTTP/1.1\r\n" + "".join(f"{name}: {value}\r\n" for name, value in headers)
            + "\r\n" + request.body).encode()
    trace_id = int(_flow(request)[:6], 16)
    return ["socket_buffered_trace {", f"  trace_id: {trace_id}", "  connection {", "    local_address {",
            "      socket_address {", '        address: "10.0.3.17"', "        port_value: 48122", "      }", "    }",
            "    remote_address {", "      socket_address {", '        address: "52.67.19.81"',
            "        port_value: 443", "      }", "    }", "  }", "  events {", "    timestamp {",
            f"      seconds: {EPOCH}", "      nanos: 104512000", "    }", "    write {", "      data {",
            f'        as_bytes: "{_c_escape(wire)}"', "      }", "    }", "  }", "}"]


def _haproxy_escape(text: str) -> str:
    """A captured value as HAProxy's log writes it (src/log.c: the header encoding map — `{`, `|`, `}`, `"`, `#` and
    every byte below 32 or from 127 up — each such byte `#` and two hex digits)."""
    return "".join(f"#{byte:02X}" if byte < 32 or byte >= 127 or chr(byte) in '{|}"#' else chr(byte)
                   for byte in text.encode())


def haproxy_body_capture(request: Request) -> list[str]:
    # An HAProxy egress proxy (the services reach the providers through it; its backend re-encrypts to them) with
    # `option httplog`, header captures for the headers that matter and the body captured too (docs.haproxy.org/2.8/
    # configuration.html#8.2.3 "HTTP log format": `... {%hrl} {%hsl} %{+Q}r`, the captured request headers in braces,
    # `|` between them, in the order declared, empty where absent; #8.8 "Capturing HTTP headers"; `option
    # http-buffer-request`, `declare capture request len 8192` and `http-request capture req.body id 0` — a declared
    # capture slot is logged with the header captures, first, being id 0; HAProxy 1.6's announcement "Captures"), the
    # line as rsyslog writes it to /var/log/haproxy.log (`<time> <host> haproxy[<pid>]: <message>`).
    captured = [request.body, request.host, *(dict(request.headers).get(name, "") for name in
                                               ("Content-Type", "Request-Time", "Signature", "access_token"))]
    captures = "|".join(_haproxy_escape(value) for value in captured)
    return [f"Nov 22 13:00:30 egress-1 haproxy[2117]: 10.0.3.17:48122 [22/Nov/2026:13:00:30.104] egress "
            f"providers/{request.host.split('.')[1]} 0/0/12/31/43 201 412 - - ---- 4/4/0/0/0 0/0 {{{captures}}} "
            f'"{request.method} {request.path} HTTP/1.1"']


def apigw_filter_log_events(request: Request) -> list[str]:
    # An API Gateway REST API the payouts service calls the providers through (an HTTP integration forwarding each
    # call), with execution logging at INFO and data tracing on (docs.aws.amazon.com/apigateway/latest/developerguide/
    # set-up-logging.html; the events "Endpoint request URI: …", "Endpoint request headers: {Name=value, …}",
    # "Endpoint request body after transformations: …" — one event each, the body's line breaks inside it —, each
    # prefixed with the request id in parentheses), the log group `API-Gateway-Execution-Logs_<api id>/prod` read
    # with `aws logs filter-log-events` (awscli's default JSON output: the response's `events` — logStreamName,
    # timestamp, message, ingestionTime, eventId — and `searchedLogStreams`, indented by four blanks).
    rid = _flow(request)
    headers = ", ".join(f"{name}={value}" for name, value in request.headers)
    messages = [f"Starting execution for request: {rid}", "HTTP Method: POST, Resource Path: /payouts",
                f"Endpoint request URI: {request.url}",
                f"Endpoint request headers: {{x-amzn-apigateway-api-id=a1b2c3d4e5, {headers}}}",
                f"Endpoint request body after transformations: {request.body}", f"Sending request to {request.url}",
                "Received response. Status: 201, Integration latency: 32 ms"]
    events = [{"logStreamName": "8f14e45fceea167a5a36dedd4bea2543", "timestamp": EPOCH * 1000 + 104 + n,
               "message": f"({rid}) {message}", "ingestionTime": EPOCH * 1000 + 913 + n,
               "eventId": f"3790315948{n:02d}8472061926495727184374583205419826560303{n:02d}"}
              for n, message in enumerate(messages)]
    return json.dumps({"events": events, "searchedLogStreams": []}, indent=4, ensure_ascii=False).split("\n")


def apim_log_to_eventhub(request: Request) -> list[str]:
    # Azure API Management in front of the providers (the services call it; its backends are api.iugu.com and
    # api.asaas.com) with the policy of learn.microsoft.com/azure/api-management/api-management-log-to-eventhub-sample
    # ("Policy to send application/http messages": `<set-variable name="message-id" value="@(Guid.NewGuid())" />`,
    # then in `<log-to-eventhub logger-id="myapilogger" partition-id="0">` the request line `{Method} {Path}{Query}
    # HTTP/1.1\r\n`, each header but Authorization and Ocp-Apim-Subscription-Key `Name: value` joined by `\r\n`, a
    # blank line and the body cut at 1024 characters, after `request:<message-id>\n`; here in `<outbound>`, where
    # context.Request is the request forwarded, its URL and Host the backend's), the events read by the Event Hubs
    # quickstart consumer
    # (learn.microsoft.com/azure/event-hubs/event-hubs-python-get-started-send "Receive events": `print('Received the
    # event: "{}" from the partition with ID: "{}"'.format(event.body_as_str(encoding="UTF-8"),
    # partition_context.partition_id))`), its output redirected to a file.
    line = f"{request.method} {request.path} HTTP/1.1\r\n"
    headers = "".join(f"{name}: {value}\r\n" for name, value in [("Host", request.host), *request.headers,
                                                                  ("Content-Length", request.content_length)])
    event = f"request:{_flow(request)}\n" + line + headers + "\r\n" + request.body
    return f'Received the event: "{event}" from the partition with ID: "0"'.split("\n")


# --- clients through their platform's JSON logger ----------------------------------------------------------------

def quarkus_rest_client_json(request: Request) -> list[str]:
    # A Quarkus 3 payouts service whose iugu client is a REST Client with `quarkus.rest-client.logging.scope=
    # request-response`, `body-limit=-1` and the DefaultClientLogger category at DEBUG (quarkus.io/guides/rest-client
    # "Logging traffic"; DefaultClientLogger.logRequest: `Request: %s %s Headers[%s], Body:\n%s`, the headers `name=
    # value` joined by blanks), its console written by the quarkus-logging-json extension (quarkus.io/guides/logging
    # "JSON logging format": with the extension the console is JSON — timestamp, sequence, loggerClassName,
    # loggerName, level, message, threadName, threadId, mdc, ndc, hostName, processName, processId — one record a
    # line).
    headers = " ".join(f"{name}={value}" for name, value in [*request.headers, ("content-length",
                                                                               request.content_length)])
    record = {"timestamp": "2026-11-22T13:00:30.104512Z", "sequence": 8123, "loggerClassName": "org.jboss.logging.Logger",
              "loggerName": "org.jboss.resteasy.reactive.client.logging.DefaultClientLogger", "level": "DEBUG",
              "message": f"Request: {request.method} {request.url} Headers[{headers}], Body:\n{request.body}",
              "threadName": "vert.x-eventloop-thread-1", "threadId": 27, "mdc": {}, "ndc": "",
              "hostName": "payouts-7f9c6d", "processName": "payouts-runner.jar", "processId": 1}
    return [_compact(record)]


def micronaut_client_logstash(request: Request) -> list[str]:
    # A Micronaut 4 payouts service whose declarative `@Client` logs at TRACE (`logger.levels.io.micronaut.http.client:
    # TRACE`; docs.micronaut.io/latest/guide/#clientLogging; DefaultHttpClient: `Sending HTTP {} to {}` at DEBUG,
    # each header `{}: {}` at TRACE, then traceBody: `Request Body`, `----`, the body as one message, `----`), its
    # console written by logstash-logback-encoder's LogstashEncoder (github.com/logfellow/logstash-logback-encoder
    # "Standard Fields": `@timestamp`, `@version`, `message`, `logger_name`, `thread_name`, `level`,
    # `level_value`), one record a line.
    fields = [*request.headers, ("host", request.host), ("connection", "keep-alive"),
              ("content-length", request.content_length)]
    messages = [("DEBUG", f"Sending HTTP {request.method} to {request.url}"),
                *(("TRACE", f"{name}: {value}") for name, value in fields), ("TRACE", "Request Body"),
                ("TRACE", "----"), ("TRACE", request.body), ("TRACE", "----")]
    return [_compact({"@timestamp": f"2026-11-22T13:00:30.{104 + n:03d}Z", "@version": "1", "message": message,
                      "logger_name": "io.micronaut.http.client.netty.DefaultHttpClient",
                      "thread_name": "default-nioEventLoopGroup-1-2", "level": level,
                      "level_value": 10000 if level == "DEBUG" else 5000})
            for n, (level, message) in enumerate(messages)]


def tesla_logger_json(request: Request) -> list[str]:
    # An Elixir payouts app whose Tesla client has `plug Tesla.Middleware.Logger, debug: true` (hexdocs.pm/tesla/
    # Tesla.Middleware.Logger.html; lib/tesla/middleware/logger.ex: the `POST <url> -> 201 (12.345 ms)` line at
    # info, then one debug message holding `>>> REQUEST >>>`, the query (`(no query)`), the headers `name: value`,
    # the body, a blank line and `<<< RESPONSE <<<` with the response), its console written by LoggerJSON's Basic
    # formatter (hexdocs.pm/logger_json/LoggerJSON.Formatters.Basic.html: `time`, `severity`, `message`,
    # `metadata`; `config :logger, :default_handler, formatter: LoggerJSON.Formatters.Basic.new(metadata:
    # [:request_id])`), one record a line.
    debug = "\n".join([">>> REQUEST >>>", "(no query)", *(f"{name}: {value}" for name, value in request.headers),
                       request.body, "", "<<< RESPONSE <<<", "content-type: application/json", "",
                       '{"id":"8d1f0c2e","status":"pending"}'])
    metadata = {"request_id": "F7t1x3yq9Dk2mZQAAAbh"}
    return [_compact({"message": message, "metadata": metadata, "severity": severity,
                      "time": f"2026-11-22T13:00:30.{104 + n:03d}Z"})
            for n, (severity, message) in enumerate([("info", f"{request.method} {request.url} -> 201 (12.345 ms)"),
                                                      ("debug", debug)])]


def httplog_json_ruby_logger(request: Request) -> list[str]:
    # A Ruby payouts worker using the httplog gem with `HttpLog.configure { |config| config.json_log = true }`
    # (github.com/trusche/httplog README "JSON formatting": the request and response as one JSON object —
    # method, url, request_body, request_headers, response_code, response_body, response_headers, benchmark —
    # logged with the `[httplog] ` prefix at the default severity, debug, to the default logger, `Logger.new($stdout)`;
    # Net::HTTP's headers lower-cased, with the accept-encoding, accept, user-agent and host it adds), the line as
    # Ruby's Logger::Formatter writes it (`D, [<ISO 8601 µs> #<pid>] DEBUG -- : <message>`).
    headers = {**{name.lower(): value for name, value in request.headers},
               "accept-encoding": "gzip;q=1.0,deflate;q=0.6,identity;q=0.3", "accept": "*/*", "host": request.host}
    data = {"method": request.method, "url": request.url, "request_body": request.body, "request_headers": headers,
            "response_code": 201, "response_body": '{"id":"8d1f0c2e","status":"pending"}',
            "response_headers": {"content-type": "application/json; charset=utf-8"}, "benchmark": 0.043127}
    return [f"D, [2026-11-22T13:00:30.104512 #7] DEBUG -- : [httplog] {_compact(data)}"]


SHAPES = [case(envoy_tap_socket_proto_text, "tap.pb_text"),
          case(haproxy_body_capture, "haproxy.log",
               missed="no request read: the captures `{body|host|type|time|signature|key}` are values with no names "
                      "(the names are the `capture` and `declare capture` lines of haproxy.cfg, another file, as in "
                      "corpus four's haproxy_captures), and the body's `#XX` escapes (HAProxy's log encoding of "
                      "`{|}\"#` and control bytes) are undone by no reader"),
          case(apigw_filter_log_events, "execution-logs.json"), case(apim_log_to_eventhub, "eventhub.log"),
          case(quarkus_rest_client_json, "payouts.json"), case(micronaut_client_logstash, "payouts.json"),
          case(tesla_logger_json, "payouts.log"), case(httplog_json_ruby_logger, "worker.log")]
HEADERS_ONLY: list[object] = []
NO_HEADERS: list[object] = []
