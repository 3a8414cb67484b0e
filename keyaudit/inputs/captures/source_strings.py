"""A string literal's value as its language gives it, for :mod:`.source_tokens`: escapes undone (C's,
PowerShell's backtick; Power Query's ``#(lf)``), quotes doubled, here-strings and PHP's heredocs, delimited
sigils (Elixir's ``~s(…)``, Ruby's ``%q(…)``), C++'s raw strings, C#'s (closed by as many quotes as open them),
Zig's multi-line strings, OCaml's quoted strings and text blocks' indentation (the languages' differences are data:
:mod:`.source_languages`).
"""

from __future__ import annotations

import re

from keyaudit.model.exchange import UNKNOWN

from .source_languages import Language

_RAW_OPENING = re.compile(r'([^\s()\\"]{0,16})\(')  # a C++ raw string's delimiter and its parenthesis
DELIMITERS = {"(": ")", "[": "]", "{": "}", "<": ">", "|": "|", "/": "/", '"': '"', "'": "'"}  # a sigil's marks
_C_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u\{[0-9A-Fa-f]{1,6}\}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[0-7]{1,3}|.)",
                       re.DOTALL)
_QUOTES = re.compile('"*')
_LINE_STRING = re.compile(r"\n[ \t]*\\\\")  # a line that goes on with Zig's multi-line string
_QUOTED = re.compile(r"\{([a-z_]*)\|")  # OCaml's quoted string opening: `{|`, `{id|`
# a string that may expand names alone: its prefix (Python's `f`, C#'s `$`, Scala's `s`) and its quote
_TEMPLATE = re.compile(r"([@$]{1,2}|[rRbBuUfF]{1,2}|[A-Za-z]\w*)?(\"\"\"|\'\'\'|[\"'`])")
_NAME_REST = r"[\w$]*(?:(?:\.|->|::|\?\.)[A-Za-z_$][\w$]*)*"  # a dotted name after its first character
# a name expanded: `${name}` (JavaScript, Kotlin, PHP, Groovy, Scala), `#{name}` (Ruby), `{$name}` (PHP), `\(name)`
# (Swift), `$(name)` (Julia), `$name` (PHP, Perl, Kotlin, Dart, Groovy, Scala)
_EXPANDED = re.compile(rf"[$#]\{{\s*([A-Za-z_]{_NAME_REST})\s*\}}|\{{(\$[A-Za-z_]{_NAME_REST})\}}"
                       rf"|[\\$]\(\s*([A-Za-z_]{_NAME_REST})\s*\)|(\$[A-Za-z_]\w*(?:->[A-Za-z_]\w*)?)")
_DOLLAR_EXPANSION = r"(?<!\$)\$[{A-Za-z_]"  # what expands in a string an interpolator prefixes (Scala's `s"…"`)
# what a Python f-string or a C# `$"…"` holds in braces: a brace doubled, a name, or anything else (an expression)
_BRACED = re.compile(rf"\{{\{{|\}}\}}|\{{\s*([A-Za-z_]{_NAME_REST})\s*\}}|[{{}}]")
_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "b": "\b", "f": "\f", "v": "\v", "a": "\a", "e": "\x1b"}


def line_end(text: str, at: int) -> int:
    """Where the line holding ``at`` ends: its line break, or the text's end."""
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def string_value(text: str, prefix: str, quote: str, start: int, lang: Language) -> tuple[str, int]:
    """The value of a string literal whose text starts at ``start``, and its end; the value :data:`UNKNOWN` where it
    expands."""
    verbatim = "@" in prefix and lang.verbatim
    if quote == '"""' and lang.raw_blocks:  # C#'s raw string: opened by three quotes or more, closed by as many
        quote = '"' * (_QUOTES.match(text, start).end() - start + 3)
        start += len(quote) - 3
    raw_kind = verbatim or "r" in prefix.lower() or quote == "`" and not lang.expanding.count("`") or (
        quote.startswith('"""') and lang.raw_blocks) or not lang.escape
    if lang.here_strings and prefix == "@" and not text[start : line_end(text, start)].strip():
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
    if lang.text_blocks and quote.startswith('"""'):
        body = _text_block(body, lang.block_end_break)
    if "f" in prefix.lower() and "{" in body:  # Python's f-string
        return UNKNOWN, end + len(quote)
    if ("$" in prefix and "{" in body) or (quote[0] in lang.expanding and re.search(lang.expansion, body)) or (
            lang.interpolators and prefix.isalpha() and re.search(_DOLLAR_EXPANSION, body)):
        return UNKNOWN, end + len(quote)
    if raw_kind and lang.escapes:  # M's `#(lf)`: one pass, so that `#(#)(lf)` is the text `#(lf)`
        return re.sub("|".join(map(re.escape, lang.escapes)), lambda found: lang.escapes[found.group()], body), \
            end + len(quote)
    if raw_kind:
        return body, end + len(quote)
    if quote[0] == "'" and lang.plain_single:
        return body.replace("\\\\", "\\").replace("\\'", "'"), end + len(quote)
    return _unescape(body, lang), end + len(quote)


def template_parts(source: str, lang: Language) -> tuple[tuple[str, str], ...]:
    """The pieces of a string literal that expands (its ``source`` text, prefix and quotes with it), where it expands
    names alone (``f"{BASE_URL}/transfers"``, `` `${base}/v1/…` ``, ``"#{host}/x"``, ``"$base/x"``, ``$"{Base}/x"``):
    each literal text (its escapes undone) as ``("string", text)`` and each name as ``("name", name)``, in order; none
    where it expands anything else (a call, an index, a format), or is no quoted string (a heredoc, a sigil). A mark
    the language does not expand there (Ruby's ``$x``, an escaped ``\\$x``) is text."""
    opening = _TEMPLATE.match(source)
    quote = opening.group(2) if opening is not None else ""
    if not quote or len(source) < opening.end() + len(quote) or not source.endswith(quote):
        return ()
    prefix, body = opening.group(1) or "", source[opening.end() : len(source) - len(quote)]
    braced = "f" in prefix.lower() or "$" in prefix
    expansion = lang.expansion or (_DOLLAR_EXPANSION if lang.interpolators and prefix.isalpha() else "(?!)")
    parts: list[tuple[str, str]] = []
    at = 0
    for found in (_BRACED if braced else _EXPANDED).finditer(body):
        name = next((name for name in found.groups() if name), None)
        if braced and name is None and found.group() not in ("{{", "}}"):
            return ()  # an expression, a format
        if not braced and (body[found.start() - 1 : found.start()] == "\\" or not any(
                re.match(expansion, body[start:]) for start in (found.start(), found.start() + 1))):
            continue  # (PHP's `{$name}`: its `$` expands)
        parts += [("string", body[at : found.start()] + ("" if name else found.group()[0]))]
        parts += [("name", name)] if name else []
        at = found.end()
    parts.append(("string", body[at:]))
    if not any(kind == "name" for kind, _ in parts) or not braced and any(
            re.search(expansion, text) for kind, text in parts if kind == "string"):
        return ()
    raw = "r" in prefix.lower() or quote == "`" and not lang.expanding.count("`")
    return tuple((kind, text if kind == "name" or raw else
                  text.replace('""', '"') if "@" in prefix else _unescape(text, lang))
                 for kind, text in parts if text)


def _unescape(body: str, lang: Language) -> str:
    if lang.escape == "\\":
        return _C_ESCAPE.sub(_unescaped, body)
    return re.sub(re.escape(lang.escape) + r"(u\{[0-9A-Fa-f]{1,6}\}|.)", _unescaped, body, flags=re.DOTALL)


def _here_string(text: str, start: int, quote: str, lang: Language) -> tuple[str, int]:
    """PowerShell's here-string: the lines after the ``@'`` (``@"``) that ends its line, up to the
    line that starts with ``'@`` (``"@``); the line breaks at both ends are not its text."""
    opened = line_end(text, start) + 1
    found = re.compile("\n" + re.escape(quote[0]) + "@").search(text, opened - 1)
    close = found.start() if found is not None else len(text)
    body, end = text[opened:close] if close >= opened else "", (found.end() if found is not None else len(text))
    if quote[0] in lang.expanding and re.search(lang.expansion, body):
        return UNKNOWN, end
    return (_unescape(body, lang) if quote[0] == '"' else body), end


_HEREDOC = re.compile(r"<<<[ \t]*(['\"]?)([A-Za-z_]\w*)\1[ \t]*\r?\n")


def heredoc(text: str, at: int, lang: Language) -> tuple[str, int] | None:
    """PHP's heredoc (``<<<ID``, ``<<<"ID"``: a double-quoted string's escapes and expansions) or nowdoc
    (``<<<'ID'``: nothing escaped) opened at ``at``, and its end; None where none opens there. Its text is
    the lines up to the one the identifier closes, the closing line's indentation taken off each (PHP 7.3),
    the line break before it not its text."""
    opening = _HEREDOC.match(text, at)
    if opening is None:
        return None
    found = re.compile(r"\n([ \t]*)" + opening.group(2) + r"\b").search(text, opening.end() - 1)
    close = found.start() if found is not None else len(text)
    margin = found.group(1) if found is not None else ""
    lines = text[opening.end() : close].split("\n") if close >= opening.end() else []
    body = "\n".join(line[len(margin) :] if line.startswith(margin) else line.lstrip(" \t") for line in lines)
    end = found.end() if found is not None else len(text)
    if opening.group(1) == "'":
        return body, end
    return (UNKNOWN if re.search(lang.expansion, body) else _unescape(body, lang)), end


def line_string(text: str, at: int) -> tuple[str, int] | None:
    """Zig's multi-line string opened at ``at`` (``\\\\`` and the rest of its line, nothing escaped), and its end;
    None where none opens there. The lines that follow so opened are its text too, a line break between each (none
    after the last)."""
    if not text.startswith("\\\\", at):
        return None
    parts, end = [text[at + 2 : line_end(text, at)]], line_end(text, at)
    while (following := _LINE_STRING.match(text, end)) is not None:
        end = line_end(text, following.end())
        parts.append(text[following.end() : end])
    return "\n".join(parts), end


def quoted(text: str, at: int) -> tuple[str, int] | None:
    """OCaml's quoted string opened at ``at`` (``{|…|}``, ``{id|…|id}``: nothing escaped), and its end; None where
    none opens there."""
    opening = _QUOTED.match(text, at)
    if opening is None:
        return None
    end = text.find(f"|{opening.group(1)}}}", opening.end())
    return (text[opening.end() :], len(text)) if end < 0 else (text[opening.end() : end], end + len(opening.group()))


def character(text: str, at: int, lang: Language) -> tuple[str, int] | None:
    """The character literal at ``at`` (Erlang's ``$"``, ``$%``, OCaml's ``'"'``: a quote or a comment's mark
    that opens nothing), its escape undone as C's, and its end; None where none is there."""
    found = lang.char_literal.match(text, at) if lang.char_literal is not None else None
    return None if found is None else (_C_ESCAPE.sub(_unescaped, found.group("char")), found.end())


def delimited(text: str, at: int, raw: bool, lang: Language) -> tuple[str, int]:
    """A sigil's string (see :class:`Language`) delimited from ``at``: up to the matching bracket (brackets
    nested in it), or the same mark, one escaped by a backslash not closing it; raw (``~S``, ``%q``) or with the
    language's escapes and expansions."""
    opening = text[at]
    close, depth, end = DELIMITERS[opening], 0, at + 1
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
