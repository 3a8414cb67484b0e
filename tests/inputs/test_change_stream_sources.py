"""Only an object that names its source as a change stream does is a change event (rules/requests.yaml's
``change_streams`` ``source`` signatures, :mod:`keyaudit.inputs.captures.change_rows`); the row images such an event
carries are each judged once.

An application's log line ``{"type": "delete", "table": "payouts", "data": {request}}`` or ``{"eventSource":
"payout-worker", "type": "remove", "data": …}`` names no stream's source: its request is read as any record's, and
the same signed request logged twice is a replay (no kind word hides it). A stream's DELETE whose old image holds a
request no earlier event of the file showed gives that request's findings once (it was written by an event the log
no longer holds). Rows of a table with no key column are never taken for one another. A Canal event's rows stand
each at its own column. Each case is a reproducer of a review that found these requests lost; the findings are the
ones the reading before change streams gave (rule, line, column).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.running import run_scan, scan_json
from test_change_event_lookalikes import ASAAS, IUGU, SIGNED

ROW = {"id": 7, **IUGU, "headers": json.dumps(IUGU["headers"])}  # an outbox row: headers kept as a JSON text
SIGNED_ROW = {**ROW, "headers": json.dumps(SIGNED["headers"])}
ASAAS_ROW = {"id": 8, **ASAAS, "headers": json.dumps(ASAAS["headers"])}
UNSIGNED = [("iugu-unsigned-transfer", 1, 1)]
ASAAS_FOUND = [("asaas-plaintext-request", 1, 1), ("asaas-unsigned-transfer", 1, 1)]
REPLAYED = [("iugu-bad-signature", 1, 1), ("iugu-bad-signature", 2, 1), ("iugu-signature-replay", 2, 1)]
LATE = [("request-time-outside-window", 1, 1), ("request-time-outside-window", 2, 1)]  # (records naming a time)
KEYLESS = {name: value for name, value in ROW.items() if name != "id"}
KEYED = {"id": 7, **SIGNED}  # an application's record of a call, its own id beside it


def _debezium(op: str, before: object, after: object) -> dict[str, object]:
    """A Debezium change event's value (its source naming the database and the table)."""
    return {"schema": {"type": "struct"}, "payload": {"op": op, "source": {"db": "payouts", "table": "outbox"},
                                                       "before": before, "after": after}}


def _maxwell(kind: str, row: dict[str, object]) -> dict[str, object]:
    return {"database": "payouts", "table": "outbox", "type": kind, "ts": 1764583200, "data": row}


# name: (the lines' records, the request findings: rule, line, column)
CASES: dict[str, tuple[list[dict[str, object]], list[tuple[str, int, int]]]] = {
    # an application's lines naming a kind and a table (or a free-text eventSource) beside their request's data
    "app_delete": ([{"level": "info", "type": "delete", "table": "payouts", "data": IUGU}], UNSIGNED),
    "app_delete_asaas": ([{"type": "delete", "table": "payouts", "data": ASAAS}], ASAAS_FOUND),
    "app_delete_signed_twice": ([{"type": "delete", "table": "payouts", "data": SIGNED}] * 2, REPLAYED),
    "app_update_signed_twice": ([{"type": "update", "table": "payouts", "data": SIGNED}] * 2, REPLAYED),
    "app_update_twice": ([{"level": "info", "type": "update", "table": "payouts", "data": IUGU}] * 2,
                         [*UNSIGNED, ("iugu-unsigned-transfer", 2, 1)]),
    "app_eventsource_remove": ([{"ts": "2026-12-01T10:00:00Z", "eventSource": "payout-worker", "type": "remove",
                                 "data": IUGU}], [*UNSIGNED, LATE[0]]),
    "app_eventsource_retry": ([{"ts": f"2026-12-01T10:00:0{at}Z", "eventSource": "payout-worker", "type": "update",
                                "data": SIGNED} for at in (0, 1)], sorted(REPLAYED + LATE)),
    "app_collection_delete": ([{"op": "d", "collection": "payouts", "data": IUGU}], UNSIGNED),
    "app_keyless_update_twice": ([{"type": "update", "table": "outbox", "data": KEYLESS}] * 2,
                                 [*UNSIGNED, ("iugu-unsigned-transfer", 2, 1)]),
    # an application's records shaped like a stream's events but for what the stream writes: an `op` of "create"
    # (Debezium's are c, u, d, r, t, m), a `source` naming no database, a Maxwell-like record with no `ts`, a MongoDB-
    # like one with no `documentKey`
    "app_op_create": ([{"op": "create", "source": {"db": "api", "table": "payouts"}, "record": KEYED}] * 2, REPLAYED),
    "app_source_table": ([{"level": "info", "op": op, "source": {"table": "transfers"}, "after": KEYED}
                          for op in "cu"], REPLAYED),
    "app_type_database": ([{"type": kind, "database": "payments", "table": "transfers", "data": KEYED}
                           for kind in ("insert", "update")], REPLAYED),
    "app_operation_ns": ([{"operationType": kind, "ns": {"db": "audit", "coll": "calls"}, "fullDocument": KEYED}
                          for kind in ("insert", "replace")], REPLAYED),
    # a stream's rows whose key column is null (the table keyed by another): each its own row
    "debezium_null_key": ([_debezium("c", None, {**SIGNED_ROW, "id": None, "uuid": uuid}) for uuid in "ab"],
                          REPLAYED),
    # a batch of an application's records: each at its own column
    "app_batch": ([{"batch": [{"type": "insert", "table": "outbox", "data": {**ROW, "id": 1}},
                              {"type": "update", "table": "outbox", "data": {**ROW, "id": 1, "sent": True}}]}],
                  [("iugu-unsigned-transfer", 1, 12)]),
    # a stream's DELETE of a row no earlier event showed: its old image's request, once
    "debezium_delete_unseen": ([_debezium("d", ASAAS_ROW, None)], ASAAS_FOUND),
    "debezium_delete_unseen_signed": ([_debezium("d", SIGNED_ROW, None)],
                                      [("iugu-bad-signature", 1, 1)]),
    "maxwell_delete_unseen": ([_maxwell("delete", ROW)], [*UNSIGNED, LATE[0]]),
    # a stream's rows with no key column: each its own row, a repeated request among them is read again
    "maxwell_keyless_twice": ([_maxwell("update", KEYLESS)] * 2,
                              sorted([*UNSIGNED, ("iugu-unsigned-transfer", 2, 1), *LATE])),
    # a Canal event of three rows: each row's findings at its own column
    "canal_rows": ([{"type": "INSERT", "database": "d", "table": "outbox", "pkNames": ["id"], "isDdl": False,
                     "data": [{**ROW, "id": 1}, ASAAS_ROW, {**SIGNED_ROW, "id": 9}]}],
                   [("asaas-plaintext-request", 1, 314), ("asaas-unsigned-transfer", 1, 314),
                    ("iugu-bad-signature", 1, 545), ("iugu-unsigned-transfer", 1, 100)]),
    # one table name in two databases, schemas or collections' databases (a database a tenant): the same key is two
    # rows, the same signed request queued in each a replay
    "maxwell_two_databases": ([{**_maxwell("insert", SIGNED_ROW), "database": name} for name in ("t_a", "t_b")],
                              sorted(REPLAYED + LATE)),
    "debezium_two_databases": ([{"payload": {"op": "c", "source": {"db": name, "table": "outbox"}, "before": None,
                                             "after": SIGNED_ROW}} for name in ("t_a", "t_b")], REPLAYED),
    "wal2json_two_schemas": ([{"action": "I", "schema": name, "table": "outbox", "columns": [
        {"name": column, "type": "text", "value": value} for column, value in SIGNED_ROW.items()]}
        for name in ("t_a", "t_b")], REPLAYED),
    "mongo_two_databases": ([{"operationType": "insert", "ns": {"db": name, "coll": "outbox"},
                              "documentKey": {"_id": 7}, "fullDocument": {**SIGNED_ROW, "_id": 7}}
                             for name in ("t_a", "t_b")], REPLAYED),
}


def _found(folder: Path, name: str, lines: list[str]) -> list[tuple[str, int, int]]:
    """The request findings (rule, line, column) of a scan of ``lines`` written to ``folder / name``, sorted."""
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report, _ = scan_json(str(path))
    return sorted((f["rule_id"], f["location"]["line"], f["location"]["column"]) for f in report["findings"]
                  if f["context"].get("method"))


@pytest.mark.parametrize("name", list(CASES))
def test_a_request_is_found_as_the_reading_before_change_streams_found_it(name: str, tmp_path: Path) -> None:
    records, expected = CASES[name]
    assert _found(tmp_path, f"{name}.log", [json.dumps(record) for record in records]) == expected


def _ranged_stream() -> list[str]:
    """A Debezium stream over some 40 KB (log lines between its events): row 7's INSERT, its UPDATE and DELETE
    repeating it, then its INSERT again (the same signed request queued anew: a replay); row 8 met first by an
    UPDATE (a log rotated away wrote its INSERT: read), then by one repeating it; a row with no key twice."""
    events = [_debezium("c", None, SIGNED_ROW), _debezium("u", SIGNED_ROW, SIGNED_ROW), _debezium("u", None, ROW | {
        "id": 8}), _debezium("d", SIGNED_ROW, None), _debezium("u", ROW | {"id": 8}, ROW | {"id": 8}),
        _debezium("c", None, SIGNED_ROW), _debezium("c", None, KEYLESS), _debezium("c", None, KEYLESS)]
    filler = [json.dumps({"level": "info", "msg": f"tick {at} " + "x" * 200}) for at in range(20)]
    return [line for event in events for line in (json.dumps(event), *filler)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_rows_are_judged_over_the_whole_file_however_it_is_cut(jobs: int, tmp_path: Path) -> None:
    # the file read whole, and in ranges of 4 KB (each event in a range of its own) by one worker and by two: the
    # same findings — an UPDATE or DELETE repeating a row an earlier range read is no send there either
    path = tmp_path / "outbox.log"
    path.write_text("\n".join(_ranged_stream()) + "\n", encoding="utf-8")

    def found(**options: int) -> list[tuple[str, int]]:
        result = run_scan(str(path), **options)
        return sorted((f.rule_id, f.location.line) for f in result.findings if f.context.get("method"))

    whole = found(jobs=1)
    assert whole == [("iugu-bad-signature", 1), ("iugu-bad-signature", 106), ("iugu-signature-replay", 106),
                     ("iugu-unsigned-transfer", 43), ("iugu-unsigned-transfer", 127),
                     ("iugu-unsigned-transfer", 148)], whole
    assert found(jobs=jobs, range_bytes=4096) == whole
