"""A line range of a big file: the lines that start in it, and — for the second pass that reads
windows of it — a seek to any offset of its text, the same bytes as reading through."""

from __future__ import annotations

import io
from pathlib import Path

from keyaudit.sources.opening import LineRange


def test_a_range_seeks_within_its_own_text(tmp_path: Path) -> None:
    path = tmp_path / "big.log"
    path.write_bytes(b"".join(b"line %05d of the log\n" % n for n in range(5000)))
    with open(path, "rb") as raw:
        whole = io.BufferedReader(LineRange(raw, 30_000, 60_000)).read()  # type: ignore[arg-type]
    assert whole.startswith(b"line ") and whole.endswith(b"\n")
    for offset in (0, 1, 21, 12_345, len(whole) - 21):
        with open(path, "rb") as raw:
            ranged = io.BufferedReader(LineRange(raw, 30_000, 60_000))  # type: ignore[arg-type]
            assert ranged.seekable()
            ranged.seek(offset)
            assert ranged.read() == whole[offset:]
