"""Records that name a change's kind and a table but carry no change stream's row: their requests are read as any
request is (:mod:`keyaudit.inputs.captures.change_rows` applies the change-stream vocabulary only to an event that
carries its row in the stream's own row members, rules/requests.yaml's ``change_streams``).

An audit log's ``{"action": "update", "table": "payments", "request": {…}}``, an ORM's log, a job's record of the
collection it touched, a DynamoDB ``MODIFY`` beside a call, a line whose context member names a database change:
each is a request sent, found as the reader of its shape finds it (line, pretty-printed, YAML), and a signature met
twice among them is still a replay. Each case is a reproducer of a review of a reading that lost these requests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.running import scan_json
from helpers.signed_shapes import json_pretty

# a token shaped as Asaas's, made up (its payload is base64 of zeros and a fixed word)
ASAAS_TOKEN = ("$aact_YTU5YTE0M2M2N2I4MTliNzk0YTI5N2U5MzdjNWZmNDQ6OjAwMDAwMDAwMDAwMDAwMDAwMDA6OiRhYWNoXzRlNTU")
SIGNATURE = "signature=hutFBi2e9uagxubJG/DceP57wi7WtEP78CR9TUEfZyHqAqYfsGqXop7E0oYyMls+H5gqqXbun+sqL7gabUr9MuMXw=="
HEADERS = {"Content-Type": "application/json", "Request-Time": "2026-11-22T10:00:00-03:00"}
IUGU = {"method": "POST", "url": "https://api.iugu.com/v1/transfer_requests", "headers": HEADERS,
        "body": '{"amount":1000}'}
ASAAS = {"method": "POST", "url": "http://api.asaas.com/v3/transfers", "headers": {"access_token": ASAAS_TOKEN},
         "body": '{"value":10}'}
SIGNED = {**IUGU, "headers": {**HEADERS, "Signature": SIGNATURE}}
UNSIGNED = [("iugu-unsigned-transfer", 1)]
ASAAS_FOUND = [("asaas-plaintext-request", 1), ("asaas-unsigned-transfer", 1)]
DB = {"op": "u", "table": "payouts"}  # a logger's context member naming the database change a call came with

# name: (the record, the request findings main finds: rule and line), each written on a line and pretty-printed
RECORDS: dict[str, tuple[dict[str, object], list[tuple[str, int]]]] = {
    "plain": (IUGU, UNSIGNED),
    "asaas_plain": (ASAAS, ASAAS_FOUND),
    "asaas_wrap": ({"action": "update", "table": "payments", "request": ASAAS}, ASAAS_FOUND),
    "audit_wrap": ({"action": "update", "table": "payments", "request": IUGU}, UNSIGNED),
    "audit_wrap_flat": ({"ts": "x", "action": "update", "table": "payments", "id": 7, **IUGU}, UNSIGNED),
    "type_update_beside": ({"type": "update", "tableName": "payouts", "http": IUGU}, UNSIGNED),
    "op_u": ({"op": "u", "collection": "payouts", "outbound": IUGU}, UNSIGNED),
    "eventName_modify": ({"eventName": "MODIFY", "eventSource": "payouts-svc", "call": IUGU}, UNSIGNED),
    "k8s_opType": ({"operationType": "update", "collection": "jobs", "job": {"spec": {"request": IUGU}}}, UNSIGNED),
    "orm": ({"type": "update", "table": "payouts", "sql": "UPDATE payouts SET status='sent'", "request": IUGU},
            UNSIGNED),
    "nested_deep": ({"log": {"action": "delete", "table": "payouts", "ctx": {"req": IUGU}}}, UNSIGNED),
    "list_items": ({"events": [{"action": "update", "table": "payments"}], "request": IUGU}, UNSIGNED),
    # a change event that does carry its row: Debezium's snapshot read, and an UPDATE no earlier event of the row
    # was read for (a resend as far as the log shows)
    "debezium_r": ({"op": "r", "source": {"table": "outbox"}, "after": IUGU}, UNSIGNED),
    "debezium_u_after": ({"op": "u", "source": {"table": "outbox"}, "before": None, "after": IUGU}, UNSIGNED),
    # DynamoDB's MODIFY, its image holding no headers: nothing to judge (main finds nothing either)
    "dynamo_modify": ({"eventName": "MODIFY", "eventSource": "aws:dynamodb", "dynamodb": {"NewImage": {
        name: {"S": value} for name, value in IUGU.items() if name != "headers"}}}, []),
    "dynamo_modify_plain": ({"eventName": "MODIFY", "eventSource": "aws:dynamodb", "dynamodb": {"NewImage": {
        name: value for name, value in IUGU.items() if name != "headers"}}}, []),
}
# name: (the record, the findings), on a line only: the request held in a string or beside a context member
LINES: dict[str, tuple[dict[str, object], list[tuple[str, int]]]] = {
    "escaped_noctx": ({"level": "info", "message": json.dumps(IUGU)}, UNSIGNED),
    "escaped_ctx": ({"level": "info", "message": json.dumps(IUGU), "db": DB}, UNSIGNED),
    "logfmt_noctx": ({"msg": "outbound method=POST url=https://api.iugu.com/v1/transfer_requests "
                             "header.Content-Type=application/json header.Request-Time=2026-11-22T10:00:00-03:00 "
                             "body={}"}, UNSIGNED),
    "logfmt_ctx": ({"msg": "outbound method=POST url=https://api.iugu.com/v1/transfer_requests "
                           "header.Content-Type=application/json header.Request-Time=2026-11-22T10:00:00-03:00 "
                           "body={}", "db": DB}, UNSIGNED),
    "sibling_ctx": ({"level": "info", "request": IUGU, "db": DB}, UNSIGNED),
}
REPLAYED = [("iugu-bad-signature", 1), ("iugu-bad-signature", 2), ("iugu-signature-replay", 2),
            ("request-time-outside-window", 1), ("request-time-outside-window", 2)]


def _found(folder: Path, name: str, lines: list[str]) -> list[tuple[str, int]]:
    """The request findings (rule, line) of a scan of ``lines`` written to ``folder / name``, sorted."""
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report, _ = scan_json(str(path))
    return sorted((f["rule_id"], f["location"]["line"]) for f in report["findings"] if f["context"].get("method"))


@pytest.mark.parametrize("name", list(RECORDS))
@pytest.mark.parametrize("form", ["line", "pretty"])
def test_a_record_naming_a_change_keeps_its_request(name: str, form: str, tmp_path: Path) -> None:
    record, expected = RECORDS[name]
    lines = [json.dumps(record)] if form == "line" else json_pretty(record)
    assert _found(tmp_path, f"{name}.json", lines) == expected


@pytest.mark.parametrize("name", list(LINES))
def test_a_context_member_naming_a_change_silences_no_reader(name: str, tmp_path: Path) -> None:
    record, expected = LINES[name]
    assert _found(tmp_path, f"{name}.log", [json.dumps(record)]) == expected


@pytest.mark.parametrize("name", ["audit_wrap", "plain"])
def test_a_request_in_yaml_beside_a_change_is_read(name: str, tmp_path: Path) -> None:
    # the same records as YAML documents: the request's first line is where its finding is
    head = ["action: update", "table: payments"] if name == "audit_wrap" else []
    lines = [*head, "request:", "  method: POST", "  url: https://api.iugu.com/v1/transfer_requests", "  headers:",
             "    Content-Type: application/json", '    Request-Time: "2026-11-22T10:00:00-03:00"',
             "  body: '{\"amount\":1000}'"]
    assert _found(tmp_path, f"{name}.yaml", lines) == [("iugu-unsigned-transfer", len(head) + 2)]


@pytest.mark.parametrize("audit", [False, True], ids=["plain", "audit"])
def test_a_signature_sent_twice_inside_audit_records_is_a_replay(audit: bool, tmp_path: Path) -> None:
    # the same signed request in two records a second apart; as an audit log's {"action": "update", "table"} too
    around = {"action": "update", "table": "payouts"} if audit else {}
    lines = [json.dumps({"ts": f"2026-12-01T10:00:0{at}Z", **around, "request": SIGNED}) for at in (0, 1)]
    assert _found(tmp_path, "replay.log", lines) == REPLAYED
