"""The fast engine: every rule in one Hyperscan database, each hit confirmed by ``regex``.

Hyperscan finds where any rule might match in one pass over the buffer, at several GB/s. Our
patterns use lookarounds and a named group, which Hyperscan cannot run exactly, so they are
compiled in prefilter mode (a superset of the real matches) and every hit is confirmed by the
rule's own ``regex`` pattern on the lines around it. Findings are therefore the regex engine's,
only found sooner. A rule Hyperscan cannot compile at all is run by the regex path instead.

Where a rule's matches are bounded in length and its pattern ends in a negative lookahead over one
character class (``(?![a-z0-9+/=._-])``, the end of a token), Hyperscan reports each place such a
match can end, and the rule is confirmed on the lines just before those places only: a log with
the rule's keyword on every line but few candidates costs one pass, not a regex over every line.
Its keywords are then looked for only near those places, in a database of their own: a keyword on
every line, reported to Python at each, cost more than the pass itself (``Authorization: Basic``
on every line of a log).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import replace
from pathlib import Path

import hyperscan

from keyaudit.rulebook.cache import read_entry, write_entry
from keyaudit.engine.hyperscan_databases import literal_finder, load_or_compile, load_or_compile_what_compiles
from keyaudit.engine.budget import RuleBudget
from keyaudit.engine.encodings import decode_anchors
from keyaudit.engine.hex_rows import ROW_BOUNDARY, ROW_STARTS
from keyaudit.engine.matcher import (NO_GATES, OVERLAP_BYTES, BufferHits, CarriedGates, EndReach, add_region,
                                     end_lines, keyword_reach, keyword_regions, rule_gates, within)
from keyaudit.rulebook.anchor_checks import checks_for
from keyaudit.rulebook.pattern_tree import break_reach, max_width, parse
from keyaudit.rulebook.rules import Rule, RuleSet

_NAMED_GROUP = re.compile(rb"\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>")
_CACHE_FORMAT = "1"


# A trailing negative lookahead over one character class, maybe with literal alternatives after
# it: ``(?![a-z0-9])``, ``(?![a-z0-9/]|\\/)`` (nor a JSON-escaped slash).
_PINNED_END = re.compile(rb"(?<!\\)\(\?!\[(\^?)((?:\\.|[^\]\\])+)\](?:\|(?:\\.|[^()|\\\[\]])+)*\)$")


def _pinned_end(pattern: bytes) -> bytes | None:
    """``pattern`` with its trailing negative lookahead read as "then a byte outside the class, or
    the end of the buffer", or None when it has none. Hyperscan drops lookarounds in prefilter
    mode, and a token's pattern would then end at each of its bytes; this way it ends once per
    token, at most one byte past where the real match ends. Literal alternatives after the class
    only refuse more ends: leaving them out reports a few ends more, which confirmation drops. A
    class that holds a line break is left alone (a line's end and a region's end would then differ)."""
    found = _PINNED_END.search(pattern)
    if found is None:
        return None
    try:
        if re.fullmatch(b"[" + found[1] + found[2] + b"]", b"\n"):
            return None
    except re.error:
        return None
    complement = b"[" + (b"" if found[1] else b"^") + found[2] + b"]"
    return pattern[: found.start()] + b"(?:" + complement + rb"|\z)"


def _reach(rule: Rule) -> EndReach | None:
    """How far before a reported end a rule's match can start, when its end is pinned and its
    length bounded within the chunk overlap; else None (it is confirmed around keywords)."""
    if _pinned_end(rule.pattern_text.encode("utf-8")) is None:
        return None
    try:
        tree = parse(rule.pattern_text)
    except (IndexError, ValueError, TypeError):
        return None
    width, breaks = max_width(tree), break_reach(tree)
    return EndReach(width + 1, breaks) if width is not None and breaks is not None and width < OVERLAP_BYTES else None


# A piece of a pattern: an escape, a character class, a bounded repeat (its bounds in groups), a byte.
_TOKEN = re.compile(rb"\\.|\[\^?\]?(?:\\.|\[:[a-z]+:\]|[^\]\\])*\]|\{(\d*),(\d+)\}|.", re.DOTALL)


def _group_repeats_widened(pattern: bytes) -> bytes:
    """``pattern`` with every bounded repeat of a group (``(?:…){1,127}``) made unbounded.

    Hyperscan builds such a repeat as one copy of the group's automaton per repetition, and in
    prefilter mode it approximates a big one loosely: the Basic rule, whose value is up to 128
    groups of four base64 characters checked to decode to text, reported an end on two lines in
    three of random ``Basic`` values, and on the 2% that hold a real candidate once unbounded.
    Unbounded only adds matches, as prefilter mode does, and how far back a match can start still
    comes from the rule's own bounded pattern. Repeats of one character class stay as written:
    Hyperscan runs those exactly."""
    pieces: list[bytes] = []
    for token in _TOKEN.finditer(pattern):
        after_group = bool(pieces) and pieces[-1] == b")"
        pieces.append(b"{%s,}" % (token[1] or b"0") if token[2] is not None and after_group else token[0])
    return b"".join(pieces)


def _hyperscan_pattern(rule: Rule, reach: EndReach | None) -> bytes:
    """The rule's pattern with group names dropped (Hyperscan rejects repeated names), and, where
    the rule is confirmed around its ends (it has a ``reach``), its end pinned and its group
    repeats unbounded."""
    pattern = _NAMED_GROUP.sub(rb"(?:", rule.pattern_text.encode("utf-8"))
    pinned = _pinned_end(pattern) if reach is not None else None
    return pattern if pinned is None else _group_repeats_widened(pinned)


def _prepare(rules: list[Rule]) -> list[tuple[EndReach | None, bytes]]:
    return [(reach, _hyperscan_pattern(rule, reach)) for rule in rules for reach in (_reach(rule),)]


# The code that prepares patterns: a cached preparation is used only by the code that made it.
_PREPARING = (__file__, parse.__code__.co_filename)


def _prepared(rules: list[Rule]) -> list[tuple[EndReach | None, bytes]]:
    """Each rule's reach and Hyperscan pattern, from the disk cache when the same patterns were
    prepared by the same code before: parsing every pattern's tree costs ~25 ms at each start,
    which a pre-commit hook feels."""
    digest = hashlib.sha256(f"{_CACHE_FORMAT}|{OVERLAP_BYTES}|".encode())
    try:
        for source in _PREPARING:
            digest.update(Path(source).read_bytes())
    except OSError:  # installed without its sources: nothing to tell a stale preparation by
        return _prepare(rules)
    for rule in rules:
        digest.update(rule.pattern_text.encode("utf-8") + b"\0")
    name = f"hs-prepared-{digest.hexdigest()[:32]}.json"
    cached = read_entry(name)  # checked against the digest in its name: what this code wrote
    if cached is not None:
        return [(EndReach(*reach) if reach else None, pattern.encode("latin-1")) for reach, pattern in json.loads(cached)]
    prepared = _prepare(rules)
    write_entry(name, json.dumps([(list(reach) if reach else None, pattern.decode("latin-1"))
                                  for reach, pattern in prepared]).encode())
    return prepared


# A pattern only gates its rule (one report per buffer): in prefilter mode a pattern with a long
# repeated tail reports every end position, a callback storm on lines that repeat it. Keywords
# report every occurrence (where they are looked for): a real match contains one, so the lines
# around them hold every match.
# A pinned pattern reports every end: each places candidates, and there is one per token.
PATTERN_FLAGS = hyperscan.HS_FLAG_PREFILTER | hyperscan.HS_FLAG_SINGLEMATCH
PINNED_FLAGS = hyperscan.HS_FLAG_PREFILTER
KEYWORD_FLAGS = hyperscan.HS_FLAG_CASELESS
MARKER_FLAGS = hyperscan.HS_FLAG_SINGLEMATCH  # markers are matched as written; once a buffer is enough
ANCHOR_FLAGS = 0  # anchors are matched as written, every occurrence: each one places a request


# A rule's pattern longer than this is compiled into a database of its own. In one database with the others, the
# 5 KB pattern of iugu-config-api-token and those of a few short rules led by the same word (each cheap alone, or
# with any other) made an automaton that, once ``iugu`` occurred in a buffer, ran over every byte after it: the
# rules' pass ran 1.9x slower on a log of provider requests, 1.6x on random Basic values with ``iugu`` on 19 lines
# of 48 MB (benchmarks/run_engine_pass.py). Each more database is one more pass, some 0.2 ms a MB.
LONE_PATTERN_BYTES = 4096


def _ends(databases: tuple[hyperscan.Database, ...], buffer: bytes) -> dict[int, list[int]]:
    """Where each expression of ``databases`` ends in ``buffer``, by its identifier."""
    positions: dict[int, list[int]] = {}

    def on_match(identifier: int, _start: int, end: int, _flags: int, _context: object) -> None:
        positions.setdefault(identifier, []).append(end)

    if buffer:
        for database in databases:
            database.scan(buffer, match_event_handler=on_match)
    return positions


class HyperscanMatcher:
    """Rules and the request markers and anchors in one database, scanned once per buffer; each
    rule whose prefilter matched is confirmed by its ``regex`` pattern around its keywords, or,
    where its end is pinned and its length bounded, just before its reported ends.

    Keywords are caseless literals in a second database, scanned only where a rule's prefilter
    matched: over the buffer, or, where every such rule is pinned, near the lines its ends are on
    (only keywords there can bound them). A rule runs only where one of its keywords is, exactly
    as in the regex engine.
    """

    name = "hyperscan"

    def __init__(self, rules: RuleSet, budget: RuleBudget | None = None, cached_only: bool = False) -> None:
        """``cached_only``: the databases are loaded from the cache, never compiled (:class:`NotCached`)."""
        self._rules = list(rules)
        self._cached_only = cached_only
        self.budget = budget or RuleBudget()
        self.gates = rule_gates(self._rules)
        keywords = sorted({keyword for rule in self._rules for keyword in rule.keywords})
        self._keyword_ids = {keyword: len(self._rules) + i for i, keyword in enumerate(keywords)}
        self._longest_keyword = max((len(keyword.encode("utf-8")) for keyword in keywords), default=0)
        self._markers = [marker.encode("utf-8") for marker in rules.request_markers]
        # Request anchors, then record anchors: where each occurs is reported, by its start.
        self._anchors = [anchor.encode("utf-8") for anchor in (*rules.request_anchors, *rules.record_anchors)]
        self._request_anchors = len(rules.request_anchors)
        self._anchor_checks = checks_for(self._anchors, rules.request_anchor_checks)  # a header's name, not a word
        self._first_marker = len(self._rules) + len(keywords)
        self._first_anchor = self._first_marker + len(self._markers)
        # The decoding layers' literals (every occurrence, as written), after the anchors.
        anchors = decode_anchors(rules)
        self.decode_anchors = replace(anchors, finder=literal_finder(anchors.keywords, cached_only))
        self._decode_literals = self.decode_anchors.literals
        self._decode_patterns = self.decode_anchors.patterns  # after the literals, by index
        self._first_decode = self._first_anchor + len(self._anchors)
        # Rules confirmed before their reported ends: how far before an end a match can start.
        prepared = _prepared(self._rules)
        self._reach = {index: reach for index, (reach, _) in enumerate(prepared) if reach is not None}
        patterns = [pattern for _, pattern in prepared]
        # A user rule Hyperscan cannot compile (what it cannot approximate) is run by regex; it reports no
        # end, so none is pinned.
        self._databases, self._fallback = self._build(patterns)
        self._reach = {index: reach for index, reach in self._reach.items() if index not in self._fallback}
        # (none without rules: Hyperscan compiles no empty database; no rule is then confirmed)
        self._keywords = load_or_compile([re.escape(keyword).encode("utf-8") for keyword in self._keyword_ids],
                                         list(self._keyword_ids.values()), [KEYWORD_FLAGS] * len(self._keyword_ids),
                                         cached_only) if self._keyword_ids else None

    def _build(self, patterns: list[bytes]) -> tuple[tuple[hyperscan.Database, ...], list[int]]:
        """The databases of the rules' patterns (the long ones each alone: :data:`LONE_PATTERN_BYTES`), the
        literals and the decoding layers' patterns, and the rules Hyperscan cannot compile (the rest are shipped,
        and must compile)."""
        # (a hex dump's row start counts where no word or number ends before it: hex_rows.ROW_STARTS)
        literals = [(ROW_BOUNDARY if literal in ROW_STARTS else b"")
                    + re.escape(literal.decode("latin-1")).encode("latin-1")
                    for literal in self._markers + self._anchors + self._decode_literals]
        literals += [anchor.literal for _, anchor in self._decode_patterns]
        flags = [PINNED_FLAGS if index in self._reach else PATTERN_FLAGS for index in range(len(patterns))]
        lone = [index for index, pattern in enumerate(patterns) if len(pattern) > LONE_PATTERN_BYTES]
        ids = [index for index in range(len(patterns)) if index not in lone]
        database, rejected = load_or_compile_what_compiles(
            [patterns[index] for index in ids] + literals,
            ids + list(range(self._first_marker, self._first_marker + len(literals))),
            [flags[index] for index in ids] + [MARKER_FLAGS] * len(self._markers)
            + [ANCHOR_FLAGS] * (len(self._anchors) + len(self._decode_literals) + len(self._decode_patterns)),
            len(ids), self._cached_only,
        )
        databases, fallback = [database] if database is not None else [], [ids[place] for place in rejected]
        for index in lone:
            alone, refused = load_or_compile_what_compiles([patterns[index]], [index], [flags[index]], 1,
                                                           self._cached_only)
            databases += [alone] if alone is not None else []
            fallback += [index] if refused else []
        return tuple(databases), sorted(fallback)

    def _pass(self, buffer: bytes) -> tuple[set[int], dict[int, list[int]]]:
        """The rules whose prefilter matched, and where each rule's prefilter or literal ends (a
        gating rule's once, a pinned rule's every time)."""
        positions = _ends(self._databases, buffer)
        rule_count = len(self._rules)
        return {identifier for identifier in positions if identifier < rule_count}, positions

    def _keyword_spans(self, buffer: bytes, confirmed: list[int],
                       lines: dict[int, list[tuple[int, int]]]) -> list[tuple[int, int]]:
        """Where keywords must be looked for to confirm the rules ``confirmed``: the whole buffer,
        unless each is pinned (its end ``lines`` given). Then only a keyword ending within the
        rule's keyword reach of those lines makes a keyword region that meets them
        (:func:`keyword_regions` takes the whole lines within the reach of each keyword)."""
        if any(index not in lines for index in confirmed):
            return [(0, len(buffer))]
        spans: list[tuple[int, int]] = []
        for start, stop in sorted((max(0, start - reach - self._longest_keyword), min(len(buffer), stop + reach))
                                  for index in confirmed
                                  for reach in (keyword_reach(self._rules[index]),)
                                  for start, stop in lines[index]):
            add_region(spans, start, stop)
        return spans

    def match(self, buffer: bytes, want_markers: bool, carried: CarriedGates = NO_GATES) -> BufferHits:
        gated, positions = self._pass(buffer)
        # What occurred is a few identifiers (a request's text is scanned on its own): walk those.
        result = BufferHits([], self.budget, markers_seen=want_markers and any(
            self._first_marker <= identifier < self._first_anchor for identifier in positions), carried=carried)
        for identifier, ends in positions.items():
            index = identifier - self._first_anchor
            if identifier >= self._first_decode:
                index = identifier - self._first_decode
                if index < len(self._decode_literals):
                    length = len(self._decode_literals[index])
                    result.decode_anchors.extend((end - length, index) for end in ends)
                else:  # a pattern: its matches start at the last ``opener`` before their end (once each)
                    opener = self.decode_anchors.anchors[index].opener
                    result.decode_anchors.extend((start, index) for start in sorted({
                        buffer.rfind(opener, 0, end) for end in ends}))
            elif index >= 0:
                length, check = len(self._anchors[index]), self._anchor_checks[index]
                (result.anchors if index < self._request_anchors else result.record_anchors).extend(
                    end - length for end in ends if check is None or check.match(buffer, end - length))
        result.anchors.sort()
        result.record_anchors.sort()
        result.decode_anchors.sort()
        confirmed = sorted(gated | set(self._fallback))
        lines = {index: end_lines(buffer, positions[index], self._reach[index])
                 for index in confirmed if index in self._reach}
        if confirmed and self._keywords is not None:
            for start, stop in self._keyword_spans(buffer, confirmed, lines):
                for identifier, ends in _ends((self._keywords,), buffer[start:stop] if stop - start < len(buffer)
                                              else buffer).items():
                    positions.setdefault(identifier, []).extend(start + end for end in ends)
        for index in confirmed:
            rule = self._rules[index]
            anchors = [end for keyword in rule.keywords for end in positions.get(self._keyword_ids[keyword], ())]
            if not anchors:
                continue  # no keyword where it could bound a match: the regex engine would find none either
            if index in self._fallback:
                regions = [(0, len(buffer))]
            elif index in self._reach:
                regions = within(lines[index], keyword_regions(buffer, anchors, keyword_reach(rule)))
            else:
                regions = keyword_regions(buffer, anchors, keyword_reach(rule))
            for start, stop in regions:
                result.confirm(index, rule, buffer, start, stop)
        return result.in_order(buffer)
