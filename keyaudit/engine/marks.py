"""Which of a set of named marks a text holds, found in one pass over it.

The readers of whole windows of a log (SQL statements, printed tables, YAML records, a runtime's pieces of a
line, a terminal recording's events, …) each run only on a window that holds what they read, told by a mark:
a literal (``NSERT``) or a short pattern (a table rule's line end). Each such look was a search of the window's
text at C speed, but two dozen of them over every window of a log whose provider traffic puts most of its lines
in windows cost a seventh of its scan. Hyperscan answers them all in one pass over the text's bytes; where it is
not installed, each mark is looked for in turn, as the readers did. Either way the answer is the same set.

Hyperscan reads bytes: the text is given as UTF-8, a lone surrogate (a byte the opener could not decode, a
``\\ud800`` a JSON string wrote) as ``?``. A literal is its bytes; a pattern is read as UTF-8 with the flags
``re.I``, ``re.M``, ``re.S``; one with another flag, one Hyperscan cannot compile (``\\b`` over Unicode), and a
form holding a lone surrogate are looked for by ``re``. The two engines read a pattern alike where it is written
with literal characters, ASCII classes in brackets, anchors and bounded repeats, as the readers' marks are: their
``\\s``, ``\\w``, ``{,n}`` and case folding of letters past ASCII differ, and a mark must not use them.
"""

from __future__ import annotations

import re
import threading
from typing import Any, Callable, Mapping, Sequence

Mark = str | re.Pattern[str]

# re's flags a pattern mark may carry, and Hyperscan's for each (re.UNICODE is every str pattern's)
_FLAGS = {re.IGNORECASE: "HS_FLAG_CASELESS", re.MULTILINE: "HS_FLAG_MULTILINE", re.DOTALL: "HS_FLAG_DOTALL"}


def holds(text: str, mark: Mark) -> bool:
    """Whether ``text`` holds ``mark``, looked for by ``re``."""
    return mark in text if isinstance(mark, str) else mark.search(text) is not None


class MarkSet:
    """Named marks, each a few forms (literals or patterns): :meth:`present` tells which names a text
    holds a form of. Built once for a process's readers; the Hyperscan database is compiled the first
    time a text is asked about (a scan that reads no request never builds it), a scratch space kept
    for each thread that asks (a Dask worker's threads read files side by side)."""

    single = True  # a form found is reported at its first place in a text only

    def __init__(self, marks: Mapping[str, Sequence[Mark]]) -> None:
        self._marks = {name: tuple(forms) for name, forms in marks.items()}
        self._lock = threading.Lock()
        self._built = False
        self._database: Any = None
        self._new_scratch: Callable[[Any], Any] = type  # Hyperscan's Scratch, once it is imported
        self._names: list[str] = []  # the name of each form compiled, by its identifier
        self._by_re: dict[str, tuple[Mark, ...]] = dict(self._marks)  # the forms looked for without Hyperscan
        self._local = threading.local()

    def present(self, text: str) -> frozenset[str]:
        """The names of the marks ``text`` holds a form of."""
        if not self._built:
            self._build()
        found = {name for name, forms in self._by_re.items() if any(holds(text, form) for form in forms)}
        if self._database is not None:
            found.update(self._scanned(text))
        return frozenset(found)

    def _scanned(self, text: str) -> set[str]:
        names: set[str] = set()
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = self._local.scratch = self._new_scratch(self._database)

        def on_match(identifier: int, _start: int, _end: int, _flags: int, _context: object) -> None:
            names.add(self._names[identifier])

        data = text.encode("utf-8", "replace")  # a lone surrogate as `?` (see the module)
        if data:
            self._database.scan(data, match_event_handler=on_match, scratch=scratch)
        return names

    def _build(self) -> None:
        with self._lock:
            if self._built:
                return
            built = compiled_marks(self._marks, single=self.single)
            if built is not None:
                self._database, self._names, self._by_re, self._new_scratch = built
            self._built = True


def compiled_marks(marks: Mapping[str, tuple[Mark, ...]], single: bool
                   ) -> tuple[Any, list[str], dict[str, tuple[Mark, ...]], Callable[[Any], Any]] | None:
    """Hyperscan's database of ``marks`` (None where none compiled), the name of each form in it by its
    identifier, the forms left to ``re`` by name, and Hyperscan's Scratch; None where Hyperscan is not
    installed. ``single``: each form reported once a scan (its first place), not at every place it is."""
    try:
        import hyperscan

        from keyaudit.engine.hyperscan_databases import load_or_compile_what_compiles
    except ImportError:
        return None
    # The forms that have an expression, compiled (from the cache where it is there: compiling one costs
    # tens of milliseconds and megabytes); the others, and those Hyperscan cannot compile, looked for by re.
    compiled = [(name, form, expression_of(hyperscan, form)) for name, forms in marks.items() for form in forms]
    kept = [(name, form, expression) for name, form, expression in compiled if expression is not None]
    rejected: list[int] = []
    database = None
    once = hyperscan.HS_FLAG_SINGLEMATCH if single else 0
    if kept:
        database, rejected = load_or_compile_what_compiles(
            [expression for _, _, (expression, _) in kept], list(range(len(kept))),
            [flags | once for _, _, (_, flags) in kept], len(kept))
    by_re: dict[str, list[Mark]] = {}
    for name, form in [(name, form) for name, form, expression in compiled if expression is None] + [
            kept[index][:2] for index in rejected]:
        by_re.setdefault(name, []).append(form)
    return (database, [name for name, _, _ in kept], {name: tuple(forms) for name, forms in by_re.items()},
            hyperscan.Scratch)


def expression_of(hyperscan: Any, form: Mark) -> tuple[bytes, int] | None:
    """Hyperscan's expression and flags for a mark's form, or None where its flags have no match there."""
    try:
        written = form.encode("utf-8") if isinstance(form, str) else form.pattern.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: the text's are given as `?`
        return None
    if isinstance(form, str):  # a literal: each byte written as its code, so nothing in it is syntax
        return b"".join(b"\\x%02x" % byte for byte in written), 0
    flags = hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_UCP
    rest = form.flags & ~re.UNICODE
    for flag, name in _FLAGS.items():
        if rest & flag:
            flags |= getattr(hyperscan, name)
            rest &= ~flag
    return None if rest else (written, flags)
