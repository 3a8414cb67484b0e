"""PowerShell command lines split into words, fed one physical line at a time.

PowerShell's grammar is not a POSIX shell's: a backtick escapes (```n`` a line feed, ```"`` a
quote) and, at a line's end, continues the command; ``"…"`` expands ``$variables`` and
``$(subexpressions)`` and doubles a quote to write one, ``'…'`` doubles its quote and expands
nothing; ``@"``/``@'`` open a here-string closed by ``"@``/``'@`` at a line's start; ``@{ k = v;
… }`` is a hash literal (one word: its pairs), ``( … )`` an expression (one word). A command goes
on while a quote or a bracket is open, and ends at a line's end, ``|`` or ``;``.

What the command computes is not known here: a variable, a call, a subexpression other than
``$([char]N)`` (how Chrome's "Copy as PowerShell" writes a character outside printable ASCII)
is :data:`UNKNOWN`, and so is a string that expands one. An expression is known when it only
turns one string into its bytes (``[System.Text.Encoding]::UTF8.GetBytes("…")``): the string.
A variable holding a session made just above the command (``$s = New-Object
Microsoft.PowerShell.Commands.WebRequestSession``, no headers added to it) stays ``$name``.
"""

from __future__ import annotations

import re

from keyaudit.model.exchange import UNKNOWN

_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "e": "\x1b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_CHAR = r"(?i)\$\(\s*\[char\]\s*(\d{1,7})\s*\)"
_VARIABLE = r"\$(?:\{[^}]*\}|[\w:?^$]+)"
# (the string as long as it goes to a last character not blank, the blanks before it taken once: a lazy string
# tried at each blank of a run, the run before it given back a blank at a time, cost the run's length cubed)
_BYTES_OF = r"(?si)\s*\[(?:System\.)?Text\.Encoding\]::\w+\.GetBytes\(\s*+(?P<string>(?:.*\S)?)\s*\)\s*"
_BARE = r"[^\s`\"'(){};|]+"
_NUMBER = r"[-+]?\d[\d.]*"
_KEY = r"[^\s=;}\"'`]+"
_OPEN, _CLOSE = "({[", ")}]"
# The patterns are compiled at their first use (re's cache): most scans meet no PowerShell.
_SESSION_MADE = r"(?i)\s*\$(\w+)\s*=\s*New-Object\s+(?:Microsoft\.PowerShell\.Commands\.)?WebRequestSession\s*$"
_SESSION_USED = r"\$(\w+)\.(?!UserAgent\b)"


def made_sessions(line: str, sessions: frozenset[str]) -> frozenset[str]:
    """The web sessions made with no headers after ``line``: one it makes (``$s = New-Object
    …WebRequestSession``) joins ``sessions``; one it does more with than set the user agent (its
    headers, cookies, credentials) leaves them."""
    if "WebRequestSession" in line and (made := re.match(_SESSION_MADE, line)) is not None:
        return sessions | {made.group(1)}
    return sessions - set(re.findall(_SESSION_USED, line)) if sessions and "$" in line else sessions


class PowerShellWords:
    """The words of one PowerShell command, fed a physical line at a time (as
    :class:`.shellwords.ShellWords` is: ``feed`` says whether the command is complete, :attr:`rest`
    where the rest of its last line starts)."""

    def __init__(self, fresh_sessions: frozenset[str] = frozenset()) -> None:
        self.words: list[str | list[tuple[str, str]]] = []
        self.rest: int | None = None
        self.size = 0
        self._fresh = fresh_sessions
        self._text: list[str] = []
        self._quote = ""  # "", '"', "'", '@"' or "@'"
        self._depth = 0

    @property
    def in_quote(self) -> bool:
        return bool(self._quote)

    def feed(self, line: str, start: int = 0) -> bool:
        self.size += len(line) - start
        end = self._scan(line, start)
        if end is None:
            self._text.append(line[start:])
            return False
        self._text.append(line[start:end])
        self.words = _words("\n".join(self._text), self._fresh)
        self.rest = end + 1 if end + 1 < len(line) and line[end] in "|;" else None  # a comment ends the line
        return True

    def _scan(self, line: str, start: int) -> int | None:
        """Where the command ends in ``line`` (its length at the line's end), or None when it goes on."""
        index = start
        if self._quote in ('@"', "@'"):
            if not line.startswith(self._quote[1] + "@"):
                return None
            self._quote, index = "", 2
        while index < len(line):
            char = line[index]
            if self._quote:
                if char == "`" and self._quote == '"':
                    index += 1
                elif char == self._quote and line[index + 1 : index + 2] == char:
                    index += 1
                elif char == self._quote:
                    self._quote = ""
            elif char == "`":
                if not line[index + 1 :].strip():
                    return None
                index += 1
            elif char in "\"'":
                here = line[index - 1 : index] == "@" and not line[index + 1 :].strip()
                self._quote = "@" + char if here else char
                if here:
                    return None
            elif char in _OPEN:
                self._depth += 1
            elif char in _CLOSE:
                self._depth = max(0, self._depth - 1)
            elif char == "#" and self._depth == 0 and (index == start or line[index - 1].isspace()):
                return index  # a comment: the command ends before it
            elif char in "|;" and self._depth == 0:
                return index
            index += 1
        return None if self._quote or self._depth else len(line)


def _words(text: str, fresh: frozenset[str]) -> list[str | list[tuple[str, str]]]:
    words: list[str | list[tuple[str, str]]] = []
    index = _blank(text, 0)
    while index < len(text):
        word, index = _word(text, index, fresh)
        words.append(word)
        index = _blank(text, index)
    return words


def _blank(text: str, index: int) -> int:
    """Past blanks, line ends and backtick continuations."""
    while index < len(text) and (text[index].isspace() or (text[index] == "`" and text[index + 1 : index + 2] == "\n")):
        index += 1
    return index


def _word(text: str, index: int, fresh: frozenset[str]) -> tuple[str | list[tuple[str, str]], int]:
    """One word from ``index`` on and where the text goes on."""
    if text.startswith("@{", index):
        return _hash(text, index + 2, fresh)
    char = text[index]
    if char in "\"'" or text.startswith(('@"', "@'"), index):
        return _string(text, index)
    if char in _OPEN:
        end = _closing(text, index)
        found = re.compile(_BYTES_OF).fullmatch(text, index + 1, end - 1)
        if found is not None and found.group("string")[:1] in "\"'@":
            value, after = _string(text, found.start("string"))
            return (value if after == found.end("string") else UNKNOWN), end
        return UNKNOWN, end
    bare = re.compile(_BARE).match(text, index)
    end = bare.end() if bare is not None and bare.end() > index else index + 1
    word = text[index:end]
    if word.startswith("$"):
        return (word if word[1:] in fresh else UNKNOWN), end
    return word, end


def _closing(text: str, index: int) -> int:
    """Where the bracket open at ``index`` closes (past it), quotes inside passed over."""
    depth, at = 0, index
    while at < len(text):
        char = text[at]
        if char in "\"'":
            at = _string(text, at)[1]
            continue
        depth += (char in _OPEN) - (char in _CLOSE)
        at += 1
        if depth == 0:
            break
    return at


def _string(text: str, index: int) -> tuple[str, int]:
    """A quoted string's value (:data:`UNKNOWN` where it expands what is not known) and its end."""
    here = text[index] == "@"
    quote = text[index + here]
    if here:  # the lines between the opening line and `"@` at a line's start
        body_start = text.find("\n", index) + 1
        close = text.find("\n" + quote + "@", body_start - 1)
        end = len(text) if close < 0 else close + 3
        raw = text[body_start : max(body_start, close)]
        return (raw if quote == "'" else _expanded(raw)), end
    at, pieces = index + 1, []
    while at < len(text):
        char = text[at]
        if char == quote and text[at + 1 : at + 2] == quote:
            pieces.append(quote)
            at += 2
        elif char == quote:
            at += 1
            break
        elif char == "`" and quote == '"':
            pieces.append("`" + text[at + 1 : at + 2])
            at += 2
        else:
            pieces.append(char)
            at += 1
    raw = "".join(pieces)
    return (raw if quote == "'" else _expanded(raw)), at


def _expanded(raw: str) -> str:
    """A double-quoted string's text (its doubled quotes undone) with its escapes and the
    characters ``$([char]N)`` writes; :data:`UNKNOWN` where it expands a variable or a call."""
    out, at = [], 0
    while at < len(raw):
        char = raw[at]
        if char == "`" and at + 1 < len(raw):
            out.append(_ESCAPES.get(raw[at + 1], raw[at + 1]))
            at += 2
            continue
        if char == "$":
            if (found := re.compile(_CHAR).match(raw, at)) is not None:
                out.append(chr(int(found.group(1)) % 0x110000))
                at = found.end()
                continue
            if raw[at + 1 : at + 2] == "(" or re.compile(_VARIABLE).match(raw, at):
                return UNKNOWN
        out.append(char)
        at += 1
    return "".join(out)


def _hash(text: str, index: int, fresh: frozenset[str]) -> tuple[list[tuple[str, str]], int]:
    """A hash literal's pairs (after its ``@{``), each value a string, a number or :data:`UNKNOWN`
    (what a variable, an expression or a command gives); an entry that is no ``key = value`` is
    passed over."""
    pairs: list[tuple[str, str]] = []
    while True:
        while index < len(text) and (text[index].isspace() or text[index] in ";`"):
            index += 1
        if index >= len(text) or text[index] == "}":
            return pairs, index + 1
        if text[index] in "\"'":
            key, index = _string(text, index)
        else:
            bare = re.compile(_KEY).match(text, index)
            key, index = (bare.group(), bare.end()) if bare is not None else ("", index + 1)
        index = _blank(text, index)
        if text[index : index + 1] != "=":
            continue
        at = _blank(text, index + 1)
        value, index = _word(text, at, fresh)
        if text[at : at + 1] not in "\"'@" and not re.fullmatch(_NUMBER, str(value)):
            value = UNKNOWN  # a bare word there calls a command (`sign $body`)
        if key and key != UNKNOWN:
            pairs.append((key, value if isinstance(value, str) and not value.startswith("$") else UNKNOWN))
