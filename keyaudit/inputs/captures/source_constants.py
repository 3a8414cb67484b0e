"""A module's constants: the statements at a source file's top level that bind a name to a value written out (a
string, a map, a list, or a join of those and other such names: ``HEADERS = {"access_token": …}``, ``const
BASE_URL = "https://…"``, ``TRANSFERS = BASE_URL + "/transfers"``), read with each later group of the window that names
them (see :mod:`.source_groups`) — a function's ``requests.post(f"{BASE_URL}/transfers", headers=HEADERS)`` sends
what the module's top writes out.

A name the window binds again, or changes (``HEADERS["Signature"] = …``, ``headers.update(…)``, ``headers.push(…)``)
anywhere but in its own statement, is no constant: its value where the call is made is not the one written. A
statement runs from its binding line to the line that closes its brackets, within :data:`_STATEMENT_LINES`.
"""

from __future__ import annotations

import re

_BINDING = re.compile(r"(?:(?:export|const|let|var|val|final|static|public|private)\s+)*([A-Za-z_$][\w$]*)"
                      r"(?:\s*:\s*[\w.\[\], |]+)?\s*=(?![=>~])\s*(?:[{\[\"'`]|[rRbBuUfF$@]{1,2}[\"'`]|[\w$.]+\s*[+.]\s)")
# a name bound, or changed, where a statement starts: `name = …`, `name["k"] = …`, `name += …`
_REBOUND = re.compile(r"^\s*(?:(?:const|let|var|val|final|global)\s+)?(?:self\.|this\.|\$this->)?([A-Za-z_$][\w$]*)"
                      r"\s*(?:\[[^\]\n]*\]\s*)?(?:[-+*/.|&]|\?\?|\|\|)?=(?![=>])")
# a name changed by a call of its own (`headers.update(…)`, `$headers->add(…)`, `headers.push(…)`), looked for from a
# word's start (from each character of a 900 KB word, the search was quadratic)
_CHANGED = re.compile(r"(?<![\w$])([A-Za-z_$][\w$]*)(?:\.|->)(?:update|put|putAll|set|add|append|merge|setdefault|assign|push"
                      r"|extend|insert|Add|Set)\s*\(")
_PASSED_ON = re.compile(r"\s*[A-Za-z_$][\w$]*\s*[,)]")  # a name given on by its own label: `headers=headers,`
_STATEMENT_LINES = 60  # the longest constant's statement read
_OPENING, _CLOSING = "([{", ")]}"
_GOES_ON = (",", "+", "\\", ".", "(", "[", "{", "=")  # a line so ended goes on with the statement


def module_constants(lines: list[tuple[int, str]]) -> dict[str, list[tuple[int, str]]]:
    """Each name the top level of ``lines`` binds to a value written out, and the lines of its statement; none that
    the lines bind twice or change elsewhere."""
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
        bound_twice.update(_CHANGED.findall(text))
    return {name: statement for name, statement in found.items() if name not in bound_twice}


def _statement_end(lines: list[tuple[int, str]], at: int) -> int:
    """The index after the last line of the statement that starts at ``at``: where its brackets close (strings'
    brackets counted too: a constant's value is data, rarely a bracket in a string) on a line that does not go on."""
    depth = 0
    for end in range(at, min(at + _STATEMENT_LINES, len(lines))):
        text = lines[end][1]
        depth += sum(text.count(bracket) for bracket in _OPENING) - sum(text.count(bracket) for bracket in _CLOSING)
        if depth <= 0 and not text.rstrip().endswith(_GOES_ON):
            return end + 1
    return at + 1


def constants_named(constants: dict[str, list[tuple[int, str]]], group: list[tuple[int, str]],
                    words: set[str]) -> list[tuple[int, str]]:
    """The statements of ``constants`` that ``group`` (whose ``words`` they are) names, bound before it and not in
    it, in their order."""
    first = group[0][0] if group else 0
    words = words | {word[1:] for word in words if word.startswith("$")}  # a name a string expands: `"$BASE/x"`
    return sorted(line for name in words & constants.keys() for line in constants[name] if line[0] < first)
