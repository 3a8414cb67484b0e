"""Which lines of a window hold which named marks, found in one pass over the window.

The gate before the line readers (:mod:`keyaudit.inputs.captures.reader_gate`) asks of every line which
readers' cues it holds. Asked a line at a time, even Hyperscan costs microseconds a call (more than
the looks it spares); asked once for a window's lines joined, it costs one pass and a call for each
place a cue is. The marks are read as :mod:`.marks` reads them (literals, or patterns written alike
for both engines, with ``re.M`` where they anchor at a line's start, and no class that runs over a
line's end); where Hyperscan is not installed, or cannot compile a form, each line is looked at by ``re``.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from itertools import accumulate
from typing import Any, Mapping, Sequence

from keyaudit.engine.marks import Mark, expression_of, holds


class LineMarks:
    """Named marks, each a few forms: :meth:`holding` tells, line by line, which names a line holds a
    form of. Compiled the first time it is asked, a scratch space kept for each thread that asks."""

    def __init__(self, marks: Mapping[str, Sequence[Mark]]) -> None:
        self._marks = {name: tuple(forms) for name, forms in marks.items()}
        self._lock = threading.Lock()
        self._built = False
        self._database: Any = None
        self._new_scratch: Any = None
        self._names: list[str] = []  # the name of each form compiled, by its identifier
        self._by_re: dict[str, tuple[Mark, ...]] = dict(self._marks)
        self._local = threading.local()

    def holding(self, texts: Sequence[str]) -> list[set[str]]:
        """For each of ``texts`` (the lines of a window), the names of the marks it holds."""
        if not self._built:
            self._build()
        found: list[set[str]] = [set() for _ in texts]
        if self._by_re:
            for line, text in zip(found, texts):
                line.update(name for name, forms in self._by_re.items() if any(holds(text, form) for form in forms))
        if self._database is not None and texts:
            self._scan(texts, found)
        return found

    def _scan(self, texts: Sequence[str], found: list[set[str]]) -> None:
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

        self._database.scan(data, match_event_handler=on_match, scratch=scratch)
        names = self._names
        for identifier, end in hits:
            found[bisect_right(starts, end - 1) - 1].add(names[identifier])

    def _build(self) -> None:
        with self._lock:
            if self._built:
                return
            try:
                import hyperscan

                from keyaudit.engine.hyperscan_databases import load_or_compile_what_compiles
            except ImportError:
                self._built = True
                return
            compiled = [(name, form, expression_of(hyperscan, form)) for name, forms in self._marks.items()
                        for form in forms]
            kept = [(name, form, expression) for name, form, expression in compiled if expression is not None]
            rejected: list[int] = []
            if kept:
                self._database, rejected = load_or_compile_what_compiles(
                    [expression for _, _, (expression, _) in kept], list(range(len(kept))),
                    [flags for _, _, (_, flags) in kept], len(kept))
            self._names = [name for name, _, _ in kept]
            by_re: dict[str, list[Mark]] = {}
            for name, form in [(name, form) for name, form, expression in compiled if expression is None] + [
                    kept[index][:2] for index in rejected]:
                by_re.setdefault(name, []).append(form)
            self._by_re = {name: tuple(forms) for name, forms in by_re.items()}
            self._new_scratch = hyperscan.Scratch
            self._built = True
