"""The lines of a buffer's positions, asked for by several walkers one after another."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from keyaudit.engine.line_memo import LineCounter

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
