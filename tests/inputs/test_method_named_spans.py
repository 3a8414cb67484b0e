"""A span named for its method alone, in any case, states that method as a method field does: Brave's HTTP client
spans in Zipkin's v1 JSON are named ``"post"`` (their URL the ``http.url`` tag, each annotation's ``endpoint`` a
service's name and address, no URL), an OpenTelemetry client span ``"POST"`` where its instrumentation knows no
route. The span's tags give the rest of the request (the headers its instrumentation captured, the body a hook
added), so the four money-out requests are judged as in any other shape. A span named for a method that names no
URL of its own is no request.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.running import request_rules
from helpers.signed_shapes import Request, check_shape, json_line, json_pretty, run_id
from test_request_shapes_blind_forty_seven import _scan_lines as scan_lines

MICROS = 1795352430104000


def _tags(request: Request) -> dict[str, str]:
    return {"http.url": request.url, "http.status_code": "201",
            **{f"http.request.header.{name.lower()}": value for name, value in request.headers},
            "http.request.body": request.body}


def zipkin_v1_named_post(request: Request) -> list[str]:
    # `GET /api/v1/trace/{id}` (zipkinCore.thrift's v1 model): Brave names a client span by its method lower-cased
    endpoint = {"serviceName": "payouts", "ipv4": "10.0.3.15"}
    return json_pretty([{"traceId": run_id(request).replace("-", "")[:16], "id": "5b3f0c8d2e1a4f60",
                         "name": request.method.lower(), "timestamp": MICROS, "duration": 312000,
                         "annotations": [{"timestamp": MICROS, "value": "cs", "endpoint": endpoint},
                                         {"timestamp": MICROS + 312000, "value": "cr", "endpoint": endpoint}],
                         "binaryAnnotations": [{"key": key, "value": value, "endpoint": endpoint}
                                               for key, value in _tags(request).items()]}])


def zipkin_v2_named_post(request: Request) -> list[str]:
    # `GET /api/v2/trace/{id}`: a span named "POST", its URL and headers tags, no method tag
    return json_line([{"traceId": run_id(request).replace("-", ""), "id": "5b3f0c8d2e1a4f60", "kind": "CLIENT",
                       "name": request.method, "timestamp": MICROS, "duration": 312000,
                       "localEndpoint": {"serviceName": "payouts"}, "tags": _tags(request)}])


@pytest.mark.parametrize("shape", [zipkin_v1_named_post, zipkin_v2_named_post], ids=lambda shape: shape.__name__)
def test_a_span_named_for_its_method_is_that_request(shape: object, tmp_path: Path) -> None:
    check_shape(shape, tmp_path, "trace.json")  # type: ignore[arg-type]


def test_a_span_named_for_a_method_without_a_url_is_none(tmp_path: Path) -> None:
    # a span named "post" whose only URL is in the text of an event it logged (the transfer URL it will call)
    span = {"traceId": "5b3f0c8d2e1a4f60", "id": "5b3f0c8d2e1a4f61", "name": "post", "timestamp": MICROS,
            "annotations": [{"timestamp": MICROS, "value": "next: https://api.iugu.com/v1/transfer_requests"}],
            "binaryAnnotations": [{"key": "payout.signature", "value": "pending"}]}
    report = scan_lines(tmp_path, "trace.json", [json.dumps([span])])
    assert request_rules(report) == [], request_rules(report)
