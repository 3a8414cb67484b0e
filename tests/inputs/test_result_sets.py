"""A query's result set as JSON, the column names apart from the rows: an outbox table queried
through a query API holds a request a row. Each API's document is written as its reference shows
it (the links beside each), on one line and pretty-printed; the signed row verifies, the unsigned
one is found; lists that only look like a table are none.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import pytest

from helpers.credentials import iugu_token
from helpers.running import scan_json
from helpers.signing import TRANSFER_URL as IUGU, signed_transfer
from keyaudit.inputs.captures.result_sets import result_rows

NAMES = ["id", "method", "url", "headers", "body"]


def kusto(rows: list[list[Any]]) -> dict[str, Any]:
    """Azure Data Explorer / Log Analytics query API v1: tables of columns and rows."""
    return {"tables": [{"name": "PrimaryResult", "columns": [{"name": name, "type": "string"} for name in NAMES],
                        "rows": rows}]}


def bigquery(rows: list[list[Any]]) -> dict[str, Any]:
    """BigQuery jobs.query: schema.fields, rows of {"f": [{"v": …}]}."""
    fields = [{"name": name, "type": "STRING"} for name in NAMES]
    return {"kind": "bigquery#queryResponse", "schema": {"fields": fields},
            "rows": [{"f": [{"v": value} for value in row]} for row in rows], "totalRows": str(len(rows))}


def athena(rows: list[list[Any]]) -> dict[str, Any]:
    """Athena GetQueryResults: the names in ColumnInfo and again as the first row."""
    return {"ResultSet": {"Rows": [{"Data": [{"VarCharValue": value} for value in row]} for row in [NAMES, *rows]],
                          "ResultSetMetadata": {"ColumnInfo": [{"Name": name, "Type": "varchar"} for name in NAMES]}}}


def trino(rows: list[list[Any]]) -> dict[str, Any]:
    """Trino's client protocol: columns, data."""
    return {"id": "20261122_130000_00001_abcde", "columns": [{"name": name, "type": "varchar"} for name in NAMES],
            "data": rows, "stats": {"state": "FINISHED"}}


def snowflake(rows: list[list[Any]]) -> dict[str, Any]:
    """Snowflake's SQL API: resultSetMetaData.rowType, data."""
    return {"resultSetMetaData": {"numRows": len(rows), "format": "jsonv2",
                                  "rowType": [{"name": name.upper(), "type": "text"} for name in NAMES]},
            "data": rows, "code": "090001", "statementHandle": "01b0"}


def databricks(rows: list[list[Any]]) -> dict[str, Any]:
    """Databricks SQL statement execution: manifest.schema.columns, result.data_array."""
    return {"statement_id": "01ef", "status": {"state": "SUCCEEDED"},
            "manifest": {"schema": {"column_count": len(NAMES), "columns": [
                {"name": name, "type_name": "STRING", "position": n} for n, name in enumerate(NAMES)]}},
            "result": {"row_count": len(rows), "data_array": rows}}


@pytest.mark.parametrize("indent", [None, 2])
@pytest.mark.parametrize("api", [kusto, bigquery, athena, trino, snowflake, databricks])
def test_a_result_sets_rows_are_requests(tmp_path: Path, api: Callable, indent: int | None) -> None:
    public, body, headers = signed_transfer(
        tmp_path, lambda token: '{"api_token":"%s","amount_cents":1050,\n"description":"payout \\"weekly\\""}' % token)
    signed = json.dumps(headers)
    rows = [["1", "POST", IUGU, signed, body], ["2", "POST", IUGU, '{"Content-Type":"application/json"}', body]]
    path = tmp_path / "result.json"
    path.write_text(json.dumps(api(rows), indent=indent) + "\n")
    report, _ = scan_json("--no-dedupe", "--public-key", str(public), str(path))
    judged = [f["rule_id"] for f in report["findings"] if f["context"].get("method")]
    assert judged == ["iugu-unsigned-transfer"]
    assert report["scan"]["requests"]["signatures_valid"] == 1, report["scan"]["requests"]


@pytest.mark.parametrize("value", [
    {"tags": ["a", "b"], "pairs": [["x", "y", "z"]]},  # rows of another length
    {"names": ["a", "a"], "rows": [["x", "y"]]},  # names repeated: no columns
    {"columns": ["a", "b"]},  # names and no rows
    {"words": ["method", "url"]},  # one list: the names are the only rows
])
def test_lists_that_make_no_table_are_no_result_set(value: dict[str, Any]) -> None:
    assert result_rows(value) is None


def test_a_request_whose_lists_look_like_a_table_is_still_its_own(tmp_path: Path) -> None:
    """A pretty-printed request with headers as pairs beside a list of two names: the anchor in
    its headers list, the record is the request (read as it was), not a table of its headers."""
    record = {"headers": [["Content-Type", "application/json"], ["Host", "api.iugu.com"]],
              "labels": ["payout", "retry"],
              "method": "POST", "url": IUGU, "body": json.dumps({"api_token": iugu_token(), "amount_cents": 1})}
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record, indent=2))  # the first anchor: the host, an item of the headers' list
    report, _ = scan_json("--no-dedupe", str(path))
    assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == ["iugu-unsigned-transfer"]
