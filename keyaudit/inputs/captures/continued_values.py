"""A value a structured logger writes on the lines below its record's line, put back into that
line: the record is one line again, for the readers of ``key=value`` records.

Loggers that keep a multi-line value readable write it so, each in its own marks (a style is a row
of :data:`STYLES`, not code): klog's structured text (kubernetes/klog internal/serialize
``writeStringValue``: ``key=<`` ends the record's line, each line of the value follows after a tab,
`` >`` alone ends it, the record's next pairs after it) and go-hclog's (intlogger.go ``logPlain``:
``  key=`` alone on a line below the record's, each line of the value after ``  | ``, then a line
that starts with two blanks and holds the record's next pairs, if any). The value is put back as
a quoted value, JSON's escapes (which the logfmt reader reads), so that a body keeps its bytes.

A logger may also write a string value as it is, its line breaks too: structlog's ConsoleRenderer
(structlog/dev.py, ``repr_native_str=False``) writes ``body={`` at the record line's end, the
document's other lines at the margin, and the record's next pairs after its close. A value that
opens a JSON document at a ``key=`` ending the record's line is read on to where the document
closes, a blank or the line's end after it: those lines are the value (:func:`_document_block`).

And a printer of objects may cut a string at its line breaks into quoted pieces joined by `` +`` at the lines'
ends, as the string would be written in code: Node's ``util.inspect`` (lib/internal/util/inspect.js, a string of
more than 16 characters holding line breaks, in an object printed over lines: what ``console.log(error.request)``
prints of a ``ClientRequest``, ``_header: 'POST … HTTP/1.1\r\n' +``, each next piece on a line of its own, the
last followed by the object's ``,``). The pieces are put back as one quoted value (:func:`_pieces_block`): a
request's head escaped in it is then read as any quoted dump is.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from .quoted import QUOTED, escaped, unescaped

MAX_VALUE_LINES = 2000  # a value longer than this is no value a logger wrote: its lines are given as they are
_FIRST_REACH = 16  # lines below a document's opener its decoder is first given


@dataclass(frozen=True)
class Style:
    """How one logger writes a value over lines: ``needle`` is in a window's text only where it
    may have (the gate, one look at C speed); ``opens`` is the line that opens the value (its
    ``key``, and in ``head`` the record's text before it; without ``head`` the record is the line
    above); each line of the value starts with ``inside``; ``closes`` ends it (in ``rest``, the
    record's text after the value)."""

    needle: str
    opens: re.Pattern[str]
    inside: str
    closes: re.Pattern[str]


_KEY = r"(?P<key>[A-Za-z_@][\w.@/-]*)"
STYLES = (Style("=<\n\t", re.compile(r"(?P<head>.*\S) " + _KEY + r"=<"), "\t", re.compile(r" >(?P<rest>.*)")),
          Style("\n  | ", re.compile(r"  " + _KEY + "="), "  | ", re.compile(r"  (?!\| )(?P<rest>.*)")))

# A record line that ends opening a JSON document as a key's value: what ConsoleRenderer writes for a str body
_DOCUMENT_OPENS = re.compile(r"(?P<head>.*\S +)" + _KEY + r"=(?P<opener>[{\[])")
DOCUMENT_NEEDLES = ("={\n", "=[\n")
# A string's quoted pieces, each with the quote util.inspect chose for it (one the piece does not hold)
_PIECE = rf"{QUOTED}|`{escaped('`')}`"
_PIECES_OPEN = re.compile(rf"(?P<head>\s*(?:[{{\[] )?)(?P<key>[A-Za-z_$][\w$]*|'[\w$.-]*'): (?P<piece>{_PIECE}) \+")
_PIECE_LINE = re.compile(rf"\s+(?P<piece>{_PIECE})(?: (?P<more>\+)|(?P<rest>,?(?: [}}\]])*))")
PIECES_NEEDLES = ("' +\n", '" +\n', "` +\n")
# a window that holds none has no value to join
NEEDLES = (*(style.needle for style in STYLES), *DOCUMENT_NEEDLES, *PIECES_NEEDLES)
_DECODER = json.JSONDecoder()


def joined_values(lines: list[tuple[int, str]], leads: dict[int, int], every: str
                  ) -> tuple[list[tuple[int, str]], dict[int, int]]:
    """``lines`` with each value a style in :data:`STYLES` writes over lines put back into its
    record's line (numbered as that line), and the anchored lines (``leads``) of a value moved to
    its record's line; ``every``: the lines' text, for the styles' gates. Lines that open a value
    but do not hold one as the style writes it are given as they are."""
    styles = [style for style in STYLES if style.needle in every]
    documents = any(needle in every for needle in DOCUMENT_NEEDLES)
    pieces = any(needle in every for needle in PIECES_NEEDLES)
    if not styles and not documents and not pieces:
        return lines, leads
    out: list[tuple[int, str]] = []
    moved = dict(leads)
    at = 0
    while at < len(lines):
        number, text = lines[at]
        block = _block(lines, at, out, styles)
        if block is None and documents and lines[at][1].endswith(("={", "=[")):
            block = _document_block(lines, at, len(out))
        if block is None and pieces and lines[at][1].endswith(" +"):
            block = _pieces_block(lines, at, len(out))
        if block is None:
            out.append((number, text))
            at += 1
            continue
        record_index, joined, end = block
        first = out[record_index][0] if record_index < len(out) else number
        out[record_index:] = [(first, joined)]
        for line_number, _ in lines[at:end]:
            if line_number in leads:
                moved[first] = max(moved.get(first, 0), leads[line_number])
        at = end
    return out, moved


def _block(lines: list[tuple[int, str]], at: int, out: list[tuple[int, str]], styles: list[Style]
           ) -> tuple[int, str, int] | None:
    """The value opened at ``lines[at]``, if a style opens one there: the index in ``out`` of the
    record's line it belongs to (``len(out)`` where the opening line is the record's), the record's
    line with the value put back — or without it, where its block is cut short before its end
    (klog's `<` is no value: a body read as it would be judged) —, and the index of the first
    line after the value's block."""
    text = lines[at][1]
    for style in styles:
        opened = style.opens.fullmatch(text)
        if opened is None or at + 1 >= len(lines) or not lines[at + 1][1].startswith(style.inside):
            continue
        head = opened.groupdict().get("head")
        if head is None and not out:
            continue
        record_index = len(out) if head is not None else len(out) - 1
        value: list[str] = []
        end = at + 1
        while end < len(lines) and lines[end][1].startswith(style.inside) and len(value) < MAX_VALUE_LINES:
            value.append(lines[end][1][len(style.inside):])
            end += 1
        closed = style.closes.fullmatch(lines[end][1]) if end < len(lines) else None
        record = head if head is not None else out[record_index][1]
        if closed is None:  # cut short (the log, or the lines read, end inside it): a value unknown, left out
            return record_index, record, end
        pair = f" {opened.group('key')}={json.dumps(chr(10).join(value), ensure_ascii=False)}"
        return record_index, record + pair + closed.group("rest"), end + 1
    return None


def _document_block(lines: list[tuple[int, str]], at: int, record_index: int) -> tuple[int, str, int] | None:
    """The JSON document a key's value opens at the end of ``lines[at]`` (the record's line), read on
    the lines below to the one it closes on: that record's line with the value put back as a quoted
    value and the closing line's rest after it, and the index of the first line after the value; None
    where no document closes, within :data:`MAX_VALUE_LINES`, followed by a blank or the line's end.

    The decoder is given the lines below in reaches that double while it runs out of text (its error
    on the last line given), and stops at the first error before it: a document is read once over the
    lines it takes. Decoding the lines read so far at each line holding a closer read each opener's
    2,000 lines squared (200 KB of ``body={`` records over invalid lines took 23 s)."""
    opened = _DOCUMENT_OPENS.fullmatch(lines[at][1])
    if opened is None:
        return None
    bound = min(len(lines), at + MAX_VALUE_LINES)
    reach = min(bound, at + 1 + _FIRST_REACH)
    while True:
        text = "\n".join([opened.group("opener"), *(line for _, line in lines[at + 1 : reach])])
        try:
            _, stop = _DECODER.raw_decode(text)
            break
        except RecursionError:  # nested deeper than the decoder goes: no value a logger wrote
            return None
        except ValueError as error:  # a string never spans lines: an error before the last one is final
            if error.pos <= text.rfind("\n") or reach == bound:
                return None
            reach = min(bound, at + 1 + 2 * (reach - at - 1))
    line_end = text.find("\n", stop)
    rest = text[stop:] if line_end < 0 else text[stop:line_end]
    if rest[:1] not in ("", " "):
        return None
    pair = f"{opened.group('key')}={json.dumps(text[:stop], ensure_ascii=False)}"
    return record_index, opened.group("head") + pair + rest, at + 1 + text.count("\n", 0, stop)


def _pieces_block(lines: list[tuple[int, str]], at: int, record_index: int) -> tuple[int, str, int] | None:
    """The string a key's value opens at ``lines[at]`` as a quoted piece followed by `` +``, read on the lines
    below, a piece each, to the first not followed by `` +``: the key's line with the pieces' text put back as one
    quoted value (JSON's escapes) and what followed the last piece, and the index of the first line after it; None
    where a line below is no piece, or the pieces run past :data:`MAX_VALUE_LINES`."""
    opened = _PIECES_OPEN.fullmatch(lines[at][1])
    if opened is None:
        return None
    value = [_piece(opened.group("piece"))]
    for end in range(at + 1, min(len(lines), at + MAX_VALUE_LINES)):
        piece = _PIECE_LINE.fullmatch(lines[end][1])
        if piece is None:
            return None
        value.append(_piece(piece.group("piece")))
        if piece.group("more") is None:
            text = json.dumps("".join(value), ensure_ascii=False)
            return record_index, f"{opened.group('head')}{opened.group('key')}: {text}{piece.group('rest')}", end + 1
    return None


def _piece(literal: str) -> str:
    """A quoted piece's text: its escapes (JavaScript's) undone."""
    return unescaped(literal[1:-1])
