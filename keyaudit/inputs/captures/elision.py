"""What a printer writes where it left entries out of what it prints: Node's ``... 2 more items``,
Java's ``...``, a ``+3 more``, ``[3 headers omitted]``, ``(truncated)``. A request head or a map
of headers so cut shows which headers were sent, not which were not: no header is missing from it.
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
