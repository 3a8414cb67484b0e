"""An eighteenth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu
transfers unsigned, signed with the client's real key and with another key, an Asaas transfer) as
client LOGGERS and debug outputs of ecosystems the other corpora do not show write them — Ruby's
httpclient gem with a `debug_dev`, Rust's isahc at TRACE on `isahc::wire`, Go's fasthttp
`Request.String()`, Java's Armeria LoggingClient with a content preview, Crystal's HTTP::Client at
DEBUG, PHP's Saloon `debugRequest()`, the xh command line at `--verbose` —, and as the tools that
turn a request into a CURL COMMAND for the log: Go's moul/http2curl, Python's curlify, Android's
Ok2Curl through logcat, .NET's HttpClientToCurl through the console logger — none of which the
other corpora show. Six of the eleven passed as first written; the other five pass since the
readers learned the rules they missed (a path under `resource`, an unquoted escaped piece after
`>> `, a command's lines under the logger's prefix or padding; for Armeria's, headers printed as a
list of `name=value` fields, the request line in the HTTP/2 pseudo-headers that open it, a body
previewed, and a record's pairs read with the lines it hangs over). Crystal's shows no header at all.

Each shape quotes the public source it follows. The request checks are the ones every blind
corpus passes (:mod:`test_request_shape_corpora`): ``SHAPES`` show the body as sent,
``HEADERS_ONLY`` never do, ``NO_HEADERS`` show no header at all. A shape the readers cannot take
yet is an expected failure, strict, with what they miss.
"""

from __future__ import annotations

from helpers.printed_maps import var_dumper_string
from helpers.signed_shapes import Request, case, go_canonical

TRACING = "2026-11-22T13:00:00.123456Z TRACE "


# --- client loggers and debug outputs ---------------------------------------------------------------------------

def ruby_httpclient_debug_dev(request: Request) -> list[str]:
    # A Ruby job posting with the httpclient gem and `client.debug_dev = $stderr` (nahi/httpclient lib/httpclient.rb
    # do_get_block: `@debug_dev << "= Request\n\n"`, the session's query, `@debug_dev << "\n\n= Response\n\n"`;
    # session.rb create_socket: "! CONNECT TO host:port\n", "! CONNECTION ESTABLISHED\n", then every write to the
    # socket copied to debug_dev — the request as HTTP::Message#dump writes it, the head's lines ending CR LF, the
    # body as it is). Session#set_header adds Accept and Date after the caller's headers; set_request_header then
    # Content-Length and Host. The response read is copied the same way.
    head = [f"{request.method} {request.path} HTTP/1.1", *(f"{name}: {value}" for name, value in request.headers),
            "Accept: */*", "Date: Sun, 22 Nov 2026 13:00:00 GMT", f"Content-Length: {request.content_length}",
            f"Host: {request.host}", ""]
    return ["= Request", "", f"! CONNECT TO {request.host}:443", "! CONNECTION ESTABLISHED",
            *(f"{line}\r" for line in head), *request.body.split("\n"), "", "= Response", "",
            "HTTP/1.1 201 Created\r", "Content-Type: application/json\r", "Content-Length: 15\r", "\r",
            '{"id":"1A2B3C"}']


def _ascii_escaped(text: str) -> str:
    """Bytes as Rust's `ascii::escape_default` writes them: `\\r`, `\\n`, `\\t`, `\\"`, `\\'`, `\\\\`
    escaped, other printable ASCII as it is."""
    escapes = {"\r": "\\r", "\n": "\\n", "\t": "\\t", '"': '\\"', "'": "\\'", "\\": "\\\\"}
    return "".join(escapes.get(char, char) for char in text)


def isahc_wire_trace(request: Request) -> list[str]:
    # A Rust service calling the provider with isahc, tracing-subscriber's fmt layer at RUST_LOG=isahc::wire=trace
    # (sagebind/isahc src/lib.rs: "If you set the log level to `Trace` for the `isahc::wire` target, Isahc will also
    # log all incoming and outgoing data while in flight"; src/handler.rs debug(): curl's HeaderOut and DataOut
    # each `tracing::trace!(target: "isahc::wire", ">> {}", FormatAscii(data))`, every byte through
    # `ascii::escape_default` — CR LF as `\r\n`, quotes as `\"` —, HeaderIn `<< `; the events inside the
    # `send{method, uri}` and `handler{id}` spans, which fmt writes before the target). libcurl writes the head in
    # one call: Host, Accept and Accept-Encoding before the caller's headers (lower-cased by the http crate),
    # Content-Length after them.
    spans = f"send{{method={request.method} uri={request.url}}}:handler{{id=0}}: isahc::wire: "
    head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}", "Accept: */*",
            "Accept-Encoding: deflate, gzip", *(f"{name.lower()}: {value}" for name, value in request.headers),
            f"Content-Length: {request.content_length}", ""]
    wire = "".join(f"{line}\r\n" for line in head)
    return [f"{TRACING}{spans}>> {_ascii_escaped(wire)}",
            f"{TRACING}{spans}>> {_ascii_escaped(request.body)}",
            f"{TRACING}{spans}<< HTTP/1.1 201 Created\\r\\n",
            f"{TRACING}{spans}<< content-type: application/json\\r\\n"]


def fasthttp_request_string(request: Request) -> list[str]:
    # A Go worker on valyala/fasthttp logging the request before `client.Do`, `log.Printf("iugu request:\n%s",
    # req.String())` (http.go Request.String: getHTTPString writes the request as Request.Write sends it — the
    # path in the request line, Host from the URI, Content-Length from the body; header.go RequestHeader.AppendBytes:
    # User-Agent, Host, Content-Type, Content-Length, then the other headers in the order set, their names
    # normalized — `Access_token` —, each line ending CR LF, a blank line, the body).
    special = {"User-Agent", "Content-Type"}
    values = dict(request.headers)
    head = [f"{request.method} {request.path} HTTP/1.1", f"User-Agent: {values['User-Agent']}",
            f"Host: {request.host}", f"Content-Type: {values['Content-Type']}",
            f"Content-Length: {request.content_length}",
            *(f"{go_canonical(name)}: {value}" for name, value in request.headers if name not in special), ""]
    dump = "".join(f"{line}\r\n" for line in head) + request.body
    return ["2026/11/22 13:00:00 iugu request:", *dump.split("\n")]


def armeria_logging_client(request: Request) -> list[str]:
    # A Java service on Armeria's WebClient decorated with `ContentPreviewingClient.newDecorator(4096)` and
    # `LoggingClient.newDecorator()` (line/armeria core/.../common/logging/DefaultLogWriter.java logRequest: the
    # formatted request log at DEBUG; DefaultTextLogFormatter.formatRequest: `{startTime=<instant>(<micros>),
    # length=<n>B, duration=<elapsed>, scheme=none+h2, name=<method>, headers=[<name>=<value>, …]`, then
    # `, contentPreview=<the body as text>` and `}`; the headers with the pseudo-headers first, names lower-cased),
    # the response likewise. Logback's pattern `%d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n`.
    prefix = "13:00:00.123 [armeria-common-worker-epoll-3-2] DEBUG c.l.a.client.logging.LoggingClient - "
    headers = ", ".join([f":method={request.method}", f":path={request.path}", ":scheme=https",
                         f":authority={request.host}", *(f"{name.lower()}={value}" for name, value in request.headers)])
    record = (f"{{startTime=2026-11-22T13:00:00.100Z(1795352400100000), length={request.content_length}B, "
              f"duration=1830µs(1830512ns), scheme=none+h2, name={request.method}, headers=[{headers}], "
              f"contentPreview={request.body}}}")
    lines = record.split("\n")
    return [prefix + lines[0], *lines[1:],
            "13:00:00.431 [armeria-common-worker-epoll-3-2] DEBUG c.l.a.client.logging.LoggingClient - "
            "{startTime=2026-11-22T13:00:00.428Z(1795352400428000), length=15B, duration=2915µs(2915084ns), "
            "totalDuration=331ms(331208114ns), headers=[:status=201, content-type=application/json], "
            'contentPreview={"id":"1A2B3C"}}']


def crystal_http_client_debug(request: Request) -> list[str]:
    # A Crystal worker with `Log.setup(:debug)` paying out through HTTP::Client (crystal-lang/crystal
    # src/http/client/log.cr: `Log.debug &.emit("Performing request", method: request.method, host: host, port:
    # port, resource: request.resource)` under the source `http.client`; src/log/format.cr Log::ShortFormat:
    # `#{timestamp} #{severity} - #{source(after: ": ")}#{message}#{data(before: " -- ")}`, the severity
    # right-justified to six, the data as a hash of its entries). No header, no body.
    data = (f'{{"method" => "{request.method}", "host" => "{request.host}", "port" => 443, '
            f'"resource" => "{request.path}"}}')
    return [f"2026-11-22T13:00:00.123456Z  DEBUG - http.client: Performing request -- {data}"]


def saloon_debug_request(request: Request) -> list[str]:
    # A Laravel queue worker whose Saloon connector calls `->debugRequest()` (saloonphp/saloon
    # src/Helpers/Debugger.php symfonyRequestDebugger: VarDumper::dump of ['connector', 'request', 'method',
    # 'uri', 'headers' — each PSR-7 header's values joined by `;` —, 'body' => (string) the body], labelled
    # `Saloon Request (<class>) ->`), on the worker's standard output as Symfony's CliDumper writes it: the label
    # before `array:6 [`, two blanks in per level, a string of several lines between `"""` lines, each of its
    # lines but the last ending in a visible `\n`. Guzzle's PSR-7 request puts Host first.
    headers = [("Host", request.host), *request.headers]
    return ["Saloon Request (CreateTransfer) -> array:6 [",
            '  "connector" => "App\\Http\\Integrations\\Payouts\\PayoutsConnector"',
            '  "request" => "App\\Http\\Integrations\\Payouts\\Requests\\CreateTransfer"',
            f'  "method" => "{request.method}"', f'  "uri" => "{request.url}"',
            f'  "headers" => array:{len(headers)} [', *(f'    "{name}" => "{value}"' for name, value in headers), "  ]",
            *var_dumper_string("body", request.body), "]"]


def xh_verbose(request: Request) -> list[str]:
    # A CI step paying out with xh, `xh --verbose --raw "$BODY" POST <url> <headers>`, its output to the job's log
    # (ducaale/xh src/printer.rs print_request_headers: Accept, Content-Length and Host entered after the request's
    # headers, then src/formatting/headers.rs: `METHOD path HTTP/1.1`, each header `Name: value`, title-cased for
    # HTTP/1.1; a blank line; print_request_body: the body as it is when the output is no terminal, then two line
    # feeds; the response the same way). A JSON body makes xh's Accept `application/json, */*;q=0.5`.
    head = [f"{request.method} {request.path} HTTP/1.1", *(f"{name}: {value}" for name, value in request.headers),
            "Accept: application/json, */*;q=0.5", f"Content-Length: {request.content_length}",
            f"Host: {request.host}", ""]
    return ["$ xh --verbose --raw \"$BODY\" POST ...", *head, *request.body.split("\n"), "",
            "HTTP/1.1 201 Created", "Content-Type: application/json", "", '{"id":"1A2B3C"}', ""]


# --- requests turned into curl commands for the log -------------------------------------------------------------

def go_http2curl(request: Request) -> list[str]:
    # A Go service logging each outgoing request as a curl command with moul/http2curl, `log.Printf("%s",
    # command)` (http2curl.go GetCurlCommand: `curl`, `-X 'METHOD'`, `-d '<body>'` the body as it is, each header
    # `-H 'Name: value'` its key as net/http canonicalized it, sorted, then the URL, every value in bash single
    # quotes, joined by one blank).
    headers = sorted((go_canonical(name), value) for name, value in request.headers)
    command = " ".join(["curl", f"-X '{request.method}'", f"-d '{request.body}'",
                        *(f"-H '{name}: {value}'" for name, value in headers), f"'{request.url}'"])
    return [f"2026/11/22 13:00:00 {line}" if n == 0 else line for n, line in enumerate(command.split("\n"))]


def python_curlify(request: Request) -> list[str]:
    # A Django service logging each provider call with curlify, `logger.debug(curlify.to_curl(response.request))`
    # (ofw/curlify curlify.py to_curl: `curl -X {method} -H {headers} -d '{data}' '{uri}'`, the headers of the
    # PreparedRequest `'name: value'` joined by ` -H `, the body as it is). requests puts its session's headers
    # first (the caller's User-Agent in its place), then the request's, then Content-Length.
    values = dict(request.headers)
    sent = [("User-Agent", values["User-Agent"]), ("Accept-Encoding", "gzip, deflate"), ("Accept", "*/*"),
            ("Connection", "keep-alive"), *((name, value) for name, value in request.headers if name != "User-Agent"),
            ("Content-Length", request.content_length)]
    headers = " -H ".join(f"'{name}: {value}'" for name, value in sent)
    command = f"curl -X {request.method} -H {headers} -d '{request.body}' '{request.url}'"
    lines = command.split("\n")
    return [f"2026-11-22 13:00:00,123 DEBUG payouts.iugu: {lines[0]}", *lines[1:]]


def ok2curl_logcat(request: Request) -> list[str]:
    # An Android app whose OkHttp client has Ok2Curl's `CurlInterceptor` logging with `Log.v("Ok2Curl", message)`
    # (mrmike/Ok2Curl CurlCommandGenerator.kt: the default components Curl, Flags, Method, Header, Body, Url joined
    # by one blank — `-X METHOD`, each header `-H "name:value"` (no blank after the colon), `-d '<body>'` the body
    # as written, `"<url>"`), read with `adb logcat -v threadtime`, which writes each line of a message under its
    # own prefix.
    command = " ".join(["curl", f"-X {request.method}", *(f'-H "{name}:{value}"' for name, value in request.headers),
                        f"-d '{request.body}'", f'"{request.url}"'])
    return [f"11-22 13:00:00.123  4242  4302 V Ok2Curl : {line}" for line in command.split("\n")]


def dotnet_httpclient_to_curl(request: Request) -> list[str]:
    # An ASP.NET Core service with HttpClientToCurl's handler on its typed client, `SendToLogger` on at Information
    # (amingolmahalle/HttpClientToCurlGenerator src/HttpClientToCurl/HttpMessageHandlers/
    # CurlGeneratorHttpMessageHandler.cs: `_logger.Log(level, curl)`; Builder/Concrete/Common/Extensions.cs:
    # `curl -X POST `, the URL in single quotes, each request header then each content header `-H 'Name: value'`,
    # `-d '<body>'` the content read as a string, each part followed by a blank), through the default console
    # logger: `info: <category>[0]`, then the message six blanks in, each of its lines so padded. StringContent's
    # Content-Type is `application/json; charset=utf-8`, a content header.
    others = [(name, value) for name, value in request.headers if name != "Content-Type"]
    headers = [*others, ("Content-Type", "application/json; charset=utf-8")]
    command = ("curl -X POST " + f"'{request.url}' " + "".join(f"-H '{name}: {value}' " for name, value in headers)
               + f"-d '{request.body}' ")
    return ["info: HttpClientToCurl.HttpMessageHandlers.CurlGeneratorHttpMessageHandler[0]",
            *(f"      {line}" for line in command.split("\n"))]


SHAPES = [case(ruby_httpclient_debug_dev), case(isahc_wire_trace),
          case(fasthttp_request_string), case(armeria_logging_client),
          case(saloon_debug_request), case(xh_verbose), case(go_http2curl), case(python_curlify),
          case(ok2curl_logcat), case(dotnet_httpclient_to_curl)]
HEADERS_ONLY: list[object] = []
NO_HEADERS = [case(crystal_http_client_debug)]
