"""Pipes named as paths are read once, like stdin: ``keyaudit scan <(…)`` from a real shell, a
FIFO whose writer comes (at once, or late but quietly there), and a FIFO with no writer, which
costs one error line after a bounded wait instead of hanging the scan. Every process runs under
a timeout, so a hang fails the test instead of hanging it.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from helpers.credentials import IUGU_LEAD, iugu_line, iugu_token
from helpers.running import proc, subprocess_env
from helpers.secrecy import scrub

TIMEOUT = 60  # seconds; far beyond any wait of these scans, short of hanging the suite

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo") or shutil.which("bash") is None,
                                reason="needs POSIX FIFOs and bash")


def log_text(token: str) -> bytes:
    return ("2026-11-25 10:00:00 INFO started\n" + iugu_line(token) + "\n").encode()


def findings(run: subprocess.CompletedProcess) -> list[tuple[str, int, int]]:
    report = json.loads(run.stdout)
    return [(f["location"]["path"], f["location"]["line"], f["location"]["column"]) for f in report["findings"]]


@pytest.mark.parametrize("packed", [False, True], ids=["text", "gzip"])
def test_process_substitution_in_a_real_shell(tmp_path: Path, packed: bool) -> None:
    data = log_text(iugu_token())
    (tmp_path / "source").write_bytes(gzip.compress(data) if packed else data)
    # The key stays in a file: the command line (shown by a timeout's message) holds none.
    script = '"$0" -m keyaudit scan --format json --jobs 2 <(cat source)'
    run = subprocess.run(["bash", "-c", script, sys.executable], cwd=tmp_path, capture_output=True,
                         timeout=TIMEOUT, env=subprocess_env())
    assert run.returncode == 1, scrub(run.stderr)
    [(path, line, column)] = findings(run)
    assert path.startswith("/dev/fd/") and (line, column) == (2, len(IUGU_LEAD) + 1)
    assert json.loads(run.stdout)["scan"]["bytes_scanned"] == len(data)


def write_later(fifo: Path, data: bytes, open_after: float, write_after: float) -> threading.Thread:
    """A writer that opens ``fifo`` after ``open_after`` seconds and writes after ``write_after`` more."""
    def writer() -> None:
        time.sleep(open_after)
        with open(fifo, "wb") as handle:
            time.sleep(write_after)
            handle.write(data)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize(("open_after", "write_after"), [(0.3, 0.0), (0.1, 2.0)],
                         ids=["writer comes within the wait", "writer there, quiet past the wait"])
def test_a_fifo_with_a_writer_is_scanned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          open_after: float, write_after: float) -> None:
    monkeypatch.setenv("KEYAUDIT_PIPE_WAIT", "1")
    os.mkfifo(tmp_path / "app.fifo")
    writer = write_later(tmp_path / "app.fifo", log_text(iugu_token()), open_after, write_after)
    run = proc("scan", "--format", "json", "app.fifo", cwd=tmp_path, timeout=TIMEOUT)
    writer.join(TIMEOUT)
    assert run.returncode == 1, scrub(run.stderr)
    assert findings(run) == [("app.fifo", 2, len(IUGU_LEAD) + 1)]


def test_a_fifo_without_a_writer_is_one_error_after_a_bounded_wait(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEYAUDIT_PIPE_WAIT", "0.5")
    os.mkfifo(tmp_path / "nobody.fifo")
    (tmp_path / "good.log").write_bytes(log_text(iugu_token()))
    started = time.monotonic()
    run = proc("scan", "--format", "json", "nobody.fifo", "good.log", cwd=tmp_path, timeout=TIMEOUT)
    took = time.monotonic() - started
    stderr = run.stderr.decode()
    assert run.returncode == 1 and "Traceback" not in stderr, scrub(stderr)
    assert findings(run) == [("good.log", 2, len(IUGU_LEAD) + 1)]
    errors = [line for line in stderr.splitlines() if line.startswith("keyaudit: error:")]
    expected = "keyaudit: error: nobody.fifo: cannot read: no process opened this pipe for writing within 0.5 s"
    assert errors == [expected], scrub(stderr)
    assert json.loads(run.stdout)["errors"] == [{"path": "nobody.fifo", "message": errors[0].split(": ", 3)[3]}]
    assert took < TIMEOUT / 2


def test_a_fifo_met_in_a_folder_walk_is_skipped_and_counted(tmp_path: Path) -> None:
    (tmp_path / "logs").mkdir()
    os.mkfifo(tmp_path / "logs" / "nobody.fifo")
    (tmp_path / "logs" / "app.log").write_bytes(log_text(iugu_token()))
    run = proc("scan", "--format", "json", "logs", cwd=tmp_path, timeout=TIMEOUT)
    assert run.returncode == 1, scrub(run.stderr)
    assert findings(run) == [("logs/app.log", 2, len(IUGU_LEAD) + 1)]
    assert json.loads(run.stdout)["scan"]["skipped"] == {"not a regular file": 1}
