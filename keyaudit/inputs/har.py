"""HAR 1.2 captures read as HTTP, one entry at a time: every string of an entry, and its request.

Exporters disagree (Chrome, Firefox, Safari, Charles, Insomnia, mitmproxy; some omit
``version`` or ``creator``, some add ``_private`` keys), so only ``log.entries`` is required and
everything else is read when present. Response bodies marked ``encoding: base64`` are decoded
before scanning, since a key in a JSON response is as leaked as one in a request (not those a
scan takes for binary, images and fonts: nothing would be found in them).

A capture is streamed (:mod:`.jsonstream`): each entry, and each other member of ``log`` and of
the root, is parsed on its own, so a capture of any size is read in the memory of its largest
entry, and an entry that cannot be read costs that entry only. Where a string stands in the
file is worked out only for the strings a finding is in.
"""

from __future__ import annotations

import bisect
import io
import itertools
import math
from dataclasses import dataclass
from functools import cached_property
from typing import Any, BinaryIO, Iterator

from keyaudit.inputs.captures.lines import well_formed
from keyaudit.engine.binary_read import BinaryBudget
from keyaudit.engine.line_memo import LineStarts
from keyaudit.inputs.har_bodies import scanned_body
from keyaudit.inputs.jsonpos import SourceText, escape_pointer_token, literal_start, loads, pointer_tokens
from keyaudit.inputs.jsonstream import UNPARSED, Broken, Value, ValueStream
from keyaudit.model.numbers import plain_number

ENTRIES = ("log", "entries")
ALONE_CHARS = 1 << 16  # a string this long is a part of the joint text of its own
_ENTRY_POINTER = "/log/entries/"


class HarError(Exception):
    """The document is not a readable HAR; ``str()`` says where and why."""


class UnreadableValue(Exception):
    """An entry (or other member) that is not valid JSON; ``str()`` says where and why."""


# Where a string came from: its pointer, the string as parsed, the name before it.
_Place = tuple[str, str, str]


@dataclass(frozen=True)
class HarField:
    """A string to scan: its pointer and its text (where its literal stands is asked of its
    value by the pointer, for the few fields with a finding)."""

    pointer: str
    text: str
    prefix: str = ""  # "Name: " or "name=" before a header or parameter value, for context
    decoded: bytes | None = None  # a base64 body's bytes, scanned instead of its text

    @property
    def decoded_from_base64(self) -> bool:
        return self.decoded is not None

    @property
    def scanned(self) -> bytes:
        """What the rules see: the value after the name it belongs to, or a body's bytes."""
        return self.decoded if self.decoded is not None else scannable(self.prefix + self.text)


def scannable(text: str) -> bytes:
    """The UTF-8 bytes the rules scan: the file's own bytes back (``surrogateescape``), and a
    lone surrogate from a ``\\ud800`` escape, which stands for no character, as U+FFFD."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return well_formed(text).encode("utf-8", "surrogateescape")


def _entry_index(pointer: str) -> int | None:
    index = pointer[len(_ENTRY_POINTER):] if pointer.startswith(_ENTRY_POINTER) else ""
    return plain_number(index)


class HarValue:
    """One entry of ``log.entries``, or another member of the document, parsed on its own."""

    def __init__(self, value: Value, budget: BinaryBudget | None = None) -> None:
        self.pointer = value.pointer
        self._budget = budget  # what binary bodies may be read to, in all (a commit hook's)
        self.entry = _entry_index(value.pointer)
        self._value, self.place = value, value.place
        self.root = value.parsed if value.parsed is not UNPARSED else self._parsed()
        self._in_headers = "/headers/" in self.pointer + "/"  # a value under a "headers" member
        self._starts: dict[str, int] = {}  # where the literals asked for start, by pointer
        self._lines: dict[str, LineStarts] = {}  # the lines of the fields with findings, by pointer
        self._walk: _Walk | None = None  # the walk of the joint text, kept to find its fields by
        self._encoded: dict[int, tuple[str, bytes]] = {}  # its long strings and their bytes, by identity

    @cached_property
    def text(self) -> str:
        """The value's JSON text, copied out of what the stream read only for the few values
        that need it: one with something to place, or to be parsed or read again."""
        return self._value.text

    @cached_property
    def _source(self) -> SourceText:
        """Lines and columns of the value's text, for the few values with something to place: in the text the
        stream read it in, not copied out."""
        value = self._value
        return SourceText(value.held, self.place.line, self.place.column, value.start, value.end)

    def _parsed(self) -> Any:
        try:
            return loads(self.text)
        except ValueError as exc:
            where = self._source.line_column(self._value.start + (getattr(exc, "pos", 0) or 0))
            why = getattr(exc, "msg", "a value the JSON decoder refuses")
            raise UnreadableValue(f"{self.pointer}: not valid JSON at line {where[0]}, column {where[1]}: {why}") \
                from None
        except RecursionError:
            raise UnreadableValue(f"{self.pointer}: JSON nested too deeply to read") from None

    def encoded(self, text: str) -> bytes:
        """``scannable(text)`` of one of the value's strings (the string itself, held by the value): a long one (a
        body the request and the joint text both need) is encoded once; two copies of a body of 50 MB were 50 MB
        more of a capture's peak memory."""
        if len(text) < ALONE_CHARS:
            return scannable(text)
        if id(text) not in self._encoded:
            self._encoded[id(text)] = (text, scannable(text))  # the string kept: its identity is not taken again
        return self._encoded[id(text)][1]

    def joint_parts(self) -> list[bytes]:
        """What the rules see in every field, one field a line, as the parts of a text joined by
        line breaks (the strings, then each body decoded from base64): the cheap way, without
        pointers, to learn whether any field can hold a finding. In parts, so that a batch's
        texts are joined once, not copied again for each value (bodies run to megabytes); a
        long string is a part of its own, encoded from itself, not from a copy joined first."""
        walk = self._walk = _Walk(self.root, self._in_headers, budget=self._budget)
        texts = walk.texts
        if sum(map(len, texts)) < ALONE_CHARS:
            return [scannable("\n".join(texts)), *walk.bodies]
        parts, run = [], 0  # a long text (a body) encoded alone: joined with the others, it was copied once more
        for index, text in enumerate(texts):
            if len(text) >= ALONE_CHARS:
                if run < index:
                    parts.append(scannable("\n".join(texts[run:index])))
                parts.append(self.encoded(text))
                run = index + 1
        if run < len(texts):
            parts.append(scannable("\n".join(texts[run:])))
        return [*parts, *walk.bodies]

    @property
    def bodies_cut(self) -> tuple[int, int]:
        """Binary bodies of the last :meth:`joint_parts` read only as far as the bound on binary content, and those
        a commit hook's budget left nothing of to read."""
        return (self._walk.bodies_cut, self._walk.bodies_unread) if self._walk is not None else (0, 0)

    def fields_hit(self, hits: list[tuple[int, int]]) -> list[HarField]:
        """The fields that ``hits`` (spans, ends included, in the text of :meth:`joint_parts`)
        overlap, with their pointers, in document order (a body right after its text). Only
        these are walked to again with pointers: an entry with a hit has few such fields."""
        walk = self._walk or _Walk(self.root, self._in_headers)
        sizes = [len(text) if text.isascii() else len(scannable(text)) for text in walk.texts]
        sizes += map(len, walk.bodies)
        starts = list(itertools.accumulate((size + 1 for size in sizes), initial=0))
        parts: set[int] = set()  # texts first, then bodies, as in the joint text
        for hit_start, hit_end in hits:
            part = bisect.bisect_right(starts, hit_start, 0, len(sizes)) - 1
            while 0 <= part < len(sizes) and starts[part] <= hit_end:
                parts.add(part)
                part += 1
        if not parts:
            return []
        count = len(walk.texts)
        text_of = {part: part if part < count else walk.body_texts[part - count] for part in parts}
        places = _Walk(self.root, self._in_headers, self.pointer, frozenset(text_of.values())).places or {}
        fields = []
        for part in sorted(parts, key=lambda part: (text_of[part], part)):  # a body's part comes after its text's
            pointer, text, prefix = places[text_of[part]]
            fields.append(HarField(pointer, text, prefix) if part < count else
                          HarField(pointer, text, "", walk.bodies[part - count]))
        return fields

    def line_column(self, pointer: str, decoded_offset: int = 0) -> tuple[int, int]:
        """Line and column in the file of a character of the string at ``pointer``."""
        start = self._starts.get(pointer)
        if start is None:
            value = self._value
            start = self._starts[pointer] = literal_start(value.held, pointer_tokens(pointer[len(self.pointer):]),
                                                          value.start, value.end)
        return self._source.line_column(self._source.source_offset(start, decoded_offset))

    def scanned_lines(self, field: HarField) -> LineStarts:
        """Where the lines of ``field``'s text as scanned (after its prefix) start: listed once for all its
        findings, each placed by its line and column there."""
        lines = self._lines.get(field.pointer)
        if lines is None:
            lines = self._lines[field.pointer] = LineStarts(field.prefix + field.text)
        return lines

    def url_place(self) -> tuple[int, int]:
        """Line and column of the request URL's literal: where request findings point."""
        return self.line_column(f"{self.pointer}/request/url")


class _AllPlaced(Exception):
    """A walk for places found every string it was asked for."""


class _Walk:
    """What a walk over a value found: every string as the rules see it (``texts``), in document
    order, the bytes of base64 bodies (``bodies``) with the index in ``texts`` of each one's text
    (``body_texts``); or, when given a pointer, where the strings of ``wanted`` indices came from
    (``places``: pointer, the string as parsed, the name before it), bodies not decoded again,
    and nothing walked past the last of them (``texts`` then ends there).

    A name/value pair's value is read after its name: ``Authorization: Basic …`` and
    ``api_token=…`` are what rules recognise, not the bare value."""

    def __init__(self, root: Any, in_headers: bool, pointer: str | None = None,
                 wanted: frozenset[int] = frozenset(), budget: BinaryBudget | None = None) -> None:
        self.texts: list[str] = []
        self.bodies: list[bytes] = []
        self.bodies_cut = self.bodies_unread = 0  # binary bodies read only as far as the bound; of none of it
        self._budget = budget
        self.body_texts: list[int] = []
        self.places: dict[int, _Place] | None = None if pointer is None else {}
        self._wanted = wanted
        try:
            if type(root) is str:
                if self.places is not None and 0 in wanted:
                    self._place(self.places, (pointer or "", root, ""))
                self.texts.append(root)
            elif type(root) is dict or type(root) is list:
                self._strings(root, pointer, in_headers, None)
        except _AllPlaced:  # the strings after the last one wanted need no pointer
            pass

    def _place(self, places: dict[int, _Place], place: _Place) -> None:
        """Note in ``places`` where the walk's next string came from; stop the walk once every
        string wanted is placed (most are in an entry's request, before its response and body)."""
        places[len(self.texts)] = place
        if len(places) == len(self._wanted):
            raise _AllPlaced

    def _strings(self, node: dict[str, Any] | list[Any], pointer: str | None, in_headers: bool, key: object) -> None:
        """The strings under ``node`` (the value of ``key``). This is the hottest loop of a HAR
        scan, written flat: exact type tests (the decoder makes nothing else), pointers built
        only when asked for (most entries need only what the rules see), and a base64 body,
        which few strings are, the only call out."""
        texts, places = self.texts, self.places
        if type(node) is list:
            for index, value in enumerate(node):
                kind = type(value)
                if kind is str:
                    if places is not None and len(texts) in self._wanted:
                        self._place(places, (f"{pointer}/{index}", value, ""))
                    texts.append(value)
                elif kind is dict or kind is list:
                    self._strings(value, None if places is None else f"{pointer}/{index}", in_headers, index)
            return
        for name, value in node.items():  # type: ignore[union-attr]
            kind = type(value)
            if kind is str:
                prefix = ""
                if name == "value":
                    label = node.get("name")  # type: ignore[union-attr]
                    if type(label) is str:
                        prefix = label + (": " if in_headers else "=")
                if places is not None:
                    if len(texts) in self._wanted:
                        self._place(places, (f"{pointer}/{escape_pointer_token(name)}", value, prefix))
                elif name == "text" and key == "content" and \
                        str(node.get("encoding", "")).lower() == "base64":  # type: ignore[union-attr]
                    self._body(value, node.get("mimeType"))  # type: ignore[union-attr]
                texts.append(prefix + value if prefix else value)
            elif kind is dict or kind is list:
                self._strings(value, None if places is None else f"{pointer}/{escape_pointer_token(name)}",
                              in_headers or name == "headers", name)

    def _body(self, text: str, mime_type: object) -> None:
        """A base64 body, decoded, of the string about to be the walk's next, unless it holds
        nothing to scan."""
        body = scanned_body(text, mime_type, self._budget)
        if body is not None:
            self.bodies.append(body.data)
            self.body_texts.append(len(self.texts))
            self.bodies_unread += body.unread
            self.bodies_cut += body.cut and not body.unread


@dataclass(frozen=True)
class Unreadable:
    """Part of a capture that could not be read as HAR: which (a pointer, or where the document
    broke), why, and its text, to be read as plain text."""

    part: str
    message: str
    data: BinaryIO
    line: int
    column: int


def read_har(stream: BinaryIO, share: tuple[float, float] | None = None,
             budget: BinaryBudget | None = None) -> Iterator[HarValue | Unreadable]:
    """The values of a HAR capture, entry by entry, and the parts that could not be read; with
    ``share``, only those that start in that range of its text (the capture is still parsed from
    its start, for the places and the entries' numbers, and no further than the range); binary bodies read as far
    as ``budget`` lets.

    Raises :class:`HarError` when the input is not a HAR at all — not JSON, or no
    ``log.entries`` list — so that the caller reads it as text; this can come after values
    were handed over (a capture whose entries list never comes).
    """
    start, end = share or (0, math.inf)
    values = ValueStream(stream, ENTRIES)
    for item in values:
        if isinstance(item, Broken) and not values.opened:
            raise HarError(item.message)
        if not start <= item.place.offset < end:
            if isinstance(item, Broken) or (values.opened and item.place.offset >= end):
                return
            continue
        if isinstance(item, Broken):
            yield Unreadable(f"line {item.place.line} on",
                             f"{item.message}; read as plain text from line {item.place.line} on",
                             item.rest, item.place.line, item.place.column)
            return
        try:
            value: HarValue | Unreadable = HarValue(item, budget)
        except UnreadableValue as exc:
            value = Unreadable(item.pointer, f"{exc}; read as plain text", io.BytesIO(scannable(item.text)),
                               item.place.line, item.place.column)
        yield value
    if not values.opened:
        raise HarError("not a HAR document: no log.entries list")
