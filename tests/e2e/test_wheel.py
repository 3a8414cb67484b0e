"""The installed wheel, not the source tree: build it, install it into a fresh virtual environment,
and run that environment's ``keyaudit`` from a folder far from the repository, so the rules and
the schema can only come from inside the wheel."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

from helpers.credentials import asaas_key, iugu_line, iugu_token
from helpers.data import REPO
from helpers.secrecy import scrub


def run(args: list[str], cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env.pop("KEYAUDIT_DEBUG", None)
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def shipped_rule_ids() -> set[str]:
    ids: set[str] = set()
    for path in (REPO / "rules").glob("*.yaml"):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        ids |= {rule["id"] for key in ("rules", "request_rules") for rule in document.get(key) or []}
    return ids


def test_the_built_wheel_installs_and_scans_with_its_own_rules(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    built = run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)], cwd=tmp_path)
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    wheels = list(dist.glob("keyaudit-*.whl"))
    assert len(wheels) == 1

    # the wheel carries the rules and the schema, as files of the package
    with zipfile.ZipFile(wheels[0]) as wheel:
        names = set(wheel.namelist())
        packaged_rules = {n.removeprefix("keyaudit/rules/") for n in names
                          if n.startswith("keyaudit/rules/") and n.endswith(".yaml")}
        assert packaged_rules == {p.name for p in (REPO / "rules").glob("*.yaml")}
        assert "keyaudit/schemas/report.schema.json" in names
        schema = (REPO / "schemas" / "report.schema.json").read_bytes()
        assert wheel.read("keyaudit/schemas/report.schema.json") == schema
        for shipped in ("ecs-index-template.json", "siem/filebeat.yml", "siem/vector.toml"):  # for SIEM set-ups
            assert wheel.read(f"keyaudit/schemas/{shipped}") == (REPO / "schemas" / shipped).read_bytes()
        assert "keyaudit/cli/__init__.py" in names
        assert not any(n.startswith(("tests/", "rules/")) for n in names)

    venv = tmp_path / "venv"
    created = run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    python, keyaudit = venv / "bin" / "python", venv / "bin" / "keyaudit"
    installed = run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheels[0])],
                    cwd=tmp_path)
    assert installed.returncode == 0, installed.stdout[-3000:] + installed.stderr[-3000:]

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
