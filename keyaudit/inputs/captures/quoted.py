"""The inside of a quoted string with backslash escapes, as a regular expression that reads a long
string in one step.

Written ``(?:[^"\\]|\\.)*`` — a repeat of an alternation — the pattern makes Python's ``re`` keep
a backtracking record for every character it passes: a JSON string of 1 MiB (the longest line the
readers see) held 114 MB while one pattern matched it, and took eight times as long. Unrolled — a
run of plain characters, then each escape with the run after it — the engine keeps a record only
for each escape. Both match the same strings and try their ends in the same order (no string
splits into their parts in two ways), so a pattern gives the same matches with either.
"""

from __future__ import annotations


def escaped(quote: str, also: str = "") -> str:
    """A regular expression for what stands between two ``quote`` characters (``"`` or ``'``) in a
    string whose backslash escapes any character; ``also``: more characters the string cannot hold
    (``\\n`` where it may not span lines)."""
    plain = rf"[^{quote}\\{also}]*"
    return rf"{plain}(?:\\.{plain})*"


DOUBLE_QUOTED = escaped('"')  # the inside of a "…" string
NEWLINE = r"\n"  # for ``also``: a string that ends with its line
