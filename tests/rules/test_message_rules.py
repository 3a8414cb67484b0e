"""Message rules as data: which secret findings in a message they take over, with what
severity, and the mistakes a rule author can make in one, through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.credentials import asaas_key, iugu_token
from helpers.messages import message_bytes, short_message
from helpers.running import cli, scan_json


@pytest.fixture(autouse=True)
def _neutral_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_a_key_in_a_message_is_shared_in_message_with_the_rule_severity_as_a_floor(tmp_path: Path) -> None:
    keys = {"production": asaas_key(), "sandbox": asaas_key("hmlg"), "iugu": iugu_token()}
    body = "\n".join([f"prod {keys['production']}", f"teste {keys['sandbox']}", f"IUGU_API_TOKEN={keys['iugu']}"])
    (tmp_path / "ticket.eml").write_bytes(message_bytes(short_message(1, body + "\n")))
    (tmp_path / "app.env").write_text(f"ASAAS_API_KEY={keys['production']}\n", encoding="utf-8")
    report, _ = scan_json("--show-secrets", str(tmp_path))
    names = {value: name for name, value in keys.items()}
    seen = {(Path(f["location"]["path"]).name, names[f["secret"]["value"]]):
            (f["rule_id"], f["category"], f["severity"], f["context"].get("secret_rule")) for f in report["findings"]}
    assert seen == {
        ("ticket.eml", "production"): ("asaas-key-in-message", "shared-in-message", "critical", "asaas-api-key"),
        ("ticket.eml", "sandbox"): ("asaas-key-in-message", "shared-in-message", "high", "asaas-sandbox-api-key"),
        ("ticket.eml", "iugu"): ("iugu-token-in-message", "shared-in-message", "critical", "iugu-api-token"),
        ("app.env", "production"): ("asaas-api-key", "access-token", "critical", None),
    }


def test_message_rules_are_listed_and_their_examples_checked(tmp_path: Path) -> None:
    listed = cli("rules", "list").stdout
    assert "asaas-key-in-message" in listed and "shared-in-message" in listed
    pack = tmp_path / "mine.yaml"
    pack.write_text("""message_rules:
  - id: asaas-key-in-message
    title: Asaas key in a message, for another provider only
    provider: acme
    category: shared-in-message
    severity: high
    takes_over: [access-token]
    references: [https://acme.example/keys]
    remediation: Replace the key.
    examples: ["From: a@example.com\\nTo: b@example.com\\nSubject: x\\n\\nASAAS_API_KEY={}\\n"]
""".format(asaas_key()), encoding="utf-8")
    run = cli("rules", "test", str(pack))
    assert run.exit_code == 1
    assert "rule 'asaas-key-in-message': example 1 was not found" in run.stdout


@pytest.mark.parametrize(("field", "problem"), [
    ("takes_over: [leaks]", "'takes_over' must be a list of categories"),
    ("takes_over: [access-token]\n    colour: red", "unknown field 'colour'"),
    ("takes_over: [access-token]\n    severity: urgent", "'severity' is 'urgent'"),
])
def test_a_broken_message_rule_is_one_line_naming_it(tmp_path: Path, field: str, problem: str) -> None:
    pack = tmp_path / "mine.yaml"
    pack.write_text("message_rules:\n  - id: mine\n    title: t\n    provider: acme\n"
                    f"    category: shared-in-message\n    {field}\n" + ("" if "severity" in field else "    severity: high\n"),
                    encoding="utf-8")
    run = cli("rules", "list", "--rules", str(pack))
    assert run.exit_code != 0
    assert problem in run.stderr and "mine" in run.stderr
