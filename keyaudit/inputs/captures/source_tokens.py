"""Source code split into tokens: string literals with the value their language gives them,
names (dotted, ``::``, ``->`` and PHP namespaces' ``\\\\`` chains kept whole), numbers and punctuation;
comments dropped.

One grammar serves the C family and the scripting languages alike, as they write literals much
the same: ``"…"`` and ``'…'`` with backslash escapes, Go's and JavaScript's backtick strings, C#'s
verbatim ``@"…"`` (a quote doubled), Rust's raw ``r#"…"#``, C++'s ``R"d(…)d"``, triple-quoted
blocks. What differs is data, by family of languages (:mod:`.source_languages`): which quotes
open a string and which expand what is not a literal (``$name`` in PHP, Kotlin and Dart, ``#{…}``
in Ruby, ``\\(…)`` in Swift, ``${…}`` in a JavaScript template, ``$name`` in Scala's ``s"…"``) —
such a string is :data:`UNKNOWN` — which single-quoted strings know only ``\\\\`` and ``\\'``,
what starts a comment (``#``, ``--``, ``;``, ``{- -}``, ``#= =#``; ``//`` and ``/* */`` only where the
language writes them so: Python's and Lua's ``//`` divide), whether the language writes
docstrings (see :func:`prose`), text blocks (Java, Swift), sigils (Elixir's ``~s(…)``), PHP's heredocs, and
PowerShell's own: the backtick as escape, quotes doubled, here-strings, and commands (``Verb-Noun
-Name value``) given to the readers as the calls they are (see :func:`_commands`); VB's and Pascal's spelling
of strings (see :func:`_spelled`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from keyaudit.model.exchange import UNKNOWN

from .source_comments import block_end
from .source_languages import Language
from .source_strings import (DELIMITERS, character, delimited, heredoc, line_end, line_string, quoted, string_value,
                             template_parts)


_TOKENS = r"""
    (?P<comment>//[^\n]*|/\*.*?(?:\*/|\Z))
  | (?P<raw>\br(?P<hashes>\#+)")
  | (?P<string>(?P<prefix>[@$]{1,2}|[rRbBuUfF]{1,2}(?=["'])|N(?='))?(?P<quote>\"\"\"|'''|["'`]))
  | (?P<name>[A-Za-z_$][\w$]*(?:(?:\.|::|->|\?\.|\\)[A-Za-z_$][\w$]*)*(?:[!?](?=\())?)
  | (?P<number>\d[\w.]*)
  | (?P<punct>={2,3}|!={1,2}|[<>]=|:=|\+=|=>|\.\.\.|\*\*|[^\s\w])
"""
_TOKEN = re.compile(_TOKENS, re.VERBOSE | re.DOTALL)
# where `//` and `/* */` are operators, no comment is tried at a slash (tried and thrown away, an unclosed `/*` was
# read to the text's end at each one: quadratic)
_TOKEN_WITHOUT_C_COMMENTS = re.compile(_TOKENS.replace(r"//[^\n]*|/\*.*?(?:\*/|\Z)", "(?!)"), re.VERBOSE | re.DOTALL)
# a character's code after Pascal's `#`: decimal or `$` hexadecimal, in ASCII digits, at most a code point's (a
# superscript `²` is a digit to str.isdigit, none to int(): `#1²` was the file's internal error; int() refuses 4,300)
_CHAR_CODE = re.compile(r"([0-9]{1,7})|\$([0-9A-Fa-f]{1,6})")


@dataclass(frozen=True)
class Token:
    """One token: its kind (``string``, ``name``, ``number``, ``punct``), its text (a string's
    value, :data:`UNKNOWN` where it expands), the 0-based index of its line in the text, and, of a string that
    expands names alone or one composed of names and literals (:mod:`.source_composed`), the pieces it is made of:
    each a ``("string", text)`` or a ``("name", name)``."""

    kind: str
    text: str
    line: int
    parts: tuple[tuple[str, str], ...] = ()


def tokens(text: str, lang: Language) -> list[Token]:
    """The tokens of ``text`` (comments dropped; an unclosed string ends the text)."""
    found = [lexeme for lexeme in _lexemes(text, lang) if lexeme[0] != "comment"]
    if lang.commands:
        return list(_commands(text, found))
    written = [Token(kind, value, line,
                     template_parts(text[start:end], lang) if kind == "string" and value == UNKNOWN else ())
               for kind, value, start, end, line in found]
    spells = lang.joins or lang.characters or lang.char_codes or lang.declared or lang.inline or lang.period_ends \
        or lang.atoms or lang.dot_literals or lang.labels or lang.typed or lang.variables or lang.quoted_names
    return list(_spelled(written, lang)) if spells else written


def _spelled(found: list[Token], lang: Language) -> Iterator[Token]:
    """The tokens of a language that spells what the others write otherwise, as they write it: its join of
    strings (VB's ``&``, ABAP's ``&&``) a ``+``, a name of a character (VB's ``vbLf``) or a character's code
    (Pascal's ``#10``, ``#$0A``) the string it stands for, a declared type (VB's ``Dim body As String = …``) left
    out, a name declared inline the name (ABAP's ``DATA(body) = …``), a period ending a line (ABAP's, Erlang's) a
    ``;``, Erlang's atoms, binaries and module calls (see :func:`_atom`), Zig's dot that follows no value (``.{…}``,
    ``.name =``, ``.POST``) left out, and OCaml's labels (``~name`` the name, ``~name:`` before a value left out)."""
    at = 0
    while at < len(found):
        token = found[at]
        following = found[at + 1] if at + 1 < len(found) else None
        if token.kind == "punct" and lang.joins and token.text == lang.joins[0] and all(
                found[at + n].text == char for n, char in enumerate(lang.joins) if at + n < len(found)):
            yield Token("punct", "+", token.line)
            at += len(lang.joins)
            continue
        if token.kind == "name" and token.text in lang.characters:
            token = Token("string", lang.characters[token.text], token.line)
        elif lang.char_codes and token.text == "#" and following is not None \
                and (code := _CHAR_CODE.fullmatch(following.text)) is not None:
            number = int(code[1]) if code[1] else int(code[2], 16)
            token, at = Token("string", chr(number % 0x110000), token.line), at + 1
        elif token.kind == "name" and token.text == lang.inline and at + 2 < len(found) and following.text == "(":
            at += 2  # `DATA(body)`: the name, its closing bracket left out below
            yield found[at]
            at += 2
            continue
        elif lang.dot_literals and token.text == "." and token.kind == "punct" and (
                at == 0 or found[at - 1].kind == "punct" and found[at - 1].text not in (")", "]")):
            at += 1  # Zig's `.{`, `.name =`, `.POST`
            continue
        elif lang.labels and token.text in ("~", "?") and following is not None and following.kind == "name":
            at += 3 if at + 2 < len(found) and found[at + 2].text == ":" else 1  # `~name:value`, `~name`
            continue
        elif lang.atoms and (atom := _atom(found, at)) is not None:
            token, at = atom
        elif lang.period_ends and token.text == "." and (following is None or following.line > token.line):
            token = Token("punct", ";", token.line)
        elif lang.quoted_names and token.text == lang.quoted_names and following and following.kind == "string":
            token, at = Token("name", following.text, token.line), at + 1  # M's `#"Content-Type"`
        elif lang.variables and token.text == lang.variables and following is not None and following.kind == "name":
            at += 1  # T-SQL's `@body`: the name
            continue
        elif lang.typed and token.kind == "name" and (value := _typed_value(found, at, lang)) is not None:
            yield token
            at = value  # SQL's `l_body VARCHAR2(4000) := …`: the name bound, its type left out
            continue
        elif token.kind == "name" and token.text == lang.declared and following is not None:
            at += 1 if following.text == "New" else 2  # `As New T(…)`: the construction stays
            while at + 1 < len(found) and found[at].text == "(" and found[at + 1].text == ")":
                at += 2  # an array's type: `As Byte()`
            continue
        yield token
        at += 1


def _typed_value(found: list[Token], at: int, lang: Language) -> int | None:
    """The index of the ``:=`` binding a name declared at ``at`` with its type and size (PL/SQL's), or of the ``=``
    binding a variable's (T-SQL's ``@b NVARCHAR(MAX) = …``); else None."""
    end = at + 2 + (at + 2 < len(found) and found[at + 2].text == "(" and next(
        (n for n in range(1, 6) if at + 2 + n < len(found) and found[at + 2 + n].text == ")"), -1) + 1)
    return end if end < len(found) and found[at + 1].kind == "name" and (found[end].text == ":=" or (
        found[end].text == "=" and at > 0 and found[at - 1].text == lang.variables)) else None


def _atom(found: list[Token], at: int) -> tuple[Token, int] | None:
    """What Erlang writes at ``at`` that the other languages write otherwise, and the index of its last token: a
    module's function ``mod:fun(`` the name ``mod.fun``, a binary ``<<"…">>`` its string, an atom (a name in lower
    case that is no call: ``post``) a string; None for anything else."""
    token, texts = found[at], [t.text if t.kind == "punct" else t.kind for t in found[at + 1 : at + 5]]
    if token.kind == "name" and texts[:3] == [":", "name", "("]:
        return Token("name", f"{token.text}.{found[at + 2].text}", token.line), at + 2
    if token.text == "<" and texts == ["<", "string", ">", ">"]:
        return found[at + 2], at + 4
    if token.kind == "name" and token.text[:1].islower() and texts[:1] != ["("]:
        return Token("string", token.text, token.line), at
    return None


COMMAND_NAME = re.compile(r"[A-Za-z]+-[A-Za-z]+")  # a command's Verb-Noun (PowerShell's Invoke-WebRequest)
_ENDING = ("string", "name", "number", "option")  # a token a statement may end with (a closing bracket too)
Marked = tuple[Token, int, int]  # a token and its start and end offsets
_WORD_ENDS = frozenset(";|,()[]{}=")  # what ends a command's bare word, a blank aside


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
            at = _call(text, marked, at, calls)
        else:
            calls.append(token)
            at += 1
    return calls


def _call(text: str, marked: list[Marked], at: int, calls: list[Token]) -> int:
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
            while at + 1 < len(marked) and marked[at + 1][1] == stop and marked[at + 1][0].kind != "string" \
                    and marked[at + 1][0].text not in _WORD_ENDS:  # a bare word: up to a blank (`https://host/path`)
                at, stop = at + 1, marked[at + 1][2]
            token = Token("string", UNKNOWN if "$" in text[start:stop] else text[start:stop], token.line)
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


def code_tokens(text: str, lang: Language) -> list[tuple[str, str, int, int]]:
    """The tokens of ``text`` with where each starts and ends, comments dropped and nothing respelled: for a reader
    that must tell which of the text's words are code's (a word a comment or a string holds is none)."""
    return [(kind, value, start, end) for kind, value, start, end, _line in _lexemes(text, lang) if kind != "comment"]


def _lexemes(text: str, lang: Language) -> Iterator[tuple[str, str, int, int, int]]:
    """Each token of ``text`` and each comment: kind, value (a string's as the language gives it),
    start and end offsets, and the 0-based index of the line it starts on."""
    at, line = 0, 0
    search = (_TOKEN if lang.c_comments else _TOKEN_WITHOUT_C_COMMENTS).search
    while (match := search(text, at)) is not None:
        line += text.count("\n", at, match.start())
        kind = next(name for name in ("comment", "raw", "string", "name", "number", "punct")
                    if match.group(name) is not None)
        if lang.char_literal is not None and (char := character(text, match.start(), lang)) is not None:
            kind, (value, end) = "string", char
        elif kind == "raw":  # Rust's r#"…"#: nothing escaped, closed by a quote and as many #
            close = '"' + match.group("hashes")
            end = text.find(close, match.end())
            end = len(text) if end < 0 else end
            value, kind, end = text[match.end() : end], "string", end + len(close)
        elif kind == "string" and lang.line_comment and text.startswith(lang.line_comment, match.start()):
            kind, value, end = "comment", "", line_end(text, match.start())  # a quote that starts a comment: VB's `'`
        elif kind == "string" and (match.group("quote")[0] not in lang.quotes or match.group("prefix") == "N"
                                   and not lang.national):  # Lisp's quote, Haskell's x', N' but SQL's N'…'
            prefix = match.group("prefix") or ""
            kind, value, end = ("name", prefix, match.start("quote")) if prefix else ("punct", text[match.start()],
                                                                                     match.start() + 1)
        elif kind == "string" and match.group("quote") == "`" and lang.escape == "`":
            at = match.end()  # PowerShell's backtick outside strings: a line's continuation, no token
            continue
        elif kind == "punct" and lang.quoted_strings and (opened := quoted(text, match.start())) is not None:
            kind, (value, end) = "string", opened
        elif kind == "punct" and lang.line_strings and (lined := line_string(text, match.start())) is not None:
            kind, (value, end) = "string", lined
        elif kind == "punct" and lang.heredocs and (doc := heredoc(text, match.start(), lang)) is not None:
            kind, (value, end) = "string", doc
        elif kind == "punct" and (block := block_end(text, match.start(), lang)) is not None:
            kind, value, end = "comment", "", block
        elif kind == "comment" or (kind == "punct" and lang.line_comment
                                   and text.startswith(lang.line_comment, match.start())):
            kind, value = "comment", ""
            end = match.end() if match.group("comment") is not None else line_end(text, match.end())
        elif kind == "string":
            quote = match.group("quote")
            opened = match.end()
            if lang.doubled_quotes and len(quote) == 3:  # `"""a"" b"`: a string opened by a doubled quote
                quote, opened = quote[0], match.start("quote") + 1
            value, end = string_value(text, match.group("prefix") or "", quote, opened, lang)
            whole = lang.expanded_name.fullmatch(text, opened, end - 1) if lang.expanded_name else None
            kind, value = ("name", whole.group(1)) if whole and value == UNKNOWN else (kind, value)  # CFML's "#body#"
        elif kind == "name" and lang.interpolators and text.startswith('"', match.end()):
            quote = '"""' if text.startswith('"""', match.end()) else '"'
            kind, (value, end) = "string", string_value(text, match.group(), quote, match.end() + len(quote), lang)
        elif kind == "punct" and lang.sigils and (sigil := lang.sigils.match(text, match.start())) \
                and text[sigil.end() : sigil.end() + 1] in DELIMITERS:
            kind, (value, end) = "string", delimited(text, sigil.end(), sigil.group("raw") is not None, lang)
        elif kind == "name" and lang.names and (name := lang.names.match(text, match.start())):
            value, end = name.group(), name.end()
        else:
            value, end = match.group(), match.end()
        yield kind, value, match.start(), end, line
        line += text.count("\n", match.start(), end)
        at = end
