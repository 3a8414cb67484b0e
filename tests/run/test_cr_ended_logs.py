"""A log whose lines end in CR alone is scanned as the same log with LFs: the same findings, at the
same lines and columns, requests read as requests — plain or gzipped, one worker or two (such a
file is read whole, never cut into byte ranges of its stored bytes), resumed by ``--state`` after
it grew. Before, such a file was one line: every finding at line 1 and its requests lost.

Expected places come from the same text written with LFs, scanned the same way."""

from __future__ import annotations

import codecs
import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers.credentials import iugu_line, iugu_token
from helpers.request_shapes import dumps_log, pretty_log
from helpers.running import run_scan
from keyaudit.model.result import ScanResult
from keyaudit.run.units import plan_units
from keyaudit.sources.targets import Discovery

SMALL_RANGES = 64 << 10  # what the LF twin is cut into, so that it is read in many ranges


def log_text() -> bytes:
    """Request dumps and pretty-printed JSON records of unsigned transfers, a leaked token in a
    query between them, and a token well past the first chunk."""
    token = iugu_line(iugu_token()).encode()
    return dumps_log(300) + token + b"\n" + pretty_log(200) + b"2026-11-22 INFO done\n" * 50_000 + token + b"\n"


def places(result: ScanResult) -> list[tuple[str, int, int]]:
    assert result.errors == []
    return sorted((f.rule_id, f.location.line, f.location.column) for f in result.findings)


@pytest.fixture(scope="module")
def twins(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[str, int, int]]]:
    """A folder with the LF log, and its findings scanned in small ranges by two workers."""
    folder = tmp_path_factory.mktemp("twins")
    (folder / "lf.log").write_bytes(log_text())
    reference = places(run_scan(str(folder / "lf.log"), jobs=2, range_bytes=SMALL_RANGES))
    rules = {rule for rule, _, _ in reference}
    assert {"iugu-unsigned-transfer", "iugu-api-token"} <= rules and len(reference) > 500
    return folder, reference


@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_cr_ended_log_gives_the_findings_of_its_lf_twin(twins: tuple[Path, list[tuple[str, int, int]]],
                                                          compress: bool, jobs: int) -> None:
    folder, reference = twins
    text = log_text().replace(b"\n", b"\r")
    path = folder / f"cr-{jobs}.log{'.gz' if compress else ''}"
    path.write_bytes(gzip.compress(text) if compress else text)
    assert places(run_scan(str(path), jobs=jobs, range_bytes=SMALL_RANGES)) == reference


def test_a_cr_ended_log_is_planned_whole_and_its_lf_twin_in_ranges(tmp_path: Path) -> None:
    text = log_text()
    (tmp_path / "lf.log").write_bytes(text)
    (tmp_path / "cr.log").write_bytes(text.replace(b"\n", b"\r"))
    members = b"".join(gzip.compress(text[start : start + SMALL_RANGES].replace(b"\n", b"\r"))
                       for start in range(0, len(text), SMALL_RANGES))  # whole lines or not: one text
    (tmp_path / "cr-members.log.gz").write_bytes(members)
    wide = b"".join(gzip.compress(codecs.BOM_UTF16_LE * (start == 0) + text[start : start + SMALL_RANGES]
                                  .decode().encode("utf-16-le")) for start in range(0, len(text), SMALL_RANGES))
    (tmp_path / "wide-members.log.gz").write_bytes(wide)  # UTF-16 gzipped in members is read whole too
    units = plan_units([str(tmp_path)], Discovery(), range_bytes=SMALL_RANGES, workers=2)
    cut = {unit.target.display.rsplit("/", 1)[-1] for unit in units if unit.byte_range is not None}
    assert cut == {"lf.log"} and len(units) > 4


def test_a_cr_ended_log_that_grew_is_resumed_at_its_new_lines(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    log, state = logs / "device.log", str(tmp_path / "state.db")
    line = "2026-11-22 10:00:00 INFO polled\r"
    log.write_bytes(f"{line * 4}{iugu_line(iugu_token())}\r{line * 5}".encode())

    def new_lines() -> list[int]:
        run = subprocess.run([sys.executable, "-m", "keyaudit", "scan", "--format", "jsonl", ".", "--state", state],
                             cwd=logs, capture_output=True, text=True)
        assert run.returncode in (0, 1) and "Traceback" not in run.stderr, run.stderr[-2000:]
        return [json.loads(row)["location"]["line"] for row in run.stdout.splitlines()]

    assert new_lines() == [5]
    assert new_lines() == []
    with log.open("ab") as handle:
        handle.write(f"{line * 2}{iugu_line(iugu_token())}\r".encode())
    assert new_lines() == [13]
