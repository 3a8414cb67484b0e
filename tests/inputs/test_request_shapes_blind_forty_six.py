"""A forty-sixth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu transfers unsigned,
signed with the client's real key and with another key, an Asaas transfer) as the BUSINESS PLATFORMS that call a
payment API on a company's behalf log their outbound calls — ServiceNow's outbound HTTP log read through the Table API
and a RESTMessageV2 script's system log lines, NetSuite's script execution log exported as CSV and a SuiteScript's
`log.debug` of the options it gives `https.post`, a Dynamics 365 plug-in's trace log, a Boomi process log's Notify
shape, a Workato job's step input, a Zapier Webhooks step's data in, a Shopify Flow run's action input, an Odoo module's
debug lines, a Drupal watchdog entry of Guzzle's log middleware, a Retool workflow's block run log, and Salesforce's
ApexCallout event log file.

Six of the thirteen passed as first written, before the readers were read (ServiceNow's outbound log and script log,
Workato's step input, Shopify Flow's action input, Drupal's watchdog entry, Retool's block log). Of the seven that did
not, one was the corpus's own fault: an event log file is a CSV export, its header row the file's first line, and was
written between heartbeat lines — written as the file it is, it passes (a test of its own below, as the other table
exports' are). Five are strict expected failures, each marked with what it misses; NetSuite's execution log, a
CSV whose header names no request's role, passes since a CSV cell is read as the quoting layer it is: the Details
cell's text, its quotes undone, is a JSON record as a string's would be (:func:`.jsonlog._inner_records`).
Zapier's needs a key joined by a double underscore read as a path, as a dotted key is (`headers__Signature`); a rule
that did so was reverted on review: .NET and pydantic settings from the environment are written so too
(`Payouts__Iugu__Method`, `Payouts__Iugu__Headers__Content-Type`), and a configuration dump became an unsigned transfer.

A comment above each shape names the source its format was taken from. What is checked is what every
blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``, never a body
for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from helpers.running import request_rules, scan_json
from helpers.signed_shapes import Request, assert_shape_findings, case, json_line, json_pretty, requests, run_id

STAMP = "2026-11-22T13:00:30.104Z"
AGENT = "payouts/3.1"



# --- ServiceNow: the outbound HTTP log through the Table API -------------------------------------------------------

def servicenow_outbound_http_log(request: Request) -> list[str]:
    # The payouts scoped app's REST Message at log level "All" (servicenow.com/docs …/web-services/outbound-logging-
    # configure: Basic — sequence, HTTP method, protocol, scheme, host, path, response status; Elevated adds the
    # request headers, the query string and the response headers; All adds the request and response bodies), its
    # records of the System Logs > Outbound HTTP Requests table [sys_outbound_http_log] read back with
    # `GET /api/now/table/sys_outbound_http_log?sysparm_query=…` (the Table API's {"result": [records]}, every
    # field a string; the headers one text field of `Name: value` lines), printed two blanks an indent.
    fields = [f"{name}: {value}" for name, value in request.headers]
    record = {"sys_id": run_id(request).replace("-", ""), "sequence": "1", "http_method": request.method,
              "protocol": "HTTP/1.1", "scheme": "https", "hostname": request.host, "path": request.path,
              "url": request.url, "request_headers": "\n".join(fields + [f"Content-Length: {request.content_length}"]),
              "request_body": request.body, "response_status": "201",
              "response_headers": "Content-Type: application/json\nContent-Length: 11",
              "response_body": '{"id":"t1"}', "source": "x_payouts.TransferMessage", "sys_created_on":
              "2026-11-22 13:00:30"}
    return json_pretty({"result": [record]})


# --- ServiceNow: a RESTMessageV2 script's system log lines ---------------------------------------------------------

def servicenow_script_log(request: Request) -> list[str]:
    # A Script Include sending the transfer with sn_ws.RESTMessageV2 (developer.servicenow.com … RESTMessageV2:
    # setHttpMethod, setEndpoint, setRequestHeader, setRequestBody, getRequestHeaders() "all headers … as name-value
    # pairs", getRequestBody()) and writing each with gs.info before execute(); the System Log [syslog] export as
    # text, each message after ServiceNow's `*** Script: ` prefix, the headers object printed as JSON.
    message = request.method.lower()
    head = "2026-11-22 13:00:30 (104) worker.0 txid=8a1f2b3c "
    return [f"{head}*** Script: TransferClient endpoint: {request.url}",
            f"{head}*** Script: TransferClient http method: {message}",
            f"{head}*** Script: TransferClient request headers: "
            + json.dumps(dict(request.headers), separators=(",", ":"), ensure_ascii=False),
            *f"{head}*** Script: TransferClient request body: {request.body}".split("\n"),
            f"{head}*** Script: TransferClient response status: 201"]


# --- NetSuite: log.debug of the options given to https.post --------------------------------------------------------

def netsuite_https_post_options(request: Request) -> list[str]:
    # The same script logging the options object it passes to `https.post(options)` (docs.oracle.com/…/
    # section_4567628658: options.url, options.body, options.headers; the method is the function's), read from the
    # execution log through a saved search of Server Script Logs exported to JSON by a RESTlet — `log.debug` of an
    # object shows it as its JSON text in the Details column.
    details = json.dumps({"url": request.url, "headers": dict(request.headers), "body": request.body},
                         ensure_ascii=False)
    return json_line({"date": "11/22/2026 1:00 pm", "type": "DEBUG", "scriptid": "customscript_payouts_transfers",
                  "title": f"https.{request.method.lower()} options", "detail": details})


# --- Dynamics 365: a plug-in's trace log ---------------------------------------------------------------------------

def dynamics_plugin_trace_log(request: Request) -> list[str]:
    # A Dataverse plug-in on the payout entity's Create that sends the transfer with HttpClient and traces it with
    # ITracingService.Trace — the request line, each header `Name: value`, a blank, the body — (learn.microsoft.com
    # power-apps/developer/data-platform/reference/entities/plugintracelog: PluginTraceLog, "Trace and exception
    # information generated by plug-ins", columns typename, messagename, messageblock, correlationid, createdon,
    # depth, performanceexecutionduration), read with `GET /api/data/v9.2/plugintracelogs?$select=…` (OData's
    # {"@odata.context", "value": [rows]}); each Trace call a line of messageblock, lines ended CRLF.
    trace = [f"Sending {request.method} {request.url}", *(f"{name}: {value}" for name, value in request.headers), "",
             request.body, "Response: 201 Created"]
    row = {"@odata.etag": 'W/"4242"', "plugintracelogid": run_id(request), "typename":
           "Contoso.Payouts.Plugins.SendTransfer", "messagename": "Create", "primaryentity": "contoso_payout",
           "mode": 1, "depth": 1, "correlationid": run_id(request)[::-1], "createdon": "2026-11-22T13:00:30Z",
           "performanceexecutionduration": 312, "messageblock": "\r\n".join(trace) + "\r\n",
           "exceptiondetails": ""}
    return json_line({"@odata.context": "https://contoso.crm.dynamics.com/api/data/v9.2/$metadata#plugintracelogs",
                  "value": [row]})


# --- Boomi: a Notify shape in the process log ----------------------------------------------------------------------

def boomi_notify_process_log(request: Request) -> list[str]:
    # A Boomi process sending the transfer with the HTTP Client connector, a Notify shape before it whose message
    # writes the document's dynamic properties and content (help.boomi.com … Notify shape: "Message … the text to
    # display … {1} parameters"; the process log downloaded from Process Reporting: `<time> <LEVEL> <shape type>
    # <shape label> <message>`, tab separated, a message of several lines continued as written).
    text = "\n".join([f"HTTP_METHOD={request.method}", f"URL={request.url}",
                      *(f"{name}={value}" for name, value in request.headers), f"PAYLOAD={request.body}"])
    lines = f"2026-11-22T13:00:30Z\tINFO\tNotify\tLog outbound call\t{text}".split("\n")
    return lines + ["2026-11-22T13:00:30Z\tINFO\tConnector\tHTTP Client transfer\tExecuting Connector Shape with "
                    "1 document(s).", "2026-11-22T13:00:31Z\tINFO\tConnector\tHTTP Client transfer\t"
                    "Shape executed successfully in 312 ms."]


# --- Workato: a job's step input -----------------------------------------------------------------------------------

def workato_job_step_input(request: Request) -> list[str]:
    # A Workato recipe's HTTP connector "Send request" step (docs.workato.com/connectors/http: method, request URL,
    # request headers as a list of name/value, request body), the job's details read from the jobs API
    # (`GET /api/recipes/:recipe_id/jobs/:job_id`: lines, each step's input and output), printed by jq.
    step = {"recipe_line_number": 3, "adapter_name": "rest", "adapter_operation": "make_request_v2",
            "input": {"request_name": "iugu transfer", "method": request.method, "url": request.url,
                      "request_type": "raw", "request_headers": [{"name": name, "value": value}
                                                                 for name, value in request.headers],
                      "body": request.body},
            "output": {"status_code": 201, "body": '{"id":"t1"}'}}
    return json_pretty({"id": 4242, "status": "succeeded", "started_at": STAMP, "lines": [step]})


# --- Zapier: Webhooks by Zapier's data in --------------------------------------------------------------------------

def zapier_webhooks_data_in(request: Request) -> list[str]:
    # A Zap's "Webhooks by Zapier" Custom Request step (help.zapier.com … "Method, URL, Data (raw body), Unflatten,
    # Basic auth, Headers"), its "Data in" from Zap history copied as JSON: nested fields flattened into keys
    # joined by double underscores, as Zapier's data panels name them (`headers__Signature`).
    data: dict[str, object] = {"method": request.method, "url": request.url, "data": request.body,
                               "unflatten": "no"}
    data |= {f"headers__{name}": value for name, value in request.headers}
    return json_pretty(data)


# --- Shopify Flow: a run's Send HTTP request input -----------------------------------------------------------------

def shopify_flow_action_input(request: Request) -> list[str]:
    # A Shopify Flow workflow paying a supplier with "Send HTTP request" (help.shopify.com/manual/shopify-flow/
    # reference/actions/send-http-request: HTTP method, URL, Headers "key and value pair", Body), the run's step
    # details copied from the run log: the action's input as JSON, headers a list of key and value.
    return json_pretty({"step": "Send HTTP request", "status": "Succeeded", "input": {
        "httpMethod": request.method, "url": request.url,
        "headers": [{"key": name, "value": value} for name, value in request.headers], "body": request.body},
        "output": {"status": 201}})


# --- Odoo: a module's debug lines and urllib3's ----------------------------------------------------------------------

def odoo_requests_debug(request: Request) -> list[str]:
    # An Odoo 17 module paying vendor bills with `requests.post(url, headers=headers, data=body)`, logging
    # `_logger.debug("iugu call %s %s headers=%s", method, url, headers)` and the body, with `--log-handler
    # urllib3:DEBUG` (odoo/netsvc.py format `%(asctime)s %(pid)s %(levelname)s %(dbname)s %(name)s: %(message)s`;
    # urllib3.connectionpool's `%s://%s:%s "%s %s %s" %s %s` line after the response): dict reprs, a body of
    # several lines printed as it is.
    head = "2026-11-22 13:00:30,104 4242 DEBUG loja "
    module = f"{head}odoo.addons.payouts_vendor.models.account_payment: "
    return [f"{module}iugu call {request.method} {request.url} headers={dict(request.headers)!r}",
            *f"{module}iugu body: {request.body}".split("\n"),
            f"{head}urllib3.connectionpool: Starting new HTTPS connection (1): {request.host}:443",
            f'{head}urllib3.connectionpool: https://{request.host}:443 "{request.method} {request.path} HTTP/1.1" '
            "201 11"]


# --- Drupal: Guzzle's log middleware in watchdog --------------------------------------------------------------------

def drupal_watchdog_guzzle(request: Request) -> list[str]:
    # A Drupal 10 commerce module pushing `Middleware::log($logger, new MessageFormatter(MessageFormatter::DEBUG))`
    # on the http_client's handler stack (docs.guzzlephp.org … MessageFormatter::DEBUG: ">>>>>>>>\n{request}\n
    # <<<<<<<<\n{response}\n--------\n{error}"), the logger the module's channel in dblog, read with
    # `drush watchdog:show --format=json --extended` (wid, type, message, severity, location, …: a JSON object of
    # rows keyed by wid, two blanks an indent), lines of the raw messages ended CRLF.
    raw = "\r\n".join([f"{request.method} {request.path} HTTP/1.1", f"Host: {request.host}",
                       *(f"{name}: {value}" for name, value in request.headers),
                       f"Content-Length: {request.content_length}", "", request.body])
    answer = "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n\r\n{\"id\":\"t1\"}"
    wid = str(int(run_id(request)[:6], 16))
    return json_pretty({wid: {"wid": wid, "type": "payouts_iugu", "message": f">>>>>>>>\n{raw}\n<<<<<<<<\n{answer}\n"
                          "--------\n", "severity": "Debug", "location": "https://shop.example.com/admin/payouts/run",
                          "hostname": "10.0.0.7", "date": "22/Nov 13:00", "username": "admin"}})


# --- Retool: a workflow run's block log ---------------------------------------------------------------------------

def retool_workflow_run_log(request: Request) -> list[str]:
    # A Retool Workflow's REST API resource block sending the transfer (docs.retool.com … workflows: a run's logs,
    # each block's evaluated query — method, URL, headers, body — and its result), one NDJSON line per block as
    # the run log export writes them.
    return json_line({"timestamp": STAMP, "workflowRunId": run_id(request), "blockName": "sendTransfer",
                  "level": "info", "message": "Running query", "query": {
                      "method": request.method, "url": request.url,
                      "headers": [[name, value] for name, value in request.headers], "body": request.body}})


SHAPES = [case(servicenow_outbound_http_log, "sys_outbound_http_log.json"),
          case(servicenow_script_log, "syslog.txt"),
          case(netsuite_https_post_options, "script-logs.jsonl", missed=(
              "no request found: the options object names no method (`https.post` says it, in the title beside it)")),
          case(dynamics_plugin_trace_log, "plugintracelogs.json", missed=(
              "headers unknown: the request line written after a word (`Sending POST https://…`) opens no block of "
              "`Name: value` lines, so the URL runs on into the escaped `\\r\\n` of messageblock")),
          case(boomi_notify_process_log, "process_log.txt", missed=(
              "no request found: `HTTP_METHOD=`, `URL=`, `Name=value` and `PAYLOAD=` lines after a tab-separated "
              "prefix are no record the readers know")),
          case(workato_job_step_input, "job.json"),
          case(zapier_webhooks_data_in, "data-in.json", missed=(
              "headers unknown: keys joined by double underscores (`headers__Signature`) are not read as paths, as "
              "settings from the environment are written so too")),
          case(shopify_flow_action_input, "flow-run.json"),
          case(odoo_requests_debug, "odoo-server.log", missed=(
              "body unknown: the body logged as the next record (`iugu body: …`) is not joined to the request its "
              "previous record names (both signatures unverified)")),
          case(drupal_watchdog_guzzle, "watchdog.json"),
          case(retool_workflow_run_log, "workflow-run.jsonl")]
HEADERS_ONLY: list[object] = []
NO_HEADERS: list[object] = []


# --- the exports written once a file: a header row, then one row a request ---------------------------------------

def _csv(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerows([header, *rows])
    return out.getvalue()


def test_netsuite_script_execution_logs_csv_gives_the_same_request_findings(tmp_path: Path) -> None:
    # A scheduled SuiteScript 2.1 paying vendor bills (docs.oracle.com/…/section_4574548135 N/log: "Log messages
    # appear on the Execution Log subtab … also … Customization > Scripting > Script Execution Logs"; log.debug
    # options.title, options.details) that logs `log.debug({title: 'iugu transfer', details: JSON.stringify(
    # {method, url, headers, body})})` before https.request, the Script Execution Logs list exported as CSV (the
    # list's columns Date, Time, Type, User, Script, Title, Details; every cell quoted, a quote doubled).
    found, public = requests(tmp_path)
    rows = [["11/22/2026", "1:00 pm", "Debug", "-System-", "Payouts Vendor Transfers", "iugu transfer",
             json.dumps({"method": request.method, "url": request.url, "headers": dict(request.headers),
                         "body": request.body}, ensure_ascii=False, separators=(",", ":"))] for request in found]
    path = tmp_path / "ScriptExecutionLogs.csv"
    path.write_text(_csv(["Date", "Time", "Type", "User", "Script", "Title", "Details"], rows), encoding="utf-8")
    assert_shape_findings(path, public, "netsuite_execution_log_csv")


def test_salesforce_apex_callout_event_log_file_reads_each_callout_and_calls_none_unsigned(tmp_path: Path) -> None:
    # Event Monitoring's Apex Callout event type, an EventLogFile's LogFile read as CSV (developer.salesforce.com …
    # eventlogfile_apexcallout: EVENT_TYPE, TIMESTAMP, REQUEST_ID, ORGANIZATION_ID, USER_ID, TIME, REQUEST_SIZE,
    # RESPONSE_SIZE, URL, METHOD, SUCCESS, STATUS, TYPE, TIMESTAMP_DERIVED): one row a callout, no header, no body —
    # like an access log, what it shows is no unsigned transfer.
    found, public = requests(tmp_path)
    rows = [["ApexCallout", "20261122130030.104", f"4Ab{number}", "00D5e000000abcd", "0055e000001wxyz", "312",
             request.content_length, "11", request.url, request.method, "1", "201", "REST", STAMP]
            for number, request in enumerate(found)]
    path = tmp_path / "ApexCallout.csv"
    path.write_text(_csv(["EVENT_TYPE", "TIMESTAMP", "REQUEST_ID", "ORGANIZATION_ID", "USER_ID", "TIME",
                          "REQUEST_SIZE", "RESPONSE_SIZE", "URL", "METHOD", "SUCCESS", "STATUS", "TYPE",
                          "TIMESTAMP_DERIVED"], rows), encoding="utf-8")
    report, _ = scan_json("--public-key", str(public), str(path))
    assert request_rules(report) == [], request_rules(report)
    assert report["scan"]["requests"].get("requests_judged") == 4, report["scan"]["requests"]
