"""The label table (:mod:`.label_shapes`) compiled for its reader (:mod:`.labelled`): each shape's
labels as patterns read in one place of a line, the shapes' first labels found by one search, and
what a label's groups hold undone from the quoting a shape writes them in.

A table entry is checked as it is compiled: its keys, its list kind, a first label that gives a
part of a request, and fields that are read at the line's start or at their needle, never searched
for along a line (see :meth:`Label.match`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable

from .dump_lines import (blank_list, colon_list, dictionary_list, map_list, piped_list, printed_list, quoted_list,
                         tuples_list)
from .label_fields import FIELD_LABEL_SHAPES
from .label_files import FILE_LABEL_SHAPES
from .label_messages import MESSAGE_LABEL_SHAPES
from .label_shapes import LABEL_SHAPES
from .lines import python_literal
from .literal_search import any_literal

PARTS = ("method", "url", "target", "host", "scheme")
# HTTP/2 writes the request line's parts as pseudo-header fields (RFC 9113, 8.3.1)
PSEUDO_PARTS = {"method": "method", "path": "target", "authority": "host", "scheme": "scheme"}
_LISTS: dict[str, Callable[[str], list[tuple[str, str]]]] = {"map": map_list, "quoted": quoted_list,
                                                              "blanks": blank_list, "dictionary": dictionary_list,
                                                              "piped": piped_list, "colons": colon_list,
                                                              "tuples": tuples_list, "printed": printed_list}
_UNSAID = frozenset({"POST", "PUT", "PATCH"})  # a method a request with a body is sent with by a client's default
_OPENING = frozenset({*PARTS, "pseudo", "begin"})  # the groups that give a part, or say one begins
_KEYS = frozenset({"capture", "labels", "list", "quoted", "close", "indent", "margin", "lined", "head", "after",
                   "others", "unsaid"})
_LOOKING_BACK = re.compile(r"^(?:\\b|\(\?<!?[^)]*\))+")  # what a field may check before its needle
_UNESCAPED = re.compile(r"\\(.)")


@dataclass(frozen=True)
class Label:
    """One label of a shape (see :mod:`.label_shapes`)."""

    needle: str
    field: re.Pattern[str]
    names_headers: bool  # its line says which headers were sent
    start: bool  # the field is read at the line's start (a ^ field), else where the needle first appears

    def match(self, text: str) -> re.Match[str] | None:
        """The field on a line, read in one place: the line's start or where the needle first
        appears. Never searched for along the line: a line repeating the label would have a field
        reaching the line's end (``.*`` then what must follow it) tried once for each repeat,
        reading the rest of the line each time — a line of a megabyte taking minutes."""
        at = text.find(self.needle)
        if at < 0:
            return None
        return self.field.match(text) if self.start else self.field.match(text, at)


@dataclass(frozen=True)
class LabelShape:
    """How one library labels a request's fields: what the reader needs of a table entry."""

    capture: str
    labels: tuple[Label, ...]
    listed: Callable[[str], list[tuple[str, str]]]  # how a headers group lists them
    quoted: bool  # the groups are the insides of quoted strings
    close: str  # what closes the body at a line's end
    indent: str  # before each of the body's lines, not sent
    margin: bool  # the body's lines are indented as its label's line is, that indentation not sent
    ended: bool  # an end label closes the body
    lined: bool  # each line of the body carries its label line's log prefix
    head: bool  # its headers end as an HTTP head's do: at a blank line after them
    after: bool  # its headers come after the body: the request goes on past it
    others_end: bool  # a line that is none of its labels (nor the body's) ends the request
    unsaid: str | None  # the method of a request that shows a body, where the shape writes none (GET without one)


def shape_of(entry: dict[str, object]) -> LabelShape:
    """One entry of the table compiled, checked (see the module); a ValueError says what is wrong."""
    labels = entry.get("labels")
    if (set(entry) - _KEYS or entry.get("list", "map") not in _LISTS or not isinstance(labels, dict)
            or entry.get("after", "yes") != "yes" or entry.get("others", "end") != "end"):
        raise ValueError(f"label table: entry {entry.get('capture')!r}: keys {sorted(entry)} (known: {sorted(_KEYS)}), "
                         f"labels not a mapping, a list not one of {sorted(_LISTS)}, after not yes or others not end")
    built = tuple(Label(needle, pattern := re.compile(field), bool({"name", "headers"} & set(pattern.groupindex)),
                        _at_start(str(entry.get("capture")), needle, field)) for needle, field in labels.items())
    if not built or _OPENING.isdisjoint(built[0].field.groupindex) or entry.get("unsaid", "POST") not in _UNSAID:
        raise ValueError(f"label table: entry {entry.get('capture')!r}: its first label gives no part of a request, "
                         f"or its unsaid method is none of {sorted(_UNSAID)}")
    return LabelShape(str(entry["capture"]), built, _LISTS[str(entry.get("list", "map"))],
                      entry.get("quoted") == "yes", str(entry.get("close", "")), str(entry.get("indent", "")),
                      entry.get("margin") == "yes",
                      any("end" in label.field.groupindex for label in built), entry.get("lined") == "yes",
                      entry.get("head") == "yes", "after" in entry, "others" in entry,
                      str(entry["unsaid"]) if "unsaid" in entry else None)


def _at_start(capture: str, needle: str, field: str) -> bool:
    """Whether a label's field is read at the line's start (a ^ field) rather than where its needle
    first appears (a field beginning with it, after at most a \\b or look-behinds); a field that
    would have to be searched for is refused (see :meth:`Label.match`)."""
    if field.startswith("^"):
        return True
    if _UNESCAPED.sub(r"\1", _LOOKING_BACK.sub("", field, 1)).startswith(needle):
        return False
    raise ValueError(f"label table: entry {capture!r}: the field of label {needle!r} neither begins with ^ nor "
                     f"with its needle (after at most a \\b or look-behinds): it would be searched for along each line")


@functools.cache
def shapes() -> tuple[LabelShape, ...]:
    """The shapes of the table (:mod:`.label_shapes`, then :mod:`.label_messages` and :mod:`.label_files`)."""
    return tuple(shape_of(entry) for entry in LABEL_SHAPES + MESSAGE_LABEL_SHAPES + FILE_LABEL_SHAPES + FIELD_LABEL_SHAPES)


Labels = tuple[tuple[Label, LabelShape], ...]


@functools.cache
def indexed() -> tuple[re.Pattern[str], Labels, dict[str, Labels]]:
    """The labels that begin a request, each shape's first, and one search for any of their needles
    (one pass over a line, not one a needle: most lines hold none); and every shape's own labels."""
    table = shapes()
    openers = tuple((shape.labels[0], shape) for shape in table)
    needles = any_literal(label.needle for label, _ in openers)
    return needles, openers, {shape.capture: tuple((label, shape) for label in shape.labels) for shape in table}


Found = tuple[Label, LabelShape, "re.Match[str]"]


def found_label(labels: Labels, text: str) -> Found | None:
    """The first of ``labels`` the line holds, with its match."""
    for label, shape in labels:
        if (match := label.match(text)) is not None:
            return label, shape, match
    return None


def unquoted(text: str, quoted: bool) -> str:
    """A group's text; where the label quotes it, with its escapes undone (as written, where they cannot be)."""
    if not quoted or "\\" not in text:
        return text
    value = python_literal('"' + text + '"')
    return value if isinstance(value, str) else text
