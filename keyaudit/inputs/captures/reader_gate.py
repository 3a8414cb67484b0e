"""One look a window for which resting line readers could begin on each of its lines.

The line readers (:mod:`.httpdump`'s, :mod:`.curl`'s) are fed every line of a window in turn, and almost
every feed is a Python call that looks for its own marks and returns nothing. A reader that says so
declares its ``cues``: forms (literals, or patterns written as :mod:`keyaudit.engine.marks` reads them
alike with either engine) one of which every line it may act on while ``resting`` holds. The cues of
all such readers are looked for once a window (:class:`~keyaudit.engine.line_marks.LineMarks`: one
Hyperscan pass where it is installed, as the lines are taken from the window); a resting reader is
given only the lines that hold one of its cues. A reader that declares none is fed every line.

Only readers whose cues few lines of a window hold declare them (commands, wire logs, Python's
http.client, axios errors, part lines): each place a cue is found costs a call back into Python, and
the cues of dumps and labels (``://``, `` HTTP``) are on most lines around a request, where finding
them cost more than the readers' own looks (measured: a scan of provider-dense traffic 4% slower).

What a reader declares is a promise the tests hold it to (fed with and without the gate, a reader
gives the same requests): while ``resting``, ``feed`` of a line that holds none of its cues yields
nothing and changes nothing its later reading depends on — except what it keeps of the last
``behind`` lines (the line above a command), which are given to it again, in order, before the next
line it is fed. ``resting`` changes only when the reader is fed, so it is asked once after each feed.
"""

from __future__ import annotations

import functools
from collections import deque
from typing import Any, Callable, ClassVar, Iterable, Iterator, Protocol, Sequence

from keyaudit.engine.line_marks import LineMarks
from keyaudit.engine.marks import Mark


_NONE: frozenset[str] = frozenset()
STRETCH_LINES = 256  # the lines looked at in one pass, from the first a reader is to be given on


class Fed(Protocol):
    """What the gate needs of every reader (see :class:`.lines.Reader`)."""

    def feed(self, number: int, text: str) -> Iterator[Any]: ...

    def close(self) -> Iterator[Any]: ...


class Gated(Fed, Protocol):
    """A reader that declares its cues, its class's (see the module)."""

    cues: ClassVar[tuple[Mark, ...]]
    behind: int  # 0 where it is not declared

    @property
    def resting(self) -> bool: ...


def run_gated(readers: Sequence[Fed], lines: Iterable[tuple[int, str]],
              window: Sequence[tuple[int, str]] | None = None) -> Iterator[Any]:
    """What ``readers`` read in ``lines``, each line given to each reader in order, save the lines
    that hold none of a resting reader's cues (see the module). The cues are looked for once in
    ``window``, the lines ``lines`` are taken from (a line it does not hold as given, an envelope's
    line, is looked at alone); with no window, every line is given to every reader."""
    slot_of = [str(index) if getattr(reader, "cues", None) else None for index, reader in enumerate(readers)]
    gated: dict[str, Gated] = {slot: reader for slot, reader in zip(slot_of, readers)  # type: ignore[misc]
                               if slot is not None}
    if not gated or window is None:
        yield from _every_line(readers, lines)
        return
    cued = _Cued(*_cue_lines(tuple((slot, type(reader)) for slot, reader in gated.items())), window, frozenset(gated))
    behind = {slot: getattr(reader, "behind", 0) for slot, reader in gated.items()}
    recent: deque[tuple[int, int, str]] = deque(maxlen=max(behind.values()))  # (index, number, text) of the last
    fed_at = dict.fromkeys(gated, -1)  # the index of the last line each gated reader was given
    awake = {slot for slot, reader in gated.items() if not reader.resting}
    always = [reader for reader, slot in zip(readers, slot_of) if slot is None]
    for index, (number, text) in enumerate(lines):
        present = cued.readers(number, text)
        if not present and not awake:
            for reader in always:
                yield from reader.feed(number, text)
        else:
            for reader, slot in zip(readers, slot_of):
                if slot is not None:
                    if slot not in present and slot not in awake:
                        continue
                    if behind[slot] and fed_at[slot] < index - 1:  # the lines it keeps of those passed over
                        for passed in [line for line in recent if line[0] > fed_at[slot]][-behind[slot]:]:
                            yield from reader.feed(passed[1], passed[2])
                    fed_at[slot] = index
                yield from reader.feed(number, text)
                if slot is not None:
                    awake.discard(slot) if gated[slot].resting else awake.add(slot)
        if recent.maxlen:
            recent.append((index, number, text))
    for reader in readers:
        yield from reader.close()


def _every_line(readers: Sequence[Fed], lines: Iterable[tuple[int, str]]) -> Iterator[Any]:
    for number, text in lines:
        for reader in readers:
            yield from reader.feed(number, text)
    for reader in readers:
        yield from reader.close()


class _Cued:
    """Which gated readers each line of a window holds cues of, looked for a stretch of lines at a time from the
    first line asked about on: the readers are given the lines near anchors only, and a window's other lines are
    not looked at. Nothing is made for each of the window's lines (a window of a log holds some 100 lines around its
    anchors, of which the readers are given a tenth): a line is found by its number's distance from the first, and
    what a line of the stretch holds is told the readers when it is asked about."""

    def __init__(self, marks: LineMarks, readers_of: Callable[[set[str]], frozenset[str]],
                 window: Sequence[tuple[int, str]], every: frozenset[str]) -> None:
        self._marks, self._readers_of = marks, readers_of
        self._window, self._first = window, window[0][0] if window else 0
        self._at: dict[int, int] | None = None  # each number's index, made where the numbers skip (lines joined)
        self._stretch = (0, 0)  # the indexes of the lines looked at last (from, past)
        self._held: dict[int, set[str]] = {}  # what they hold, by index from the stretch's first
        self._every = every

    def readers(self, number: int, text: str) -> frozenset[str]:
        """The gated readers line ``number`` holds cues of, given as ``text``; all of them for a line the window does
        not hold so (an envelope's: a look at one line costs Hyperscan's call, more than the readers' own looks)."""
        index = self._index(number)
        if index is None or self._window[index][1] != text:
            return self._every
        start, past = self._stretch
        if not start <= index < past:
            start, past = self._stretch = index, min(len(self._window), index + STRETCH_LINES)
            self._held = self._marks.holding([line for _, line in self._window[start:past]])
        held = self._held.get(index - start)
        return self._readers_of(held) if held else _NONE

    def _index(self, number: int) -> int | None:
        """Where line ``number`` is in the window, or None where the window does not hold it."""
        index = number - self._first
        if 0 <= index < len(self._window) and self._window[index][0] == number:
            return index
        if self._at is None:
            self._at = {each: index for index, (each, _) in enumerate(self._window)}
        return self._at.get(number)


@functools.lru_cache(maxsize=16)
def _cue_lines(kinds: tuple[tuple[str, type], ...]) -> tuple[LineMarks, Callable[[set[str]], frozenset[str]]]:
    """The cues of the readers of ``kinds`` (a reader's cues are its class's), each form once (readers share some: a
    place it is at is one call from Hyperscan), and what tells the readers a line's forms are cues of; built once for
    the readers of every window (the same readers, in the same order, read each window of a file)."""
    forms: dict[Mark, set[str]] = {}
    for slot, kind in kinds:
        for form in kind.cues:  # type: ignore[attr-defined]
            forms.setdefault(form, set()).add(slot)
    slots = [frozenset(readers) for readers in forms.values()]

    def readers_of(names: set[str]) -> frozenset[str]:
        return frozenset().union(*[slots[int(name)] for name in names]) if names else _NONE

    return LineMarks({str(index): (form,) for index, form in enumerate(forms)}), readers_of
