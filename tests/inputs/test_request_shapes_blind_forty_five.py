"""A forty-fifth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu transfers unsigned,
signed with the client's real key and with another key, an Asaas transfer) as the GATEWAYS, PROXIES AND MESHES they
pass through on their way out log them — Envoy's tap filter written as YAML and streamed by its admin endpoint, an
Envoy Lua filter's `script log:` lines and the same filter's dynamic metadata in Istio's JSON access log, Envoy's gRPC
access log service, Caddy's access log with `log_append`'s body, HAProxy's JSON log-format, an nginx log_format over
an njs variable holding the headers as JSON, an Apigee MessageLogging policy's Cloud Logging entries, Cloudflare's
Workers Trace Events Logpush, Squid's ICAP REQMOD as the ICAP service records it, and Linkerd's proxy access log.

Seven of the twelve passed as first written, before the readers were read (the gRPC access log's entries, headers
only; Caddy's appended body; HAProxy's JSON; nginx's headers as a JSON text in a JSON string; Apigee's entries; Istio's
dynamic metadata; Linkerd's log, no header). Five did not: both Envoy tap traces and the ICAP messages (no request
found in the traces; both signatures failing in ICAP), the Lua filter's lines and the Workers trace events (headers
unknown). Three pass now, by two rules:

- a record whose list of header fields names the method as HTTP/2's pseudo-header (Envoy's tap, `[{"key": ":method",
  "value": "POST"}, …]`) is the one request that list names, read from an anchor inside the list as from one beside
  it — a list of header fields lies between them, not one of requests (:mod:`keyaudit.inputs.captures.json_blocks`);
  and the YAML reader reads the mapping that holds such a list (`- key: :method`) as it reads one with a `method:` key
  (:mod:`keyaudit.inputs.captures.yaml_records`; `key: :method` a request marker in rules/requests.yaml);
- a dump's body framed in one chunk — the declared length in hex on the line after the head's blank line, as ICAP's
  REQMOD encapsulates the request (RFC 3507, 4.8) — is the chunk's bytes, the size line framing
  (:func:`keyaudit.inputs.captures.dump_lines.chunk_size_line`).

Two are strict expected failures, each marked with what it misses.

A comment above each shape names the source its format was taken from. What is checked is what every
blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``, never a body
for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import json
import uuid

import yaml

from helpers.signed_shapes import Request, case

STAMP = "2026-11-22T13:00:30.104Z"
EPOCH_MS = 1795352430104
AGENT = "payouts/3.1"


def _run(request: Request) -> str:
    """One id per request, the same each time the request is written (a request or stream id)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, repr(request)))


def _line(record: object) -> list[str]:
    return [json.dumps(record, ensure_ascii=False, separators=(",", ":"))]


def _pseudo(request: Request) -> list[tuple[str, str]]:
    """The request's headers as Envoy holds them once its codec decoded them: the pseudo-headers first, names in
    lower case (HTTP/2's rule, which Envoy applies to HTTP/1 too)."""
    return [(":authority", request.host), (":path", request.path), (":method", request.method),
            (":scheme", "https")] + [(name.lower(), value) for name, value in request.headers] + [
        ("content-length", request.content_length), ("x-request-id", _run(request))]


def _buffered_trace(request: Request) -> dict[str, object]:
    """An envoy.data.tap.v3.TraceWrapper of an HttpBufferedTrace in JSON_BODY_AS_STRING (envoyproxy.io/docs/envoy/
    latest/api-v3/data/tap/v3/http.proto; common.proto Body: `as_bytes` or `as_string`, "the body … as a string …
    when the format is JSON_BODY_AS_STRING")."""
    return {"http_buffered_trace": {
        "request": {"headers": [{"key": name, "value": value} for name, value in _pseudo(request)],
                    "body": {"as_string": request.body, "truncated": False}, "trailers": []},
        "response": {"headers": [{"key": ":status", "value": "201"}, {"key": "content-type",
                                                                      "value": "application/json"}],
                     "body": {"as_string": '{"id":"t1"}', "truncated": False}, "trailers": []}}}


# --- Envoy tap: a buffered trace as YAML --------------------------------------------------------------------------

def envoy_tap_yaml(request: Request) -> list[str]:
    # The egress gateway's tap filter with a file_per_tap sink (envoyproxy.io/docs/envoy/latest/configuration/http/
    # http_filters/tap_filter: "format: JSON_BODY_AS_STRING"), each trace file converted to YAML for the incident
    # ticket with `yq -P` (the TraceWrapper's fields in order, block style, a string of several lines as a
    # literal block, one document per trace after `---`).
    def literal(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)

    class Dumper(yaml.SafeDumper):
        """PyYAML's safe dumper, with strings of several lines as literal blocks (as yq writes them)."""

    Dumper.add_representer(str, literal)
    return ["---"] + yaml.dump(_buffered_trace(request), Dumper=Dumper, sort_keys=False, allow_unicode=True,
                               width=10_000).rstrip("\n").split("\n")


# --- Envoy tap: the admin endpoint's stream ---------------------------------------------------------------------------

def envoy_tap_admin_stream(request: Request) -> list[str]:
    # `curl -X POST --data-binary @tap.yaml http://127.0.0.1:9901/tap > taps.json` against a tap filter configured
    # with `admin_config: {config_id: egress_tap}` (envoyproxy.io/docs/envoy/latest/operations/admin#post--tap: "the
    # admin endpoint … streams traces … in JSON_BODY_AS_STRING"; the admin handler writes each trace as pretty
    # printed JSON, two blanks an indent, one after another with no separator).
    return json.dumps(_buffered_trace(request), indent=2, ensure_ascii=False).split("\n")


# --- Envoy Lua filter: script log lines -------------------------------------------------------------------------------

def envoy_lua_script_log(request: Request) -> list[str]:
    # An Envoy egress listener's Lua filter that logs what leaves (envoyproxy.io/docs/envoy/latest/configuration/
    # http/http_filters/lua_filter: `request_handle:headers()` iterated with pairs, `request_handle:body()` and
    # `getBytes(0, length)`, `request_handle:logInfo(message)`), each call one line of Envoy's log at info: the
    # default format `[%Y-%m-%d %T.%e][%t][%l][%n] [%g:%#] %v`, the message after `script log: `; a message of
    # several lines printed as it is.
    head = ("[2026-11-22 13:00:30.104][31][info][lua] [source/extensions/filters/http/lua/lua_filter.cc:941] "
            "script log: ")
    lines = [f"{head}egress {request.method} https://{request.host}{request.path}"]
    lines += [f"{head}{name}: {value}" for name, value in _pseudo(request)]
    body = request.body.split("\n")
    return lines + [f"{head}body: {body[0]}"] + body[1:]


# --- Istio: a Lua filter's dynamic metadata in the JSON access log ---------------------------------------------------

def istio_lua_dynamic_metadata(request: Request) -> list[str]:
    # An Istio egress gateway whose EnvoyFilter adds a Lua filter that keeps the request's headers and body in dynamic
    # metadata (`request_handle:streamInfo():dynamicMetadata():set("envoy.lua", "request_headers", headersMap)`, the
    # body joined from `request_handle:bodyChunks()` as "request_body"; "HTTP Request Body Logging with Istio &
    # Envoy", themartian.hashnode.dev), and a meshConfig accessLogEncoding JSON whose accessLogFormat adds
    # `"request_headers": "%DYNAMIC_METADATA(envoy.lua:request_headers)%"` and `"request_body":
    # "%DYNAMIC_METADATA(envoy.lua:request_body)%"` to Istio's default fields (a table written as a JSON object,
    # its keys the header map's: pseudo-headers and lower-cased names).
    return _line({"start_time": STAMP, "method": request.method, "path": request.path, "protocol": "HTTP/1.1",
                  "response_code": 201, "response_flags": "-", "bytes_received": int(request.content_length),
                  "bytes_sent": 11, "duration": 32, "user_agent": AGENT, "request_id": _run(request),
                  "authority": request.host, "upstream_host": "200.155.0.10:443",
                  "upstream_cluster": f"outbound|443||{request.host}",
                  "request_headers": dict(_pseudo(request)), "request_body": request.body})


# --- Envoy gRPC access log service ------------------------------------------------------------------------------------

def envoy_grpc_als(request: Request) -> list[str]:
    # An access log service the egress Envoy streams to (envoy.access_loggers.http_grpc with
    # additional_request_headers_to_log: content-type, request-time, signature, access_token; envoyproxy.io/docs/
    # envoy/latest/api-v3/data/accesslog/v3/accesslog.proto HTTPAccessLogEntry: common_properties, protocol_version,
    # request {request_method, scheme, authority, path, user_agent, request_id, request_headers_bytes,
    # request_body_bytes, request_headers}), the service printing each entry with protojson (lowerCamelCase names,
    # enums by name, 64-bit integers as strings). No body: ALS never carries one.
    wanted = {"content-type", "request-time", "signature", "access_token"}
    entry = {"commonProperties": {"downstreamRemoteAddress": {"socketAddress": {"address": "10.0.0.7",
                                                                                "portValue": 50412}},
                                  "startTime": STAMP, "timeToLastUpstreamTxByte": "0.012s",
                                  "upstreamCluster": f"outbound|443||{request.host}"},
             "protocolVersion": "HTTP11",
             "request": {"requestMethod": request.method, "scheme": "https", "authority": request.host,
                         "path": request.path, "userAgent": AGENT, "requestId": _run(request),
                         "requestHeadersBytes": "212", "requestBodyBytes": request.content_length,
                         "requestHeaders": {name.lower(): value for name, value in request.headers
                                            if name.lower() in wanted}},
             "response": {"responseCode": 201, "responseHeadersBytes": "118", "responseBodyBytes": "11"}}
    return _line(entry)


# --- Caddy: the access log with log_append's body ---------------------------------------------------------------------

def caddy_log_append_body(request: Request) -> list[str]:
    # A Caddy forward of the payouts' provider calls (`reverse_proxy https://<provider>`) with `log` and
    # `log_append request_body {http.request.body}` (caddyserver.com/docs/caddyfile/directives/log_append: "For
    # debugging purposes … {http.request.body} … the request body will be buffered"), its JSON access log
    # (caddyserver.com/docs/logging: logger http.log.access, request {remote_ip, proto, method, host, uri,
    # headers: {Name: [values]}}, the appended field beside request).
    return _line({"level": "info", "ts": EPOCH_MS / 1000, "logger": "http.log.access.log0", "msg": "handled request",
                  "request": {"remote_ip": "10.0.0.7", "remote_port": "50412", "client_ip": "10.0.0.7",
                              "proto": "HTTP/1.1", "method": request.method, "host": request.host,
                              "uri": request.path, "headers": {name: [value] for name, value in request.headers}},
                  "bytes_read": len(request.body.encode()), "user_id": "", "duration": 0.032, "size": 11,
                  "status": 201, "resp_headers": {"Content-Type": ["application/json"]},
                  "request_body": request.body})


# --- HAProxy: a JSON log-format ---------------------------------------------------------------------------------------

def haproxy_json_log_format(request: Request) -> list[str]:
    # HAProxy 3.0 as the egress proxy, `option http-buffer-request`, the request headers captured with
    # `http-request capture req.hdr(<name>) len 600` and a log-format encoded as JSON with named fields
    # (docs.haproxy.org/3.0/configuration.html, "8.2.6. Custom log format": `%{+json}o` "encode the whole log line
    # as JSON", `%(name)` a field's name; `%HM` the method, `%HU` the URI, `%[capture.req.hdr(N)]`, `%[req.body]`),
    # sent to syslog: `log-format "%{+json}o %(time)t %(client)ci %(backend)b %(method)HM %(url)HU %(status)ST
    # %(content_type)[capture.req.hdr(0)] %(request_time)[capture.req.hdr(1)] %(signature)[capture.req.hdr(2)]
    # %(access_token)[capture.req.hdr(3)] %(body)[req.body]"`, an absent header's capture empty.
    present = {name.lower(): value for name, value in request.headers}
    record: dict[str, object] = {"time": "22/Nov/2026:13:00:30.104", "client": "10.0.0.7", "backend": "providers",
                                 "method": request.method, "url": request.url, "status": 201}
    record |= {name.replace("-", "_"): present.get(name, "") for name in
               ("content-type", "request-time", "signature", "access_token")}
    record["body"] = request.body
    return [f"Nov 22 13:00:30 egress-1 haproxy[812]: {json.dumps(record, ensure_ascii=False)}"]


# --- nginx: an njs variable of the headers as JSON --------------------------------------------------------------------

def nginx_njs_headers_json(request: Request) -> list[str]:
    # An nginx egress proxy logging with an njs function (nginx.org/en/docs/njs/reference.html: r.headersIn, "incoming
    # headers object"; `js_set $headers_json main.headers_json` returning JSON.stringify(r.headersIn)) and
    # `log_format egress escape=json '{"time":"$time_iso8601","method":"$request_method",
    # "url":"$scheme://$host$request_uri","headers":"$headers_json","body":"$request_body"}'`
    # (nginx.org/en/docs/http/ngx_http_log_module.html#log_format: escape=json escapes each variable's value as a
    # JSON string's characters): the headers a JSON text inside a JSON string.
    headers = json.dumps({"Host": request.host, **dict(request.headers), "Content-Length": request.content_length},
                         separators=(",", ":"), ensure_ascii=False)
    return _line({"time": "2026-11-22T13:00:30+00:00", "method": request.method, "url": request.url,
                  "headers": headers, "body": request.body})


# --- Apigee MessageLogging to Cloud Logging ---------------------------------------------------------------------------

def apigee_message_logging(request: Request) -> list[str]:
    # An Apigee X proxy's MessageLogging policy in the target request flow (cloud.google.com/apigee/docs/api-platform/
    # reference/policies/message-logging-policy: <CloudLogging> with <Message contentType="application/json">, a
    # message template of flow variables — {request.verb}, {target.url}, {request.header.<name>},
    # {escapeJSON(request.content)}), read back with `gcloud logging read … --format=json` (a list of LogEntry,
    # the JSON message as jsonPayload, two blanks an indent); an absent header's variable resolves empty.
    present = dict(request.headers)
    payload = {"proxy": "payouts-egress", "messageId": f"rrt-{_run(request)[:18]}", "verb": request.method,
               "targetUrl": request.url,
               "headers": {name: present.get(name, "") for name in
                           ("Content-Type", "User-Agent", "Request-Time", "Signature", "access_token")},
               "content": request.body}
    entry = {"insertId": _run(request)[:14], "jsonPayload": payload,
             "logName": "projects/payouts-prod/logs/apigee-egress", "receiveTimestamp": STAMP,
             "resource": {"labels": {"project_id": "payouts-prod"}, "type": "global"}, "severity": "INFO",
             "timestamp": STAMP}
    return json.dumps([entry], indent=2, ensure_ascii=False).split("\n")


# --- Cloudflare Logpush: Workers Trace Events -------------------------------------------------------------------------

def cloudflare_workers_trace_events(request: Request) -> list[str]:
    # The payouts edge Worker's invocations pushed by Logpush's workers_trace_events dataset (developers.cloudflare.
    # com/logs/reference/log-fields/account/workers_trace_events/: Event, EventTimestampMs, EventType, Exceptions,
    # Logs — "List of console messages emitted during the invocation", each {Level, Message, TimestampMs} —
    # Outcome, ScriptName), one NDJSON line each; the Worker writes the call it forwards with
    # `console.log(JSON.stringify({method, url, headers: Object.fromEntries(init.headers), body}))`, so the message
    # is one string of JSON. The invocation's own inbound request carries no credential.
    upstream = json.dumps({"method": request.method, "url": request.url, "headers": dict(request.headers),
                           "body": request.body}, ensure_ascii=False)
    return _line({"Event": {"RayID": "8e1f2a3b4c5d6e7f", "Request": {"URL": "https://payouts.example.com/run",
                                                                     "Method": "POST"},
                            "Response": {"Status": 202}},
                  "EventTimestampMs": EPOCH_MS, "EventType": "fetch", "Exceptions": [],
                  "Logs": [{"Level": "log", "Message": [upstream], "TimestampMs": EPOCH_MS + 3}],
                  "Outcome": "ok", "ScriptName": "payouts-edge", "ScriptTags": []})


# --- Squid ICAP: REQMOD as the ICAP service records it ----------------------------------------------------------------

def icap_reqmod(request: Request) -> list[str]:
    # A Squid egress proxy bumping TLS and adapting requests through an ICAP DLP service (`icap_service dlp
    # reqmod_precache icap://dlp.internal:1344/reqmod`), the service recording each REQMOD message it receives
    # (RFC 3507, 4.8 "REQMOD": the ICAP request line and headers, `Encapsulated: req-hdr=0, req-body=<offset>`, a
    # blank line, the HTTP request's head, then its body chunked — the size in hex, the bytes, `0` and a blank line;
    # 4.8.3's example), lines ended CRLF.
    head = [f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}",
            *(f"{name}: {value}" for name, value in request.headers), f"Content-Length: {request.content_length}", ""]
    http_head = "".join(line + "\r\n" for line in head)
    icap = ["REQMOD icap://dlp.internal:1344/reqmod ICAP/1.0", "Host: dlp.internal:1344",
            "Date: Sun, 22 Nov 2026 13:00:30 GMT", "Allow: 204",
            f"Encapsulated: req-hdr=0, req-body={len(http_head.encode())}", ""]
    size = f"{len(request.body.encode()):x}"
    body = request.body.split("\n")
    return [line + "\r" for line in icap + head + [size]] + body[:-1] + [body[-1] + "\r", "0\r", "\r"]


# --- Linkerd: the proxy's HTTP access log -----------------------------------------------------------------------------

def linkerd_access_log_json(request: Request) -> list[str]:
    # The payouts pod annotated `config.linkerd.io/access-log: json` (linkerd.io/2/features/access-logging: "records
    # all HTTP requests that transit the proxy"; the json format's fields client.addr, client.id, host, method,
    # processing_ns, request_bytes, response_bytes, status, timestamp, total_ns, trace_id, uri, user_agent,
    # version), a call the app made in clear text through its sidecar. No header beyond the user agent, no body.
    return _line({"client.addr": "10.42.0.63:51160", "client.id": "-", "host": request.host,
                  "method": request.method, "processing_ns": "39826", "request_bytes": request.content_length,
                  "response_bytes": "11", "status": 201, "timestamp": "2026-11-22T13:00:30.104412391Z",
                  "total_ns": "14441135", "trace_id": "", "uri": f"http://{request.host}{request.path}",
                  "user_agent": AGENT, "version": "HTTP/1.1"})


SHAPES = [case(envoy_tap_yaml, "taps.yaml"), case(envoy_tap_admin_stream, "taps.json"),
          case(istio_lua_dynamic_metadata, "istio-proxy.log"),
          case(envoy_lua_script_log, "envoy.log", missed="each header a `script log: name: value` line: the run of "
               "labelled lines reads the tag's `name: value` as members no role names, not as headers (headers "
               "unknown)"),
          case(caddy_log_append_body, "access.json"), case(haproxy_json_log_format, "haproxy.log"),
          case(nginx_njs_headers_json, "egress.log"), case(apigee_message_logging, "entries.json"),
          case(cloudflare_workers_trace_events, "trace-events.log",
               missed="the forwarded call a JSON string inside a console message list (`Logs[].Message[0]`): the "
                      "invocation's own inbound `Event.Request` is taken as the request (headers unknown)"),
          case(icap_reqmod, "icap.log")]
HEADERS_ONLY = [case(envoy_grpc_als, "als.jsonl")]
NO_HEADERS = [case(linkerd_access_log_json, "access.jsonl", plaintext=True)]
