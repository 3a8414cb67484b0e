"""Log lines wrapped by whatever shipped them, unwrapped for the readers of requests written as
text: a container runtime's JSON line (``{"log": "--> POST https://…\\n", "stream": "stdout"}``),
a JSON record whose message is the text, and the CRI prefix (``<time> stdout F <text>``).

The readers of curl commands and wire dumps see the text the program wrote, line by line, with
each line keeping the number of the envelope line it came from.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from .records import json_object, role

MESSAGE = frozenset({"log", "message", "msg", "textpayload", "line", "text"})  # the text a record wraps
_CRI = re.compile(r"\S+ (?:stdout|stderr) [FP] ")


def unwrapped(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """The lines, with each envelope replaced by the lines of the text it holds."""
    for number, text in lines:
        inner = _message(text)
        if inner is None:
            yield number, text
        else:
            yield from ((number, part) for part in inner.rstrip("\n").split("\n"))


def _message(text: str) -> str | None:
    """The text an envelope line wraps, or None when the line is no envelope."""
    cri = _CRI.match(text)
    if cri is not None:
        return text[cri.end():]
    record = json_object(text)
    if record is None:
        return None
    return next((value for key, value in record.items() if role(key) in MESSAGE and isinstance(value, str)), None)
