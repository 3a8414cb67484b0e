"""Requests recorded in YAML — VCR cassettes (VCR.py, Ruby's vcr, go-vcr), recorded-request
fixtures — read by the generic reconstructor (:mod:`.records`) like any structured record.

The readers see a window of lines, not a document, so the whole file is never parsed: the
mapping around each ``method:`` key is. It is the run of lines indented at least as deep as that
key, above and below it (its siblings: ``uri``, ``headers``, ``body``), starting where a
shallower line or the list item that opens the mapping starts it. A mapping whose start lies
before the window is left alone: headers above the window would be missing, and a request read
without them could look unsigned. The mapping is parsed alone by the safe loader (no tags are
constructed) and the request takes the line of its first key.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Iterator

import yaml

from keyaudit.model.exchange import Exchange, Origin

from .records import request_of

_METHOD_KEY = re.compile(r"( *)(- +)?['\"]?method['\"]?: *['\"]?[A-Za-z]{3,7}['\"]? *$")
MAX_RECORD_LINES = 400  # a mapping longer than this is not a recorded request
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def exchanges(lines: Iterable[tuple[int, str]], path: str) -> Iterator[Exchange]:
    """Every request recorded as a YAML mapping among the lines."""
    window = list(lines)
    read_up_to = -1
    for index, (_, text) in enumerate(window):
        if index <= read_up_to or "method" not in text:
            continue
        match = _METHOD_KEY.match(text)
        if match is None:
            continue
        bounds = _mapping(window, index, len(match.group(1)) + len(match.group(2) or ""))
        if bounds is None:
            continue
        first, last, depth = bounds
        read_up_to = last
        texts = [text for _, text in window[first : last + 1]]
        if _opens(texts[0], depth):  # "- method: POST": the item's dash is not part of the mapping
            texts[0] = texts[0].replace("-", " ", 1)
        record = _parsed("\n".join(text[depth:] for text in texts))
        if record is not None:
            exchange = request_of(record, Origin(path, window[first][0], capture="yaml"))
            if exchange is not None:
                yield exchange


def _mapping(window: list[tuple[int, str]], index: int, depth: int) -> tuple[int, int, int] | None:
    """(first, last, depth) of the mapping whose key at ``depth`` is on line ``index``, or None
    when its start is not in the window (the window starting the file excepted) or it is too long."""
    first = index
    while not _opens(window[first][1], depth):
        if first == 0 and window[0][0] == 1:
            break
        if first == 0 or index - first > MAX_RECORD_LINES:
            return None
        above = window[first - 1][1]
        if above.strip() and _indent(above) < depth and not _opens(above, depth):
            break
        first -= 1
    last = index
    while last + 1 < len(window) and last - first < MAX_RECORD_LINES:
        below = window[last + 1][1]
        if below.strip() and _indent(below) < depth:
            break
        last += 1
    return first, last, depth


def _opens(text: str, depth: int) -> bool:
    """Whether ``text`` is the list item (``- key: …``) whose mapping's keys sit at ``depth``."""
    stripped = text.lstrip(" ")
    return stripped.startswith("- ") and len(text) - len(stripped[1:].lstrip(" ")) == depth


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _parsed(text: str) -> dict[str, Any] | None:
    """The mapping, or None when the lines are no YAML mapping (or are hostile: aliases nested
    to blow up, a parser error)."""
    try:
        record = yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
    except (yaml.YAMLError, RecursionError, ValueError):
        return None
    return record if isinstance(record, dict) else None
