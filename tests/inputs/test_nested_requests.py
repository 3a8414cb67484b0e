"""Requests inside payloads — a CloudWatch Logs subscription's events gzip-compressed in base64, a
journald message as byte values — read as the text they hold, each event's message a log line,
and placed on the encoded value.

A failure shows rules, places and counts, never a key."""

from __future__ import annotations

import base64
import gzip
import json
from pathlib import Path

from helpers.credentials import asaas_key
from helpers.running import scan_json
from keyaudit.inputs.captures.envelopes import unwrapped

URL = "https://api.asaas.com/v3/transfers"


def subscription(messages: list[str]) -> str:
    """The line a Lambda logs of the CloudWatch Logs subscription event it received
    (docs.aws.amazon.com/lambda/latest/dg/services-cloudwatchlogs.html)."""
    events = [{"id": str(n), "timestamp": 1795352400000 + n, "message": message} for n, message in enumerate(messages)]
    data = {"messageType": "DATA_MESSAGE", "owner": "123456789012", "logGroup": "/ecs/payouts",
            "logStream": "payouts/1", "subscriptionFilters": ["all"], "logEvents": events}
    return json.dumps({"awslogs": {"data": base64.b64encode(gzip.compress(json.dumps(data).encode())).decode()}})


def request_findings(path: Path) -> tuple[list[tuple[str, int, int, str, str]], dict[str, int], list[str]]:
    report, _ = scan_json(str(path))
    found = [(f["rule_id"], f["location"]["line"], f["location"]["column"], f["context"]["capture"],
              f["context"].get("decoded")) for f in report["findings"] if f["context"].get("method")]
    return found, report["scan"]["requests"], [error["message"] for error in report["errors"]]


def test_a_batch_of_events_is_read_a_message_a_line() -> None:
    lines = list(unwrapped([(7, json.dumps({"logEvents": [{"message": "POST /v3/transfers HTTP/1.1\n"},
                                                          {"message": "Host: api.asaas.com"}], "owner": "1"}))]))
    assert lines == [(7, "POST /v3/transfers HTTP/1.1"), (7, "Host: api.asaas.com")]


def test_each_event_of_a_subscription_is_a_log_line_of_its_own(tmp_path: Path) -> None:
    """An OkHttp dump logged a line per event and a curl command in one event: both requests are
    read, on the line and at the column of the payload."""
    key = asaas_key()
    dump = [f"--> POST {URL}", f"access_token: {key}", "Content-Type: application/json", "Content-Length: 2", "",
            "{}", "--> END POST (2-byte body)"]
    curl = f"curl -X POST {URL} -H 'access_token: {key}' -d '{{}}'"
    line = subscription(["app started", *dump, "worker idle", curl])
    path = tmp_path / "lambda.log"
    path.write_text("START RequestId: 1\n" + line + "\nEND RequestId: 1\n")
    found, counts, errors = request_findings(path)
    column = line.index("H4sI") + 1
    # one request sent twice by one client, read by two readers: two readings, one finding
    assert counts["requests_judged"] == 2 and errors == []
    assert found == [("asaas-unsigned-transfer", 2, column, "okhttp", "base64+gzip")]


def test_a_payload_that_writes_no_request_out_is_not_read_as_requests(tmp_path: Path) -> None:
    path = tmp_path / "lambda.log"
    path.write_text(subscription(["payouts worker started", f"calling {URL} soon"]) + "\n")
    found, counts, errors = request_findings(path)
    assert (found, counts, errors) == ([], {}, [])


def test_a_damaged_payload_costs_only_itself(tmp_path: Path) -> None:
    """A payload cut in the middle of its events still gives the requests before the cut; the
    request after it, on a line of its own, is read as ever."""
    key = asaas_key()
    record = json.dumps({"method": "POST", "url": URL, "headers": {"access_token": key}, "body": "{}"})
    whole = subscription([record] + ["x" * 2000 + str(n) for n in range(100)])
    start = whole.index("H4sI")
    cut = whole[: start + (len(whole) - start) // 2] + '"}}'
    path = tmp_path / "lambda.log"
    path.write_text(cut + "\n" + record + "\n")
    found, counts, errors = request_findings(path)
    assert errors == [] and counts["requests_judged"] == 2
    assert [(rule, line, decoded) for rule, line, _, _, decoded in found] == [
        ("asaas-unsigned-transfer", 1, "base64+gzip"), ("asaas-unsigned-transfer", 2, None)]
