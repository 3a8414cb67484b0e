"""A zip whose central directory is cut off (a transfer that stopped, a zip still being written):
zipfile lists nothing, and every key its members held was lost with the directory. The members
are read from their local headers instead — deflated or stored, with data descriptors (a zip
written to a pipe), zip64 — and the damage is still one error naming the zip."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from helpers.credentials import iugu_line, iugu_token
from helpers.running import cli, scan_json


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


class _Pipe(io.RawIOBase):
    """A stream zipfile cannot seek: it writes each member with a data descriptor after it."""

    def __init__(self) -> None:
        self.written = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.written += data
        return len(data)


def zip_of(names: list[str], how: str) -> tuple[bytes, int]:
    """A zip of ``names``, each a log leaking a token of its own, written ``how``; the zip and
    where its central directory starts."""
    target: io.BytesIO | _Pipe = _Pipe() if how == "descriptors" else io.BytesIO()
    method = zipfile.ZIP_STORED if how == "stored" else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(target, "w", method) as archive:
        for name in names:
            with archive.open(name, "w", force_zip64=how == "zip64") as member:
                member.write(("start\n" + iugu_line(iugu_token()) + "\n" + "filler\n" * 200).encode())
    data = bytes(target.written if isinstance(target, _Pipe) else target.getvalue())
    return data, data.index(b"PK\x01\x02")


def places(report: dict) -> list[tuple[str, int]]:
    return sorted((f["location"]["path"], f["location"]["line"]) for f in report["findings"])


@pytest.mark.parametrize("how", ["deflated", "stored", "descriptors", "zip64"])
@pytest.mark.parametrize("mode", [[], ["--state", "state.db"]], ids=["members", "state"])
def test_a_zip_cut_before_its_directory_is_read_from_its_local_headers(how: str, mode: list[str]) -> None:
    data, directory = zip_of(["a.log", "b.log"], how)
    Path("cut.zip").write_bytes(data[: directory + 10])
    report, _ = scan_json(*mode, "cut.zip")
    assert places(report) == [("cut.zip!a.log", 2), ("cut.zip!b.log", 2)]
    [error] = report["errors"]
    assert error["path"] == "cut.zip"
    assert error["message"].endswith("the zip's central directory cannot be read (File is not a zip file); "
                                     "the members before it were read from their own headers")


def test_a_zip_cut_inside_a_member_keeps_the_members_before_it() -> None:
    data, directory = zip_of(["a.log", "b.log", "c.log"], "deflated")
    Path("cut.zip").write_bytes(data[: data.index(b"c.log") + 40])  # inside c.log's deflated data
    report, _ = scan_json("cut.zip")
    assert places(report)[:2] == [("cut.zip!a.log", 2), ("cut.zip!b.log", 2)]
    assert [(e["path"], e["message"]) for e in report["errors"]] == \
        [("cut.zip", "read failed, scanned up to the damage: the zip ends inside this member")]


def test_an_encrypted_member_of_a_cut_zip_is_skipped_and_named_and_the_next_read() -> None:
    data, directory = zip_of(["secret.log", "plain.log"], "deflated")
    flagged = bytearray(data[: directory + 10])
    flagged[6] |= 0x1  # the first local header's flags: encrypted
    Path("cut.zip").write_bytes(bytes(flagged))
    run = cli("scan", "--format", "json", "--jobs", "1", "-v", "cut.zip")
    assert "keyaudit: skipped: cut.zip!secret.log (encrypted)" in run.stderr, run.stderr
    assert "cut.zip!plain.log" in run.stdout and "cut.zip!secret.log\"" not in run.stdout
