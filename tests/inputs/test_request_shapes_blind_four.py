"""A fourth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu
transfers unsigned, signed with the client's real key and with another key, an Asaas transfer)
written by producers none of the other corpora showed — API gateways' execution logs and
analytics records, a service mesh's flow and tap records, a WAF's log, load-testing and API-test
tools, request collections, interception proxies' text exports, client libraries of Kotlin,
Swift, Java and Go, and a CSV export of a request table.

Each shape quotes the public documentation (or the source) it follows. Where the shape shows the
body as sent, both signatures are judged; where it cannot (a gateway that logs headers only, a
tool that parses the JSON body, a trace that prints the body's line feeds as dots) only the
unsigned transfers are findings and both signatures stay unverified; where it shows no headers
at all, the requests are read and none is called unsigned. A shape the readers cannot take yet is
an expected failure, strict, with the reason.
"""

from __future__ import annotations

import base64
import csv
import io
import json
from pathlib import Path

from helpers.signed_shapes import Request, assert_shape_findings, case, go_canonical, requests

WHEN = "2026-11-22T13:00:00.000Z"
EPOCH = 1795352400


def _line(record: object) -> list[str]:
    return [json.dumps(record)]


def _head(request: Request, target: str = "") -> list[str]:
    """The request line and headers as HTTP/1.1 sends them (Host first, Content-Length last)."""
    return [f"{request.method} {target or request.path} HTTP/1.1", f"Host: {request.host}",
            *(f"{name}: {value}" for name, value in request.headers), f"Content-Length: {len(request.body.encode())}"]


def _raw(request: Request) -> bytes:
    """The request's bytes on the wire."""
    return ("\r\n".join(_head(request)) + "\r\n\r\n" + request.body).encode()


def go_canonical(name: str) -> str:
    """A header name as Go's textproto.CanonicalMIMEHeaderKey writes it (`access_token` is
    `Access_token`)."""
    return "-".join(part[:1].upper() + part[1:].lower() for part in name.split("-"))


# --- gateways, meshes and firewalls -------------------------------------------------------------

def api_gateway_execution_log(request: Request) -> list[str]:
    # An API Gateway REST API's execution log with data tracing on, as CloudWatch Logs shows it
    # (docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html; the lines are the
    # test-invoke log's: "Endpoint request URI: …", "Endpoint request headers: {Name=value, …}",
    # "Endpoint request body after transformations: …", "Sending request to …"), each event
    # prefixed with the request id in parentheses; an HTTP integration forwarding the call.
    rid = "(8d1f2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b)"
    headers = ", ".join(f"{name}={value}" for name, value in request.headers)
    body = request.body.split("\n")
    return [f"{rid} Extended Request Id: Zx1YkFVxoAMF8eA=", f"{rid} Verifying Usage Plan for request",
            f"{rid} Starting execution for request: {rid[1:-1]}",
            f"{rid} HTTP Method: {request.method}, Resource Path: /payouts",
            f"{rid} Endpoint request URI: {request.url}",
            f"{rid} Endpoint request headers: {{x-amzn-apigateway-api-id=a1b2c3d4e5, {headers}}}",
            f"{rid} Endpoint request body after transformations: {body[0]}", *body[1:],
            f"{rid} Sending request to {request.url}",
            f"{rid} Received response. Status: 201, Integration latency: 32 ms"]


def tyk_analytics(request: Request) -> list[str]:
    # A Tyk Gateway analytics record as Tyk Pump writes it to a file or Mongo export
    # (tyk.io/docs/tyk-stack/tyk-pump/tyk-analytics-record-fields/): method, host, path, raw_path,
    # user_agent, … and raw_request, "the raw HTTP request", base64-encoded, with detailed
    # recording (enable_detailed_recording) on.
    return _line({"method": request.method, "host": request.host, "path": request.path, "raw_path": request.path,
                  "content_length": len(request.body.encode()), "user_agent": "payouts/3.1", "day": 22, "month": 11,
                  "year": 2026, "hour": 13, "response_code": 201, "api_key": "", "timestamp": WHEN,
                  "api_version": "Default", "api_name": "payouts-egress", "api_id": "9a8b7c", "org_id": "5e9d9544",
                  "oauth_id": "", "request_time": 32, "raw_request": base64.b64encode(_raw(request)).decode(),
                  "raw_response": base64.b64encode(b"HTTP/1.1 201 Created\r\n\r\n").decode(),
                  "ip_address": "10.0.0.7", "tags": ["egress"], "alias": "", "track_path": False,
                  "expireAt": "2026-11-29T13:00:00Z"})


def hubble_flow(request: Request) -> list[str]:
    # `hubble observe -o json` (docs.cilium.io/en/stable/observability/hubble/ and the Flow message of
    # cilium/cilium api/v1/flow/flow.proto): {"flow": {time, verdict, IP, l4, source, destination,
    # Type: "L7", l7: {type: "REQUEST", http: {method, url, protocol, headers: [{key, value}]}},
    # Summary}}. Layer-7 visibility of a call the pod sent in clear on port 80: the URL is http://,
    # and Hubble records no body.
    url = f"http://{request.host}{request.path}"
    return _line({"flow": {"time": WHEN, "verdict": "FORWARDED", "ethernet": {},
                           "IP": {"source": "10.0.0.7", "destination": "200.155.0.10", "ipVersion": "IPv4"},
                           "l4": {"TCP": {"source_port": 50412, "destination_port": 80}},
                           "source": {"namespace": "payouts", "labels": ["k8s:app=payouts"], "pod_name": "payouts-7d9"},
                           "destination": {"identity": 2, "labels": ["reserved:world"]},
                           "Type": "L7", "node_name": "node-1", "event_type": {"type": 129},
                           "traffic_direction": "EGRESS", "is_reply": False,
                           "l7": {"type": "REQUEST", "http": {
                               "method": request.method, "url": url, "protocol": "HTTP/1.1",
                               "headers": [{"key": name, "value": value} for name, value in request.headers]}},
                           "Summary": f"HTTP/1.1 {request.method} {url}"},
                  "node_name": "node-1", "time": WHEN})


def envoy_tap(request: Request) -> list[str]:
    # Envoy's HTTP tap filter, a buffered trace written by a file_per_tap sink in JSON_BODY_AS_BYTES
    # (envoyproxy.io/docs/envoy/latest/configuration/http/http_filters/tap_filter; the
    # envoy.data.tap.v3.HttpBufferedTrace message): request {headers: [{key, value}] with the
    # pseudo-headers :method, :path, :scheme, :authority; body: {as_bytes: base64}}.
    pseudo = [(":authority", request.host), (":path", request.path), (":method", request.method), (":scheme", "https")]
    return _line({"http_buffered_trace": {
        "request": {"headers": [{"key": name, "value": value} for name, value in pseudo + request.headers],
                    "body": {"truncated": False, "as_bytes": base64.b64encode(request.body.encode()).decode()},
                    "trailers": []},
        "response": {"headers": [{"key": ":status", "value": "201"}], "trailers": []}}})


def aws_waf_log(request: Request) -> list[str]:
    # An AWS WAF web ACL log record (docs.aws.amazon.com/waf/latest/developerguide/logging-fields.html):
    # httpRequest {clientIp, country, headers: [{name, value}], uri, args, httpVersion, httpMethod,
    # requestId} — the host only as the Host header, and no body.
    headers = [{"name": "Host", "value": request.host}] + [{"name": n, "value": v} for n, v in request.headers]
    return _line({"timestamp": EPOCH * 1000, "formatVersion": 1,
                  "webaclId": "arn:aws:wafv2:sa-east-1:123456789012:regional/webacl/egress/a1b2",
                  "terminatingRuleId": "Default_Action", "terminatingRuleType": "REGULAR", "action": "ALLOW",
                  "httpSourceName": "ALB", "httpSourceId": "123456789012-app/egress/1a2b3c",
                  "ruleGroupList": [], "rateBasedRuleList": [], "nonTerminatingMatchingRules": [],
                  "httpRequest": {"clientIp": "10.0.0.7", "country": "BR", "headers": headers, "uri": request.path,
                                  "args": "", "httpVersion": "HTTP/1.1", "httpMethod": request.method,
                                  "requestId": "1-6740a1b0-0a1b2c3d4e5f"}})


def apim_trace(request: Request) -> list[str]:
    # An Azure API Management request trace (learn.microsoft.com/azure/api-management/
    # api-management-howto-api-inspector): traceEntries {inbound, backend, outbound}, the backend's
    # `forward-request` entry holding the request sent: data.request {method, url, headers: [{name,
    # value}]}. The body is not traced.
    forwarded = {"source": "forward-request", "timestamp": WHEN, "elapsed": "00:00:00.0123456", "data": {
        "message": "Request is being forwarded to the backend service. Timeout set to 300 seconds",
        "request": {"method": request.method, "url": request.url,
                    "headers": [{"name": name, "value": value} for name, value in request.headers]}}}
    return _line({"traceId": "0b1c2d3e4f5a6b7c8d9e", "traceEntries": {
        "inbound": [{"source": "api-inspector", "timestamp": WHEN, "elapsed": "00:00:00.0001",
                     "data": {"request": {"method": request.method,
                                          "url": "https://payouts.azure-api.net/transfers"}}}],
        "backend": [forwarded], "outbound": []}})


def haproxy_captures(request: Request) -> list[str]:
    # HAProxy's HTTP log format with `capture request header <name> len <n>` (docs.haproxy.org/2.8/
    # configuration.html#8.2.3 "HTTP log format" and #8.8 "Capturing HTTP headers"): the captured
    # request headers in braces, separated by `|`, in the order declared, empty where absent; the
    # request line last, in quotes. No body.
    present = {name.lower(): value for name, value in request.headers}
    captured = "|".join([request.host] + [present.get(name, "") for name in
                                          ("content-type", "user-agent", "request-time", "signature", "access_token")])
    return [f"Nov 22 13:00:00 lb-1 haproxy[14389]: 10.0.0.7:50412 [22/Nov/2026:13:00:00.123] egress~ "
            f"payments/{request.host} 0/0/1/30/31 201 120 - - ---- 1/1/0/0/0 0/0 {{{captured}}} "
            f"\"{request.method} {request.path} HTTP/1.1\""]


# --- test tools and collections -----------------------------------------------------------------

def k6_http_debug(request: Request) -> list[str]:
    # k6 run --http-debug=full (grafana.com/docs/k6/latest/using-k6/http-debugging/: "logs the HTTP
    # requests and responses, including the full body"), its output redirected to a file: logrus's
    # text format without a terminal, `time=… level=info msg="Request:\n<the dump>\n" group= iter=0
    # request_id=… scenario=default source=http-debug vu=1`; the dump Go's, header names canonical.
    head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}", "User-Agent: payouts/3.1",
            f"Content-Length: {len(request.body.encode())}",
            *sorted(f"{go_canonical(name)}: {value}" for name, value in request.headers if name != "User-Agent"),
            "Accept-Encoding: gzip"]
    message = "Request:\n" + "\n".join(head) + "\n\n" + request.body + "\n"
    return [f'time="2026-11-22T13:00:00Z" level=info msg={json.dumps(message)} group= iter=0 '
            "request_id=04b5e428-5f42-4deb-465e-287bd899f0fe scenario=default source=http-debug vu=1"]


def newman_json_report(request: Request) -> list[str]:
    # Newman's JSON reporter (github.com/postmanlabs/newman, README "JSON reporter": the run summary,
    # JSON.stringify'd with an indent of 2): run.executions[] {cursor, item, request: {url: {protocol,
    # host: [...], path: [...]}, header: [{key, value}], method, body: {mode: "raw", raw}}, response}.
    sent = {"url": {"protocol": "https", "port": "443", "host": request.host.split("."),
                    "path": request.path.strip("/").split("/"), "query": [], "variable": []},
            "header": [{"key": name, "value": value} for name, value in request.headers]
            + [{"key": "Postman-Token", "value": "4c1d9f3e-8a2b-4e6f-9d0c-1b2a3c4d5e6f", "system": True},
               {"key": "Host", "value": request.host, "system": True}],
            "method": request.method, "body": {"mode": "raw", "raw": request.body}}
    report = {"collection": {"info": {"name": "payouts"}}, "run": {
        "stats": {"requests": {"total": 1, "pending": 0, "failed": 0}},
        "executions": [{"cursor": {"position": 0, "iteration": 0, "length": 1}, "item": {"name": "transfer"},
                        "request": sent, "response": {"code": 201, "status": "Created"}}], "failures": []}}
    return json.dumps(report, indent=2).splitlines()


def thunder_client(request: Request) -> list[str]:
    # A Thunder Client collection export (github.com/rangav/thunder-client-support, "Collections":
    # thunder-collection_<name>.json): {clientName, collectionName, requests: [{name, url, method,
    # headers: [{name, value}], params, body: {type: "json", raw, form}, tests}]}.
    return _line({"clientName": "Thunder Client", "collectionName": "payouts", "collectionId": "2f1e0d9c",
                  "dateExported": WHEN, "version": "1.2", "folders": [], "requests": [
                      {"_id": "5a4b3c2d", "colId": "2f1e0d9c", "containerId": "", "name": "transfer",
                       "url": request.url, "method": request.method, "sortNum": 10000, "created": WHEN,
                       "modified": WHEN, "headers": [{"name": name, "value": value} for name, value in request.headers],
                       "params": [], "body": {"type": "json", "raw": request.body, "form": []}, "tests": []}]})


def bruno_bru(request: Request) -> list[str]:
    # A Bruno request file (docs.usebruno.com/bru-lang/overview and .../tag-reference: `meta`, a
    # block named after the method holding `url`, `body` and `auth`, a `headers` block of
    # `name: value`, and `body:json { … }` whose lines are indented by two blanks).
    return ["meta {", "  name: transfer", "  type: http", "  seq: 1", "}", "",
            f"{request.method.lower()} {{", f"  url: {request.url}", "  body: json", "  auth: none", "}", "",
            "headers {", *(f"  {name}: {value}" for name, value in request.headers), "}", "",
            "body:json {", *(f"  {line}" for line in request.body.split("\n")), "}", ""]


def restassured_log_all(request: Request) -> list[str]:
    # REST Assured's `given().log().all(false)` (github.com/rest-assured/rest-assured/wiki/Usage,
    # "Logging": "Request method:", "Request URI:", … "Headers:" then one `Name=value` a line
    # indented by tabs, "Body:" and the body; `false` turns off its pretty-printing of the body).
    headers = [f"{name}={value}" for name, value in request.headers]
    return [f"Request method:\t{request.method}", f"Request URI:\t{request.url}", "Proxy:\t\t\t<none>",
            "Request params:\t<none>", "Query params:\t<none>", "Form params:\t<none>", "Path params:\t<none>",
            f"Headers:\t\t{headers[0]}", *(f"\t\t\t\t{line}" for line in headers[1:]), "Cookies:\t\t<none>",
            "Multiparts:\t\t<none>", "Body:", *request.body.split("\n"), ""]


def insomnia_timeline(request: Request) -> list[str]:
    # Insomnia's response Timeline, copied as text (docs.insomnia.rest/insomnia/get-started, "Timeline";
    # its ResponseTimelineViewer: each row of the curl debug callback prefixed `* ` information,
    # `> ` header sent, `| ` data sent, `< ` header received, blank lines dropped, a blank line
    # between rows of different kinds).
    return [f"* Preparing request to {request.url}", "* Current time is 2026-11-22T13:00:00.000Z",
            "* Using libcurl/8.4.0 OpenSSL/3.0.12 zlib/1.3 nghttp2/1.58.0", f"* Connected to {request.host} port 443",
            "", *(f"> {line}" for line in _head(request)), "", *(f"| {line}" for line in request.body.split("\n")), "",
            f"* upload completely sent off: {len(request.body.encode())} bytes", "", "< HTTP/1.1 201 Created",
            "< Content-Type: application/json", "", "* Received 12 B chunk"]


# --- interception proxies ----------------------------------------------------------------------

def fiddler_text(request: Request) -> list[str]:
    # Fiddler Classic's File > Save > Selected Sessions > as Text (docs.telerik.com/fiddler/
    # save-and-load-traffic/tasks/exportsessions, "Text"): each session's request as Fiddler shows
    # it in its Raw view (the request line with the absolute URL of a decrypted HTTPS call), its
    # response, and a rule of dashes between sessions.
    return [*_head(request, request.url), "", *request.body.split("\n"), "", "HTTP/1.1 201 Created",
            "Content-Type: application/json", "Content-Length: 12", "", '{"id":"t1"}', "",
            "------------------------------------------------------------------", ""]


def zap_messages(request: Request) -> list[str]:
    # OWASP ZAP's Export > Messages to File (zaproxy.org/docs/desktop/ui/dialogs/export/, "Export
    # Messages to File"): each message as `==== <id> ==========`, the request header (absolute URL),
    # the request body, then the response.
    return ["==== 42 ==========", *_head(request, request.url), "", *request.body.split("\n"),
            "HTTP/1.1 201 Created", "Content-Type: application/json", "", '{"id":"t1"}', ""]


def curl_trace_ascii(request: Request) -> list[str]:
    # curl --trace-ascii (curl.se/docs/manpage.html#--trace-ascii; src/tool_cb_dbg.c dump()): `=> Send
    # header, N bytes (0xN)`, then the bytes 64 a line, each line after its offset `%04x: `, a CR LF
    # ending the line early, every other unprintable byte — the body's lone line feeds — a `.`.
    return ["== Info: Connected to " + request.host + " (200.155.0.10) port 443", *_trace("=> Send header",
            ("\r\n".join(_head(request)) + "\r\n\r\n").encode()), *_trace("=> Send data", request.body.encode()),
            "== Info: upload completely sent off: %d bytes" % len(request.body.encode()),
            *_trace("<= Recv header", b"HTTP/1.1 201 Created\r\n")]


def _trace(text: str, data: bytes, width: int = 0x40) -> list[str]:
    """One block of curl's --trace-ascii output, as tool_cb_dbg.c's dump() writes it."""
    lines, at = [f"{text}, {len(data)} bytes (0x{len(data):x})"], 0
    while at < len(data):
        out, c, step = f"{at:04x}: ", 0, width
        while c < width and at + c < len(data):
            if data[at + c:at + c + 2] == b"\r\n":
                step = c + 2
                break
            out += chr(data[at + c]) if 0x20 <= data[at + c] < 0x7F else "."
            if data[at + c + 1:at + c + 3] == b"\r\n":
                step = c + 3
                break
            c += 1
        lines.append(out)
        at += step
    return lines


# --- client libraries ---------------------------------------------------------------------------

def ktor_logging(request: Request) -> list[str]:
    # Ktor client's Logging plugin at LogLevel.ALL (ktor.io/docs/client-logging.html; ktor-client-logging
    # 2.x Logging.kt, logRequest and logRequestBody): one message "REQUEST: <url>", "METHOD:
    # HttpMethod(value=POST)", "COMMON HEADERS" and `-> Name: value` lines sorted by name, "CONTENT
    # HEADERS"; then a message "BODY Content-Type: …", "BODY START", the body, "BODY END"; through
    # Logger.DEFAULT (SLF4J, its pattern on a message's first line only).
    prefix = "13:00:00.123 [DefaultDispatcher-worker-1] INFO  io.ktor.client.HttpClient - "
    common = sorted([("Accept", "application/json"), ("Accept-Charset", "UTF-8"),
                     *((name, value) for name, value in request.headers if name != "Content-Type")])
    return [f"{prefix}REQUEST: {request.url}", f"METHOD: HttpMethod(value={request.method})", "COMMON HEADERS",
            *(f"-> {name}: {value}" for name, value in common), "CONTENT HEADERS",
            f"-> Content-Length: {len(request.body.encode())}", "-> Content-Type: application/json",
            f"{prefix}BODY Content-Type: application/json", "BODY START", *request.body.split("\n"), "BODY END"]


def alamofire_curl(request: Request) -> list[str]:
    # Alamofire's Request.cURLDescription() (github.com/Alamofire/Alamofire, Documentation/
    # AdvancedUsage.md "cURLDescription"; Source/Core/Request.swift): `$ curl -v`, `-X POST`, one
    # `-H "Name: value"` a header, `-d "<body>"` with its quotes escaped, the URL in quotes, joined
    # by ` \` and a new line and a tab; printed with print().
    escaped = request.body.replace('\\"', '\\\\"').replace('"', '\\"')
    parts = ["$ curl -v", f"-X {request.method}", *(f'-H "{name}: {value}"' for name, value in request.headers),
             f'-d "{escaped}"', f'"{request.url}"']
    return " \\\n\t".join(parts).split("\n")


def logbook_http(request: Request) -> list[str]:
    # Zalando Logbook's DefaultHttpLogFormatter (github.com/zalando/logbook, README "Formatting",
    # "HTTP"): "Outgoing Request: <correlation id>", the request line with the absolute URI, the
    # headers, a blank line and the body; logged by DefaultSink at TRACE through Spring
    # Boot's console pattern (on the first line only).
    return ["2026-11-22T13:00:00.123Z TRACE 1 --- [payouts] [           main] org.zalando.logbook.Logbook              "
            ": Outgoing Request: 2d66e4bc-9a0d-11e5-a84c-1f39510f0d6b",
            f"{request.method} {request.url} HTTP/1.1", *(f"{name}: {value}" for name, value in request.headers),
            "", *request.body.split("\n")]


def spring_request_logging_filter(request: Request) -> list[str]:
    # Spring's CommonsRequestLoggingFilter with includeHeaders and includePayload (docs.spring.io/
    # spring-framework/docs/current/javadoc-api/org/springframework/web/filter/
    # AbstractRequestLoggingFilter.html): "After request [POST /path, client=…, headers=[name:"value",
    # …], payload=<body>]", at DEBUG — here in the API's sandbox double that received the call.
    headers = ", ".join(f'{name.lower()}:"{value}"' for name, value in [("Host", request.host), *request.headers])
    message = (f"After request [{request.method} {request.path}, client=10.0.0.7, headers=[{headers}], "
               f"payload={request.body}]").split("\n")
    prefix = "2026-11-22T13:00:00.123Z DEBUG 1 --- [payouts] [nio-8080-exec-1] o.s.w.f.CommonsRequestLoggingFilter : "
    return [prefix + message[0], *message[1:]]


def go_http2_debug(request: Request) -> list[str]:
    # Go's net/http with GODEBUG=http2debug=2 (pkg.go.dev/net/http, "HTTP/2": "http2debug=2 for more
    # verbose logging"; golang.org/x/net/http2 transport.go and frame.go's summarizeFrame): `http2:
    # Transport encoding header %q = %q` for each field sent, the pseudo-headers first and the names
    # lower-cased, then each frame written, a DATA frame with `data=%q` (up to 256 bytes).
    fields = [(":authority", request.host), (":method", request.method), (":path", request.path),
              (":scheme", "https"), *((name.lower(), value) for name, value in request.headers),
              ("content-length", str(len(request.body.encode()))), ("accept-encoding", "gzip")]
    prefix = "2026/11/22 13:00:00 http2: "
    body = request.body.encode()
    return [f"{prefix}Transport creating client conn 0xc000102000 to 200.155.0.10:443",
            *(f"{prefix}Transport encoding header {json.dumps(name)} = {json.dumps(value)}" for name, value in fields),
            f"{prefix}Framer 0xc0001c0000: wrote HEADERS flags=END_HEADERS stream=1 len=412",
            f"{prefix}Framer 0xc0001c0000: wrote DATA flags=END_STREAM stream=1 len={len(body)} "
            f"data={json.dumps(body.decode())}",
            f"{prefix}Framer 0xc0001c0000: read HEADERS flags=END_HEADERS stream=1 len=60"]


def telescope_client_request(request: Request) -> list[str]:
    # A Laravel Telescope `client_request` entry (laravel.com/docs/telescope#http-client-watcher;
    # ClientRequestWatcher: content {method, uri, headers (each "value, value"), payload — the JSON
    # body decoded into an array —, response_status, response_headers, response, duration}), as the
    # telescope_entries table is exported to JSON. The body is not the bytes sent.
    return _line({"uuid": "9a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "batch_id": "9a1b2c3d-0000-4a6b-8c7d-9e0f1a2b3c4d",
                  "family_hash": None, "should_display_on_index": 1, "type": "client_request",
                  "content": {"method": request.method, "uri": request.url,
                              "headers": {name: value for name, value in request.headers},
                              "payload": json.loads(request.body), "response_status": 201,
                              "response_headers": {"Content-Type": "application/json"},
                              "response": {"id": "t1"}, "duration": 32, "hostname": "payouts-1"},
                  "created_at": "2026-11-22 13:00:00"})


def dotnet_json_console(request: Request) -> list[str]:
    # Microsoft.Extensions.Http's HttpClient logging (learn.microsoft.com/dotnet/core/extensions/
    # httpclient-factory, "Logging": LogicalHandler and ClientHandler categories, event 100 "Start
    # processing HTTP request {HttpMethod} {Uri}" / "Sending HTTP request …", event 102 "Request
    # Headers:" at Trace), through the JSON console formatter (learn.microsoft.com/dotnet/core/
    # extensions/console-log-formatter#json): one object a line {EventId, LogLevel, Category,
    # Message, State}; header values shown (RedactLoggedHeaders(_ => false)). No body.
    headers = "Request Headers:\n" + "\n".join(f"{name}: {value}" for name, value in request.headers)
    records = []
    for handler, started in (("LogicalHandler", "Start processing HTTP request"),
                             ("ClientHandler", "Sending HTTP request")):
        category = f"System.Net.Http.HttpClient.iugu.{handler}"
        message = f"{started} {request.method} {request.url}"
        records += [{"EventId": 100, "LogLevel": "Information", "Category": category, "Message": message,
                     "State": {"Message": message, "HttpMethod": request.method, "Uri": request.url,
                               "{OriginalFormat}": started + " {HttpMethod} {Uri}"}},
                    {"EventId": 102, "LogLevel": "Trace", "Category": category, "Message": headers,
                     "State": {"Message": headers}}]
    return [json.dumps({"Timestamp": WHEN, **record}) for record in records]


# --- shapes that log no headers -------------------------------------------------------------------

def httpx_info(request: Request) -> list[str]:
    # HTTPX's own logger (www.python-httpx.org/logging/: the `httpx` logger at INFO, "HTTP Request:
    # POST https://… "HTTP/1.1 200 OK""), Python's default logging format.
    return [f'INFO:httpx:HTTP Request: {request.method} {request.url} "HTTP/1.1 201 Created"']


def symfony_http_client(request: Request) -> list[str]:
    # Symfony HttpClient's logger (symfony.com/doc/current/http_client.html, the `http_client`
    # channel: `Request: "POST https://…"`, `Response: "201 https://…"`) through Monolog's LineFormatter.
    return [f'[2026-11-22T13:00:00.123456+00:00] http_client.INFO: Request: "{request.method} {request.url}" '
            f'{{"method":"{request.method}","url":{json.dumps(request.url)}}} []',
            f'[2026-11-22T13:00:00.155456+00:00] http_client.INFO: Response: "201 {request.url}" '
            f'{{"http_code":201,"url":{json.dumps(request.url)}}} []']


def rest_template_debug(request: Request) -> list[str]:
    # Spring's RestTemplate at DEBUG (docs.spring.io/spring-framework/reference/integration/rest-clients.html;
    # RestTemplate.java: "HTTP POST <url>", "Accept=[…]", `Writing [<body>] as "<type>" with <converter>`
    # where LogFormatUtils.formatValue quotes the body and writes its line feeds as <LF>). No headers
    # but Accept.
    prefix = "2026-11-22T13:00:00.123Z DEBUG 1 --- [payouts] [           main] o.s.web.client.RestTemplate : "
    body = '"' + request.body.replace("\n", "<LF>") + '"'
    return [f"{prefix}HTTP {request.method} {request.url}", f"{prefix}Accept=[text/plain, application/json, */*]",
            f'{prefix}Writing [{body}] as "application/json" with '
            "org.springframework.http.converter.StringHttpMessageConverter", f"{prefix}Response 201 CREATED"]


# --- a table, exported ----------------------------------------------------------------------------

def test_a_csv_export_of_a_request_table_gives_the_same_request_findings(tmp_path: Path) -> None:
    # A BigQuery table of outbound calls exported as CSV (cloud.google.com/bigquery/docs/exporting-data,
    # "CSV": a header row, fields quoted as RFC 4180 quotes them, a quoted field keeping its line
    # breaks), the headers a JSON column: one file, one row a request, no lines between them.
    found, public = requests(tmp_path)
    out = io.StringIO()
    table = csv.writer(out, lineterminator="\n")
    table.writerow(["timestamp", "method", "url", "request_headers", "request_body", "status"])
    for request in found:
        table.writerow([WHEN, request.method, request.url, json.dumps(dict(request.headers)), request.body, 201])
    path = tmp_path / "outbound_calls.csv"
    path.write_text(out.getvalue())
    assert_shape_findings(path, public, "bigquery_csv")


SHAPES = [
    case(api_gateway_execution_log),
    case(tyk_analytics), case(thunder_client), case(fiddler_text, "sessions.txt"),
    case(zap_messages, "messages.txt"), case(alamofire_curl),
    case(envoy_tap),
    case(k6_http_debug),
    case(newman_json_report, "newman-run-report.json"),
    case(bruno_bru, "transfer.bru"),
    case(restassured_log_all),
    case(insomnia_timeline),
    case(ktor_logging),
    case(logbook_http),
    case(spring_request_logging_filter),
    case(go_http2_debug)]
# shapes that never show the body as sent: gateways and firewalls that log headers only, a trace
# that writes the body's line feeds as dots, a watcher that stores the body decoded; a layer-7 flow
# of a call sent in clear on port 80 (the requests went over plain HTTP)
HEADERS_ONLY = [
    case(aws_waf_log),
    case(apim_trace),
    case(haproxy_captures, missed="no request read: the captured headers `{host|type|agent|time|signature|key}` "
         "before the quoted request line name no header; the names are each frontend's `capture request header` "
         "lines in haproxy.cfg, another file, and a header guessed from its value cannot say one is absent"),
    case(curl_trace_ascii),
    case(telescope_client_request),
    case(hubble_flow, plaintext=True),
    case(dotnet_json_console)]
NO_HEADERS = [case(shape) for shape in (httpx_info, symfony_http_client, rest_template_debug)]

