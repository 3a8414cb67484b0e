"""A stream's lines read a block at a time give what reading them one by one gives: the same
texts (layers taken off, long lines cut), the same positions, and what lies between windows
read or passed over exactly."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st

from keyaudit.inputs.line_blocks import LineBlocks
from keyaudit.inputs.line_layers import reader_text, reader_texts

# bytes that make the cases: line ends, partial and whole UTF-8 characters, invalid bytes, the
# layers a terminal or a web page puts on a line (a NUL hole, a colour, an entity)
PIECES = [b"a", b"\n", b"\r", b"\r\n", b"\xe2\x82", b"\xac", b"\xff", b"\xc3\xa9", b" ", b"&quot;", b'"',
          b"\x1b[31m", b"\0", b"\xf0\x9f\x98\x80", b"POST /v1/transfer_requests HTTP/1.1"]


def one_by_one(data: bytes, line_bytes: int) -> list[str]:
    """The lines as a readline loop cuts and decodes them."""
    stream, lines = io.BytesIO(data), []
    while line := stream.readline(line_bytes):
        if not line.endswith(b"\n"):
            while rest := stream.readline(line_bytes):
                if rest.endswith(b"\n"):
                    break
        lines.append(reader_text(line))
    return lines


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60), st.integers(1, 40), st.integers(1, 7))
def test_lines_read_in_blocks_are_the_lines_read_one_by_one(pieces: list[bytes], line_bytes: int, asked: int) -> None:
    data = b"".join(pieces)
    blocks, got = LineBlocks(io.BytesIO(data), line_bytes), []
    while taken := blocks.lines(asked):
        got += taken
        assert len(taken) <= asked
    assert got == one_by_one(data, line_bytes)
    assert blocks.position == len(data)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=6), max_size=12))
def test_a_block_decodes_as_its_lines_do(lines: list[list[bytes]]) -> None:
    texts = [b"".join(line).replace(b"\n", b"") for line in lines]
    assert reader_texts(texts) == [reader_text(text) for text in texts]


def test_a_line_longer_than_the_bound_and_longer_than_a_block_is_cut_and_its_rest_passed_over() -> None:
    long = b"x" * 300_000
    data = b"first\n" + long + b"\nthird\n"
    blocks = LineBlocks(io.BytesIO(data), 1000)
    assert blocks.lines(3) == ["first", "x" * 1000, "third"]
    assert blocks.position == len(data)


def test_what_lies_between_windows_is_read_as_it_is_or_passed_over_to_an_offset() -> None:
    data = b"".join(b"line %d\n" % number for number in range(1, 2001))
    blocks = LineBlocks(io.BytesIO(data), 100)
    assert blocks.lines(2) == ["line 1", "line 2"]
    assert blocks.read(7) == b"line 3\n"  # from what the last block left pending
    assert blocks.position == data.index(b"line 4")
    blocks.skip(data.index(b"line 10\n"))  # inside what is pending
    assert blocks.lines(1) == ["line 10"]
    blocks.skip(data.index(b"line 1500\n"))  # past it: a seek
    assert blocks.lines(2) == ["line 1500", "line 1501"]
    assert blocks.position == data.index(b"line 1502")
    blocks.skip(len(data))
    assert blocks.lines(5) == []
