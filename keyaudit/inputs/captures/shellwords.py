"""Shell command lines split into words, fed one physical line at a time.

A command is split into words the way a POSIX shell does it (quotes, ``$'…'``, backslash-newline
continuations, also ``^`` of cmd and the backtick of PowerShell at the end of a line), fed one
physical line at a time so a body quoted over many lines is read without holding the file. A
command written for cmd.exe (``cmd``) has its carets taken first: ``^`` makes the character after it
plain (``^"``, ``^{``, ``^%``), and ``^`` at the end of a line inside a quoted argument escapes the
line end, so the blank line after it is the line feed the argument holds (how Chrome's "Copy as
cURL (cmd)" writes a body of several lines); the quoting left is the C runtime's, which reads as
double quotes do here (``\"`` a quote).
:mod:`shlex` is not used because it keeps backslash-newline, knows no ``$'…'`` and cannot say
"this command goes on in the next line", which is what the line-by-line reading needs.
"""

from __future__ import annotations

import re

_ANSI_SIMPLE = {"a": "\a", "b": "\b", "e": "\x1b", "E": "\x1b", "f": "\f", "n": "\n", "r": "\r",
                "t": "\t", "v": "\v", "\\": "\\", "'": "'", '"': '"', "?": "?"}
_ANSI_NUMERIC = (("x", 16, 2), ("u", 16, 4), ("U", 16, 8))
_HEX = frozenset("0123456789abcdefABCDEF")
_OCTAL = frozenset("01234567")


def _byte_char(value: int) -> str:
    """A byte from an escape as the text stands for it: ASCII as itself, others as the
    surrogate ``surrogateescape`` turns back into that one byte (``$'\\xff'`` sends 0xFF)."""
    value &= 0xFF
    return chr(value) if value < 0x80 else chr(0xDC00 + value)


def _ansi_escape(text: str, index: int) -> tuple[str, int]:
    """The character(s) a ``$'…'`` escape at ``text[index] == '\\'`` stands for, and where the
    text goes on."""
    letter = text[index + 1] if index + 1 < len(text) else ""
    if letter in _ANSI_SIMPLE:
        return _ANSI_SIMPLE[letter], index + 2
    for prefix, base, width in _ANSI_NUMERIC:
        if letter == prefix:
            digits = _run(text, index + 2, width, _HEX)
            code = int(digits, base) if digits else -1
            if code < 0 or code > 0x10FFFF:
                return "\\" + letter, index + 2
            return (_byte_char(code) if prefix == "x" else chr(code)), index + 2 + len(digits)
    if letter in _OCTAL:
        digits = _run(text, index + 1, 3, _OCTAL)
        return _byte_char(int(digits, 8)), index + 1 + len(digits)
    if letter == "c" and index + 2 < len(text):
        return chr(ord(text[index + 2]) & 0x1F), index + 3
    return "\\" + letter, index + 1 + len(letter)


def _run(text: str, start: int, limit: int, allowed: frozenset[str]) -> str:
    end = start
    while end < len(text) and end - start < limit and text[end] in allowed:
        end += 1
    return text[start:end]


class InputFile(str):
    """The file the shell opens on a command's standard input (``< body.json``): no argument of
    the command, but what a tool that reads its input sends (HTTPie's body), so kept among its
    words, marked by its type."""


class ShellWords:
    """The words of one shell command, fed a physical line at a time.

    ``feed`` answers whether the command is complete: it ends at a newline outside quotes and
    without a continuation, or at an operator (``;``, ``&``, ``|``, ``)``), after which
    :attr:`rest` is where the rest of that line starts. Redirections and comments are dropped
    (but for the file an input is read from: :class:`InputFile`).
    """

    def __init__(self, in_backticks: bool = False, cmd: bool = False) -> None:
        self.words: list[str] = []
        self._cmd = cmd
        self._line_end_escaped = False  # cmd: the last line ended in `^` inside quotes
        self.rest: int | None = None
        self.size = 0
        self._in_backticks = in_backticks
        self._word: list[str] | None = None
        self._quote = ""  # "", "'", '"' or "$'"
        self._drop_next = False  # the next word is a redirection target
        self._input_next = False  # that target is the file the standard input is read from

    @property
    def in_quote(self) -> bool:
        return bool(self._quote)

    def feed(self, line: str, start: int = 0) -> bool:
        if self._cmd:
            if self._line_end_escaped and not line.strip():
                self._line_end_escaped = False
                return False  # the line feed a `^` escaped: the quoted argument holds it already
            line = line[:start] + re.sub(_CARET, r"\1", line[start:])
            self._line_end_escaped = line.endswith("^") and self._quote_after(line, start)
            line = line[:-1] if self._line_end_escaped else line
        self.size += len(line) - start
        text = line + "\n"
        index = start
        while index < len(text):
            step = self._quoted(text, index) if self._quote else self._plain(text, index)
            if step is None:
                return False  # continuation: the command goes on in the next line
            if step < 0:
                self._end_word()
                self.rest = -step - 1 if -step - 1 < len(line) else None
                return True
            index = step
        return False

    def _quote_after(self, line: str, start: int) -> bool:
        """Whether a quote is open at the end of ``line`` (cmd: where a ``^`` ends it), by the count of
        unescaped double quotes fed so far and in the line."""
        return self.in_quote != (len(re.compile(_CRT_QUOTE).findall(line, start)) % 2 == 1)

    def _append(self, chars: str) -> None:
        if self._word is None:
            self._word = []
        self._word.append(chars)

    def _end_word(self) -> None:
        if self._word is not None:
            if not self._drop_next:
                self.words.append("".join(self._word))
            elif self._input_next:
                self.words.append(InputFile("".join(self._word)))
            self._drop_next = self._input_next = False
            self._word = None

    def _quoted(self, text: str, index: int) -> int | None:
        """One step inside quotes; returns where to go on, or None for a continuation."""
        run = _QUOTED_RUN[self._quote].match(text, index)
        if run is not None and run.end() > index:
            self._append(run.group())
            return run.end()
        char = text[index]
        if char == "\\" and self._quote == "$'":
            decoded, index = _ansi_escape(text, index)
            self._append(decoded)
            return index
        if char == "\\" and self._quote == '"' and text[index + 1 : index + 2] in _DQUOTE_ESCAPES:
            if text[index + 1] == "\n":
                return None  # backslash-newline inside double quotes is a continuation too
            self._append(text[index + 1])
            return index + 2
        if char == "\\":
            self._append(char)
        else:
            self._quote = ""  # the closing quote
        return index + 1

    def _plain(self, text: str, index: int) -> int | None:
        """One step outside quotes; returns where to go on, None for a continuation, or
        :func:`_end` of where the rest of the line starts when the command ends."""
        run = _PLAIN_RUN.match(text, index)
        if run is not None and run.end() > index:
            self._append(run.group())
            return run.end()
        char = text[index]
        if char == "\n":
            return _end(index + 1)
        if char in " \t\r\f\v":
            self._end_word()
            return index + 1
        if char == "\\":
            if not text[index + 1 :].strip():
                return None  # trailing blanks after the backslash are forgiven
            self._append(text[index + 1])
            return index + 2
        return self._special(text, index)

    def _special(self, text: str, index: int) -> int | None:
        """Operators, redirections, quote openings, comments and line-end continuations."""
        char, following = text[index], text[index + 1 : index + 2]
        if (char == "`" and self._in_backticks) or char in ";&|)":
            return _end(index + 1 + (following == char))
        if char in "^`" and self._word is None and not text[index + 1 :].strip():
            return None  # cmd's ^ and PowerShell's ` continuation
        if char in "<>":
            return self._redirect(text, index)
        if char in "'\"" or (char == "$" and following == "'"):
            self._append("")
            self._quote = "$'" if char == "$" else char
            return index + 1 + (char == "$")
        if char == "#" and self._word is None:
            return _end(len(text))  # a comment runs to the end of the line
        self._append(char)
        return index + 1

    def _redirect(self, text: str, index: int) -> int:
        """Skip ``>file``, ``2>&1``: a redirection is not an argument of curl. The file of ``< input``
        is kept, marked (:class:`InputFile`), for a tool whose standard input is what it sends."""
        descriptor = "".join(self._word) if self._word is not None else ""
        if descriptor.isdigit():
            self._word = None  # the file descriptor in "2>"
        self._end_word()
        start, index = index, index + 1
        while index < len(text) and text[index] in "<>&":
            index += 1
        self._drop_next = True
        self._input_next = text[start:index] == "<" and descriptor in ("", "0")
        return index


def _end(position: int) -> int:
    """How ``_plain`` says "the command ended; the rest of the line starts at position"."""
    return -(position + 1)


_DQUOTE_ESCAPES = frozenset('$`"\\\n')  # what a backslash escapes inside double quotes
# cmd's, compiled at their first use (re's cache): its escape (the character after it, plain); a double quote no
# backslash escapes
_CARET, _CRT_QUOTE = r"\^(.)", r'(?<!\\)(?:\\\\)*"'
_PLAIN_RUN = re.compile(r"[^\s\\'\"$;&|)<>#^`]*")
_QUOTED_RUN = {"'": re.compile(r"[^']*"), '"': re.compile(r'[^"\\]*'), "$'": re.compile(r"[^'\\]*")}
