"""Arrays as PHP prints them — ``print_r``, ``var_export`` and ``var_dump`` (Xdebug's form too) —
read into the mappings and lists a JSON record gives, for the generic reconstructor (:mod:`.records`).

PHP code logs a request array these three ways far more than as JSON (a WordPress gateway's
``'Request: ' . print_r( $args, true )``, ``error_log( var_export( $args, true ) )``), and each
keeps the strings as they were, a signed body byte for byte:

- ``print_r``: ``Array``, then ``(`` on a line of its own, each entry ``[key] => value`` four
  blanks further in, ``)`` under the ``(``; a string runs to the next entry (over lines, as it
  is), a nested array's ``(`` is four blanks further than its entry, and an object's properties
  say their visibility (``[uri:protected]``);
- ``var_export``: ``array (``, entries ``'key' => value,`` (a string single-quoted, ``\\`` and
  ``'`` escaped and nothing else), ``)``; objects as ``\\Class::__set_state(array(…))`` or
  ``(object) array(…)``;
- ``var_dump``: ``array(<n>) {``, each key on a line (``["key"]=>``; Xdebug's ``'key' =>``), the
  value on the next, a string as ``string(<bytes>) "<bytes as they are>"`` — read by its length,
  since nothing in it is escaped;
- Symfony's VarDumper (``dump()``, Laravel's ``dd()``) on a console: ``array:<n> [``, an entry a
  line (``"key" => value``, no commas), ``]``; a string in double quotes with only its control
  characters escaped (``\n``, ``\t``, …) — so it runs to the last quote of its line —, one of
  several lines as a block between lines of three quotes, a line each, every line but the last ending in its ``\n``.

Whatever does not parse whole is no array: prose in parentheses is never read as one. What is read
is bounded as a JSON record's lines are.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from .lines import to_bytes
from .quoted import SINGLE_QUOTED

MAX_LINES = 400  # an array printed over more lines is not a request record
MAX_CHARS = 256 << 10
MAX_DEPTH = 16
_PRINT_R_TYPE = re.compile(r"(?:^|[\s:>])(?:Array|[A-Za-z_\\][\w\\]* Object)\Z")  # the line before print_r's `(`
_EXPORT_OPEN = re.compile(r"(?:^|[\s:>(])(array \()\Z")
_DUMP_OPEN = re.compile(r"(?:^|[\s:>])((?:array\(\d+\)|object\([\w\\]+\)#\d+ \(\d+\)) \{)\Z")
# VarDumper's, compiled at their first use (re's cache): its opening, its key, its escapes (its control
# characters', CliDumper::$controlCharsMap, then `\xHH`)
_VARDUMPER_OPEN = r"(?:^|[\s:>])(array:\d+ \[)\Z"
_VARDUMPER_ARRAY = r"array:\d+ \["
_VARDUMPER_KEY = r'"(.*?)" => |(-?\d+) => '
_VARDUMPER_ESCAPE = r"\\([tnvfre])|\\x([0-9A-F]{2})"
_VARDUMPER_CONTROL = {"t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r", "e": "\x1b"}
_VARDUMPER_WORDS = {"null": None, "true": True, "false": False}
_PRINT_R_ENTRY = re.compile(r"( *)\[(.*?)\] => ?(.*)\Z", re.DOTALL)
_PROPERTY = re.compile(r"(.*?)(?::protected|:[\w\\]+:private)\Z")
# a member's line as another printed array's reader may meet it (the anchor is on it)
_MEMBER = re.compile(r"""\[[^\]\n]*\] ?=>|'[^'\n]*' =>|(?:string|int|float|bool)\(""")
_BLANKS = " \t\r\n"
_NUMBER = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)(?:[Ee][+-]?\d+)?|-?INF|NAN")
_EXPORT_STRING = re.compile("'(" + SINGLE_QUOTED + ")'", re.DOTALL)
_EXPORT_ESCAPE = re.compile(r"\\([\\'])")  # all var_export escapes
_EXPORT_OBJECT = re.compile(r"\\?[\w\\]+::__set_state\(|\(object\) ")
_DUMP_KEY = re.compile(r"""\["(.*?)"(?::protected|:"[^"\n]*":private)?\] ?=>|\[(-?\d+)\] ?=>|'(.*?)' =>"""
                       r"""|(?:public|protected|private) \$(\w+) =>""")
# PHP's int has 19 digits at most, a string's length a dozen (Python turns no more than 4,300 into a number)
_DUMP_SCALAR = re.compile(r"int\((-?\d{1,19})\)|float\(([^)\n]*)\)|bool\((true|false)\)|NULL|enum\([^)\n]*\)"
                          r"|uninitialized\([^)\n]*\)|\*RECURSION\*")
_DUMP_CONTAINER = re.compile(r"(?:array\(\d+\)|object\([\w\\]+\)#\d+ \(\d+\)) \{")
_DUMP_STRING = re.compile(r"string\((\d{1,12})\) \"")


class _NotPrinted(Exception):
    """The text is not an array as PHP prints it."""


def printed_member(stripped: str) -> bool:
    """Whether a line (its blanks taken off) is an entry of a printed array: a key and ``=>``,
    or the value line of ``var_dump``'s entry."""
    return _MEMBER.match(stripped) is not None


def opens_printed_array(lines: list[tuple[int, str]], index: int) -> bool:
    """Whether line ``index`` opens a printed array: print_r's ``(`` under ``Array``, or a line
    ending in ``array (`` or in ``var_dump``'s ``array(<n>) {``."""
    text = lines[index][1].rstrip()
    if text.strip() == "(":
        return index > 0 and _PRINT_R_TYPE.search(lines[index - 1][1].rstrip()) is not None
    return text.endswith(("array (", "{", "[")) and _opening(text) is not None


def _opening(text: str) -> re.Match[str] | None:
    """The opening a line ends with: var_export's, var_dump's or VarDumper's."""
    if text.endswith("array ("):
        return _EXPORT_OPEN.search(text)
    if text.endswith("{"):
        return _DUMP_OPEN.search(text)
    return re.compile(_VARDUMPER_OPEN).search(text) if text.endswith(" [") and "array:" in text else None


def opening_depth(lines: list[tuple[int, str]], index: int) -> int:
    """How far in the array that opens on line ``index`` stands: print_r's ``(`` is further in
    than the entry whose value it is (``[headers] => Array``, the line above); the others open
    on their entry's line or the line after it, at its indentation."""
    at = index - 1 if lines[index][1].strip() == "(" else index
    text = lines[at][1]
    return len(text) - len(text.lstrip(" \t"))


def printed_array(lines: list[tuple[int, str]], opening: int) -> tuple[dict[str, Any] | list[Any], int] | None:
    """The array that opens on line ``opening`` (see :func:`opens_printed_array`) and the index
    of its last line; None when the lines are no whole printed array."""
    text = lines[opening][1].rstrip()
    try:
        if text.strip() == "(":
            is_object = opening > 0 and lines[opening - 1][1].rstrip().endswith(" Object")
            return _PrintR(lines, opening).array(opening, len(text) - len(text.lstrip(" ")), is_object, 0)
        found = _opening(text)
        if found is None:
            return None
        start = found.start(1)
        joined = "\n".join([text[start:], *(line for _, line in lines[opening + 1 : opening + MAX_LINES])])
        parser = _Parser(joined[:MAX_CHARS])
        read = {_EXPORT_OPEN: parser.export, _DUMP_OPEN: parser.dump}.get(found.re, parser.vardumper)
        value, end = read(0, 0)
    except (_NotPrinted, IndexError):
        return None
    return value, opening + joined.count("\n", 0, end)


class _PrintR:
    """``print_r``'s lines, read by their indentation: an entry's string runs over the lines up to
    the next entry at its depth, or its array's ``)``."""

    def __init__(self, lines: list[tuple[int, str]], first: int) -> None:
        self.texts = [text for _, text in lines[first : first + MAX_LINES]]
        self.first = first

    def array(self, at: int, indent: int, is_object: bool, depth: int) -> tuple[dict[str, Any] | list[Any], int]:
        """The array whose ``(`` is line ``at`` (``indent`` blanks in), and the index of its ``)``."""
        if depth > MAX_DEPTH:
            raise _NotPrinted
        closing, entry_indent = " " * indent + ")", indent + 4
        entries: list[tuple[str, Any]] = []
        index = at - self.first + 1
        texts = self.texts
        while texts[index] != closing:
            entry = _entry_at(texts[index], entry_indent)
            if entry is None:
                raise _NotPrinted
            key, value = entry.group(2), entry.group(3)
            if is_object and (visible := _PROPERTY.match(key)) is not None:
                key = visible.group(1)
            index += 1
            if _PRINT_R_TYPE.match(value) is not None and texts[index].strip() == "(":
                inner = len(texts[index]) - len(texts[index].lstrip(" "))
                found, end = self.array(self.first + index, inner, value != "Array", depth + 1)
                entries.append((key, found))
                index = end - self.first + 1
                index += texts[index] == ""  # the blank line print_r writes after a nested array
                continue
            rest = index
            while texts[rest] != closing and _entry_at(texts[rest], entry_indent) is None:
                rest += 1
            entries.append((key, "\n".join([value, *texts[index:rest]])))
            index = rest
        return _built(entries), self.first + index


def _entry_at(text: str, indent: int) -> re.Match[str] | None:
    """print_r's entry on the line (``[key] => value``, its blanks, key and value), where it
    stands ``indent`` blanks in; else None (a line of a string value, or a deeper entry)."""
    entry = _PRINT_R_ENTRY.match(text)
    return entry if entry is not None and len(entry.group(1)) == indent else None


class _Parser:
    """``var_export``'s and ``var_dump``'s text, read from its opening on."""

    def __init__(self, text: str) -> None:
        self.text = text

    def export(self, at: int, depth: int) -> tuple[Any, int]:
        """The ``var_export`` value at ``at`` and where it ends."""
        text = self.text
        at = self._blank(at)
        if depth > MAX_DEPTH:
            raise _NotPrinted
        if text.startswith("array (", at) or text.startswith("array(", at):
            return self._entries(text.index("(", at) + 1, ")", self._export_key, self.export, depth)
        if (typed := _EXPORT_OBJECT.match(text, at)) is not None:
            value, end = self.export(typed.end(), depth + 1)
            return value, end + (text[end] == ")" and typed.group().endswith("("))
        if (string := _EXPORT_STRING.match(text, at)) is not None:  # read at C speed: a body may be long
            return _EXPORT_ESCAPE.sub(r"\1", string.group(1)), string.end()
        for word, value in (("NULL", None), ("true", True), ("false", False)):
            if text.startswith(word, at):
                return value, at + len(word)
        number = _NUMBER.match(text, at)
        if number is None:
            raise _NotPrinted
        return _number(number.group()), number.end()

    def _export_key(self, at: int) -> tuple[str, int]:
        key, end = self.export(at, MAX_DEPTH)
        if not isinstance(key, (str, int)) or isinstance(key, bool):
            raise _NotPrinted
        end = self._blank(end)
        if not self.text.startswith("=>", end):
            raise _NotPrinted
        return str(key), end + 2

    def dump(self, at: int, depth: int) -> tuple[Any, int]:
        """The ``var_dump`` value at ``at`` and where it ends."""
        text = self.text
        at = self._blank(at)
        if depth > MAX_DEPTH:
            raise _NotPrinted
        if (string := _DUMP_STRING.match(text, at)) is not None:
            start, size = string.end(), int(string.group(1))
            value = to_bytes(text[start : start + size])[:size].decode("utf-8", "surrogateescape")
            end = start + len(value)
            if len(to_bytes(value)) != size or text[end] != '"':
                raise _NotPrinted  # cut short (Xdebug's max_data), or not this string's length
            return value, end + 1
        if (container := _DUMP_CONTAINER.match(text, at)) is not None:
            return self._entries(container.end(), "}", self._dump_key, self.dump, depth)
        scalar = _DUMP_SCALAR.match(text, at)
        if scalar is None:
            raise _NotPrinted
        whole, number, real, truth = scalar.group(), scalar.group(1), scalar.group(2), scalar.group(3)
        value = int(number) if number else _number(real) if real else truth == "true" if truth else \
            None if whole == "NULL" else whole
        return value, scalar.end()

    def vardumper(self, at: int, depth: int) -> tuple[Any, int]:
        """The VarDumper value at ``at`` and where it ends."""
        text = self.text
        at = self._blank(at)
        if depth > MAX_DEPTH:
            raise _NotPrinted
        if text.startswith("[]", at):
            return [], at + 2
        if (container := re.compile(_VARDUMPER_ARRAY).match(text, at)) is not None:
            return self._entries(container.end(), "]", self._vardumper_key, self.vardumper, depth)
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        if text.startswith('"""\n', at):  # a string of several lines: a line each, up to `"""` on its own
            close = text.find('"""', at + 4)
            if close < 0:
                raise _NotPrinted  # a block never closed (a log cut short): no string, not an error
            indent = close - text.rindex("\n", 0, close) - 1
            block = text[at + 4 : close].split("\n")[:-1]
            return _vardumper_text("".join(line[indent:] for line in block)), close + 3
        if text[at] == '"':
            last = text.rindex('"', at, line_end)
            if last == at:
                raise _NotPrinted
            return _vardumper_text(text[at + 1 : last]), last + 1
        word = text[at:line_end].strip()
        if word in _VARDUMPER_WORDS:
            return _VARDUMPER_WORDS[word], at + len(word)
        number = _NUMBER.match(text, at)
        if number is None:
            raise _NotPrinted
        return _number(number.group()), number.end()

    def _vardumper_key(self, at: int) -> tuple[str, int]:
        key = re.compile(_VARDUMPER_KEY).match(self.text, at)
        if key is None:
            raise _NotPrinted
        return next(group for group in key.groups() if group is not None), key.end()

    def _dump_key(self, at: int) -> tuple[str, int]:
        key = _DUMP_KEY.match(self.text, at)
        if key is None:
            raise _NotPrinted
        return next(group for group in key.groups() if group is not None), key.end()

    def _entries(self, at: int, closer: str, key_at: Callable[[int], tuple[str, int]],
                 value_at: Callable[[int, int], tuple[Any, int]], depth: int) -> tuple[dict[str, Any] | list[Any], int]:
        """The entries from ``at`` to the ``closer`` of their array, and where it ends."""
        entries: list[tuple[str, Any]] = []
        at = self._blank(at)
        while self.text[at] != closer:
            key, at = key_at(at)
            value, at = value_at(at, depth + 1)
            entries.append((key, value))
            at = self._blank(at)
            if self.text[at] == ",":
                at = self._blank(at + 1)
        return _built(entries), at + 1

    def _blank(self, at: int) -> int:
        while self.text[at] in _BLANKS:
            at += 1
        return at


def _vardumper_text(shown: str) -> str:
    """A string as VarDumper showed it, its control characters' escapes taken back."""
    return re.compile(_VARDUMPER_ESCAPE).sub(lambda escape: _VARDUMPER_CONTROL[escape.group(1)] if escape.group(1)
                                 else chr(int(escape.group(2), 16)), shown)


def _number(text: str) -> int | float | str:
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return text


def _built(entries: list[tuple[str, Any]]) -> dict[str, Any] | list[Any]:
    """A list when the keys count up from 0 (PHP prints a list as such an array), else a mapping."""
    if entries and all(key == str(number) for number, (key, _) in enumerate(entries)):
        return [value for _, value in entries]
    return dict(entries)
