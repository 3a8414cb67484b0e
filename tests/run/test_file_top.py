"""What a file's top says to the lines below it: a file whose top leaves a table open is read whole
under ``--jobs`` (a range read alone would see bare values), and a scan resumed past the top
(``--state``) reads on the rows of a table whose header the top holds, while the table goes on."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.credentials import iugu_token
from helpers.running import run_scan
from keyaudit.engine import create_matcher
from keyaudit.rulebook.loader import load_rules
from keyaudit.run.file_top import open_tables
from keyaudit.run.units import plan_units
from keyaudit.sources.targets import Discovery

HEADER = "customer_id,name,iugu_api_token,created_at\n"
RANGE = 50_000  # bytes a range holds here: a table of 2,000 rows would span several


def _rows(first: int, count: int) -> str:
    return "".join(f"{n},Cliente {n},{iugu_token()},2026-11-22\n" for n in range(first, first + count))


def _token_lines(result) -> list[int]:
    return sorted(f.location.line for f in result.findings if f.rule_id.startswith("iugu"))


def test_a_csv_export_is_read_whole_on_every_worker_count(tmp_path: Path) -> None:
    path = tmp_path / "customers.csv"
    path.write_text(HEADER + _rows(0, 2000))
    whole, cut = run_scan(str(path), jobs=1), run_scan(str(path), jobs=2, range_bytes=RANGE)
    assert _token_lines(whole) == list(range(2, 2002))
    assert _token_lines(cut) == _token_lines(whole)


def test_a_gzip_export_of_many_members_is_read_whole_too(tmp_path: Path) -> None:
    text = (HEADER + _rows(0, 3000)).encode()
    path = tmp_path / "customers.csv.gz"
    step = len(text) // 4
    cuts = [text.rfind(b"\n", 0, step * n) + 1 for n in range(1, 4)]
    path.write_bytes(b"".join(gzip.compress(text[a:b]) for a, b in zip([0, *cuts], [*cuts, len(text)])))
    assert _token_lines(run_scan(str(path), jobs=2, range_bytes=RANGE // 5)) == list(range(2, 3002))


def test_only_a_top_that_leaves_a_table_open_keeps_its_file_whole(tmp_path: Path) -> None:
    """A table that ends within the top (a blank line, then a log) lets the file be cut; so does a
    header of columns that names no token."""
    matcher = create_matcher(load_rules(), "auto")
    tops = {"export.csv": HEADER + _rows(0, 2000),
            "ended.log": HEADER + _rows(0, 20) + "\n" + "2026-11-22 10:00:00 INFO served /health in 2 ms\n" * 3000,
            "builds.csv": "id,label,md5,created_at\n" + "".join(f"{n},b{n},{os.urandom(16).hex()},x\n"
                                                                 for n in range(3000))}
    cut = {}
    for name, text in tops.items():
        (tmp_path / name).write_text(text)
        units = plan_units([str(tmp_path / name)], Discovery(), range_bytes=RANGE, workers=2,
                           whole_top=lambda top: bool(open_tables(top, matcher)))
        cut[name] = len(units) > 1
    assert cut == {"export.csv": False, "ended.log": True, "builds.csv": True}


def test_a_resumed_csv_reads_the_rows_appended_under_the_header(tmp_path: Path) -> None:
    path = tmp_path / "customers.csv"
    path.write_text(HEADER + _rows(0, 3000))
    state = str(tmp_path / "state.db")

    def scan() -> list[int]:
        run = subprocess.run([sys.executable, "-m", "keyaudit", "scan", "--format", "jsonl", "--state", state,
                              str(path)], capture_output=True, text=True, env=os.environ)
        assert run.returncode in (0, 1), run.stderr[-2000:]
        return sorted(json.loads(line)["location"]["line"] for line in run.stdout.splitlines())

    assert scan() == list(range(2, 3002))
    with path.open("a") as log:
        log.write(_rows(3000, 5))
    assert scan() == list(range(3002, 3007))


@pytest.mark.parametrize("blank", ["\n", "\\.\n"])
def test_a_resumed_file_whose_table_ended_reads_its_new_lines_as_lines(tmp_path: Path, blank: str) -> None:
    path = tmp_path / "dump.txt"
    path.write_text(HEADER + _rows(0, 3000) + blank)
    state = str(tmp_path / "state.db")
    args = [sys.executable, "-m", "keyaudit", "scan", "--format", "jsonl", "--state", state, str(path)]
    subprocess.run(args, capture_output=True, check=False)
    with path.open("a") as log:
        log.write("".join(f"{n},build {n},{os.urandom(16).hex()},2026-11-22\n" for n in range(5)))
    run = subprocess.run(args, capture_output=True, text=True)
    assert run.stdout == "", "rows after the table's end were read as its rows"
