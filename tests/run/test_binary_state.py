"""--state over binary content: recorded whole (its length and the digest of all of it, of the bytes the scan read),
so an unchanged binary is never read or reported again, an appended one is read from where its record ends, a
changed one is read from its start, two that start alike keep a record each, and one read in part is said so by
every run."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import BinaryIO, Iterator

from helpers.binaries import executable, sqlite_database
from helpers.credentials import iugu_token
from helpers.places import scanned_places as places
from keyaudit.model.result import BINARY_STRINGS_BYTES
from keyaudit.rulebook.loader import load_rules
from keyaudit.run.records import WHOLE_DIGEST
from keyaudit.run.state import HEAD_BYTES
from keyaudit.run.unit_scanner import UnitScanner
from keyaudit.run.units import WorkUnit
from keyaudit.sources.targets import Target

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


def record(token: str) -> bytes:
    """One record of an appended binary (a capture's packet, a journal's entry): a binary header, then a call."""
    return b"\xd4\xc3\xb2\xa1\x02\x00\x04\x00" + bytes(16) + b"\x01\x02\n\x03" + \
        f"GET /v1/charge?api_token={token} HTTP/1.1\0".encode() + bytes(40)


def test_an_appended_binary_is_read_from_where_its_record_ends(tmp_path: Path) -> None:
    folder, state = tmp_path / "caps", tmp_path / "state.db"
    folder.mkdir()
    capture = folder / "traffic.pcap"
    capture.write_bytes(HEAD + record(iugu_token()) + record(iugu_token()))
    assert [name for name, *_ in places(folder, state)] == ["traffic.pcap"] * 2
    with capture.open("ab") as out:  # the capture written on: two more packets
        out.write(record(iugu_token()) + b"\n\n" + record(iugu_token()))
    whole = places(folder)  # where a scan of all of it places them
    found, counts = scan(folder, state)
    assert found == ["traffic.pcap"] * 2 and counts.get("files_resumed") == 1  # the two new ones only
    assert places(folder, tmp_path / "fresh.db")[2:] == whole[2:]
    assert scan(folder, state) == ([], {"files_unchanged": 1})
    os.utime(capture, (1, 1))  # touched: its bytes read for their digest, nothing reported
    assert scan(folder, state) == ([], {"files_unchanged": 1})
    with capture.open("ab") as out:
        out.write(record(iugu_token()))
    resumed = places(folder, state)
    assert resumed == places(folder)[-1:]  # at the line and column a whole scan gives it
    data = bytearray(capture.read_bytes())
    data[len(HEAD) + 100] ^= 0xFF  # rewritten in its recorded part, and appended to: read from its start
    capture.write_bytes(bytes(data) + record(iugu_token()))
    assert len(places(folder, state)) == 6


def test_a_binary_read_in_part_is_said_read_in_part_by_every_run(tmp_path: Path) -> None:
    folder, state = tmp_path / "bins", tmp_path / "state.db"
    folder.mkdir()
    big = folder / "core.dump"
    big.write_bytes(HEAD * (BINARY_STRINGS_BYTES // len(HEAD) + 16) + record(iugu_token()))
    (folder / "small.bin").write_bytes(binary(iugu_token(), 10))
    found, counts = scan(folder, state)
    assert found == ["small.bin"] and counts.get("binary_files_cut") == 1
    expected = {"files_unchanged": 2, "binary_files_cut": 1, "binary_files_cut_unchanged": 1}
    assert scan(folder, state) == ([], expected)  # not read: its record says it was read in part
    os.utime(big, (1, 1))  # read for its digest only: the same
    assert scan(folder, state) == ([], expected)
    run = subprocess.run([sys.executable, "-m", "keyaudit", "scan", "--jobs", "1", "--state", str(state),
                          str(folder)], capture_output=True, text=True)
    assert "1 binary file read in part" in run.stdout
    with big.open("ab") as out:  # appended: the new bytes are read, and the file is still read in part
        out.write(record(iugu_token()))
    found, counts = scan(folder, state)
    assert found == ["core.dump"] and counts.get("binary_files_cut") == 1


def test_the_record_is_of_the_bytes_the_scan_read_not_of_a_later_read(tmp_path: Path) -> None:
    path = tmp_path / "ledger.bin"
    scanned, rewritten = binary(iugu_token(), 100), binary(iugu_token(), 100)
    path.write_bytes(scanned)
    opened = []

    @contextlib.contextmanager
    def reader() -> Iterator[BinaryIO]:
        """The file as a reader that opens it afresh; a writer rewrites it once the scan's pass has begun."""
        if opened:
            path.write_bytes(rewritten)
        opened.append(True)
        with path.open("rb") as raw:
            yield io.BufferedReader(raw)  # type: ignore[arg-type]

    unit = WorkUnit(Target("ledger.bin", None, reader), head=scanned[:HEAD_BYTES], stamp="1:1")
    tally = UnitScanner(load_rules()).scan(unit)
    assert len(tally.findings) == 1 and tally.progress is not None
    assert tally.progress.tail_hash == WHOLE_DIGEST + hashlib.sha256(scanned).hexdigest(), \
        f"recorded after {len(opened)} readings"
