"""Tars damaged past their first member: a header block whose checksum is wrong, pax numbers that
are no numbers, a second archive after the first's end blocks, an end inside a header. tarfile
takes most of them for the archive's end and says nothing (every member after them lost unsaid),
or raises ValueError (the whole run lost); here each costs at most one error for its archive, and
the members tar itself reads are found, whether members are units of their own, the archive is
read in one pass (--state) or it is compressed."""

from __future__ import annotations

import gzip
import io
import tarfile
from pathlib import Path

import pytest

from helpers.credentials import iugu_line, iugu_token
from helpers.running import scan_json

MODES = pytest.mark.parametrize("name, mode", [("a.tar", []), ("a.tar", ["--state", "state.db"]),
                                               ("a.tar.gz", [])], ids=["member-units", "state", "tgz"])


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def places(report: dict) -> list[str]:
    return sorted(finding["location"]["path"] for finding in report["findings"])


def three_members(pax: dict[str, str] | None = None) -> tuple[bytes, list[str]]:
    """A pax tar of first.log, middle.log (with ``pax`` as its extended header) and last.log, each
    leaking a token of its own; the tar and the tokens."""
    tokens = [iugu_token() for _ in range(3)]
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for name, token in zip(["first.log", "middle.log", "last.log"], tokens):
            data = (iugu_line(token) + "\n").encode()
            info = tarfile.TarInfo(name)
            info.size, info.pax_headers = len(data), (pax or {}) if name == "middle.log" else {}
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue(), tokens


def write(name: str, tar: bytes) -> None:
    Path(name).write_bytes(gzip.compress(tar) if name.endswith(".gz") else tar)


@MODES
@pytest.mark.parametrize("size", ["many", "-5", str(10**20)], ids=["not-a-number", "negative", "past-any-offset"])
def test_a_pax_size_that_is_no_offset_is_left_out_as_tar_leaves_it(name: str, mode: list[str], size: str) -> None:
    """tarfile took ``many`` as 0 (the member's data then read as a header: the rest unsaid) and
    10**20 raised ValueError at the seek past it (the whole run lost); GNU tar warns and takes
    the size the header block gives."""
    tar, _ = three_members({"size": size})
    write(name, tar)
    report, run = scan_json(*mode, name)
    assert places(report) == [f"{name}!first.log", f"{name}!last.log", f"{name}!middle.log"]
    assert report["errors"] == [] and "internal error" not in run.stderr


@MODES
def test_a_sparse_size_that_is_no_number_is_one_error_and_does_not_quote_it(name: str, mode: list[str]) -> None:
    secret = iugu_token()
    tar, _ = three_members({"GNU.sparse.size": secret})
    write(name, tar)
    report, run = scan_json(*mode, name)
    assert places(report) == [f"{name}!first.log"]
    assert [(error["path"], error["message"]) for error in report["errors"]] == \
        [(name, "read failed, scanned up to the damage: a header whose number fields cannot be read")]
    assert "internal error" not in run.stderr and secret not in run.stdout + run.stderr


@MODES
def test_a_header_block_with_a_wrong_checksum_costs_its_member_and_is_named(name: str, mode: list[str]) -> None:
    tar = bytearray(tarfile_gnu(["first.log", "middle.log", "last.log"]))
    tar[1024 + 148 : 1024 + 156] = b"0000000\0"  # middle.log's header (the second block pair)
    write(name, bytes(tar))
    report, run = scan_json(*mode, name)
    assert places(report) == [f"{name}!first.log", f"{name}!last.log"]
    assert [(error["path"], error["message"]) for error in report["errors"]] == \
        [(name, "tar damaged at byte 1024: 1024 bytes hold no member header (what a member there held is lost); "
                "read on from the header at byte 2048")]
    assert "internal error" not in run.stderr


def tarfile_gnu(members: list[str]) -> bytes:
    """A GNU tar of one-block members, each leaking a token of its own."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.GNU_FORMAT) as archive:
        for member in members:
            data = (iugu_line(iugu_token()) + "\n").encode()
            info = tarfile.TarInfo(member)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


@MODES
def test_two_tars_one_after_the_other_are_both_read(name: str, mode: list[str]) -> None:
    """``cat a.tar b.tar``, as a log archive appended to is: tarfile stopped at the first end."""
    write(name, tarfile_gnu(["one.log"]) + tarfile_gnu(["two.log"]))
    report, _ = scan_json(*mode, name)
    assert places(report) == [f"{name}!one.log", f"{name}!two.log"]
    assert report["errors"] == []


@MODES
def test_a_tar_that_ends_inside_a_header_is_named(name: str, mode: list[str]) -> None:
    write(name, tarfile_gnu(["one.log", "two.log"])[: 1024 + 300])
    report, _ = scan_json(*mode, name)
    assert places(report) == [f"{name}!one.log"]
    assert [(error["path"], error["message"]) for error in report["errors"]] == \
        [(name, "read failed, scanned up to the damage: the archive ends inside a member's header")]
