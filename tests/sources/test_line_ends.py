"""A text whose lines end in CR alone is read with those CRs as LFs, a byte for a byte, whatever
sizes it is read in and wherever it is sought to; any other text is read as it is written."""

from __future__ import annotations

import gzip
import io
import re
from pathlib import Path

import pytest

from keyaudit.sources.compression import is_decompressing
from keyaudit.sources.line_ends import LfEnded, cr_ended, lf_ended
from keyaudit.sources.opening import opener_for, rewritten

# After a CR-ended first line, every way a later line may end: CR, CRLF, a CR run, CR CR LF, LF.
MIXED = b"first line\rsecond\r\nthird\r\r\rfourth\r\r\nfifth\nsixth\r"


def expected(text: bytes) -> bytes:
    """What the reader must give: each CR no LF follows made an LF, worked out on the whole text."""
    return re.sub(rb"\r(?!\n)", b"\n", text)


@pytest.mark.parametrize(("head", "ended"), [
    (b"line one\rline two\r", True),
    (b"\r\rafter two blank lines\r", True),  # a CR-ended file that starts with blank lines
    (b"line one\nline two\r", False),
    (b"line one\r\nline two\r\n", False),
    (b"line one\r\r\nline two\r\r\n", False),  # CRLF written through a text-mode layer: CR CR LF
    (b"no line end in what is at hand", False),
    (b"the only line end is the last byte at hand\r", False),  # an LF may follow it
    (b"Downloading\r 50%\r100%\ndone\n", False),  # a progress bar among LF lines: lines counted as grep counts
    (b"\x7fELF\x02\x01\x01\x00\x00\rcode\r", False),  # binary content: no lines
])
def test_the_head_decides(head: bytes, ended: bool) -> None:
    assert cr_ended(head) is ended


@pytest.mark.parametrize("buffer_size", [1, 2, 3, 5, 7, 11, 64])
@pytest.mark.parametrize("read_size", [1, 2, 3, 4, 9, -1])
def test_lone_crs_read_as_lfs_whatever_the_sizes_of_the_reads(buffer_size: int, read_size: int) -> None:
    inner = io.BufferedReader(io.BytesIO(MIXED * 3), buffer_size)  # each read of it ends anywhere: on a CR too
    stream = io.BufferedReader(LfEnded(inner), buffer_size)  # type: ignore[arg-type]
    pieces = [stream.read()] if read_size < 0 else list(iter(lambda: stream.read(read_size), b""))
    assert b"".join(pieces) == expected(MIXED * 3) and len(expected(MIXED * 3)) == len(MIXED * 3)


def test_a_cr_at_the_very_end_is_a_line_end() -> None:
    reader = LfEnded(io.BufferedReader(io.BytesIO(b"one\rtwo\r")))  # type: ignore[arg-type]
    assert io.BufferedReader(reader).read() == b"one\ntwo\n"  # type: ignore[arg-type]


def test_a_seek_lands_where_it_does_in_the_text_as_written() -> None:
    text = b"".join(b"record %d\r" % n for n in range(5000))
    stream = lf_ended(io.BufferedReader(io.BytesIO(text)))
    assert stream.seekable()
    for offset in (0, 7, 4096, 31_337, len(text) - 3):
        stream.seek(offset)
        assert stream.tell() == offset and stream.read(64) == expected(text)[offset : offset + 64]


def test_other_texts_are_read_as_written() -> None:
    for text in (b"lf\nthen a progress bar\r 50%\r100%\n", b"crlf\r\n", b"cr cr lf\r\r\nthen\r\r\n"):
        stream = io.BufferedReader(io.BytesIO(text))
        assert lf_ended(stream) is stream


def test_a_whole_file_is_read_with_lfs_plain_or_compressed_and_said_to_be_rewritten(tmp_path: Path) -> None:
    text = b"".join(b"2026-11-22 10:00:%02d INFO request %d\r" % (n % 60, n) for n in range(20_000))
    (tmp_path / "cr.log").write_bytes(text)
    (tmp_path / "cr.log.gz").write_bytes(gzip.compress(text))
    (tmp_path / "lf.log").write_bytes(expected(text))
    for name, seeks in (("cr.log", True), ("cr.log.gz", False)):
        with opener_for(tmp_path / name)() as stream:
            assert rewritten(stream) and stream.read() == expected(text)
            assert stream.seekable() is seeks and is_decompressing(stream) is not seeks
    with opener_for(tmp_path / "lf.log")() as stream:
        assert not rewritten(stream)
