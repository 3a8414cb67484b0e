"""Where ``--output`` (and ``--write-baseline``) write: a regular file or a new path is replaced
atomically; a device or a FIFO is written into and stays what it was; ``-`` is stdout. A new file
gets the mode the umask allows, an existing one keeps its own, as a plain write would."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

from helpers import privileges
from helpers.credentials import iugu_line, iugu_token
from helpers.running import cli, proc, subprocess_env
from helpers.secrecy import scrub


@pytest.fixture
def leaky(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "dirty.log"
    path.write_text(iugu_line(iugu_token()) + "\n")
    return path


def null_device(folder: Path) -> Path:
    """A character device that discards what is written to it. As root, a node of the null device
    (1, 3) made in ``folder``, so that a broken build replaces that node and not the machine's own
    /dev/null; anyone else cannot replace /dev/null, so it is used as it is."""
    if os.geteuid() != 0:
        return Path("/dev/null")
    device = folder / "null"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    return device


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_a_device_is_written_into_and_stays_a_device(leaky: Path, tmp_path: Path, option: str) -> None:
    device = null_device(tmp_path)
    before = sorted(os.listdir(device.parent))
    run = cli("scan", "--format", "json", "--jobs", "1", option, str(device), str(leaky))
    assert run.exit_code == (1 if option == "--output" else 0) and run.stdout == "", scrub(run.stderr)
    assert stat.S_ISCHR(os.stat(device).st_mode), f"{device} is no longer a character device"
    assert os.stat(device).st_rdev == os.makedev(1, 3)
    assert sorted(os.listdir(device.parent)) == before  # no temporary file left beside it


def test_a_fifo_is_written_into_for_the_program_reading_it(leaky: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdout.buffer.write(open(sys.argv[1], 'rb').read())",
                               str(fifo)], stdout=subprocess.PIPE, env=subprocess_env())
    try:
        done = proc("scan", "--format", "jsonl", "--jobs", "1", "--output", str(fifo), str(leaky), cwd=tmp_path,
                    timeout=60)
        received, _ = reader.communicate(timeout=30)
    finally:
        reader.kill()
        reader.wait()
    assert done.returncode == 1 and done.stdout == b"", scrub(done.stderr)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode), "the FIFO was replaced by a file"
    [finding] = [json.loads(line) for line in received.decode("utf-8").splitlines()]
    assert finding["location"]["path"] == str(leaky)


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_dash_is_stdout(leaky: Path, tmp_path: Path, fmt: str) -> None:
    run = cli("scan", "--format", fmt, "--jobs", "1", "-o", "-", "dirty.log")
    assert run.exit_code == 1, scrub(run.stderr)
    if fmt == "json":
        assert len(json.loads(run.stdout)["findings"]) == 1
    else:
        assert run.stdout.startswith("dirty.log\n") and "keyaudit:" not in run.stderr  # the summary is in the view
    assert sorted(os.listdir(tmp_path)) == ["dirty.log"]


def test_dash_in_the_configuration_file_is_stdout_too(leaky: Path, tmp_path: Path) -> None:
    """Paths in the file are resolved against its folder, but ``-`` is not a path."""
    (tmp_path / ".git").mkdir()  # the search for a configuration file stops here
    (tmp_path / ".keyaudit.yaml").write_text('format: json\noutput: "-"\n')
    run = cli("scan", "--jobs", "1", "dirty.log")
    assert run.exit_code == 1, scrub(run.stderr)
    assert len(json.loads(run.stdout)["findings"]) == 1
    assert sorted(os.listdir(tmp_path)) == [".git", ".keyaudit.yaml", "dirty.log"]


def test_a_symlink_to_a_report_stays_a_symlink(leaky: Path, tmp_path: Path) -> None:
    """The file it points to is replaced atomically; the link is kept."""
    (tmp_path / "reports").mkdir()
    real = tmp_path / "reports" / "2026-11-30.json"
    real.write_text("{}\n")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    run = cli("scan", "--format", "json", "--jobs", "1", "--output", "latest.json", "dirty.log")
    assert run.exit_code == 1, scrub(run.stderr)
    assert link.is_symlink() and link.resolve() == real
    assert len(json.loads(real.read_text(encoding="utf-8"))["findings"]) == 1
    assert sorted(os.listdir(tmp_path / "reports")) == ["2026-11-30.json"]


def test_a_baseline_that_cannot_be_written_is_an_error_line(leaky: Path, tmp_path: Path) -> None:
    run = cli("scan", "--jobs", "1", "--write-baseline", "nowhere/baseline.json", "dirty.log")
    assert run.exit_code == 2
    named = run.stderr.startswith("keyaudit: error: nowhere/baseline.json: cannot write the baseline")
    assert named, scrub(run.stderr)


# --- the mode of what --output and --write-baseline write ------------------------------------------


def under_umask(mask: int, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    """``python -m keyaudit ARGS`` as a real process started by a shell whose umask is ``mask``."""
    return subprocess.run(["sh", "-c", f'umask {mask:03o} && exec "$0" "$@"', sys.executable, "-m", "keyaudit", *args],
                          cwd=cwd, capture_output=True, timeout=120, env=subprocess_env())


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o077], ids=["022", "027", "077"])
def test_a_new_report_or_baseline_gets_the_mode_the_umask_allows(leaky: Path, tmp_path: Path, mask: int) -> None:
    for args, code in ((["--format", "jsonl", "--output", "report.jsonl"], 1),
                       (["--write-baseline", "baseline.json"], 0)):
        done = under_umask(mask, "scan", "--jobs", "1", *args, str(leaky), cwd=tmp_path)
        assert done.returncode == code, scrub(done.stderr.decode())
    for name in ("report.jsonl", "baseline.json"):
        assert stat.S_IMODE(os.stat(tmp_path / name).st_mode) == 0o666 & ~mask, name
    assert sorted(os.listdir(tmp_path)) == ["baseline.json", "dirty.log", "report.jsonl"]  # no temporary file left


@pytest.mark.parametrize(("mode", "mask"), [(0o600, 0o022), (0o640, 0o077)], ids=["600-under-022", "640-under-077"])
def test_a_report_written_over_a_file_keeps_its_mode(leaky: Path, tmp_path: Path, mode: int, mask: int) -> None:
    """As a plain write into an existing file would: a report made private stays private."""
    report = tmp_path / "report.json"
    report.write_text("{}\n")
    report.chmod(mode)
    done = under_umask(mask, "scan", "--format", "json", "--jobs", "1", "--output", "report.json", str(leaky),
                       cwd=tmp_path)
    assert done.returncode == 1, scrub(done.stderr.decode())
    assert stat.S_IMODE(report.stat().st_mode) == mode and json.loads(report.read_text())["findings"]


def test_a_shipper_running_as_another_user_reads_the_report(readable_tmp_path: Path) -> None:
    prefix = privileges.unprivileged_prefix()
    if not prefix:  # not root, or root that cannot become another user: no other user to read as
        pytest.skip("needs root able to run a command as another user")
    (readable_tmp_path / "dirty.log").write_text(iugu_line(iugu_token()) + "\n")
    for mask, readable in ((0o022, True), (0o077, False)):
        name = f"events-{mask:03o}.ecs.jsonl"
        done = under_umask(mask, "scan", "--format", "ecs", "--jobs", "1", "--output", name, "dirty.log",
                           cwd=readable_tmp_path)
        assert done.returncode == 1, scrub(done.stderr.decode())
        shipper = subprocess.run([*prefix, "cat", name], cwd=readable_tmp_path, capture_output=True, timeout=60)
        assert (shipper.returncode == 0) is readable, f"umask {mask:03o}"
        assert not readable or json.loads(shipper.stdout.decode().splitlines()[0])["event"]["kind"] == "alert"


def _closing(*descriptors: int) -> Callable[[], None]:
    """A child's set-up that closes the standard streams ``descriptors`` (as `<&-`, `>&-`, `2>&-` do)."""
    def close() -> None:
        for descriptor in descriptors:
            os.close(descriptor)
    return close


def _scan(tmp_path: Path, *args: str, stderr: int | None = subprocess.PIPE, close: tuple[int, ...] = ()
          ) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "keyaudit", "scan", "--format", "json", "--jobs", "1", *args],
                          cwd=tmp_path, stdout=subprocess.PIPE, stderr=stderr, env=subprocess_env(), timeout=120,
                          preexec_fn=_closing(*close) if close else None)


@pytest.mark.parametrize("stderr", ["full", "closed"])
def test_a_stderr_that_cannot_be_written_loses_its_lines_not_the_report(leaky: Path, tmp_path: Path,
                                                                       stderr: str) -> None:
    """A cron job's `2>>log` on a full disk, or stderr closed: the error line about a damaged input
    cannot be said, and the report is written all the same (it was lost: no report, the scan ended)."""
    (tmp_path / "cut.log.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"\x00" * 6)  # a gzip cut off after its header
    args = ("--output", "report.json", "dirty.log", "cut.log.gz")
    if stderr == "full":
        with open("/dev/full", "wb") as full:
            run = _scan(tmp_path, *args, stderr=full.fileno())
    else:
        run = _scan(tmp_path, *args, stderr=None, close=(2,))
    assert run.returncode == 1
    report = json.loads((tmp_path / "report.json").read_text())
    assert [e["path"] for e in report["errors"]] == ["cut.log.gz"] and len(report["findings"]) == 1


def test_a_closed_stdin_is_one_failed_input_and_a_closed_stdout_one_error_line(leaky: Path, tmp_path: Path) -> None:
    run = _scan(tmp_path, "--output", "report.json", "dirty.log", "-", close=(0,))
    report = json.loads((tmp_path / "report.json").read_text())
    assert run.returncode == 1 and len(report["findings"]) == 1, scrub(run.stderr.decode())
    assert report["errors"] == [{"path": "-", "message": "cannot read: standard input is closed"}]
    run = _scan(tmp_path, "dirty.log", close=(1,))
    assert run.returncode == 2 and b"internal error" not in run.stderr
    assert run.stderr.decode().strip() == "keyaudit: error: standard output: cannot write the report: " \
                                          "standard output is closed"
