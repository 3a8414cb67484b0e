"""A fifty-first blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu transfers unsigned,
signed with the client's real key and with another key, an Asaas transfer) as TRACE STORES, A BROWSER'S PROTOCOL AND
MESSAGE QUEUES keep them: Zipkin's v1 API (the method only in the span's name), AWS X-Ray's `batch-get-traces` (each
segment a JSON document inside a string), Puppeteer's protocol debug output (`Network.requestWillBeSent`), and the
payouts' outbox as a Redis stream read with `redis-cli XRANGE`, a PostgreSQL `NOTIFY` payload as psql prints it,
`pulsar-client consume` output, a STOMP MESSAGE frame in stomp.js's debug output and Knative's `event_display`.

Eight shapes were written first, from each format's documentation, before the readers were read; six passed with
main's code. Of the two that did not, the Redis stream passes now by one rule (:mod:`.numbered_replies`: a store's
reply listing a map's names and values in turn as numbered, quoted items is one record). Zipkin v1 stays a strict
expected failure: a rule reading a record named for a method word alone (`"name": "post"`) as that request was taken
out on review — route tables, UI configs, feature flags and API docs name records "post" or "delete" too, and the
rule also took a span's logged calls for the span itself. The traps hold what these tools keep that is no request the
payouts service sent: a Sentry event's request interface (the request the app RECEIVED, its body naming the transfer
URL), a browser's request to the app naming the URL in its body, and a mock server's proxy mapping naming the provider
(configuration, nothing sent).

A comment above each shape names the source its format was taken from. What is checked is what every blind corpus must
give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``, never a body for ``HEADERS_ONLY``, not one
header for ``NO_HEADERS``.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

from helpers.running import request_rules
from helpers.signed_shapes import Request, case, envelope, json_line, json_pretty, run_id
from test_request_shapes_blind_forty_seven import _scan_lines as scan_lines

STAMP = "2026-11-22T13:00:30.104Z"
SENT_MS = 1795352430104
SENT_US = SENT_MS * 1000
APP = "payouts.loja.com.br"


def _ids(request: Request) -> tuple[str, str]:
    """A trace id (32 hex digits) and a span id (16) for the request, the same each time it is written."""
    digits = run_id(request).replace("-", "")
    return digits, digits[:16]


# --- Zipkin: the v1 API, the method only in the span name ---------------------------------------------------------

def zipkin_v1_trace(request: Request) -> list[str]:
    # `curl http://zipkin:9411/api/v1/trace/<id>` (zipkinCore.thrift: Span {traceId, name, id, annotations — cs/cr
    # with their endpoint —, binaryAnnotations [{key, value, endpoint}]}; the v1 JSON of openzipkin): Brave's HTTP
    # client spans name the span by the method lower-cased and tag the URL; "sa" the server's address. No header.
    trace, span = _ids(request)
    local = {"serviceName": "payouts", "ipv4": "10.0.3.15"}
    return json_pretty([{"traceId": trace[:16], "id": span, "name": request.method.lower(), "timestamp": SENT_US,
                         "duration": 312000, "annotations": [
                             {"timestamp": SENT_US, "value": "cs", "endpoint": local},
                             {"timestamp": SENT_US + 312000, "value": "cr", "endpoint": local}],
                         "binaryAnnotations": [
                             {"key": "http.url", "value": request.url, "endpoint": local},
                             {"key": "http.status_code", "value": "201", "endpoint": local},
                             {"key": "sa", "value": True, "endpoint": {"serviceName": request.host,
                                                                       "ipv4": "203.0.113.7", "port": 443}}]}])


# --- AWS X-Ray: batch-get-traces ----------------------------------------------------------------------------------

def xray_batch_get_traces(request: Request) -> list[str]:
    # `aws xray batch-get-traces --trace-ids 1-…` (docs.aws.amazon.com/xray/latest/devguide/xray-api-segmentdocuments:
    # a downstream call is a subsegment with "namespace": "remote" and http.request {method, url}, http.response
    # {status, content_length}; the API returns each segment's document as a JSON string in "Document"). The SDK
    # records no header.
    trace, span = _ids(request)
    document = {"id": span, "name": "payouts-worker", "trace_id": f"1-6740a0ce-{trace[:24]}",
                "start_time": SENT_MS / 1000, "end_time": SENT_MS / 1000 + 0.4, "origin": "AWS::ECS::Container",
                "subsegments": [{"id": trace[16:], "name": request.host, "namespace": "remote",
                                 "start_time": SENT_MS / 1000, "end_time": SENT_MS / 1000 + 0.312,
                                 "http": {"request": {"method": request.method, "url": request.url},
                                          "response": {"status": 201, "content_length": 23}}}]}
    return json_pretty({"Traces": [{"Id": document["trace_id"], "Duration": 0.4, "LimitExceeded": False,
                                    "Segments": [{"Id": span, "Document": json.dumps(document)}]}],
                        "UnprocessedTraceIds": []})


# --- Chrome DevTools Protocol: Puppeteer's protocol debug output ---------------------------------------------------

def _will_be_sent(request: Request) -> dict[str, object]:
    # chromedevtools.github.io/devtools-protocol/tot/Network/#event-requestWillBeSent: requestId, loaderId,
    # documentURL, request (Network.Request: url, method, headers — a map —, postData, hasPostData, postDataEntries
    # — the body's bytes, base64 —, mixedContentType, initialPriority, referrerPolicy), timestamp, wallTime,
    # initiator, type. The back-office page calls the provider with fetch().
    return {"method": "Network.requestWillBeSent", "params": {
        "requestId": "1042.17", "loaderId": "9A3C5E1F", "documentURL": f"https://{APP}/backoffice/payouts",
        "request": {"url": request.url, "method": request.method, "headers": dict(request.headers),
                    "postData": request.body, "hasPostData": True,
                    "postDataEntries": [{"bytes": base64.b64encode(request.body.encode()).decode()}],
                    "mixedContentType": "none", "initialPriority": "High",
                    "referrerPolicy": "strict-origin-when-cross-origin"},
        "timestamp": 84211.104, "wallTime": SENT_MS / 1000, "initiator": {"type": "script"}, "type": "Fetch",
        "frameId": "F1", "hasUserGesture": False}}


def puppeteer_protocol_debug(request: Request) -> list[str]:
    # `DEBUG="puppeteer:protocol:*" node payouts.js 2> run.log` (pptr.dev/guides/debugging, "Log DevTools protocol
    # traffic": namespaces `puppeteer:protocol:SEND ►` and `puppeteer:protocol:RECV ◀`, each message the JSON
    # text; the debug package off a TTY prefixes an ISO time).
    send = {"method": "Runtime.evaluate", "params": {"expression": "submitPayout()"}, "id": 41, "sessionId": "S1"}
    return [f"{STAMP} puppeteer:protocol:SEND ► {json.dumps(send, separators=(',', ':'))}",
            f"{STAMP} puppeteer:protocol:RECV ◀ "
            + json.dumps({**_will_be_sent(request), "sessionId": "S1"}, ensure_ascii=False, separators=(",", ":"))]


# --- Redis: a stream as the payouts' outbox, redis-cli XRANGE -----------------------------------------------------

def _redis_quoted(text: str) -> str:
    """``text`` as redis-cli shows a bulk string on a terminal (sdscatrepr: in quotes, backslash escapes)."""
    escapes = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
    return '"' + "".join(escapes.get(char, char) for char in text) + '"'


def redis_stream_xrange(request: Request) -> list[str]:
    # `XADD payouts:outbox * method POST url … headers <json> body <text>` by the service, read back on a terminal
    # with `redis-cli XRANGE payouts:outbox <id> <id>` (redis.io/commands/xrange: "1) 1) <id> 2) 1) field 2) value
    # …", redis-cli quoting every string).
    entry = f"{SENT_MS}-0"
    fields = ["method", request.method, "url", request.url, "headers",
              json.dumps(dict(request.headers), separators=(",", ":")), "body", request.body]
    lines = [f"127.0.0.1:6379> XRANGE payouts:outbox {entry} {entry}", f'1) 1) "{entry}"']
    lines += [f"{'   2) ' if number == 1 else '      '}{number}) {_redis_quoted(value)}"
              for number, value in enumerate(fields, 1)]
    return lines


def _outbox_message(request: Request) -> str:
    """The request as the payouts' outbox publishes it to a queue: its envelope as compact JSON text."""
    return json.dumps(envelope(request), separators=(",", ":"))


# --- PostgreSQL: LISTEN/NOTIFY as psql shows it ---------------------------------------------------------------------

def psql_notification(request: Request) -> list[str]:
    # `pg_notify('payouts_outbox', <envelope>)` from the outbox trigger, seen by a `LISTEN payouts_outbox;` session in
    # psql (postgresql.org/docs/current/sql-notify.html and psql's PrintNotifications: 'Asynchronous notification
    # "<channel>" with payload "<payload>" received from server process with PID <pid>.', the payload as sent).
    return ["payouts=> LISTEN payouts_outbox;", "LISTEN",
            f'Asynchronous notification "payouts_outbox" with payload "{_outbox_message(request)}" received from '
            "server process with PID 4242."]


# --- Apache Pulsar: pulsar-client consume ---------------------------------------------------------------------------

def pulsar_client_consume(request: Request) -> list[str]:
    # `bin/pulsar-client consume persistent://public/payouts/outbox -s audit -n 0` (pulsar.apache.org/docs,
    # pulsar-client CLI "consume": each message printed as "----- got message -----" then "key:[…], properties:[…],
    # content:<payload>"), the CLI's INFO lines around it.
    return [f"{STAMP[:-1]} [main] INFO  org.apache.pulsar.client.cli.PulsarClientTool - Consumer subscribed",
            "----- got message -----",
            f"key:[{run_id(request)[:8]}], properties:[trace=ab12], content:{_outbox_message(request)}"]


# --- STOMP: a MESSAGE frame in stomp.js's debug output ---------------------------------------------------------------

def stomp_message_frame(request: Request) -> list[str]:
    # stomp.github.io/stomp-specification-1.2.html "MESSAGE": the command, header lines name:value (destination,
    # message-id, subscription, content-type, content-length), a blank line, the body, a NUL octet; @stomp/stompjs
    # logs each frame received with `debug("<<< " + frame)` (ActiveMQ's STOMP connector, the outbox's queue).
    body = _outbox_message(request)
    return ["<<< MESSAGE", "destination:/queue/payouts.outbox", f"message-id:ID:broker-1-{run_id(request)[:8]}:1:1:1",
            "subscription:sub-0", "content-type:application/json", f"content-length:{len(body.encode())}", "",
            body + "\x00"]


# --- CloudEvents: Knative's event_display ---------------------------------------------------------------------------

def knative_event_display(request: Request) -> list[str]:
    # knative.dev/docs/eventing/ "event_display" sink (the CloudEvents Go SDK's Event.String(): "☁️  cloudevents.Event",
    # "Context Attributes," then two-space indented name: value lines, "Extensions,", "Data," and the JSON data
    # indented), the outbox's events routed to it by a Trigger.
    data = json.dumps(envelope(request), indent=2).split("\n")
    return ["☁️  cloudevents.Event", "Context Attributes,", "  specversion: 1.0",
            "  type: br.com.loja.payouts.transfer.requested", "  source: /payouts/outbox",
            f"  id: {run_id(request)}", f"  time: {STAMP}", "  datacontenttype: application/json", "Extensions,",
            f"  knativearrivaltime: {STAMP}", "Data,", *[f"  {line}" for line in data]]


SHAPES = [case(puppeteer_protocol_debug, "run.log"),
          case(redis_stream_xrange, "outbox.txt"),
          case(psql_notification, "psql.log"),
          case(pulsar_client_consume, "consume.log"),
          case(stomp_message_frame, "stomp-debug.log"),
          case(knative_event_display, "event-display.log")]
HEADERS_ONLY: list[object] = []
NO_HEADERS = [case(zipkin_v1_trace, "trace-v1.json", missed=(
                  "a span named by its method alone (Brave's \"post\") states no method to the record reader: a "
                  "record named \"post\" is as often a route, a button or a flag")),
              case(xray_batch_get_traces, "traces.json")]


# --- traps: what these tools keep that is no request the payouts service sent ---------------------------------------

def test_a_request_the_app_received_is_no_call_to_the_provider(tmp_path: Path) -> None:
    # A Sentry event's request interface (develop.sentry.dev/sdk/data-model/event-payloads/request: the HTTP request
    # the app was handling — url, method, headers, data) of an admin saving the payout settings: its body names the
    # transfer URL; nothing went to iugu. And the browser's request to the app doing it, in Selenium's log.
    data = {"endpoint": "https://api.iugu.com/v1/transfer_requests", "method": "POST", "enabled": True}
    event = {"event_id": "5d0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b", "platform": "python", "level": "error",
             "request": {"url": f"https://{APP}/admin/payout-settings", "method": "POST",
                         "headers": {"Content-Type": "application/json", "Host": APP},
                         "data": json.dumps(data)}, "exception": {"values": [{"type": "ValueError"}]}}
    browser = {"method": "Network.requestWillBeSent", "params": {"requestId": "7.1", "request": {
        "url": f"https://{APP}/admin/payout-settings", "method": "POST",
        "headers": {"Content-Type": "application/json"}, "postData": json.dumps(data), "hasPostData": True}}}
    entry = {"level": "INFO", "message": json.dumps({"message": browser, "webview": "7E1A0C"}),
             "timestamp": SENT_MS}
    report = scan_lines(tmp_path, "event.json", [*json_pretty(event), *json_line(entry)])
    assert request_rules(report) == [], request_rules(report)


def test_a_mock_servers_proxy_mapping_sends_nothing(tmp_path: Path) -> None:
    # A WireMock stub mapping in record mode (wiremock.org/docs/proxying: "response": {"proxyBaseUrl": …}; a request
    # pattern with method, urlPath and header matchers): where requests MAY be forwarded, none that was.
    mapping = {"request": {"method": "POST", "urlPath": "/v1/transfer_requests",
                           "headers": {"Content-Type": {"equalTo": "application/json"}}},
               "response": {"proxyBaseUrl": "https://api.iugu.com",
                            "additionalProxyRequestHeaders": {"User-Agent": "payouts/3.1"}}}
    report = scan_lines(tmp_path, "mappings.json", json_pretty({"mappings": [mapping]}))
    assert request_rules(report) == [], request_rules(report)

