"""The dumps that show bytes after offsets, as the decoding layer reads them: where a dump's lines end, and the
bytes they show — a curl trace's block (:mod:`keyaudit.engine.offset_dump`), a hex dump's rows
(:mod:`keyaudit.engine.hex_rows`) and a registry export's hex value (:mod:`keyaudit.engine.reg_hex`).

A dump is read from its first line, which names its format, as far as its lines go on, within a bound. The pass
hands its text over a buffer at a time, and a dump of kilobytes (``xxd`` of a captured request) may begin in one
buffer and go on in the next: lines that end with the buffer are read on past it, with the dump's first line (its
rows' format is known there); else its rows past the cut were lost, and the key they showed."""

from __future__ import annotations

from typing import Callable

from keyaudit.engine import hex_rows, reg_hex
from keyaudit.engine.encodings import DUMP, HEX, REG
from keyaudit.engine.offset_dump import MAX_BLOCK_BYTES, block_end, shown_bytes

MAX_DUMP_BYTES = 5 * MAX_BLOCK_BYTES  # the lines of a block in the hex form: 71 bytes for 16 shown
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


def dump_read_on(data: bytes, kind: str, more: bytes) -> int:
    """How much of ``more``, the text after a dump's lines ``data`` (which went on past their buffer), goes on with
    them, up to :data:`MAX_DUMP_BYTES` in all: read with their first line, which names their format, and their last,
    which the buffer cut (the lines between are not read again: a dump of megabytes read each buffer's anew)."""
    first = data[: data.find(b"\n") + 1]
    cut = data[max(len(first), data.rfind(b"\n") + 1) :]
    text = first + cut + more[: max(0, MAX_DUMP_BYTES - len(data))]
    return max(0, dump_end(kind, text, 0, len(text)) - len(first) - len(cut))
