"""Folding findings: what several rules found about one thing in one place becomes one finding,
and every sighting of one secret in one file becomes one finding with its occurrences.

Both are streaming passes over findings in a given order (:func:`spot_order`, :func:`place_order`),
holding only a request's span of lines of one spot, or one finding, at a time: the spool
(:mod:`keyaudit.run.spool`) sorts, these fold, so a night of logs with a million findings folds in
bounded memory.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from itertools import chain, groupby
from typing import Callable, Iterable, Iterator
from urllib.parse import urlsplit

from keyaudit.model.exchange import REQUEST_SPAN_LINES
from keyaudit.model.findings import REBUILT, Finding, Location, Occurrences
from keyaudit.model.vocabulary import CONFIDENCES, severity_rank
from keyaudit.rulebook.replay import EVIDENCE

# A key as the spool sorts it: bytes (names with bytes that were not UTF-8 included, compared as
# the bytes they were) and numbers.
SortKey = tuple[bytes | int, ...]


def _raw(text: object) -> bytes:
    return str(text).encode("utf-8", "surrogateescape")


def report_order(finding: Finding) -> SortKey:
    """The order of a report: path, line, column, rule, pointer."""
    loc = finding.location
    return (_raw(loc.path), loc.line, loc.column, _raw(finding.rule_id), _raw(loc.pointer or ""))


def _strength(finding: Finding) -> tuple[int, int, int]:
    # At equal severity and confidence, a request rule's finding (it knows the method) wins.
    return (severity_rank(finding.severity), CONFIDENCES.index(finding.confidence),
            int(bool(finding.context.get("method"))))


def _spot_key(finding: Finding) -> bytes:
    loc = finding.location
    if finding.secret is not None:
        parts: tuple[object, ...] = (finding.category, loc.path, loc.pointer, finding.secret.identity)
    else:
        url = urlsplit(str(finding.context.get("url") or ""))
        endpoint = f"{url.scheme.lower()}://{(url.hostname or '').lower()}"
        parts = (finding.category, loc.path, finding.context.get("har_entry"), endpoint)
    return b"\0".join(map(_raw, parts))


def _prefixes(path: str) -> list[str]:
    """A request's path and the paths it is under (``/v1/transfers``, ``/v1``): what a text rule's
    URL of that request may name, stopped by an escape or a quote, or written as its base."""
    found = []
    while path:
        found.append(path)
        path = path.rpartition("/")[0]
    return found


def _url_path(finding: Finding) -> str:
    """A URL's path as both rules see it ("" for an origin alone): a text rule's URL may end in
    the sentence around it, or in a value printed after it from a brace on, which no URL holds (Spring's
    ``<POST http://…/transfers,{"amount":1},[…]>``: the body after a comma)."""
    return urlsplit(str(finding.context.get("url") or "")).path.partition("{")[0].rstrip("/.,;:)!")


def spot_order(finding: Finding) -> SortKey:
    """The order :func:`merge_same_spot` works in: by spot, then report order, strongest first."""
    severity, confidence, judged = _strength(finding)
    return (_spot_key(finding), *report_order(finding), -severity, -confidence, -judged)


def _same_spot(a: Finding, b: Finding) -> bool:
    """Whether two findings without a secret are about one request or URL (a secret's: see
    :meth:`_Window._same_key`)."""
    judged = _judged(a), _judged(b)
    # The text rule sees a URL, the request rule sees the request around it: the same request
    # when they name the same host a few lines apart, and the URL names the request's path, one
    # it is under, or none (a client's log of the connection); a URL of another path is another
    # place to fix.
    # Two findings both judged as requests are about one request only where it starts on the
    # same line with the same method and path: three identical calls in a script are three
    # incidents.
    if abs(a.location.line - b.location.line) > REQUEST_SPAN_LINES:
        return False
    if all(judged):  # the path last: splitting URLs is the dear part, and most lines differ
        return a.location.line == b.location.line and a.context["method"] == b.context["method"] \
            and _url_path(a) == _url_path(b)
    if not any(judged):  # two URLs the text rules saw: the same spot only where they overlap
        return _overlaps(a.location, b.location)
    seen, sent = _url_path(b if judged[0] else a), _url_path(a if judged[0] else b)
    return seen in _prefixes(sent) or not seen


def _behind(held: Finding, finding: Finding) -> bool:
    """Whether ``held`` can be the same spot as neither ``finding`` nor any after it (they start
    no earlier): more than a request's span of lines before it, or — a secret no request rule
    judged, the same spot as another such only where they overlap — ended before it starts. The
    second keeps a line of a thousand sightings of one key from being compared pair by pair."""
    if held.location.line < finding.location.line - REQUEST_SPAN_LINES:
        return True
    end, start = held.location, finding.location
    return held.secret is not None and not _judged(held) and not _rebuilt(held) and (end.end_line, end.end_column) < (
        start.line, start.column)


def merge_same_spot(findings: Iterable[Finding]) -> Iterator[Finding]:
    """Collapse what several rules found about one thing in one place into one finding;
    ``findings`` come in :func:`spot_order`.

    A secret: the same canonical secret, in the same category, at overlapping locations, or
    within a request's span of lines of the request a request rule judged that carried it (the
    request rule's finding then placed on the key). A
    request finding without a secret: the same category, scheme and host, in the same file (and
    HAR entry), within a request's span of lines, a URL's path the request's or one it is under
    (and the same line and method when both are request-rule findings). The strongest rule
    (severity, then confidence) wins. Different categories say different things (a leaked key,
    and a key used against the wrong environment) and are all kept. Only the findings of one spot that start within a request's
    span of lines are held: those are all a finding can be the same spot as.
    """
    for _spot, group in groupby(findings, key=_spot_key):
        window = _Window()
        for finding in group:
            yield from window.behind(finding)
            window.take(finding)
        yield from window.held()


def _judged(finding: Finding) -> bool:
    return bool(finding.context.get("method"))


def _rebuilt(finding: Finding) -> bool:
    """Whether only a request's reader put the secret together (reported on its first line)."""
    return finding.context.get("decoded") == REBUILT


def _request_key(finding: Finding) -> tuple[int, str, str]:
    return finding.location.line, str(finding.context.get("method")), _url_path(finding)


class _Window:
    """The findings of one spot held while a later one can be the same spot as them, numbered in
    the order held. A finding is folded into the first held one of the same spot (see
    :func:`_same_spot`), found without comparing it with every held one: a line of thousands of
    URLs of one host, or a batch of thousands of requests on one line, would be compared pair by pair.

    A key a request's reader put together (see :func:`_rebuilt`) is the same spot as a text rule's
    sighting of it within a request's span of lines below: the request's text, which a range past
    the reader's own showed whole; the sighting is where to fix it, and stays.

    Without a secret, the first of the same spot can only be one of: for a finding a request rule
    judged, the first held one no request rule judged of its URL's path, one it is under or none,
    or the first held one judged of the same line, method and path; for one no request rule
    judged, the first held judged one of its URL's path or under it (of any, where it names
    none), or the first held unjudged one it overlaps — the first that reaches it, as every held one starts before it
    (those that ended before it starts are let go from ``_open`` for good: later ones start later).
    That one is compared (it may be more than a request's span of lines away); when it is not the
    same spot, every held one is, in order.
    """

    def __init__(self) -> None:
        self._held: OrderedDict[int, tuple[int, Finding]] = OrderedDict()  # number -> (first line, kept)
        self._count = 0
        # Numbers, in order, of the held findings as they were when put there (checked when read):
        self._judged: list[int] = []
        self._judged_paths: dict[str, list[int]] = {}  # judged ones by their URL's path and the paths it is under
        self._unjudged_paths: dict[str, list[int]] = {}  # unjudged ones by their URL's path ("": none)
        self._open: list[int] = []  # unjudged ones that have not ended before the last unjudged finding
        self._requests: dict[tuple[int, str, str], list[int]] = {}  # judged ones by line, method and path
        self._placed: set[int] = set()  # judged ones naming a key, placed where a text rule saw it
        self._rebuilt: list[int] = []  # keys a request's reader put together

    def behind(self, finding: Finding) -> Iterator[Finding]:
        """The held findings that neither ``finding`` nor any after it can be the same spot as."""
        while self._held and _behind(next(iter(self._held.values()))[1], finding):
            yield self._held.popitem(last=False)[1][1]

    def take(self, finding: Finding) -> None:
        """Fold ``finding`` into the first held finding of the same spot (the stronger stays),
        or hold it. A request rule's finding that names a key stays placed where a text rule saw
        that key, as every finding of a key is: the place to fix (a configuration's line, a
        log's header line), not the request's first line."""
        key = _request_key(finding) if _judged(finding) else None
        number = self._first_same(finding, key)
        if number is None:
            number, self._count = self._count, self._count + 1
            self._hold(number, finding.location.line, finding, key)
            return
        held = self._held[number][1]
        stronger = _strength(finding) > _strength(held) or (_rebuilt(held) and not _rebuilt(finding))
        kept, other = (finding, held) if stronger else (held, finding)
        if kept.secret is not None and _judged(kept) and not _judged(other) and number not in self._placed:
            kept.location = other.location  # the first sighting folded in: the one in the request
            self._placed.add(number)
        if kept is finding:
            self._hold(number, self._held[number][0], finding, key, _judged(held) != _judged(finding))

    def held(self) -> Iterator[Finding]:
        return (held for _line, held in self._held.values())

    def _hold(self, number: int, line: int, finding: Finding, key: tuple[int, str, str] | None,
              changed: bool = True) -> None:
        self._held[number] = (line, finding)
        if not changed:
            return
        if key is not None:
            bisect.insort(self._judged, number)
            for path in _prefixes(key[2]):
                bisect.insort(self._judged_paths.setdefault(path, []), number)
            bisect.insort(self._requests.setdefault(key, []), number)
        else:
            bisect.insort(self._unjudged_paths.setdefault(_url_path(finding), []), number)
            bisect.insort(self._open, number)
            if _rebuilt(finding):
                bisect.insort(self._rebuilt, number)

    def _first(self, numbers: list[int], valid: Callable[[Finding], bool]) -> int | None:
        """The first of ``numbers`` still held as ``valid`` says; those before it are let go."""
        while numbers and ((kept := self._held.get(numbers[0])) is None or not valid(kept[1])):
            numbers.pop(0)
        return numbers[0] if numbers else None

    def _first_same(self, finding: Finding, key: tuple[int, str, str] | None) -> int | None:
        """The number of the first held finding of ``finding``'s spot (``key``: its request key,
        when a request rule judged it), or None. A candidate the indexes give is compared, so one
        they still hold by an older state (its key, before it was replaced) costs time only."""
        if finding.secret is not None:
            return self._same_key(finding, key)
        first: list[int | None] = []
        if key is not None:
            first = [self._first(self._unjudged_paths.get(path, []), lambda kept: not _judged(kept))
                     for path in [*_prefixes(key[2]), ""]] + [self._first(self._requests.get(key, []), _judged)]
        else:
            path = _url_path(finding)
            first = [self._first(self._judged_paths.get(path, []) if path else self._judged, _judged),
                     self._first_reaching(finding)]
        candidates = [number for number in first if number is not None]
        if not candidates:
            return None
        if _same_spot(self._held[min(candidates)][1], finding):
            return min(candidates)
        return next((number for number, (_line, held) in self._held.items() if _same_spot(held, finding)), None)

    def _same_key(self, finding: Finding, key: tuple[int, str, str] | None) -> int | None:
        """The held finding of the same key ``finding`` is one with: of a request rule's, the same
        request (``key``) or the last sighting a text rule saw before it; of a text rule's, one it
        overlaps, else the last request before it (the one it is in: every held one is within a
        request's span of lines), else the last key a request's reader put together."""
        if key is not None:
            candidates = [self._first(self._requests.get(key, []), _judged),
                          self._last(self._unjudged_paths.get("", []), lambda kept: not _judged(kept))]
        else:
            candidates = [self._first_reaching(finding), self._last(self._judged, _judged),
                          None if _rebuilt(finding) else self._last(self._rebuilt, _rebuilt)]
        return next((number for number in candidates if number is not None), None)

    def _first_reaching(self, finding: Finding) -> int | None:
        """The first held finding no request rule judged that has not ended before ``finding``
        starts (every held one starts before it: the first it overlaps)."""
        start = (finding.location.line, finding.location.column)
        return self._first(self._open, lambda kept: not _judged(kept) and (
            kept.location.end_line, kept.location.end_column) >= start)

    def _last(self, numbers: list[int], valid: Callable[[Finding], bool]) -> int | None:
        """The last of ``numbers`` still held as ``valid`` says; those after it are let go."""
        while numbers and ((kept := self._held.get(numbers[-1])) is None or not valid(kept[1])):
            numbers.pop()
        return numbers[-1] if numbers else None


def place_key(finding: Finding) -> bytes:
    """What makes sightings one finding: the same secret, in the same category, in the same
    file. A finding without a secret (a request, a plaintext call) is its own incident: empty."""
    if finding.secret is None:
        return b""
    return b"\0".join(map(_raw, (finding.location.path, finding.category, finding.secret.identity)))


def place_order(finding: Finding) -> SortKey:
    """The order :func:`fold_places` reads: by place, then report order."""
    return (place_key(finding), *report_order(finding))


def fold_places(findings: Iterable[Finding], *, fold: bool = True, cap: int = 20) -> Iterator[Finding]:
    """One finding per secret and file, at its first place there, with every sighting in that
    file counted (and up to ``cap`` of their locations and their log times); ``findings`` come in
    :func:`place_order`. Without ``fold`` (``--no-dedupe``), or without a secret, every finding
    stands alone with its one occurrence. Another file's sighting is another finding: the user
    sees every file to fix, and fixing one leaves the others' fingerprints as they were."""
    for key, group in groupby(findings, key=place_key):
        if not fold or not key:
            for finding in group:
                finding.occurrences = Occurrences.of((finding,), cap)
                yield finding
            continue
        first = next(group)
        first.occurrences = Occurrences.of(chain([first], group), cap)
        yield first


def is_candidate(finding: Finding) -> bool:
    """Whether the finding waits for the whole scan: a signed request that is a replay only if
    another request carried its signature."""
    return EVIDENCE in finding.context


def replay_order(finding: Finding) -> SortKey:
    """The order :func:`confirm_replays` reads: by signature digest, then report order."""
    return (_raw(finding.context[EVIDENCE]), *report_order(finding))


def confirm_replays(candidates: Iterable[Finding]) -> Iterator[Finding]:
    """The replays among the candidates (in :func:`replay_order`): every request after the first
    that carried the same signature, in another place, each naming where the first was. Only the
    first of each signature is held."""
    for digest, group in groupby(candidates, key=lambda f: f.context[EVIDENCE]):
        first = next(group)
        where = f"{first.location.path}:{first.location.line}"
        seen = (first.location.path, first.location.line, first.location.pointer)
        for finding in group:
            place = (finding.location.path, finding.location.line, finding.location.pointer)
            if place == seen:
                continue  # one request read twice, not a second request
            seen = place
            finding.message = f"{finding.title}: the same Signature ({digest}) as the request at {where}"
            finding.context["replay_of"] = where
            yield finding


def _overlaps(a: Location, b: Location) -> bool:
    return (a.line, a.column) <= (b.end_line, b.end_column) and (b.line, b.column) <= (
        a.end_line,
        a.end_column,
    )
