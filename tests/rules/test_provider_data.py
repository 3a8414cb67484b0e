"""A provider's environments as data: hosts in named groups that request rules name, and a key's
environment read from a named group of its pattern — an environment mismatch on a captured
request, for a provider keyaudit has no Python for (a made-up one, so that nothing here passes
for a real provider's facts)."""

from __future__ import annotations

import base64
import secrets
from pathlib import Path

import pytest

from helpers.running import cli, scan_json

def _mismatch_rule(rule_id: str, sent_to: str, carried: str, kind: str, other: str) -> str:
    """A request rule: a key of environment ``carried`` sent to the host group ``sent_to``; its
    example sends an ``acme_<kind>_`` key to ``sent_to``'s host, its negative to ``other``'s."""
    request = "GET https://{}.acme.example/v1/orders HTTP/1.1\\nAuthorization: Bearer acme_%s_5d0e8a3c91f74b26e1c9a07f3b8d4e62\\n\\n" % kind
    hosts = {"production": "api", "sandbox": "sandbox"}
    return (f"  - {{id: {rule_id}, title: ACME key sent to the wrong API, provider: acme, category: environment-mismatch,\n"
            f"     severity: medium, when: {{host_groups: [{sent_to}], carries_credential: {carried}}},\n"
            f'     examples: ["{request.format(hosts[sent_to])}"], negative_examples: ["{request.format(hosts[other])}"],\n'
            f"     references: [https://acme.example/docs/environments], remediation: Pair each key with its host.}}\n")


PACK = """\
basic_auth:
  acme: {user: 'acme_(?:live|test)_[0-9a-f]{32}', password: '', note: decodes to an ACME key}
provider_hosts:
  acme:
    production: [api.acme.example]
    sandbox: [sandbox.acme.example]
rules:
  - {id: acme-key, title: ACME key, provider: acme, category: access-token, severity: high, keywords: [acme_],
     pattern: '(?P<secret>acme_(?P<kind>live|test)_[0-9a-f]{32})(?![0-9a-f])', validator: random_token,
     environment: {group: kind, values: {live: production, test: sandbox}},
     examples: ['ACME_KEY=acme_live_5d0e8a3c91f74b26e1c9a07f3b8d4e62'],
     negative_examples: ['ACME_KEY=acme_live_00000000000000000000000000000000'],
     references: [https://acme.example/docs/keys], remediation: Replace the key.}
request_rules:
""" + _mismatch_rule("acme-test-key-to-production", "production", "sandbox", "test", "sandbox") \
    + _mismatch_rule("acme-live-key-to-sandbox", "sandbox", "production", "live", "production")


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    path = tmp_path / "rules" / "acme.yaml"
    path.parent.mkdir()
    path.write_text(PACK, encoding="utf-8")
    return path


def key(kind: str) -> str:
    return f"acme_{kind}_{secrets.token_hex(16)}"


def test_keys_take_the_environment_their_group_names(tmp_path: Path, pack: Path) -> None:
    (tmp_path / "app.env").write_text(f"ACME_LIVE={key('live')}\nACME_TEST={key('test')}\n")
    report, _run = scan_json("--rules", str(pack), str(tmp_path / "app.env"))
    assert [(f["rule_id"], f["location"]["line"], f["environment"]) for f in report["findings"]] == [
        ("acme-key", 1, "production"), ("acme-key", 2, "sandbox")]


def test_a_key_sent_to_a_host_of_the_other_environment_is_a_mismatch(tmp_path: Path, pack: Path) -> None:
    (tmp_path / "calls.sh").write_text(
        f"curl -H 'Authorization: Bearer {key('test')}' https://api.acme.example/v1/orders\n"
        f"curl -H 'Authorization: Bearer {key('test')}' https://sandbox.acme.example/v1/orders\n"
        f"curl -H 'Authorization: Bearer {key('live')}' https://sandbox.acme.example/v1/orders\n"
        f"curl -H 'Authorization: Bearer {key('live')}' https://api.acme.example/v1/orders\n")
    report, _run = scan_json("--rules", str(pack), str(tmp_path / "calls.sh"))
    mismatches = [(f["rule_id"], f["location"]["line"], f["environment"]) for f in report["findings"]
                  if f["category"] == "environment-mismatch"]
    assert mismatches == [("acme-test-key-to-production", 1, "sandbox"), ("acme-live-key-to-sandbox", 3, "production")]


def basic(user: str, password: str = "") -> str:
    return base64.b64encode(f"{user}:{password}".encode()).decode()


def test_a_basic_value_decoding_to_a_providers_token_is_that_providers(tmp_path: Path, pack: Path) -> None:
    """A provider's file says its token travels as a Basic user name (``basic_auth``): the generic
    Basic rule then reports a value that decodes so under that provider, with the token as the
    secret; with another password, or a token that is no random value, it is not that token."""
    token = key("live")
    (tmp_path / "calls.log").write_text(f"Authorization: Basic {basic(token)}\n"
                                        f"Authorization: Basic {basic(token, 'x')}\n"
                                        f"Authorization: Basic {basic('acme_live_' + '0' * 32)}\n")
    report, _run = scan_json("--rules", str(pack), "--show-secrets", str(tmp_path / "calls.log"))
    found = [(f["rule_id"], f["location"]["line"], f["provider"], f["secret"]["value"], f["message"])
             for f in report["findings"]]
    # Line 2 is no Basic credential of ACME's (another password), but the key is in it: its own
    # rule finds it under the base64 (decoding layers), once; line 1's is one finding, not two.
    assert [finding[:4] for finding in found] == [("http-basic-credential", 1, "acme", token), ("acme-key", 2, "acme", token)]
    assert found[0][4] == "Credential in an Authorization header: decodes to an ACME key"
    without, _run = scan_json("--show-secrets", str(tmp_path / "calls.log"))
    assert [f["provider"] for f in without["findings"]] == [], "without the pack the value is no credential"


def test_rules_test_passes_with_the_groups_bound(pack: Path) -> None:
    run = cli("rules", "test", str(pack))
    assert run.exit_code == 0, run.stdout + run.stderr


@pytest.mark.parametrize("edit, problem", [
    (("host_groups: [sandbox]", "host_groups: [staging]"), "names 'staging', which is no host group of provider 'acme'"),
    (("    sandbox: [sandbox.acme.example]\n", "    sandbox: sandbox.acme.example\n"), "'provider_hosts.acme' must map"),
    (("    sandbox: [sandbox.acme.example]\n", "    sandbox: []\n"), "'provider_hosts.acme' must map"),
    (("values: {live: production, test: sandbox}", "values: {live: production, test: qa}"), "maps to 'qa'"),
    (("host_groups: [sandbox]", "host_groups: 5"), "a field that takes a list of strings has a value of type int"),
    (("host_groups: [sandbox]", "hosts: []"), "'when.hosts' is empty; leave it out to judge every exchange"),
    (("password: '', note", "note"), "'basic_auth.acme' must have exactly user, password, note"),
    (("user: 'acme_(?:live|test)_", "user: 'acme_(?:live|test_"), "'basic_auth.acme'.user is not a regular expression"),
])
def test_a_wrong_host_group_or_environment_is_one_line(tmp_path: Path, pack: Path, edit: tuple[str, str],
                                                        problem: str) -> None:
    pack.write_text(PACK.replace(*edit), encoding="utf-8")
    run = cli("scan", "--rules", str(pack), str(tmp_path))
    assert run.exit_code == 2
    assert run.stderr.count("\n") == 1 and problem in run.stderr, run.stderr
