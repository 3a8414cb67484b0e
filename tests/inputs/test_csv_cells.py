"""A CSV cell is a quoting layer, as a JSON string is: a log message exported as CSV (Kibana's "Share > CSV",
Splunk's export: each message one quoted cell, its quotes doubled, RFC 4180) holds the record the message is, and
that record is read as the same record on a line of its own — the request it describes, the credentials in its
escaped body — whatever the header row names, placed on the row's line (a key on its own column)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from helpers.credentials import basic, iugu_token
from helpers.running import request_rules, scan_json

TRANSFER = "https://api.iugu.com/v1/transfer_requests"
HEADER = ["@timestamp", "host.name", "log.level", "message"]  # Kibana's columns: none names a request's role


def _export(messages: list[str]) -> str:
    """The rows Kibana's CSV export writes for log messages: every cell that holds a quote or a comma quoted."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([HEADER, *(["Nov 22, 2026 @ 13:00:10.122", "pay-01", "info", message] for message in messages)])
    return out.getvalue()


def _record(**members: object) -> str:
    return json.dumps({"level": "info", "event": "http_request", **members}, separators=(",", ":"))


def _scan(path: Path, text: str) -> dict:  # type: ignore[type-arg]
    path.write_text(text, encoding="utf-8")
    report, _ = scan_json("--no-dedupe", str(path))
    assert report["errors"] == []
    return report


def test_a_request_record_in_a_csv_cell_is_judged_as_the_same_record_on_its_own_line(tmp_path: Path) -> None:
    noise = _record(method="GET", url="https://inventory.svc.cluster.local/v2/items", headers={"Accept": "*/*"})
    record = _record(method="POST", url=TRANSFER, headers={"Content-Type": "application/json",
                                                            "Authorization": f"Basic {basic(iugu_token())}"},
                     body=json.dumps({"amount_cents": 1050, "transfer_type": "pix"}))
    alone = _scan(tmp_path / "app.jsonl", noise + "\n" + record + "\n")
    exported = _scan(tmp_path / "kibana.csv", _export([noise, record]))
    assert request_rules(exported) == request_rules(alone) == ["iugu-unsigned-transfer"]
    assert [f["location"]["line"] for f in exported["findings"] if f["context"].get("method")] == [3]
    assert exported["scan"]["requests"] == alone["scan"]["requests"]


def test_a_list_of_request_records_in_a_csv_cell_is_read_from_its_first(tmp_path: Path) -> None:
    # a job's arguments kept as the JSON text of their list (a Durable Functions history's Input), exported as CSV
    argument = {"method": "POST", "uri": TRANSFER, "headers": {"Authorization": f"Basic {basic(iugu_token())}"},
                "content": json.dumps({"amount_cents": 1050})}
    report = _scan(tmp_path / "history.csv", _export([json.dumps([argument])]))
    assert request_rules(report) == ["iugu-unsigned-transfer"]


def test_a_token_in_the_escaped_body_of_a_record_in_a_csv_cell_is_found_on_its_own_column(tmp_path: Path) -> None:
    token = iugu_token()
    text = _export([_record(body=json.dumps({"api_token": token, "amount_cents": 2090}))])
    report = _scan(tmp_path / "kibana.csv", text)
    row = text.split("\n")[1]
    found = [(f["rule_id"], f["location"]["line"], f["location"]["column"], f["location"]["end_column"],
              f["context"].get("decoded")) for f in report["findings"]]
    assert found == [("iugu-api-token", 2, row.index(token) + 1, row.index(token) + len(token) + 1, "csv+json")]
