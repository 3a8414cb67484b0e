"""Credentials in names: a dump saved under its key's name, a folder named for a key, an archive
member named for one, a damaged file named for a bare iugu token. No report format, no error or
skipped line and no baseline shows any of them whole; the files are still named (redacted), and a
baseline written from such a scan hides its findings in the next one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers.archives import tar_bytes
from helpers.credentials import asaas_key, iugu_token
from helpers.running import cli
from helpers.secrecy import assert_none_leaked, scrub
from helpers.trees import Secrets, truncated_gzip
from keyaudit.model.secrets import redact
from keyaudit.report import FORMATS


@pytest.fixture
def named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Secrets:
    """Files and folders named for credentials; the credentials by name."""
    monkeypatch.chdir(tmp_path)
    secrets = Secrets({"folder": asaas_key(), "file": asaas_key(), "member": asaas_key(), "inside": asaas_key(),
                       "token": iugu_token(), "skipped": asaas_key()})
    (tmp_path / f"d_{secrets['folder']}").mkdir()
    (tmp_path / f"d_{secrets['folder']}" / "a.env").write_text(f"ASAAS_API_KEY={secrets['inside']}\n")
    (tmp_path / f"dump_{secrets['file']}.log").write_text(f"ASAAS_API_KEY={secrets['inside']}\n")
    (tmp_path / "logs.tar").write_bytes(tar_bytes({f"keys_{secrets['member']}.txt":
                                                   f"ASAAS_API_KEY={secrets['inside']}\n".encode()}))
    (tmp_path / f"token_{secrets['token']}.log.gz").write_bytes(truncated_gzip(b"nothing here\n" * 50))
    (tmp_path / ".keyauditignore").write_text("ignored_*\n")
    (tmp_path / f"ignored_{secrets['skipped']}.log").write_text("x\n")
    return secrets


def leaked_by(secrets: Secrets) -> dict[str, str]:
    """Every credential but the one the files hold (which the findings show redacted, as always),
    without the ``$`` a URI (SARIF's) writes as ``%24``."""
    return {name: secret.lstrip("$") for name, secret in secrets.items() if name != "inside"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_format_and_no_stderr_line_shows_a_credential_of_a_name(named: Secrets, fmt: str) -> None:
    run = cli("scan", "--format", fmt, "--jobs", "1", "-v", ".")
    assert run.exit_code == 1, scrub(run.stderr)
    assert_none_leaked(leaked_by(named), stdout=run.stdout, stderr=run.stderr)
    listed = all(part in run.stdout.replace("%24", "$") for part in ("d_$aact_", "dump_$aact_", "keys_$aact_"))
    assert listed, "the report does not name the files (the check would be vacuous)"
    assert f"token_{redact(named['token'])}.log.gz" in run.stderr, scrub(run.stderr)
    assert "ignored_$aact_" in run.stderr, scrub(run.stderr)


def test_json_paths_are_redacted_names_and_the_error_names_the_file(named: Secrets) -> None:
    run = cli("scan", "--format", "json", "--jobs", "1", ".")
    report = json.loads(run.stdout)
    paths = sorted(finding["location"]["path"] for finding in report["findings"])
    shown = {name: f"$aact_prod_000{redact(secret.removeprefix('$aact_prod_000'))}" for name, secret in named.items()}
    for name in ("folder", "file", "member"):  # the rule's redacted form: the key's prefix stays
        assert any(shown[name] in path for path in paths), scrub(json.dumps(paths))
    assert [error["path"] for error in report["errors"]] == [f"token_{redact(named['token'])}.log.gz"]


def test_a_baseline_written_from_such_a_scan_shows_no_credential_and_hides_the_findings(named: Secrets) -> None:
    written = cli("scan", "--jobs", "1", "--write-baseline", "base.json", ".")
    assert written.exit_code == 0, scrub(written.stderr)
    assert_none_leaked(leaked_by(named), baseline=Path("base.json").read_text(), stderr=written.stderr)
    again = cli("scan", "--format", "json", "--jobs", "1", "--baseline", "base.json", ".")
    assert again.exit_code == 0, scrub(again.stderr)
    assert json.loads(again.stdout)["findings"] == []


def test_a_target_named_for_a_credential_is_shown_redacted(named: Secrets) -> None:
    run = cli("scan", "--format", "json", "--jobs", "1", f"dump_{named['file']}.log", "missing_" + named["skipped"])
    assert_none_leaked(leaked_by(named), stdout=run.stdout, stderr=run.stderr)
    assert len(json.loads(run.stdout)["scan"]["targets"]) == 2
