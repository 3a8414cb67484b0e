"""A JSON record a terminal cut at its width, joined back into the line the program wrote.

A log followed in a terminal and saved from its screen (``tmux capture-pane -p`` without ``-J``, a terminal's
"copy all" or "save buffer", ``screen``'s hardcopy) holds a long line as the rows it filled: each cut at the
terminal's width, the last one shorter. A request record so cut is in no row whole (its first row opens the object,
the rows under it hold the rest), and its readers need it whole. The rows are joined where they can only be one line's:
a first row at least :data:`MIN_WIDTH` characters long that opens a JSON object it does not close (it may end on the
brace of a field's object, cut there), rows under it of exactly its length but the last, which is no longer, and the
rows joined make one JSON object, from the first row's brace to the last row's end (rows two records a program wrote
apart do not, but by a chance no log makes). Only the rows around an anchored line are looked at: a window's other
lines are none of a request's. A row's length is what the cutter counted: characters (a terminal), or bytes
(``fold -w`` counts UTF-8 bytes: a row holding ``ç`` is a character short of the others).
"""

from __future__ import annotations

from typing import Callable

from .records import json_object

MIN_WIDTH = 80  # a terminal's columns, at least: a narrower cut is no terminal's
MAX_ROWS = 128  # rows one line is joined from, at most (a record of 20 KB in a terminal of 160 columns)


def _utf8_bytes(text: str) -> int:
    return len(text.encode("utf-8", "surrogateescape"))


Measure = Callable[[str], int]


def joined_rows(lines: list[tuple[int, str]], leads: dict[int, int]) -> tuple[list[tuple[int, str]], dict[int, int]]:
    """The lines with each record a terminal cut into rows, where an anchored line (``leads``) is one of them, joined
    into one line numbered as its first row, and the anchors on its rows moved to it. The lines are given back as
    they came where none is."""
    first = lines[0][0] if lines else 0
    runs: dict[int, int] = {}  # index of a record's first row -> index past its last
    # (first row, width, measure) -> what _rows_from found: the anchors of a table whose rows are of one length (a
    # CSV's, a job's stored input a cell each) try the same first rows, each up to MAX_ROWS rows down, once only
    tried: dict[tuple[int, int, Measure], int | None] = {}
    ascii_only = all(text.isascii() for _, text in lines)  # where every measure of a row's length is one
    measures: tuple[Measure, ...] = (len,) if ascii_only else (len, _utf8_bytes)
    for number in leads:
        index = number - first
        if 0 <= index < len(lines) and lines[index][0] == number and not any(
                start <= index < end for start, end in runs.items()):
            found = next((run for measure in measures if (run := _run_around(lines, index, measure, tried)) is not None), None)
            if found is not None:
                runs[found[0]] = found[1]
    if not runs:
        return lines, leads
    out: list[tuple[int, str]] = []
    moved = dict(leads)
    index = 0
    while index < len(lines):
        end = runs.get(index)
        if end is None:
            out.append(lines[index])
            index += 1
            continue
        number = lines[index][0]
        for row, _ in lines[index + 1 : end]:
            if row in leads:
                moved[number] = max(moved.get(number, 0), leads[row])
        out.append((number, "".join(text for _, text in lines[index:end])))
        index = end
    return out, moved


def _run_around(lines: list[tuple[int, str]], index: int, measure: Measure,
                tried: dict[tuple[int, int, Measure], int | None]) -> tuple[int, int] | None:
    """The rows (first index, index past the last) of a record a terminal cut that the line at ``index`` is one of,
    each row's length given by ``measure``, or None."""
    width = own = measure(lines[index][1])
    if index and (above := measure(lines[index - 1][1])) >= MIN_WIDTH and own < above:
        width = above  # the anchored line is the record's last row
    if width < MIN_WIDTH:
        return None
    top = index if own == width else index - 1
    while top and index - top < MAX_ROWS and measure(lines[top - 1][1]) == width:
        top -= 1
    for start in range(top, index + 1):
        if (start, width, measure) not in tried:
            tried[start, width, measure] = _rows_from(lines, start, width, measure)
        end = tried[start, width, measure]
        if end is not None and end > index:
            return start, end
    return None


def _rows_from(lines: list[tuple[int, str]], start: int, width: int, measure: Measure) -> int | None:
    """The index past the last row of a record whose first row is at ``start``, cut every ``width`` characters, or
    None where that row opens no JSON object it leaves open, or the rows under it make none with it."""
    opening = lines[start][1]
    brace = opening.find("{")
    # a first row ending on a brace may close a field (`"headers":{…}`) at the cut: only an object it holds whole is
    # no record's start
    if brace < 0 or measure(opening) != width or json_object(opening[brace:]) is not None:
        return None
    parts = [opening[brace:]]
    for row in range(start + 1, min(len(lines), start + MAX_ROWS)):
        text = lines[row][1]
        length = measure(text)
        if length > width:
            return None
        parts.append(text)
        if text.rstrip().endswith("}") and json_object("".join(parts)) is not None:
            return row + 1
        if length < width:
            return None
    return None
