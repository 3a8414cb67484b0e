"""A twenty-sixth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu
transfers unsigned, signed with the client's real key and with another key, an Asaas transfer) as
writers of kinds the other corpora do not show keep them — a CI platform's RAW job log (Buildkite's,
each line opened by an APC escape holding its time, around HTTPie's `--print=HB`), a desktop API
client's workspace EXPORT (Yaak's `yaak.json`), a BUSINESS PROCESS model whose service task sends them
(a Camunda 7 BPMN file's `http-connector`), a message BROKER's trace file (RabbitMQ's `rabbitmq_tracing`
in its text format), and the DATABASES of an outbox that keeps them: a document store's export
(`mongoexport`, the body as Extended JSON binary), a key-value store's scan (`aws dynamodb scan`, each
value in its type's tag), an embedded database's dump (sqlite3's `.dump`, a line break written
`replace('…\\n…','\\n',char(10))`) and a database server's statement log (PostgreSQL's
`log_statement = 'all'`, the bound parameters in a `DETAIL:  parameters: $1 = '…'` line).

Two of the eight passed as first written (Yaak's export, RabbitMQ's trace file). The document store's
export and the key-value store's scan pass since a value wrapped in a one-key object that says its
type is that value, as OTLP's `{"stringValue": …}` was: DynamoDB's type descriptors (`{"S": …}`, `{"N":
…}`, a map `{"M": {…}}` and a list `{"L": […]}` of wrapped values) and MongoDB's Extended JSON (`{"$oid":
…}`, a binary `{"$binary": {"base64": …}}` the text of its bytes), in the object that holds them too, not
only in the objects below it (before, the scan's method, URL and headers were objects, so no request
was read; the export's body was an object, so no signature was judged). The process model passes since
an XML element cut out of its document has the namespace prefixes its ancestors declared declared for
it (expat refused `camunda:` bound nowhere, and every element around the URL went unread), parameters
named by `name` are fields though their tags differ (input and output parameters), and a parameter that
holds only a map of entries named by `key` is that object (the headers). Buildkite's log passes since a
terminal control string is removed whole (APC, DCS, SOS and PM, to BEL or ST, as OSC was: the agent's
`\x1b_bk;t=<ms>\x07` left `bk;t=<ms>` before every line, and the printed request's body was not the bytes
sent), and since a command whose body is a file's (HTTPie's standard input redirected, `< transfer.json`;
curl's `@file`) sends a body it does not show, which any reading of the same request that shows one agrees
with (before, the echoed command and the request HTTPie printed were two requests, the command's two
signatures unverified and each signature seen twice). Six of the eight passed so. The two SQL
shapes were strict expected failures (no reader took a request from SQL values) until a statement that
writes rows became records (:mod:`keyaudit.inputs.captures.sql_records`): sqlite's dump writes each row as
an `INSERT INTO <table> VALUES(…);` whose values only the table's `CREATE TABLE` names (kept by the file's
scope, as a W3C log's columns are), and PostgreSQL's log binds `$1 = '…'` values in a `DETAIL:` line to the
placeholders of the statement on the line above. All eight pass.

A comment above each shape names the source file its format was taken from. What is checked is
what every blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for
``SHAPES``, never a body for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import base64
import json
from urllib.parse import urlsplit

from helpers.signed_shapes import Request, case, envelope

ANSWER = '{"errors":{"amount_cents":["is invalid"]}}'
OUTBOX_ID = "6740a1f3c2b9e81d4f0a7c55"


# --- a CI platform's raw log, an API client's export, a process model -----------------------------------------------

def buildkite_raw_log(request: Request) -> list[str]:
    # A Buildkite job's raw log, downloaded from the job's "Download" link (buildkite/agent internal/job: the agent's
    # log streamer opens each output line with the APC escape `\x1b_bk;t=<unix ms>\x07`; buildkite/buildkite-logs
    # README: `\x1b_bk;t=1745322209921\x07~~~ Running global environment hook`, commands echoed after `$ `) of a step
    # running HTTPie with `--print=HB` (httpie docs "Output options": H the request headers, B the request body,
    # no colours when stdout is no terminal; the request line with the path, HTTPie's default headers merged with
    # the given ones, a blank line, the body as read from stdin).
    url = urlsplit(request.url)
    given = " ".join(f"'{name}:{value}'" for name, value in request.headers)
    headers = [("Accept", "application/json, */*;q=0.5"), ("Accept-Encoding", "gzip, deflate"),
               ("Connection", "keep-alive"), ("Content-Length", request.content_length), ("Host", url.netloc),
               *request.headers]
    output = ["~~~ Running commands", f"$ http --print=HB {request.method} {request.url} {given} < transfer.json",
              f"{request.method} {url.path} HTTP/1.1", *(f"{name}: {value}" for name, value in headers), "",
              *request.body.split("\n"), "", "", "^^^ +++", "🚨 Error: The command exited with status 4"]
    return [f"\x1b_bk;t={1795352430104 + index * 3}\x07{line}" for index, line in enumerate(output)]


def yaak_export(request: Request) -> list[str]:
    # A Yaak workspace exported with "Export Data" to `yaak.payouts.json` and committed (mountain-loop/yaak
    # src-tauri/yaak-models models.rs HttpRequest, camelCase through serde: model, id, workspaceId, folderId,
    # createdAt, updatedAt, name, url, urlParameters, method, body {text}, bodyType, authentication,
    # authenticationType, headers [{enabled, name, value}]; the export's yaakVersion, yaakSchema, timestamp and
    # resources {workspaces, environments, folders, httpRequests, grpcRequests}; serde_json's pretty printer,
    # two spaces).
    model = {"model": "http_request", "id": "rq_Xk3p9LmQ2w", "workspaceId": "wk_P4y0uTs7", "folderId": None,
             "createdAt": "2026-11-20T10:12:41.118", "updatedAt": "2026-11-22T12:58:03.407",
             "name": "Send transfer", "description": "", "url": request.url, "urlParameters": [],
             "method": request.method, "body": {"text": request.body}, "bodyType": "application/json",
             "authentication": {}, "authenticationType": None, "sortPriority": 0.0,
             "headers": [{"enabled": True, "name": name, "value": value} for name, value in request.headers]}
    export = {"yaakVersion": "2025.1.2", "yaakSchema": 3, "timestamp": "2026-11-22T13:00:30.104",
              "resources": {"workspaces": [{"model": "workspace", "id": "wk_P4y0uTs7", "name": "Payouts"}],
                            "environments": [], "folders": [], "httpRequests": [model], "grpcRequests": []}}
    return json.dumps(export, indent=2, ensure_ascii=False).split("\n")


def camunda_http_connector(request: Request) -> list[str]:
    # A Camunda 7 process model, `payout.bpmn` saved by Camunda Modeler (docs.camunda.org/manual/7.21/reference/
    # connect/http-connector/ and user-guide/process-engine/connectors/: a service task's `camunda:connector` with
    # `camunda:connectorId` http-connector, input parameters `url`, `method`, `headers` as a `camunda:map` of
    # `camunda:entry key=` and `payload` as text; bpmn-io/moddle-xml write.js escapes only `<`, `>` and `&` in
    # element text, two spaces of indent).
    entries = [f'              <camunda:entry key="{name}">{value}</camunda:entry>' for name, value in request.headers]
    payload = request.body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return ['<?xml version="1.0" encoding="UTF-8"?>',
            '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
            'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" '
            'targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.29.0">',
            '  <bpmn:process id="payout" name="Payout" isExecutable="true">',
            '    <bpmn:serviceTask id="SendTransfer" name="Send transfer">',
            "      <bpmn:extensionElements>", "        <camunda:connector>", "          <camunda:inputOutput>",
            f'            <camunda:inputParameter name="url">{request.url}</camunda:inputParameter>',
            f'            <camunda:inputParameter name="method">{request.method}</camunda:inputParameter>',
            '            <camunda:inputParameter name="headers">', "              <camunda:map>",
            *("  " + entry for entry in entries), "              </camunda:map>",
            "            </camunda:inputParameter>",
            *f'            <camunda:inputParameter name="payload">{payload}</camunda:inputParameter>'.split("\n"),
            '            <camunda:outputParameter name="status">${statusCode}</camunda:outputParameter>',
            "          </camunda:inputOutput>", "          <camunda:connectorId>http-connector</camunda:connectorId>",
            "        </camunda:connector>", "      </bpmn:extensionElements>", "    </bpmn:serviceTask>",
            "  </bpmn:process>", "</bpmn:definitions>"]


# --- a broker's trace file ----------------------------------------------------------------------------------------

def rabbitmq_trace_text(request: Request) -> list[str]:
    # The trace file of the broker between the payouts API and its HTTP worker, `rabbitmq_tracing` on
    # `publish.payouts` in text format, fetched from `/api/trace-files/payouts.log` (rabbitmq/rabbitmq-server
    # deps/rabbitmq_tracing/src/rabbit_tracing_consumer.erl log(text, …): a blank line, 80 `=`, `<time>: Message
    # published`, a blank line, the `Node:`, `Connection:`, `Virtual host:`, `User:`, `Channel:`, `Exchange:`,
    # `Routing keys:` and `Routed queues:` lines (Erlang terms by ~tp), `Properties:`, `Payload: ` and the payload
    # as it is). The payload is the outbox's JSON, as Node's JSON.stringify writes it.
    payload = json.dumps(envelope(request), separators=(",", ":"))
    return ["", "=" * 80, "2026-11-22 13:00:30:104: Message published", "",
            "Node:         rabbit@mq-payouts-0", "Connection:   10.4.2.17:51544 -> 10.4.0.9:5672",
            "Virtual host: /", "User:         payouts-api", "Channel:      1", "Exchange:     payouts",
            "Routing keys: [<<\"transfer.send\">>]", "Routed queues: [<<\"payouts.http-outbox\">>]",
            "Properties:   [{<<\"content_type\">>,longstr,<<\"application/json\">>},{<<\"delivery_mode\">>,"
            "signedint,2}]", "Payload: ", payload]


# --- databases of an outbox -------------------------------------------------------------------------------------

def mongoexport_binary(request: Request) -> list[str]:
    # `mongoexport --db=payouts --collection=http_outbox` attached to an incident (mongodb/mongo-tools mongoexport:
    # one document a line in relaxed Extended JSON v2, the default (docs "MongoDB Extended JSON (v2)": ObjectId
    # `{"$oid": …}`, Date `{"$date": "<ISO-8601>"}`, Binary `{"$binary": {"base64": …, "subType": "00"}}`), the
    # body kept as the bytes to send (a Node Buffer, so the signature's bytes are the ones stored).
    document = {"_id": {"$oid": OUTBOX_ID}, "method": request.method, "url": request.url,
                "headers": dict(request.headers),
                "body": {"$binary": {"base64": base64.b64encode(request.body.encode()).decode(), "subType": "00"}},
                "status": "failed", "createdAt": {"$date": "2026-11-22T13:00:30.104Z"}}
    return [json.dumps(document, separators=(",", ":"))]


def _dynamo(value: object) -> dict[str, object]:
    """A value as DynamoDB's JSON writes it (docs "DynamoDB low-level API", Data type descriptors):
    a string `{"S": …}`, a number `{"N": "<digits>"}`, a map `{"M": {…}}`."""
    if isinstance(value, dict):
        return {"M": {key: _dynamo(item) for key, item in value.items()}}
    if isinstance(value, int):
        return {"N": str(value)}
    return {"S": value}


def dynamodb_scan(request: Request) -> list[str]:
    # `aws dynamodb scan --table-name payout-outbox` pasted into a runbook (AWS CLI Command Reference dynamodb scan,
    # output Items, Count, ScannedCount, ConsumedCapacity; each attribute value in its data type descriptor; the
    # CLI's json output indented four spaces).
    item = {"id": "po_20261122_0001", **envelope(request), "attempts": 3}
    output = {"Items": [{key: _dynamo(value) for key, value in item.items()}], "Count": 1, "ScannedCount": 1,
              "ConsumedCapacity": None}
    return json.dumps(output, indent=4).split("\n")


def _sqlite_text(value: str) -> str:
    """A text value as sqlite3's `.dump` writes it (sqlite src/shell.c.in output_quoted_escaped_string):
    quoted with `'`, a `'` doubled, and a value holding a line break written `\\n` inside
    `replace('…','\\n',char(10))`."""
    quoted = "'" + value.replace("'", "''").replace("\n", "\\n") + "'"
    return f"replace({quoted},'\\n',char(10))" if "\n" in value else quoted


def sqlite_dump(request: Request) -> list[str]:
    # An app's local outbox, `sqlite3 outbox.db .dump` sent with a bug report (sqlite src/shell.c.in dump_callback:
    # `PRAGMA foreign_keys=OFF;`, `BEGIN TRANSACTION;`, the table's CREATE, an `INSERT INTO <table> VALUES(…);` a
    # row, `COMMIT;`).
    values = ["1", _sqlite_text(request.method), _sqlite_text(request.url),
              _sqlite_text(json.dumps(dict(request.headers), separators=(",", ":"))), _sqlite_text(request.body),
              "'failed'"]
    return ["PRAGMA foreign_keys=OFF;", "BEGIN TRANSACTION;",
            "CREATE TABLE outbox (id INTEGER PRIMARY KEY, method TEXT NOT NULL, url TEXT NOT NULL, "
            "headers TEXT NOT NULL, body TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'pending');",
            f"INSERT INTO outbox VALUES({','.join(values)});", "COMMIT;"]


def postgres_statement_log(request: Request) -> list[str]:
    # The database server's log with `log_statement = 'all'` while the outbox was debugged (PostgreSQL docs
    # "Error Reporting and Logging": log_line_prefix '%m [%p] ' by default; an extended-protocol statement logged as
    # `LOG:  execute <unnamed>: <query>` and its bound values as `DETAIL:  parameters: $1 = '…', $2 = '…'`, each
    # quoted with `'` doubled inside (log_parameter_max_length -1: whole); a value's line breaks written as they
    # are, the stderr log's later lines carrying no prefix).
    values = [request.method, request.url, json.dumps(dict(request.headers), separators=(",", ":")), request.body]
    parameters = ", ".join(f"${index} = '" + value.replace("'", "''") + "'" for index, value in enumerate(values, 1))
    prefix = "2026-11-22 13:00:30.104 UTC [4121] "
    return [f"{prefix}LOG:  execute <unnamed>: INSERT INTO http_outbox (method, url, headers, body) "
            "VALUES ($1, $2, $3::jsonb, $4) RETURNING id",
            *f"{prefix}DETAIL:  parameters: {parameters}".split("\n")]


SHAPES = [case(buildkite_raw_log, "job.log"), case(yaak_export, "yaak.payouts.json"),
          case(camunda_http_connector, "payout.bpmn"), case(rabbitmq_trace_text, "payouts.log"),
          case(mongoexport_binary, "http_outbox.json"), case(dynamodb_scan, "scan.json"),
          case(sqlite_dump, "outbox.sql"),
          case(postgres_statement_log, "postgresql.log")]
HEADERS_ONLY: list[object] = []
NO_HEADERS: list[object] = []
