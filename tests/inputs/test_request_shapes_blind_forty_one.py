"""A forty-first blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu transfers unsigned,
signed with the client's real key and with another key, an Asaas transfer) as the LOW-CODE, AUTOMATION AND
INTERNAL-TOOL PLATFORMS a payments team's back office wires to the payment APIs keep them in their run histories —
Make's HTTP "Make a request" module's input bundle downloaded from the scenario's execution log, a Budibase
automation's log with its Outgoing webhook step, a Pipedream step's `debug_config` export of `@pipedream/platform`'s
axios, an Appsmith REST API query's execute response (its `request`), an Activepieces flow run's log of the HTTP
piece's "Send HTTP request" step and a ToolJet REST API query's `request` as the inspector shows it.

Five of the six passed as first written, before the readers were read (Make's input bundle, Budibase's automation
log, Pipedream's exports, Appsmith's execute response, ToolJet's inspector value, which keeps no body: a
``HEADERS_ONLY`` shape). One did not: Activepieces' run log (four requests judged, the two unsigned reported, but
both signatures unverified: the body, the step input's `body: {"data": "<raw text>"}`, not read). All six pass now,
by one rule.

Activepieces' passes since a body object whose one member, under a body name (`data`, `body`, `payload`…), is a
payload's text — JSON whole, XML, form fields — is a wrapper of that text, the body as sent (:func:`keyaudit.inputs.
captures.record_bodies.body`, by its ``_body_member``): the form a low-code tool's dynamic field keeps its value in.
Before, only a member named for text or bytes (`text`, `as_bytes`) or a `body` the object described was opened, and
the wrapper was the body parsed — `{"data":"…"}` written back as compact JSON, not the bytes sent — so neither
signature was judged. A one-member object holding a sentence, or a text beside other members, stays the body parsed.

A comment above each shape names the source its format was taken from. What is checked is what every
blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``, never a body
for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import json
import uuid

from helpers.signed_shapes import Request, case


def _run(request: Request) -> str:
    """One id per request, the same each time the request is written (a run, log or execution id)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, repr(request)).hex


def _own(request: Request, leave: str = "") -> dict[str, str]:
    """The request's headers as the map a platform's form keeps, less the one a field of its own sets."""
    return {name: value for name, value in request.headers if name != leave}


# --- Make (Integromat): the HTTP module's input bundle ----------------------------------------------------------------

def make_http_input_bundle(request: Request) -> list[str]:
    # Make's HTTP > "Make a request" module (help.make.com/en/help/tools/http.html; module `http:ActionSendData` v3,
    # its mapper as scenario blueprints show it: url, serializeUrl, method in lower case, headers a list of
    # {name, value}, qs, bodyType `raw`, parseResponse, …, contentType, data the raw body) — the operation's INPUT
    # bundle in the scenario's execution log (History > Details > the module's bubble), downloaded with
    # "Download input bundles" as a JSON array of the one bundle; the Content-Type comes from `contentType`.
    bundle = {"url": request.url, "serializeUrl": False, "method": request.method.lower(),
              "headers": [{"name": name, "value": value} for name, value in _own(request, "Content-Type").items()],
              "qs": [], "bodyType": "raw", "parseResponse": True, "authUser": "", "authPass": "", "timeout": "",
              "shareCookies": False, "ca": "", "rejectUnauthorized": True, "followRedirect": True,
              "useQuerystring": False, "gzip": True, "useMtls": False, "contentType": "application/json",
              "data": request.body, "followAllRedirects": False}
    return json.dumps([bundle], indent=4, ensure_ascii=False).split("\n")


# --- Budibase: an automation's log ------------------------------------------------------------------------------------

def budibase_automation_log(request: Request) -> list[str]:
    # A Budibase automation with an "Outgoing webhook" step (Budibase/budibase packages/server/src/automations/steps/
    # outgoingWebhook.ts: inputs requestMethod, url, requestBody — the JSON body as typed — and headers, a JSON
    # object as a string, parsed and sent with node-fetch; outputs httpStatus, response, success), its run kept as
    # an AutomationLog (packages/types: automationId, automationName, status, trigger, steps [{stepId, inputs,
    # outputs}], createdAt) and shown by the automation history's JSON view with two-space indent.
    run = _run(request)
    log = {"_id": f"log_au_{run[:12]}", "automationId": f"au_{run[12:24]}", "automationName": "Pay out supplier",
           "status": "success",
           "trigger": {"id": "trigger", "stepId": "ROW_SAVED", "inputs": {"tableId": "ta_payouts"},
                       "outputs": {"row": {"_id": f"ro_{run[:8]}", "supplier": "ACME Ltda", "amount_cents": 1050}}},
           "steps": [{"id": "step1", "stepId": "OUTGOING_WEBHOOK",
                      "inputs": {"requestMethod": request.method, "url": request.url, "requestBody": request.body,
                                 "headers": json.dumps(_own(request))},
                      "outputs": {"httpStatus": 200, "response": {"id": "a5b0c6d1", "status": "processing"},
                                  "success": True}}],
           "createdAt": "2026-11-22T13:00:30.104Z"}
    return json.dumps(log, indent=2, ensure_ascii=False).split("\n")


# --- Pipedream: a step's debug export ---------------------------------------------------------------------------------

def pipedream_axios_debug_config(request: Request) -> list[str]:
    # A Pipedream workflow's Node.js step calling `axios($, {method, url, headers, data, debug: true})` from
    # @pipedream/platform (PipedreamHQ/pipedream platform/lib/axios.ts: with `debug` set, callAxios exports the
    # config before sending it — `stepExport(step, config, "debug_config")`, the config cloned through
    # JSON.stringify — and the response data as `debug_response`), the step's exports copied from the workflow's
    # event inspector as JSON with two-space indent.
    exports = {"debug_config": {"method": request.method, "url": request.url, "headers": _own(request),
                                "data": request.body, "debug": True},
               "debug_response": {"id": "a5b0c6d1", "status": "processing"}}
    return json.dumps(exports, indent=2, ensure_ascii=False).split("\n")


# --- Appsmith: a REST API query's execution ---------------------------------------------------------------------------

def appsmith_action_execute_response(request: Request) -> list[str]:
    # An Appsmith REST API query run from a back-office page: POST /api/v1/actions/execute answers with an
    # ActionExecutionResult whose `request` (appsmith-interfaces com.appsmith.external.models.ActionExecutionRequest:
    # actionId, requestedAt, headers, body, httpMethod, url, requestParams) the RestApiPlugin's RequestCaptureFilter
    # fills from the request sent — headers a multi-value map (`objectMapper.valueToTree(headers)`, each value a
    # list; Authorization and `api_key` masked), the body as sent — shown by the query's Response pane and the
    # debugger; the response saved from the browser's network panel, one line.
    run = _run(request)
    sent = {"actionId": run[:24], "requestedAt": 1795352430.104, "headers": {n: [v] for n, v in request.headers},
            "body": request.body, "httpMethod": request.method, "url": request.url, "requestParams": []}
    data = {"statusCode": "200 OK", "headers": {"Content-Type": ["application/json"]},
            "body": {"id": "a5b0c6d1", "status": "processing"}, "isExecutionSuccess": True, "request": sent,
            "dataTypes": [{"dataType": "JSON"}, {"dataType": "RAW"}]}
    return [json.dumps({"responseMeta": {"status": 200, "success": True}, "data": data, "errorDisplay": ""},
                       ensure_ascii=False, separators=(",", ":"))]


# --- Activepieces: a flow run's log -----------------------------------------------------------------------------------

def activepieces_flow_run_steps(request: Request) -> list[str]:
    # An Activepieces flow with the HTTP piece's "Send HTTP request" action (activepieces/activepieces
    # packages/pieces/community/http/src/lib/actions/send-http-request-action.ts: props method, url, headers,
    # queryParams, body_type `raw`, body {data: the raw text}, use_proxy, timeout, failsafe), its run's log — the
    # execution state the run page reads, each step's type, status, input (the props as resolved) and output —
    # fetched as JSON, one line.
    step = {"type": "PIECE", "status": "SUCCEEDED",
            "input": {"method": request.method, "url": request.url, "headers": _own(request), "queryParams": {},
                      "body_type": "raw", "body": {"data": request.body}, "use_proxy": False, "failsafe": False},
            "output": {"status": 200, "headers": {"content-type": "application/json"},
                       "body": {"id": "a5b0c6d1", "status": "processing"}},
            "duration": 412}
    state = {"executionState": {"steps": {"trigger": {"type": "PIECE_TRIGGER", "status": "SUCCEEDED",
                                                      "input": {}, "output": {"supplier": "ACME Ltda"}},
                                          "send_http_request": step}}}
    return [json.dumps(state, ensure_ascii=False, separators=(",", ":"))]


# --- ToolJet: a REST API query in the inspector -----------------------------------------------------------------------

def tooljet_query_inspector(request: Request) -> list[str]:
    # A ToolJet REST API query (ToolJet/ToolJet plugins/packages/restapi/lib/index.ts: the request sent with got, the
    # body key-value pairs as `json`; the result keeps `request: {requestUrl, method, headers:
    # response.request.options.headers, params}` — got's headers, names in lower case, with the content-length and
    # accept-encoding it adds — and no body), the query's value copied from the app's inspector with two-space indent.
    sent = json.dumps(json.loads(request.body), separators=(",", ":"))
    headers = {name.lower(): value for name, value in request.headers}
    headers |= {"content-length": str(len(sent.encode())), "accept-encoding": "gzip, deflate, br"}
    query = {"isLoading": False, "data": {"id": "a5b0c6d1", "status": "processing"},
             "request": {"requestUrl": request.url, "method": request.method, "headers": headers, "params": {}},
             "response": {"body": '{"id":"a5b0c6d1","status":"processing"}', "statusCode": 200},
             "responseHeaders": {"content-type": "application/json"}}
    return json.dumps(query, indent=2, ensure_ascii=False).split("\n")


SHAPES = [case(make_http_input_bundle, "input-bundles.json"), case(budibase_automation_log, "automation-logs.json"),
          case(pipedream_axios_debug_config, "exports.json"),
          case(appsmith_action_execute_response, "execute.json"),
          case(activepieces_flow_run_steps, "flow-run.json")]
HEADERS_ONLY = [case(tooljet_query_inspector, "inspector.json")]
NO_HEADERS: list[object] = []
