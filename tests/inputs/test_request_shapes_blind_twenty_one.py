"""A twenty-first blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu
transfers unsigned, signed with the client's real key and with another key, an Asaas transfer) as
writers of kinds the other corpora do not show keep them — CONFIGURATION MANAGEMENT and SCRAPING
clients' debug logs (Chef Infra's `Chef::HTTP::BasicClient` at trace, Ruby Mechanize's request log),
a Rust service's tower-http `TraceLayer` span with its headers, an OCaml service's cohttp request as
an S-expression, a SECURITY TOOL's traffic file (sqlmap's `-t`), an Elastic Agent input's request
tracer (ECS fields with dotted names), and one-line ERRORS that name only the method and the URL (ky's
`HTTPError` in a Node log, Spring's `ResourceAccessException` in a stack trace). Two of the eight passed
as first written (sqlmap's traffic file, the Filebeat tracer). ky's passes since an error logged as an
object (pino's serialised `err`) names the failed request in its own message, as an error logged as text
does; Spring's since a method's `request for "<url>"` is a request named in passing; Mechanize's since
the dump table has its request log (`Net::HTTP::Post: <path>`) and a header written `name => value`;
Chef's since the dump table's wrapper for a body after the end line may come after sections the client
writes first (the response's), and open and close on lines of its own; tower-http's since a request
read from a tracing span's fields, written before every event of its call, is one request however much
it shows. cohttp's S-expression is a strict expected failure saying what the readers miss.

A comment above each shape names the source file its format was taken from. What is checked is
what every blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for
``SHAPES``, never a body for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import json

from helpers.signed_shapes import Request, case, go_canonical

RUBY_DEBUG = "D, [2026-11-22T13:00:00.123456 #4242] DEBUG -- : "
RUBY_INFO = "I, [2026-11-22T13:00:00.123456 #4242]  INFO -- : "


# --- configuration management and scraping clients ---------------------------------------------------------------

def chef_http_basic_client_trace(request: Request) -> list[str]:
    # A Chef Infra run whose `http_request` resource posts the transfer, `chef-client -l trace`, the API refusing it
    # (chef/chef lib/chef/http/basic_client.rb BasicClient#request: `Chef::Log.trace("Initiating #{method} to
    # #{url}")`, `---- HTTP Request Header Data: ----`, each of base_headers `#{name}: #{value}` — the caller's,
    # then the Decompressor middleware's Accept-Encoding and build_headers' Content-Length —, `---- End HTTP Request
    # Header Data ----`, the response's status and headers, and for a status not 2xx the response body and
    # `---- HTTP Request Body ----`, req_body, `---- End HTTP Request Body ----`), through mixlib-log's formatter
    # `[<iso8601>] TRACE: <message>` — a message of many lines prefixed on its first only.
    stamp = "[2026-11-22T13:00:00+00:00] TRACE: "
    headers = [*request.headers, ("Accept-Encoding", "gzip;q=1.0,deflate;q=0.6,identity;q=0.3"),
               ("Content-Length", request.content_length)]
    answer = '{"errors":{"amount_cents":["is invalid"]}}'
    messages = [f"Initiating {request.method} to {request.url}", "---- HTTP Request Header Data: ----",
                *(f"{name}: {value}" for name, value in headers), "---- End HTTP Request Header Data ----",
                "---- HTTP Status and Header Data: ----", "HTTP 1.1 422 Unprocessable Entity",
                "content-type: application/json; charset=utf-8", "content-length: 43",
                "---- End HTTP Status/Header Data ----", "---- HTTP Response Body ----", answer,
                "---- End HTTP Response Body -----", "---- HTTP Request Body ----", request.body,
                "---- End HTTP Request Body ----"]
    return [line for message in messages for line in (stamp + message).split("\n")]


def mechanize_request_log(request: Request) -> list[str]:
    # A Ruby scraper-turned-client on Mechanize, `agent.log = Logger.new($stdout)` and `agent.post(url, body,
    # headers)` (sparklemotion/mechanize lib/mechanize/http/agent.rb request_log: `log.info("#{request.class}:
    # #{request.path}")` — the class and the path only —, then `request.each_header` `request-header: #{k} => #{v}`
    # at debug, Net::HTTP's names lower-cased: Net::HTTPGenericRequest's accept-encoding, accept and user-agent,
    # then the agent's accept-language and host, then request_with_entity's content-type and content-length and the
    # caller's; response_log `status: ...` and each `response-header: ...`), through Ruby's Logger default format.
    fields: dict[str, str] = {"accept-encoding": "gzip,deflate,identity", "accept": "*/*",
                              "user-agent": "Mechanize/2.10.1 Ruby/3.3.0p0 (http://github.com/sparklemotion/mechanize/)",
                              "accept-language": "en-us,en;q=0.5", "host": request.host,
                              "content-type": "application/octet-stream", "content-length": request.content_length}
    for name, value in request.headers:
        fields[name.lower()] = value
    return [f"{RUBY_INFO}Net::HTTP::{request.method.capitalize()}: {request.path}",
            *(f"{RUBY_DEBUG}request-header: {name} => {value}" for name, value in fields.items()),
            f"{RUBY_INFO}status: Net::HTTPCreated 1.1 201 Created",
            f"{RUBY_DEBUG}response-header: content-type => application/json"]


# --- typed-language services -------------------------------------------------------------------------------------

def _rust_debug_string(text: str) -> str:
    """A header value as the http crate's `HeaderValue` Debug writes it: double quotes, `"` and `\\` escaped."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def tower_http_trace_span(request: Request) -> list[str]:
    # A Rust service whose hyper client is wrapped in tower-http's TraceLayer with
    # `DefaultMakeSpan::new().include_headers(true)` (tower-rs/tower-http tower-http/src/trace/make_span.rs: the
    # debug span `request` with method = %method, uri = %uri, version = ?version, headers = ?headers — the HeaderMap's
    # Debug, `{"name": "value", ...}`, names lower-case), through tracing-subscriber's default fmt layer: every event
    # in the span prefixed with `request{...}:` (DefaultOnRequest's `started processing request`, DefaultOnResponse's
    # `finished processing request`). The caller's headers only; no body.
    headers = ", ".join(f'"{name.lower()}": {_rust_debug_string(value)}' for name, value in request.headers)
    span = f"request{{method={request.method} uri={request.url} version=HTTP/1.1 headers={{{headers}}}}}"
    return [f"2026-11-22T13:00:00.123456Z DEBUG {span}: tower_http::trace::on_request: started processing request",
            f"2026-11-22T13:00:00.454321Z DEBUG {span}: tower_http::trace::on_response: finished processing request "
            "latency=331 ms status=201"]


_SEXP_SPECIAL = set(' \t\n\r"();\\')


def _sexp_atom(text: str) -> str:
    """An atom as Sexplib0 writes it: bare unless empty or holding a blank, a parenthesis, a quote, a
    semicolon or a backslash, else quoted with those escaped."""
    if text and not _SEXP_SPECIAL.intersection(text):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _sexp_hum(value: str | list, column: int, width: int = 78) -> list[str]:
    """A sexp laid out as Sexplib0.Sexp.to_string_hum's Format boxes lay it out (indent 1, margin 78),
    approximated by filling: an element goes on the line while it fits, else on the next, one column in
    from its list's parenthesis. ``column`` is where the sexp starts; the lines after the first carry
    their indentation."""
    if isinstance(value, str):
        return [_sexp_atom(value)]
    lines = ["("]
    indent = column + 1
    for number, element in enumerate(value):
        here = column + len(lines[-1]) if len(lines) == 1 else len(lines[-1])
        laid = _sexp_hum(element, here + (1 if number else 0), width)
        if number and (here + 1 + len(laid[0]) > width):
            laid = _sexp_hum(element, indent, width)
            lines += [" " * indent + laid[0], *laid[1:]]
        else:
            lines[-1] += (" " if number else "") + laid[0]
            lines += laid[1:]
    lines[-1] += ")"
    return lines


def cohttp_request_sexp(request: Request) -> list[str]:
    # An OCaml service on cohttp-lwt-unix logging the request it sends, `Logs.debug (fun m -> m "%a"
    # Cohttp.Request.pp_hum req)` (mirage/ocaml-cohttp cohttp/src/request.ml: `pp_hum` prints
    # `Sexplib0.Sexp.to_string_hum (sexp_of_t r)` — the record's fields headers, meth, scheme, resource, version,
    # encoding as `(name value)` pairs —; cohttp/src/header.ml `sexp_of_t` the headers as a list of `(name value)`
    # pairs in the order set, names as given, `make` adding `host` after the caller's), through Logs_fmt's reporter
    # `payouts: [DEBUG] `. The string comes formatted, so its lines after the first are printed from column 0.
    headers = [[name, value] for name, value in request.headers] + [["host", request.host]]
    sexp = [["headers", headers], ["meth", request.method], ["scheme", ["https"]], ["resource", request.path],
            ["version", "HTTP_1_1"], ["encoding", ["Fixed", request.content_length]]]
    return ["payouts: [DEBUG] " + line if number == 0 else line
            for number, line in enumerate(_sexp_hum(sexp, 0))]


# --- a security tool, an agent's tracer ------------------------------------------------------------------------

def sqlmap_traffic_file(request: Request) -> list[str]:
    # A pentest of the payouts API replaying a captured request with `sqlmap -r transfer.txt -t traffic.txt`
    # (sqlmapproject/sqlmap lib/request/connect.py Connect.getPage: `HTTP request [#%d]:` then `<method> <path>
    # <version>`, the headers `%s: %s` with `key.capitalize()` — after urllib2's own capitalize, so `Content-type`,
    # `Access_token` —, sqlmap's Accept, Accept-encoding and Host, a `Content-length` and `Connection: close`,
    # a blank line and the POST data; lib/core/common.py logHTTPTraffic: the request, the response
    # `HTTP response [#%d] (%d %s):` with its headers and page, then 76 `#`).
    number = 1  # each run numbers its requests from one
    headers = [(name.capitalize(), value) for name, value in request.headers]
    headers += [("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
                ("Accept-encoding", "gzip,deflate"), ("Host", request.host),
                ("Content-length", request.content_length), ("Connection", "close")]
    return [f"HTTP request [#{number}]:", f"{request.method} {request.path} HTTP/1.1",
            *(f"{name}: {value}" for name, value in headers), "", *request.body.split("\n"), "",
            f"HTTP response [#{number}] (201 Created):", "Content-type: application/json", "Content-length: 15", "",
            '{"id":"1A2B3C"}', "", "#" * 76, ""]


def filebeat_httplog_tracer(request: Request) -> list[str]:
    # An Elastic Agent CEL input a team pointed at the payouts API, `resource.tracer.filename` set (elastic/beats
    # x-pack/filebeat/input/internal/httplog/roundtripper.go logRequest: `log.Debug("HTTP request", ...)` with
    # url.original, url.scheme, url.path, url.domain, url.port, url.query, http.request.method, http.request.header —
    # the http.Header as zap.Any, Go's canonical names, sorted —, user_agent.original, http.request.body.content,
    # .truncated, .bytes and http.request.mime_type; transaction.id from the logger's With), written by zap's JSON
    # encoder in ECS form (log.level, @timestamp, message, ecs.version): one object a line.
    header = {go_canonical(name): [value] for name, value in sorted(request.headers, key=lambda h: go_canonical(h[0]))}
    fields = {"log.level": "debug", "@timestamp": "2026-11-22T13:00:00.123Z", "message": "HTTP request",
              "ecs.version": "1.6.0", "transaction.id": "8F2KQ1C0V6D5S-1", "url.original": request.url,
              "url.scheme": "https", "url.path": request.path, "url.domain": request.host, "url.port": "",
              "url.query": "", "http.request.method": request.method, "http.request.header": header,
              "user_agent.original": dict(request.headers).get("User-Agent", ""),
              "http.request.body.content": request.body, "http.request.body.truncated": False,
              "http.request.body.bytes": len(request.body.encode()),
              "http.request.mime_type": dict(request.headers).get("Content-Type", "")}
    response = {"log.level": "debug", "@timestamp": "2026-11-22T13:00:00.454Z", "message": "HTTP response",
                "ecs.version": "1.6.0", "transaction.id": "8F2KQ1C0V6D5S-1", "http.response.status_code": 201,
                "http.response.body.content": '{"id":"1A2B3C"}', "http.response.body.truncated": False,
                "http.response.body.bytes": 15, "http.response.mime_type": "application/json",
                "http.response.header": {"Content-Type": ["application/json"]}}
    return [json.dumps(fields, separators=(",", ":"), ensure_ascii=False),
            json.dumps(response, separators=(",", ":"))]


# --- one-line errors -------------------------------------------------------------------------------------------

def ky_http_error_pino(request: Request) -> list[str]:
    # A Node service on ky whose call the API refused, `logger.error({err}, "payout failed")` through pino
    # (sindresorhus/ky source/errors/HTTPError.ts: `Request failed with ${reason}: ${request.method} ${request.url}`,
    # reason `status code <status> <statusText>`; pino's err serializer: type, message, stack).
    message = f"Request failed with status code 422 Unprocessable Entity: {request.method} {request.url}"
    err = {"type": "HTTPError", "message": message,
           "stack": f"HTTPError: {message}\n    at Ky._retry (file:///app/node_modules/ky/distribution/core/Ky.js:61:23)"}
    return [json.dumps({"level": 50, "time": 1795525200123, "pid": 4242, "hostname": "payouts-7d9",
                        "err": err, "msg": "payout failed"}, separators=(",", ":"))]


def spring_resource_access_exception(request: Request) -> list[str]:
    # A Spring Boot service whose RestTemplate call timed out, the exception logged with its trace (spring-projects/
    # spring-framework spring-web/src/main/java/org/springframework/web/client/RestTemplate.java doExecute: `new
    # ResourceAccessException("I/O error on " + method.name() + " request for \"" + resource + "\": " +
    # ex.getMessage(), ex)`), through Spring Boot's default logback console pattern.
    head = "2026-11-22T13:00:30.123Z ERROR 4242 --- [payouts] [pool-2-thread-1] c.e.payouts.PayoutJob            : "
    return [head + "payout failed",
            f'org.springframework.web.client.ResourceAccessException: I/O error on {request.method} request for '
            f'"{request.url}": Read timed out',
            "\tat org.springframework.web.client.RestTemplate.createResourceAccessException(RestTemplate.java:926)",
            "\tat org.springframework.web.client.RestTemplate.doExecute(RestTemplate.java:906)",
            "Caused by: java.net.SocketTimeoutException: Read timed out",
            "\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:278)"]


COHTTP_MISSED = ("an S-expression (`((headers ((name value) …)) (meth POST) (resource /path) …)`, broken over lines "
                 "by Format's boxes) is no notation the literal readers parse, nor are `meth` and `resource` a "
                 "method's and a target's names to them")

SHAPES = [case(chef_http_basic_client_trace), case(sqlmap_traffic_file), case(filebeat_httplog_tracer)]
HEADERS_ONLY = [case(mechanize_request_log), case(tower_http_trace_span),
                case(cohttp_request_sexp, missed=COHTTP_MISSED)]
NO_HEADERS = [case(ky_http_error_pino), case(spring_resource_access_exception)]
