"""--state over binary content: recorded whole (its length and the digest of all of it), so an unchanged binary is
never read or reported again, a changed one is read from its start, and two that start alike keep a record each."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from helpers.binaries import executable, sqlite_database
from helpers.credentials import iugu_token

HEAD = executable(4096)  # the same first bytes in every file: their records are told apart by more than a head


def scan(folder: Path, state: Path) -> tuple[list[str], dict]:
    """The files with findings (sorted, by name) and the JSON report's request statistics."""
    run = subprocess.run([sys.executable, "-m", "keyaudit", "scan", "--format", "json", "--jobs", "1",
                          "--state", str(state), str(folder)], capture_output=True, text=True)
    assert run.returncode in (0, 1), run.stderr[-2000:]
    report = json.loads(run.stdout)
    return sorted(Path(f["location"]["path"]).name for f in report["findings"]), report["scan"]["requests"]


def binary(token: str, pad: int) -> bytes:
    return HEAD + b"\0\x01\x02GET /v1/charge?api_token=" + token.encode() + b"\0\x03" + bytes(pad)


def test_unchanged_binaries_are_not_reported_again_and_a_changed_one_is_read_from_its_start(tmp_path: Path) -> None:
    folder, state = tmp_path / "bins", tmp_path / "state.db"
    folder.mkdir()
    for index in range(3):
        (folder / f"tool{index}.bin").write_bytes(binary(iugu_token(), 100 + index))
    sqlite_database(folder / "ledger.db", [f"GET /v1/charge?api_token={iugu_token()}"])
    first, counts = scan(folder, state)
    assert first == ["ledger.db", "tool0.bin", "tool1.bin", "tool2.bin"]
    assert counts.get("binary_files_read_as_strings") == 4
    assert scan(folder, state) == ([], {"files_unchanged": 4})  # the same size and mtime: not even read
    for path in folder.iterdir():
        os.utime(path, (1, 1))  # touched (a checkout, a copy): read for its digest, not scanned
    assert scan(folder, state) == ([], {"files_unchanged": 4})
    data = bytearray((folder / "tool1.bin").read_bytes())
    at = data.index(b"api_token=") + len("api_token=")
    data[at : at + 32] = iugu_token().encode()  # rewritten in place: the same length, the same last bytes
    (folder / "tool1.bin").write_bytes(bytes(data))
    found, counts = scan(folder, state)
    assert found == ["tool1.bin"] and counts == {"binary_files_read_as_strings": 1, "files_unchanged": 3}
    assert scan(folder, state)[0] == []


def test_two_binaries_that_start_alike_keep_a_record_each(tmp_path: Path) -> None:
    folder, state = tmp_path / "bins", tmp_path / "state.db"
    folder.mkdir()
    (folder / "a.bin").write_bytes(binary(iugu_token(), 10))
    (folder / "b.bin").write_bytes(binary(iugu_token(), 5000))
    assert scan(folder, state)[0] == ["a.bin", "b.bin"]
    (folder / "a.bin").write_bytes(binary(iugu_token(), 10))  # a changes, night after night; b does not
    assert scan(folder, state)[0] == ["a.bin"]
    (folder / "a.bin").write_bytes(binary(iugu_token(), 10))
    assert scan(folder, state)[0] == ["a.bin"]
    os.utime(folder / "b.bin", (1, 1))
    assert scan(folder, state)[0] == []
