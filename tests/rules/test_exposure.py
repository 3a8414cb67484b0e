"""Where a credential ends up, through the CLI on real trees and captures: code delivered to
browsers and phones (browser-exposure) and production keys in development, test or staging
configuration or sent to such hosts (production-key-outside-production) — and the ordinary cases
(a key in a backend's .env, a server-side request) left as they were."""

from __future__ import annotations

import json
import random
import subprocess
import zipfile
from pathlib import Path

import jsonschema
import pytest

from helpers.code_scanning import code_scanning_problems, schema_problems
from helpers.credentials import asaas_key, basic, iugu_token
from helpers.data import load_schema
from helpers.har import entry, har
from helpers.running import cli, scan_json
from helpers.secrecy import assert_absent

NEW = ("browser-exposure", "production-key-outside-production")
CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


@pytest.fixture(autouse=True)
def _neutral_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def by_file(report: dict) -> dict[str, list[tuple[str, str, str]]]:
    """(rule, category, severity) of the findings of each file, by path relative to the scan."""
    found: dict[str, list[tuple[str, str, str]]] = {}
    for finding in report["findings"]:
        found.setdefault(finding["location"]["path"], []).append(
            (finding["rule_id"], finding["category"], finding["severity"]))
    return found


def test_a_front_end_app_tree_is_browser_exposure_and_its_backend_is_not(tmp_path: Path) -> None:
    prod, sandbox, token = asaas_key(), asaas_key("hmlg"), iugu_token("upper")
    write(tmp_path, "shop/web/package.json", '{"name": "web", "dependencies": {"react": "^18.3.1", "vite": "^5"}}')
    write(tmp_path, "shop/web/src/components/Checkout.tsx", f'export const ASAAS = "{prod}";\n')
    write(tmp_path, "shop/web/dist/assets/index-4f2a91c3.js", f'const e="{sandbox}";fetch(u,{{headers:{{access_token:e}}}})')
    write(tmp_path, "shop/web/public/pay.html",
          f'<script>fetch("https://api.iugu.com/v1/invoices?api_token={token}")</script>\n')
    write(tmp_path, "shop/web/.env", f"VITE_ASAAS_KEY={prod}\nASAAS_API_KEY={prod}\n")
    write(tmp_path, "shop/mobile/android/app/src/main/res/values/strings.xml",
          f'<resources><string name="asaas">{prod}</string></resources>\n')
    # the backend: a Node server (no UI framework), and a key in its own .env
    write(tmp_path, "shop/api/package.json", '{"name": "api", "dependencies": {"express": "^4"}}')
    write(tmp_path, "shop/api/src/asaas.ts", f'export const key = "{prod}";\n')
    write(tmp_path, "shop/api/.env", f"ASAAS_API_KEY={prod}\n")
    write(tmp_path, "shop/web/public/checkout.php", f"<?php $key = '{prod}';\n")
    report, run = scan_json("--no-dedupe", "shop")
    assert run.exit_code == 1 and report["errors"] == []
    jsonschema.validate(report, load_schema())
    assert by_file(report) == {
        "shop/web/src/components/Checkout.tsx": [("asaas-key-in-client-code", "browser-exposure", "critical")],
        "shop/web/dist/assets/index-4f2a91c3.js": [("asaas-key-in-client-code", "browser-exposure", "high")],
        "shop/web/public/pay.html": [("iugu-token-in-client-code", "browser-exposure", "critical")],
        # the VITE_ variable is compiled into the bundle; the other is the build's own
        "shop/web/.env": [("asaas-key-in-client-code", "browser-exposure", "critical"),
                          ("asaas-api-key", "access-token", "critical")],
        "shop/mobile/android/app/src/main/res/values/strings.xml": [
            ("asaas-key-in-client-code", "browser-exposure", "critical")],
        "shop/api/src/asaas.ts": [("asaas-api-key", "access-token", "critical")],
        "shop/api/.env": [("asaas-api-key", "access-token", "critical")],
        "shop/web/public/checkout.php": [("asaas-api-key", "access-token", "critical")],  # server code in a web root
    }
    exposed = [f for f in report["findings"] if f["category"] == "browser-exposure"]
    assert {f["context"]["secret_rule"] for f in exposed} == {"asaas-api-key", "asaas-sandbox-api-key", "iugu-api-token"}
    assert {f["context"]["place"] for f in exposed} == {"client"}
    for secret in (prod, sandbox, token):
        assert_absent(secret, run.stdout, run.stderr, what="a planted credential")


def test_one_finding_per_place_whether_folded_or_not(tmp_path: Path) -> None:
    """The place rule takes the secret finding over: no access-token finding of the same secret
    at the same spot beside it, so a SIEM sees one fingerprint per place."""
    prod = asaas_key()
    write(tmp_path, "site/static/app.min.js", f'var a="{prod}";\nvar b="{prod}";\n')
    report, _ = scan_json("site")
    assert [(f["rule_id"], f["occurrences"]["count"]) for f in report["findings"]] == [("asaas-key-in-client-code", 2)]


def test_a_bundle_inside_an_archive_is_placed_by_its_member_path(tmp_path: Path) -> None:
    prod = asaas_key()
    with zipfile.ZipFile(tmp_path / "release.zip", "w") as archive:
        archive.writestr("dist/main.js", f'const k="{prod}";')
        archive.writestr("server/settings.env", f"ASAAS_API_KEY={prod}\n")
    report, _ = scan_json("release.zip")
    assert by_file(report) == {"release.zip!dist/main.js": [("asaas-key-in-client-code", "browser-exposure", "critical")],
                               "release.zip!server/settings.env": [("asaas-api-key", "access-token", "critical")]}


def test_production_keys_in_development_test_and_staging_configuration(tmp_path: Path) -> None:
    prod, sandbox = asaas_key(), asaas_key("hmlg")
    files = {
        "app/.env.staging": f"ASAAS_API_KEY={prod}\n",
        "app/appsettings.Development.json": json.dumps({"Asaas": {"ApiKey": prod}}),
        "app/config/environments/development.rb": f'config.asaas_key = "{prod}"\n',
        "app/docker-compose.override.yml": f"services:\n  api:\n    environment:\n      ASAAS_API_KEY: {prod}\n",
        "app/spec/fixtures/customer.json": json.dumps({"access_token": prod}),
        "app/src/main/resources/application-dev.yml": f"asaas:\n  key: {prod}\n",
    }
    for relative, text in files.items():
        write(tmp_path, relative, text)
    # the ordinary cases: a sandbox key in staging, the production key in production configuration
    write(tmp_path, "app/.env.test", f"ASAAS_API_KEY={sandbox}\n")
    write(tmp_path, "app/.env.production", f"ASAAS_API_KEY={prod}\n")
    report, run = scan_json("app")
    found = by_file(report)
    assert {path: found[path] for path in files} == {
        path: [("asaas-production-key-outside-production", "production-key-outside-production", "critical")]
        for path in files}
    assert found["app/.env.test"] == [("asaas-sandbox-api-key", "access-token", "high")]
    assert found["app/.env.production"] == [("asaas-api-key", "access-token", "critical")]
    outside = [f for f in report["findings"] if f["category"] == "production-key-outside-production"]
    assert {f["context"]["place"] for f in outside} == {"non-production"}
    assert all(f["environment"] == "production" for f in outside)
    assert_absent(prod, run.stdout, run.stderr, what="the production key")


def test_only_folders_below_what_was_scanned_place_a_file(tmp_path: Path) -> None:
    """A CI checkout under /builds/test/…, a server's /var/www/…: the folders above a scanned
    folder say nothing about its files; the folders below it, and a git work tree's own folders
    (scanned from inside one of them), do."""
    prod = asaas_key()
    for checkout in ("builds/test/shop", "var/www/shop"):
        write(tmp_path, f"{checkout}/config/settings.py", f'ASAAS_API_KEY = "{prod}"\n')
        write(tmp_path, f"{checkout}/test/settings.py", f'ASAAS_API_KEY = "{prod}"\n')
    report, _ = scan_json(str(tmp_path / "builds/test/shop"), str(tmp_path / "var/www/shop"))
    assert {Path(path).relative_to(tmp_path).as_posix(): rules for path, rules in by_file(report).items()} == {
        f"{checkout}/{place}/settings.py": [rule]
        for checkout in ("builds/test/shop", "var/www/shop")
        for place, rule in (("config", ("asaas-api-key", "access-token", "critical")),
                            ("test", ("asaas-production-key-outside-production", "production-key-outside-production",
                                      "critical")))}
    subprocess.run(["git", "init", "-q", str(tmp_path / "var/www/shop")], check=True)
    report, _ = scan_json(str(tmp_path / "var/www/shop/test"))  # below the work tree's top: test/settings.py
    assert [f["category"] for f in report["findings"]] == ["production-key-outside-production"]


def test_a_har_with_a_browser_calling_the_providers_is_browser_exposure(tmp_path: Path) -> None:
    prod, sandbox, token = asaas_key(), asaas_key("hmlg"), iugu_token()
    capture = tmp_path / "checkout.har"
    capture.write_text(json.dumps(har([
        entry("POST", "https://api.asaas.com/v3/payments",
              {"Origin": "https://loja.example.com", "User-Agent": CHROME, "access_token": prod}, "{}"),
        entry("GET", "https://api-sandbox.asaas.com/v3/customers",
              {"Sec-Fetch-Mode": "cors", "User-Agent": CHROME, "access_token": sandbox}),
        entry("GET", "https://api.iugu.com/v1/invoices",
              {"Origin": "https://loja.example.com", "Authorization": f"Basic {basic(token)}"}),
        # server-side calls: curl's User-Agent, even with a browser's Origin copied in; no browser marks at all
        entry("GET", "https://api.asaas.com/v3/customers",
              {"Origin": "https://loja.example.com", "User-Agent": "curl/8.5.0", "access_token": prod}),
        entry("GET", "https://api.asaas.com/v3/payments", {"User-Agent": "shop-backend/2.1", "access_token": prod}),
        # a browser calling the provider without a credential (iugu.js tokenising a card)
        entry("POST", "https://api.iugu.com/v1/payment_token", {"Origin": "https://loja.example.com",
                                                                  "User-Agent": CHROME}, '{"method": "credit_card"}'),
    ]), indent=1))
    report, run = scan_json(str(capture))
    exposed = sorted((f["context"]["har_entry"], f["rule_id"], f["severity"]) for f in report["findings"]
                     if f["category"] == "browser-exposure")
    assert exposed == [(0, "asaas-production-key-sent-from-browser", "critical"),
                       (1, "asaas-key-sent-from-browser", "high"),
                       (2, "iugu-token-sent-from-browser", "critical")]
    first = next(f for f in report["findings"] if f["rule_id"] == "asaas-production-key-sent-from-browser")
    assert "sent by a browser (Origin: https://loja.example.com)" in first["message"]
    assert first["secret"] is None and first["context"]["url"] == "https://api.asaas.com/v3/payments"
    # the credential in the header keeps its own finding: the request finding stands for the request
    assert {(f["rule_id"], f["context"]["har_entry"]) for f in report["findings"] if f["category"] == "access-token"} >= \
        {("asaas-api-key", 0), ("asaas-sandbox-api-key", 1)}
    for secret in (prod, sandbox, token):
        assert_absent(secret, run.stdout, run.stderr, what="a planted credential")


def test_a_production_key_sent_to_non_production_hosts_in_captured_requests(tmp_path: Path) -> None:
    prod, sandbox = asaas_key(), asaas_key("hmlg")
    script = tmp_path / "try.sh"
    script.write_text(
        "#!/bin/sh\n"
        f"curl -s -H 'access_token: {prod}' http://localhost:3000/v3/payments\n"                     # 2
        f"curl -s -H 'access_token: {prod}' https://api.asaas.com/v3/payments\n"                     # 3
        f"curl -s -H 'access_token: {sandbox}' https://payments.staging.loja.example/v3/payments\n"  # 4
        f"curl -s -H 'access_token: {prod}' https://4f2a-177-10-2-3.ngrok-free.app/webhooks\n",      # 5
        encoding="utf-8")
    log = tmp_path / "requests.jsonl"
    log.write_text(json.dumps({"time": "2026-11-23T12:00:00Z", "method": "GET",
                               "url": "https://api-hml.loja.example/v3/customers",
                               "headers": {"User-Agent": "shop/1.0", "access_token": prod}}) + "\n", encoding="utf-8")
    report, run = scan_json(str(script), str(log))
    outside = [(Path(f["location"]["path"]).name, f["location"]["line"], f["message"]) for f in report["findings"]
               if f["rule_id"] == "asaas-production-key-to-non-production-host"]
    assert sorted((name, line) for name, line, _ in outside) == [("requests.jsonl", 1), ("try.sh", 2), ("try.sh", 5)]
    assert any(line == 2 and "to localhost (non-production)" in message for _, line, message in outside)
    assert_absent(prod, run.stdout, run.stderr, what="the production key")


def test_the_new_rules_are_listed_and_described_in_sarif(tmp_path: Path) -> None:
    listed = cli("rules", "list").stdout
    for category in NEW:
        assert category in listed
    write(tmp_path, "web/dist/app.js", f'const k="{asaas_key()}";\n')
    write(tmp_path, "web/.env.staging", f"ASAAS_API_KEY={asaas_key()}\n")
    run = cli("scan", "--format", "sarif", "--jobs", "1", "web")
    sarif = json.loads(run.stdout)
    assert schema_problems(sarif) == [] and code_scanning_problems(sarif, run.stdout.encode()) == []
    rules = {rule["id"]: rule for rule in sarif["runs"][0]["tool"]["driver"]["rules"]}
    for rule_id in ("asaas-key-in-client-code", "asaas-production-key-outside-production"):
        assert rules[rule_id]["helpUri"].startswith("https://docs.asaas.com/")
        assert "renew" in rules["asaas-production-key-outside-production"]["help"]["text"].lower()
    assert {result["ruleId"] for result in sarif["runs"][0]["results"]} == {
        "asaas-key-in-client-code", "asaas-production-key-outside-production"}


@pytest.mark.parametrize(("pack", "problem"), [
    ("place_rules:\n  - {id: mine, title: t, provider: acme, category: browser-exposure, severity: high,\n"
     "     takes_over: [access-token], places: [kiosk]}\n", "names 'kiosk', which no rule file's 'places:' defines"),
    ("request_rules:\n  - {id: mine, title: t, provider: acme, category: misuse, severity: low,\n"
     "     when: {sent_by: [fax]}}\n", "names 'fax', which no rule file's 'senders:' defines"),
    ("places:\n  - {id: kiosk, names: '(unclosed'}\n", "names does not compile"),
    ("place_rules:\n  - {id: mine, title: t, provider: acme, category: browser-exposure, severity: high,\n"
     "     takes_over: [access-token], places: [client], examples: ['dist/a.js']}\n",
     "each of 'examples' must be a mapping of a 'path' (one line) and a 'text'"),
])
def test_a_broken_place_or_sender_reference_is_one_line_naming_it(tmp_path: Path, pack: str, problem: str) -> None:
    (tmp_path / "mine.yaml").write_text(pack, encoding="utf-8")
    run = cli("rules", "list", "--rules", str(tmp_path / "mine.yaml"))
    assert run.exit_code == 2
    assert problem in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_a_user_place_rule_reuses_the_shipped_places(tmp_path: Path) -> None:
    """The places are a classification any rule can name: a user's rule for another provider's
    findings in the shipped `client` place, with its own examples checked."""
    (tmp_path / "mine.yaml").write_text("""place_rules:
  - id: iugu-token-in-client-code
    title: iugu token shipped to a kiosk
    provider: iugu
    category: browser-exposure
    severity: critical
    takes_over: [access-token]
    places: [client]
    references: [https://dev.iugu.com/docs/tokens-de-autenticacao]
    remediation: Replace the token.
    examples:
      - {path: server/app.js, text: "Iugu.api_key = '411f7740c0cca6e85c131fab493b166e'"}
""", encoding="utf-8")
    run = cli("rules", "test", str(tmp_path / "mine.yaml"))
    assert run.exit_code == 1
    assert "rule 'iugu-token-in-client-code': example 1 was not found" in run.stdout


def test_mobile_apps_are_known_by_their_manifests(tmp_path: Path) -> None:
    """React Native compiles the app's .env in (react-native-config) and Flutter bundles its
    assets; the same files in a server project are the server's."""
    prod, token = asaas_key(), iugu_token("long")
    write(tmp_path, "rn/package.json", '{"dependencies": {"react-native": "0.76.0", "react-native-config": "^1.5"}}')
    write(tmp_path, "rn/.env", f"ASAAS_API_KEY={prod}\n")
    write(tmp_path, "flutter_app/pubspec.yaml", "name: loja\ndependencies:\n  flutter:\n    sdk: flutter\n")
    write(tmp_path, "flutter_app/lib/payments.dart", f"const iuguApiToken = '{token}'; // api.iugu.com\n")
    write(tmp_path, "ios/Loja/Info.plist", f"<dict><key>AsaasKey</key><string>{prod}</string></dict>\n")
    write(tmp_path, "server/package.json", '{"dependencies": {"express": "^4"}}')
    write(tmp_path, "server/.env", f"ASAAS_API_KEY={prod}\n")
    report, _ = scan_json(".")
    assert {path: [rule for rule, _, _ in found] for path, found in by_file(report).items()} == {
        "rn/.env": ["asaas-key-in-client-code"],
        "flutter_app/lib/payments.dart": ["iugu-token-in-client-code"],
        "ios/Loja/Info.plist": ["asaas-key-in-client-code"],
        "server/.env": ["asaas-api-key"],
    }


def test_places_answer_for_every_path_as_all_their_patterns_compiled_do() -> None:
    """A place compiles only the patterns whose plain runs stand in a path (the rest cannot
    match): the shipped places must say of any path what pathspec says with all of them, on
    paths made of the patterns' own words (the near misses: case, suffixes, depth)."""
    import pathspec

    from keyaudit.rulebook.loader import load_rules

    places = list(load_rules([]).places.values())
    words = sorted({word for place in places for pattern in (*place.paths, *place.exceptions)
                    for word in pattern.replace("*", " ").replace("/", " ").replace("!", " ").split()})
    rng = random.Random(14)
    paths = {"/".join(rng.choice(words) + rng.choice(("", ".js", ".html", "x", "-1"))
                      for _ in range(rng.randint(1, 4))) for _ in range(3000)}
    paths |= {word.upper() for word in words} | {f"src/{word}" for word in words}
    answers = 0
    for place in places:
        included = pathspec.GitIgnoreSpec.from_lines(place.paths, backend="simple")
        excepted = pathspec.GitIgnoreSpec.from_lines(place.exceptions, backend="simple")
        for path in paths:
            expected = bool(place.paths) and included.match_file(path) and not excepted.match_file(path)
            assert place.holds_path(path) == expected, (place.id, path)
            answers += expected
    assert answers > 100  # the paths reach into the places, not only past them
