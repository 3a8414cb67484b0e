"""A forty-seventh blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu transfers unsigned,
signed with the client's real key and with another key, an Asaas transfer) as the DATABASES AND DATA PLATFORMS that
make the HTTP call themselves record it — a PostgreSQL `http` extension call in the server log (stderr with
`log_statement = 'all'`, and `jsonlog`), SQL Server's `sp_invoke_external_rest_endpoint` in an Extended Events
capture, Oracle `UTL_HTTP` with `DBMS_OUTPUT` under SQL*Plus and `APEX_WEB_SERVICE` with `apex_debug` read through
SQLcl, a Snowflake external-access UDF's log in its event table, a BigQuery remote function's Cloud Logging entry,
ClickHouse's `url()` table function in `system.query_log`, DuckDB's HTTP logging, Couchbase Eventing's `curl()` in
the function's application log, a MongoDB Atlas trigger's `context.http` in the App Services logs, and a Firestore-
triggered Cloud Function's `firebase functions:log`.

Four of the twelve passed as first written, before the readers were read (the Oracle block's DBMS_OUTPUT lines, the
Snowflake event table's rows, the BigQuery remote function's log entries, `firebase functions:log`). Of the eight that
did not, five pass now, by three rules:

- a statement a database ran that called its own HTTP client (pgsql-http's `(…)::http_request`, SQL Server's
  `sp_invoke_external_rest_endpoint`, Oracle's `UTL_HTTP` and `APEX_WEB_SERVICE`), shown by a file that is no source
  code — a server log, a JSON log record's message, an event capture's batch text — is read as SQL source is, from
  the text its record holds (:data:`keyaudit.inputs.captures.source_files.LOGGED_SQL_CALLS`): the log line, the
  `jsonlog` record and the Extended Events capture (all three found nothing: no reader of logs reads SQL);
- an options object printed right after the call it is given to (`context.http.post {url, headers, body}`) names
  its method there, in a line or in a JSON string that holds the call and the object (an array of log lines'
  item; :mod:`keyaudit.inputs.captures.jsonlog`): the Atlas trigger's log;
- a request line indented by a tab under a section's title (`HTTP Request:`; the method and an origin-form target, no
  HTTP version), its header fields indented alike (:mod:`keyaudit.inputs.captures.dump_wrapped`): DuckDB's log.

Three remain strict expected failures, each marked with what it misses (APEX's debug rows, ClickHouse's `url()`
insert, Couchbase's split URL).

A comment above each shape names the source its format was taken from. What is checked is what every
blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``, never a body
for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import json
from pathlib import Path

from helpers.running import request_rules, scan_json
from helpers.signed_shapes import Request, case, header_value, json_line, json_pretty, requests, run_id

STAMP = "2026-11-22T13:00:30.104Z"



def _sql(text: str) -> str:
    """A SQL string literal: the text in single quotes, a quote in it doubled."""
    return "'" + text.replace("'", "''") + "'"


def _others(request: Request) -> list[tuple[str, str]]:
    """The headers but Content-Type, which the PostgreSQL `http_request` row takes in a field of its own."""
    return [(name, value) for name, value in request.headers if name != "Content-Type"]


def _pgsql_http_call(request: Request) -> str:
    # The `http` extension (github.com/pramsey/pgsql-http README: `http(request http_request)`, the composite type
    # http_request(method http_method, uri varchar, headers http_header[], content_type varchar, content varchar),
    # `http_header(field, value)`; "SELECT status, content_type FROM http(('GET', 'http://…', ARRAY[http_header(…)],
    # NULL, NULL)::http_request)").
    headers = ", ".join(f"http_header({_sql(name)}, {_sql(value)})" for name, value in _others(request))
    return (f"SELECT status, content FROM http(({_sql(request.method)}, {_sql(request.url)}, ARRAY[{headers}], "
            f"{_sql(header_value(request, 'Content-Type'))}, {_sql(request.body)})::http_request);")


# --- PostgreSQL: the http extension's call in the server log (stderr, log_statement = 'all') -----------------------

def pgsql_http_log_statement(request: Request) -> list[str]:
    # A payouts trigger function debugged with `log_statement = 'all'` (postgresql.org/docs/current/runtime-config-
    # logging.html: "all statements"; log_line_prefix '%m [%p] %q%u@%d ' — time with milliseconds, process id, user
    # and database), each statement written after `LOG:  statement: `, a statement of several lines continued as it
    # was sent.
    head = "2026-11-22 13:00:30.104 UTC [4242] payouts@loja "
    return (f"{head}LOG:  statement: " + _pgsql_http_call(request)).split("\n") + [
        f"{head}LOG:  duration: 312.104 ms"]


# --- PostgreSQL: the same call in the jsonlog destination ----------------------------------------------------------

def pgsql_http_jsonlog(request: Request) -> list[str]:
    # PostgreSQL 15's `log_destination = 'jsonlog'` (runtime-config-logging.html "Using JSON-Format Log Output":
    # timestamp, user, dbname, pid, remote_host, session_id, line_num, ps, session_start, vxid, txid, error_severity,
    # message, application_name, backend_type, query_id), one object a line.
    return json_line({"timestamp": "2026-11-22 13:00:30.104 UTC", "user": "payouts", "dbname": "loja", "pid": 4242,
                  "remote_host": "[local]", "session_id": "6560b1e6.1092", "line_num": 3, "ps": "SELECT",
                  "session_start": "2026-11-22 12:58:14 UTC", "vxid": "3/41", "txid": 0, "error_severity": "LOG",
                  "message": "statement: " + _pgsql_http_call(request), "application_name": "psql",
                  "backend_type": "client backend", "query_id": 0})


# --- SQL Server: sp_invoke_external_rest_endpoint in an Extended Events capture ------------------------------------

def sqlserver_xevent_batch(request: Request) -> list[str]:
    # A procedure paying out with sp_invoke_external_rest_endpoint (learn.microsoft.com … sp-invoke-external-rest-
    # endpoint-transact-sql: @url, @payload, @headers "flat JSON", @method, @timeout, @credential, @response OUTPUT),
    # caught by an Extended Events session on sqlserver.sql_batch_completed written to an event_file and read with
    # sys.fn_xe_file_target_read_file (event_data: `<event name package timestamp><data name><value>…`), the XML as
    # SSMS shows it; `&`, `<`, `>` the only characters escaped in text.
    headers = json.dumps({name: value for name, value in request.headers if name != "Content-Length"},
                         separators=(",", ":"), ensure_ascii=False)
    batch = "\n".join(["DECLARE @r nvarchar(max);", "EXEC @rc = sp_invoke_external_rest_endpoint",
                       f"  @url = N{_sql(request.url)},", f"  @method = {_sql(request.method)},",
                       f"  @headers = N{_sql(headers)},", f"  @payload = N{_sql(request.body)},",
                       "  @response = @r OUTPUT;"])
    text = batch.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return [f'<event name="sql_batch_completed" package="sqlserver" timestamp="{STAMP}">',
            '  <data name="duration"><value>312104</value></data>',
            '  <data name="row_count"><value>1</value></data>',
            *f'  <data name="batch_text"><value>{text}</value></data>'.split("\n"),
            '  <action name="database_name" package="sqlserver"><value>Loja</value></action>',
            "</event>"]


# --- Oracle: UTL_HTTP with DBMS_OUTPUT under SQL*Plus -------------------------------------------------------------

def oracle_utl_http_dbms_output(request: Request) -> list[str]:
    # A PL/SQL block paying out with UTL_HTTP (docs.oracle.com … arpls/UTL_HTTP.html: BEGIN_REQUEST(url, method,
    # http_version), SET_HEADER(r, name, value), WRITE_TEXT(r, data), GET_RESPONSE) that prints what it sends with
    # DBMS_OUTPUT.PUT_LINE before each call — the method, URL and version, each header `name: value`, a blank, the
    # body — run under SQL*Plus with `SET SERVEROUTPUT ON` (the lines after the block, then "PL/SQL procedure
    # successfully completed.").
    return ["SQL> @pay_transfer.sql", f"{request.method} {request.url} HTTP/1.1",
            *(f"{name}: {value}" for name, value in request.headers),
            f"Content-Length: {request.content_length}", "", *request.body.split("\n"),
            "status: 201", "", "PL/SQL procedure successfully completed.", ""]


# --- Oracle APEX: APEX_WEB_SERVICE with apex_debug, read through SQLcl ----------------------------------------------

def apex_web_service_debug_sqlcl(request: Request) -> list[str]:
    # An APEX process paying out with APEX_WEB_SERVICE.MAKE_REST_REQUEST (docs.oracle.com … aexapi/MAKE_REST_REQUEST-
    # Function: p_url, p_http_method, p_body; the headers set first in g_request_headers(n).name / .value), logging
    # each with apex_debug.info('%s: %s', …) and the APEX_DEBUG_MESSAGES view read in SQLcl with `SET SQLFORMAT json`
    # (`{"results":[{"columns":[{"name","type"}…],"items":[{column: value}…]}]}`, the names lower case).
    messages = [f"make_rest_request p_http_method: {request.method}", f"make_rest_request p_url: {request.url}",
                *(f"g_request_headers: {name}: {value}" for name, value in request.headers),
                f"make_rest_request p_body: {request.body}"]
    items = [{"message_timestamp": "22-NOV-26 01.00.30.104000 PM", "page_id": 42, "message_level": 4,
              "message": message} for message in messages]
    return json_line({"results": [{"columns": [{"name": "MESSAGE_TIMESTAMP", "type": "TIMESTAMP"},
                                           {"name": "PAGE_ID", "type": "NUMBER"},
                                           {"name": "MESSAGE_LEVEL", "type": "NUMBER"},
                                           {"name": "MESSAGE", "type": "VARCHAR2"}], "items": items}]})


# --- Snowflake: an external-access UDF's log in the event table ----------------------------------------------------

def snowflake_event_table_log(request: Request) -> list[str]:
    # A Python UDF with EXTERNAL_ACCESS_INTEGRATIONS paying out with `requests` and logging through the `logging`
    # module with `extra=` (docs.snowflake.com … logging-tracing/logging-python: "extra … added as attributes in the
    # RECORD_ATTRIBUTES column"; event-table-columns: TIMESTAMP, RESOURCE_ATTRIBUTES, SCOPE, RECORD_TYPE, RECORD,
    # RECORD_ATTRIBUTES, VALUE), the extra keys named by OpenTelemetry's HTTP conventions (http.request.method,
    # url.full, http.request.header.<name> — the name lower-cased, the value a list of strings), the rows read with
    # SnowSQL `-o output_format=json`.
    attributes: dict[str, object] = {"code.filepath": "_udf_code.py", "code.function": "send_transfer",
                                     "code.lineno": 42, "http.request.method": request.method,
                                     "url.full": request.url}
    attributes |= {f"http.request.header.{name.lower()}": [value] for name, value in request.headers}
    attributes["http.request.body"] = request.body
    row = {"TIMESTAMP": "2026-11-22 13:00:30.104", "RESOURCE_ATTRIBUTES": json.dumps({
        "db.user": "PAYOUTS", "snow.database.name": "LOJA", "snow.schema.name": "PAYOUTS",
        "snow.executable.name": "SEND_TRANSFER(ID NUMBER):VARCHAR", "snow.executable.type": "FUNCTION",
        "telemetry.sdk.language": "python"}, indent=2), "SCOPE": '{\n  "name": "payouts"\n}',
           "RECORD_TYPE": "LOG", "RECORD": '{\n  "severity_text": "INFO"\n}',
           "RECORD_ATTRIBUTES": json.dumps(attributes, indent=2, ensure_ascii=False), "VALUE": '"iugu transfer"'}
    return json_pretty([row])


# --- BigQuery: a remote function's Cloud Logging entry -------------------------------------------------------------

def bigquery_remote_function_logging(request: Request) -> list[str]:
    # A BigQuery remote function (cloud.google.com/bigquery/docs/remote-functions: the Cloud Run function receives
    # requestId, caller, sessionUser, userDefinedContext, calls) that pays out and logs the call as one JSON line to
    # stdout, which Cloud Logging makes an entry's jsonPayload (cloud.google.com/logging/docs/structured-logging:
    # `message`, `severity` lifted, the rest kept), the entries read with `gcloud logging read --format=json`.
    payload = {"message": "iugu transfer sent", "bq_caller": "//bigquery.googleapis.com/projects/loja/jobs/"
               "bquxjob_41", "requestId": run_id(request), "outbound": {
                   "method": request.method, "url": request.url, "headers": dict(request.headers),
                   "body": request.body}}
    return json_pretty([{"insertId": run_id(request)[:16], "jsonPayload": payload, "labels": {
        "instanceId": "0069c7a9"}, "logName": "projects/loja/logs/run.googleapis.com%2Fstdout",
        "receiveTimestamp": STAMP, "resource": {"labels": {"service_name": "send-transfer", "location":
                                                           "southamerica-east1"}, "type": "cloud_run_revision"},
        "severity": "INFO", "timestamp": STAMP}])


# --- ClickHouse: INSERT INTO FUNCTION url() in system.query_log -----------------------------------------------------

def clickhouse_query_log_url_insert(request: Request) -> list[str]:
    # ClickHouse's url table function (clickhouse.com/docs/sql-reference/table-functions/url: `url(URL [,format]
    # [,structure] [,headers])`, "GET or POST requests (for SELECT or INSERT queries correspondingly)", headers as
    # `headers('key1'='value1', …)`) sending the body as written with the RawBLOB format, the query read back from
    # system.query_log (query, query_kind, type, event_time …) with `FORMAT JSONEachRow`.
    headers = ", ".join(f"{_sql(name)}={_sql(value)}" for name, value in request.headers)
    query = (f"INSERT INTO FUNCTION url({_sql(request.url)}, 'RawBLOB', 'body String', headers({headers})) "
             f"VALUES ({_sql(request.body)})")
    return json_line({"type": "QueryFinish", "event_time": "2026-11-22 13:00:30", "query_duration_ms": 312,
                  "query_kind": "Insert", "user": "payouts", "query_id": run_id(request), "query": query,
                  "written_rows": 1})


# --- DuckDB: HTTP logging -------------------------------------------------------------------------------------------

def duckdb_http_logging(request: Request) -> list[str]:
    # DuckDB with `SET enable_http_logging = true` and `SET http_logging_output = 'http-log.txt'` (duckdb.org docs
    # operations_manual/logging: "HTTP Request:", a tab, the method and path, a tab before each header; "HTTP
    # Response:" and its status and headers) while a notebook pays out through the http client extension; the
    # logger writes no body.
    return ["HTTP Request:", f"\t{request.method} {request.path}", f"\tHost: {request.host}",
            *(f"\t{name}: {value}" for name, value in request.headers),
            f"\tContent-Length: {request.content_length}", "", "HTTP Response:", "\t201 Created HTTP/1.1",
            "\tContent-Type: application/json", ""]


# --- Couchbase Eventing: curl() in the function's application log ---------------------------------------------------

def couchbase_eventing_curl_log(request: Request) -> list[str]:
    # A Couchbase Eventing function paying out on a payout document's mutation with curl (docs.couchbase.com …
    # eventing-curl-spec: `curl(method, binding, [request_object])`, request_object.path, .headers, .body; the
    # binding a URL alias, here its URL written beside it), logging `log('iugu curl', method, url, req)` first: each
    # argument JSON in the function's application log (`<time> [INFO] "…" …`, the Eventing debugging and
    # diagnosability page).
    base = f"https://{request.host}"
    req = {"path": request.path, "headers": dict(request.headers), "body": request.body}
    return [f'2026-11-22T13:00:30.104-03:00 [INFO] "iugu curl" "{request.method}" "{base}" '
            + json.dumps(req, separators=(",", ":"), ensure_ascii=False)]


# --- MongoDB Atlas: a trigger's context.http call in the App Services logs ------------------------------------------

def mongodb_atlas_trigger_logs(request: Request) -> list[str]:
    # A database trigger paying out with context.http.post (mongodb.com/docs/atlas/app-services … http.post: url,
    # headers "<document>" — each value a list of strings, `{"Content-Type": ["application/json"]}` — body,
    # encodeBodyAsJSON), logging `console.log(JSON.stringify(args))` first; the app's logs read from the Admin API
    # (`GET /groups/{groupId}/apps/{appId}/logs`: `{"logs": [{_id, co_id, type, …, function_name, started,
    # completed, error, logs: [lines], status}]}`).
    args = {"url": request.url, "headers": {name: [value] for name, value in request.headers},
            "body": request.body}
    entry = {"_id": run_id(request).replace("-", "")[:24], "co_id": run_id(request)[::-1][:24],
             "type": "DATABASE_TRIGGER", "domain_id": "6560b1e6a1b2c3d4e5f60718", "app_id": "6560b1e6a1b2c3d4e5f60719",
             "group_id": "6560b1e6a1b2c3d4e5f6071a", "request_url": "", "request_method": "",
             "event_subscription_id": "6560b1e6a1b2c3d4e5f6071b", "event_subscription_name": "payoutInserted",
             "function_id": "6560b1e6a1b2c3d4e5f6071c", "function_name": "sendTransfer", "started": STAMP,
             "completed": STAMP, "error": None, "logs": [JSON_PREFIX + json.dumps(args, ensure_ascii=False)],
             "status": "OK", "messages": ["running function 'sendTransfer'"], "mem_time_usage": 1.2e8}
    return json_pretty({"logs": [entry], "nextEndDate": STAMP, "nextSkip": 1})


JSON_PREFIX = "context.http.post "


# --- Firebase: a Firestore-triggered function in `firebase functions:log` -------------------------------------------

def firebase_functions_log(request: Request) -> list[str]:
    # A Cloud Function triggered by onDocumentCreated("payouts/{id}") (firebase.google.com/docs/functions/firestore-
    # events) paying out with fetch and logging `logger.info("iugu transfer", {method, url, headers, body})`
    # (firebase.google.com/docs/functions/writing-and-viewing-logs: "structured data … as the last argument"),
    # read with `firebase functions:log` (each entry `<time> <severity letter> <function>: <message>`, the data
    # after the message as JSON).
    data = {"method": request.method, "url": request.url, "headers": dict(request.headers), "body": request.body}
    return [f"{STAMP} I sendtransfer: iugu transfer " + json.dumps(data, ensure_ascii=False, separators=(",", ":"))]


SHAPES = [case(pgsql_http_log_statement, "postgresql.log"),
          case(pgsql_http_jsonlog, "postgresql.json"),
          case(sqlserver_xevent_batch, "rest_calls.xml"),
          case(oracle_utl_http_dbms_output, "pay_transfer.lst"),
          case(apex_web_service_debug_sqlcl, "apex_debug.json", missed=(
              "no request found: the method, the URL, each header and the body are debug messages of their own, "
              "each a row of the result set; no reader joins rows into one request")),
          case(snowflake_event_table_log, "events.json"),
          case(bigquery_remote_function_logging, "entries.json"),
          case(clickhouse_query_log_url_insert, "query_log.jsonl", missed=(
              "no request found: `INSERT INTO FUNCTION url(…, headers(…)) VALUES (…)` says its POST by the "
              "INSERT; no reader reads the url() table function's arguments as a request")),
          case(couchbase_eventing_curl_log, "sendTransfer.log", missed=(
              "no request found: the method, the binding's URL and the request object (its `path`, headers, body) "
              "are separate arguments of one log line; no reader joins a base URL to an object's path")),
          case(mongodb_atlas_trigger_logs, "app-logs.json"),
          case(firebase_functions_log, "functions.log")]
HEADERS_ONLY: list[object] = [case(duckdb_http_logging, "http-log.txt")]
NO_HEADERS: list[object] = []


# --- traps: what these platforms write that is no request -----------------------------------------------------------

def _scan_lines(tmp_path: Path, name: str, lines: list[str]) -> dict:
    _, public = requests(tmp_path)
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report, _ = scan_json("--public-key", str(public), str(path))
    return report


def test_pg_net_response_rows_are_no_requests(tmp_path: Path) -> None:
    # pg_net's responses (supabase/pg_net: net._http_response(id, status_code, content_type, headers jsonb, content,
    # timed_out, error_msg, created)) read with psql: what came back from iugu, no request of the client's.
    lines = [" id  | status_code |  content_type    |                       headers                       | content",
             "-----+-------------+------------------+-----------------------------------------------------+--------",
             ' 41  |         201 | application/json | {"Date": "Sun, 22 Nov 2026 13:00:30 GMT", "Server": "iugu"} | '
             '{"id":"t1","url":"https://api.iugu.com/v1/transfers/t1"}', "(1 row)"]
    report = _scan_lines(tmp_path, "responses.txt", lines)
    assert request_rules(report) == [], request_rules(report)
    assert not report["scan"]["requests"].get("requests_judged"), report["scan"]["requests"]


def test_settings_and_ddl_naming_the_api_are_no_calls(tmp_path: Path) -> None:
    # What names the API without calling it: Snowflake's network rule and external access integration (docs.snowflake
    # .com … CREATE NETWORK RULE … VALUE_LIST), a settings row written in the PostgreSQL log, ClickHouse's named
    # collection of the URL, SQL Server's database scoped credential for the URL.
    head = "2026-11-22 13:00:30.104 UTC [4242] payouts@loja LOG:  statement: "
    lines = ["CREATE OR REPLACE NETWORK RULE iugu_api MODE = EGRESS TYPE = HOST_PORT VALUE_LIST = ('api.iugu.com');",
             "CREATE OR REPLACE EXTERNAL ACCESS INTEGRATION iugu_access ALLOWED_NETWORK_RULES = (iugu_api) "
             "ENABLED = TRUE;",
             f"{head}INSERT INTO settings(name, value) VALUES ('iugu_transfers_url', "
             "'https://api.iugu.com/v1/transfers'), ('iugu_method', 'POST');",
             "CREATE NAMED COLLECTION iugu AS url = 'https://api.iugu.com/v1/transfers', method = 'POST', "
             "format = 'RawBLOB';",
             "CREATE DATABASE SCOPED CREDENTIAL [https://api.asaas.com/v3/transfers] "
             "WITH IDENTITY = 'HTTPEndpointHeaders', SECRET = '{\"Content-Type\":\"application/json\"}';"]
    report = _scan_lines(tmp_path, "setup.sql.log", lines)
    assert request_rules(report) == [], request_rules(report)
    assert not report["scan"]["requests"].get("requests_judged"), report["scan"]["requests"]


def test_a_logged_statement_naming_the_http_functions_without_a_transfer_is_no_request(tmp_path: Path) -> None:
    # What a database's logs say of its HTTP functions without a transfer sent: SQL Server's error for a refused call
    # (Msg 31608 names the procedure and the URL) and its @response printed (learn.microsoft.com … "response": status,
    # headers; "result"), the grant that allows the calls, an http_request GET of a transfer's status, and the pgsql-
    # http DDL that makes the type.
    head = "2026-11-22 13:00:30.104 UTC [4242] payouts@loja LOG:  statement: "
    lines = ["Msg 31608, Level 16, State 1, Procedure sp_invoke_external_rest_endpoint, Line 1 [Batch Start Line 0]",
             "An error occurred, failed to communicate with the external rest endpoint 'https://api.asaas.com/v3/"
             "transfers'. HRESULT: 0x80072ee7.",
             '{"response":{"status":{"http":{"code":201,"description":"Created"}},"headers":{"Date":"Sun, 22 Nov 2026 '
             '13:00:30 GMT","Content-Type":"application/json"}},"result":{"id":"t1","object":"transfer",'
             '"url":"https://api.asaas.com/v3/transfers/t1"}}',
             "GRANT EXECUTE ANY EXTERNAL ENDPOINT TO payouts; -- sp_invoke_external_rest_endpoint to "
             "https://api.asaas.com/v3/transfers",
             f"{head}SELECT status, content FROM http(('GET', 'https://api.iugu.com/v1/transfers/t1', "
             "ARRAY[http_header('Accept', 'application/json')], NULL, NULL)::http_request);",
             f"{head}CREATE TYPE http_request AS (method http_method, uri varchar, headers http_header[], "
             "content_type varchar, content varchar); -- https://api.iugu.com/v1/transfers"]
    report = _scan_lines(tmp_path, "server.log", lines)
    assert request_rules(report) == [], request_rules(report)


def test_a_document_s_sql_example_is_no_call_a_log_s_statement_is(tmp_path: Path) -> None:
    # The same UTL_HTTP block in a README's code fence (an example, as its Python or curl would be) and as a
    # database's server log ran it: only the log's is a request sent.
    block = ["DECLARE", "  req  UTL_HTTP.req;", "BEGIN",
             "  req := UTL_HTTP.BEGIN_REQUEST('https://api.iugu.com/v1/transfers', 'POST', 'HTTP/1.1');",
             "  UTL_HTTP.SET_HEADER(req, 'Content-Type', 'application/json');",
             "  UTL_HTTP.WRITE_TEXT(req, '{\"amount_cents\":1050}');", "END;"]
    document = _scan_lines(tmp_path, "README.md", ["# Paying out from Oracle", "", "Do not do this:", "", "```sql",
                                                   *block, "```"])
    assert request_rules(document) == [], request_rules(document)
    head = "2026-11-22 13:00:30.104 UTC [4242] payouts@loja LOG:  statement: "
    logged = _scan_lines(tmp_path, "server.log", [head + block[0], *block[1:]])
    assert request_rules(logged) == ["iugu-unsigned-transfer"], request_rules(logged)


def test_an_object_after_a_member_named_post_that_sends_nothing_is_no_transfer(tmp_path: Path) -> None:
    # A blog's post object and a call's answer printed after the call that got it: a member named `post` before an
    # object says the object's method only where the object is a request's options (a URL, headers and a body).
    lines = ['2026-11-22 13:00:30 INFO cms blog.post {"url": "https://api.iugu.com/v1/transfer_requests", '
             '"title": "How we pay suppliers", "body": "We call the transfers API."}',
             '        "context.http.post answer {\\"status\\": \\"201 Created\\", \\"statusCode\\": 201, '
             '\\"headers\\": {\\"Content-Type\\": [\\"application/json\\"]}, \\"body\\": \\"{\\\\\\"id\\\\\\":'
             '\\\\\\"t1\\\\\\"}\\"}",']
    report = _scan_lines(tmp_path, "app.log", lines)
    assert request_rules(report) == [], request_rules(report)


def test_duckdb_requests_elsewhere_and_its_responses_are_no_transfers(tmp_path: Path) -> None:
    # DuckDB's HTTP log of reading a Parquet file and installing an extension (duckdb.org … logging: HEAD and GET
    # requests to blobs.duckdb.org), then a GET of a transfer's status from iugu: none sends a transfer.
    lines = ["HTTP Request:", "\tHEAD /stations.parquet", "\tAccept: */*", "\tHost: blobs.duckdb.org",
             "\tUser-Agent: cpp-httplib/0.14.3", "", "HTTP Response:", "\t200 OK", "",
             "HTTP Request:", "\tGET /v1/transfer_requests/t1", "\tAccept: */*", "\tHost: api.iugu.com",
             "\tUser-Agent: cpp-httplib/0.14.3", "", "HTTP Response:", "\t200 OK",
             "\tContent-Type: application/json", ""]
    report = _scan_lines(tmp_path, "http-log.txt", lines)
    assert request_rules(report) == [], request_rules(report)
