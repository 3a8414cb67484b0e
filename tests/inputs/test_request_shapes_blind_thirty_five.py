"""A thirty-fifth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu transfers unsigned,
signed with the client's real key and with another key, an Asaas transfer) as the OBSERVABILITY AND RECORDING tools a
payments team runs keep the outbound calls they see — tracing SDKs' own console exporters (the OpenTelemetry Java
agent's `logging` exporter through java.util.logging, the OpenTelemetry JS SDK's ConsoleSpanExporter printing with
`console.dir`), an OpenTelemetry Collector's `file` exporter holding a client span whose request hook adds the body as
a span event, a service-virtualisation proxy's journal (Hoverfly's `/api/v2/journal` through jq), a PHP test
recorder's cassette (php-vcr's YAML) and a packet tool's per-flow files (tcpflow's output directory read with
`tail -n +1`).

Three of the six passed as first written, before the readers were read (the Java agent's logging exporter, Hoverfly's
journal, php-vcr's cassette). Three did not: Node's ConsoleSpanExporter and the Collector's file exporter (four
requests judged, but the signed transfers called unsigned and both signatures malformed: the headers captured as
`http.request.header.<name>` arrays, `-` written `_`, were not read as the request's `Request-Time` and `Signature`),
and tcpflow's flow files (the body read and both signatures judged, but no plaintext finding: that the flow is port
80 is said only by the file names tail prints). All six pass now. Node's and the Collector's since a header name a
record logs with `_` for each `-` of a header the rules spell with dashes is that header (OpenTelemetry's JavaScript
and Python instrumentations capture `Request-Time` as `http.request.header.request_time`;
:meth:`keyaudit.rulebook.header_names.RecordHeaders.dashed`, applied to the headers a record logs as a map,
:func:`keyaudit.inputs.captures.record_headers.request_headers`) — only dashed names are so read: `access_token` is
the header Asaas's key travels in, underscore and all. tcpflow's since the port a line before a request says it went
to is a number however many zeros pad it (tcpflow names a flow's file with five-digit ports, `…081.00080`;
:meth:`keyaudit.inputs.captures.dumps.DumpReader._scheme`; before, `00080` was no port a scheme is known by, so HTTPS
was assumed).

A comment above each shape names the source its format was taken from. What is checked is what every
blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``, never a body
for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import json
import uuid

from helpers.signed_shapes import Request, case

EPOCH = 1795352430  # 2026-11-22T13:00:30Z, half a minute after the requests' Request-Time
CAPTURED = ("Content-Type", "Request-Time", "Signature", "access_token")  # the headers the team asks a tracer for


def _flow(request: Request) -> str:
    """One id per request, the same each time the request is written (a trace or message id)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, repr(request)).hex


def _captured(request: Request) -> list[tuple[str, str]]:
    """The request's headers a tracer is configured to capture, in the order configured."""
    headers = dict(request.headers)
    return [(name, headers[name]) for name in CAPTURED if name in headers]


# --- tracing SDKs' console exporters -----------------------------------------------------------------------------

def otel_java_logging_exporter(request: Request) -> list[str]:
    # A Java payouts service run under the OpenTelemetry Java agent with `-Dotel.traces.exporter=logging` and
    # `-Dotel.instrumentation.http.client.capture-request-headers=Content-Type,Request-Time,Signature,access_token`
    # (opentelemetry.io/docs/zero-code/java/agent/configuration "Capturing HTTP request and response headers": each
    # as `http.request.header.<lower-case name>`, a string array). LoggingSpanExporter (opentelemetry-java exporters/
    # logging LoggingSpanExporter.java: `'<name>' : <trace id> <span id> <kind> [tracer: <scope>:<version>]
    # <attributes>` logged at INFO through java.util.logging; Attributes' toString `{key=value, …}` sorted by key,
    # strings quoted, lists as `[…]`), the console in JUL's default SimpleFormatter (a date line naming the class and
    # method, then `INFO: <message>`). A span holds no body.
    attributes = {"http.request.method": '"POST"', "http.response.status_code": "201",
                  "network.protocol.version": '"1.1"', "server.address": f'"{request.host}"', "server.port": "443",
                  "url.full": f'"{request.url}"',
                  **{f"http.request.header.{name.lower()}": f"[{value}]" for name, value in _captured(request)}}
    pairs = ", ".join(f"{key}={attributes[key]}" for key in sorted(attributes))
    flow = _flow(request)
    return ["Nov 22, 2026 1:00:30 PM io.opentelemetry.exporter.logging.LoggingSpanExporter export",
            f"INFO: 'POST' : {flow} {flow[:16]} CLIENT [tracer: io.opentelemetry.java-http-client:2.10.0-alpha] "
            f"{{{pairs}}}"]


def _js(value: str) -> str:
    """A string as Node's util.inspect writes it: single quotes (none of these strings holds one)."""
    return f"'{value}'"


def otel_node_console_span_exporter(request: Request) -> list[str]:
    # A Node payouts service traced with the OpenTelemetry JS SDK, `new SimpleSpanProcessor(new
    # ConsoleSpanExporter())`, and @opentelemetry/instrumentation-http configured with `headersToSpanAttributes:
    # {client: {requestHeaders: [...]}}` (its README: each as `http.request.header.<name>`, lower-cased, `-` as `_`,
    # the value an array); ConsoleSpanExporter (opentelemetry-js sdk-trace-base src/export/ConsoleSpanExporter.ts:
    # `console.dir(this._exportInfo(span), { depth: 3 })` — resource.attributes, instrumentationLibrary, traceId,
    # parentId, traceState, name, id, kind, timestamp, duration, attributes, status, events, links) printed by
    # util.inspect over lines, two blanks an indent, an array too long for a line opened and closed on its own lines.
    # A span holds no body.
    flow = _flow(request)
    headers = []
    for name, value in _captured(request):
        key = _js("http.request.header." + name.lower().replace("-", "_"))
        headers += ([f"    {key}: [ {_js(value)} ],"] if len(value) < 40 else
                    [f"    {key}: [", f"      {_js(value)}", "    ],"])
    return ["{", "  resource: {", "    attributes: {", "      'service.name': 'payouts',",
            "      'telemetry.sdk.language': 'nodejs',", "      'telemetry.sdk.name': 'opentelemetry',",
            "      'telemetry.sdk.version': '1.25.1'", "    }", "  },",
            "  instrumentationLibrary: { name: '@opentelemetry/instrumentation-http', version: '0.52.1' },",
            f"  traceId: '{flow}',", f"  parentId: '{flow[16:]}',", "  traceState: undefined,",
            f"  name: '{request.method}',", f"  id: '{flow[:16]}',", "  kind: 2,", f"  timestamp: {EPOCH}104512,",
            "  duration: 43127.914,", "  attributes: {", f"    'http.url': '{request.url}',",
            f"    'http.method': '{request.method}',", f"    'http.target': '{request.path}',",
            f"    'net.peer.name': '{request.host}',", f"    'http.host': '{request.host}:443',", *headers,
            "    'net.peer.ip': '52.67.19.81',", "    'net.peer.port': 443,", "    'http.status_code': 201,",
            "    'http.status_text': 'CREATED',", "    'http.flavor': '1.1',", "    'net.transport': 'ip_tcp'",
            "  },", "  status: { code: 0 },", "  events: [],", "  links: []", "}"]


# --- a Collector's file exporter ---------------------------------------------------------------------------------

def _otlp(value: object) -> dict[str, object]:
    """An attribute value as OTLP JSON writes it (opentelemetry-proto common.proto AnyValue)."""
    if isinstance(value, list):
        return {"arrayValue": {"values": [_otlp(item) for item in value]}}
    if isinstance(value, int):
        return {"intValue": str(value)}
    return {"stringValue": value}


def otel_file_exporter_body_event(request: Request) -> list[str]:
    # A Python payouts worker whose `requests` calls are traced by opentelemetry-instrumentation-requests with a
    # `request_hook` (opentelemetry-python-contrib docs, "Custom request/response hooks": `RequestsInstrumentor().
    # instrument(request_hook=request_hook)`, the hook given the span and the PreparedRequest) that records the
    # headers the team audits as `http.request.header.<name>` string arrays (opentelemetry.io/docs/specs/semconv/http/
    # http-spans) and the body as a span event `http.request.body`; the spans exported over OTLP to a Collector whose
    # `file` exporter writes each export request as one line of OTLP JSON (opentelemetry.io/docs/specs/otel/protocol/
    # file-exporter; resourceSpans > scopeSpans > spans, ids hex, times and integers as strings, kind 3 a client).
    flow = _flow(request)
    attributes = [("http.method", request.method), ("http.url", request.url), ("http.status_code", 201),
                  *((f"http.request.header.{name.lower().replace('-', '_')}", [value])
                    for name, value in _captured(request))]
    span = {"traceId": flow, "spanId": flow[:16], "parentSpanId": flow[16:], "name": request.method, "kind": 3,
            "startTimeUnixNano": f"{EPOCH}104512000", "endTimeUnixNano": f"{EPOCH}147640000",
            "attributes": [{"key": key, "value": _otlp(value)} for key, value in attributes],
            "events": [{"timeUnixNano": f"{EPOCH}104601000", "name": "http.request.body",
                        "attributes": [{"key": "body", "value": _otlp(request.body)}]}], "status": {}}
    scope = {"scope": {"name": "opentelemetry.instrumentation.requests", "version": "0.48b0"}, "spans": [span],
             "schemaUrl": "https://opentelemetry.io/schemas/1.11.0"}
    resource = {"attributes": [{"key": "service.name", "value": {"stringValue": "payouts-worker"}},
                               {"key": "telemetry.sdk.language", "value": {"stringValue": "python"}}]}
    return [json.dumps({"resourceSpans": [{"resource": resource, "scopeSpans": [scope]}]}, separators=(",", ":"))]


# --- recorders: a virtualisation proxy's journal, a test cassette, a packet tool's flow files ---------------------

def hoverfly_journal(request: Request) -> list[str]:
    # Hoverfly run as the payouts service's egress proxy in capture mode (`hoverctl mode capture`; its CA trusted, so
    # it sees the HTTPS calls), its journal read with `curl -s http://localhost:8888/api/v2/journal | jq .`
    # (docs.hoverfly.io "Journal"; core/handlers/v2/views.go JournalView {journal, offset, limit, total},
    # JournalEntryView {request, response, mode, timeStarted, latency}; the request's path, method, destination,
    # scheme, query, body and headers — Go's http.Header: canonical names, each a list, keys sorted by encoding/json),
    # jq's output two blanks an indent.
    headers = {name: [value] for name, value in sorted((_canonical(name), value) for name, value in request.headers)}
    entry = {"request": {"path": request.path, "method": request.method, "destination": request.host,
                         "scheme": "https", "query": "", "body": request.body, "headers": headers},
             "response": {"status": 201, "body": '{"id":"8d1f0c2e","status":"pending"}', "encodedBody": False,
                          "headers": {"Content-Type": ["application/json"]}},
             "mode": "capture", "timeStarted": "2026-11-22T13:00:30.104Z", "latency": 43.127}
    return json.dumps({"journal": [entry], "offset": 0, "limit": 25, "total": 1}, indent=2,
                      ensure_ascii=False).split("\n")


def _canonical(name: str) -> str:
    """A header name as Go's textproto.CanonicalMIMEHeaderKey writes it."""
    return "-".join(part[:1].upper() + part[1:].lower() for part in name.split("-"))


def _yaml(text: str) -> str:
    """A string as Symfony Yaml's Inline::dump writes it: double-quoted with escapes where it holds a control
    character, single-quoted where it holds a character YAML reads (`:`, `{`, `"`, …), else plain."""
    if any(ord(char) < 32 for char in text):
        return json.dumps(text)
    if any(char in text for char in " '\":{}[],&*#?") or text[:1] in "-?|<>=!%@`":
        return "'" + text.replace("'", "''") + "'"
    return text


def php_vcr_cassette(request: Request) -> list[str]:
    # A PHP payouts service's PHPUnit suite recording its Guzzle (curl) calls with php-vcr (github.com/php-vcr/php-vcr
    # README: `\VCR\VCR::turnOn(); \VCR\VCR::insertCassette('payouts.yml')`; src/VCR/Storage/Yaml.php storeRecording:
    # `"\n" . $this->yamlDumper->dump(array($recording), 4)` appended for each request; src/VCR/Request.php toArray:
    # method, url, headers — Host first, set from the URL —, body), Symfony Yaml's Dumper indenting four blanks.
    headers = [("Host", request.host), *request.headers]
    return ["-", "    request:", f"        method: {request.method}", f"        url: {_yaml(request.url)}",
            "        headers:", *(f"            {name}: {_yaml(value)}" for name, value in headers),
            f"        body: {_yaml(request.body)}", "    response:", "        status:",
            "            http_version: '1.1'", "            code: '201'", "            message: Created",
            "        headers:", "            Content-Type: application/json",
            "        body: '{\"id\":\"8d1f0c2e\",\"status\":\"pending\"}'"]


def tcpflow_files_tail(request: Request) -> list[str]:
    # tcpflow capturing the payouts host's port 80 egress into its output directory (`tcpflow -i eth0 -o flows port
    # 80`; tcpflow(1): "each flow is stored in its own file … named 192.168.101.102.02345-010.011.012.013.45103", the
    # bytes as sent, CR LF kept), the flows read with `tail -n +1 flows/0*` (coreutils tail: `==> <file> <==` before
    # each file, after a line feed of its own — none between a file that ends without one and the next): the
    # request's flow, then the response's. Port 80: plain HTTP.
    port = 40000 + int(_flow(request)[:4], 16) % 20000
    client, server = f"010.000.003.017.{port:05d}", "052.067.019.081.00080"
    wire = "".join(f"{line}\r\n" for line in [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}",
                                              *(f"{name}: {value}" for name, value in request.headers),
                                              f"Content-Length: {request.content_length}", ""]) + request.body
    answer = 'HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 36\r\n\r\n' \
             '{"id":"8d1f0c2e","status":"pending"}'
    return [f"==> flows/{client}-{server} <==", *wire.split("\n"), f"==> flows/{server}-{client} <==",
            *answer.split("\n")]


SHAPES = [case(otel_file_exporter_body_event, "otel-traces.json"), case(hoverfly_journal, "journal.json"),
          case(php_vcr_cassette, "payouts.yml"), case(tcpflow_files_tail, "flows.txt", plaintext=True)]
HEADERS_ONLY = [case(otel_java_logging_exporter, "payouts.log"), case(otel_node_console_span_exporter, "payouts.log")]
NO_HEADERS: list[object] = []
