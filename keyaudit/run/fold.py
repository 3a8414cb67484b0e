"""Folding findings: what several rules found about one thing in one place becomes one finding,
and every sighting of one secret in one file becomes one finding with its occurrences.

Both are streaming passes over findings in a given order (:func:`spot_order`, :func:`place_order`),
holding only a request's span of lines of one spot, or one finding, at a time: the spool
(:mod:`keyaudit.run.spool`) sorts, these fold, so a night of logs with a million findings folds in
bounded memory.
"""

from __future__ import annotations

from collections import deque
from itertools import chain, groupby
from typing import Iterable, Iterator
from urllib.parse import urlsplit

from keyaudit.model.exchange import REQUEST_SPAN_LINES
from keyaudit.model.findings import Finding, Location, Occurrences
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


def spot_order(finding: Finding) -> SortKey:
    """The order :func:`merge_same_spot` works in: by spot, then report order, strongest first."""
    severity, confidence, judged = _strength(finding)
    return (_spot_key(finding), *report_order(finding), -severity, -confidence, -judged)


def _same_spot(a: Finding, b: Finding) -> bool:
    if a.secret is not None:
        return _overlaps(a.location, b.location)
    # The text rule sees a URL, the request rule sees the request around it: the same request
    # when they name the same host a few lines apart. Two findings both judged as requests are
    # about one request only where it starts on the same line with the same method and path:
    # three identical calls in a script are three incidents.
    if abs(a.location.line - b.location.line) > REQUEST_SPAN_LINES:
        return False
    judged = bool(a.context.get("method")), bool(b.context.get("method"))
    if all(judged):  # the path last: splitting URLs is the dear part, and most lines differ
        return a.location.line == b.location.line and a.context["method"] == b.context["method"] \
            and _url_path(a) == _url_path(b)
    if not any(judged):  # two URLs the text rules saw: the same spot only where they overlap
        return _overlaps(a.location, b.location)
    return True


def _behind(held: Finding, finding: Finding) -> bool:
    """Whether ``held`` can be the same spot as neither ``finding`` nor any after it (they start
    no earlier): more than a request's span of lines before it, or — a secret, which is the same
    spot only where it overlaps — ended before it starts. The second keeps a line of a thousand
    sightings of one key from being compared pair by pair."""
    if held.location.line < finding.location.line - REQUEST_SPAN_LINES:
        return True
    end, start = held.location, finding.location
    return held.secret is not None and (end.end_line, end.end_column) < (start.line, start.column)


def _url_path(finding: Finding) -> str:
    return urlsplit(str(finding.context.get("url") or "")).path.rstrip("/")


def merge_same_spot(findings: Iterable[Finding]) -> Iterator[Finding]:
    """Collapse what several rules found about one thing in one place into one finding;
    ``findings`` come in :func:`spot_order`.

    A secret: the same canonical secret, in the same category, at overlapping locations. A
    request finding without a secret: the same category, scheme and host, in the same file (and
    HAR entry), within a request's span of lines (and the same method and path when both are
    request-rule findings). The strongest rule (severity, then confidence) wins. Different
    categories say different things (a leaked key, and a key used against the wrong
    environment) and are all kept. Only the findings of one spot that start within a request's
    span of lines are held: those are all a finding can be the same spot as.
    """
    for _spot, group in groupby(findings, key=_spot_key):
        window: deque[tuple[int, Finding]] = deque()  # (first line, kept finding), in line order
        for finding in group:
            while window and _behind(window[0][1], finding):
                yield window.popleft()[1]
            for index, (line, held) in enumerate(window):
                if _same_spot(held, finding):
                    if _strength(finding) > _strength(held):
                        window[index] = (line, finding)
                    break
            else:
                window.append((finding.location.line, finding))
        yield from (held for _line, held in window)


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
