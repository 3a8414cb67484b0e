"""Trace exports holding several spans of outbound calls on one line, and the span formats the readers did not
read: the four money-out requests of :mod:`helpers.signed_shapes` as the client spans of the payouts service, each
export written from its format's public documentation.

- several spans on ONE line (an OTLP/JSON file export, its older ``instrumentationLibrarySpans``, Jaeger's query
  API, Tempo's trace by id and its search): every span is its own request, found at its own position;
- Zipkin's v1 JSON (``binaryAnnotations``: ``[{key: "http.url", value}]``, ``annotations`` ``cs``/``sr``);
- the ClickHouse exporter's ``otel_traces`` rows (``SpanAttributes`` a map, ``spanAttributes`` as a camelCase
  client names it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from helpers.running import scan_json
from helpers.signed_shapes import Request, assert_shape_findings, json_line, run_id, write_shape

STAMP = "2026-11-22T13:00:30.104Z"
NANOS = "1795352430104000000"
SERVICE = "payouts"


def _ids(request: Request) -> tuple[str, str]:
    trace = run_id(request).replace("-", "")
    return trace, trace[16:]


def _otel_attributes(request: Request) -> dict[str, str]:
    """The client span's attributes as OpenTelemetry's HTTP conventions name them, the captured request headers
    `http.request.header.<name>` and the body an attribute the app's request hook adds."""
    return {"http.request.method": request.method, "url.full": request.url, "server.address": request.host,
            **{f"http.request.header.{name.lower()}": value for name, value in request.headers},
            "http.request.body": request.body}


def _key_values(pairs: dict[str, str]) -> list[dict[str, object]]:
    return [{"key": key, "value": {"stringValue": value}} for key, value in pairs.items()]


def _otlp_span(request: Request, kind: object = 3) -> dict[str, object]:
    trace, span = _ids(request)
    return {"traceId": trace, "spanId": span, "parentSpanId": "5b3f0c8d2e1a4f60", "name": request.method,
            "kind": kind, "startTimeUnixNano": NANOS, "endTimeUnixNano": NANOS,
            "attributes": _key_values(_otel_attributes(request)), "status": {}}


# A shape of the whole export: all four spans on one line (what one export of a batch writes).
Batch = list[Request]


def otlp_file_export(requests: Batch, scope: str = "scopeSpans", kind: object = 3) -> list[str]:
    # The Collector's file exporter (opentelemetry-collector-contrib exporter/fileexporter: one ExportTraceService
    # request a line as OTLP/JSON, opentelemetry-proto examples/trace.json: resourceSpans[].scopeSpans[].spans[];
    # `instrumentationLibrarySpans` before proto 0.15).
    spans = [_otlp_span(request, kind) for request in requests]
    return json_line({"resourceSpans": [{"resource": {"attributes": _key_values({"service.name": SERVICE})},
                                         scope: [{"scope": {"name": "@opentelemetry/instrumentation-undici"},
                                                  "spans": spans}]}]})


def otlp_two_resources(requests: Batch) -> list[str]:
    # The same file export where two services' spans went out in one request: two resources, two spans each.
    def resource(service: str, spans: Batch) -> dict[str, object]:
        return {"resource": {"attributes": _key_values({"service.name": service})},
                "scopeSpans": [{"scope": {"name": "otelhttp"}, "spans": [_otlp_span(one) for one in spans]}]}
    return json_line({"resourceSpans": [resource(SERVICE, requests[:2]), resource("payouts-b", requests[2:])]})


def elastic_apm_search(requests: Batch) -> list[str]:
    # Elastic APM's span documents read back with the search API (elastic.co … "Elastic APM fields": span.type
    # external, http.request.method, http.request.body.content, url.original; `GET traces-apm-*/_search`:
    # {"hits": {"total", "hits": [{_index, _id, _source}]}}), the app's request hook adding the headers and body.
    hits = [{"_index": ".ds-traces-apm-default-2026.11.22-000001", "_id": _ids(request)[1],
             "_source": {"@timestamp": STAMP, "trace": {"id": _ids(request)[0]}, "processor": {"event": "span"},
                         "span": {"id": _ids(request)[1], "type": "external", "subtype": "http"},
                         "http": {"request": {"method": request.method, "headers": dict(request.headers),
                                              "body": {"content": request.body}}},
                         "url": {"original": request.url}, "service": {"name": SERVICE}}} for request in requests]
    return json_line({"took": 3, "timed_out": False, "hits": {"total": {"value": len(hits)}, "hits": hits}})


def jaeger_query_api(requests: Batch) -> list[str]:
    # Jaeger's query service `GET /api/traces/{id}` (jaegertracing.io docs, "APIs": the UI's JSON, model/json:
    # {"data": [{traceID, spans: [{traceID, spanID, operationName, references, startTime, duration, tags: [{key,
    # type, value}], logs, processID}], processes: {p1: {serviceName, tags}}}]}), OpenTracing's tag names.
    def span(request: Request) -> dict[str, object]:
        trace, span_id = _ids(request)
        tags = {"span.kind": "client", "http.method": request.method, "http.url": request.url,
                **{f"http.request.header.{name.lower()}": value for name, value in request.headers},
                "http.request.body": request.body}
        return {"traceID": trace, "spanID": span_id, "operationName": f"HTTP {request.method}",
                "references": [{"refType": "CHILD_OF", "traceID": trace, "spanID": "5b3f0c8d2e1a4f60"}],
                "startTime": 1795352430104000, "duration": 312104, "processID": "p1", "logs": [], "warnings": None,
                "tags": [{"key": key, "type": "string", "value": value} for key, value in tags.items()]}
    return json_line({"data": [{"traceID": _ids(requests[0])[0], "spans": [span(request) for request in requests],
                                "processes": {"p1": {"serviceName": SERVICE, "tags": []}}, "warnings": None}],
                      "total": 0, "limit": 0, "offset": 0, "errors": None})


def tempo_trace_by_id(requests: Batch) -> list[str]:
    # Tempo's `GET /api/traces/<traceid>` (grafana.com/docs/tempo … api_docs: the trace as OTLP/JSON, its
    # `batches[]` each a resource's spans under `scopeSpans`).
    return json_line({"batches": [{"resource": {"attributes": _key_values({"service.name": SERVICE})},
                                   "scopeSpans": [{"scope": {"name": "go.opentelemetry.io/contrib/otelhttp"},
                                                   "spans": [_otlp_span(request, "SPAN_KIND_CLIENT")
                                                             for request in requests]}]}]})


def tempo_search(requests: Batch) -> list[str]:
    # Tempo's TraceQL search `GET /api/search?q={span.http.request.method="POST"}&spss=10` (grafana.com/docs/tempo
    # … api_docs "Search": {"traces": [{traceID, rootServiceName, startTimeUnixNano, spanSets: [{spans: [{spanID,
    # startTimeUnixNano, durationNanos, attributes: [{key, value}]}], matched}]}]}), one trace of the four calls.
    spans = [{"spanID": _ids(request)[1], "startTimeUnixNano": NANOS, "durationNanos": "312104000",
              "attributes": _key_values(_otel_attributes(request))} for request in requests]
    return json_line({"traces": [{"traceID": _ids(requests[0])[0], "rootServiceName": SERVICE,
                                  "rootTraceName": "POST /payouts", "startTimeUnixNano": NANOS,
                                  "spanSets": [{"spans": spans, "matched": len(spans)}]}],
                      "metrics": {"inspectedBytes": "7340"}})


def zipkin_v1(requests: Batch) -> list[str]:
    # Zipkin's v1 JSON (`GET /api/v1/trace/{id}`, zipkin.io v1 model: [{traceId, id, parentId, name, timestamp,
    # duration, annotations: [{timestamp, value: "cs"|"cr"|"sr"|"ss", endpoint}], binaryAnnotations: [{key, value,
    # endpoint}]}]; `http.method`, `http.url` the core tag names), the payouts service's client spans.
    endpoint = {"serviceName": SERVICE, "ipv4": "10.0.0.7"}

    def span(request: Request) -> dict[str, object]:
        trace, span_id = _ids(request)
        tags = {"http.method": request.method, "http.url": request.url, "http.path": request.path,
                **{f"http.request.header.{name.lower()}": value for name, value in request.headers},
                "http.request.body": request.body}
        return {"traceId": trace[:16], "id": span_id, "parentId": "5b3f0c8d2e1a4f60", "name": "post",
                "timestamp": 1795352430104000, "duration": 312104,
                "annotations": [{"timestamp": 1795352430104000, "value": "cs", "endpoint": endpoint},
                                {"timestamp": 1795352430416104, "value": "cr", "endpoint": endpoint}],
                "binaryAnnotations": [{"key": key, "value": value, "endpoint": endpoint}
                                      for key, value in tags.items()]}
    return json_line([span(request) for request in requests])


def clickhouse_otel_traces(requests: Batch, attributes: str = "SpanAttributes") -> list[str]:
    # The Collector's ClickHouse exporter's `otel_traces` table (opentelemetry-collector-contrib
    # exporter/clickhouseexporter: Timestamp, TraceId, SpanId, ParentSpanId, SpanName, SpanKind, ServiceName,
    # ResourceAttributes Map, SpanAttributes Map(LowCardinality(String), String), Duration, StatusCode …) read with
    # `FORMAT JSONEachRow`: one row a line.
    rows = []
    for request in requests:
        trace, span = _ids(request)
        rows += json_line({"Timestamp": "2026-11-22 13:00:30.104000000", "TraceId": trace, "SpanId": span,
                           "ParentSpanId": "5b3f0c8d2e1a4f60", "SpanName": request.method,
                           "SpanKind": "Client", "ServiceName": SERVICE,
                           "ResourceAttributes": {"service.name": SERVICE}, attributes: _otel_attributes(request),
                           "Duration": 312104000, "StatusCode": "Unset"})
    return rows


def _batch(export: Callable[..., list[str]], folder: Path, **options: object) -> tuple[Path, Path]:
    """The four requests written by ``export`` as one export (between heartbeat lines): the file, the public key."""
    holder: list[Request] = []

    def collect(request: Request) -> list[str]:
        holder.append(request)
        return [] if len(holder) < 4 else export(holder, **options)
    collect.__name__ = export.__name__
    return write_shape(collect, folder, "traces.json")


EXPORTS = [pytest.param(otlp_file_export, {}, id="otlp"),
           pytest.param(otlp_file_export, {"scope": "instrumentationLibrarySpans"}, id="otlp-library"),
           pytest.param(otlp_two_resources, {}, id="otlp-two-resources"),
           pytest.param(elastic_apm_search, {}, id="elastic-apm-search"),
           pytest.param(jaeger_query_api, {}, id="jaeger"),
           pytest.param(tempo_trace_by_id, {}, id="tempo-trace"),
           pytest.param(tempo_search, {}, id="tempo-search"),
           pytest.param(zipkin_v1, {}, id="zipkin-v1"),
           pytest.param(clickhouse_otel_traces, {}, id="clickhouse"),
           pytest.param(clickhouse_otel_traces, {"attributes": "spanAttributes"}, id="clickhouse-camel")]


@pytest.mark.parametrize("export,options", EXPORTS)
def test_every_span_of_an_export_is_its_own_request(export: Callable[..., list[str]], options: dict,
                                                     tmp_path: Path) -> None:
    """Each of the four calls is judged as every shape must judge it, and the two transfer findings of the one
    line stand at their own spans' columns (on main: only the export's first span was read, or all at column 1)."""
    path, public = _batch(export, tmp_path, **options)
    assert_shape_findings(path, public, export.__name__)
    report, _ = scan_json("--public-key", str(public), str(path))
    places = {(found["location"]["line"], found["location"]["column"]) for found in report["findings"]
              if found["category"] == "unsigned-transfer"}
    assert len(places) == 2, places
