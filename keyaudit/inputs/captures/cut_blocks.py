"""A pretty-printed record longer than the readers read of one (:data:`.json_blocks.MAX_RECORD_LINES`), read as far
as it is shown.

A body written as its byte values one a line (``JSON.stringify(error, null, 2)`` of an axios error: its config's
``data`` a Node Buffer, ``{"type": "Buffer", "data": [123, 10, …]}``, a byte a line) makes a request's record as many
lines long as the body has bytes. Past the bound the record is not read whole (a hostile file costs bounded work), but
what it shows above the cut stands: the method, the URL, the headers it showed whole. The value the cut falls in (the
body's list, mostly) is a value sent and not shown, and so is every member after it; a request so read proves no
header missing unless it shows its headers, and no signature can be checked over its body.
"""

from __future__ import annotations

import json
from typing import Any

from keyaudit.model.exchange import Exchange

from .cut_records import count_cut

# What stands for the value the cut falls in: as a body, one written as its size, unknown (see .elision.BODY_SIZE)
CUT = "[unknown]"
_OPENERS = ("{", "[")


def cut_record(texts: list[str]) -> dict[str, Any] | None:
    """The object the pretty-printed lines ``texts`` open (the first line its ``{``), as far as they show it, where
    they end before it closes: each object and list still open is closed after the last line read, but the innermost
    below the object itself (the one the cut falls in) is written as :data:`CUT`, for it is shown only in part. None
    where the lines are no JSON so read. Pretty-printed JSON opens a value at a line's end and closes it at a line's
    start (``json.dumps(…, indent=2)``, ``JSON.stringify(…, null, 2)``, ``jq .``): all that is looked at."""
    opened: list[int] = []  # the lines that open the objects and lists still open, outermost first
    for index, text in enumerate(texts):
        stripped = text.strip()
        if stripped[:1] in ("}", "]") and opened:
            opened.pop()
        if stripped.endswith(_OPENERS):
            opened.append(index)
    if not opened or opened[0] != 0:
        return None
    kept = list(texts)
    if len(opened) > 1:
        inner = opened.pop()
        kept = [*texts[:inner], texts[inner].rstrip()[:-1] + json.dumps(CUT)]
    kept[-1] = kept[-1].rstrip().removesuffix(",")
    closers = ["}" if texts[index].rstrip().endswith("{") else "]" for index in reversed(opened)]
    try:
        found = json.loads("\n".join([*kept, *closers]))
    except (ValueError, RecursionError):
        return None
    return found if isinstance(found, dict) else None


def read_in_part(exchange: Exchange) -> Exchange:
    """``exchange``, read from a record cut past the bound (see :func:`cut_record`), marked so: its body not the bytes
    sent, its headers known only where it shows some; and the record counted as not read whole."""
    exchange.body_exact = False
    exchange.headers_known = exchange.headers_known and bool(exchange.headers)
    count_cut(("object", exchange.origin.line))
    return exchange
