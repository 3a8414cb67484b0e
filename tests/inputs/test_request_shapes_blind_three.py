"""A third blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` written as
the structured events of tools the other corpora never showed — browser protocols and test
drivers, network sensors, log collectors' own wire formats, tracers' spans, proxies' session files
and API clients' collections — none of which shaped the reconstructor.

Each shape quotes the public documentation it follows. A shape whose format cannot carry headers
(a tracer that records the method and URL only) still gives the requests: they are read and
judged, and none is called unsigned, since the log cannot show a header missing. A shape the
reader cannot take yet is an expected failure, strict, with the reason.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

from helpers.signed_shapes import Request, case

WHEN = "2026-11-22T13:00:00.000Z"
EPOCH = 1795352400


def _line(record: object) -> list[str]:
    return [json.dumps(record)]


def _cdp_request(request: Request) -> dict[str, object]:
    """A Network.Request object of the Chrome DevTools Protocol."""
    return {"url": request.url, "method": request.method, "headers": dict(request.headers),
            "postData": request.body, "hasPostData": True, "initialPriority": "High",
            "referrerPolicy": "strict-origin-when-cross-origin"}


def _cdp_event(request: Request) -> dict[str, object]:
    # chromedevtools.github.io/devtools-protocol/tot/Network/#event-requestWillBeSent: {"method":
    # "Network.requestWillBeSent", "params": {requestId, loaderId, documentURL, request: Request,
    # timestamp, wallTime, initiator, type}}; Request {url, method, headers, postData, hasPostData}.
    return {"method": "Network.requestWillBeSent", "params": {
        "requestId": "1000.42", "loaderId": "L1", "documentURL": "https://payouts.example/", "timestamp": 1042.5,
        "wallTime": EPOCH, "initiator": {"type": "script"}, "type": "Fetch", "request": _cdp_request(request)}}


def cdp_request_will_be_sent(request: Request) -> list[str]:
    # The protocol's events as a client such as chrome-remote-interface or Puppeteer's CDPSession
    # logs them, one JSON message a line.
    return _line(_cdp_event(request))


def chromedriver_performance_log(request: Request) -> list[str]:
    # ChromeDriver's performance log (chromedriver.chromium.org/logging/performance-log: "each entry
    # is a JSON dictionary … {"message": {"method": …, "params": …}, "webview": …}" as the string
    # `message` of a log entry {level, message, timestamp}), as Selenium's get_log("performance")
    # returns it, written one entry a line.
    inner = json.dumps({"message": _cdp_event(request), "webview": "4B2C"})
    return _line({"level": "INFO", "message": inner, "timestamp": EPOCH * 1000})


def playwright_trace_network(request: Request) -> list[str]:
    # Playwright's trace (the `trace.network` file of a trace zip, playwright.dev/docs/trace-viewer):
    # one {"type": "resource-snapshot", "snapshot": <HAR 1.2 entry>} a line; the entry's request
    # {method, url, httpVersion, headers: [{name, value}], queryString, postData: {mimeType, text}}.
    entry = {"startedDateTime": WHEN, "time": 32.5, "request": {
        "method": request.method, "url": request.url, "httpVersion": "HTTP/1.1", "cookies": [],
        "headers": [{"name": name, "value": value} for name, value in request.headers], "queryString": [],
        "postData": {"mimeType": "application/json", "text": request.body}, "headersSize": -1,
        "bodySize": len(request.body)}, "response": {"status": 200, "headers": []}, "cache": {}, "timings": {}}
    return _line({"type": "resource-snapshot", "snapshot": entry})


def suricata_eve_http(request: Request) -> list[str]:
    # Suricata's EVE JSON http event (docs.suricata.io/en/latest/output/eve/eve-json-format.html,
    # "Event type: HTTP"): http {hostname, url (the request target), http_method, protocol,
    # http_user_agent, request_headers: [{name, value}] with `dump-all-headers`}, and with
    # `http-body` the body as `http_request_body`, base64.
    return _line({"timestamp": "2026-11-22T13:00:00.000000+0000", "flow_id": 1234567, "event_type": "http",
                  "src_ip": "10.0.0.7", "src_port": 50412, "dest_ip": "203.0.113.9", "dest_port": 443, "proto": "TCP",
                  "http": {"hostname": request.host, "url": request.path, "http_user_agent": "payouts/3.1",
                           "http_method": request.method, "protocol": "HTTP/1.1", "status": 200, "length": 12,
                           "request_headers": [{"name": name, "value": value} for name, value in request.headers],
                           "http_request_body": base64.b64encode(request.body.encode()).decode()}})


def gelf(request: Request) -> list[str]:
    # Graylog's GELF 1.1 (go2docs.graylog.org/current/getting_in_log_data/gelf.html, "GELF payload
    # specification"): version, host, short_message, timestamp, level, and the sender's own fields
    # prefixed with an underscore — values strings or numbers only, so each header is a field of its own.
    record: dict[str, object] = {"version": "1.1", "host": "payouts-1", "short_message": "outbound call",
                                 "timestamp": EPOCH + 0.5, "level": 6, "_http_method": request.method,
                                 "_http_url": request.url, "_http_request_body": request.body}
    record |= {f"_http_request_header_{name.lower().replace('-', '_')}": value for name, value in request.headers}
    return _line(record)


def splunk_export(request: Request) -> list[str]:
    # Splunk's search export (docs.splunk.com/Documentation/Splunk/latest/RESTREF/RESTsearch,
    # search/jobs/export with output_mode=json): one {"preview": false, "result": {…}} a line, the
    # event's text in `_raw` — here the application's own JSON line.
    raw = json.dumps({"msg": "outbound call", "http": {"method": request.method, "url": request.url,
                                                       "headers": dict(request.headers), "body": request.body}})
    return _line({"preview": False, "offset": 0, "result": {"_time": WHEN, "host": "payouts-1",
                                                              "sourcetype": "_json", "_raw": raw}})


def loki_push(request: Request) -> list[str]:
    # Grafana Loki's push API body (grafana.com/docs/loki/latest/reference/loki-http-api/#ingest-logs):
    # {"streams": [{"stream": {labels}, "values": [["<unix epoch in nanoseconds>", "<log line>"]]}]},
    # as a proxy in front of Loki logs what it forwards; the log line the application's JSON line.
    line = json.dumps({"method": request.method, "url": request.url, "headers": dict(request.headers),
                       "body": request.body})
    return _line({"streams": [{"stream": {"app": "payouts", "env": "prod"},
                               "values": [[f"{EPOCH}000000000", line]]}]})


def jaeger_otel_tags(request: Request) -> list[str]:
    # Jaeger's query API JSON (jaegertracing.io/docs/latest/apis/#http-json-internal, the UI's
    # `/api/traces/<id>`): data[].spans[] {operationName, tags: [{key, type, value}]}; the tags an
    # OpenTelemetry SDK's attributes (http.request.method, url.full, http.request.header.<name>
    # captured by OTEL_INSTRUMENTATION_HTTP_CAPTURE_HEADERS_CLIENT_REQUEST) and the app's body attribute.
    tags = [{"key": "http.request.method", "type": "string", "value": request.method},
            {"key": "url.full", "type": "string", "value": request.url},
            {"key": "http.request.body", "type": "string", "value": request.body},
            {"key": "span.kind", "type": "string", "value": "client"}]
    tags += [{"key": f"http.request.header.{name.lower()}", "type": "string", "value": value}
             for name, value in request.headers]
    span = {"traceID": "0af7651916cd43dd8448eb211c80319c", "spanID": "b7ad6b7169203331", "operationName": "POST",
            "references": [], "startTime": EPOCH * 1_000_000, "duration": 32500, "tags": tags, "logs": [],
            "processID": "p1", "warnings": None}
    return _line({"data": [{"traceID": span["traceID"], "spans": [span],
                            "processes": {"p1": {"serviceName": "payouts", "tags": []}}}]})


def datadog_header_tags(request: Request) -> list[str]:
    # A Datadog APM span as the trace agent's API takes it (docs.datadoghq.com/tracing/guide/
    # send_traces_to_agent_by_api/: a list of traces, each a list of spans {trace_id, span_id, name,
    # resource, service, type, meta}), request headers tagged by DD_TRACE_HEADER_TAGS
    # (docs.datadoghq.com/tracing/trace_collection/library_config/: "http.request.headers.<header>").
    # Bodies are not traced: the signatures cannot be checked.
    meta = {"http.method": request.method, "http.url": request.url, "span.kind": "client"}
    meta |= {f"http.request.headers.{name.lower()}": value for name, value in request.headers}
    return _line([[{"trace_id": 1234, "span_id": 5678, "name": "http.request", "resource": f"POST {request.path}",
                    "service": "payouts", "type": "http", "start": EPOCH * 10**9, "duration": 32500000,
                    "meta": meta, "metrics": {"_sampling_priority_v1": 1}}]])


def charles_session(request: Request) -> list[str]:
    # A Charles Proxy JSON session (.chlsj; charlesproxy.com/documentation/using-charles/sessions/,
    # "JSON Session File"): a list of transactions {status, method, protocolVersion, scheme, host,
    # actualPort, path, query, request: {header: {firstLine, headers: [{name, value}]}, body:
    # {text, charset}, mimeType}, response}.
    return _line([{"status": "COMPLETE", "method": request.method, "protocolVersion": "HTTP/1.1",
                   "scheme": "https", "host": request.host, "actualPort": 443, "path": request.path, "query": None,
                   "tunnel": False, "keptAlive": True, "request": {
                       "sizes": {"headers": 180, "body": len(request.body)}, "mimeType": "application/json",
                       "charset": "UTF-8", "contentEncoding": None,
                       "header": {"firstLine": f"{request.method} {request.path} HTTP/1.1",
                                  "headers": [{"name": name, "value": value} for name, value in request.headers]},
                       "body": {"text": request.body, "charset": "UTF-8"}},
                   "response": {"status": 200, "header": {"firstLine": "HTTP/1.1 200 OK", "headers": []}}}])


def hoppscotch_collection(request: Request) -> list[str]:
    # A Hoppscotch collection export (docs.hoppscotch.io/documentation/features/collections, the
    # `HoppCollection` / `HoppRESTRequest` of hoppscotch-data): {name, folders, requests: [{method,
    # endpoint, headers: [{key, value, active}], params, body: {contentType, body}, auth}]}.
    return _line({"v": 2, "name": "payouts", "folders": [], "requests": [
        {"v": "1", "name": "transfer", "method": request.method, "endpoint": request.url,
         "headers": [{"key": name, "value": value, "active": True} for name, value in request.headers],
         "params": [], "body": {"contentType": "application/json", "body": request.body},
         "auth": {"authType": "none", "authActive": True}, "preRequestScript": "", "testScript": ""}]})


def nginx_log_format_json(request: Request) -> list[str]:
    # nginx's log_format with escape=json (nginx.org/en/docs/http/ngx_http_log_module.html#log_format)
    # over core variables (nginx.org/en/docs/varindex.html): $request_method, $scheme, $host,
    # $request_uri, $request_body, $request_time (seconds spent: a duration, no header), and
    # $http_<name> for each header kept ("-" where absent is written "" with escape=json).
    present = {name.lower(): value for name, value in request.headers}
    record = {"time_iso8601": "2026-11-22T13:00:00+00:00", "remote_addr": "10.0.0.7",
              "request_method": request.method, "scheme": "https", "host": request.host, "request_uri": request.path,
              "status": "200", "request_time": "0.032", "request_body": request.body}
    record |= {f"http_{name.replace('-', '_')}": present.get(name, "") for name in
               ("user_agent", "content_type", "signature", "request-time", "access_token")}
    return _line(record)


def envoy_operator_keys(request: Request) -> list[str]:
    # Envoy's json_format access log (envoyproxy.io/docs/envoy/latest/configuration/observability/
    # access_log/usage#format-dictionaries) with keys the operator picked: `%REQ(:METHOD)%` as
    # "method", `%REQ(:PATH)%` as "path", `%REQ(:AUTHORITY)%` as "authority", and each header kept
    # under a name of their own (`%REQ(SIGNATURE)%` as "req_signature", `%REQ(REQUEST-TIME)%` as
    # "x_request_time" is not: that is another header); "-" where the header is absent.
    present = {name.lower(): value for name, value in request.headers}
    record: dict[str, object] = {"start_time": WHEN, "method": request.method, "path": request.path,
                                 "authority": request.host, "duration": 32, "response_code": 200,
                                 "upstream_host": "203.0.113.9:443"}
    record |= {f"req_{name.replace('-', '_')}": present.get(name, "-") for name in
               ("content-type", "user-agent", "signature", "request-time", "access_token")}
    return _line(record)


def app_requests_named(request: Request) -> list[str]:
    # Azure Monitor's AppRequests table (learn.microsoft.com/azure/azure-monitor/reference/tables/
    # apprequests), exported: Name "POST /path" (the method nowhere else), Url the whole URL, and
    # the application's custom dimensions in Properties.
    return _line({"TimeGenerated": WHEN, "Name": f"{request.method} {request.path}", "Url": request.url,
                  "Success": True, "ResultCode": "201", "DurationMs": 32.5, "OperationName": "payouts",
                  "Properties": {"request_headers": dict(request.headers), "request_body": request.body}})


def cloudflare_logpush(request: Request) -> list[str]:
    # Cloudflare Logpush's http_requests dataset (developers.cloudflare.com/logs/reference/log-fields/
    # zone/http_requests/): ClientRequestMethod, ClientRequestScheme, ClientRequestHost, ClientRequestURI,
    # ClientRequestUserAgent, and RequestHeaders — the headers chosen as custom fields, names lower-cased.
    return _line({"EdgeStartTimestamp": WHEN, "ClientIP": "203.0.113.7", "ClientRequestMethod": request.method,
                  "ClientRequestScheme": "https", "ClientRequestHost": request.host, "ClientRequestURI": request.path,
                  "ClientRequestProtocol": "HTTP/1.1", "ClientRequestUserAgent": "payouts/3.1",
                  "EdgeResponseStatus": 201, "RayID": "7c5d1e2f3a4b5c6d",
                  "RequestHeaders": {name.lower(): value for name, value in request.headers}})


def _zipkin(request: Request) -> dict[str, object]:
    # Zipkin's v2 span (zipkin.io/zipkin-api/#/default/post_spans, the Span model): {traceId, id,
    # kind, name, timestamp, duration, localEndpoint, remoteEndpoint, tags}; Brave's HTTP client
    # tags are "http.method" and "http.path" (and "http.url" where configured): no headers, no body.
    return {"traceId": "5af7183fb1d4cf5f", "id": "352bff9a74ca9ad2", "kind": "CLIENT",
            "name": request.method.lower(), "timestamp": EPOCH * 1_000_000, "duration": 32500,
            "localEndpoint": {"serviceName": "payouts"}, "remoteEndpoint": {"serviceName": request.host, "port": 443},
            "tags": {"http.method": request.method, "http.path": request.path, "http.url": request.url}}


def zipkin_v2(request: Request) -> list[str]:
    return _line([_zipkin(request)])


def xray_segment(request: Request) -> list[str]:
    # An AWS X-Ray segment document (docs.aws.amazon.com/xray/latest/devguide/xray-api-segmentdocuments.html):
    # subsegments[] for downstream calls {name, namespace: "remote", http: {request: {method, url},
    # response: {status}}}. X-Ray records no request headers or bodies.
    return _line({"name": "payouts", "id": "70de5b6f19ff9a0a", "trace_id": "1-581cf771-a006649127e371903a2de979",
                  "start_time": EPOCH, "end_time": EPOCH + 0.05, "subsegments": [
                      {"id": "0c544c1b1bbff948", "name": request.host, "namespace": "remote",
                       "start_time": EPOCH, "end_time": EPOCH + 0.04,
                       "http": {"request": {"method": request.method, "url": request.url},
                                "response": {"status": 201, "content_length": 12}}}]})


def tshark_ek(request: Request) -> list[str]:
    # tshark -T ek (wireshark.org/docs/man-pages/tshark.html: "Newline delimited JSON format for bulk
    # import into Elasticsearch"), TLS decrypted with a key log: an index line, then the packet's
    # layers, each field named <layer>_<field with dots as underscores> (http_http_request_method);
    # the header lines as sent in http_http_request_line, the body in http_http_file_data.
    http = {"http_http_request_method": request.method, "http_http_request_uri": request.path,
            "http_http_request_version": "HTTP/1.1", "http_http_host": request.host,
            "http_http_request_line": [f"Host: {request.host}\r\n"] + [f"{name}: {value}\r\n"
                                                                      for name, value in request.headers],
            "http_http_request_full_uri": request.url, "http_http_file_data": request.body}
    return [json.dumps({"index": {"_index": "packets-2026-11-22", "_type": "doc"}}),
            json.dumps({"timestamp": f"{EPOCH}000", "layers": {"frame": {"frame_frame_len": "512"},
                                                                "tls": {"tls_tls_record_content_type": "23"},
                                                                "http": http}})]


def tshark_json(request: Request) -> list[str]:
    # tshark -T json --no-duplicate-keys (the same manual: "JSON file format"; --no-duplicate-keys
    # "merge[s] duplicate keys in an object into a single key with as value a JSON array"), printed
    # over many lines: [{_index, _type, _score, _source: {layers: {…, http: {…}}}}], the fields under
    # their dotted names, the request line's own fields under the request line's text, and
    # http.request (a flag, "1") beside http.request.line (the header lines as sent).
    line = f"{request.method} {request.path} HTTP/1.1\r\n"
    http = {line: {"_ws.expert": {"http.chat": "", "_ws.expert.message": line, "_ws.expert.severity": "2097152"},
                   "http.request.method": request.method, "http.request.uri": request.path,
                   "http.request.version": "HTTP/1.1"},
            "http.host": request.host,
            "http.request.line": [f"Host: {request.host}\r\n"] + [f"{name}: {value}\r\n"
                                                                   for name, value in request.headers],
            "\r\n": "", "http.request.full_uri": request.url, "http.request": "1", "http.file_data": request.body}
    packet = {"_index": "packets-2026-11-22", "_type": "doc", "_score": None, "_source": {"layers": {
        "frame": {"frame.len": "512"}, "tcp": {"tcp.srcport": "51234", "tcp.dstport": "443"},
        "tls": {"tls.record.content_type": "23"}, "http": http}}}
    return json.dumps([packet], indent=2).splitlines()


SHAPES = [case(shape) for shape in (
    cdp_request_will_be_sent, chromedriver_performance_log, playwright_trace_network, suricata_eve_http, gelf,
    splunk_export, loki_push, jaeger_otel_tags, charles_session, hoppscotch_collection, nginx_log_format_json,
    app_requests_named, tshark_ek, tshark_json)]
# tracers and proxies that log headers but never bodies: the signatures cannot be checked
HEADERS_ONLY = [case(shape) for shape in (datadog_header_tags, envoy_operator_keys, cloudflare_logpush)]
NO_HEADERS = [case(shape) for shape in (zipkin_v2, xray_segment)]
