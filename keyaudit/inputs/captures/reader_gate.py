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
from typing import Any, Callable, Iterable, Iterator, Protocol, Sequence

from keyaudit.engine.line_marks import LineMarks
from keyaudit.engine.marks import Mark


_NONE: frozenset[str] = frozenset()


class Fed(Protocol):
    """What the gate needs of every reader (see :class:`.lines.Reader`)."""

    def feed(self, number: int, text: str) -> Iterator[Any]: ...

    def close(self) -> Iterator[Any]: ...


class Gated(Fed, Protocol):
    """A reader that declares its cues (see the module)."""

    cues: tuple[Mark, ...]
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
    marks, readers_of = _cue_lines(tuple((slot, reader.cues) for slot, reader in gated.items()))
    texts = dict(window)  # the window's line of each number, the lines the cues were looked for in
    numbers = list(texts)
    cued = {numbers[index]: readers_of(names) for index, names in marks.holding(list(texts.values())).items()}
    behind = {slot: getattr(reader, "behind", 0) for slot, reader in gated.items()}
    recent: deque[tuple[int, int, str]] = deque(maxlen=max(behind.values()))  # (index, number, text) of the last
    fed_at = dict.fromkeys(gated, -1)  # the index of the last line each gated reader was given
    awake = {slot for slot, reader in gated.items() if not reader.resting}
    always = [reader for reader, slot in zip(readers, slot_of) if slot is None]
    for index, (number, text) in enumerate(lines):
        if texts.get(number) == text:
            present = cued.get(number, _NONE)
        else:  # a line the window does not hold so (an envelope's): looked at alone
            present = readers_of(marks.holding([text]).get(0, set()))
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


@functools.lru_cache(maxsize=16)
def _cue_lines(cues: tuple[tuple[str, tuple[Mark, ...]], ...]
               ) -> tuple[LineMarks, Callable[[set[str]], frozenset[str]]]:
    """The readers' cues, each form once (readers share some: a place it is at is one call from Hyperscan), and what
    tells the readers a line's forms are cues of; built once for the readers of every window (the same readers, in
    the same order, read each window of a file)."""
    forms: dict[Mark, set[str]] = {}
    for slot, marks in cues:
        for form in marks:
            forms.setdefault(form, set()).add(slot)
    slots = [frozenset(readers) for readers in forms.values()]

    def readers_of(names: set[str]) -> frozenset[str]:
        return frozenset().union(*[slots[int(name)] for name in names]) if names else _NONE

    return LineMarks({str(index): (form,) for index, form in enumerate(forms)}), readers_of
