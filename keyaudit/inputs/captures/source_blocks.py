"""The brace blocks of code's tokens (:mod:`.source_declared`'s clients bind the calls of one): the innermost holding
each token, the class's a field is set for, and the body of the function or class whose parameter list declares a
name, each found by one sweep over the tokens.
"""

from __future__ import annotations

import bisect

from .source_interfaces import Lexeme

_STATEMENT_END = frozenset(("{", ";", "}"))  # before a client's name: nothing else on its statement (a field's set)


class Blocks:
    """The brace blocks of the code, as (opening, closing) offsets: the innermost holding each token, by one sweep
    (a brace that closes a block the text starts in gives that block from before its start, -1; none: the whole
    text, from -2 to past its end)."""

    def __init__(self, found: list[Lexeme], text: str, matched: dict[int, int], unopened: list[int]) -> None:
        self._found, self._end, self._matched, self._unopened = found, len(text), matched, unopened
        self._inner: list[int] = []  # the index of the innermost `{` open at each token, -1 where none is
        self._parens: list[int] = []  # the index of the `(` open at each token inside the innermost block, else -1
        opened: list[int] = []
        parens: list[list[int]] = [[]]  # the `(` open in each block open
        for index, (kind, value, _start, _end) in enumerate(found):
            self._inner.append(opened[-1] if opened else -1)
            self._parens.append(parens[-1][-1] if parens[-1] else -1)
            if kind == "punct" and value == "{":
                opened.append(index)
                parens.append([])
            elif kind == "punct" and value == "}" and opened:
                opened.pop()
                parens.pop()
            elif kind == "punct" and value == "(":
                parens[-1].append(index)
            elif kind == "punct" and value == ")" and parens[-1]:
                parens[-1].pop()

    def _block(self, index: int) -> tuple[int, int]:
        """The innermost block holding the token at ``index``."""
        opening = self._inner[index]
        if opening >= 0:
            closing = self._matched.get(opening, len(self._found))
            return self._found[opening][2], self._found[closing][2] if closing < len(self._found) else self._end
        after = bisect.bisect_right(self._unopened, index)
        return (-1, self._found[self._unopened[after]][2]) if after < len(self._unopened) else (-2, self._end + 1)

    def parameter_block(self, index: int, matched: dict[int, int]) -> tuple[int, int] | None:
        """The block of the function or class whose parameter list declares the name at ``index`` (a constructor's
        ``Repo(Api api) {``, Kotlin's ``class Repo(private val api: Api) : Base() {``): the first brace within a few
        tokens after the list closes, none before a ``;``, ``=`` or ``}``; None for a name no list declares."""
        found, opening = self._found, self._parens[index]
        if opening < 0:
            return None
        closing = matched.get(opening, len(found))
        for at in range(closing + 1, min(closing + 16, len(found))):
            if found[at][0] == "punct" and found[at][1] in ";=}":
                return None
            if found[at][:2] == ("punct", "{"):
                return self._block(at + 1) if at + 1 < len(found) else None
        return None

    def binding(self, client: int, name: str) -> tuple[int, int]:
        """The block whose calls a client whose name stands at ``client`` binds: the one it is declared in; the
        class's, where it is set as a field (``this.api = …`` or ``api = …`` alone on its statement, in a
        constructor, an ``init {}``, a ``static {}``) or declared in a class's own block (a ``companion object``)."""
        found, opening = self._found, self._inner[client]
        field_set = found[client][1] in (name, f"this.{name}") and (
            client == 0 or found[client - 1][:2] in (("punct", mark) for mark in _STATEMENT_END))
        words = [token[1] if token[0] == "name" else "" for token in found[max(0, opening - 3) : max(0, opening)]]
        class_level = words[-1:] in (["init"], ["static"]) or words[-2:] == ["companion", "object"] or (
            words[-3:-1] == ["companion", "object"] and words[-1] != "")
        return self._block(opening if opening >= 0 and (field_set or class_level) else client)
