"""A key pasted where a file's path, a rule id or a choice belongs: the exit-2 error line names what
was given, and showed the key whole (``keyaudit: error: $aact_…: cannot read the baseline``, and
click's own ``File '$aact_…' does not exist.``). It is redacted as the report's error lines are."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.credentials import asaas_key
from helpers.running import cli


@pytest.mark.parametrize("option", ["--baseline", "--rules", "--config", "--public-key", "--format", "--fail-on",
                                    "--disable"])
def test_a_key_given_as_an_option_value_is_not_printed_in_the_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                     option: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.log").write_text("nothing here\n")
    key = asaas_key()
    run = cli("scan", "--jobs", "1", option, key, "a.log")
    assert run.exit_code == 2, run.stderr
    assert key not in run.stdout + run.stderr
    assert f"{key[:18]}…{key[-4:]}" in run.stderr  # still named: as a report shows it, its prefix and a few


def test_an_error_without_a_key_is_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli("scan", "--jobs", "1", "--baseline", "no_such_baseline_file_here.json", ".")
    assert run.exit_code == 2
    assert run.stderr == "keyaudit: error: no_such_baseline_file_here.json: cannot read the baseline: " \
                         "No such file or directory\n"
