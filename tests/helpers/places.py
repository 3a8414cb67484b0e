"""Where a planted secret is, as an editor shows it, and where a report says findings are."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def place(data: bytes, offset: int) -> tuple[int, int]:
    """(line, column) of byte ``offset`` as an editor shows it, computed from the whole file:
    lines are counted by LF, columns count characters (one per undecodable byte), 1-based."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", "surrogateescape")) + 1
    return line, column


def expected_spans(data: bytes, secrets_planted: list[str]) -> list[tuple[int, int, int, int]]:
    """Sorted (line, column, end_line, end_column) of each planted secret (each occurs once)."""
    spans = []
    for secret in secrets_planted:
        raw = secret.encode()
        offset = data.index(raw)
        assert data.count(raw) == 1, "a planted secret occurs more than once"
        line, column = place(data, offset)
        end_line, end_column = place(data, offset + len(raw))
        spans.append((line, column, end_line, end_column))
    return sorted(spans)


def found_spans(report: dict, rule_id: str | None = None) -> list[tuple[int, int, int, int]]:
    return sorted(
        (f["location"]["line"], f["location"]["column"], f["location"]["end_line"], f["location"]["end_column"])
        for f in report["findings"]
        if rule_id is None or f["rule_id"] == rule_id
    )


def scanned_places(folder: Path, state: Path | None = None) -> list[tuple[str, int, int]]:
    """(file, line, column) of each finding of a ``keyaudit scan`` of ``folder`` in a process of its own, with
    ``--state state`` or without a state."""
    extra = ["--state", str(state)] if state is not None else []
    run = subprocess.run([sys.executable, "-m", "keyaudit", "scan", "--format", "json", "--jobs", "1", *extra,
                          str(folder)], capture_output=True, text=True)
    assert run.returncode in (0, 1), run.stderr[-2000:]
    return sorted((Path(f["location"]["path"]).name, f["location"]["line"], f["location"]["column"])
                  for f in json.loads(run.stdout)["findings"])
