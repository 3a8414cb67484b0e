"""The inside of a quoted string with backslash escapes, as a regular expression that reads a long
string in one step.

Written ``(?:[^"\\]|\\.)*`` — a repeat of an alternation — the pattern makes Python's ``re`` keep
a backtracking record for every character it passes: a JSON string of 1 MiB (the longest line the
readers see) held 114 MB while one pattern matched it, and took eight times as long. Unrolled — a
run of plain characters, then each escape with the run after it — the engine keeps a record only
for each escape. Both match the same strings and try their ends in the same order (no string
splits into their parts in two ways), so a pattern gives the same matches with either.

And a quoted string's content with its escapes undone, as the languages that print one so write them; and the
text of bytes written in hex.
"""

from __future__ import annotations

import re

from keyaudit.engine.quoted_cells import DOUBLED_QUOTED


def escaped(quote: str, also: str = "") -> str:
    """A regular expression for what stands between two ``quote`` characters (``"`` or ``'``) in a
    string whose backslash escapes any character; ``also``: more characters the string cannot hold
    (``\\n`` where it may not span lines)."""
    plain = rf"[^{quote}\\{also}]*"
    return rf"{plain}(?:\\.{plain})*"


DOUBLE_QUOTED = escaped('"')  # the inside of a "…" string
SINGLE_QUOTED = escaped("'")  # the inside of a '…' string
QUOTED = rf"'{SINGLE_QUOTED}'|\"{DOUBLE_QUOTED}\""  # a whole '…' or "…" string, its quotes too
NEWLINE = r"\n"  # for ``also``: a string that ends with its line
# A string whose quote doubled stands for one and nothing else is escaped: RFC 4180's quoted cell, as a CSV export
# writes one (Kibana's, Splunk's); C#'s verbatim string
_DOUBLED = re.compile(DOUBLED_QUOTED)
# the last quote of a text that a backslash does not escape (none before it, or pairs of them): the last that may
# close a string
_LAST_CLOSER = {quote: re.compile(rf"(?s:.*)(?<!\\)(?:\\\\)*{quote}") for quote in "\"'"}
_ESCAPE = re.compile(r"""\\(?:u\{([0-9A-Fa-f]{1,6})\}|u([0-9A-Fa-f]{4})|x([0-9A-Fa-f]{2})|([0-7]{1,3})|(.))""", re.DOTALL)
_SIMPLE = {"n": "\n", "r": "\r", "t": "\t", "e": "\x1b", "a": "\x07", "b": "\b", "f": "\f", "v": "\v", "s": " "}
# A pair of surrogates (two ``\\uXXXX`` escapes of one character), or one that is half of none and no byte the
# opener's ``surrogateescape`` stands for (those are \\udc80 to \\udcff): no character, and no text a line holds
_SURROGATES = re.compile("([\ud800-\udbff])([\udc00-\udfff])|[\ud800-\udc7f\udd00-\udfff]")


def closable(text: str) -> str:
    """``text`` with every quote past the last that may close a string made a blank (of the same
    length: what stands where is unchanged). A string begun at such a quote reads on to the text's
    end and fails, and so does one begun at the next: a line of escaped quotes read so (``\\"``
    repeated) was read to its end from each, its square; blanked, each is passed over."""
    if "\\" not in text:
        return text  # every quote may close a string: at most the last fails
    for quote in "\"'":
        last = _LAST_CLOSER[quote].match(text)
        end = last.end() if last is not None else 0
        if text.find(quote, end) >= 0:
            text = text[:end] + text[end:].replace(quote, " ")
    return text


def doubled(text: str, start: int) -> str | None:
    """The text of the string that opens at ``text[start]`` with its doubled quotes undone (see :data:`_DOUBLED`),
    or None where it doubles none: a CSV cell is a quoting layer as a JSON string is, and what it holds may be a
    record (a log's message, a JSON object with quotes of its own)."""
    found = _DOUBLED.match(text, start)
    return None if found is None or '""' not in found.group(1) else found.group(1).replace('""', '"')


def unescaped(body: str) -> str:
    """A quoted string's content with its backslash escapes undone, as Ruby, Elixir, Go, Java
    and JavaScript write them: ``\\xHH`` above ASCII is the byte it names (kept as the opener's
    ``surrogateescape`` keeps an undecodable byte), ``\\uXXXX`` pairs are joined (a surrogate that pairs with none
    is U+FFFD), ``\\#`` (Ruby's guard before ``{``) and any other escaped character stand for that character."""
    if "\\" not in body:
        return body
    text = _ESCAPE.sub(_escape, body)
    return _SURROGATES.sub(_character, text)


def _character(surrogates: re.Match[str]) -> str:
    """The character a pair of surrogates encodes; for a lone one, U+FFFD, which a UTF-8 encoder writes for it (Node's
    ``Buffer.from``, what an ``http`` request sends of ``'\\ud800'``)."""
    if surrogates.group(1) is None:
        return "\ufffd"
    return surrogates.group().encode("utf-16", "surrogatepass").decode("utf-16")


def _escape(match: re.Match[str]) -> str:
    braced, unit, byte, octal, other = match.groups()
    if braced or unit:
        code = int(braced or unit, 16)
        return chr(code) if code <= 0x10FFFF else "\ufffd"
    if byte or octal:
        code = int(byte, 16) if byte else int(octal, 8) & 0xFF
        return chr(code) if code < 0x80 else chr(0xDC00 + code)
    return _SIMPLE.get(other, other)


def hex_bytes(digits: str) -> str | None:
    """The bytes that hex ``digits`` write (blanks between them passed over), as the text the
    readers hold of bytes: decoded as the opener decodes a file, so that encoding it back gives the
    bytes sent; None for an odd count of digits."""
    try:
        return bytes.fromhex(digits).decode("utf-8", "surrogateescape")
    except ValueError:
        return None
