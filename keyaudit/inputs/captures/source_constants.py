"""A module's constants: the statements at a source file's top level that bind a name to a string written out, or a
join of such strings and names (``BASE_URL = "https://…"``, ``const baseUrl = "https://…";``,
``TRANSFERS = BASE_URL + "/transfers"``), read with each later group of the window that names them (see
:mod:`.source_groups`) — a function's ``requests.post(f"{BASE_URL}/transfers", …)`` sends to what the module's top
writes out.

Only strings: a string is changed only by binding its name again, which the window shows or not, while a map (a
module's ``HEADERS = {…}``) is changed by calls, members, indexes and the code it is handed to, anywhere in the file
(a signer 120 lines below sets ``HEADERS["Signature"]``): read as the map written out, its request was a false unsigned
transfer. A name the window binds again anywhere but in its own statement is no constant. A statement runs from its
binding line to the first line that does not go on (see :func:`_statement_end`).
"""

from __future__ import annotations

import re

_BINDING = re.compile(r"(?:(?:export|const|let|var|val|final|static|public|private)\s+)*([A-Za-z_$][\w$]*)"
                      r"(?:\s*:\s*[\w.\[\], |]+)?\s*=(?![=>~])\s*(?:[rRbBuUfF$@]{0,2}[\"'`]|[\w$.]+\s*[+.]\s)")
# a name bound where a statement starts: `name = …`, `name += …`
_REBOUND = re.compile(r"^\s*(?:(?:const|let|var|val|final|global)\s+)?(?:self\.|this\.|\$this->)?([A-Za-z_$][\w$]*)"
                      r"\s*(?:[-+*/.|&]|\?\?|\|\|)?=(?![=>])")
_PASSED_ON = re.compile(r"\s*[A-Za-z_$][\w$]*\s*[,)]")  # a name given on by its own label: `url=url,`
_STATEMENT_LINES = 60  # the longest constant's statement read
_GOES_ON = ("+", "\\", ".")  # a line so ended goes on with the statement


def module_constants(lines: list[tuple[int, str]]) -> dict[str, list[tuple[int, str]]]:
    """Each name the top level of ``lines`` binds to a string written out, and the lines of its statement; none that
    the lines bind twice."""
    found: dict[str, list[tuple[int, str]]] = {}
    bound_twice: set[str] = set()
    at = 0
    while at < len(lines):
        text = lines[at][1]
        binding = _BINDING.match(text) if text[:1] not in (" ", "\t", "") else None
        if binding is None:
            at += 1
            continue
        end = _statement_end(lines, at)
        if binding.group(1) in found:
            bound_twice.add(binding.group(1))
        found[binding.group(1)] = lines[at:end]
        at = end
    if not found:
        return found
    own = {number for statement in found.values() for number, _ in statement}
    for number, text in lines:
        if number not in own and (rebound := _REBOUND.match(text)) and not _PASSED_ON.match(text, rebound.end()):
            bound_twice.add(rebound.group(1))
    return {name: statement for name, statement in found.items() if name not in bound_twice}


def _statement_end(lines: list[tuple[int, str]], at: int) -> int:
    """The index after the last line of the statement that starts at ``at``: the first line after it that does not
    go on (a string joined over lines ends each but its last with ``+``, ``.``, ``\\``), within
    :data:`_STATEMENT_LINES`. Brackets are not counted: a string's bracket (a pattern's ``r"(\\d+"``) opens none, and
    a statement that opens one to go on (``X = (``) binds no string."""
    end = at
    while end + 1 < min(at + _STATEMENT_LINES, len(lines)) and lines[end][1].rstrip().endswith(_GOES_ON):
        end += 1
    return end + 1


def constants_named(constants: dict[str, list[tuple[int, str]]], group: list[tuple[int, str]],
                    words: set[str]) -> list[tuple[int, str]]:
    """The statements of ``constants`` that ``group`` (whose ``words`` they are) names, bound before it and not in
    it, in their order."""
    first = group[0][0] if group else 0
    words = words | {word[1:] for word in words if word.startswith("$")}  # a name a string expands: `"$BASE/x"`
    return sorted(line for name in words & constants.keys() for line in constants[name] if line[0] < first)
