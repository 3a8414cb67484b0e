"""The groups of a source file's lines a request is read from (see :mod:`.source_requests`), and what one group
tells the others: the constants it binds a URL to.

A group is the lines between boundaries: a declaration (``func``, ``def``, ``public``…) or a run of lines that
are no code. A class's constants (a name bound to one literal between its header and its first method: Locust's
``host = "https://…"``) are read with each of its methods, whose calls use them; no more of the class is, so no
request is read twice. A constant in capitals a group binds to an absolute URL (``const ASAAS_URL = "https://…";``
at a module's top) is known to the groups below that send it, which its literal does not anchor.
"""

from __future__ import annotations

import re
from typing import Iterator

from .source_files import GROUP_AFTER, GROUP_BEFORE
from .source_tokens import Token
from .source_value_kinds import Facts, Lit

ABSOLUTE_URL = re.compile(r"https?://[^\s/?#\"'<>]+[^\s\"'<>]*")
_PROSE_RUN = 5  # this many lines in a row that are no code end a group
_DECLARATION = re.compile(r"\s*(?:<\?php|#!|(?:(?:public|private|protected|internal|static|export|async|override|"
                          r"suspend|pub)\s+)*(?:func|def|class|function|fun|fn|sub|package|namespace|module|import)\b)")
_CLASS = re.compile(r"\s*(?:(?:public|private|protected|internal|static|export|abstract|final|data|open)\s+)*class\b")
# a class's field: a name (typed or not) bound to one string literal, on a line of its own
_FIELD = re.compile(r"""\s*[\w$@:<>\[\]. ]*?[\w$]\s*=\s*[@$rRbBuUfF]{0,2}(["'`])[^"'`\\]*\1\s*;?\s*$""")
# a line of code (a block comment's opening is the code's too: cut from it, the comment's lines would be read as code)
_CODE = re.compile(r"[(){}\[\];=]|^\s*[.)}\]]|[,:+.\\'\"`]\s*$|^\s*/\*")
_CONSTANT = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")  # a constant's name: ASAAS_URL, PAYOUT_API_URL


def groups(lines: list[tuple[int, str]]) -> Iterator[list[tuple[int, str]]]:
    """The groups of ``lines``, each a method's with its class's fields before it."""
    group: list[tuple[int, str]] = []
    members: list[tuple[int, str]] = []
    prose, margin, fields = 0, -1, False
    for item in lines:
        text = item[1]
        indent = len(text) - len(text.lstrip())
        if text.strip() and indent <= margin:  # the class's body has ended
            members, margin = [], -1
        prose = prose + 1 if text.strip() and _CODE.search(text) is None else 0
        if (declared := _DECLARATION.match(text) is not None) or prose == _PROSE_RUN:
            yield group
            group = list(members) if declared else []
            fields = declared and _CLASS.match(text) is not None
            if fields:
                members, margin = [], indent
        if prose < _PROSE_RUN:
            group.append(item)
            if fields and _FIELD.match(text):
                members.append(item)
    yield group


def anchored_part(group: list[tuple[int, str]], anchored: set[int]) -> list[tuple[int, str]]:
    """The lines of ``group`` at most :data:`GROUP_BEFORE` lines before its first anchor and
    :data:`GROUP_AFTER` after its last (none where it holds no anchored line)."""
    numbers = [number for number, _ in group if number in anchored]
    if not numbers:
        return []
    return [item for item in group if numbers[0] - GROUP_BEFORE <= item[0] <= numbers[-1] + GROUP_AFTER]


def bind_constants(found: list[Token], constants: dict[str, str | None]) -> None:
    """Add to ``constants`` the names in capitals ``found`` assigns an absolute URL (``const ASAAS_URL =
    "https://…/v3/transfers";``, a module's or a class's constant, which a function further down sends to:
    the URL's literal anchors its own group, not the function's); a name assigned two URLs is None."""
    for index in range(len(found) - 2):
        name, sign, value = found[index : index + 3]
        if name.kind == "name" and _CONSTANT.fullmatch(name.text) and sign.text in ("=", ":=") \
                and value.kind == "string" and ABSOLUTE_URL.fullmatch(value.text):
            constants[name.text] = value.text if constants.get(name.text, value.text) == value.text else None


def constants_sent(found: list[Token], said: Facts, constants: dict[str, str | None]) -> dict[str, str]:
    """The file's constants a group that is no anchor's sends as whole values (not a base a path is joined
    to: ``ASAAS_URL + "/x"``), bound in ``said`` where the group does not assign them itself."""
    bound = {name for name, _, _ in said.bindings}
    given = {token.text: url for index, token in enumerate(found) if token.kind == "name" and token.text not in bound
             and (url := constants.get(token.text)) and not any(
                 0 <= at < len(found) and found[at].kind == "punct" and found[at].text in ("+", ".")
                 for at in (index - 1, index + 1))}
    said.bindings += [(name, Lit(url), -1) for name, url in given.items()]
    return given
