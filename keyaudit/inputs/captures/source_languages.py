"""How each family of languages writes what differs between them, as data: which quotes open a
string and which expand, what starts a comment, the rarer literal syntaxes, and the ways of calling
a function that are no ``name(args)`` (read by :mod:`.source_tokens` and :mod:`.source_calls`; a
file's family is :mod:`.source_files`').
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping


@dataclass(frozen=True)
class Language:
    """How one language writes what differs: the quotes that expand (and the mark that does),
    the quotes that know only ``\\\\`` and an escaped quote, what starts a comment, whether it
    writes docstrings, and the rarer syntaxes below."""

    expanding: str = ""  # quote characters whose strings expand
    expansion: str = ""  # a regex of what expands in them
    plain_single: bool = False
    line_comment: str = ""  # what starts a comment to the line's end besides `//` (`#`, Lua's `--`, Lisp's `;`)
    block: tuple[str, str] = ("", "")  # a block comment's marks besides `/* */` (PowerShell's `<# #>`)
    # a block comment opened inside one is closed before it (OCaml's, Nim's, Haskell's, Julia's: code put out of use
    # around a comment stays out of use to the outer close)
    nested_blocks: bool = False
    block_strings: bool = False  # a `"…"` string in a block comment is read as one (OCaml's): a close in it closes none
    # whether `//` and `/* */` are comments; elsewhere they are operators (Python's, Lua's and Julia's `//` divide,
    # Perl's is its defined-or, a PowerShell bare word's `https://`)
    c_comments: bool = True
    docstrings: bool = False  # a string standing first in a module, a class or a function is prose
    quotes: str = "\"'`"  # the quotes that open a string (Lisp's `'` quotes a form, Haskell's names take primes)
    # a `"""` block's opening line break and its lines' common indentation are not its text (Java's text blocks,
    # Swift's multi-line strings), nor, where ``block_end_break`` is False (Swift), the closing line's break
    text_blocks: bool = False
    block_end_break: bool = True
    raw_blocks: bool = False  # a `"""` block escapes nothing (C#'s raw string literals)
    dot_joins: bool = False  # `.` joins strings (PHP's, Perl's), no method called on the string before it
    escape: str = "\\"  # the character that escapes in strings (PowerShell's backtick, which quotes nothing)
    doubled_quotes: bool = False  # a quote doubled stands for one; single-quoted strings know nothing else
    here_strings: bool = False  # `@'`/`@"` ending a line open a string its line `'@`/`"@` closes (PowerShell)
    heredocs: bool = False  # `<<<ID` (`<<<'ID'`) ending a line opens a string the line `ID` closes (PHP)
    joins: str = ""  # an operator that joins strings besides `+` (VB's `&`, ABAP's `&&`)
    characters: Mapping[str, str] = field(default_factory=dict)  # names of characters (VB's `vbLf`)
    char_codes: bool = False  # `#10` is the character of that code, strings side by side join (Pascal's)
    declared: str = ""  # what gives a name its type before its value (VB's `Dim body As String = …`)
    inline: str = ""  # what declares the name it wraps where it is bound (ABAP's `DATA(body) = …`)
    period_ends: bool = False  # a `.` ending a line ends a statement (ABAP's), no call chained on what is before it
    # Erlang's: a name in lower case that is no call is an atom (a literal: `post`), `mod:fun(…)` a module's function,
    # a binary `<<"…">>` its string
    atoms: bool = False
    # a character literal, its group `char` the character whatever it is (Erlang's `$"`, OCaml's and Haskell's `'"'`)
    char_literal: re.Pattern[str] | None = None
    line_strings: bool = False  # Zig's multi-line strings: lines opened by `\\` (see .source_strings.line_string)
    # Zig's `.{…}` (an anonymous struct or list), `.name = …` (a field), `.POST` (an enum's value): a dot that follows
    # no value is no member access, and is left out
    dot_literals: bool = False
    quoted_strings: bool = False  # OCaml's `{|…|}`, `{id|…|id}`: nothing escaped
    # OCaml's labelled arguments: `~name` the variable it puns, the label of `~name:value` (`?name:`) left out
    labels: bool = False
    verbatim: bool = True  # `@"…"` is C#'s verbatim string (Objective-C's `@"…"` is a string with C's escapes)
    raw_delimited: bool = False  # C++'s raw string `R"d(…)d"`: nothing escaped, closed by `)d"`
    interpolators: bool = False  # a name glued to a quote prefixes it (Scala's `s"…"`, `uri"…"`: `$name` expands)
    # what opens a delimited string (Elixir's `~s(…)`, Ruby's `%q(…)`; its group `raw`: nothing escaped)
    sigils: re.Pattern[str] | None = None
    names: re.Pattern[str] | None = None  # a name where it holds more than letters and digits (Lisp's `clj-http/post`)
    # commands: `Verb-Noun -Name value` (a call's labelled arguments), `@name` the variable `$name`, a line break
    # ending a statement (PowerShell; see :func:`.source_tokens._commands`)
    commands: bool = False
    # calls written otherwise than `name(args)`, read as such by :mod:`.source_calls`
    messages: bool = False  # Objective-C's `[receiver selector:arg label:arg]`
    juxtaposed: bool = False  # Haskell's `f a b $ g c`: a function applied to the atoms after it
    command_calls: bool = False  # Groovy's and Ruby's `name label: value, …` with no parentheses, to the line's end
    s_expressions: bool = False  # Lisp's `(name arg …)`, its maps `{k v …}` and keywords `:name`
    block_receivers: bool = False  # Kotlin's and Groovy's `name { call(…) }`: the block's calls are the name's
    # a procedure called as a statement, its arguments unbracketed to the statement's end: the one a line starts with
    # where it is a member (VB's `http.Open "POST", url`), or the one named after ``execute`` (T-SQL's `EXEC [@ret =]
    # proc @a, @b = …`; OLE Automation's `sp_OAMethod @obj, 'name', @out, args…` the call `obj.name(args…)`)
    statement_calls: bool = False
    execute: frozenset[str] = frozenset()
    variables: str = ""  # a mark glued to a variable's name (T-SQL's `@body`): left out, the name is the variable
    # escapes a string that knows no escape character holds, and the characters they stand for (Power Query M's
    # `#(lf)`, `#(#)`)
    escapes: Mapping[str, str] = field(default_factory=dict)
    quoted_names: str = ""  # what marks a name written as a string (M's `#"Content-Type"`): the name
    expanded_name: re.Pattern[str] | None = None  # a string that expands one name whole, its group the name (CFML's)
    markup: bool = False  # tags are calls (CFML's): `<name attr="v">` is `name(attr = "v")`, a closing tag none
    # a declaration's type between the name and its value (SQL's `l_body VARCHAR2(4000) := …`, `@b NVARCHAR(MAX) =`):
    # left out, the name bound
    typed: bool = False
    national: bool = False  # `N'…'` is a string, its characters national (SQL's); elsewhere `N` is a name


_DOLLAR = r"(?<!\\)\$[{A-Za-z_]"
# Erlang's `$c`: `$` and a character, escaped or not (`$"`, `$%`, `$\n`, `$\x{41}`)
_DOLLAR_CHARACTER = re.compile(r"\$(?P<char>\\(?:x\{[0-9A-Fa-f]{1,6}\}|[0-7]{1,3}|\^.|.)|.)", re.DOTALL)
# OCaml's and Haskell's `'c'` (`'"'`, `'\n'`, `'\065'`), no prime a name ends with (`x'`, `foldl'`)
_QUOTED_CHARACTER = re.compile(r"(?<![\w'])'(?P<char>\\(?:'|[^'\n]{1,8})|[^\\'\n])'")
LANGUAGES = {"c": Language(text_blocks=True, raw_delimited=True), "js": Language("`", r"\$\{"),
             "csharp": Language(text_blocks=True, block_end_break=False, raw_blocks=True),
             "dollar": Language("\"'", _DOLLAR, block_receivers=True),
             "groovy": Language('"', _DOLLAR, command_calls=True, block_receivers=True),
             "scala": Language(interpolators=True, block_receivers=True),
             "objc": Language(verbatim=False, messages=True),
             "php": Language('"', _DOLLAR, plain_single=True, line_comment="#", dot_joins=True, heredocs=True),
             "python": Language(line_comment="#", c_comments=False, docstrings=True),
             "ruby": Language('"`', r"#\{", plain_single=True, line_comment="#", c_comments=False,
                              sigils=re.compile(r"(?P<raw>~S|%q)|~s|%Q"), command_calls=True),
             "swift": Language('"', r"\\\(", text_blocks=True, block_end_break=False),
             "perl": Language('"', r"(?<!\\)[$@][{A-Za-z_]", plain_single=True, line_comment="#", c_comments=False,
                             dot_joins=True),
             "lua": Language(line_comment="--", c_comments=False), "r": Language(line_comment="#", c_comments=False),
             "julia": Language('"', r"(?<!\\)\$[(A-Za-z_]", line_comment="#", c_comments=False, block=("#=", "=#"),
                               quotes='"', text_blocks=True, nested_blocks=True),
             "haskell": Language(line_comment="--", c_comments=False, block=("{-", "-}"), quotes='"', juxtaposed=True,
                                 nested_blocks=True, char_literal=_QUOTED_CHARACTER),
             "lisp": Language(line_comment=";", c_comments=False, quotes='"', names=re.compile(r"[\w$.\-/?!*<>+']+"),
                              s_expressions=True),
             "vb": Language(quotes='"', line_comment="'", c_comments=False, escape="", doubled_quotes=True, joins="&",
                            characters={"vbLf": "\n", "vbCr": "\r", "vbCrLf": "\r\n", "vbTab": "\t",
                                        "ControlChars.Lf": "\n", "ControlChars.CrLf": "\r\n"}, declared="As",
                            statement_calls=True),
             # SQL (PL/SQL, T-SQL, PostgreSQL): `'…'` with the quote doubled, `--` comments, `@name` a variable
             "sql": Language(quotes="'", line_comment="--", escape="", doubled_quotes=True, typed=True, national=True,
                             variables="@", execute=frozenset({"EXEC", "EXECUTE", "exec", "execute"})),
             # Power Query M: `"…"` with the quote doubled, `#(lf)` escapes, `#"…"` a quoted name
             "m": Language(quotes='"', escape="", doubled_quotes=True, quoted_names="#",
                           escapes={"#(lf)": "\n", "#(cr)": "\r", "#(cr,lf)": "\r\n", "#(tab)": "\t", "#(#)": "#"}),
             # ColdFusion's CFML: tags, `<!--- --->` comments, `#name#` expanded in strings, the quote doubled
             "cfml": Language('"\'', r"#[A-Za-z_(]", escape="", doubled_quotes=True, block=("<!---", "--->"),
                              markup=True, expanded_name=re.compile(r"#([A-Za-z_][\w.]*)#")),
             # Nim: `#` and `#[ … ]#` comments, a `"""` block escapes nothing
             "nim": Language(line_comment="#", c_comments=False, block=("#[", "]#"), raw_blocks=True,
                             nested_blocks=True),
             "erlang": Language(quotes="\"'", line_comment="%", c_comments=False, atoms=True, period_ends=True,
                                char_literal=_DOLLAR_CHARACTER),
             "zig": Language(line_strings=True, dot_literals=True),
             "ocaml": Language(quotes='"', c_comments=False, block=("(*", "*)"), quoted_strings=True, labels=True,
                               juxtaposed=True, nested_blocks=True, char_literal=_QUOTED_CHARACTER,
                               block_strings=True),
             "pascal": Language(quotes="'", escape="", doubled_quotes=True, block=("{", "}"), char_codes=True),
             # ABAP: `'…'` and `` `…` `` with the quote doubled, `"` a comment, a string template `|…|` (a sigil
             # of no letters: `{ expression }` expands in it, `\n`, `\{`, `\|` escaped)
             "abap": Language(quotes="'`", line_comment='"', c_comments=False, doubled_quotes=True, joins="&&",
                              sigils=re.compile(r"(?P<raw>(?!))?(?=\|)"), expansion=r"(?<!\\)\{", inline="DATA",
                              period_ends=True),
             "powershell": Language('"', r"(?<!`)\$[({A-Za-z_]", line_comment="#", c_comments=False, block=("<#", "#>"),
                                    escape="`", doubled_quotes=True, here_strings=True, commands=True)}
