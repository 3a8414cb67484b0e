"""A twenty-third blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu
transfers unsigned, signed with the client's real key and with another key, an Asaas transfer) as
writers of kinds the other corpora do not show keep them — a PHP TEST FRAMEWORK's debug run
(Codeception's REST module under `codecept run --debug`), a COMMON LISP client's verbose output
(Dexador's `:verbose t`), a WORKFLOW ENGINE's template and a workflow platform's request history (an
Argo Workflows HTTP template; an Azure Logic Apps action's request history), an iOS app's in-app
traffic inspector's text export (Wormholy's `-wormholy.txt`), a browser's PERFORMANCE trace (Chrome
DevTools' saved profile), a PACKET TOOL's one-line log (dsniff's urlsnarf) and a .NET client's
one-line error (Flurl's `FlurlHttpException`). Five of the eight passed as first written (Dexador's
output, the Argo template, the Logic Apps history, the Chrome trace, Flurl's error). urlsnarf's passes
since the `-` the common log format writes for a field with no value (the status a sniffer of requests
never sees) follows an access log's quoted request line as a status does; Codeception's run since the
label table has a test framework's debug sections (`[Request] <METHOD> <url> <body>`, the body from the
request's line on, then `[Request Headers]` after it) and a label's headers may be a map printed in its
language's notation (JSON as json_encode writes it); Wormholy's since the label table has an in-app
inspector's text export (Markdown-bold `**URL:**` and `**Method:**`, `**<name>:** <value>` rows under
`*** Request Header *** `, the request ending at `*** Request Body *** `, whose JSON is re-serialised).
All eight pass.

A comment above each shape names the source file its format was taken from. What is checked is
what every blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for
``SHAPES``, never a body for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import json

from helpers.signed_shapes import Request, case

ANSWER = '{"errors":{"amount_cents":["is invalid"]}}'


# --- a test framework, a Common Lisp client ----------------------------------------------------------------------

def _codeception_arguments(arguments: list[str], width: int) -> str:
    """A step's arguments as Codeception's Step::getArgumentsAsString writes them in `width`
    columns: each string in double quotes, its line breaks as `\\n`; when they do not fit, the
    longest cut to what is left, `...` and their last character."""
    texts = ['"' + a.replace("\n", "\\n").replace("\r", "\\r").replace("\t", " ") + '"' for a in arguments]
    count = len(texts)
    if count - 1 + sum(len(text) for text in texts) > width > 0:
        allowed, remaining, left = (width - count + 1) // count, width, count
        for index in sorted(range(count), key=lambda i: len(texts[i])):
            left -= 1
            if len(texts[index]) > allowed:
                texts[index] = texts[index][:allowed - 4] + "..." + texts[index][-1]
                remaining -= allowed + 1
            else:
                remaining -= len(texts[index]) + 1
                if left > 0:
                    allowed = (remaining - left + 1) // left
    return ",".join(texts)


def codeception_rest_debug(request: Request) -> list[str]:
    # An API suite in Codeception (REST module over PhpBrowser) sending the transfer, `$I->haveHttpHeader(name, value)`
    # for each header then `$I->sendPost(url, body)` with the body a string, run as `codecept run Api --debug` in CI
    # (Codeception/module-rest src/Codeception/Module/REST.php execute: a string body is left as it is and shown as
    # debugSection("Request", "<method> <url> " . body); Codeception/lib-innerbrowser src/Codeception/Lib/
    # InnerBrowser.php clientRequest: debugSection("Request Headers", $this->headers), then debugResponse's Page,
    # Response, Request Cookies and Response Headers; Codeception/Codeception src/Codeception/Module.php debugSection
    # `[title] msg`, arrays json_encode'd with JSON_UNESCAPED_SLASHES; src/Codeception/Lib/Console/Output.php debug:
    # two spaces before the message, its line breaks as they are; src/Codeception/Subscriber/Console.php: the
    # `Signature:`, `Test:` and `Scenario --` lines, each step ` I <action> <arguments>` in the width detectWidth
    # gives without a TERM, 60 columns; src/Codeception/Step.php getArgumentsAsString cuts them to fit).
    width = 60 - len(" I ")
    steps = [("have http header", [name, value]) for name, value in request.headers]
    steps.append(("send post", [request.url, request.body]))
    lines = ["PayoutsCest: Sends the transfer", "Signature: Tests\\Api\\PayoutsCest:sendsTheTransfer",
             "Test: tests/Api/PayoutsCest.php:sendsTheTransfer", "Scenario --"]
    lines += [f" I {action} {_codeception_arguments(arguments, width - len(action) - 1)}" for action, arguments in steps]
    message = f"  [Request] {request.method} {request.url} {request.body}"
    headers = json.dumps(dict(request.headers), separators=(",", ":"))
    return [*lines, *message.split("\n"), f"  [Request Headers] {headers}", f"  [Page] {request.url}",
            "  [Response] 422", "  [Request Cookies] []",
            '  [Response Headers] {"Content-Type":["application/json; charset=utf-8"],"Content-Length":["43"]}',
            f"  [Response] {ANSWER}", " PASSED ", ""]


def dexador_verbose(request: Request) -> list[str]:
    # A Common Lisp payouts service posting the transfer with Dexador, `(dex:post url :headers '(("Content-Type" .
    # ...) ("User-Agent" . ...) ...) :content body :verbose t)`, its standard output kept by the service manager
    # (fukamachi/dexador src/backend/usocket.lisp request: the headers written User-Agent — the caller's in place
    # of the default —, Host, Accept, Content-Type and Content-Length for a string content, then the caller's
    # other headers in order; print-verbose-data after the response is read: a line of fifty `>`, the first line
    # and the headers as the bytes sent, each `princ`ed with its CR, the blank line, fifty `>` again; then the
    # response's header bytes between lines of `<`; README.markdown shows the output). The content is never printed.
    custom = [(name, value) for name, value in request.headers if name not in ("Content-Type", "User-Agent")]
    sent = [f"{request.method} {request.path} HTTP/1.1", f"User-Agent: {dict(request.headers)['User-Agent']}",
            f"Host: {request.host}", "Accept: */*", f"Content-Type: {dict(request.headers)['Content-Type']}",
            f"Content-Length: {request.content_length}", *(f"{name}: {value}" for name, value in custom), ""]
    received = ["HTTP/1.1 201 Created", "Content-Type: application/json", "Content-Length: 15", ""]
    return [">" * 50, *(line + "\r" for line in sent), ">" * 50, "<" * 50, *(line + "\r" for line in received),
            "<" * 50]


# --- a workflow engine, a workflow platform ----------------------------------------------------------------------

def argo_http_template(request: Request) -> list[str]:
    # The transfer as a step of an Argo Workflows workflow kept beside the service's code, an HTTP template run by
    # the Argo Agent (argoproj/argo-workflows docs/http-template.md: `http:` with `timeoutSeconds`, `url`, `method`,
    # `headers` a list of `name`/`value` pairs, `successCondition`, `body` the request's content as a string —
    # io.argoproj.workflow.v1alpha1.HTTP: "Body is content of the HTTP Request"). The body as a YAML literal block
    # without its final line break (`|-`), so the string is the bytes sent.
    headers = [line for name, value in request.headers
               for line in (f'        - name: "{name}"', f"          value: {json.dumps(value)}")]
    return ["apiVersion: argoproj.io/v1alpha1", "kind: Workflow", "metadata:", "  generateName: payout-", "spec:",
            "  entrypoint: send-transfer", "  templates:", "    - name: send-transfer", "      http:",
            "        timeoutSeconds: 20", f'        url: "{request.url}"', f'        method: "{request.method}"',
            "        headers:", *headers, '        successCondition: "response.statusCode == 201"',
            "        body: |-", *(f"          {line}" for line in request.body.split("\n")), "---"]


def logic_apps_request_history(request: Request) -> list[str]:
    # A Logic Apps workflow's HTTP action sending the transfer, its request history saved from the management API
    # (Azure/azure-rest-api-specs specification/logic/resource-manager/Microsoft.Logic/stable/2019-05-01/examples/
    # WorkflowRunActionRequestHistories_Get.json: `properties` with startTime, endTime, `request` — `headers`, `uri`,
    # `method`, no body — and `response` — headers, statusCode, a bodyLink —, then id, name, type; indented two
    # spaces as the example; the runtime's own x-ms-workflow-* headers beside the action's).
    run = "08586611142736787787412824395CU21"
    headers = {"Accept-Language": "en-US", **dict(request.headers), "x-ms-execution-location": "brazilsouth",
               "x-ms-workflow-id": "80244732be3648f59d2084fd979cdd56", "x-ms-workflow-name": "payouts",
               "x-ms-workflow-run-id": run, "x-ms-workflow-operation-name": "HTTP_Transfer",
               "x-ms-tracking-id": "ad484925-4148-4dd0-9488-07aed418b256"}
    history = {"properties": {"startTime": "2026-11-22T13:00:30.9206732Z", "endTime": "2026-11-22T13:00:31.1863033Z",
                              "request": {"headers": headers, "uri": request.url, "method": request.method},
                              "response": {"headers": {"Content-Type": "application/json", "Content-Length": "15"},
                                           "statusCode": 201,
                                           "bodyLink": {"uri": "https://prod-17.brazilsouth.logic.azure.com/contents",
                                                        "contentSize": 15}}},
               "id": f"/subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/resourceGroups/payouts/providers/"
                     f"Microsoft.Logic/workflows/payouts/runs/{run}/actions/HTTP_Transfer/requestHistories/"
                     "08586611142732800686",
               "name": "08586611142732800686", "type": "Microsoft.Logic/workflows/runs/actions/requestHistories"}
    return json.dumps(history, indent=2).split("\n")


# --- an iOS inspector, a browser's trace -------------------------------------------------------------------------

def _swift_pretty_json(body: str) -> str:
    """A JSON body as Foundation's JSONSerialization writes it with .prettyPrinted and .sortedKeys:
    two spaces a level and a space before each colon."""
    return json.dumps(json.loads(body), indent=2, sort_keys=True).replace('": ', '" : ')


def wormholy_txt_export(request: Request) -> list[str]:
    # An iOS payouts app with Wormholy linked into its debug build, the requests shared with "Save to the desktop" as
    # `<app>_<time>-wormholy.txt` (pmusolino/Wormholy Sources/WormholySwift/Utils/ShareUtils.swift getTxtText: each
    # request's RequestModelBeautifier.txtExport — Sources/WormholySwift/Utils/RequestModelBeautifier.swift: `***
    # Overview *** ` then `**URL:** `, `**Method:** `, ... lines; `*** Request Header *** ` each `**name:** value`;
    # `*** Request Body *** ` the body re-serialised by prettyPrintedJSON, sorted keys; the response's the same way;
    # three lines of 72 dashes). The header dictionary's order is URLRequest's; kept here as set.
    stamp = "Nov 22 2026 - 13:00:30"
    overview = [f"**URL:** {request.url}", f"**Method:** {request.method}", "**Response Code:** 422",
                f"**Request Start Time:** {stamp}", f"**Request End Time:** {stamp}",
                f"**Response Start Time:** {stamp}", f"**Response End Time:** {stamp}", "**Duration:** 312ms",
                f"**Request Body Bytes Before Encoding:** {request.content_length}",
                f"**Request Body Bytes Sent:** {request.content_length}", "**Request Header Bytes Sent:** 0",
                "**Response Body Bytes After Decoding:** 43", "**Response Body Bytes Received:** 43",
                "**Response Header Bytes Received:** 0"]
    return ["*** Overview *** ", *overview, "", "*** Request Header *** ",
            *(f"**{name}:** {value}" for name, value in request.headers), "", "*** Request Body *** ",
            *_swift_pretty_json(request.body).split("\n"), "", "*** Response Header *** ",
            "**Content-Type:** application/json; charset=utf-8", "", "*** Response Body *** ",
            *_swift_pretty_json(ANSWER).split("\n"), "", *(["-" * 72] * 3), "", "", ""]


def chrome_performance_trace(request: Request) -> list[str]:
    # An admin web app's send recorded in Chrome DevTools' Performance panel and saved as a trace (ChromeDevTools/
    # devtools-frontend front_end/panels/timeline/SaveFileFormatter.ts traceJsonGenerator: `{"metadata": ` indented
    # two, `,\n"traceEvents": [` then one JSON.stringify'd event a line; the devtools.timeline events of a request as
    # Chromium's web_tests http/tests/inspector-protocol/tracing/network-request-lifecycle-events-expected.txt lists
    # them: ResourceWillSendRequest, then ResourceSendRequest with args.data requestId, frame, url, requestMethod,
    # priority, fetchPriorityHint, resourceType; ResourceReceiveResponse with statusCode; ResourceFinish). No header.
    ident = "41.7"
    frame = "9D3E5A1F0C2B4A6E8F1D3C5B7A9E0F12"

    def event(name: str, ts: int, data: dict[str, object]) -> str:
        return json.dumps({"args": {"data": data}, "cat": "devtools.timeline", "name": name, "ph": "I", "pid": 4120,
                           "s": "t", "tid": 259, "ts": ts}, separators=(",", ":"))

    events = [event("ResourceWillSendRequest", 1795352430000000, {"requestId": ident}),
              event("ResourceSendRequest", 1795352430000120,
                    {"requestId": ident, "frame": frame, "url": request.url, "requestMethod": request.method,
                     "priority": "High", "fetchPriorityHint": "auto", "resourceType": "Fetch"}),
              event("ResourceReceiveResponse", 1795352430312000,
                    {"requestId": ident, "frame": frame, "statusCode": 422, "mimeType": "application/json",
                     "encodedDataLength": 301, "fromCache": False, "fromServiceWorker": False}),
              event("ResourceFinish", 1795352430313000,
                    {"requestId": ident, "didFail": False, "encodedDataLength": 344, "decodedBodyLength": 43})]
    metadata = json.dumps({"source": "DevTools", "startTime": "2026-11-22T13:00:29.000Z",
                           "cpuThrottling": 1, "networkThrottling": "No throttling"}, indent=2)
    return [*("{\"metadata\": " + metadata).split("\n")[:-1], metadata.split("\n")[-1] + ",", '"traceEvents": [',
            *(f"  {line}," for line in events[:-1]), f"  {events[-1]}", "]}"]


# --- a packet tool's line, a client's error ----------------------------------------------------------------------

def urlsnarf_clf(request: Request) -> list[str]:
    # dsniff's urlsnarf on the payouts host's interface, `urlsnarf -n -i eth0`, its output kept (dugsong/dsniff
    # urlsnarf.c process_http_request: a request line opening GET, POST or CONNECT on the default filter `tcp port
    # 80 or port 8080 or port 3128`, printed `%s - %s [%s] "%s http://%s%s" - - "%s" "%s"` — the client address,
    # the Basic user or `-`, the time `%d/%b/%Y:%X` and its offset, the method, the Host header, the rest of the
    # request line, then the Referer and User-Agent headers or `-`). Clear text only.
    agent = dict(request.headers)["User-Agent"]
    return [f'10.0.0.7 - - [22/Nov/2026:10:00:30 -0300] "{request.method} http://{request.host}{request.path} '
            f'HTTP/1.1" - - "-" "{agent}"']


def flurl_http_exception(request: Request) -> list[str]:
    # A .NET worker posting the transfer with Flurl, the refusal logged by Microsoft.Extensions.Logging's simple
    # console formatter as `logger.LogError(ex, "payout failed")` (tmenier/Flurl src/Flurl.Http/FlurlHttpException.cs
    # BuildMessage: `Call failed with status code {code} ({reason}): {call}`; src/Flurl.Http/FlurlCall.cs ToString:
    # `{Method} {Url}`; the formatter's `fail: <category>[<event id>]`, the message and the exception six columns in).
    return ["fail: Payouts.PayoutWorker[0]", "      payout failed",
            f"      Flurl.Http.FlurlHttpException: Call failed with status code 422 (Unprocessable Entity): "
            f"{request.method} {request.url}",
            "         at Flurl.Http.FlurlClient.HandleExceptionAsync(FlurlCall call, Exception ex, CancellationToken "
            "token)",
            "         at Flurl.Http.FlurlClient.SendAsync(IFlurlRequest request, HttpCompletionOption completionOption, "
            "CancellationToken cancellationToken)",
            "         at Payouts.PayoutWorker.SendAsync(Transfer transfer) in /src/Payouts/PayoutWorker.cs:line 42"]


SHAPES = [case(codeception_rest_debug), case(argo_http_template, "payout-workflow.yaml")]
HEADERS_ONLY = [case(dexador_verbose), case(logic_apps_request_history, "request-history.json"),
                case(wormholy_txt_export, "Payouts_20261122_130030_123-wormholy.txt")]
NO_HEADERS = [case(chrome_performance_trace, "Trace-20261122T130029.json"),
              case(urlsnarf_clf, plaintext=True),
              case(flurl_http_exception)]
