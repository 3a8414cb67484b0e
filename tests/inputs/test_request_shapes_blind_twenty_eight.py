"""A twenty-eighth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu
transfers unsigned, signed with the client's real key and with another key, an Asaas transfer) as
writers of kinds the other corpora do not show keep them — a LOG VIEWER's pretty rendering (the
`bunyan` CLI's long format of a record's `client_req`, the request's text indented under its line),
a BEHAVIOUR SPEC (a Cucumber feature file: the headers a data table, the body a doc string), a
DEBUGGER session (gdb printing a C++ struct through libstdc++'s pretty printers), a ROW FORMAT's JSON
encoding (Avro's, `avro-tools tojson --pretty`: a union's value wrapped in its branch's type name),
a TASK QUEUE's message read raw off its broker (Celery's kombu envelope in Redis, the task's
arguments a base64 body), an ML-family language's structured printing (F#'s `%A` of a record, its
strings quoted but not escaped), a SPREADSHEET SCRIPT's execution log (Google Apps Script's
`UrlFetchApp.getRequest`, the method in lower case, the content type apart from the headers) and a
MESSAGE BUS's subscriber (the `nats sub` CLI, a Go outbox's JSON with the body as base64 bytes).

Four of the eight passed as first written (bunyan's long output, Celery's message, the Apps Script log,
the NATS subscriber). Avro's records pass since a union's value wrapped in its branch's type name is
that value, as DynamoDB's descriptors were (`{"string": …}`, `{"map": {…}}`, `{"array": […]}`, numbers
and truth values, bytes `{"bytes": …}` the text of the bytes its code points U+0000–U+00FF are): before,
the headers were an object named `map` and the body an object, so each transfer was called unsigned.
gdb's session passes since a printed map's quoted key may be written as an index (`["Name"] = …`:
gdb's map children, Lua's and C#'s initializers), a debugger's description before a value's contents
(`std::map with 4 elements = {…}`: a qualified type's name and a few words, then ` = `) is passed over
to them, and a member `name = value` with blanks around the sign is one for the reader of maps printed
over lines (before, no line of the struct was taken for a member, and the map was one bare word).
Cucumber's feature passes since a behaviour spec's scenario is read as labelled fields (:mod:`keyaudit.
inputs.captures.label_files`): a label may say that a request begins, its parts to come in the labels
that follow (`Scenario:`; before, a request began only at a label giving a part, so headers a step set
before the step that sends were no request's), a step naming a method and a quoted absolute URL, the
Data Table under a step naming the request's headers, and a Doc String whose lines are indented as its
delimiter is, that indentation not sent (a shape's body may take its margin from its label's line).
F#'s `%A` stays a strict expected failure saying what the readers miss. Seven of the eight pass.

A comment above each shape names the source its format was taken from. What is checked is what
every blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``,
never a body for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import base64
import json
import textwrap
import uuid
from urllib.parse import urlsplit

from helpers.signed_shapes import Request, case, envelope, go_canonical

ANSWER = '{"errors":{"amount_cents":["is invalid"]}}'


# --- a log viewer's rendering -----------------------------------------------------------------------------------------

def bunyan_long(request: Request) -> list[str]:
    # A Node payouts worker logging with bunyan (`log.debug({client_req: {method, url: path, address: host, port,
    # headers, body}, attempt}, "sending transfer")`, the record's `client_req` as the README's "Core fields"
    # describes it), its log read with the `bunyan` CLI's default long output and pasted to the incident
    # (trentm/node-bunyan bin/bunyan emitRecord OM_LONG: `[<time>] <LEVEL>: <name>/<pid> on <hostname>: <msg>`, the
    # record's other simple fields ` (k=v, …)`, then each "detail" indented four spaces — a `client_req` rendered as
    # `<METHOD> <url> HTTP/<version>`, `Host: <address>:<port>`, its headers one `name: value` a line, and when it has
    # a body a blank line and the body as it is).
    url = urlsplit(request.url)
    text = "\n".join([f"{request.method} {url.path} HTTP/1.1", f"Host: {url.netloc}:443",
                      *(f"{name}: {value}" for name, value in request.headers), "", request.body])
    return ["[2026-11-22T13:00:30.104Z] DEBUG: payouts/4121 on worker-1: sending transfer (attempt=3)",
            *textwrap.indent(text, "    ", lambda line: True).split("\n")]


# --- a behaviour spec ------------------------------------------------------------------------------------------------

def cucumber_feature(request: Request) -> list[str]:
    # A Cucumber feature the payments team keeps to replay a supplier's failed payout, `payout_replay.feature`
    # (cucumber.io/docs/gherkin/reference: `Feature:`, `Scenario:`, steps `Given`/`When`/`Then`, a Data Table's
    # cells between `|` padded to the column's width, a Doc String between `"""` with a content type, its lines
    # indented as the opening `"""` is, that indentation not part of the string).
    width = max(len(name) for name, _ in request.headers)
    value_width = max(len(value) for _, value in request.headers)
    table = [f"      | {name.ljust(width)} | {value.ljust(value_width)} |" for name, value in request.headers]
    body = textwrap.indent(request.body, "      ", lambda line: True).split("\n")
    return ["Feature: Replaying a supplier's payout", "",
            "  Scenario: the provider refuses the amount",
            "    Given the request headers are", *table,
            f'    When I send a {request.method} request to "{request.url}" with the body',
            '      """json', *body, '      """',
            "    Then the response status is 422",
            f"    And the response body is '{ANSWER}'", ""]


# --- a debugger session ----------------------------------------------------------------------------------------------

def _gdb_string(text: str) -> str:
    """A std::string as gdb prints it (gdb valprint.c generic_printstr with libstdc++'s StdStringPrinter): in
    double quotes, `\\"` and `\\\\` escaped, a line break `\\n`, other control bytes in octal."""
    named = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
    return '"' + "".join(named.get(char) or (char if char >= " " and char != "\x7f" else f"\\{ord(char):03o}")
                         for char in text) + '"'


def gdb_print(request: Request) -> list[str]:
    # A C++ payouts daemon stopped in gdb at the call that sends the transfer, the session pasted into the ticket
    # (GDB manual "Print Settings": `set print pretty on` one member a line indented two spaces, `set print elements
    # unlimited` so no string is cut at 200; gcc libstdc++-v3/python/libstdcxx/v6/printers.py StdMapPrinter: `std::map
    # with <n> elements = {[key] = value, …}`, its keys in the map's order).
    entries = [f"    [{_gdb_string(name)}] = {_gdb_string(value)}" for name, value in sorted(request.headers)]
    return ["(gdb) set print pretty on", "(gdb) set print elements unlimited", "(gdb) frame 2",
            "#2  0x000055d4c1a2b3f4 in payouts::Sender::send (this=0x55d4c2e0a2b0, req=...) at src/sender.cpp:88",
            "88\t    auto res = client_.send(req);", "(gdb) p req", "$1 = {",
            f"  method = {_gdb_string(request.method)},", f"  url = {_gdb_string(request.url)},",
            f"  headers = std::map with {len(entries)} elements = {{", *",\n".join(entries).split("\n"), "  },",
            f"  body = {_gdb_string(request.body)}", "}", "(gdb) "]


# --- a row format's JSON encoding ------------------------------------------------------------------------------------

def _jackson_pretty(value: object, indent: str = "") -> str:
    """A JSON value as Jackson's DefaultPrettyPrinter writes it: an object's members one a line
    indented two spaces, `"name" : value`."""
    if isinstance(value, dict):
        inner = indent + "  "
        members = [f"{inner}{json.dumps(key)} : {_jackson_pretty(item, inner)}" for key, item in value.items()]
        return "{\n" + ",\n".join(members) + f"\n{indent}}}" if members else "{ }"
    return json.dumps(value, ensure_ascii=False)


def avro_tojson(request: Request) -> list[str]:
    # The outbox's hourly Avro file read with `avro-tools tojson --pretty outbox-2026112213.avro` (Apache Avro
    # Specification 1.11, "JSON Encoding": a union's value `{"<branch type name>": value}` unless null, bytes a string
    # of the code points U+0000–U+00FF of its bytes, a map a JSON object; avro-tools DataFileReadTool writing each
    # record through a pretty JsonEncoder). The schema: {method: enum, url: string, headers: ["null", map<string>],
    # body: ["null", bytes], attempt: int, error: ["null", string]}.
    record = {"method": request.method, "url": request.url, "headers": {"map": dict(request.headers)},
              "body": {"bytes": request.body.encode().decode("latin-1")}, "attempt": 3,
              "error": {"string": "HTTP 422: " + ANSWER}}
    return _jackson_pretty(record).split("\n")


# --- a task queue's message ------------------------------------------------------------------------------------------

def celery_redis_message(request: Request) -> list[str]:
    # A Celery task stuck in the `payouts` queue while the workers were down, read with `redis-cli --raw LRANGE payouts
    # 0 -1` (Celery docs "Message Protocol", version 2: headers lang, task, id, root_id, parent_id, group, retries,
    # timelimit, argsrepr, kwargsrepr, origin …; the body `(args, kwargs, embed)` JSON; kombu's virtual transport
    # keeping the message as JSON with the body base64 — properties.body_encoding "base64" — and the redis transport
    # LPUSHing it). The task was sent with `kwargsrepr="{'request': '<redacted>'}"` (Celery docs "Hiding sensitive
    # information in arguments").
    task_id = str(uuid.uuid5(uuid.NAMESPACE_URL, request.url + request.body))
    body = json.dumps([[], {"request": envelope(request)},
                       {"callbacks": None, "errbacks": None, "chain": None, "chord": None}])
    message = {"body": base64.b64encode(body.encode()).decode(), "content-encoding": "utf-8",
               "content-type": "application/json",
               "headers": {"lang": "py", "task": "payouts.tasks.send_transfer", "id": task_id, "shadow": None,
                           "eta": None, "expires": None, "group": None, "group_index": None, "retries": 0,
                           "timelimit": [None, None], "root_id": task_id, "parent_id": None, "argsrepr": "()",
                           "kwargsrepr": "{'request': '<redacted>'}", "origin": "gen4121@payouts-api-1",
                           "ignore_result": False},
               "properties": {"correlation_id": task_id, "reply_to": "8b1f3c0a-77d2-3e0b-9a51-2c4d6e8f0a1b",
                              "delivery_mode": 2, "delivery_info": {"exchange": "", "routing_key": "payouts"},
                              "priority": 0, "body_encoding": "base64",
                              "delivery_tag": "e3b0c442-98fc-4c14-9afb-f4c8996fb924"}}
    return ["$ redis-cli --raw LRANGE payouts 0 -1", json.dumps(message)]


# --- an ML-family language's structured printing -------------------------------------------------------------------

def fsharp_structured(request: Request) -> list[str]:
    # An F# payouts service printing the request record before it sends it, `printfn "sending %A" req`, its stdout in
    # the container's log (FSharp.Core printf.fs and sformat.fs, "Plain text formatting" with %A: a record as
    # `{ Field = value` one field a line, the next fields indented two, ` }` after the last; a string between double
    # quotes as it is — sformat.fs formatString adds the quotes and escapes nothing —; a Map as `map [(k, v); …]`,
    # broken over lines past the 80 columns' width; a field whose value is broken starts it on the next line).
    pairs = [f'("{name}", "{value}")' for name, value in sorted(request.headers)]
    lines, current = [], ""
    for pair in pairs:
        if current and len(current) + len(pair) + 2 > 72:
            lines.append(current + ";")
            current = pair
        else:
            current = f"{current}; {pair}" if current else pair
    lines.append(current)
    mapped = ["   map", "     [" + lines[0], *("      " + line for line in lines[1:])]
    mapped[-1] += "]"
    return [f'sending {{ Method = "{request.method}"', f'  Url = "{request.url}"', "  Headers =", *mapped,
            "  Body =", *f'   "{request.body}" }}'.split("\n")]


# --- a spreadsheet script's execution log ---------------------------------------------------------------------------

def apps_script_log(request: Request) -> list[str]:
    # A Google Sheets payouts macro logging the request before UrlFetchApp.fetch sends it, `console.log(JSON.stringify(
    # UrlFetchApp.getRequest(url, params), null, 2))`, the Executions panel's log copied (developers.google.com/apps-
    # script/reference/url-fetch/url-fetch-app#getRequest: the map holds at least url, method, contentType, payload and
    # headers — `method` as given in params, lower case in the docs' examples, the content type apart from the
    # headers —; the panel's rows `<time>\t<level>\t<message>`, a message's lines as they are).
    headers = {name: value for name, value in request.headers if name.lower() != "content-type"}
    fetched = {"url": request.url, "method": request.method.lower(), "payload": request.body, "headers": headers,
               "contentType": "application/json", "muteHttpExceptions": True, "followRedirects": True,
               "validateHttpsCertificates": True, "useIntranet": False}
    text = json.dumps(fetched, indent=2)
    return ["1:00:29 PM\tNotice\tExecution started", f"1:00:30 PM\tInfo\t{text}",
            f"1:00:31 PM\tInfo\tHTTP 422 {ANSWER}", "1:00:31 PM\tNotice\tExecution completed"]


# --- a message bus's subscriber ---------------------------------------------------------------------------------------

def nats_sub(request: Request) -> list[str]:
    # The Go payouts API's outbox on a NATS subject, watched with `nats sub payouts.http.outbox` (nats-io/natscli
    # cli/sub_command.go: `[#<n>] Received on "<subject>"`, each header `name: value`, a blank line, the data as it
    # is and a blank line). The API publishes `json.Marshal` of `{Method, URL string; Header http.Header; Body []byte}`
    # (Go encoding/json: a []byte a base64 string; `<`, `>`, `&` as \u003c…; http.Header's names canonical, its
    # values lists).
    header = {go_canonical(name): [value] for name, value in request.headers}
    data = json.dumps({"Method": request.method, "URL": request.url, "Header": header,
                       "Body": base64.b64encode(request.body.encode()).decode()}, separators=(",", ":"))
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    msg_id = uuid.uuid5(uuid.NAMESPACE_URL, request.url + request.body)
    return ["13:00:30 Subscribing on payouts.http.outbox", '[#1] Received on "payouts.http.outbox"',
            f"Nats-Msg-Id: {msg_id}", "Traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "",
            data, ""]


_FSHARP_MISSED = ("F#'s `%A` prints a string between double quotes with nothing in it escaped (sformat.fs "
                  "formatString), so a JSON body's own quotes and line breaks stand in the record as they are and "
                  "no quote tells where the string ends but the record's layout (the last quote before ` }` or the "
                  "next field's line); and a Map prints as `map [(k, v); …]`, its tuples separated by `;`: the "
                  "printed-map grammar reads a string to its first unescaped quote and separates entries by commas "
                  "or blanks only")

SHAPES = [case(bunyan_long, "worker.log"), case(cucumber_feature, "payout_replay.feature"),
          case(gdb_print, "gdb-session.txt"), case(avro_tojson, "outbox-2026112213.json"),
          case(celery_redis_message, "queue.txt"), case(fsharp_structured, "payouts.log", missed=_FSHARP_MISSED),
          case(apps_script_log, "executions.log"), case(nats_sub, "outbox-sub.txt")]
HEADERS_ONLY: list[object] = []
NO_HEADERS: list[object] = []
