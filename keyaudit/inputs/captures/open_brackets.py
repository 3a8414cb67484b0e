"""Maps printed over lines, as Python's ``pprint`` and Ruby's ``pp`` print what does not fit a
line — the first line opening a bracket it does not close, the next lines indented under it —
found by their brackets: where the first line's open bracket closes.

Each line's brackets are read once a window (:class:`OpenBrackets`) and kept as what the line
does to the brackets open before it: the closers it has left over for them (those none of its own
brackets takes), then the brackets it leaves open. A map is followed from its first line by those
alone. A log whose every line ends inside a map (``body={``) is read from each of its lines up to
the depth bound: each line then costs its brackets once, not once for every line above it that
is still open (3,000 such lines of 310 bytes took 2.8 s).
"""

from __future__ import annotations

import re
from array import array
from typing import NamedTuple, Sequence

from .record_starts import MAX_DEPTH
from .quoted import NEWLINE, closable, escaped

# a quoted string on one line (as these languages print one), or a bracket (Ruby's object's `#<` and its `>`, not
# the `>` of a hash's `=>`)
_TOKENS = re.compile('"' + escaped('"', NEWLINE) + '"|\'' + escaped("'", NEWLINE) + "'|" + r"[][{}()]|#<|(?<![=-])>")
_BRACKETS = re.compile(r"[][{}()>]|#<")
# a closer and the opener it closes, each opener kept as its first character (Ruby's `#<` as `#`)
_CLOSERS = {"}": "{", "]": "[", ")": "(", ">": "#"}
_CLOSER_OF = {opener: closer for closer, opener in _CLOSERS.items()}


class _Line(NamedTuple):
    """What a line's brackets do to those open before it: the closers it has left over for them,
    in order (one that does not match the last one open closes nothing: prose), then the brackets
    it leaves open (past the depth bound, only as many as the bound needs) and the column of the
    outermost of them."""

    closers: str
    opened: str
    first: int | None


_NONE = _Line("", "", None)


class OpenBrackets:
    """The brackets of a window's lines, each line's read once (by its text: a line repeated
    is read once too)."""

    def __init__(self) -> None:
        self._lines: dict[str, _Line] = {}

    def __len__(self) -> int:
        """How many lines' brackets were read."""
        return len(self._lines)

    def hanging(self, text: str) -> int | None:
        """Where on the line a bracket opens that the line does not close (the outermost such),
        or None: the first line of a map printed over lines. Counted at C speed first, since most
        lines open no bracket (a dump's) or close all they open (a JSON record on one line)."""
        ruby = "#<" in text
        if "{" not in text and "(" not in text and "[" not in text and not ruby:
            return None
        closed = sum(map(text.count, "}])")) + (text.count(">") - text.count("=>") if ruby else 0)
        if sum(map(text.count, "{[(")) + (text.count("#<") if ruby else 0) <= closed:
            return None
        return self._line(text).first

    def closing(self, lines: Sequence[str]) -> int | None:
        """The index in ``lines`` of the line where the bracket hanging on the first (see
        :meth:`hanging`) closes (strings pass over no line break), or None when it does not close."""
        opened = list(self._line(lines[0]).opened)
        for index in range(1, len(lines)):
            if not opened:
                return index - 1
            if len(opened) > MAX_DEPTH:
                return None  # brackets opened line after line, never closed: no map (and no reading on to the bound)
            line = self._line(lines[index])
            at = 0
            while opened and (at := line.closers.find(_CLOSER_OF[opened[-1]], at) + 1):
                opened.pop()  # the closers passed over close nothing: not the last bracket's
            opened.extend(line.opened)
        return len(lines) - 1 if not opened else None

    def opening_above(self, lines: Sequence[tuple[int, str]], index: int, reach: int) -> int | None:
        """The index of the line above ``index`` (at most ``reach`` above) whose hanging brackets the line's
        leading closers close — the first line of a map printed over lines that ends on it (Spring's `GenericMessage
        [payload={` over a body's lines, `}, headers={…}]`) — or None where they close none."""
        need = list(self._line(lines[index][1]).closers) if lines[index][1].lstrip()[:1] in _CLOSERS else []
        for above in range(index - 1, max(-1, index - reach), -1) if need else ():
            line = self._line(lines[above][1])
            for opener in reversed(line.opened):
                if not need or _CLOSER_OF[opener] != need.pop(0):
                    return None  # a bracket the line's closers do not close: the line ends no map hanging above
            if line.opened and not need:
                return above
            need[:0] = line.closers
        return None

    def _line(self, text: str) -> _Line:
        line = self._lines.get(text)
        if line is None:
            line = self._lines[text] = _read(text) if _BRACKETS.search(text) else _NONE
        return line


def _read(text: str) -> _Line:
    """A line's brackets, read from the left: a closer meets the line's own last open bracket,
    or (none open) is left over for those open before the line. Those open are kept as their
    columns, 8 bytes each (a line of a megabyte of brackets took 92 MB as pairs): the bracket is
    the character there (Ruby's ``#<`` its ``#``)."""
    closers: list[str] = []
    opened = array("q")
    for token in _TOKENS.finditer(closable(text)):  # a quote no later one closes is no string's
        bracket = token.group()
        if bracket in _CLOSERS:
            if not opened:
                closers.append(bracket)
            elif text[opened[-1]] == _CLOSERS[bracket]:
                opened.pop()
        elif len(bracket) == 1 or bracket == "#<":
            opened.append(token.start())
    return _Line("".join(closers), "".join(text[column] for column in opened[: MAX_DEPTH + 1]),
                 opened[0] if opened else None)
