"""The v2-era Asaas key (64 hex, no prefix) under a credential's name rather than under
`access_token`: found where the name is sent as the access_token header one step later, where
the settings it is kept in name an Asaas host, or in a file that uses an Asaas client library.
Shapes of public Asaas plugins and clients (a WooCommerce gateway's settings array, a Ruby
client's spec), written anew. Real files through the command line, both engines; keys are
generated, and never printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.credentials import legacy_asaas_key
from helpers.engines import BOTH_ENGINES
from helpers.running import engine_findings, rule_places
from helpers.secrecy import assert_absent

pytestmark = pytest.mark.usefixtures("neutral_folder")

RULE = "asaas-legacy-named-key"

# (file name, text with {key} where the key goes, the key's line)
FOUND = [
    ("src/class-wc-gateway-api.php", "<?php\nclass WC_Gateway_API {{\n\tpublic $api = array(\n\t\t'key' \t\t=> '{key}',\n"
                                     "\t\t'version' \t=> 'v2',\n\t\t'domain' \t=> 'https://homolog.asaas.com/',\n\t);\n}}\n", 4),
    ("billing.js", "const PAYMENTS_KEY = '{key}';\n\n// Asaas v2\nasync function payments(base) {{\n"
                   "  return fetch(`${{base}}/payments`, {{ headers: {{ access_token: PAYMENTS_KEY }} }});\n}}\n", 1),
    ("asaas_client.py", "import requests\n\nASAAS_TOKEN = '{key}'\n\n\ndef customers(base):\n"
                        "    return requests.get(base + '/customers', headers={{'access_token': ASAAS_TOKEN}})\n", 3),
    # a client library's setting in its spec (a public Asaas Ruby client's)
    ("spec/customer_spec.rb", "require 'asaas-ruby'\n\nRSpec.describe Asaas::Customer do\n  before do\n"
                              "    Asaas::Configuration.token = '{key}'\n  end\nend\n", 5),
    ("spec/client_spec.rb", "require 'asaas-ruby'\n\nRSpec.describe Asaas::Client do\n"
                            "  let(:customer_token) {{ '{key}' }}\n  subject {{ Asaas::Client.new(customer_token) }}\nend\n", 4),
]

# Not Asaas keys, or not enough to say so.
NOT_FOUND = [
    ("other.php", "<?php\n// moved off asaas\n$api = array(\n\t'key' => '{key}',\n\t'domain' => 'https://api.example.com/',\n);\n"),
    ("hooks.php", "<?php\n$asaas = array(\n\t'webhook_token' => '{key}',\n\t'domain' => 'https://api.asaas.com/v3',\n);\n"),
    ("mention.js", "// asaas\nconst KEY = '{key}';\nfetch(url, {{ headers: {{ 'x-api-key': KEY }} }});\n"),
    ("digest.py", "# asaas export\nFILE_KEY = '{key}'\n"),
    # a configuration of many services: another service's secret, Asaas's URL in another block
    ("config/services.php", "<?php\n\nreturn [\n\n    'asaas' => [\n        'url' => 'https://api.asaas.com/v3',\n"
                            "        'key' => env('ASAAS_API_KEY'),\n    ],\n\n    'stripe' => [\n"
                            "        'model' => App\\Models\\User::class,\n        'secret' => '{key}',\n    ],\n\n];\n"),
]


def _write(folder: Path, name: str, template: str, key: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(template.format(key=key), encoding="utf-8")


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_legacy_key_under_a_credential_name_is_found_where_it_goes_to_asaas(tmp_path: Path, engine: str) -> None:
    keys = {name: legacy_asaas_key() for name, _, _ in FOUND}
    for name, template, _ in FOUND:
        _write(tmp_path, name, template, keys[name])
    findings, raw = engine_findings(engine, tmp_path)
    assert_absent(raw, *keys.values())
    found = {Path(f["location"]["path"]).relative_to(tmp_path).as_posix(): (f["rule_id"], f["location"]["line"])
             for f in findings}
    assert found == {name: (RULE, line) for name, _, line in FOUND}, rule_places(findings)


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_names_and_settings_that_are_not_an_asaas_key(tmp_path: Path, engine: str) -> None:
    for name, template in NOT_FOUND:
        _write(tmp_path, name, template, legacy_asaas_key())
    findings, _ = engine_findings(engine, tmp_path)
    assert rule_places(findings) == []
