"""A thirtieth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu transfers
unsigned, signed with the client's real key and with another key, an Asaas transfer) as the MOST COMMON
production writers of a payments team keep them, in a mode the other corpora do not show — Guzzle's
`{request}` through Monolog's JSON formatter, Python httpx at DEBUG (httpcore's trace: no header shown), an
AWS Lambda Powertools logger read with `aws logs tail`, a Rust reqwest client's `tracing` event through the
JSON subscriber, a Node `got` instance whose `beforeRequest` hook logs its options with pino, Apache
HttpClient 5's wire log through logstash-logback-encoder, Faraday's logger middleware in a Rails log with
tagged lines, and Go's `httputil.DumpRequestOut` logged as one zap field.

Six of the eight passed as first written, before the readers were read (Guzzle's JSON record, Powertools, the
tracing JSON event, got's options, the HC5 wire log in JSON, httpx's trace — read as four requests with no
header). Two did not: Faraday's tagged Rails lines (four requests judged, none with its headers or body) and
Go's dump as one zap field (no request found at all). Both pass now. zap's since a request dump a JSON record
holds in a field of any name beside a one-line message is read as a message holding it would be (:mod:`keyaudit.
inputs.captures.envelopes`; before, only a record's message was opened, and a quoted dump was looked for in lines
that are no JSON record). Faraday's since a request named at a log line's end may be followed by header lines quoted
as Ruby's inspect writes them, which are its headers, and by a JSON document, its body (:mod:`keyaudit.inputs.
captures.dumps`, the prose shape's head: Faraday's logger through a formatter that drops its `request` progname, as
Rails' does; before, only a printed map of header fields was taken after such a line, so the request's headers were
unknown and no transfer was unsigned). All eight pass.

A ninth shape was added after the corpus was written, from a miss its author noted: the same Faraday log
without tags (a Rails development log), its lines at the margin, read as a request file's (`POST <url>` at the
margin, `Name: value` lines) with the quotes of each header value kept, so the transfer signed with the client's
own key was called badly signed. It passes since a head whose every value is written as a quoted string is
those strings' insides (:func:`keyaudit.inputs.captures.dump_lines.unquoted_values`: the quotes are the printer's).

A comment above each shape names the source its format was taken from. What is checked is what every
blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``, never a body
for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import json
import uuid

from helpers.signed_shapes import Request, case, envelope, go_canonical

EPOCH = 1795352430  # 2026-11-22T13:00:30Z


def _id(request: Request) -> str:
    """A stable id for one request (a trace, a request id), so each request's lines share it."""
    return uuid.uuid5(uuid.NAMESPACE_URL, request.url + request.body + str(request.headers)).hex


# --- PHP ---------------------------------------------------------------------------------------------------------

def guzzle_monolog_json(request: Request) -> list[str]:
    # A Laravel payouts service whose Guzzle client has `Middleware::log($logger, new MessageFormatter('{request}'))`
    # pushed on its HandlerStack (docs.guzzlephp.org/en/stable/handlers-and-middleware.html; guzzlehttp/guzzle
    # src/MessageFormatter.php: `{request}` is Psr7\Message::toString — `<METHOD> <target> HTTP/1.1`, `Host`
    # first, each header `Name: value`, CR LF line ends, a blank line, the body), the channel's handler with
    # Monolog's JsonFormatter (Seldaek/monolog src/Monolog/Formatter/JsonFormatter.php: one object a line —
    # message, context, level, level_name, channel, datetime, extra —, slashes and unicode unescaped).
    head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}",
            *(f"{name}: {value}" for name, value in request.headers)]
    message = "\r\n".join(head) + "\r\n\r\n" + request.body
    record = {"message": message, "context": {}, "level": 200, "level_name": "INFO", "channel": "payouts",
              "datetime": "2026-11-22T13:00:30.104512+00:00", "extra": {}}
    return [json.dumps(record, ensure_ascii=False, separators=(",", ":"))]


# --- Python ------------------------------------------------------------------------------------------------------

def httpx_debug_trace(request: Request) -> list[str]:
    # A Python worker with `logging.basicConfig(format="%(levelname)s [%(asctime)s] %(name)s - %(message)s",
    # level=logging.DEBUG)`, as python-httpx.org/logging/ shows it: httpcore's trace (httpcore/_trace.py:
    # `<name>.started <kwargs>` and `<name>.complete`, a request as `<Request [b'POST']>`) and httpx's own INFO
    # line (httpx/_client.py: `HTTP Request: %s %s "%s %d %s"`). No header and no body is ever written.
    at = "DEBUG [2026-11-22 13:00:30]"
    req = f"request=<Request [b'{request.method}']>"
    return [f"{at} httpcore.connection - connect_tcp.started host='{request.host}' port=443 local_address=None "
            "timeout=5.0 socket_options=None",
            f"{at} httpcore.connection - connect_tcp.complete return_value=<httpcore._backends.sync.SyncStream "
            "object at 0x7f3a1c2b5d90>",
            f"{at} httpcore.connection - start_tls.started ssl_context=<ssl.SSLContext object at 0x7f3a1c3e1c40> "
            f"server_hostname='{request.host}' timeout=5.0",
            f"{at} httpcore.connection - start_tls.complete return_value=<httpcore._backends.sync.SyncStream "
            "object at 0x7f3a1c2b6e50>",
            f"{at} httpcore.http11 - send_request_headers.started {req}",
            f"{at} httpcore.http11 - send_request_headers.complete",
            f"{at} httpcore.http11 - send_request_body.started {req}",
            f"{at} httpcore.http11 - send_request_body.complete",
            f"{at} httpcore.http11 - receive_response_headers.started {req}",
            f"{at} httpcore.http11 - receive_response_headers.complete return_value=(b'HTTP/1.1', 422, "
            "b'Unprocessable Entity', [(b'Content-Type', b'application/json; charset=utf-8'), "
            "(b'Content-Length', b'43')])",
            f'INFO [2026-11-22 13:00:30] httpx - HTTP Request: {request.method} {request.url} '
            '"HTTP/1.1 422 Unprocessable Entity"',
            f"{at} httpcore.http11 - receive_response_body.started {req}",
            f"{at} httpcore.http11 - receive_response_body.complete",
            f"{at} httpcore.http11 - response_closed.started",
            f"{at} httpcore.http11 - response_closed.complete"]


def powertools_lambda(request: Request) -> list[str]:
    # A payouts Lambda on AWS Lambda Powertools for Python, `logger.debug("sending transfer", extra={"http_request":
    # {...}})` (docs.powertools.aws.dev/lambda/python/latest/core/logger/: the standard structured keys level,
    # location, message, timestamp, service, cold_start, function_name, function_memory_size, function_arn,
    # function_request_id, xray_trace_id, then the extra keys; aws_lambda_powertools/logging/formatter.py: compact
    # separators), its log group read with `aws logs tail /aws/lambda/payouts-sender` (awscli: `<timestamp>
    # <log stream> <message>`).
    record = {"level": "DEBUG", "location": "send_transfer:57", "message": "sending transfer",
              "timestamp": "2026-11-22 13:00:30,104+0000", "service": "payouts", "cold_start": False,
              "function_name": "payouts-sender", "function_memory_size": "256",
              "function_arn": "arn:aws:lambda:sa-east-1:123456789012:function:payouts-sender",
              "function_request_id": str(uuid.UUID(_id(request))),
              "xray_trace_id": "1-6741f5ae-" + _id(request)[:24], "http_request": envelope(request)}
    return ["2026-11-22T13:00:30.104000+00:00 2026/11/22/[$LATEST]4f1c2a9be07d4c3b8a51e2d6f0a7b9c3 "
            + json.dumps(record, separators=(",", ":"))]


# --- Rust --------------------------------------------------------------------------------------------------------

def _rust_debug_str(text: str) -> str:
    """A &str as Rust's Debug writes it (core::fmt str::fmt: in double quotes, `"` and `\\` escaped, `\\n`,
    `\\r`, `\\t`, other control characters `\\u{..}`)."""
    named = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
    return '"' + "".join(named.get(c) or (c if c >= " " else f"\\u{{{ord(c):x}}}") for c in text) + '"'


def reqwest_tracing_json(request: Request) -> list[str]:
    # A Rust payouts service on reqwest logging the built request before executing it, `tracing::debug!(method =
    # %req.method(), url = %req.url(), headers = ?req.headers(), body = %body, "sending transfer")`, with
    # tracing-subscriber's JSON formatter (`tracing_subscriber::fmt().json()`, docs.rs/tracing-subscriber fmt::format::
    # Json: timestamp, level, fields, target, span, spans; a `?` field its Debug text as a JSON string). http's
    # HeaderMap Debug is a map `{"name": "value", …}` (hyperium/http src/header/map.rs: debug_map of names and values;
    # HeaderName lower case; HeaderValue Debug quoted as a str is).
    headers = "{" + ", ".join(f"{_rust_debug_str(name.lower())}: {_rust_debug_str(value)}"
                              for name, value in request.headers) + "}"
    span = {"attempt": 3, "name": "send_transfer"}
    record = {"timestamp": "2026-11-22T13:00:30.104512Z", "level": "DEBUG",
              "fields": {"message": "sending transfer", "method": request.method, "url": request.url,
                         "headers": headers, "body": request.body},
              "target": "payouts::iugu", "span": span, "spans": [span]}
    return [json.dumps(record, separators=(",", ":"))]


# --- Node --------------------------------------------------------------------------------------------------------

def got_hook_pino(request: Request) -> list[str]:
    # A Node payouts service on `got` whose instance logs every request from a hook, `got.extend({hooks:
    # {beforeRequest: [options => logger.debug({options}, 'got request')]}})` (github.com/sindresorhus/got
    # documentation/9-hooks.md: beforeRequest gets the normalized Options; source/core/options.ts: toJSON() returns
    # its internals, the headers lower-cased, the URL a URL object — JSON its href —, `accept-encoding` added, the
    # content-length of a string body set before the hook), through pino (level, time, pid, hostname, msg).
    headers = {name.lower(): value for name, value in request.headers}
    headers |= {"accept-encoding": "gzip, deflate, br", "content-length": request.content_length}
    options = {"agent": {}, "decompress": True, "timeout": {"request": 10000}, "prefixUrl": "",
               "body": request.body, "cookieJar": None, "ignoreInvalidCookies": False, "searchParams": None,
               "context": {}, "hooks": {"init": [], "beforeRequest": [None], "beforeError": [], "beforeRedirect": [],
                                        "beforeRetry": [], "afterResponse": []},
               "followRedirect": True, "maxRedirects": 10, "throwHttpErrors": True, "http2": False,
               "allowGetBody": False, "headers": headers, "methodRewriting": False, "dnsLookupIpVersion": None,
               "retry": {"limit": 0, "methods": ["GET", "PUT", "HEAD", "DELETE", "OPTIONS", "TRACE"]},
               "method": request.method, "https": {}, "resolveBodyOnly": False, "isStream": False,
               "responseType": "text", "url": request.url, "setHost": True, "enableUnixSockets": False}
    record = {"level": 20, "time": EPOCH * 1000 + 104, "pid": 4121, "hostname": "payouts-api-7f9c",
              "options": options, "msg": "got request"}
    return [json.dumps(record, separators=(",", ":"))]


# --- Java --------------------------------------------------------------------------------------------------------

def _wire_chunks(data: str) -> list[str]:
    """Apache HttpClient 5's wire log of bytes (httpclient5 src/main/java/org/apache/hc/client5/http/impl/Wire.java:
    `\\r` written `[\\r]`, `\\n` written `[\\n]` and ending the chunk, other bytes outside printable ASCII
    `[0x..]`)."""
    chunks, current = [], ""
    for char in data:
        if char == "\r":
            current += "[\\r]"
        elif char == "\n":
            chunks.append(current + "[\\n]")
            current = ""
        elif " " <= char < "\x7f" or char == "\t":
            current += char
        else:
            current += "".join(f"[0x{byte:x}]" for byte in char.encode())
    return chunks + ([current] if current else [])


def hc5_wire_logstash(request: Request) -> list[str]:
    # A Spring Boot 3 payouts service whose RestClient runs on Apache HttpClient 5 with the
    # `org.apache.hc.client5.http.wire` logger at DEBUG (hc.apache.org/httpcomponents-client-5.2.x/logging.html:
    # `http-outgoing-<n> >> "<chunk>"`), its logs written by logstash-logback-encoder's LogstashEncoder
    # (github.com/logfellow/logstash-logback-encoder "Standard Fields": @timestamp, @version, message, logger_name,
    # thread_name, level, level_value). The client adds Accept-Encoding, Content-Length, Host and Connection after
    # the caller's headers.
    head = [f"{request.method} {request.path} HTTP/1.1", *(f"{name}: {value}" for name, value in request.headers),
            "Accept-Encoding: gzip, x-gzip, deflate", f"Content-Length: {request.content_length}",
            f"Host: {request.host}", "Connection: keep-alive"]
    wire = "\r\n".join(head) + "\r\n\r\n" + request.body
    return [json.dumps({"@timestamp": "2026-11-22T10:00:30.104-03:00", "@version": "1",
                        "message": f'http-outgoing-0 >> "{chunk}"', "logger_name": "org.apache.hc.client5.http.wire",
                        "thread_name": "payouts-sender-1", "level": "DEBUG", "level_value": 10000},
                       separators=(",", ":"))
            for chunk in _wire_chunks(wire)]


# --- Ruby --------------------------------------------------------------------------------------------------------

def faraday_rails_tagged(request: Request) -> list[str]:
    # A Rails payouts app whose Faraday connection has `f.response :logger, Rails.logger, headers: true, bodies: true`
    # (lostisland/faraday lib/faraday/logging/formatter.rb: `request` then `"#{method.upcase} #{url}"`, the headers
    # `"#{k}: #{v.inspect}"` joined by line breaks in one message, the body as its string; each logged with progname
    # 'request'), its log written by Rails' logger (ActiveSupport::Logger::SimpleFormatter: the message and a line
    # break, progname dropped) with `config.log_tags = [:request_id]` (ActiveSupport::TaggedLogging: `[tag] ` before
    # each message — a message's later lines are not tagged).
    tag = f"[{uuid.UUID(_id(request))}] "
    headers = "\n".join(f"{name}: {json.dumps(value)}" for name, value in request.headers)
    return [f"{tag}{request.method} {request.url}", *(tag + headers).split("\n"), *(tag + request.body).split("\n"),
            f"{tag}Status 422", f'{tag}content-type: "application/json; charset=utf-8"']


def faraday_rails_untagged(request: Request) -> list[str]:
    # The same Faraday logger (see above) in a Rails log with no `log_tags` (the development environment's default):
    # each message at the margin, the headers one `Name: "value"` a line, the body as it is, then the response's.
    headers = "\n".join(f"{name}: {json.dumps(value)}" for name, value in request.headers)
    return [f"{request.method} {request.url}", *headers.split("\n"), *request.body.split("\n"), "Status 422",
            'content-type: "application/json; charset=utf-8"']


# --- Go ----------------------------------------------------------------------------------------------------------

def go_dump_zap(request: Request) -> list[str]:
    # A Go payouts service logging `httputil.DumpRequestOut(req, true)` as one zap field, `logger.Debug("outgoing
    # request", zap.ByteString("dump", dump))` (pkg.go.dev/net/http/httputil#DumpRequestOut: the request as the
    # transport writes it — `Host`, `User-Agent`, `Content-Length`, the other headers canonical and sorted, then
    # `Accept-Encoding: gzip`, CR LF line ends; go.uber.org/zap zapcore/json_encoder.go: `\r`, `\n`, `\t`, `"` and
    # `\\` escaped, `<>&` not; zap.NewProduction: level, ts in epoch seconds, caller, msg).
    named = {go_canonical(name): value for name, value in request.headers if name.lower() != "user-agent"}
    head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}",
            f"User-Agent: {dict(request.headers)['User-Agent']}", f"Content-Length: {request.content_length}",
            *(f"{name}: {named[name]}" for name in sorted(named)), "Accept-Encoding: gzip"]
    dump = "\r\n".join(head) + "\r\n\r\n" + request.body
    fields = json.dumps(dump, ensure_ascii=False)
    return ['{"level":"debug","ts":%d.104512,"caller":"iugu/client.go:88","msg":"outgoing request","dump":%s}'
            % (EPOCH, fields)]


SHAPES = [case(guzzle_monolog_json, "laravel.log"), case(powertools_lambda, "payouts-sender.log"),
          case(reqwest_tracing_json, "payouts.log"), case(got_hook_pino, "api.log"),
          case(hc5_wire_logstash, "payouts.json"), case(faraday_rails_tagged, "production.log"),
          case(faraday_rails_untagged, "development.log"), case(go_dump_zap, "payouts.log")]
HEADERS_ONLY: list[object] = []
NO_HEADERS = [case(httpx_debug_trace, "worker.log")]
