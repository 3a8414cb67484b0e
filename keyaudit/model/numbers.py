"""Whole numbers read from input, the one way: in ASCII digits and few of them.

``str.isdigit`` takes digits ``int()`` refuses (``²``, ``①``) and ``int()`` refuses a run of 4,300
digits or more; each refusal is a ``ValueError`` where a reader expected a number, and each was once a
file's internal error (a Content-Length, a SQL ``char()`` code, a route's status, a ``local:N``, a pax
header). A number a reader takes from input is read here, never checked by hand beside an ``int()``."""

from __future__ import annotations


MAX_DIGITS = 18  # a signed 64-bit offset's (far below the 4,300 digits int() refuses)


def plain_number(text: str, most_digits: int = MAX_DIGITS) -> int | None:
    """The whole number ``text`` writes in ASCII digits alone, at most ``most_digits`` of them (what the caller
    can use: a code point's seven, a status's three) and never more than :data:`MAX_DIGITS`, or None: no sign, no
    blanks, no other characters."""
    if 0 < len(text) <= min(most_digits, MAX_DIGITS) and text.isascii() and text.isdigit():
        return int(text)
    return None
