"""String values a registry export writes as hex: the name before them, the strings their bytes spell.

``regedit`` exports a REG_SZ as a quoted string, but a REG_EXPAND_SZ as ``"Name"=hex(2):``, a
REG_MULTI_SZ (a service's environment block: ``NAME=value`` strings one after another) as
``hex(7):`` and a REG_SZ that lacks its terminating NUL as ``hex(1):``: the string's UTF-16LE bytes in
hex, comma-separated, 25 to a line, each line but the last ending in ``,\\`` and the next indented. A
key in such a value shows none of its characters, and the name that says what it is stands outside
the hex. The engines report the type's mark (:data:`MARKERS`); the decoding layer reads the value's
line and the lines it goes on over here (:func:`value_end`), and scans the text :func:`shown_bytes`
makes of them: what comes before the mark (the value's name), then each string the bytes hold on a
line of its own (a REG_MULTI_SZ's) or right after the name (one string's, as ``"Name"="…"`` writes it).
"""

from __future__ import annotations

import re

MARKERS = ("=hex(1):", "=hex(2):", "=hex(7):")
MAX_VALUE_BYTES = 1 << 16  # a longer value is read no further (an environment block is a few KiB)
_MARK = re.compile(rb"=hex\(([127])\):")
# a byte, then the comma before the next one and the line break a long value is continued over
_BYTE = re.compile(rb"([0-9A-Fa-f]{2})(?:(,)(?:[ \t]*\\\r?\n[ \t]*)?)?")


def _bytes(data: bytes, start: int, stop: int) -> tuple[list[int], list[int], int]:
    """The bytes of the value whose hex starts at ``data[start]``, where each was written, and where
    the hex ends, looking no further than ``stop``."""
    values: list[int] = []
    places: list[int] = []
    at = start
    while len(values) < MAX_VALUE_BYTES:
        byte = _BYTE.match(data, at, stop)
        if byte is None:
            break
        values.append(int(byte.group(1), 16))
        places.append(byte.start(1))
        at = byte.end()
        if byte.group(2) is None:
            break
    return values, places, at


def value_end(data: bytes, start: int, stop: int) -> int:
    """Where the value whose mark is on the line starting at ``data[start]`` ends (at the line
    break after its last byte), looking no further than ``stop``; that line's end where it holds
    no mark."""
    line_end = data.find(b"\n", start, stop)
    mark = _MARK.search(data, start, stop if line_end < 0 else line_end)
    at = _bytes(data, mark.end(), stop)[2] if mark is not None else start
    end = data.find(b"\n", at, stop)
    return stop if end < 0 else end


def shown_bytes(data: bytes) -> tuple[bytes, list[int]] | None:
    """The text of the value ``data`` starts the line of: its name (the line up to the mark's
    ``=``), then the strings its UTF-16LE bytes spell, and where in ``data`` each byte of that text
    was written; None where the line holds no mark or the bytes spell no string."""
    line_end = data.find(b"\n")
    mark = _MARK.search(data, 0, len(data) if line_end < 0 else line_end)
    if mark is None:
        return None
    values, places, end = _bytes(data, mark.end(), len(data))
    several = mark.group(1) == b"7"  # REG_MULTI_SZ: the strings one a line, under the name
    text, origin = bytearray(data[: mark.start() + 1]), list(range(mark.start() + 1))
    if several:
        text += b"\n"
        origin.append(mark.start() + 1)
    named = len(text)
    for unit in range(0, len(values) - 1, 2):
        character = bytes(values[unit:unit + 2]).decode("utf-16-le", "replace")
        if character == "\0" and not several:
            end = places[unit]  # the string's terminating NUL
            break
        written = b"\n" if character == "\0" else character.encode("utf-8")
        text += written
        origin += [places[unit]] * len(written)
    if len(text) == named:
        return None
    return bytes(text), origin + [end]  # and one more: just past the string
