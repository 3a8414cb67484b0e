"""A worker process that dies (the kernel kills it when memory runs out) costs the unit it was
scanning, named as an error, and nothing else: the other units — those the dead pool had taken or
queued too — are scanned, the report is written, and a lost piece of a file still counts its lines,
so that the findings of the pieces after it stay on their lines."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from helpers.credentials import asaas_key, iugu_line, iugu_token
from helpers.running import subprocess_env
from helpers.secrecy import scrub
from keyaudit.rulebook.loader import load_rules
from keyaudit.run.executors.lost import lost_unit
from keyaudit.run.unit_scanner import UnitScanner
from keyaudit.run.units import WorkUnit
from keyaudit.sources.targets import Target

FILLER = b"2026-11-25 10:00:00 INFO request done in 12 ms for a client of the shop\n"


def _descendants(root: int) -> list[int]:
    """The processes below ``root`` (its workers), from /proc."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat:
                parents[int(entry)] = int(stat.read().rsplit(b")", 1)[1].split()[1])
        except (ValueError, OSError):  # not a process, or one that ended
            continue
    found, frontier = [], [root]
    while frontier:
        children = [pid for pid, parent in parents.items() if parent in frontier]
        found.extend(children)
        frontier = children
    return found


def _reading(pid: int, path: Path) -> bool:
    try:
        return any(os.readlink(f"/proc/{pid}/fd/{fd}") == str(path) for fd in os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return False


def test_a_worker_killed_on_a_file_costs_that_file_only(tmp_path: Path) -> None:
    """Every process that opens ``victim.log`` is killed with SIGKILL, as the kernel ends one that
    runs out of memory: in the pool, then again when the file is run alone."""
    tokens = []
    for index in range(3):  # 9 MB in all: enough for --jobs 2 to fork workers
        tokens.append((iugu_token(), iugu_token()))
        (tmp_path / f"app{index}.log").write_bytes(
            (iugu_line(tokens[-1][0]) + "\n").encode() + FILLER * 40_000 + (iugu_line(tokens[-1][1]) + "\n").encode())
    victim = tmp_path / "victim.log"
    victim.write_bytes(f"ASAAS_API_KEY={asaas_key()}\n".encode() + FILLER * 40_000)
    scan = subprocess.Popen([sys.executable, "-m", "keyaudit", "scan", "--format", "json", "--jobs", "2", "."],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=subprocess_env())
    killed = 0
    while scan.poll() is None:
        for pid in _descendants(scan.pid):
            if _reading(pid, victim):
                os.kill(pid, signal.SIGKILL)
                killed += 1
        time.sleep(0.005)
    stdout, stderr = scan.communicate()
    text = stderr.decode("utf-8", "replace")
    assert killed >= 1 and scan.returncode == 1 and "Traceback" not in text, scrub(text)
    report = json.loads(stdout)
    assert sorted((f["location"]["path"], f["location"]["line"]) for f in report["findings"]) == [
        (f"app{index}.log", line) for index in range(3) for line in (1, 40_002)]
    assert [(error["path"], error["message"]) for error in report["errors"]] == [
        ("victim.log", "not scanned: the process scanning it ended (killed by SIGKILL, as when memory runs out)")]
    assert [line for line in text.splitlines() if line.startswith("keyaudit: error:")] == [
        "keyaudit: error: victim.log: " + report["errors"][0]["message"]]


def test_a_lost_piece_of_a_file_counts_the_lines_a_scan_of_it_counts(tmp_path: Path) -> None:
    """The lines of each byte range of a file, counted without scanning, are the lines its scan
    counts: the pieces after a lost one are moved down as far as they would have been."""
    path = tmp_path / "big.log"
    path.write_bytes(FILLER * 3_000 + b"a line without its newline")
    size, scanner = path.stat().st_size, UnitScanner(load_rules())
    cuts = [0, 1, 70_001, 100_000, size - 5, size]
    for start, end in zip(cuts, cuts[1:]):
        unit = WorkUnit(Target(str(path), path), byte_range=(start, end), to_end=end == size)
        lost = lost_unit(unit, "a test")
        assert lost.lines == scanner.scan(unit).lines, (start, end)
        assert [error.message for error in lost.errors] == ["not scanned: a test"]
