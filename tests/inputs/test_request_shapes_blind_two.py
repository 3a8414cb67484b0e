"""A second blind corpus: four money-out requests (see :mod:`helpers.signed_shapes`: iugu transfers
unsigned, signed with the client's real key and with another key, an Asaas transfer) written the way
log shippers, cloud log exports, APM agents and HTTP clients' debug output write them — none of
which shaped the readers. Two write nothing of the request as text: a CloudWatch subscription's
events gzip-compressed inside base64, and a journald message as an array of its byte values; the
engine opens such payloads and the readers read the text inside.

Each shape quotes the public documentation it follows. The iugu body is written as iugu's own
signing sample writes it, over several lines (``{\\n"api_token":"…",\\n…\\n}``), and the signature
is over those exact bytes: a shape keeps them, or the signature cannot verify.
"""

from __future__ import annotations

import base64
import gzip
import json
from pathlib import Path

from helpers.signed_shapes import Request, case

WHEN = "2026-11-22T13:00:00.000Z"


def _record(request: Request) -> dict[str, object]:
    """The application's own JSON request record, which the envelopes below carry."""
    return {"msg": "outbound call", "method": request.method, "url": request.url, "headers": dict(request.headers),
            "body": request.body}


def _raw(request: Request, eol: str = "\r\n") -> str:
    """The request as HTTP/1.1 sends it (origin-form target, Host first, Content-Length)."""
    head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}"]
    head += [f"{name}: {value}" for name, value in request.headers]
    head.append(f"Content-Length: {len(request.body.encode())}")
    return eol.join(head + ["", request.body])


def cri_partial(request: Request) -> list[str]:
    # The CRI container log format (kubernetes design-proposals-archive node/kubelet-cri-logging.md;
    # grafana.com/docs/loki/latest/send-data/promtail/stages/cri/): `<RFC 3339 time> <stream> <tag>
    # <log>`, tag `P` for a partial line the runtime split, `F` for the last (full) piece; the pieces
    # joined are the line the program wrote.
    line = json.dumps(_record(request))
    pieces = [line[start:start + 96] for start in range(0, len(line), 96)]
    return [f"2026-11-22T13:00:00.{n:09d}Z stdout {'F' if n == len(pieces) - 1 else 'P'} {piece}"
            for n, piece in enumerate(pieces)]


def cri_dump(request: Request) -> list[str]:
    # Go's httputil.DumpRequestOut printed by a container (pkg.go.dev/net/http/httputil#DumpRequestOut),
    # each line of it a CRI log line of its own (`<time> stdout F <line>`); the body's lines too.
    return [f"2026-11-22T13:00:00.{n:09d}Z stdout F {line}" for n, line in enumerate(_raw(request).split("\r\n"))]


def journald_bytes(request: Request) -> list[str]:
    # `journalctl -o json` (systemd.io/JOURNAL_EXPORT_FORMATS/, "Journal JSON Format"): a field whose
    # value is not printable text (here a raw request with CR LF line ends) is written as an array of
    # its byte values.
    return [json.dumps({"__REALTIME_TIMESTAMP": "1795352400000000", "_SYSTEMD_UNIT": "payouts.service",
                        "PRIORITY": "7", "MESSAGE": list(_raw(request).encode())})]


def syslog_rfc5424(request: Request) -> list[str]:
    # RFC 5424 (datatracker.ietf.org/doc/html/rfc5424#section-6): `<PRI>1 TIMESTAMP HOSTNAME APP-NAME
    # PROCID MSGID STRUCTURED-DATA MSG`, an SD-ELEMENT `[id param="value"]`, and a UTF-8 MSG starting
    # with the BOM (section 6.4); the MSG is the application's JSON line.
    return [f'<135>1 {WHEN} app-1 payouts 4242 http [meta sequenceId="7"] \ufeff{json.dumps(_record(request))}']


def fluentd_stdout(request: Request) -> list[str]:
    # Fluentd's stdout output (docs.fluentd.org/output/stdout: `2017-11-28 11:43:13.814351757 +0900
    # tag: {"field1":"value1"}`) over a Docker json-file record whose `log` holds the program's line.
    inner = json.dumps({"log": json.dumps(_record(request)) + "\n", "stream": "stdout"})
    return [f"2026-11-22 13:00:00.123456789 +0000 docker.payouts: {inner}"]


def fluentd_out_file(request: Request) -> list[str]:
    # Fluentd's out_file with its default `out_file` format (docs.fluentd.org/formatter/out_file:
    # time, tag and the record as JSON, tab-separated).
    inner = json.dumps({"log": json.dumps(_record(request)) + "\n", "stream": "stdout"})
    return [f"2026-11-22T13:00:00+00:00\tkube.var.log.containers.payouts\t{inner}"]


def fluent_bit_stdout(request: Request) -> list[str]:
    # Fluent Bit's stdout output, default msgpack format (docs.fluentbit.io/manual/pipeline/outputs/
    # standard-output: `[0] cpu.0: [[1639087380.140425000, {}], {"cpu_p"=>1.000000, …}]`): keys and
    # string values quoted as they are, `=>` between them; the record is the tail input's `log`.
    return [f'[0] kube.payouts: [[1795352400.000000000, {{}}], {{"stream"=>"stdout", '
            f'"log"=>"{json.dumps(_record(request))}"}}]']


def logstash_rubydebug(request: Request) -> list[str]:
    # Logstash's stdout output with the rubydebug codec (elastic.co/guide/en/logstash/current/
    # plugins-codecs-rubydebug.html): each event printed as a Ruby hash over several lines, keys
    # right-aligned, ` => ` between key and value, strings quoted with their quotes escaped.
    message = json.dumps(json.dumps(_record(request)))
    return ["{", f'       "message" => {message},', '      "@version" => "1",', f'    "@timestamp" => {WHEN},',
            '          "host" => "payouts-1"', "}"]


def azure_container_log_v2(request: Request) -> list[str]:
    # Azure Monitor's ContainerLogV2 table (learn.microsoft.com/azure/azure-monitor/reference/tables/
    # containerlogv2) as a Log Analytics data export writes it: LogMessage holds the container's line,
    # parsed as an object when it is JSON ("LogMessage: dynamic").
    return [json.dumps({"TimeGenerated": WHEN, "Computer": "aks-node-1", "ContainerId": "c" * 64,
                        "ContainerName": "app", "PodName": "payouts-7d9", "PodNamespace": "payouts",
                        "LogMessage": _record(request), "LogSource": "stdout", "Type": "ContainerLogV2"})]


def cloudwatch_awslogs(request: Request) -> list[str]:
    # The event a Lambda subscribed to a CloudWatch Logs group receives (docs.aws.amazon.com/lambda/
    # latest/dg/services-cloudwatchlogs.html): {"awslogs": {"data": base64(gzip(the subscription's
    # DATA_MESSAGE JSON))}}, logged by the function as it received it.
    data = {"messageType": "DATA_MESSAGE", "owner": "123456789012", "logGroup": "/ecs/payouts",
            "logStream": "payouts/1", "subscriptionFilters": ["all"],
            "logEvents": [{"id": "3" * 56, "timestamp": 1795352400000, "message": json.dumps(_record(request))}]}
    packed = base64.b64encode(gzip.compress(json.dumps(data).encode(), mtime=0)).decode()
    return [json.dumps({"awslogs": {"data": packed}})]


def sentry_with_breadcrumb(request: Request) -> list[str]:
    # A Sentry event (develop.sentry.dev/sdk/data-model/event-payloads/request/ and .../breadcrumbs/):
    # the Request interface {method, url, headers, data} and, in breadcrumbs.values, the same call
    # as an `http` breadcrumb {type: "http", category: "httplib", data: {method, url, status_code}}.
    crumb = {"type": "http", "category": "httplib", "timestamp": 1795352400.0,
             "data": {"method": request.method, "url": request.url, "status_code": 502}}
    return [json.dumps({"event_id": "b" * 32, "platform": "python", "level": "error",
                        "breadcrumbs": {"values": [crumb]},
                        "request": {"method": request.method, "url": request.url, "headers": dict(request.headers),
                                    "data": request.body}})]


def insomnia_v5(request: Request) -> list[str]:
    # Insomnia's YAML export, format 5 (docs.insomnia.rest/insomnia/import-export-data; the
    # `type: collection.insomnia.rest/5.0` file): collection[] of requests {url, name, method,
    # body {mimeType, text}, headers [{name, value}]}.
    lines = ["type: collection.insomnia.rest/5.0", "name: payouts", "meta:", "  id: wrk_1", "collection:",
             f"  - url: {request.url}", "    name: transfer", "    meta:", "      id: req_1",
             f"    method: {request.method}", "    body:", "      mimeType: application/json",
             f"      text: {json.dumps(request.body)}", "    headers:"]
    for name, value in request.headers:
        lines += [f"      - name: {name}", f"        value: {json.dumps(value)}"]
    return lines


def elastic_apm(request: Request) -> list[str]:
    # Elastic APM's intake v2 NDJSON (elastic.co/guide/en/apm/guide/current/api-events.html, the
    # transaction schema): transaction.context.request {method, url {full, hostname, pathname,
    # protocol}, headers, body}.
    return [json.dumps({"transaction": {
        "id": "945254c567a5417e", "trace_id": "0123456789abcdef0123456789abcdef", "type": "request",
        "name": f"{request.method} {request.path}", "duration": 32.5, "span_count": {"started": 0},
        "context": {"request": {"method": request.method, "headers": dict(request.headers), "body": request.body,
                                "url": {"full": request.url, "hostname": request.host, "pathname": request.path,
                                        "protocol": "https:"}}}}})]


def _apache(request: Request, headers_logger: str, wire_logger: str) -> list[str]:
    """Apache HttpClient with both its `headers` and `wire` loggers on: the request head logged
    twice (parsed, then as the bytes sent), the body once, as bytes."""
    prefix = "2026-11-22 13:00:00,123 DEBUG [main]"
    head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}"]
    head += [f"{name}: {value}" for name, value in request.headers]
    head.append(f"Content-Length: {len(request.body.encode())}")
    lines = [f"{prefix} {headers_logger} - http-outgoing-0 >> {line}" for line in head]
    wire = "".join(line + "[\\r][\\n]" for line in head) + "[\\r][\\n]" + request.body.replace("\n", "[\\n]")
    lines += [f'{prefix} {wire_logger} - http-outgoing-0 >> "{part}"' for part in _wire_chunks(wire)]
    return lines


def _wire_chunks(wire: str) -> list[str]:
    """The wire logger's lines: one per line sent, each ending after its `[\\n]`."""
    parts, start = [], 0
    while (end := wire.find("[\\n]", start)) != -1:
        parts.append(wire[start:end + 4])
        start = end + 4
    return parts + ([wire[start:]] if wire[start:] else [])


def apache_httpclient4(request: Request) -> list[str]:
    # HttpClient 4.x logging (hc.apache.org/httpcomponents-client-4.5.x/logging.html): the
    # `org.apache.http.headers` logger (`http-outgoing-0 >> POST … HTTP/1.1`, one header a line) and
    # `org.apache.http.wire` (`http-outgoing-0 >> "…[\r][\n]"`, the bytes as sent, escapes in brackets).
    return _apache(request, "org.apache.http.headers", "org.apache.http.wire")


def apache_httpclient5(request: Request) -> list[str]:
    # HttpClient 5.x logging (hc.apache.org/httpcomponents-client-5.2.x/logging.html): the same two
    # loggers renamed `org.apache.hc.client5.http.headers` and `org.apache.hc.client5.http.wire`.
    return _apache(request, "org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire")


def apache_headers_only(request: Request) -> list[str]:
    # HttpClient 4.x with only its `org.apache.http.headers` logger on (the logging page's "header
    # logging" configuration): the request line and headers, never the body.
    return [line for line in apache_httpclient4(request) if "http.headers" in line]


def java_net_http(request: Request) -> list[str]:
    # java.net.http's HttpClient with -Djdk.httpclient.HttpClient.log=requests,headers (the
    # java.net.http module summary, docs.oracle.com/en/java/javase/21/docs/api/java.net.http/
    # module-summary.html), through java.util.logging's SimpleFormatter: `REQUEST: <uri> <method>`, then
    # `HEADERS: REQUEST HEADERS:` and one `name: value` line a header. The body is never logged.
    stamp = "Nov 22, 2026 1:00:00 PM jdk.internal.net.http.common.DebugLogger log"
    return [stamp, f"INFO: REQUEST: {request.url} {request.method}", stamp, "INFO: HEADERS: REQUEST HEADERS:",
            f"{request.method} {request.path} HTTP/1.1", *(f"{name}: {value}" for name, value in request.headers),
            f"content-length: {len(request.body.encode())}", f"host: {request.host}", ""]


def ruby_net_http(request: Request) -> list[str]:
    # Ruby's Net::HTTP#set_debug_output (docs.ruby-lang.org/en/master/Net/HTTP.html#method-i-set_debug_output;
    # net/protocol.rb writes `<- ` and String#dump of what is written, `-> ` for what is read).
    head = "".join(f"{line}\r\n" for line in _raw(request).split("\r\n")[:-2]) + "\r\n"
    return [f"opening connection to {request.host}:443...", "opened", f"starting SSL for {request.host}:443...",
            "SSL established, protocol: TLSv1.3, cipher: TLS_AES_256_GCM_SHA384",
            f"<- {json.dumps(head)}", f"<- {json.dumps(request.body)}", '-> "HTTP/1.1 200 OK\\r\\n"',
            '-> "Content-Type: application/json\\r\\n"', '-> "\\r\\n"', "Conn keep-alive"]


def python_http_client(request: Request) -> list[str]:
    # Python's http.client with HTTPConnection.debuglevel = 1 (docs.python.org/3/library/http.client.html
    # #http.client.HTTPConnection.set_debuglevel): `send: ` and the repr of each bytes object sent —
    # the head, then the body.
    head, body = _raw(request).encode().split(b"\r\n\r\n", 1)
    head += b"\r\n\r\n"
    return [f"send: {head!r}", f"send: {body!r}", "reply: 'HTTP/1.1 200 OK\\r\\n'",
            "header: Content-Type: application/json"]


def go_resty(request: Request) -> list[str]:
    # go-resty's debug log, client.SetDebug(true) (resty.dev/docs/debug-log/; middleware.go's
    # requestLogger): a rule of `=`, `~~~ REQUEST ~~~`, `<METHOD>  <URI>  <proto>`, `HOST   : <host>`,
    # `HEADERS:` and one `Name: value` a line, `BODY   :` and the body, a rule of `-`. A JSON body is shown
    # re-indented (request.go's fmtBodyString: json.Indent with three blanks), not as it was sent.
    body = json.dumps(json.loads(request.body), indent=3, ensure_ascii=False)
    return ["2026/11/22 13:00:00.123456 DEBUG RESTY ", "=" * 78, "~~~ REQUEST ~~~",
            f"{request.method}  {request.path}  HTTP/1.1", f"HOST   : {request.host}", "HEADERS:",
            *(f"\t{name}: {value}" for name, value in request.headers), "BODY   :", *body.split("\n"),
            "-" * 78, "~~~ RESPONSE ~~~", "STATUS       : 200 OK"]


def monolog_guzzle(request: Request) -> list[str]:
    # Guzzle's Middleware::log with MessageFormatter's `{request}` (docs.guzzlephp.org/en/stable/
    # handlers-and-middleware.html) through Monolog's LineFormatter (seldaek/monolog doc/01-usage.md;
    # without allowInlineLineBreaks every line break becomes a blank): the whole request on one line.
    return [f"[2026-11-22T13:00:00.123456+00:00] payouts.INFO: {_raw(request).replace(chr(13) + chr(10), ' ').replace(chr(10), ' ')} [] []"]


def faraday_bodies(request: Request) -> list[str]:
    # Faraday's logger middleware with `bodies: true` (lostisland.github.io/faraday/#/middleware/
    # included/logging): `request: POST <url>`, the headers as one message (`Name: "value"`), the body
    # as one message — the lines after its first carry no log prefix.
    prefix = "I, [2026-11-22T13:00:00.123456 #1]  INFO -- request: "
    headers = [f'{name}: "{value}"' for name, value in request.headers]
    body = request.body.split("\n")
    return [f"{prefix}{request.method} {request.url}", prefix + headers[0], *headers[1:], prefix + body[0], *body[1:]]


def httpie_verbose(request: Request) -> list[str]:
    # HTTPie's `http --verbose --pretty=none` (httpie.io/docs/cli/output-options: `--verbose` prints
    # the request, then the response; `--pretty=none` the bytes unformatted, as when redirected).
    head = [f"{request.method} {request.path} HTTP/1.1", "Accept: application/json, */*;q=0.5",
            *(f"{name}: {value}" for name, value in request.headers), f"Content-Length: {len(request.body.encode())}",
            f"Host: {request.host}"]
    return head + ["", *request.body.split("\n"), "", "", "HTTP/1.1 200 OK", "Content-Type: application/json", "",
                   '{"id": "t1"}', ""]


def mitmdump_detail(request: Request) -> list[str]:
    # mitmdump --flow-detail 3 (docs.mitmproxy.org/stable/concepts/options/#flow_detail: "3: ... full
    # request and response content"): `<client>: <METHOD> <url>` (the version written only when it is
    # not HTTP/1.x), the headers indented by four blanks, a blank line, the content, indented.
    return [f"127.0.0.1:50412: {request.method} {request.url}",
            *(f"    {name}: {value}" for name, value in request.headers),
            f"    content-length: {len(request.body.encode())}", "", *(f"    {line}" for line in request.body.split("\n")),
            "", " << 200 OK 12b", "    content-type: application/json"]


SHAPES = [case(shape) for shape in (
    cri_partial, cri_dump, sentry_with_breadcrumb, syslog_rfc5424, fluentd_stdout, fluentd_out_file, fluent_bit_stdout,
    logstash_rubydebug, azure_container_log_v2, elastic_apm, apache_httpclient4, apache_httpclient5,
    ruby_net_http, python_http_client, faraday_bodies, httpie_verbose,
    mitmdump_detail, journald_bytes, cloudwatch_awslogs)] + [case(insomnia_v5, "payouts.yaml")]
# shapes that never show the body as sent: java.net.http and HttpClient's headers logger log none; a
# flattened line lost its line breaks; go-resty re-indents a JSON body
HEADERS_ONLY = [case(shape) for shape in (java_net_http, monolog_guzzle, apache_headers_only, go_resty)]
NO_HEADERS: list[object] = []
