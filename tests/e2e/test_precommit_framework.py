"""The pre-commit framework running the shipped hooks (.pre-commit-hooks.yaml) from this checkout:
``pre-commit install`` in a real repository, then ``git commit``, with no network.

The framework builds the hook's environment once per hook repository and revision (seconds), so
one hook repository and one PRE_COMMIT_HOME serve the whole module.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from helpers.data import REPO
from helpers.repos import git, new_repo, stage
from helpers.secrecy import absent

PRE_COMMIT = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))
pytestmark = pytest.mark.skipif(not Path(PRE_COMMIT).exists(), reason="the pre-commit framework is not installed")

SUMMARY = re.compile(r"^\d+ findings? .*; \d+ inputs? failed;", re.MULTILINE)  # the text report's last line
# Long enough that the framework cuts 1,100 of them into batches even for a serial hook.
LONG_FOLDER = "services/" + "payments-reconciliation-worker-" * 3


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A clone of this repository holding the tree as it is now, committed: the framework installs
    hooks from a revision. Returns its path and that revision."""
    checkout = tmp_path_factory.mktemp("hook") / "keyaudit"
    subprocess.run(["git", "clone", "-q", str(REPO), str(checkout)], check=True)
    for name in (".pre-commit-hooks.yaml", "pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(REPO / name, checkout / name)
    for folder in ("keyaudit", "rules", "schemas"):
        shutil.rmtree(checkout / folder, ignore_errors=True)
        shutil.copytree(REPO / folder, checkout / folder, ignore=shutil.ignore_patterns("__pycache__"))
    git(checkout, "add", "-A")
    git(checkout, "commit", "-q", "--allow-empty", "-m", "work tree under test")
    return checkout, git(checkout, "rev-parse", "HEAD").stdout.strip()


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def framework_env(pre_commit_home: Path) -> dict[str, str]:
    """The environment ``git commit`` and ``pre-commit`` run in (the hook inherits it)."""
    env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home), "PRE_COMMIT_COLOR": "never"}
    for name in ("KEYAUDIT_DIGEST_KEY", "PRE_COMMIT"):
        env.pop(name, None)
    return env


@pytest.fixture
def repo(tmp_path: Path, hook_repo: tuple[Path, str], framework_env: dict[str, str]) -> Path:
    """A repository whose .pre-commit-config.yaml names both shipped hooks (``keyaudit-files`` at
    the manual stage, as the README shows), with the framework's git hook installed."""
    path = new_repo(tmp_path / "repo")
    checkout, revision = hook_repo
    (path / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {checkout}\n    rev: {revision}\n    hooks:\n      - id: keyaudit\n"
        "      - id: keyaudit-files\n        stages: [manual]\n")
    git(path, "add", ".pre-commit-config.yaml")
    git(path, "commit", "-q", "--no-verify", "-m", "pre-commit configuration")
    installed = subprocess.run([PRE_COMMIT, "install"], cwd=path, capture_output=True, text=True, env=framework_env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return path


def commit(repo: Path, env: dict[str, str]) -> tuple[int, str]:
    """``git commit`` through the framework's hook: the exit code and everything it printed."""
    done = git(repo, "commit", "-q", "-m", "change", check=False, env=env)
    return done.returncode, done.stdout + done.stderr


def pre_commit_run(repo: Path, env: dict[str, str], *args: str) -> tuple[int, str]:
    done = subprocess.run([PRE_COMMIT, "run", *args], cwd=repo, capture_output=True, text=True, env=env)
    return done.returncode, done.stdout + done.stderr


def test_a_big_commit_gets_one_report_naming_every_file(repo: Path, framework_env: dict[str, str]) -> None:
    from pre_commit.xargs import partition

    token = iugu_token()
    names = [f"{LONG_FOLDER}{number:04}/config/settings.env" for number in range(1100)]
    leaking = [names[7], names[512], names[1093]]
    for name in names:
        (repo / name).parent.mkdir(parents=True)
        (repo / name).write_text(f"PORT=8080\nIUGU_API_TOKEN={token}\n" if name in leaking else "PORT=8080\n")
    git(repo, "add", "-A")
    assert len(partition(("keyaudit", "scan"), names, 1)) > 1  # given the names, even a serial hook is split
    code, output = commit(repo, framework_env)
    assert code == 1, output[-3000:]
    assert len(SUMMARY.findall(output)) == 1, output[-3000:]
    assert "in 1100 files;" in SUMMARY.findall(output)[0]
    assert "commit blocked: " in output and "Ways out" in output
    for name in leaking:
        assert f"  {name}: line 2\n" in output
    assert absent(token, output)
    # The same files named to the hook that takes names: one report per batch, as the README warns.
    code, output = pre_commit_run(repo, framework_env, "--hook-stage", "manual", "keyaudit-files")
    assert code == 1 and len(SUMMARY.findall(output)) > 1


def test_the_ways_out_print_for_the_hook_given_file_names(repo: Path, framework_env: dict[str, str]) -> None:
    stage(repo, "leak.env", f"IUGU_API_TOKEN={iugu_token()}\n")
    code, output = pre_commit_run(repo, framework_env, "--hook-stage", "manual", "keyaudit-files", "--files", "leak.env")
    assert code == 1, output[-3000:]
    assert "keyaudit: blocked: 1 finding in 1 file:\n  leak.env: line 1\n" in output
    assert "keyaudit:allow <reason>" in output and "scan --write-baseline\n" in output


def test_the_baseline_command_of_the_message_lets_the_next_commit_pass(repo: Path, framework_env: dict[str, str]) -> None:
    token = iugu_token()
    stage(repo, "app/config/prod.env", f"IUGU_API_TOKEN={token}\n")
    code, output = commit(repo, framework_env)
    assert code == 1 and "  app/config/prod.env: line 1\n" in output, output[-3000:]
    command = next(line.strip() for line in output.splitlines() if line.strip().endswith("--write-baseline"))
    assert command.endswith(" scan --staged --write-baseline")
    env = {name: value for name, value in framework_env.items() if not name.startswith("PRE_COMMIT")}
    written = subprocess.run(shlex.split(command), cwd=repo / "app", capture_output=True, text=True, env=env)
    assert written.returncode == 0, written.stderr  # the command as printed runs from a shell, below the root too
    assert (repo / ".keyaudit-baseline.json").is_file() and not (repo / "app" / ".keyaudit-baseline.json").exists()
    assert not list(repo.glob(".keyaudit.y*ml"))
    git(repo, "add", ".keyaudit-baseline.json")
    code, output = commit(repo, framework_env)
    assert code == 0, output[-3000:]
    assert absent(token, output, written.stderr, (repo / ".keyaudit-baseline.json").read_text())


def test_an_allow_marker_needs_a_reason(repo: Path, framework_env: dict[str, str]) -> None:
    token = iugu_token()
    stage(repo, "billing.py", f"IUGU_TOKEN = '{token}'  # keyaudit:allow\n")
    code, output = commit(repo, framework_env)
    assert code == 1 and "keyaudit-allow-without-reason" in output and "  billing.py: line 1\n" in output
    assert "iugu-config-api-token" in output  # the bare marker hid nothing
    stage(repo, "billing.py", f"IUGU_TOKEN = '{token}'  # keyaudit:allow revoked sandbox token of the docs\n")
    code, output = commit(repo, framework_env)
    assert code == 0, output[-3000:]
