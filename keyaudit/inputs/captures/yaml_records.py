"""Requests recorded in YAML — VCR cassettes (VCR.py, Ruby's vcr, go-vcr), recorded-request
fixtures — read by the generic reconstructor (:mod:`.records`) like any structured record.

The readers see a window of lines, not a document, so the whole file is never parsed: the
mapping around each ``method:`` key is. It is the run of lines indented at least as deep as that
key, above and below it (its siblings: ``uri``, ``headers``, ``body``), starting where a
shallower line or the list item that opens the mapping starts it, and ending at the next
shallower line. A mapping whose start lies before the lines read is left alone: headers above
them would be missing, and a request read without them could look unsigned. The mapping is
parsed alone by the safe loader (no tags are constructed) and the request takes the line of its
first key.

A mapping may be held by a key that is the method itself (a load test's flow step, Artillery's
``- post:`` over ``url``, ``headers`` and ``body``): it is that method's request, read from the
lines indented below the key. Its ``url`` may be relative to a base the file names above, at a
shallower depth (Artillery's ``config.target``): the nearest absolute URL such a line holds.
"""

from __future__ import annotations

import functools
import re
from collections import deque
from typing import Any, Iterable, Iterator

from keyaudit.model.exchange import Exchange, Origin
from keyaudit.model.values import within

from .lines import has_scheme
from .record_views import first
from .record_urls import URL
from .records import request_of

# the method's key, bare or qualified as the request's (Cloud Tasks' httpMethod, a fixture's request_method)
_METHOD_KEY_TEXT = (r"( *)(- +)?['\"]?(?:method|(?:http|request|req)[_-]?[Mm]ethod)['\"]?: *"
                    r"['\"]?[A-Za-z]{3,7}['\"]? *$")
_METHOD_KEY = re.compile(_METHOD_KEY_TEXT)
# the method as HTTP/2's pseudo-header, the first key of an item in a list of header fields (Envoy's tap trace as
# YAML: `headers:`, then `- key: :method` and `value: POST` below it): the mapping that holds the list is a request's
_LISTED_METHOD_TEXT = r" *- +['\"]?(?:key|name)['\"]?: *['\"]?:method['\"]? *$"
_LISTED_METHOD = re.compile(_LISTED_METHOD_TEXT)
_KEYED = re.compile(r"( *- +)(get|head|post|put|patch|delete|options): *")  # a list item's key that is a method
_BASE = re.compile(r" *(?:- +)?[\w.-]+: *['\"]?(https?://[^\s'\"]+)['\"]? *")  # a key holding an absolute URL
# What a window's text holds where it may hold a recorded request, looked for with every reader's marks in one
# pass (:mod:`keyaudit.engine.marks`): a line that is a method's key and value (_METHOD_KEY, as a line: not a JSON
# member, `"method": "POST",`) or a key that is a method ending its line (_KEYED, as a line). A window of log
# lines holding neither is not read line by line.
MARKS = (re.compile("^" + _METHOD_KEY_TEXT, re.MULTILINE),
         re.compile(r"^ *- +(?:get|head|post|put|patch|delete|options):$", re.MULTILINE),
         re.compile("^" + _LISTED_METHOD_TEXT, re.MULTILINE))
MAX_RECORD_LINES = 400  # a mapping longer than this is not a recorded request
MAX_VALUES = 20_000  # values in a parsed mapping, aliases counted each time they are used
_DOCUMENT_MARKS = ("---", "...")
# a line that may stand at a mapping's depth: a key (bare or quoted) before `: ` or the line's end, a list item,
# a comment
_MAPPING_LINE = re.compile(r" *(?:- |#|(?:\"[^\"]*\"|'[^']*'|[^\s#'\"][^#]*?) *:(?: |$))")


def method_key(text: str) -> bool:
    """Whether a line is a mapping's method key (``method: POST``): the YAML this reader reads a recorded request
    around (a reader of labelled lines leaves such a mapping's nested values to it)."""
    return "ethod" in text and _METHOD_KEY.match(text) is not None


def exchanges(lines: Iterable[tuple[int, str]], path: str) -> Iterator[Exchange]:
    """Every request recorded as a YAML mapping among the lines, read as they stream by: only the
    lines a mapping could still start in (or, for one held by a key that is its method, name its
    base) are kept."""
    keyed = _Keyed(path)
    recent: list[tuple[int, str]] = []
    reading: tuple[int, int] | None = None  # (index in recent of its first line, depth) of the mapping read
    for number, text in lines:
        if (exchange := keyed.feed(number, text)) is not None:
            yield exchange
        foreign = reading is not None and _foreign(text, reading[1])
        if reading is not None and text.strip() and (_indent(text) < reading[1] or text.startswith(_DOCUMENT_MARKS)
                                                     or foreign):
            if _whole(recent, reading, foreign):
                yield from _requests(recent[reading[0] :], reading[1], path)
            recent, reading = [], None
        elif reading is not None and len(recent) - reading[0] > MAX_RECORD_LINES:
            recent, reading = [], None  # too long for a recorded request; read in part, it could mislead
        recent.append((number, text))
        if reading is None and "ethod" in text and (match := _METHOD_KEY.match(text)) is not None:
            depth = len(match.group(1)) + len(match.group(2) or "")
            start = _start(recent, depth)
            reading = None if start is None else (start, depth)
        elif reading is None and ":method" in text and _LISTED_METHOD.match(text) and (depth := _holder(recent)) >= 0:
            start = _start(recent, depth)
            reading = None if start is None else (start, depth)
        if reading is None and len(recent) > MAX_RECORD_LINES:
            del recent[: len(recent) - MAX_RECORD_LINES]
    if reading is not None and _whole(recent, reading, False):
        yield from _requests(recent[reading[0] :], reading[1], path)
    if (exchange := keyed.close()) is not None:
        yield exchange


class _Keyed:
    """The mappings held by a key that is their method (see above), read as the lines stream by:
    the lines above are kept only as far as a base may be named for them."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.above: deque[str] = deque(maxlen=MAX_RECORD_LINES)
        self.open: tuple[int, int, str, str | None, list[str]] | None = None  # line, depth, method, base, lines

    def feed(self, number: int, text: str) -> Exchange | None:
        """The request whose mapping the line ends, if any (a call a line: no generator made for each)."""
        found = None
        if self.open is not None and len(self.open[4]) > MAX_RECORD_LINES:
            self.open = None  # too long for a request; read in part, it could mislead
        if self.open is not None and text.strip() and _indent(text) <= self.open[1]:
            found = self.close()
        if self.open is not None:
            self.open[4].append(text)
        elif text.endswith(":") and (keyed := _KEYED.fullmatch(text)) is not None:
            depth = len(keyed.group(1))
            base = next((named.group(1) for line in reversed(self.above)
                         if line.strip() and _indent(line) < depth and (named := _BASE.fullmatch(line))), None)
            self.open = (number, depth, keyed.group(2).upper(), base, [])
        self.above.append(text)
        return found

    def close(self) -> Exchange | None:
        """The request of the mapping being read, if it is one: with a url (an OpenAPI operation's
        has none), on the base named above where that url is relative."""
        if self.open is None:
            return None
        number, _, method, base, lines = self.open
        self.open = None
        record = _parsed("\n".join(lines)) if lines else None
        target = first([record], URL) if record is not None else None
        if record is None or target is None:
            return None
        based = {"base_url": base} if base and not has_scheme(target) else {}
        return request_of({"method": method, **record, **based}, Origin(self.path, number, capture="yaml"))


def _requests(mapping: list[tuple[int, str]], depth: int, path: str) -> Iterator[Exchange]:
    texts = [text for _, text in mapping]
    if _opens(texts[0], depth):  # "- method: POST": the item's dash is not part of the mapping
        texts[0] = texts[0].replace("-", " ", 1)
    record = _parsed("\n".join(text[depth:] for text in texts))
    if record is not None:
        exchange = request_of(record, Origin(path, mapping[0][0], capture="yaml", end_line=mapping[-1][0]))
        if exchange is not None:
            yield exchange


def _holder(recent: list[tuple[int, str]]) -> int:
    """The depth of the key whose list of header fields the last of the ``recent`` lines is an item of (the nearest
    line above, no deeper than the item's dash, that is no item of the list): the depth of the request's mapping;
    -1 where no such key is among the lines."""
    dash = _indent(recent[-1][1])
    for _, above in reversed(recent[:-1]):
        if above.strip() and _indent(above) <= dash and not above.lstrip(" ").startswith("- "):
            return _indent(above) if above.rstrip().endswith(":") else -1
    return -1


def _start(recent: list[tuple[int, str]], depth: int) -> int | None:
    """Where the mapping whose key at ``depth`` is on the last of the ``recent`` lines starts:
    at the list item that opens it or below a shallower line; None when that is not among the
    lines (unless they start the file)."""
    first = len(recent) - 1
    while not _opens(recent[first][1], depth):
        if first == 0:
            return first if recent[0][0] == 1 else None
        above = recent[first - 1][1]
        if above.startswith(_DOCUMENT_MARKS) or above.strip() and _indent(above) < depth and not _opens(above, depth):
            break
        if _foreign(above, depth):
            break
        first -= 1
    return first


def _opens(text: str, depth: int) -> bool:
    """Whether ``text`` is the list item (``- key: …``) whose mapping's keys sit at ``depth``."""
    stripped = text.lstrip(" ")
    return stripped.startswith("- ") and len(text) - len(stripped[1:].lstrip(" ")) == depth


def _foreign(text: str, depth: int) -> bool:
    """Whether ``text`` is a line no mapping at ``depth`` holds: at that depth, yet no key, list
    item, comment or document mark (a log's line before or after a request file's top-level mapping — the
    mapping starts and ends there, not at the file's start and end)."""
    return bool(text.strip()) and _indent(text) == depth and _MAPPING_LINE.match(text) is None \
        and not text.startswith(_DOCUMENT_MARKS)


def _whole(recent: list[tuple[int, str]], reading: tuple[int, int], ended_by_foreign: bool) -> bool:
    """Whether the mapping read (its first line's index in ``recent``, its depth) is a YAML file's:
    one a log's line bounds (above, or below: ``ended_by_foreign``) only where it holds a block (a
    line indented past its keys) — flat `key: value` lines between a log's are also what a
    program's prints write (`print("body:", repr(body))`), whose values are no YAML's."""
    start, depth = reading
    if not ended_by_foreign and not (start and _foreign(recent[start - 1][1], depth)):
        return True
    return any(text.strip() and _indent(text) > depth for _, text in recent[start + 1 :])


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _parsed(text: str) -> dict[str, Any] | None:
    """The mapping, or None when the lines are no YAML mapping, or one that aliases make huge
    (a "billion laughs" is small to parse and endless to walk). The parser is imported here, for
    the first mapping: most files whose requests are read hold none (its import is ~6 ms)."""
    import yaml

    try:
        record = yaml.load(text, Loader=_loader())  # noqa: S506 - a safe loader
    except (yaml.YAMLError, RecursionError, ValueError):
        return None
    return record if isinstance(record, dict) and within(record, MAX_VALUES) else None


@functools.cache
def _loader() -> type:
    """The safe loader (in C where there is one), but a plain scalar that reads as a timestamp kept
    as its text: a header's value as logged (a ``Request-Time`` signed as written, a ``Date``), not
    a date written back in another form (nor one JSON cannot write)."""
    import yaml

    class TextTimes(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        pass

    TextTimes.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_scalar)
    return TextTimes
