"""Tar headers that lie: a size below zero, a long name without end. Each costs one error for
its archive; the keys the archive's readable bytes hold are found the same way whether its
members are units of their own or read in one pass (--state, a compressed tar)."""

from __future__ import annotations

import gzip
import io
import tarfile
from pathlib import Path

import pytest

from helpers.archives import tar_bytes
from helpers.credentials import iugu_line, iugu_token
from helpers.running import scan_json


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def places(report: dict) -> list[tuple[str, int]]:
    return sorted((f["location"]["path"], f["location"]["line"]) for f in report["findings"])


def with_negative_size(tar: bytes) -> bytes:
    """``tar`` with its first member's size field rewritten as base-256 -1 (all bits set), the
    header checksum made right again: tarfile reads the size as -1."""
    header = bytearray(tar[:512])
    header[124:136] = b"\xff" * 12
    header[148:156] = b" " * 8
    header[148:156] = b"%06o\0 " % sum(header)
    return bytes(header) + tar[512:]


@pytest.mark.parametrize("name, mode", [("neg.tar", []), ("neg.tar", ["--state", "state.db"]),
                                        ("neg.tar.gz", [])], ids=["member-units", "state", "tgz"])
def test_a_member_whose_size_is_negative_is_read_to_the_end_with_one_error(tmp_path: Path, name: str,
                                                                           mode: list[str]) -> None:
    inside, beside = iugu_token(), iugu_token()
    tar = with_negative_size(tar_bytes({"neg.log": (iugu_line(inside) + "\n").encode()}))
    assert tarfile.open(fileobj=io.BytesIO(tar)).getmembers()[0].size == -1
    (tmp_path / name).write_bytes(gzip.compress(tar) if name.endswith(".gz") else tar)
    (tmp_path / "app.log").write_text(iugu_line(beside) + "\n")
    report, run = scan_json(*mode, name, "app.log")
    assert places(report) == [("app.log", 1), (f"{name}!neg.log", 1)]
    [error] = report["errors"]
    assert error["path"].startswith(name)
    assert error["message"].endswith("the member's header gives a negative size: read to the archive's end")
    assert "internal error" not in run.stderr


def member(name: str, data: bytes, kind: bytes = tarfile.REGTYPE) -> bytes:
    """One member as GNU tar writes it: its header (with a long name's own entry before it when
    the name needs one) and its data, padded to whole blocks."""
    info = tarfile.TarInfo(name)
    info.type, info.size = kind, len(data)
    return info.tobuf(tarfile.GNU_FORMAT) + data + b"\0" * (-len(data) % 512)


@pytest.mark.parametrize("name", ["long.tar", "long.tar.gz"])
def test_a_pax_header_past_its_bound_is_one_error_for_the_archive(tmp_path: Path, name: str) -> None:
    """tarfile reads such an entry whole into memory: a 1 MB .tar.gz saying 1 GiB took 3 GB."""
    first, beside = iugu_token(), iugu_token()
    tar = (member("a" * 300 + ".log", (iugu_line(first) + "\n").encode())  # a long name as tar writes it
           + member("././@PaxHeader", b"x" * (2 << 20), tarfile.XHDTYPE) + member("b.log", b"more\n") + b"\0" * 1024)
    (tmp_path / name).write_bytes(gzip.compress(tar) if name.endswith(".gz") else tar)
    (tmp_path / "app.log").write_text(iugu_line(beside) + "\n")
    report, run = scan_json(name, "app.log")
    assert places(report) == [("app.log", 1), (f"{name}!{'a' * 300}.log", 1)]
    assert [(error["path"], error["message"]) for error in report["errors"]] == \
        [(name, "read failed, scanned up to the damage: a pax header of 2097152 bytes (more than 1 MiB)")]
    assert "internal error" not in run.stderr


@pytest.mark.parametrize("kind", [tarfile.GNUTYPE_LONGNAME, tarfile.GNUTYPE_LONGLINK], ids=["name", "link"])
@pytest.mark.parametrize("name, mode", [("long.tar", []), ("long.tar", ["--state", "state.db"]),
                                        ("long.tar.gz", [])], ids=["member-units", "state", "tgz"])
def test_a_long_name_past_its_bound_costs_its_member_only(tmp_path: Path, name: str, mode: list[str],
                                                          kind: bytes) -> None:
    """The long name is read past, never held; the member it names is one error, and the members
    after it are read, as GNU tar reads them."""
    first, after, beside = iugu_token(), iugu_token(), iugu_token()
    tar = (member("a" * 300 + ".log", (iugu_line(first) + "\n").encode())  # a long name as tar writes it
           + member("././@LongLink", b"x" * (100 << 10), kind) + member("b.log", (iugu_line(beside) + "\n").encode())
           + member("c.log", (iugu_line(after) + "\n").encode()) + b"\0" * 1024)
    (tmp_path / name).write_bytes(gzip.compress(tar) if name.endswith(".gz") else tar)
    report, run = scan_json(*mode, name)
    assert places(report) == [(f"{name}!{'a' * 300}.log", 1), (f"{name}!c.log", 1)]
    what = "name" if kind == tarfile.GNUTYPE_LONGNAME else "link name"
    assert [(error["path"], error["message"]) for error in report["errors"]] == \
        [(f"{name}!b.log", f"its GNU long {what} is 102400 bytes (more than 64 KiB): not a name; the member "
                           "was not read, the ones after it were")]
    assert run.stderr.count("keyaudit: error:") == 1 and "internal error" not in run.stderr
