"""A thirty-first blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu transfers
unsigned, signed with the client's real key and with another key, an Asaas transfer) as the MOST COMMON
production writers of a payments team keep them, through the DEFAULT HUMAN-READABLE output of the logger a
service runs, a mode the other corpora do not show — an axios interceptor's pino record read through
`pino-pretty`, an httpx event hook's structlog event through structlog's default ConsoleRenderer (colours on),
requests with `http.client`'s debuglevel inside a Celery worker (its stdout redirected to the log, one record a
`write`), a Go client's zerolog event through zerolog's ConsoleWriter, OkHttp's HttpLoggingInterceptor at BODY in
a Spring Boot console log tailed with `stern`, a Sidekiq job's request logged with rails_semantic_logger's default
formatter, a .NET DelegatingHandler's request through Serilog's JsonFormatter (RenderedMessage and Properties), and
an httpx event hook's loguru line (httpx's `Headers(...)` repr, the body's bytes repr).

Five of the eight passed as first written, before the readers were read (pino-pretty's axios record, loguru's httpx
line, zerolog's console line, semantic_logger's payload, Serilog's JSON record). Three did not: structlog's console
event (its body's lines raw, then the other keys after the body's last line — no request found), the Celery worker's
http.client debug (each print argument its own record — no request found) and OkHttp's log tailed with stern (every
line under the pod's prefix, the body's later lines without the Spring Boot head — four requests judged, the bodies
not read, both signatures unverified). All eight pass now. stern's since a message's later lines, written without
the logger's prefix, may carry the leading part of it a transport writes before every line, which is none of the
message's (:meth:`keyaudit.inputs.captures.log_prefix.Prefix.lead_rest`, in :mod:`keyaudit.inputs.captures.dumps`;
before, the body's lines were read with `<pod> <container> ` at their start). Celery's since a mark `send:` alone
at a line's end takes the literal on one of the next two lines as its bytes, print's arguments logged apart
(:mod:`keyaudit.inputs.captures.python_http`). structlog's since a JSON document a key's value opens at its record
line's end is read on to where it closes, the record's next pairs after it (:mod:`keyaudit.inputs.captures.
continued_values`), and a key coloured apart from its `=` (`method` then the reset, `ethod\x1b[0m=`) marks a file
that writes requests, as `method=` does (rules/requests.yaml `request_markers`; before, the file was not read for
requests at all).

A comment above each shape names the source its format was taken from. What is checked is what every
blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``, never a body
for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import json

from helpers.signed_shapes import Request, case, go_canonical

ANSWER = '{"errors":{"amount_cents":["is invalid"]}}'


# --- Node --------------------------------------------------------------------------------------------------------

def pino_pretty_axios(request: Request) -> list[str]:
    # A Node payouts service whose axios instance logs every request from an interceptor (axios README
    # "Interceptors": `instance.interceptors.request.use(config => ...)`; lib/core/Axios.js lower-cases
    # `config.method` before the interceptors run, `Accept` set by the defaults), `logger.debug({method, url, headers,
    # data}, 'outgoing request')` with pino, read through `pino-pretty` (pinojs/pino-pretty lib/utils/
    # prettify-object.js: each key on its own line, 4 spaces in, its value `JSON.stringify(value, null, 2)` whose
    # later lines are indented by 4 more; prettify-metadata.js `(pid)`, the default `hostname` ignored; the time
    # `HH:MM:ss.l`).
    headers = {"Accept": "application/json, text/plain, */*", **dict(request.headers)}
    fields = {"method": request.method.lower(), "url": request.url, "headers": headers, "data": request.body}
    lines = ["[13:00:30.104] DEBUG (4121): outgoing request"]
    for key, value in fields.items():
        text = json.dumps(value, indent=2, ensure_ascii=False).split("\n")
        lines += [f"    {key}: {text[0]}", *(f"    {line}" for line in text[1:])]
    return lines


# --- Python ------------------------------------------------------------------------------------------------------

def _httpx_headers(request: Request) -> dict[str, str]:
    """The headers an httpx Client sends, as `dict(request.headers)` gives them (httpx/_models.py Headers: keys lower
    case; httpx/_client.py: `Host`, then the client's defaults `accept`, `accept-encoding`, `connection`,
    `user-agent` — the caller's replacing it — the caller's, `content-length` set from the body)."""
    defaults = {"host": request.host, "accept": "*/*", "accept-encoding": "gzip, deflate", "connection": "keep-alive"}
    return defaults | {name.lower(): value for name, value in request.headers} | {
        "content-length": request.content_length}


def structlog_console(request: Request) -> list[str]:
    # A Python payouts worker on httpx whose client has `event_hooks={"request": [log_request]}` (python-httpx.org/
    # advanced/event-hooks/), `log.debug("sending transfer", method=..., url=str(request.url), headers=dict(request.
    # headers), body=request.content.decode())` with structlog left unconfigured (structlog.org "Getting Started":
    # the default processors end in `ConsoleRenderer()`; structlog/dev.py: `%Y-%m-%d %H:%M:%S` timestamp dim, the
    # level padded in brackets, the event bright and padded to 30, the keys sorted, each `key=value` key cyan and
    # value magenta, a str value as it is — `repr_native_str=False` — others their repr; colours on where colorama
    # is absent on a POSIX system, whatever the output).
    dim, bright, cyan, magenta, green, reset = "\x1b[2m", "\x1b[1m", "\x1b[36m", "\x1b[35m", "\x1b[32m", "\x1b[0m"
    values = {"body": request.body, "headers": repr(_httpx_headers(request)), "method": request.method,
              "url": request.url}
    pairs = " ".join(f"{cyan}{key}{reset}={magenta}{value}{reset}" for key, value in values.items())
    line = (f"{dim}2026-11-22 13:00:30{reset} [{green}{'debug':<9}{reset}] {bright}{'sending transfer':<30}{reset} "
            + pairs)
    return line.split("\n")


def celery_http_client_debug(request: Request) -> list[str]:
    # A Celery worker task posting with requests, `http.client.HTTPConnection.debuglevel = 1` set as the requests
    # docs show (requests.readthedocs.io "Logging"): http.client prints `print("send:", repr(data))` for the head,
    # then for the body (urllib3 2 sends them apart), and `reply:`/`header:` for the answer. The worker redirects
    # stdout to its log (docs.celeryq.dev worker_redirect_stdouts, level WARNING): celery/utils/log.py
    # LoggingProxy.write logs each `write` — print's every argument, separator and end — with its trailing line
    # breaks stripped and dropped when empty, through the worker's format `[%(asctime)s: %(levelname)s/
    # %(processName)s] %(message)s`. requests adds User-Agent (replaced), Accept-Encoding, Accept and Connection
    # before the caller's headers; http.client puts Host first; Content-Length comes last.
    headers = dict(request.headers)
    head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}",
            f"User-Agent: {headers['User-Agent']}",
            "Accept-Encoding: gzip, deflate", "Accept: */*", "Connection: keep-alive",
            *(f"{name}: {value}" for name, value in request.headers if name != "User-Agent"),
            f"Content-Length: {request.content_length}"]
    writes = []
    for label, data in (("send:", ("\r\n".join(head) + "\r\n\r\n").encode()), ("send:", request.body.encode()),
                        ("reply:", "HTTP/1.1 422 Unprocessable Entity\r\n")):
        writes += [label, " ", repr(data)]
    for name, value in (("Content-Type", "application/json; charset=utf-8"), ("Content-Length", "43")):
        writes += ["header:", " ", name + ":", " ", value]
    return [f"[2026-11-22 13:00:30,104: WARNING/ForkPoolWorker-2] {text}" for text in writes]


def loguru_httpx_hook(request: Request) -> list[str]:
    # An httpx event hook logging with loguru, `logger.debug("Request: {} {} {} {}", request.method, request.url,
    # request.headers, request.content)` (loguru's README: the default sink's format `{time:YYYY-MM-DD HH:mm:ss.SSS} |
    # {level: <8} | {name}:{function}:{line} - {message}`, colours only on a terminal; the arguments `str.format`ed:
    # httpx's Headers written by its `__repr__`, `Headers({...})` of the lower-cased names — httpx/_models.py —, the
    # content as the repr of its bytes).
    body = repr(request.body.encode())
    return [f"2026-11-22 13:00:30.104 | DEBUG    | payouts.iugu:log_request:31 - Request: {request.method} "
            f"{request.url} Headers({_httpx_headers(request)!r}) {body}"]


# --- Go ----------------------------------------------------------------------------------------------------------

def zerolog_console(request: Request) -> list[str]:
    # A Go payouts service logging each request with zerolog, `log.Debug().Str("method", req.Method).Str("url",
    # req.URL.String()).Interface("headers", req.Header).Str("body", body).Msg("outgoing request")`, its logger the
    # documented `log.Output(zerolog.ConsoleWriter{Out: os.Stderr})` (github.com/rs/zerolog console.go: the time
    # `time.Kitchen` dark grey, the level `DBG` coloured, the message, then the fields sorted, each name `name=` in
    # cyan; a string value quoted with strconv.Quote when it holds a space, a quote, a backslash or a control
    # character; a map marshalled as JSON again, its keys sorted). Header names are Go's canonical ones.
    canonical = {go_canonical(name): [value] for name, value in request.headers}
    canonical["Content-Length"] = [request.content_length]
    fields = {"body": json.dumps(request.body), "headers": json.dumps(dict(sorted(canonical.items())),
                                                                      separators=(",", ":")),
              "method": request.method, "url": request.url}
    pairs = " ".join(f"\x1b[36m{key}=\x1b[0m{value}" for key, value in fields.items())
    return [f"\x1b[90m1:00PM\x1b[0m \x1b[33mDBG\x1b[0m outgoing request {pairs}"]


# --- JVM ---------------------------------------------------------------------------------------------------------

def stern_okhttp_spring_boot(request: Request) -> list[str]:
    # A Kotlin Spring Boot 3 payouts service on Kubernetes whose OkHttp client has `HttpLoggingInterceptor().apply {
    # level = Level.BODY }` (square.github.io/okhttp/features/interceptors; okhttp-logging-interceptor
    # HttpLoggingInterceptor.kt: `--> POST <url>`, the body's `Content-Type` and `Content-Length`, the other headers,
    # a blank message, the body as one message, `--> END POST (<n>-byte body)`), its default logger
    # java.util.logging's `okhttp3.OkHttpClient` at INFO, bridged to Logback by Spring Boot, written in Spring Boot's
    # console pattern (docs.spring.io/spring-boot/reference/features/logging.html "Log Format": date, level, pid,
    # `---`, `[application] [thread]`, the logger padded to 40, `:`, the message), the pod's log tailed with
    # `stern payouts-api` (github.com/stern/stern: `<pod> <container> <line>` for each line, no colour off a terminal).
    pod = "payouts-api-7f9c5d8b6-x2k4p app "
    spring = ("2026-11-22T13:00:30.104Z  INFO 1 --- [payouts-api] [nio-8080-exec-3] "
              + f"{'okhttp3.OkHttpClient':<40} : ")
    messages = [f"--> {request.method} {request.url}", "Content-Type: application/json",
                f"Content-Length: {request.content_length}",
                *(f"{name}: {value}" for name, value in request.headers if name != "Content-Type"), "",
                request.body, f"--> END {request.method} ({request.content_length}-byte body)"]
    return [pod + line for message in messages for line in (spring + message).split("\n")]


# --- Ruby --------------------------------------------------------------------------------------------------------

def _ruby_inspect(text: str) -> str:
    """A String as Ruby's String#inspect writes it: in double quotes, `"`, `\\` and `#{` escaped, `\\n`, `\\r`,
    `\\t` named."""
    named = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
    return '"' + "".join(named.get(char, char) for char in text).replace("#{", "\\#{") + '"'


def semantic_logger_sidekiq(request: Request) -> list[str]:
    # A Rails payouts app on rails_semantic_logger whose Sidekiq job logs the request it sends, `logger.debug("sending
    # transfer", method: ..., url: ..., headers: ..., body: ...)` (logger.rocketjob.io/api.html: a message and a
    # payload hash; semantic_logger lib/semantic_logger/formatters/default.rb: `time level [pid:thread] name --
    # message -- payload`, the payload its Hash#inspect — Ruby 3.3's `{:key=>value}`, strings inspected).
    headers = ", ".join(f"{_ruby_inspect(name)}=>{_ruby_inspect(value)}" for name, value in request.headers)
    payload = (f'{{:method=>{_ruby_inspect(request.method)}, :url=>{_ruby_inspect(request.url)}, '
               f':headers=>{{{headers}}}, :body=>{_ruby_inspect(request.body)}}}')
    return ["2026-11-22 13:00:30.104512 D [4121:sidekiq.default/processor] IuguClient -- sending transfer -- "
            + payload]


# --- .NET --------------------------------------------------------------------------------------------------------

def _serilog_text(value: str) -> str:
    """A string property as Serilog renders it in a message (Serilog ScalarValue.Render: in double quotes, `"`
    escaped with a backslash, nothing else)."""
    return '"' + value.replace('"', '\\"') + '"'


def serilog_json_handler(request: Request) -> list[str]:
    # A .NET payouts service whose typed HttpClient has a logging DelegatingHandler (learn.microsoft.com/aspnet/core/
    # fundamentals/http-requests "Outgoing request middleware"), `_logger.LogDebug("Sending {Method} {Uri} {@Headers}
    # {Body}", request.Method.Method, request.RequestUri, headers, body)` — the headers the request's and its
    # content's, StringContent's Content-Type with its charset — written by Serilog's JsonFormatter with
    # `renderMessage: true` (serilog/serilog src/Serilog/Formatting/Json/JsonFormatter.cs: Timestamp, Level,
    # MessageTemplate, RenderedMessage, Properties; a dictionary rendered in text `[("k": "v"), …]`, in JSON an
    # object; a Uri a scalar written bare).
    headers = {name: value for name, value in request.headers if name != "Content-Type"}
    headers["Content-Type"] = "application/json; charset=utf-8"
    rendered_headers = ", ".join(f"({_serilog_text(name)}: {_serilog_text(value)})" for name, value in headers.items())
    rendered = (f"Sending {_serilog_text(request.method)} {request.url} [{rendered_headers}] "
                f"{_serilog_text(request.body)}")
    record = {"Timestamp": "2026-11-22T10:00:30.1045120-03:00", "Level": "Debug",
              "MessageTemplate": "Sending {Method} {Uri} {@Headers} {Body}", "RenderedMessage": rendered,
              "Properties": {"Method": request.method, "Uri": request.url, "Headers": headers, "Body": request.body,
                             "SourceContext": "Payouts.Iugu.LoggingHandler", "ActionName": "PayoutJob.Run"}}
    return [json.dumps(record, separators=(",", ":"))]


SHAPES = [case(pino_pretty_axios, "api.log"),
          case(structlog_console, "worker.log"), case(celery_http_client_debug, "celery.log"),
          case(loguru_httpx_hook, "payouts.log"), case(zerolog_console, "payouts.log"),
          case(stern_okhttp_spring_boot, "stern.log"),
          case(semantic_logger_sidekiq, "sidekiq.log"), case(serilog_json_handler, "payouts.json")]
HEADERS_ONLY: list[object] = []
NO_HEADERS: list[object] = []
