"""A flow's pattern in parts that tell, without the name, where a name could flow.

A context pattern holding ``{name}`` is compiled with each hit's name in it (``Iugu\\({name}\\)``), and a
file of a thousand constants compiled a thousand patterns for each flow, some of them kilobytes of
gateway words: most of the CPU of such a file. Yet where a name could flow is mostly known without
the name: each top-level alternative of the pattern needs pieces that are no part of the name
(:func:`~keyaudit.rulebook.pattern_factors.factors`: ``iugu(`` before it, ``[?&;]`` before it and
``=`` after it), and where the alternative reads a bounded number of bytes around its match
(:func:`~keyaudit.rulebook.pattern_tree.locality`) the name must be written within that reach of such a
piece. A span whose text has no such piece, or none with the name near it, holds no match of the
alternative for that name, and its pattern with the name in need not be compiled. The leftmost match
of the whole pattern is the leftmost of its alternatives' (where no back reference or inline flag
ties them together); an alternative the parts cannot tell about is searched with its name, as the
whole pattern was.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from keyaudit.rulebook.context import NAME_PLACEHOLDER
from keyaudit.rulebook.pattern_factors import alternatives, factors, leading_flags, not_alone
from keyaudit.rulebook.pattern_tree import locality

MAX_FLOW_NAME = 400  # bytes: a longer name is searched with its pattern alone


@dataclass(frozen=True)
class FlowPart:
    """One alternative of a flow's pattern (with the pattern's leading flags): ``needed``, pieces
    without the name its every match holds; ``reach``, how many bytes before and after where a match
    starts decide it, the name taken at its longest (None: not known, the part is searched with its name)."""

    text: str
    needed: tuple[str, ...] = ()
    reach: tuple[int, int] | None = None  # (before, after) of the part: a match at p reads p - before to p + after

    def named(self, name: str) -> str:
        """The part's pattern with ``name`` in it, as the whole flow's was made."""
        import regex

        return self.text.replace(NAME_PLACEHOLDER, regex.escape(name))


@functools.lru_cache(maxsize=256)
def flow_parts(pattern: str) -> tuple[FlowPart, ...]:
    """``pattern``'s alternatives as :class:`FlowPart`; one part, told nothing about, where the
    alternatives cannot be searched apart."""
    split = leading_flags(pattern)
    if split is None:  # a flag set further in, or verbose mode: one part, searched with its name
        return (FlowPart(pattern),)
    flags, body = split
    # a back reference, a recursion, a condition ties alternatives together; a \G or \K moves where they match
    parts = None if not_alone(body) else alternatives(body)
    return tuple(_part(flags, text) for text in parts or [body])


def _part(flags: str, text: str) -> FlowPart:
    if NAME_PLACEHOLDER not in text:  # no name: found alike for every name, searched as it is
        return FlowPart(flags + text)
    # the name as a \G: a piece factors never holds, so each factor is a run before or after the name
    found = factors(flags + text.replace(NAME_PLACEHOLDER, "\\G"))
    any_name = f"(?:[\\s\\S]{{0,{MAX_FLOW_NAME}}})"
    # a \G matches where a search starts: a part holding one is searched only as the whole span was
    reach = None if "\\G" in text else locality(flags + text.replace(NAME_PLACEHOLDER, any_name))
    return FlowPart(flags + text, found.needed if found else (), reach if found else None)
