"""Archive members read whole before any damage is named: a sparse tar member is read as the file
it stands for (holes as NUL bytes, lines and columns of that file), and a zip member whose CRC-32
does not match gives all its text and then one error.

Expected places are computed from the member's own bytes, never taken from the scanner.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import uuid
import zipfile
from pathlib import Path

import pytest

from helpers.archives import sparse_tar, zip_bytes
from helpers.credentials import asaas_key
from helpers.running import cli, scan_json
from helpers.secrecy import scrub


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from an empty folder: no configuration file of the repository applies."""
    monkeypatch.chdir(tmp_path)


def leak(key: str) -> bytes:
    return f"2026-11-25 10:00:00 INFO ASAAS_API_KEY={key}\n".encode()


def place(text: bytes, needle: bytes) -> tuple[int, int]:
    """1-based line and column of ``needle``'s first byte in ``text`` (ASCII and NULs: a byte a column)."""
    at = text.index(needle)
    return text.count(b"\n", 0, at) + 1, at - (text.rfind(b"\n", 0, at) + 1) + 1


def places(report: dict) -> list[tuple[str, int, int]]:
    return sorted((f["location"]["path"], f["location"]["line"], f["location"]["column"])
                  for f in report["findings"])


@pytest.mark.parametrize("form", ["gnu", "pax"])
@pytest.mark.parametrize("name, pack", [("logs.tar", lambda data: data), ("logs.tar.gz", gzip.compress)],
                         ids=["tar", "tgz"])
def test_a_sparse_member_is_read_with_its_holes(tmp_path: Path, form: str, name: str, pack) -> None:
    """A log copytruncated while written starts with a hole, and ``tar --sparse`` stores only its
    data: each key is found where the extracted file has it (the holes count as NUL bytes)."""
    keys = [asaas_key() for _ in range(3)]
    size = 300_000
    segments = [(0, leak(keys[0])), (70_000, b"\n" + leak(keys[1])), (200_000, b"x\n" * 100 + leak(keys[2]))]
    expanded = bytearray(size)
    for offset, data in segments:
        expanded[offset : offset + len(data)] = data
    (tmp_path / name).write_bytes(pack(sparse_tar("app.log", segments, size, form)))
    report, run = scan_json(name)
    member = f"{name}!app.log"
    assert places(report) == sorted((member, *place(bytes(expanded), key.encode())) for key in keys), \
        scrub(run.stderr)
    assert report["errors"] == [] and report["scan"]["skipped"] == {}


@pytest.mark.parametrize("filler", [0, 400_000], ids=["read-in-one-go", "many-reads"])
def test_a_zip_member_with_a_bad_crc_gives_all_its_text_then_one_error(tmp_path: Path, filler: int) -> None:
    """zipfile raises a CRC mismatch out of the read that reaches the member's end, with that
    read's text: a small member lost all its keys, a large one those of its last read."""
    first, last, other = asaas_key(), asaas_key(), asaas_key()
    text = leak(first) + uuid.uuid4().hex.encode() * (filler // 32) + b"\n" + leak(last)
    data = bytearray(zip_bytes({"app.log": text, "ok.log": leak(other)}))
    for header, crc_at in ((b"PK\x03\x04", 14), (b"PK\x01\x02", 16)):  # app.log's CRC, in both headers
        data[data.index(header) + crc_at] ^= 0xFF
    (tmp_path / "bad-crc.zip").write_bytes(bytes(data))
    (tmp_path / "nested.zip").write_bytes(zip_bytes({"inner.zip": bytes(data)}))  # read where it is scanned
    report, run = scan_json("bad-crc.zip", "nested.zip")
    expected = [(zipped, *place(text, key.encode()))
                for zipped in ("bad-crc.zip!app.log", "nested.zip!inner.zip!app.log") for key in (first, last)]
    expected += [(zipped, *place(leak(other), other.encode()))
                 for zipped in ("bad-crc.zip!ok.log", "nested.zip!inner.zip!ok.log")]
    assert places(report) == sorted(expected), scrub(run.stderr)
    assert sorted(e["path"] for e in report["errors"]) == ["bad-crc.zip!app.log", "nested.zip!inner.zip!app.log"]
    errors = [line for line in run.stderr.splitlines() if line.startswith("keyaudit: error:")]
    assert len(errors) == 2 and all("Bad CRC-32" in line for line in errors), scrub(run.stderr)
    assert "Traceback" not in run.stderr


def test_a_zip_member_read_whole_still_names_a_bad_crc() -> None:
    """The mismatch is kept, not lost: whoever opened the member raises it after the text."""
    from keyaudit.inputs.member_streams import open_zip_member

    data = bytearray(zip_bytes({"a.log": b"text\n"}))
    for header, crc_at in ((b"PK\x03\x04", 14), (b"PK\x01\x02", 16)):
        data[data.index(header) + crc_at] ^= 0xFF
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        with open_zip_member(archive, archive.infolist()[0]) as member:
            assert member.read() == b"text\n"
            assert isinstance(getattr(member, "damage"), zipfile.BadZipFile)


def test_a_sparse_member_of_more_holes_than_a_scan_should_read_is_an_error_naming_it_and_the_bound(
        tmp_path: Path) -> None:
    """A few bytes of map can stand for a terabyte of holes: past the bound it is a bomb, not a log; but what a
    bound keeps out may hold a key, so the member is an error naming the bound, not a count among the skipped."""
    (tmp_path / "bomb.tar").write_bytes(sparse_tar("huge.log", [(0, leak(asaas_key()))], 9 << 30, "gnu"))
    run = cli("scan", "--format", "json", "--jobs", "1", "bomb.tar")
    report = json.loads(run.stdout)
    assert report["findings"] == [] and report["scan"]["skipped"] == {}
    assert [(error["path"], error["message"]) for error in report["errors"]] == [
        ("bomb.tar!huge.log", "not scanned, past a bound of the scan: sparse, larger than 8 GiB with its holes")]


@pytest.mark.parametrize("how", ["planned", "state", "stdin", "in-a-tgz"])
def test_a_zip_behind_a_launch_script_or_a_program_gives_its_members_and_its_own_text(
        tmp_path: Path, how: str) -> None:
    """An executable jar (a launch script, then the zip) was read as text, a self-extracting zip
    (a program, then the zip) skipped as binary: the keys in their members were lost."""
    from helpers.archives import tar_bytes

    in_script, in_member, in_program_zip = asaas_key(), asaas_key(), asaas_key()
    script = b"#!/bin/bash\n# launch script\n" + leak(in_script) + b"exec java -jar \"$0\"\n" * 200
    member = b"server.port=8080\n" + leak(in_member)
    jar = script + zip_bytes({"BOOT-INF/classes/application.properties": member})
    sfx = b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 64 + zip_bytes({"logs/app.log": leak(in_program_zip)})
    expected = [("app.jar", *place(script, in_script.encode())),
                ("app.jar!BOOT-INF/classes/application.properties", *place(member, in_member.encode())),
                ("setup.exe!logs/app.log", 1, place(leak(in_program_zip), in_program_zip.encode())[1])]
    if how == "stdin":
        report, run = scan_json("-", input=jar)
        expected = [(path.replace("app.jar", "-"), line, column) for path, line, column in expected[:2]]
    elif how == "in-a-tgz":
        (tmp_path / "deploy.tgz").write_bytes(gzip.compress(tar_bytes({"app.jar": jar, "setup.exe": sfx})))
        report, run = scan_json("deploy.tgz")
        expected = [(f"deploy.tgz!{path}", line, column) for path, line, column in expected]
    else:
        (tmp_path / "app.jar").write_bytes(jar)
        (tmp_path / "setup.exe").write_bytes(sfx)
        report, run = scan_json("app.jar", "setup.exe", *(["--state", "state.db"] if how == "state" else []))
    assert places(report) == sorted(expected), scrub(run.stderr)
    assert report["errors"] == []


@pytest.mark.parametrize("suffix, pack", [("gz", lambda text: gzip.compress(text, mtime=0)), ("bz2", bz2.compress),
                                          ("xz", lzma.compress)])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_members_read_on_after_junk_keep_their_lines_and_columns(tmp_path: Path, suffix: str, pack,
                                                                     jobs: str) -> None:
    """Junk between two members decodes to nothing, so the text read on with is the two members' text joined: a key
    in the second member is at the line and column it has there, however the reading met the junk (one worker
    reading unthreaded, or a fast read that met damage and read again)."""
    keys = [asaas_key() for _ in range(2)]
    first, second = leak(keys[0]), b"a\nb\nc\n" + leak(keys[1])
    (tmp_path / f"rotated.log.{suffix}").write_bytes(pack(first) + b"junk " * 100 + pack(second))
    run = cli("scan", "--format", "json", "--jobs", jobs, f"rotated.log.{suffix}")
    report = json.loads(run.stdout)
    text = first + second
    assert places(report) == [(f"rotated.log.{suffix}", *place(text, key)) for key in (key.encode() for key in keys)]
    assert [error["message"].split(":")[0] for error in report["errors"]] == [
        "damaged, the text around the damage scanned"]
