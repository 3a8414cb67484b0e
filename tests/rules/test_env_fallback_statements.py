"""A token written as the fallback of an environment lookup, in the statement after it.

`os.environ.get("IUGU_API_TOKEN", "…")`, `ENV.fetch(…, "…")`, `process.env.X || "…"` put the token in the code
after all, and iugu-config-api-token reports them. Written as the next statement of the same function it gave
nothing: Go's `if t := os.Getenv("IUGU_API_TOKEN"); t != "" { return t }` then `return "…"` (a blind round's
pre-commit miss), Python's `return token or "…"`, JavaScript's `token ??= "…"`, Ruby's `token ||= "…"`, an `if`
whose body assigns it. A placeholder, an empty fallback, a literal in the next function or given to another name
stay quiet. Real files through the command line, both engines; tokens are generated, never printed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from helpers.engines import BOTH_ENGINES
from helpers.running import engine_findings, rule_places
from helpers.secrecy import assert_absent
from helpers.trees import write_at

pytestmark = pytest.mark.usefixtures("neutral_folder")

RULE = "iugu-config-api-token"

# (file name, text with {token} where the token goes, the token's line)
FOUND = [
    ("config/token.go", 'package config\n\nimport "os"\n\nconst BaseURL = "https://api.iugu.com/v1"\n\n'
                        'func IuguToken() string {{\n\tif t := os.Getenv("IUGU_API_TOKEN"); t != "" {{\n\t\treturn t\n'
                        '\t}}\n\treturn "{token}"\n}}\n', 11),
    ("config/lookup.go", 'func token() string {{\n\tt, ok := os.LookupEnv("IUGU_API_TOKEN")\n\tif !ok {{\n'
                         '\t\tt = "{token}"\n\t}}\n\treturn t\n}}\n', 4),
    ("billing/settings.py", 'import os\n\n\ndef iugu_token():\n    token = os.environ.get("IUGU_API_TOKEN")\n'
                            '    return token or "{token}"\n', 6),
    ("billing/client.py", "def token():\n    token = os.getenv('IUGU_TOKEN')\n    if not token:\n"
                          "        token = '{token}'\n    return token\n", 4),
    ("web/token.js", "export function token() {{\n  let token = process.env.IUGU_API_TOKEN;\n"
                    "  token ??= '{token}';\n  return token;\n}}\n", 3),
    ("web/client.ts", "function token(): string {{\n  const token = process.env.IUGU_API_TOKEN;\n"
                      '  return token ?? "{token}";\n}}\n', 3),
    ("lib/billing.rb", "def token\n  token = ENV['IUGU_API_TOKEN']\n  token ||= '{token}'\nend\n", 3),
    ("lib/fetch.rb", "def token\n  token = ENV.fetch('IUGU_API_TOKEN', nil)\n  token || \"{token}\"\nend\n", 3),
]

NOT_FOUND = [
    # a placeholder, an empty fallback
    ("quiet/placeholder.go", 'func IuguToken() string {{\n\tif t := os.Getenv("IUGU_API_TOKEN"); t != "" {{\n'
                             '\t\treturn t\n\t}}\n\treturn "changeme"\n}}\n'),
    ("quiet/empty.go", 'func IuguToken() string {{\n\tif t := os.Getenv("IUGU_API_TOKEN"); t != "" {{\n'
                       '\t\treturn t\n\t}}\n\treturn ""\n}}\n'),
    ("quiet/empty.py", "def token():\n    token = os.getenv('IUGU_TOKEN')\n    return token or ''\n"),
    # a literal returned by the next function, or given to another name
    ("quiet/next.go", 'func IuguToken() string {{\n\tt := os.Getenv("IUGU_API_TOKEN")\n\treturn t\n}}\n'
                      'func ETag() string {{\n\treturn "{token}"\n}}\n'),
    ("quiet/other.go", 'func load() {{\n\tt := os.Getenv("IUGU_API_TOKEN")\n\tetag := "{token}"\n\tuse(t, etag)\n}}\n'),
    # the name read is a digest's
    ("quiet/digest.py", "def digest():\n    h = os.getenv('IUGU_TOKEN_SHA1')\n    if not h:\n        h = '{token}'\n"),
]


def _write(folder: Path, name: str, template: str) -> str:
    """``template`` written at ``folder / name`` with a fresh token; the token."""
    token = iugu_token()
    write_at(folder, name, template.format(token=token))
    return token


@pytest.mark.parametrize("engine", BOTH_ENGINES)
def test_a_token_returned_or_assigned_as_an_env_lookups_fallback_is_found(tmp_path: Path, engine: str) -> None:
    """Each file of :data:`FOUND` gives its finding; those of :data:`NOT_FOUND`, in the same scan, none."""
    folder = tmp_path / "repo"
    tokens = [_write(folder, name, template) for name, template, _ in FOUND]
    tokens += [_write(folder, name, template) for name, template in NOT_FOUND]
    findings, raw = engine_findings(engine, folder)
    for token in tokens:
        assert_absent(token, raw)
    found = {Path(f["location"]["path"]).relative_to(folder).as_posix(): (f["rule_id"], f["location"]["line"])
             for f in findings}
    assert found == {name: (RULE, line) for name, _, line in FOUND}, rule_places(findings)
