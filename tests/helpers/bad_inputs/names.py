"""Hostile names: bytes that are not UTF-8, terminal escapes, newlines and bidirectional controls in
file, folder and archive-member names. Each file is readable and leaks a key, which must be found;
the report must name it escaped — the same escaped form a case returns — never raw (a raw newline
forges a line of the report, a raw escape drives the terminal, a raw byte breaks the JSON)."""

from __future__ import annotations

import gzip
import io
import os
import tarfile
import zipfile
from pathlib import Path

from helpers.bad_inputs import BadInput
from helpers.credentials import iugu_line, iugu_token


def _leak() -> bytes:
    return (iugu_line(iugu_token()) + "\n").encode()


def _file(name: bytes, shown: str):  # type: ignore[no-untyped-def]
    """A case writing one leaking file called ``name`` (bytes, as the file system keeps it)."""

    def make(folder: Path) -> str:
        path = os.path.join(os.fsencode(folder), name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(_leak())
        return shown

    return make


def _cut_gzip(folder: Path) -> str:
    text = b"start\n" + _leak() + os.urandom(60_000).hex().encode()
    packed = gzip.compress(text)
    (folder / "cut\n\x1b[31mred.log.gz").write_bytes(packed[: len(packed) * 2 // 3])
    return "cut\\n\\x1b[31mred.log.gz"


def _tar_member(folder: Path) -> str:
    data = _leak()
    with tarfile.open(folder / "members.tar", "w", format=tarfile.GNU_FORMAT) as archive:
        info = tarfile.TarInfo("m\udcff\n\x1b[2J.log")  # the byte 0xFF, as tarfile decodes names
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    return "members.tar!m\\xff\\n\\x1b[2J.log"


def _zip_member(folder: Path) -> str:
    with zipfile.ZipFile(folder / "members.zip", "w") as archive:
        archive.writestr("z\x1b]0;title\x07\u202egol.txt", _leak())
    return "members.zip!z\\x1b]0;title\\x07\\u202egol.txt"


CASES = [
    BadInput("a file name with a byte that is not UTF-8", _file(b"bad\xff.log", "bad\\xff.log"), error=None,
             findings=1),
    BadInput("a folder name with a byte that is not UTF-8", _file(b"dir\xfe/app.log", "dir\\xfe/app.log"),
             error=None, findings=1),
    BadInput("a file name with terminal escapes", _file(b"esc\x1b[2J\x1b]0;owned\x07.log",
                                                        "esc\\x1b[2J\\x1b]0;owned\\x07.log"), error=None, findings=1),
    BadInput("a file name whose newline forges an error line",
             _file(b"forged\nkeyaudit: error: good.env.log", "forged\\nkeyaudit: error: good.env.log"),
             error=None, findings=1),
    BadInput("a file name with a C1 control and a right-to-left override",
             _file("c1\u009b31m\u202egol.env".encode(), "c1\\u009b31m\\u202egol.env"), error=None, findings=1),
    BadInput("a damaged gzip named with a newline and an escape", _cut_gzip,
             error="read failed, scanned up to the damage", findings=1),
    BadInput("a tar member named with a non-UTF-8 byte, a newline and an escape", _tar_member, error=None,
             findings=1),
    BadInput("a zip member named with an OSC title and a right-to-left override", _zip_member, error=None,
             findings=1),
]
