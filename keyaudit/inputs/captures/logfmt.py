"""A ``key=value`` log line as a record: logfmt, as Go's log/slog ``TextHandler``, logrus's
``TextFormatter``, Go kit's and Heroku's loggers write it.

Keys are bare words (dotted for a group: ``req.headers.Signature``, which the record view reads
as nesting), or an HTTP/2 pseudo-header's name, a colon before the word (``:method=POST
:authority=<host> :path=<path>``, as ``linkerd viz tap`` writes a request); a value is bare up to the next blank, or double-quoted with Go's ``strconv.Quote``
escapes (JSON's, for the text a request holds), or a value another language printed (Python's
logging of ``headers=%r body=%r``: a dict, a single-quoted or bytes string; a Go map), read whole
by :func:`.literals.printed_value` — cut at its first blank, a map's pieces would be pairs of
their own and its headers none. The record is then read by the same reconstructor as a JSON one
(:mod:`.records`): no key is known here.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .lines import HTTP_METHODS
from .literals import printed_value
from .parse_failures import Reading
from .quoted import DOUBLE_QUOTED

# one pair: a key (a pseudo-header's with its colon), `=`, and a quoted value (its escapes kept) or a bare one
_PAIR = re.compile(r'(?:^|(?<=\s))(:?[A-Za-z_@][\w.@/-]*)=("' + DOUBLE_QUOTED + r'"|[^\s"]*)')
_DECODER = json.JSONDecoder()
MIN_PAIRS = 3  # fewer pairs on a line are prose that happens to hold an `=`, not a record
_PAIRS_AFTER_REQUEST = re.compile(r" https?://[^\s<>\"'`]+ +[A-Za-z_@][\w.@/-]*=")
_NAMED = re.compile(r"(?<![\w-])([A-Z]{3,7}) (https?://[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]]) +$")  # a message's `POST <url>` just before the pairs


def pairs_after_request(text: str) -> bool:
    """Whether a line may name a request in its message and then give its pairs (``POST <url>
    headers=…``): the test, at C speed, that picks such lines among those with no method key."""
    return " http" in text and _PAIRS_AFTER_REQUEST.search(text) is not None


def logfmt_record(text: str, reading: Reading | None = None) -> dict[str, Any] | None:
    """The pairs of a logfmt line as an object (a later key wins), or None when the line holds
    fewer than :data:`MIN_PAIRS` pairs; a quoted value whose escapes are not Go's is kept as
    written. Where the line's message names a request before its pairs (``request: POST <url>
    headers={…} body=b'…'``, as a logger's format string writes one) — also after pairs of the logger's own
    (Sidekiq's ``pid=… tid=… class=… jid=… INFO: <message>``) —, the pairs are that request's: the method and URL
    named join them, and one pair is enough. ``reading``: the
    line's, where other readers parse its values too (a value is parsed at each pair: what that
    may cost the line is bounded there)."""
    if "=" not in text:
        return None
    reading = Reading(text) if reading is None else reading
    record: dict[str, Any] = {}
    at, named = 0, None
    while (pair := _PAIR.search(text, at)) is not None:
        named = named or _NAMED.search(text, at, pair.start())  # the message before these pairs, if it names one
        value = pair.group(2)
        printed = None if value[:1] == '"' else printed_value(text, pair.start(2), reading)
        record[pair.group(1)], at = printed if printed is not None else (_unquoted(value), pair.end())
    if named is not None and named.group(1) in HTTP_METHODS:
        return {"method": named.group(1), "url": named.group(2), **record}
    return record if len(record) >= MIN_PAIRS else None


def _unquoted(value: str) -> str:
    if not value.startswith('"'):
        return value
    try:
        found = _DECODER.decode(value)
    except ValueError:
        return value[1:-1]
    return found if isinstance(found, str) else value[1:-1]
