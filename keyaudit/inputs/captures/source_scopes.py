"""Where a name is bound in a statement group and whether a later token is in the same block (see
:mod:`.source_installed`), each answered from tables built in one pass over the group's tokens: a client's binding
is looked up once per call and once per name that may hold a signer, so a scan of all before each (a group of 280
mount/post pairs) grew with the square of the group."""

from __future__ import annotations

from bisect import bisect_left

from .source_tokens import Token

_BRACKETS = {"(": 1, "[": 1, ")": -1, "]": -1}
_ASSIGNING = frozenset({"=", ":="})
_DEFINING = frozenset({"def", "func", "fun", "function", "class"})  # what parameters follow
_LOOPING = frozenset({"for", "foreach", "lambda"})
_LOOP_ENDS = frozenset({"in", "of", ":=", ":", "range"})


class Scopes:
    """The group's tokens ``found`` and its lines' text ``lines``, with where each name is assigned (outside every
    bracket: a keyword argument binds nothing), the block (braces) each token is in and where it ends, and for each
    line the next one indented less (where a Python block ends)."""

    def __init__(self, found: list[Token], lines: list[str]) -> None:
        self.found, self.lines = found, lines
        self._assigned: dict[str, list[int]] = {}
        self._block: list[int] = []  # the index of the `{` each token is in, -1 for none
        self._ends: dict[int, int] = {}
        depth, opened = 0, []
        for at, token in enumerate(found):
            self._block.append(opened[-1] if opened else -1)
            text = token.text if token.kind == "punct" else ""
            depth += _BRACKETS.get(text, 0)
            if text == "{":
                opened.append(at)
            elif text == "}" and opened:
                self._ends[opened.pop()] = at
            elif depth == 0 and token.kind == "name" and (at > 0 and found[at - 1].text == "as" or at + 1 < len(
                    found) and found[at + 1].kind == "punct" and found[at + 1].text in _ASSIGNING):
                self._assigned.setdefault(token.text, []).append(at)
        self._parameters = _parameters(found)
        for at in sorted(self._parameters):
            places = self._assigned.setdefault(found[at].text, [])
            places.insert(bisect_left(places, at), at)
        self._shallower = _next_shallower(lines)

    def binding(self, name: str, before: int) -> int | None:
        """The index of the last assignment of ``name`` before ``before`` (``name = …``, ``name := …``, ``with …
        as name``), where ``before`` is in its block (:meth:`level`); else None, also where the name is last bound as
        a parameter (of a function, a lambda, a loop: ``def pay(body, session)`` below a module's signed session)."""
        places = self._assigned.get(name, [])
        at = bisect_left(places, before) - 1
        if at < 0 or places[at] in self._parameters:  # a parameter's value is the caller's: unknown
            return None
        return places[at] if self.level(places[at], before) else None

    def level(self, start: int, at: int, same: bool = False) -> bool:
        """Whether the token at ``at`` is in the block of the one at ``start``: that block's brace not closed before
        it, and no line between them indented less than ``start``'s (a Python block ended; another function);
        ``same``: in that block itself, at its statements' indentation, in none of its inner blocks (an installation
        under an ``if`` may not be made)."""
        block = self._block[start]
        if block >= 0 and self._ends.get(block, len(self.found)) < at:
            return False
        if self._shallower[self.found[start].line] <= self.found[at].line:
            return False
        return not same or self._block[at] == block and _indentation(
            self.lines[self.found[at].line]) == self._block_indentation(start)

    def _block_indentation(self, start: int) -> int:
        """The indentation of the statements at the level of the binding at ``start``: its line's, or, bound by
        ``with … as name:``, its block's (the first line after it)."""
        line = self.found[start].line
        if start == 0 or self.found[start - 1].text != "as":
            return _indentation(self.lines[line])
        return next((_indentation(text) for text in self.lines[line + 1:] if text.strip()), -1)


def _parameters(found: list[Token]) -> set[int]:
    """The indexes of the names ``found`` binds as parameters: in the brackets after a definition's keyword and name
    (Go's receiver's too), after ``lambda`` to its ``:``, after ``for``/``foreach`` to its ``in``, ``of``, ``:=`` or
    ``:``, and before ``=>`` (``session => …``, ``(a, session) => …``)."""
    named, at = set(), 0
    while at < len(found):
        token = found[at]
        if token.kind == "name" and token.text in _DEFINING:
            at += 1
            while at < len(found) and (found[at].kind == "name" or found[at].text == "("):
                if found[at].text == "(":
                    end = _closing(found, at)
                    named.update(index for index in range(at + 1, end) if found[index].kind == "name")
                    at = end
                at += 1
            continue
        if token.kind == "name" and token.text in _LOOPING:
            end = next((index for index in range(at + 1, min(at + 12, len(found)))
                        if found[index].text in _LOOP_ENDS), at)
            named.update(index for index in range(at + 1, end) if found[index].kind == "name")
        if token.text == "=>" and at > 0:
            start = _opening(found, at - 1) if found[at - 1].text == ")" else at - 1
            named.update(index for index in range(start, at) if found[index].kind == "name")
        at += 1
    return named


def _closing(found: list[Token], at: int) -> int:
    """The index of the bracket closing the one at ``at`` (the last token's where none does)."""
    depth = 0
    for index in range(at, len(found)):
        depth += _BRACKETS.get(found[index].text, 0) if found[index].kind == "punct" else 0
        if depth == 0:
            return index
    return len(found) - 1


def _opening(found: list[Token], at: int) -> int:
    """The index of the bracket opening the one closing at ``at`` (0 where none does)."""
    depth = 0
    for index in range(at, -1, -1):
        depth -= _BRACKETS.get(found[index].text, 0) if found[index].kind == "punct" else 0
        if depth == 0:
            return index
    return 0


def _next_shallower(lines: list[str]) -> list[int]:
    """For each line, the index of the next non-blank line indented less (the number of lines for none)."""
    found, pending = [len(lines)] * len(lines), []
    for line in range(len(lines) - 1, -1, -1):
        if not lines[line].strip():
            continue
        indent = _indentation(lines[line])
        while pending and pending[-1][0] >= indent:
            pending.pop()
        found[line] = pending[-1][1] if pending else len(lines)
        pending.append((indent, line))
    return found


def _indentation(text: str) -> int:
    return len(text) - len(text.lstrip())
