"""Messages in protocol buffers' text format, read into the mappings and lists a JSON record gives, for
the generic reconstructor (:mod:`.records`).

A service whose outbox (or queue, or RPC) carries a request as a protobuf message logs it as the
message prints itself: Python's ``str(message)`` and ``text_format.MessageToString``, C++'s
``DebugString()``, Go's ``prototext.Format``, Java's ``TextFormat.printer().printToString`` all write
the text format (protobuf.dev, "Text Format Language Specification"):

- a field a line, ``name: value``: a string in double (or single) quotes with C's escapes — a byte
  that is no printable ASCII in octal (``\\303``), so the bytes of a ``bytes`` field are read as
  they were —, adjacent strings joined; a number; an enum's or a truth value's identifier;
- a message field ``name {`` (a colon before the brace or not; ``<`` … ``>`` too), its fields
  indented below, ``}`` at its own depth; a repeated field once for each value, or ``name: [a, b]``;
- a map, one ``name { key: … value: … }`` entry a key: a list of ``{key, value}`` objects however
  many entries it has, which the reconstructor reads as one object (:func:`.record_views.pairs_object`);
- the message itself in no brackets: its fields from a line at the margin a log's line or a blank
  ends, at the depth of the first.

A run of such lines is read where one of them is a field whose name says the method (``method``,
``http_method``, …) and the run parses whole: prose with colons is never read as one. What is read is
bounded as a JSON record's lines are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterator

from keyaudit.model.exchange import Exchange, Origin

from .lines import NOTHING
from .quoted import NEWLINE, escaped
from .records import METHOD, request_of
from .record_views import role

MAX_RECORD_LINES = 400  # a message printed over more lines is not a request record
MAX_DEPTH = 16
MAP_ENTRY = frozenset({"key", "value"})  # a map entry's fields: a map prints as a list of them
_NAME = r"[A-Za-z_]\w{0,255}"  # a field's name
_IN_DOUBLE, _IN_SINGLE = escaped('"', NEWLINE), escaped("'", NEWLINE)  # unrolled: see .quoted
_STRING = rf"\"{_IN_DOUBLE}\"|'{_IN_SINGLE}'"
# a line as the printers write one: a field with a scalar value (a string in double quotes, a number, an identifier)
# or a list of them; a message field's opening; or the closing of one — no separator after it (a JavaScript
# object's lines, `method: 'post',`, are none: util.inspect's)
_PRINTED_STRING = rf"\"{_IN_DOUBLE}\""
_LINE = re.compile(rf"( *)(?:({_NAME})(?:: *(?:{_PRINTED_STRING}(?: *{_PRINTED_STRING})*|[-+]?[\w.+-]+"
                   rf"|\[[^\]\n]*\])| *:? *[{{<])|[}}>]) *")
_TOKEN = re.compile(rf"\s*(?:(?P<string>{_STRING})|(?P<mark>[:{{}}<>\[\],;])|(?P<word>[-+]?[\w.+-]+))")
_ESCAPE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.DOTALL)
_NAMED_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "a": "\a", "b": "\b", "f": "\f", "v": "\v", "\\": "\\",
                  "'": "'", '"': '"', "?": "?"}
_CLOSING = {"{": "}", "<": ">"}


class _Malformed(Exception):
    """The text is no message in the text format."""


@dataclass
class _Run:
    line: int
    depth: int  # the indentation of the message's own fields
    lines: list[str] = field(default_factory=list)
    named: bool = False  # whether one of its fields names a method


class TextFormatReader:
    """Runs of text-format lines (see the module), each read as one message when it ends."""

    capture = "protobuf-text"

    def __init__(self, path: str) -> None:
        self.path = path
        self._run: _Run | None = None

    @property
    def busy(self) -> bool:
        """Whether a run of text-format lines is being read."""
        return self._run is not None

    def feed(self, number: int, text: str) -> Iterator[Exchange]:
        if self._run is None and ":" not in text:
            return NOTHING
        return self._fed(number, text)

    def _fed(self, number: int, text: str) -> Iterator[Exchange]:
        run = self._run
        found = _LINE.fullmatch(text)
        if run is not None and (found is None or len(found.group(1)) < run.depth or len(run.lines) >= MAX_RECORD_LINES):
            self._run = None
            if len(run.lines) < MAX_RECORD_LINES:
                yield from self._exchange(run)
            run = None
        if found is None or found.group(2) is None and run is None:
            return
        if run is None:
            run = self._run = _Run(number, len(found.group(1)))
        run.lines.append(text)
        run.named = run.named or (found.group(2) is not None and role(found.group(2)) in METHOD)

    def close(self) -> Iterator[Exchange]:
        run, self._run = self._run, None
        return self._exchange(run) if run is not None else NOTHING

    def _exchange(self, run: _Run) -> Iterator[Exchange]:
        if not run.named:
            return
        record = message("\n".join(run.lines))
        exchange = request_of(record, Origin(self.path, run.line, capture=self.capture)) if record else None
        if exchange is not None:
            yield exchange


def message(text: str) -> dict[str, Any] | None:
    """The message ``text`` holds whole in the text format, as a mapping, or None."""
    tokens = [(found.lastgroup, found.group(found.lastgroup)) for found in _TOKEN.finditer(text)]
    if "".join(found.group() for found in _TOKEN.finditer(text)).strip() != text.strip():
        return None  # a character no token holds
    try:
        fields, at = _fields(tokens, 0, 0)
    except (_Malformed, IndexError):
        return None
    return fields if at == len(tokens) and fields else None


def _fields(tokens: list[tuple[str | None, str]], at: int, depth: int, closing: str | None = None
            ) -> tuple[dict[str, Any], int]:
    """The fields from ``tokens[at]`` to ``closing`` (or the end), and where they end."""
    if depth > MAX_DEPTH:
        raise _Malformed(at)
    fields: dict[str, Any] = {}
    while at < len(tokens) and tokens[at] != ("mark", closing):
        kind, name = tokens[at]
        if kind != "word":
            raise _Malformed(at)
        at += 1
        colon = tokens[at] == ("mark", ":")
        at += colon
        kind, said = tokens[at]
        if kind == "mark" and said in _CLOSING:
            value, at = _fields(tokens, at + 1, depth + 1, _CLOSING[said])
            at += 1
        elif not colon:
            raise _Malformed(at)
        elif kind == "mark" and said == "[":
            value, at = _list(tokens, at + 1, depth)
        else:
            value, at = _scalar(tokens, at)
        _add(fields, name, value)
        if at < len(tokens) and tokens[at] in (("mark", ","), ("mark", ";")):
            at += 1
    if closing is not None and at >= len(tokens):
        raise _Malformed(at)
    return fields, at


def _list(tokens: list[tuple[str | None, str]], at: int, depth: int) -> tuple[list[Any], int]:
    items: list[Any] = []
    while tokens[at] != ("mark", "]"):
        kind, said = tokens[at]
        if kind == "mark" and said in _CLOSING:
            value, at = _fields(tokens, at + 1, depth + 1, _CLOSING[said])
            items.append(value)
            at += 1
        else:
            value, at = _scalar(tokens, at)
            items.append(value)
        if tokens[at] == ("mark", ","):
            at += 1
    return items, at + 1


def _scalar(tokens: list[tuple[str | None, str]], at: int) -> tuple[Any, int]:
    kind, said = tokens[at]
    if kind == "word":
        return said, at + 1
    if kind != "string":
        raise _Malformed(at)
    pieces = []
    while at < len(tokens) and tokens[at][0] == "string":
        pieces.append(_unescaped(tokens[at][1][1:-1]))
        at += 1
    return b"".join(pieces).decode("utf-8", "surrogateescape"), at


def _unescaped(literal: str) -> bytes:
    """The bytes a string literal's text stands for: C's escapes undone, an octal or hex escape a byte."""
    out = bytearray()
    last = 0
    for escape in _ESCAPE.finditer(literal):
        out += literal[last : escape.start()].encode("utf-8", "surrogateescape")
        octal, hexa, short, long, char = escape.groups()
        if octal or hexa:
            out.append(int(octal, 8) & 0xFF if octal else int(hexa, 16))
        elif short or long:
            out += chr(int(short or long, 16)).encode("utf-8", "surrogatepass")
        elif char in _NAMED_ESCAPES:
            out += _NAMED_ESCAPES[char].encode()
        else:
            raise _Malformed(escape.start())
        last = escape.end()
    return bytes(out + literal[last:].encode("utf-8", "surrogateescape"))


def _add(fields: dict[str, Any], name: str, value: Any) -> None:
    """Add a field; one repeated makes a list, and a map's entries are one however many there are."""
    entry = isinstance(value, dict) and set(value) <= MAP_ENTRY and "key" in value
    if name not in fields:
        fields[name] = [value] if entry else value
    elif isinstance(fields[name], list) and (entry or not isinstance(value, list)):
        fields[name].append(value)
    else:
        fields[name] = [fields[name], value]
