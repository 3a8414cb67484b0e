"""The log prefix of a request's lines, learned from its first line: what a logger writes before
each record (a timestamp, a thread, a level, a logger name), so that the reader of text dumps
(:mod:`.dumps`) tells the lines of one request from the next record of the same log."""

from __future__ import annotations

import functools
import itertools
import re

from keyaudit.engine.records import LOG_RECORD
from keyaudit.engine.wrapped_lines import common_length

# Log levels, which differ between the records of one request (Faraday 1 logs the request line at
# INFO and its headers at DEBUG, .NET the headers at Trace): any level word stands for any other.
_LEVELS = frozenset({"trace", "debug", "info", "notice", "warn", "warning", "error", "fatal", "critical", "severe",
                     "fine", "finer", "finest", "config", "verbose", "trce", "dbug", "fail", "crit", "vrb", "dbg",
                     "inf", "wrn", "err", "ftl", "eror"})
_LEVEL = "(?i:" + "|".join(sorted(_LEVELS, key=lambda word: (-len(word), word))) + ")"
_LETTER_LEVELS = "VDIWEFA"  # Ruby's Logger (`I, [`) and Android's logcat (`D/tag`, `D tag`) write a letter
# A record's head on a line of its own, its message under it with every line padded (by six blanks):
# Microsoft.Extensions.Logging's console formatter, `info: <category>[<event id>]`
PADDED_RECORD_HEAD = r"(?:trce|dbug|info|warn|fail|crit): \S+\[\d+\]\s*$"


class Prefix:
    """The log prefix of one request's lines, from the prefix of its start line: digits vary
    (timestamps, thread ids) and so do log levels, the other words and punctuation do not.

    Blank runs inside the prefix may vary, but its trailing blanks are matched exactly (and may
    be missing on an empty line), so an indented body keeps its indentation. An empty line may
    lack the separator that ends the prefix too (go-hclog writes a logger's name alone, without
    its `: `, for an empty message, as Terraform logs a provider's empty line). ``blank``: the
    prefix is nothing or blanks only (every line could carry it).
    """

    def __init__(self, prefix: str) -> None:
        self.source = prefix
        stem = prefix.rstrip()
        self.tail = prefix[len(stem):]
        self.pattern = _pattern(stem) if stem else None
        self.blank = self.pattern is None

    def rest(self, text: str) -> str | None:
        """The line after the prefix, or None when the line does not carry it."""
        if self.pattern is not None:
            match = self.pattern.match(text)
            if match is None:
                return "" if self._unended is not None and self._unended.fullmatch(text.rstrip()) else None
            text = text[match.end():]
        if text.startswith(self.tail):
            return text[len(self.tail):]
        return "" if not text.strip() else None

    def outer(self, text: str) -> tuple["Prefix", str] | None:
        """The longest part of this prefix, cut at one of its blanks, that ``text`` carries, and
        the text after it; None when it carries none. A leading part first: where the lines of a
        message all carry one logger's prefix and only its first line another's after it (a dump
        a program logs with its own prefix, which a second logger or a transport writes line by
        line), this outer part is the prefix of the message's other lines. Then a trailing part:
        where a program marks each line of its message (HTTParty's `[HTTParty] [<time>] > `) and
        the logger it writes through prefixes the message's first line only (Ruby's Logger)."""
        for outer in self._outer_parts:
            if (rest := outer.rest(text)) is not None:
                return outer, rest
        return None

    def lead_rest(self, text: str) -> str:
        """The line after the longest leading part of this prefix it carries (of at least
        :data:`MIN_SHARED_CHARS` characters besides blanks), else the line: where a transport writes
        its own prefix before every line (stern's `<pod> <container> `, docker compose's `<service> | `)
        and the logger its prefix before a message's first line only, the message's later lines
        carry the transport's part alone, which is none of the message's."""
        for part in self._leading_parts:
            if part.pattern is not None and len(part.source.replace(" ", "")) >= MIN_SHARED_CHARS \
                    and (rest := part.rest(text)) is not None:
                return rest
        return text

    def timed_rest(self, text: str) -> str | None:
        """The line after the longest leading part of this prefix that holds a number (a time) and
        that ``text`` carries, or None: where only a message's first line carries a mark after the
        log's time (a CI runner's `##[group]Run ` before the first line of the script it echoes), its
        other lines carry the time alone."""
        return next((rest for part in self._timed_parts if (rest := part.rest(text)) is not None), None)

    def opens_record(self, text: str) -> bool:
        """Whether ``text`` (not blank) carries a leading part of this prefix that holds a number (a
        time): the log's next record, where the lines of a message logged at once go on bare after
        its first and the next record is of another kind (gorequest's `[http] <time> HTTP Response:`
        after its `[http] <time> HTTP Request: POST …` and the request's lines)."""
        return bool(text.strip()) and any(part.rest(text) is not None for part in self._timed_parts)

    @functools.cached_property
    def _unended(self) -> re.Pattern[str] | None:
        """The prefix without the separator that ends it (`: `, ` - `, `| `, `> `), which an empty
        line may lack; None where it ends in none."""
        stem = self.source.rstrip()
        separator = _SEPARATOR.search(stem)
        return _pattern(stem[: separator.start()]) if separator is not None and separator.start() else None

    @functools.cached_property
    def _leading_parts(self) -> list["Prefix"]:
        """The leading parts of the prefix up to each of its last :data:`MAX_OUTER_PARTS` blanks,
        longest first: made once a prefix (a prefix of a thousand blanks is not a thousand patterns
        tried on every line)."""
        blanks = list(_BLANKS.finditer(self.source.rstrip()))[-MAX_OUTER_PARTS:]
        return [learned_prefix(self.source[: blank.end()]) for blank in reversed(blanks)]

    @functools.cached_property
    def _timed_parts(self) -> list["Prefix"]:
        return [part for part in self._leading_parts if part.pattern is not None and "0" in part.source]

    @functools.cached_property
    def _outer_parts(self) -> list["Prefix"]:
        """The leading parts of the prefix (see :attr:`_leading_parts`), then its trailing parts
        from each of the same blanks, longest first."""
        blanks = list(_BLANKS.finditer(self.source.rstrip()))[-MAX_OUTER_PARTS:]
        parts = list(self._leading_parts)
        # a trailing part holds a word or a number: punctuation alone (logback's `- `) also begins
        # a line of prose or a list
        parts += [learned_prefix(tail) for blank in blanks if _WORD.search(tail := self.source[blank.end():])]
        return [part for part in parts if part.pattern is not None]


_BLANKS = re.compile(r"\s+")
_SEPARATOR = re.compile(r"\s*[:|>-]+$")
_WORD = re.compile(r"\w")
MAX_OUTER_PARTS = 8  # the inner logger's prefix (a time, a level, a name), or a mark, has a few blanks at most


def _pattern(stem: str) -> re.Pattern[str]:
    return re.compile("".join(map(_part, re.split(r"(\d+|\s+|[A-Za-z]+)", stem))))


def _part(part: str) -> str:
    if part.isdigit():
        return r"\d+"
    if part.isspace():
        return r"\s+"
    if part.lower() in _LEVELS:
        return _LEVEL
    return f"[{_LETTER_LEVELS}]" if len(part) == 1 and part in _LETTER_LEVELS else re.escape(part)


_DIGITS = re.compile(r"\d+")
_RECORD_START = re.compile(LOG_RECORD.pattern.decode())


def starts_record(text: str) -> bool:
    """Whether ``text`` begins a log record (a date and time at its start): where a body that
    neither a length nor an end line bounds, written after a record's first line without the
    log's prefix, has ended — the log's next record."""
    return _RECORD_START.match(text) is not None


@functools.lru_cache(maxsize=256)
def _learned(prefix: str) -> Prefix:
    return Prefix(prefix)


MAX_PREFIX_CHARS = 1024  # a logger's prefix (a time, a level, a thread, a logger, its MDC) is shorter


def learned_prefix(prefix: str) -> Prefix:
    """The prefix's pattern, shared by every prefix that differs from it in digits only (the
    lines of one log, whose timestamps differ). Text longer than :data:`MAX_PREFIX_CHARS` before
    a start line is no logger's prefix but what the line held before the request (a pattern of a
    hundred thousand parts took seconds to compile, for each reader and each of its outer parts):
    none is learned."""
    if len(prefix) > MAX_PREFIX_CHARS:
        return _learned("")
    return _learned(_DIGITS.sub("0", prefix) if prefix else prefix)


_DIGITS_AS_ZERO = str.maketrans("123456789", "000000000")
_ASCII_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")
MIN_SHARED_CHARS = 4  # a prefix written before each line holds this many characters besides blanks (a time, a level)


def shared_prefix(one: str, other: str) -> int:
    """How many leading characters two lines share, digits aside (timestamps move on), cut back to
    just after a blank: the prefix a logger or a transport writes before each line of a message,
    where both carry one; 0 where they share fewer than :data:`MIN_SHARED_CHARS` characters besides blanks."""
    first = digitless(one)
    common = common_length(first, digitless(other))
    cut = max(first.rfind(" ", 0, common), first.rfind("\t", 0, common)) + 1
    return cut if len(first[:cut].replace(" ", "").replace("\t", "")) >= MIN_SHARED_CHARS else 0


def carries(text: str, prefix: str) -> bool:
    """Whether ``text`` starts with ``prefix`` (its digits written as 0s), digits aside; an empty
    line of the message may carry it without its trailing blanks."""
    head = digitless(text[: len(prefix)])
    return head == prefix or (len(text) < len(prefix) and head == prefix.rstrip())


def digitless(text: str) -> str:
    """``text`` with its digits written as 0s: what :func:`carries` compares. An ASCII line (most
    are) is translated as bytes, by a table at C speed: a str's translation looks each character
    up in a mapping, and the lines above each anchored one are translated again for it."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_DIGITS_AS_ZERO).decode("ascii")
    return text.translate(_DIGITS_AS_ZERO)


def unprefixed_lines(texts: list[str], start: int) -> list[str]:
    """The lines of a map printed from column ``start`` of the first, without the prefix a logger
    writes before each line of a message (logcat's ``<date> <time> <pid> <tid> I <tag>: ``): where
    the next line carries what stands before the map on the first, digits aside, it and the lines
    after it that carry it are taken without it."""
    prefix = digitless(texts[0][:start])
    if not prefix.strip() or len(texts) < 2 or not carries(texts[1], prefix):
        return texts
    return [texts[0], *(line[start:] for line in itertools.takewhile(lambda line: carries(line, prefix), texts[1:]))]
