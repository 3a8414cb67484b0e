"""A hostile --state: every value read back is checked in one place (keyaudit/run/stored.py). A damaged record or
checkpoint is one warning line naming the state file and the row, its file is scanned again from its start (a
damaged held record: the file goes on from its end), the run goes on, and the state written back is clean."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from keyaudit.config import Config
from keyaudit.run.session import Session

DEEP = "[" * 100_000
SQL_DEEP = "'" + DEEP + "'"


def keyaudit(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "keyaudit", "scan", "--format", "jsonl", "--jobs", "1", *args],
                          cwd=cwd, capture_output=True, text=True, env=os.environ)


def lines(run: subprocess.CompletedProcess[str]) -> list[int]:
    return sorted(json.loads(line)["location"]["line"] for line in run.stdout.splitlines())


def log(first: int, count: int) -> str:
    """Lines ``first`` to ``first + count - 1`` (0-based), a distinct token on every fifth."""
    return "".join(f"2026-12-06 10:00:{i % 60:02d} INFO request {i}" +
                   (f" api_token={iugu_token()}" if i % 5 == 0 else "") + "\n" for i in range(first, first + count))


def warnings(run: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in run.stderr.splitlines() if line.startswith("keyaudit: warning:")]


@pytest.mark.parametrize(("column", "value", "rescanned"), [
    ("lines", str((1 << 63) - 1), True),  # a count SQLite holds: the next run's sum was past it (OverflowError)
    ("lines", str(10**30), True), ("offset", "-1", True), ("end_column", "'x'", True),
    ("id", "-1", True), ("cut", "2", True), ("head_len", "1.5", True),
    ("head_len", "-1", True), ("damage", "'[[1, 2]]'", True), ("seen", SQL_DEEP, True), ("seen", "'{}'", True),
    ("held", "'[1, 2]'", False), ("held", SQL_DEEP, False),
    ("held", "json_array(0, 9223372036854775807, 'x', json_array(), json_array(offset, stamp))", False),
])
def test_a_damaged_record_is_one_warning_and_its_state_is_written_back_clean(tmp_path: Path, column: str,
                                                                             value: str, rescanned: bool) -> None:
    state = tmp_path / "state.db"
    (tmp_path / "app.log").write_text(log(0, 10))
    assert lines(keyaudit(tmp_path, "app.log", "--state", str(state))) == [1, 6]
    with contextlib.closing(sqlite3.connect(state)) as db, db:
        if column == "held":  # a held record beside the record of the end
            db.execute("UPDATE files SET held = json_array(0, 0, 'x', json_array(), json_array(offset, stamp))")
        db.execute(f"UPDATE files SET {column} = {value}")
        (row,), = db.execute("SELECT id FROM files").fetchall()
    with (tmp_path / "app.log").open("a") as handle:
        handle.write(log(10, 6))
    again = keyaudit(tmp_path, "app.log", "--state", str(state))
    assert again.returncode == 1, again.stderr
    [line] = warnings(again)
    assert line.startswith(f"keyaudit: warning: {state}: files row {row} is damaged ("), line
    assert "error" not in again.stderr, again.stderr
    assert lines(again) == ([1, 6, 11, 16] if rescanned else [11, 16])
    with (tmp_path / "app.log").open("a") as handle:
        handle.write(log(16, 5))
    last = keyaudit(tmp_path, "app.log", "--state", str(state))
    assert (last.returncode, warnings(last), lines(last)) == (1, [], [21]), last.stderr
    with contextlib.closing(sqlite3.connect(state)) as db:
        assert db.execute("SELECT count(*), min(lines) FROM files").fetchone() == (1, 21)


def test_every_run_after_a_count_at_sqlites_bound_goes_on(tmp_path: Path) -> None:
    """A line count of 2**63-1 is a value SQLite keeps: the run that added this one's lines to it failed writing its
    state back (OverflowError), and so did every run after it."""
    state = tmp_path / "state.db"
    (tmp_path / "app.log").write_text(log(0, 10))
    keyaudit(tmp_path, "app.log", "--state", str(state))
    with contextlib.closing(sqlite3.connect(state)) as db, db:
        db.execute("UPDATE files SET lines = ?", ((1 << 63) - 1,))
    for count in (3, 4, 5):
        with (tmp_path / "app.log").open("a") as handle:
            handle.write(log(10, count))
        run = keyaudit(tmp_path, "app.log", "--state", str(state))
        assert run.returncode in (0, 1) and "internal error" not in run.stderr, run.stderr


def checkpoints(tmp_path: Path) -> tuple[Path, Path, list[tuple[str, str]]]:
    """A state holding the checkpoints of a run that was never reported (killed), with its logs."""
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "a.log").write_text(log(0, 10))
    (logs / "b.log").write_text(log(100, 10))
    state = tmp_path / "state.db"
    with Session(Config(targets=(str(logs),), state=state)) as interrupted:  # checkpointed, never reported
        interrupted.run()
    with contextlib.closing(sqlite3.connect(state)) as db:
        return logs, state, db.execute("SELECT unit_key, summary FROM finished_units ORDER BY unit_key").fetchall()


@pytest.mark.parametrize("damage", [
    ("progress", "offset", 10**30), ("progress", "lines", -1), ("progress", "end_column", 1 << 63),
    ("progress", "offset", 1.5), ("progress", "stamp", 5), ("progress", "held", DEEP), ("", "files_scanned", 1 << 63),
    ("", "bytes_scanned", None), ("", "statistics", {"x": -1}), ("", "skipped_inputs", [[1, 2]]),
    ("finding", "line", "x"), ("finding", "column", 10**30), ("finding", "severity", 3), ("finding", "secret", [1]),
])
def test_a_damaged_checkpoint_is_one_warning_and_its_unit_is_scanned_again(tmp_path: Path, damage: tuple) -> None:
    """A checkpoint's count past 64 bits got into the progress written back (OverflowError: no state recorded);
    a finding's line of text failed sorting the report."""
    logs, state, rows = checkpoints(tmp_path)
    reference = lines(keyaudit(tmp_path, str(logs)))
    where, name, value = damage
    key, summary = next(row for row in rows if "a.log" in row[0])
    values = json.loads(summary)
    part = {"": values, "progress": values["progress"], "finding": values["findings"][0]}[where]
    if where == "finding" and name in ("line", "column"):
        part = part["location"]
    part[name] = value
    with contextlib.closing(sqlite3.connect(state)) as db, db:
        db.execute("UPDATE finished_units SET summary = ? WHERE unit_key = ?", (json.dumps(values), key))
    again = keyaudit(tmp_path, str(logs), "--state", str(state))
    assert again.returncode == 1 and "error" not in again.stderr, again.stderr
    [line] = warnings(again)
    assert line.startswith(f"keyaudit: warning: {state}: finished_units row ") and "is damaged (" in line, line
    assert lines(again) == reference
    later = keyaudit(tmp_path, str(logs), "--state", str(state))
    assert (later.returncode, later.stderr.count("warning"), lines(later)) == (0, 0, []), later.stderr


def test_a_damaged_record_two_files_start_like_is_said_once(tmp_path: Path) -> None:
    """A log and its rotated copy start alike: both are known by the one damaged record, which is said once."""
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "app.log").write_text(log(0, 10))
    state = tmp_path / "state.db"
    keyaudit(tmp_path, str(logs), "--state", str(state))
    (logs / "app.log.1").write_text(log(0, 10))
    with contextlib.closing(sqlite3.connect(state)) as db, db:
        db.execute("UPDATE files SET stamp = NULL, lines = -1")
    again = keyaudit(tmp_path, str(logs), "--state", str(state))
    assert again.returncode == 1 and len(warnings(again)) == 1, again.stderr
