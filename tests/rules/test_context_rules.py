"""Context declared in rule files: the evidence form loads with its scopes, strengths, gate and
pieces against; the two first forms (a byte window, a provider host in the file) still load and
judge as before; every mistake is one line naming file, rule and problem (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.credentials import asaas_key
from helpers.packs import acme_token_pack
from helpers.running import cli, scan_json
from helpers.secrecy import assert_absent
from keyaudit.rulebook.context import ANY_PROVIDER, name_parts
from keyaudit.rulebook.loader import load_file, load_rules

PATTERN = "'(?P<name>acme_token)=(?P<secret>[a-z]{12})'"


def _pack(tmp_path: Path, context: str, example: str = "acme_token=qwertyuiopas api.acme.example") -> Path:
    pack = tmp_path / "acme.yaml"
    pack.write_text(acme_token_pack("[acme_token]", PATTERN, context, example), encoding="utf-8")
    return pack


def test_the_evidence_form_loads_every_field(tmp_path: Path) -> None:
    pack = _pack(tmp_path, """
      requires: 3
      gate: [acme]
      evidence:
        - {name: host-in-record, scope: record, provider_host: acme, strength: 2}
        - {name: near, scope: lines, lines: 4, pattern: 'acme', strength: 1}
        - {name: bytes-around, scope: window, bytes: 64, pattern: 'acme'}
        - {name: in-path, scope: path, pattern: 'acme'}
        - {name: sdk, scope: file, pattern: 'AcmeClient\\({name}\\)', strength: 3}
      against:
        - {name: hash-name, scope: name, pattern: '_hash_'}""")
    rule = load_file(pack).rules[0]
    context = rule.context
    assert context is not None and context.requires == 3 and context.gate == ("acme",)
    assert context.gate_literals == (b"acme", b"ACME", b"Acme")
    assert [(p.name, p.scope, p.strength, p.reach) for p in context.evidence] == [
        ("host-in-record", "record", 2, 0), ("near", "lines", 1, 4), ("bytes-around", "window", 1, 64),
        ("in-path", "path", 1, 0), ("sdk", "file", 3, 0)]
    assert context.evidence[0].provider_host == "acme" and context.evidence[4].flows
    assert [(p.name, p.scope) for p in context.against] == [("hash-name", "name")]


@pytest.mark.parametrize(("old", "expected"), [
    ("{pattern: 'acme', window: 64}", [("context", "window", 64, None)]),
    ("{pattern: 'acme'}", [("context", "window", 256, None)]),
    ("{provider_host: file}", [("provider-host", "file", 0, ANY_PROVIDER)]),
])
def test_the_first_forms_load_as_one_piece_of_evidence(tmp_path: Path, old: str,
                                                       expected: list[tuple[str, str, int, str | None]]) -> None:
    rule = next(r for r in load_rules([_pack(tmp_path, old)]).rules if r.id == "acme-token")
    assert rule.context is not None and rule.context.requires == 1
    assert [(p.name, p.scope, p.reach, p.provider_host) for p in rule.context.evidence] == expected


@pytest.mark.parametrize("old", ["{pattern: 'acme\\.example', window: 40}", "{provider_host: file}"])
def test_a_user_rule_of_a_first_form_still_finds_and_names_its_evidence(tmp_path: Path, old: str) -> None:
    pack = _pack(tmp_path, old)
    near = tmp_path / "src" / "near.env"
    near.parent.mkdir()
    near.write_text("ACME_URL=https://api.acme.example\nacme_token=qwertyuiopas\n", encoding="utf-8")
    (tmp_path / "src" / "alone.env").write_text("acme_token=qwertyuiopas\n", encoding="utf-8")
    report, _ = scan_json("--rules", str(pack), str(tmp_path / "src"))
    found = [(f["location"]["path"], f["context"]["evidence"]) for f in report["findings"]]
    scope = "window" if "window" in old else "file"
    line = {"line": 1} if scope == "window" else {}
    assert found == [(str(near), [{"name": "context" if scope == "window" else "provider-host", "scope": scope,
                                   **line}])]


@pytest.mark.parametrize(("context", "problem"), [
    ("{evidence: []}", "'context' needs a piece of 'evidence' or of 'against'"),
    ("{against: [], evidence: []}", "'context' needs a piece of 'evidence' or of 'against'"),
    ("{requires: 1, against: [{name: x, scope: line, pattern: a}]}", "'context.requires' must be a whole number from 0 to 0"),
    ("{evidence: [{name: x, scope: paragraph, pattern: a}]}", "'context.evidence.scope' of 'x' is 'paragraph'"),
    ("{evidence: [{scope: line, pattern: a}]}", "every piece of 'context.evidence' needs a 'name'"),
    ("{evidence: [{name: x, scope: line}]}", "context.evidence 'x' needs either a 'pattern' or a 'provider_host'"),
    ("{evidence: [{name: x, scope: line, pattern: a, provider_host: true}]}", "needs either a 'pattern' or"),
    ("{evidence: [{name: x, scope: path, provider_host: true}]}", "must be true (any provider's hosts)"),
    ("{evidence: [{name: x, scope: line, pattern: '(a'}]}", "context.evidence 'x' does not compile"),
    ("{evidence: [{name: x, scope: line, pattern: a, strength: 0}]}", "'context.evidence.strength' must be"),
    ("{evidence: [{name: x, scope: line, pattern: a, lines: 3}]}", "'lines' is for scope lines"),
    ("{evidence: [{name: x, scope: lines, pattern: a, lines: 99}]}", "'context.evidence.lines' must be"),
    ("{evidence: [{name: x, scope: line, pattern: a, colour: red}]}", "unknown field 'context.evidence.colour'"),
    ("{requires: 3, evidence: [{name: x, scope: line, pattern: a}]}", "more than all its evidence weighs (1)"),
    ("{gate: acme, evidence: [{name: x, scope: line, pattern: a}]}", "'context.gate' must be a list"),
    ("{evidence: [{name: x, scope: line, pattern: a}], colour: red}", "unknown field 'context.colour'"),
    ("{evidence: [{name: x, scope: file, provider_host: nobody}]}", "a provider host of nobody"),
    ("{evidence: [{name: x, scope: line, pattern: a, unless: [x]}]}", "'unless' of 'x' is for pieces of 'against'"),
    ("{evidence: [{name: x, scope: line, pattern: a}], against: [{name: y, scope: name, pattern: b, unless: [z]}]}",
     "'unless' of 'y' names 'z', which is no piece of 'evidence' with a pattern"),
    ("{evidence: [{name: x, scope: file, provider_host: acme}], against: [{name: y, scope: name, pattern: b, "
     "unless: [x]}]}", "'unless' of 'y' names 'x', which is no piece"),
    ("{evidence: [{name: x, scope: line, pattern: a}], against: [{name: y, scope: file, provider_host: acme, "
     "unless: [x]}]}", "a provider_host piece cannot be waived"),
    ("{evidence: [{name: x, scope: line, pattern: a}], against: [{name: y, scope: name, pattern: b, unless: x}]}",
     "'context.against.unless' of 'y' must be a list of evidence names"),
    ("{pattern: 'a', window: 99999}", "'context.window' must be a number of bytes"),
    ("{provider_host: line}", "'context.provider_host' must be one of file"),
    ("[acme]", "'context' must be a mapping with 'evidence'"),
])
def test_a_bad_context_is_one_line(tmp_path: Path, context: str, problem: str) -> None:
    pack = _pack(tmp_path, context)
    run = cli("rules", "test", str(pack))
    assert run.exit_code == 2, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and str(pack) in lines[0] and "acme-token" in lines[0], run.stderr
    assert problem in lines[0], lines[0]


def test_a_piece_against_is_waived_only_where_the_evidence_it_names_is_found(tmp_path: Path) -> None:
    # A name that says another product's vetoes the hit, unless the value is handed to this provider's client:
    # then the name is a misnomer. The waiver is the piece's own; a veto without `unless` still holds.
    pack = tmp_path / "acme.yaml"
    pack.write_text(acme_token_pack("[token]", "'(?P<name>[a-z_]*token)=(?P<secret>[a-z]{12})'", """
      evidence:
        - {name: given-to-client, scope: file, strength: 2, pattern: 'AcmeClient\\({name}\\)'}
        - {name: acme-named, scope: file, pattern: 'acme'}
      against:
        - {name: other-product, scope: name, pattern: '_other_', unless: [given-to-client]}
        - {name: hash-name, scope: name, pattern: '_hash_'}""", "acme token=qwertyuiopas"), encoding="utf-8")
    src = tmp_path / "src"
    src.mkdir()
    files = {"given.py": "other_token=qwertyuiopas\nAcmeClient(other_token)\n",
             "kept.py": "other_token=qwertyuiopas\nacme = AcmeClient(mine)\n",
             "hash.py": "hash_token=qwertyuiopas\nAcmeClient(hash_token)\n",
             "plain.py": "my_token=qwertyuiopas\nimport acme\n"}
    for name, text in files.items():
        (src / name).write_text(text, encoding="utf-8")
    report, _ = scan_json("--rules", str(pack), str(src))
    found = {Path(f["location"]["path"]).name: [p["name"] for p in f["context"]["evidence"]]
             for f in report["findings"] if f["rule_id"] == "acme-token"}
    assert found == {"given.py": ["given-to-client"], "plain.py": ["acme-named"]}


def test_a_name_piece_needs_a_name_group(tmp_path: Path) -> None:
    pack = tmp_path / "acme.yaml"
    pack.write_text(acme_token_pack("[acme_token]", PATTERN.replace("(?P<name>acme_token)", "acme_token"),
                                    "{evidence: [{name: x, scope: name, pattern: _token_}]}", "acme_token=qwertyuiopas"),
                    encoding="utf-8")
    run = cli("rules", "test", str(pack))
    assert run.exit_code == 2 and "needs a group 'name'" in run.stderr


@pytest.mark.parametrize(("name", "parts"), [
    ("apiToken", "_api_token_"), ("API_TOKEN", "_api_token_"), ("ApiToken", "_api_token_"),
    ("api-token", "_api_token_"), ("api.token", "_api_token_"), ("APIToken", "_api_token_"),
    ("TokenApi", "_token_api_"), ("$iuguToken", "_iugu_token_"), ("self.token", "_self_token_"),
    ("IUGU_API_TOKEN2", "_iugu_api_token2_"), ("api_key_md5", "_api_key_md5_"), ("tokenSHA256", "_token_sha256_"),
    ("2fa_token", "_2_fa_token_"),
])
def test_names_are_compared_by_their_parts(name: str, parts: str) -> None:
    assert name_parts(name) == parts


@pytest.mark.parametrize("dedupe", [True, False])
def test_a_key_sent_to_the_other_environment_is_one_mismatch_naming_the_key(tmp_path: Path, dedupe: bool) -> None:
    # The request rule judged each request the key went in; the text rule saw the key paired with
    # the production host in the same record: one finding a request, the request rule's, which names
    # the key (the one to move) and is placed on it (the dump's on its header line). A key of the other
    # environment 60 lines on, in a record no request is read from, keeps the text rule's finding.
    sandbox, production = asaas_key("hmlg"), asaas_key()
    text = (json.dumps({"ts": "2026-11-22T10:00:00Z", "method": "GET", "url": "https://api.asaas.com/v3/customers",
                        "headers": {"User-Agent": "shop/1.0", "access_token": sandbox}}) + "\n"
            + f"GET https://api.asaas.com/v3/payments HTTP/1.1\nUser-Agent: shop/1.0\naccess_token: {sandbox}\n\n"
            + "\n" * 60 + json.dumps({"asaas": {"url": "https://sandbox.asaas.com/api/v3", "key": production}}) + "\n")
    (tmp_path / "app.log").write_text(text)
    report, run = scan_json(*([] if dedupe else ["--no-dedupe"]), str(tmp_path))
    mismatches = [f for f in report["findings"] if f["category"] == "environment-mismatch"]
    config_line = text.count("\n", 0, text.index('{"asaas"')) + 1
    assert [(f["rule_id"], f["location"]["line"]) for f in mismatches] == [
        ("asaas-sandbox-key-to-production", 1), *([] if dedupe else [("asaas-sandbox-key-to-production", 4)]),
        ("asaas-production-key-near-sandbox-host", config_line)]
    # with dedupe, the two requests that sent the key are one finding of the key in the file
    assert mismatches[0]["occurrences"]["count"] == (2 if dedupe else 1)
    assert mismatches[0]["secret"]["redacted"].startswith("$aact_hmlg_")
    assert mismatches[0]["environment"] == "sandbox" and mismatches[-1]["environment"] == "production"
    assert_absent(sandbox, run.stdout, run.stderr, what="the sandbox key")


def test_a_provider_url_over_plain_http_in_a_comment_is_no_call_and_one_in_code_is(tmp_path: Path) -> None:
    # A context of pieces against alone: the URL is a finding unless its line is a comment.
    (tmp_path / "client.py").write_text(
        "import requests\n"
        "# BASE = 'http://api.iugu.com/v1'  (before TLS was enforced)\n"
        "BASE = 'https://api.iugu.com/v1'\n", encoding="utf-8")
    (tmp_path / "Client.java").write_text(
        "/**\n * The v2 API lived at http://www.asaas.com/api/v2 once.\n */\n"
        "class Client { String base = \"http://api.asaas.com/v3\"; }\n",
        encoding="utf-8")
    (tmp_path / "curl.log").write_text("* Issue another request to this URL: 'http://api.iugu.com/v1/invoices'\n",
                                       encoding="utf-8")
    report, _ = scan_json(str(tmp_path))
    found = sorted((Path(f["location"]["path"]).name, f["location"]["line"], f["rule_id"]) for f in report["findings"]
                   if f["category"] == "plaintext-http" and not f["context"].get("method"))
    assert found == [("Client.java", 4, "asaas-plaintext-http"), ("curl.log", 1, "iugu-plaintext-http")]
