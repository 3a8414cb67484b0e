"""The nightly job: --state resumes across logrotate, growth, truncation, kills and rivals."""

from __future__ import annotations

import base64
import codecs
import contextlib
import fcntl
import gzip
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from helpers.har import entry, har
from helpers.processes import children, has_proc, running
from helpers.archives import tar_bytes
from helpers.packing import zstd_frames
from keyaudit.config import Config
from keyaudit.run.session import Session
from keyaudit.run.records import UNCHANGED_DAMAGE


def keyaudit(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "keyaudit", "scan", "--format", "jsonl", *args],
                          cwd=cwd, capture_output=True, text=True, env={**os.environ, **env})


def findings(run: subprocess.CompletedProcess[str]) -> list[dict]:
    return [json.loads(line) for line in run.stdout.splitlines()]


def places(run: subprocess.CompletedProcess[str]) -> list[tuple[str, int]]:
    return sorted((f["location"]["path"], f["location"]["line"]) for f in findings(run))


def log_lines(count: int, token_every: int = 0) -> str:
    return "".join(f"2026-11-22 10:00:{i % 60:02d} INFO request {i} api_token={iugu_token()}\n"
                   if token_every and i % token_every == 0 else f"2026-11-22 10:00:{i % 60:02d} INFO request {i}\n"
                   for i in range(count))


def test_logrotate_growth_truncation_and_replacement(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    state = str(tmp_path / "state.db")
    (logs / "app.log").write_text(log_lines(10, token_every=5))
    assert places(keyaudit(logs, ".", "--state", state)) == [("app.log", 1), ("app.log", 6)]
    assert places(keyaudit(logs, ".", "--state", state)) == []  # nothing new
    with (logs / "app.log").open("a") as handle:
        handle.write(log_lines(3, token_every=2))  # lines 11..13, tokens on 11 and 13
    assert places(keyaudit(logs, ".", "--state", state)) == [("app.log", 11), ("app.log", 13)]
    data = (logs / "app.log").read_bytes()  # logrotate: rename, compress, start a new file
    (logs / "app.log").unlink()
    (logs / "app.log.1.gz").write_bytes(gzip.compress(data))
    (logs / "app.log").write_text(log_lines(4, token_every=3))
    assert places(keyaudit(logs, ".", "--state", state)) == [("app.log", 1), ("app.log", 4)]
    (logs / "app.log").write_text(log_lines(2, token_every=1))  # truncated and rewritten
    assert places(keyaudit(logs, ".", "--state", state)) == [("app.log", 1), ("app.log", 2)]


def test_a_utf16_log_is_resumed_by_its_decoded_offset(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    state = str(tmp_path / "state.db")
    log = logs / "service.log"  # as a Windows service writes it: UTF-16LE after a byte-order mark
    log.write_bytes(codecs.BOM_UTF16_LE + log_lines(10, token_every=5).encode("utf-16-le"))
    assert places(keyaudit(logs, ".", "--state", state)) == [("service.log", 1), ("service.log", 6)]
    assert places(keyaudit(logs, ".", "--state", state)) == []
    with log.open("ab") as handle:
        handle.write(log_lines(3, token_every=2).encode("utf-16-le"))  # lines 11..13, tokens on 11 and 13
    assert places(keyaudit(logs, ".", "--state", state)) == [("service.log", 11), ("service.log", 13)]
    data = log.read_bytes()  # rotated and compressed: the same decoded text, already scanned
    log.unlink()
    (logs / "service.log.1.gz").write_bytes(gzip.compress(data))
    assert places(keyaudit(logs, ".", "--state", state)) == []


def test_a_har_capture_is_recorded_whole_and_judged_again_only_when_it_changed(tmp_path: Path) -> None:
    captures = tmp_path / "captures"
    captures.mkdir()
    state = str(tmp_path / "state.db")
    tokens = [iugu_token() for _ in range(2)]
    calls = [entry("GET", f"https://api.iugu.com/v1/invoices?api_token={token}") for token in tokens]

    def scan(*args: str) -> subprocess.CompletedProcess[str]:  # the token's findings, not the way it is sent
        return keyaudit(captures, ".", "--state", state, "--disable", "iugu-token-in-query-string", *args)

    def line_of(text: str, token: str) -> int:
        return text[: text.index(token)].count("\n") + 1

    first = json.dumps(har(calls[:1]), indent=2)
    (captures / "session.har").write_text(first)
    assert places(scan()) == [("session.har", line_of(first, tokens[0]))]
    assert places(scan()) == []  # the same file
    (captures / "copy.har").write_bytes((captures / "session.har").read_bytes())
    (captures / "session.har").unlink()
    report = json.loads(scan("--format", "json").stdout)
    assert report["findings"] == [] and report["scan"]["requests"]["files_unchanged"] == 1  # the same content
    both = json.dumps(har(calls), indent=2)
    (captures / "copy.har").write_text(both)  # exported again, one call more
    assert places(scan()) == [("copy.har", line_of(both, token)) for token in tokens]


def test_logrotate_with_zstd_is_recognised_as_already_scanned(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    state = str(tmp_path / "state.db")
    (logs / "app.log").write_text(log_lines(3000, token_every=1000))
    assert places(keyaudit(logs, ".", "--state", state)) == [("app.log", 1), ("app.log", 1001), ("app.log", 2001)]
    with (logs / "app.log").open("a") as handle:
        handle.write(log_lines(4, token_every=2))  # lines 3001..3004, tokens on 3001 and 3003
    data = (logs / "app.log").read_bytes()  # compresscmd zstd: renamed, compressed, a new file started
    (logs / "app.log").unlink()
    (logs / "app.log.1.zst").write_bytes(zstd_frames(data))
    (logs / "app.log").write_text(log_lines(2, token_every=1))
    # the rotated file is known by its decompressed content: only what it gained is new
    assert places(keyaudit(logs, ".", "--state", state)) == [
        ("app.log", 1), ("app.log", 2), ("app.log.1.zst", 3001), ("app.log.1.zst", 3003)]
    assert places(keyaudit(logs, ".", "--state", state)) == []


def test_a_run_killed_at_any_moment_then_rerun_reports_exactly_one_uninterrupted_run(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    for index in range(24):
        text = log_lines(6000, token_every=997)
        (logs / f"app-{index:02d}.log").write_text(text) if index % 3 else \
            (logs / f"app-{index:02d}.log.gz").write_bytes(gzip.compress(text.encode()))
    reference = places(keyaudit(logs, ".", "--state", str(tmp_path / "reference.db"), "--jobs", "1", "--no-dedupe"))
    assert len(reference) == 24 * 7
    state = str(tmp_path / "killed.db")
    reported: list[tuple[str, int]] = []
    report = logs / "report.jsonl"
    for delay in (0.05, 0.2, 0.4, 0.7, 1.0, 1.5):
        report.unlink(missing_ok=True)
        process = subprocess.Popen([sys.executable, "-m", "keyaudit", "scan", ".", "--format", "jsonl", "--jobs", "2",
                                    "--state", state, "--no-dedupe", "--output", "report.jsonl"], cwd=logs,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(delay)
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        if report.exists():  # written (atomically) before the kill: it was delivered, it counts
            reported += [(f["location"]["path"], f["location"]["line"])
                         for f in map(json.loads, report.read_text().splitlines())]
            report.unlink()
            if process.returncode in (0, 1):
                break
    final = keyaudit(logs, ".", "--state", state, "--jobs", "2", "--no-dedupe")
    reported += places(final)
    assert sorted(reported) == reference  # none lost, none twice
    assert places(keyaudit(logs, ".", "--state", state)) == []


# A run that dies at an exact point of its delivery: the real session and report writer, and
# os._exit (no cleanup, as SIGKILL) either just before the report is renamed into place
# ("staged") or just after it, before the state is committed ("renamed").
DIE_AT = """
import os, sys
from pathlib import Path
from keyaudit.cli.output import write_report
from keyaudit.config import Config
from keyaudit.report import reporter
from keyaudit.report.options import ReportOptions
point, state = sys.argv[1], Path(sys.argv[2])
with Session(Config(targets=(".",), state=state, no_dedupe=True)) as session:
    result = session.run()
    def staged(temporary):
        session.stage(temporary)
        if point == "staged":
            os._exit(9)
    write_report(Path("report.jsonl"), reporter("jsonl")(result, ReportOptions()), before_rename=staged)
    os._exit(9)
""".replace("import os, sys", "import os, sys\nfrom keyaudit.run.session import Session")


@pytest.mark.parametrize("point", ["staged", "renamed"])
def test_a_run_killed_either_side_of_its_reports_rename_is_reported_exactly_once(tmp_path: Path,
                                                                                  point: str) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    for index in range(3):
        (logs / f"app-{index}.log").write_text(log_lines(400, token_every=97))
    state = str(tmp_path / "state.db")
    died = subprocess.run([sys.executable, "-c", DIE_AT, point, state], cwd=logs, capture_output=True, text=True)
    assert died.returncode == 9, died.stderr[-2000:]
    report = logs / "report.jsonl"
    delivered = [(f["location"]["path"], f["location"]["line"]) for f in map(json.loads, report.read_text().splitlines())
                 ] if report.exists() else []
    assert bool(delivered) == (point == "renamed")
    rerun = keyaudit(logs, ".", "--state", state, "--no-dedupe", "--exclude", "report.jsonl")
    assert sorted(delivered + places(rerun)) == [(f"app-{i}.log", line) for i in range(3) for line in (1, 98, 195, 292, 389)]
    assert sorted(p.name for p in logs.iterdir()) == ["app-0.log", "app-1.log", "app-2.log"] + (
        ["report.jsonl"] if delivered else [])  # no temporary report left behind


def test_a_second_run_on_the_same_state_waits_then_fails_clearly(tmp_path: Path) -> None:
    (tmp_path / "a.log").write_text("hello\n")
    state = tmp_path / "state.db"
    with open(f"{state}.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        run = keyaudit(tmp_path, "a.log", "--state", str(state), KEYAUDIT_STATE_WAIT="0.5")
    assert run.returncode == 2
    assert "another keyaudit run is using this state file" in run.stderr and "Traceback" not in run.stderr
    assert keyaudit(tmp_path, "a.log", "--state", str(state)).returncode == 0


def slow_log(lines: int) -> str:
    """Lines every rule engine has to confirm and validate: a unit that takes seconds. Each value
    decodes to text without a colon, so the rule's pattern cannot reject it (random bytes it can)."""
    return "".join("2026-11-22 10:00:00 DEBUG Authorization: Basic "
                   f"{base64.b64encode(os.urandom(15).hex().encode()).decode()}\n"
                   for _ in range(lines))


def checkpointed(state: Path) -> int:
    try:
        with contextlib.closing(sqlite3.connect(state, timeout=5)) as db:
            return db.execute("SELECT count(*) FROM finished_units").fetchone()[0]
    except sqlite3.Error:  # not created yet
        return 0


@pytest.mark.parametrize("spread", [["--jobs", "2"], ["--scheduler", "local:2"]], ids=["processes", "dask"])
def test_a_killed_run_is_taken_up_without_scanning_again_what_it_finished(tmp_path: Path, spread: list[str]) -> None:
    if spread[0] == "--scheduler":
        pytest.importorskip("distributed")
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "00-slow.log").write_text(slow_log(400_000))  # planned first: one worker is busy with it
    clean = 20
    for index in range(clean):
        (logs / f"app-{index:02d}.log").write_text(log_lines(3000))
    for index in range(2):  # their findings are checkpointed sealed and come back in the report
        (logs / f"tokens-{index}.log").write_text(log_lines(3000, token_every=1000))
    finished = clean + 2  # all but the slow one
    reference = findings(keyaudit(logs, ".", "--state", str(tmp_path / "reference.db"), *spread))
    state = tmp_path / "killed.db"
    process = subprocess.Popen([sys.executable, "-m", "keyaudit", "scan", ".", "--format", "jsonl", "--state",
                                str(state), *spread], cwd=logs, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while checkpointed(state) < finished and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert process.poll() is None, "the run ended before it could be killed: the test proves nothing"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    done = checkpointed(state)
    assert done >= finished
    assert_absent_from_state(tmp_path, logs)
    again = keyaudit(logs, ".", "--state", str(state), *spread, "--format", "json")
    report = json.loads(again.stdout)
    assert report["scan"]["requests"]["files_restored"] == done  # taken from the state, not rescanned
    assert [(f["fingerprint"], f["secret"], f["location"]) for f in report["findings"]] == \
        [(f["fingerprint"], f["secret"], f["location"]) for f in reference]
    assert len(reference) == 6
    uninterrupted = json.loads(keyaudit(logs, ".", *spread, "--format", "json").stdout)["scan"]
    assert report["scan"]["bytes_scanned"] == uninterrupted["bytes_scanned"]
    assert report["scan"]["files_scanned"] == uninterrupted["files_scanned"]
    assert checkpointed(state) == 0  # reported and committed: nothing left to take up


def assert_absent_from_state(tmp_path: Path, logs: Path) -> None:
    """No token of the logs is in any state file: checkpoints keep findings sealed."""
    tokens = {token for path in logs.iterdir() for token in re.findall(r"api_token=([0-9a-f]{32})", path.read_text())}
    assert tokens
    for path in tmp_path.glob("*.db*"):
        data = path.read_bytes()
        assert not [token for token in tokens if token.encode() in data], f"a token is in {path.name}"


def test_a_run_that_shows_values_scans_again_what_a_killed_run_found(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "clean.log").write_text(log_lines(300))
    (logs / "tokens.log").write_text(log_lines(300, token_every=100))
    state_path = tmp_path / "state.db"
    with Session(Config(targets=(str(logs),), state=state_path)) as interrupted:  # checkpointed, never reported
        interrupted.run()
    assert checkpointed(state_path) == 2
    assert_absent_from_state(tmp_path, logs)
    keyed = json.loads(keyaudit(tmp_path, str(logs), "--state", str(state_path), "--format", "json",
                                "--digest-key", "k").stdout)
    assert keyed["scan"]["requests"]["files_restored"] == 1  # the clean file only: values are needed
    assert len(keyed["findings"]) == 3 and all(f["secret"]["digest"].startswith("hmac-sha256:")
                                               for f in keyed["findings"])


def test_an_unchanged_file_is_not_read_again(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    rotated = logs / "app.log.1.gz"
    rotated.write_bytes(gzip.compress(log_lines(5000, token_every=1000).encode()))
    state = str(tmp_path / "state.db")
    assert len(places(keyaudit(logs, ".", "--state", state))) == 5
    # Damage the compressed data behind the head but keep size and mtime: only a file that is
    # read again can notice.
    stat = rotated.stat()
    data = bytearray(rotated.read_bytes())
    data[-200:-8] = bytes(192)
    rotated.write_bytes(bytes(data))
    os.utime(rotated, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    again = keyaudit(logs, ".", "--state", state, "--format", "json")
    report = json.loads(again.stdout)
    assert again.returncode == 0 and report["errors"] == [] and report["findings"] == []
    assert report["scan"]["requests"]["files_unchanged"] == 1
    os.utime(rotated)  # touched: read again, and the damage is found
    touched = json.loads(keyaudit(logs, ".", "--state", state, "--format", "json").stdout)
    assert touched["errors"] and "app.log.1.gz" in touched["errors"][0]["path"]


def test_a_damaged_file_reports_its_findings_once(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    whole = gzip.compress(log_lines(20_000, token_every=1000).encode())
    rotated = logs / "app.log.1.gz"
    rotated.write_bytes(whole[: len(whole) // 2])  # cut short: logrotate still compressing, a full disk
    state = str(tmp_path / "state.db")
    first = keyaudit(logs, ".", "--state", state, "--no-dedupe")
    before_damage = places(first)
    assert 0 < len(before_damage) < 20 and "app.log.1.gz: read failed" in first.stderr
    unchanged = keyaudit(logs, ".", "--state", state, "--format", "json")
    report = json.loads(unchanged.stdout)
    assert (unchanged.returncode, report["findings"]) == (0, [])
    assert [error["path"] for error in report["errors"]] == ["app.log.1.gz"]  # still damaged: said again
    assert report["scan"]["requests"]["files_unchanged"] == 1
    os.utime(rotated)  # the same damaged content, touched: read again up to the damage, nothing new
    touched = keyaudit(logs, ".", "--state", state)
    assert places(touched) == [] and "read failed" in touched.stderr
    assert len(json.loads(keyaudit(logs, ".", "--state", state, "--format", "json").stdout)["errors"]) == 1
    rotated.write_bytes(whole)  # complete now: what lies behind the damage, once, at its own lines
    completed = keyaudit(logs, ".", "--state", state, "--no-dedupe")
    everything = places(keyaudit(logs, ".", "--no-dedupe"))
    assert sorted(before_damage + places(completed)) == everything and len(everything) == 20


def test_an_unchanged_damaged_archive_or_gzip_is_not_read_again_and_its_damage_is_listed_again(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    members = {f"app{i}.log": log_lines(200, token_every=100).encode() for i in range(3)}
    tar = tar_bytes(members)
    (logs / "logs.tar").write_bytes(tar[: len(tar) // 2])  # cut inside its second member
    whole = gzip.compress(log_lines(20_000, token_every=1000).encode())
    (logs / "app.log.1.gz").write_bytes(whole[: len(whole) // 2])
    state = str(tmp_path / "state.db")
    first = json.loads(keyaudit(logs, ".", "--state", state, "--format", "json").stdout)
    damage = sorted((error["path"], error["message"]) for error in first["errors"])
    assert [path for path, _ in damage] == ["app.log.1.gz", "logs.tar"] and first["findings"]
    for _ in range(2):
        run = keyaudit(logs, ".", "--state", state, "--format", "json")
        again = json.loads(run.stdout)
        assert (run.returncode, again["findings"]) == (0, []), run.stderr
        assert again["scan"]["requests"]["files_unchanged"] == 2  # neither read again
        assert sorted((error["path"], error["message"]) for error in again["errors"]) == \
            [(path, f"{message} ({UNCHANGED_DAMAGE})") for path, message in damage]
        assert run.stderr.count("keyaudit: error:") == 2
    assert keyaudit(logs, ".", "--state", state, "--strict").returncode == 2


@pytest.mark.skipif(not has_proc(), reason="finds the run's workers in /proc")
def test_workers_die_with_a_run_killed_by_sigkill_and_free_the_state(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    for index in range(12):  # ~40 MB of lines every engine must validate: seconds of work for 2 workers
        (logs / f"app-{index:02d}.log").write_text(slow_log(40_000))
    state = tmp_path / "state.db"
    process = subprocess.Popen([sys.executable, "-m", "keyaudit", "scan", ".", "--format", "jsonl", "--jobs", "2",
                                "--state", str(state)], cwd=logs, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while (len(workers) < 2 or not checkpointed(state)) and process.poll() is None and time.monotonic() < deadline:
        workers = children(process.pid)
        time.sleep(0.02)
    mid_scan = process.poll() is None and len(workers) == 2
    os.kill(process.pid, signal.SIGKILL)  # the parent only, as the OOM killer does
    process.wait()
    assert mid_scan, "the run ended before it could be killed mid-scan: the test proves nothing"
    deadline = time.monotonic() + 10
    while any(map(running, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    survivors = [pid for pid in workers if running(pid)]
    for pid in survivors:  # leave nothing behind, also when the test fails
        os.kill(pid, signal.SIGKILL)
    assert survivors == [], "forked workers outlived their parent"
    again = keyaudit(logs, ".", "--state", str(state), KEYAUDIT_STATE_WAIT="5")
    assert again.returncode == 0 and "another keyaudit run" not in again.stderr, again.stderr


@pytest.mark.parametrize("damage", ["offset = 'abc'", "lines = 'x'", "end_column = -5", "offset = 12.5"])
def test_a_record_of_values_of_the_wrong_type_is_read_again(tmp_path: Path, damage: str) -> None:
    """SQLite keeps any value in any column: a state edited by hand, or written by another
    program, held 'abc' as an offset, and the file failed as an internal error (TypeError)."""
    state = tmp_path / "state.db"
    (tmp_path / "app.log").write_text(log_lines(10, token_every=5))
    assert places(keyaudit(tmp_path, "app.log", "--state", str(state))) == [("app.log", 1), ("app.log", 6)]
    with contextlib.closing(sqlite3.connect(state)) as db, db:
        db.execute(f"UPDATE files SET stamp = NULL, {damage}")  # no stamp: the file is looked into
    again = keyaudit(tmp_path, "app.log", "--state", str(state))
    assert again.returncode == 1 and "error" not in again.stderr, again.stderr
    assert places(again) == [("app.log", 1), ("app.log", 6)]  # read again from the start


@pytest.mark.parametrize("column", ["damage", "seen"])
def test_a_record_nested_past_the_parsers_depth_is_read_again(tmp_path: Path, column: str) -> None:
    """A record's JSON column nested 200,000 lists deep (a damaged or hand-made state) failed the whole run as an
    internal RecursionError; it is a record this module did not write, like any other damaged one: read again."""
    state = tmp_path / "state.db"
    (tmp_path / "app.log").write_text(log_lines(10, token_every=5))
    assert places(keyaudit(tmp_path, "app.log", "--state", str(state))) == [("app.log", 1), ("app.log", 6)]
    with contextlib.closing(sqlite3.connect(state)) as db, db:
        db.execute(f"UPDATE files SET stamp = NULL, {column} = ?", ("[" * 200_000,))
    again = keyaudit(tmp_path, "app.log", "--state", str(state))
    assert again.returncode == 1 and "error" not in again.stderr, again.stderr
    assert places(again) == [("app.log", 1), ("app.log", 6)]


def test_a_state_written_before_stamps_is_upgraded_in_place(tmp_path: Path) -> None:
    state = tmp_path / "state.db"
    with contextlib.closing(sqlite3.connect(state)) as db:
        db.executescript("""
            CREATE TABLE files (id INTEGER PRIMARY KEY, head_len INTEGER NOT NULL, head_hash TEXT NOT NULL,
                offset INTEGER NOT NULL, lines INTEGER NOT NULL, end_column INTEGER NOT NULL,
                tail_hash TEXT NOT NULL, last_path TEXT NOT NULL, updated_at REAL NOT NULL);
        """)
    (tmp_path / "app.log").write_text(log_lines(10, token_every=5))
    assert places(keyaudit(tmp_path, "app.log", "--state", str(state))) == [("app.log", 1), ("app.log", 6)]
    with (tmp_path / "app.log").open("a") as handle:
        handle.write(log_lines(3, token_every=2))
    assert places(keyaudit(tmp_path, "app.log", "--state", str(state))) == [("app.log", 11), ("app.log", 13)]


def test_a_file_named_with_a_byte_that_is_not_utf8_is_remembered(tmp_path: Path) -> None:
    """The state names it as the reports do; recording it must not fail the run after its report."""
    logs = tmp_path / "logs"
    logs.mkdir()
    state = tmp_path / "state.db"
    with open(os.path.join(os.fsencode(logs), b"bad\xff.log"), "w") as handle:
        handle.write(log_lines(3, token_every=2))
    first = keyaudit(logs, ".", "--state", str(state))
    assert first.returncode == 1 and "internal error" not in first.stderr, first.stderr
    assert places(first) == [("bad\\xff.log", 1), ("bad\\xff.log", 3)]
    again = keyaudit(logs, ".", "--state", str(state))
    assert again.returncode == 0 and places(again) == []
    with contextlib.closing(sqlite3.connect(state)) as db:
        assert db.execute("SELECT last_path FROM files").fetchall() == [("bad\\xff.log",)]


def damaged_states(tmp_path: Path) -> dict[str, Path]:
    """State files a disk fault, a kill or a wrong argument leaves: not SQLite at all, a real state
    cut short, one with a page overwritten, and a FIFO."""
    logs = tmp_path / "seed"
    logs.mkdir()
    (logs / "app.log").write_text(log_lines(50, token_every=10))
    real = tmp_path / "real.db"
    keyaudit(logs, ".", "--state", str(real))
    data = real.read_bytes()
    states = {"garbage": b"garbage\n", "truncated": data[: len(data) // 2 + 100],
              "overwritten": data[:4096] + b"\xa5" * 4096 + data[8192:]}
    paths = {}
    for name, content in states.items():
        paths[name] = tmp_path / f"{name}.db"
        paths[name].write_bytes(content)
    paths["fifo"] = tmp_path / "fifo.db"
    os.mkfifo(paths["fifo"])
    return paths


def test_a_state_file_that_is_not_a_usable_database_is_one_clear_error(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "app.log").write_text(log_lines(10, token_every=5))
    for name, state in damaged_states(tmp_path).items():
        run = keyaudit(logs, ".", "--state", str(state), KEYAUDIT_STATE_WAIT="2")
        assert run.returncode == 2, (name, run.stderr)
        [line] = run.stderr.splitlines()
        assert line.startswith(f"keyaudit: error: {state}: not a usable keyaudit state database: "), (name, line)


@pytest.mark.parametrize("cut", ['{"files_scanned": 1, "byt', "[" * 200_000])
def test_a_damaged_checkpoint_is_scanned_again(tmp_path: Path, cut: str) -> None:
    """A checkpoint cut short, or nested past the parser's depth (an internal RecursionError for the whole run), and
    one of a count of a wrong type: each unit is scanned again."""
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "clean.log").write_text(log_lines(300))
    (logs / "tokens.log").write_text(log_lines(300, token_every=100))
    reference = places(keyaudit(tmp_path, str(logs)))
    state_path = tmp_path / "state.db"
    with Session(Config(targets=(str(logs),), state=state_path)) as interrupted:  # checkpointed, never reported
        interrupted.run()
    assert checkpointed(state_path) == 2
    with contextlib.closing(sqlite3.connect(state_path)) as db:  # one row cut short, one with a count of a wrong type
        rows = db.execute("SELECT unit_key, summary FROM finished_units ORDER BY unit_key").fetchall()
        db.execute("UPDATE finished_units SET summary = ? WHERE unit_key = ?", (cut, rows[0][0]))
        damaged = {**json.loads(rows[1][1]), "bytes_scanned": "many"}
        db.execute("UPDATE finished_units SET summary = ? WHERE unit_key = ?", (json.dumps(damaged), rows[1][0]))
        db.commit()
    again = keyaudit(tmp_path, str(logs), "--state", str(state_path), "--format", "json")
    assert again.returncode == 1, again.stderr
    assert "error" not in again.stderr
    report = json.loads(again.stdout)
    assert "files_restored" not in report["scan"]["requests"]
    assert sorted((f["location"]["path"], f["location"]["line"]) for f in report["findings"]) == reference


def test_a_state_another_program_holds_locked_costs_its_progress_not_the_report(tmp_path: Path) -> None:
    """A SQLite lock held by another program (a backup, a browser of the file) past the wait ended
    the run at its first checkpoint as an internal error (OperationalError): no report at all."""
    (tmp_path / "old.log").write_text(log_lines(10))
    first = keyaudit(tmp_path, "--state", "state.db", "old.log")
    assert first.returncode == 0, first.stderr
    (tmp_path / "new.log").write_text(log_lines(10, token_every=5))
    holder = sqlite3.connect(tmp_path / "state.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # a writer's lock: the state can be read, not written
    try:
        locked = keyaudit(tmp_path, "--state", "state.db", "new.log", KEYAUDIT_STATE_WAIT="0")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert locked.returncode == 2, locked.stderr
    assert places(locked) == [("new.log", 1), ("new.log", 6)]
    assert [line.split(" (")[0] for line in locked.stderr.splitlines() if "error" in line] == [
        "keyaudit: error: state.db: checkpoints not recorded", "keyaudit: error: state.db: progress not recorded"]
    again = keyaudit(tmp_path, "--state", "state.db", "new.log")  # as the error said: reported again
    assert places(again) == [("new.log", 1), ("new.log", 6)] and again.returncode == 1, again.stderr
