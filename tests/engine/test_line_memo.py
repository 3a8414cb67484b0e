"""The lines of a buffer's positions, asked for by several walkers one after another."""

from __future__ import annotations

import random
import tracemalloc

from hypothesis import given, settings
from hypothesis import strategies as st

from keyaudit.engine.line_memo import BLOCK_BYTES, LineCounter, TextPlaces

BUFFERS = st.lists(st.sampled_from([b"\n", b"a", b"\r\n", b"\xc3\xa9", b"x" * 40]), max_size=60).map(b"".join)


@given(BUFFERS, st.integers(min_value=1, max_value=10**6), st.data())
def test_every_position_is_on_the_line_its_newlines_say_in_any_order_of_asking(
        buffer: bytes, first: int, data: st.DataObject) -> None:
    counter = LineCounter(buffer, first)
    walks = data.draw(st.lists(st.lists(st.integers(0, len(buffer)), max_size=20).map(sorted), max_size=4))
    for walk in walks:  # one kind of position after another, each in order, as a buffer's pass asks
        last = (0, first)
        for position in walk:
            line = counter.line(position, last if data.draw(st.booleans()) else (0, first))
            assert line == first + buffer.count(b"\n", 0, position)
            last = (position, line)


_PIECES = [b"a", b"\n", "\u00e9".encode(), "\U0001f600".encode(), b"\xff", b"\xc3", b"z"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map(b"".join), st.randoms(use_true_random=False))
def test_text_places_count_lines_and_characters_as_decoding_the_text_before_them_does(data: bytes,
                                                                                      rng: random.Random) -> None:
    """Asked in any order, each place is what the text before it says: its line breaks, and the characters of its
    line (an undecodable byte one each), as a count from the text's start gives them."""
    places = TextPlaces(data)
    offsets = list(range(len(data) + 1))
    rng.shuffle(offsets)
    for offset in offsets:
        before = data[:offset]
        line = before[before.rfind(b"\n") + 1 :].decode("utf-8", "surrogateescape")
        assert places.line_column(offset) == (before.count(b"\n"), len(line))
    lines = data.decode("utf-8", "surrogateescape").split("\n")
    asked = [(number, column) for number, line in enumerate(lines, 1) for column in range(1, len(line) + 2)]
    rng.shuffle(asked)
    for number, column in asked:
        written = "\n".join([*lines[: number - 1], lines[number - 1][: column - 1]])
        assert places.offset(number, column) == len(written.encode("utf-8", "surrogateescape"))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES[:1] + _PIECES[2:]), min_size=1, max_size=12).map(b"".join),
       st.integers(1, 3), st.randoms(use_true_random=False))
def test_text_places_of_lines_longer_than_a_block_count_as_decoding_the_text_before_them_does(
        piece: bytes, lines: int, rng: random.Random) -> None:
    """A line of many blocks (a character cut by a block's end, undecodable bytes on both sides of one): each place
    is what the text before it says, as in the short texts above."""
    line = piece * (2 * BLOCK_BYTES // len(piece) + rng.randrange(len(piece) + 1)) + piece[: rng.randrange(len(piece))]
    data = b"\n".join([line] * lines)
    places = TextPlaces(data)
    offsets = rng.sample(range(len(data) + 1), 200)
    for offset in offsets:
        before = data[:offset]
        assert places.line_column(offset) == (before.count(b"\n"), len(before[before.rfind(b"\n") + 1 :].decode(
            "utf-8", "surrogateescape")))
    decoded = line.decode("utf-8", "surrogateescape")
    for column in rng.sample(range(1, len(decoded) + 3), 200):
        number = rng.randrange(1, lines + 1)
        prefix = "\n".join([decoded] * (number - 1) + [decoded[: column - 1]])
        assert places.offset(number, column) == len(prefix.encode("utf-8", "surrogateescape"))


def test_a_place_on_a_line_of_megabytes_of_accented_characters_holds_no_list_of_its_characters() -> None:
    """An 8 MB line of "é" (a log line of escaped text, a minified bundle in another script): one place asked listed
    every character's start, some 190 MB and seconds; counted a block at a time it holds a block's decoding."""
    data = "\u00e9".encode() * (4 << 20)
    tracemalloc.start()
    try:
        places = TextPlaces(data)
        assert places.line_column(len(data) - 2) == (0, (4 << 20) - 1)
        assert places.offset(1, 3 << 20) == 2 * ((3 << 20) - 1)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 << 20, f"peak {peak >> 20} MiB"
