"""Requests recorded in TOML: each run of lines TOML may write is a document of its own, parsed
alone, its tables with a method the requests; a log's line ends a run, and a run that is no TOML
(an INI file's unquoted values) gives none."""

from __future__ import annotations

from pathlib import Path

from helpers.running import scan_json
from keyaudit.inputs.captures import toml_records

URL = "https://api.iugu.com/v1/transfer_requests"


def read(text: str) -> list[tuple[int, str, str, list[tuple[str, str]], bytes | None]]:
    lines = list(enumerate(text.split("\n"), 1))
    return [(item.origin.line, item.method, item.url, item.headers, item.body)
            for item in toml_records.exchanges(lines, "fixtures.toml")]


def test_a_table_with_a_method_is_a_request_its_multi_line_body_as_written() -> None:
    text = ("2026-11-22 13:00:00 INFO replaying", "# parked/1.toml", 'method = "POST"', f'url = "{URL}"',
            'body = """', '{', '\\"a\\":1', '}"""', "", "[headers]", 'Request-Time = "now"',
            "2026-11-22 13:00:01 INFO done", 'method = "GET"')
    assert read("\n".join(text)) == [(3, "POST", URL, [("Request-Time", "now")], b'{\n"a":1\n}')]


def test_each_table_of_an_array_of_tables_is_a_request_at_its_method_s_line() -> None:
    text = "\n".join(["[[requests]]", 'method = "POST"', f'url = "{URL}"', "[requests.headers]",
                      'Signature = "signature=x"', "", "[[requests]]", "attempts = 2", "request_method = 'PUT'",
                      f"url = '{URL}'"])
    assert [(line, method) for line, method, *_ in read(text)] == [(2, "POST"), (9, "PUT")]


def test_lines_that_are_no_toml_give_no_request() -> None:
    assert read("\n".join(["[transfer]", 'method = "POST"', f"url = {URL}", "body = {broken"])) == []
    assert read("\n".join(["method = 'POST'", f"url = '{URL}'", "body = '''", "{", "never closed"])) == []


def test_a_fixture_file_s_transfer_is_judged(tmp_path: Path) -> None:
    fixture = tmp_path / "parked.toml"
    fixture.write_text("\n".join(['method = "POST"', 'url = "https://api.asaas.com/v3/transfers"',
                                  'body = "{\\"value\\":1}"', "", "[headers]", 'access_token = "redacted"']) + "\n")
    report, _ = scan_json(str(fixture))
    assert [f["rule_id"] for f in report["findings"] if f["context"].get("method")] == ["asaas-unsigned-transfer"]
