"""Special files named on the command line: a device such as ``/dev/zero`` never ends, so it is
one error line and the other targets are scanned, instead of a scan that reads forever (every
process runs under a timeout, so a hang fails the test instead of hanging it)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.credentials import iugu_line, iugu_token
from helpers.running import subprocess_env
from helpers.secrecy import scrub

TIMEOUT = 60


def scan(*targets: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "keyaudit", "scan", "--format", "json", *targets], cwd=cwd,
                          capture_output=True, text=True, timeout=TIMEOUT, env=subprocess_env())


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_character_device_is_one_error_and_the_rest_is_scanned(tmp_path: Path) -> None:
    (tmp_path / "app.log").write_text("start\n" + iugu_line(iugu_token()) + "\n")
    run = scan("/dev/zero", "app.log", cwd=tmp_path)
    assert run.returncode == 1, scrub(run.stderr)
    errors = [line for line in run.stderr.splitlines() if line.startswith("keyaudit: error: ")]
    assert errors == ["keyaudit: error: /dev/zero: a character device, not a file: not read "
                      "(to scan it, pipe it in: keyaudit scan - < PATH)"]
    report = json.loads(run.stdout)
    assert [f["location"]["path"] for f in report["findings"]] == ["app.log"]
    assert [e["path"] for e in report["errors"]] == ["/dev/zero"]


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs Unix sockets")
def test_a_socket_named_alone_exits_2(tmp_path: Path) -> None:
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(tmp_path / "app.sock"))
        run = scan("app.sock", cwd=tmp_path)
    assert run.returncode == 2, scrub(run.stderr)
    assert "keyaudit: error: app.sock: a socket, not a file: not read" in run.stderr


@pytest.mark.skipif(not os.path.exists("/proc/self/environ"), reason="needs Linux's /proc")
def test_a_proc_file_whose_end_is_no_seek_away_is_read(tmp_path: Path) -> None:
    """/proc files say size 0, and most refuse a seek to their end (EINVAL): the look for a zip
    behind the text failed such a file ("read failed … Invalid argument"), read as nothing."""
    token = iugu_token()
    env = {**subprocess_env(), "IUGU_API_TOKEN": token}
    run = subprocess.run([sys.executable, "-m", "keyaudit", "scan", "--format", "json", "--jobs", "1",
                          "/proc/self/environ", "/proc/self/status"], cwd=tmp_path, capture_output=True, text=True,
                         timeout=TIMEOUT, env=env)
    assert run.returncode == 1, scrub(run.stderr)
    report = json.loads(run.stdout)
    assert report["errors"] == []
    assert [f["location"]["path"] for f in report["findings"]] == ["/proc/self/environ"]
