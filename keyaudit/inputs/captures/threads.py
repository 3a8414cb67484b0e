"""The lines of requests sent at once, told apart by who wrote them.

Worker threads, tasks and parallel transfers log their requests into one file, line by line, so
the lines of two requests interleave; a reader that reads one request at a time (:mod:`.dumps`)
would end the first at the second's start line and take the second's lines as the first's. Where
a log says on each line who wrote it — a thread's name, a TID, a transfer's id: data, in
:data:`WRITERS` — the lines of each writer go to a reader of their own (:class:`ByWriter`), as if
each writer had its own log. A line that names no writer (the later lines of a message logged at
once, a body printed after its first line) is the writer's of the line before it.
"""

from __future__ import annotations

import re
from itertools import chain
from typing import Callable, Iterator

from keyaudit.model.exchange import REQUEST_SPAN_LINES, Exchange

from .lines import Reader

# Where a log line names what wrote it, one convention an entry: (a literal the line's head must hold,
# where the writer is). Each pattern begins with a literal or at the line's start, so ``re`` looks for it
# at C speed; the literal spares most lines the pattern.
WRITERS = tuple((literal, re.compile(pattern)) for literal, pattern in (
    (":", r"^\d\d-\d\d \d\d:\d\d:\d\d\.\d+ +(\d+ +\d+) [VDIWEFA] "),  # adb logcat -v threadtime: PID, TID
    ("] ", r"^(?:\d\d:\d\d:\d\d\.\d+ )?\[(\d+)-(?:\d+|x)\] "),  # curl --trace-ids: a transfer's id
    # a JVM thread's name: pool-1-thread-2, nio-8080-exec-7, …-worker-1, a Kafka listener's ntainer#0-0-C-1; as
    # Spring Boot's `[%15.15t]` writes it too, padded on the left and cut to its last 15 characters ([   task-1])
    ("[", r"\[ *((?=[\w.$#-]*?[A-Za-z])[\w.$#-]*-\d+)\]"),  # (a letter in it: the look ahead keeps it linear)
    ("Task-", r"(?<![\w-])(Task-\d+)(?![\w-])"),  # Python's %(taskName)s: asyncio's Task-2
    ("Thread-", r"(?<![\w-])(Thread-\d+)(?![\w-])"),  # Python's %(threadName)s
    ("tid", r"\btid[:=](\d+)"),  # a thread's id as a field: Ruby httpx's `(pid:… tid:…, self:…)`
))
HEAD_CHARS = 160  # a log prefix naming the writer is in the line's first characters
MAX_WRITERS = 64  # writers followed at once; the least recently seen one's request ends


def writer(text: str) -> str | None:
    """The thread, task or transfer that ``text`` says wrote it, or None where it says none. The
    readers of one line ask it in turn: the last answer is kept for the same line."""
    asked, answer = _asked[0]
    if text is asked:
        return answer
    head, found = text[:HEAD_CHARS], None
    for literal, pattern in WRITERS:
        if literal in head and (match := pattern.search(head)) is not None:
            found = match.group(1)
            break
    _asked[0] = (text, found)
    return found


# The line asked last and its writer, as one pair stored at once: a Dask worker's threads read
# files side by side, and a line and another thread's answer must never meet.
_asked: list[tuple[str | None, str | None]] = [(None, None)]


class ByWriter:
    """A reader of one request at a time, one for each writer the lines name (see the module).

    A writer's line goes to its reader. One exception: a writer that has not begun a request yet,
    whose line begins none, while another writer's request is open — a request whose messages
    were logged from two threads (an async client's): the line is that request's. A request whose
    writer wrote nothing more for :data:`REQUEST_SPAN_LINES` lines keeps no one reading. A line
    goes on to its reader's own ``feed`` (no generator of this reader's between: most lines fed
    give nothing, and a reader may say so without making one)."""

    capture: str

    def __init__(self, path: str, make: Callable[[str], Reader]) -> None:
        self.path = path
        self._make = make
        self._readers: dict[str | None, _Writer] = {}
        self._last: _Writer | None = None  # the reader of the line before
        self._number = 0

    def feed(self, number: int, text: str) -> Iterator[Exchange]:
        self._number = number
        name = writer(text)
        last = self._last
        if last is not None and (name is None or name == last.name):  # the line before's writer (most lines)
            last.line = number
            last.began = last.began or last.reader.busy
            return last.reader.feed(number, text)
        ended: list[Exchange] = []
        own = self._readers.pop(name, None) or _Writer(name, self._make(self.path))
        self._readers[name] = own  # most recently seen last
        if len(self._readers) > MAX_WRITERS:
            ended = list(self._readers.pop(next(iter(self._readers))).reader.close())
        own.began = own.began or own.reader.busy
        if own is not last and last is not None and not own.began and last.reader.busy:
            read = list(own.reader.feed(number, text))
            own.line = number
            if read or own.reader.busy:  # the writer's first request
                own.began, self._last = True, own
                return iter(ended + read)
            own = last  # no request of its own: a line of the open one
        self._last, own.line = own, number
        return chain(ended, own.reader.feed(number, text)) if ended else own.reader.feed(number, text)

    @property
    def busy(self) -> bool:
        """Whether a writer's request is open and that writer wrote lately."""
        if len(self._readers) == 1:  # most logs: one writer, or none named
            return self._last is not None and self._last.reader.busy
        return any(self._number - own.line < REQUEST_SPAN_LINES and own.reader.busy for own in self._readers.values())

    def close(self) -> Iterator[Exchange]:
        for own in self._readers.values():
            yield from own.reader.close()
        self._readers.clear()
        self._last = None


class _Writer:
    """One writer (its name), its reader, the last line it was given, and whether it began a
    request (seen reading one)."""

    __slots__ = ("name", "reader", "line", "began")

    def __init__(self, name: str | None, reader: Reader) -> None:
        self.name = name
        self.reader = reader
        self.line = 0
        self.began = False
