"""A forty-eighth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu transfers unsigned,
signed with the client's real key and with another key, an Asaas transfer) as the APM AND TELEMETRY PRODUCTS that
store an app's outbound HTTP call keep it, its request headers (and, where the app adds it, its body) captured —
Application Insights' `dependencies` read with the query API and its Log Analytics table exported by a diagnostic
setting, Dynatrace's spans read with DQL and its log export, an Instana tracer's exit span, Honeycomb's raw rows,
SigNoz's ClickHouse span row, a Cloud Trace v1 span, a Lightstep stored trace, a Tempo TraceQL search, Datadog's
spans search API, a Mezmo export, Graylog's search API, an Elastic APM intake span (and an OTLP file export).

Ten of the fourteen passed as first written, before the readers were read (the Log Analytics export, both Dynatrace
shapes, Instana, Cloud Trace's `/http/method` labels, Lightstep's hyphenated JSON:API, Datadog's spans search, Mezmo,
Graylog, Elastic APM's span). The four that did not pass now, by three rules:

- a record holding a list of ``{key, value}`` entries that names the request's method (a span's attributes, OTLP's
  and a Tempo search's ``[{"key": "http.request.method", "value": {"stringValue": "POST"}}, …]``) is the one request
  those entries describe, though a list lies between it and the anchor (as Envoy's ``:method`` header block already
  was; :func:`keyaudit.inputs.captures.header_entries.method_listed`): Tempo's search;
- a header value written as the JSON text of a list of strings (``'["application/json"]'``: an array attribute in a
  store of strings) is that list (:func:`keyaudit.inputs.captures.header_entries.header_values`): Honeycomb's raw
  rows and SigNoz's ``stringTagMap``;
- a cell of a result set's row (a string item of a list of lists) looks for its table as far up as a wide table's
  list of column names may push it (:data:`keyaudit.inputs.captures.result_sets.TABLE_LINES`, and the reach of such a
  line in :mod:`keyaudit.inputs.request_reach`): the Application Insights query's twelve columns, four lines each,
  put its table 55 lines above the row, past a request's span.

A fifteenth shape was written after the rules, not blind, to try the first on a format it was not built for: the
Collector's OTLP file export pretty-printed by `jq`, a server span before the client span (read as no transfer);
main's readers found none of its four requests.

A comment above each shape names the source its format was taken from. What is checked is what every
blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``, never a body
for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.running import request_rules
from helpers.signed_shapes import Request, case, json_line, json_pretty, requests, run_id
from test_request_shapes_blind_forty_seven import _scan_lines as scan_lines

STAMP = "2026-11-22T13:00:30.104Z"
NANOS = "1795352430104000000"


def _trace_id(request: Request) -> str:
    return run_id(request).replace("-", "")


def _otel_headers(request: Request, array: bool = False) -> dict[str, object]:
    """The request headers as OpenTelemetry's HTTP conventions name the captured ones (`http.request.header.<name>`,
    the name lower-cased; the value a list of strings, which a store that keeps strings only writes as JSON)."""
    return {f"http.request.header.{name.lower()}": json.dumps([value]) if array else value
            for name, value in request.headers}


# --- Azure Application Insights: `dependencies` through the query API ----------------------------------------------

def app_insights_dependencies_query(request: Request) -> list[str]:
    # An ASP.NET Core payouts service whose ITelemetryInitializer adds each outgoing HttpClient call's headers
    # (serialised to JSON) and body to the DependencyTelemetry's Properties (learn.microsoft.com … app-insights
    # "api-filtering-sampling": "Add properties: ITelemetryInitializer"), read back with `az monitor app-insights
    # query --analytics-query "dependencies | where type == 'Http'"`: the query API's `tables[].columns[]` and `rows`
    # (a `dynamic` column a JSON string); the dependency's `name` "POST /v1/transfers", `data` the full URL and
    # `target` the host (IRemoteDependencyData: "data: Command initiated by this dependency call … HTTP URL").
    properties = {"request.headers": json.dumps(dict(request.headers)), "request.body": request.body,
                  "AspNetCoreEnvironment": "Production"}
    columns = [("timestamp", "datetime"), ("id", "string"), ("target", "string"), ("type", "string"),
               ("name", "string"), ("data", "string"), ("success", "string"), ("resultCode", "string"),
               ("duration", "real"), ("customDimensions", "dynamic"), ("operation_Id", "string"),
               ("cloud_RoleName", "string")]
    row = [STAMP, _trace_id(request)[16:], request.host, "Http", f"{request.method} {request.path}", request.url, "True",
           "201", 312.1, json.dumps(properties), _trace_id(request), "payouts"]
    return json_pretty({"tables": [{"name": "PrimaryResult", "columns": [{"name": name, "type": kind}
                                                                         for name, kind in columns],
                                    "rows": [row]}]})


# --- Azure Monitor: the AppDependencies table exported by a diagnostic setting --------------------------------------

def log_analytics_appdependencies_export(request: Request) -> list[str]:
    # The same service under the Azure Monitor OpenTelemetry distro (captured headers as span attributes
    # `http.request.header.<name>`, the body an attribute the app adds), its workspace's AppDependencies table
    # (learn.microsoft.com … reference/tables/appdependencies: TimeGenerated, Id, Target, DependencyType, Name, Data
    # "a full URI", Success, ResultCode, DurationMs, Properties "Application-defined properties") exported to a
    # storage account by a data export rule: one JSON object a line, PascalCase.
    properties = {**_otel_headers(request), "http.request.body": request.body}
    return json_line({"TimeGenerated": STAMP, "Id": _trace_id(request)[16:], "Target": request.host,
                      "DependencyType": "HTTP", "Name": f"{request.method} {request.path}", "Data": request.url,
                      "Success": True, "ResultCode": "201", "DurationMs": 312.1, "Properties": properties,
                      "OperationId": _trace_id(request), "AppRoleName": "payouts", "Type": "AppDependencies"})


# --- Dynatrace: spans read with DQL ---------------------------------------------------------------------------------

def dynatrace_dql_spans(request: Request) -> list[str]:
    # A DQL `fetch spans | filter span.kind == "client"` run through the Grail query API (docs.dynatrace.com …
    # platform/storage query:poll: `{"state": "SUCCEEDED", "result": {"records": [...], "types": [...], "metadata":
    # {...}}}`), each record's fields flat and dotted as the semantic dictionary names them (span.kind,
    # http.request.method, url.full, server.address; captured request headers `http.request.header.<name>`).
    # OneAgent records no bodies.
    record = {"timestamp": STAMP, "trace.id": _trace_id(request), "span.id": _trace_id(request)[16:],
              "span.name": f"{request.method} {request.host}", "span.kind": "client",
              "http.request.method": request.method, "url.full": request.url, "server.address": request.host,
              "http.response.status_code": 201, "dt.entity.service": "SERVICE-4A8F0C2B9D1E7F63",
              **_otel_headers(request)}
    return json_pretty({"state": "SUCCEEDED", "result": {"records": [record], "types": [], "metadata": {
        "grail": {"query": 'fetch spans | filter span.kind == "client"', "scannedRecords": 1}}}})


# --- Dynatrace: the log export ------------------------------------------------------------------------------------

def dynatrace_log_export(request: Request) -> list[str]:
    # The payouts service's own JSON log line (its outbound call: method, url, headers, body) ingested by OneAgent
    # and read with the Log Monitoring API v2 export (`GET /api/v2/logs/export`: `{"results": [{timestamp,
    # content, severity, log.source, dt.entity.host, additionalFields}], "nextSliceKey"}`), the line as `content`.
    line = json.dumps({"level": "info", "msg": "iugu call", "outbound": {
        "method": request.method, "url": request.url, "headers": dict(request.headers), "body": request.body}})
    return json_line({"results": [{"timestamp": STAMP, "content": line, "severity": "INFO",
                                   "log.source": "/var/log/payouts/app.log", "dt.entity.host": "HOST-7C1E2A3B4D5F6071",
                                   "additionalFields": {"dt.trace_id": _trace_id(request)}}],
                      "nextSliceKey": None})


# --- Instana: a Node.js tracer's exit span --------------------------------------------------------------------------

def instana_exit_span(request: Request) -> list[str]:
    # An Instana Node.js tracer's span of an outgoing http call (github.com/instana/nodejs, packages/core/src/
    # tracing/instrumentation/protocols/httpClient.js: span `node.http.client`, kind EXIT (k 2), data.http {method,
    # url, status, header} — the headers named in INSTANA_EXTRA_HTTP_HEADERS captured), as the tracer's debug log
    # writes the batch it sends the agent. No bodies.
    span = {"t": _trace_id(request)[:16], "s": _trace_id(request)[16:], "p": "5b3f0c8d2e1a4f60", "n": "node.http.client",
            "k": 2, "ts": 1795352430104, "d": 312, "ec": 0, "f": {"e": "4242", "h": "payouts-1"},
            "data": {"http": {"method": request.method, "url": request.url, "status": 201,
                              "header": dict(request.headers)}}}
    return [f"2026-11-22T13:00:30.104Z DEBUG instana: Sending spans to agent: {json.dumps([span])}"]


# --- Honeycomb: raw rows of a query ---------------------------------------------------------------------------------

def honeycomb_raw_rows(request: Request) -> list[str]:
    # Honeycomb's query results' "Raw Data" downloaded as JSON (docs.honeycomb.io … "Download raw data": one object a
    # row, each field a flat key as sent — OpenTelemetry attributes kept as dotted names; an array attribute stored
    # as its JSON string), the client span of the payouts service with its captured request headers and the body
    # attribute its request hook adds.
    row = {"Timestamp": STAMP, "trace.trace_id": _trace_id(request), "trace.span_id": _trace_id(request)[16:],
           "service.name": "payouts", "name": request.method, "span.kind": "client", "duration_ms": 312.1,
           "http.request.method": request.method, "url.full": request.url, "server.address": request.host,
           "http.response.status_code": 201, **_otel_headers(request, array=True), "http.request.body": request.body}
    return json_pretty([row])


# --- SigNoz: the ClickHouse span row ---------------------------------------------------------------------------------

def signoz_index_row(request: Request) -> list[str]:
    # SigNoz's traces table signoz_traces.signoz_index_v2 (github.com/SigNoz/signoz-otel-collector migrations:
    # timestamp, traceID, spanID, serviceName, name, kind Int8, durationNano, httpMethod, httpUrl, httpHost,
    # stringTagMap Map(String, String), numberTagMap, spanKind), read with clickhouse-client `FORMAT JSONEachRow`;
    # the span's string attributes in stringTagMap (an array attribute as its JSON string).
    tags = {**_otel_headers(request, array=True), "http.request.body": request.body,
            "http.request.method": request.method, "url.full": request.url}
    return json_line({"timestamp": "2026-11-22 13:00:30.104000000", "traceID": _trace_id(request),
                      "spanID": _trace_id(request)[16:], "parentSpanID": "5b3f0c8d2e1a4f60", "serviceName": "payouts",
                      "name": request.method, "kind": 3, "durationNano": 312104000, "statusCode": 0,
                      "httpMethod": request.method, "httpUrl": request.url, "httpRoute": "", "httpHost": request.host,
                      "hasError": False, "stringTagMap": tags, "numberTagMap": {"http.response.status_code": 201},
                      "spanKind": "Client"})


# --- Google Cloud Trace: a v1 span -----------------------------------------------------------------------------------

def cloud_trace_v1_span(request: Request) -> list[str]:
    # Cloud Trace API v1 `projects.traces.get` (cloud.google.com/trace/docs/reference/v1/rest/v1/projects.traces:
    # {projectId, traceId, spans: [{spanId, kind RPC_CLIENT, name, startTime, endTime, parentSpanId, labels}]}; the
    # labels a map of strings, the canonical ones `/http/method`, `/http/url`, `/http/host`, `/http/status_code`
    # (cloud.google.com/trace/docs/trace-labels); other attributes kept under their own names).
    labels = {"/http/method": request.method, "/http/url": request.url, "/http/host": request.host,
              "/http/status_code": "201", "/agent": "opentelemetry-python 1.27.0; google-cloud-trace-exporter 1.7.0",
              **_otel_headers(request), "http.request.body": request.body}
    return json_pretty({"projectId": "loja-prod", "traceId": _trace_id(request), "spans": [
        {"spanId": "7314729541873962011", "kind": "RPC_CLIENT", "name": f"{request.method} {request.host}",
         "startTime": STAMP, "endTime": "2026-11-22T13:00:30.416Z", "parentSpanId": "4411096231212271837",
         "labels": labels}]})


# --- Lightstep (ServiceNow Cloud Observability): a stored trace ------------------------------------------------------

def lightstep_stored_trace(request: Request) -> list[str]:
    # Lightstep's public API `GET /public/v0.2/{org}/projects/{project}/stored-traces?span-id=…` (api-docs.lightstep
    # .com: JSON:API `{"data": [{"type": "stored_trace", "id", "attributes": {"spans": [{span-id, span-name, trace-id,
    # reporter-id, start-time-micros, end-time-micros, tags}], "reporters": [...]}}]}`, the member names
    # hyphenated), the span's tags the OpenTracing ones (span.kind, http.method, http.url) and the app's header tags.
    tags = {"span.kind": "client", "http.method": request.method, "http.url": request.url, "http.status_code": 201,
            **_otel_headers(request), "http.request.body": request.body}
    span = {"span-id": _trace_id(request)[16:], "span-name": f"HTTP {request.method}", "trace-id": _trace_id(request)[:16],
            "reporter-id": "a1b2c3d4e5f60718", "start-time-micros": 1795352430104000,
            "end-time-micros": 1795352430416000, "tags": tags}
    return json_line({"data": [{"type": "stored_trace", "id": span["trace-id"], "attributes": {
        "spans": [span], "reporters": [{"reporter-id": "a1b2c3d4e5f60718", "attributes": {
            "lightstep.component_name": "payouts", "lightstep.tracer_platform": "go"}}]}}]})


# --- Grafana Tempo: a TraceQL search with select() ------------------------------------------------------------------

def tempo_traceql_search(request: Request) -> list[str]:
    # Tempo's `GET /api/search?q={ span.http.request.method = "POST" } | select(...)` (grafana.com/docs/tempo … api_
    # docs: `{"traces": [{traceID, rootServiceName, rootTraceName, startTimeUnixNano, durationMs, spanSet: {spans:
    # [{spanID, startTimeUnixNano, durationNanos, attributes: [{key, value: {stringValue}}]}], matched}}]}`), the
    # selected attributes each a key with an OTLP any-value.
    pairs = [("http.request.method", request.method), ("url.full", request.url), ("span.kind", "client"),
             *_otel_headers(request).items(), ("http.request.body", request.body)]
    attributes = [{"key": key, "value": {"stringValue": value}} for key, value in pairs]
    return json_pretty({"traces": [{"traceID": _trace_id(request), "rootServiceName": "payouts",
                                    "rootTraceName": "payout.send", "startTimeUnixNano": NANOS, "durationMs": 318,
                                    "spanSet": {"spans": [{"spanID": _trace_id(request)[16:],
                                                           "startTimeUnixNano": NANOS, "durationNanos": "312104000",
                                                           "attributes": attributes}], "matched": 1}}],
                        "metrics": {"inspectedTraces": 41, "inspectedBytes": "52118"}})


# --- OpenTelemetry Collector: the file exporter's traces, read with jq --------------------------------------------

def otlp_file_export_jq(request: Request) -> list[str]:
    # The Collector's file exporter (github.com/open-telemetry/opentelemetry-collector-contrib, exporter/fileexporter:
    # OTLP JSON a line) pretty-printed by `jq .` to be read: resourceSpans[].scopeSpans[].spans[] (opentelemetry-proto
    # examples/trace.json: traceId, spanId, parentSpanId, name, kind — 2 server, 3 client — attributes [{key, value:
    # {stringValue}}]); the server span of the payout the app received first, then its client span of the call.
    def attributes(pairs: dict[str, str]) -> list[dict[str, object]]:
        return [{"key": key, "value": {"stringValue": value}} for key, value in pairs.items()]

    server = {"traceId": _trace_id(request), "spanId": "5b3f0c8d2e1a4f60", "name": "POST /payouts", "kind": 2,
              "attributes": attributes({"http.request.method": "POST", "url.path": "/payouts", "url.scheme": "https",
                                        "server.address": "payouts.internal",
                                        "http.request.header.content-type": "application/json"})}
    client = {"traceId": _trace_id(request), "spanId": _trace_id(request)[16:], "parentSpanId": "5b3f0c8d2e1a4f60",
              "name": request.method, "kind": 3, "attributes": attributes({
                  "http.request.method": request.method, "url.full": request.url, "server.address": request.host,
                  **_otel_headers(request), "http.request.body": request.body})}
    return json_pretty({"resourceSpans": [{"resource": {"attributes": attributes({"service.name": "payouts"})},
                                           "scopeSpans": [{"scope": {"name": "@opentelemetry/instrumentation-http"},
                                                           "spans": [server, client]}]}]})


# --- Datadog: the spans search API ----------------------------------------------------------------------------------

def datadog_spans_search(request: Request) -> list[str]:
    # Datadog's `POST /api/v2/spans/events/search` (docs.datadoghq.com/api/latest/spans/: `{"data": [{"id", "type":
    # "spans", "attributes": {service, resource_name, span_id, trace_id, start_timestamp, end_timestamp, env, host,
    # tags [...], custom {...}}}]}`, a span's meta under `custom` nested at its dots), the request headers tagged by
    # DD_TRACE_REQUEST_HEADER_TAGS / header tags as `http.request.headers.<name>`. Bodies are not traced.
    custom = {"span": {"kind": "client"}, "http": {"method": request.method, "url": request.url, "status_code": "201",
                                                   "request": {"headers": {name.lower(): value
                                                                           for name, value in request.headers}}}}
    return json_pretty({"data": [{"id": run_id(request), "type": "spans", "attributes": {
        "service": "payouts", "resource_name": f"{request.method} {request.path}", "span_id": "5678",
        "trace_id": "1234", "start_timestamp": STAMP, "end_timestamp": "2026-11-22T13:00:30.416Z", "env": "prod",
        "host": "payouts-1", "tags": ["env:prod", "service:payouts", "span.kind:client"], "custom": custom}}],
        "meta": {"status": "done", "elapsed": 41}})


# --- Mezmo (LogDNA): the export API -------------------------------------------------------------------------------

def mezmo_export(request: Request) -> list[str]:
    # Mezmo's export API (`GET /v1/export?from=…&to=…`: JSON Lines, each {_account, _app, _host, _file, _ts, _line,
    # level} — "jq -r '._line'" for the log text) of the payouts service's JSON line of its outbound call.
    line = json.dumps({"level": "info", "msg": "iugu call", "method": request.method, "url": request.url,
                       "headers": dict(request.headers), "body": request.body})
    return json_line({"_account": "9f8e7d6c5b", "_app": "payouts", "_host": "payouts-1",
                      "_file": "/var/log/payouts/app.log", "_ts": 1795352430104, "_line": line, "level": "INFO",
                      "_id": run_id(request)})


# --- Graylog: the search API ---------------------------------------------------------------------------------------

def graylog_search_api(request: Request) -> list[str]:
    # The GELF message of the payouts service (fields `_http_method`, `_http_url`, `_http_request_header_<name>`,
    # `_http_request_body`) as Graylog stores it — the leading underscore dropped — read with `GET /api/search/
    # universal/relative?query=…` (go2docs.graylog.org … REST API: `{"messages": [{"highlight_ranges", "message":
    # {_id, timestamp, source, message, …fields}, "index"}], "total_results", …}`).
    message = {"_id": run_id(request), "timestamp": STAMP, "source": "payouts-1", "message": "outbound call",
               "level": 6, "http_method": request.method, "http_url": request.url, "http_request_body": request.body,
               **{f"http_request_header_{name.lower().replace('-', '_')}": value for name, value in request.headers},
               "streams": ["000000000000000000000001"], "gl2_source_input": "6560b1e6a1b2c3d4e5f60718"}
    return json_pretty({"query": "http_url:*transfer*", "messages": [{"highlight_ranges": {}, "message": message,
                                                                      "index": "graylog_0"}],
                        "total_results": 1, "time": 12})


# --- Elastic APM: an intake span of the outgoing call ---------------------------------------------------------------

def elastic_apm_intake_span(request: Request) -> list[str]:
    # Elastic APM's intake v2 NDJSON (elastic.co/guide/en/apm/guide/current/api-events.html, the span schema): a
    # span of type external/http, its context.http {method, url, status_code} and context.destination; agents keep
    # no outgoing request headers or bodies.
    return json_line({"span": {"id": _trace_id(request)[16:], "transaction_id": "945254c567a5417e",
                               "trace_id": _trace_id(request), "parent_id": "945254c567a5417e",
                               "name": f"{request.method} {request.host}", "type": "external", "subtype": "http",
                               "timestamp": 1795352430104000, "duration": 312.1, "outcome": "success",
                               "context": {"http": {"method": request.method, "url": request.url, "status_code": 201},
                                           "destination": {"address": request.host, "port": 443,
                                                           "service": {"resource": f"{request.host}:443"}}}}})


SHAPES = [case(app_insights_dependencies_query, "dependencies.json"),
          case(log_analytics_appdependencies_export, "AppDependencies.json"),
          case(dynatrace_log_export, "logs-export.json"),
          case(honeycomb_raw_rows, "raw-data.json"),
          case(signoz_index_row, "spans.jsonl"),
          case(cloud_trace_v1_span, "trace.json"),
          case(lightstep_stored_trace, "stored-traces.json"),
          case(tempo_traceql_search, "search.json"),
          case(otlp_file_export_jq, "traces.json"),
          case(mezmo_export, "export.jsonl"),
          case(graylog_search_api, "messages.json")]
HEADERS_ONLY: list[object] = [case(dynatrace_dql_spans, "spans.json"),
                              case(instana_exit_span, "instana.log"),
                              case(datadog_spans_search, "spans.json")]
NO_HEADERS: list[object] = [case(elastic_apm_intake_span, "apm-intake.ndjson")]


# --- traps: what these products store that is no outbound call -----------------------------------------------------

def test_server_spans_of_requests_the_app_received_are_no_outbound_calls(tmp_path: Path) -> None:
    # What an APM keeps of a request INTO the payouts service, on a route named as iugu's is: New Relic's Span
    # events of a transaction read with NerdGraph's NRQL (docs.newrelic.com … "request.headers.*" attributes of the
    # web transaction: request.method, request.uri, request.headers.host, …), and a Honeycomb server span whose
    # captured headers and body are the request it received (url.path, server.address its own). Neither was sent
    # to iugu: no transfer.
    token = _token_body(tmp_path)
    new_relic = {"data": {"actor": {"account": {"nrql": {"results": [{
        "timestamp": 1795352430104, "eventType": "Span", "span.kind": "server", "name": "WebTransaction/Uri/v1/"
        "transfer_requests", "request.method": "POST", "request.uri": "/v1/transfer_requests",
        "request.headers.host": "payouts.internal", "request.headers.contentType": "application/json",
        "request.headers.userAgent": "checkout/2.0", "request.headers.accept": "*/*", "httpResponseCode": "201",
        "nr.entryPoint": True}]}}}}}
    honeycomb = [{"Timestamp": STAMP, "service.name": "payouts", "name": "POST /v1/transfer_requests",
                  "span.kind": "server", "http.request.method": "POST", "url.path": "/v1/transfer_requests",
                  "url.scheme": "https", "server.address": "payouts.internal", "http.route": "/v1/transfer_requests",
                  "http.request.header.content-type": '["application/json"]',
                  "http.request.header.user-agent": '["checkout/2.0"]', "http.request.body": token}]
    pairs = [("span.kind", "server"), ("http.request.method", "POST"), ("url.path", "/v1/transfer_requests"),
             ("url.scheme", "https"), ("server.address", "payouts.internal"),
             ("http.request.header.content-type", "application/json"), ("http.request.body", token)]
    tempo = {"traces": [{"traceID": "0af7651916cd43dd8448eb211c80319f", "rootServiceName": "payouts", "spanSet": {
        "spans": [{"spanID": "b7ad6b7169203332", "attributes": [{"key": key, "value": {"stringValue": value}}
                                                                for key, value in pairs]}], "matched": 1}}]}
    report = scan_lines(tmp_path, "spans.json", [*json_pretty(new_relic), *json_pretty(honeycomb), *json_pretty(tempo)])
    assert request_rules(report) == [], request_rules(report)


def test_settings_kept_as_key_value_lists_are_no_calls(tmp_path: Path) -> None:
    # What keeps the API's address and method as {key, value} entries without calling it: a Postman environment's
    # `values` (learn.postman.com … environments: [{key, value, type, enabled}])
    # — no name there is a request's method.
    environment = {"id": "5f1c2d3e", "name": "iugu prod", "values": [
        {"key": "iugu_transfers_url", "value": "https://api.iugu.com/v1/transfer_requests", "type": "default",
         "enabled": True}, {"key": "iugu_http_verb", "value": "POST", "type": "default", "enabled": True},
        {"key": "signature_header", "value": "Signature", "type": "default", "enabled": True}]}
    report = scan_lines(tmp_path, "iugu.postman_environment.json", json_pretty(environment))
    assert request_rules(report) == [], request_rules(report)
    assert not report["scan"]["requests"].get("requests_judged"), report["scan"]["requests"]


@pytest.mark.parametrize("member,name", [("env", "name"), ("variables", "key"), ("environment", "name")])
def test_variables_naming_a_method_are_no_request_fields(member: str, name: str, tmp_path: Path) -> None:
    # A job's variables as {name|key, value} entries that name a method, a URL and headers: a Pod's `env` (kubectl get
    # -o json), GitLab's CI `variables` (its API), ECS's `environment` — settings a job reads, not a call it logged.
    listed = [{name: "METHOD", "value": "POST"}, {name: "URL", "value": "https://api.iugu.com/v1/transfer_requests"},
              {name: "HEADERS", "value": '{"Content-Type": "application/json"}'}]
    job = {"kind": "Pod", "spec": {"containers": [{"name": "payouts", "image": "runner:1", member: listed}]}}
    report = scan_lines(tmp_path, "job.json", json_pretty(job))
    assert request_rules(report) == [], request_rules(report)


def test_a_response_header_is_no_request_header(tmp_path: Path) -> None:
    # A client span that captured both sides' headers (OTel's http.response.header.<name> beside
    # http.request.header.<name>): the `Signature` iugu sent back signs its reply, not the transfer, which went
    # unsigned.
    token = _token_body(tmp_path)
    row = {"Timestamp": STAMP, "span.kind": "client", "http.request.method": "POST",
           "url.full": "https://api.iugu.com/v1/transfer_requests", "server.address": "api.iugu.com",
           "http.request.header.content-type": '["application/json"]',
           "http.request.header.request-time": '["2026-11-22T10:00:00-03:00"]',
           "http.response.header.signature": '["signature=c2lnbmVkIGJ5IGl1Z3U="]',
           "http.response.header.request-time": '["2026-11-22T10:00:01-03:00"]', "http.request.body": token}
    report = scan_lines(tmp_path, "raw-data.json", json_pretty([row]))
    assert request_rules(report) == ["iugu-unsigned-transfer"], request_rules(report)


def test_spans_naming_the_transfer_url_without_headers_claim_nothing(tmp_path: Path) -> None:
    # Spans that keep only the method and URL of the call (a Cloud Trace span's canonical labels; a Tempo search's
    # selected attributes; a SigNoz row without tags): they cannot show a header missing, so no transfer is called
    # unsigned; and a Tempo span that names iugu's transfer path with a GET (a status check) is read, no transfer.
    spans = {"projectId": "loja-prod", "traceId": "0af7651916cd43dd8448eb211c80319c", "spans": [
        {"spanId": "7314729541873962011", "kind": "RPC_CLIENT", "name": "POST api.iugu.com",
         "labels": {"/http/method": "POST", "/http/url": "https://api.iugu.com/v1/transfer_requests"}},
        {"spanId": "7314729541873962012", "kind": "RPC_CLIENT", "name": "POST api.asaas.com",
         "labels": {"/http/method": "POST", "/http/url": "https://api.asaas.com/v3/transfers"}}]}
    attributes = [{"key": "http.request.method", "value": {"stringValue": "GET"}},
                  {"key": "url.full", "value": {"stringValue": "https://api.iugu.com/v1/transfer_requests/t1"}},
                  {"key": "http.request.header.accept", "value": {"stringValue": "application/json"}}]
    tempo = {"traces": [{"traceID": "0af7651916cd43dd8448eb211c80319d", "rootServiceName": "payouts",
                         "spanSet": {"spans": [{"spanID": "b7ad6b7169203331", "attributes": attributes}],
                                     "matched": 1}}]}
    signoz = {"timestamp": "2026-11-22 13:00:30.104000000", "traceID": "0af7651916cd43dd8448eb211c80319e",
              "kind": 3, "httpMethod": "POST", "httpUrl": "https://api.iugu.com/v1/transfer_requests",
              "httpHost": "api.iugu.com", "stringTagMap": {}, "spanKind": "Client"}
    report = scan_lines(tmp_path, "trace.json", [*json_pretty(spans), *json_pretty(tempo), *json_line(signoz)])
    assert request_rules(report) == [], request_rules(report)
    assert report["scan"]["requests"].get("requests_judged") == 4, report["scan"]["requests"]


def _token_body(folder: Path) -> str:
    """The unsigned iugu transfer's body (its api_token the client's), as the four requests send it."""
    found, _ = requests(folder)
    return found[0].body
