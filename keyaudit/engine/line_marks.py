"""Which lines of a window hold which named marks, found in one pass over the window.

The gate before the line readers (:mod:`keyaudit.inputs.captures.reader_gate`) asks of every line which
readers' cues it holds. Asked a line at a time, even Hyperscan costs microseconds a call (more than
the looks it spares); asked once for a window's lines joined, it costs one pass and a call for each
place a cue is. The marks are read as :mod:`.marks` reads them (literals, or patterns written alike
for both engines, with ``re.M`` where they anchor at a line's start, and no class that runs over a
line's end); where Hyperscan is not installed, or cannot compile a form, each line is looked at by ``re``.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Sequence

from keyaudit.engine.marks import MarkSet, holds


class LineMarks(MarkSet):
    """Named marks, each a few forms: :meth:`holding` tells, line by line, which names a line holds a
    form of (each form reported at every place it is, so each line it is on is told)."""

    single = False

    def holding(self, texts: Sequence[str]) -> dict[int, set[str]]:
        """For each of ``texts`` (the lines of a window) that holds a mark, by its index, the names of the marks it
        holds (most lines hold none: nothing is made for them)."""
        if not self._built:
            self._build()
        found: dict[int, set[str]] = {}
        if self._by_re:
            for index, text in enumerate(texts):
                names = {name for name, forms in self._by_re.items() if any(holds(text, form) for form in forms)}
                if names:
                    found[index] = names
        if self._database is not None and texts:
            self._scan(texts, found)
        return found

    def _scan(self, texts: Sequence[str], found: dict[int, set[str]]) -> None:
        whole = "\n".join(texts)
        data = whole.encode("utf-8", "replace")  # a lone surrogate as `?`, as :mod:`.marks` gives it
        sizes = map(len, texts) if len(data) == len(whole) else (len(text.encode("utf-8", "replace")) for text in texts)
        starts = [0, *accumulate(size + 1 for size in sizes)]  # where each line's bytes begin
        hits: list[tuple[int, int]] = []
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = self._local.scratch = self._new_scratch(self._database)

        def on_match(identifier: int, _start: int, end: int, _flags: int, _context: object) -> None:
            hits.append((identifier, end))

        if data:
            self._database.scan(data, match_event_handler=on_match, scratch=scratch)
        names = self._names
        for identifier, end in hits:
            found.setdefault(bisect_right(starts, end - 1) - 1, set()).add(names[identifier])
