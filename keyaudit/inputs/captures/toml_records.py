"""Requests recorded in TOML — replay fixtures, request files, a tool's saved calls — read by the
generic reconstructor (:mod:`.records`) like any structured record.

TOML (toml.io, v1.0.0) writes a record as ``key = value`` lines under ``[table]`` headers: a fixture
written by ``tomli_w`` holds ``method``, ``url`` and ``body`` then a ``[headers]`` table, the body a
multi-line string (``\"\"\"`` and a line break, which is not part of it). The readers see a window of
lines, not a document, so the file is never parsed whole: a run of lines that TOML may write one after
the other — a key and its value, a table's header, a comment, a blank, a line inside a multi-line
string or array that one of them opened — is a document of its own, ended by a line that is none of
these (a log's line between two fixtures pasted into one file). A run that holds a method's key is
parsed alone by ``tomllib``, and each table of it that holds a method is a record; the request takes
the line of its method's key.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Iterator

from keyaudit.model.exchange import Exchange, Origin
from keyaudit.model.values import within

from .quoted import NEWLINE, escaped
from .records import request_of

_BASIC = '"' + escaped('"', NEWLINE) + '"'  # a basic string on one line (unrolled: no record a character kept)
_NAME = rf"""(?:[A-Za-z0-9_-]+|{_BASIC}|'[^'\n]*')"""
_KEY = re.compile(rf"[ \t]*{_NAME}(?:[ \t]*\.[ \t]*{_NAME})*[ \t]*=[ \t]*(\S.*)")  # its value in group 1
_TABLE = re.compile(rf"[ \t]*\[\[?[ \t]*{_NAME}(?:[ \t]*\.[ \t]*{_NAME})*[ \t]*\]\]?[ \t]*(?:#.*)?")
_NOTHING = re.compile(r"[ \t]*(?:#.*)?")  # a blank line or a comment
_METHOD_NAME = r"(?:method|(?:http|request|req)[_-]?[Mm]ethod)"  # bare or qualified as the request's, as in YAML
_METHOD_KEY_TEXT = rf"""[ \t]*["']?{_METHOD_NAME}["']?[ \t]*=[ \t]*["']"""  # its value a string
_METHOD_KEY = re.compile(_METHOD_KEY_TEXT)
# What a window's text holds where it may hold a request recorded in TOML, looked for with every reader's marks in
# one pass (:mod:`keyaudit.engine.marks`): a line a method's key begins, its value a string. A window of log lines
# or JSON records holding none is not read line by line.
MARKS = (re.compile("^" + _METHOD_KEY_TEXT, re.MULTILINE),)
_STRINGS = re.compile(rf"""{_BASIC}|'[^'\n]*'""")  # a one-line string, passed over counting brackets
_DELIMITERS = ('"""', "'''")
MAX_RECORD_LINES = 400  # a run longer than this is not a recorded request
MAX_VALUES = 20_000  # values in a parsed run


def exchanges(lines: Iterable[tuple[int, str]], path: str) -> Iterator[Exchange]:
    """Every request recorded in a run of TOML lines among ``lines`` (see the module)."""
    run: list[tuple[int, str]] = []
    for number, text, continues in _classified(lines):
        if continues and len(run) < MAX_RECORD_LINES:
            run.append((number, text))
            continue
        yield from _requests(run, path)
        run = [(number, text)] if continues else []
    yield from _requests(run, path)


def _classified(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str, bool]]:
    """Each line, and whether TOML may write it there (see the module): inside a multi-line string
    or array an earlier line opened, any line is; else a key's, a table's header, a comment, a blank."""
    closing = ""  # the delimiter of the multi-line string open, if one is
    depth = 0  # the brackets an array's lines left open
    for number, text in lines:
        if closing:
            if closing in text:
                closing = ""
            yield number, text, True
            continue
        if depth:
            depth = max(0, depth + _brackets(text))
            yield number, text, True
            continue
        key = _KEY.fullmatch(text)
        if key is not None:
            value = key.group(1)
            opener = value[:3]
            if opener in _DELIMITERS and opener not in value[3:]:
                closing = opener
            elif value.startswith(("[", "{")):
                depth = max(0, _brackets(value))
        yield number, text, (key is not None or _TABLE.fullmatch(text) is not None
                             or _NOTHING.fullmatch(text) is not None)


def _brackets(text: str) -> int:
    """How many brackets a line of an array opens that it does not close (its strings passed over)."""
    bare = _STRINGS.sub("", text).split("#", 1)[0]
    return bare.count("[") + bare.count("{") - bare.count("]") - bare.count("}")


def _requests(run: list[tuple[int, str]], path: str) -> Iterator[Exchange]:
    """The requests the tables of one run of TOML lines record, each at the line of its method's key."""
    methods = [number for number, text in run if _METHOD_KEY.match(text)]
    if not methods:
        return
    document = _parsed("\n".join(text for _, text in run))
    if document is None:
        return
    records = list(_with_methods(document))
    for at, record in enumerate(records):
        line = methods[at] if len(records) == len(methods) else run[0][0]
        exchange = request_of(record, Origin(path, line, capture="toml"))
        if exchange is not None:
            yield exchange


def _with_methods(table: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The tables of a document that hold a method's key, in the document's order (an array of
    tables' items each): a table with one is a record, the tables under it are its parts."""
    if any(re.fullmatch(_METHOD_NAME, key) for key in table):
        yield table
        return
    for value in table.values():
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, dict):
                yield from _with_methods(item)


def _parsed(text: str) -> dict[str, Any] | None:
    """The document, or None where the lines are no TOML (or hold too many values). The parser is
    imported for the first run: most windows hold none."""
    import tomllib

    try:
        document = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError, ValueError):
        return None
    return document if within(document, MAX_VALUES) else None
