"""Outbox rows read off change streams (:mod:`keyaudit.inputs.captures.change_rows`): the four money-out requests of
:mod:`helpers.signed_shapes`, each queued as a row of an ``outbox`` table, in the change events of nine formats.

For every format: the row's INSERT gives the findings the request alone gives (the body byte for byte: the signed
request verifies); the UPDATE that marks the row sent, with the same method, URL, headers and body, adds nothing
(no second send: read as one, the signed request was a replay); an UPDATE that writes the stream's marker for a
column it left alone (PostgreSQL's TOAST placeholder, Debezium's) adds nothing either (read as the body, the
signature no longer matched it); and the row's DELETE adds nothing.

A comment above each format names the source its shape was taken from.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import pytest

from helpers.running import request_rules
from helpers.signed_shapes import Request, check_shape, json_line, json_pretty, requests, run_id
from test_request_shapes_blind_fifty_one import SENT_MS
from test_request_shapes_blind_forty_seven import _scan_lines as scan_lines

TOAST = "unchanged-toast-datum"  # test_decoding's, and wal2json's text for it
UNAVAILABLE = "__debezium_unavailable_value"  # Debezium's default unavailable.value.placeholder
EVENTS = ("insert", "update", "marker", "delete")
Format = Callable[[Request, str], list[str]]


def _row(request: Request, event: str, marker: str = TOAST) -> dict[str, object]:
    """The outbox row: its id (the same for every event of one request), the request, whether it was sent; for the
    ``marker`` event, the body is the stream's marker for a column the change left alone."""
    headers = json.dumps(dict(request.headers))
    body = marker if event == "marker" else request.body
    return {"id": int(run_id(request)[:6], 16), "method": request.method, "url": request.url, "headers": headers,
            "body": body, "sent": event != "insert"}


def wal2json_v1(request: Request, event: str) -> list[str]:
    # github.com/eulerto/wal2json README, format 1: {"xid", "change": [{"kind": "insert"|"update"|"delete",
    # "schema", "table", "columnnames", "columntypes", "columnvalues", "oldkeys": {"keynames", "keytypes",
    # "keyvalues"}}]}; a delete gives the old key only.
    row = _row(request, event)
    change: dict[str, object] = {"kind": "update" if event == "marker" else event, "schema": "public",
                                 "table": "outbox"}
    if event != "delete":
        change.update(columnnames=list(row), columntypes=["bigint", "text", "text", "jsonb", "text", "boolean"],
                      columnvalues=list(row.values()))
    if event != "insert":
        change["oldkeys"] = {"keynames": ["id"], "keytypes": ["bigint"], "keyvalues": [row["id"]]}
    return json_line({"xid": 700 + EVENTS.index(event), "change": [change]})


def wal2json_v1_pretty(request: Request, event: str) -> list[str]:
    # the same with `-o pretty-print=1` (README): the transaction's object over lines
    return json_pretty(json.loads(wal2json_v1(request, event)[0]))


def wal2json_v2(request: Request, event: str) -> list[str]:
    # README, format 2: one object a tuple, {"action": "I"|"U"|"D", "schema", "table", "columns": [{"name", "type",
    # "value"}], "identity": [{"name", "type", "value"}]}
    row = _row(request, event)
    action = {"insert": "I", "update": "U", "marker": "U", "delete": "D"}[event]
    change: dict[str, object] = {"action": action, "schema": "public", "table": "outbox"}
    if event != "delete":
        change["columns"] = [{"name": name, "type": "text", "value": value} for name, value in row.items()]
    if event != "insert":
        change["identity"] = [{"name": "id", "type": "bigint", "value": row["id"]}]
    return json_line(change)


def pg_test_decoding(request: Request, event: str) -> list[str]:
    # postgresql.org/docs/current/test-decoding.html and logicaldecoding-example.html: "table public.outbox: INSERT:
    # id[bigint]:1 name[type]:'value' …"; an UPDATE writes unchanged-toast-datum for a TOASTed column it left alone;
    # a DELETE the key
    row = _row(request, event)
    kind = {"insert": "INSERT", "update": "UPDATE", "marker": "UPDATE", "delete": "DELETE"}[event]
    shown = [("id", "bigint")] if event == "delete" else [(name, "text") for name in row]
    values = " ".join(f"{name}[{kind_}]:" + (str(row[name]) if name == "id" or row[name] == TOAST else
                                             "'" + str(row[name]).replace("'", "''") + "'")
                      for name, kind_ in shown)
    return [f"BEGIN {700 + EVENTS.index(event)}", *f"table public.outbox: {kind}: {values}".split("\n"), "COMMIT"]


def debezium(request: Request, event: str) -> list[str]:
    # debezium.io/documentation/reference/connectors/postgresql.html (change event values): {"schema", "payload":
    # {"before", "after", "source": {"connector", "db", "schema", "table", …}, "op": "c"|"u"|"d", "ts_ms"}}; an
    # unchanged TOASTed column of an update is the unavailable.value.placeholder
    row = _row(request, event, UNAVAILABLE)
    op = {"insert": "c", "update": "u", "marker": "u", "delete": "d"}[event]
    payload = {"before": row if event == "delete" else None, "after": None if event == "delete" else row,
               "source": {"version": "2.5.0.Final", "connector": "postgresql", "name": "payouts", "db": "payouts",
                          "schema": "public", "table": "outbox", "txId": 700, "lsn": 28581784},
               "op": op, "ts_ms": SENT_MS}
    return json_line({"schema": {"type": "struct", "name": "payouts.public.outbox.Envelope"}, "payload": payload})


def maxwell(request: Request, event: str) -> list[str]:
    # maxwells-daemon.io/dataformat: {"database", "table", "type": "insert"|"update"|"delete", "ts", "xid",
    # "commit", "data", "old": {changed columns' old values}}
    row = _row(request, event)
    record = {"database": "payouts", "table": "outbox", "type": "update" if event == "marker" else event,
              "ts": SENT_MS // 1000, "xid": 8249, "commit": True, "data": row}
    return json_line({**record, "old": {"sent": False}} if event != "insert" else record)


def canal(request: Request, event: str) -> list[str]:
    # Canal's flat message as JSON (github.com/alibaba/canal, FlatMessage; Flink's canal-json format docs): {"data":
    # [rows, values as strings], "database", "table", "type": "INSERT"|"UPDATE"|"DELETE", "isDdl", "old",
    # "pkNames", "es", "ts"}
    row = {name: str(value).lower() if isinstance(value, bool) else str(value)
           for name, value in _row(request, event).items()}
    return json_line({"data": [row], "database": "payouts", "es": SENT_MS - 200, "id": 3, "isDdl": False,
                      "old": [{"sent": "false"}] if event != "insert" else None, "pkNames": ["id"],
                      "sql": "", "table": "outbox", "ts": SENT_MS,
                      "type": {"insert": "INSERT", "delete": "DELETE"}.get(event, "UPDATE")})


def dynamodb_stream(request: Request, event: str) -> list[str]:
    # docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_Record.html: {"eventID", "eventName":
    # "INSERT"|"MODIFY"|"REMOVE", "eventSource": "aws:dynamodb", "dynamodb": {"Keys", "NewImage", "OldImage",
    # "StreamViewType"}}, attributes typed ({"S": …}, {"N": …}, {"BOOL": …}); as a Lambda's event gets them
    row = _row(request, event)
    image = {name: {"BOOL": value} if isinstance(value, bool) else {"N": str(value)} if name == "id" else
             {"S": value} for name, value in row.items()}
    images = {"insert": {"NewImage": image}, "delete": {"OldImage": image}}.get(
        event, {"NewImage": image, "OldImage": {**image, "sent": {"BOOL": False}}})
    name = {"insert": "INSERT", "delete": "REMOVE"}.get(event, "MODIFY")
    record = {"eventID": run_id(request)[:8], "eventName": name,
              "eventVersion": "1.1", "eventSource": "aws:dynamodb", "awsRegion": "sa-east-1",
              "dynamodb": {"Keys": {"id": image["id"]}, **images, "StreamViewType": "NEW_AND_OLD_IMAGES"}}
    return json_line({"Records": [record]})


def mongodb_change_stream(request: Request, event: str) -> list[str]:
    # mongodb.com/docs/manual/reference/change-events/ (insert, update, delete): {"_id", "operationType",
    # "clusterTime", "ns": {"db", "coll"}, "documentKey", "fullDocument", "updateDescription": {"updatedFields",
    # "removedFields"}}; an update's fullDocument with `fullDocument: "updateLookup"`
    row = _row(request, event)
    document = {"_id": {"$oid": run_id(request).replace("-", "")[:24]}, **row}
    change: dict[str, object] = {"_id": {"_data": "8263" + run_id(request).replace("-", "")[:20]},
                                 "operationType": "update" if event == "marker" else event,
                                 "ns": {"db": "payouts", "coll": "outbox"}, "documentKey": {"_id": document["_id"]}}
    if event != "delete":
        change["fullDocument"] = document
    if event in ("update", "marker"):
        change["updateDescription"] = {"updatedFields": {"sent": True}, "removedFields": []}
    return json_line(change)


def supabase_webhook(request: Request, event: str) -> list[str]:
    # supabase.com/docs/guides/database/webhooks (a table's change off its pgoutput stream, as JSON): {"type":
    # "INSERT"|"UPDATE"|"DELETE", "table", "schema", "record", "old_record"}
    row = _row(request, event)
    kind = {"insert": "INSERT", "delete": "DELETE"}.get(event, "UPDATE")
    return json_pretty({"type": kind, "table": "outbox", "schema": "public",
                        "record": None if event == "delete" else row,
                        "old_record": None if event == "insert" else {**row, "sent": False}})


FORMATS = [wal2json_v1, wal2json_v1_pretty, wal2json_v2, pg_test_decoding, debezium, maxwell, canal,
           dynamodb_stream, mongodb_change_stream, supabase_webhook]


@pytest.mark.parametrize("form", FORMATS, ids=lambda form: form.__name__)
def test_an_insert_gives_the_requests_findings(form: Format, tmp_path: Path) -> None:
    check_shape(lambda request: form(request, "insert"), tmp_path, "changes.log")


@pytest.mark.parametrize("form", FORMATS, ids=lambda form: form.__name__)
@pytest.mark.parametrize("later", [("update",), ("marker",), ("update", "delete")], ids="-".join)
def test_a_later_change_of_the_row_adds_nothing(form: Format, later: tuple[str, ...], tmp_path: Path) -> None:
    # the row's INSERT, then (after the other rows') its UPDATE marking it sent, one writing the stream's marker for
    # the body, its DELETE: still the four requests once each, the signed one verified and no replay
    check_shape(lambda request: [line for event in ("insert", *later) for line in form(request, event)],
                tmp_path, "changes.log")


@pytest.mark.parametrize("form", FORMATS, ids=lambda form: form.__name__)
def test_an_update_of_a_row_not_read_before_is_its_request(form: Format, tmp_path: Path) -> None:
    # an UPDATE whose row no earlier event in the log wrote (a resend, as far as the log shows): the request's
    # findings, as its INSERT gives them (a DELETE is what sends nothing)
    check_shape(lambda request: form(request, "update"), tmp_path, "changes.log")


@pytest.mark.parametrize("form", [debezium, maxwell, canal, dynamodb_stream, supabase_webhook],
                         ids=lambda form: form.__name__)
def test_a_delete_of_a_row_not_read_before_is_its_request(form: Format, tmp_path: Path) -> None:
    # a DELETE whose old image holds the row (the formats that write it whole) and no earlier event of the log wrote
    # it (a log rotated away): the request was written, and is judged once, as its INSERT would be
    check_shape(lambda request: form(request, "delete"), tmp_path, "changes.log")


@pytest.mark.parametrize("form", FORMATS, ids=lambda form: form.__name__)
def test_an_update_that_writes_another_request_is_read(form: Format, tmp_path: Path) -> None:
    # the row's INSERT, then an UPDATE of the same row (the same key) whose body is another (the amount changed: a
    # resend of a new request): the unsigned transfers are found for each of the two sends
    requests_ = requests(tmp_path)[0]
    lines = [line for request in requests_ for line in form(request, "insert")]
    lines += [line.replace("1050", "1060").replace("100.5", "100.6") for request in requests_
              for line in form(request, "update")]
    found = request_rules(scan_lines(tmp_path, "changes.log", lines))
    assert (found.count("iugu-unsigned-transfer"), found.count("asaas-unsigned-transfer")) == (2, 2), found


def test_a_snapshot_read_is_the_rows_request(tmp_path: Path) -> None:
    # Debezium's initial snapshot (debezium.io/documentation/reference/connectors/postgresql.html#postgresql-snapshots:
    # each row read as an event of op "r"), then the UPDATE marking the row sent: the four requests once each
    def snapshot(request: Request) -> list[str]:
        return [line.replace('"op":"c"', '"op":"r"') for line in debezium(request, "insert")] + \
            debezium(request, "update")
    assert '"op":"r"' in snapshot(_signed(tmp_path))[0]
    check_shape(snapshot, tmp_path, "snapshot.log")


def test_a_column_a_change_left_out_is_no_body(tmp_path: Path) -> None:
    # an INSERT as test_decoding writes it, the body column being the stream's marker: the signed request shows no
    # body (its signature unjudged), not a body that fails it
    lines = [line.replace(": UPDATE:", ": INSERT:") for line in pg_test_decoding(_signed(tmp_path), "marker")]
    report = scan_lines(tmp_path, "decoding.log", lines)
    assert request_rules(report) == [], request_rules(report)
    assert report["scan"]["requests"].get("signatures_unverified") == 1, report["scan"]["requests"]


def test_two_lists_side_by_side_outside_a_change_event_are_no_row(tmp_path: Path) -> None:
    # a pod's spec running curl (`command` and `args`, five words each), pretty-printed: its request is the curl
    # command's, read whole; and a report's column names beside its totals, naming no table: no request at all
    words = ["curl", "--silent", "--fail", "-X", "POST"]
    request = _signed(tmp_path)
    args = ["-H", "Content-Type: application/json", "-d", request.body, request.url.replace("https", "http")]
    pod = {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "payout"},
           "spec": {"containers": [{"name": "payout", "image": "curlimages/curl", "command": words, "args": args}]}}
    report = {"report": "endpoint usage", "columns": ["method", "url", "calls"],
              "totals": ["POST", "http://api.iugu.com/v1/transfer_requests", 1534]}
    found = scan_lines(tmp_path, "pod.json", [*json_pretty(pod), *json_line(report)])
    assert request_rules(found) == ["credential-over-plaintext-http", "iugu-plaintext-request",
                                    "iugu-unsigned-transfer"], request_rules(found)


def test_a_record_of_a_request_of_its_own_is_read_whatever_it_names(tmp_path: Path) -> None:
    # a job's record naming what it did to a table beside the request it sent: the request is its own, read
    request = _signed(tmp_path)
    record = {"op": "u", "table": "payouts", "method": "POST", "url": request.url, "body": request.body,
              "headers": {"Content-Type": "application/json"}}
    found = scan_lines(tmp_path, "jobs.log", json_line(record))
    assert request_rules(found) == ["iugu-unsigned-transfer"], request_rules(found)


def _signed(folder: Path) -> Request:
    """The iugu transfer signed with the client's key (the second of the four)."""
    return requests(folder)[0][1]
