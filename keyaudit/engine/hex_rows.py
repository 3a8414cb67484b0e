"""The bytes a hex dump shows, joined back into runs by the offsets of its rows, each byte
remembering where it was shown.

A hex dump writes bytes as rows: an offset, the bytes in hex (one, two or four to a group), and
mostly the same bytes again as text (a ``.`` for a byte that does not print). The tools differ in
how a row starts (:data:`FORMATS`: data, one entry a tool); the rest is one rule. A row's bytes are
the hex groups after its start that the text column after them shows: text that looks like hex
itself (``ab  ab``) is the column, not more bytes, when the bytes before it are what it shows; a row
with no text column is its hex groups. A dump of characters (``od -c``) writes each byte in a cell
of its own, as wide as the widest form it takes: the byte as a character where it prints, a C
escape where it has one (``\\n``, ``\\0``), else its value in octal (``303``); its rows are those
cells, each read back to its byte, and its offsets are in octal. Rows of one format, at one column
of their lines, follow each other; those whose offsets continue are one run of bytes (a key or a
header longer than a row is whole in it), and a row whose offset does not continue the run before
it starts another (the other side of a followed stream, written at offset 0 again; offsets that
jump join nothing). The first row of a dump is at offset 0: the engine's pass finds its start
(:data:`MARKERS`), and only then are rows looked for.

Two readers need the runs: the secret scan (a key cut across rows is found in the run's bytes,
as a decoding layer, and placed on the hex digits that showed it: :mod:`keyaudit.engine.decoding`)
and the request readers (:mod:`keyaudit.inputs.captures.offset_dumps`).
"""

from __future__ import annotations

import functools
import re

from keyaudit.engine.offset_dump import read_lines


class RowFormat:
    """How a tool starts a row: ``first`` is how its row at offset 0 starts (what the engine's pass
    looks for), ``start`` the pattern of the row's start up to its first hex group (or cell), its
    offset in group ``offset``, written in ``base``; ``cell``: the width of a character dump's
    cells, 0 for a hex dump. (Plain classes here: the module is imported by every scan, and a
    frozen dataclass costs 3.4 million instructions to make, a named tuple 0.6, a class 0.07.)"""

    __slots__ = ("tool", "first", "start", "base", "cell")

    def __init__(self, tool: str, first: str, start: str, base: int = 16, cell: int = 0) -> None:
        self.tool, self.first, self.start, self.base, self.cell = tool, first, start, base, cell


# The patterns compiled when a dump is first read, not when the module is imported (by every scan:
# the seven cost 2.5 million instructions to compile, 0.1% of the scan of a mixed log).
_compiled = functools.cache(re.compile)


FORMATS: tuple[RowFormat, ...] = (
    # Netty's LoggingHandler (ByteBufUtil.appendPrettyHexDump): `|00000010| 72 5f … |r_requests HTTP/|`
    RowFormat("netty", "|00000000| ", r"\|(?P<offset>[0-9a-f]{8})\| "),
    # tcpdump -X and -XX (print-ascii.c): `\t0x0010:  0a00 0514 c822 …  .....".P`, a packet a block
    RowFormat("tcpdump", "0x0000:  ", r"0x(?P<offset>[0-9a-f]{4,8}):  "),
    # hexdump -C (`00000010  72 5f 72 65 71 75 65 73  74 73 … |r_reques ts HTTP/|`) and tshark's
    # `-z follow,tcp,hex` (the same, upper-case offsets, the text column bare, the other side indented)
    RowFormat("hexdump -C", "00000000  ", r"(?P<offset>[0-9A-Fa-f]{8})  "),
    # xxd (`00000010: 725f 7265 7175 …  r_requests HTTP/`, -g 1 or 4 alike)
    RowFormat("xxd", "00000000: ", r"(?P<offset>[0-9a-f]{8}): "),
    # od -A x -t x1z (`000010 72 5f 72 … >r_requests HTTP/<`)
    RowFormat("od", "000000 ", r"(?P<offset>[0-9a-f]{6}) "),
    # the JDK's HexDumpEncoder (javax.net.debug's records):
    # `  0010: 72 5F 72 65 71 75 65 73   74 73 … r_requests HTTP/`
    RowFormat("jdk", "0000: ", r"(?P<offset>[0-9A-F]{4}): "),
    # strace -e write= (src/util.c dumpstr): ` | 00010  72 5f 72 65 …  r_requests HTTP/ |`
    RowFormat("strace", " | 00000  ", r" \| (?P<offset>[0-9a-f]{5})  "),
    # Wireshark's Copy as Hex Dump and its text export (`0010  72 5f 72 65 …   r_requests HTTP/`)
    RowFormat("wireshark", "0000  ", r"(?P<offset>[0-9a-f]{4})   ?"),
    # PowerShell 7's Format-Hex (`0000000000000010 72 5F 72 65 … r_requests HTTP/`, under an `Offset Bytes` head)
    RowFormat("Format-Hex", "0000000000000000 ", r"(?P<offset>[0-9A-F]{16}) "),
    # od -c (GNU coreutils: "-c same as -t c, select printable characters or backslash escapes"):
    # `0000020   r   e   q   u   e   s   t   s       H   T   T   P   /   1   .   1  \r  \n`, four wide a cell
    RowFormat("od -c", "0000000 ", r"(?P<offset>[0-7]{7})(?= )", base=8, cell=4),
)
MARKERS: tuple[str, ...] = tuple(dict.fromkeys(row_format.first for row_format in FORMATS))
# A first row's offset starts its line or follows a blank or a mark, never a letter or a digit
# (:meth:`HexRows.opened_by` reads no other): `amount 1000000 cents` holds od's `000000 ` and is no
# row, and the engines count such a start nowhere (a log of amounts was read for requests at each).
ROW_STARTS: frozenset[bytes] = frozenset(marker.encode() for marker in MARKERS)
ROW_BOUNDARY = rb"(?:^|[^0-9A-Za-z])"  # the same, as a pattern before a start

# What every first row holds (its offset, 0, in four digits or more): a text without it holds no
# dump (one look at C speed before a look for each format's first row).
ZERO_OFFSET = "0000"
MAX_ROW_BYTES = 256  # xxd -c's most: a longer line is no row
MAX_RUN_BYTES = 1 << 20  # a run is cut there: the rows past it are another
_GROUP = r" {0,3}((?:[0-9A-Fa-f]{2}){1,4})(?![^ |])"  # a hex group, then a blank, a `|` or the end
_END_OFFSET = r"[0-9A-Fa-f]{4,8}"
_UNSHOWN = bytes(range(32)) + bytes(range(127, 256))
_DOTS = {byte: "." for byte in _UNSHOWN}
_DOTS_AND_BLANKS = {**_DOTS, 32: "."}  # tcpdump writes a blank as a `.` too
_COLUMN_ENDS = (("|", "|"), (">", "<"))  # hexdump -C's and Netty's text column, od's
_TEXT_GAP = 8  # tshark and Wireshark put a blank after the eighth byte's character
# a character dump's escapes (od -c), each the byte it stands for
_CELL_ESCAPES = {"\\0": 0, "\\a": 7, "\\b": 8, "\\t": 9, "\\n": 10, "\\v": 11, "\\f": 12, "\\r": 13}
_OCTAL = re.compile(r"[0-3][0-7]{2}")  # a byte's value, od -c's form of one with no character or escape


def starts_row_at(buffer: bytes, start: int) -> bool:
    """Whether a row's start found at ``start`` is not the tail of a word or a number."""
    return not start or not buffer[start - 1 : start].isalnum()


class Piece:
    """The bytes one row shows: from ``at`` in its run, on the line the caller marks ``place``,
    each byte's first hex digit at the character of ``columns``."""

    __slots__ = ("at", "place", "columns")

    def __init__(self, at: int, place: int, columns: tuple[int, ...]) -> None:
        self.at, self.place, self.columns = at, place, columns


class Run:
    """The bytes of rows whose offsets continue each other (from ``start``, the offset of its first
    row), and the rows that showed them."""

    def __init__(self, start: int) -> None:
        self.start = start
        self.data = bytearray()
        self.pieces: list[Piece] = []

    def origin(self) -> list[int]:
        """Where each byte was shown (its row's mark, a line's start, plus its column), and one
        more: just past the last byte's digits."""
        found = [piece.place + column for piece in self.pieces for column in piece.columns]
        return found + [found[-1] + 2]


class HexRows:
    """The rows of one format that follow each other at one column of their lines, as runs."""

    def __init__(self, row_format: RowFormat, column: int) -> None:
        self.format, self.column = row_format, column
        self.runs: list[Run] = []

    @classmethod
    def opened_by(cls, text: str, place: int = 0) -> HexRows | None:
        """The rows a line holding a dump's first row (at offset 0) opens, that row taken as
        the line marked ``place``; else None."""
        for row_format in FORMATS:
            column = text.find(row_format.first)
            if column < 0 or (column and text[column - 1].isalnum()):
                continue
            rows = cls(row_format, column)
            if rows.take(place, text):
                return rows
        return None

    def take(self, place: int, text: str) -> bool:
        """Whether the line (marked ``place``) is the next of these rows (taken), else they ended."""
        start = _compiled(self.format.start).match(text, self.column)
        if start is None:
            row = None
        elif self.format.cell:
            row = _cells(text, start.end(), self.format.cell)
        else:
            row = _row(text, start.end())
        if row is None:
            return self._closed_by(text)
        offset, data, columns = int(start.group("offset"), self.format.base), *row
        run = self.runs[-1] if self.runs else None
        if run is None or offset != run.start + len(run.data) or len(run.data) >= MAX_RUN_BYTES:
            if run is None and offset:
                return False  # a dump starts at offset 0
            run = Run(offset)
            self.runs.append(run)
        run.pieces.append(Piece(len(run.data), place, columns))
        run.data += data
        return True

    def _closed_by(self, text: str) -> bool:
        """Whether the line is the offset just past the last run's last byte, alone: how hexdump -C
        and od end a dump (taken, showing no bytes)."""
        end = text[self.column:].strip()
        run = self.runs[-1] if self.runs else None
        return (run is not None and _compiled(_END_OFFSET).fullmatch(end) is not None
                and _value(end, self.format.base) == run.start + len(run.data))


def _value(digits: str, base: int) -> int | None:
    """The number ``digits`` write in ``base``, or None where they write none in it."""
    try:
        return int(digits, base)
    except ValueError:
        return None


def _cells(text: str, start: int, width: int) -> tuple[bytes, tuple[int, ...]] | None:
    """The bytes a character dump's row shows after its start (``text[start:]``, cells ``width``
    wide, each right-aligned: a printable byte, a blank where the byte is one, an escape or a
    value in octal) and the column of each byte's form; None where the rest is no such cells."""
    rest = len(text) - start
    if rest <= 0 or rest % width or rest > width * MAX_ROW_BYTES:
        return None
    data, columns = bytearray(), []
    for at in range(start, len(text), width):
        cell = text[at : at + width]
        form = cell.lstrip(" ")
        if len(form) == 1 and " " <= form <= "~":
            data.append(ord(form))
        elif not form:
            data.append(0x20)
        elif form in _CELL_ESCAPES:
            data.append(_CELL_ESCAPES[form])
        elif _OCTAL.fullmatch(form):
            data.append(int(form, 8))
        else:
            return None
        columns.append(at + width - max(len(form), 1))
    return bytes(data), tuple(columns)


def _row(text: str, start: int) -> tuple[bytes, tuple[int, ...]] | None:
    """The bytes a row shows after its start (``text[start:]``) and the column of each byte's
    first digit: its hex groups, as many as the text after them shows (the most that one shows,
    or all of them where nothing follows them); None where there are none."""
    if len(text) - start > 8 * MAX_ROW_BYTES:
        return None
    groups: list[re.Match[str]] = []
    at, count = start, 0
    group_at = _compiled(_GROUP).match
    while count < MAX_ROW_BYTES and (group := group_at(text, at)) is not None:
        groups.append(group)
        at, count = group.end(), count + len(group.group(1)) // 2
    for taken in range(len(groups), 0, -1):
        data = bytes.fromhex("".join(group.group(1) for group in groups[:taken]))
        if _shows(text[groups[taken - 1].end():], data):
            return data, _columns(groups[:taken])
    if groups and not text[groups[-1].end():].strip():
        return bytes.fromhex("".join(group.group(1) for group in groups)), _columns(groups)
    return None


def _columns(groups: list[re.Match[str]]) -> tuple[int, ...]:
    """The column of each byte's first digit in the hex ``groups``."""
    return tuple(group.start(1) + 2 * k for group in groups for k in range(len(group.group(1)) // 2))


def _shows(rest: str, data: bytes) -> bool:
    """Whether the text after a row's hex groups is its text column: the bytes as characters, an
    unprintable one (for tcpdump, a blank too) as a `.`, a blank perhaps after the eighth."""
    text = rest.strip()
    if len(text) >= 2 and (text[0], text[-1]) in _COLUMN_ENDS:
        text = text[1:-1].rstrip()  # Netty pads its last row's column with blanks
    elif text.endswith(" |"):  # strace closes the column only, after blanks that pad the last row's
        text = text[:-2].rstrip()
    if not text:
        return False
    shown = data.decode("latin-1")
    for dots in (_DOTS, _DOTS_AND_BLANKS):
        expected = shown.translate(dots).strip()
        if _same(text, expected) or (len(text) == len(expected) + 1 and text[_TEXT_GAP:_TEXT_GAP + 1] == " "
                                      and _same(text[:_TEXT_GAP] + text[_TEXT_GAP + 1:], expected)):
            return True
    return False


def _same(text: str, expected: str) -> bool:
    """Whether ``text`` shows ``expected``: character for character, a `.` standing for any."""
    return len(text) == len(expected) and all(a == b or a == "." for a, b in zip(text, expected))


def shown_bytes(data: bytes) -> tuple[bytes, list[int]] | None:
    """The bytes the rows whose first row ``data`` starts with show, their runs a line apart,
    and where in ``data`` each was shown (the line break between two runs: where the first
    one's last byte ends); None where its first line opens no rows."""
    rows = read_lines(HexRows.opened_by, data)
    if rows is None:
        return None
    text, origin = bytearray(), []
    for run in rows.runs:  # the end of the run before stands for the line break after it
        text += (b"\n" if text else b"") + run.data
        origin += run.origin()
    return bytes(text), origin


def rows_end(data: bytes, start: int, stop: int) -> int:
    """Where the rows whose first row is on the line starting at ``data[start]`` end (at the
    line break after the last), looking no further than ``stop``; that line's end where it
    opens no rows."""
    rows = read_lines(HexRows.opened_by, data, start, stop)
    last = rows.runs[-1].pieces[-1].place if rows is not None else 0
    end = data.find(b"\n", start + last, stop)
    return stop if end < 0 else end
