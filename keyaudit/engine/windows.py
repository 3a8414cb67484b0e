"""Windows of lines worth reading as requests: around each request anchor the engine found, and
around each credential a secret rule confirmed.

Reading a file as HTTP traffic costs Python work per line; a mixed production log mentions a
provider in a few dozen of its lines. So the engine's pass, which sees every byte anyway, notes
where those lines are — the byte offset and number of the first line of each window, and its
last line — and the request readers later read only those lines. Work grows with anchors, not
with bytes.

Plain files are read again at each window's offset; a stream that cannot seek (decompressed
text) would have to be decoded again up to its last window, which costs as much as the first
pass. So for such a stream the collector keeps the windows' lines as the pass goes by
(:meth:`WindowCollector.keep`), up to a bound on memory. Past it, the windows the pass has left
behind for good are handed to the readers there and then (:attr:`WindowCollector.on_full`) and
their text let go; only when that is not enough (one window of huge lines, or no one to read
them yet) are all lines dropped, and the readers read the stream again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterator

from keyaudit.engine.line_memo import LineCounter, LineMemo
from keyaudit.engine.window_groups import Window, cut_at, merged, touching

TAIL_BYTES = 64 << 10  # of the lines before a buffer, what its windows may reach back into
HAND_OVER_ANCHORS = 2048  # anchors marked before the windows the pass left behind are handed over


@dataclass(frozen=True)
class Reach:
    """How far around an anchor a window goes: lines before it and after it; ``joins``: how many
    lines apart two windows of such anchors alone may be and still be read as one (one-line
    records: each window costs its readers a set-up, each line between two a little)."""

    before: int
    after: int
    joins: int = 0


@dataclass(frozen=True)
class NestedText:
    """The text a payload in the stream opened to (:mod:`keyaudit.engine.payloads`), to be read
    as requests: its windows, the line and column (characters before it) of the encoded value in
    the stream, which every request read in it is placed on, and how it was decoded. Whether it
    names a provider or a signature header, or holds a credential, is the reader's to weigh."""

    text: bytes
    windows: list[Window]
    line: int
    column: int
    decoded: str
    anchors_seen: bool
    found_credentials: bool


@dataclass(frozen=True)
class KeepText:
    """How much text a collector keeps: each line up to ``line_bytes``, each window up to
    ``window_bytes`` of its lines (whole lengths counted), all windows up to ``total_bytes``."""

    line_bytes: int
    window_bytes: int
    total_bytes: int


@dataclass
class _Kept:
    """What a collector has kept of one window so far."""

    at: int  # the offset in the stream of the next byte to keep
    next_line: int  # the line it is on
    lines: dict[int, bytes] = field(default_factory=dict)
    partial: bytes = b""  # the start of a line the last region ended in
    size: int = 0  # bytes of the window's lines passed, whole lengths


class WindowCollector:
    """The windows of one stream, each reaching some lines before and after its anchor.

    A window reaches back past the start of the buffer its anchor is in through the last lines of
    the buffer before it (:meth:`passed` notes them: as many as a request reaches back, at most
    :data:`TAIL_BYTES` of them), so that a request split by the engine's buffers (a mebibyte each,
    starting on a line) is read whole; work per anchor stays bounded.

    Where an anchor's line tells how far its request can reach, ``reach_of`` says so: a line
    holding a whole request (a one-line JSON request record) needs no line around it, a
    request's first line none before it. A log of such lines is read a line or a request per
    anchor, not a request's span both ways.
    """

    def __init__(self, stream_offset: int = 0, request: Reach = Reach(0, 0), record: Reach = Reach(0, 0),
                 keep_text: KeepText | None = None, reach_of: Callable[[bytes, Reach], Reach] | None = None,
                 whole_lines: bool = False) -> None:
        self._stream_offset = stream_offset  # where the stream the engine reads starts in the content
        self.request = request  # around request anchors and credentials: a whole request, body included
        self.record = record  # around record anchors (a provider host): the record's own lines
        self._reach_of = reach_of  # (an anchor's line, the reach of its kind) -> the reach it gets
        self._windows: list[Window] = []
        self._keep_text = keep_text
        self._kept: list[_Kept] = []  # one per window, while text is kept
        self._open = 0  # windows before this one have all their lines kept
        self._kept_bytes = 0
        # The last lines before the buffer being read: (number, stream offset, text when kept).
        self._tail: list[tuple[int, int, bytes]] = []
        # With ``whole_lines`` (a text in memory, whose lines are read whole), the (number, stream
        # offset) of the line the buffer being read starts inside, if it does: a line longer than
        # a buffer (a batch of events on one line) is read from its start. A file's lines are read
        # cut, and a window on a longer line starts where its buffer does.
        self._whole_lines = whole_lines
        self._inside: tuple[int, int] | None = None
        self._lines = LineMemo(b"")  # the lines of the buffer being read: their anchors' reaches
        self._opened = (0, 0)  # the line the last window opened on, its reach back: an anchor there reaching no further joins it
        # Who reads the requests in the text of a payload that writes requests out, as the pass
        # opens it (the text is not kept after); None: no one.
        self.on_nested: Callable[[NestedText], None] | None = None
        # Who reads windows that are complete and that no later window can join, when the kept
        # text outgrows its bound: True when it read them (their text is let go); False, or no
        # one, and all text is dropped (the readers read the stream again).
        self.on_full: Callable[[list[Window]], bool] | None = None
        self._marked = 0  # anchors marked since windows were last handed over where no text is kept
        self._hand_at = HAND_OVER_ANCHORS  # how many when those left behind are next offered

    def nested(self) -> "WindowCollector":
        """A collector of the same reaches for the text a payload opened to, which is in memory
        (read again at its windows, not kept line by line)."""
        return WindowCollector(0, self.request, self.record, reach_of=self._reach_of, whole_lines=True)

    def add(self, buffer: bytes, position: int, line: int, buffer_offset: int, reach: Reach,
            upto: int | None = None) -> None:
        """A window around ``buffer[position]``, which is on line ``line``; ``buffer`` starts at
        ``buffer_offset`` of the stream. ``upto``: the last line a new window may start on (an
        anchor past the stream's end opens none wholly past it)."""
        start, reach = self._line_of(buffer, position, reach)
        first, last = line, (self._windows[-1] if self._windows else None)
        self._marked += 1
        if last is not None and line <= last.last_line and (last.first_line <= line - reach.before or (
                self._opened[0] == line and self._opened[1] >= reach.before)):
            last.last_line = max(last.last_line, line + reach.after)
            last.anchor(line, min(reach.before, line - last.first_line))
            last.joins = min(last.joins, reach.joins)
            return
        self._opened = (line, reach.before)
        if self._keep_text is None and last is not None and last.first_line <= line - reach.before <= last.last_line + 1 \
                and (upto is None or line - reach.before <= upto):
            # Touching the last window from inside it or just below: the one window :meth:`windows`
            # would merge them into, made now (a log anchored on every line holds one window, not
            # one a line). Not where lines are kept: a window complete in an earlier buffer keeps no more.
            last.last_line = max(last.last_line, line + reach.after)
            last.anchor(line, reach.before)
            last.joins = min(last.joins, reach.joins)
            return
        # A new window, which may overlap the last (it starts earlier): :meth:`windows` merges them.
        while first > line - reach.before and start > 0:
            start = buffer.rfind(b"\n", 0, start - 1) + 1
            first -= 1
        offset = self._stream_offset + buffer_offset + start
        if start == 0 and self._inside is not None and self._inside[0] == first:
            offset = self._inside[1]  # the line began in a buffer before
        elif start == 0:  # on into the lines of the buffer before
            for number, at, _text in reversed(self._tail):
                if number < line - reach.before:
                    break
                first, offset = number, at
        if upto is None or first <= upto:
            self._windows.append(Window(offset, first, line + reach.after, {line: line - first}, reach.joins))
        elif last is not None and line <= last.last_line:  # past the end, no window can start: the one reaching it
            last.last_line = max(last.last_line, line + reach.after)
            last.anchor(line, line - last.first_line)
            last.joins = 0

    def _line_of(self, buffer: bytes, position: int, reach: Reach) -> tuple[int, Reach]:
        """Where the line holding ``buffer[position]`` starts in ``buffer``, and the reach an anchor
        of ``reach``'s kind gets on it (its line is not weighed where it runs on past the buffer),
        worked out once a line and kind."""
        if self._lines.buffer is not buffer:
            self._lines = LineMemo(buffer)
        start, end = self._lines.bounds(position)
        if self._reach_of is None or end == len(buffer):
            return start, reach
        reach_of = self._reach_of
        return start, self._lines.of(position, reach, lambda first, last: reach_of(buffer[first:last], reach))

    def passed(self, buffer: bytes, cut: int, next_line: int, buffer_offset: int) -> None:
        """Note the last lines of ``buffer[:cut]``, read up to line ``next_line`` (``buffer`` starts
        at ``buffer_offset`` of the stream), for the windows of the next buffer to reach into."""
        if cut == 0 or buffer[cut - 1 : cut] != b"\n":
            self._tail = []  # the next buffer starts inside a line: nothing before it to reach
            newline = buffer.rfind(b"\n", 0, cut)
            if self._whole_lines and (newline >= 0 or self._inside is None):  # else it began further back still
                self._inside = (next_line, self._stream_offset + buffer_offset + newline + 1)
            return
        self._inside = None
        tail: list[tuple[int, int, bytes]] = []
        end, size = cut, 0
        while len(tail) < self.request.before and end > 0:
            start = buffer.rfind(b"\n", 0, end - 1) + 1
            size += end - start
            if size > TAIL_BYTES:
                break
            text = buffer[start:end] if self._keep_text is not None else b""
            tail.append((next_line - 1 - len(tail), self._stream_offset + buffer_offset + start, text))
            end = start
        self._tail = tail[::-1]

    def add_all(self, lines: LineCounter, positions: list[int], buffer_offset: int, reach: Reach,
                upto: int | None = None) -> None:
        """Windows around every one of the sorted ``positions`` of the buffer ``lines`` counts."""
        last = (0, lines.line(0))
        for position in positions:
            last = (position, lines.line(position, last))
            self.add(lines.buffer, position, last[1], buffer_offset, reach, upto)

    def keep(self, buffer: bytes, cut: int, line: int, buffer_offset: int, final: bool) -> None:
        """Keep the lines of every window that lie in ``buffer[:cut]``, which starts on line
        ``line`` at ``buffer_offset`` of the stream (the pass's regions follow one another);
        ``final`` for the stream's last region, whose last line may have no line ending.

        Where no text is kept (a stream read again at its windows), the windows the pass has left
        behind are handed over all the same once many anchors were marked (a log of a curl command
        a line: 200,000 windows held 190 MB; a log of dumps a few lines apart, one window from its
        top to its end, a number each anchored line): what is held is bounded by the count too."""
        if self._keep_text is None:
            if self._marked >= self._hand_at:
                self._offer(line + buffer.count(b"\n", 0, cut))
            return
        start_of = self._stream_offset + buffer_offset
        self._kept += [self._started(window, start_of, line) for window in self._windows[len(self._kept) :]]
        for index in range(self._open, len(self._windows)):
            window, kept = self._windows[index], self._kept[index]
            if kept.at - start_of < cut or final:
                self._keep_lines(window, kept, buffer, kept.at - start_of, cut, final)
                kept.at = max(kept.at, start_of + cut)
            if kept.next_line <= window.last_line and kept.size >= self._keep_text.window_bytes:
                # A window of huge lines that a merged window would read further: none is
                # kept, and the readers read the stream again.
                self._keep_text, self._kept = None, []
                return
            if index == self._open and kept.next_line > window.last_line:
                self._open += 1
        if self._marked < self._hand_at and self._within_bounds():
            return
        passed = line + buffer.count(b"\n", 0, cut)  # the line the pass is on past the region
        if self._marked >= self._hand_at:  # many windows held, each with its own lines: as where none are kept
            self._offer(passed)
        if not self._within_bounds() and not (self._handed_over(passed) and self._within_bounds()):
            self._keep_text, self._kept = None, []  # too much to hold: as for huge lines

    def keep_on(self, pieces: Iterator[bytes], line: int, offset: int) -> None:
        """Keep, from the text past the stream's end that ``pieces`` give (from ``offset``, on line
        ``line``), the lines of the windows still open there, until none is: what a range's last
        requests need of the next range (no further than a window reaches)."""
        for piece in pieces:
            if self._keep_text is None or all(window.last_line < line for window in self._windows[self._open :]):
                return
            self.keep(piece, len(piece), line, offset, False)
            line, offset = line + piece.count(b"\n"), offset + len(piece)
        self.keep(b"", 0, line, offset, True)  # the text's end: its last line may have no line ending

    def _offer(self, line: int) -> None:
        """Hand over what the pass left behind, many anchors having been marked since the last time;
        declined (the file is not known to hold requests yet), offered again at twice as many."""
        handed = self._handed_over(line)
        self._marked, self._hand_at = (0, HAND_OVER_ANCHORS) if handed else (self._marked, 2 * self._hand_at)

    def _within_bounds(self) -> bool:
        """Whether the text kept is within its bound."""
        return self._keep_text is not None and self._kept_bytes <= self._keep_text.total_bytes

    def _handed_over(self, line: int) -> bool:
        """Whether :attr:`on_full` read the windows that are complete and that no other window
        can join (letting go of their text, where it is kept). The pass is on ``line``, and a
        window to come starts at most a reach before its anchor: a group of windows that touch one
        another (what :meth:`windows` merges; where no text is kept, those whose reaches join too)
        is ready when it ends before that, by as many lines as its windows join by, and every
        window in it has all its lines. Only the groups before the first not ready are handed
        over: the readers read the stream forward.
        Where no text is kept, that first group's lines before where a window to come may start
        are handed over too, cut there (:func:`~keyaudit.engine.window_groups.cut_at`): the
        readers read on from the cut in the rest, which stays, as if the group were read whole."""
        if self.on_full is None:
            return False
        windows, kept, keeps = self._windows, self._kept, self._keep_text is not None
        later = line - max(self.request.before, self.record.before)
        ready: list[int] = []
        cut: list[int] = []  # a group still growing, cut before where a window to come may start
        parts: list[Window] = []  # its lines before that, and the rest, which stays
        for group in touching(windows, joining=not keeps):
            joins = 0 if keeps else min(windows[index].joins for index in group)
            if max(windows[index].last_line for index in group) + 1 + joins < later and not (
                    keeps and any(kept[index].next_line <= windows[index].last_line for index in group)):
                ready += group
                continue
            whole = None if keeps else merged([windows[index] for index in group], None, joining=True)[0]
            if whole is not None and whole.first_line < later <= whole.last_line:
                cut, parts = group, list(cut_at(whole, later))
            break
        handing = merged([windows[index] for index in ready], [kept[index].lines for index in ready] if keeps else None,
                         joining=not keeps) + parts[:1]
        if not handing or not self.on_full(handing):
            return False
        gone = {*ready, *cut}
        self._windows = parts[1:] + [window for index, window in enumerate(windows) if index not in gone]
        if keeps:
            self._kept_bytes -= sum(len(text) for index in ready for text in kept[index].lines.values())
            self._kept = [entry for index, entry in enumerate(kept) if index not in gone]
            self._open = next((index for index, (window, entry) in enumerate(zip(self._windows, self._kept))
                               if entry.next_line <= window.last_line), len(self._windows))
        return True

    def _started(self, window: Window, start_of: int, line: int) -> _Kept:
        """What is kept of a new window of the buffer that starts at ``start_of`` on ``line``: its
        lines of the buffer before, from the tail, when it reaches into them."""
        if window.offset >= start_of:
            return _Kept(window.offset, window.first_line)
        kept = _Kept(start_of, line)
        for number, _at, text in self._tail:
            if number >= window.first_line:
                kept.lines[number] = text
                kept.size += len(text)
                self._kept_bytes += len(text)
        return kept

    def _keep_lines(self, window: Window, kept: _Kept, buffer: bytes, position: int, cut: int, final: bool) -> None:
        limits = self._keep_text
        assert limits is not None
        while kept.next_line <= window.last_line and kept.size < limits.window_bytes and position < cut:
            end = buffer.find(b"\n", position, cut)
            if end < 0 and not final:  # the line goes on in the next region
                kept.partial += buffer[position : min(cut, position + max(0, limits.line_bytes - len(kept.partial)))]
                kept.size += cut - position
                return
            end = cut if end < 0 else end + 1
            text = kept.partial + buffer[position : min(end, position + limits.line_bytes - len(kept.partial))]
            kept.lines[kept.next_line], kept.partial = text, b""
            kept.size += end - position
            self._kept_bytes += len(text)
            kept.next_line, position = kept.next_line + 1, end
        if final and kept.partial:
            kept.lines[kept.next_line], kept.partial = kept.partial, b""
            kept.next_line += 1

    def windows(self) -> list[Window]:
        """Every window not handed over, in stream order, those that touch or overlap merged into
        one (with their lines, when the text of every window was kept); else those whose anchors'
        reaches join them too (the lines between are read from the stream: none was kept)."""
        keeps = self._keep_text is not None
        return merged(self._windows, [kept.lines for kept in self._kept] if keeps else None, joining=not keeps)
