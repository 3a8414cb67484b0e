"""Node.js objects as ``util.inspect`` prints them: the ``config`` of an axios error logged whole.

``console.error(error)`` on an axios error prints the request it made as a ``config: {`` block
(axios's request config): ``method``, ``url`` (with ``baseURL`` when the call gave a path),
``headers`` as an ``AxiosHeaders`` object and ``data``, the body as sent. That block is a record,
not a dump: its fields are read into one and handed to the generic reconstructor
(:func:`~.records.request_of`), which knows these names. Only the block being read is held, and
it is given up past :data:`~keyaudit.model.exchange.REQUEST_SPAN_LINES` lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from keyaudit.model.exchange import REQUEST_SPAN_LINES, Exchange, Origin

from .lines import MAX_HEADERS, NOTHING, has_scheme, python_literal
from .quoted import QUOTED
from .records import request_of

_KEY = rf"(?:{QUOTED}|[A-Za-z_$][\w$-]*)"
_OPEN = re.compile(r"(\s*)config: \{\s*$")
_FIELD = re.compile(rf"(\s*)({_KEY}): (.*)")  # its value without the blanks and the comma after it: see _field
_PAIR = re.compile(rf"({_KEY}): ({QUOTED}|-?\d+(?:\.\d+)?)")
_OBJECT = re.compile(r"(?:[\w$]+ )?(?:\[[\w$]+\] )?\{")  # `{`, `Object [AxiosHeaders] {`, `AxiosHeaders {`
_CLOSE = re.compile(r"\s*\},?\s*$")


@dataclass
class _Block:
    line: int
    indent: int
    fields: dict[str, object] = field(default_factory=dict)
    nested: tuple[str, int] | None = None  # the object field being read, and its indentation


class InspectReader:
    """``config: {`` blocks, from their opening line to the ``}`` at its indentation."""

    capture = "axios"
    cues = ("config: {",)  # resting, a line that opens no block is passed over (see :mod:`.reader_gate`)

    def __init__(self, path: str) -> None:
        self.path = path
        self._block: _Block | None = None

    def feed(self, number: int, text: str) -> Iterator[Exchange]:
        if self._block is None and "config: {" not in text:
            return NOTHING
        return self._fed(number, text)

    def _fed(self, number: int, text: str) -> Iterator[Exchange]:
        block = self._block
        if block is None or number - block.line > REQUEST_SPAN_LINES:
            opened = _OPEN.match(text) if "config: {" in text else None
            self._block = _Block(number, len(opened.group(1))) if opened else None
            return
        indent = len(text) - len(text.lstrip())
        if indent <= block.indent:  # the block's closing brace, or it was cut off
            self._block = None
            if _CLOSE.fullmatch(text):
                yield from self._exchange(block)
            return
        self._field(block, text, indent)

    @property
    def busy(self) -> bool:
        """Whether a ``config: {`` block is being read."""
        return self._block is not None

    @property
    def resting(self) -> bool:
        return self._block is None

    def close(self) -> Iterator[Exchange]:
        self._block = None
        return iter(())

    @staticmethod
    def _field(block: _Block, text: str, indent: int) -> None:
        if block.nested is not None:
            name, depth = block.nested
            if indent <= depth:
                block.nested = None if _CLOSE.fullmatch(text) else block.nested
                return
            pair = _PAIR.match(text.strip())
            inner = block.fields.setdefault(name, {})
            if pair is not None and isinstance(inner, dict) and len(inner) < MAX_HEADERS:
                inner[_key(pair.group(1))] = _value(pair.group(2))
            return
        found = _FIELD.fullmatch(text)
        if found is None:
            return
        # the blanks and the comma ending the line cut off in Python: a lazy value before them, tried at each blank of
        # a run and reading the run on from each, cost its length squared (40 KB of blanks took 4 s)
        name, value = _key(found.group(2)), found.group(3).rstrip()
        value = value[:-1] if value.endswith(",") else value
        if _OBJECT.fullmatch(value):
            block.nested = (name, indent)
        elif value.startswith(_OBJECT_INLINE) and value.endswith("}"):  # an object short enough for one line
            block.fields[name] = {_key(pair.group(1)): _value(pair.group(2)) for pair in _PAIR.finditer(value)}
        elif (string := re.fullmatch(QUOTED, value)) is not None:
            block.fields[name] = _text(string.group())

    def _exchange(self, block: _Block) -> Iterator[Exchange]:
        fields = block.fields
        url, base = fields.get("url"), fields.get("baseURL")
        if isinstance(url, str) and not has_scheme(url) and isinstance(base, str) and has_scheme(base):
            fields["url"] = base.rstrip("/") + "/" + url.lstrip("/")
        exchange = request_of(fields, Origin(self.path, block.line, capture=self.capture))
        if exchange is not None:
            yield exchange


_OBJECT_INLINE = ("{", "Object [", "AxiosHeaders {")


def _key(text: str) -> str:
    return _text(text) or "" if text[:1] in "'\"" else text


def _text(literal: str) -> str | None:
    """A JavaScript string literal's value (its escapes are Python's), or None."""
    value = python_literal(literal)
    return value if isinstance(value, str) else None


def _value(literal: str) -> str:
    return (_text(literal) or "") if literal[:1] in "'\"" else literal
