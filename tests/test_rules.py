"""Rules as data: shipped examples hold, rule files with mistakes fail with one clear line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import iugu_token, run_cli

GOOD_RULE = """
rules:
  - id: acme-key
    title: ACME key
    provider: acme
    category: access-token
    severity: high
    keywords: [acme_]
    pattern: 'acme_(?P<secret>[a-z0-9]{24})'
    examples: ['key=acme_abcdefghijklmnopqrstuvwx']
    negative_examples: ['key=acme_short']
"""


def test_shipped_rules_pass_their_examples() -> None:
    run = run_cli("rules", "test")
    assert run.exit_code == 0, run.stdout
    assert "0 failures" in run.stdout


def test_rules_list_shows_secret_and_request_rules() -> None:
    run = run_cli("rules", "list")
    assert run.exit_code == 0
    ids = {line.split()[0] for line in run.stdout.splitlines()}
    assert {"asaas-api-key", "iugu-api-token", "http-basic-credential", "iugu-unsigned-transfer",
            "iugu-bad-signature", "asaas-sandbox-key-to-production"} <= ids


def test_a_user_rule_with_a_failing_example_fails_rules_test(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(GOOD_RULE.replace("key=acme_short", "key=acme_abcdefghijklmnopqrstuvwy"))
    run = run_cli("rules", "test", str(pack))
    assert run.exit_code == 1
    assert "acme-key" in run.stdout and "negative example 1 was reported" in run.stdout


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("rules:\n  - id: x\n    title: [unclosed\n", "YAML error at line"),
        (GOOD_RULE.replace("    severity: high\n", "    severity: high\n    colour: red\n"), "unknown field 'colour'"),
        (GOOD_RULE.replace("'acme_(?P<secret>[a-z0-9]{24})'", "'acme_(?P<secret>[a-z0-9]{24}'"), "does not compile"),
        (GOOD_RULE.replace("(?P<secret>[a-z0-9]{24})", "([a-z0-9]{24})"), "no named group 'secret'"),
        (GOOD_RULE.replace("keywords: [acme_]", "keywords: []"), "at least one literal keyword"),
        (GOOD_RULE.replace("    keywords: [acme_]\n", ""), "missing field 'keywords'"),
        (GOOD_RULE.replace("severity: high", "severity: urgent"), "'severity' is 'urgent'"),
        (GOOD_RULE.replace("category: access-token", "category: leaks"), "'category' is 'leaks'"),
        (GOOD_RULE.replace("    keywords:", "    validator: luhn\n    keywords:"), "unknown validator 'luhn'"),
        ("rules: 5\n", "'rules' must be a list"),
        ("request_rules:\n  - id: r\n    title: t\n    provider: p\n    category: plaintext-http\n"
         "    severity: high\n    when: {colour: red}\n", "unknown field 'when.colour'"),
    ],
)
def test_bad_rule_files_exit_2_with_one_line(tmp_path: Path, text: str, problem: str) -> None:
    pack = tmp_path / "bad.yaml"
    pack.write_text(text)
    target = tmp_path / "x.log"
    target.write_text("nothing here\n")
    run = run_cli("scan", "--rules", str(pack), str(target))
    assert run.exit_code == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert str(pack) in lines[0] and problem in lines[0], lines[0]
    if "id:" in text and "rules: 5" not in text and "YAML" not in problem:
        assert "rule '" in lines[0]
    assert "Traceback" not in run.stderr + run.stdout


def test_user_rules_add_and_replace_shipped_ones(tmp_path: Path) -> None:
    pack = tmp_path / "rules"
    pack.mkdir()
    (pack / "acme.yaml").write_text(GOOD_RULE)
    (pack / "override.yaml").write_text("""
rules:
  - id: iugu-api-token
    title: Replaced iugu rule
    provider: iugu
    category: access-token
    severity: low
    keywords: [api_token]
    pattern: 'api_token=(?P<secret>[0-9a-f]{32})'
    validator: hex_token
    examples: ['api_token=411f7740c0cca6e85c131fab493b166e']
""")
    target = tmp_path / "app.log"
    target.write_text(f"key=acme_abcdefghijklmnopqrstuvwx\nGET /x?api_token={iugu_token()}\n")
    run = run_cli("scan", "--format", "json", "--jobs", "1", "--rules", str(pack), str(target))
    report = json.loads(run.stdout)
    by_rule = {f["rule_id"]: f for f in report["findings"]}
    assert by_rule["acme-key"]["provider"] == "acme"
    assert by_rule["iugu-api-token"]["title"] == "Replaced iugu rule"
    assert by_rule["iugu-api-token"]["severity"] == "low"
    listing = run_cli("rules", "list", "--rules", str(pack)).stdout
    assert "acme-key" in listing and "Replaced iugu rule" in listing
