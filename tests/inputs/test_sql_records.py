"""Requests kept as rows of a database table and written out as SQL: each row a record for the
generic reconstructor, named by the statement's columns or, where a dump leaves them out, by the
table's ``CREATE TABLE`` — on one line or many, right above or thousands of lines above (and in a
file read in ranges); each value as the dialect wrote it, so a signed body is the bytes signed;
placeholders bound by the values the server's log writes below them.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from helpers.credentials import asaas_key, iugu_token
from helpers.running import run_scan, scan_json
from helpers.signing import TRANSFER_URL as IUGU, signed_transfer
from keyaudit.inputs.captures.file_scope import FileScope
from keyaudit.inputs.captures.sql_records import exchanges
from keyaudit.inputs.captures.sql_values import SqlText, created_table

FAR = 3000  # rows of other requests between a table's definition and the rows that matter


def _mysql(value: str) -> str:
    """A string as mysqldump writes it (mysql_real_escape_string: a backslash before `\\ ' "`,
    line breaks as `\\n`)."""
    escaped = value.replace("\\", "\\\\").replace("'", "\\'").replace('"', '\\"')
    return "'" + escaped.replace("\n", "\\n").replace("\r", "\\r") + "'"


def _standard(value: str) -> str:
    """A string as standard SQL writes it: a quote doubled, anything else (a backslash too) as it is."""
    return "'" + value.replace("'", "''") + "'"


def _signed(folder: Path) -> tuple[Path, str, dict[str, str]]:
    """The public key, a body (a JSON string holding escaped quotes and a line break: what each
    dialect escapes differently) and the headers that sign it."""
    return signed_transfer(folder, lambda token: '{"api_token":"%s","amount_cents":1050,\n'
                                                 '"description":"payout \\"weekly\\" it\'s"}' % token)


def _request_findings(report: dict) -> list[tuple[str, int]]:
    return sorted((f["rule_id"], f["location"]["line"]) for f in report["findings"] if f["context"].get("method"))


def _mysqldump(folder: Path) -> tuple[Path, Path, int, int]:
    """A mysqldump of an outbox: the table's definition over many lines, thousands of rows of
    other calls, then one extended INSERT whose rows are a signed and an unsigned transfer. The
    file, the public key, and the lines of the signed and the unsigned row."""
    public, body, headers = _signed(folder)
    signed = json.dumps({name: value for name, value in headers.items() if name != "Content-Type"})
    head = ["-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)", "DROP TABLE IF EXISTS `http_outbox`;",
            "CREATE TABLE `http_outbox` (", "  `id` bigint NOT NULL AUTO_INCREMENT,",
            "  `verb` varchar(8) NOT NULL,", "  `endpoint` varchar(512) NOT NULL,",
            "  `request_headers` json DEFAULT NULL,", "  `request_body` mediumtext,",
            "  `amount` decimal(12,2) DEFAULT NULL,", "  PRIMARY KEY (`id`),", "  KEY `ix_endpoint` (`endpoint`(64))",
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;", "LOCK TABLES `http_outbox` WRITE;"]
    others = [f"INSERT INTO `http_outbox` VALUES ({n},'GET','https://shop.example/orders/{n}',NULL,NULL,NULL);"
              for n in range(FAR)]
    rows = [f"({FAR},'POST',{_mysql(IUGU)},{_mysql(signed)},{_mysql(body)},10.50)",
            f"({FAR + 1},'POST',{_mysql(IUGU)},'{{}}',{_mysql(body)},NULL)"]
    lines = [*head, *others, "INSERT INTO `http_outbox` VALUES " + rows[0] + ",", rows[1] + ";", "UNLOCK TABLES;"]
    path = folder / "outbox.sql"
    path.write_text("\n".join(lines) + "\n")
    return path, public, len(head) + FAR + 1, len(head) + FAR + 2


def test_a_mysqldump_row_named_by_the_table_defined_far_above_is_its_request(tmp_path: Path) -> None:
    path, public, signed_line, unsigned_line = _mysqldump(tmp_path)
    report, _ = scan_json("--no-dedupe", "--public-key", str(public), str(path))
    # the signed row verifies: its body is the bytes signed, mysqldump's backslashes undone
    assert _request_findings(report) == [("iugu-unsigned-transfer", unsigned_line)]
    assert report["scan"]["requests"]["signatures_valid"] == 1, report["scan"]["requests"]
    assert signed_line < unsigned_line


def test_a_dump_read_in_ranges_still_knows_its_tables(tmp_path: Path) -> None:
    """A range of the dump read alone would not know the columns: a file whose head defines a
    table is read in one piece, as one whose head names a table's columns."""
    path, public, _, unsigned_line = _mysqldump(tmp_path)
    result = run_scan(str(path), range_bytes=64 << 10, jobs=2, public_keys=(str(public),))
    assert sorted((f.rule_id, f.location.line) for f in result.findings if f.context.get("method")) == [
        ("iugu-unsigned-transfer", unsigned_line)]


def test_standard_sql_strings_keep_their_backslashes(tmp_path: Path) -> None:
    """pg_dump's ``--column-inserts``: standard strings, where a backslash is itself (read as
    MySQL's, the body's ``\\"`` would lose it and the signature would look bad)."""
    public, body, signing = _signed(tmp_path)
    headers = json.dumps(signing)
    asaas = json.dumps({"access_token": asaas_key()})
    lines = ["SET standard_conforming_strings = on;",
             "INSERT INTO public.http_outbox (id, method, url, headers, body) VALUES "
             f"(1, 'POST', {_standard(IUGU)}, {_standard(headers)}::jsonb, {_standard(body)});",
             "INSERT INTO public.http_outbox (id, method, url, headers, body) VALUES "
             f"(2, 'POST', 'https://api.asaas.com/v3/transfers', {_standard(asaas)}, '{{\"value\": 10}}');"]
    path = tmp_path / "outbox.sql"
    path.write_text("\n".join(lines) + "\n")
    report, _ = scan_json("--no-dedupe", "--public-key", str(public), str(path))
    assert _request_findings(report) == [("asaas-unsigned-transfer", 4)]  # the body before it holds a line break
    assert report["scan"]["requests"]["signatures_valid"] == 1, report["scan"]["requests"]


def test_an_update_sets_a_request_and_a_log_binds_its_placeholders(tmp_path: Path) -> None:
    body, headers = json.dumps({"api_token": iugu_token(), "amount_cents": 100}), '{"Content-Type": "application/json"}'
    lines = ["2026-11-22 13:00:30.104 UTC [4121] LOG:  statement: UPDATE outbox SET method = 'POST', "
             f"url = {_standard(IUGU)}, headers = {_standard(headers)}, body = {_standard(body)}, status = 'retry' "
             "WHERE id = 7;",
             "2026-11-22 13:00:31.104 UTC [4121] LOG:  execute S_1: INSERT INTO outbox (method, url, headers, body) "
             "VALUES ($1, $2, $3, $4)",
             f"2026-11-22 13:00:31.104 UTC [4121] DETAIL:  parameters: $1 = 'POST', $2 = {_standard(IUGU)}, "
             f"$3 = {_standard(headers)}, $4 = {_standard(body)}"]
    path = tmp_path / "postgresql.log"
    path.write_text("\n".join(lines) + "\n")
    report, _ = scan_json("--no-dedupe", str(path))
    assert _request_findings(report) == [("iugu-unsigned-transfer", 1), ("iugu-unsigned-transfer", 2)]


def test_a_rails_log_binds_its_listed_values_in_order(tmp_path: Path) -> None:
    """ActiveRecord's log: the statement with placeholders, then on its line the values bound, a
    list of ``["column", value]`` pairs, each value as Ruby's ``inspect`` writes it (json.dumps
    writes these strings alike): the signed body is the bytes signed, escapes undone."""
    public, body, headers = _signed(tmp_path)
    signed = json.dumps(headers)
    unsigned = json.dumps({"Content-Type": "application/json"})

    def line(model: str, headers: str) -> str:
        binds = [["method", "POST"], ["url", IUGU], ["headers", headers], ["body", body], ["created_at", None]]
        listed = ", ".join(f'["{name}", {json.dumps(value) if value is not None else "nil"}]' for name, value in binds)
        return (f'  {model} Create (0.6ms)  INSERT INTO "http_outboxes" ("method", "url", "headers", "body", '
                f'"created_at") VALUES ($1, $2, $3, $4, $5) RETURNING "id"  [{listed}]')

    lines = ["Started POST \"/payouts\" for 10.0.0.7 at 2026-11-22 13:00:00 +0000", "  TRANSACTION (0.2ms)  BEGIN",
             line("HttpOutbox", signed), line("HttpOutbox", unsigned), "  TRANSACTION (0.4ms)  COMMIT"]
    path = tmp_path / "production.log"
    path.write_text("\n".join(lines) + "\n")
    report, _ = scan_json("--no-dedupe", "--public-key", str(public), str(path))
    assert _request_findings(report) == [("iugu-unsigned-transfer", 4)]
    assert report["scan"]["requests"]["signatures_valid"] == 1, report["scan"]["requests"]


@pytest.mark.parametrize("query", [
    "insert into `http_outbox` (`method`, `url`, `headers`, `body`) values (?, ?, ?, ?)",  # MySQL's names
    'insert into "http_outbox" ("method", "url", "headers", "body") values (?, ?, ?, ?) returning "id"',  # PostgreSQL's
])
def test_a_query_log_record_binds_its_array_of_values_in_order(tmp_path: Path, query: str) -> None:
    """Laravel's query log (``DB::listen``): the statement in a JSON string, its ``?`` placeholders
    bound in order by the record's ``bindings`` array."""
    body = json.dumps({"api_token": iugu_token(), "amount_cents": 100})
    record = {"query": query, "bindings": ["POST", IUGU, '{"Content-Type":"application/json"}', body], "time": 1.2}
    path = tmp_path / "laravel.log"
    path.write_text("[2026-11-22 13:00:00] local.DEBUG: query " + json.dumps({"context": record}) + "\n")
    report, _ = scan_json("--no-dedupe", str(path))
    assert _request_findings(report) == [("iugu-unsigned-transfer", 1)]


@pytest.mark.parametrize("binding", ["binding parameter [{n}] as [VARCHAR] - [{value}]",  # Hibernate 5
                                     "binding parameter ({n}:VARCHAR) <- [{value}]"])  # Hibernate 6
def test_an_orm_binder_log_binds_the_values_below_its_statement(tmp_path: Path, binding: str) -> None:
    """Hibernate's SQL log at DEBUG and its binder at TRACE: the statement, then a line a value."""
    body = json.dumps({"api_token": iugu_token(), "amount_cents": 100})
    values = [body, '{"Content-Type":"application/json"}', "POST", IUGU]
    prefix = "2026-11-22 13:00:00.001 TRACE 1 --- [nio-8080-exec-1] o.h.type.descriptor.sql.BasicBinder      : "
    lines = ["2026-11-22 13:00:00.000 DEBUG 1 --- [nio-8080-exec-1] org.hibernate.SQL : insert into http_outbox "
             "(body, headers, method, url, id) values (?, ?, ?, ?, ?)",
             *(prefix + binding.format(n=n, value=value) for n, value in enumerate(values, 1)),
             prefix + binding.format(n=5, value=7).replace("VARCHAR", "BIGINT")]
    path = tmp_path / "app.log"
    path.write_text("\n".join(lines) + "\n")
    report, _ = scan_json("--no-dedupe", str(path))
    assert _request_findings(report) == [("iugu-unsigned-transfer", 1)]


def test_rows_are_placed_on_their_own_lines_and_columns() -> None:
    lines = [(10, "INSERT INTO t (method, url) VALUES"), (11, f"  ('POST', '{IUGU}'),"),
             (12, "  ('PUT', 'https://api.iugu.com/v1/customers/1');")]
    found = [(e.method, e.url, e.origin.line, e.origin.column, e.origin.capture) for e in exchanges(lines, "x.sql")]
    assert found == [("POST", IUGU, 11, 3, "sql"), ("PUT", "https://api.iugu.com/v1/customers/1", 12, 3, "sql")]


@pytest.mark.parametrize("text", [
    "INSERT INTO t (method, url) VALUES ('POST', 'https://api.iugu.com/v1/x",
    "INSERT INTO t (a) VALUES " + "(" * 100_000, "INSERT INTO t (a) VALUES " + "char(" * 100_000,
    "insert into the queue: job 7", "UPDATE SET = ,", "INSERT INTO t (a) VALUES (replace(char(99999999999), 'a'))",
    "INSERT INTO t (method, url) VALUES " + ",".join(["('GET', 'https://api.iugu.com/v1/x')"] * 20_000),
])
def test_statements_cut_short_or_hostile_give_what_they_hold_and_never_raise(text: str) -> None:
    found = list(exchanges([(1, text)], "x.sql"))
    assert len(found) <= 10_000


@pytest.mark.parametrize("text", [
    "INSERT INTO `t` (a) VALUES (\\'" * 2_000,  # MySQL's strings, each quote escaped: no string closes (13 s)
    "INSERT INTO [" * 20_000,  # SQL Server's brackets around a name, none closed (8.6 s)
])
def test_statements_that_open_what_never_closes_are_read_in_linear_time(text: str) -> None:
    """A string that never closes, nor does one after it; a bracketed name is a name's length at
    most: each statement of a line read its string or its name on to the line's end."""
    started = time.process_time()
    found = list(exchanges([(1, text)], "x.sql"))
    assert (found, time.process_time() - started < 1) == ([], True)


def test_a_table_definition_names_its_columns_not_its_constraints() -> None:
    statement = ('CREATE TABLE "public"."outbox" (\n  id serial,\n  "method" text NOT NULL,\n  url varchar(2048),\n'
                 "  amount numeric(12, 2) CHECK (amount > 0),\n  CONSTRAINT pk PRIMARY KEY (id),\n  UNIQUE (url)\n);")
    assert created_table(statement) == ("outbox", ("id", "method", "url", "amount"))
    assert created_table(statement[:40]) is None  # not yet whole
    assert SqlText("(x'6869', 'a' || 'b', CAST('c' AS text), NULL)", 0, False).row() == ["hi", "ab", "c", None]


@pytest.mark.parametrize("note", ["'('", "')'", "'(('"])
def test_a_table_defined_line_by_line_is_known_whatever_its_strings_hold(note: str) -> None:
    """A definition seen a line at a time is read where its parentheses may close, and at its `;`
    when a string's parenthesis leaves them uncounted."""
    scope = FileScope()
    for line in ["CREATE TABLE outbox (", "  id integer,", f"  note text DEFAULT {note},", "  verb varchar(8),",
                 "  url text", ");", "CREATE TABLE later (a int,", " b int);"]:
        scope.see(line)
    assert scope.tables == {"outbox": ("id", "note", "verb", "url"), "later": ("a", "b")}
    assert not scope.continues
