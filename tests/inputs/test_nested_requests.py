"""Requests inside payloads — a CloudWatch Logs subscription's events gzip-compressed in base64, a
journald message as byte values — read as the text they hold, each event's message a log line,
and placed on the encoded value.

A failure shows rules, places and counts, never a key."""

from __future__ import annotations

import base64
import gzip
import json
import random
from pathlib import Path

import pytest

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


def pubsub_push(record: dict) -> str:
    """The body a Pub/Sub push subscription posts, as an app logs it: the message's data is the
    published bytes in base64 (cloud.google.com/pubsub/docs/push#receive_push)."""
    data = base64.b64encode(json.dumps(record).encode()).decode()
    return json.dumps({"message": {"data": data, "messageId": "136969346945", "publishTime": "2026-11-22T13:00:00Z",
                                   "attributes": {"origin": "payouts"}}, "subscription": "projects/p/subscriptions/audit"})


def kinesis_event(record: dict) -> str:
    """A Lambda's Kinesis event as it logs it: each record's data in base64
    (docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html)."""
    data = base64.urlsafe_b64encode(json.dumps(record).encode()).decode().rstrip("=")
    return json.dumps({"Records": [{"kinesis": {"kinesisSchemaVersion": "1.0", "partitionKey": "1",
                                                "sequenceNumber": "4959", "data": data},
                                    "eventSource": "aws:kinesis", "eventName": "aws:kinesis:record"}]})


@pytest.mark.parametrize("shape", [pubsub_push, kinesis_event], ids=["pubsub", "kinesis"])
def test_a_request_kept_in_plain_base64_is_read_where_it_names_a_provider(tmp_path: Path, shape) -> None:
    """Nothing of the request shows on the line — no host, no method — but the base64 of a
    provider's domain does: the value is opened, its request judged and its key found once, on
    the value."""
    key = asaas_key()
    record = {"method": "POST", "url": URL, "headers": {"access_token": key}, "body": '{"value":10}'}
    line = shape(record)
    path = tmp_path / "events.log"
    path.write_text("INFO consumer started\n" + line + "\n")
    found, counts, errors = request_findings(path)
    data = json.loads(line)
    value = (data["message"]["data"] if "message" in data else data["Records"][0]["kinesis"]["data"])
    assert errors == [] and counts["requests_judged"] == 1
    assert found == [("asaas-unsigned-transfer", 2, line.index(value) + 1, "jsonlog", "base64")]
    report, _ = scan_json(str(path))
    keys = [f for f in report["findings"] if f["rule_id"].startswith("asaas") and not f["context"].get("method")]
    assert len(keys) == 1 and keys[0]["context"]["decoded"] == "base64"


def test_base64_that_names_a_provider_but_writes_no_request_out_gives_no_request(tmp_path: Path) -> None:
    path = tmp_path / "events.log"
    note = base64.b64encode(b"payouts moved to https://api.asaas.com/v3 last week").decode()
    binary = base64.b64encode(bytes(range(256)) + b"api.asaas.com" + bytes(range(256))).decode()
    path.write_text(json.dumps({"data": note}) + "\n" + json.dumps({"data": binary}) + "\n")
    assert request_findings(path) == ([], {}, [])


def test_a_request_in_a_payload_of_a_payload_is_read_and_placed_on_the_outer_value(tmp_path: Path) -> None:
    """A Lambda that logs the subscription event it received, in a log group subscribed in turn:
    the outer event's message holds the inner event, whose data holds the dump. The request is
    read, once, on the outer value, the layers named in order; so is its key."""
    key = asaas_key()
    dump = [f"--> POST {URL}", f"access_token: {key}", "Content-Type: application/json", "Content-Length: 2", "",
            "{}", "--> END POST (2-byte body)"]
    inner = subscription(["payouts worker", *dump])
    outer = subscription(["START RequestId: 7", inner, "END RequestId: 7"])
    path = tmp_path / "forwarder.log"
    path.write_text("INFO forwarder started\n" + outer + "\n")
    found, counts, errors = request_findings(path)
    assert errors == [] and counts["requests_judged"] == 1
    assert found == [("asaas-unsigned-transfer", 2, outer.index("H4sI") + 1, "okhttp", "base64+gzip+base64+gzip")]
    report, _ = scan_json(str(path))
    keys = [f for f in report["findings"] if f["rule_id"] == "asaas-api-key"]
    assert [(f["location"]["line"], f["context"]["decoded"]) for f in keys] == [(2, "base64+gzip+base64+gzip")]


@pytest.mark.parametrize("packing", ["gzip", "plain"])
def test_a_payload_longer_than_the_engines_buffer_is_read_to_its_end(tmp_path: Path, packing: str) -> None:
    """A payload of more than a megabyte on one line (a subscription event of many messages, a
    Pub/Sub message with a long record) runs on past the engine's buffer: it is read on into the
    next one, and the request at its end is judged, on the value."""
    key = asaas_key()
    noise = random.Random(5)
    filler = ["%0512x" % noise.getrandbits(2048) for _ in range(8000)]  # 4 MB that compresses to half
    if packing == "gzip":
        dump = [f"--> POST {URL}", f"access_token: {key}", "Content-Type: application/json", "Content-Length: 2", "",
                "{}", "--> END POST (2-byte body)"]
        line, capture = subscription([*filler, *dump]), "okhttp"
    else:
        line, capture = pubsub_push({"method": "POST", "url": URL, "headers": {"access_token": key}, "body": "{}",
                                     "trace": filler}), "jsonlog"
    value = json.loads(line)["awslogs"]["data"] if packing == "gzip" else json.loads(line)["message"]["data"]
    assert len(value) > 2 << 20  # the engine reads a mebibyte at a time, and on to the end of a line begun
    path = tmp_path / "events.log"
    path.write_text("INFO consumer started\n" + line + "\n")
    found, counts, errors = request_findings(path)
    assert errors == [] and counts["requests_judged"] == 1
    assert found == [("asaas-unsigned-transfer", 2, line.index(value) + 1, capture,
                      "base64+gzip" if packing == "gzip" else "base64")]
