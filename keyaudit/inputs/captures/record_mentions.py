"""A request a structured record's message names in passing: the record is the message's log prefix.

A text log's message that names a request in its words (``METHOD <absolute URL>``) is read by the
dump table's mention shapes (:mod:`.dump_shapes`, ``prose``) only after a log prefix (a time, a
level's tag, a pid): a document's sentence, a heading, a request file's line name no request. A
JSON or logfmt record's message carries no such prefix in its own text — the record around it is
one, its time and level fields of their own — and the envelope hands the message on without it
(:mod:`.envelopes`). So the first line of a record's message (a record inside a container
runtime's ``log`` opened first) is read by those shapes as the words after a prefix:
``{"level":"info","msg":"sending request to POST https://…"}``, a JSON logger's or slog's line
about a call, is a request whose headers and body are unknown.

A record's error (``error``, ``err``: a structured logger's field for the failure it logs) is read
the same way where its message names no request: a failed call's error names the request that
failed (Go's ``*url.Error``, ``Post "https://…": context deadline exceeded``, logged as
``msg="payout failed" error="Post \\"https://…\\": …"``), the message being the program's own words.
An error logged as an object (pino's and bunyan's serialised ``err``: ``{"type": "HTTPError", "message":
"Request failed …: POST https://…", "stack": …}``) names it in its own message.

Such a reading is a mention, counted once (:mod:`.mentions`): not where the record, or another
near it, is read as a request of the same method and URL that shows more.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from keyaudit.model.exchange import Exchange, Origin

from .dump_table import shapes
from .lines import HTTP_METHODS, make_exchange
from .record_views import message_of, role
from .records import json_object

MAX_WRAPPED = 3  # records inside records' messages (a container runtime's {"log": "<a record>"}), opened at most
FAILURE = frozenset({"error", "err"})  # what a record names the failure it logs by (its role)
PREFIX = ": "  # what stands for the record before its message's words: the end of a prefix (`INFO: `)


def mentioned_in(record: dict[str, Any], origin: Origin) -> Exchange | None:
    """The request the first line of ``record``'s message names in passing, or None."""
    message = message_of(record)
    for _ in range(MAX_WRAPPED):
        inner = json_object(message) if message is not None else None
        if inner is None:
            break
        message = message_of(inner)
    failures = (_failure_text(value) for key, value in record.items() if role(key) in FAILURE)
    for said in (message, *failures):
        if said is not None and (exchange := _named(said, origin)) is not None:
            return exchange
    return None


def _failure_text(value: object) -> str | None:
    """What a record's error field says: the text itself, or a serialised error object's message."""
    if isinstance(value, dict):
        return message_of(value)
    return value if isinstance(value, str) else None


def _named(text: str, origin: Origin) -> Exchange | None:
    """The request the first line of ``text`` names in passing, or None."""
    words = PREFIX + text.split("\n", 1)[0]
    for shape in shapes():
        if not shape.mention or shape.needle not in words:
            continue
        found = shape.start.search(words)
        if found is not None and (method := found.group("method").upper()) in HTTP_METHODS:
            return make_exchange(method, found.group("url"), [], None,
                                 dataclasses.replace(origin, capture=shape.capture), headers_known=False)
    return None
