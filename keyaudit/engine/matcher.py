"""The matcher interface: everything between a buffer of bytes and the rule hits in it.

Sources hand buffers in, the scanner turns hits into findings; an engine only has to say where
each rule's ``secret`` group matched. That is all a second engine has to implement.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from typing import Iterable, NamedTuple, Protocol

from keyaudit.engine.budget import RuleBudget
from keyaudit.engine.encodings import DecodeAnchors
from keyaudit.engine.tables import Table, table_at, table_rows
from keyaudit.rulebook.pattern_tree import max_width, parse
from keyaudit.rulebook.rules import Rule

OVERLAP_BYTES = 4096  # longer than any match a shipped rule can make; chunks overlap by this much


@dataclass(frozen=True)
class RawMatch:
    """A rule hit in a buffer: the whole match and the span of its ``secret`` group."""

    rule_index: int
    match_start: int
    match_end: int
    start: int
    end: int
    # Whole however the buffer was cut: a table row read to its end (its header may not be in
    # the next buffer, so a row past the cut is taken from this one).
    whole: bool = False
    # The text of the group the rule's ``environment`` names (``prod``, ``hmlg``), when it has one.
    environment_code: bytes | None = None
    name: tuple[int, int] | None = None  # the span of the ``name`` group, for the rule's context


Gate = tuple[bytes, ...]  # a rule's gate, as its literals (:attr:`ContextSpec.gate_literals`)


@dataclass(frozen=True)
class CarriedGates:
    """The gates open over a buffer's first line by a buffer before it: a line longer than a buffer keeps the
    gates its start saw (:mod:`.line_gates`) as far as ``through``, where it ends in this buffer. ``named``: the
    gates open over the whole buffer because the file's name or its folder names their provider
    (:func:`.line_gates.path_gates`): `config/iugu.yml` names iugu as a line above its settings would."""

    open: frozenset[Gate] = frozenset()
    through: int = 0
    named: frozenset[Gate] = frozenset()


NO_GATES = CarriedGates()


def rule_gates(rules: Iterable[Rule]) -> tuple[Gate, ...]:
    """The distinct gates of ``rules``: what a stream keeps open along its long lines."""
    return tuple(dict.fromkeys(rule.context.gate_literals for rule in rules
                               if rule.context is not None and rule.context.gate))


@dataclass
class BufferHits:
    """What one pass over a buffer found: rule hits in order of position, whether a request
    marker occurs, and where request and record anchors start (sorted); rule time is charged to
    ``budget``."""

    hits: list[RawMatch]
    budget: RuleBudget
    markers_seen: bool = False
    anchors: list[int] = field(default_factory=list)
    record_anchors: list[int] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)  # tables whose rows run on past the buffer
    # Each table rule's first and last table in the buffer (the last's header ends where its rows start): a table's
    # rows end at the next header of its rule, and the last one's are read once the buffer's headers are all found.
    first_tables: dict[int, int] = field(default_factory=dict)
    last_tables: dict[int, tuple[Table, int]] = field(default_factory=dict)
    gates: dict[Gate, bool] = field(default_factory=dict)  # rule gates open in this buffer (its text, its file's path)
    carried: CarriedGates = NO_GATES  # gates open over its first line by the buffers before it
    # Where an encoded form of a keyword or an escape marker starts, with its index in the
    # matcher's ``decode_anchors`` (see :mod:`keyaudit.engine.encodings`); sorted.
    decode_anchors: list[tuple[int, int]] = field(default_factory=list)

    def confirm(self, index: int, rule: Rule, buffer: bytes, start: int = 0, stop: int | None = None) -> None:
        """Run rule ``index``'s own pattern over ``buffer[start:stop]``: every match with a
        ``secret`` group is a hit (for a table rule, every value under its column in the rows
        after a matched header, read on past ``stop`` up to the rule's next header, the last
        one's by :meth:`in_order`; a table still open at the end of the buffer is kept in
        ``tables``). A rule whose context has a gate runs only on a buffer holding one of its
        literals, or on the buffer's first line where that gate is carried to it
        (:class:`CarriedGates`). The rule's time budget bounds it: a rule out of time is not
        run, and one that runs out keeps the hits found before, and the buffer goes on."""
        end = len(buffer) if stop is None else stop
        code_group = rule.environment.group if rule.environment is not None else None

        def find(timeout: float) -> None:
            for match in rule.pattern.finditer(buffer, start, end, timeout=timeout):
                if rule.table is not None:  # the match is a table's header: its rows hold the values
                    table = table_at(index, rule, buffer, match)
                    if table is not None:
                        self._header(table, buffer, match.end())
                    continue
                secret_start, secret_end = match.span("secret")
                if secret_start >= 0:
                    code = match.group(code_group) if code_group is not None else None
                    name = match.span("name") if named and match.start("name") >= 0 else None
                    self.hits.append(RawMatch(index, match.start(), match.end(), secret_start, secret_end,
                                              environment_code=code, name=name))

        if rule.context is not None and rule.context.gate and not self.gate_open(rule.context.gate_literals, buffer):
            if rule.context.gate_literals not in self.carried.open or start >= self.carried.through:
                return
            end = min(end, self.carried.through)  # the carried line only: the lines after it are this buffer's
        named = "name" in rule.pattern.groupindex
        self.budget.run(rule.id, end - start, find)

    def gate_open(self, literals: Gate, buffer: bytes) -> bool:
        """Whether one of a rule's gate literals is in ``buffer`` (asked once a buffer), or the file's path opens
        the gate (:attr:`CarriedGates.named`)."""
        if literals not in self.gates:
            self.gates[literals] = literals in self.carried.named or any(literal in buffer for literal in literals)
        return self.gates[literals]

    def read_on(self, tables: list[Table], buffer: bytes) -> None:
        """Read on the rows of ``tables`` (left open by the buffer before) from the start of
        ``buffer`` (SQL tuples from their ``next_row``) up to their rule's first header in it, on
        their rules' time; rows the buffer before already gave are given again, for the stream to
        drop, as it does a match in the overlap."""
        for table in tables:
            self.budget.run(table.rule.id, len(buffer), lambda _timeout, table=table: self._rows(
                replace(table, start=0), buffer, 0 if table.by_lines else table.next_row, True,
                self.first_tables.get(table.rule_index)))
        self.in_order(buffer)

    def _header(self, table: Table, buffer: bytes, rows: int) -> None:
        """A table's header (its rows from ``rows``): the rows of its rule's table before it end here. Each byte
        of the buffer is so read as a row of one table of a rule, however many headers it holds."""
        last = self.last_tables.get(table.rule_index)
        if last is None:
            self.first_tables[table.rule_index] = table.start
        else:
            self._rows(last[0], buffer, last[1], False, table.start)
        self.last_tables[table.rule_index] = table, rows

    def _rows(self, table: Table, buffer: bytes, position: int, at_row: bool, stop: int | None = None) -> None:
        values, read_on = table_rows(table, buffer, position, at_row, stop)
        self.hits.extend(RawMatch(table.rule_index, a, b, a, b, whole) for a, b, whole in values)
        if read_on is not None:
            self.tables.append(read_on)

    def in_order(self, buffer: bytes) -> "BufferHits":
        """The hits sorted, once each table rule's last table in ``buffer`` has had its rows read (on its rule's
        time) to the buffer's end."""
        for table, rows in self.last_tables.values():
            self.budget.run(table.rule.id, len(buffer) - rows,
                            lambda _timeout, table=table, rows=rows: self._rows(table, buffer, rows, False))
        self.last_tables.clear()
        self.hits.sort(key=lambda hit: (hit.start, hit.rule_index))
        return self


def keyword_reach(rule: Rule) -> int:
    """How far from a keyword a rule's match can reach: its longest match, when its pattern says
    and it is shorter than the overlap; else the overlap (no shipped match is longer). Worked
    out the first time a rule is confirmed, not at start-up: most rules of a pre-commit run
    never get past the prefilter."""
    return _pattern_reach(rule.pattern_text)


@functools.lru_cache(maxsize=None)
def _pattern_reach(pattern: str) -> int:
    try:
        width = max_width(parse(pattern))
    except (IndexError, ValueError, TypeError):
        return OVERLAP_BYTES
    return OVERLAP_BYTES if width is None or width >= OVERLAP_BYTES else width


def keyword_regions(buffer: bytes, anchors: list[int], reach: int = OVERLAP_BYTES) -> list[tuple[int, int]]:
    """Where real matches can be: a real match contains a keyword and is no longer than
    ``reach`` (the rule's :func:`keyword_reach`), so the whole lines within ``reach`` on either
    side of each keyword hold them all. Anchors closer than twice that share one region (a log
    with a keyword on every line is one region, found without a search per anchor); regions
    that touch merge. A line is searched for its ends no further than the last region's end, and its end once (a
    body of megabytes on one line, a keyword every few kilobytes, was searched to both its ends for each: quadratic)."""
    regions: list[tuple[int, int]] = []

    def close(first: int, last: int) -> None:
        floor = regions[-1][1] if regions else 0  # no line break between it and the start: the region goes on
        start = buffer.rfind(b"\n", floor, max(floor, first - reach)) + 1 or floor
        after = min(len(buffer), last + reach)
        stop = regions[-1][1] if regions and after <= regions[-1][1] else buffer.find(b"\n", after)
        add_region(regions, start, len(buffer) if stop < 0 else stop)

    ordered = sorted(anchors)
    first = last = ordered[0]
    for anchor in ordered[1:]:
        if anchor - last > 2 * reach:
            close(first, last)
            first = anchor
        last = anchor
    close(first, last)
    return regions


def add_region(regions: list[tuple[int, int]], start: int, stop: int) -> None:
    """Add the span ``start``-``stop`` (starting at or after the last one's start) to the sorted
    ``regions``: merged into the last where they touch."""
    if regions and start <= regions[-1][1]:
        regions[-1] = (regions[-1][0], max(regions[-1][1], stop))
    else:
        regions.append((start, stop))


class EndReach(NamedTuple):
    """How far before a place an engine saw a match end (at most one byte past its real end) the
    match can start: ``bytes``, and at most ``breaks`` bytes before the line of its last byte
    (how far into a match a line break can be; 0 when it cannot hold one)."""

    bytes: int
    breaks: int


def end_lines(buffer: bytes, ends: list[int], reach: EndReach) -> list[tuple[int, int]]:
    """Where the real matches of a rule can be, given where an engine saw one end (``ends``) and
    how far before such an end a match can start: the whole lines from there through the line of
    the end; regions that touch merge. Within the rule's keyword regions (:func:`within`), every
    match those hold is in one of these, so both engines confirm the same matches, the fast one
    over less text."""
    regions: list[tuple[int, int]] = []
    for end in sorted(ends):
        if regions and end - 1 < regions[-1][1]:
            # on a line the last region reaches to the end of: it adds nothing (and a long line of
            # many matches is not searched back to its start for each)
            continue
        line = buffer.rfind(b"\n", 0, max(0, end - 1)) + 1  # the line of the byte before the end
        start = buffer.rfind(b"\n", 0, max(0, end - reach.bytes, line - reach.breaks)) + 1
        stop = buffer.find(b"\n", max(0, end - 1))  # the byte past the real end may be the line break
        stop = len(buffer) if stop < 0 else stop
        add_region(regions, start, stop)
    return regions


def within(first: list[tuple[int, int]], second: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans both sorted lists of disjoint spans cover."""
    common: list[tuple[int, int]] = []
    i = j = 0
    while i < len(first) and j < len(second):
        start, stop = max(first[i][0], second[j][0]), min(first[i][1], second[j][1])
        if start < stop:
            common.append((start, stop))
        if first[i][1] < second[j][1]:
            i += 1
        else:
            j += 1
    return common


class Matcher(Protocol):
    """Finds rule hits (and marker literals) in a buffer, in one pass where the engine can."""

    name: str
    budget: RuleBudget  # what each rule's patterns may cost a file and a scan
    decode_anchors: DecodeAnchors  # the literals whose places ``BufferHits.decode_anchors`` gives
    gates: tuple[Gate, ...]  # the rules' gates (:func:`rule_gates`)

    def match(self, buffer: bytes, want_markers: bool, carried: CarriedGates = NO_GATES) -> BufferHits:
        """Hits in ``buffer``, where its request anchors are, and (when ``want_markers``)
        whether a request marker occurs in it; ``carried``: the gates its first line keeps open."""
        ...


class Matched:
    """A matcher that answers for a text it was run over already with what it found then (markers not looked
    for), once: a text matched first to learn whether it holds anything (a request's, a name) and then scanned
    for its findings is not matched twice. Any other buffer is matched as the matcher would."""

    def __init__(self, matcher: Matcher, text: bytes, hits: BufferHits) -> None:
        self.name, self.budget, self.decode_anchors = matcher.name, matcher.budget, matcher.decode_anchors
        self.gates = matcher.gates
        self._matcher, self._known = matcher, (text, hits)

    def match(self, buffer: bytes, want_markers: bool, carried: CarriedGates = NO_GATES) -> BufferHits:
        if self._known is not None and self._known[0] == buffer:  # the whole text, one buffer: nothing carried
            hits, self._known = self._known[1], None
            return hits
        return self._matcher.match(buffer, want_markers, carried)
