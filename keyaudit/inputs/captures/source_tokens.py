"""Source code split into tokens: string literals with the value their language gives them,
names (dotted, ``::`` and ``->`` chains kept whole), numbers and punctuation; comments dropped.

One grammar serves the C family and the scripting languages alike, as they write literals much
the same: ``"…"`` and ``'…'`` with backslash escapes, Go's and JavaScript's backtick strings, C#'s
verbatim ``@"…"`` (a quote doubled), Rust's raw ``r#"…"#``, triple-quoted blocks (Python, Java, Kotlin, Swift). What
differs is data, by family of languages (:data:`LANGUAGES`; a file's family is
:mod:`.source_files`'): which quotes expand what is not a
literal (``$name`` in PHP, Kotlin and Dart, ``#{…}`` in Ruby, ``\\(…)`` in Swift, ``${…}`` in a
JavaScript template) — such a string is :data:`UNKNOWN` — which single-quoted strings know only
``\\\\`` and ``\\'`` (PHP, Ruby), whether ``#`` starts a comment, and whether the language
writes docstrings (see :func:`prose`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from keyaudit.model.exchange import UNKNOWN



@dataclass(frozen=True)
class Language:
    """How one language writes what differs: the quotes that expand (and the mark that does),
    the quotes that know only ``\\\\`` and an escaped quote, whether ``#`` starts a comment, and
    whether it writes docstrings."""

    expanding: str = ""  # quote characters whose strings expand
    expansion: str = ""  # a regex of what expands in them
    plain_single: bool = False
    hash_comments: bool = False
    docstrings: bool = False  # a string standing first in a module, a class or a function is prose


_DOLLAR = r"(?<!\\)\$[{A-Za-z_]"
LANGUAGES = {"c": Language(), "js": Language("`", r"\$\{"), "dollar": Language("\"'", _DOLLAR),
             "php": Language('"', _DOLLAR, plain_single=True, hash_comments=True),
             "python": Language(hash_comments=True, docstrings=True),
             "ruby": Language('"`', r"#\{", plain_single=True, hash_comments=True), "swift": Language('"', r"\\\(")}

_TOKEN = re.compile(r"""
    (?P<comment>//[^\n]*|/\*.*?(?:\*/|\Z))
  | (?P<raw>\br(?P<hashes>\#+)")
  | (?P<string>(?P<prefix>[@$]{1,2}|[rRbBuUfF]{1,2}(?=["']))?(?P<quote>\"\"\"|'''|["'`]))
  | (?P<name>[A-Za-z_$][\w$]*(?:(?:\.|::|->|\?\.)[A-Za-z_$][\w$]*)*(?:[!?](?=\())?)
  | (?P<number>\d[\w.]*)
  | (?P<punct>={2,3}|!={1,2}|[<>]=|:=|=>|\.\.\.|\*\*|[^\s\w])
""", re.VERBOSE | re.DOTALL)
_C_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u\{[0-9A-Fa-f]{1,6}\}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[0-7]{1,3}|.)", re.DOTALL)
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "b": "\b", "f": "\f", "v": "\v", "a": "\a", "e": "\x1b"}


@dataclass(frozen=True)
class Token:
    """One token: its kind (``string``, ``name``, ``number``, ``punct``), its text (a string's
    value, :data:`UNKNOWN` where it expands), and the 0-based index of its line in the text."""

    kind: str
    text: str
    line: int


def tokens(text: str, lang: Language) -> list[Token]:
    """The tokens of ``text`` (comments dropped; an unclosed string ends the text)."""
    return [Token(kind, value, line) for kind, value, _start, _end, line in _lexemes(text, lang) if kind != "comment"]


def prose(text: str, lang: Language) -> list[tuple[int, int]]:
    """Where ``text`` says something rather than does it, as (start, end) offsets in order: its
    comments, and, where the language has them (Python), the strings that stand alone first in a
    module, a class or a function (docstrings: a string that is the text's first token, or that
    follows on a line of its own the ``:`` closing a header — a name's or a parameter list's)."""
    spans: list[tuple[int, int]] = []
    before: list[tuple[str, str, int]] = []  # the last two tokens: kind, text, line
    for kind, value, start, end, line in _lexemes(text, lang):
        if kind == "comment":
            spans.append((start, end))
            continue
        if kind == "string" and lang.docstrings and (not before or (
                before[-1][1] == ":" and before[-1][2] < line and len(before) > 1
                and (before[-2][0] == "name" or before[-2][1] == ")"))):
            spans.append((start, end))
        before = [*before[-1:], (kind, value if kind != "string" else "", line)]
    return spans


def _lexemes(text: str, lang: Language) -> Iterator[tuple[str, str, int, int, int]]:
    """Each token of ``text`` and each comment: kind, value (a string's as the language gives it),
    start and end offsets, and the 0-based index of the line it starts on."""
    at, line = 0, 0
    while (match := _TOKEN.search(text, at)) is not None:
        line += text.count("\n", at, match.start())
        kind = next(name for name in ("comment", "raw", "string", "name", "number", "punct")
                    if match.group(name) is not None)
        if kind == "raw":  # Rust's r#"…"#: nothing escaped, closed by a quote and as many #
            close = '"' + match.group("hashes")
            end = text.find(close, match.end())
            end = len(text) if end < 0 else end
            value, kind, end = text[match.end() : end], "string", end + len(close)
        elif kind == "comment" or (kind == "punct" and match.group() == "#" and lang.hash_comments):
            kind, value = "comment", ""
            end = match.end() if match.group("comment") is not None else _line_end(text, match.end())
        elif kind == "string":
            value, end = _string(text, match, lang)
        else:
            value, end = match.group(), match.end()
        yield kind, value, match.start(), end, line
        line += text.count("\n", match.start(), end)
        at = end


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _string(text: str, match: re.Match[str], lang: Language) -> tuple[str, int]:
    """A string literal's value and its end; the value :data:`UNKNOWN` where it expands."""
    prefix, quote = (match.group("prefix") or ""), match.group("quote")
    start = match.end()
    raw_kind = "@" in prefix or "r" in prefix.lower() or quote == "`" and not lang.expanding.count("`")
    if "@" in prefix and quote[0] == '"':  # C#'s verbatim string: a quote doubled, nothing escaped
        end = start = match.start("quote") + 1
        while (end := text.find('"', end)) >= 0 and text.startswith('""', end):
            end += 2
        end = len(text) if end < 0 else end
        return text[start:end].replace('""', '"'), end + 1
    end = _closing(text, start, quote, escapes=not raw_kind)
    body = text[start:end]
    if "f" in prefix.lower() and "{" in body:  # Python's f-string
        return UNKNOWN, end + len(quote)
    if ("$" in prefix and "{" in body) or (quote[0] in lang.expanding and re.search(lang.expansion, body)):
        return UNKNOWN, end + len(quote)
    if raw_kind:
        return body, end + len(quote)
    if quote[0] == "'" and lang.plain_single:
        return body.replace("\\\\", "\\").replace("\\'", "'"), end + len(quote)
    return _C_ESCAPE.sub(_unescaped, body), end + len(quote)


def _closing(text: str, start: int, quote: str, escapes: bool) -> int:
    """Where the string opened before ``start`` closes (the text's end when it never does)."""
    at = start
    while True:
        end = text.find(quote, at)
        if end < 0:
            return len(text)
        if not escapes:
            return end
        slashes = len(text[at:end]) - len(text[at:end].rstrip("\\"))
        if slashes % 2 == 0:
            return end
        at = end + 1


def _unescaped(found: re.Match[str]) -> str:
    escape = found.group(1)
    if escape[0] in "xuU" and len(escape) > 1:
        return chr(int(escape[1:].strip("{}"), 16) % 0x110000)
    if escape[0] in "01234567" and (len(escape) > 1 or escape != "0"):
        return chr(int(escape, 8))
    return _SIMPLE.get(escape, escape)
