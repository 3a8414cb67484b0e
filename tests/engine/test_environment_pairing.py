"""Environment mismatch only for real pairings (issue 15, item 5): an Asaas key is reported with a
host of the other environment only when the two are used together — the same call, the same
configuration object or section, the same log record — and not when a file simply holds both
environments' constants, or chooses between them. Real files through the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.credentials import asaas_key
from helpers.engines import BOTH_ENGINES
from helpers.running import engine_findings, rule_places
from helpers.secrecy import assert_absent

pytestmark = pytest.mark.usefixtures("neutral_folder")

PROD, SANDBOX = "https://api.asaas.com/v3", "https://api-sandbox.asaas.com/v3"

# (file name, text with {key}, the environment of the key): each a real pairing, one finding.
PAIRED = [
    ("client.py", "client = Asaas(\n    api_key='{key}',\n    base_url='" + PROD + "',\n)\n", "hmlg"),
    ("asaas.env", "ASAAS_URL=" + PROD + "\nASAAS_API_KEY={key}\n", "hmlg"),
    ("http.js", "const asaas = axios.create({{\n  baseURL: '" + PROD + "',\n  headers: {{ access_token: '{key}' }},\n}});\n",
     "hmlg"),
    ("application.yml", "asaas:\n  url: " + SANDBOX + "\n  api-key: {key}\nserver:\n  port: 8080\n", "prod"),
    ("settings.ini", "[asaas]\nurl = " + SANDBOX + "\nkey = {key}\n", "prod"),
]

# Both environments near each other, and no pairing: no environment-mismatch finding.
NOT_PAIRED = [
    ("constants.py", "ASAAS_SANDBOX_URL = '" + SANDBOX + "'\nASAAS_PRODUCTION_URL = '" + PROD + "'\n"
                     "ASAAS_SANDBOX_KEY = '{key}'\n", "hmlg"),
    ("choose.py", "if settings.PRODUCTION:\n    client = Asaas(api_key=os.environ['ASAAS_KEY'], base_url='" + PROD + "')\n"
                  "else:\n    client = Asaas(api_key='{key}', base_url='" + SANDBOX + "')\n", "hmlg"),
    ("choose.js", "const baseURL = isProd ? '" + PROD + "' : '" + SANDBOX + "';\nconst apiKey = '{key}';\n", "hmlg"),
    ("apart.py", "PRODUCTION_URL = '" + PROD + "'\n\nSANDBOX_KEY = '{key}'\n", "hmlg"),
    ("environments.yml", "asaas:\n  production:\n    url: " + PROD + "\n    key: ${{PROD_KEY}}\n  sandbox:\n"
                         "    url: " + SANDBOX + "\n    key: {key}\n", "hmlg"),
    ("Config.cs", "public static class AsaasConfig\n{{\n    public const string Sandbox = \"" + SANDBOX + "\";\n"
                  "    public const string Production = \"" + PROD + "\";\n"
                  "    public const string Key = \"{key}\";\n}}\n", "prod"),
]


def _mismatches(findings: list[dict]) -> list[tuple[str, int]]:
    return [(Path(f["location"]["path"]).name, f["location"]["line"]) for f in findings
            if f["category"] == "environment-mismatch"]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_key_used_with_the_other_environments_host_is_reported(tmp_path: Path, engine: str) -> None:
    keys = {}
    for name, template, environment in PAIRED:
        keys[name] = asaas_key(environment)
        (tmp_path / name).write_text(template.format(key=keys[name]), encoding="utf-8")
    findings, raw = engine_findings(engine, tmp_path)
    assert_absent(raw, *keys.values())
    expected = sorted((name, 1 + next(i for i, line in enumerate(template.format(key=keys[name]).splitlines())
                                      if keys[name] in line)) for name, template, _ in PAIRED)
    assert sorted(_mismatches(findings)) == expected, rule_places(findings)
    evidence = {f["context"]["evidence"][0]["name"] for f in findings if f["category"] == "environment-mismatch"}
    assert evidence == {"production-host", "sandbox-host"}


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_both_environments_side_by_side_or_chosen_between_are_no_mismatch(tmp_path: Path, engine: str) -> None:
    for name, template, environment in NOT_PAIRED:
        (tmp_path / name).write_text(template.format(key=asaas_key(environment)), encoding="utf-8")
    findings, _ = engine_findings(engine, tmp_path)
    assert _mismatches(findings) == []
    assert len([f for f in findings if f["category"] == "access-token"]) == len(NOT_PAIRED)
