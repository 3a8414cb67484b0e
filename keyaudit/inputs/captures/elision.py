"""What a printer writes where it left entries out of what it prints: Node's ``... 2 more items``,
Java's ``...``, a ``+3 more``, ``[3 headers omitted]``, ``(truncated)``. A request head or a map
of headers so cut shows which headers were sent, not which were not: no header is missing from it.
Also what a printer writes in place of a body it does not show: its size (:data:`BODY_SIZE`), or its first bytes
only (:data:`PRINTED_BYTES`).
"""

from __future__ import annotations

import re

# Each run of blanks is taken whole (``*+``, ``++``): blanks on both sides of an optional bracket were
# split every way between them, so a line of blanks took time growing with their cube (16,000: 13 s).
_MORE = r"\+?\d+\s++more(?:\s++\w+)?"
_OPEN, _CLOSE = r"\s*+(?:[(<\[]\s*+)?", r"\s*+(?:[)>\]]\s*+)?"
ELISION = re.compile(rf"(?i){_OPEN}(?:(?:\.{{3}}|…)(?:{_OPEN}{_MORE}{_CLOSE})?|{_MORE}"
                     r"|(?:\d+\s++(?:more\s++)?(?:headers?|items|entries|fields|lines)\s++)?"
                     rf"(?:omitted|elided|truncated|skipped|not\s++shown)){_CLOSE}")

# A body written as its size only, the bytes left out: Vector's FormatBody (`[95 bytes]`, `[>=95 bytes]`,
# `[<=95 bytes]`, `[1..=9 bytes]`, `[unknown]`; its `[empty]` is a body known to be empty), `<95 bytes>`,
# `(95 bytes)`, rest-client's `95 byte(s) length`. A body field holding one says a body was sent and not shown.
BODY_SIZE = re.compile(r"(?i)\s*+(?:[(<\[]\s*+)?(?:[<>]=\s*+)?\d+(?:\.\.=?\d+)?\s*+byte(?:s|\(s\))?(?:\s++length)?"
                       r"\s*+(?:[)>\]]\s*+)?|\[unknown\]")

# A body written as its bytes in hex inside angle brackets after the name of their type: Node's util.inspect of a
# Buffer (`<Buffer 7b 0a 22>`), which stops after buffer.INSPECT_MAX_BYTES (50 by default) and says how many it left
# out (`<Buffer 7b 0a … ... 44 more bytes>`): whole, the bytes sent; cut (group ``more``), a body sent and not shown.
PRINTED_BYTES = re.compile(r"<[A-Z][A-Za-z0-9]*+(?P<hex>(?:\s[0-9a-f]{2})++)"
                           r"(?P<more>\s++\.{3}\s*+\d+\s++more\s++bytes?)?>")
