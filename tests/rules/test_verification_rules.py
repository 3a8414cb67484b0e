"""The ``verification`` sections of rule files: what the shipped ones say, and what a section may
not say (the parser refuses anything but a read-only GET to a plain https:// URL)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.credentials import asaas_key
from keyaudit.rulebook.errors import RuleError
from keyaudit.rulebook.loader import load_file, load_rules
from keyaudit.rulebook.verification import parse_verification

VALID = {"provider": "acme", "method": "GET", "endpoints": {"production": "https://api.acme.example/v1/me"},
         "credential": {"header": "x-api-key"}, "value_pattern": "[a-z]{12}"}


def test_the_shipped_rules_route_each_environment_to_its_documented_host() -> None:
    specs = load_rules().verifications
    asaas, iugu = specs["asaas"], specs["iugu"]
    assert asaas.endpoint("production") == "https://api.asaas.com/v3/customers?limit=1"
    assert asaas.endpoint("sandbox") == "https://api-sandbox.asaas.com/v3/customers?limit=1"
    assert asaas.endpoint(None) is None  # a key of unknown environment is sent nowhere
    assert iugu.endpoint(None) == iugu.endpoint("production") == "https://api.iugu.com/v1/customers?limit=1"
    assert asaas.credential == ("header", "access_token") and iugu.credential == ("basic", "user")
    assert asaas.inactive == iugu.inactive == (401,)


def test_only_values_in_the_key_format_of_the_endpoints_environment_may_be_sent() -> None:
    specs = load_rules().verifications
    asaas, iugu = specs["asaas"], specs["iugu"]
    production, sandbox = asaas_key("prod"), asaas_key("hmlg")
    assert asaas.accepts(production, "production") and asaas.accepts(sandbox, "sandbox")
    # A finding labelled with the wrong environment cannot send a sandbox key to production, or back.
    assert not asaas.accepts(sandbox, "production") and not asaas.accepts(production, "sandbox")
    assert not asaas.accepts(production.removeprefix("$aact_prod_"), "production")  # prefix lost
    assert not iugu.accepts("-----BEGIN RSA PRIVATE KEY-----", None)
    assert not iugu.accepts("6c03c21bb00fa9ea3fe546dae72c165", None)  # 31 hex
    assert iugu.accepts("6C03C21BB00FA9EA3FE546DAE72C1651", None)


@pytest.mark.parametrize(("change", "problem"), [
    ({"method": "POST"}, "'method' must be GET"),
    ({"endpoints": {"production": "http://api.acme.example/v1/me"}}, "must be an https:// URL"),
    ({"endpoints": {"production": "https://user@api.acme.example/v1/me"}}, "must be an https:// URL"),
    ({"endpoints": {"production": "https://api.acme.example:8443/v1/me"}}, "must be an https:// URL"),
    ({"credential": {"cookie": "session"}}, "'credential' must be {header: <name>} or {basic: user}"),
    ({"credential": {"basic": "password"}}, "sends the value as the user"),
    ({"value_pattern": "("}, "value_pattern does not compile"),
    ({"active": ["200"]}, "'active' must be a list of HTTP status codes"),
    ({"follow": True}, "unknown field 'follow'"),
    ({"endpoints": {"production": {"url": "https://api.acme.example/me", "method": "POST"}}},
     "'endpoints' must map environment names to URLs or {url, value_pattern}"),
])
def test_a_section_that_could_do_more_than_read_is_refused(change: dict, problem: str) -> None:
    with pytest.raises(RuleError, match=problem.replace("{", r"\{").replace("}", r"\}").replace("(", r"\(")):
        parse_verification({**VALID, **change}, "pack.yaml")


def test_a_file_with_a_valid_section_loads_it(tmp_path: Path) -> None:
    pack = tmp_path / "acme.yaml"
    pack.write_text("rules: []\nverification:\n  provider: acme\n  endpoints: {production: 'https://api.acme.example/me'}\n"
                    "  credential: {header: x-api-key}\n  value_pattern: '[a-z]{12}'\n")
    assert load_file(pack).verifications["acme"].endpoint("production") == "https://api.acme.example/me"


# What every rule that reports an Asaas key or an iugu token tells its reader (issue: remediation
# on every credential finding): where the key is disabled and deleted or the token removed (panel
# and API), that a new one replaces it, and how often to rotate.
MUST_SAY = {"asaas": ("Integrations", "disable", "delete", "cannot"),
            "iugu": ("Integração via API", "Remove API Token endpoint", "30 days")}
CREDENTIAL_CATEGORIES = ("access-token", "basic-auth", "shared-in-message")


def test_every_credential_rule_says_where_to_revoke_and_how_to_rotate() -> None:
    rules = [rule for rule in load_rules().every
             if rule.provider in MUST_SAY and rule.category in CREDENTIAL_CATEGORIES]
    assert len(rules) > 15
    missing = {rule.id: [words for words in MUST_SAY[rule.provider] if words not in rule.remediation]
               for rule in rules}
    assert {rule_id: words for rule_id, words in missing.items() if words} == {}
