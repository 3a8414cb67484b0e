"""Words that alternate names and values, as a command's or a call's arguments list them: a record.

A key-value store sets a hash or appends a stream entry with its fields and values in turn as the
command's arguments (Redis' ``HSET outbox:42 method POST url https://… body …``, ``XADD outbox *
method POST …``), and its command log prints them so (``MONITOR``: each argument in double quotes,
escaped as C escapes a string; a client's command history bare); a structured logger takes its
key-value pairs as arguments the same way (Go's ``slog.Info("sent", "method", "POST", "url", …)``,
Lua's ``redis.call('HSET', key, 'method', 'POST', …)``). None writes a mapping, yet each is one:
the name before a value says what it is. A line around an anchor whose URL is such a value (the
word before it names a URL) is read as the record of its words paired in turn, in step with that
name, for the generic reconstructor (:mod:`.records`), which says whether it is a request. A line
that quotes none of its words is read so only where it is a command typed to a store (the command,
its key, then the pairs; after the client's prompt): bare words in a sentence pair up by chance.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterable, Iterator

from keyaudit.model.exchange import Exchange, Origin
from keyaudit.rulebook.header_names import NO_RECORD_HEADERS, RecordHeaders

from .quoted import DOUBLE_QUOTED, SINGLE_QUOTED, closable, unescaped
from .record_urls import URL
from .record_views import role
from .records import request_of

CAPTURE = "arguments"
MAX_WORDS = 1024  # the words of a line read, at most
MAX_URLS = 8  # the URLs of a line looked at, at most
# a command typed to a store that takes fields and values in turn, its pairs unquoted: the client's prompt
# (`127.0.0.1:6379> `), the command (Redis' that set a hash's fields or add a stream's entry) and its key (and the
# entry's id), at the line's start
_TYPED = re.compile(r"(?:\S*> )?(?i:hset|hmset|hsetnx|xadd) [^\s=]+ (?:\* )?")
_BEFORE_WORD = " \t,(["  # what an argument follows
MAX_NAME_CHARS = 64  # a URL's name, quoted and followed by its separator, is at most this long
_AROUND_WORD = "\"'()[]{}"  # what quotes or encloses a word
# one argument: in double or single quotes (C's escapes), or bare up to a blank, a comma or a bracket
_WORD = re.compile(rf""""({DOUBLE_QUOTED})"|'({SINGLE_QUOTED})'|([^\s"',()\[\]{{}}]+)""", re.S)


def exchanges(anchored: Iterable[tuple[int, str]], path: str,
              known: RecordHeaders = NO_RECORD_HEADERS) -> Iterator[Exchange]:
    """The requests the ``anchored`` lines list as arguments alternating names and values."""
    for number, text in anchored:
        # the line's first URL that the word before it names as a URL (one logged before it is not: a referrer's)
        url = next((start for start in _url_words(text) if _named(text, start)), None)
        if url is None:
            continue
        words = _words(text)
        at = bisect.bisect_left([start for start, _, _ in words], url)
        if not 0 < at < len(words) or role(words[at - 1][1]) not in URL:
            continue
        first = (at - 1) % 2
        # where the line quotes its values, a bare word is none (a variable's name in code, the command's own)
        quoting = any(quoted for _, _, quoted in words)
        if not quoting and ((typed := _TYPED.match(text)) is None or (len(typed.group().split()) - first) % 2):
            continue
        record = {words[index][1]: words[index + 1][1] for index in range(first, len(words) - 1, 2)
                  if words[index + 1][2] or not quoting}
        origin = Origin(path, number, words[first][0] + 1, capture=CAPTURE)
        if (exchange := request_of(record, origin, known=known)) is not None:
            yield exchange


def _url_words(text: str) -> Iterator[int]:
    """Where each word of the line that is an HTTP URL starts (its quote, if quoted): after a blank, a
    comma or a bracket. Found from its `://` with string methods, a few a line at most."""
    at = text.find("://")
    for _ in range(MAX_URLS):
        if at < 0:
            return
        scheme = 5 if text[max(0, at - 5) : at].lower() == "https" else 4
        start = at - scheme
        if start > 0 and text[start : at].lower() in ("http", "https"):
            if text[start - 1] in "\"'":
                start -= 1  # its quote
            if start > 0 and text[start - 1] in _BEFORE_WORD:
                yield start
        at = text.find("://", at + 3)


def _named(text: str, at: int) -> bool:
    """Whether the word right before ``at`` (a blank or a comma between) names a URL: looked at with
    string methods before the line's words are read (most lines' URL follows a method or a label)."""
    before = text[max(0, at - MAX_NAME_CHARS) : at]
    trimmed = before.rstrip(" \t,")
    if len(trimmed) == len(before) or not trimmed or trimmed[-1] in ":=":
        return False  # no word before it, or a mapping's key (`"url": "https://…"`): a record's own reader's
    parts = trimmed.split()
    if not parts:
        return False  # only blanks Python's split knows (a no-break space) before it
    word = parts[-1].rsplit(",", 1)[-1]
    if word[:1] in "([{":
        return False  # a bracketed pair's first item (Rails' `["url", "https://…"]`): a structure's, not an argument
    word = word.strip(_AROUND_WORD)
    return bool(word) and role(word) in URL


def _words(text: str) -> list[tuple[int, str, bool]]:
    """The line's words (where each starts, its text with its quotes and escapes undone, whether
    it was quoted), at most :data:`MAX_WORDS`."""
    words = []
    for found in _WORD.finditer(closable(text)):  # a quote no later one closes begins no word
        quoted = found.group(1) if found.group(1) is not None else found.group(2)
        words.append((found.start(), unescaped(quoted) if quoted is not None else found.group(3), quoted is not None))
        if len(words) == MAX_WORDS:
            break
    return words
