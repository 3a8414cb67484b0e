"""What a file defines once for the lines after it, which the readers of the lines around an
anchor would never see: a W3C extended log's columns (its ``#Fields:`` directive, written at
the file's top and again where the server restarted or changed them: a later one redefines
them) and a request file's variables (VS Code REST Client's ``@name = value``, used as
``{{name}}`` in the requests below it).

The second pass goes through a file in order, so one :class:`FileScope` follows it: it sees the
lines the readers are given and the text passed over between them (:meth:`FileScope.scan`), and
what it holds at a line is what the lines above defined.
"""

from __future__ import annotations

import re

COLUMNS_DIRECTIVE = "#Fields:"  # W3C extended log format (w3.org/TR/WD-logfile.html): the columns of the lines below
# A request file's variable (github.com/Huachao/vscode-restclient, "File Variables"): `@name = value`
# on a line of its own; the value may use the variables defined before it.
# The value is taken to the line's end and its trailing blanks cut after the match: a lazy value
# before `[ \t\r]*` would try each blank of a long run again from each of its places.
_VARIABLE = re.compile(r"@([A-Za-z_][\w.-]{0,63})[ \t]*=[ \t]*(.*)")
_REFERENCE = re.compile(r"\{\{[ \t]*([A-Za-z_][\w.-]{0,63})[ \t]*\}\}")
DEFINITION_STARTS = (COLUMNS_DIRECTIVE, "@")  # what a line that may define something starts with
# the same, looked for after a line feed in text passed over
_STARTS = tuple(b"\n" + start.encode() for start in DEFINITION_STARTS)
MAX_VARIABLES = 256
MAX_COLUMNS = 256
MAX_VALUE_CHARS = 8192  # a longer variable's value is not kept (no request file writes one)
MAX_SUBSTITUTED_CHARS = 1 << 20  # a line its variables would make longer is left as it is (a template)


def defines_in(head: bytes) -> bool:
    """Whether the first bytes of a file make a definition for the lines below them (a W3C log's
    columns, a request file's variables): such a file means nothing read from its middle, and
    is read in one piece, in order."""
    return any(line.startswith(COLUMNS_DIRECTIVE) or _VARIABLE.fullmatch(line) is not None
               for line in head.decode("utf-8", "replace").splitlines() if line.startswith(DEFINITION_STARTS))


class FileScope:
    """The definitions made so far in one file's text, read in order."""

    def __init__(self) -> None:
        self.columns: tuple[str, ...] | None = None
        self.variables: dict[str, str] = {}

    @property
    def defines(self) -> bool:
        """Whether the file made a definition yet: then the text between windows is worth a look."""
        return self.columns is not None or bool(self.variables)

    def see(self, text: str) -> None:
        """Note a definition on the line ``text``, if it makes one."""
        if text.startswith(COLUMNS_DIRECTIVE):
            names = text[len(COLUMNS_DIRECTIVE):].split()
            self.columns = tuple(names) if 0 < len(names) <= MAX_COLUMNS else None
        elif text.startswith("@") and (found := _VARIABLE.fullmatch(text)) is not None:
            name, value = found.group(1), found.group(2).rstrip(" \t\r")
            if len(value) <= MAX_VALUE_CHARS and (name in self.variables or len(self.variables) < MAX_VARIABLES):
                value = self.substituted(value)  # a value made of others is bounded as one written out
                if len(value) <= MAX_VALUE_CHARS:
                    self.variables[name] = value

    def scan(self, data: bytes) -> None:
        """Note the definitions in ``data``, whole lines of the file passed over (not read), in
        their order."""
        starts = []
        for start in _STARTS:
            at = data.find(start)
            while at >= 0:
                starts.append(at + 1)
                at = data.find(start, at + 1)
        if data.startswith(tuple(start[1:] for start in _STARTS)):
            starts.append(0)
        for at in sorted(starts):
            end = data.find(b"\n", at)
            self.see(data[at : len(data) if end < 0 else end].rstrip(b"\r").decode("utf-8", "surrogateescape"))

    def substituted(self, text: str) -> str:
        """``text`` with the variables defined so far in place of their references; a reference
        to none stays, so that the request holding it is still a template."""
        if not self.variables or "{{" not in text:
            return text
        pieces: list[str] = []
        size = at = 0
        for found in _REFERENCE.finditer(text):
            value = self.variables.get(found.group(1), found.group())
            size += found.start() - at + len(value)
            if size > MAX_SUBSTITUTED_CHARS:
                return text  # what it would make is no line a request file holds: left a template
            pieces += [text[at : found.start()], value]
            at = found.end()
        return "".join(pieces) + text[at:]
