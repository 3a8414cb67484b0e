"""Seek points into a single-member gzip file: found once by a full decode, each a place isal
can decode from alone, and pieces read from them — or from the start, dropping the text before
them — give the text exactly once; a file that cannot be indexed (cut short, damaged, junk after
it) gives none, and a piece whose file changed under it says so instead of reading something
else."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from helpers.packing import small_blocks_gzip, token_log
from keyaudit.sources.decoders import Damaged
from keyaudit.sources.gzip_index import IndexedRange, SeekPoint, index_cuts, trailer_length

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
        return [io.BufferedReader(IndexedRange(raw, start, start.text, end)).read() for start, end in zip(starts, ends)]


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
        piece = io.BufferedReader(IndexedRange(raw, first, first.text, second.text)).read()
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


@pytest.mark.parametrize("pieces_of", [2, 3, 7])
def test_pieces_decoded_from_the_start_give_the_text_once(packed, pieces_of: int) -> None:
    path, text = packed
    length = trailer_length(path)
    assert length == len(text)
    starts = [length * index // pieces_of for index in range(pieces_of)]
    starts += [text.index(b"\n", starts[1]) + 1]  # a cut just after a newline too
    starts = sorted(starts)
    with path.open("rb") as raw:
        read = [io.BufferedReader(IndexedRange(raw, SeekPoint(), start, end)).read()
                for start, end in zip(starts, [*starts[1:], None])]
    assert b"".join(read) == text


def test_the_last_piece_reads_to_the_end_of_the_text_whatever_was_planned(packed) -> None:
    """A length planned from the trailer is a guess past 4 GiB or over several members: the last
    piece does not stop there, and a piece planned past the text's end is damage, not silence."""
    path, text = packed
    start = len(text) // 2
    with path.open("rb") as raw:
        rest = io.BufferedReader(IndexedRange(raw, SeekPoint(), start, None)).read()
        assert rest == text[text.index(b"\n", start - 1) + 1 :]
        with pytest.raises(EOFError):
            io.BufferedReader(IndexedRange(raw, SeekPoint(), len(text) + 10, len(text) + 20)).read()
