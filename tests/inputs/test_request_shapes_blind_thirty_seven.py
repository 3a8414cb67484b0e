"""A thirty-seventh blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu transfers unsigned,
signed with the client's real key and with another key, an Asaas transfer) as the INTEGRATION PLATFORMS AND WORKFLOW
ENGINES an enterprise's payment calls run through keep them — a Node-RED debug node sent to the system console, an
Apache NiFi LogAttribute with its payload, a Spring Integration logging channel adapter logging the full message, an
Apache Camel `log:` endpoint with `showAll` and `multiline`, a Logic Apps HTTP action's inputs fetched from the run
history and a Mule 4 Logger component's DataWeave JSON.

Three of the six passed as first written, before the readers were read (Node-RED's debug node on the console, the
Logic Apps action's inputs, the Mule Logger's JSON). Three did not: NiFi's LogAttribute (no request found), Spring
Integration's full message (three requests judged, both signatures unverified, none reported) and Camel's multiline
`showAll` exchange (four requests judged, none reported: the headers and body not read). Five of the six pass now.

Camel's since a request a line inside a map printed over lines gives on its own (its `  Headers: {…}` names the method
and URL) is a part of the request the map gives read whole, where that shows more — a body, a known set of headers:
the map's is the request, the line's dropped (:func:`keyaudit.inputs.captures.json_blocks.exchanges`' ``parts``,
:meth:`keyaudit.model.exchange.Exchange.shows_more_than`; before, the line's reading, read first, kept the map's
from being given at all). Spring Integration's since a type's name a blank parts from the bracket of its fields,
Eclipse's generated ``toString`` (`GenericMessage [payload=…, headers={…}]`), starts a record as `Name[` does
(:func:`keyaudit.inputs.captures.record_starts.record_start`; before, only the map inside it was read, the payload),
and a line whose leading closers close the brackets a line above leaves open is read with the map that opens there
(:meth:`keyaudit.inputs.captures.open_brackets.OpenBrackets.opening_above`; before, a map printed over lines was read
only from an anchored line that opens it or is a member of it, not from its last, where Spring writes the URL).
NiFi's is left an expected failure: LogAttribute's `Key: '<name>'` and `\tValue: '<value>'` on the next line are
a layout no reader knows, and the flow file's content after the dashed line a body none takes.

A comment above each shape names the source its format was taken from. What is checked is what every
blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``, never a body
for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import json
import uuid

from test_request_shapes_blind_thirty_six import _inspect_headers, _js_long_string, _js_string

from helpers.signed_shapes import Request, case


def _flow(request: Request) -> str:
    """One id per request, the same each time the request is written (a message, flow file or run id)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, repr(request)).hex


# --- a flow editor's debug node --------------------------------------------------------------------------------------

def node_red_debug_console(request: Request) -> list[str]:
    # A Node-RED flow whose function node builds the msg an `http request` node sends (nodered.org/docs/user-guide/
    # messages; core/network/21-httprequest.js: msg.method, msg.url, msg.headers, msg.payload), wired also to a debug
    # node set to "complete msg object" and "system console" (core/common/21-debug.js: with `console` on, an object
    # is logged as `node.log("\n" + util.inspect(output, {colors: false, depth: 10}))`), through Node-RED's console
    # log handler (@node-red/util lib/log.js: `<d Mon HH:mm:ss> - [info] [debug:<name>] <message>`).
    flow = _flow(request)
    message = ["{", f"  method: {_js_string(request.method)},", f"  url: {_js_string(request.url)},",
               *_inspect_headers(request.headers), f"  payload: {_js_long_string(request.body)},",
               f"  _msgid: {_js_string(flow[:16])}", "}"]
    return ["22 Nov 13:00:30 - [info] [debug:payout request] ", *message]


# --- a dataflow engine's attribute logger ---------------------------------------------------------------------------

def nifi_log_attribute_payload(request: Request) -> list[str]:
    # An Apache NiFi flow paying out with InvokeHTTP (HTTP Method `${http.method}`, HTTP URL `${iugu.url}`, Request
    # Header Attributes Pattern naming the headers, the Content-Type from `mime.type`), a LogAttribute before it with
    # Log Payload true (nifi-standard-processors LogAttribute.processFlowFile: "logging for flow file <record>", a
    # dashed line, "Standard FlowFile Attributes", each `Key: '<k>'` then a tab and `Value: '<v>'`, "FlowFile
    # Attribute Map Content" the attributes sorted, the dashed line, then the content), in nifi-app.log
    # (conf/logback.xml: `%date %level [%thread] %logger{40} %msg%n`).
    flow = str(uuid.UUID(_flow(request)))
    size = len(request.body.encode())
    attributes = {"filename": flow, "http.method": request.method, "iugu.url": request.url, "path": "./",
                  "uuid": flow, **{("mime.type" if name == "Content-Type" else name): value
                                   for name, value in request.headers}}
    record = (f"StandardFlowFileRecord[uuid={flow},claim=StandardContentClaim [resourceClaim=StandardResourceClaim"
              f"[id=1795352430098-17, container=default, section=17], offset=0, length={size}],offset=0,"
              f"name={flow},size={size}]")
    lines = [f"2026-11-22 13:00:30,104 INFO [Timer-Driven Process Thread-7] o.a.n.processors.standard.LogAttribute "
             f"LogAttribute[id=5e2d1c0b-0196-1000-b3a1-9c44d1f0a2e7] logging for flow file {record}",
             "-" * 50, "Standard FlowFile Attributes", "Key: 'entryDate'", "\tValue: 'Sun Nov 22 13:00:30 UTC 2026'",
             "Key: 'lineageStartDate'", "\tValue: 'Sun Nov 22 13:00:30 UTC 2026'", "Key: 'fileSize'",
             f"\tValue: '{size}'", "FlowFile Attribute Map Content"]
    for key in sorted(attributes):
        lines += [f"Key: '{key}'", f"\tValue: '{attributes[key]}'"]
    return lines + ["-" * 50, *request.body.split("\n")]


# --- a messaging framework's logging adapter ------------------------------------------------------------------------

def spring_integration_full_message(request: Request) -> list[str]:
    # A Spring Integration flow (Spring Boot 3) paying out through an `Http.outboundGateway`, the message wire-tapped
    # to `<int:logging-channel-adapter level="INFO" log-full-message="true"/>` (docs.spring.io/spring-integration/
    # reference/logging-adapter.html; LoggingHandler logs the Message itself; spring-messaging GenericMessage.toString:
    # `GenericMessage [payload=<payload>, headers=<MessageHeaders' map>]`, a map `{k=v, k=v}`), the URL in the
    # `http_requestUrl` header the gateway's url-expression reads, the method in `http_requestMethod`; Spring Boot's
    # default console pattern.
    flow = str(uuid.UUID(_flow(request)))
    headers = {"http_requestMethod": request.method, "http_requestUrl": request.url, **dict(request.headers),
               "id": flow, "timestamp": "1795352430104"}
    shown = ", ".join(f"{name}={value}" for name, value in headers.items())
    text = f"GenericMessage [payload={request.body}, headers={{{shown}}}]"
    prefix = ("2026-11-22T10:00:30.104-03:00  INFO 4242 --- [payouts] [   scheduling-1] "
              "o.s.integration.handler.LoggingHandler   : ")
    return (prefix + text).split("\n")


# --- a routing engine's log endpoint --------------------------------------------------------------------------------

def camel_log_show_all_multiline(request: Request) -> list[str]:
    # An Apache Camel 4 route (Spring Boot) setting `CamelHttpMethod`, `CamelHttpUri` and the headers, then
    # `.to("log:payouts?showAll=true&multiline=true")` before the https endpoint (camel.apache.org/components/4.x/
    # log-component.html "showAll", "multiline: each information is logged on a new line"; DefaultExchangeFormatter:
    # `Exchange[`, each item on its own line two blanks in — Id, RouteGroup, RouteId, ExchangePattern, Properties,
    # Headers sorted case-insensitively, BodyType, Body — then `]`), through Spring Boot's default console pattern.
    headers = {"CamelHttpMethod": request.method, "CamelHttpUri": request.url, **dict(request.headers)}
    shown = ", ".join(f"{name}={value}" for name, value in sorted(headers.items(), key=lambda item: item[0].lower()))
    flow = _flow(request).upper()
    text = "\n".join(["Exchange[", f"  Id: {flow[:15]}-{flow[15:31]}-0000000000000001", "  RouteGroup: null",
                      "  RouteId: payouts", "  ExchangePattern: InOnly",
                      "  Properties: {CamelToEndpoint=log://payouts?multiline=true&showAll=true}",
                      f"  Headers: {{{shown}}}", "  BodyType: String", f"  Body: {request.body}]"])
    prefix = "2026-11-22T10:00:30.104-03:00  INFO 4242 --- [payouts] [ - timer://payouts] payouts : "
    return (prefix + text).split("\n")


# --- a workflow service's run history -------------------------------------------------------------------------------

def logic_apps_action_inputs(request: Request) -> list[str]:
    # A Logic Apps (Consumption) workflow's HTTP action sending the transfer (learn.microsoft.com/azure/connectors/
    # connectors-native-http: method, uri, headers, body — a string body kept as written), its inputs fetched from
    # the run history: `curl -s "$(az logic workflow run action show -g payouts --workflow-name payouts --run-name
    # <run> -n HTTP_Transfer --query inputsLink.uri -o tsv)" | jq .` (the inputsLink's content is the action's
    # evaluated inputs as JSON; jq two blanks an indent).
    inputs = {"uri": request.url, "method": request.method, "headers": dict(request.headers), "body": request.body}
    return json.dumps(inputs, indent=2, ensure_ascii=False).split("\n")


# --- an integration runtime's logger component ----------------------------------------------------------------------

def mule_logger_dataweave_json(request: Request) -> list[str]:
    # A Mule 4 flow logging the call before its HTTP Request operation, `<logger level="INFO" message="#[output
    # application/json --- {method: vars.method, url: vars.url, headers: vars.headers, body: payload}]"/>` with the
    # payload a String (docs.mulesoft.com/mule-runtime/4.4/logger-component-reference; DataWeave's JSON writer,
    # indent two blanks, `"key": value`), under the runtime's default log4j2 pattern (`%-5p %d [%t] [processor:
    # %X{processorPath}; event: %X{correlationId}] %c: %m%n`).
    flow = str(uuid.UUID(_flow(request)))
    text = json.dumps({"method": request.method, "url": request.url, "headers": dict(request.headers),
                       "body": request.body}, indent=2, ensure_ascii=False)
    prefix = (f"INFO  2026-11-22 13:00:30,104 [[MuleRuntime].uber.04: [payouts].payoutsFlow.CPU_LITE @3c1e5b2a] "
              f"[processor: payoutsFlow/processors/2; event: {flow}] "
              "org.mule.runtime.core.internal.processor.LoggerMessageProcessor: ")
    return (prefix + text).split("\n")


SHAPES = [case(node_red_debug_console, "node-red.log"),
          case(nifi_log_attribute_payload, "nifi-app.log", missed=(
              "no request found: a `Key: '<name>'` line, its value on the next as `\\tValue: '<value>'`, is no "
              "field the readers know, and the flow file's content after the dashed line no body")),
          case(spring_integration_full_message, "payouts.log"),
          case(camel_log_show_all_multiline, "camel.log"),
          case(logic_apps_action_inputs, "inputs.json"), case(mule_logger_dataweave_json, "mule.log")]
HEADERS_ONLY: list[object] = []
NO_HEADERS: list[object] = []
