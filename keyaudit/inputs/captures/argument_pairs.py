"""Words that alternate names and values, as a command's or a call's arguments list them: a record.

A key-value store sets a hash or appends a stream entry with its fields and values in turn as the
command's arguments (Redis' ``HSET outbox:42 method POST url https://… body …``, ``XADD outbox *
method POST …``), and its command log prints them so (``MONITOR``: each argument in double quotes,
escaped as C escapes a string; a client's command history bare); a structured logger takes its
key-value pairs as arguments the same way (Go's ``slog.Info("sent", "method", "POST", "url", …)``,
Lua's ``redis.call('HSET', key, 'method', 'POST', …)``). None writes a mapping, yet each is one:
the name before a value says what it is. A line around an anchor whose URL is such a value (the
word before it names a URL) is read as the record of the words from there on, paired in turn,
for the generic reconstructor (:mod:`.records`), which says whether it is a request.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterable, Iterator

from keyaudit.model.exchange import Exchange, Origin
from keyaudit.rulebook.header_names import NO_RECORD_HEADERS, RecordHeaders

from .quoted import unescaped
from .record_urls import URL
from .record_views import role
from .records import request_of

CAPTURE = "arguments"
MAX_WORDS = 1024  # the words of a line read, at most
# a URL as an argument of its own: after a blank, a comma or a bracket, quoted or not
_URL_WORD = re.compile(r"""(?<=[\s,(\[])["']?[Hh][Tt][Tt][Pp][Ss]?://""")
MAX_NAME_CHARS = 64  # a URL's name, quoted and followed by its separator, is at most this long
_WORD_BEFORE = re.compile(r"""["']?([^\s"',()\[\]{}]+)["']?[\s,]+$""")
# one argument: in double or single quotes (C's escapes), or bare up to a blank, a comma or a bracket
_WORD = re.compile(r""""((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s"',()\[\]{}]+)""", re.S)


def exchanges(anchored: Iterable[tuple[int, str]], path: str,
              known: RecordHeaders = NO_RECORD_HEADERS) -> Iterator[Exchange]:
    """The requests the ``anchored`` lines list as arguments alternating names and values."""
    for number, text in anchored:
        # the line's first URL that the word before it names as a URL (one logged before it is not: a referrer's)
        url = next((found for found in _URL_WORD.finditer(text) if _named(text, found.start())), None) \
            if "://" in text else None
        if url is None:
            continue
        words = _words(text)
        at = bisect.bisect_left([start for start, _, _ in words], url.start())
        if not 0 < at < len(words) or role(words[at - 1][1]) not in URL:
            continue
        first = (at - 1) % 2
        # where the line quotes its values, a bare word is none (a variable's name in code, the command's own)
        quoting = any(quoted for _, _, quoted in words)
        record = {words[index][1]: words[index + 1][1] for index in range(first, len(words) - 1, 2)
                  if words[index + 1][2] or not quoting}
        origin = Origin(path, number, words[first][0] + 1, capture=CAPTURE)
        if (exchange := request_of(record, origin, known=known)) is not None:
            yield exchange


def _named(text: str, at: int) -> bool:
    """Whether the word right before ``at`` names a URL: looked at before the line's words are read."""
    before = _WORD_BEFORE.search(text, max(0, at - MAX_NAME_CHARS), at)
    return before is not None and role(before.group(1)) in URL


def _words(text: str) -> list[tuple[int, str, bool]]:
    """The line's words (where each starts, its text with its quotes and escapes undone, whether
    it was quoted), at most :data:`MAX_WORDS`."""
    words = []
    for found in _WORD.finditer(text):
        quoted = found.group(1) if found.group(1) is not None else found.group(2)
        words.append((found.start(), unescaped(quoted) if quoted is not None else found.group(3), quoted is not None))
        if len(words) == MAX_WORDS:
            break
    return words
