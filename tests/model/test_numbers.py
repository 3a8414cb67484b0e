"""A number read from input is ASCII digits, bounded: what ``int()`` would refuse is no number, not an error."""

from __future__ import annotations

import pytest

from keyaudit.model.numbers import plain_number


@pytest.mark.parametrize(("text", "most", "number"), [
    ("0", 1, 0), ("095", 3, 95), ("599", 3, 599), ("9" * 18, 10 ** 6, 10 ** 18 - 1), ("1114111", 7, 0x10FFFF),
])
def test_ascii_digits_within_the_bound_are_the_number(text: str, most: int, number: int) -> None:
    assert plain_number(text, most) == number


@pytest.mark.parametrize(("text", "most"), [
    ("", 3),  # nothing written
    ("1000", 3),  # more digits than the caller can use
    ("9" * 19, 19), ("9" * 5000, 10 ** 6),  # int() refuses 4,300 digits: no bound passes an offset's 18
    ("²", 3), ("1²", 3), ("①", 3),  # digits to str.isdigit, none to int()
    ("٣", 3),  # a decimal digit of another script: int() takes it, no header or code writes it
    ("+1", 3), ("-1", 3), (" 1", 3), ("1 ", 3), ("1_0", 3), ("0x1", 3),  # int() takes these, or a sign
])
def test_anything_else_is_no_number(text: str, most: int) -> None:
    assert plain_number(text, most) is None
