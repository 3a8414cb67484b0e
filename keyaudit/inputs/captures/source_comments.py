"""Where a block comment of source code ends, for :mod:`.source_tokens`: the language's own marks
(:mod:`.source_languages`), Lua's long brackets, comments that nest, and strings a comment holds.
"""

from __future__ import annotations

import re

from .quoted import DOUBLE_QUOTED
from .source_languages import Language

_LONG_BRACKET = re.compile(r"\[=*\[")  # Lua's long bracket: `[[`, `[==[`
_STRING_REST = re.compile(DOUBLE_QUOTED + '"', re.DOTALL)  # a string's text after its opening quote, and its close


def block_end(text: str, start: int, lang: Language) -> int | None:
    """Where a block comment opened at ``start`` ends (past its close; the text's end where it never closes), or
    None where none opens there: the language's own (PowerShell's ``<# … #>``, a script's help, its examples
    among them; Haskell's ``{- … -}``, Julia's ``#= … =#``), Lua's ``--[[ … ]]`` and ``--[==[ … ]==]`` (code put
    out of use)."""
    opening, close = lang.block
    if opening and text.startswith(opening, start):
        pass
    elif lang.line_comment == "--" and text.startswith("--", start) and (long := _LONG_BRACKET.match(text, start + 2)):
        close = "]" + "=" * (len(long.group()) - 2) + "]"
    else:
        return None
    if lang.nested_blocks:
        return _nested_end(text, start + len(opening), opening, close, lang.block_strings)
    end = text.find(close, start + 2)
    return len(text) if end < 0 else end + len(close)


def _nested_end(text: str, at: int, opening: str, close: str, strings: bool) -> int:
    """Where a block comment whose opening ends at ``at`` ends where the comments opened in it nest: past the close
    that brings the depth back to none, in one pass over the marks (the text's end where it never gets there).
    With ``strings``, a close in a string the comment holds closes nothing; a quote no later one closes is a quote
    (and none after it opens a string: one pass still)."""
    depth = 1
    marks = re.compile(f"{re.escape(close)}|{re.escape(opening)}|\"")
    while (mark := marks.search(text, at)) is not None:
        at = mark.end()
        if mark.group() == '"':
            string = _STRING_REST.match(text, at) if strings else None
            strings, at = string is not None, at if string is None else string.end()
            continue
        depth += 1 if mark.group() == opening else -1
        if not depth:
            return at
    return len(text)
