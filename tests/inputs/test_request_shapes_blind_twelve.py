"""A twelfth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu
transfers unsigned, signed with the client's real key and with another key, an Asaas transfer) as
INFRASTRUCTURE-AS-CODE and INTEGRATION runtimes log the calls they make for a team — Terraform
providers' HTTP logging (the SDK's structured transport under `TF_LOG=JSON` and `TF_LOG=DEBUG`,
its legacy `---[ REQUEST ]---` dump, each line re-logged by Terraform), a Go service's hclog
with a multi-line value, a Kubernetes operator's klog with its `key=<` block, .NET 8's extended
HTTP client logging, Apache Camel's `log:` endpoint, Ansible's `uri` module at `-vvv`, Zalando
Logbook's JSON formatter —, as an eBPF tracer (Pixie), a packet sniffer (Packetbeat) and an
OpenTelemetry Collector's file export of client spans see them, and as the LOAD and API-TEST
tools a team keeps beside its code write them (Hurl's `--verbose` run, an Artillery scenario, a
k6 `http.batch`, a JMeter test plan) — none of which the other corpora show.

Each shape quotes the public documentation (or the source) it follows. The request checks are
the ones every blind corpus passes (:mod:`test_request_shape_corpora`): ``SHAPES`` show the body as
sent, ``HEADERS_ONLY`` do not (a logger that joins the body's lines or compacts it, a span). A tool that
only sees clear text shows the requests went over plain HTTP. A shape the readers cannot take yet
is an expected failure, strict, with what they miss.

The JMeter test plan is read since the XML reader takes a property named by its owner's type and field
(`HTTPSampler.method`, `Header.value`) as that field, a collection of unnamed items each of named properties as a list
of their objects, an item with a value and no name as that value (the raw body, the one nameless argument) and the
element after a request's that names no request of its own as configuring it (the hashTree after the sampler, its
HeaderManager): :mod:`keyaudit.inputs.captures.xml_records`.
"""

from __future__ import annotations

import json
from xml.sax.saxutils import escape

from helpers.request_shapes import otlp_value
from helpers.signed_shapes import Request, case, go_canonical

AGENT = "payouts/3.1"
TF_PREFIX = "2026-11-22T10:00:00.123-0300 [DEBUG] provider.terraform-provider-payouts_v1.4.0"


def _length(request: Request) -> str:
    return str(len(request.body.encode()))


def _go_dump_out(request: Request, body: str | None = None) -> list[str]:
    """Go's httputil.DumpRequestOut(req, true) as its lines (net/http Request.write through the transport:
    the request line, Host, User-Agent, Content-Length, the other headers canonical and sorted
    (Header.WriteSubset), the transport's `Accept-Encoding: gzip`, a blank line, the body)."""
    others = sorted((go_canonical(name), value) for name, value in request.headers if name != "User-Agent")
    return [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}", f"User-Agent: {AGENT}",
            f"Content-Length: {_length(request)}", *(f"{name}: {value}" for name, value in others),
            "Accept-Encoding: gzip", "", *(request.body if body is None else body).split("\n")]


# --- infrastructure as code and integration runtimes ------------------------------------------------

def _tf_fields(request: Request) -> dict[str, str]:
    """terraform-plugin-sdk's helper/logging/logging_http_transport.go decomposeRequestForLogging: tf_http_op_type,
    tf_http_req_method, tf_http_req_uri, tf_http_req_version, every header of DumpRequestOut as read back by
    textproto ReadMIMEHeader (canonical names) a field of its own, and tf_http_req_body from
    bodyFromRestOfRequestReader — the body's lines read with ReadContinuedLine and joined WITHOUT their line
    feeds (so the iugu body logged is not the bytes signed; its Content-Length says so)."""
    dump = _go_dump_out(request)
    blank = dump.index("")
    fields = {name: value for name, value in (line.split(": ", 1) for line in dump[1:blank])}
    return fields | {"tf_http_op_type": "request", "tf_http_req_method": request.method,
                     "tf_http_req_uri": request.path, "tf_http_req_version": "HTTP/1.1",
                     "tf_http_req_body": "".join(line.strip() for line in dump[blank + 1:]),
                     "tf_http_trans_id": "6f1d2c3b-4a5e-6f70-8192-a3b4c5d6e7f8"}


def terraform_http_transport_json(request: Request) -> list[str]:
    # A Terraform provider built on terraform-plugin-sdk v2 whose client is wrapped in
    # logging.NewLoggingHTTPTransport (developer.hashicorp.com/terraform/plugin/sdkv2/logging/http-transport: "logs
    # ... the request and response ... as structured log fields"), run with `TF_LOG=JSON TF_LOG_PATH=tf.log`: each
    # entry one JSON object (go-hclog logJSON: `@level`, `@message`, `@module`, `@timestamp`, then the fields —
    # the provider's `@caller`, and go-plugin's `timestamp` — as encoding/json writes a map, keys sorted).
    record = {"@level": "debug", "@message": "Sending HTTP Request", "@timestamp": "2026-11-22T10:00:00.123456-03:00",
              "@module": "provider.terraform-provider-payouts_v1.4.0",
              "@caller": "github.com/hashicorp/terraform-plugin-sdk/v2@v2.34.0/helper/logging/logging_http_transport.go:162",
              **_tf_fields(request), "timestamp": "2026-11-22T10:00:00.123-0300"}
    return [json.dumps(record, sort_keys=True, separators=(",", ":"))]


def _hclog_value(value: str) -> str:
    """A value as go-hclog's logPlain writes it on the line (intlogger.go: quoted, `"` escaped, where a rune is
    outside `-` … `~` — needsQuoting/isNormal)."""
    if all(0x2D <= ord(char) <= 0x7E for char in value):
        return value
    return '"' + value.replace('"', '\\"') + '"'


def terraform_http_transport_text(request: Request) -> list[str]:
    # The same provider under `TF_LOG=DEBUG`: Terraform's hclog text format (`<time> [DEBUG] <logger name>: <message>:
    # key=value …`, go-hclog intlogger.go logPlain), the fields in the order go-plugin's parseJSON took them out of
    # a Go map (log_entry.go; not sorted) and `timestamp` last (client.go logStderr).
    fields = _tf_fields(request)
    order = ["tf_http_req_version", "Host", "tf_http_op_type", "Accept-Encoding", "tf_http_req_uri", "@module",
             *sorted(name for name in fields if name[0].isupper() and name not in ("Host", "Accept-Encoding")),
             "tf_http_req_method", "tf_http_trans_id", "tf_http_req_body", "@caller"]
    fields |= {"@module": "payouts", "@caller": "github.com/hashicorp/terraform-plugin-sdk/v2@v2.34.0/helper/logging/"
               "logging_http_transport.go:162"}
    pairs = " ".join(f"{name}={_hclog_value(fields[name])}" for name in order)
    return [f"{TF_PREFIX}: Sending HTTP Request: {pairs} timestamp=2026-11-22T10:00:00.123-0300"]


def terraform_legacy_transport(request: Request) -> list[str]:
    # An older provider wrapping its client in terraform-plugin-sdk's logging.NewTransport (helper/logging/transport.go:
    # log.Printf("[DEBUG] "+logReqMsg, name, prettyPrintJsonLines(DumpRequestOut(req, true))), logReqMsg `%s API
    # Request Details:\n---[ REQUEST ]---…\n%s\n-----…`; prettyPrintJsonLines re-indents each LINE that is valid JSON
    # alone — the one-line Asaas body, not the iugu one, whose lines are not), under `TF_LOG=DEBUG`: go-plugin reads the
    # provider's stderr a line at a time (client.go logStderr, bufio ReadLine: no CR LF) and Terraform logs each line
    # as an entry of its own (an empty line as the logger's name alone, no `: `).
    body = request.body
    if "\n" not in body:
        body = json.dumps(json.loads(body), indent=" ")
    lines = ["2026/11/22 10:00:00 [DEBUG] Payouts API Request Details:", "---[ REQUEST ]" + "-" * 39,
             *_go_dump_out(request, body), "-" * 53]
    return [f"{TF_PREFIX}: {line}" if line else TF_PREFIX for line in lines]


def _go_header_map(request: Request) -> str:
    """An http.Header as Go's `%v` prints it: `map[Name:[value] …]`, keys sorted, canonical."""
    return "map[" + " ".join(f"{go_canonical(name)}:[{value}]" for name, value in
                             sorted((go_canonical(name), value) for name, value in request.headers)) + "]"


def hclog_multiline_value(request: Request) -> list[str]:
    # A Go payouts service logging with go-hclog (github.com/hashicorp/go-hclog README: `appLogger.Info("...", "key",
    # value)`), `logger.Debug("sending transfer", "method", req.Method, "url", req.URL.String(), "header", req.Header,
    # "body", string(body))`: intlogger.go logPlain — a value holding a line feed goes on lines of its own ("Values may
    # contain multiple lines, and that format is preserved, with each line prefixed with a `  | `": `\n  body=\n`, each
    # line `  | <line>`, then two blanks), a map printed with `%v` and quoted.
    head = (f"2026-11-22T10:00:00.123-0300 [DEBUG] payouts.iugu: sending transfer: method={request.method} "
            f"url={_hclog_value(request.url)} header={_hclog_value(_go_header_map(request))}")
    if "\n" not in request.body:
        return [f"{head} body={_hclog_value(request.body)}"]
    return [head, "  body=", *(f"  | {line}" for line in request.body.split("\n")), "  "]


def klog_multiline_value(request: Request) -> list[str]:
    # A Kubernetes operator that pays out through iugu, logging with klog's structured calls (`klog.V(4).InfoS("Calling
    # payment API", "method", …, "url", …, "header", req.Header, "body", string(body))`; kubernetes/klog
    # internal/serialize/keyvalues.go): a string `key="…"` (strconv.Quote), or, holding a line feed, `key=<` and each
    # line after a tab and ` >` on a line of its own (writeStringValue); any other value as JSON (formatAny). The
    # header `I1122 13:00:00.123456    4242 file.go:88] `.
    header = json.dumps({go_canonical(name): [value] for name, value in request.headers}, sort_keys=True,
                        separators=(",", ":"))
    head = (f'I1122 13:00:00.123456    4242 payouts.go:88] "Calling payment API" method="{request.method}" '
            f'url="{request.url}" header={header} body=')
    if "\n" not in request.body:
        return [head + json.dumps(request.body)]
    return [head + "<", *(f"\t{line}" for line in request.body.split("\n")), " >"]


def _system_text_json(value: object) -> str:
    """A JSON value as System.Text.Json writes it with its default encoder (JavaScriptEncoder.Default): `"` as
    `\\u0022`, `+` as `\\u002B`, `'` `<` `>` `&` escaped too; one line."""
    if isinstance(value, dict):
        return "{" + ",".join(f"{_system_text_json(key)}:{_system_text_json(item)}" for key, item in value.items()) + "}"
    if not isinstance(value, str):
        return json.dumps(value)
    named = {'"': "\\u0022", "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "+": "\\u002B", "'": "\\u0027",
             "<": "\\u003C", ">": "\\u003E", "&": "\\u0026"}
    return '"' + "".join(named.get(char, char) for char in value) + '"'


def dotnet_extended_http_logging(request: Request) -> list[str]:
    # A .NET 8 worker whose HttpClient has `AddExtendedHttpClientLogging` (learn.microsoft.com/dotnet/core/extensions/
    # httpclient-logging; package Microsoft.Extensions.Http.Diagnostics) with LogBody, LogContentHeaders,
    # RequestBodyContentTypes {application/json}, RequestHeadersDataClasses naming the headers with
    # DataClassification.None and RequestPathParameterRedactionMode.None, under the JSON console formatter: one record a
    # call, its State the tags of Logging/Internal/Log.cs OutgoingRequest — `http.request.method`, `server.address`,
    # `url.path`, `Duration`, `http.response.status_code`, each header `http.request.header.<lower-cased name>`
    # (LoggerMessageStateExtensions.Normalize), `RequestBody`, and `{OriginalFormat}` last.
    state = {"Message": f"{request.method} {request.host}{request.path}", "http.request.method": request.method,
             "server.address": request.host, "url.path": request.path, "Duration": 312,
             "http.response.status_code": 201,
             **{f"http.request.header.{name.lower()}": value for name, value in request.headers},
             "RequestBody": request.body, "{OriginalFormat}": "{http.request.method} {server.address}/{url.path}"}
    return [_system_text_json({"EventId": 1, "LogLevel": "Information",
                               "Category": "Microsoft.Extensions.Http.Logging.Internal.HttpClientLogger",
                               "Message": state["Message"], "State": state})]


def camel_log_exchange(request: Request) -> list[str]:
    # An Apache Camel 4 route (Spring Boot) that sets `CamelHttpMethod` and `CamelHttpUri` (Exchange.HTTP_METHOD,
    # HTTP_URI) and the headers, then `.to("log:payouts?showHeaders=true&skipBodyLineSeparator=false")` before the
    # https endpoint (camel.apache.org/components/4.x/log-component.html; DefaultExchangeFormatter.format:
    # `Exchange[` `Headers: ` the headers as a case-insensitively sorted map, `, BodyType: `, `, Body: ` the body —
    # its line separators kept, as skipBodyLineSeparator=false says — `]`), through Spring Boot's default console
    # pattern.
    headers = {"CamelHttpMethod": request.method, "CamelHttpUri": request.url, **dict(request.headers)}
    shown = ", ".join(f"{name}={value}" for name, value in sorted(headers.items(), key=lambda item: item[0].lower()))
    text = f"Exchange[Headers: {{{shown}}}, BodyType: String, Body: {request.body}]"
    prefix = "2026-11-22T10:00:00.123-03:00  INFO 4242 --- [payouts] [ - timer://payouts] payouts : "
    return (prefix + text).split("\n")


def ansible_uri_verbose(request: Request) -> list[str]:
    # An Ansible play that pays a supplier with the `uri` module (docs.ansible.com/ansible/latest/collections/
    # ansible/builtin/uri_module.html: url, method, headers, body, body_format raw, status_code), run with `-vvv`: the
    # default callback prints `ok: [host] => ` and the result as JSON, indented by four and keys sorted at verbosity
    # 3 and over, the `invocation.module_args` kept (lib/ansible/plugins/callback/__init__.py _dump_results).
    args = {"attributes": None, "body": request.body, "body_format": "raw", "ca_path": None, "client_cert": None,
            "client_key": None, "creates": None, "decompress": True, "dest": None, "follow_redirects": "safe",
            "force": False, "force_basic_auth": False, "group": None, "headers": dict(request.headers),
            "http_agent": "ansible-httpget", "method": request.method, "mode": None, "owner": None,
            "remote_src": False, "removes": None, "return_content": False, "status_code": [200, 201],
            "timeout": 30, "unix_socket": None, "unredirected_headers": [], "unsafe_writes": False,
            "url": request.url, "url_password": None, "url_username": None, "use_gssapi": False, "use_netrc": True,
            "use_proxy": True, "validate_certs": True}
    result = {"changed": False, "connection": "close", "content_length": "11", "content_type": "application/json",
              "cookies": {}, "cookies_string": "", "elapsed": 0, "invocation": {"module_args": args},
              "json": {"id": "t1"}, "msg": "OK (11 bytes)", "redirected": False, "status": 201, "url": request.url}
    text = json.dumps(result, indent=4, sort_keys=True, ensure_ascii=False)
    return ["TASK [payouts : send transfer] " + "*" * 48, "task path: /srv/payouts/roles/payouts/tasks/main.yml:12",
            *f"ok: [localhost] => {text}".split("\n")]


def logbook_json(request: Request) -> list[str]:
    # A Spring Boot client whose RestTemplate has Zalando Logbook's interceptor with the JSON formatter
    # (github.com/zalando/logbook README "JSON": StructuredHttpLogFormatter.prepare — origin, type, correlation,
    # protocol, remote, method, uri, host, path, scheme, port, headers as lists, body — and "Bodies of type
    # application/json … will be inlined into the resulting JSON tree", through the default body filters, which
    # compact JSON: the body logged is not the bytes sent), the DefaultSink writing it at TRACE.
    record = {"origin": "local", "type": "request", "correlation": "c3f1a2b4d5e6f708", "protocol": "HTTP/1.1",
              "remote": "localhost", "method": request.method, "uri": request.url, "host": request.host,
              "path": request.path, "scheme": "https", "port": None,
              "headers": {name: [value] for name, value in request.headers}, "body": json.loads(request.body)}
    return ["2026-11-22 10:00:00.123 TRACE 4242 --- [nio-8080-exec-1] org.zalando.logbook.Logbook              : "
            + json.dumps(record, separators=(",", ":"))]


# --- tracers and sniffers --------------------------------------------------------------------------

def otlp_json_client_spans(request: Request) -> list[str]:
    # An OpenTelemetry Collector's file exporter writing traces as OTLP/JSON, one export request a line
    # (opentelemetry.io/docs/specs/otel/protocol/file-exporter/; proto ExportTraceServiceRequest: resourceSpans,
    # scopeSpans, spans), of a CLIENT span (kind 3) whose instrumentation captures request headers as the
    # semantic conventions say (opentelemetry.io/docs/specs/semconv/http/http-spans/: `http.request.header.<key>`,
    # "the value MUST be a string[]", key lower-cased): a span holds no body.
    attributes = [{"key": "http.request.method", "value": otlp_value(request.method)},
                  {"key": "url.full", "value": otlp_value(request.url)},
                  {"key": "server.address", "value": otlp_value(request.host)},
                  {"key": "http.response.status_code", "value": {"intValue": "201"}},
                  *({"key": f"http.request.header.{name.lower()}", "value": otlp_value([value])}
                    for name, value in request.headers)]
    span = {"traceId": "5b8efff798038103d269b633813fc60c", "spanId": "eee19b7ec3c1b174", "name": "POST", "kind": 3,
            "startTimeUnixNano": "1795352400123000000", "endTimeUnixNano": "1795352400435000000",
            "attributes": attributes, "status": {}}
    export = {"resourceSpans": [{"resource": {"attributes": [{"key": "service.name",
                                                              "value": {"stringValue": "payouts"}}]},
                                 "scopeSpans": [{"scope": {"name": "io.opentelemetry.java-http-client",
                                                           "version": "2.10.0-alpha"}, "spans": [span]}]}]}
    return [json.dumps(export, separators=(",", ":"))]


def pixie_http_events(request: Request) -> list[str]:
    # Pixie's eBPF socket tracer (its TLS uprobes see the bytes before encryption) queried with `px run px/http_data
    # -o json` (docs.px.dev/reference/datatables/http_events; stirling socket_tracer/http_table.h: time_, upid,
    # remote_addr, remote_port, trace_role, major_version, minor_version, content_type, req_headers "in JSON format",
    # req_method, req_path, req_body, req_body_size, resp_headers, resp_status, resp_message, resp_body,
    # resp_body_size, latency): one row a line, the table's name under `_tableName`.
    headers = {"Host": request.host, **dict(request.headers), "Content-Length": _length(request)}
    row = {"_tableName": "http_data", "time_": "2026-11-22T13:00:00.123456789Z",
           "upid": "00000011-0000-1a2b-0000-000000003c4d", "remote_addr": "200.155.0.10", "remote_port": 443,
           "trace_role": 1, "major_version": 1, "minor_version": 1, "content_type": 1,
           "req_headers": json.dumps(headers, separators=(",", ":")), "req_method": request.method,
           "req_path": request.path, "req_body": request.body, "req_body_size": len(request.body.encode()),
           "resp_headers": '{"Content-Length":"11","Content-Type":"application/json"}', "resp_status": 201,
           "resp_message": "Created", "resp_body": '{"id":"t1"}', "resp_body_size": 11, "latency": 312000000}
    return [json.dumps(row, separators=(",", ":"))]


def packetbeat_http(request: Request) -> list[str]:
    # Packetbeat sniffing a worker's plain-HTTP leg to its egress sidecar (port 80) with `send_headers: true`,
    # `send_all_headers: true` and `include_body_for: ["application/json"]` (elastic.co/guide/en/beats/packetbeat/
    # current/configuration-http.html; exported fields: http.request.headers — names lower-cased —,
    # http.request.body.content, url.*, destination.port), written by its file output, one event a line.
    headers = {name.lower(): value for name, value in request.headers} | {"host": request.host,
                                                                         "content-length": int(_length(request))}
    size = len(request.body.encode())
    event = {"@timestamp": "2026-11-22T13:00:00.123Z",
             "@metadata": {"beat": "packetbeat", "type": "_doc", "version": "8.15.0"}, "type": "http",
             "event": {"dataset": "http", "kind": "event", "category": ["network"], "type": ["connection", "protocol"],
                       "duration": 312000000},
             "network": {"type": "ipv4", "transport": "tcp", "protocol": "http", "direction": "egress"},
             "source": {"ip": "10.0.0.7", "port": 51234}, "destination": {"ip": "10.0.5.20", "port": 80},
             "method": request.method, "status": "OK", "query": f"{request.method} {request.path}",
             "url": {"scheme": "http", "domain": request.host, "port": 80, "path": request.path,
                     "full": f"http://{request.host}{request.path}"},
             "http": {"version": "1.1",
                      "request": {"method": request.method.lower(), "headers": headers, "mime_type": "application/json",
                                  "body": {"bytes": size, "content": request.body}},
                      "response": {"status_code": 201, "status_phrase": "created", "body": {"bytes": 11}}},
             "user_agent": {"original": AGENT}}
    return [json.dumps(event, separators=(",", ":"))]


# --- load and API-test tools -------------------------------------------------------------------------

def _ansi_c(text: str) -> str:
    """A word as Hurl's curl command line quotes it: `'…'`, or `$'…'` with `\\n`, `\\'` and `\\\\` escaped where
    the text holds a line feed or a quote."""
    if "\n" not in text and "'" not in text:
        return f"'{text}'"
    return "$'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"


def hurl_verbose(request: Request) -> list[str]:
    # `hurl --verbose payouts.hurl` in a CI job (hurl.dev/docs/manual.html#verbose; packages/hurl/src/runner/
    # hurl_file.rs and http/client.rs: `* ` debug lines — the entry, the request spec, "Request can be run with the
    # following curl command:" and that command, the body as `--data` —, then the headers libcurl sent as `> ` lines
    # and a lone `>`, the response as `< ` lines; the body itself is shown only with --very-verbose).
    spec = [f"* {name}: {value}" for name, value in request.headers]
    curl = " ".join(["curl", *(f"--header '{name}: {value}'" for name, value in request.headers),
                     f"--data {_ansi_c(request.body)}", f"'{request.url}'"])
    sent = [f"> {request.method} {request.path} HTTP/2", f"> Host: {request.host}", "> Accept: */*",
            *(f"> {name}: {value}" for name, value in request.headers), f"> Content-Length: {_length(request)}", ">"]
    return ["* " + "-" * 78, "* Executing entry 1", "*", "* Cookie store:", "*", "* Request:",
            f"* {request.method} {request.url}", *spec, "*", "* Request can be run with the following curl command:",
            f"* {curl}", "*", *sent, "* Response: (received 11 bytes in 312 ms)", "*", "< HTTP/2 201",
            "< content-type: application/json", "< content-length: 11", "<", "*"]


def artillery_scenario(request: Request) -> list[str]:
    # An Artillery smoke test kept beside the code (artillery.io/docs/reference/engines/http: `config.target` the
    # base URL, a scenario's `flow` of requests, each under its method — `post:` — with `url`, `headers` and `body`
    # "the raw body", `json` being the one Artillery serializes), the body a YAML literal block.
    lines = ["config:", f'  target: "https://{request.host}"', "  phases:", "    - duration: 1", "      arrivalCount: 1",
             "scenarios:", '  - name: "payout smoke"', "    flow:", f"      - {request.method.lower()}:",
             f'          url: "{request.path}"', "          headers:",
             *(f"            {name}: {json.dumps(value)}" for name, value in request.headers)]
    return lines + ["          body: |-", *(f"            {line}" for line in request.body.split("\n"))]


def _js_string(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"


def k6_http_batch(request: Request) -> list[str]:
    # A k6 script (grafana.com/docs/k6/latest/javascript-api/k6-http/batch/: `http.batch(requests)`, each request an
    # array `[method, url, body, params]`, the headers under `params.headers`).
    headers = ", ".join(f"{_js_string(name)}: {_js_string(value)}" for name, value in request.headers)
    return ["import http from 'k6/http';", "", "export default function () {", "  const responses = http.batch([",
            "    [", f"      {_js_string(request.method)},", f"      {_js_string(request.url)},",
            f"      {_js_string(request.body)},", f"      {{ headers: {{ {headers} }} }},", "    ],", "  ]);", "}"]


def jmeter_test_plan(request: Request) -> list[str]:
    # A JMeter test plan (.jmx, as JMeter 5.6 saves it through XStream: jmeter.apache.org/usermanual/
    # component_reference.html#HTTP_Request and #HTTP_Header_Manager): an HTTPSamplerProxy whose properties are
    # `<stringProp name="HTTPSampler.domain">`, `.protocol`, `.path`, `.method`, `HTTPSampler.postBodyRaw` true and
    # the raw body in the one HTTPArgument's `Argument.value`; its HeaderManager in the hashTree after it, each header
    # an elementProp of `Header.name` and `Header.value`.
    def prop(kind: str, name: str, value: str) -> str:
        return f'<{kind} name="{name}">{escape(value, {chr(34): "&quot;"})}</{kind}>'

    header_props = [line for name, value in request.headers for line in (
        '              <elementProp name="" elementType="Header">',
        f"                {prop('stringProp', 'Header.name', name)}",
        f"                {prop('stringProp', 'Header.value', value)}", "              </elementProp>")]
    return ['<?xml version="1.0" encoding="UTF-8"?>', '<jmeterTestPlan version="1.2" properties="5.0" jmeter="5.6.3">',
            "  <hashTree>", '    <TestPlan guiclass="TestPlanGui" testclass="TestPlan" testname="payouts"/>',
            "    <hashTree>", '      <ThreadGroup guiclass="ThreadGroupGui" testclass="ThreadGroup" testname="payout"/>',
            "      <hashTree>",
            '        <HTTPSamplerProxy guiclass="HttpTestSampleGui" testclass="HTTPSamplerProxy" testname="transfer">',
            f"          {prop('boolProp', 'HTTPSampler.postBodyRaw', 'true')}",
            '          <elementProp name="HTTPsampler.Arguments" elementType="Arguments">',
            '            <collectionProp name="Arguments.arguments">',
            '              <elementProp name="" elementType="HTTPArgument">',
            f"                {prop('boolProp', 'HTTPArgument.always_encode', 'false')}",
            *f"                {prop('stringProp', 'Argument.value', request.body)}".split("\n"),
            f"                {prop('stringProp', 'Argument.metadata', '=')}", "              </elementProp>",
            "            </collectionProp>", "          </elementProp>",
            f"          {prop('stringProp', 'HTTPSampler.domain', request.host)}",
            f"          {prop('stringProp', 'HTTPSampler.port', '')}",
            f"          {prop('stringProp', 'HTTPSampler.protocol', 'https')}",
            f"          {prop('stringProp', 'HTTPSampler.path', request.path)}",
            f"          {prop('stringProp', 'HTTPSampler.method', request.method)}",
            "        </HTTPSamplerProxy>", "        <hashTree>",
            '          <HeaderManager guiclass="HeaderPanel" testclass="HeaderManager" testname="HTTP Header Manager">',
            '            <collectionProp name="HeaderManager.headers">', *header_props, "            </collectionProp>",
            "          </HeaderManager>", "          <hashTree/>", "        </hashTree>", "      </hashTree>",
            "    </hashTree>", "  </hashTree>", "</jmeterTestPlan>"]


SHAPES = [case(shape) for shape in (dotnet_extended_http_logging, ansible_uri_verbose, pixie_http_events,
                                    hclog_multiline_value, klog_multiline_value, terraform_legacy_transport,
                                    hurl_verbose, camel_log_exchange)] + [
    case(packetbeat_http, plaintext=True), case(artillery_scenario, "payouts.yml"), case(k6_http_batch, "load.js"),
    case(jmeter_test_plan, "transfer.jmx")]
HEADERS_ONLY = [case(shape) for shape in (terraform_http_transport_json, terraform_http_transport_text, logbook_json,
                                          otlp_json_client_spans)]
NO_HEADERS: list[object] = []
