"""--state over files that start alike, run after run: empty files (whose record has no head, so every file starts
like it), a log and its copy. Each file goes on from its own record: over several runs every finding is reported
once, by the run after it was written, and together the runs report what one scan of the files reports."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

from helpers.credentials import asaas_key, iugu_token

Key = tuple[str, str]  # a finding's rule and its secret's digest: the same key wherever a copy puts it


def run(folder: Path, state: Path | None) -> list[Key]:
    """The findings of one ``keyaudit scan`` of ``folder`` in a process of its own (with ``state``: resumed)."""
    with_state = ["--state", str(state)] if state is not None else []
    done = subprocess.run([sys.executable, "-m", "keyaudit", "scan", "--format", "jsonl", "--jobs", "1", *with_state,
                           "."], cwd=folder, capture_output=True, text=True, env={**os.environ})
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return [(found["rule_id"], found["secret"]["digest"]) for found in map(json.loads, done.stdout.splitlines())]


def lines(count: int) -> str:
    """``count`` log lines, each with a key of its own."""
    return "".join(f"2026-12-06 10:00:{number:02d} INFO asaas call access_token={asaas_key()}\n" if number % 2 else
                   f"2026-12-06 10:00:{number:02d} INFO GET /v1/charges?api_token={iugu_token()} 200\n"
                   for number in range(count))


def append(path: Path, text: str) -> None:
    with path.open("a") as out:
        out.write(text)


def assert_each_once(folder: Path, runs: list[list[Key]]) -> None:
    """No key reported by two runs (nor twice by one), and the runs together report what one scan does."""
    reported = Counter(key for found in runs for key in found)
    assert [count for count in reported.values() if count > 1] == []
    assert set(reported) == set(run(folder, None))


def test_empty_files_that_grow_in_one_run_each_keep_their_own_progress(tmp_path: Path) -> None:
    folder, state = tmp_path / "logs", tmp_path / "state.db"
    folder.mkdir()
    for name in ("a.log", "b.log", "c.log"):
        (folder / name).write_text("")
    runs = [run(folder, state)]
    for name in ("a.log", "b.log"):  # both were the empty files' record: each goes on from it
        append(folder / name, lines(2))
    runs.append(run(folder, state))
    append(folder / "c.log", lines(1))
    runs.append(run(folder, state))
    runs.append(run(folder, state))
    assert [len(found) for found in runs] == [0, 4, 1, 0]
    assert_each_once(folder, runs)


def test_a_log_and_its_copy_each_go_on_from_where_they_were_left(tmp_path: Path) -> None:
    folder, state = tmp_path / "logs", tmp_path / "state.db"
    folder.mkdir()
    (folder / "a.log").write_text(lines(50))  # past the head that identifies content: the two start alike
    runs = [run(folder, state)]
    shutil.copyfile(folder / "a.log", folder / "b.log")  # content already reported, under another name
    append(folder / "a.log", lines(4))  # a.log's record goes further than b.log's, which starts alike
    runs.append(run(folder, state))
    append(folder / "b.log", lines(2))
    runs.append(run(folder, state))
    append(folder / "a.log", lines(1))
    append(folder / "b.log", lines(1))
    runs.append(run(folder, state))
    runs.append(run(folder, state))
    assert [len(found) for found in runs] == [50, 4, 2, 2, 0]
    assert_each_once(folder, runs)
