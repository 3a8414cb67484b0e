"""Tokens named by their column (issue 15, "tabular forms"): CSV and TSV exports, PostgreSQL
``COPY … FROM stdin`` blocks and ``INSERT … (columns) VALUES`` tuples, every row's value found
and placed on its row.

Every token is generated; through the real CLI on real files, with both engines. Failure messages
show rule, line and column, never a token.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from helpers.engines import BOTH_ENGINES
from helpers.places import expected_spans
from helpers.running import engine_findings, rule_places, scan_json
from helpers.secrecy import assert_absent, report_digest
from keyaudit.engine.stream import CHUNK_BYTES

pytestmark = pytest.mark.usefixtures("neutral_folder")


def csv_export(tokens: list[str], separator: str = ",") -> str:
    """A spreadsheet export of sub-accounts: quoted names holding the separator, an empty token."""
    rows = [separator.join(["account_id", "name", "iugu_api_token", "active"])]
    for n, token in enumerate(tokens):
        rows.append(separator.join([iugu_token("upper"), f'"Loja {n}{separator} Centro"', token, "true"]))
    rows.append(separator.join([iugu_token("upper"), '"Loja sem token"', "", "false"]))
    return "\r\n".join(rows) + "\r\n"


def copy_block(tokens: list[str]) -> str:
    lines = ["--", "-- PostgreSQL database dump", "--", "SET client_encoding = 'UTF8';", "",
             "COPY public.accounts (id, name, api_token, created_at) FROM stdin;"]
    lines += [f"{n}\tLoja {n}\t{token}\t2026-0{1 + n % 9}-05 10:00:00-03" for n, token in enumerate(tokens, 1)]
    lines += ["99\tLoja sem token\t\\N\t2026-01-05 10:00:00-03", "\\.", "", "COPY public.audit (id, event) FROM stdin;",
              f"1\t{iugu_token()}", "\\."]
    return "\n".join(lines) + "\n"


def insert_statement(tokens: list[str]) -> str:
    tuples = ",\n".join(f"  ({n}, 'Loja d''{n}, Centro', '{token}', COALESCE(NOW(), '2026-01-05'))"
                         for n, token in enumerate(tokens, 1))
    return ("-- seed\nINSERT INTO `accounts` (`id`, `name`, `api_token`, `created_at`)\nVALUES\n" + tuples
            + f";\nINSERT INTO `events` (`id`, `ref`) VALUES (1, '{iugu_token()}');\n")


def iugu_table_copy(tokens: list[str]) -> str:
    """A dump of a table named for iugu, its tokens under a plain ``token`` column."""
    rows = "".join(f"{n}\tsub-{n}\t{token}\tt\n" for n, token in enumerate(tokens, 1))
    return f"COPY billing.iugu_subaccounts (id, name, token, active) FROM stdin;\n{rows}\\.\n"


def psql_table(tokens: list[str]) -> str:
    """psql's aligned output: a header, a rule line under it, padded rows, a count of them."""
    rows = "".join(f" {n:>2} | Loja {n:<3} | {token}\n" for n, token in enumerate(tokens, 1))
    return f" id |   name   | api_token\n----+----------+{'-' * 66}\n{rows}({len(tokens)} rows)\n"


def finance_sheet(tokens: list[str]) -> str:
    """A sheet shared with finance, as Excel in Portuguese saves it: `;` between cells, every cell quoted, a
    column's unit in parentheses, the gateway a row's and the token column named in Portuguese."""
    rows = "".join(f'"iugu";"Loja {n}";"{token}";"2,51"\r\n' for n, token in enumerate(tokens, 1))
    return '"Gateway";"Loja";"Credencial";"Taxa (%)"\r\n' + rows


FORMS = {
    "export.csv": (csv_export, "iugu-api-token-csv-column"),
    "export-ptbr.csv": (lambda tokens: csv_export(tokens, ";"), "iugu-api-token-csv-column"),
    "export.tsv": (lambda tokens: csv_export(tokens, "\t"), "iugu-api-token-csv-column"),
    "dump.sql": (copy_block, "iugu-api-token-sql-copy"),
    "seed.sql": (insert_statement, "iugu-api-token-sql-insert"),
    "iugu.sql": (iugu_table_copy, "iugu-table-token-sql-copy"),
    "psql.txt": (psql_table, "iugu-api-token-csv-column"),
    "conciliacao.csv": (finance_sheet, "iugu-provider-row-csv"),
}


@pytest.mark.parametrize("engine", BOTH_ENGINES)
@pytest.mark.parametrize("name", list(FORMS))
def test_every_row_s_token_is_found_on_its_row(write, engine: str, name: str) -> None:
    tokens = [iugu_token(kind) for kind in ("lower", "upper", "long") * 20]
    render, rule = FORMS[name]
    text = render(tokens)
    spans = expected_spans(text.encode(), tokens)
    digests = sorted(report_digest(token) for token in tokens)
    findings, out = engine_findings(engine, write(name, text))
    assert {f["rule_id"] for f in findings} == {rule}, rule_places(findings)
    assert sorted(f["secret"]["digest"] for f in findings) == digests
    assert sorted((f["location"]["line"], f["location"]["column"], f["location"]["end_line"], f["location"]["end_column"])
                  for f in findings) == spans
    for token in tokens[:3]:
        assert_absent(token, out, what="a token")


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_table_of_several_providers_gives_the_rows_its_provider_cell_names(write, engine: str) -> None:
    """A table that keeps several payment providers' credentials names whose a row's is in its
    provider cell: iugu's rows are reported, the others' and the digests' are not."""
    tokens = {n: iugu_token(kind) for n, kind in enumerate(("lower", "upper", "long"), 1)}
    rows = "".join(f"{n}\t{'iugu' if n % 2 else 'pagarme'}\t{token}\t{iugu_token('long').lower()}\n"
                   for n, token in tokens.items())
    text = f"COPY public.gateway_credentials (id, provider, credential, credential_sha256) FROM stdin;\n{rows}\\.\n"
    findings, out = engine_findings(engine, write("dump.sql", text))
    assert {f["rule_id"] for f in findings} == {"iugu-provider-row-sql-copy"}, rule_places(findings)
    assert sorted(f["location"]["line"] for f in findings) == [2, 4]
    assert_absent(tokens[1], out, what="a token")


NOT_TABLES = {
    "prose with commas": lambda t: f"We rotated the api_token, the webhook secret, and the keys.\nids: {t}, 42, ok\n",
    "a row of another width": lambda t: f"name,api_token,notes\nLoja,{t}\n",
    "the token's digest column": lambda t: f"id,api_token_sha256\n7,{t}\n",
    "another column's value": lambda t: f"request_id,api_token,status\n{t},,200\n",
    "a COPY block that ended": lambda t: f"COPY public.accounts (id, api_token) FROM stdin;\n\\.\n\n1\t{t}\n",
    "a bound parameter": lambda t: f"INSERT INTO accounts (id, api_token, ref) VALUES (1, :api_token, '{t}');\n",
    "a token column of another table": lambda t: f"COPY public.sessions (id, token) FROM stdin;\n1\t{t}\n\\.\n",
    "python parameters": lambda t: f"def connect(self, api_token, timeout):\n    return call(self, '{t}', 30)\n",
}


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_values_outside_a_token_column_are_not_reported(write, engine: str) -> None:
    paths = [write(f"{n}.txt", make(iugu_token())) for n, make in enumerate(NOT_TABLES.values())]
    findings, _ = engine_findings(engine, *paths)
    labels = list(NOT_TABLES)
    assert findings == [], [labels[int(Path(f["location"]["path"]).stem)] for f in findings]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
@pytest.mark.parametrize("header_before_end", [6000, 2000, 100])
def test_a_table_across_the_read_boundary_gives_every_row_once(write, engine: str, header_before_end: int) -> None:
    """The header before the cut, in the overlap both reads see, or just before a read ends:
    rows on both sides are found, none twice, none cut in half."""
    filler = "".join(f"2026-11-29T10:{n % 60:02d}:00Z INFO worker heartbeat ok seq={n:08d}\n" for n in range(40_000))
    head = filler[: CHUNK_BYTES - header_before_end]
    head = head[: head.rfind("\n") + 1]
    tokens = [iugu_token() for _ in range(150)]
    text = head + csv_export(tokens)
    spans = expected_spans(text.encode(), tokens)
    findings, _ = engine_findings(engine, write("mixed.log", text))
    assert sorted((f["location"]["line"], f["location"]["column"], f["location"]["end_line"], f["location"]["end_column"])
                  for f in findings) == spans


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_dump_several_reads_long_gives_every_row(write, engine: str) -> None:
    tokens = [iugu_token() for _ in range(3_000)]
    notes = "nota " * 150  # rows of ~800 bytes: the dump spans several reads with few tokens
    text = copy_block(tokens).replace("\t2026-", f"\t{notes}2026-")
    assert len(text) > 2 * CHUNK_BYTES, "test set-up: the dump must span several reads"
    digests = sorted(report_digest(token) for token in tokens)
    findings, _ = engine_findings(engine, write("dump.sql", text))
    assert sorted(f["secret"]["digest"] for f in findings) == digests


def place(text: str, token: str) -> tuple[int, int]:
    """The line and column a token's finding is at (columns count characters, as the report does)."""
    before = text[: text.index(token)]
    return before.count("\n") + 1, len(before) - before.rfind("\n")


def places(findings: list[dict]) -> list[tuple[int, int]]:
    return sorted((f["location"]["line"], f["location"]["column"]) for f in findings)


SHORT_ROWS = {  # a mostly empty token column: rows of ~15 bytes, 70,000 of them in a mebibyte
    "dump.sql": lambda token: "COPY public.accounts (id, name, iugu_api_token) FROM stdin;\n"
    + "".join(f"{n}\tacct{n}\t{token if n == 70_000 else chr(92) + 'N'}\n" for n in range(1, 80_001)) + "\\.\n",
    "users.csv": lambda token: "id,iugu_api_token\n" + "".join(f"{n},{token if n == 60_000 else ''}\n"
                                                               for n in range(1, 60_001)),
    "seed.sql": lambda token: "INSERT INTO `accounts` (`id`,`iugu_api_token`) VALUES " + ",".join(
        f"({n},{repr(token) if n == 60_000 else 'NULL'})" for n in range(1, 75_001)) + ";\n",
}


@pytest.mark.parametrize("engine", BOTH_ENGINES)
@pytest.mark.parametrize("name", list(SHORT_ROWS))
def test_a_table_of_short_rows_is_read_past_fifty_thousand_of_them_in_a_buffer(write, engine: str, name: str) -> None:
    """pg_dump's COPY block, a CSV export and one INSERT of short tuples (the token column mostly `\\N`, empty
    or NULL): the token in row 60,000 or 70,000 is found — a bound of 50,000 rows a buffer ended the table there
    without a word."""
    token = iugu_token()
    text = SHORT_ROWS[name](token)
    report, _ = scan_json("--engine", engine, str(write(name, text)))
    found = report["findings"]
    assert report["errors"] == [] and places(found) == [place(text, token)], rule_places(found)


def long_insert(tokens: dict[int, str], tuples: int, separator: str = ",") -> str:
    """One INSERT of ``tuples`` tuples (mysqldump's one line, or pg_dump --rows-per-insert's one a line), the
    tokens in the tuples ``tokens`` numbers."""
    return "INSERT INTO `accounts` (`id`,`name`,`iugu_api_token`) VALUES " + separator.join(
        f"({n},'acct {n}, Centro',{repr(tokens[n]) if n in tokens else 'NULL'})" for n in range(1, tuples + 1)) + ";\n"


@pytest.mark.parametrize("engine", BOTH_ENGINES)
@pytest.mark.parametrize("separator", [",", ",\n\t"])
def test_an_insert_longer_than_a_buffer_gives_its_later_tuples(write, engine: str, separator: str) -> None:
    """An INSERT of 3 MB (mysqldump --net-buffer-length=16M on one line, pg_dump --rows-per-insert a tuple a
    line): a token every 997 tuples, across every buffer's edge, each found once on its place; main read the
    tuples of the first mebibyte only."""
    tokens = {n: iugu_token() for n in range(5, 100_000, 997)}
    text = long_insert(tokens, 100_000, separator)
    assert len(text) > 3 * CHUNK_BYTES, "test set-up: the statement must span several buffers"
    report, _ = scan_json("--engine", engine, str(write("dump.sql", text)))
    assert report["errors"] == [] and "sql_tuples_cut" not in report["scan"]["requests"]
    assert places(report["findings"]) == sorted(place(text, token) for token in tokens.values())


def test_a_tuple_longer_than_the_overlap_cut_by_a_buffer_end_is_said(write) -> None:
    """A tuple holding 64 KB of text across the first buffer's end: the statement's tuples after it are not
    read (the buffer after starts inside it), and the report says so; the tuples before it are found."""
    first, later = iugu_token(), iugu_token()
    tuples = long_insert({3: first}, 40_000)
    head = tuples[: tuples.rfind("),(", 0, CHUNK_BYTES - 30_000) + 1]
    text = head + f",(20001,'{'nota ' * 13_000}',NULL),(20002,'acct',{later!r});\n"
    assert len(head) < CHUNK_BYTES < len(text) - 20_000, "test set-up: the long tuple must cross the buffer's end"
    report, _ = scan_json(str(write("dump.sql", text)))
    assert places(report["findings"]) == [place(text, first)]
    assert report["scan"]["requests"]["sql_tuples_cut"] == 1
    assert "SQL statement read up to a tuple" in report["scan"]["read_in_part"]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_table_s_rows_end_at_the_next_header_of_its_rule(write, engine: str) -> None:
    """2,000 statements each opening a quote it never closes, then a token's statement: each is read up to the
    next (it read to the buffer's end before, a buffer's reading for each: the rule ran out of time and the
    token was lost)."""
    token = iugu_token()
    text = "INSERT INTO t (id, api_token) VALUES ('\n" * 2_000 + "x" * 900_000 + "\n" \
        + f"INSERT INTO t (id, api_token) VALUES (1, '{token}');\n"
    report, _ = scan_json("--engine", engine, str(write("broken.sql", text)))
    assert report["errors"] == [] and places(report["findings"]) == [place(text, token)]
