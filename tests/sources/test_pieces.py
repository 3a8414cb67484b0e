"""The lines of a range of text handed out in pieces: ranges cut anywhere — inside a line, at a
line's end, across a line longer than a range — read every line exactly once; read on past its
end, a range goes on with the lines that start in the bytes after its last line."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings, strategies as st

from keyaudit.sources.pieces import RangePieces, Rest, line_aligned

TEXTS = st.lists(st.sampled_from([b"a", b"bc", b"\n", b"\r\n", b"d\n", b"\xe6\x97\xa5", b"x" * 40]),
                 min_size=1, max_size=80).map(b"".join)


def in_pieces(text: bytes, size: int):
    return (text[start : start + size] for start in range(0, len(text), size))


def ranges_of(text: bytes, cuts: list[int], piece: int) -> list[bytes]:
    bounds = [0, *cuts, len(text)]
    return [b"".join(line_aligned(in_pieces(text[start:], piece), start > 0 and text[start - 1 : start] != b"\n",
                                  end - start))
            for start, end in zip(bounds, bounds[1:])]


@settings(max_examples=400)
@given(text=TEXTS, data=st.data(), piece=st.integers(1, 50))
def test_ranges_cut_anywhere_read_each_line_once(text: bytes, data: st.DataObject, piece: int) -> None:
    cuts = sorted(data.draw(st.sets(st.integers(1, max(1, len(text) - 1)))) if len(text) > 1 else set())
    ranges = ranges_of(text, cuts, piece)
    assert b"".join(ranges) == text
    with_text = [chunk for chunk in ranges if chunk]
    assert all(chunk.endswith(b"\n") for chunk in with_text[:-1])  # no line split between ranges


def test_a_range_inside_one_long_line_gives_nothing_and_the_range_before_reads_it() -> None:
    text = b"start\n" + b"y" * 100 + b"\nend\n"
    assert ranges_of(text, [10, 60], piece=7) == [b"start\n" + b"y" * 100 + b"\n", b"", b"end\n"]


def test_text_that_ends_before_its_range_is_an_error() -> None:
    with pytest.raises(EOFError):
        list(line_aligned(iter([b"only a little\n"]), False, 100))


@settings(max_examples=400)
@given(text=TEXTS, data=st.data(), piece=st.integers(1, 50), limit=st.integers(1, 60))
def test_a_range_read_on_goes_on_with_the_lines_that_start_in_the_bytes_after_its_last(
        text: bytes, data: st.DataObject, piece: int, limit: int) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    skip = start > 0 and text[start - 1 : start] != b"\n"
    own = b"".join(line_aligned(in_pieces(text[start:], piece), skip, end - start))
    if not own:
        return  # no line starts in the range: nothing of it to read on from
    rest = Rest(in_pieces(text[start:], piece))
    ranged = RangePieces(line_aligned(rest.pieces, skip, end - start, rest), rest)
    ranged.read_on(limit)
    after = (text.index(b"\n", start) + 1 if skip else start) + len(own)  # where the range's last line ends
    stop = min(after + limit, len(text))
    past = text[after : text.find(b"\n", stop - 1) + 1 or len(text)] if stop > after else b""
    assert io.BufferedReader(ranged).read() == own + past
