"""Judging a hit by its rule's context: which pieces of evidence are where, and whether they
weigh enough.

Only hits that passed their rule's pattern and validator get here, so the work is per
candidate, not per byte: the text scopes are read from the hit and the overlap around it, a
pattern of file scope is looked for once per buffer, and provider hosts file-wide come from the
stream's :class:`~keyaudit.engine.evidence.FileEvidence`, which only reads buffers the engine saw
a record anchor in. What was found is reported on the finding (``context.evidence``: which
piece, which scope, which line; never the text, which may hold the secret).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from keyaudit.engine.budget import RuleBudget, Spending
from keyaudit.engine.evidence import FileEvidence
from keyaudit.engine.flow_search import FlowSearch
from keyaudit.engine.matcher import OVERLAP_BYTES
from keyaudit.engine.records import Span, line_span, lines_span, record_span
from keyaudit.engine.span_search import SpanSearch
from keyaudit.engine.stream import Hit
from keyaudit.rulebook.context import ContextSpec, Evidence, name_parts
from keyaudit.rulebook.flow_parts import flow_parts
from keyaudit.rulebook.rules import Rule

if TYPE_CHECKING:
    import regex

MAX_NAME_BYTES = 100
_NAME_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$@.-")


@dataclass
class Verdict:
    """What a rule's context found for one hit: the pieces (with the line each is on, None where
    it has none), whether a piece against it was found, the file-wide host pieces not seen yet
    (for it and against it), and the provider host that a file-wide piece found."""

    found: list[tuple[Evidence, int | None]] = field(default_factory=list)
    against: bool = False
    waiting: list[Evidence] = field(default_factory=list)
    waiting_against: list[Evidence] = field(default_factory=list)
    host: tuple[str, str] | None = None  # (host as written, its provider)

    def strength(self) -> int:
        return sum(piece.strength for piece, _ in self.found)

    def holds(self, spec: ContextSpec) -> bool:
        """Enough evidence, none against, and no host against it still to come."""
        return not self.against and not self.waiting_against and self.strength() >= spec.requires

    def may_hold(self, spec: ContextSpec) -> bool:
        """Whether the rest of the file could make it hold (a host it waits for)."""
        return not self.against and self.strength() + sum(p.strength for p in self.waiting) >= spec.requires

    def settle(self, evidence: FileEvidence) -> None:
        """At the end of the text: the waiting pieces, judged by the hosts the file turned out to
        have."""
        for piece in self.waiting:
            host = evidence.host(piece)
            if host is not None:
                self.found.append((piece, None))
                self.host = self.host or host
        self.against = self.against or any(evidence.host(piece) is not None for piece in self.waiting_against)
        self.waiting, self.waiting_against = [], []

    def report(self) -> list[dict[str, Any]]:
        """``context.evidence``: each piece found, its scope and its line."""
        return [{"name": piece.name, "scope": piece.scope, **({"line": line} if line is not None else {})}
                for piece, line in self.found]


class _Around:
    """The text around one hit (the overlap's worth each side) and the spans its scopes cover."""

    def __init__(self, hit: Hit) -> None:
        self.text = hit.around(OVERLAP_BYTES)
        reach_back = hit.match.match_start - OVERLAP_BYTES
        self.in_whole = max(0, len(hit.before) + reach_back)  # where the text starts in before + buffer + after
        origin = OVERLAP_BYTES if reach_back >= 0 else min(len(hit.before), -reach_back) + hit.match.match_start
        self.secret = (origin + hit.match.start - hit.match.match_start, origin + hit.match.end - hit.match.match_start)
        self.origin, self.end = origin, origin + hit.match.match_end - hit.match.match_start
        self.line = hit.place[0]
        self._spans: dict[tuple[str, int], Span] = {}

    def span(self, piece: Evidence) -> Span:
        key = (piece.scope, piece.reach)
        if key not in self._spans:
            start, end = self.secret
            if piece.scope == "line":
                self._spans[key] = line_span(self.text, start, end)
            elif piece.scope == "lines":
                self._spans[key] = lines_span(self.text, start, end, piece.reach)
            elif piece.scope == "window":
                self._spans[key] = (max(0, self.origin - piece.reach), min(len(self.text), self.end + piece.reach))
            else:
                self._spans[key] = record_span(self.text, start, end)
        return self._spans[key]


def whole_name(buffer: bytes, start: int, end: int) -> bytes:
    """The name ``buffer[start:end]`` (a rule's group ``name``) is part of: widened over the
    characters names are written with (letters, digits, ``_ $ @ . -``), at most
    :data:`MAX_NAME_BYTES` each way. A pattern may then mark only a name's telling part (its
    keyword), and need not try every word start to find the whole name."""
    first = start
    while first > max(0, start - MAX_NAME_BYTES) and buffer[first - 1] in _NAME_BYTES:
        first -= 1
    last = end
    while last < min(len(buffer), end + MAX_NAME_BYTES) and buffer[last] in _NAME_BYTES:
        last += 1
    return buffer[first:last]


def _line_of(text: bytes, origin: int, line: int, position: int) -> int:
    """The line of ``text[position]``, given that ``text[origin]`` is on ``line``."""
    if position >= origin:
        return line + text.count(b"\n", origin, position)
    return line - text.count(b"\n", position, origin)


class ContextJudge:
    """Judges the hits of one stream by their rules' contexts; patterns of file scope are looked
    for once per buffer (and per captured name, for flows)."""

    def __init__(self, path: str, evidence: FileEvidence, budget: RuleBudget) -> None:
        self.path = path
        self.evidence = evidence
        self.budget = budget
        self._buffer_offset = -1
        self._in_buffer: dict[tuple[int, str], int | None] = {}  # (piece id, name) -> position in the buffer
        self._spans = SpanSearch()  # the text scopes' searches, over the buffer and the text around it
        self._flows = FlowSearch()  # flows' searches with a name, by their parts
        self._first_names: dict[int, str] = {}  # flow piece id -> the first name it was asked with

    def judge(self, rule: Rule, hit: Hit) -> Verdict:
        """The verdict of ``rule``'s context on ``hit``."""
        spec = rule.context
        assert spec is not None, "only rules with a context are judged by it"
        if hit.offset != self._buffer_offset:
            self._buffer_offset, self._in_buffer = hit.offset, {}
            self._spans = SpanSearch(hit.before + hit.buffer + hit.after)
            self._flows = FlowSearch()
        name = whole_name(hit.buffer, *hit.match.name).decode("utf-8", "replace") if hit.match.name else ""
        around = _Around(hit)
        verdict = Verdict()
        waivable: list[Evidence] = []  # pieces against found, that a piece of evidence may yet waive
        with self.budget.spending(rule.id) as spend:
            for against, pieces in ((True, spec.against), (False, spec.evidence)):
                for piece in pieces:
                    line: int | bool = True
                    if piece.provider_host and piece.scope == "file":
                        host = self.evidence.host(piece, self._hosts_on_line(hit))
                        if host is None:
                            (verdict.waiting_against if against else verdict.waiting).append(piece)
                            continue
                        verdict.host = verdict.host or host
                    else:
                        line = self._locate(spend, piece, hit, around, name)
                        if line is False:
                            continue
                    if against and piece.unless:
                        waivable.append(piece)
                    elif against:
                        verdict.against = True
                        return verdict
                    else:
                        verdict.found.append((piece, None if line is True else line))
        found = {piece.name for piece, _ in verdict.found}
        verdict.against = any(found.isdisjoint(piece.unless) for piece in waivable)
        return verdict

    def _hosts_on_line(self, hit: Hit) -> Callable[[int], str | None]:
        """Host ``index`` as written on the hit's line, looked for once a line, not once a hit."""
        return lambda index: hit.on_line(f"host {index}", lambda start, end: self.evidence.on(index, hit.buffer[start:end]))

    def _search(self, spend: Spending, piece: Evidence, name: str) -> Callable[[bytes, int, int], int | None]:
        """Where ``piece`` is first found in ``text[start:end]``, on the rule's time budget; a flow in a
        scope of text by its parts (:class:`FlowSearch`), compiled with the name only where it could flow."""

        def first(pattern: "regex.Pattern[bytes]", text: bytes, start: int, end: int,
                  in_whole: int | None) -> int | None:
            """``in_whole``: where ``text`` (a hit's window) starts in the buffer's :class:`SpanSearch`."""
            if in_whole is not None:
                return spend.run(end - start, lambda timeout: self._spans.first(
                    pattern, text, in_whole, start, end, timeout))
            found = spend.run(end - start, lambda timeout: pattern.search(text, start, end, timeout=timeout))
            return None if found is None else found.start()

        def search(text: bytes, start: int, end: int, in_whole: int | None = None) -> int | None:
            if not piece.flows:
                return first(piece.pattern, text, start, end, in_whole)
            if piece.scope in ("path", "name") or not self._many_names(piece, name):
                return first(piece.pattern_for(name), text, start, end, in_whole)
            return self._flows.first(flow_parts(piece.pattern_text), name, text, start, end, in_whole, first, spend)

        return search

    def _many_names(self, piece: Evidence, name: str) -> bool:
        """Whether ``piece`` has been asked with another name than ``name`` in this stream: a flow asked with
        one name is compiled with it, as cheap as splitting it into parts (:func:`flow_parts`) would be."""
        first = self._first_names.setdefault(id(piece), name)
        return first != name

    def _locate(self, spend: Spending, piece: Evidence, hit: Hit, around: _Around, name: str) -> int | bool:
        """The line ``piece`` is found on, True where it has no line (a path, a name), or False
        when it is not found."""
        search = self._search(spend, piece, name)
        if piece.scope == "path":
            text = self.path.encode("utf-8", "surrogateescape")
            return search(text, 0, len(text)) is not None
        if piece.scope == "name":
            text = name_parts(name).encode("utf-8")
            return bool(name) and search(text, 0, len(text)) is not None
        if piece.scope == "file":
            key = (id(piece), name if piece.flows else "")
            if key not in self._in_buffer:
                self._in_buffer[key] = search(hit.buffer, 0, len(hit.buffer))
            position = self._in_buffer[key]
            if position is None:
                return False
            return _line_of(hit.buffer, hit.match.start, hit.place[0], position)
        start, end = around.span(piece)
        position = search(around.text, start, end, around.in_whole)
        if position is None:
            return False
        return _line_of(around.text, around.secret[0], around.line, position)
