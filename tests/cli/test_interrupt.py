"""Ctrl-C during a scan: the run ends at once, says so in one line and exits 130 — not 1, which a
CI job reads as "findings", and not after every unit of a parallel scan was scanned anyway."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers.data import REPO
from helpers.processes import children, has_proc, running
from keyaudit.cli.exit_codes import EXIT_INTERRUPTED, EXIT_TERMINATED

pytestmark = pytest.mark.skipif(not has_proc(), reason="which process reads which log is told by /proc")

# A log of provider calls is read as requests line after line: some seconds a log, on any machine.
CALL = "2026-11-22 10:00:00 INFO request id={} POST https://api.asaas.com/v3/payments status=200\n"
CALLS_A_LOG = 60_000  # 5 MB


def slow_logs(folder: Path, count: int) -> None:
    for index in range(count):
        (folder / f"app{index}.log").write_text("".join(CALL.format(line) for line in range(CALLS_A_LOG)))


def reading_logs(pid: int) -> bool:
    """Whether process ``pid`` has one of the logs open: it is scanning."""
    try:
        return any(os.readlink(link).endswith(".log") for link in Path(f"/proc/{pid}/fd").iterdir())
    except OSError:
        return False


def interrupted(folder: Path, *args: str, readers: int,
                sent_to_group: bool = True) -> tuple[subprocess.CompletedProcess[str], list[int], float]:
    """Run ``keyaudit scan ARGS`` in ``folder`` and Ctrl-C its process group (as a terminal does)
    once ``readers`` of its processes (the workers; with 1, itself) read a log: the run, the
    processes it had forked, and the seconds it took to end after the interrupt. Not
    ``sent_to_group``: SIGTERM to the run's process alone, as ``kill`` and ``timeout`` send it."""
    process = subprocess.Popen([sys.executable, "-m", "keyaudit", "scan", *args], cwd=folder, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            workers = children(process.pid)
            if sum(map(reading_logs, workers if readers > 1 else [process.pid])) >= readers:
                break
            time.sleep(0.02)
        assert process.poll() is None, "the scan ended before it could be interrupted: the test proves nothing"
        if sent_to_group:
            os.killpg(process.pid, signal.SIGINT)
        else:
            os.kill(process.pid, signal.SIGTERM)
        sent = time.monotonic()
        stdout, stderr = process.communicate(timeout=120)
        took = time.monotonic() - sent
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr), workers, took


def test_ctrl_c_ends_a_parallel_scan_at_once_with_exit_130(tmp_path: Path) -> None:
    """It waited for every unit submitted to the workers (each worker took the interrupt as its
    unit's result and went on to the next), then said "Aborted!" and exited 1."""
    slow_logs(tmp_path, 6)  # 30 MB of calls: a minute's work or so for two workers
    run, workers, took = interrupted(tmp_path, "--jobs", "2", "--format", "json", ".", readers=2)
    assert run.returncode == EXIT_INTERRUPTED, run.stderr
    assert run.stderr.splitlines() == ["keyaudit: interrupted (no report written)"]
    assert run.stdout == ""
    assert took < 10, f"the run went on for {took:.0f} s after Ctrl-C"
    assert_ended(workers)


def assert_ended(workers: list[int]) -> None:
    """The run's workers end with it (within ten seconds)."""
    deadline = time.monotonic() + 10
    while any(map(running, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(running, workers)), "workers outlived the run"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_of_a_scan_here_exits_130(tmp_path: Path, jobs: str) -> None:
    """Click's "Aborted!" and exit 1 — a CI job read an interrupted scan as one with findings."""
    slow_logs(tmp_path, 1)  # too little for processes to pay: scanned here, whatever --jobs says
    run, _, _ = interrupted(tmp_path, "--jobs", jobs, ".", readers=1)
    assert run.returncode == EXIT_INTERRUPTED, run.stderr
    assert run.stderr.splitlines() == ["keyaudit: interrupted (no report written)"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_ends_a_scan_as_ctrl_c_does_with_exit_143(tmp_path: Path, jobs: str) -> None:
    """SIGTERM (kill, timeout, a container's stop) ended the run at once without a word: exit -15,
    its workers left to the parent-death signal. It ends as Ctrl-C does, with a line of its own."""
    slow_logs(tmp_path, 6 if jobs == "2" else 1)
    run, workers, took = interrupted(tmp_path, "--jobs", jobs, "--format", "json", ".",
                                     readers=int(jobs), sent_to_group=False)
    assert run.returncode == EXIT_TERMINATED, run.stderr
    assert run.stderr.splitlines() == ["keyaudit: terminated (no report written)"]
    assert run.stdout == ""
    assert took < 10, f"the run went on for {took:.0f} s after SIGTERM"
    assert_ended(workers)


# Each interrupt, the exit code and the word the run ends with.
INTERRUPTS = pytest.mark.parametrize(("raised", "code", "said"), [
    ("KeyboardInterrupt", EXIT_INTERRUPTED, "interrupted"), ("Terminated", EXIT_TERMINATED, "terminated")])


def run_entry(tmp_path: Path, source: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``source``, an entry point of the command line's (ending in ``run()``), as ``python -m`` with ``args``."""
    (tmp_path / "entry_point.py").write_text(source)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(tmp_path), str(REPO),
                                                                     os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, "-m", "entry_point", *args], cwd=cwd or tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)


def assert_interrupted(run: subprocess.CompletedProcess[str], code: int, said: str) -> None:
    """The run ended by the interrupt: its exit code, its one line, and no report."""
    assert run.returncode == code, run.stderr
    assert run.stderr.splitlines() == [f"keyaudit: {said} (no report written)"]
    assert run.stdout == ""


def test_ctrl_c_landing_in_code_made_from_a_string_still_exits_130(tmp_path: Path) -> None:
    """A Ctrl-C that landed while a dataclass was made (its ``__init__`` is code run from a string,
    as a reader's module loads mid-scan) printed the line, then the run died by SIGINT (-2): under
    ``python -m`` CPython took the caught interrupt for an uncaught one. Caught where it lands in
    such code, by the command line's own handling, it ends as every other Ctrl-C does."""
    run = run_entry(tmp_path,
                    "from keyaudit.cli import main, run\n\n"
                    "@main.command('made-from-a-string')\n"
                    "def made_from_a_string() -> None:\n"
                    "    exec('raise KeyboardInterrupt', {})  # the interrupt, where a dataclass's __init__ is made\n\n"
                    "run()\n", "made-from-a-string")
    assert_interrupted(run, EXIT_INTERRUPTED, "interrupted")


@INTERRUPTS
def test_an_interrupt_while_the_command_line_is_read_ends_as_during_the_command(
        tmp_path: Path, raised: str, code: int, said: str) -> None:
    """Click reads the group's options before any command runs, inside its own handling: a Ctrl-C
    or SIGTERM that landed there printed "Aborted!" and exited 1, which a CI job reads as findings.
    The interrupt is raised by an option's callback, where the group reads its options."""
    run = run_entry(tmp_path,
                    "import click\n"
                    "from keyaudit.cli import Terminated, main, run\n\n"
                    f"def interrupt(*_args):\n    raise {raised}\n\n"
                    "main.params.append(click.Option(['--interrupt-me'], is_flag=True, expose_value=False,\n"
                    "                                callback=interrupt))\n"
                    "run()\n", "--interrupt-me", "rules", "list")
    assert_interrupted(run, code, said)


@INTERRUPTS
def test_an_interrupt_landing_in_a_finalizer_still_ends_the_run(tmp_path: Path, raised: str, code: int,
                                                                said: str) -> None:
    """Python cannot raise what a ``__del__`` raises: a Ctrl-C or SIGTERM that landed while one ran
    (a spool file closed as its object died) was printed as "Exception ignored" and lost, and the
    run went on to its end and its report, exit 0. The finalizer here raises the interrupt as the
    signal's handler would, mid-command."""
    run = run_entry(tmp_path,
                    "import time\n\n"
                    "import click\n"
                    "from keyaudit.cli import Terminated, main, run\n\n"
                    "class Spool:\n"
                    f"    def __del__(self):\n        raise {raised}\n\n"
                    "@main.command('finalized')\n"
                    "def finalized() -> None:\n"
                    "    Spool()  # dies at once: its finalizer runs here\n"
                    "    deadline = time.monotonic() + 10  # the scan going on\n"
                    "    while time.monotonic() < deadline:\n"
                    "        pass\n"
                    "    click.echo('went on to the end')\n\n"
                    "run()\n", "finalized")
    assert_interrupted(run, code, said)


# A module's import interrupted, the interrupt coming out as an error of the import's own, as
# CPython 3.11 wraps what a class attribute's __set_name__ raised (a functools.cached_property's,
# as a reader's module loads while the first log is read) and a library's ``except BaseException:
# raise TheirError`` does: the first reader imported as the run starts, or as a file is scanned.
INTERRUPTED_IMPORT = """\
import sys
import traceback

from keyaudit.cli import Terminated, run

class InterruptedImport:
    fired = False

    def find_spec(self, name, path=None, target=None):
        if InterruptedImport.fired or not name.startswith("keyaudit.inputs.captures."):
            return None
        scanning = any(frame.f_code.co_name == "_scan_guarded" for frame, _ in traceback.walk_stack(None))
        if scanning or not WHILE_SCANNING:
            InterruptedImport.fired = True
            try:
                raise Terminated
            except Terminated as exc:
                raise RuntimeError("Error calling __set_name__") from exc
        return None

sys.meta_path.insert(0, InterruptedImport())
run()
"""


@pytest.mark.parametrize("while_scanning", [False, True], ids=["as the run starts", "as a file is scanned"])
def test_an_interrupt_some_code_turned_into_an_error_still_ends_the_run(tmp_path: Path, while_scanning: bool) -> None:
    """A SIGTERM that landed where code hands on what it catches as an error of its own became an
    "internal error" — the log's, and the run went on to its report — exit 2, not 143."""
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "app.log").write_text("".join(CALL.format(line) for line in range(100)))
    run = run_entry(tmp_path, f"WHILE_SCANNING = {while_scanning}\n{INTERRUPTED_IMPORT}",
                    "scan", "--jobs", "1", "--format", "json", ".", cwd=logs)
    assert_interrupted(run, EXIT_TERMINATED, "terminated")
