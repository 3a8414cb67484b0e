"""A thirty-eighth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu transfers unsigned,
signed with the client's real key and with another key, an Asaas transfer) as the SECURITY AND AUDIT TRAILS that
record a payments team's outbound calls keep them — an OPA decision log of an egress Envoy's ext_authz check with the
body, a Cloud Audit Log of a Cloud Scheduler job created to pay out, a Data Access audit log of a Cloud Tasks task,
Azure API Management's gateway log queried from Log Analytics, OWASP Coraza's JSON audit log and a Squid egress
proxy's access log with every request header (`%>h`).

Four of the six passed as first written, before the readers were read (OPA's decision log, both Cloud Audit Logs
with their base64 bodies, Coraza's JSON audit log). Two did not: API Management's gateway log row (no request found)
and Squid's `%>h` (four requests judged, none reported: the headers not read). All six pass now.

API Management's since a field named for what a gateway sent on to the service behind it, `Backend` before the role
(`BackendMethod`, `BackendUrl`, `BackendRequestHeaders`, `BackendRequestBody`), says the request as `Request` or
`http` before it does (:data:`keyaudit.inputs.captures.record_views.QUALIFIERS`; before, `Backend` was dropped as a
producer's namespace only before `Request…`, and the method and URL were no role). Squid's since a head written on
an access log's line percent-encoded, CR LF as `%0D%0A` and a blank as `%20`, after the method and URL is the
request's head as the bracketed `\\r\\n` one of `log_mime_hdrs` is, each value percent-decoded (the
``proxy-head-escaped`` shape of :mod:`keyaudit.inputs.captures.dump_shapes`, the ``%0D%0A`` gap of
:func:`keyaudit.inputs.captures.dump_lines.flat_headers`); it reads current Squid's `log_mime_hdrs` too, whose
brackets encode CR LF so.

A comment above each shape names the source its format was taken from. What is checked is what every
blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``, never a body
for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import base64
import json
import urllib.parse
import uuid

from helpers.signed_shapes import Request, case


def _flow(request: Request) -> str:
    """One id per request, the same each time the request is written (a decision, job, task or transaction id)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, repr(request)).hex


def _gcloud_json(entry: dict[str, object]) -> list[str]:
    """A LogEntry as `gcloud logging read --format=json` prints it: a list, keys sorted, two blanks an indent."""
    return json.dumps([entry], indent=2, sort_keys=True, ensure_ascii=False).split("\n")


# --- a policy engine's decision log --------------------------------------------------------------------------------

def opa_envoy_decision_log(request: Request) -> list[str]:
    # An egress Envoy (TLS inspection with the team's internal CA) whose ext_authz filter asks OPA-Envoy
    # (github.com/open-policy-agent/opa-envoy-plugin; `with_request_body` on, so the input carries
    # attributes.request.http {id, method, headers (lower-case, pseudo-headers included), path, host, scheme,
    # protocol, size, body}, plus parsed_body, parsed_path and truncated_body), OPA run with `--set
    # decision_logs.console=true` (openpolicyagent.org/docs/management-decision-logs: each event printed by the
    # console logger as one JSON line, msg "Decision Log", keys sorted by logrus' JSON formatter).
    flow = str(uuid.UUID(_flow(request)))
    headers = {":authority": request.host, ":method": request.method, ":path": request.path, ":scheme": "https",
               **{name.lower(): value for name, value in request.headers},
               "content-length": request.content_length, "x-request-id": flow}
    http = {"id": "1795352430104", "method": request.method, "headers": headers, "path": request.path,
            "host": request.host, "scheme": "https", "protocol": "HTTP/1.1", "size": int(request.content_length),
            "body": request.body}
    event = {"decision_id": flow, "input": {"attributes": {"request": {"http": http}},
                                            "parsed_body": json.loads(request.body),
                                            "parsed_path": request.path.strip("/").split("/"),
                                            "truncated_body": False},
             "labels": {"id": "9f0e1c2d-payouts-egress", "version": "1.0.0"}, "level": "info",
             "metrics": {"timer_rego_query_eval_ns": 211042, "timer_server_handler_ns": 498312},
             "msg": "Decision Log", "path": "envoy/authz/allow", "requested_by": "", "result": True,
             "time": "2026-11-22T13:00:30Z", "timestamp": "2026-11-22T13:00:30.104215Z",
             "type": "openpolicyagent.org/decision_logs"}
    return [json.dumps(event, sort_keys=True, ensure_ascii=False, separators=(",", ":"))]


# --- a cloud provider's admin activity audit log ---------------------------------------------------------------------

def gcp_scheduler_create_job_audit(request: Request) -> list[str]:
    # A payout scheduled as a Cloud Scheduler HTTP target job (cloud.google.com/scheduler/docs/reference/rest/v1/
    # projects.locations.jobs#HttpTarget: uri, httpMethod, headers, body "base64-encoded"), its CreateJob call
    # kept by the always-on Admin Activity audit log (cloud.google.com/logging/docs/audit: protoPayload an
    # AuditLog, its `request` the method's request as JSON), read with `gcloud logging read
    # 'protoPayload.serviceName="cloudscheduler.googleapis.com"' --format=json`.
    flow = _flow(request)
    name = f"projects/payouts-prod/locations/southamerica-east1/jobs/payout-{flow[:12]}"
    job = {"name": name, "schedule": "0 13 * * *", "timeZone": "America/Sao_Paulo",
           "httpTarget": {"uri": request.url, "httpMethod": request.method, "headers": dict(request.headers),
                          "body": base64.b64encode(request.body.encode()).decode()}}
    entry = {"insertId": flow[:12], "logName": "projects/payouts-prod/logs/cloudaudit.googleapis.com%2Factivity",
             "protoPayload": {"@type": "type.googleapis.com/google.cloud.audit.AuditLog",
                              "authenticationInfo": {"principalEmail": "payouts-deployer@payouts-prod.iam."
                                                                       "gserviceaccount.com"},
                              "authorizationInfo": [{"granted": True, "permission": "cloudscheduler.jobs.create",
                                                     "resource": name.rsplit("/jobs/", 1)[0]}],
                              "methodName": "google.cloud.scheduler.v1.CloudScheduler.CreateJob",
                              "request": {"@type": "type.googleapis.com/google.cloud.scheduler.v1.CreateJobRequest",
                                          "job": job, "parent": name.rsplit("/jobs/", 1)[0]},
                              "requestMetadata": {"callerIp": "10.20.0.7",
                                                  "callerSuppliedUserAgent": "google-api-go-client/0.5"},
                              "resourceName": name, "serviceName": "cloudscheduler.googleapis.com"},
             "receiveTimestamp": "2026-11-22T13:00:30.912Z",
             "resource": {"labels": {"job_id": name.rsplit("/", 1)[1], "location": "southamerica-east1",
                                     "project_id": "payouts-prod"}, "type": "cloud_scheduler_job"},
             "severity": "NOTICE", "timestamp": "2026-11-22T13:00:30.104Z"}
    return _gcloud_json(entry)


# --- a cloud provider's data access audit log ------------------------------------------------------------------------

def gcp_tasks_create_task_audit(request: Request) -> list[str]:
    # A payout queued as a Cloud Tasks HTTP task (cloud.google.com/tasks/docs/reference/rest/v2/projects.locations.
    # queues.tasks#HttpRequest: url, httpMethod, headers, body base64), its CreateTask call kept by the Data Access
    # audit log once DATA_WRITE is enabled for cloudtasks.googleapis.com (cloud.google.com/tasks/docs/audit-logging),
    # read with `gcloud logging read 'logName:"data_access"' --format=json`.
    flow = _flow(request)
    queue = "projects/payouts-prod/locations/southamerica-east1/queues/payouts"
    task = {"httpRequest": {"url": request.url, "httpMethod": request.method, "headers": dict(request.headers),
                            "body": base64.b64encode(request.body.encode()).decode()}}
    entry = {"insertId": flow[:12], "logName": "projects/payouts-prod/logs/cloudaudit.googleapis.com%2Fdata_access",
             "protoPayload": {"@type": "type.googleapis.com/google.cloud.audit.AuditLog",
                              "authenticationInfo": {"principalEmail": "payouts@payouts-prod.iam."
                                                                       "gserviceaccount.com"},
                              "methodName": "google.cloud.tasks.v2.CloudTasks.CreateTask",
                              "request": {"@type": "type.googleapis.com/google.cloud.tasks.v2.CreateTaskRequest",
                                          "parent": queue, "task": task},
                              "resourceName": queue, "serviceName": "cloudtasks.googleapis.com"},
             "receiveTimestamp": "2026-11-22T13:00:30.912Z",
             "resource": {"labels": {"project_id": "payouts-prod", "queue_id": "payouts",
                                     "target_type": "HTTP"}, "type": "cloud_tasks_queue"},
             "severity": "INFO", "timestamp": "2026-11-22T13:00:30.104Z"}
    return _gcloud_json(entry)


# --- an API gateway's resource log -----------------------------------------------------------------------------------

def azure_apim_gateway_logs(request: Request) -> list[str]:
    # Azure API Management fronting the provider as a backend, its diagnostic setting sending GatewayLogs to Log
    # Analytics (resource-specific table ApiManagementGatewayLogs; learn.microsoft.com/azure/api-management/
    # gateway-log-schema-reference: BackendMethod, BackendUrl, BackendRequestHeaders "dynamic", BackendRequestBody)
    # with the backend request's headers named and payload bytes set, read with `az monitor log-analytics query -w
    # <ws> --analytics-query "ApiManagementGatewayLogs | where BackendUrl has 'transfers' | project TimeGenerated,
    # CorrelationId, BackendMethod, BackendUrl, BackendRequestHeaders, BackendRequestBody"` (the query API returns
    # a dynamic column as its JSON text; az prints the rows as a JSON list, two blanks an indent).
    row = {"TimeGenerated": "2026-11-22T13:00:30.104Z", "CorrelationId": str(uuid.UUID(_flow(request))),
           "BackendMethod": request.method, "BackendUrl": request.url,
           "BackendRequestHeaders": json.dumps(dict(request.headers), separators=(",", ":")),
           "BackendRequestBody": request.body, "TableName": "PrimaryResult"}
    return json.dumps([row], indent=2, ensure_ascii=False).split("\n")


# --- a web application firewall's audit log --------------------------------------------------------------------------

def coraza_json_audit_log(request: Request) -> list[str]:
    # OWASP Coraza (coraza-caddy on the egress proxy that inspects the payouts' TLS), coraza.conf-recommended with
    # `SecRequestBodyAccess On`, `SecAuditEngine On`, `SecAuditLogParts ABIJDEFHZ` and `SecAuditLogFormat JSON`
    # (coraza internal/auditlog: {"transaction": {timestamp, unix_timestamp, id, client_ip, client_port, host_ip,
    # host_port, server_id, request {method, protocol, uri, http_version, headers: name -> [values] lower-cased,
    # body, files, args, length}, ...}}, one JSON object a line, Go's encoding/json).
    flow = _flow(request)
    headers = {"host": [request.host], **{name.lower(): [value] for name, value in request.headers},
               "content-length": [request.content_length]}
    transaction = {"timestamp": "2026/11/22 13:00:30", "unix_timestamp": 1795352430104215000, "id": flow[:20],
                   "client_ip": "10.20.0.7", "client_port": 43122, "host_ip": "10.20.0.2", "host_port": 443,
                   "server_id": request.host,
                   "request": {"method": request.method, "protocol": "HTTP/1.1", "uri": request.path,
                               "http_version": "1.1", "headers": dict(sorted(headers.items())),
                               "body": request.body, "files": None, "args": {}, "length": 0},
                   "response": {"status": 200, "headers": {}, "body": ""},
                   "producer": {"connector": "coraza-caddy", "version": "2.0.0", "server": "", "rule_engine": "On",
                                "stopwatch": "1795352430104215000 4120; combined=0, p1=0, p2=0, p3=0, p4=0, p5=0",
                                "rulesets": ["OWASP_CRS/4.7.0"]},
                   "highest_severity": "", "is_interrupted": False}
    text = json.dumps({"transaction": transaction}, ensure_ascii=False, separators=(",", ":"))
    return [text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")]


# --- a forward proxy's access log ------------------------------------------------------------------------------------

def squid_all_request_headers(request: Request) -> list[str]:
    # A Squid egress proxy bumping the payouts' TLS (`ssl_bump bump all`) with `logformat payouts %ts.%03tu %6tr
    # %>a %Ss/%03>Hs %<st %rm %ru %[un %Sh/%<a %mt %>h` (squid-cache.org/Doc/config/logformat: `>h` all request
    # headers; with no encoding given a header is written URL-escaped, rfc1738_escape_unescaped: CR, LF, blanks and
    # the unsafe characters as %XX). Squid never logs a body.
    head = "".join(f"{name}: {value}\r\n" for name, value in
                   [("Host", request.host), *request.headers, ("Content-Length", request.content_length)])
    shown = urllib.parse.quote(head, safe="!$&'()*+,-./:;=?@_")
    return [f"1795352430.104    212 10.20.0.7 TCP_MISS/200 1024 {request.method} {request.url} - "
            f"HIER_DIRECT/52.67.12.40 application/json {shown}"]


SHAPES = [case(opa_envoy_decision_log, "opa.log"), case(gcp_scheduler_create_job_audit, "audit.json"),
          case(gcp_tasks_create_task_audit, "data-access.json"), case(azure_apim_gateway_logs, "gateway-logs.json"),
          case(coraza_json_audit_log, "audit.log")]
HEADERS_ONLY = [case(squid_all_request_headers, "access.log")]
NO_HEADERS: list[object] = []
