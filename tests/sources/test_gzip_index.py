"""Seek points into a single-member gzip file: found once by a full decode, each a place isal
can decode from alone, and pieces read from them give the text exactly once; a file that cannot
be indexed (cut short, damaged, junk after it) gives none, and a piece whose file changed under
it says so instead of reading something else."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from helpers.packing import small_blocks_gzip, token_log
from keyaudit.sources.decoders import Damaged
from keyaudit.sources.gzip_index import IndexedRange, SeekPoint, index_cuts

PIECE = 200_000


@pytest.fixture(scope="module")
def packed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    text, _tokens = token_log()
    path = tmp_path_factory.mktemp("gz") / "app.log.1.gz"
    path.write_bytes(small_blocks_gzip(text))
    return path, text


def pieces(path: Path, length: int, points: list[SeekPoint]) -> list[bytes]:
    starts = [SeekPoint(), *points]
    ends = [point.text for point in points] + [length]
    with path.open("rb") as raw:
        return [io.BufferedReader(IndexedRange(raw, start, end)).read() for start, end in zip(starts, ends)]


def test_seek_points_follow_the_planned_points_and_the_pieces_are_the_text_once(packed) -> None:
    path, text = packed
    found = index_cuts(path, PIECE)
    assert found is not None
    length, points = found
    assert length == len(text) and len(points) >= 5
    offsets = [point.text for point in points]
    assert offsets == sorted(set(offsets)) and offsets[0] >= PIECE
    for point in points:  # each holds the 32 KiB of text before it, and starts a block on a byte
        assert point.window == text[max(0, point.text - 32768) : point.text]
    read = pieces(path, length, points)
    assert b"".join(read) == text
    assert all(piece.endswith(b"\n") for piece in read if piece)
    assert b"" in read  # a piece inside one of the long lines: the piece before reads the line
    assert any(text[point.text - 1 : point.text] != b"\n" for point in points)  # cuts inside lines


def test_a_piece_decodes_no_further_than_the_line_it_must_finish(packed) -> None:
    path, text = packed
    length, points = index_cuts(path, PIECE)  # type: ignore[misc]
    first, second = points[0], points[1]
    with path.open("rb") as raw:
        piece = io.BufferedReader(IndexedRange(raw, first, second.text)).read()
    start = first.text if text[first.text - 1] == ord("\n") else text.index(b"\n", first.text) + 1
    end = second.text if text[second.text - 1] == ord("\n") else text.index(b"\n", second.text) + 1
    assert piece == text[start:end]


@pytest.mark.parametrize("spoil", [
    lambda packed: packed[: len(packed) // 2],  # cut short
    lambda packed: packed[:-8] + b"\0\0\0\0" + packed[-4:],  # a CRC that does not match
    lambda packed: packed + b"junk after the member",
], ids=["truncated", "bad-crc", "junk-after"])
def test_a_file_that_cannot_be_indexed_gives_no_seek_points(packed, tmp_path: Path, spoil) -> None:
    path, _text = packed
    spoiled = tmp_path / "spoiled.log.gz"
    spoiled.write_bytes(spoil(path.read_bytes()))
    assert index_cuts(spoiled, PIECE) is None


def test_a_piece_of_a_file_changed_since_the_plan_is_damage(packed, tmp_path: Path) -> None:
    path, _text = packed
    length, points = index_cuts(path, PIECE)  # type: ignore[misc]
    changed = tmp_path / "changed.log.gz"
    data = bytearray(path.read_bytes())
    data[points[2].compressed : points[2].compressed + 64] = bytes(64)
    changed.write_bytes(data)
    with pytest.raises(Damaged):
        pieces(changed, length, points)
    changed.write_bytes(path.read_bytes()[: points[3].compressed])  # cut short after the plan
    with pytest.raises(Damaged):
        pieces(changed, length, points)
