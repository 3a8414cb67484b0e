"""One request logged as several records of one logger — a record naming the method and URL,
then a record holding its headers (.NET's HttpClient logging through the JSON console formatter:
event 100, then event 102) — is one request; the records of another logger between them, and the
response's records after them, are not part of it; the record a handler around the client logs
first (the LogicalHandler's) is no request of its own."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.running import scan_json
from helpers.signed_shapes import Request, assert_shape_findings, check_shape, write_shape

WHEN = "2026-11-22T13:00:00.000Z"


def _record(category: str, event: int, message: str, **state: str) -> str:
    return json.dumps({"Timestamp": WHEN, "EventId": event, "LogLevel": "Trace" if event in (102, 103) else "Information",
                       "Category": f"System.Net.Http.HttpClient.{category}", "Message": message,
                       "State": {"Message": message, **state}})


def _start(category: str, request: Request) -> str:
    return _record(category, 100, f"Sending HTTP request {request.method} {request.url}",
                   HttpMethod=request.method, Uri=request.url)


def _headers(category: str, event: int, title: str, headers: list[tuple[str, str]]) -> str:
    return _record(category, event, title + "\n" + "\n".join(f"{name}: {value}" for name, value in headers))


def with_response_records(request: Request) -> list[str]:
    """The whole exchange as both handlers log it: the LogicalHandler's records first, its headers
    those before the app's handlers ran (a signing one: no Signature yet), then the ClientHandler's,
    the headers as sent; the response's records (101, 103) hold headers a request could be signed
    with, and are the response's."""
    logical, client = "iugu.LogicalHandler", "iugu.ClientHandler"
    unsigned = [(name, value) for name, value in request.headers if name not in ("Signature", "Request-Time")]
    response = [("Request-Time", "2026-11-22T10:00:00-03:00"), ("Signature", "signature=cmVzcG9uc2U=")]
    return [_record(logical, 100, f"Start processing HTTP request {request.method} {request.url}",
                    HttpMethod=request.method, Uri=request.url),
            _headers(logical, 102, "Request Headers:", unsigned),
            _start(client, request), _headers(client, 102, "Request Headers:", request.headers),
            _record(client, 101, "Received HTTP response headers after 31.2ms - 201", ElapsedMilliseconds="31.2"),
            _headers(client, 103, "Response Headers:", response),
            _record(logical, 101, "End processing HTTP request after 35.0ms - 201", ElapsedMilliseconds="35.0"),
            _headers(logical, 103, "Response Headers:", response)]


def test_the_records_of_one_request_are_joined_and_counted_once(tmp_path: Path) -> None:
    path, public = write_shape(with_response_records, tmp_path)
    assert_shape_findings(path, public, "with_response_records", body_shown=False)
    report, _ = scan_json("--public-key", str(public), str(path))
    assert report["scan"]["requests"]["requests_judged"] == 4


def test_the_headers_another_loggers_record_holds_are_not_the_requests(tmp_path: Path) -> None:
    """The transfer's client logs no headers (Trace is off for its category); another client's
    request starts before it, and its headers follow the transfer's start: they are that request's.
    The transfer's headers are unknown: not called unsigned."""
    transfer = Request("POST", "api.iugu.com", "/v1/transfer_requests", [("Content-Type", "application/json")], "{}")
    hook = Request("POST", "hooks.example.com", "/v1/notify", [("Content-Type", "application/json")], "{}")
    log = tmp_path / "app.log"
    log.write_text("\n".join([_start("hooks.ClientHandler", hook), _start("iugu.ClientHandler", transfer),
                              _headers("hooks.ClientHandler", 102, "Request Headers:", hook.headers)]) + "\n")
    report, _ = scan_json(str(log))
    assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == []
    assert report["scan"]["requests"]["requests_judged"] == 1  # the transfer: the other call names no provider


def test_the_same_records_as_text_give_the_same_findings(tmp_path: Path) -> None:
    """The console formatter's text: the category line, the message indented by six blanks."""
    def console_text(request: Request) -> list[str]:
        lines = []
        for record in with_response_records(request):
            fields = json.loads(record)
            level = {"Information": "info", "Trace": "trce"}[fields["LogLevel"]]
            lines.append(f"{level}: {fields['Category']}[{fields['EventId']}]")
            lines += ["      " + line for line in fields["Message"].split("\n")]
        return lines
    check_shape(console_text, tmp_path, body_shown=False)
