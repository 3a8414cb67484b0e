"""The dumps that show bytes after offsets, as the decoding layer reads them: where a dump's lines end, and the
bytes they show — a curl trace's block (:mod:`keyaudit.engine.offset_dump`), a hex dump's rows
(:mod:`keyaudit.engine.hex_rows`) and a registry export's hex value (:mod:`keyaudit.engine.reg_hex`).

A dump is read from its first line, which names its format, as far as its lines go on, within a bound. The pass
hands its text over a buffer at a time, and a dump of kilobytes (``xxd`` of a captured request) may begin in one
buffer and go on in the next: lines that end with the buffer are read on past it, with the dump's first line (its
rows' format is known there); else its rows past the cut were lost, and the key they showed. A hex dump's rows that go
on past the bound are read on in a text of their own (:func:`dump_rest`), with the dump's first line as their lead
and the last rows before the bound read again: a dump of any length is read, a bounded part at a time."""

from __future__ import annotations

import bisect
from typing import Callable

from keyaudit.engine import hex_rows, reg_hex
from keyaudit.engine.encodings import DUMP, HEX, REG
from keyaudit.engine.offset_dump import MAX_BLOCK_BYTES, block_end, shown_bytes

MAX_DUMP_BYTES = 5 * MAX_BLOCK_BYTES  # the lines of a block in the hex form: 71 bytes for 16 shown
_ROW_CHARS = 4 * hex_rows.MAX_ROW_BYTES + 64  # a row's line at most (od -c's cells are four wide)
_OVERLAP_BYTES = 4 << 10  # of a dump's lines read again where a text of its own goes on: a key cut there is whole
# each kind's end (where its lines from the first end, within a stop) and the bytes those lines show
DUMPS: dict[str, tuple[Callable[[bytes, int, int], int], Callable[[bytes], tuple[bytes, list[int]] | None]]] = {
    DUMP: (block_end, shown_bytes), HEX: (hex_rows.rows_end, hex_rows.shown_bytes),
    REG: (reg_hex.value_end, reg_hex.shown_bytes)}


def dump_end(kind: str, data: bytes, start: int, stop: int) -> int:
    """Where the lines of a dump of ``kind`` whose first line starts at ``data[start]`` end, within ``stop`` and
    :data:`MAX_DUMP_BYTES`: ``stop`` itself where no whole line follows them (the text is cut there: the line after
    them may be a row cut in two), to be read on past it."""
    end = DUMPS[kind][0](data, start, min(stop, start + MAX_DUMP_BYTES))
    return stop if end < stop <= start + MAX_DUMP_BYTES and data.find(b"\n", end + 1, stop) < 0 else end


def dump_lead(lead: bytes, data: bytes) -> bytes:
    """A dump's first line, which names its rows' format: ``lead`` where ``data`` is a rest of its lines, else the
    first of ``data``."""
    return lead or data[: data.find(b"\n") + 1]


def dump_read_on(data: bytes, kind: str, more: bytes, lead: bytes = b"") -> int:
    """How much of ``more``, the text after a dump's lines ``data`` (which went on past their buffer), goes on with
    them, up to :data:`MAX_DUMP_BYTES` in all: read with their first line (``lead``, where ``data`` is their rest),
    which names their format, and their last, which the buffer cut (the lines between are not read again: a dump of
    megabytes read each buffer's anew)."""
    first = dump_lead(lead, data)
    cut = data[max(len(first), data.rfind(b"\n") + 1) :]
    text = first + cut + more[: max(0, MAX_DUMP_BYTES - len(data))]
    return max(0, dump_end(kind, text, 0, len(text)) - len(first) - len(cut))


def dump_rest(kind: str, lead: bytes, data: bytes) -> int | None:
    """Where in ``data``, a hex dump's lines read up to :data:`MAX_DUMP_BYTES` (after ``lead``, its first line, if
    they are a rest), the rest of them begins, to be read on in a text of its own after the same first line: the
    line :data:`_OVERLAP_BYTES` before the bound (read again). None for lines under the bound, and for another
    kind's (a curl trace's block declares its size, within the bound; a registry value is shorter)."""
    if kind != HEX or len(dump_lead(lead, data)) + len(data) < MAX_DUMP_BYTES - _ROW_CHARS:
        return None
    return data.rfind(b"\n", 0, max(0, len(data) - _OVERLAP_BYTES)) + 1 or None


def dump_shown(kind: str, lead: bytes, data: bytes) -> tuple[bytes, list[int]] | None:
    """The bytes a dump's lines ``data`` show, read after ``lead`` (its first line, where ``data`` is a rest of
    them), and where in ``data`` each was shown: the bytes the lead's own row shows are left out."""
    shown = DUMPS[kind][1](lead + data)
    if shown is None or not lead:
        return shown
    text, origin = shown
    skip = bisect.bisect_left(origin, len(lead))  # (in order: rows, and their bytes, as the lines show them)
    return (text[skip:], [at - len(lead) for at in origin[skip:]]) if skip < len(text) else None
