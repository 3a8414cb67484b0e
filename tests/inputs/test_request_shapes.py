"""One transfer request, written the ways other systems log requests, gives one set of findings.

The shapes follow the formats' public documentation: JSON request records flat and nested
(``http.*``), ECS (``url.full``, ``http.request.*``), header lists of pairs, a container runtime's
``json-file`` envelope and the CRI line prefix, cloud log exports (Google's ``jsonPayload``, AWS
CloudWatch's ``message``), an error tracker's ``request`` interface (headers as pairs, body as
``data``), a HAR-style request object, a header dump inside a message string, a Python dict repr,
an OkHttp dump inside container envelopes, and curl ``-v`` output. Every shape carries an unsigned
transfer, a signed one and one with a malformed signature: each shape must report the unsigned
one as unsigned, the malformed one as a bad signature, and count the signed one as a signature
it could not verify (no ``--public-key``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import pytest

from helpers.request_shapes import BODY, REQUESTS, URL, Headers, assert_same_request_findings, write_requests
from helpers.running import scan_json



def flat(headers: Headers) -> list[str]:
    return [json.dumps({"ts": "2026-11-22T13:00:00Z", "method": "POST", "url": URL, "headers": dict(headers),
                        "body": BODY})]


def nested_http(headers: Headers) -> list[str]:
    return [json.dumps({"time": "2026-11-22T13:00:00Z",
                        "http": {"method": "POST", "url": URL, "headers": dict(headers), "body": BODY}})]


def ecs(headers: Headers) -> list[str]:
    return [json.dumps({"@timestamp": "2026-11-22T13:00:00Z", "url": {"full": URL},
                        "http": {"request": {"method": "POST", "headers": dict(headers), "body": {"content": BODY}}}})]


def pairs(headers: Headers) -> list[str]:
    return [json.dumps({"request": {"method": "POST", "uri": "/v1/transfer_requests", "host": "api.iugu.com"},
                        "request_headers": [[name, value] for name, value in headers], "request_body": BODY})]


def uri_holds_the_url(headers: Headers) -> list[str]:
    return [json.dumps({"request": {"method": "POST", "uri": URL}, "request_headers": dict(headers),
                        "request_body": BODY})]


def docker(headers: Headers) -> list[str]:
    return [json.dumps({"log": flat(headers)[0] + "\n", "stream": "stdout", "time": "2026-11-22T13:00:00.1Z"})]


def cri(headers: Headers) -> list[str]:
    return [f"2026-11-22T13:00:00.123456789Z stdout F {flat(headers)[0]}"]


def gcp(headers: Headers) -> list[str]:
    return [json.dumps({"insertId": "abc", "jsonPayload": json.loads(flat(headers)[0]),
                        "resource": {"type": "k8s_container"}, "timestamp": "2026-11-22T13:00:00Z"})]


def cloudwatch(headers: Headers) -> list[str]:
    return [json.dumps({"timestamp": 1795352400000, "message": flat(headers)[0], "logStream": "payouts/1"})]


def error_tracker(headers: Headers) -> list[str]:
    return [json.dumps({"event_id": "f" * 32, "level": "error",
                        "request": {"method": "POST", "url": URL, "headers": [[n, v] for n, v in headers],
                                    "data": BODY}})]


def har_style(headers: Headers) -> list[str]:
    return [json.dumps({"entry": {"request": {"method": "POST", "url": URL,
                                              "headers": [{"name": n, "value": v} for n, v in headers],
                                              "postData": {"mimeType": "application/json", "text": BODY}}}})]


def dump_in_message(headers: Headers) -> list[str]:
    head = "\r\n".join(["POST /v1/transfer_requests HTTP/1.1", "Host: api.iugu.com"]
                       + [f"{n}: {v}" for n, v in headers])
    return [json.dumps({"level": "debug", "message": f"{head}\r\n\r\n{BODY}"})]


def python_repr(headers: Headers) -> list[str]:
    return [repr({"method": "POST", "url": URL, "headers": dict(headers), "body": BODY})]


def okhttp_in_docker(headers: Headers) -> list[str]:
    lines = [f"--> POST {URL}"] + [f"{n}: {v}" for n, v in headers] + ["", BODY,
                                                                        f"--> END POST ({len(BODY)}-byte body)"]
    return [json.dumps({"log": f"I/okhttp.OkHttpClient: {line}\n", "stream": "stdout"}) for line in lines]


def curl_verbose(headers: Headers) -> list[str]:
    return (["*   Trying 1.2.3.4:443...", "> POST /v1/transfer_requests HTTP/1.1", "> Host: api.iugu.com"]
            + [f"> {n}: {v}" for n, v in headers] + [f"> Content-Length: {len(BODY)}", ">", BODY])


SHAPES: dict[str, Callable[[Headers], list[str]]] = {shape.__name__: shape for shape in (
    flat, nested_http, ecs, pairs, uri_holds_the_url, docker, cri, gcp, cloudwatch, error_tracker, har_style, dump_in_message,
    python_repr, okhttp_in_docker, curl_verbose)}


@pytest.mark.parametrize("shape", SHAPES)
def test_every_shape_gives_the_same_request_findings(shape: str, tmp_path: Path) -> None:
    assert_same_request_findings(write_requests(SHAPES[shape], tmp_path), shape)


# --- the same request under any naming, nesting and escaping depth -------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

SPELLINGS = {"method": ["method", "httpMethod", "http_method", "request-method", "Verb"],
             "url": ["url", "URL", "requestUrl", "request_url", "fullUrl", "href"],
             "headers": ["headers", "requestHeaders", "request_headers", "Headers"],
             "body": ["body", "requestBody", "request_body", "payload", "data"]}


def spelled(draw: st.DrawFn, role: str) -> str:
    return draw(st.sampled_from(SPELLINGS[role]))


@st.composite
def records(draw: st.DrawFn) -> str:
    headers = dict(REQUESTS["unsigned"])
    shapes = draw(st.sampled_from(["object", "pairs", "named"]))
    logged: object = headers if shapes == "object" else (
        [[n, v] for n, v in headers.items()] if shapes == "pairs" else [{"name": n, "value": v} for n, v in headers.items()])
    request = {spelled(draw, "method"): "POST", spelled(draw, "url"): URL, spelled(draw, "headers"): logged,
               spelled(draw, "body"): BODY}
    record: object = request
    for _ in range(draw(st.integers(0, 3))):  # nested under other objects
        record = {draw(st.sampled_from(["request", "http", "context", "event", "jsonPayload"])): record,
                  "level": "debug"}
    for _ in range(draw(st.integers(0, 2))):  # and as a JSON string inside an envelope, escaped again each time
        record = {draw(st.sampled_from(["log", "message", "msg"])): json.dumps(record), "stream": "stdout"}
    return json.dumps(record)


@settings(max_examples=60, deadline=None)
@given(records())
def test_any_naming_nesting_and_escaping_gives_the_same_finding(line: str) -> None:
    report, _ = scan_json("-", input=f"heartbeat ok\n{line}\nheartbeat ok\n")
    assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == ["iugu-unsigned-transfer"]
