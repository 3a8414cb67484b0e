"""What a printer writes where it left entries out of what it prints: Node's ``... 2 more items``,
Java's ``...``, a ``+3 more``, ``[3 headers omitted]``, ``(truncated)``. A request head or a map
of headers so cut shows which headers were sent, not which were not: no header is missing from it.
"""

from __future__ import annotations

import re

_MORE = r"\+?\d+\s+more(?:\s+\w+)?"
ELISION = re.compile(rf"(?i)\s*[(<\[]?\s*(?:(?:\.{{3}}|…)(?:\s*[(<\[]?\s*{_MORE}\s*[)>\]]?)?|{_MORE}"
                     r"|(?:\d+\s+(?:more\s+)?(?:headers?|items|entries|fields|lines)\s+)?"
                     r"(?:omitted|elided|truncated|skipped|not\s+shown))\s*[)>\]]?\s*")
