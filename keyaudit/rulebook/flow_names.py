"""A flow's pattern with any name in it: compiled once, where the pattern with each name in was compiled a name.

A flow (a context pattern holding ``{name}``, :mod:`keyaudit.rulebook.context`) is looked for with the hit's
captured name in place. A file of a thousand distinct names compiled a thousand patterns for each flow, some of
them kilobytes of gateway words, and most names flow nowhere. With a group that takes any name in place of
``{name}``, the pattern matches wherever it matches with some name in: a span it does not match in holds no flow
of any name, and where its leftmost match took the name itself, that is the named pattern's leftmost match too.

That holds only where a longer or other name can never make the rest of the pattern fail: not where the name is
inside a negative lookaround (``(?!{name})``: any name is always there), an atomic group or under a possessive
quantifier (the group's first choice is kept), a conditional, or where a numbered back reference points at a
group opened after the name's (numbered one more with the name a group). Such a flow has no any-name pattern.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex

NAME_PLACEHOLDER = "{name}"
FLOW_NAME_GROUP = "keyaudit_flow_name"
MAX_FLOW_NAME = 400  # longer than any name the engine takes (its group widened by a hundred bytes each way)
# The characters a flow's name is made of (the engine's name characters), any number up to the longest name.
_ANY_NAME = rf"(?P<{FLOW_NAME_GROUP}>[A-Za-z0-9_$@.\-]{{0,{MAX_FLOW_NAME}}})"
_BACK_REFERENCE = re.compile(r"(?<!\\)(?:\\\\)*\\(?:g<)?([1-9][0-9]*)")
_POSSESSIVE = re.compile(r"[*+?}]\+")
_OPENERS_THAT_KEEP = ("(?!", "(?<!", "(?>", "(?(")  # a group whose inside a wider name can change the outcome of


def any_name_pattern(text: str) -> "regex.Pattern[bytes] | None":
    """``text`` (a flow's pattern) compiled with any name in place of ``{name}``; None where that could answer
    otherwise than the pattern with some name in would (see the module)."""
    import regex

    if not _names_in_plain_groups(text):
        return None
    generic = regex.compile(text.replace(NAME_PLACEHOLDER, _ANY_NAME).encode("utf-8"))
    own = generic.groupindex[FLOW_NAME_GROUP]
    numbered = (int(found) for found in _BACK_REFERENCE.findall(text))
    return None if any(number >= own for number in numbered) else generic


def _names_in_plain_groups(text: str) -> bool:
    """Whether no ``{name}`` of ``text`` stands in a group that keeps a choice or inverts a match, and no
    quantifier is possessive (escapes and character classes read as such)."""
    groups: list[bool] = []  # for each open group: whether it (or one around it) keeps or inverts
    position, in_class = 0, False
    while position < len(text):
        if text[position] == "\\":
            position += 2
            continue
        if in_class:
            in_class = text[position] != "]"
        elif text[position] == "[":  # a class: its first ``]`` (after a ``^``) is one of its characters
            position += 1 + text.startswith("^", position + 1)
            position += text.startswith("]", position)
            in_class = True
            continue
        elif text[position] == "(":
            groups.append(bool(groups and groups[-1]) or text.startswith(_OPENERS_THAT_KEEP, position))
        elif text[position] == ")" and groups:
            groups.pop()
        elif text.startswith(NAME_PLACEHOLDER, position) and groups and groups[-1]:
            return False
        elif _POSSESSIVE.match(text, position):
            return False
        position += 1
    return True
