"""Logs in UTF-16 and UTF-32 are scanned: recognised by mark or by their NULs, decoded as a
stream, with lines and columns (in characters) of the file as an editor shows it, and resumed
by --state like a decompressed file.

Expected places are computed from the text before it was encoded, never taken from the scanner.
"""

from __future__ import annotations

import codecs
import io
from pathlib import Path

import pytest

from helpers.archives import zip_bytes
from helpers.binaries import executable, png
from helpers.credentials import IUGU_LEAD, iugu_line, iugu_token
from helpers.running import scan_json
from keyaudit.engine.stream import CHUNK_BYTES
from keyaudit.sources.transcode import READ_BYTES, Utf8Reader, sniff_encoding

# (codec the file is written in, mark written before it): every form a Windows tool writes.
FORMS = [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b""),
         ("utf-16-be", b""), ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", b"")]
FORM_IDS = [f"{codec}{'+mark' if mark else ''}" for codec, mark in FORMS]


def text_place(text: str, needle: str) -> tuple[int, int]:
    """(line, column) of ``needle`` in ``text``: columns count characters, as an editor does."""
    offset = text.index(needle)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


@pytest.mark.parametrize(("codec", "mark"), FORMS, ids=FORM_IDS)
def test_wide_text_is_recognised_by_mark_or_by_its_nuls(codec: str, mark: bytes) -> None:
    encoded = mark + "2026-11-25 10:00:00 INFO serviço iniciado\r\n".encode(codec) * 3
    expected = codec[: len("utf-16")] if mark else codec  # with a mark, the codec that reads the mark
    assert sniff_encoding(encoded) == expected


def test_eight_bit_text_and_binaries_are_not_taken_for_wide_text() -> None:
    for sample in ["ação café — 日本語\n".encode(), b"header\x00with a nul\n", bytes(4096) + b"after\n",
                   executable(), png(), zip_bytes({"app.log": b"plain\n" * 100}), bytes(range(256)) * 16,
                   b"\x05\x00" * 2000]:
        assert sniff_encoding(sample) is None, sample[:16]


def test_decoding_keeps_characters_split_across_reads_whole() -> None:
    # A character outside the BMP is a surrogate pair in UTF-16: put one across each read's end.
    text = ("x" * (READ_BYTES // 2 - 1) + "😀") * 3 + "end\n"
    raw = io.BufferedReader(io.BytesIO(text.encode("utf-16-le") + b"\x00"))  # an odd byte at the end
    decoded = io.BufferedReader(Utf8Reader(raw, "utf-16-le")).read()  # type: ignore[arg-type]
    assert decoded == (text + "\ufffd").encode()  # the stray byte is one replacement character


@pytest.mark.parametrize(("codec", "mark"), FORMS, ids=FORM_IDS)
def test_findings_in_wide_text_have_the_lines_and_columns_an_editor_shows(
        tmp_path: Path, codec: str, mark: bytes) -> None:
    first, second = iugu_token(), iugu_token()
    text = ("2026-11-25 10:00:00 INFO serviço iniciado\r\n"
            + f"2026-11-25 10:00:01 WARN ação 😀 {iugu_line(first)}\r\n"
            + "filler line of a service log\r\n" * 40_000  # decoded, past the first chunk
            + iugu_line(second) + "\r\n")
    (tmp_path / "service.log").write_bytes(mark + text.encode(codec))
    report, _ = scan_json(str(tmp_path / "service.log"))
    found = sorted((f["location"]["line"], f["location"]["column"], f["location"]["end_column"])
                   for f in report["findings"])
    expected = sorted((*text_place(text, token), text_place(text, token)[1] + len(token)) for token in (first, second))
    assert found == expected
    decoded_size = len(text.encode())
    assert expected[1][:2] == (40_003, len(IUGU_LEAD) + 1) and decoded_size > CHUNK_BYTES
    assert report["errors"] == [] and report["scan"]["files_scanned"] == 1



@pytest.mark.parametrize("mark", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE],
                         ids=["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_a_mark_before_eight_bit_text_does_not_make_it_wide(tmp_path: Path, mark: bytes) -> None:
    """Bytes that spell a mark before text without a NUL (a binary header, a cut file, Latin-1
    ``ÿþ``): decoded as UTF-16 every ASCII pair became one CJK character and the keys were lost
    without a word. Wide text has NULs: ASCII, a space, a newline all have one in UTF-16. (The
    UTF-32LE mark starts with UTF-16LE's, and its own NULs made the text after it UTF-16.)"""
    token = iugu_token()
    text = "2026-11-25 10:00:00 INFO serviço iniciado\n" + iugu_line(token) + "\n"
    data = mark + b"\x80garbage\n" + text.encode()
    assert sniff_encoding(data) is None
    (tmp_path / "marked.log").write_bytes(data)
    report, _ = scan_json(str(tmp_path / "marked.log"), "--disable", "iugu-token-in-query-string")
    line, column = text_place(text, token)
    assert [(f["location"]["line"], f["location"]["column"]) for f in report["findings"]] == [(line + 1, column)]
