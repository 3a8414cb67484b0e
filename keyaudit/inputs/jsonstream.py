"""A JSON document read one value at a time, each value with its place in the file.

A HAR of hundreds of megabytes is one JSON document, but what means something in it is an entry.
:class:`ValueStream` walks the outer structure of a document — the root object and the objects on
a chosen path of keys — with a scanner that sees only strings and brackets, and hands over every
other value as its own text with its place: each element of the array the path ends at, and each
other member passed on the way. Each is parsed alone, by the C decoder, so memory is bounded by
the largest value rather than the document, and a value that does not parse costs only itself.
Where the outer structure breaks, the rest of the input is handed over as bytes, to be read as
text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, BinaryIO, Generator, Iterator

from keyaudit.inputs.jsonpos import escape_pointer_token
from keyaudit.inputs.textwindow import READ_BYTES, Place, TextWindow

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_STRUCTURE = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}"]', re.S)  # a lone '"': a string not closed yet
_SPACE = re.compile(r"[ \t\r\n]*")
_SCALAR = re.compile(r"[^ \t\r\n,\]}]*")
_CLOSERS = {"{": "}", "[": "]"}
_AFTER_SCALAR = frozenset(" \t\r\n,]}")  # what ends a number or a literal
_KINDS = {"{": "an object", "[": "a list", '"': "a string", "t": "true", "f": "false", "n": "null",
          "": "missing (the input ends)"}  # what a value is, by its first character (else a number)
UNPARSED = object()  # Value.parsed when the scanner left the parsing to the reader


@dataclass(frozen=True)
class Value:
    """One value handed over: its RFC 6901 pointer, where its JSON text starts, and that text.

    ``parsed`` is the value already parsed when the scanner could do it on the way (it
    could for almost every value), else :data:`UNPARSED`. The text is ``held[start:end]``, the
    text read when the value was found: copied out only when asked for, as few values need it
    (a reader places its findings in it, or parses or reads it again), and a capture's bodies
    run to megabytes.
    """

    pointer: str
    place: Place
    parsed: Any
    held: str = field(repr=False)
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.held[self.start:self.end]


@dataclass(frozen=True)
class Broken:
    """The outer structure broke: from ``place`` on, nothing could be read as JSON values.
    ``message`` says where and how (it quotes no input); ``rest`` reads the input from
    ``place`` on, as bytes."""

    place: Place
    message: str
    rest: BinaryIO


class _Stop(Exception):
    """The structure broke: the input from ``start`` on is unreadable; ``at``/``why``: the first
    fault, when known (else the decoder is asked about the value at ``start``); ``message``: all
    there is to say, when the input is not even JSON that breaks."""

    def __init__(self, start: int, at: int | None = None, why: str | None = None, message: str | None = None) -> None:
        super().__init__(why)
        self.start, self.at, self.why, self.message = start, at, why, message


_NEAR_END = 8  # an escape cut by the window's end (``\u00``) is reported at its start


def _cut_short(error: json.JSONDecodeError) -> bool:
    """Whether the decoder failed because the text ends, not because it is wrong there: a string
    never closed, or a fault at the very end (reading on then either completes the value or
    moves the fault inside it)."""
    return error.msg.startswith("Unterminated string") or error.pos >= len(error.doc) - _NEAR_END


def _expected(found: str, what: str) -> str:
    return f"expected {what}" if found else "the input ends inside the document"


Steps = Generator[Value, None, int]  # yields values, returns the offset after what it read


class ValueStream:
    """The values of one JSON document whose root is an object, opened along ``path``.

    For ``path=("log", "entries")`` the members of ``log`` and of the root are handed over one by
    one, and ``log.entries`` element by element. Iterating yields :class:`Value` objects, then
    possibly one :class:`Broken`; :attr:`opened` says whether the array at the end of the path
    was found (a document without it is not the kind the caller wants).
    """

    def __init__(self, stream: BinaryIO, path: tuple[str, ...], read_bytes: int = READ_BYTES) -> None:
        self._window = TextWindow(stream, read_bytes)
        self._path = path
        self._decoder = json.JSONDecoder()
        self._last_size = 0  # characters of the last value handed over: the next is likely as long
        self.opened = False

    def __iter__(self) -> Iterator[Value | Broken]:
        try:
            start = self._skip(0)
            if self._char(start) != "{":
                raise _Stop(start, message="the document does not start with '{'")
            end = self._skip((yield from self._members(start + 1, 0, "")))
            if self._char(end):
                raise _Stop(end, end, "more data after the end of the document")
        except _Stop as stop:
            yield self._broken(stop)

    def _broken(self, stop: _Stop) -> Broken:
        window = self._window
        at, why = stop.at, stop.why
        if why is None or at is None:
            at, why = self._fault(stop.start)
        where = window.place(at)
        message = stop.message or f"not valid JSON at line {where.line}, column {where.column}: {why}"
        return Broken(window.place(stop.start), message, window.rest(stop.start))

    def _fault(self, start: int) -> tuple[int, str]:
        """The decoder's first complaint about the text from ``start``."""
        window = self._window
        try:
            self._decoder.raw_decode(window.text, start - window.base)
        except json.JSONDecodeError as exc:
            return window.base + exc.pos, exc.msg
        except (ValueError, RecursionError):
            pass
        return start, "a value whose brackets do not match"

    def _members(self, position: int, depth: int, pointer: str) -> Steps:
        position = self._skip(position)
        if self._char(position) == "}":
            return position + 1
        while True:
            if self._char(position) != '"':
                raise _Stop(position, position, _expected(self._char(position), "a key in double quotes"))
            key_end = self._string_end(position)
            try:
                key = json.loads(self._window.text[position - self._window.base : key_end - self._window.base])
            except ValueError:
                raise _Stop(position) from None
            position = self._skip(key_end)
            if self._char(position) != ":":
                raise _Stop(position, position, "expected ':' after a key")
            position = self._skip(position + 1)
            member = f"{pointer}/{escape_pointer_token(key)}"
            last = depth == len(self._path) - 1
            if depth < len(self._path) and key == self._path[depth]:
                if self._char(position) != ("[" if last else "{"):  # not read: it may be a string of gigabytes
                    raise _Stop(position, message=f"{'.'.join(self._path[:depth + 1])} is "
                                                  f"{_KINDS.get(self._char(position), 'a number')}, "
                                                  f"not {'a list' if last else 'an object'}")
                if last:
                    self.opened = True
                    position = yield from self._elements(position + 1, member)
                else:
                    position = yield from self._members(position + 1, depth + 1, member)
            else:
                position = yield from self._value(position, member)
            position = self._skip(position)
            following = self._char(position)
            if following == "}":
                return position + 1
            if following != ",":
                raise _Stop(position, position, _expected(following, "',' or '}' after a member"))
            position = self._skip(position + 1)

    def _elements(self, position: int, pointer: str) -> Steps:
        position = self._skip(position)
        index = 0
        while self._char(position) != "]":
            if self._char(position) == ",":  # an empty element (",,"): nothing in it to lose
                position = self._skip(position + 1)
                continue
            position = self._skip((yield from self._value(position, f"{pointer}/{index}")))
            index += 1
            following = self._char(position)
            if following == ",":
                position = self._skip(position + 1)
            elif following != "]":
                raise _Stop(position, position, _expected(following, "',' or ']' after an element"))
        return position + 1

    def _value(self, position: int, pointer: str) -> Steps:
        """Hand over the value at ``position``: parsed on the spot when it is whole in the
        window (the common case; one the window cuts short is parsed again once more is read),
        else — not valid JSON — found whole by its brackets and left to the reader."""
        window = self._window
        if not self._char(position):
            raise _Stop(position, position, "the input ends where a value should be")
        if not window.eof and len(window.text) - (position - window.base) < self._last_size:
            # Likely cut by the window's end: read on first. A parse the window cuts short costs
            # what it parsed, and the decoder's error counts the lines of the whole window.
            window.more(position)
        while True:
            index = position - window.base
            try:
                parsed, end = self._decoder.raw_decode(window.text, index)
            except json.JSONDecodeError as exc:
                if _cut_short(exc) and window.more(position):
                    continue
                parsed, end = UNPARSED, -1
            except (ValueError, RecursionError):
                parsed, end = UNPARSED, -1
            break
        if end < 0 or (window.text[index] not in '{["' and not window.eof
                       and window.text[end:end + 1] not in _AFTER_SCALAR):  # a number may go on: "1" of "1.5"
            stop = self._value_end(position)
            index = position - window.base
            parsed, end = self._parsed_whole(index, stop - window.base)
        self._last_size = end - index
        yield Value(pointer, window.place(position), parsed, window.text, index, end)
        return window.base + end

    def _parsed_whole(self, index: int, end: int) -> tuple[Any, int]:
        """The value at ``index``, now known to end at ``end``, parsed; UNPARSED when the
        decoder cannot take it (the reader says why)."""
        try:
            parsed, parsed_end = self._decoder.raw_decode(self._window.text, index)
        except (ValueError, RecursionError):
            return UNPARSED, end
        return (parsed if parsed_end == end else UNPARSED), end

    def _value_end(self, position: int) -> int:
        """Where the value at ``position`` ends, by its brackets and strings alone."""
        window = self._window
        first = self._char(position)
        if first == '"':
            return self._string_end(position)
        if first not in _CLOSERS:
            return self._scalar_end(position)
        openers: list[str] = []
        scanned = position
        while True:
            for match in _STRUCTURE.finditer(window.text, scanned - window.base):
                token = match.group()
                if token == '"':
                    break  # a string the window does not close yet
                scanned = window.base + match.end()
                if token in _CLOSERS:
                    openers.append(token)
                elif token in "]}":
                    if _CLOSERS[openers.pop()] != token:
                        raise _Stop(position)
                    if not openers:
                        return scanned
            else:
                scanned = window.base + len(window.text)
            if not window.more(position):
                raise _Stop(position)

    def _scalar_end(self, position: int) -> int:
        window = self._window
        while True:
            end = _SCALAR.match(window.text, position - window.base).end()
            if end < len(window.text) or not window.more(position):
                return window.base + end

    def _string_end(self, position: int) -> int:
        window = self._window
        while True:
            match = _STRING.match(window.text, position - window.base)
            if match is not None:
                return window.base + match.end()
            if self._char(position) != '"' or not window.more(position):
                raise _Stop(position)

    def _skip(self, position: int) -> int:
        """The offset of the first character after blanks from ``position`` on."""
        window = self._window
        while True:
            end = _SPACE.match(window.text, position - window.base).end()
            position = window.base + end
            if end < len(window.text) or not window.more(position):
                return position

    def _char(self, position: int) -> str:
        """The character at ``position`` ("" at the end of the input)."""
        window = self._window
        while position - window.base >= len(window.text):
            if not window.more(position):
                return ""
        return window.text[position - window.base]
