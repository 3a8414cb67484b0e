"""A thirty-sixth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu transfers unsigned,
signed with the client's real key and with another key, an Asaas transfer) as the SERVERLESS PLATFORMS, PAAS AND JOB
RUNNERS a payments team's outbound calls run on give their logs back — a Vercel Function's `console.log` through a
Vercel log drain (NDJSON), an Elixir service's Tesla logger through `fly logs`, a Sidekiq job's Faraday logger under
Sidekiq's JSON formatter through `heroku logs --tail`, a Lambda on Powertools for TypeScript found with CloudWatch Logs
Insights (`aws logs get-query-results`), an Azure Function's structured ILogger call through Application Insights'
`traces` (`az monitor app-insights query`) and a Celery task's arguments through Flower's task API.

Three of the six passed as first written, before the readers were read (Sidekiq's JSON records through `heroku
logs`, Powertools' record in Logs Insights' results, Application Insights' traces). Three did not: the Vercel drain's
NDJSON (no request found), `fly logs` of Tesla's logger (four requests judged, none reported: the headers and body not
read) and Flower's task info (both signed transfers called bad signatures). All six pass now.

The Vercel shape as first written was not Node's: it kept the long body whole, where util.inspect writes a string
longer than the line leaves a piece a line (`'{\\n' +`). Corrected, it passes with the readers as they were (a printed
map whose strings are joined by `+`); what the first-written shape showed is Node's layout of a body short enough to
stay whole, which the readers did miss: a map printed over lines in one record's message is now read from the
message's lines (:func:`keyaudit.inputs.captures.json_blocks._message_lines`, on the text :func:`keyaudit.inputs.
captures.envelopes.held_text` gives; before, only a map whose lines were each kept in an envelope of its own was,
Docker's json-file log's; :mod:`test_platform_logs`). `fly logs`' since a line a dump's shape passes over is passed
over under the part of the log prefix a transport writes before every line too (Tesla's `(no query)` after `<time>
app[<machine>] <region> [info] `, Elixir's own prefix on the message's first line only; :meth:`keyaudit.inputs.
captures.dump_request.DumpRequest.passes_over`, as the bare lines after it were already read, :meth:`keyaudit.inputs.
captures.log_prefix.Prefix.lead_rest`; before, that line ended the request after its start line). Flower's since a
Python repr a JSON string holds is read from the string's text, its JSON escapes undone first (:func:`keyaudit.
inputs.captures.jsonlog._repr_text`; before, the repr was read from the line as written, the body's `\\\\n` a
backslash and an `n`, not a line feed).

A comment above each shape names the source its format was taken from. What is checked is what every
blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``, never a body
for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import json
import re
import uuid

from helpers.signed_shapes import Request, case

EPOCH_MS = 1795352430104  # 2026-11-22T13:00:30.104Z, half a minute after the requests' Request-Time
WHEN = "2026-11-22T13:00:30.104"


def _flow(request: Request) -> str:
    """One id per request, the same each time the request is written (a request, job or invocation id)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, repr(request)).hex


# --- a serverless function's console through a platform's log drain ------------------------------------------------

def _js_string(text: str) -> str:
    """A string as Node's util.inspect writes it: single quotes, `\\n` and `\\'` escaped (lib/internal/util/inspect.js
    strEscape; none of these strings holds a single quote)."""
    return "'" + text.replace("\\", "\\\\").replace("\n", "\\n").replace("'", "\\'") + "'"


def _js_long_string(text: str) -> str:
    """A member's string one level in as util.inspect writes it (inspect.js formatPrimitive): longer than 16
    characters and than the line leaves (breakLength 80, less the 2-blank indentation and 4), a quoted piece for
    each line of it, its line feed kept, joined by ` +` and a line break indented 4 blanks (`'{\\n' +`)."""
    if len(text) <= max(16, 80 - 2 - 4):
        return _js_string(text)
    return " +\n    ".join(_js_string(piece) for piece in re.split(r"(?<=\n)", text))


def _js_key(name: str) -> str:
    """A key as util.inspect writes it: bare when an identifier, else quoted."""
    return name if re.fullmatch(r"[A-Za-z_$][\w$]*", name) else _js_string(name)


def _inspect_headers(headers: list[tuple[str, str]]) -> list[str]:
    """A headers object one level in, as util.inspect lays it out (breakLength 80): on one line when its entries, a
    blank and a comma each, fit in what is left of the line after the 2-blank indent, the brace and 10 (inspect.js
    reduceToSingleString `start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10`), else
    one entry a line, 4 blanks in."""
    entries = [f"{_js_key(name)}: {_js_string(value)}" for name, value in headers]
    if 2 * len(entries) + 2 + 1 + 10 + sum(map(len, entries)) <= 80:
        return [f"  headers: {{ {', '.join(entries)} }},"]
    return ["  headers: {", *(f"    {entry}," for entry in entries[:-1]), f"    {entries[-1]}", "  },"]


def vercel_log_drain_ndjson(request: Request) -> list[str]:
    # A Next.js route handler on Vercel sending the payout with fetch, logging it first with `console.log("iugu
    # request", {method, url, headers, body})` (Node's console.log: the string, a blank, util.inspect of the object —
    # over lines once longer than 72 columns, two blanks an indent, strings single-quoted, a long one a piece a line);
    # the project's Log Drain
    # in `ndjson` delivery format (vercel.com/docs/drains/reference/logs "Logs Schema": id, deploymentId, source,
    # host, timestamp (ms), projectId, level, message, buildId, entrypoint, path, type `stdout`, statusCode,
    # requestId, environment, projectName, executionRegion), each delivery's body appended by the team's receiver:
    # one JSON object a line.
    message = ["iugu request {", f"  method: {_js_string(request.method)},", f"  url: {_js_string(request.url)},",
               *_inspect_headers(request.headers), f"  body: {_js_long_string(request.body)}", "}"]
    flow = _flow(request)
    record = {"id": f"{EPOCH_MS}{int(flow[:8], 16):012d}", "deploymentId": "dpl_6fQmT2cXvJ8kR1nW4pL9sB3aZyHd",
              "source": "lambda", "host": "payouts-7h2k9q1xa-payments.vercel.app", "timestamp": EPOCH_MS,
              "projectId": "prj_Qx7Lm2Vn9Rt4Ws8Yb1Ce5Dk3", "level": "info", "message": "\n".join(message),
              "buildId": "bld_3n8c2vq7x", "entrypoint": "app/api/payouts/route.js", "path": "/api/payouts",
              "type": "stdout", "statusCode": 201, "requestId": f"gru1::iad1::{flow[:5]}-{EPOCH_MS}-{flow[5:17]}",
              "environment": "production", "projectName": "payouts", "executionRegion": "gru1"}
    return [json.dumps(record, separators=(",", ":"), ensure_ascii=False)]


# --- a PaaS's log tail ---------------------------------------------------------------------------------------------

def fly_logs_tesla(request: Request) -> list[str]:
    # An Elixir payouts service on Fly.io whose Tesla client logs with Tesla.Middleware.Logger, `debug: true`
    # (hexdocs.pm/tesla/Tesla.Middleware.Logger.html; lib/tesla/middleware/logger.ex: `POST <url> -> 201 (43.127
    # ms)` at info, then at debug ">>> REQUEST >>>", the query, the headers `name: value`, the body, a blank line,
    # "<<< RESPONSE <<<", …) under Phoenix's generated console format `$time $metadata[$level] $message\n`;
    # read with `fly logs` (superfly/flyctl internal/command/logs, LogPresenter.printEntry: the time to the
    # millisecond, `app[<machine>]`, the region, `[info]`, the message — each line the Machine's init read from
    # stdout an entry of its own).
    lines = [f"13:00:30.104 [info] {request.method} {request.url} -> 201 (43.127 ms)",
             "13:00:30.104 [debug] >>> REQUEST >>>", "(no query)",
             *(f"{name}: {value}" for name, value in request.headers), *request.body.split("\n"), "",
             "<<< RESPONSE <<<", "content-type: application/json", "", '{"id":"8d1f0c2e","status":"pending"}']
    return [f"{WHEN} app[148e4d55b36789] gru [info] {line}" for line in lines]


def _ruby_inspect(text: str) -> str:
    """A string as Ruby's String#inspect writes it (these hold no quote, backslash or control character)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def heroku_sidekiq_json_faraday(request: Request) -> list[str]:
    # A Rails payouts app on Heroku whose Sidekiq job sends the payout through Faraday with the logger middleware,
    # `f.response :logger, logger, headers: true, bodies: true` (lostisland/faraday lib/faraday/logging/formatter.rb:
    # `request` logs `POST <url>`, then the headers `dump_headers` — `name: value.inspect` joined by line feeds —,
    # then the body, each a message of its own at info), the job's logger Sidekiq's, its formatter
    # `Sidekiq::Logger::Formatters::JSON` as the Sidekiq wiki's Logging page sets it (sidekiq lib/sidekiq/logger.rb:
    # `{ts, pid, tid, lvl, msg}` and the job's `ctx` {class, jid}, Sidekiq.dump_json); the worker dyno read with
    # `heroku logs --tail --dyno worker` (devcenter.heroku.com/articles/logging "Log format": `timestamp source[dyno]:
    # message`).
    flow = _flow(request)
    messages = [f"{request.method} {request.url}",
                "\n".join(f"{name}: {_ruby_inspect(value)}" for name, value in request.headers), request.body]
    return [f"2026-11-22T13:00:30.{104512 + n}+00:00 app[worker.1]: " + json.dumps(
        {"ts": "2026-11-22T13:00:30.104Z", "pid": 4, "tid": "owl8u2v1k", "lvl": "INFO", "msg": message,
         "ctx": {"class": "IuguTransferJob", "jid": flow[:24]}}, separators=(",", ":"), ensure_ascii=False)
            for n, message in enumerate(messages)]


# --- a function platform's query results ---------------------------------------------------------------------------

def insights_powertools_typescript(request: Request) -> list[str]:
    # A payouts Lambda on Powertools for AWS Lambda (TypeScript), `logger.debug('sending transfer', { request: {method,
    # url, headers, body} })` (docs.powertools.aws.dev/lambda/typescript/latest/core/logger/: the standard keys
    # level, message, sampling_rate, service, timestamp, xray_trace_id, the Lambda context's cold_start,
    # function_arn, function_memory_size, function_name, function_request_id, then the extra keys; one JSON line),
    # found with CloudWatch Logs Insights from the CLI, `aws logs start-query --query-string 'fields @timestamp,
    # @message | filter message = "sending transfer"'` then `aws logs get-query-results` (docs.aws.amazon.com/cli/
    # latest/reference/logs/get-query-results.html: results, each a list of {field, value} with `@ptr`;
    # statistics; status), the CLI's JSON four blanks an indent.
    flow = _flow(request)
    record = {"level": "DEBUG", "message": "sending transfer", "sampling_rate": 0, "service": "payouts",
              "timestamp": "2026-11-22T13:00:30.104Z", "xray_trace_id": f"1-6741f5ae-{flow[:24]}",
              "cold_start": False, "function_arn": "arn:aws:lambda:sa-east-1:123456789012:function:payouts-sender",
              "function_memory_size": 256, "function_name": "payouts-sender",
              "function_request_id": str(uuid.UUID(flow)),
              "request": {"method": request.method, "url": request.url, "headers": dict(request.headers),
                          "body": request.body}}
    row = [{"field": "@timestamp", "value": "2026-11-22 13:00:30.104"},
           {"field": "@message", "value": json.dumps(record, separators=(",", ":"), ensure_ascii=False)},
           {"field": "@ptr", "value": "CmAKJwojMTIzNDU2Nzg5MDEyOi9hd3MvbGFtYmRhL3BheW91dHMtc2VuZGVyEAASNRoYAgZ"
                                      f"{flow[:20]}AQ=="}]
    return json.dumps({"results": [row], "statistics": {"recordsMatched": 1.0, "recordsScanned": 2210.0,
                                                        "bytesScanned": 1583102.0}, "status": "Complete"},
                      indent=4).split("\n")


_STJ_ESCAPES = {'"': "\\u0022", "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "&": "\\u0026",
                "'": "\\u0027", "+": "\\u002B", "<": "\\u003C", ">": "\\u003E", "`": "\\u0060"}


def _stj_string(text: str) -> str:
    """A string as System.Text.Json writes it with its default encoder (JavaScriptEncoder.Default: the
    HTML-sensitive `"`, `&`, `'`, `+`, `<`, `>` and the backtick as `\\uXXXX`, upper-case hex)."""
    return '"' + "".join(_STJ_ESCAPES.get(char, char) for char in text) + '"'


def app_insights_traces_query(request: Request) -> list[str]:
    # A C# Azure Function (in-process) sending the payout with HttpClient, logging it first with
    # `log.LogInformation("Sending transfer {Request}", JsonSerializer.Serialize(transfer))` — a record {Method, Url,
    # Headers, Body} under System.Text.Json's defaults (PascalCase names, compact, JavaScriptEncoder.Default);
    # Application Insights keeps it in `traces` (learn.microsoft.com/azure/azure-functions/functions-monitoring
    # "Structured logging": the template's values as `customDimensions.prop__<name>`, the template as
    # `prop__{OriginalFormat}`, with Category and LogLevel), read with `az monitor app-insights query --app payouts-fn
    # --analytics-query "traces | where message startswith 'Sending transfer' | project timestamp, message,
    # severityLevel, customDimensions, operation_Id"` (the query API's response: tables, columns, rows — a `dynamic`
    # column's value a JSON string; az's JSON output two blanks an indent).
    flow = _flow(request)
    headers = ",".join(f"{_stj_string(name)}:{_stj_string(value)}" for name, value in request.headers)
    serialized = (f'{{"Method":{_stj_string(request.method)},"Url":{_stj_string(request.url)},'
                  f'"Headers":{{{headers}}},"Body":{_stj_string(request.body)}}}')
    dimensions = {"prop__{OriginalFormat}": "Sending transfer {Request}", "prop__Request": serialized,
                  "Category": "Function.SendTransfer.User", "LogLevel": "Information", "ProcessId": "5412",
                  "HostInstanceId": str(uuid.UUID(flow[::-1])), "InvocationId": str(uuid.UUID(flow))}
    columns = [("timestamp", "datetime"), ("message", "string"), ("severityLevel", "int"),
               ("customDimensions", "dynamic"), ("operation_Id", "string")]
    row = ["2026-11-22T13:00:30.104512Z", f"Sending transfer {serialized}", 1,
           json.dumps(dimensions, separators=(",", ":"), ensure_ascii=False), flow]
    table = {"name": "PrimaryResult", "columns": [{"name": name, "type": kind} for name, kind in columns],
             "rows": [row]}
    return json.dumps({"tables": [table]}, indent=2, ensure_ascii=False).split("\n")


# --- a job runner's monitor ----------------------------------------------------------------------------------------

def celery_flower_task_info(request: Request) -> list[str]:
    # A Celery payouts task called with the request as keyword arguments, `send_transfer.delay(method=..., url=...,
    # headers={...}, body=...)` (celery/app/amqp.py as_task_v2: `kwargsrepr = saferepr(kwargs, argsrepr_maxsize)`,
    # Python's repr of a dict), its run looked up in Flower's API, `curl -s http://flower:5555/api/task/info/<id> | jq
    # .` (flower.readthedocs.io "API Reference", GET /api/task/info: the task's fields, args and kwargs the reprs
    # the client sent), jq's output two blanks an indent.
    kwargs = {"method": request.method, "url": request.url, "headers": dict(request.headers), "body": request.body}
    info = {"uuid": str(uuid.UUID(_flow(request))), "name": "payouts.tasks.send_transfer", "state": "SUCCESS",
            "received": 1795352430.098, "sent": None, "started": 1795352430.101, "rejected": None,
            "succeeded": 1795352430.148, "failed": None, "retried": None, "revoked": None, "args": "()",
            "kwargs": repr(kwargs), "eta": None, "expires": None, "retries": 0, "result": "'8d1f0c2e'",
            "exception": None, "timestamp": 1795352430.148, "runtime": 0.0471, "traceback": None,
            "exchange": None, "routing_key": None, "clock": 2417, "client": None, "root_id": None,
            "parent_id": None, "children": [], "worker": "celery@payouts-worker-1"}
    return json.dumps(info, indent=2, ensure_ascii=False).split("\n")


SHAPES = [case(vercel_log_drain_ndjson, "vercel-drain.ndjson"), case(fly_logs_tesla, "fly.log"),
          case(heroku_sidekiq_json_faraday, "heroku.log"), case(insights_powertools_typescript, "insights.json"),
          case(app_insights_traces_query, "traces.json"), case(celery_flower_task_info, "task.json")]
HEADERS_ONLY: list[object] = []
NO_HEADERS: list[object] = []
