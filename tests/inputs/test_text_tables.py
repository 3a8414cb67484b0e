"""Tables a database's shell or a document prints as text, their rows read as records: psql's
aligned and expanded output, the MySQL client's table and ``\\G`` output, sqlite's box mode, DuckDB's
(a line of types under the names), a Markdown table. Each prints an outbox's signed and unsigned
transfer (a body on one line: these printers break a line break in a cell over lines, which is
not read); the signed row verifies, the unsigned one is found. Lines of dashes and bars that are
no table's give nothing.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Callable

import pytest

from helpers.running import scan_json
from helpers.signing import TRANSFER_URL as IUGU, signed_transfer
from keyaudit.inputs.captures.text_tables import exchanges

NAMES = ("id", "method", "url", "headers", "body")

Rows = list[tuple[str, ...]]


def _padded(cells: tuple[str, ...], widths: list[int]) -> list[str]:
    return [cell.ljust(width) for cell, width in zip(cells, widths)]


def _widths(rows: Rows) -> list[int]:
    return [max(len(row[n]) for row in [NAMES, *rows]) for n in range(len(NAMES))]


def psql(rows: Rows) -> list[str]:
    widths = _widths(rows)
    line = lambda cells: " " + " | ".join(_padded(cells, widths))  # noqa: E731
    return [line(NAMES), "+".join("-" * (width + 2) for width in widths)[1:], *map(line, rows), f"({len(rows)} rows)"]


def mysql(rows: Rows) -> list[str]:
    widths = _widths(rows)
    border = "+" + "+".join("-" * (width + 2) for width in widths) + "+"
    line = lambda cells: "| " + " | ".join(_padded(cells, widths)) + " |"  # noqa: E731
    return [border, line(NAMES), border, *map(line, rows), border, f"{len(rows)} rows in set (0.00 sec)"]


def box(rows: Rows) -> list[str]:
    """sqlite3's `.mode box`; DuckDB's default adds the columns' types under their names."""
    widths = _widths(rows)
    rule = lambda left, middle, right: left + middle.join("─" * (width + 2) for width in widths) + right  # noqa: E731
    line = lambda cells: "│ " + " │ ".join(_padded(cells, widths)) + " │"  # noqa: E731
    return [rule("┌", "┬", "┐"), line(NAMES), line(("varchar",) * len(NAMES)), rule("├", "┼", "┤"), *map(line, rows),
            rule("└", "┴", "┘")]


def markdown(rows: Rows) -> list[str]:
    line = lambda cells: "| " + " | ".join(cells) + " |"  # noqa: E731
    rule = "|" + "|".join("---" for _ in NAMES) + "|"
    return ["Failed payouts, for the retry:", "", line(NAMES), rule, *map(line, rows)]


def psql_expanded(rows: Rows) -> list[str]:
    width = max(map(len, NAMES))
    return [line for n, row in enumerate(rows, 1) for line in
            [f"-[ RECORD {n} ]-+" + "-" * 20, *(f"{name.ljust(width)} | {value}" for name, value in zip(NAMES, row))]]


def mysql_vertical(rows: Rows) -> list[str]:
    width = max(map(len, NAMES))
    return [line for n, row in enumerate(rows, 1) for line in
            [f"{'*' * 27} {n}. row {'*' * 27}", *(f"{name.rjust(width)}: {value}" for name, value in zip(NAMES, row))]]


@pytest.mark.parametrize("printer", [psql, mysql, box, markdown, psql_expanded, mysql_vertical])
def test_a_printed_tables_rows_are_requests(tmp_path: Path, printer: Callable[[Rows], list[str]]) -> None:
    public, body, headers = signed_transfer(
        tmp_path, lambda token: json.dumps({"api_token": token, "amount_cents": 1050, "description": "payout"}))
    signed = json.dumps(headers)
    rows = [("41", "POST", IUGU, signed, body), ("42", "POST", IUGU, '{"Content-Type": "application/json"}', body)]
    lines = ["payouts=> SELECT id, method, url, headers, body FROM outbox WHERE status = 'failed';", *printer(rows)]
    path = tmp_path / "session.txt"
    path.write_text("\n".join(lines) + "\n")
    report, _ = scan_json("--no-dedupe", "--public-key", str(public), str(path))
    judged = [(f["rule_id"], lines[f["location"]["line"] - 1])
              for f in report["findings"] if f["context"].get("method")]
    assert [rule for rule, _ in judged] == ["iugu-unsigned-transfer"]
    assert "42" in judged[0][1] or "RECORD 2" in judged[0][1] or "2. row" in judged[0][1]
    assert report["scan"]["requests"]["signatures_valid"] == 1, report["scan"]["requests"]


@pytest.mark.parametrize("text", [
    "-----\nPOST | https://api.iugu.com/v1/transfers",  # a line of dashes alone is no rule of a table
    "method | url\n------+----\nPOST | https://api.iugu.com/v1/transfers | extra",  # a row of another width
    "a | a\n--+--\nPOST | https://api.iugu.com/v1/transfers",  # a header naming one column twice
])
def test_lines_of_dashes_and_bars_that_make_no_table_give_nothing(text: str) -> None:
    assert list(exchanges(list(enumerate(text.split("\n"), 1)), "notes.md")) == []


def test_tables_back_to_back_are_each_read_by_their_own_header_and_an_empty_cell_stays_one() -> None:
    """Two MySQL tables one after the other (the second's header is no row of the first), and
    psql rows whose last cell is empty (a NULL body): each row a record of its own table."""
    first = mysql([("41", "POST", IUGU, "{}", "{}")])
    second = [line.replace("| id ", "| nr ") for line in mysql([("7", "PUT", IUGU + "/7", "{}", "{}")])]
    aligned = psql([("8", "GET", IUGU + "/8", "{}", ""), ("9", "POST", IUGU, "{}", "")])
    lines = list(enumerate([*first[:-1], *second[:-1], *aligned], 1))
    assert [(exchange.method, exchange.url) for exchange in exchanges(lines, "session.txt")] == [
        ("POST", IUGU), ("PUT", IUGU + "/7"), ("GET", IUGU + "/8"), ("POST", IUGU)]


@pytest.mark.parametrize("hostile", [
    ["-[ RECORD 1 ]-", " " * 10_000 + "ab"],  # a line of blanks in a vertical record: each split of it tried, x64
    ["a | b", "-" * 60_000 + "x--"],  # a line of dashes that is no rule: each split of it tried
])
def test_a_line_of_one_repeated_character_is_read_in_linear_time(hostile: list[str]) -> None:
    """Blanks and dashes are matched once each: a pattern whose parts may each take them split a
    long line every way (10,000 blanks under a record's head took 18 s, 60,000 dashes 7 s)."""
    started = time.process_time()
    found = list(exchanges(list(enumerate(hostile, 1)), "session.txt"))
    assert (found, time.process_time() - started < 1) == ([], True)
