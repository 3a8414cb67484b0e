"""The fast engine: every rule in one Hyperscan database, each hit confirmed by ``regex``.

Hyperscan finds where any rule might match in one pass over the buffer, at several GB/s. Our
patterns use lookarounds and a named group, which Hyperscan cannot run exactly, so they are
compiled in prefilter mode (a superset of the real matches) and every hit is confirmed by the
rule's own ``regex`` pattern on the lines around it. Findings are therefore the regex engine's,
only found sooner. A rule Hyperscan cannot compile at all is run by the regex path instead.
"""

from __future__ import annotations

import hashlib
import re

import hyperscan

from keyaudit.rulebook.cache import read_entry, write_entry
from keyaudit.engine.budget import RuleBudget
from keyaudit.engine.matcher import BufferHits, keyword_regions
from keyaudit.rulebook.rules import Rule, RuleSet

_NAMED_GROUP = re.compile(rb"\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>")
_CACHE_FORMAT = "1"


def _hyperscan_pattern(rule: Rule) -> bytes:
    """The rule's pattern with group names dropped (Hyperscan rejects repeated names)."""
    return _NAMED_GROUP.sub(rb"(?:", rule.pattern_text.encode("utf-8"))


# A pattern only gates its rule (one report per buffer): in prefilter mode a pattern with a long
# repeated tail reports every end position, a callback storm on lines that repeat it. Keywords
# report every occurrence: a real match contains one, so the lines around them hold every match.
PATTERN_FLAGS = hyperscan.HS_FLAG_PREFILTER | hyperscan.HS_FLAG_SINGLEMATCH
KEYWORD_FLAGS = hyperscan.HS_FLAG_CASELESS
MARKER_FLAGS = hyperscan.HS_FLAG_SINGLEMATCH  # markers are matched as written; once a buffer is enough
ANCHOR_FLAGS = 0  # anchors are matched as written, every occurrence: each one places a request


def _compile(expressions: list[bytes], ids: list[int], flags: list[int]) -> hyperscan.Database:
    database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    database.compile(expressions=expressions, ids=ids, elements=len(expressions), flags=flags)
    return database


def _compiles(expression: bytes) -> bool:
    try:
        _compile([expression], [0], [PATTERN_FLAGS])
    except hyperscan.error:
        return False
    return True


def _cache_key(expressions: list[bytes], ids: list[int], flags: list[int]) -> str:
    digest = hashlib.sha256()
    digest.update(f"{_CACHE_FORMAT}|{getattr(hyperscan, '__version__', '?')}|".encode())
    for expression, identifier, flag in zip(expressions, ids, flags):
        digest.update(b"%d|%d|%s\0" % (identifier, flag, expression))
    return digest.hexdigest()[:32]


def _load_or_compile(expressions: list[bytes], ids: list[int], flags: list[int]) -> hyperscan.Database:
    """A database for ``expressions``, from the disk cache when it is intact, else compiled."""
    name = f"hs-{_cache_key(expressions, ids, flags)}.db"
    cached = read_entry(name)
    if cached is not None:
        try:
            database = hyperscan.loadb(cached, mode=hyperscan.HS_MODE_BLOCK)
            database.scratch = hyperscan.Scratch(database)
            return database
        except (hyperscan.error, TypeError, ValueError):
            pass  # corrupt or from another library build: never trusted, rebuilt below
    database = _compile(expressions, ids, flags)
    write_entry(name, hyperscan.dumpb(database))
    return database


class HyperscanMatcher:
    """Rules, their keywords and the request markers and anchors in one database, scanned once per
    buffer; each rule whose prefilter matched is confirmed by its ``regex`` pattern around its
    keywords.

    Keywords are caseless literals in the same database, so one pass gives both the keyword
    prefilter of the regex engine and the pattern gate: a rule runs only where one of its
    keywords is in the buffer, exactly as in the regex engine.
    """

    name = "hyperscan"

    def __init__(self, rules: RuleSet, budget: RuleBudget | None = None) -> None:
        self._rules = list(rules)
        self.budget = budget or RuleBudget()
        keywords = sorted({keyword for rule in self._rules for keyword in rule.keywords})
        self._keyword_ids = {keyword: len(self._rules) + i for i, keyword in enumerate(keywords)}
        self._markers = [marker.encode("utf-8") for marker in rules.request_markers]
        # Request anchors, then record anchors: where each occurs is reported, by its start.
        self._anchors = [anchor.encode("utf-8") for anchor in (*rules.request_anchors, *rules.record_anchors)]
        self._request_anchors = len(rules.request_anchors)
        self._first_marker = len(self._rules) + len(keywords)
        self._first_anchor = self._first_marker + len(self._markers)
        patterns = [_hyperscan_pattern(rule) for rule in self._rules]
        self._fallback: list[int] = []
        try:
            self._database = self._build(patterns, list(range(len(patterns))))
        except hyperscan.error:
            # Some user rule uses what Hyperscan cannot approximate: find it, run it by regex.
            self._fallback = [i for i, pattern in enumerate(patterns) if not _compiles(pattern)]
            kept = [i for i in range(len(patterns)) if i not in self._fallback]
            self._database = self._build([patterns[i] for i in kept], kept)

    def _build(self, patterns: list[bytes], ids: list[int]) -> hyperscan.Database:
        keywords = [re.escape(keyword).encode("utf-8") for keyword in self._keyword_ids]
        literals = [re.escape(literal.decode("latin-1")).encode("latin-1") for literal in self._markers + self._anchors]
        return _load_or_compile(
            patterns + keywords + literals,
            ids + list(self._keyword_ids.values()) + list(range(self._first_marker, self._first_marker + len(literals))),
            [PATTERN_FLAGS] * len(patterns) + [KEYWORD_FLAGS] * len(keywords) + [MARKER_FLAGS] * len(self._markers)
            + [ANCHOR_FLAGS] * len(self._anchors),
        )

    def _pass(self, buffer: bytes) -> tuple[set[int], dict[int, list[int]]]:
        """The rules whose prefilter matched, and where each keyword or literal ends."""
        gated: set[int] = set()
        positions: dict[int, list[int]] = {}
        rule_count = len(self._rules)

        def on_match(identifier: int, _start: int, end: int, _flags: int, _context: object) -> None:
            if identifier < rule_count:
                gated.add(identifier)
            else:
                positions.setdefault(identifier, []).append(end)

        if buffer:
            self._database.scan(buffer, match_event_handler=on_match)
        return gated, positions

    def match(self, buffer: bytes, want_markers: bool) -> BufferHits:
        gated, positions = self._pass(buffer)
        markers = range(self._first_marker, self._first_anchor)
        result = BufferHits([], self.budget, markers_seen=want_markers and any(i in positions for i in markers))
        for index, anchor in enumerate(self._anchors):
            starts = [end - len(anchor) for end in positions.get(self._first_anchor + index, ())]
            (result.anchors if index < self._request_anchors else result.record_anchors).extend(starts)
        result.anchors.sort()
        result.record_anchors.sort()
        for index in sorted(gated | set(self._fallback)):
            rule = self._rules[index]
            anchors = [end for keyword in rule.keywords for end in positions.get(self._keyword_ids[keyword], ())]
            if not anchors:
                continue  # no keyword in the buffer: the regex engine would not run the rule either
            for start, stop in ([(0, len(buffer))] if index in self._fallback else keyword_regions(buffer, anchors)):
                result.confirm(index, rule, buffer, start, stop)
        return result.in_order()
