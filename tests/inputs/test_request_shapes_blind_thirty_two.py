"""A thirty-second blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu transfers
unsigned, signed with the client's real key and with another key, an Asaas transfer) as MAINSTREAM writers of a
payments team keep them, each through the logger's default (or documented) configuration and, where that is how
the log is found, the shipper's envelope — a NestJS service's axios interceptor through Nest's default
ConsoleLogger (an object `util.inspect`ed in colour, its long string split ` +` at its line breaks) in Docker's
json-file log, a Node service's winston record (the default `format.json()`, keys sorted) read with Loki's
`logcli query`, a Spring RestTemplate interceptor's `request begin` lines through Spring Boot 3.4's ECS structured
console log, a Django service's requests response hook through the `verbose` formatter of Django's logging docs,
a Laravel `RequestSending` listener in `laravel.log`, HTTParty's `:logstash` formatter in a Rails 7.1 production
log, a Go client's `log/slog` JSON handler under containerd's CRI log, and OkHttp's HttpLoggingInterceptor through
the OpenTelemetry Java agent's logback bridge and a Collector's `file` exporter (OTLP JSON logs).

Six of the eight passed as first written, before the readers were read (winston's record through logcli, the
Spring interceptor's ECS lines, the Django hook's line, the Laravel listener's line, HTTParty's logstash record, the
slog record under CRI). Two did not: Nest's console object in Docker's json-file log (no request found) and
OkHttp's lines as OTLP JSON log records (four requests judged, no header and no body read: nothing found). All
eight pass now. OkHttp's since a batch's records are looked for in the lists its records hold in turn (an OTLP
export's `resourceLogs[].scopeLogs[].logRecords[]`), each record's message a line, and an OpenTelemetry log
record's message is its typed body, `"body": {"stringValue": …}` (:mod:`keyaudit.inputs.captures.envelopes`,
:func:`keyaudit.inputs.captures.record_views.message_of`). Nest's since an object printed over lines, each line
kept in an envelope of its own (Docker's json-file `{"log": "<line>\\n", …}`), is read from the lines the
envelopes hold (:mod:`keyaudit.inputs.captures.json_blocks`), and the terminal's escapes in the text an envelope
holds are taken out as a file's own lines have them taken out (a shipper keeps them escaped, `\\u001b[32m`, where
the engine's pass over the bytes never sees them: :mod:`keyaudit.inputs.captures.envelopes`).

A comment above each shape names the source its format was taken from. What is checked is what every
blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``, never a body
for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import json

from helpers.signed_shapes import Request, case, go_canonical

ESC = "\x1b"


# --- Node --------------------------------------------------------------------------------------------------------

def _green(text: str) -> str:
    """A value as `util.inspect` with `colors: true` styles a string (util.inspect.styles.string: green, 32/39)."""
    return f"{ESC}[32m{text}{ESC}[39m"


def _inspect_string(value: str, indentation: int) -> str:
    """A string as Node's util.inspect writes it with `compact: false`, breakLength 80 and colours on (lib/internal/
    util/inspect.js formatPrimitive: single quotes, `\\n` escaped; a string over 16 characters and longer than
    `breakLength - indentationLvl - 4` is split after each line break, the pieces joined by ` +` and a line
    indented `indentationLvl + 2`, each piece coloured on its own)."""
    def quoted(text: str) -> str:
        return _green("'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'")
    if len(value) <= 16 or len(value) <= 80 - indentation - 4:
        return quoted(value)
    pieces = value.splitlines(keepends=True)
    return f" +\n{' ' * (indentation + 2)}".join(quoted(piece) for piece in pieces)


def _inspect_key(name: str) -> str:
    """A property name as util.inspect writes it: bare when an identifier, else quoted and styled as a string."""
    return name if name.isidentifier() else _green(f"'{name}'")


def nest_console_docker(request: Request) -> list[str]:
    # A NestJS payouts service whose HttpService (axios) has a request interceptor, `this.httpService.axiosRef.
    # interceptors.request.use(config => { this.logger.debug({ method: config.method, url: config.url, headers:
    # config.headers, data: config.data }); return config; })` (docs.nestjs.com/techniques/http-module "Full Axios
    # instance"; axios lower-cases the method, the common `Accept` set before the interceptors run, the headers an
    # `AxiosHeaders`), its logger Nest's default ConsoleLogger (nestjs/nest packages/common/services/console-logger.
    # service.ts: `[Nest] <pid>  - <time> <LEVEL padded to 7> [<context>] `, the pid and level coloured by level —
    # debug magentaBright —, the context yellow; an object `Object(<n>) ` and `util.inspect(message, {depth: 5,
    # colors: true, compact: false, breakLength: 80})`), the container's stdout kept by Docker's default json-file
    # driver (docs.docker.com/engine/logging/drivers/json-file: one `{"log":"<line>\n","stream":"stdout","time":
    # "<RFC 3339 nanoseconds>"}` a line written).
    magenta, yellow, reset = f"{ESC}[95m", f"{ESC}[33m", f"{ESC}[39m"
    headers = [("Accept", "application/json, text/plain, */*"), *request.headers]
    header_lines = [f"    {_inspect_key(name)}: {_inspect_string(value, 4)}" for name, value in headers]
    fields = [f"  method: {_inspect_string(request.method.lower(), 2)}", f"  url: {_inspect_string(request.url, 2)}",
              "  headers: Object [AxiosHeaders] {", ",\n".join(header_lines), "  }",
              f"  data: {_inspect_string(request.body, 2)}"]
    inspected = "{\n" + ",\n".join(fields[:2]) + ",\n" + "\n".join(fields[2:5]) + ",\n" + fields[5] + "\n}"
    text = (f"{magenta}[Nest] 1  - {reset}11/22/2026, 1:00:30 PM {magenta}  DEBUG{reset} "
            f"{yellow}[IuguClient] {reset}Object(4) {inspected}")
    return [json.dumps({"log": line + "\n", "stream": "stdout", "time": f"2026-11-22T13:00:30.10451{n:04d}Z"},
                       separators=(",", ":")) for n, line in enumerate(text.split("\n"))]


def winston_logcli(request: Request) -> list[str]:
    # A Node payouts service logging each request with winston, `logger.info('outgoing request', {method, url,
    # headers, data})`, its format the default `format.json()` (winstonjs/winston README "Formats"; winstonjs/logform
    # json.js: safe-stable-stringify, whose `deterministic` default sorts every object's keys), read back from Loki
    # with `logcli query '{namespace="payments",app="payouts-api"}'` (grafana.com/docs/loki/latest/query/logcli:
    # `<RFC 3339 time> <labels not common to every stream> <line>`; the common labels printed apart to stderr).
    record = {"message": "outgoing request", "level": "info", "method": request.method, "url": request.url,
              "headers": dict(request.headers), "data": request.body}
    line = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return ['2026-11-22T13:00:30Z {pod="payouts-api-7f9c5d8b6-x2k4p"} ' + line]


# --- JVM ---------------------------------------------------------------------------------------------------------

def _spring_headers(headers: list[tuple[str, str]]) -> str:
    """Spring's HttpHeaders#toString (org.springframework.http.HttpHeaders.formatHeaders): `[Name:"value", …]`."""
    return "[" + ", ".join(f'{name}:"{value}"' for name, value in headers) + "]"


def spring_interceptor_ecs(request: Request) -> list[str]:
    # A Spring Boot 3.4 payouts service whose RestTemplate has the logging ClientHttpRequestInterceptor most teams
    # copy (Baeldung "Spring RestTemplate Request/Response Logging"; its `traceRequest` logs `=====request begin
    # =====`, `URI         : {}`, `Method      : {}`, `Headers     : {}`, `Request body: {}`, `=====request end
    # =====` at DEBUG, the headers by HttpHeaders#toString, the body `new String(body, UTF_8)`; RestTemplate's
    # AcceptHeaderRequestCallback adds Accept first, StringHttpMessageConverter Content-Length last), its console
    # written by Spring Boot's structured logging, `logging.structured.format.console=ecs` (spring.io/blog/2024/08/
    # 23/structured-logging-in-spring-boot-3-4: `@timestamp`, `log.level`, `process.pid`, `process.thread.name`,
    # `service.name`, `log.logger`, `message`, `ecs.version`, one JSON object a line).
    headers = [("Accept", "text/plain, application/json, application/*+json, */*"), *request.headers,
               ("Content-Length", request.content_length)]
    messages = ["===========================request begin================================================",
                f"URI         : {request.url}", f"Method      : {request.method}",
                f"Headers     : {_spring_headers(headers)}", f"Request body: {request.body}",
                "==========================request end================================================"]
    return [json.dumps({"@timestamp": "2026-11-22T13:00:30.104512Z", "log.level": "DEBUG", "process.pid": 1,
                        "process.thread.name": "payouts-sender-1", "service.name": "payouts-api",
                        "log.logger": "com.example.payouts.LoggingRequestInterceptor", "message": message,
                        "ecs.version": "8.11"}, separators=(",", ":"), ensure_ascii=False) for message in messages]


def okhttp_otlp_logs_file(request: Request) -> list[str]:
    # A Kotlin payouts service whose OkHttp client has `HttpLoggingInterceptor().apply { level = Level.BODY }`
    # (okhttp-logging-interceptor HttpLoggingInterceptor.kt: `--> POST <url>`, the body's Content-Type and
    # Content-Length, the other headers, a blank message, the body as one message, `--> END POST (<n>-byte body)`),
    # run under the OpenTelemetry Java agent, whose logback appender bridge turns each logged line into a log record
    # (opentelemetry.io/docs/zero-code/java/agent: `otel.logs.exporter=otlp`, the scope the logger's name), sent to
    # a Collector whose `file` exporter writes each export as one line of OTLP JSON (opentelemetry-collector-contrib
    # exporter/fileexporter: `resourceLogs` > `scopeLogs` > `logRecords`, each with `timeUnixNano`, `severityNumber`,
    # `severityText`, `body.stringValue`, `traceId`, `spanId`).
    messages = [f"--> {request.method} {request.url}", "Content-Type: application/json",
                f"Content-Length: {request.content_length}",
                *(f"{name}: {value}" for name, value in request.headers if name != "Content-Type"), "",
                request.body, f"--> END {request.method} ({request.content_length}-byte body)"]
    records = [{"timeUnixNano": str(1795438830104000000 + n * 1000), "observedTimeUnixNano": "1795438830104512000",
                "severityNumber": 9, "severityText": "INFO", "body": {"stringValue": message},
                "traceId": "5b8efff798038103d269b633813fc60c", "spanId": "eee19b7ec3c1b174"}
               for n, message in enumerate(messages)]
    export = {"resourceLogs": [{"resource": {"attributes": [
        {"key": "service.name", "value": {"stringValue": "payouts-api"}},
        {"key": "telemetry.sdk.language", "value": {"stringValue": "java"}}]},
        "scopeLogs": [{"scope": {"name": "okhttp3.OkHttpClient"}, "logRecords": records}]}]}
    return [json.dumps(export, separators=(",", ":"), ensure_ascii=False)]


# --- Python ------------------------------------------------------------------------------------------------------

def django_requests_hook(request: Request) -> list[str]:
    # A Django payouts app whose iugu client is a requests Session with a response hook (requests.readthedocs.io
    # "Event Hooks": `hooks={'response': log_call}`), `logger.debug("iugu call %s %s headers=%s body=%s",
    # r.request.method, r.request.url, r.request.headers, r.request.body)` — the prepared request's headers a
    # CaseInsensitiveDict, whose str is its dict's (requests adds User-Agent, replaced, Accept-Encoding, Accept
    # and Connection before the caller's, Content-Length after them), the body the str it was given —, written by
    # the `verbose` formatter of Django's logging docs (docs.djangoproject.com/en/5.1/topics/logging "Configuring
    # logging": `{levelname} {asctime} {module} {process:d} {thread:d} {message}`, style `{`).
    given = dict(request.headers)
    headers = {"User-Agent": given.pop("User-Agent"), "Accept-Encoding": "gzip, deflate", "Accept": "*/*",
               "Connection": "keep-alive", **given, "Content-Length": request.content_length}
    message = f"iugu call {request.method} {request.url} headers={headers} body={request.body}"
    return f"DEBUG 2026-11-22 13:00:30,104 iugu 4121 140245833467712 {message}".split("\n")


# --- PHP ---------------------------------------------------------------------------------------------------------

def laravel_request_sending(request: Request) -> list[str]:
    # A Laravel 11 payouts app whose listener of the HTTP client's `Illuminate\Http\Client\Events\RequestSending`
    # (laravel.com/docs/11.x/http-client "Events") logs `Log::debug('iugu request', ['method' => $event->request->
    # method(), 'url' => $event->request->url(), 'headers' => $event->request->headers(), 'body' => $event->request->
    # body()])` — headers() the PSR-7 request's, each name's values a list, Host first, Guzzle's User-Agent replaced
    # by the caller's —, in `storage/logs/laravel.log` (Illuminate\Log\LogManager: Monolog's LineFormatter
    # `[%datetime%] %channel%.%level_name%: %message% %context% %extra%`, the context as json_encode writes it with
    # JSON_UNESCAPED_SLASHES and JSON_UNESCAPED_UNICODE, an empty extra `[]`).
    headers = {"Host": [request.host], **{name: [value] for name, value in request.headers}}
    context = {"method": request.method, "url": request.url, "headers": headers, "body": request.body}
    return ["[2026-11-22 13:00:30] production.DEBUG: iugu request "
            + json.dumps(context, separators=(",", ":"), ensure_ascii=False) + " []"]


# --- Ruby --------------------------------------------------------------------------------------------------------

def httparty_logstash_rails(request: Request) -> list[str]:
    # A Rails 7.1 payouts app calling iugu with HTTParty, `HTTParty.post(url, body:, headers:, logger: Rails.logger,
    # log_format: :logstash)` (jnunemaker/httparty lib/httparty/logger/logstash_formatter.rb: one JSON object,
    # `@timestamp`, `@version`, `content_length`, `http_method`, `message` `[HTTParty] <code> "<METHOD> <path>"
    # <length> `, `path` the request's URI, `response_code`, `severity`, `tags`), in the production log Rails 7.1
    # generates (config/environments/production.rb: ActiveSupport::Logger with Ruby's ::Logger::Formatter, `I,
    # [<time> #<pid>]  INFO -- : <message>`).
    record = {"@timestamp": "2026-11-22 13:00:30 -0300", "@version": 1, "content_length": "43",
              "http_method": request.method, "message": f'[HTTParty] 422 "{request.method} {request.url}" 43 ',
              "path": request.url, "response_code": 422, "severity": "info", "tags": ["HTTParty"]}
    return ["I, [2026-11-22T13:00:30.104512 #4121]  INFO -- : " + json.dumps(record, separators=(",", ":"))]


# --- Go ----------------------------------------------------------------------------------------------------------

def go_slog_json_cri(request: Request) -> list[str]:
    # A Go payouts service logging each request with log/slog's JSON handler (pkg.go.dev/log/slog "JSONHandler":
    # `time`, `level`, `msg`, then the attributes; a group an object), `logger.Debug("outgoing request", slog.Group(
    # "http", "method", req.Method, "url", req.URL.String(), "headers", req.Header, "body", string(body)))` — the
    # header map marshalled by encoding/json, its canonical names sorted —, on Kubernetes with containerd, whose CRI
    # log writes `<RFC 3339 nanoseconds> stdout F <line>` (kubernetes/cri-api: the tag F for a full line).
    headers = dict(sorted((go_canonical(name), [value]) for name, value in request.headers))
    record = {"time": "2026-11-22T13:00:30.104512345Z", "level": "DEBUG", "msg": "outgoing request",
              "http": {"method": request.method, "url": request.url, "headers": headers, "body": request.body}}
    return ["2026-11-22T13:00:30.104598211Z stdout F " + json.dumps(record, separators=(",", ":"), ensure_ascii=False)]


SHAPES = [case(nest_console_docker, "payouts-json.log"), case(winston_logcli, "loki.log"),
          case(spring_interceptor_ecs, "payouts.json"), case(okhttp_otlp_logs_file, "otel-logs.json"),
          case(django_requests_hook, "django.log"), case(laravel_request_sending, "laravel.log"),
          case(go_slog_json_cri, "payouts.log")]
HEADERS_ONLY: list[object] = []
NO_HEADERS = [case(httparty_logstash_rails, "production.log")]
