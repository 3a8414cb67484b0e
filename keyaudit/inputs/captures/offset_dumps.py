"""Dumps that show a stream of bytes as lines after their offsets, read back as the stream.

Each block of bytes an offset dump shows is given to the readers of requests as the lines of its
text, each numbered as the offset line it began on (before they are given any line: a line is
whole only once the next piece says so): curl's ``--trace-ascii`` and ``--trace`` (the format in
:mod:`keyaudit.engine.offset_dump`, which joins a block's pieces by their offsets), and the runs of
a hex dump's rows (:mod:`keyaudit.engine.hex_rows`: Netty's, tcpdump's, tshark's, xxd's, …). Where
a ``.`` may stand for another byte (a body's line feed, in curl's text form), the bytes are not
known: a block of data holding one is left out (the body is not shown as sent), while a head's dots
are its own (its host name's, its version's). A run that is a captured packet (``tcpdump -X``)
gives its TCP payload (:mod:`.packets`), and that payload continues the packet's before it where
the headers say so (see :class:`_Connection`). The other lines are given as they are.
"""

from __future__ import annotations

import bisect
from typing import Iterable, Iterator, Protocol, Sequence

from keyaudit.engine.hex_rows import MAX_RUN_BYTES, HexRows
from keyaudit.engine.offset_dump import DumpBlock

from .packets import segment
from .raw_requests import lacking

# The lines a packet dump writes between two packets (tcpdump's summary line): a packet's payload
# continues the one before it only with no more than these between them.
PACKET_GAP_LINES = 1
# The lines a tracer writes between two writes it dumps (strace's call line; the JDK's record line and
# its dump's opening and closing lines): a run of bytes continues the request before it only with no
# more than these between them.
WRITE_GAP_LINES = 4


class _Shown(Protocol):
    """Where the bytes of a text from ``at`` on begin to be shown: on the line ``place``."""

    at: int
    place: int


def joined_blocks(lines: Iterable[tuple[int, str]], leads: dict[int, int]
                  ) -> tuple[list[tuple[int, str]], dict[int, int]]:
    """The lines, with each block of sent bytes an offset dump shows (its opening line and its
    offset lines) and each run of a hex dump's rows replaced by the lines of the text it holds,
    and the anchored lines (``leads``) with an anchor on a line replaced moved to the line of text
    it is in."""
    out: list[tuple[int, str]] = []
    moved = dict(leads)
    block: _Block | None = None
    connection = _Connection()
    for number, text in lines:
        if block is not None:
            if block.take(number, text):
                continue
            block.give(out, moved, connection)
            block = None
        opened = DumpBlock.opened_by(text)
        rows = HexRows.opened_by(text, number) if opened is None else None
        if opened is not None or rows is not None:
            block = _Block(number, text, opened or rows)
        else:
            out.append((number, text))
    if block is not None:
        block.give(out, moved, connection)
    return out, moved


class _Block:
    """One block's lines as written, and the bytes they show."""

    def __init__(self, number: int, text: str, block: DumpBlock | HexRows) -> None:
        self.given = [(number, text)]  # the lines as written: given back where they join no bytes
        self.block = block

    def take(self, number: int, text: str) -> bool:
        """Whether the line is one of the block's lines (taken), else the block ended."""
        if not self.block.take(number, text):
            return False
        self.given.append((number, text))
        return True

    def give(self, out: list[tuple[int, str]], leads: dict[int, int], connection: _Connection) -> None:
        """Add the block's lines to ``out``, and move the anchors on the lines it was written on
        (and on a packet's summary line its payload was joined across) to the line of text each
        is in (the first, for its opening line)."""
        given = list(self.given)
        if isinstance(self.block, HexRows):
            first = len(out)
            for run in self.block.runs:
                first, passed = connection.give(out, run.data, run.pieces, first)
                given += passed
            lines = out[first:]
        else:
            lines = list(self._curl_lines())
            out.extend(lines)
        if lines and lines != self.given:
            _move(given, lines, leads)

    def _curl_lines(self) -> Iterator[tuple[int, str]]:
        """The lines of the text a block of curl's trace shows; none for a body a `.` may hide
        bytes of; the block's lines as they are written, where they do not make up the bytes its
        opening line declares."""
        block = self.block
        assert isinstance(block, DumpBlock)
        if not block.complete():
            yield from self.given
        elif block.exact:  # each line after what the opening line wrote before its mark (a transfer's ids)
            yield from ((place, block.writer + text) for place, text in _text_lines(bytes(block.data), block.pieces))


class _Connection:
    """The packet given last, whose connection the next may go on: a packet dump writes each
    packet alone (its summary line between), and a request sent in several segments is whole
    only once they are joined. A packet goes on from the one before it where its headers say so
    (the same addresses and ports, its sequence number where the other's payload ended) and no
    more than :data:`PACKET_GAP_LINES` lines are between them; else it is read alone (packets of
    other connections between, or a summary line that says nothing of the bytes, cannot tell)."""

    def __init__(self) -> None:
        self._side: tuple[bytes, bytes, int, int] | None = None
        self._next = -1
        self._start = self._end = 0  # where its lines are in the lines given
        self._data = b""
        self._pieces: list[_Shown] = []
        self._lacking = 0  # of a run that is no packet: the bytes of its request's body it lacks

    def give(self, out: list[tuple[int, str]], data: bytes, pieces: Sequence[_Shown], first: int
             ) -> tuple[int, list[tuple[int, str]]]:
        """Add the lines of a run's text to ``out`` (a packet's payload, joined to the one before
        it where it goes on from it: its lines and the lines between given again); where in
        ``out`` the lines given from ``first`` on now start, and the lines between, left out."""
        found = segment(bytes(data))
        if found is None:
            return self._written(out, bytes(data), pieces, first)
        self._lacking = 0
        payload = bytes(data[found.start:found.end])
        # its first line numbered as the packet's first row, right under the summary line that says
        # where it went (the rows of its headers between); the others as the rows they begin on
        shifted = [_Piece(0, pieces[0].place)] + [_Piece(piece.at - found.start, piece.place) for piece in pieces
                                                   if found.start < piece.at < found.end]
        passed = out[self._end:]
        if (found.side == self._side and found.sequence == self._next and len(passed) <= PACKET_GAP_LINES
                and len(self._data) + len(payload) <= MAX_RUN_BYTES):
            del out[self._start:]
            payload, shifted = self._data + payload, self._pieces + [_Piece(piece.at + len(self._data), piece.place)
                                                                     for piece in shifted]
        else:
            self._start, passed = len(out), []
        out.extend(_text_lines(payload, shifted))
        self._side, self._end = found.side, len(out)
        self._next = (found.sequence + found.end - found.start) % (1 << 32)
        self._data, self._pieces = payload, shifted
        return min(first, self._start), passed

    def _written(self, out: list[tuple[int, str]], data: bytes, pieces: Sequence[_Shown], first: int
                 ) -> tuple[int, list[tuple[int, str]]]:
        """Add the lines of a run that is no packet: a piece of what a process wrote, as a tracer
        dumps each write (strace's ``-e write=``, a logging handler's each flush). A client writes
        a request's head and its body apart: where the run before is a head whose Content-Length
        it lacks bytes of, and this one, no more than :data:`WRITE_GAP_LINES` lines on (what the
        tracer writes about the write), holds no more than those, it is the body, joined on (see
        :meth:`give`). A TLS 1.3 record's plaintext as a TLS library dumps it (the
        JDK's ``Plaintext before ENCRYPTION``) is its content, then its type and zero padding: the
        content is what was written."""
        data = _content(data)
        passed = out[self._end:]
        if 0 < len(data) <= self._lacking and len(passed) <= WRITE_GAP_LINES:
            del out[self._start:]
            self._lacking -= len(data)
            pieces = [*self._pieces, *(_Piece(piece.at + len(self._data), piece.place) for piece in pieces)]
            data = self._data + data
        else:
            self._start, passed, self._lacking = len(out), [], lacking(data)
        out.extend(_text_lines(data, pieces))
        self._side, self._end, self._data, self._pieces = None, len(out), data, list(pieces)
        return min(first, self._start), passed


def _content(data: bytes) -> bytes:
    """A TLS 1.3 inner plaintext's content (RFC 8446 5.4: the content, the record's type — 0x17 for
    application data —, then zeros): the bytes before the type, where ``data`` ends so after text
    (no text holds that byte); else ``data``."""
    end = len(data.rstrip(b"\x00"))
    return data[:end - 1] if end > 1 and data[end - 1] == 0x17 and data[end - 2] >= 0x09 else data


class _Piece:
    """A piece of a packet's payload (see :class:`_Shown`)."""

    __slots__ = ("at", "place")

    def __init__(self, at: int, place: int) -> None:
        self.at, self.place = at, place


def _text_lines(data: bytes, pieces: Sequence[_Shown]) -> Iterator[tuple[int, str]]:
    """The lines of the text ``data``, each numbered as the line its first byte was shown on
    (``pieces``, in order: from each ``at`` on, the bytes were shown on line ``place``)."""
    data = data[:-1] if data.endswith(b"\n") else data
    position, index = 0, 0
    for part in data.split(b"\n") if data else []:
        while index + 1 < len(pieces) and pieces[index + 1].at <= position:
            index += 1
        yield pieces[index].place, part.decode("utf-8", "surrogateescape")
        position += len(part) + 1


def _move(given: list[tuple[int, str]], lines: list[tuple[int, str]], leads: dict[int, int]) -> None:
    """Move the anchors (``leads``) on the lines a block was written on (``given``) to the line of
    text (``lines``, numbered by where each began) each is in."""
    starts = [line for line, _ in lines]
    for number, _ in given:
        if number in leads:
            to = starts[max(0, bisect.bisect_right(starts, number) - 1)]
            leads[to] = max(leads.get(to, 0), leads[number])
