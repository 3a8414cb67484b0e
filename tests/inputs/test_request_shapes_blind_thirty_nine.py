"""A thirty-ninth blind corpus: the four money-out requests of :mod:`helpers.signed_shapes` (iugu transfers unsigned,
signed with the client's real key and with another key, an Asaas transfer) as the DATA PIPELINES AND LOG SHIPPERS
that call a payment API keep them — Vector's `http` sink at `VECTOR_LOG=debug`, Redpanda Connect's `http_client`
output with `dump_request_log_level: DEBUG`, an Airbyte low-code connector's HTTP debug message on its stdout and in
the platform's sync log, and a Prefect task with `log_prints=True` around `http.client`'s debug prints, in the
console and through Prefect's JSON formatter.

Five of the six passed as first written, before the readers were read (Redpanda Connect's dump, both Airbyte
forms, both Prefect forms). Vector's did not: its four requests were read, but both signatures were judged invalid
where its line shows no body (only `body=[N bytes]`, the size) — they must stay unverified. (A first draft that put
Host and Content-Length in Vector's header map passed; its source logs the map before hyper adds them, so the
faithful line has neither.) All six pass now.

Vector's since a body field that holds only the body's size, as a printer writes it in place of the bytes (Vector's
FormatBody `[95 bytes]`, `[>=95 bytes]`, `[unknown]`; `<95 bytes>`, `(95 bytes)`, rest-client's `95 byte(s)
length`), is a body sent and not shown, not a body of those ten characters: no signature is judged over it
(:data:`keyaudit.inputs.captures.elision.BODY_SIZE`, taken by :func:`keyaudit.inputs.captures.record_bodies.body`
for every structured record, the logfmt line's `body=` among them). Before, the size note was the body unless a
Content-Length beside it told it was not.

A comment above each shape names the source its format was taken from. What is checked is what every
blind corpus must give (:mod:`test_request_shape_corpora`): the body as sent for ``SHAPES``, never a body
for ``HEADERS_ONLY``, not one header for ``NO_HEADERS``.
"""

from __future__ import annotations

import json
import uuid

from helpers.signed_shapes import Request, case, go_canonical


def _flow(request: Request) -> str:
    """One id per request, the same each time the request is written (a run, task or component id)."""
    return uuid.uuid5(uuid.NAMESPACE_URL, repr(request)).hex


def _requests_head(request: Request) -> list[tuple[str, str]]:
    """The headers `requests` sends, in its order: the session's defaults (the client's User-Agent in its place),
    then the request's own, then the Content-Length `prepare_body` adds."""
    own = dict(request.headers)
    head = [("User-Agent", own.pop("User-Agent")), ("Accept-Encoding", "gzip, deflate"), ("Accept", "*/*"),
            ("Connection", "keep-alive")]
    return head + list(own.items()) + [("Content-Length", request.content_length)]


# --- a log shipper's HTTP sink ----------------------------------------------------------------------------------------

def vector_http_sink_debug(request: Request) -> list[str]:
    # Vector's `http` sink (vector.dev/docs/reference/configuration/sinks/http: uri, method, request.headers) run with
    # VECTOR_LOG=debug: before each request its internal event AboutToSendHttpRequest
    # (vectordotdev/vector src/internal_events/http_client.rs) logs `debug!(message = "Sending HTTP request.", uri = %,
    # method = %, version = ?, headers = ?remove_sensitive(headers), body = %FormatBody(body))` — the HeaderMap's
    # Debug, names lower-case, values quoted;
    # the body only as its size (`[N bytes]`; Host and Content-Length are hyper's, added later) — through
    # tracing-subscriber's default fmt layer with the component's span.
    headers = {name.lower(): value for name, value in request.headers}
    shown = ", ".join(f"{json.dumps(name)}: {json.dumps(value)}" for name, value in headers.items())
    return [f"2026-11-22T13:00:30.104215Z DEBUG sink{{component_kind=\"sink\" component_id=payouts_api "
            f"component_type=http}}: vector::internal_events::http_client: "
            f"Sending HTTP request. uri={request.url} method={request.method} version=HTTP/1.1 "
            f"headers={{{shown}}} body=[{request.content_length} bytes]"]


# --- a stream processor's HTTP output ---------------------------------------------------------------------------------

def redpanda_connect_dump_request(request: Request) -> list[str]:
    # Redpanda Connect (Benthos) `http_client` output with `dump_request_log_level: DEBUG`
    # (docs.redpanda.com/redpanda-connect/components/outputs/http_client: "the request and response payload of each
    # request made will be logged"; Go's httputil.DumpRequestOut: request line, Host, User-Agent, Content-Length, the
    # other headers sorted and canonical, Accept-Encoding: gzip, a blank line, the body) and `logger: {level: DEBUG,
    # format: logfmt}` (the default format): one logfmt line, the dump a Go-quoted `msg`.
    own = dict(request.headers)
    head = [("Host", request.host), ("User-Agent", own.pop("User-Agent")),
            ("Content-Length", request.content_length)]
    head += sorted((go_canonical(name), value) for name, value in own.items())
    dump = f"{request.method} {request.path} HTTP/1.1\r\n" + "".join(f"{n}: {v}\r\n" for n, v in head)
    dump += "Accept-Encoding: gzip\r\n\r\n" + request.body
    return [f"level=debug msg={json.dumps(dump, ensure_ascii=False)} @service=redpanda-connect "
            f"label=payouts_api path=root.output"]


# --- an ELT connector's debug messages --------------------------------------------------------------------------------

def _airbyte_http_message(request: Request) -> str:
    # airbyte_cdk's format_http_message (airbytehq/airbyte-python-cdk airbyte_cdk/sources/http_logger.py:
    # {"http": {"title", "description", "request": {"method", "body": {"content"}, "headers": dict(request.headers)},
    # "response": {...}}, "log": {"level": "debug"}, "url": {"full": request.url}}), json.dumps'd by the message
    # repository into an AirbyteLogMessage at DEBUG.
    headers = dict(_requests_head(request))
    message = {"http": {"title": "Payout", "description": "Creates a payout", "type": "HTTP",
                        "request": {"method": request.method, "body": {"content": request.body}, "headers": headers},
                        "response": {"body": {"content": "{}"}, "headers": {"Content-Type": "application/json"},
                                     "status_code": 200}},
               "log": {"level": "debug"}, "url": {"full": request.url}}
    return json.dumps(message, ensure_ascii=False)


def airbyte_connector_stdout(request: Request) -> list[str]:
    # A low-code (declarative) Airbyte connector run with `read --debug` (docs.airbyte.com/connector-development/cdk-
    # python: messages are AirbyteMessages, one JSON object a line on stdout): the LOG message carrying the HTTP log.
    return [json.dumps({"type": "LOG", "log": {"level": "DEBUG", "message": _airbyte_http_message(request)}},
                       ensure_ascii=False, separators=(",", ":"))]


def airbyte_platform_sync_log(request: Request) -> list[str]:
    # The same connector in an Airbyte sync with debug logging: the platform's job log prints each LOG message of the
    # source as `<date> <time> source > <message>` (docs.airbyte.com/operator-guides/browsing-output-logs).
    return [f"2026-11-22 13:00:30 source > {_airbyte_http_message(request)}"]


# --- an orchestrator's run logs ---------------------------------------------------------------------------------------

def _http_client_prints(request: Request) -> list[str]:
    """What http.client prints at debuglevel 1 for a `requests` call: the head, then the body, each `send:` and the
    repr of the bytes."""
    head = f"{request.method} {request.path} HTTP/1.1\r\nHost: {request.host}\r\n"
    head += "".join(f"{name}: {value}\r\n" for name, value in _requests_head(request)) + "\r\n"
    return [f"send: {head.encode()!r}", f"send: {request.body.encode()!r}", "reply: 'HTTP/1.1 200 OK\\r\\n'"]


def prefect_log_prints_console(request: Request) -> list[str]:
    # A Prefect task `@task(log_prints=True)` that sets http.client.HTTPConnection.debuglevel = 1 and pays out with
    # `requests`: log_prints patches print, so each of http.client's prints is a run log record
    # (docs.prefect.io/v3/develop/logging#log-print-statements), the worker's console writing it with logging.yml's
    # task_run_fmt `%(asctime)s.%(msecs)03d | %(levelname)-7s | Task run %(task_run_name)r - %(message)s`.
    name = f"pay-out-{_flow(request)[:3]}"
    return [f"13:00:30.{n:03d} | INFO    | Task run {name!r} - {line}"
            for n, line in enumerate(_http_client_prints(request), 104)]


def prefect_log_prints_json(request: Request) -> list[str]:
    # The same task with PREFECT_LOGGING_HANDLERS_CONSOLE_TASK_RUNS_FORMATTER=json (prefect.logging.formatters.
    # JsonFormatter "default": the LogRecord's __dict__ as JSON, json.dumps of the record, one object a line).
    flow = _flow(request)
    records = []
    for n, line in enumerate(_http_client_prints(request), 104):
        record = {"name": "prefect.task_runs", "msg": line, "args": [], "levelname": "INFO", "levelno": 20,
                  "pathname": "/usr/lib/python3.12/http/client.py", "filename": "client.py", "module": "client",
                  "lineno": 1055, "funcName": "send", "created": 1795352430.0 + n / 1000, "msecs": float(n),
                  "thread": 140241, "threadName": "MainThread", "processName": "MainProcess", "process": 7,
                  "task_run_id": str(uuid.UUID(flow)), "flow_run_id": str(uuid.UUID(flow[::-1])),
                  "task_name": "pay_out", "task_run_name": f"pay-out-{flow[:3]}", "flow_name": "payouts",
                  "flow_run_name": "daring-lynx", "message": line}
        records.append(json.dumps(record))
    return records


SHAPES = [case(redpanda_connect_dump_request, "connect.log"), case(airbyte_connector_stdout, "read.jsonl"),
          case(airbyte_platform_sync_log, "sync.log"), case(prefect_log_prints_console, "worker.log"),
          case(prefect_log_prints_json, "worker.json")]
HEADERS_ONLY = [case(vector_http_sink_debug, "vector.log")]
NO_HEADERS: list[object] = []
