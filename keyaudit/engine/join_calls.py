"""A join call's literal arguments read as the literal the call returns: ``concat!("ab", "cd")`` (Rust),
``String.join("", "ab", "cd")`` (Java), ``"".join(["ab", "cd"])`` (Python), ``['ab', 'cd'].join('')``
(JavaScript), ``strings.Join([]string{"ab", "cd"}, "")`` (Go), ``listOf("ab", "cd").joinToString("")``
(Kotlin), ``CONCAT('ab', 'cd')`` (SQL) and ``-join @('ab', 'cd')`` (PowerShell) are ``"abcd"``: a long key
cut in pieces the way code cuts one to pass a push-time scanner or a line length limit. Only the commas
between a call's literals go, every other byte keeping where it came from; a comma anywhere else (an
argument list, a JSON array) is left as written. The engines report the calls' openers as concatenation
markers (:data:`keyaudit.engine.encodings.CONCAT_MARKERS`).
"""

from __future__ import annotations

import re

from keyaudit.engine.unwrap import CONCATENATION, Origin, substitute

# Two or more literals of one quote, commas between (a call's arguments may go on over lines).
_LITERALS = rb"(?:\"[^\"\n]*\"(?:[ \t]*,\s{0,40}\"[^\"\n]*\")+|'[^'\n]*'(?:[ \t]*,\s{0,40}'[^'\n]*')+)"
_EMPTY = rb"(?:\"\"|'')"
# After the call's opener (the separator given first, or the empty string a list is joined by: `", ".join([…])` keeps
# its commas; the list on the opener's line or the next), or inside a list joined by the empty string: an array
# (JavaScript), a Go slice literal given to strings.Join, a Kotlin list (or array) made to a string.
_CALL = re.compile(rb"(?:concat!\(|CONCAT\(|-join[ \t]*@\(|\.join\([ \t]*" + _EMPTY + rb"[ \t]*,|" + _EMPTY
                   + rb"\.join\(\s{0,40}\[)\s{0,40}("
                   + _LITERALS + rb")|\[[ \t]*(" + _LITERALS + rb")[ \t]*\]\.join\([ \t]*" + _EMPTY + rb"[ \t]*\)"
                   + rb"|\[\]string\{\s{0,40}(" + _LITERALS + rb"),?\s{0,40}\}[ \t]*,[ \t]*" + _EMPTY + rb"[ \t]*\)"
                   + rb"|(?:listOf|arrayOf)\(\s{0,40}(" + _LITERALS + rb"),?\s{0,40}\)\.joinToString\([ \t]*"
                   + _EMPTY + rb"[ \t]*\)")
_COMMA = re.compile(rb"([\"'])[ \t]*,\s{0,40}\1")


def joined_arguments(data: bytes) -> tuple[bytes, Origin] | None:
    """``data`` with the commas between each join call's literal arguments taken out (``"ab", "cd"`` is
    ``"abcd"``), and the origin of every byte; None when it holds no such call."""
    spans = [match.span(next(group for group in range(1, 5) if match[group] is not None))
             for match in _CALL.finditer(data)]
    if not spans:
        return None
    return substitute(data, _COMMA, lambda comma: b"" if any(
        start <= comma.start() < end for start, end in spans) else None)


def goes_on(data: bytes, end: int) -> bool:
    """Whether the line ending at ``data[end]`` (its newline) goes on into the next one as one literal: its last
    literal joined to the next line's first (a concatenation across the break, as
    :func:`~keyaudit.engine.unwrap.concatenation` joins them, or a join call's next literal argument after a
    comma), or a backslash ending it."""
    start = data.rfind(b"\n", 0, end) + 1
    quote = max(data.rfind(b'"', start, end), data.rfind(b"'", start, end), data.rfind(b"`", start, end))
    if quote >= 0 and any((match := join.match(data, quote)) is not None and match.end() > end
                          for join in (CONCATENATION, _COMMA)):
        return True
    return data[start:end].rstrip(b"\r").endswith(b"\\")
