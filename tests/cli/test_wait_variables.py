"""The wait variables (``KEYAUDIT_PIPE_WAIT``, ``KEYAUDIT_STATE_WAIT``) with values that are no
number of seconds: a configuration error, one line and exit 2 before any input is read. ``float``
raised on "abc" where the wait was met, an internal error that lost the run; "nan" made a wait
that no deadline ends, a FIFO without a writer holding the run for ever."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers.credentials import iugu_line, iugu_token
from helpers.running import proc, subprocess_env

TIMEOUT = 60


@pytest.mark.parametrize("value", ["abc", "nan", "inf", "-1"])
@pytest.mark.parametrize("variable, arguments", [
    ("KEYAUDIT_PIPE_WAIT", ["nobody.fifo", "good.log"]),
    ("KEYAUDIT_STATE_WAIT", ["--state", "state.db", "good.log"]),
], ids=["pipe", "state"])
def test_a_wait_that_is_no_number_of_seconds_is_a_configuration_error(tmp_path: Path, variable: str,
                                                                       arguments: list[str], value: str) -> None:
    os.mkfifo(tmp_path / "nobody.fifo")
    (tmp_path / "good.log").write_text(iugu_line(iugu_token()) + "\n")
    run = proc("scan", "--format", "json", "--jobs", "1", *arguments, cwd=tmp_path, timeout=TIMEOUT,
               env={**subprocess_env(), variable: value})
    stderr = run.stderr.decode()
    assert run.returncode == 2 and run.stdout == b"", stderr
    assert stderr == f"keyaudit: error: {variable}={value!r} is not a number of seconds (a finite number, 0 or more)\n"


@pytest.mark.parametrize("variable", ["KEYAUDIT_PIPE_WAIT", "KEYAUDIT_STATE_WAIT"])
def test_a_wait_of_whole_or_part_seconds_is_taken(tmp_path: Path, variable: str) -> None:
    (tmp_path / "good.log").write_text(iugu_line(iugu_token()) + "\n")
    run = proc("scan", "--format", "json", "--jobs", "1", "--state", "state.db", "good.log", cwd=tmp_path,
               timeout=TIMEOUT, env={**subprocess_env(), variable: "0.5"})
    assert run.returncode == 1, run.stderr.decode()
