"""What reaches a terminal: hostile file names (escape sequences, a newline, a byte that is not
UTF-8) are shown escaped in the coloured text view, in error lines, in the summary and beside the
progress bar, and every line on stderr is one of ours."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers.bad_inputs.names import CASES
from helpers.credentials import iugu_line, iugu_token
from helpers.running import cli, proc, subprocess_env
from helpers.secrecy import scrub

CLEAR = "esc\x1b[2J\x1b]0;owned\x07.log"            # clears the screen and sets the window title
CLEAR_SHOWN = "esc\\x1b[2J\\x1b]0;owned\\x07.log"
DAMAGED = "cut\n\x1b[31mred.log.gz"                 # a damaged file: its name goes into an error line
DAMAGED_SHOWN = "cut\\n\\x1b[31mred.log.gz"
HOSTILE = [b"\x1b[2J", b"\x1b]0;owned", b"\x07", b"\x1b[31mred", b"\xff"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "scanned"
    root.mkdir()
    (root / CLEAR).write_text(iugu_line(iugu_token()) + "\n")
    [damaged] = [case for case in CASES if case.name == "a damaged gzip named with a newline and an escape"]
    assert damaged.make(root) == DAMAGED_SHOWN
    return root


def on_a_terminal(*args: str, cwd: Path) -> tuple[int, bytes]:
    """``python -m keyaudit ARGS`` with stdout and stderr on a pseudo-terminal (so the view is
    coloured and the progress bar shows); the exit code and everything the terminal received."""
    leader, follower = pty.openpty()
    child = subprocess.Popen([sys.executable, "-m", "keyaudit", *args], cwd=cwd, stdin=subprocess.DEVNULL,
                             stdout=follower, stderr=follower, env={**subprocess_env(), "COLUMNS": "200"})
    os.close(follower)
    received = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal (EIO on Linux)
            break
        if not chunk:
            break
        received += chunk
    os.close(leader)
    return child.wait(timeout=30), received


def test_the_coloured_view_and_progress_show_hostile_names_escaped(folder: Path) -> None:
    code, received = on_a_terminal("scan", "--jobs", "1", ".", cwd=folder)
    assert code == 1, scrub(received)
    raw = [sequence for sequence in HOSTILE if sequence in received]
    assert raw == [], f"raw hostile sequences reached the terminal: {raw}"
    assert b"\x1b[" in received, "the view was not coloured: not a terminal test"
    text = received.decode("utf-8")
    assert CLEAR_SHOWN in text and DAMAGED_SHOWN in text


def test_every_stderr_line_is_one_of_ours(folder: Path) -> None:
    """With the report on stdout, stderr holds the damaged file's error line and the summary:
    two lines, both ours, whatever the names hold."""
    done = proc("scan", "--format", "json", "--jobs", "1", ".", cwd=folder)
    assert done.returncode == 1, scrub(done.stderr)
    raw = [sequence for sequence in HOSTILE if sequence in done.stderr]
    assert raw == [], f"raw hostile sequences on stderr: {raw}"
    error, summary = done.stderr.decode("utf-8").splitlines()
    assert error.startswith(f"keyaudit: error: {DAMAGED_SHOWN}: read failed"), scrub(error)
    assert summary.startswith("keyaudit: 2 findings"), scrub(summary)


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_an_output_path_that_cannot_be_written_is_named_on_one_line(folder: Path, tmp_path: Path,
                                                                    option: str) -> None:
    """A path the user gave can hold anything too: the line naming it stays one line."""
    run = cli("scan", "--jobs", "1", option, str(tmp_path / "nowhere\n\x1b[2J" / "report.json"), str(folder / CLEAR))
    assert run.exit_code == 2
    what = "report" if option == "--output" else "baseline"
    assert run.stderr.splitlines() == [f"keyaudit: error: {tmp_path}/nowhere\\n\\x1b[2J/report.json: cannot write "
                                       f"the {what}: No such file or directory"], scrub(run.stderr)


def test_the_baseline_written_is_named_escaped(folder: Path, tmp_path: Path) -> None:
    written = tmp_path / "base\x1b[2Jline.json"
    run = cli("scan", "--jobs", "1", "--write-baseline", str(written), str(folder / CLEAR))
    assert run.exit_code == 0 and written.exists()
    assert run.stderr == f"keyaudit: wrote 1 finding to the baseline {tmp_path}/base\\x1b[2Jline.json\n"
