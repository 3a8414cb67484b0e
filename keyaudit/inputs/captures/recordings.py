"""A terminal recording's output, put back together into the lines the terminal showed, for the
readers of requests written as text.

asciinema's recordings (asciicast v2 and v3: a header object on the first line, then one event a line,
``[<time>, "o", "<data>"]`` for output) keep what the terminal got in the chunks it came in: a
program's line — a ``curl -v`` header, a client's debug line — may begin in one event and end in the
next, and one event may hold many lines. A run of output events is joined into that text again, each
of its lines numbered as the event it began in, and written back as one JSON string a line, which
:mod:`.envelopes` reads as the text it holds (as a notebook's output lines). Not a player: the
terminal's escapes stay for the line layers to take off, and input, marker and resize events end a
run as any other line does.
"""

from __future__ import annotations

import json
import re

from .quoted import DOUBLE_QUOTED

# An output event: the time (seconds, absolute in v2, since the last event in v3), the code `o`, the data.
_OUTPUT_EVENT = re.compile(r'\[\s*\d+(?:\.\d+)?(?:[eE][-+]?\d+)?\s*,\s*"o"\s*,\s*("' + DOUBLE_QUOTED + r'")\s*\]\s*')
MARK = '"o", "'  # what every output event holds, as recorders write them (`, ` between the items)
MAX_PENDING_CHARS = 1 << 20  # a line that never ends is given as it is past this


def joined_output(lines: list[tuple[int, str]], leads: dict[int, int]) -> tuple[list[tuple[int, str]], dict[int, int]]:
    """The lines with each run of output events replaced by their data, one JSON string for the lines
    that began in each event (its last one completed by the events after it, which are dropped); an
    anchor (``leads``) on an event whose data went on a line begun in an earlier one moved to that
    event. Lines that are no output event stay as they are."""
    out: list[tuple[int, str]] = []
    moved = dict(leads)
    pending: tuple[int, list[str]] | None = None  # where the unfinished line began, and its pieces so far

    def flush() -> None:
        nonlocal pending
        if pending is not None and (text := "".join(pending[1])):
            out.append((pending[0], json.dumps(text)))
        pending = None

    for number, text in lines:
        data = _output(text)
        if data is None:
            flush()
            out.append((number, text))
            continue
        if pending is not None:
            if number in leads:
                moved[pending[0]] = max(moved.get(pending[0], 0), leads[number])
            if "\n" not in data and sum(map(len, pending[1])) < MAX_PENDING_CHARS:
                pending[1].append(data)
                continue
            first, newline, data = data.partition("\n")
            pending[1].append(first + newline)
            flush()
        if data.endswith("\n"):
            out.append((number, json.dumps(data)))
        elif data:
            pending = (number, [data])
    flush()
    return out, moved


def _output(text: str) -> str | None:
    """The data of an output event line, or None when the line is none."""
    event = _OUTPUT_EVENT.fullmatch(text) if text[:1] == "[" else None
    if event is None:
        return None
    try:
        data = json.loads(event.group(1))
    except ValueError:
        return None
    return data if isinstance(data, str) else None
