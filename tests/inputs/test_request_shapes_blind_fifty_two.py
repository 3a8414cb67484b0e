"""A fifty-second blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu transfers unsigned,
signed with the client's real key and with another key, an Asaas transfer) as CHANGE STREAMS, MESSAGE ENVELOPES,
FAILURE RECORDS AND API ANALYTICS keep them: the payouts' outbox rows read off PostgreSQL's logical decoding
(wal2json's two formats, test_decoding's text) and off MySQL's binlog by Maxwell's daemon, the transfer command in a
MassTransit envelope left on the error queue, a Lambda's on-failure destination record, an Azure Data Factory Web
activity's run and a Moesif event of the outgoing call (the body as base64).

The shapes were written first, from each format's documentation, before the readers were read. The traps hold what
these tools keep that is no request the payouts service sent: a Moesif event of a webhook the app RECEIVED (its body
naming the transfer URL), a Data Factory linked service naming the API (configuration), and a settings row changed
in the decoded stream.

A comment above each shape names the source its format was taken from. What is checked is what every blind corpus must
give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``, never a body for ``HEADERS_ONLY``, not one
header for ``NO_HEADERS``.

Blind: 6 of 8; the other two (wal2json 1's lists of column names and values, test_decoding's text) are read since
change streams are (:mod:`keyaudit.inputs.captures.change_rows`): a row's INSERT only, never a TOAST placeholder as
a value, and names paired with values only in a change event (tests/inputs/test_change_streams.py).
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

from helpers.running import request_rules
from helpers.signed_shapes import Request, case, envelope, json_line, json_pretty, run_id
from test_request_shapes_blind_fifty_one import APP, SENT_MS, STAMP
from test_request_shapes_blind_forty_seven import _scan_lines as scan_lines

COLUMNS = ("method", "url", "headers", "body")


def _row(request: Request) -> list[object]:
    """The outbox row's values in :data:`COLUMNS` order, after its id: the headers as PostgreSQL's jsonb prints them
    (keys shorter first, ``": "`` and ``", "``)."""
    headers = dict(sorted(request.headers, key=lambda pair: (len(pair[0]), pair[0])))
    return [request.method, request.url, json.dumps(headers), request.body]


def _row_id(request: Request) -> int:
    """The outbox row's id, the same each time the request is written."""
    return int(run_id(request)[:6], 16)


# --- PostgreSQL logical decoding: wal2json, format 1 --------------------------------------------------------------

def wal2json_v1(request: Request) -> list[str]:
    # `pg_recvlogical -d payouts --slot audit --start -o pretty-print=0 -f -` with the wal2json plugin
    # (github.com/eulerto/wal2json README, format-version 1: one JSON object per transaction, {"change": [{"kind":
    # "insert", "schema", "table", "columnnames": […], "columntypes": […], "columnvalues": […]}]}, values as JSON —
    # numbers bare, text and jsonb as strings).
    change = {"kind": "insert", "schema": "public", "table": "outbox", "columnnames": ["id", *COLUMNS],
              "columntypes": ["bigint", "text", "text", "jsonb", "text"],
              "columnvalues": [_row_id(request), *_row(request)]}
    return json_line({"change": [change]})


# --- PostgreSQL logical decoding: wal2json, format 2 --------------------------------------------------------------

def wal2json_v2(request: Request) -> list[str]:
    # wal2json with `-o format-version=2 -o include-timestamp=1` (README, format 2: one JSON object per tuple,
    # {"action": "B"} and {"action": "C"} around {"action": "I", "schema", "table", "columns": [{"name", "type",
    # "value"}]}).
    columns = [{"name": name, "type": kind, "value": value}
               for name, kind, value in zip(("id", *COLUMNS), ("bigint", "text", "text", "jsonb", "text"),
                                            [_row_id(request), *_row(request)])]
    return [*json_line({"action": "B", "timestamp": "2026-11-22 13:00:30.104+00"}),
            *json_line({"action": "I", "timestamp": "2026-11-22 13:00:30.104+00", "schema": "public",
                        "table": "outbox", "columns": columns}),
            *json_line({"action": "C", "timestamp": "2026-11-22 13:00:30.104+00"})]


# --- PostgreSQL logical decoding: test_decoding ----------------------------------------------------------------------

def pg_test_decoding(request: Request) -> list[str]:
    # `pg_recvlogical … -P test_decoding -f -` (postgresql.org/docs/current/test-decoding.html and
    # logicaldecoding-example.html: "BEGIN <xid>", "table public.outbox: INSERT: id[bigint]:1 name[type]:'value' …",
    # "COMMIT <xid>"; text values single-quoted with quotes doubled, newlines kept as they are).
    xid = 700 + _row_id(request) % 100
    values = " ".join(f"{name}[{kind}]:'{value.replace(chr(39), chr(39) * 2)}'"
                      for name, kind, value in zip(COLUMNS, ("text", "text", "jsonb", "text"), _row(request)))
    line = f"table public.outbox: INSERT: id[bigint]:{_row_id(request)} {values}"
    return [f"BEGIN {xid}", *line.split("\n"), f"COMMIT {xid}"]


# --- MySQL binlog: Maxwell's daemon ---------------------------------------------------------------------------------

def maxwell_row(request: Request) -> list[str]:
    # Maxwell's daemon to stdout (maxwells-daemon.io/dataformat: {"database", "table", "type": "insert", "ts", "xid",
    # "commit", "data": {column: value}}; a JSON column's value is the JSON itself).
    data = {"id": _row_id(request), "method": request.method, "url": request.url, "headers": dict(request.headers),
            "body": request.body}
    return json_line({"database": "payouts", "table": "outbox", "type": "insert", "ts": SENT_MS // 1000,
                      "xid": 8249 + _row_id(request) % 100, "commit": True, "data": data})


# --- MassTransit: the envelope on the error queue -------------------------------------------------------------------

def masstransit_error_queue(request: Request) -> list[str]:
    # A SendTransfer command that faulted, moved to `payouts_transfer_error` and read with the RabbitMQ management UI's
    # "Get messages" (masstransit.io/documentation/configuration/serialization: the application/vnd.masstransit+json
    # envelope — messageId, conversationId, sourceAddress, destinationAddress, messageType ["urn:message:…"],
    # message, sentTime, headers, host).
    ids = run_id(request)
    return json_pretty({"messageId": ids, "requestId": None, "correlationId": None, "conversationId": ids[::-1],
                        "initiatorId": None, "sourceAddress": "rabbitmq://mq/payouts_api",
                        "destinationAddress": "rabbitmq://mq/payouts_transfer", "responseAddress": None,
                        "faultAddress": None, "messageType": ["urn:message:Payouts.Contracts:SendTransfer"],
                        "message": envelope(request), "expirationTime": None, "sentTime": STAMP,
                        "headers": {"MT-Fault-Message": "Timeout", "MT-Reason": "fault"},
                        "host": {"machineName": "payouts-worker-7", "processName": "Payouts.Worker",
                                 "processId": 1, "assembly": "Payouts.Worker", "assemblyVersion": "3.1.0.0",
                                 "frameworkVersion": "8.0.4", "massTransitVersion": "8.2.2.0",
                                 "operatingSystemVersion": "Unix 6.1.0.1"}})


# --- AWS Lambda: an on-failure destination record -------------------------------------------------------------------

def lambda_failure_record(request: Request) -> list[str]:
    # The send-transfer function's async invocation, retries exhausted, sent to its on-failure destination (an SQS
    # queue) and read back (docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html: version,
    # timestamp, requestContext {requestId, functionArn, condition, approximateInvokeCount}, requestPayload,
    # responseContext {statusCode, executedVersion, functionError}, responsePayload).
    return json_pretty({"version": "1.0", "timestamp": STAMP, "requestContext": {
        "requestId": run_id(request),
        "functionArn": "arn:aws:lambda:sa-east-1:123456789012:function:send-transfer:$LATEST",
        "condition": "RetriesExhausted", "approximateInvokeCount": 3}, "requestPayload": envelope(request),
        "responseContext": {"statusCode": 200, "executedVersion": "$LATEST", "functionError": "Unhandled"},
        "responsePayload": {"errorMessage": "Task timed out after 30.03 seconds"}})


# --- Azure Data Factory: a Web activity's run -----------------------------------------------------------------------

def data_factory_activity_run(request: Request) -> list[str]:
    # `az datafactory activity-run query-by-pipeline-run …` (learn.microsoft.com/rest/api/datafactory/activity-runs/
    # query-by-pipeline-run: {"value": [{activityName, activityRunId, activityType, pipelineName, pipelineRunId,
    # status, activityRunStart, activityRunEnd, durationInMs, input, output, error}]}; a Web activity's input is its
    # resolved typeProperties — method, url, headers, body — control-flow-web-activity).
    ids = run_id(request)
    run = {"activityName": "SendTransfer", "activityRunId": ids, "activityType": "WebActivity",
           "pipelineName": "payouts-daily", "pipelineRunId": ids[::-1], "linkedServiceName": "", "status": "Succeeded",
           "activityRunStart": STAMP, "activityRunEnd": "2026-11-22T13:00:30.416Z", "durationInMs": 312,
           "input": {"method": request.method, "url": request.url, "headers": dict(request.headers),
                     "body": request.body, "disableCertValidation": False},
           "output": {"id": "t1", "ADFWebActivityResponseHeaders": {"Content-Type": "application/json"}},
           "error": {"errorCode": "", "message": "", "failureType": "", "target": "SendTransfer"}}
    return json_pretty({"value": [run], "continuationToken": None})


# --- Moesif: the outgoing call as an API event ------------------------------------------------------------------------

def _moesif_event(direction: str, uri: str, headers: dict[str, str], body: str) -> dict[str, object]:
    # moesif.com/docs/api#log-an-api-call: request {time, uri, verb, headers, body, transfer_encoding — "base64" for a
    # body sent as its bytes' base64 —}, response {time, status, headers, body}, direction "Incoming" or "Outgoing";
    # what the search API returns under hits.hits[]._source.
    return {"request": {"time": STAMP, "uri": uri, "verb": "POST", "ip_address": "10.0.3.15", "headers": headers,
                        "body": base64.b64encode(body.encode()).decode(), "transfer_encoding": "base64"},
            "response": {"time": "2026-11-22T13:00:30.416Z", "status": 201,
                         "headers": {"Content-Type": "application/json"}, "body": {"id": "t1"}},
            "direction": direction, "metadata": {"service": "payouts"}}


def moesif_outgoing_event(request: Request) -> list[str]:
    # The payouts service's outgoing calls captured by moesif-nodejs (`logOutgoingRequests`), exported with the
    # management API's event search (moesif.com/docs/api#search-events).
    event = _moesif_event("Outgoing", request.url, dict(request.headers), request.body)
    return json_pretty({"took": 4, "hits": {"total": 1, "hits": [{"_id": run_id(request), "_source": event}]}})


SHAPES = [case(wal2json_v1, "wal2json.log"),
          case(wal2json_v2, "wal2json-v2.log"),
          case(pg_test_decoding, "decoding.log"),
          case(maxwell_row, "maxwell.log"),
          case(masstransit_error_queue, "error-queue.json"),
          case(lambda_failure_record, "on-failure.json"),
          case(data_factory_activity_run, "activity-runs.json"),
          case(moesif_outgoing_event, "moesif-events.json")]
HEADERS_ONLY: list[object] = []
NO_HEADERS: list[object] = []


# --- traps: what these tools keep that is no request the payouts service sent ---------------------------------------

def test_a_webhook_the_app_received_is_no_call_to_the_provider(tmp_path: Path) -> None:
    # A Moesif event of iugu's webhook to the app (direction "Incoming"): its body names the transfer URL; nothing
    # went to iugu.
    body = json.dumps({"event": "withdraw_request.status_changed",
                       "data": {"url": "https://api.iugu.com/v1/transfer_requests/t1", "status": "accepted"}})
    event = _moesif_event("Incoming", f"https://{APP}/webhooks/iugu", {"Content-Type": "application/json"}, body)
    report = scan_lines(tmp_path, "moesif-events.json", json_pretty({"hits": {"hits": [{"_source": event}]}}))
    assert request_rules(report) == [], request_rules(report)


def test_a_linked_service_and_a_settings_change_send_nothing(tmp_path: Path) -> None:
    # A Data Factory REST linked service (learn.microsoft.com/azure/data-factory/connector-rest: typeProperties url,
    # authenticationType, authHeaders): where requests MAY go; and a settings row naming the URL and the method,
    # changed in the decoded stream.
    service = {"name": "IuguApi", "properties": {"type": "RestService", "typeProperties": {
        "url": "https://api.iugu.com/v1/transfer_requests", "authenticationType": "Anonymous",
        "authHeaders": {"Content-Type": {"type": "SecureString", "value": "**********"}}}}}
    change = {"kind": "update", "schema": "public", "table": "settings", "columnnames": ["name", "method", "url"],
              "columntypes": ["text", "text", "text"],
              "columnvalues": ["iugu_transfers", "POST", "https://api.iugu.com/v1/transfer_requests"]}
    report = scan_lines(tmp_path, "setup.log", [*json_pretty(service), *json_line({"change": [change]})])
    assert request_rules(report) == [], request_rules(report)
