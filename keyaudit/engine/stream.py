"""Stream a byte source through the matcher in bounded chunks with exact line and column.

Memory stays flat whatever the file or line length: at most one chunk plus a small overlap is
held. Each chunk ends on a newline when one is near, otherwise on a character boundary; the
overlap is rescanned with the next chunk so that a match crossing the cut is found whole, and a
per-rule high-water mark keeps it from being reported twice. Columns count characters (one per
undecodable byte), the way an editor shows the line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import BinaryIO, Callable, Iterator

from keyaudit.engine.allocator import keep_freed_buffers
from keyaudit.engine.binary_read import BinaryRead
from keyaudit.engine.binary_text import looks_binary, media_kind, strings_view
from keyaudit.engine.decoding import SpotCollector
from keyaudit.engine.line_memo import LineCounter, LineMemo, T, line_columns
from keyaudit.engine.evidence import FileEvidence
from keyaudit.engine.line_gates import GATED_LINES_CUT, LineGates
from keyaudit.engine.matcher import OVERLAP_BYTES, Matcher, RawMatch
from keyaudit.engine.payloads import PAYLOADS_CUT
from keyaudit.engine.tables import TUPLES_CUT, Table, tables_on
from keyaudit.engine.windows import WindowCollector
from keyaudit.model.result import BINARY_STRINGS_BYTES

CHUNK_BYTES = 1 << 20
HEAD_BYTES = 64 << 10  # of the stream's start, kept for what a file's top defines (a table's header row)


def _characters(data: bytes) -> int:
    return len(data.decode("utf-8", "surrogateescape"))


def _char_boundary(buffer: bytes, position: int) -> int:
    """Move ``position`` back so that it does not split a UTF-8 sequence."""
    floor = max(0, position - 3)
    while position > floor and 0x80 <= buffer[position] < 0xC0:
        position -= 1
    return position


@dataclass(frozen=True)
class Hit:
    """A raw match in a chunk; its 1-based line/column (of the secret group, end exclusive) are
    worked out only when asked, since most hits of a dense log fail validation first."""

    match: RawMatch
    buffer: bytes  # the chunk the match is in, for context requirements around it
    before: bytes  # the text just before ``buffer`` (already scanned), so context can reach back
    cursor: "_Cursor" = field(repr=False, compare=False)
    offset: int = 0  # where ``buffer`` starts in the stream
    after: bytes = b""  # the text just after the stream's last ``buffer`` (not scanned), so context can reach on

    @cached_property
    def place(self) -> tuple[int, int, int, int]:
        """(line, column, end line, end column) of the secret group."""
        return (*self.cursor.place(self.match.start), *self.cursor.place(self.match.end))

    @property
    def secret(self) -> bytes:
        return self.buffer[self.match.start : self.match.end]

    def line_text(self) -> bytes:
        """The line the match starts on, without its line ending (within this chunk)."""
        return self.on_line("text", lambda start, end: self.buffer[start:end].rstrip(b"\r"))

    def on_line(self, name: str, compute: Callable[[int, int], T]) -> T:
        """``compute(start, end)`` of the line the match starts on (its bounds in ``buffer``, end
        at its newline), worked out once per line under ``name``: a long line of many matches
        (a minified bundle, one log line of a thousand records) is not read again per match."""
        return self.cursor.lines.of(self.match.match_start, name, compute)

    def around(self, window: int) -> bytes:
        """The match with up to ``window`` bytes on each side (reaching back before this chunk,
        and on past the stream's end where the text after it is known)."""
        start, end = self.match.match_start - window, self.match.match_end + window
        reach_back = self.before[max(0, len(self.before) + start) :] if start < 0 else b""
        reach_on = self.after[: end - len(self.buffer)] if end > len(self.buffer) else b""
        return reach_back + self.buffer[max(0, start) : end] + reach_on


class _Cursor:
    """Line and column bookkeeping for one buffer, walked forward through sorted offsets (an
    offset behind the last one asked for is worked out afresh)."""

    def __init__(self, buffer: bytes, line: int, column_base: int, counter: LineCounter) -> None:
        self.buffer, self.offset, self.line = buffer, 0, line
        self.counter = counter  # shared by the buffer's every cursor and its anchors
        self.line_start = 0
        self.column_base = column_base  # characters of the current line before buffer[0]
        self._marks: list[tuple[int, int]] = []  # (offset, column): the last two asked about on this line
        self.lines = LineMemo(buffer)  # what the hits ask of their lines (:meth:`Hit.on_line`)

    def place(self, offset: int) -> tuple[int, int]:
        if offset < self.offset:  # hits are sorted by start, but an end may precede a later start
            return self._fresh(offset)
        line = self.counter.line(offset, (self.offset, self.line))
        if line != self.line:
            self.line = line
            self.line_start = self.buffer.rfind(b"\n", self.offset, offset) + 1
            self._marks = []
        self.offset = offset
        return self.line, self._on_this_line(offset)

    def _on_this_line(self, offset: int) -> int:
        """The column of ``offset``, on the line the cursor is on: counted on from the nearest of
        the last two offsets asked about there that is before it and splits no character — a long
        line's characters are counted once, not from its start for every match on it."""
        for at, column in reversed(self._marks):
            if at <= offset and (at == offset or not 0x80 <= self.buffer[at] < 0xC0):
                found = column + _characters(self.buffer[at:offset])
                break
        else:
            found = self._column(offset, self.line_start)
        self._marks = [*self._marks[-1:], (offset, found)]
        return found

    def _fresh(self, offset: int) -> tuple[int, int]:
        if offset >= self.line_start:
            return self.line, self._on_this_line(offset)
        line = self.line - self.buffer.count(b"\n", offset, self.offset)
        start = self.buffer.rfind(b"\n", 0, offset) + 1
        return line, self._column(offset, start)

    def _column(self, offset: int, line_start: int) -> int:
        base = self.column_base if line_start == 0 else 0  # the line's characters in the buffers before
        return base + (_characters if base else line_columns)(self.buffer[line_start:offset]) + 1


class ChunkedPass:
    """Scan one stream; iterate for hits, then read ``bytes_scanned`` and ``binary``."""

    def __init__(self, stream: BinaryIO, matcher: Matcher, sniff_binary: bool = True,
                 start: tuple[int, int] = (1, 0), read_bytes: int = CHUNK_BYTES,
                 windows: WindowCollector | None = None, tables: list[Table] | None = None,
                 above: bytes = b"", below: Callable[[], bytes] | None = None,
                 strings: BinaryRead | None = None) -> None:
        self._stream, self._matcher = stream, matcher
        # How binary content is read for strings: its bound, and its digest for --state; one picked up where an
        # earlier run stopped is binary from the start.
        self.strings = strings or BinaryRead(BINARY_STRINGS_BYTES)
        # A range's text of the file just above it, and what gives the text just below it once it is read:
        # what a rule's context reaches into, as into the buffers around a hit in a file read whole; not scanned.
        self._above, self._below = above[-OVERLAP_BYTES:], below
        self._read_bytes = read_bytes  # smaller for a decompressor: what precedes damage is kept
        self._sniff_binary = sniff_binary
        self._start = start  # (line, characters already on it) where the stream begins: a resumed scan
        self.lines = 0  # newlines read, once the scan is complete
        self.end_column = start[1]  # characters after the last newline, once the scan is complete
        self.markers_seen = False  # whether a request marker occurs in the text
        # Tables whose rows ran on past the last buffer; at first, those the text before the stream left open.
        self._tables: list[Table] = list(tables or [])
        self.tuples_cut = 0  # SQL statements whose tuples were read in part (see tables_on)
        self.anchors_seen = False  # whether a request anchor does
        # Where the lines worth reading as requests are: around anchors, and around credentials the caller confirms
        # (``windows.add`` with a hit's place); None when no one will read them (one request's text, judged alone).
        self.windows = windows
        self.evidence = FileEvidence()  # provider hosts seen, for file-scope contexts (see ``watch``)
        self.spots: SpotCollector | None = None  # the encoded text around decode anchors, when decoded
        self.gates = LineGates(matcher.gates)  # what a line longer than a buffer keeps of its rules' gates
        self.bytes_scanned = 0
        self._ended = False  # whether a read met the stream's end
        # Binary content is read for its strings (:mod:`.binary_text`), as far as the bound (``strings.cut`` when
        # it held more); ``media`` names what it is when its strings hold no text (it is not read at all).
        self.binary = self.strings.resumed
        self.media: str | None = None
        # The stream's first bytes: a table's header row there says how every line below it reads,
        # and no window need show it.
        self.head = b""

    def watch(self, evidence: FileEvidence) -> None:
        """Note in ``evidence`` the provider hosts of every buffer, before its hits are yielded."""
        self.evidence = evidence

    def __iter__(self) -> Iterator[Hit]:
        carry, before = b"", self._above  # before: the tail of the text already consumed, for context
        (line, column_base), absolute = self._start, 0  # state at buffer[0]
        resume: dict[int, int] = {}  # rule index -> absolute end of its last accepted match
        first = True
        while True:
            data, damage = self._read_strings() if self.binary else self._read()
            if first:
                first = False
                self.head = data[:HEAD_BYTES]
                if self._sniff_binary and looks_binary(data):
                    self.binary, self.media = True, media_kind(data)
                    if self.media is not None:
                        return
                    data = self.strings.take(data, more=damage is None)
                if len(data) == CHUNK_BYTES:
                    keep_freed_buffers()  # a stream of whole chunks: keep their buffers for reuse
            self.bytes_scanned += len(data)
            buffer = carry + (strings_view(data) if self.binary else data)
            if not buffer:
                if damage is not None:
                    raise damage
                return
            # a text whose end this read reached is one last buffer, its hits judged with all of it around them, not
            # its last overlap again alone, without the evidence above (`import iugu` 4 KiB up)
            final = not data or damage is not None or (self._ended and not self.binary)
            cut = len(buffer) if final else self._cut(buffer)
            if cut == 0:
                carry = buffer
                continue
            counter = LineCounter(buffer, line)
            cursor = _Cursor(buffer, line, column_base, counter)
            after = self._below() if final and damage is None and self._below is not None else b""
            for raw in self._pass(counter, cut, absolute, column_base, final):
                if (raw.match_start >= cut and not raw.whole) or absolute + raw.match_start < resume.get(raw.rule_index, 0):
                    continue
                resume[raw.rule_index] = absolute + raw.match_end
                yield Hit(raw, buffer, before, cursor, absolute, after)
            newlines = counter.line(cut) - line
            if self.windows is not None:
                self.windows.keep(buffer, cut, line, absolute, final)  # the windows' lines, where kept
                self.windows.passed(buffer, cut, line + newlines, absolute)  # lines the next buffer's reach
            before = (before + buffer[max(0, cut - OVERLAP_BYTES) : cut])[-OVERLAP_BYTES:]
            if newlines:
                line += newlines
                column_base = line_columns(buffer[buffer.rfind(b"\n", 0, cut) + 1 : cut])
            else:
                column_base = column_base + _characters(buffer[:cut]) if column_base else line_columns(buffer[:cut])
            absolute += cut
            carry = buffer[cut:]
            if final:
                self.lines, self.end_column = line - self._start[0], column_base
                if damage is not None:
                    raise damage  # after the text before the damage was scanned
                return

    def anchor_past_end(self, pieces: Iterator[bytes]) -> list[bytes]:
        """Windows around the request anchors in the first lines of the text ``pieces`` give,
        which follows the stream (the next range of a file), as far as a request reaches back
        from its anchor: a request begun in the stream's last lines may name its provider only
        there. Nothing else of that text is looked at: its secrets and its own requests are the
        next range's. The pieces read for those lines (however long they are) are handed back,
        the text's start, for the caller to go on from."""
        windows = self.windows
        if windows is None:
            return []
        lines = max(windows.request.before, windows.record.before)
        taken: list[bytes] = []
        newlines = 0
        for piece in pieces:
            taken.append(piece)
            newlines += piece.count(b"\n")
            if newlines >= lines:
                break
        text = b"".join(taken)
        if not text:
            return taken
        end = 0
        for _ in range(lines):
            end = text.find(b"\n", end) + 1
            if not end:
                end = len(text)
                break
        head = text[:end]
        found = self._matcher.match(head, want_markers=False)
        # an anchor there may name the provider of a request begun here: this text has one to read
        self.anchors_seen |= bool(found.anchors or found.record_anchors)
        line = self._start[0] + self.lines
        lines = LineCounter(head, line)
        for anchors, reach in ((found.anchors, windows.request), (found.record_anchors, windows.record)):
            windows.add_all(lines, list(anchors), self.bytes_scanned, reach, upto=line - 1)
        return taken

    def cuts(self) -> dict[str, int]:
        """What this pass read only in part, by the scan's statistic that counts it (none when nothing was):
        encoded payloads past their bound, long lines a gated rule searched in part, SQL statements whose tuples
        were read up to one longer than the overlap a buffer's end cut."""
        counts = {PAYLOADS_CUT: self.spots.cut if self.spots is not None else 0, GATED_LINES_CUT: self.gates.cut,
                  TUPLES_CUT: self.tuples_cut}
        return {statistic: count for statistic, count in counts.items() if count}

    @property
    def cut(self) -> bool:
        """Whether binary content held more than the bound let this pass read."""
        return self.strings.cut

    def _read_strings(self) -> tuple[bytes, Exception | None]:
        """The next chunk of binary content, none past the bound (``cut`` says whether any was left)."""
        strings = self.strings
        if strings.room:
            data, damage = self._read()
            taken = strings.take(data, more=bool(data) and damage is None)
            return taken, None if strings.cut else damage  # damage past the bound is not read
        strings.probe(self._stream)
        return b"", None

    def _read(self) -> tuple[bytes, Exception | None]:
        """Up to a chunk, in reads of ``read_bytes``, so that a damaged compressed stream still
        yields everything before the damage (one large read would lose it with the exception).
        A failing read is handed back, to be raised once the text before it is scanned: what it
        means (damage, a lost file) is for the caller to say, not the engine."""
        pieces: list[bytes] = []
        size = 0
        try:
            while size < CHUNK_BYTES:
                piece = self._stream.read(min(self._read_bytes, CHUNK_BYTES - size))
                if not piece:
                    self._ended = True
                    break
                pieces.append(piece)
                size += len(piece)
        except Exception as exc:  # noqa: BLE001 - re-raised by the iteration after what came before
            return b"".join(pieces), exc
        return b"".join(pieces), None

    def _pass(self, lines: LineCounter, cut: int, offset: int, column_base: int, final: bool) -> list[RawMatch]:
        """The rule hits of one buffer (the stream's last when ``final``); its markers, the
        windows around its anchors and the spots around its decode anchors are noted (anchors
        past ``cut`` belong to the next buffer, which starts there)."""
        buffer = lines.buffer
        found = self._matcher.match(buffer, want_markers=not self.markers_seen, carried=self.gates.carried(buffer))
        self.gates.passed(buffer, cut, found)
        if self.spots is not None and (found.decode_anchors or self.spots.open):
            cursor = _Cursor(buffer, lines.line(0), column_base, lines)
            self.spots.take(buffer, cut, cursor.place, offset, found.decode_anchors, final)
        if self._tables:
            found.read_on(self._tables, buffer)
        self._tables, cut_short = tables_on(found.tables, cut)
        self.tuples_cut += 0 if final else cut_short  # the last buffer's open statement ends with the text
        self.markers_seen |= found.markers_seen
        self.evidence.observe(buffer, found.record_anchors)
        for anchors, record in ((found.anchors, False), (found.record_anchors, True)):
            accepted = [start for start in anchors if start < cut]
            if accepted:
                self.anchors_seen = True
                if self.windows is not None:
                    reach = self.windows.record if record else self.windows.request
                    self.windows.add_all(lines, accepted, offset, reach)
        return found.hits

    @staticmethod
    def _cut(buffer: bytes) -> int:
        """Where this chunk's accepted region ends: leave at least the overlap for next time."""
        limit = len(buffer) - OVERLAP_BYTES
        if limit <= 0:
            return 0
        newline = buffer.rfind(b"\n", 0, limit)
        return newline + 1 if newline >= 0 else _char_boundary(buffer, limit)
