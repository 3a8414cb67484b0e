"""The table of text dumps (:mod:`.dump_shapes`) made ready for its reader (:mod:`.dumps`): each
entry checked and compiled into a :class:`Shape`, and the shapes grouped by the literal their start
lines share, so that a line is tried against as few start patterns as it can be.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable

from .dump_shapes import SHAPES

BODY_KINDS = frozenset({"none", "length", "end", "rest"})
HEADER_KINDS = frozenset({"plain", "quoted", "aligned", "equals", "none"})
_KEYS = frozenset({"capture", "needle", "start", "lines", "data", "headers", "ignore", "end", "after", "close", "via",
                   "cut", "body", "others", "alone", "bare", "outer", "lead", "mention"})


@dataclass(frozen=True)
class Shape:
    """How one library writes a request (the keys are described in :mod:`.dump_shapes`)."""

    capture: str
    needle: str
    start: re.Pattern[str]
    body: str
    skip_others: bool
    lines: str = ""
    data: str = ""  # what a body's line holds in place of the head's log prefix
    headers: str = "plain"
    alone: bool = True  # a start line without a header after it is a request (headers unknown)
    ignore: re.Pattern[str] | None = None
    end: re.Pattern[str] | None = None
    after: re.Pattern[str] | None = None  # the wrapper the body is printed in after the end line
    close: str = ""  # what closes that wrapper, at a line's end
    via: re.Pattern[str] | None = None  # a line before the start that says where the request went
    cut: re.Pattern[str] | None = None
    bare_json: bool = False  # a bare line that opens a JSON document after the headers begins the body
    outer: str = ""  # what starts the line a handler around the client logs about the same request first
    lead: re.Pattern[str] | None = None  # what the text before the start's match holds (a log record's prefix)
    mention: bool = False  # the start line names a request in passing (see same_request.py)


def _shape(entry: dict[str, str]) -> Shape:
    unknown = set(entry) - _KEYS
    if (unknown or entry.get("body") not in BODY_KINDS or entry.get("others") not in ("skip", "end")
            or entry.get("headers", "plain") not in HEADER_KINDS
            or entry.get("alone", "request") not in ("request", "none") or entry.get("bare", "json") != "json"
            or ("after" in entry) != bool(entry.get("close")) or ("after" in entry and "end" not in entry)
            or entry.get("mention", "yes") != "yes"):
        raise ValueError(f"dump table: entry {entry.get('capture')!r}: unknown keys {sorted(unknown)}, or a body, "
                         f"headers, others, alone or bare value that is not one of {sorted(BODY_KINDS)}, "
                         f"{sorted(HEADER_KINDS)}, skip / end, request / none, json, yes (mention); or an after "
                         f"without an end line and a close")
    optional = {key: re.compile(entry[key]) for key in ("ignore", "end", "after", "via", "cut", "lead") if key in entry}
    return Shape(entry["capture"], entry["needle"], re.compile(entry["start"]), entry["body"],
                 entry["others"] == "skip", entry.get("lines", ""), entry.get("data", ""),
                 entry.get("headers", "plain"), alone=entry.get("alone", "request") == "request",
                 close=entry.get("close", ""), bare_json="bare" in entry,
                 outer=entry.get("outer", ""), mention="mention" in entry, **optional)


@functools.cache
def shapes() -> tuple[Shape, ...]:
    """The shapes of the table (:mod:`.dump_shapes`), in the order their start lines are tried."""
    return tuple(_shape(entry) for entry in SHAPES)


@functools.cache
def outer_marks() -> tuple[str, ...]:
    """What starts the lines a handler around a client logs about a request before the client
    logs it as sent (see :mod:`.dump_shapes`, ``outer``): a record holding one is no request."""
    return tuple(shape.outer for shape in shapes() if shape.outer)


@functools.cache
def mention_captures() -> frozenset[str]:
    """The captures of the shapes whose start line names a request in passing (see
    :mod:`.dump_shapes`, ``mention``): a reading of one counts only where no other is near."""
    return frozenset(shape.capture for shape in shapes() if shape.mention)


_Start = tuple[str, Callable[[str], "re.Match[str] | None"], Shape]


@functools.cache
def gates() -> tuple[tuple[str, tuple[_Start, ...]], ...]:
    """The shapes in table order, in runs that share a gate: the shortest needle inside each one's
    needle (`--> ` for Feign's `---> `). A line without the gate is not tried against the run:
    most lines hold no needle at all, and this looks for fewer."""
    needles = [shape.needle for shape in shapes()]
    runs: list[tuple[str, list[_Start]]] = []
    for shape in shapes():
        gate = min((needle for needle in needles if needle in shape.needle), key=len)
        if not runs or runs[-1][0] != gate:
            runs.append((gate, []))
        runs[-1][1].append((shape.needle, shape.start.search, shape))
    return tuple((gate, tuple(starts)) for gate, starts in runs)
