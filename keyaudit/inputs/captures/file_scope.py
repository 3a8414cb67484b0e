"""What a file defines once for the lines after it, which the readers of the lines around an
anchor would never see: the columns of its lines — a W3C extended log's (its ``#Fields:``
directive, written at the file's top and again where the server restarted or changed them: a
later one redefines them; Zeek's ``#fields`` and httpry's ``# Fields:`` the same), a CSV or TSV export's (its header row, the file's first line but for
a BOM and the comments, blank lines or Excel's ``sep=`` line above it; only a header naming a
request's roles, see :func:`~.records.names_a_request`, or a column of raw events makes its rows
records to read) — and a request file's variables (VS Code REST Client's ``@name = value``,
used as ``{{name}}`` in the requests below it).

The second pass goes through a file in order, so one :class:`FileScope` follows it: it sees the
lines the readers are given and the text passed over between them (:meth:`FileScope.scan`), and
what it holds at a line is what the lines above defined.
"""

from __future__ import annotations

import csv
import re
from typing import BinaryIO

# A comment naming the columns of the lines below it: the W3C extended log format's (w3.org/TR/
# WD-logfile.html: `#Fields: date time cs-method …`, the names and the values blank-separated); Zeek's
# ASCII logs' (docs.zeek.org, "Logging Framework": `#fields` and the names, tab-separated as the values
# are, under `#separator \x09`); httpry's (`# Fields: timestamp,source-ip,…`, the names comma-separated,
# the values tab-separated). Names written with tabs or commas name tab-separated values.
COLUMNS_DIRECTIVES = ("#Fields:", "#fields\t", "# Fields:")
VALUES_SEPARATOR = "\t"  # of the values under names written with tabs or commas
# A database dump's table data (PostgreSQL's pg_dump, docs "COPY", Text Format): `COPY <table> (<names>) FROM stdin;`
# names the tab-separated values of the rows below it, one a line, each in COPY's text format (backslash escapes,
# `\N` no value), up to the line `\.` that ends them.
_COPY = re.compile(r"COPY\s+(?:ONLY\s+)?[\w.\"$]+\s*\(([^()]*)\)\s+FROM\s+(?i:stdin)\b.*")
COPY_START, COPY_END = "COPY ", "\\."
# A request file's variable (github.com/Huachao/vscode-restclient, "File Variables"): `@name = value`
# on a line of its own; the value may use the variables defined before it.
# The value is taken to the line's end and its trailing blanks cut after the match: a lazy value
# before `[ \t\r]*` would try each blank of a long run again from each of its places.
_VARIABLE = re.compile(r"@([A-Za-z_][\w.-]{0,63})[ \t]*=[ \t]*(.*)")
_REFERENCE = re.compile(r"\{\{[ \t]*([A-Za-z_][\w.-]{0,63})[ \t]*\}\}")
# A table's definition (a dump's `CREATE TABLE <name> (<columns>);`, on one line or many), as dumps write it
CREATE_STARTS = ("CREATE TABLE ", "create table ")
MAX_CREATE_LINES = 400
# what a line that may define something starts with
DEFINITION_STARTS = (*COLUMNS_DIRECTIVES, "@", COPY_START, COPY_END, *CREATE_STARTS)
# the same as bytes, looked for in text passed over by their first byte (one memchr from each to the
# next: a search for a line feed and the rest stops at every line, at a fifth of the speed) — but COPY's,
# its end's (`\.`) and a table's definition's, whose first bytes any line holds (a letter; JSON's escapes),
# looked for whole
DEFINITION_BYTES = tuple(start.encode() for start in DEFINITION_STARTS)
CREATE_BYTES = tuple(start.encode() for start in CREATE_STARTS)
_FIRST_BYTES = tuple(dict.fromkeys(start[:1] if start[:1] in b"#@" else start for start in DEFINITION_BYTES))
# The text before the first window read through, not sought past, for what a file defines once at
# its top (a W3C log's columns, a request file's variables: see FileScope); once it defined one,
# all the text between windows is.
DEFINITIONS_HEAD_BYTES = 64 << 10
MAX_VARIABLES = 256
MAX_COLUMNS = 256
MAX_VALUE_CHARS = 8192  # a longer variable's value is not kept (no request file writes one)
MAX_SUBSTITUTED_CHARS = 1 << 20  # a line its variables would make longer is left as it is (a template)
_READ_BYTES = 1 << 20
MAX_TOP_LINES = 16  # comments and blank lines above a table's header row, at most
TABLE_SEPARATORS = "\t,;|"  # a header row's cells are split on the first of these it holds
# A column holding each row's whole event as it was logged (Splunk's `_raw`): a JSON record there
# is read as one nested in the row.
RAW_EVENT = frozenset({"raw", "rawevent", "rawlog", "rawmessage"})
# What a column name looks like: a line of a log or of prose split on its commas has cells like
# `2026-11-22 13:00:00 INFO x` or ` and then`, and is no header row.
_COLUMN_NAME = re.compile(r"[A-Za-z_@][\w.:@$/-]{0,127}")


def defines_in(head: bytes) -> bool:
    """Whether the first bytes of a file make a definition for the lines below them (a table's
    columns, a request file's variables): such a file means nothing read from its middle, and
    is read in one piece, in order."""
    text = head.decode("utf-8", "replace")
    return table_header(text) is not None or any(
        line.startswith((*COLUMNS_DIRECTIVES, *CREATE_STARTS)) or _VARIABLE.fullmatch(line) is not None
        or _COPY.fullmatch(line) is not None
        for line in text.splitlines() if line.startswith(DEFINITION_STARTS))


def defines_below(stream: BinaryIO) -> bool:
    """Whether any line of the text ``stream`` gives makes a definition for the lines below it
    (a W3C log's ``#Fields:`` past its head, as ``cat app.log u_ex.log`` leaves it; a request
    file's variable): a range of such a file, read alone, would not know what its lines mean.
    Looked for at C speed, a read at a time; the rest of an over-long line is no line's start."""
    scope, carry = FileScope(), b""
    while data := stream.read(_READ_BYTES):
        data = carry + data
        cut = data.rfind(b"\n") + 1
        scope.scan(data[:cut])
        if scope.defines:
            return True
        carry = data[cut:] if len(data) - cut <= MAX_VALUE_CHARS else b"\0"
    scope.scan(carry)
    return scope.defines


def table_header(top: str) -> tuple[tuple[str, ...], str] | None:
    """The columns (and their separator) a CSV or TSV header row at the top of a file's text
    ``top`` names, when they name a request's roles; else None. Only whole lines count: the
    row ends with a line feed in ``top``."""
    at = 1 if top.startswith("\ufeff") else 0  # a BOM, as spreadsheets write one
    for _ in range(MAX_TOP_LINES):
        end = top.find("\n", at)
        if end < 0:
            return None
        line = top[at:end].rstrip("\r")
        if line.strip() and not line.startswith("#") and not line.startswith("sep="):
            return _header_row(line)
        at = end + 1
    return None


def _header_row(line: str) -> tuple[tuple[str, ...], str] | None:
    """The columns of ``line`` as a header row naming a request's roles, and their separator."""
    separator = next((mark for mark in TABLE_SEPARATORS if mark in line), None)
    if separator is None:
        return None
    try:
        cells = next(csv.reader([line], delimiter=separator, strict=True))
    except (csv.Error, StopIteration):
        return None
    names = tuple(cell.strip() for cell in cells)
    if not 1 < len(names) <= MAX_COLUMNS or not all(_COLUMN_NAME.fullmatch(name) for name in names):
        return None
    from .record_views import role
    from .records import names_a_request  # the reconstructor's roles: loaded once a line looks like a header

    if names_a_request(list(names)) or any(role(name) in RAW_EVENT for name in names):
        return names, separator
    return None


class FileScope:
    """The definitions made so far in one file's text, read in order."""

    def __init__(self) -> None:
        self.columns: tuple[str, ...] | None = None
        self.separator: str | None = None  # a table's, between its cells; None: a W3C log's blanks
        self.directive = False  # the columns were named by a directive, which may come again further down
        self.escaped = False  # the values are COPY's: one row a line, backslash escapes (see _COPY)
        self.variables: dict[str, str] = {}
        self.tables: dict[str, tuple[str, ...]] = {}  # a dump's tables' columns, by name (see table_name)
        self._creating: list[str] | None = None  # the lines of a table's definition that goes on
        self._open = 0  # its parentheses opened and not closed (as counted, quotes not minded)

    def see_top(self, head: bytes) -> None:
        """Note the columns a table's header row at the top of the file (its first bytes,
        ``head``) names, if it names them."""
        found = table_header(head.decode("utf-8", "surrogateescape"))
        if found is not None:
            self.columns, self.separator = found

    @property
    def defines(self) -> bool:
        """Whether the file made a definition yet: then the text between windows is worth a look."""
        return self.columns is not None or bool(self.variables) or bool(self.tables)

    @property
    def may_redefine(self) -> bool:
        """Whether the text between windows may change what the file defined: a W3C log's
        columns, a request file's variables or a dump's tables may come again further down, a
        table's header row only at its top."""
        return self.directive or bool(self.variables) or bool(self.tables)

    @property
    def continues(self) -> bool:
        """Whether a table's definition begun above goes on in the next line (its lines are all seen)."""
        return self._creating is not None

    def see(self, text: str) -> None:
        """Note a definition on the line ``text``, if it makes one."""
        if self._creating is not None or text.startswith(CREATE_STARTS):
            self._create(text)
        elif text.startswith(COLUMNS_DIRECTIVES):
            directive = next(mark for mark in COLUMNS_DIRECTIVES if text.startswith(mark))
            rest = text[len(directive):].strip()
            mark = next((mark for mark in "\t," if mark in rest), None)
            names = [name.strip() for name in rest.split(mark)] if mark else rest.split()
            self.columns = tuple(names) if 0 < len(names) <= MAX_COLUMNS else None
            self.separator, self.directive, self.escaped = VALUES_SEPARATOR if mark else None, True, False
        elif text.startswith(COPY_START) and (copy := _COPY.fullmatch(text.rstrip())) is not None:
            names = [name.strip().strip('"') for name in copy.group(1).split(",")]
            self.columns = tuple(names) if 0 < len(names) <= MAX_COLUMNS else None
            self.separator, self.directive, self.escaped = VALUES_SEPARATOR, True, True
        elif self.escaped and text.rstrip() == COPY_END:
            self.columns, self.escaped = None, False  # the table's rows end
        elif text.startswith("@") and (found := _VARIABLE.fullmatch(text)) is not None:
            name, value = found.group(1), found.group(2).rstrip(" \t\r")
            if len(value) <= MAX_VALUE_CHARS and (name in self.variables or len(self.variables) < MAX_VARIABLES):
                value = self.substituted(value)  # a value made of others is bounded as one written out
                if len(value) <= MAX_VALUE_CHARS:
                    self.variables[name] = value

    def _create(self, text: str) -> None:
        """Go on with a table's definition: its columns are known once it is whole."""
        from .sql_values import created_table

        if self._creating is None:
            self._creating, self._open = [], 0
        lines = self._creating
        lines.append(text)
        self._open += text.count("(") - text.count(")")
        ends = len(lines) >= MAX_CREATE_LINES or text.rstrip().endswith(";")
        # read only where its columns' list may have closed, not its whole text again at every line
        table = created_table("\n".join(lines)) if ends or (self._open <= 0 and ")" in text) else None
        if table is not None:
            self.tables[table[0]] = table[1]
        if table is not None or ends:
            self._creating = None

    def scan(self, data: bytes) -> None:
        """Note the definitions in ``data``, whole lines of the file passed over (not read), in
        their order."""
        starts = []
        for byte in _FIRST_BYTES:
            at = data.find(byte)
            while at >= 0:
                if (at == 0 or data[at - 1] == 0x0A) and data.startswith(DEFINITION_BYTES, at):
                    starts.append(at)
                at = data.find(byte, at + 1)
        for at in sorted(starts):
            # a table's definition is seen whole, to its `;` (its lines are passed over too)
            end = data.find(b";" if data.startswith(CREATE_BYTES, at) else b"\n", at)
            self.see(data[at : len(data) if end < 0 else end + 1].rstrip(b"\r\n").decode("utf-8", "surrogateescape"))
            self._creating = None

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
