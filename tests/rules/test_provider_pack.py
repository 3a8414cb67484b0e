"""Adding a provider is a rule file: the Mercado Pago test pack (tests/data/rule_packs), loaded with
``--rules`` next to the shipped rules, works through the command line on real files — its keys
found with their environment, its host counted as a provider host by the shipped transport and
request rules, its own request and message rules, ``rules test`` and SARIF help — with no Python
written for it (its validator, ``random_token``, is the generic one any prefixed key can use)."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

import jsonschema
import pytest

from helpers.code_scanning import schema_problems
from helpers.credentials import asaas_key, mercadopago_token
from helpers.data import DATA, load_schema
from helpers.messages import message_bytes
from helpers.running import cli, scan_json
from helpers.secrecy import scrub

PACK = DATA / "rule_packs"
PACK_RULES = {"mercadopago-access-token", "mercadopago-test-access-token", "mercadopago-plaintext-request",
              "mercadopago-token-in-query-string", "mercadopago-token-in-message"}


def scan_with_pack(*targets: Path) -> list[dict]:
    """The findings of ``keyaudit scan --rules PACK TARGETS``: a report valid against the schema,
    with no error and no warning about the pack's rules."""
    report, run = scan_json("--rules", str(PACK), *map(str, targets))
    jsonschema.validate(report, load_schema())
    assert report["errors"] == [] and "warning" not in run.stderr, scrub(run.stderr)
    return report["findings"]


def by_rule(findings: list[dict]) -> dict[str, dict]:
    return {finding["rule_id"]: finding for finding in findings}


def test_its_keys_are_found_with_the_environment_their_format_says(tmp_path: Path) -> None:
    production, test = mercadopago_token("production"), mercadopago_token("sandbox")
    (tmp_path / ".env").write_text(f"MERCADOPAGO_ACCESS_TOKEN={production}\n"
                                   "MERCADOPAGO_PUBLIC_KEY=APP_USR-3f2a9c1e-7b4d-4e8a-9c2f-5d1b6a8e0c47\n")
    (tmp_path / "settings.json").write_text(json.dumps({"mercadopago": {"access_token": test}}, indent=2))
    findings = scan_with_pack(tmp_path)
    assert sorted((f["rule_id"], f["environment"], f["provider"], f["location"]["path"].rsplit("/", 1)[-1])
                  for f in findings) == [("mercadopago-access-token", "production", "mercadopago", ".env"),
                                         ("mercadopago-test-access-token", "sandbox", "mercadopago", "settings.json")]
    text = json.dumps(findings)
    assert production not in text and test not in text


def test_without_the_pack_its_keys_are_not_reported(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(f"MERCADOPAGO_ACCESS_TOKEN={mercadopago_token()}\n")
    report, _run = scan_json(str(tmp_path))
    assert report["findings"] == []


def test_its_host_is_a_provider_host_for_the_shipped_rules(tmp_path: Path) -> None:
    """Plain HTTP to its API, certificate checks off in a file that calls it, a token over plain
    HTTP anywhere: the shipped rules judge its host and its credentials like Asaas's."""
    (tmp_path / "client.py").write_text(
        'import requests\nBASE = "https://api.mercadopago.com"\n\n\ndef search(token):\n'
        '    return requests.get(BASE + "/v1/payments/search", headers={"Authorization": "Bearer " + token},\n'
        '                        verify=False)\n')
    (tmp_path / "health.sh").write_text("curl -s http://api.mercadopago.com/v1/payment_methods\n")
    (tmp_path / "proxy.sh").write_text(
        f'curl -H "Authorization: Bearer {mercadopago_token("sandbox")}" http://gateway.internal.example/v1/payments\n')
    (tmp_path / "other.py").write_text("requests.get('https://example.com/', verify=False)\n")
    found = by_rule(scan_with_pack(tmp_path))
    weak = found["tls-verification-off"]
    assert weak["provider"] == "mercadopago" and weak["context"]["provider_host"] == "api.mercadopago.com"
    assert weak["location"]["path"].endswith("client.py")
    assert found["mercadopago-plaintext-request"]["location"]["path"].endswith("health.sh")
    plain = found["credential-over-plaintext-http"]
    assert plain["environment"] == "sandbox" and plain["location"]["path"].endswith("proxy.sh")


def test_its_request_rule_judges_captured_requests(tmp_path: Path) -> None:
    token = mercadopago_token()
    (tmp_path / "search.sh").write_text(f"curl 'https://api.mercadopago.com/v1/payments/search?access_token={token}'\n")
    (tmp_path / "good.sh").write_text(
        f"curl -H 'Authorization: Bearer {token}' https://api.mercadopago.com/v1/payments/search\n")
    misuse = [f for f in scan_with_pack(tmp_path) if f["category"] == "misuse"]
    assert [(f["rule_id"], f["location"]["path"].rsplit("/", 1)[-1], f["environment"]) for f in misuse] == [
        ("mercadopago-token-in-query-string", "search.sh", "production")]
    assert token not in misuse[0]["context"]["url"]


def test_another_providers_sandbox_key_is_no_mismatch_of_its_own(tmp_path: Path) -> None:
    """A request rule counts its own provider's credentials: a Mercado Pago test token sent to
    Asaas's production API is not an Asaas sandbox key sent there (nor an Asaas key, Mercado Pago's)."""
    (tmp_path / "call.sh").write_text(
        f"curl -A shop -H 'access_token: {mercadopago_token('sandbox')}' https://api.asaas.com/v3/customers\n"
        f"curl -A shop -H 'access_token: {asaas_key('hmlg')}' https://api.asaas.com/v3/customers\n")
    mismatches = [(f["rule_id"], f["location"]["line"]) for f in scan_with_pack(tmp_path)
                  if f["category"] == "environment-mismatch"]
    assert ("asaas-sandbox-key-to-production", 2) in mismatches
    assert [rule for rule, line in mismatches if line == 1] == []


def test_its_message_rule_takes_over_its_keys_in_mail(tmp_path: Path) -> None:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "dev@example.com", "suporte@example.com", "token"
    message.set_content(f"O token de produção é {mercadopago_token()}, pode testar?\n")
    (tmp_path / "ticket.eml").write_bytes(message_bytes(message))
    findings = scan_with_pack(tmp_path)
    assert [(f["rule_id"], f["category"], f["severity"]) for f in findings] == [
        ("mercadopago-token-in-message", "shared-in-message", "critical")]


def test_rules_test_passes_on_the_pack_and_lists_its_rules() -> None:
    run = cli("rules", "test", str(PACK))
    assert run.exit_code == 0, run.stdout + run.stderr
    assert "WARN" not in run.stdout + run.stderr
    listed = cli("rules", "list", "--rules", str(PACK))
    assert listed.exit_code == 0 and PACK_RULES <= set(listed.stdout.split())


@pytest.mark.parametrize("broken, problem", [
    ("    environment: staging\n", "'environment' is 'staging'"),
    ("    environment: {group: env, values: {app_usr: production}}\n", "no group named 'env'"),
])
def test_a_wrong_environment_is_one_line_naming_the_rule(tmp_path: Path, broken: str, problem: str) -> None:
    text = (PACK / "mercadopago.yaml").read_text(encoding="utf-8")
    (tmp_path / "pack.yaml").write_text(text.replace("    environment: production\n", broken, 1), encoding="utf-8")
    run = cli("scan", "--rules", str(tmp_path / "pack.yaml"), str(tmp_path))
    assert run.exit_code == 2
    assert run.stderr.count("\n") == 1 and "mercadopago-access-token" in run.stderr and problem in run.stderr


def test_sarif_describes_its_rules_from_the_pack(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text(f"MERCADOPAGO_ACCESS_TOKEN={mercadopago_token()}\n")
    run = cli("scan", "--format", "sarif", "--jobs", "1", "--rules", str(PACK), str(tmp_path))
    assert run.exit_code == 1, scrub(run.stderr)
    sarif = json.loads(run.stdout)
    assert schema_problems(sarif) == []
    rules = {rule["id"]: rule for rule in sarif["runs"][0]["tool"]["driver"]["rules"]}
    described = rules["mercadopago-access-token"]
    assert described["helpUri"] == "https://www.mercadopago.com.br/developers/en/docs/adobe-commerce/resources/credentials"
    assert "Renew the production credentials" in described["help"]["text"]
    assert [result["ruleId"] for result in sarif["runs"][0]["results"]] == ["mercadopago-access-token"]
