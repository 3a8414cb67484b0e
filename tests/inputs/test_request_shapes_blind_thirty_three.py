"""A thirty-third blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu transfers
unsigned, signed with the client's real key and with another key, an Asaas transfer) as MAINSTREAM writers of a
payments team keep them, each through the logger's default (or documented) configuration and, where that is how
the log is read, the platform's envelope — Spring Cloud OpenFeign at `Logger.Level.FULL` through logback's own
JsonEncoder, Ktor's client Logging plugin at LogLevel.ALL through logstash-logback-encoder, .NET's IHttpClientFactory
logging events through Serilog's compact JSON (CLEF), aiohttp's TraceConfig hooks through python-json-logger read
back from Loki with `logcli --output=jsonl`, Guzzle's `MessageFormatter::DEBUG` in a Laravel `laravel.log`, a Go
client's logrus JSONFormatter record read with `kubectl logs --timestamps`, a Node Lambda's axios interceptor in
Lambda's JSON log format read with `aws logs tail`, and a Sidekiq job's Net::HTTP request in Sidekiq's default
Pretty log line.

Four of the eight passed as first written, before the readers were read (Feign's records through logback's
JsonEncoder, the aiohttp hooks' records through logcli, Guzzle's debug message in laravel.log, logrus's record under
kubectl's timestamps). Four did not: Ktor's one message holding the whole request (four requests judged, no body
read: both signatures unverified), the .NET CLEF events (twelve requests judged, the LogicalHandler's and the
ClientHandler's records of one request not one request: two signature replays), the Node Lambda's record read with
`aws logs tail` (nothing found) and the Sidekiq job's line (four requests judged, the headers Ruby's Hash#inspect of
lists, `{"k" => ["v"]}`, not read: nothing found). All eight pass now. Ktor's since a record's logger is written
before its message's first line only, as a text log's prefix is, the later lines the message's own (before, each
line of the message was given the logger, so the body's lines read as records of their own:
:func:`keyaudit.inputs.captures.envelopes._own_message`) — and, as in a text log, the bare lines under another
logger's record, which a dump's reader passes over, are that record's message, passed over too
(:meth:`keyaudit.inputs.captures.dump_request.DumpRequest.takes_bare`). The Lambda's since a string that ends with a
JSON object after words (a message a logger formatted an object into, `iugu request {…}`) holds that object as a
nested record, as a string that is one does (:func:`keyaudit.inputs.captures.records.held_object`). Sidekiq's since
a request a message names before its pairs may follow pairs of the logger's own (Sidekiq's `pid=… tid=… class=…
jid=… INFO:` before the message: :func:`keyaudit.inputs.captures.logfmt.logfmt_record`). The CLEF events' since a
record that keeps its message as a template (Serilog's compact JSON: `@mt` and its properties, no rendered message)
gives the template filled in as its message, and a property a logging scope bound (its value in the text of the
record's `Scope` entries: IHttpClientFactory's `HTTP {HttpMethod} {Uri}` around a call) is no part of a record whose
template does not name it: the call's headers record names no request of its own, its message joins the
ClientHandler's first record as a text log's would (:mod:`keyaudit.inputs.captures.message_templates`). One
correction to the corpus after the blind run: the CLEF records' trace and span ids were one per request, where
HttpClient's own activity starts inside the handlers that log, so every record of a job carries the job's.

A comment above each shape names the source its format was taken from. What is checked is what every
blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``, never a body
for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import json
import uuid

from helpers.signed_shapes import Request, case, go_canonical

EPOCH_MS = 1795352430104  # 2026-11-22T13:00:30.104Z


def _compact(record: object) -> str:
    """A record as a JVM or Node JSON writer puts it on a line: no blanks, non-ASCII kept."""
    return json.dumps(record, separators=(",", ":"), ensure_ascii=False)


def _go_json(record: object) -> str:
    """A record as Go's encoding/json writes it: keys of a map sorted, `<`, `>` and `&` escaped for HTML."""
    text = json.dumps(record, separators=(",", ":"), ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# --- JVM ---------------------------------------------------------------------------------------------------------

def feign_logback_json(request: Request) -> list[str]:
    # A Spring Boot payouts service whose iugu client is a Spring Cloud OpenFeign `@FeignClient` with
    # `spring.cloud.openfeign.client.config.iugu.logger-level: full` (docs.spring.io/spring-cloud-openfeign
    # "Feign logging": the client's logger at DEBUG; DefaultFeignLoggerFactory gives feign.slf4j.Slf4jLogger, whose
    # log is `logger.debug(String.format(methodTag(configKey) + format, args))`, methodTag `[Iugu#transfer] `;
    # OpenFeign feign/Logger.java logRequest: `---> POST <url> HTTP/1.1`, each header `%s: %s` — the request's
    # headers a TreeMap in case-insensitive order, Content-Length set by RequestTemplate#body —, a blank line, the
    # body as one message, `---> END HTTP (<n>-byte body)`), its console written by logback's own JsonEncoder
    # (logback 1.3.8+, `<encoder class="ch.qos.logback.classic.encoder.JsonEncoder"/>`; qos-ch/logback JsonEncoder
    # .java encode: sequenceNumber, timestamp, nanoseconds, level, threadName, loggerName, context {name, birthdate,
    # properties}, `"mdc": {}`, message — the event's message, here already formatted —, `throwable` null).
    tag = "[IuguClient#transfer] "
    headers = sorted([*request.headers, ("Content-Length", request.content_length)], key=lambda pair: pair[0].lower())
    messages = [f"---> {request.method} {request.url} HTTP/1.1", *(f"{name}: {value}" for name, value in headers),
                "", request.body, f"---> END HTTP ({request.content_length}-byte body)"]
    lines = []
    for n, message in enumerate(messages):
        head = (f'{{"sequenceNumber":{812 + n},"timestamp":{EPOCH_MS + n},"nanoseconds":{104_000_000 + n * 1000},'
                f'"level":"DEBUG","threadName":"http-nio-8080-exec-4","loggerName":"com.example.payouts.IuguClient",'
                f'"context":{{"name":"default","birthdate":1795348800000,"properties":{{}}}},"mdc": {{}},')
        lines.append(head + f'"message":{json.dumps(tag + message, ensure_ascii=False)},"throwable":null}}')
    return lines


def ktor_logstash(request: Request) -> list[str]:
    # A Kotlin payouts service whose Ktor 2.3 HttpClient (CIO) installs `Logging { logger = Logger.DEFAULT; level =
    # LogLevel.ALL }` (ktor.io/docs/client-logging.html; ktor-client-logging HttpClientCallLogger: the request's
    # lines — `REQUEST: <url>`, `METHOD: HttpMethod(value=POST)`, `COMMON HEADERS` and `-> Name: value` sorted by
    # name, `CONTENT HEADERS`, `BODY Content-Type: …`, `BODY START`, the body, `BODY END` — kept in one
    # StringBuilder and logged as ONE message when the body has been read; Logger.DEFAULT is the SLF4J logger
    # `io.ktor.client.HttpClient` at INFO; ContentNegotiation adds Accept, HttpPlainText Accept-Charset), its
    # console written by logstash-logback-encoder's LogstashEncoder (github.com/logfellow/logstash-logback-encoder
    # "Standard Fields": `@timestamp`, `@version`, `message`, `logger_name`, `thread_name`, `level`, `level_value`).
    common = sorted([("Accept", "application/json"), ("Accept-Charset", "UTF-8"),
                     *((name, value) for name, value in request.headers if name != "Content-Type")])
    message = "\n".join([f"REQUEST: {request.url}", f"METHOD: HttpMethod(value={request.method})", "COMMON HEADERS",
                         *(f"-> {name}: {value}" for name, value in common), "CONTENT HEADERS",
                         f"-> Content-Length: {request.content_length}", "-> Content-Type: application/json",
                         "BODY Content-Type: application/json", "BODY START", request.body, "BODY END"])
    return [_compact({"@timestamp": "2026-11-22T13:00:30.104Z", "@version": "1", "message": message,
                      "logger_name": "io.ktor.client.HttpClient", "thread_name": "DefaultDispatcher-worker-3",
                      "level": "INFO", "level_value": 20000})]


# --- .NET --------------------------------------------------------------------------------------------------------

def httpclient_factory_clef(request: Request) -> list[str]:
    # A .NET 8 payouts service whose typed client `iugu` comes from IHttpClientFactory, its logging events
    # (learn.microsoft.com/dotnet/core/extensions/httpclient-factory "Logging": categories System.Net.Http.HttpClient.
    # <name>.LogicalHandler and .ClientHandler; dotnet/runtime Microsoft.Extensions.Http LoggingScopeHttpMessageHandler
    # and LoggingHttpMessageHandler: event 100 "Start processing HTTP request {HttpMethod} {Uri}" / "Sending HTTP
    # request …", event 102 at Trace whose state is HttpHeadersLogValue — each header a property, its values a list;
    # its text "Request Headers:" and `Name: value` lines —; the LogicalHandler's scope "HTTP {HttpMethod} {Uri}"),
    # with `MinimumLevel.Override("System.Net.Http.HttpClient", Verbose)`, through Serilog.Extensions.Logging (a state
    # with no {OriginalFormat} is the template `{<TypeName>:l}`, its text a property of that name) and Serilog.Sinks.
    # File with Serilog.Formatting.Compact's CompactJsonFormatter (github.com/serilog/serilog-formatting-compact:
    # `@t`, `@mt`, `@l` unless Information, `@tr`/`@sp`, then the properties). No body.
    trace, span = "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7"  # the job's: HttpClient's own is inner
    scope = {"HttpMethod": request.method, "Uri": request.url, "Scope": [f"HTTP {request.method} {request.url}"]}
    text = "Request Headers:\n" + "".join(f"{name}: {value}\n" for name, value in request.headers)
    records = []
    handlers = (("LogicalHandler", "Start processing HTTP request", ("RequestPipelineStart",
                                                                     "RequestPipelineRequestHeader")),
                ("ClientHandler", "Sending HTTP request", ("RequestStart", "RequestHeader")))
    for handler, started, names in handlers:
        context = {"SourceContext": f"System.Net.Http.HttpClient.iugu.{handler}"}
        records += [{"@t": "2026-11-22T13:00:30.1045120Z", "@mt": started + " {HttpMethod} {Uri}", "@tr": trace,
                     "@sp": span, "HttpMethod": request.method, "Uri": request.url,
                     "EventId": {"Id": 100, "Name": names[0]}, **context, "Scope": scope["Scope"]},
                    {"@t": "2026-11-22T13:00:30.1046730Z", "@mt": "{HttpHeadersLogValue:l}", "@l": "Verbose",
                     "@tr": trace, "@sp": span, **{name: [value] for name, value in request.headers},
                     "HttpHeadersLogValue": text, "EventId": {"Id": 102, "Name": names[1]}, **context, **scope}]
    return [_compact(record) for record in records]


# --- Python ------------------------------------------------------------------------------------------------------

def aiohttp_json_logger_logcli(request: Request) -> list[str]:
    # A Python payouts worker whose aiohttp ClientSession has a TraceConfig (docs.aiohttp.org/en/stable/
    # client_advanced.html#client-tracing; tracing_reference: on_request_start gets (method, url, headers) — the
    # caller's headers, before aiohttp adds its own —, on_request_chunk_sent (method, url, chunk), "the chunk of data
    # sent"), its hooks `logger.debug("iugu request start", extra={"method": …, "url": str(params.url), "headers":
    # dict(params.headers)})` and `logger.debug("iugu request body", extra={…, "body": params.chunk.decode()})`,
    # formatted by python-json-logger (github.com/madzak/python-json-logger README: `JsonFormatter("%(asctime)s
    # %(levelname)s %(name)s %(message)s")`, the format's fields then the extras, json.dumps' default separators and
    # ASCII escapes), the pod's log read back from Loki with `logcli query --forward --output=jsonl` (grafana/loki
    # pkg/logcli/output/jsonl.go: a map of `labels`, `line` and `timestamp` through json.Marshal, keys sorted).
    common = {"asctime": "2026-11-22 13:00:30,104", "levelname": "DEBUG", "name": "payouts.iugu"}
    start = {**common, "message": "iugu request start", "method": request.method, "url": request.url,
             "headers": dict(request.headers)}
    body = {**common, "message": "iugu request body", "method": request.method, "url": request.url,
            "body": request.body}
    labels = {"pod": "payouts-worker-5c7d9b8f4-q8w2n"}
    return [_go_json({"labels": labels, "line": json.dumps(record), "timestamp": f"2026-11-22T13:00:30.10{n}512Z"})
            for n, record in enumerate((start, body))]


# --- PHP ---------------------------------------------------------------------------------------------------------

def guzzle_debug_laravel(request: Request) -> list[str]:
    # A Laravel 11 payouts app whose iugu calls go through `Http::withMiddleware(Middleware::log(Log::channel(),
    # new MessageFormatter(MessageFormatter::DEBUG), 'debug'))` (laravel.com/docs/11.x/http-client "Guzzle
    # Middleware"; guzzle/guzzle src/MessageFormatter.php: DEBUG is ">>>>>>>>\n{request}\n<<<<<<<<\n{response}\n
    # --------\n{error}", `{request}` Psr7\Message::toString — the request line, Host first, the headers joined by
    # CRLF, a blank line, the body —, `{error}` NULL when there is none; the middleware pushed after prepare_body,
    # so Content-Length is there), in `storage/logs/laravel.log` (Illuminate\Log\LogManager: Monolog's LineFormatter
    # with inline line breaks allowed and empty context and extra left out, `[%datetime%] %channel%.%level_name%:
    # %message% %context% %extra%`).
    head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}",
            *(f"{name}: {value}" for name, value in request.headers), f"Content-Length: {request.content_length}"]
    answer = '{"id":"8d1f0c2e","status":"pending"}'
    response = "\r\n".join(["HTTP/1.1 200 OK", "Content-Type: application/json; charset=utf-8",
                            f"Content-Length: {len(answer)}", "", answer])
    sent = "\r\n".join(head) + "\r\n\r\n" + request.body
    message = ">>>>>>>>\n" + sent + "\n<<<<<<<<\n" + response + "\n--------\nNULL"
    return f"[2026-11-22 13:00:30] production.DEBUG: {message}  ".split("\n")


# --- Go ----------------------------------------------------------------------------------------------------------

def logrus_json_kubectl(request: Request) -> list[str]:
    # A Go payouts service whose http.RoundTripper logs each request with logrus, `log.WithFields(logrus.Fields{
    # "method": req.Method, "url": req.URL.String(), "headers": req.Header, "body": string(body)}).Debug("iugu
    # request")`, its formatter `&logrus.JSONFormatter{}` (github.com/sirupsen/logrus json_formatter.go: the fields
    # and `level`, `msg`, `time` (RFC 3339) in one map, written by a json.Encoder — keys sorted, HTML escaped; an
    # http.Header's names canonical, its values lists), the pod's log read with `kubectl logs --timestamps`
    # (kubernetes.io/docs/reference/kubectl/generated/kubectl_logs: each line prefixed by its RFC 3339 nanosecond
    # time and a blank).
    record = {"body": request.body, "headers": {go_canonical(name): [value] for name, value in request.headers},
              "level": "debug", "method": request.method, "msg": "iugu request", "time": "2026-11-22T13:00:30Z",
              "url": request.url}
    return ["2026-11-22T13:00:30.104512377Z " + _go_json(record)]


# --- Node --------------------------------------------------------------------------------------------------------

def node_lambda_json_tail(request: Request) -> list[str]:
    # A Node.js 20 payouts Lambda whose axios instance has a request interceptor, `console.info(\`iugu request
    # ${JSON.stringify({method: config.method, url: config.url, headers: config.headers, data: config.data})}\`)`
    # (axios-http.com/docs/interceptors; axios lower-cases the method, its common Accept set first, AxiosHeaders
    # #toJSON a plain object), the function's LoggingConfig `LogFormat: JSON` (docs.aws.amazon.com/lambda/latest/dg/
    # nodejs-logging.html: `{"timestamp", "level", "requestId", "message"}` a line, a string message as given), its
    # log group read with `aws logs tail /aws/lambda/payouts-sender` (awscli logs tail, the default `detailed`
    # format: `<timestamp> <log stream> <message>`).
    headers = {"Accept": "application/json, text/plain, */*", **dict(request.headers)}
    logged = _compact({"method": request.method.lower(), "url": request.url, "headers": headers, "data": request.body})
    record = {"timestamp": "2026-11-22T13:00:30.104Z", "level": "INFO",
              "requestId": str(uuid.uuid5(uuid.NAMESPACE_URL, repr(request))), "message": f"iugu request {logged}"}
    return ["2026-11-22T13:00:30.104000+00:00 2026/11/22/[$LATEST]7f3c9e2a5b8d4c1e9a6f0b3d2e1c4a5b " + _compact(record)]


# --- Ruby --------------------------------------------------------------------------------------------------------

def _ruby_inspect(value: str) -> str:
    """A String as Ruby's String#inspect writes it (double quotes; `"`, `\\` and control characters escaped)."""
    return json.dumps(value, ensure_ascii=False).replace("#{", "\\#{")


def sidekiq_net_http_pretty(request: Request) -> list[str]:
    # A Rails payouts app whose Sidekiq 7 job sends the transfer with Net::HTTP and logs it first, `logger.info
    # "iugu request #{req.method} #{uri} headers=#{req.to_hash} body=#{req.body}"` (docs.ruby-lang.org Net::
    # HTTPHeader#to_hash: the header names lower-cased, each to a list of values; Net::HTTPGenericRequest#initialize
    # adds accept-encoding, accept and host after the caller's headers; Ruby 3.4's Hash#inspect `{"k" => [...]}`),
    # written by Sidekiq's default Pretty formatter (sidekiq/sidekiq lib/sidekiq/logger.rb: `<ISO 8601 ms> pid=<pid>
    # tid=<tid> class=<job> jid=<jid> <LEVEL>: <message>`).
    headers = [*((name.lower(), value) for name, value in request.headers),
               ("accept-encoding", "gzip;q=1.0,deflate;q=0.6,identity;q=0.3"), ("accept", "*/*"),
               ("host", request.host)]
    shown = "{" + ", ".join(f"{_ruby_inspect(name)} => [{_ruby_inspect(value)}]" for name, value in headers) + "}"
    jid = uuid.uuid5(uuid.NAMESPACE_URL, repr(request)).hex[:24]  # one per job
    message = f"iugu request {request.method} {request.url} headers={shown} body={request.body}"
    return f"2026-11-22T13:00:30.104Z pid=7 tid=2mpk class=PayoutTransferJob jid={jid} INFO: {message}".split("\n")


SHAPES = [case(feign_logback_json, "payouts.json"), case(ktor_logstash, "payouts.json"),
          case(aiohttp_json_logger_logcli, "loki.jsonl"), case(guzzle_debug_laravel, "laravel.log"),
          case(logrus_json_kubectl, "payouts.log"), case(node_lambda_json_tail, "lambda.log"),
          case(sidekiq_net_http_pretty, "sidekiq.log")]
HEADERS_ONLY = [case(httpclient_factory_clef, "payouts.clef")]
NO_HEADERS: list[object] = []
