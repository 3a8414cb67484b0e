"""The pre-commit user: staged content in real git repositories, the plain git hook, allow markers,
the baseline. The pre-commit framework's own runs are in test_precommit_framework.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from helpers.repos import git, new_repo, stage
from helpers.secrecy import absent


def keyaudit(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KEYAUDIT_DIGEST_KEY": ""}
    env.pop("PRE_COMMIT", None)
    return subprocess.run([sys.executable, "-m", "keyaudit", *args], cwd=repo, capture_output=True, text=True, env=env)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return new_repo(tmp_path / "repo")


def test_a_staged_key_blocks_with_file_line_rule_and_the_ways_out(repo: Path) -> None:
    token = iugu_token()
    stage(repo, "app/settings.py", f"DEBUG = True\nIUGU_API_TOKEN = '{token}'\n")
    run = keyaudit(repo, "scan", "--staged")
    assert run.returncode == 1
    assert "app/settings.py" in run.stdout and "2:" in run.stdout and "iugu" in run.stdout
    assert "commit blocked: 1 finding in 1 file:\n  app/settings.py: line 2\n" in run.stderr
    assert "keyaudit:allow <reason>" in run.stderr
    assert f"{sys.executable} -m keyaudit scan --staged --write-baseline\n" in run.stderr  # as the hook runs it
    assert absent(token, run.stdout, run.stderr), "the token was printed"


def test_the_ways_out_print_in_every_format_and_name_every_file(repo: Path) -> None:
    token = iugu_token()
    stage(repo, "a.env", f"IUGU_API_TOKEN={token}\n")
    stage(repo, "deploy/b.py", f"# settings\nIUGU_API_TOKEN = '{token}'\n\n\nBACKUP = {{'api_token': '{token}'}}\n")
    stage(repo, "docs/c.md", f"Set `IUGU_API_TOKEN={token}` in the shell.\n")
    run = keyaudit(repo, "scan", "--staged", "--format", "sarif")
    assert run.returncode == 1 and json.loads(run.stdout)["runs"]
    assert "  a.env: line 1\n  deploy/b.py: lines 2, 5\n  docs/c.md: line 1\n" in run.stderr
    assert "Ways out" in run.stderr and absent(token, run.stdout, run.stderr)
    clean = keyaudit(repo, "scan", "--staged", "--fail-on", "critical", "--disable", "iugu-api-token",
                     "--disable", "iugu-config-api-token", "--disable", "iugu-named-credential")
    assert clean.returncode == 0 and "Ways out" not in clean.stderr


def test_the_index_is_scanned_not_the_working_tree(repo: Path) -> None:
    token = iugu_token()
    stage(repo, "clean.env", "A=1\n")
    (repo / "clean.env").write_text(f"IUGU_API_TOKEN={token}\n")  # unstaged: not in the commit
    assert keyaudit(repo, "scan", "--staged").returncode == 0
    stage(repo, "leak.env", f"IUGU_API_TOKEN={token}\n")
    (repo / "leak.env").write_text("A=1\n")  # removed from the work tree, still staged
    run = keyaudit(repo, "scan", "--staged")
    assert run.returncode == 1 and "leak.env" in run.stdout


def test_renamed_and_deleted_files(repo: Path) -> None:
    token = iugu_token()
    stage(repo, "old.env", "A=1\n")
    git(repo, "commit", "-q", "-m", "add")
    git(repo, "mv", "old.env", "new.env")
    git(repo, "rm", "-q", "README.md")
    assert keyaudit(repo, "scan", "--staged").returncode == 0
    stage(repo, "new.env", f"IUGU_API_TOKEN={token}\n")
    run = keyaudit(repo, "scan", "--staged", "--format", "json")
    assert [f["location"]["path"] for f in json.loads(run.stdout)["findings"]] == ["new.env"]


def test_a_staged_file_whose_blob_is_missing_is_an_error_naming_it(repo: Path) -> None:
    stage(repo, "a.env", "A=1\n")
    stage(repo, "gone.env", "B=2\n")
    stage(repo, "z.env", f"IUGU_API_TOKEN={iugu_token()}\n")
    blob = git(repo, "rev-parse", ":gone.env").stdout.strip()
    (repo / ".git" / "objects" / blob[:2] / blob[2:]).unlink()
    run = keyaudit(repo, "scan", "--staged", "--format", "json")
    report = json.loads(run.stdout)
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert [f["location"]["path"] for f in report["findings"]] == ["z.env"]
    assert [e["path"] for e in report["errors"]] == ["gone.env"]
    assert "missing from the repository's object store" in report["errors"][0]["message"]
    assert report["scan"]["files_scanned"] == 2
    errors = [line for line in run.stderr.splitlines() if line.startswith("keyaudit: error:")]
    assert len(errors) == 1 and "gone.env" in errors[0], run.stderr
    assert keyaudit(repo, "scan", "--staged", "--strict").returncode == 2


def test_a_path_left_unmerged_by_a_conflict_is_an_error_naming_it(repo: Path) -> None:
    """Mid-merge the index holds a conflicted path's three versions and nothing to commit: it was
    left out of the staged files unsaid, so a scan by hand judged it clean."""
    stage(repo, "app.env", "ASAAS_API_KEY=none\n")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "checkout", "-q", "-b", "other")
    stage(repo, "app.env", f"IUGU_API_TOKEN={iugu_token()}\n")
    git(repo, "commit", "-q", "-m", "other")
    git(repo, "checkout", "-q", "main")
    stage(repo, "app.env", "IUGU_API_TOKEN=unset\n")
    git(repo, "commit", "-q", "-m", "main")
    assert git(repo, "merge", "-q", "other", check=False).returncode != 0  # the conflict
    stage(repo, "z.env", f"IUGU_API_TOKEN={iugu_token()}\n")
    run = keyaudit(repo, "scan", "--staged", "--format", "json")
    report = json.loads(run.stdout)
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert [f["location"]["path"] for f in report["findings"]] == ["z.env"]
    assert report["errors"] == [{"path": "app.env", "message": "cannot open: unmerged (a merge conflict): nothing "
                                                               "is staged for it until it is resolved and added"}]


def test_an_empty_staged_file_leaves_the_next_files_their_own_content(repo: Path) -> None:
    stage(repo, "a_empty.env", "")
    stage(repo, "b.env", "A=1\n")
    stage(repo, "c.env", f"IUGU_API_TOKEN={iugu_token()}\n")
    run = keyaudit(repo, "scan", "--staged", "--format", "json")
    assert [f["location"]["path"] for f in json.loads(run.stdout)["findings"]] == ["c.env"], run.stderr


def test_allow_markers_on_the_line_or_the_line_before(repo: Path) -> None:
    stage(repo, "a.py", f"IUGU_TOKEN = '{iugu_token()}'  # keyaudit:allow test fixture, revoked\n")
    stage(repo, "b.py", f"# keyaudit:allow-next-line documented sample\nIUGU_TOKEN = '{iugu_token()}'\n")
    run = keyaudit(repo, "scan", "--staged", "--format", "json")
    report = json.loads(run.stdout)
    assert run.returncode == 0 and report["findings"] == []
    assert report["scan"]["suppressed"] == {"inline": 2}
    stage(repo, "c.py", f"# keyaudit:allow-next-line\nA = 1\nIUGU_TOKEN = '{iugu_token()}'\n")
    assert keyaudit(repo, "scan", "--staged").returncode == 1  # the marker covers one line only


def test_baseline_hides_known_findings_only_and_holds_no_secret(repo: Path) -> None:
    token = iugu_token()
    stage(repo, "conf.env", f"IUGU_API_TOKEN={token}\n")
    written = keyaudit(repo, "scan", "--staged", "--write-baseline", ".keyaudit-baseline.json")
    assert written.returncode == 0
    baseline = (repo / ".keyaudit-baseline.json").read_text()
    assert absent(token, baseline) and absent(token[:8], baseline), "the baseline holds the secret"
    assert keyaudit(repo, "scan", "--staged", "--baseline", ".keyaudit-baseline.json").returncode == 0
    stage(repo, "conf.env", f"# moved down\n\n\nIUGU_API_TOKEN={token}\n")  # lines moved: still hidden
    assert keyaudit(repo, "scan", "--staged", "--baseline", ".keyaudit-baseline.json").returncode == 0
    stage(repo, "conf.env", f"IUGU_API_TOKEN={iugu_token()}\n")  # another secret, same line: reported
    assert keyaudit(repo, "scan", "--staged", "--baseline", ".keyaudit-baseline.json").returncode == 1
    again = keyaudit(repo, "scan", "--staged", "--write-baseline", "second.json")
    assert again.returncode == 0
    first = json.loads(baseline)["findings"]
    assert sorted(first, key=json.dumps) == first or len(first) == 1


def test_the_default_baseline_is_written_at_the_root_and_read_without_configuration(repo: Path) -> None:
    first, second = iugu_token(), iugu_token()
    stage(repo, "app/a.env", f"IUGU_API_TOKEN={first}\n")
    written = keyaudit(repo / "app", "scan", "--staged", "--write-baseline")  # from a folder below the root
    assert written.returncode == 0, written.stderr
    assert "wrote 1 finding to the baseline " + str(repo / ".keyaudit-baseline.json") in written.stderr
    assert not (repo / "app" / ".keyaudit-baseline.json").exists()
    assert keyaudit(repo, "scan", "--staged").returncode == 0
    assert "# found at the repository root" in keyaudit(repo / "app", "config").stdout
    git(repo, "add", ".keyaudit-baseline.json")
    git(repo, "commit", "-q", "-m", "a, accepted")
    stage(repo, "b.env", f"IUGU_API_TOKEN={second}\n")  # the next commit stages b.env only
    blocked = keyaudit(repo, "scan", "--staged")
    assert blocked.returncode == 1 and "b.env: line 1" in blocked.stderr and "a.env" not in blocked.stderr
    again = keyaudit(repo, "scan", "--staged", "--write-baseline")
    assert "wrote 2 findings" in again.stderr and "1 of them kept for files this scan did not read" in again.stderr
    entries = json.loads((repo / ".keyaudit-baseline.json").read_text())["findings"]
    assert [entry["path"] for entry in entries] == ["app/a.env", "b.env"]
    assert keyaudit(repo, "scan", "--jobs", "1").returncode == 0  # the whole tree: both accepted
    (repo / "app" / "a.env").write_text("IUGU_API_TOKEN=${IUGU_API_TOKEN}\n")  # fixed: a full rewrite drops it
    assert "wrote 1 finding" in keyaudit(repo, "scan", "--jobs", "1", "--write-baseline").stderr
    entries = json.loads((repo / ".keyaudit-baseline.json").read_text())["findings"]
    assert [entry["path"] for entry in entries] == ["b.env"]


def test_configuration_file_with_sources_and_errors(repo: Path) -> None:
    token = iugu_token()
    (repo / ".keyaudit.yaml").write_text(
        "fail_on: critical\ndisable: [iugu-plaintext-http]\nexclude: ['fixtures/']\n"
        f"allow:\n  - digest: 'sha256:{__import__('hashlib').sha256(token.encode()).hexdigest()}'\n"
        "    reason: revoked test token\n")
    (repo / "fixtures").mkdir()
    (repo / "fixtures" / "x.env").write_text(f"IUGU_API_TOKEN={iugu_token()}\n")
    (repo / "a.env").write_text(f"IUGU_API_TOKEN={token}\nURL=http://api.iugu.com/v1\n")
    run = keyaudit(repo, "scan", ".", "--format", "json", "--jobs", "1")
    report = json.loads(run.stdout)
    assert run.returncode == 0 and report["findings"] == []
    assert report["scan"]["suppressed"] == {"allowlist": 1} and report["scan"]["skipped"]["excluded"] == 1
    shown = keyaudit(repo, "config").stdout
    assert "fail_on: critical" in shown and str(repo / ".keyaudit.yaml") in shown and "default" in shown
    override = keyaudit(repo, "scan", ".", "--fail-on", "low", "--jobs", "1")
    assert override.returncode == 0  # nothing left to fail on: the only token is allowed
    (repo / ".keyaudit.yaml").write_text("fail_on: urgent\n")
    bad = keyaudit(repo, "scan", ".")
    assert bad.returncode == 2 and "'fail_on' must be one of" in bad.stderr and ".keyaudit.yaml" in bad.stderr
    (repo / ".keyaudit.yaml").unlink()
    (repo / "pyproject.toml").write_text("[tool.keyaudit]\ncolour = 'red'\n")
    bad = keyaudit(repo, "scan", ".")
    assert bad.returncode == 2 and "'colour' unknown key" in bad.stderr


def test_install_hook_blocks_a_commit_and_refuses_to_clobber(repo: Path) -> None:
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\nexit 0\n")
    refused = keyaudit(repo, "install-hook")
    assert refused.returncode == 2 and "--force" in refused.stderr
    assert keyaudit(repo, "install-hook", "--force").returncode == 0
    stage(repo, "leak.env", f"IUGU_API_TOKEN={iugu_token()}\n")
    blocked = git(repo, "commit", "-q", "-m", "leak", check=False)
    assert blocked.returncode != 0 and "commit blocked" in blocked.stderr
    stage(repo, "leak.env", "IUGU_API_TOKEN=${IUGU_API_TOKEN}\n")
    assert git(repo, "commit", "-q", "-m", "clean", check=False).returncode == 0


def test_configuration_is_found_from_the_target_upwards(repo: Path, tmp_path: Path) -> None:
    service = repo / "services" / "billing"
    service.mkdir(parents=True)
    (service / ".keyaudit.yaml").write_text("disable: [iugu-plaintext-http, iugu-plaintext-request]\n")
    (service / "app.env").write_text("IUGU_BASE=http://api.iugu.com/v1\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert keyaudit(elsewhere, "scan", str(service), "--jobs", "1").returncode == 0
    assert keyaudit(elsewhere, "scan", str(service / "app.env"), "--jobs", "1").returncode == 0
    (service / ".keyaudit.yaml").unlink()
    assert keyaudit(elsewhere, "scan", str(service), "--jobs", "1").returncode == 1


# What only other paths need: --state, --staged, --output, stdin, --public-key, a [tool.keyaudit]
# section, a cold rule cache, a hit to confirm, a progress bar. A hook's run is mostly start-up,
# so a scan of clean files imports none of them.
NOT_FOR_CLEAN_FILES = ("ctypes", "cryptography", "importlib.resources", "keyaudit.api", "keyaudit.rulebook.signature",
                       "keyaudit.sources.git",
                       "keyaudit.inputs.har", "keyaudit.inputs.jsonstream", "keyaudit.rulebook.backtracking",
                       "regex", "rich", "sqlite3", "subprocess", "tempfile", "tomllib", "yaml",
                       "keyaudit.verify", "http.client", "ssl")  # the network: --verify only


def test_a_scan_of_clean_files_imports_only_what_it_uses(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text("print('hello')\n")
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n")  # no keyaudit section
    code = ("import sys\nfrom keyaudit.cli import main\n"
            "try:\n    main(['scan', '-q', 'app.py'])\nexcept SystemExit as exit:\n    assert exit.code == 0, exit.code\n"
            "print(*sorted(sys.modules), file=sys.stderr)")
    for _ in range(2):  # the first run may fill the rule cache; the second is the one every commit pays
        done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr[-2000:]
    assert sorted(set(done.stderr.split()) & set(NOT_FOR_CLEAN_FILES)) == []
