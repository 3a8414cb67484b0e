"""A ``key=value`` log line as a record: logfmt, as Go's log/slog ``TextHandler``, logrus's
``TextFormatter``, Go kit's and Heroku's loggers write it.

Keys are bare words (dotted for a group: ``req.headers.Signature``, which the record view reads
as nesting); a value is bare up to the next blank, or double-quoted with Go's ``strconv.Quote``
escapes (JSON's, for the text a request holds). The record is then read by the same
reconstructor as a JSON one (:mod:`.records`): no key is known here.
"""

from __future__ import annotations

import json
import re
from typing import Any

# one pair: a key, `=`, and a quoted value (its escapes kept) or a bare one
_PAIR = re.compile(r'(?:^|(?<=\s))([A-Za-z_@][\w.@/-]*)=("(?:[^"\\]|\\.)*"|[^\s"]*)')
_DECODER = json.JSONDecoder()
MIN_PAIRS = 3  # fewer pairs on a line are prose that happens to hold an `=`, not a record


def logfmt_record(text: str) -> dict[str, Any] | None:
    """The pairs of a logfmt line as an object (a later key wins), or None when the line holds
    fewer than :data:`MIN_PAIRS` pairs; a quoted value whose escapes are not Go's is kept as
    written."""
    if "=" not in text:
        return None
    record: dict[str, Any] = {}
    for key, value in _PAIR.findall(text):
        record[key] = _unquoted(value)
    return record if len(record) >= MIN_PAIRS else None


def _unquoted(value: str) -> str:
    if not value.startswith('"'):
        return value
    try:
        found = _DECODER.decode(value)
    except ValueError:
        return value[1:-1]
    return found if isinstance(found, str) else value[1:-1]
