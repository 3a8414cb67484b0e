"""Batches of request records in one JSON value: each record is a request of its own, however the
batch is written — an array, an export's list member, objects one after another on one line."""

from __future__ import annotations

import json

import pytest

from helpers.credentials import asaas_key
from helpers.running import scan_json
from keyaudit.inputs.text_requests import exchanges_in_lines

CALLS = [("GET", "https://api.asaas.com/v3/customers"), ("POST", "https://api.asaas.com/v3/transfers"),
         ("GET", "https://api.iugu.com/v1/invoices")]


def record(method: str, url: str) -> dict:
    return {"method": method, "url": url, "headers": [{"name": "User-Agent", "value": "shop/1.0"}],
            "body": {"value": 10}}


RECORDS = [record(method, url) for method, url in CALLS]
BATCHES = {
    "array": json.dumps(RECORDS),
    "export": json.dumps({"records": RECORDS, "resourceId": "/subscriptions/x"}),  # Azure Monitor's export
    "nested export": json.dumps({"batch": {"id": 7}, "events": [{"request": r} for r in RECORDS]}),
    "one after another": " ".join(json.dumps(r) for r in RECORDS),
    "comma separated": "2026-11-30T10:00:00Z INFO calls " + ", ".join(json.dumps(r) for r in RECORDS),
}


def read(line: str) -> list[tuple[str, str]]:
    return [(e.method, e.url) for e in exchanges_in_lines([(1, line)], "batch.log")]


@pytest.mark.parametrize("shape", sorted(BATCHES))
def test_every_record_of_a_batch_is_read(shape: str) -> None:
    assert read(BATCHES[shape]) == CALLS


def test_a_requests_own_lists_do_not_make_it_a_batch() -> None:
    one = {**record("POST", "https://api.asaas.com/v3/transfers"),
           "retries": [{"attempt": 1}, {"attempt": 2}], "tags": ["a", "b"]}
    exchange, = exchanges_in_lines([(1, json.dumps(one))], "one.log")
    assert (exchange.method, exchange.url, exchange.header("User-Agent")) == (
        "POST", "https://api.asaas.com/v3/transfers", "shop/1.0")


def test_a_batch_of_records_that_are_no_requests_reads_nothing() -> None:
    assert read(json.dumps({"records": [{"level": "info", "msg": "api.asaas.com up"}] * 3})) == []


def test_each_transfer_of_an_exported_batch_is_judged(write) -> None:
    key = asaas_key("prod")
    transfers = [{"method": "POST", "url": url, "headers": {"access_token": key}, "body": "{}"}
                 for url in ("https://api.asaas.com/v3/transfers", "https://api.iugu.com/v1/transfer_requests",
                             "https://api.asaas.com/v3/customers")]
    path = write("export.json", json.dumps({"records": transfers}) + "\n")
    report, run = scan_json(str(path))
    unsigned = sorted(f["context"]["url"] for f in report["findings"] if f["category"] == "unsigned-transfer")
    assert unsigned == ["https://api.asaas.com/v3/transfers", "https://api.iugu.com/v1/transfer_requests"]
    assert key not in run.stdout + run.stderr


def test_a_log_prefix_in_brackets_is_no_batch() -> None:
    line = "[2026-11-30 10:00:00] production.INFO: calling " + json.dumps(RECORDS[1]) + " []"
    assert read(line) == [CALLS[1]]
