"""SQL text read for the values it writes: the literals of a statement's rows, the column names a
table's definition gives, and the values a server's log binds to a statement's placeholders.

A statement is read token by token from a place in a text, never executed: literals are what
they say (a string with its quotes undone as the dialect writes them, a number, NULL), an
expression of literals is evaluated only where it is one of the few ways dumps write text (a
concatenation, ``replace(…, '\\n', char(10))`` as sqlite3's ``.dump`` writes a line break, a
cast, a hex literal); anything else is a value not known (None), read past so that the rest of
the row still is. Strings are standard SQL's (``''`` a quote, a backslash itself) unless the
statement is MySQL's — identifiers in backquotes, as mysqldump writes them — or the literal is
PostgreSQL's ``E'…'``: then a backslash escapes (``\\n``, ``\\'``, ``\\"``). A body read with the
wrong rule would not be the bytes sent, and its signature would look bad: the dialect is told by
the statement, not guessed per value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from keyaudit.model.numbers import plain_number

# a name quoted as any dialect quotes one: MySQL's backquotes, standard SQL's double quotes (escaped, in a statement
# logged inside a JSON string), SQL Server's brackets — those at most as long as its names, 128 characters (its `]`
# closes no other quote: a bracket never closed read on to the text's end from each, a line of them its square);
# unrolled as the strings below are (MySQL's double-quoted strings are read as such names)
QUOTED_NAME = r"""`[^`]*(?:``[^`]*)*`|\\?"[^"\\]*(?:""[^"\\]*)*\\?"|\[[^\]]{0,128}\]"""
# one token: a string literal (as the dialect ends it, see _string), a blob, a number, a placeholder (numbered with
# nine digits at most: Python turns no more than 4,300 into a number), a name (bare or quoted), a mark, or any other
# character (an operator: `>`, `-`)
_TOKEN = r"""\s*(?:
    (?P<string>{string})
  | (?P<blob>[Xx]'[0-9A-Fa-f]*')
  | (?P<number>[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)
  | (?P<param>\$\d{{1,9}}(?!\d)|\?|%s|%\(\w+\)s|@\w+|:[A-Za-z_]\w*)
  | (?P<name>[A-Za-z_][\w$]*|{name})
  | (?P<mark>::|\|\||[(),;=.])
  | (?P<other>\S)
)"""
# a string whose backslashes escape (MySQL's, PostgreSQL's E'…'), and one where a backslash is itself (standard
# SQL's): each a run of plain characters, then each escape or doubled quote with the run after it (unrolled, as
# .quoted's: a repeat of an alternation keeps a record for each character, 144 MB for a string of a megabyte)
_ESCAPING = r"'[^'\\]*(?:(?:''|\\.)[^'\\]*)*'"
_STANDARD = r"'[^']*(?:''[^']*)*'"
_STRINGS = {False: rf"[Ee]{_ESCAPING}|(?:[Nn]|_\w+\s*)?{_STANDARD}",  # standard SQL's (a backslash is itself)
            True: rf"(?:[EeNn]|_\w+\s*)?{_ESCAPING}"}  # MySQL's
_TOKENS = {mysql: re.compile(_TOKEN.format(string=string, name=QUOTED_NAME), re.X | re.S)
           for mysql, string in _STRINGS.items()}
# past a quote that closes no string no quote does (none after it does, or none a backslash leaves alone): a string
# tried there is read on to the text's end and fails, so none is tried
_NO_STRING = re.compile(_TOKEN.format(string="(?!)", name=QUOTED_NAME), re.X | re.S)
_BACKSLASH = re.compile(r"\\(.)", re.S)
_ESCAPES = {"0": "\0", "b": "\b", "n": "\n", "r": "\r", "t": "\t", "Z": "\x1a", "f": "\f", "v": "\v"}
MAX_TOKENS = 200_000  # a statement longer than this is not read to its end
MAX_DEPTH = 32  # groups and calls nested deeper than this are read past, their values not known
_CONSTRAINTS = frozenset({"primary", "key", "unique", "constraint", "foreign", "check", "index", "fulltext",
                          "spatial", "exclude", "like", "period"})


@dataclass(frozen=True)
class Param:
    """A placeholder: its value is bound apart from the statement. By its place among the
    statement's placeholders (``?``, ``%s``: the next one; ``$1``: the one numbered) and, for a
    named one (``:name``, ``@p0``, ``%(name)s``), by its name too: a log may bind either way."""

    number: int
    name: str | None = None


class SqlText:
    """A statement's text read from one place on: tokens one at a time, with where each starts."""

    def __init__(self, text: str, at: int, mysql: bool, unclosed: dict[bool, int] | None = None) -> None:
        self.text = text
        self.at = at
        self.mysql = mysql
        # where a string was found never to close, by dialect (shared by the statements read in one text: each
        # would read on to its end from there)
        self.unclosed = {} if unclosed is None else unclosed
        self._placed = 0  # placeholders numbered by their place: `?` and `%s` each, a named one where it first came
        self._named: dict[str, int] = {}  # the named placeholders seen, and their numbers
        self._read = 0
        self._depth = 0  # of the groups and calls being read

    def peek(self) -> tuple[str, str, int] | None:
        """The next token (its kind, its text, where it starts) without reading it."""
        strings = self.at < self.unclosed.get(self.mysql, len(self.text))
        found = (_TOKENS[self.mysql] if strings else _NO_STRING).match(self.text, self.at)
        if found is None or self._read > MAX_TOKENS:
            return None
        kind = found.lastgroup or ""
        if strings and kind == "other" and found.group(kind) == "'":  # a string that never closes: nor one after it
            self.unclosed[self.mysql] = found.start(kind)
        return kind, found.group(kind), found.start(kind)

    def take(self) -> tuple[str, str, int] | None:
        """The next token, read."""
        token = self.peek()
        if token is not None:
            self.at = token[2] + len(token[1])
            self._read += 1
        return token

    def take_mark(self, mark: str) -> bool:
        """Read the mark ``mark`` if it is the next token."""
        token = self.peek()
        if token is not None and token[0] == "mark" and token[1] == mark:
            self.take()
            return True
        return False

    def value(self) -> object:
        """The value of the expression that comes next: a str, a Param, or None where it is not
        known; the expression is read either way."""
        value = self._term()
        while True:
            if self.take_mark("||"):
                right = self._term()
                value = value + right if isinstance(value, str) and isinstance(right, str) else None
            elif self.take_mark("::"):
                self._type()
            else:
                return value

    def _term(self) -> object:
        token = self.take()
        if token is None:
            return None
        kind, text, _ = token
        if kind == "string":
            return _string(text, self.mysql)
        if kind == "blob":
            return bytes.fromhex(text[2:-1]).decode("utf-8", "surrogateescape") if len(text) % 2 == 1 else None
        if kind == "number":
            return text
        if kind == "param":
            if text[0] == "$":
                return Param(int(text[1:]))
            name = None if text in ("?", "%s") else text.removeprefix("%(").removesuffix(")s").lstrip(":@")
            if name is None or name not in self._named:
                self._placed += 1
                self._named.update({name: self._placed} if name is not None else {})
            return Param(self._named[name] if name is not None else self._placed, name)
        opens = kind == "mark" and text == "("
        if kind == "name" and self.take_mark("("):
            opens = True
        if not opens:
            return None  # NULL, DEFAULT, TRUE, a column: no text a request was sent with
        if self._depth >= MAX_DEPTH:
            self._skip_to_close()
            return None
        self._depth += 1
        try:
            return self._call(text.lower()) if kind == "name" else self._grouped()
        finally:
            self._depth -= 1

    def _grouped(self) -> object:
        """The value of a group ``( … )`` whose ``(`` was read."""
        value = self.value()
        self._skip_to_close()
        return value

    def _call(self, function: str) -> object:
        """The value of a function call whose ``(`` was read: of those dumps write text with."""
        if function == "cast":
            value = self.value()
            self._skip_to_close()  # `AS <type>`
            return value
        arguments = [self.value()]
        while self.take_mark(","):
            arguments.append(self.value())
        self._skip_to_close()
        codes = [plain_number(item, 7) if isinstance(item, str) else None for item in arguments] \
            if function in ("char", "chr") else [None]
        if None not in codes:  # each a code in ASCII digits
            return "".join(chr(code) for code in codes if code is not None and code < 0x110000)
        if function == "replace" and len(arguments) == 3 and all(isinstance(item, str) for item in arguments):
            text, old, new = arguments
            return text.replace(old, new) if old else text  # type: ignore[union-attr]
        if function == "concat" and all(isinstance(item, str) for item in arguments):
            return "".join(arguments)  # type: ignore[arg-type]
        return None

    def _type(self) -> None:
        """Read a cast's type: a name, perhaps with its size (``varchar(255)``)."""
        if self.take() is not None and self.take_mark("("):
            self._skip_to_close()

    def _skip_to_close(self) -> None:
        """Read on past the ``)`` that closes the group being read."""
        depth = 1
        while (token := self.take()) is not None:
            if token[0] == "mark" and token[1] in "()":
                depth += 1 if token[1] == "(" else -1
                if depth == 0:
                    return

    def row(self) -> list[object] | None:
        """The values of a row ``(…, …)`` that comes next, or None when no row does."""
        if not self.take_mark("("):
            return None
        values = [self.value()]
        while self.take_mark(","):
            values.append(self.value())
        return values if self.take_mark(")") else None

    def names(self) -> list[str] | None:
        """A list of names ``(a, b)`` that comes next, or None when none does."""
        if not self.take_mark("("):
            return None
        names = []
        while (token := self.take()) is not None and token[0] == "name":
            names.append(unquoted(token[1]))
            if not self.take_mark(","):
                break
        return names if self.take_mark(")") and names else None


def _string(literal: str, mysql: bool) -> str:
    """A string literal's text: its prefix dropped (PostgreSQL's ``E``, MySQL's ``_utf8mb4``), its
    quotes and its doubled quotes undone, and backslash escapes read where the dialect has them."""
    quote = literal.index("'")
    prefix, body = literal[:quote].strip(), literal[quote + 1 : -1].replace("''", "'")
    if mysql or prefix in ("E", "e"):
        return _BACKSLASH.sub(lambda found: _ESCAPES.get(found.group(1), found.group(1)), body)
    return body


def unquoted(name: str) -> str:
    """A name as the table knows it, its quotes removed (`` `a` ``, ``"a"``, ``[a]``; ``\\"a\\"`` in a
    statement logged inside a JSON string)."""
    name = name.replace('\\"', '"')
    if name[:1] in "`\"[":
        return name[1:-1].replace(name[0] * 2, name[0]) if name[:1] != "[" else name[1:-1]
    return name


def table_name(name: str) -> str:
    """The name a table is known by in a file: its schema dropped, quotes removed, case folded."""
    return unquoted(name.rsplit(".", 1)[-1]).lower()


def defined_columns(sql: SqlText) -> list[str] | None:
    """The columns a table's definition ``(…)`` that comes next names, in order (constraints
    written among them left out), or None when it names none."""
    if not sql.take_mark("("):
        return None
    columns: list[str] = []
    while True:
        token = sql.take()
        if token is None:
            return None
        if token[0] == "name" and (token[1][:1] in "`\"[" or token[1].lower() not in _CONSTRAINTS):
            columns.append(unquoted(token[1]))
        depth = 0  # the rest of the column's definition, to the `,` or `)` that ends it
        while (token := sql.take()) is not None and not (depth == 0 and token[0] == "mark" and token[1] in ",)"):
            if token[0] == "mark" and token[1] in "()":
                depth += 1 if token[1] == "(" else -1
        if token is None:
            return None
        if token[1] == ")":
            return columns or None


_CREATE = re.compile(r"CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?", re.I)


def created_table(text: str, at: int = 0) -> tuple[str, tuple[str, ...]] | None:
    """The name and columns of the table a whole ``CREATE TABLE`` statement at ``at`` in ``text``
    defines, or None when there is none (or it is not yet whole there)."""
    found = _CREATE.match(text, at)
    if found is None:
        return None
    sql = SqlText(text, found.end(), "`" in text[at : text.find("(", at)])
    name = sql.take()
    while name is not None and name[0] == "name" and sql.take_mark("."):
        name = sql.take()  # a schema's name, then the table's
    if name is None or name[0] != "name":
        return None
    columns = defined_columns(sql)
    return (table_name(name[1]), tuple(columns)) if columns else None
