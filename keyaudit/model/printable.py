"""How a path or a captured value is written out: the one escaping every report and message uses.

File names are bytes, and logs hold whatever was written to them: both reach the scanner as text
decoded with ``surrogateescape``, so a byte that is not UTF-8 is a lone surrogate that no encoder
will write, and a control character in a name can move the cursor, clear a terminal, or start a
line that looks like one of ours. :func:`printable` turns such text into plain printable text
that says what was there, the same way in every format, so a path copied from the text view is
the path in the JSON report, and one bad byte never costs a report.
"""

from __future__ import annotations

import re
from typing import Any

# What must not reach a report or a terminal as it is: C0 and C1 controls and DEL (escape
# sequences, carriage returns, newlines), lone surrogates (bytes that were not UTF-8), the line
# and paragraph separators, and the bidirectional controls that reorder what a reader sees.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_ESCAPED_BYTES = range(0xDC80, 0xDD00)  # where ``surrogateescape`` puts the bytes 0x80-0xFF


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _SHORT:
        return _SHORT[char]
    if code in _ESCAPED_BYTES:
        return f"\\x{code - 0xDC00:02x}"  # the byte that was there
    return f"\\x{code:02x}" if code < 0x80 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every byte that was not UTF-8 written ``\\xff`` and every control character
    escaped (``\\n``, ``\\x1b``, ``\\u202e``): valid UTF-8 on one line, harmless on a terminal.

    Idempotent (its result has nothing left to escape), and the identity on ordinary text.
    """
    if text.isprintable():  # the common case, at C speed: isprintable() is False for all of the above
        return text
    return _UNPRINTABLE.sub(_escape, text)


def printable_values(value: Any) -> Any:
    """A JSON-shaped ``value`` (dicts, lists, strings, numbers) with every string, keys included,
    made :func:`printable`: what a JSON reporter writes, so no field can slip past."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable(key) if isinstance(key, str) else key: printable_values(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [printable_values(item) for item in value]
    return value
