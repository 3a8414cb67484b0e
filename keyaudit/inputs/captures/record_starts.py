"""Where a map another language printed may begin (for the grammar that reads one, :mod:`.literals`):
in which files such maps are values logged, not code, and where on a line a record's text starts —
at its opening bracket, or at the name of the type written before it (Kotlin's ``Request(``, a Java
record's ``Request[``, Commons' ``Name@1b2c3d[``, Eclipse's ``Name [field=``, Perl's ``bless(``) or the list given a
name (``$options = [``), never at a bracket no name opens that a record could not begin with (prose in parentheses,
a log prefix's ``[main]``).
"""

from __future__ import annotations

import re
from typing import Iterator

# Source files of the languages whose printed maps are read: there the syntax is code, not a value logged.
CODE_SUFFIXES = (".rb", ".ex", ".exs", ".go", ".js", ".mjs", ".cjs", ".ts", ".jsx", ".tsx", ".java", ".kt", ".kts",
                 ".scala", ".groovy", ".php", ".py", ".cs", ".swift", ".rs")
MAX_DEPTH = 32  # brackets inside brackets, at most this deep
_BRACKET = re.compile(r"[{(\[#]")  # where a record may begin (a log prefix's `[…]` names no type: none; `#<`)
# a class's name, just before its `(` or `[` (a Java record's, Commons' ToStringBuilder's `Name@1b2c3d[`)
_TYPE_NAME = re.compile(r"[A-Z][\w$.]*(?:@[0-9a-f]{1,16})?\Z")
MAX_TYPE_CHARS = 128
# a field's name and `=` after a `[` a blank parts from a type's name: Eclipse's generated toString and Spring
# Messaging's (`GenericMessage [payload=…, headers={…}]`), not a log prefix's `INFO [main]`
_FIELD = re.compile(r"[A-Za-z_]\w*=(?!=)")


def printed_in(path: str) -> bool:
    """Whether maps in the file at ``path`` may be printed ones: not in a program's source, where
    the same syntax is code (values that are variables, interpolations, concatenations)."""
    return not path.lower().endswith(CODE_SUFFIXES)


def record_starts(text: str) -> Iterator[tuple[int, int]]:
    """Each bracket of the line a record may open (a map's ``{``, Erlang's ``#{``, Ruby's ``#<``, a
    type's ``(`` or ``[``) with where that record starts, left to right."""
    for bracket in _BRACKET.finditer(text):
        at = bracket.start()
        if text[at] == "#" and text[at + 1 : at + 2] not in ("<", "{"):
            continue
        start = record_start(text, at)
        if start is not None:
            yield at, start


def record_start(text: str, bracket: int) -> int | None:
    """Where a record whose bracket is at ``bracket`` starts: there, or at the name of the type
    before a ``(`` or ``[`` (Kotlin's data class ``Request(``, a Java record's ``Request[``, Perl's
    ``bless(``), or where a name is given it (an argument as Xdebug traces one, ``$options = [``); None for one no
    type names (prose in parentheses, a log prefix's ``[main]``)."""
    if text[bracket] in "{#" or text.endswith(" = ", 0, bracket):  # a list a tracer shows a name given (`$a = [`)
        return bracket
    if text.startswith(" [", bracket - 1) and _FIELD.match(text, bracket + 1):  # `GenericMessage [payload=…`
        typed = _TYPE_NAME.search(text, max(0, bracket - 1 - MAX_TYPE_CHARS), bracket - 1)
        return None if typed is None else typed.start()
    if not bracket or not (text[bracket - 1].isalnum() or text[bracket - 1] in "_$"):
        return None  # no name ends at the bracket (JSON's arrays, prose): known before any search
    if text.startswith("bless(", bracket - 5):
        return bracket - 5  # a Perl object, `bless( {…}, 'Class' )`
    typed = _TYPE_NAME.search(text, max(0, bracket - MAX_TYPE_CHARS), bracket)
    return None if typed is None else typed.start()
