"""A table a terminal client or a document prints, its rows read as records: a request a row.

An outbox table queried in a database's shell and pasted into a log, a ticket or a runbook is
printed as text: psql's aligned output (a header, a rule of ``-`` and ``+``, rows of cells
between ``|``), the MySQL client's (borders of ``+`` and ``-`` around the header and the rows),
sqlite's and DuckDB's box drawing (``│`` between cells, ``├─┼─┤`` under the header), a Markdown
table (``|---|---|``). What they share is the rule: a line of cells split by a bar, then a rule line
of dashes (the header above it, perhaps between two borders), then rows of as many cells below,
up to a line that is no row; a border or a line of types (DuckDB's) between is passed over. The
vertical forms print a row as a block of ``name | value`` (psql's ``\\x``, under ``-[ RECORD 1 ]``)
or ``name: value`` lines (MySQL's ``\\G``, under ``*** 1. row ***``): each block a record.

Each record goes to the generic reconstructor (:mod:`.records`), which says whether it is a
request; the request is placed on its row's line (a block's first line).
"""

from __future__ import annotations

import re
from typing import Iterator

from keyaudit.model.exchange import Exchange, Origin
from keyaudit.rulebook.header_names import NO_RECORD_HEADERS, RecordHeaders

from .records import request_of

_BARS = "|│┃║"  # what separates a table's cells
# a rule or a border: dashes (ASCII or box drawing) and the junctions between them, three dashes at least
_RULE_MARKS = "-+|:=─━═┼┿╪├┝┤┥┌┬┐└┴┘╞╡╤╧"
# its first dashes come before a blank (past the line's indent); a rule is matched as this head and the rest of
# its line in turn, each in one pass: one pattern of the two makes the engine try every split of a long line of
# dashes (its first part and the last both take them), the line's square
_RULE_HEAD = re.compile(rf"[ \t]*[{_RULE_MARKS}]*[-─━═]{{3}}")
_RULE_REST = re.compile(rf"[{_RULE_MARKS} \t]*")
_JUNCTIONS = "|│┃║+┼┿╪├┝┤┥┬┴╞╡╤╧"  # what a rule holds besides dashes, where it is a table's (not a line of dashes)
_RECORD_HEAD = re.compile(r"-\[ RECORD \d+ \][-+]*|\*{3,} \d+\. row \*{3,}")  # psql's \x, MySQL's \G
# `name | value`, `   name: value`: the name begins and ends with no blank (blanks its indent's or its padding's,
# each matched once: where the name may take them too, a line of blanks is split every way, its square times 64)
_VERTICAL_CELL = re.compile(r"[ \t]*+([\w.-](?:[\w .-]{0,62}?[\w.-])?)[ \t]*+[|:][ \t](.*)")
# What a table's text holds, looked for with every reader's marks in one pass over a window
# (:mod:`keyaudit.engine.marks`): how a rule's line of ASCII dashes ends (psql's `--`, MySQL's border `-+`,
# Markdown's `-|`, `- |`; not a Markdown rule whose last column is centred, `:|`: a pattern that may begin at a
# colon is tried at every time of day), box drawing, a vertical record's head
MARKS = (re.compile(r"(?:--|-\+|-\||- \|)\r?$", re.M),
         "───", "━━━", "═══", "-[ RECORD ", " 1. row ***")
MAX_COLUMNS = 256
MAX_ROWS = 10_000  # rows of one table read, at most


def exchanges(lines: list[tuple[int, str]], path: str, known: RecordHeaders = NO_RECORD_HEADERS) -> Iterator[Exchange]:
    """The requests the tables among ``lines`` print a row each."""
    names: list[str] | None = None
    edged = False  # the table's lines begin and end with a bar (MySQL's, a box's, Markdown's; not psql's)
    block: list[tuple[int, str, str]] | None = None  # a vertical record's cells (line, name, value)
    rows, last_row = 0, -1  # the rows read of the table, and the index of the last one
    for index, (number, text) in enumerate(lines):
        if _RECORD_HEAD.fullmatch(text.strip()):
            yield from _block(block, path, known)
            block, names = [], None
            continue
        if block is not None:
            cell = _VERTICAL_CELL.fullmatch(text)
            if cell is not None and len(block) < MAX_COLUMNS:
                block.append((number, cell.group(1).strip(), cell.group(2).rstrip()))
                continue
            yield from _block(block, path, known)
            block = None
        if _is_rule(text) and any(junction in text for junction in _JUNCTIONS):
            if names is not None and last_row == index - 1:
                names = None  # the border under the rows: the table ends
            else:
                names, edged, rows = *_header(lines, index), 0
            continue
        cells = _cells(text, edged) if names is not None else None
        if cells is None or names is None or len(cells) != len(names) or rows >= MAX_ROWS:
            names = None  # a line that is no row of the table ends it
            continue
        rows, last_row = rows + 1, index
        record = dict(zip(names, cells))
        if (exchange := request_of(record, Origin(path, number, 1, capture="table"), known=known)) is not None:
            yield exchange
    yield from _block(block, path, known)


def _header(lines: list[tuple[int, str]], rule: int) -> tuple[list[str] | None, bool]:
    """The column names of the header right above the rule at ``rule`` (DuckDB's names over a
    line of types, under the box's top border: the names), and whether its lines begin and end
    with a bar; None where the line above is no header."""
    text = lines[rule - 1][1] if rule >= 1 else ""
    edged = text.strip()[:1] in _BARS and text.strip()[-1:] in _BARS
    header = _cells(text, edged) if rule >= 1 and not _is_rule(text) else None
    if header is not None and rule >= 3 and _is_rule(lines[rule - 3][1]) \
            and not _is_rule(lines[rule - 2][1]) and (names := _cells(lines[rule - 2][1], edged)) is not None \
            and len(names) == len(header):
        header = names
    if header is None or not all(header) or len(set(header)) != len(header) or len(header) > MAX_COLUMNS:
        return None, edged
    return header, edged


def _is_rule(text: str) -> bool:
    """Whether the line is a rule or a border: dashes and junctions, three dashes at least before a blank."""
    head = _RULE_HEAD.match(text)
    return head is not None and _RULE_REST.fullmatch(text, head.end()) is not None


def _cells(text: str, edged: bool) -> list[str] | None:
    """A row's cells, split by its bars (those at its ends dropped where the table's lines are
    ``edged``: a cell left empty stays one) and stripped; None where the line has fewer than two."""
    bar = next((bar for bar in _BARS if bar in text), None)
    if bar is None:
        return None
    cells = text.strip().split(bar) if edged else text.rstrip("\r\n").split(bar)
    if edged and len(cells) > 2 and not cells[0].strip() and not cells[-1].strip():
        cells = cells[1:-1]
    return [cell.strip() for cell in cells] if len(cells) > 1 else None


def _block(block: list[tuple[int, str, str]] | None, path: str, known: RecordHeaders) -> Iterator[Exchange]:
    """The request of a vertical record's block of cells, if it is one."""
    if block:
        record = {name: value for _, name, value in block}
        if (exchange := request_of(record, Origin(path, block[0][0], 1, capture="table"), known=known)) is not None:
            yield exchange
