"""JSON printed raw inside a value another language printed (a string's content, as Java's and
Kotlin's ``toString`` print one: ``body={"a":1}``), decoded from windows of the text that grow
only where the decoder stopped at a window's end (a string, an escape or a word cut off): a short
object is not decoded from a copy of the rest of a megabyte line, and a map that opens as JSON
does but is written in another notation (Ruby's ``{"a"=>1}``) is decoded once, from the first
window, not from copies of 4 KiB, 64 KiB and up to 256 KiB of the line.
"""

from __future__ import annotations

import json
import re
from typing import Any

_DECODER = json.JSONDecoder()
_OPEN = re.compile(r'\{[ \t\r\n]*["}]')  # where a JSON object may begin
_WINDOW = 4 << 10
_CUT_REACH = len("-Infinity")  # a word cut off is reported where it starts
_CUT_MESSAGES = ("Unterminated string", "Invalid \\uXXXX")  # reported where the string or the escape starts


def raw_object(text: str, at: int, end: int) -> tuple[dict[str, Any] | None, int]:
    """The JSON object at ``at`` of ``text``, read as if the text ended at ``end``, and the index
    just past it; or None and how far the decoder read (``at``: no object begins there, known at
    once, not from the decoder's error, which counts the lines before it)."""
    if _OPEN.match(text, at, end) is None:
        return None, at
    size = _WINDOW
    while True:
        window = text[at : min(at + size, end)]
        try:
            found, length = _DECODER.raw_decode(window)
        except json.JSONDecodeError as failed:
            if at + size < end and _cut(failed, len(window)):
                size *= 16
                continue
            return None, at + len(window)
        except (ValueError, RecursionError):  # nested past the decoder's depth: in any window
            return None, at + len(window)
        return found, at + length


def _cut(failed: json.JSONDecodeError, length: int) -> bool:
    """Whether the decoder failed where the text it was given ended (a string, an escape or a
    word cut off, or the end itself): a longer text may decode; one that failed before is no JSON."""
    return failed.pos >= length - _CUT_REACH or failed.msg.startswith(_CUT_MESSAGES)
