"""A blind corpus: the same three iugu transfers (see :mod:`helpers.request_shapes`) written as
structured records the way other products document them, none of which shaped the reconstructor.

Each shape quotes the public documentation it follows. The records are written whole where the
format is a one-line JSON log, and as the multi-line files the format is (YAML cassettes, XML
exports) where it is not. A shape the reader cannot take yet is an expected failure, strict, with
the reason.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from helpers.request_shapes import (BODY, HOST, PATH, URL, Headers, Shape, assert_same_request_findings, otlp_value,
                                    write_requests)

WHEN = "2026-11-22T13:00:00Z"


def _lines(record: object) -> list[str]:
    return [json.dumps(record)]


def otel_semconv(headers: Headers) -> list[str]:
    # OpenTelemetry semantic conventions, HTTP client spans/logs: `http.request.method`, `url.full`;
    # "http.request.header.<key>, <key> being the normalized HTTP Header name (lowercase), the value
    # being the header values" — "an array of strings" (opentelemetry.io/docs/specs/semconv/http/http-spans/).
    # The request body has no convention: an attribute of the application's own, beside the others.
    attributes: dict[str, object] = {"http.request.method": "POST", "url.full": URL, "http.request.body": BODY}
    attributes |= {f"http.request.header.{name.lower()}": [value] for name, value in headers}
    return _lines({"timestamp": WHEN, "severity_text": "INFO", "body": "outbound call", "attributes": attributes})


def otel_server_parts(headers: Headers) -> list[str]:
    # The same conventions for a server span: no `url.full`, but `url.scheme`, `server.address`,
    # `url.path` ("server.address … Server domain name if available", semconv http-spans, HTTP server).
    attributes: dict[str, object] = {"http.request.method": "POST", "url.scheme": "https", "server.address": HOST,
                                     "server.port": 443, "url.path": PATH, "client.address": "10.0.0.7"}
    attributes |= {f"http.request.header.{name.lower()}": [value] for name, value in headers}
    return _lines({"name": "POST", "kind": "SPAN_KIND_SERVER", "attributes": attributes})


def otlp_json(headers: Headers) -> list[str]:
    # OTLP/JSON (opentelemetry-proto examples/logs.json): resourceLogs[].scopeLogs[].logRecords[],
    # attributes as [{"key": …, "value": {"stringValue": …}}], arrays as {"arrayValue": {"values": […]}}.
    attributes = [{"key": "http.request.method", "value": otlp_value("POST")},
                  {"key": "url.full", "value": otlp_value(URL)},
                  {"key": "http.request.body", "value": otlp_value(BODY)}]
    attributes += [{"key": f"http.request.header.{name.lower()}", "value": otlp_value([value])}
                   for name, value in headers]
    record = {"timeUnixNano": "1795352400000000000", "severityText": "INFO",
              "body": {"stringValue": "outbound call"}, "attributes": attributes}
    return _lines({"resourceLogs": [{"resource": {"attributes": [{"key": "service.name",
                                                                   "value": {"stringValue": "payouts"}}]},
                                     "scopeLogs": [{"scope": {"name": "payouts.http"}, "logRecords": [record]}]}]})


def caddy(headers: Headers) -> list[str]:
    # Caddy's JSON access log (caddyserver.com/docs/logging; the log-format goaccess documents for it):
    # {"request": {"remote_ip", "proto", "method", "host", "uri", "headers": {"User-Agent": ["…"]}}, …}.
    return _lines({"level": "info", "ts": 1795352400.1, "logger": "http.log.access", "msg": "handled request",
                   "request": {"remote_ip": "10.0.0.7", "proto": "HTTP/1.1", "method": "POST", "host": HOST,
                               "uri": PATH, "headers": {name: [value] for name, value in headers}},
                   "status": 200, "resp_headers": {"Content-Type": ["application/json"]}})


def traefik(headers: Headers) -> list[str]:
    # Traefik's JSON access log (doc.traefik.io/traefik/observability/access-logs/): fields such as
    # RequestMethod, RequestHost, RequestPath, RequestScheme; kept request headers as `request_<Name>`.
    record: dict[str, object] = {"ClientHost": "10.0.0.7", "RequestMethod": "POST", "RequestHost": HOST,
                                 "RequestPath": PATH, "RequestScheme": "https", "RequestProtocol": "HTTP/1.1",
                                 "DownstreamStatus": 200, "time": WHEN}
    record |= {f"request_{name}": value for name, value in headers}
    return _lines(record)


def kong(headers: Headers) -> list[str]:
    # Kong's http-log / file-log plugins (developer.konghq.com/plugins/http-log/, "JSON object
    # format"): {"request": {"method", "url", "uri", "headers": {…}, "querystring": {}, "size"}, …};
    # the body as a body-logging variant of the plugin adds it (`request.body`).
    return _lines({"request": {"method": "POST", "uri": PATH, "url": URL, "querystring": {}, "size": 212,
                               "headers": {name.lower(): value for name, value in headers}, "body": BODY},
                   "response": {"status": 200}, "started_at": 1795352400000, "client_ip": "10.0.0.7"})


def envoy(headers: Headers) -> list[str]:
    # Envoy's access log with a json_format of command operators (envoyproxy.io docs, "Access
    # logging": `%REQ(:METHOD)%`, `%REQ(X-ENVOY-ORIGINAL-PATH?:PATH)%`, `%REQ(:AUTHORITY)%`, and a
    # `%REQ(<HEADER>)%` per header kept, "-" for one absent), as Istio's mesh JSON log writes them.
    present = {name.lower(): value for name, value in headers}
    record: dict[str, object] = {"start_time": WHEN, "method": "POST", "path": PATH, "authority": HOST,
                                 "protocol": "HTTP/1.1", "response_code": 200}
    record |= {name: present.get(name, "-") for name in ("content-type", "user-agent", "signature", "request-time")}
    return _lines(record)


def api_gateway_proxy(headers: Headers) -> list[str]:
    # AWS API Gateway's Lambda proxy integration input (docs.aws.amazon.com/apigateway/latest/
    # developerguide/set-up-lambda-proxy-integrations.html): httpMethod, path, headers and
    # multiValueHeaders, requestContext.domainName, body, isBase64Encoded.
    return _lines({"resource": "/{proxy+}", "path": PATH, "httpMethod": "POST",
                   "headers": dict(headers), "multiValueHeaders": {n: [v] for n, v in headers},
                   "requestContext": {"domainName": HOST, "httpMethod": "POST", "path": PATH, "stage": "prod"},
                   "body": base64.b64encode(BODY.encode()).decode(), "isBase64Encoded": True})


def cloudwatch_subscription(headers: Headers) -> list[str]:
    # A CloudWatch Logs subscription delivery, decompressed (docs.aws.amazon.com/AmazonCloudWatch/latest/
    # logs/SubscriptionFilters.html): {"messageType": "DATA_MESSAGE", …, "logEvents": [{"id",
    # "timestamp", "message"}]}, the message the application's JSON line.
    message = json.dumps({"method": "POST", "url": URL, "headers": dict(headers), "body": BODY})
    return _lines({"messageType": "DATA_MESSAGE", "owner": "123456789012", "logGroup": "/ecs/payouts",
                   "logStream": "payouts/1", "subscriptionFilters": ["all"],
                   "logEvents": [{"id": "3" * 56, "timestamp": 1795352400000, "message": message}]})


def gcp_http_request(headers: Headers) -> list[str]:
    # A Cloud Logging LogEntry (cloud.google.com/logging/docs/reference/v2/rest/v2/LogEntry#HttpRequest):
    # httpRequest {requestMethod, requestUrl, userAgent, …}; the application's own fields in jsonPayload.
    return _lines({"insertId": "1x2y", "httpRequest": {"requestMethod": "POST", "requestUrl": URL,
                                                       "userAgent": "payouts/3.1", "protocol": "HTTP/1.1"},
                   "jsonPayload": {"message": "outbound call", "request_headers": dict(headers),
                                   "request_body": BODY},
                   "severity": "INFO", "timestamp": WHEN, "resource": {"type": "cloud_run_revision"}})


def sentry(headers: Headers) -> list[str]:
    # Sentry's Request interface (develop.sentry.dev/sdk/data-model/event-payloads/request/): method,
    # url, headers "as list of tuples", data "a dictionary … or a raw request body".
    return _lines({"event_id": "a" * 32, "platform": "python", "level": "error",
                   "request": {"method": "POST", "url": URL, "query_string": "",
                               "headers": [[n, v] for n, v in headers], "data": json.loads(BODY)}})


def rollbar(headers: Headers) -> list[str]:
    # Rollbar's item payload (docs.rollbar.com/reference/create-item): data.request {url, method,
    # headers, params, GET, query_string, POST, body, user_ip}.
    return _lines({"access_token": None, "data": {"environment": "production", "level": "error",
                                                  "request": {"url": URL, "method": "POST", "headers": dict(headers),
                                                              "GET": {}, "query_string": "", "body": BODY,
                                                              "user_ip": "10.0.0.7"}}})


def bugsnag(headers: Headers) -> list[str]:
    # Bugsnag's Error Reporting API (bugsnagerrorreportingapi.docs.apiary.io): events[].request
    # {clientIp, headers, httpMethod, url, referer}; the body under the event's metaData.
    return _lines({"apiKey": "0" * 32, "notifier": {"name": "Bugsnag Ruby"},
                   "events": [{"exceptions": [{"errorClass": "Timeout"}],
                               "request": {"clientIp": "10.0.0.7", "headers": dict(headers), "httpMethod": "POST",
                                           "url": URL},
                               "metaData": {"request": {"body": BODY}}}]})


def datadog(headers: Headers) -> list[str]:
    # Datadog's standard attributes (docs.datadoghq.com/standard-attributes/, "HTTP"): http.method,
    # http.url, http.url_details.{host, path, scheme}, http.useragent; headers as the app logs them.
    return _lines({"date": WHEN, "status": "info", "service": "payouts", "message": "outbound call",
                   "http.method": "POST", "http.url": URL, "http.url_details.host": HOST,
                   "http.url_details.path": PATH, "http.request.headers": dict(headers), "http.request.body": BODY})


def vector_wrapped(headers: Headers) -> list[str]:
    # Vector / Fluent Bit / Logstash shipping a container's line (vector.dev/docs/reference/configuration/
    # sources/kubernetes_logs/ output: {"message", "kubernetes": {…}, "stream", "timestamp"}, Logstash's
    # `@metadata`): the application's JSON line is the `message` string.
    inner = json.dumps({"msg": "request", "req": {"method": "POST", "url": URL, "headers": dict(headers),
                                                  "body": BODY}})
    return _lines({"message": inner, "stream": "stdout", "timestamp": WHEN, "@metadata": {"beat": "filebeat"},
                   "kubernetes": {"pod_name": "payouts-7d9", "container_name": "app"}})


def journald(headers: Headers) -> list[str]:
    # `journalctl -o json` (freedesktop.org/software/systemd/man/journalctl.html, systemd.journal-fields):
    # one object a line, the program's output in MESSAGE, __REALTIME_TIMESTAMP in microseconds.
    inner = json.dumps({"method": "POST", "url": URL, "headers": dict(headers), "body": BODY})
    return _lines({"__REALTIME_TIMESTAMP": "1795352400000000", "_SYSTEMD_UNIT": "payouts.service",
                   "PRIORITY": "6", "MESSAGE": inner})


def postman(headers: Headers) -> list[str]:
    # Postman Collection Format v2.1 (schema.postman.com/collection/json/v2.1.0/): item[].request
    # {method, header: [{key, value}], body: {mode: "raw", raw}, url: {raw, protocol, host: [...], path: [...]}}.
    request = {"method": "POST", "header": [{"key": n, "value": v, "type": "text"} for n, v in headers],
               "body": {"mode": "raw", "raw": BODY, "options": {"raw": {"language": "json"}}},
               "url": {"raw": URL, "protocol": "https", "host": HOST.split("."), "path": PATH.strip("/").split("/")}}
    return _lines({"info": {"name": "payouts", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/"},
                   "item": [{"name": "transfer", "request": request}]})


def postman_url_parts(headers: Headers) -> list[str]:
    # The same format with the URL given by its parts only (host and path arrays, no `raw`), as the
    # schema allows (url.host: string or array of strings; url.path: string or array).
    request = {"method": "POST", "header": [{"key": n, "value": v} for n, v in headers],
               "body": {"mode": "raw", "raw": BODY},
               "url": {"protocol": "https", "host": HOST.split("."), "path": PATH.strip("/").split("/")}}
    return _lines({"item": [{"name": "transfer", "request": request}]})


def insomnia(headers: Headers) -> list[str]:
    # Insomnia's export format 4 (docs.insomnia.rest, "Import and export data"): resources[] with
    # _type "request", method, url, body {mimeType, text}, headers [{name, value}].
    return _lines({"_type": "export", "__export_format": 4, "resources": [
        {"_id": "req_1", "_type": "request", "name": "transfer", "method": "POST", "url": URL,
         "body": {"mimeType": "application/json", "text": BODY},
         "headers": [{"name": n, "value": v} for n, v in headers]}]})


def mitmproxy(headers: Headers) -> list[str]:
    # mitmproxy's flow state as its web UI / `flow.get_state()` serialises it (docs.mitmproxy.org/stable/
    # api/mitmproxy/http.html): request {method, scheme, host, port, path, http_version, headers
    # [[name, value]], content}.
    return _lines({"type": "http", "request": {"method": "POST", "scheme": "https", "host": HOST, "port": 443,
                                               "path": PATH, "http_version": "HTTP/1.1",
                                               "headers": [[n, v] for n, v in headers], "content": BODY}})


def axios_error(headers: Headers) -> list[str]:
    # An AxiosError logged through its toJSON() (axios-http.com/docs/handling_errors: "config - An
    # axios config object"): {message, name, stack, config: {method: "post", url, headers, data}, code, status}.
    return _lines({"level": 50, "msg": "payout failed", "err": {
        "message": "Request failed with status code 502", "name": "AxiosError", "code": "ERR_BAD_RESPONSE",
        "status": 502, "config": {"method": "post", "url": URL, "headers": dict(headers), "data": BODY,
                                  "timeout": 10000}}})


def structlog_prepared(headers: Headers) -> list[str]:
    # structlog's JSONRenderer (structlog.org/en/stable/api.html#structlog.processors.JSONRenderer) over
    # a requests.PreparedRequest's fields bound with dotted names (request.method, request.url, …).
    return _lines({"event": "sending request", "level": "debug", "timestamp": WHEN, "request.method": "POST",
                   "request.url": URL, "request.headers": dict(headers), "request.body": BODY})


def wiremock_journal(headers: Headers) -> list[str]:
    # WireMock's request journal (wiremock.org/docs/verifying/, GET /__admin/requests): requests[].request
    # {url (the path), absoluteUrl, method, headers, body, bodyAsBase64, loggedDate}.
    return _lines({"requests": [{"id": "5d1e", "request": {
        "url": PATH, "absoluteUrl": URL, "method": "POST", "clientIp": "10.0.0.7",
        "headers": dict(headers) | {"Host": HOST}, "body": BODY,
        "bodyAsBase64": base64.b64encode(BODY.encode()).decode(), "loggedDate": 1795352400000}}]})


def app_insights_dependency(headers: Headers) -> list[str]:
    # Azure Monitor's AppDependencies table as a diagnostic-settings export writes it (learn.microsoft.com/
    # azure/azure-monitor/reference/tables/appdependencies): Type "HTTP", Name "POST /path", Data the
    # URL, Target the host; what the application adds in Properties.
    return _lines({"time": WHEN, "Type": "HTTP", "Name": f"POST {PATH}", "Data": URL, "Target": HOST,
                   "ResultCode": "201", "Properties": {name: value for name, value in headers} | {"body": BODY}})


def _yaml_scalar(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def vcrpy(headers: Headers) -> list[str]:
    # A VCR.py cassette (vcrpy.readthedocs.io, "Cassette format"): YAML, interactions[].request
    # {body, headers: {Name: [value]}, method, uri}, response after it.
    lines = ["interactions:", "- request:", f"    body: {_yaml_scalar(BODY)}", "    headers:"]
    for name, value in headers:
        lines += [f"      {name}:", f"      - {_yaml_scalar(value)}"]
    return lines + ["    method: POST", f"    uri: {URL}", "  response:", "    body:",
                    "      string: '{\"id\":\"t1\"}'", "    headers: {}", "    status:", "      code: 200",
                    "      message: OK", "version: 1"]


def ruby_vcr(headers: Headers) -> list[str]:
    # A Ruby VCR cassette (the vcr gem's features/cassettes/format.feature): http_interactions[].request
    # {method: post, uri, body: {encoding, string}, headers: {Name: [value]}}, recorded_at.
    lines = ["---", "http_interactions:", "- request:", "    method: post", f"    uri: {URL}", "    body:",
             "      encoding: UTF-8", f"      string: {_yaml_scalar(BODY)}", "    headers:"]
    for name, value in headers:
        lines += [f"      {name}:", f"      - {_yaml_scalar(value)}"]
    return lines + ["  response:", "    status:", "      code: 200", "      message: OK", "    headers: {}",
                    "    body:", "      encoding: UTF-8", "      string: '{}'",
                    "  recorded_at: Sun, 22 Nov 2026 13:00:00 GMT", "recorded_with: VCR 6.2.0"]


def go_vcr(headers: Headers) -> list[str]:
    # go-vcr's cassette (github.com/dnaeon/go-vcr, cassette.go, format version 2): interactions[].request
    # {body, form: {}, headers: {Name: [value]}, url, method}.
    lines = ["---", "version: 2", "interactions:", "- id: 0", "  request:", f"    body: {_yaml_scalar(BODY)}",
             "    form: {}", "    headers:"]
    for name, value in headers:
        lines += [f"      {name}:", f"      - {_yaml_scalar(value)}"]
    return lines + [f"    url: {URL}", "    method: POST", "  response:", "    code: 200", "    duration: 12ms"]


def burp_xml(headers: Headers) -> list[str]:
    # Burp Suite's "Save items" XML (portswigger.net/burp/documentation/desktop/tools/proxy/http-history):
    # <items><item><url>, <host>, <method>, <path>, <request base64="true">raw HTTP request</request>.
    raw = "\r\n".join([f"POST {PATH} HTTP/1.1", f"Host: {HOST}"] + [f"{n}: {v}" for n, v in headers]
                      + ["", BODY])
    return ["<?xml version=\"1.0\"?>", "<items burpVersion=\"2024.1\">", "  <item>",
            f"    <url><![CDATA[{URL}]]></url>", f"    <host ip=\"1.2.3.4\">{HOST}</host>", "    <port>443</port>",
            "    <protocol>https</protocol>", "    <method><![CDATA[POST]]></method>",
            f"    <path><![CDATA[{PATH}]]></path>",
            f"    <request base64=\"true\"><![CDATA[{base64.b64encode(raw.encode()).decode()}]]></request>",
            "    <status>200</status>", "  </item>", "</items>"]


def pretty_printed(headers: Headers) -> list[str]:
    # A request record pretty-printed over several lines, as JSON exports and `jq .` write them
    # (Postman's and Insomnia's exports are indented JSON files).
    return json.dumps({"method": "POST", "url": URL, "headers": dict(headers), "body": BODY}, indent=2).splitlines()


SHAPES = [pytest.param(shape, "requests.log", id=shape.__name__) for shape in (
    otel_semconv, otel_server_parts, otlp_json, caddy, traefik, kong, api_gateway_proxy,
    cloudwatch_subscription, gcp_http_request, sentry, rollbar, bugsnag, datadog, vector_wrapped, journald,
    postman, postman_url_parts, insomnia, mitmproxy, axios_error, structlog_prepared, wiremock_journal,
    pretty_printed, envoy, app_insights_dependency)] + [
    pytest.param(vcrpy, "cassette.yaml", id="vcrpy"), pytest.param(ruby_vcr, "cassette.yml", id="ruby_vcr"),
    pytest.param(go_vcr, "fixture.yaml", id="go_vcr"),
    pytest.param(burp_xml, "history.xml", id="burp_xml")]


@pytest.mark.parametrize(("shape", "name"), SHAPES)
def test_every_documented_shape_gives_the_same_request_findings(shape: Shape, name: str, tmp_path: Path) -> None:
    assert_same_request_findings(write_requests(shape, tmp_path, name), shape.__name__)
