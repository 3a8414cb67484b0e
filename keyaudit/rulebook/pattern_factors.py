"""What a pattern of unknown reach needs a span to hold: its factors, pieces of known reach.

A context pattern whose reach is not bounded (``\\G(?=[\\s\\S]*?A)(?=[\\s\\S]*?B)``, "the record holds
A and B"; a YAML block's indent caught and matched again by a backreference) is searched over all of
a hit's span, and a dense log's hits each read kilobytes of it again. Yet such a pattern's pieces most
often have a known reach, and a piece of it the pattern cannot match without — a run of its top-level
sequence, or of a lookahead's that the sequence holds — matches somewhere in any span the whole does:
its items meet the same bytes at the same positions as they do in the whole's match (a lookaround or
an anchor reads the same text, an atomic group commits as it did). A span where a factor has no match
then holds no match of the pattern either, and a factor of known reach is found once per buffer
(:class:`~keyaudit.engine.span_search.SpanSearch`). A pattern that is only a ``\\G`` and lookaheads of
the form "anything, then X" (or negative ones) is answered by its factors outright: it matches at the
span's start exactly when each X it wants is found and none it refuses is.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from keyaudit.rulebook.pattern_tree import line_locality, locality

# global flags that open a pattern: the only inline flags followed (verbose mode changes what every item is)
_LEAD_FLAGS = re.compile(r"\(\?([aiLmsuVwf0-9]*)\)")
_ANY_FLAGS = re.compile(r"\(\?[a-zA-Z0-9-]*\)")
_QUANTIFIER = re.compile(r"(?:[*+?]|\{\d*(?:,\d*)?\})[?+]?")
# what a piece cannot be searched alone with: a backreference, a recursion, a condition, \G, \K, a named list
_NOT_ALONE_ESCAPES = frozenset("123456789gGKL")
_NOT_ALONE_GROUP = re.compile(r"\(\?(?:P=|P>|[R&(|]|[+-]?\d)")
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_ESCAPE_ARGUMENT = {"x": 2, "u": 4, "U": 8}
# an item that may consume nothing: an anchor, a lookaround, or one repeated from zero times
_MAY_BE_EMPTY = re.compile(r"\^|\$|\\[bBAZzmM]|\(\?<?[=!]|.*(?:[*?]|\{0*(?:,\d*)?\})[?+]?\Z", re.DOTALL)


@dataclass(frozen=True)
class Factors:
    """Pieces of a pattern (its leading flags written before each): ``needed`` each must match in a
    span the pattern matches in; when ``exact``, the pattern matches at the span's start exactly when
    every one of ``needed`` and none of ``refused`` is found."""

    needed: tuple[str, ...]
    refused: tuple[str, ...] = ()
    exact: bool = False


@dataclass(frozen=True)
class _Item:
    text: str  # as written, with its quantifier
    kind: str  # "char", "set", "escape", "group", "ahead", "not-ahead", "behind", "G"
    body: str = ""  # a group's inside, after its opening
    quantified: bool = False


def _close(text: str, at: int, closer: str) -> int:
    """Where the group or set opened before ``at`` ends (the index past its closer)."""
    depth = 1
    while at < len(text):
        char = text[at]
        if char == "\\":
            at += 2
            continue
        if closer == ")" and char == "[":
            at = _close(text, _set_start(text, at + 1), "]")
            continue
        if closer == "]" and text.startswith("[:", at):  # a POSIX class inside a set
            end = text.find(":]", at + 2)
            at = at + 1 if end < 0 else end + 2
            continue
        if closer == ")" and char == "(":
            depth += 1
        elif char == closer:
            depth -= 1
            if depth == 0:
                return at + 1
        at += 1
    raise ValueError("unbalanced")


def _set_start(text: str, at: int) -> int:
    """Past a set's opening: a ``^`` and a first ``]`` are members."""
    at += text[at : at + 1] == "^"
    return at + (text[at : at + 1] == "]")


def _escape_end(text: str, at: int) -> int:
    letter = text[at + 1 : at + 2]
    if letter in "pPNxuU" and text[at + 2 : at + 3] == "{":
        return text.index("}", at) + 1
    if letter == "0":  # an octal escape: up to two more digits
        return at + 2 + len(re.match(r"[0-7]{0,2}", text[at + 2 :]).group())
    return at + 2 + _ESCAPE_ARGUMENT.get(letter, 0)


def _items(text: str) -> list[_Item] | None:
    """The top-level sequence of ``text``; None when it is alternatives (or not followed)."""
    items, at = [], 0
    while at < len(text):
        char = text[at]
        if char == "|" or char == ")":
            return None
        if char == "\\":
            end = _escape_end(text, at)
            kind, body = ("G" if text[at + 1] == "G" else "escape"), ""
        elif char == "[":
            end = _close(text, _set_start(text, at + 1), "]")
            kind, body = "set", ""
        elif char == "(":
            end = _close(text, at + 1, ")")
            inner = text[at + 1 : end - 1]
            kind = ("ahead" if inner.startswith("?=") else "not-ahead" if inner.startswith("?!")
                    else "behind" if inner.startswith(("?<=", "?<!")) else "group")
            body = inner[2:] if kind in ("ahead", "not-ahead") else inner
        else:
            end, kind, body = at + 1, "char", ""
        quantifier = _QUANTIFIER.match(text, end)
        stop = quantifier.end() if quantifier else end
        items.append(_Item(text[at:stop], kind, body, quantifier is not None))
        at = stop
    return items


def alternatives(body: str) -> list[str] | None:
    """The top-level alternatives of ``body`` (a pattern without its leading flags), those of a
    group that is all of it opened: ``(?:A|B)`` is ``[A, B]``. None where this reader does not
    follow it."""
    parts, at, start = [], 0, 0
    try:
        while at < len(body):
            char = body[at]
            if char == "\\":
                at = _escape_end(body, at)
            elif char == "[":
                at = _close(body, _set_start(body, at + 1), "]")
            elif char == "(":
                at = _close(body, at + 1, ")")
            elif char == ")":
                return None
            else:
                if char == "|":
                    parts.append(body[start:at])
                    start = at + 1
                at += 1
    except (ValueError, IndexError):
        return None
    parts.append(body[start:])
    if len(parts) == 1 and body.startswith("(?:") and _close(body, 3, ")") == len(body):
        return alternatives(body[3:-1])
    return parts


def not_alone(text: str) -> bool:
    """Whether ``text`` holds what a piece cannot be searched alone with (outside escapes: an
    escaped parenthesis before a ``?|`` opens no branch reset)."""
    return any(char in _NOT_ALONE_ESCAPES for char in _ESCAPE.findall(text)) or bool(
        _NOT_ALONE_GROUP.search(_ESCAPE.sub("E", text)))


def _known(flags: str, text: str) -> bool:
    return bool(text) and not not_alone(text) and (
        locality(flags + text) is not None or line_locality(flags + text) is not None)


def _runs(flags: str, items: list[_Item]) -> list[str]:
    """The longest runs of items of known reach that consume a byte, and those of the lookaheads
    the sequence needs."""
    runs: list[str] = []
    run: list[_Item] = []
    for item in [*items, _Item("", "G")]:
        if item.kind != "G" and _known(flags, "".join(part.text for part in [*run, item])):
            run.append(item)
            continue
        if any(_MAY_BE_EMPTY.match(part.text) is None for part in run):
            runs.append("".join(part.text for part in run))
        run = [item] if item.kind != "G" and _known(flags, item.text) else []
        if not run and item.kind == "ahead" and not item.quantified:
            inner = _items(item.body)
            runs.extend(_runs(flags, inner) if inner is not None else [])
    return runs


def _wanted(flags: str, item: _Item) -> str | None:
    """X, for a lookahead ``(?=ANY*?X)``: ANY a set of every byte (or a dot that takes a line break)."""
    for lead in ("[\\s\\S]*?", "[\\S\\s]*?", "[\\s\\S]*", "[\\S\\s]*", *((".*?", ".*") if "s" in flags else ())):
        if item.body.startswith(lead):
            rest = item.body[len(lead):]
            inner = _items(rest)
            return rest if inner is not None and _known(flags, rest) else None
    return None


def leading_flags(pattern: str) -> tuple[str, str] | None:
    """``pattern`` as its leading flags (``(?i)``, or none) and the rest; None where a flag is set further in or
    verbose mode is on, which this reader does not follow."""
    lead = _LEAD_FLAGS.match(pattern)
    flags = lead.group() if lead else ""
    body = pattern[len(flags):]
    return None if _ANY_FLAGS.search(body) or "x" in flags else (flags, body)


@functools.lru_cache(maxsize=256)
def starts_lines(pattern: str) -> bool:
    """Whether every match of ``pattern`` starts where a line does: in multi-line mode, each of its top-level
    alternatives begins with ``^`` (a line break is ``\\n`` alone: not in ``w`` mode), and it has no ``\\G`` (where
    a search starts, not where a try does). Such a pattern need only be tried at line starts."""
    split = leading_flags(pattern)
    if split is None or "m" not in split[0] or "w" in split[0] or "\\G" in pattern:
        return False
    try:
        parts = [_items(part) for part in alternatives(split[1]) or [""]]
    except (ValueError, IndexError):
        return False
    return all(items and items[0].text == "^" for items in parts)


@functools.lru_cache(maxsize=256)
def factors(pattern: str) -> Factors | None:
    """The factors of ``pattern``, each with the pattern's leading flags; None where none is known."""
    split = leading_flags(pattern)
    if split is None:
        return None
    flags, body = split
    try:
        items = _items(body)
    except (ValueError, IndexError):
        return None
    if items is None:
        return None
    if items and items[0].kind == "G" and not items[0].quantified and len(items) > 1 and all(
            item.kind in ("ahead", "not-ahead") and not item.quantified and _wanted(flags, item)
            for item in items[1:]):
        wanted = [(item.kind, flags + str(_wanted(flags, item))) for item in items[1:]]
        return Factors(tuple(text for kind, text in wanted if kind == "ahead"),
                       tuple(text for kind, text in wanted if kind == "not-ahead"), exact=True)
    # the longest first: the likeliest to be missing (a piece of a few characters is found nearly everywhere)
    needed = tuple(flags + run for run in sorted(_runs(flags, items), key=len, reverse=True))
    return Factors(needed) if needed else None
