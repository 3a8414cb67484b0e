"""A forty-third blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu transfers unsigned,
signed with the client's real key and with another key, an Asaas transfer) as they come back out of the STORES a
payments team's logs and outboxes end in — a Cloud Logging sink's BigQuery table, a Log Analytics custom table fed by
the HTTP Data Collector API, a Sumo Logic search exported as CSV, Supabase's pg_net request queue read with psql, a
Debezium change event of an outbox table, a Rollbar item's network telemetry, a Kubernetes audit event of a Job that
runs the call, and a GitLab job's raw trace — and the same stores' other displays and a browser's and a web page's
records of the calls: pg_net's queue in psql's aligned table, a MySQL outbox read with `\\G` and `--binary-as-hex`,
WebDriver BiDi's `network.beforeRequestSent` events, and Django's technical 500 page saved as HTML.

Five of the twelve passed as first written, before the readers were read (BigQuery's rows, whose header names the
sink lower-cased and wrote with `_`; the Debezium event; the audit event, its curl command a list of words; the GitLab
trace, ANSI escapes and all; the Sumo Logic CSV). Seven did not, each marked with what it misses: the Log Analytics
rows (no request found: `method_s`, `url_s` named for no role), pg_net's queue in both displays and the MySQL outbox
(four requests, both signatures invalid: the body, bytes in hex after `\\x` or `0x`, taken as written), the Rollbar
item (both signatures unverified: its body under `request`, beside `request_headers`, not read as the body), the BiDi
events (both signatures malformed: each header's value a `{type, value}` object, taken as its printed text) and the
Django page. All pass now, by five rules:

- a key is read without the suffix its store adds for the value's type (Log Analytics' `_s`, `_d`, `_b`, `_t`, `_g`:
  :func:`keyaudit.inputs.captures.record_views.role`), as it is without the namespace a producer writes before it;
- a body of bytes in hex after the prefix that says so (PostgreSQL's bytea `\\x`, MySQL's and SQL Server's `0x`) is
  the text it decodes to, as bare hex was (:func:`keyaudit.inputs.captures.record_bodies.body`);
- a member named for the request itself holds its body where the request's headers are named after it beside it and
  its text reads as a payload (Rollbar's `request` by `request_headers`; a request line there is none);
- a header entry's value wrapped in its type (BiDi's `{"type": "string" | "base64", "value": …}`) is that value,
  read as a message attribute's is (:func:`keyaudit.inputs.captures.record_views.typed`);
- a method field whose quotes a web page wrote as entities marks a file that writes requests out whatever the quote:
  `&#x27;`, `&#39;`, `&apos;` as `&quot;` and `&#34;` did (rules/requests.yaml, ``request_markers``). The page's text
  was read once marked (its lines' entities are decoded before the readers see them), but no marker named a Python
  repr's `&#x27;method&#x27;`, so no line of it was read as a request.

A comment above each shape names the source its format was taken from. What is checked is what every
blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``, never a body
for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import csv
import html
import io
import json
import pprint
import re
import uuid
from typing import TYPE_CHECKING

from helpers.signed_shapes import Request, assert_shape_findings, case, requests

if TYPE_CHECKING:
    from pathlib import Path


def _run(request: Request) -> str:
    """One id per request, the same each time the request is written (a request or connection id)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, repr(request)).hex


def _record(request: Request) -> dict[str, object]:
    """The structured log record the payouts service writes for each provider call (its JSON logger's fields)."""
    return {"message": "provider call", "request": {"method": request.method, "url": request.url,
                                                    "headers": dict(request.headers), "body": request.body}}


# --- BigQuery: a Cloud Logging sink's table, queried with bq ----------------------------------------------------------

def _bigquery_name(name: str) -> str:
    """A user-supplied field name as a Logging sink writes it to BigQuery (cloud.google.com/logging/docs/export/
    bigquery, "Field naming conventions": lower case, any character but letters and digits replaced by `_`)."""
    return re.sub(r"[^0-9a-z_]", "_", name.lower())


def bigquery_sink_prettyjson(request: Request) -> list[str]:
    # The service's structured logs routed by a Logging sink to a BigQuery dataset, read back with `bq query
    # --format=prettyjson 'SELECT timestamp, jsonPayload FROM payouts.stdout ...'` (the jsonPayload record's field
    # names lower-cased, `Content-Type` as `content_type`, `Request-Time` as `request_time`; a row an object of a
    # JSON array, indented two spaces a level).
    headers = {_bigquery_name(name): value for name, value in request.headers}
    payload = {"message": "provider call", "request": {"method": request.method, "url": request.url,
                                                      "headers": headers, "body": request.body}}
    rows = [{"timestamp": "2026-11-22 13:00:30.104000 UTC", "jsonPayload": payload}]
    return json.dumps(rows, indent=2, ensure_ascii=False).split("\n")


# --- Azure Log Analytics: a custom table fed by the HTTP Data Collector API -------------------------------------------

def log_analytics_custom_table(request: Request) -> list[str]:
    # The service's records sent with the HTTP Data Collector API (learn.microsoft.com/azure/azure-monitor/logs/
    # data-collector-api, "Record type and properties": a property's name gets a suffix for its type, `_s` for a
    # string, `_d` a double; the table named <Log-Type>_CL), the headers sent as a JSON text, read back with
    # `az monitor log-analytics query -w <id> --analytics-query 'PayoutCalls_CL | ...'` (a JSON array of rows, values
    # as strings, indented two spaces).
    row = {"TableName": "PrimaryResult", "TimeGenerated": "2026-11-22T13:00:30.104Z", "Type": "PayoutCalls_CL",
           "method_s": request.method, "url_s": request.url,
           "headers_s": json.dumps(dict(request.headers), ensure_ascii=False), "body_s": request.body,
           "attempt_d": "1", "run_g": str(uuid.UUID(_run(request)))}
    return json.dumps([row], indent=2, ensure_ascii=False).split("\n")


# --- Supabase pg_net: the request queue read with psql ----------------------------------------------------------------

def pg_net_queue_psql(request: Request) -> list[str]:
    # A database trigger paying out through Supabase's pg_net (supabase/pg_net sql/pg_net.sql: net.http_request_queue
    # (id, method, url, headers jsonb, body bytea, timeout_milliseconds)), the queue read while the worker was down
    # with psql's expanded display (`\x on`: `-[ RECORD n ]` then `column | value`), bytea in PostgreSQL's hex output
    # (`\x` and two hex digits a byte) and jsonb printed with `": "` and `", "`, keys by length.
    headers = dict(sorted(request.headers, key=lambda pair: (len(pair[0]), pair[0])))
    rows = [("id", "41"), ("method", request.method), ("url", request.url),
            ("headers", json.dumps(headers, ensure_ascii=False)), ("body", "\\x" + request.body.encode().hex()),
            ("timeout_milliseconds", "5000")]
    width = max(len(name) for name, _ in rows)
    return ["-[ RECORD 1 ]" + "-" * (width - 12) + "+" + "-" * 20] + [f"{name:<{width}} | {value}"
                                                                   for name, value in rows]


def pg_net_queue_psql_aligned(request: Request) -> list[str]:
    # The same queue in psql's default aligned display (a header row of the column names, centred, a rule of `-` and
    # `+`, then a row, its cells `|`-separated and padded to the column's width, and the count of rows).
    headers = dict(sorted(request.headers, key=lambda pair: (len(pair[0]), pair[0])))
    cells = ["41", request.method, request.url, json.dumps(headers, ensure_ascii=False),
             "\\x" + request.body.encode().hex()]
    names = ["id", "method", "url", "headers", "body"]
    widths = [max(len(name), len(cell)) for name, cell in zip(names, cells)]
    return [" " + " | ".join(name.center(width) for name, width in zip(names, widths)),
            "-+-".join("-" * width for width in widths).join("--"),
            " " + " | ".join(cell.ljust(width) for cell, width in zip(cells, widths)), "(1 row)", ""]


# --- MySQL: the outbox read with the mysql client's vertical display --------------------------------------------------

def mysql_vertical_binary_as_hex(request: Request) -> list[str]:
    # The payouts service's outbox in MySQL (body a BLOB of the bytes sent, headers a JSON column) read with the mysql
    # client, `--binary-as-hex` (dev.mysql.com/doc/refman/8.0/en/mysql-command-options.html: binary data as hex, `0x`
    # and upper-case digits; on by default in an interactive session since 8.0.19) and a query ended `\G` (one row
    # as `*** n. row ***` and a line a column, the names right-aligned before `: `); JSON printed with `": "`, `", "`.
    rows = [("id", "41"), ("method", request.method), ("url", request.url),
            ("headers", json.dumps(dict(request.headers), ensure_ascii=False)),
            ("body", "0x" + request.body.encode().hex().upper()), ("created_at", "2026-11-22 13:00:30")]
    width = max(len(name) for name, _ in rows)
    return ["*" * 27 + " 1. row " + "*" * 27] + [f"{name:>{width}}: {value}" for name, value in rows] + \
        ["1 row in set (0.00 sec)"]


# --- WebDriver BiDi: the network.beforeRequestSent event --------------------------------------------------------------

def webdriver_bidi_before_request_sent(request: Request) -> list[str]:
    # An end-to-end test of the back office's payout screen listening to the browser's traffic over WebDriver BiDi
    # (w3c.github.io/webdriver-bidi, "network.beforeRequestSent": params {context, isBlocked, navigation,
    # redirectCount, request: network.RequestData {request: its id, url, method, headers: [{name, value:
    # network.BytesValue {type: "string", value}}], cookies, headersSize, bodySize, destination, initiatorType,
    # timings}, timestamp, initiator}), each event written as the JSON the browser sent (the body never in it).
    headers = [{"name": name, "value": {"type": "string", "value": value}} for name, value in request.headers]
    data = {"request": str(int(_run(request)[:6], 16)), "url": request.url, "method": request.method,
            "headers": headers, "cookies": [], "headersSize": -1, "bodySize": len(request.body.encode()),
            "destination": "", "initiatorType": "fetch",
            "timings": {"timeOrigin": 1795352429000.0, "requestTime": 1795352430104.2, "redirectStart": 0}}
    event = {"type": "event", "method": "network.beforeRequestSent",
             "params": {"context": "4d3c0a6e-16b1-4b6e-9a0e-2f7d1b3c5a77", "isBlocked": False, "navigation": None,
                        "redirectCount": 0, "request": data, "timestamp": 1795352430104,
                        "initiator": {"type": "script"}}}
    return [json.dumps(event, ensure_ascii=False, separators=(",", ":"))]


# --- Django: the technical 500 page saved as HTML ---------------------------------------------------------------------

def django_technical_500_locals(request: Request) -> list[str]:
    # A payout view that failed on the provider's answer with DEBUG on, its technical 500 page saved by the
    # developer (django/django django/views/templates/technical_500.html: each frame's "Local vars" a table of
    # `<td>name</td><td class="code"><pre>{{ value|pprint }}</pre></td>`, the pprint filter pprint.pformat's text,
    # auto-escaped as django.utils.html.escape escapes it: `&lt; &gt; &amp; &quot; &#x27;`).
    value = {"method": request.method, "url": request.url, "headers": dict(request.headers), "body": request.body}
    text = html.escape(pprint.pformat(value))
    return ['<table class="vars" id="v140295">', "<tbody>", "<tr>", "<td>outbound</td>",
            '<td class="code"><pre>' + text.split("\n")[0]] + text.split("\n")[1:-1] + \
        [text.split("\n")[-1] + "</pre></td>", "</tr>", "</tbody>", "</table>"]


# --- Debezium: the outbox table's change event ------------------------------------------------------------------------

def debezium_outbox_change(request: Request) -> list[str]:
    # The payouts service's outbox table (id, method, url, headers jsonb, body text) captured by Debezium's PostgreSQL
    # connector (debezium.io/documentation/reference/connectors/postgresql.html, "Data change events": {before, after,
    # source, op, ts_ms}; a jsonb column as its JSON text, io.debezium.data.Json) with the JSON converter and
    # `schemas.enable=false`, read with kafka-console-consumer (one event a line).
    after = {"id": 41, "method": request.method, "url": request.url,
             "headers": json.dumps(dict(request.headers), ensure_ascii=False), "body": request.body,
             "created_at": 1795352430104000}
    source = {"version": "2.7.3.Final", "connector": "postgresql", "name": "payouts", "ts_ms": 1795352430104,
              "db": "payouts", "schema": "public", "table": "outbox", "txId": 88121, "lsn": 40265132}
    event = {"before": None, "after": after, "source": source, "op": "c", "ts_ms": 1795352430120}
    return [json.dumps(event, ensure_ascii=False, separators=(",", ":"))]


# --- Rollbar: an item's network telemetry -----------------------------------------------------------------------------

def rollbar_network_telemetry(request: Request) -> list[str]:
    # An Electron payouts desk app reporting to Rollbar with `autoInstrument: {network: true}`,
    # `networkRequestHeaders: true` and `networkRequestBody: true` (docs.rollbar.com/docs/rollbarjs-telemetry: a
    # network event {level, type "network", source, timestamp_ms, body {subtype, method, url, status_code,
    # request_headers, request: the body sent, start_time_ms, end_time_ms}}), the item read back from the API
    # (GET /api/1/instance/<id>: {err, result {..., data {body {telemetry, trace}}}}).
    telemetry = [{"level": "info", "type": "network", "source": "client", "timestamp_ms": 1795352430104,
                  "body": {"subtype": "xhr", "method": request.method, "url": request.url, "status_code": 200,
                           "request_headers": dict(request.headers), "request": request.body,
                           "start_time_ms": 1795352430104, "end_time_ms": 1795352430516}}]
    trace = {"frames": [{"filename": "app/payouts.js", "lineno": 88, "method": "confirm"}],
             "exception": {"class": "TypeError", "message": "payout.id is undefined"}}
    item = {"err": 0, "result": {"id": 1841201, "item_id": 99120, "timestamp": 1795352430,
                                 "data": {"environment": "production", "platform": "browser", "language": "javascript",
                                          "body": {"telemetry": telemetry, "trace": trace},
                                          "uuid": str(uuid.UUID(_run(request)))}}}
    return [json.dumps(item, ensure_ascii=False, separators=(",", ":"))]


# --- Kubernetes: the audit event of a Job that makes the call ---------------------------------------------------------

def kubernetes_audit_job(request: Request) -> list[str]:
    # A one-off payout run as a Job whose container runs curl, its creation recorded by the API server's log backend
    # at the RequestResponse level (kubernetes.io/docs/tasks/debug/debug-cluster/audit/: one audit.k8s.io/v1 Event a
    # line, {kind, apiVersion, level, auditID, stage, requestURI, verb, user, objectRef, requestObject, ...}).
    command = ["curl", "-sS", "--fail", "-X", request.method, request.url]
    for name, value in request.headers:
        command += ["-H", f"{name}: {value}"]
    command += ["--data-raw", request.body]
    job = {"kind": "Job", "apiVersion": "batch/v1",
           "metadata": {"name": "payout-" + _run(request)[:6], "namespace": "payouts"},
           "spec": {"backoffLimit": 0, "template": {"spec": {"restartPolicy": "Never", "containers": [
               {"name": "curl", "image": "curlimages/curl:8.10.1", "command": command}]}}}}
    event = {"kind": "Event", "apiVersion": "audit.k8s.io/v1", "level": "RequestResponse", "auditID": _run(request),
             "stage": "ResponseComplete", "requestURI": "/apis/batch/v1/namespaces/payouts/jobs?fieldManager=kubectl",
             "verb": "create", "user": {"username": "ops@example.com", "groups": ["system:authenticated"]},
             "sourceIPs": ["10.0.3.7"], "userAgent": "kubectl/v1.31.2 (linux/amd64) kubernetes/5864a46",
             "objectRef": {"resource": "jobs", "namespace": "payouts", "name": job["metadata"]["name"],
                           "apiGroup": "batch", "apiVersion": "v1"},
             "responseStatus": {"metadata": {}, "code": 201}, "requestObject": job,
             "requestReceivedTimestamp": "2026-11-22T13:00:30.104012Z",
             "stageTimestamp": "2026-11-22T13:00:30.119420Z",
             "annotations": {"authorization.k8s.io/decision": "allow"}}
    return [json.dumps(event, ensure_ascii=False, separators=(",", ":"))]


# --- GitLab CI: a job's raw trace of curl --verbose -------------------------------------------------------------------

def gitlab_job_trace_curl_verbose(request: Request) -> list[str]:
    # A manual payout job in GitLab CI, its raw log (docs.gitlab.com/ci/jobs/job_logs: collapsible sections written
    # `section_start:<epoch>:<name>\r\e[0K`, commands echoed in ANSI green `\e[32;1m$ ...\e[0;m`), the call made with
    # `curl --verbose --data-binary @transfer.json` (libcurl's header lines after `> `; the body read from a file, never
    # shown).
    lines = ["\x1b[0KRunning with gitlab-runner 17.5.0 (8ec04662)\x1b[0;m",
             "section_start:1795352430:step_script\r\x1b[0K\x1b[0K\x1b[36;1mExecuting \"step_script\" stage of the job "
             "script\x1b[0;m\x1b[0;m",
             f"\x1b[32;1m$ curl --verbose --fail -X {request.method} \"$PROVIDER_URL\" -H @headers.txt "
             "--data-binary @transfer.json\x1b[0;m",
             f"* Host {request.host}:443 was resolved.", f"* Connected to {request.host} (104.18.2.1) port 443",
             f"> {request.method} {request.path} HTTP/2", f"> Host: {request.host}", "> Accept: */*"]
    lines += [f"> {name}: {value}" for name, value in request.headers]
    lines += [f"> Content-Length: {request.content_length}", ">", "< HTTP/2 200", "< content-type: application/json",
              "section_end:1795352431:step_script\r\x1b[0K"]
    return lines


SHAPES = [case(bigquery_sink_prettyjson, "bq-rows.json"), case(log_analytics_custom_table, "query.json"),
          case(pg_net_queue_psql, "queue.txt"), case(pg_net_queue_psql_aligned, "queue-aligned.txt"),
          case(mysql_vertical_binary_as_hex, "outbox.txt"),
          case(django_technical_500_locals, "500.html"),
          case(debezium_outbox_change, "outbox-events.jsonl"), case(rollbar_network_telemetry, "item.json"),
          case(kubernetes_audit_job, "audit.log")]
HEADERS_ONLY = [case(gitlab_job_trace_curl_verbose, "job.log"),
                case(webdriver_bidi_before_request_sent, "bidi-events.jsonl")]
NO_HEADERS: list[object] = []


def test_a_sumo_logic_csv_export_gives_the_same_request_findings(tmp_path: Path) -> None:
    # The service's JSON log lines searched in Sumo Logic and exported from the Messages tab (help.sumologic.com,
    # "Export search results": CSV, a header row, one row a message, the `_raw` column the message as ingested), each
    # field quoted as RFC 4180 quotes it (a quote in it doubled): one file, no lines between the rows.
    found, public = requests(tmp_path)
    out = io.StringIO()
    table = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    table.writerow(["_messagetimems", "_sourcecategory", "_sourcehost", "_raw"])
    for request in found:
        raw = json.dumps(_record(request), ensure_ascii=False, separators=(",", ":"))
        table.writerow(["1795352430104", "prod/payouts", "payouts-7d9f", raw])
    path = tmp_path / "search-results.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    assert_shape_findings(path, public, "sumo_logic_csv_export")
