"""Source code split into tokens: string literals with the value their language gives them,
names (dotted, ``::`` and ``->`` chains kept whole), numbers and punctuation; comments dropped.

One grammar serves the C family and the scripting languages alike, as they write literals much
the same: ``"…"`` and ``'…'`` with backslash escapes, Go's and JavaScript's backtick strings, C#'s
verbatim ``@"…"`` (a quote doubled), Rust's raw ``r#"…"#``, C++'s ``R"d(…)d"``, triple-quoted
blocks. What differs is data, by family of languages (:mod:`.source_languages`): which quotes
open a string and which expand what is not a literal (``$name`` in PHP, Kotlin and Dart, ``#{…}``
in Ruby, ``\\(…)`` in Swift, ``${…}`` in a JavaScript template, ``$name`` in Scala's ``s"…"``) —
such a string is :data:`UNKNOWN` — which single-quoted strings know only ``\\\\`` and ``\\'``,
what starts a comment (``#``, ``--``, ``;``, ``{- -}``, ``#= =#``), whether the language writes
docstrings (see :func:`prose`), text blocks (Java, Swift), sigils (Elixir's ``~s(…)``), and
PowerShell's own: the backtick as escape, quotes doubled, here-strings, and commands (``Verb-Noun
-Name value``) given to the readers as the calls they are (see :func:`_commands`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from keyaudit.model.exchange import UNKNOWN

from .source_languages import Language


_TOKEN = re.compile(r"""
    (?P<comment>//[^\n]*|/\*.*?(?:\*/|\Z))
  | (?P<raw>\br(?P<hashes>\#+)")
  | (?P<string>(?P<prefix>[@$]{1,2}|[rRbBuUfF]{1,2}(?=["']))?(?P<quote>\"\"\"|'''|["'`]))
  | (?P<name>[A-Za-z_$][\w$]*(?:(?:\.|::|->|\?\.)[A-Za-z_$][\w$]*)*(?:[!?](?=\())?)
  | (?P<number>\d[\w.]*)
  | (?P<punct>={2,3}|!={1,2}|[<>]=|:=|\+=|=>|\.\.\.|\*\*|[^\s\w])
""", re.VERBOSE | re.DOTALL)
_LONG_BRACKET = re.compile(r"\[=*\[")  # Lua's long bracket: `[[`, `[==[`
_RAW_OPENING = re.compile(r'([^\s()\\"]{0,16})\(')  # a C++ raw string's delimiter and its parenthesis
_DELIMITERS = {"(": ")", "[": "]", "{": "}", "<": ">", "|": "|", "/": "/", '"': '"', "'": "'"}  # a sigil's marks
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
    found = [lexeme for lexeme in _lexemes(text, lang) if lexeme[0] != "comment"]
    if lang.commands:
        return list(_commands(text, found))
    return [Token(kind, value, line) for kind, value, _start, _end, line in found]


COMMAND_NAME = re.compile(r"[A-Za-z]+-[A-Za-z]+")  # a command's Verb-Noun (PowerShell's Invoke-WebRequest)
_ENDING = ("string", "name", "number", "option")  # a token a statement may end with (a closing bracket too)
Marked = tuple[Token, int, int]  # a token and its start and end offsets


def _commands(text: str, found: list[tuple[str, str, int, int, int]]) -> list[Token]:
    """The tokens of a language of commands (PowerShell) as the other languages write the same:
    a command — a ``Verb-Noun``, or a name given a parameter — is a call, its parameters
    (``-Name value``) labelled arguments (``Name = value``), a bare word a string, a switch (a
    parameter given no value) left out, up to the statement's end; ``New-Object T`` is ``new
    T()``; ``@name`` (splatting) is the variable ``$name`` given whole."""
    marked, calls, at = list(_statements(text, found)), [], 0
    while at < len(marked):
        token, _start, _end = marked[at]
        before = marked[at - 1][0] if at else None
        following = marked[at + 1][0] if at + 1 < len(marked) else None
        if token.kind == "name" and not token.text.startswith("$") and (before is None or before.kind != "option") \
                and ((following is not None and following.kind == "option") or (COMMAND_NAME.fullmatch(token.text)
                     and (following is None or following.text not in ("(", "=", ".")))):
            at = _call(marked, at, calls)
        else:
            calls.append(token)
            at += 1
    return calls


def _call(marked: list[Marked], at: int, calls: list[Token]) -> int:
    """The command at ``at`` written into ``calls`` as a call (see :func:`_commands`); where it ends."""
    name, _start, end = marked[at]
    line = name.line
    if name.text == "New-Object" and at + 1 < len(marked) and marked[at + 1][0].kind in ("string", "name"):
        calls += [Token("name", "new", line), Token("name", marked[at + 1][0].text.partition("[")[0], line),
                  Token("punct", "(", line), Token("punct", ")", line)]
        return at + 2
    calls += [name, Token("punct", "(", line)]
    depth, given, labelled = 0, False, False
    while (at := at + 1) < len(marked):
        token, start, stop = marked[at]
        punct = token.text if token.kind == "punct" else ""
        if depth == 0 and (punct in (";", "|") or punct in (")", "]", "}")):
            break
        if token.kind == "option":
            valued = at + 1 < len(marked) and marked[at + 1][0].kind != "option" and marked[at + 1][0].text not in (
                ";", "|", ")", "]", "}")
            if valued:
                calls += [Token("punct", ",", line)] * given
                calls += [Token("name", token.text, line), Token("punct", "=", line)]
            given, labelled, end = given or valued, valued, stop
            continue
        if depth == 0 and given and start > end and not labelled:  # a blank: the next positional argument
            calls.append(Token("punct", ",", line))
        if depth == 0 and token.kind == "name" and not token.text.startswith("$") and not (
                at + 1 < len(marked) and marked[at + 1][0].text == "("):
            token = Token("string", token.text, token.line)  # a bare word
        depth += (punct in ("(", "[", "{")) - (punct in (")", "]", "}"))
        calls.append(token)
        given, labelled, end = True, False, stop
    calls.append(Token("punct", ")", line))
    return at


def _statements(text: str, found: list[tuple[str, str, int, int, int]]) -> Iterator[Marked]:
    """The tokens of a language of commands with their offsets: ``Verb-Noun`` one name, a
    parameter ``-Name`` an ``option`` token, ``@name`` the name ``$name``, and a line break that
    ends a statement a ``;`` (a hashtable's entries are so separated) — not one a backtick
    continues, nor one after an operator, a comma or an opening bracket, nor one before a
    closing bracket or a ``.``/``|`` that goes on with the statement."""
    at = 0
    while at < len(found):
        kind, value, start, end, line = found[at]
        following = found[at + 1] if at + 1 < len(found) else None
        joined = following is not None and following[2] == end
        if kind == "name" and joined and following[1] == "-" and at + 2 < len(found) \
                and found[at + 2][0] == "name" and found[at + 2][2] == following[3] \
                and "$" not in value + found[at + 2][1]:
            kind, value, end, at = "name", f"{value}-{found[at + 2][1]}", found[at + 2][3], at + 2
        elif kind == "punct" and value in ("-", "@") and joined and following[0] == "name" \
                and not following[1].startswith("$") and (at == 0 or found[at - 1][3] < start):
            kind, value = ("option", following[1]) if value == "-" else ("name", "$" + following[1])
            end, at = following[3], at + 1
        yield Token(kind, value, line), start, end
        at += 1
        if at < len(found) and "\n" in (gap := text[end : found[at][2]]) and "`" not in gap \
                and (kind in _ENDING or value in ")]}") and not (found[at][0] == "punct" and found[at][1] in ")]}.|"):
            semicolon = line + text.count("\n", start, end)
            yield Token("punct", ";", semicolon), end, end


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
        elif kind == "string" and match.group("quote")[0] not in lang.quotes:  # Lisp's quote, Haskell's x'
            prefix = match.group("prefix") or ""
            kind, value, end = ("name", prefix, match.start("quote")) if prefix else ("punct", text[match.start()],
                                                                                     match.start() + 1)
        elif kind == "string" and match.group("quote") == "`" and lang.escape == "`":
            at = match.end()  # PowerShell's backtick outside strings: a line's continuation, no token
            continue
        elif kind == "punct" and (block := _block_end(text, match.start(), lang)) is not None:
            kind, value, end = "comment", "", block
        elif kind == "comment" or (kind == "punct" and lang.line_comment
                                   and text.startswith(lang.line_comment, match.start())):
            kind, value = "comment", ""
            end = match.end() if match.group("comment") is not None else _line_end(text, match.end())
        elif kind == "string":
            quote = match.group("quote")
            value, end = _string(text, match.group("prefix") or "", quote, match.end(), lang)
        elif kind == "name" and lang.interpolators and text.startswith('"', match.end()):
            quote = '"""' if text.startswith('"""', match.end()) else '"'
            kind, (value, end) = "string", _string(text, match.group(), quote, match.end() + len(quote), lang)
        elif kind == "punct" and lang.sigils and (sigil := lang.sigils.match(text, match.start())) \
                and text[sigil.end() : sigil.end() + 1] in _DELIMITERS:
            kind, (value, end) = "string", _delimited(text, sigil.end(), sigil.group("raw") is not None, lang)
        elif kind == "name" and lang.names and (name := lang.names.match(text, match.start())):
            value, end = name.group(), name.end()
        else:
            value, end = match.group(), match.end()
        yield kind, value, match.start(), end, line
        line += text.count("\n", match.start(), end)
        at = end


def _block_end(text: str, start: int, lang: Language) -> int | None:
    """Where a block comment opened at ``start`` ends (past its close; the text's end where it never closes), or
    None where none opens there: the language's own (PowerShell's ``<# … #>``, a script's help, its examples
    among them; Haskell's ``{- … -}``, Julia's ``#= … =#``), Lua's ``--[[ … ]]`` and ``--[==[ … ]==]`` (code put
    out of use)."""
    opening, close = lang.block
    if opening and text.startswith(opening, start):
        pass
    elif lang.line_comment == "--" and text.startswith("--", start) and (long := _LONG_BRACKET.match(text, start + 2)):
        close = "]" + "=" * (len(long.group()) - 2) + "]"
    else:
        return None
    end = text.find(close, start + 2)
    return len(text) if end < 0 else end + len(close)


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _string(text: str, prefix: str, quote: str, start: int, lang: Language) -> tuple[str, int]:
    """The value of a string literal whose text starts at ``start``, and its end; the value :data:`UNKNOWN` where it
    expands."""
    verbatim = "@" in prefix and lang.verbatim
    raw_kind = verbatim or "r" in prefix.lower() or quote == "`" and not lang.expanding.count("`")
    if lang.here_strings and prefix == "@" and not text[start : _line_end(text, start)].strip():
        return _here_string(text, start, quote, lang)
    if verbatim and quote[0] == '"':  # C#'s verbatim string: a quote doubled, nothing escaped
        end = start = start - len(quote) + 1
        while (end := text.find('"', end)) >= 0 and text.startswith('""', end):
            end += 2
        end = len(text) if end < 0 else end
        return text[start:end].replace('""', '"'), end + 1
    if lang.raw_delimited and "R" in prefix and quote == '"' and (raw := _RAW_OPENING.match(text, start)):
        close = ")" + raw.group(1) + '"'  # C++'s R"d(…)d"
        end = text.find(close, raw.end())
        return (text[raw.end() :], len(text)) if end < 0 else (text[raw.end() : end], end + len(close))
    if quote[0] == "'" and lang.doubled_quotes:
        raw_kind = True
    end = _closing(text, start, quote, None if raw_kind else lang.escape, lang.doubled_quotes)
    body = text[start:end].replace(quote * 2, quote) if lang.doubled_quotes and len(quote) == 1 else text[start:end]
    if lang.text_blocks and quote == '"""':
        body = _text_block(body, lang.block_end_break)
    if "f" in prefix.lower() and "{" in body:  # Python's f-string
        return UNKNOWN, end + len(quote)
    if ("$" in prefix and "{" in body) or (quote[0] in lang.expanding and re.search(lang.expansion, body)) or (
            lang.interpolators and prefix.isalpha() and re.search(r"(?<!\$)\$[{A-Za-z_]", body)):
        return UNKNOWN, end + len(quote)
    if raw_kind:
        return body, end + len(quote)
    if quote[0] == "'" and lang.plain_single:
        return body.replace("\\\\", "\\").replace("\\'", "'"), end + len(quote)
    return _unescape(body, lang), end + len(quote)


def _unescape(body: str, lang: Language) -> str:
    if lang.escape == "\\":
        return _C_ESCAPE.sub(_unescaped, body)
    return re.sub(re.escape(lang.escape) + r"(u\{[0-9A-Fa-f]{1,6}\}|.)", _unescaped, body, flags=re.DOTALL)


def _here_string(text: str, start: int, quote: str, lang: Language) -> tuple[str, int]:
    """PowerShell's here-string: the lines after the ``@'`` (``@"``) that ends its line, up to the
    line that starts with ``'@`` (``"@``); the line breaks at both ends are not its text."""
    opened = _line_end(text, start) + 1
    found = re.compile("\n" + re.escape(quote[0]) + "@").search(text, opened - 1)
    close = found.start() if found is not None else len(text)
    body, end = text[opened:close] if close >= opened else "", (found.end() if found is not None else len(text))
    if quote[0] in lang.expanding and re.search(lang.expansion, body):
        return UNKNOWN, end
    return (_unescape(body, lang) if quote[0] == '"' else body), end


def _delimited(text: str, at: int, raw: bool, lang: Language) -> tuple[str, int]:
    """A sigil's string (see :class:`Language`) delimited from ``at``: up to the matching bracket (brackets
    nested in it), or the same mark, one escaped by a backslash not closing it; raw (``~S``, ``%q``) or with the
    language's escapes and expansions."""
    opening = text[at]
    close, depth, end = _DELIMITERS[opening], 0, at + 1
    while end < len(text) and (text[end] != close or depth):
        if text[end] == "\\":
            end += 1
        elif opening != close and text[end] in (opening, close):
            depth += 1 if text[end] == opening else -1
        end += 1
    body = text[at + 1 : end]
    if raw:
        return body, end + 1
    if re.search(lang.expansion, body):
        return UNKNOWN, end + 1
    return _unescape(body, lang), end + 1


def _text_block(body: str, end_break: bool) -> str:
    """A text block's text (see :class:`Language`): a block with text on its opening line is none."""
    first, newline, rest = body.partition("\n")
    if first.strip() or not newline:
        return body
    lines = rest.split("\n")
    counted = [line for line in lines if line.strip()] + ([] if lines[-1].strip() else [lines[-1]])
    margin = min((len(line) - len(line.lstrip(" \t")) for line in counted), default=0)
    lines = [line[margin:] for line in lines]
    if not lines[-1].strip():  # the closing delimiter's own line
        lines[-1:] = [""] if end_break else []
    return "\n".join(lines)


def _closing(text: str, start: int, quote: str, escape: str | None, doubled: bool) -> int:
    """Where the string opened before ``start`` closes (the text's end when it never does): at a
    quote not escaped (by an odd run of ``escape``) nor, where ``doubled``, doubled."""
    at = start
    while True:
        end = text.find(quote, at)
        if end < 0:
            return len(text)
        if doubled and len(quote) == 1 and text.startswith(quote, end + 1):
            at = end + 2
            continue
        if escape is None:
            return end
        slashes = len(text[at:end]) - len(text[at:end].rstrip(escape))
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
