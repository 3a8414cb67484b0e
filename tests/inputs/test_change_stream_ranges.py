"""A file's change-stream rows are judged over the whole file however it is cut (:mod:`keyaudit.inputs.captures.
rows_read`): read in byte ranges by two workers, or as gzip members, it gives the findings (rule, line, column) it
gives read whole by one.

The streams are made from a fixed seed: a few outbox rows, each INSERTed, UPDATEd with the same request or a changed
one (a resend signed anew, a new amount), UPDATEd with a column the stream left out (TOAST: the body's or the
headers' marker), DELETEd and INSERTed again, in Debezium's events on a line and pretty-printed over lines and in
PostgreSQL's test_decoding text, between log lines of varied length; read in ranges of sizes that cut it at many
places (inside an event's lines, at a row's first image, past a range's end where it reads on). Each range holds
two events at least (a pretty-printed one is some 1 KB): a range shorter than the record begun in it is read as the
reading before change streams read it, which loses such a record's findings too.
"""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest

from helpers.running import run_scan
from test_change_event_lookalikes import IUGU, SIGNED

UNAVAILABLE = "__debezium_unavailable_value"  # Debezium's marker for a column an UPDATE left out
TOAST = "unchanged-toast-datum"  # test_decoding's
HEADERS = [json.dumps(IUGU["headers"]), json.dumps(SIGNED["headers"]),
           json.dumps({**SIGNED["headers"], "X-Retry": "1"})]
BODIES = ['{"amount":1000}', '{"amount":2500}']


def _debezium(op: str, row: dict[str, object], pretty: bool) -> list[str]:
    payload = {"before": row if op == "d" else None, "after": None if op == "d" else row, "op": op,
               "source": {"connector": "postgresql", "db": "payouts", "schema": "public", "table": "outbox"}}
    return json.dumps({"payload": payload}, indent=2 if pretty else None).split("\n")


def _test_decoding(op: str, row: dict[str, object]) -> list[str]:
    kind = {"c": "INSERT", "u": "UPDATE", "d": "DELETE"}[op]
    shown = {"id": row["id"]} if op == "d" else row
    values = " ".join(f"{name}[{'bigint' if name == 'id' else 'text'}]:" + (
        str(value) if name == "id" or value == TOAST else "'" + str(value).replace("'", "''") + "'")
        for name, value in shown.items())
    return ["BEGIN 700", f"table public.outbox: {kind}: {values}", "COMMIT 700"]


def _stream(seed: int) -> list[str]:
    """Some 60 events over four rows, in one of three writings each, with log lines between."""
    rng = random.Random(seed)
    rows: dict[int, dict[str, object]] = {}
    lines: list[str] = []
    for _ in range(60):
        key = rng.randint(1, 4)
        row = rows.get(key)
        if row is None or rng.random() < 0.1:
            op, row = "c", {"id": key, "method": "POST", "url": IUGU["url"], "headers": rng.choice(HEADERS),
                            "body": rng.choice(BODIES)}
        else:
            op = rng.choice("uuuud")
            if op == "u" and rng.random() < 0.3:  # a changed request: a resend signed anew, a new amount
                row = {**row, rng.choice(["headers", "body"]): rng.choice(HEADERS + BODIES)}
        rows[key] = row if op != "d" else rows.pop(key)
        style = rng.choice(["line", "pretty", "text"])
        shown = dict(row)
        if op == "u" and rng.random() < 0.4:  # the stream left a column out
            shown[rng.choice(["body", "headers"])] = TOAST if style == "text" else UNAVAILABLE
        lines += _test_decoding(op, shown) if style == "text" else _debezium(op, shown, style == "pretty")
        lines += [json.dumps({"level": "info", "msg": "tick " + "x" * rng.randint(0, 300)})
                  for _ in range(rng.randint(0, 3))]
    return lines


def _findings(path: Path, **options: object) -> list[tuple[str, int, int]]:
    result = run_scan(str(path), **options)
    assert result.errors == []
    return sorted((f.rule_id, f.location.line, f.location.column) for f in result.findings)


@pytest.mark.parametrize("seed", range(5))
def test_a_stream_read_in_ranges_by_two_workers_gives_what_it_gives_read_whole(seed: int, tmp_path: Path) -> None:
    path = tmp_path / "outbox.log"
    path.write_text("\n".join(_stream(seed)) + "\n", encoding="utf-8")
    whole = _findings(path, jobs=1)
    size = path.stat().st_size
    for pieces in (3, 7, 16, 19):
        assert _findings(path, jobs=2, range_bytes=size // pieces + 1) == whole, (seed, pieces)


@pytest.mark.parametrize("seed", range(5, 8))
def test_a_stream_in_gzip_members_gives_what_it_gives_read_whole(seed: int, tmp_path: Path) -> None:
    lines = _stream(seed)
    plain, packed = tmp_path / "outbox.log", tmp_path / "outbox.log.gz"
    plain.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with packed.open("wb") as out:  # a member every few lines (a shipper's rotation), cut at each
        for first in range(0, len(lines), 9):
            out.write(gzip.compress("".join(line + "\n" for line in lines[first:first + 9]).encode()))
    whole = _findings(plain, jobs=1)
    assert _findings(packed, jobs=2, range_bytes=600) == whole


def _row(key: int, **columns: str) -> dict[str, object]:
    return {"id": key, "method": "POST", "url": IUGU["url"], "headers": HEADERS[0], "body": BODIES[0], **columns}


def test_two_events_rows_of_one_request_are_two_readings(tmp_path: Path) -> None:
    # row 1 INSERTed in test_decoding's text, row 2 in a Debezium event below it, the same request queued twice: two
    # rows, two sends (two readers reading one request near each other is one reading — not two events' rows)
    path = tmp_path / "outbox.log"
    path.write_text("\n".join([*_test_decoding("c", _row(1)), *_debezium("c", _row(2), False)]) + "\n")
    assert _findings(path, jobs=1) == [("iugu-unsigned-transfer", 2, 29), ("iugu-unsigned-transfer", 4, 1)]


def test_a_row_the_stream_left_a_column_of_out_takes_no_other_rows_column(tmp_path: Path) -> None:
    # rows 1 and 2 INSERTed, then UPDATEd each with a column left out: row 1's body, row 2's headers. Row 2's image
    # (a body, no header) is no record of the data row 1's (headers, no body) sent: each repeats its own row
    path = tmp_path / "outbox.log"
    events = [("c", _row(1)), ("c", _row(2, body=BODIES[1])), ("u", _row(1, body=UNAVAILABLE)),
              ("u", _row(2, headers=UNAVAILABLE, body=BODIES[1]))]
    path.write_text("\n".join(line for op, row in events for line in _debezium(op, row, False)) + "\n")
    assert _findings(path, jobs=1) == [("iugu-unsigned-transfer", 1, 1), ("iugu-unsigned-transfer", 2, 1)]
