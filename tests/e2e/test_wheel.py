"""The installed wheel, not the source tree: built once and installed into a fresh virtual
environment (the ``installed_wheel`` fixture), then that environment's ``keyaudit`` command and
Python API run from a folder far from the repository, so the rules and the schema can only come
from inside the wheel."""

from __future__ import annotations

import hashlib
import json
import textwrap
import zipfile
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

from helpers.credentials import asaas_key, iugu_line, iugu_token
from helpers.data import REPO
from helpers.secrecy import assert_none_leaked, scrub
from helpers.wheel import Installed, isolated as run


def shipped_rule_ids() -> set[str]:
    ids: set[str] = set()
    for path in (REPO / "rules").glob("*.yaml"):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        ids |= {rule["id"] for key in ("rules", "request_rules") for rule in document.get(key) or []}
    return ids


def test_the_built_wheel_installs_and_scans_with_its_own_rules(installed_wheel: Installed, tmp_path: Path) -> None:
    # the wheel carries the rules and the schema, as files of the package
    with zipfile.ZipFile(installed_wheel.wheel) as wheel:
        names = set(wheel.namelist())
        packaged_rules = {n.removeprefix("keyaudit/rules/") for n in names
                          if n.startswith("keyaudit/rules/") and n.endswith(".yaml")}
        assert packaged_rules == {p.name for p in (REPO / "rules").glob("*.yaml")}
        assert "keyaudit/schemas/report.schema.json" in names
        schema = (REPO / "schemas" / "report.schema.json").read_bytes()
        assert wheel.read("keyaudit/schemas/report.schema.json") == schema
        for shipped in ("ecs-index-template.json", "siem/filebeat.yml", "siem/vector.toml"):  # for SIEM set-ups
            assert wheel.read(f"keyaudit/schemas/{shipped}") == (REPO / "schemas" / shipped).read_bytes()
        assert {"keyaudit/cli/__init__.py", "keyaudit/api.py"} <= names
        assert not any(n.startswith(("tests/", "rules/")) for n in names)

    python, keyaudit, venv = installed_wheel.python, installed_wheel.keyaudit, installed_wheel.venv
    work = tmp_path / "work"  # far from the repository: nothing there to fall back on
    work.mkdir()
    where = run([str(python), "-c", "import keyaudit, keyaudit.rulebook.loader as r; print(keyaudit.__file__); "
                 "print(r.shipped_rules_dir())"], cwd=work)
    assert where.returncode == 0, where.stderr
    package_file, rules_dir = (Path(line) for line in where.stdout.splitlines())
    assert package_file.resolve().is_relative_to(venv.resolve())
    assert rules_dir.resolve().is_relative_to(venv.resolve()) and (rules_dir / "iugu.yaml").is_file()

    listed = run([str(keyaudit), "rules", "list"], cwd=work)
    assert listed.returncode == 0, listed.stderr
    ids = {line.split()[0] for line in listed.stdout.splitlines() if line.strip()}
    assert shipped_rule_ids() <= ids

    version = run([str(keyaudit), "--version"], cwd=work)
    assert version.returncode == 0 and version.stdout.startswith("keyaudit ")

    key, token = asaas_key(), iugu_token()
    (work / "app.log").write_text(f"boot\nASAAS_API_KEY={key}\n{iugu_line(token)}\n")
    scanned = run([str(keyaudit), "scan", "--format", "json", "--jobs", "1", "app.log"], cwd=work)
    code = scanned.returncode
    assert code == 1, scrub(scanned.stderr)
    leaked = key in scanned.stdout or token in scanned.stdout or key in scanned.stderr or token in scanned.stderr
    assert not leaked, "a secret leaked from the installed tool"
    report = json.loads(scanned.stdout)
    digests = {f["secret"]["digest"] for f in report["findings"] if f["secret"]}
    expected = {"sha256:" + hashlib.sha256(v.encode()).hexdigest() for v in (key[len("$aact_prod_000"):], token)}
    assert expected <= digests
    assert sorted((f["location"]["path"], f["location"]["line"]) for f in report["findings"]) == \
        [("app.log", 2), ("app.log", 3)]
    schema = json.loads((package_file.parent / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    assert [e.json_path for e in Draft202012Validator(schema).iter_errors(report)] == []


API_PROGRAM = textwrap.dedent("""
    import gzip, json, sys

    import keyaudit

    loaded = sorted(name for name in sys.modules if name.startswith("keyaudit"))
    text = sys.stdin.read()


    def rows(result):
        return [[f.location.path, f.location.line, f.rule_id, f.secret.digest() if f.secret else None]
                for f in result.findings]


    try:
        keyaudit.scan("settings.env", jobs=0)
    except keyaudit.OptionError as error:
        problem = str(error)
    print(json.dumps({"file": keyaudit.__file__, "loaded": loaded, "problem": problem,
                      "text": rows(keyaudit.scan_text(text, name="settings.env")),
                      "bytes": rows(keyaudit.scan_bytes(gzip.compress(text.encode()), name="settings.env")),
                      "path": rows(keyaudit.scan(["settings.env"], jobs=1))}))
""")


def test_the_installed_wheel_serves_the_python_api(installed_wheel: Installed, tmp_path: Path) -> None:
    """A program far from the repository imports the installed package: text, compressed bytes and
    a file give the same findings, request rules included, from the wheel's own rules."""
    key, token = asaas_key(), iugu_token()
    text = (f"ASAAS_API_KEY={key}\n{iugu_line(token)}\n"
            "curl -X POST http://api.asaas.com/v3/transfers -d '{\"value\": 10}'\n")
    work = tmp_path / "work"
    work.mkdir()
    (work / "settings.env").write_text(text)
    (work / "program.py").write_text(API_PROGRAM)
    ran = run([str(installed_wheel.python), "program.py"], cwd=work, input=text)
    assert ran.returncode == 0, scrub(ran.stderr[-3000:])
    assert_none_leaked({"asaas": key, "iugu": token}, stdout=ran.stdout, stderr=ran.stderr)
    out = json.loads(ran.stdout)
    assert Path(out["file"]).resolve().is_relative_to(installed_wheel.venv.resolve())
    assert out["loaded"] == ["keyaudit"]  # the API is loaded when first used, not by the import
    assert out["problem"] == "option 'jobs' must be a whole number >= 1"
    key_digest, token_digest = ("sha256:" + hashlib.sha256(value.encode()).hexdigest()
                                for value in (key[len("$aact_prod_000"):], token))
    expected = [["settings.env", 1, "asaas-api-key", key_digest], ["settings.env", 2, "iugu-api-token", token_digest],
                ["settings.env", 3, "asaas-plaintext-request", None], ["settings.env", 3, "asaas-unsigned-transfer", None]]
    assert out["text"] == out["bytes"] == out["path"] == expected
