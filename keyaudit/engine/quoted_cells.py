"""The quoting layer of a CSV export's cells (RFC 4180 2.7): a cell that holds a quote is quoted, each of its quotes
doubled. A log message exported so (Kibana's "Share > CSV", Splunk's CSV export) is a JSON string's text one layer
further in: ``"{""body"":""{\\""api_token\\"":\\""…\\""}""}"`` is the record ``{"body":"{\\"api_token\\":…}"}``,
whose own escapes (a body that is JSON text in a string) are a layer under it. Undone like any other text layer
(:mod:`keyaudit.engine.unwrap`), each byte kept with where it came from.
"""

from __future__ import annotations

import re

from keyaudit.engine.unwrap import Origin

# A string whose quote doubled stands for one and nothing else is escaped: a run of plain characters, then each doubled
# quote with the run after it (unrolled: a repeat of an alternation keeps a backtracking record for every character)
DOUBLED_QUOTED = r'"([^"]*(?:""[^"]*)*)"'
# A quoted cell of a row: a string so quoted that opens the row or follows a separator (a comma, a semicolon, a tab, a
# bar) and ends it or stands before one. A JSON line has no such string where its escaped quotes are (a quote after a
# comma opens a member's name, closed before a colon).
_CELL = re.compile(rb"(?:^|(?<=[,;\t|\n]))" + DOUBLED_QUOTED.encode() + rb"(?=[,;\t|\r\n]|$)")
# A JSON escape inside a quoted cell, where a member's name ends: a record's string (a body) that is JSON text of its
# own, whose quotes the string escapes and the cell doubles (``\\""api_token\\"":\\""…``). A member's end, not every
# escaped quote: an export of a service's JSON log holds a score of those in every row, each a hit of the pass.
MARKERS = (b'\\"":',)
# How near a marker a keyword must be for its row to be decoded: the member's name ends at the marker, its value starts
# a few bytes past it (``\\"": \\""Bearer …``); a keyword farther off is none of its (a header named for a token
# beside the body, in most rows)
REACH = 8


def quoted_cells(data: bytes) -> tuple[bytes, Origin] | None:
    """``data`` (a row's line, or lines) with the doubled quotes inside its quoted cells made one, the quotes
    around the cells kept; the origin of every byte. None where no cell doubles a quote."""
    pieces: list[bytes] = []
    origin: list[int] = []
    at = 0
    for cell in _CELL.finditer(data):
        end = cell.end(1)
        pair = data.find(b'""', cell.start(1), end)
        while pair >= 0:  # a cell's text is plain runs and pairs: each pair found from the last is one
            pieces.append(data[at : pair + 1])
            origin.extend(range(at, pair + 1))
            at = pair + 2
            pair = data.find(b'""', at, end)
    if not pieces:
        return None
    pieces.append(data[at:])
    origin.extend(range(at, len(data) + 1))
    return b"".join(pieces), origin
