"""Placeholders bound by the values a driver's or an ORM's log writes beside the statement, each
in its own notation: a list named for them after the statement (TypeORM, Prisma) or above it in
its record (Knex, printed by Node's ``util.inspect``), assignments by name above it (Entity
Framework), a bare list after it (Ecto, SQLAlchemy, Sequelize). Each writer's notation is written
as its source does (the links beside each); the body holds both quotes, a backslash and a line
break, so a signature verifies only where every notation's escapes are undone.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Callable

import pytest

from helpers.credentials import iugu_token
from helpers.running import request_rules, scan_json
from helpers.signing import TRANSFER_URL as IUGU, signed_transfer
from keyaudit.inputs.captures.sql_records import exchanges

COLUMNS = ("method", "url", "headers", "body")


def _js(value: str) -> str:
    """A string as Node's ``util.inspect`` quotes it: in single quotes, or double quotes where it
    holds a single one, or backquotes where it holds both; a line break escaped."""
    quote = "'" if "'" not in value else '"' if '"' not in value else "`" if "`" not in value else "'"
    inner = value.replace("\\", "\\\\").replace("\n", "\\n")
    return quote + (inner.replace("'", "\\'") if quote == "'" else inner) + quote


def typeorm(values: dict[str, str]) -> list[str]:
    """TypeORM's `logging: ["query"]` (src/logger/AdvancedConsoleLogger.ts): `-- PARAMETERS:` and
    the parameters as JSON.stringify writes them."""
    return ['query: INSERT INTO "outbox"("method", "url", "headers", "body") VALUES ($1, $2, $3, $4) RETURNING "id" '
            f"-- PARAMETERS: {json.dumps([values[name] for name in COLUMNS], separators=(',', ':'))}"]


def prisma(values: dict[str, str]) -> list[str]:
    """Prisma's query event logged as its docs show (`prisma.$on("query", e => { console.log("Query: "
    + e.query); console.log("Params: " + e.params) })`): the params a JSON array."""
    return ['Query: INSERT INTO "public"."Outbox" ("method","url","headers","body") VALUES ($1,$2,$3,$4) '
            'RETURNING "public"."Outbox"."id"',
            f"Params: {json.dumps([values[name] for name in COLUMNS], separators=(',', ':'))}", "Duration: 2ms"]


def sequelize(values: dict[str, str]) -> list[str]:
    """Sequelize with `logQueryParameters: true` (src/dialects/abstract/query.js `_logQuery`): after
    the statement, `; ` and each parameter as JSON, joined by `, `."""
    return ['Executing (default): INSERT INTO "outbox" ("id","method","url","headers","body") VALUES '
            '(DEFAULT,$1,$2,$3,$4) RETURNING "id","method","url","headers","body"; '
            + ", ".join(json.dumps(values[name]) for name in COLUMNS)]


def knex(values: dict[str, str]) -> list[str]:
    """Knex with `debug: true`: the query object printed by `util.inspect` (keys sorted in the
    statement, the bindings listed above its `sql`)."""
    names = sorted(COLUMNS)
    return ["{ method: 'insert',", "  options: {},", "  timeout: false,", "  cancelOnTimeout: false,",
            "  bindings:", *(f"   {'[' if n == 0 else ' '} {_js(values[name])}{',' if n < 3 else ' ],'}"
                             for n, name in enumerate(names)),
            "  __knexQueryUid: 'hY2K1sV0Gq2FgSx3Pj2Yb',",
            "  sql: 'insert into \"outbox\" (" + ", ".join(f'"{name}"' for name in names)
            + ") values (?, ?, ?, ?) returning \"id\"' }"]


def entity_framework(values: dict[str, str]) -> list[str]:
    """EF Core with `EnableSensitiveDataLogging` (RelationalLoggerExtensions' CommandExecuted): the
    parameters assigned by name above the statement, each value in quotes as it is."""
    names = sorted(COLUMNS)
    assigned = ", ".join(f"@p{n}='{values[name]}' (Nullable = false) (Size = 4000)" for n, name in enumerate(names))
    return ["info: Microsoft.EntityFrameworkCore.Database.Command[20101]",
            f"      Executed DbCommand (3ms) [Parameters=[{assigned}], CommandType='Text', CommandTimeout='30']",
            "      SET IMPLICIT_TRANSACTIONS OFF;", "      SET NOCOUNT ON;",
            "      INSERT INTO [Outbox] (" + ", ".join(f"[{name.title()}]" for name in names) + ")",
            "      OUTPUT INSERTED.[Id]", "      VALUES (@p0, @p1, @p2, @p3);"]


def ecto(values: dict[str, str]) -> list[str]:
    """Ecto's query log (Ecto.LogEntry): the statement and, on its line, the params as Elixir's
    `inspect` writes them (strings as JSON writes these, a timestamp as a sigil)."""
    names = sorted(COLUMNS)
    return ['10:00:00.123 [debug] QUERY OK source="outbox" db=1.2ms idle=900.1ms',
            'INSERT INTO "outbox" (' + ",".join(f'"{name}"' for name in names) + ',"inserted_at") VALUES '
            '($1,$2,$3,$4,$5) RETURNING "id" [' + ", ".join(json.dumps(values[name]) for name in names)
            + ", ~N[2026-11-22 13:00:00]]"]


def sqlalchemy(values: dict[str, str]) -> list[str]:
    """SQLAlchemy's `echo=True` on a qmark driver: the statement, then its parameters as Python's
    repr of a tuple on the next record."""
    head = "2026-11-22 13:00:00,123 INFO sqlalchemy.engine.Engine "
    return [head + "INSERT INTO outbox (method, url, headers, body) VALUES (?, ?, ?, ?)",
            head + f"[generated in 0.00015s] {tuple(values[name] for name in COLUMNS)!r}"]


@pytest.mark.parametrize("writer", [typeorm, prisma, sequelize, knex, entity_framework, ecto, sqlalchemy])
def test_a_statements_values_logged_beside_it_bind_its_placeholders(tmp_path: Path, writer: Callable) -> None:
    public, body, headers = signed_transfer(tmp_path, lambda token: '{"api_token":"%s","amount_cents":1050,\n'
                                            '"description":"payout \\"weekly\\" it\'s"}' % token)
    signed = json.dumps(headers)
    unsigned = json.dumps({"Content-Type": "application/json"})
    first = writer({"method": "POST", "url": IUGU, "headers": signed, "body": body})
    second = writer({"method": "POST", "url": IUGU, "headers": unsigned, "body": body})
    lines = ["2026-11-22 13:00:00 INFO payouts started", *first, *second, "2026-11-22 13:00:01 INFO done"]
    path = tmp_path / "app.log"
    path.write_text("\n".join(lines) + "\n")
    report, _ = scan_json("--no-dedupe", "--public-key", str(public), str(path))
    judged = request_rules(report)
    assert judged == ["iugu-unsigned-transfer"]
    assert report["scan"]["requests"]["signatures_valid"] == 1, report["scan"]["requests"]


@pytest.mark.parametrize("after", [
    " [generated in 0.00015s] ('POST', 'https://api.iugu.com/v1/transfers')",  # two values for three placeholders
    "\nINSERT INTO audit (a) VALUES ('x') ('POST', 'https://api.iugu.com/v1/transfers', '{}')",  # another's list
    "\n  DETAIL:  parameters: $1 = 'POST', $ = 'x'",  # a parameter with no number: read to it, never raising
])
def test_a_list_that_is_not_the_statements_binds_nothing(after: str) -> None:
    text = "INSERT INTO outbox (method, url, body) VALUES (?, ?, ?)" + after
    lines = list(enumerate(text.split("\n"), 1))
    assert [exchange for exchange in exchanges(lines, "app.log") if exchange.origin.line == 1] == []


@pytest.mark.parametrize("record", [
    # Knex's query object as JSON.stringify writes it (bindings before sql), a record a line
    lambda values: json.dumps({"method": "insert", "bindings": values,
                               "sql": 'insert into "outbox" ("method", "url", "body") values (?, ?, ?)'}),
    # EF Core's record, its parameters and its statement on one line
    lambda values: ("Executed DbCommand (3ms) [Parameters=["
                    + ", ".join(f"@p{n}='{value}' (Size = 4000)" for n, value in enumerate(values))
                    + "], CommandType='Text'] INSERT INTO [Outbox] ([Method], [Url], [Body]) VALUES (@p0, @p1, @p2);"),
])
def test_records_a_line_each_bind_their_own_values(record: Callable[[list[str]], str]) -> None:
    """The next line's values, written before its own statement, are none of this line's."""
    bodies = [json.dumps({"api_token": iugu_token(), "amount_cents": cents}) for cents in (100, 200)]
    lines = [(1, record(["POST", IUGU, bodies[0]])), (2, record(["PUT", IUGU + "/2", bodies[1]]))]
    read = [(exchange.origin.line, exchange.method, exchange.url, exchange.body)
            for exchange in exchanges(lines, "q.log")]
    assert read == [(1, "POST", IUGU, bodies[0].encode()), (2, "PUT", IUGU + "/2", bodies[1].encode())]


def test_a_statement_of_many_rows_binds_each_rows_placeholders_from_one_list() -> None:
    text = ("INSERT INTO outbox (method, url) VALUES (?, ?), (?, ?)\n"
            f"[generated in 0.0002s] ('POST', '{IUGU}', 'PUT', '{IUGU}/2')")
    read = [(exchange.method, exchange.url) for exchange in exchanges(list(enumerate(text.split("\n"), 1)), "a.log")]
    assert read == [("POST", IUGU), ("PUT", IUGU + "/2")]


@pytest.mark.parametrize("statement", ["INSERT INTO t (method, url) VALUES (?, ?) ", "UPDATE t SET url = ? "])
def test_a_line_of_many_statements_is_read_in_linear_time(statement: str) -> None:
    """Each statement's values are looked for up to the next statement, not on to the line's end:
    3,000 statements on a line of 128 KB took 10 s, each reading what follows it to the end."""
    text = statement * (128_000 // len(statement))
    started = time.process_time()
    found = list(exchanges([(1, text)], "app.log"))
    assert (found, time.process_time() - started < 2) == ([], True)


def test_statements_on_one_line_bind_each_its_own_list() -> None:
    text = (f"INSERT INTO outbox (method, url) VALUES (?, ?) ['POST', '{IUGU}'] "
            f"INSERT INTO outbox (method, url) VALUES (?, ?) ['PUT', '{IUGU}/2']")
    assert [(exchange.method, exchange.url) for exchange in exchanges([(1, text)], "app.log")] == [
        ("POST", IUGU), ("PUT", IUGU + "/2")]
