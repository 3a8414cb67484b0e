"""The spans of text around a hit that context scopes name: its line, lines around it, and the
record it is in.

A key and a host belong together when they are in the same call, the same configuration object
or section, the same log record — not when they are two constants that happen to be near. The
record is read from the text's own structure, cheaply and without parsing a language: a line
that is a whole JSON object is a record (a JSON log), and so is a line that starts like a log
record, with the indented lines after it (a stack trace) — unless it is the body of an HTTP message
written out (a request line, its headers, a blank line), whose record is the message: the request
line says what the body is for (a card's `token` sent to `/v1/charge`); else the call or object whose brackets
enclose the hit (and, for an object or list, the one enclosing that: the headers of a request
belong with its URL); else the block the hit's line is in (an indented block with the line that
opens it, an INI or TOML section, or a paragraph of lines at the left margin). Brackets are
counted without regard to quotes, within the text given (the hit and the overlap around it).
"""

from __future__ import annotations

import collections
import functools
import re

Span = tuple[int, int]

_BRACKETS = re.compile(rb"[()\[\]{}]")
_CLOSER = {ord("("): ord(")"), ord("["): ord("]"), ord("{"): ord("}")}
# where a block at the margin ends: a blank line, or a section header (which opens the block below it) — an INI
# section, or a stack trace's `Caused by: ` (the exception it names is another's, its message not the one above)
_BLANK_OR_SECTION = re.compile(rb"^(?:[ \t\r\x0b\x0c]*|\[[^\]\n]+\][ \t\r\x0b\x0c]*|Caused by: [^\n]*)$", re.MULTILINE)
# The start of a log record: a date and time (ISO 8601, syslog's, java.util.logging's SimpleFormatter's
# `Nov 22, 2026 1:00:00 PM`) or an access log's client and time (the readers of requests written as
# text end an unbounded body there).
LOG_RECORD = re.compile(rb"(?:<\d+>)?\[?(?:\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}"
                         rb"|[A-Z][a-z]{2} [ \d]\d(?: \d{2}:\d{2}:\d{2}|, \d{4} \d{1,2}:\d{2}:\d{2} [AP]M)"
                         rb"|\S+ \S+ \S+ \[\d{2}/[A-Z][a-z]{2}/\d{4}:)")
# A message's head: lines up to a blank one, the first naming a method and a target (`POST /v1/charge HTTP/1.1`,
# OkHttp's `--> POST https://…`; nothing after the target but its HTTP version), then the blank line before the body.
_MESSAGE_HEAD = re.compile(rb"(?:^|\n)[^\w\n]{0,8}(?:GET|POST|PUT|PATCH|DELETE)[ \t]+(?:https?://|/)\S*"
                           rb"(?:[ \t]+HTTP/[\d.]{1,3})?[ \t\r]*"
                           rb"(?:\n[ \t]*[^ \t\r\n][^\n]*){0,40}\n[ \t\r]*\n\Z")


def line_span(text: bytes, start: int, end: int) -> Span:
    """The line(s) ``text[start:end]`` is on, without the line break."""
    stop = text.find(b"\n", end)
    return text.rfind(b"\n", 0, start) + 1, len(text) if stop < 0 else stop


def lines_span(text: bytes, start: int, end: int, reach: int) -> Span:
    """The line of ``text[start:end]`` and ``reach`` lines before and after it."""
    first, last = line_span(text, start, end)
    for _ in range(reach):
        if first == 0:
            break
        first = text.rfind(b"\n", 0, first - 1) + 1
    for _ in range(reach):
        if last >= len(text):
            break
        following = text.find(b"\n", last + 1)
        last = len(text) if following < 0 else following
    return first, last


def _opener_before(text: bytes, position: int) -> int | None:
    """The innermost bracket left open before ``position``."""
    depth = 0
    for found in reversed(list(_BRACKETS.finditer(text, 0, position))):
        if text[found.start()] not in _CLOSER:
            depth += 1
        elif depth:
            depth -= 1
        else:
            return found.start()
    return None


def _closer_after(text: bytes, position: int, opener: int) -> int | None:
    """Where the bracket ``opener`` (a byte) left open before ``position`` closes, or None when
    another kind of bracket closes first or the text ends."""
    depth = 0
    for found in _BRACKETS.finditer(text, position):
        byte = text[found.start()]
        if byte in _CLOSER:
            depth += 1
        elif depth:
            depth -= 1
        else:
            return found.start() if byte == _CLOSER[opener] else None
    return None


def _group(text: bytes, start: int, end: int) -> Span | None:
    """The brackets enclosing ``text[start:end]``, (opener, closer), or None."""
    opener = _opener_before(text, start)
    if opener is None:
        return None
    closer = _closer_after(text, end, text[opener])
    return None if closer is None else (opener, closer)


def _indent(line: bytes) -> int:
    return len(line) - len(line.lstrip(b" \t"))


@functools.lru_cache(maxsize=64)
def _shallower(indent: int) -> re.Pattern[bytes]:
    """A line that is not blank and is indented less than ``indent`` (blanks and tabs one each)."""
    return re.compile(rb"^[ \t]{0,%d}(?![ \t])[^\n]*?\S" % (indent - 1), re.MULTILINE)


def _block(text: bytes, first: int, last: int) -> Span:
    """The block the line ``text[first:last]`` is in: for an indented line, its neighbours
    indented as deep or deeper (blank lines among them) and the line that opens them; at the
    margin, the paragraph (lines up to a blank one), from its section header if it has one.
    Each bound is one search of the text in C, not a step a line: on a file of lines at the margin
    with no blank one, every hit read the whole overlap around it a line at a time."""
    bound = _BLANK_OR_SECTION if (indent := _indent(text[first:last])) == 0 else _shallower(indent)
    if bound is _BLANK_OR_SECTION and bound.match(text, first) is not None:
        start = first  # the line opens its own block (a section's header, a trace's cause)
    else:
        above = collections.deque(bound.finditer(text, 0, first - 1), maxlen=1) if first > 0 else ()
        start = 0 if not above else above[0].end() + 1 if not above[0].group().strip() else above[0].start()
    below = bound.search(text, last + 1) if last < len(text) else None
    return start, len(text) if below is None else below.start() - 1


def record_span(text: bytes, start: int, end: int) -> Span:
    """The record ``text[start:end]`` (a secret) is in, as whole lines of ``text``."""
    first, last = line_span(text, start, end)
    line = text[first:last].strip()
    if line[:1] == b"{" and line[-1:] == b"}":  # a JSON record of one line: the log record itself, or a body
        # (a body stands under the blank line that ends its head: a JSON log's records, one under another, are not
        # looked above)
        above = text[text.rfind(b"\n", 0, first - 1) + 1 : first - 1] if first > 0 else b"-"
        head = _MESSAGE_HEAD.search(text, max(0, first - 4096), first) if not above.strip() else None
        return (first if head is None else head.start() + (text[head.start()] == ord("\n")), last)
    if LOG_RECORD.match(line):  # a log record: its line, and the indented lines that go on with it
        while last < len(text) and text[last + 1 : last + 2] in (b" ", b"\t"):
            following = text.find(b"\n", last + 1)
            last = len(text) if following < 0 else following
        return first, last
    group = _group(text, start, end)
    if group is None:
        return _block(text, first, last)
    opener, closer = group
    if text[opener] != ord("("):  # an object or a list: what it is the value of belongs with it
        outer = _group(text, opener, closer + 1)
        if outer is not None:
            opener, closer = outer
    first, last = line_span(text, opener, closer + 1)
    if not text[first:opener].strip() and first > 0:  # a brace on a line of its own: what it opens is above
        first = text.rfind(b"\n", 0, first - 1) + 1
    return first, last
