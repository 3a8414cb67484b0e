"""A file named for a provider, or in the provider's folder, names it as a line above its settings would.

Rails keeps a gateway's settings in `config/iugu.yml` (`production:` over `token: …`), Laravel in `config/iugu.php`
(`'token' => '…'`), others in `.env.iugu`, `secrets/asaas.json`, `asaas_settings.py`: the text never says whose token
it is, the path does. Before, the iugu and Asaas rules for a bare credential name ran only where the provider was
named in the text (their gate), and those files gave nothing. The path now opens the gate and counts as evidence;
a file named for nothing, or a folder whose name only holds a provider's (`iugu-sync/`), keeps its hex quiet:
hashes and ETags are 32 hex under `token:` too. Real files through the command line, both engines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.credentials import iugu_token, legacy_asaas_key
from helpers.engines import BOTH_ENGINES
from helpers.running import engine_findings, rule_places
from helpers.secrecy import assert_absent
from helpers.trees import write_at

pytestmark = pytest.mark.usefixtures("neutral_folder")

IUGU, ASAAS = "iugu-named-credential", "asaas-legacy-named-key"

# (path, text with {iugu} or {asaas} where the value goes, the rule that finds it, its line, the path's evidence)
FOUND = [
    ("config/iugu.yml", "default: &default\n  timeout: 30\n\nproduction:\n  <<: *default\n  token: {iugu}\n",
     IUGU, 6, "file-named-for-iugu"),
    ("config/iugu.php", "<?php\n\nreturn [\n    'token' => '{iugu}',\n    'sandbox' => false,\n];\n",
     IUGU, 4, "file-named-for-iugu"),
    (".env.iugu", "TOKEN={iugu}\n", IUGU, 1, "file-named-for-iugu"),
    ("iugu/production.yml", "token: '{iugu}'\n", IUGU, 1, "file-named-for-iugu"),
    ("secrets/asaas.json", '{{\n  "key": "{asaas}",\n  "sandbox": false\n}}\n', ASAAS, 2, "file-named-for-asaas"),
    ("app/asaas_settings.py", "API_KEY = '{asaas}'\nTIMEOUT = 30\n", ASAAS, 1, "file-named-for-asaas"),
]

# Nothing in the text or the path says whose value it is: a digest, an ETag.
NOT_FOUND = [
    ("config/cache.yml", "production:\n  token: {iugu}\n"),
    ("config/settings.php", "<?php\n\nreturn [\n    'token' => '{iugu}',\n];\n"),
    ("iugu-sync/settings.yml", "token: {iugu}\n"),
    ("config/iugu.yml", "production:\n  token_sha1: {iugu}\n  etag: {iugu}\n"),
    ("secrets/digests.json", '{{"key": "{asaas}"}}\n'),
    ("secrets/asaas.json", '{{"webhook_token": "{asaas}"}}\n'),
]


def _written(folder: Path, path: str, template: str) -> tuple[str, str]:
    """``template`` written at ``folder / path`` with fresh values; the values (iugu's, Asaas's)."""
    values = {"iugu": iugu_token(), "asaas": legacy_asaas_key()}
    write_at(folder, path, template.format(**values))
    return values["iugu"], values["asaas"]


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_bare_credential_in_a_file_named_for_its_provider_is_the_providers(tmp_path: Path, engine: str) -> None:
    """The files of :data:`FOUND` give their finding, with the path's evidence; those of :data:`NOT_FOUND`, in the
    same scan (under `other/`), none."""
    folder = tmp_path / "repo"
    secrets = [value for path, template, *_ in FOUND for value in _written(folder, path, template)]
    secrets += [value for path, template in NOT_FOUND for value in _written(folder / "other", path, template)]
    findings, raw = engine_findings(engine, folder)
    for secret in secrets:
        assert_absent(secret, raw)
    found = {Path(f["location"]["path"]).relative_to(folder).as_posix():
             (f["rule_id"], f["location"]["line"], [piece["name"] for piece in f["context"]["evidence"]])
             for f in findings}
    expected = {path: (rule, line) for path, _, rule, line, _ in FOUND}
    assert {path: place[:2] for path, place in found.items()} == expected, rule_places(findings)
    for path, *_, evidence in FOUND:
        assert evidence in found[path][2], (path, found[path][2])
