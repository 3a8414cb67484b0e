"""The scan options users bring from other scanners: ``-f``, ``--exclude`` on the command line
(joining the configuration file's), ``-v`` naming what was not scanned, ``-o -``; and a cluster
only when asked for by name, never through Dask's own variable, never for a commit unless its
command line says so."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from helpers.archives import zip_bytes
from helpers.binaries import png
from helpers.credentials import iugu_line, iugu_token
from helpers.repos import git, new_repo
from helpers.running import cli, proc, scan_json, subprocess_env
from helpers.secrecy import scrub
from helpers.trees import truncated_gzip
from keyaudit.config import SCHEDULER_VARIABLE
from keyaudit.model.result import SKIPPED_NAMED

UNREACHABLE = "tcp://127.0.0.1:9"  # the discard port: nothing listens; a client would wait 30 s to give up


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()  # the search for a configuration file stops here
    monkeypatch.chdir(tmp_path)
    return tmp_path


def leak(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{iugu_line(iugu_token())}\n")


def found_paths(report: dict) -> list[str]:
    return sorted(finding["location"]["path"] for finding in report["findings"])


def named_skips(stderr: str) -> list[str]:
    return sorted(line.removeprefix("keyaudit: skipped: ") for line in stderr.splitlines()
                  if line.startswith("keyaudit: skipped: "))


def test_f_is_format_and_o_dash_is_stdout(project: Path) -> None:
    leak(project / "app.log")
    short = cli("scan", "-j", "1", "-f", "sarif", "-o", "-", "app.log")
    long = cli("scan", "--jobs", "1", "--format", "sarif", "app.log")
    assert (short.exit_code, long.exit_code) == (1, 1), scrub(short.stderr + long.stderr)
    sarif = json.loads(short.stdout)
    assert sarif["version"] == "2.1.0" and len(sarif["runs"][0]["results"]) == 1
    assert sorted(os.listdir(project)) == [".git", "app.log"]  # "-" is no file


def test_exclude_on_the_command_line_joins_the_files(project: Path) -> None:
    for name in ("src/app.py", "fixtures/sample.env", "vendor/lib.js", "web/app.min.js", "src/vendor/copy.py"):
        leak(project / name)
    (project / ".keyaudit.yaml").write_text("exclude: ['fixtures/']\n")
    report, run = scan_json("--exclude", "/vendor/", "--exclude", "*.min.js", ".")
    assert found_paths(report) == ["src/app.py", "src/vendor/copy.py"]  # "/vendor/" is anchored at the file's folder
    assert report["scan"]["skipped"] == {"excluded": 3}
    report, _ = scan_json(".")  # the file's own pattern, alone
    assert found_paths(report) == ["src/app.py", "src/vendor/copy.py", "vendor/lib.js", "web/app.min.js"]
    settings = cli("config", "--exclude", "/vendor/").stdout
    assert f"exclude: [fixtures/, /vendor/]    # {project / '.keyaudit.yaml'} + command line" in settings


@pytest.mark.parametrize("pattern", ["[", "logs/[a-", "/"])
def test_an_exclude_that_can_match_nothing_is_a_usage_error(project: Path, pattern: str) -> None:
    leak(project / "app.log")
    run = cli("scan", "--jobs", "1", "--exclude", "*.min.js", "--exclude", pattern, ".")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == f"keyaudit: error: exclude: {pattern!r} is not a valid gitignore pattern: it matches no path\n"
    (project / ".keyaudit.yaml").write_text(f"exclude: [{json.dumps(pattern)}]\n")
    assert cli("scan", "--jobs", "1", ".").exit_code == 2  # the configuration file's too


def test_disabling_a_rule_no_one_has_is_a_usage_error(project: Path) -> None:
    leak(project / "app.log")
    run = cli("scan", "--jobs", "1", "--disable", "iugu-api-token", "--disable", "iugu-api-tokn", ".")
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr == ("keyaudit: error: disable: no rule has the id 'iugu-api-tokn' "
                          "(`keyaudit rules list` names them)\n")
    assert cli("scan", "--jobs", "1", "--disable", "iugu-api-token", ".").exit_code in (0, 1)


def test_exclude_without_a_file_is_relative_to_the_working_folder(project: Path) -> None:
    for name in ("src/app.py", "src/vendor/lib.js"):
        leak(project / name)
    report, _ = scan_json("--exclude", "src/vendor/", "src")
    assert found_paths(report) == ["src/app.py"] and report["scan"]["skipped"] == {"excluded": 1}


def test_verbose_names_each_input_not_scanned_and_why(project: Path) -> None:
    leak(project / "logs" / "app.log")
    (project / "logs" / "screen.png").write_bytes(png())
    (project / "logs" / "old.log").write_text("rotated\n")
    (project / "logs" / "tmp").mkdir()
    (project / "logs" / ".gitignore").write_text("tmp/\n")
    (project / "logs" / "fixtures.env").write_text("x\n")
    (project / "logs" / "latest.log").symlink_to("app.log")
    (project / "logs" / "bundle.zip").write_bytes(zip_bytes({"inner.zip": zip_bytes({"deep.zip": zip_bytes({"a": b"b"})}),
                                                             "picture.png": png()}))
    (project / "logs" / "broken.log.gz").write_bytes(truncated_gzip(b"cut short\n" * 1000))
    report, run = scan_json("-v", "--exclude", "*.env", "--exclude", "old.log", "logs")
    named = named_skips(run.stderr)
    assert named == sorted([
        "logs/bundle.zip!picture.png (binary)",
        "logs/fixtures.env (excluded)", "logs/latest.log (symlink)", "logs/old.log (excluded)",
        "logs/screen.png (binary)", "logs/tmp (ignored)"]), scrub(run.stderr)
    assert sum(report["scan"]["skipped"].values()) == len(named)
    assert "keyaudit: error: logs/broken.log.gz: " in run.stderr  # failed inputs, as always
    assert "keyaudit: error: logs/bundle.zip!inner.zip!deep.zip: not scanned, past a bound" in run.stderr
    quiet_about_skips = named_skips(scan_json("--exclude", "*.env", "logs")[1].stderr)
    assert quiet_about_skips == []  # only with -v


def test_verbose_names_the_first_skips_and_counts_them_all(project: Path) -> None:
    extra = 5
    (project / ".gitignore").write_text("*.bak\n")
    for index in range(SKIPPED_NAMED + extra):
        (project / f"{index:05}.bak").write_text("x\n")
    report, run = scan_json("--verbose", ".")
    assert report["scan"]["skipped"] == {"ignored": SKIPPED_NAMED + extra}
    assert len(named_skips(run.stderr)) == SKIPPED_NAMED + 1  # and one line for the rest
    assert f"keyaudit: skipped: {extra} more inputs, not named (only the first {SKIPPED_NAMED} are)" in run.stderr


def assert_scanned_here(args: list[str], cwd: Path, env: dict[str, str], leaked_in: str) -> None:
    """A real process's scan ran here: it found the leak, named no error, and did not wait the 30 s
    a Dask client takes to give up on an unreachable scheduler."""
    started = time.monotonic()
    done = proc("scan", "-f", "json", *args, cwd=cwd, env=env)
    took = time.monotonic() - started
    assert done.returncode == 1 and b"error" not in done.stderr, scrub(done.stderr)
    assert [f["location"]["path"] for f in json.loads(done.stdout)["findings"]] == [leaked_in]
    assert took < 25, f"{took:.1f} s: the scan waited for a scheduler"


def test_dask_s_own_variable_no_longer_sends_a_scan_to_a_cluster(tmp_path: Path) -> None:
    leak(tmp_path / "app.log")
    env = {**subprocess_env(), "DASK_SCHEDULER_ADDRESS": UNREACHABLE}
    env.pop(SCHEDULER_VARIABLE, None)
    assert_scanned_here(["app.log"], tmp_path, env, "app.log")


def test_keyaudit_scheduler_asks_for_a_cluster(tmp_path: Path) -> None:
    """The variable is read: a scheduler address no client knows fails at once, naming it."""
    leak(tmp_path / "app.log")
    env = {**subprocess_env(), SCHEDULER_VARIABLE: "nosuch://host:1"}
    done = proc("scan", "app.log", cwd=tmp_path, env=env)
    assert done.returncode == 2 and b"--scheduler nosuch://host:1: cannot connect" in done.stderr, scrub(done.stderr)
    shown = proc("config", cwd=tmp_path, env=env).stdout.decode()
    assert f"scheduler: nosuch://host:1    # environment ({SCHEDULER_VARIABLE})" in shown



def test_credentials_in_the_scheduler_address_or_the_storage_options_are_never_printed(tmp_path: Path) -> None:
    """An address with ``user:password@`` (from the variable, a file or the command line) was
    echoed whole by the connection error and by ``keyaudit config``, and so were the storage
    options' key and secret (while the digest key showed as ``(set)``)."""
    leak(tmp_path / "app.log")
    password, secret = iugu_token(), iugu_token()
    env = {**subprocess_env(), SCHEDULER_VARIABLE: f"tcp://svc:{password}@127.0.0.1:1"}
    done = proc("scan", "app.log", cwd=tmp_path, env=env)
    assert done.returncode == 2 and b"--scheduler tcp://***@127.0.0.1:1: cannot connect" in done.stderr, \
        scrub(done.stderr)
    assert password.encode() not in done.stderr
    shown = proc("config", "--storage-option", f"secret={secret}", "--storage-option", "key=AKIAEXAMPLE",
                 "--storage-option", "client_kwargs.region_name=sa-east-1", cwd=tmp_path, env=env).stdout.decode()
    assert password not in shown and secret not in shown and "AKIAEXAMPLE" not in shown, scrub(shown)
    assert "scheduler: tcp://***@127.0.0.1:1    # environment" in shown
    assert "{client_kwargs.region_name: sa-east-1, key: (set), secret: (set)}" in shown

def test_a_commit_is_scanned_here_whatever_the_variable_or_the_file_say(tmp_path: Path) -> None:
    repo = new_repo(tmp_path / "repo")
    leak(repo / "settings.env")
    git(repo, "add", "settings.env")
    (repo / ".keyaudit.yaml").write_text(f"scheduler: {UNREACHABLE}\n")
    env = {**subprocess_env(), SCHEDULER_VARIABLE: UNREACHABLE, "DASK_SCHEDULER_ADDRESS": UNREACHABLE}
    assert_scanned_here(["--staged"], repo, env, "settings.env")
    shown = proc("config", "--staged", cwd=repo, env=env).stdout.decode()
    assert f"scheduler: null    # default: --staged ignores the scheduler of environment ({SCHEDULER_VARIABLE})" \
        in shown
    del env[SCHEDULER_VARIABLE]
    shown = proc("config", "--staged", cwd=repo, env=env).stdout.decode()
    assert f"# default: --staged ignores the scheduler of {repo / '.keyaudit.yaml'}" in shown
    asked = proc("config", "--staged", "--scheduler", "local:2", cwd=repo, env=env).stdout.decode()
    assert "scheduler: local:2    # command line" in asked  # its own command line may still ask


@pytest.mark.parametrize("option, value", [("--rule-time", "nan"), ("--rule-time", "inf"),
                                           ("--request-time-window", "nan"), ("--request-time-window", "1e309"),
                                           ("--verify-timeout", "nan")])
def test_a_number_of_seconds_that_is_not_finite_is_a_usage_error(project: Path, option: str, value: str) -> None:
    """nan passed click's range (every comparison with it is false) and turned the guard off."""
    leak(project / "app.log")
    run = cli("scan", option, value, "app.log")
    assert run.exit_code == 2
    assert f"Invalid value for '{option}': '{value}' is not a finite number of seconds." in run.stderr


@pytest.mark.parametrize("key, value", [("rule_time", ".inf"), ("request_time_window", ".nan")])
def test_a_configuration_file_s_seconds_must_be_finite_too(project: Path, key: str, value: str) -> None:
    leak(project / "app.log")
    (project / ".keyaudit.yaml").write_text(f"{key}: {value}\n")
    run = cli("scan", "app.log")
    assert run.exit_code == 2 and f"'{key}' must be a finite number of seconds > 0" in run.stderr


@pytest.mark.parametrize("address", ["local:0", "local:-2", "local:two", "local:\u00b2", "local:" + "9" * 5000])
def test_a_local_cluster_of_no_workers_is_refused(tmp_path: Path, address: str) -> None:
    """local:0 started a cluster that never ran a unit: the scan waited for ever. ``local:²`` (a digit to
    ``str.isdigit``, none to ``int()``) and 5,000 digits (more than ``int()`` reads) were internal errors."""
    leak(tmp_path / "app.log")
    env = {**subprocess_env()}
    env.pop(SCHEDULER_VARIABLE, None)
    given = proc("scan", "--scheduler", address, "app.log", cwd=tmp_path, env=env, timeout=60)
    assert given.returncode == 2 and b"local:N needs a whole number of workers >= 1" in given.stderr
    from_variable = proc("scan", "app.log", cwd=tmp_path, env={**env, SCHEDULER_VARIABLE: address}, timeout=60)
    assert from_variable.returncode == 2
    assert from_variable.stderr.decode().splitlines() == [
        f"keyaudit: error: {SCHEDULER_VARIABLE} {address!r}: local:N needs a whole number of workers >= 1"]


@pytest.mark.parametrize("option", ["--baseline", "--config", "--public-key"])
def test_a_fifo_named_as_a_setup_file_is_refused_not_waited_on(tmp_path: Path, option: str) -> None:
    """No process writes to the FIFO: reading it blocked the scan for ever before it started."""
    leak(tmp_path / "app.log")
    os.mkfifo(tmp_path / "fifo")
    run = proc("scan", option, "fifo", "app.log", cwd=tmp_path, timeout=60)
    assert run.returncode == 2
    [line] = run.stderr.decode().splitlines()
    assert line.startswith("keyaudit: error: fifo: cannot read") and line.endswith(
        "not a regular file (a pipe or device is not read: it may never end)")
