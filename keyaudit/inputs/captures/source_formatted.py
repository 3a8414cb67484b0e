"""Strings a call composes by a documented rule (see :mod:`.source_composed`): a format string filled in
(printf's ``%s`` — PHP's ``sprintf``, Go's ``fmt.Sprintf``, Java's ``String.format``, Ruby's ``format`` and
``"%s/x" % base``, Python's ``"%s/x" % BASE``; the numbered or empty braces of Python's ``"{}/x".format(BASE)`` and
.NET's ``string.Format("{0}/x", Base)``) and a reference resolved against a base by RFC 3986 (Python's ``urljoin(BASE,
"transfers")``, Ruby's ``URI.join``, the WHATWG ``new URL("transfers", base)``). Each is how code that keeps its base
URL in one place writes its calls' URLs, as often as a template or a join.

Only a call whose every argument is known (a literal, or what the group binds a name to) and whose format holds
nothing but plain conversions is composed; a width, a precision, a named field (``{amount:.2f}``, ``%05d``) or an
argument the code computes leaves the call what it was: its URL unknown.
"""

from __future__ import annotations

import re
from typing import Callable
from urllib.parse import urljoin

from .source_tokens import Token

# calls that fill in a printf format given first, by their name's last part (`fmt.Sprintf`, `String.format`)
_PRINTF_CALLS = frozenset({"sprintf", "Sprintf", "format"})
_BRACE_CALLS = frozenset({"String.Format", "string.Format"})  # .NET's, numbered braces
_JOIN_CALLS = frozenset({"urljoin", "parse.urljoin", "urllib.parse.urljoin", "URI.join"})  # (base, reference)
_PRINTF = re.compile(r"%(?:%|[svdi])|%")  # a plain conversion, `%%`, or any other (then not composed)
# a member that gives a composed URL's text: Ruby's `URI.join(…).to_s`, the WHATWG URL's `.href`, `.toString()`
_AS_TEXT = frozenset({"to_s", "href", "toString", "ToString", "String", "AbsoluteUri", "toExternalForm"})
_BRACES = re.compile(r"\{\{|\}\}|\{(\d*)\}|[{}]")  # an escape, an empty or numbered field, or any other


def formatted(found: list[Token], known: Callable[[Token], str | None]) -> list[Token] | None:
    """``found`` with each call that composes a string (see the module) of arguments ``known`` gives the text of,
    written as one string token whose parts are the call's pieces, its literals first (its place is where the first
    is written: the format, or the path joined); None where there is none."""
    written: list[Token] = []
    at, changed = 0, False
    while at < len(found):
        end, text = _call(found, at, known)
        if text is None:
            written.append(found[at])
            at += 1
            continue
        end = _as_text(found, end)
        pieces = [(token.kind, token.text) for token in found[at + (found[at].kind == "name"):end]
                  if token.kind in ("name", "string")]
        pieces.sort(key=lambda part: part[0] != "string")
        written.append(Token("string", text, found[at].line, tuple(pieces)))
        at, changed = end, True
    return written if changed else None


def _call(found: list[Token], at: int, known: Callable[[Token], str | None]) -> tuple[int, str | None]:
    """Where the composing call at ``at`` ends, and the string it makes (None where none starts there)."""
    token = found[at]
    following = found[at + 1].text if at + 1 < len(found) else ""
    if token.kind == "string" and following in (".", "%") and (template := known(token)) is not None:
        if following == "." and at + 2 < len(found) and found[at + 2].text == "format":  # "{}/x".format(…)
            end, args = _arguments(found, at + 3, known)
            return end, None if args is None else _filled(template, args)
        if following == "%":  # Python's and Ruby's "%s/x" % BASE, "%s/%s" % (a, b)
            given = _arguments if at + 2 < len(found) and found[at + 2].text == "(" else _operand
            end, args = given(found, at + 2, known)
            return end, None if args is None else _printf(template, args)
        return at, None
    if token.kind != "name" or following != "(":
        return at, None
    kind = _kind(token.text, at > 0 and found[at - 1].text == "new")
    if kind is None:
        return at, None
    end, args = _arguments(found, at + 1, known)
    receiver, _, method = token.text.rpartition(".")
    if args is not None and method == "format" and receiver not in ("", "String"):  # `template.format(BASE)`
        template = known(Token("name", receiver, token.line))  # (a date's `now.format("YYYY")`: none)
        return end, None if template is None else _filled(template, args)
    return end, None if args is None else _fill(kind, args)


def _kind(name: str, constructed: bool) -> str | None:
    """How a call so named composes its arguments: ``braces``, ``printf``, ``join`` (base, reference), ``url``
    (reference, base: WHATWG's constructor); None where it composes none."""
    if name in _BRACE_CALLS:
        return "braces"
    if name.rpartition(".")[2] in _PRINTF_CALLS:
        return "printf"
    if name in _JOIN_CALLS:
        return "join"
    return "url" if name == "URL" and constructed else None


def _fill(kind: str, args: list[str]) -> str | None:
    """The string a call of ``kind`` (see :func:`_kind`) composes of ``args``; None where they do not fit it."""
    if kind == "braces" and args:
        return _braced(args[0], args[1:])
    if kind == "printf" and args:
        return _printf(args[0], args[1:])
    if kind in ("join", "url") and len(args) == 2:
        base, reference = args if kind == "join" else args[::-1]
        return urljoin(base, reference) if kind == "join" or "://" in base else None
    return None


def _as_text(found: list[Token], end: int) -> int:
    """Past the member that gives the text of a URL composed up to ``end`` (``.to_s``, ``.toString()``), if any:
    the text is the URL."""
    if end + 1 < len(found) and found[end].text == "." and found[end + 1].text in _AS_TEXT:
        end += 2
        if [token.text for token in found[end:end + 2]] == ["(", ")"]:
            end += 2
    return end


def _arguments(found: list[Token], at: int, known: Callable[[Token], str | None]) -> tuple[int, list[str] | None]:
    """Where the bracketed arguments at ``at`` (an opening ``(``) end, and each one's text; None where one is not a
    single known token (a call, an expression, a label)."""
    if at >= len(found) or found[at].text != "(":
        return at, None
    args: list[str] = []
    at += 1
    while at < len(found) and found[at].text != ")":
        end, given = _operand(found, at, known)
        if given is None or end >= len(found) or found[end].text not in (",", ")"):
            return at, None
        args += given
        at = end + (found[end].text == ",")
    return at + 1, args if at < len(found) else None


def _operand(found: list[Token], at: int, known: Callable[[Token], str | None]) -> tuple[int, list[str] | None]:
    """The one token at ``at`` as an argument: its text where ``known`` gives one and no operator or call follows."""
    if at >= len(found) or (text := known(found[at])) is None:
        return at, None
    following = found[at + 1].text if at + 1 < len(found) and found[at + 1].kind == "punct" else ""
    return (at + 1, [text]) if following in ("", ",", ")", ";") else (at, None)


def _filled(template: str, args: list[str]) -> str | None:
    """A ``.format`` template filled: braces where it has any (Python's), else printf's conversions (Kotlin's)."""
    return _braced(template, args) if "{" in template else _printf(template, args)


def _printf(template: str, args: list[str]) -> str | None:
    """``template``'s plain conversions filled with ``args`` in order; None where it holds any other, or the
    arguments are more or fewer than its conversions."""
    pending, out = iter(args), []
    at = 0
    for found in _PRINTF.finditer(template):
        out.append(template[at:found.start()])
        if found.group() == "%%":
            out.append("%")
        elif found.group() == "%" or (value := next(pending, None)) is None:
            return None
        else:
            out.append(value)
        at = found.end()
    out.append(template[at:])
    return "".join(out) if next(pending, None) is None else None


def _braced(template: str, args: list[str]) -> str | None:
    """``template``'s empty or numbered braces filled with ``args``; None where it holds any other field, or names
    an argument it is not given."""
    out, at, auto = [], 0, 0
    for found in _BRACES.finditer(template):
        out.append(template[at:found.start()])
        if found.group() in ("{{", "}}"):
            out.append(found.group()[0])
        elif found.group(1) is None:
            return None
        else:
            index = int(found.group(1)) if found.group(1) else auto
            auto += 1
            if index >= len(args):
                return None
            out.append(args[index])
        at = found.end()
    out.append(template[at:])
    return "".join(out)
