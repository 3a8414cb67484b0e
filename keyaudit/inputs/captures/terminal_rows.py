"""A JSON record a terminal cut at its width, joined back into the line the program wrote.

A log followed in a terminal and saved from its screen (``tmux capture-pane -p`` without ``-J``, a terminal's
"copy all" or "save buffer", ``screen``'s hardcopy) holds a long line as the rows it filled: each cut at the
terminal's width, the last one shorter. A request record so cut is in no row whole (its first row opens the object,
the rows under it hold the rest), and its readers need it whole. The rows are joined where they can only be one line's:
a first row at least :data:`MIN_WIDTH` characters long that opens a JSON object it does not close, rows under it of
exactly its length but the last, which is no longer, and the rows joined make one JSON object, from the first row's
brace to the last row's end (rows two records a program wrote apart do not, but by a chance no log makes). Only the
rows around an anchored line are looked at: a window's other lines are none of a request's.
"""

from __future__ import annotations

from .records import json_object

MIN_WIDTH = 80  # a terminal's columns, at least: a narrower cut is no terminal's
MAX_ROWS = 128  # rows one line is joined from, at most (a record of 20 KB in a terminal of 160 columns)


def joined_rows(lines: list[tuple[int, str]], leads: dict[int, int]) -> tuple[list[tuple[int, str]], dict[int, int]]:
    """The lines with each record a terminal cut into rows, where an anchored line (``leads``) is one of them, joined
    into one line numbered as its first row, and the anchors on its rows moved to it. The lines are given back as
    they came where none is."""
    first = lines[0][0] if lines else 0
    runs: dict[int, int] = {}  # index of a record's first row -> index past its last
    for number in leads:
        index = number - first
        if 0 <= index < len(lines) and lines[index][0] == number and not any(
                start <= index < end for start, end in runs.items()):
            found = _run_around(lines, index)
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


def _run_around(lines: list[tuple[int, str]], index: int) -> tuple[int, int] | None:
    """The rows (first index, index past the last) of a record a terminal cut that the line at ``index`` is one of,
    or None."""
    width = len(lines[index][1])
    if index and len(lines[index - 1][1]) >= MIN_WIDTH and width < len(lines[index - 1][1]):
        width = len(lines[index - 1][1])  # the anchored line is the record's last row
    if width < MIN_WIDTH:
        return None
    top = index if len(lines[index][1]) == width else index - 1
    while top and index - top < MAX_ROWS and len(lines[top - 1][1]) == width:
        top -= 1
    for start in range(top, index + 1):
        end = _rows_from(lines, start, width)
        if end is not None and end > index:
            return start, end
    return None


def _rows_from(lines: list[tuple[int, str]], start: int, width: int) -> int | None:
    """The index past the last row of a record whose first row is at ``start``, cut every ``width`` characters, or
    None where that row opens no JSON object it leaves open, or the rows under it make none with it."""
    opening = lines[start][1]
    brace = opening.find("{")
    if brace < 0 or len(opening) != width or opening.rstrip().endswith("}"):
        return None
    parts = [opening[brace:]]
    for row in range(start + 1, min(len(lines), start + MAX_ROWS)):
        text = lines[row][1]
        if len(text) > width:
            return None
        parts.append(text)
        if text.rstrip().endswith("}") and json_object("".join(parts)) is not None:
            return row + 1
        if len(text) < width:
            return None
    return None
