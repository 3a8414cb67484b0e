"""The blocking message of a commit hook: printed whenever a scan blocks in one (``--staged``, or
the pre-commit framework's ``PRE_COMMIT`` in the environment), in every format, naming every file
to fix with its lines, and never otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from helpers.running import cli
from helpers.secrecy import absent
from keyaudit.cli.hook import LINES_SHOWN


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PRE_COMMIT", raising=False)
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "ecs"])
def test_under_the_framework_the_ways_out_print_in_every_format(folder: Path, fmt: str,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    token = iugu_token()
    (folder / "a.env").write_text(f"IUGU_API_TOKEN={token}\n")
    (folder / "b.env").write_text(f"A=1\nIUGU_API_TOKEN={token}\n")
    outside = cli("scan", "--jobs", "1", "--format", fmt, "a.env", "b.env")
    assert outside.exit_code == 1 and "Ways out" not in outside.stderr  # not in a hook: the report is enough
    monkeypatch.setenv("PRE_COMMIT", "1")
    run = cli("scan", "--jobs", "1", "--format", fmt, "a.env", "b.env")
    assert run.exit_code == 1
    assert "keyaudit: blocked: " in run.stderr and "  a.env: line 1\n  b.env: line 2\n" in run.stderr
    assert "keyaudit scan --write-baseline\n" in run.stderr  # given files, not --staged: the folder's baseline
    assert absent(token, run.stdout, run.stderr)


def test_only_blocking_findings_are_named(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRE_COMMIT", "1")
    (folder / "key.env").write_text(f"IUGU_API_TOKEN={iugu_token()}\n")  # critical
    (folder / "marker.py").write_text("RETRIES = 3  # keyaudit:allow\n")  # low
    run = cli("scan", "--jobs", "1", "--fail-on", "high", ".")
    assert run.exit_code == 1 and "blocked: 1 finding in 1 file:\n  key.env: line 1\n" in run.stderr
    (folder / "key.env").unlink()
    clean = cli("scan", "--jobs", "1", "--fail-on", "high", ".")
    assert clean.exit_code == 0 and "blocked" not in clean.stderr


def test_a_file_with_many_findings_shows_its_first_lines_and_counts_the_rest(folder: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRE_COMMIT", "1")
    count = LINES_SHOWN + 13
    (folder / "dump.env").write_text("".join(f"IUGU_API_TOKEN={iugu_token()}\n" for _ in range(count)))
    run = cli("scan", "--jobs", "1", "dump.env")
    shown = ", ".join(str(line) for line in range(1, LINES_SHOWN + 1))
    assert f"blocked: {count} findings in 1 file:\n  dump.env: lines {shown} and 13 more\n" in run.stderr
