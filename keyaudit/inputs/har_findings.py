"""Findings in a HAR capture, entry by entry: every string field run through the secret rules and
placed back in the file (line, column and JSON pointer), and every entry judged as a request.

Most entries hold no secret, and running the rules over each of their strings alone would cost a
pass per string (hundreds of thousands in a large capture). So an entry's strings are first
scanned together, one per line, in one pass: a field can give a finding on its own only if that
pass has a hit overlapping it (the rules' patterns stop at line ends or are anchored at them, and
a hit is found where a keyword is), and only those fields are scanned again alone, exactly as
before. An entry's request, written out as the request rules' credential pass reads it, joins
that pass too: a request without a hit there carries no credential, so it costs no pass of its
own, and only the request rules that need none are asked about it (none at all when its host and
headers interest none of them). Parts of the file that cannot be read as HAR are scanned as plain
text and named in an error.
"""

from __future__ import annotations

import bisect
import copy
import io
import itertools
from collections import Counter
from dataclasses import dataclass, replace
from typing import BinaryIO, Iterator

from keyaudit.engine.binary_read import BinaryBudget
from keyaudit.engine.detect import SecretDetector
from keyaudit.engine.judge import ExchangeJudge, request_parts
from keyaudit.inputs.har import HarField, HarValue, Unreadable, read_har, scannable
from keyaudit.inputs.har_request import har_request, json_kind
from keyaudit.model.exchange import Exchange
from keyaudit.model.findings import Finding, Location
from keyaudit.model.secrets import Secret
from keyaudit.model.result import ScanError
from keyaudit.model.urls import redact_pointer
from keyaudit.rulebook.requests import Credential

_Seen = set[tuple[int | None, str, str]]
TEXTS_KEPT = 1024  # distinct field texts whose findings are kept for the rest of a capture
TEXT_KEPT_BYTES = 1 << 12  # longer texts (bodies) are rarely sent twice: not kept
BATCH_BYTES = 1 << 18  # entries are tried together in a pass of about this size (kept small: the entries
# of a batch stay in memory until it is judged, and fewer of them stay in the processor's caches)
# and no more of them than this: an entry of a few bytes ({}, null) is still a kilobyte of objects held,
# and a capture of millions of them was one batch (3 million nulls, 14 MB: 4.6 GB)
BATCH_VALUES = 1024
# A part of the joint text this long is matched alone, not copied into a joint text; a request whose body is
# this long is not in the joint text at all: its credentials are looked for (the pass that would tell whether
# it carries any would need its text, the body copied once more, joined to its head)
LONG_PART = 1 << 20


def findings_in_har(stream: BinaryIO, path: str, detector: SecretDetector, judge: ExchangeJudge,
                    statistics: Counter[str], share: tuple[float, float] | None = None,
                    budget: BinaryBudget | None = None) -> Iterator[Finding | ScanError]:
    """The secrets in every field of the capture and the request rules' findings of its entries,
    then one error naming what could not be read as HAR, if anything (that was read as text);
    with ``share``, of the values that start in that range of its text only; binary bodies as far as ``budget`` lets.

    Raises :class:`~keyaudit.inputs.har.HarError` when the input is not a HAR at all."""
    scan = _HarScan(path, detector, judge, statistics)
    batch: list[_Read] = []
    size = 0
    for item in read_har(stream, share, budget):
        unread: HarValue | Unreadable | None = item  # what could not be read as HAR
        if isinstance(item, HarValue) and (read := scan.read(item)) is not None:
            batch.append(read)
            size += read.size
            if size < BATCH_BYTES and len(batch) < BATCH_VALUES:
                continue
            unread = None  # the batch is full
        yield from scan.batch(batch)
        batch, size = [], 0
        if unread is not None:  # in its place in the order
            yield from scan.as_text(unread)
    yield from scan.batch(batch)
    if scan.problems:
        yield ScanError(path, _summary(scan.problems, scan.unnamed))


MAX_NAMED_PARTS = 5


def _summary(problems: list[tuple[str, str]], unnamed: int) -> str:
    """One line for all that could not be read in a capture: the first problem in full, the
    parts of the others (those named, and a count of those not kept)."""
    (_, first), others = problems[0], [part for part, _ in problems[1:]]
    if not others:
        return first
    count = len(others) + unnamed
    named = ", ".join(others[:MAX_NAMED_PARTS]) + (", …" if count > MAX_NAMED_PARTS else "")
    return f"{first}; and {count} more part{'s' if count > 1 else ''} not read as HAR: {named}"


class _HarScan:
    """The findings of one capture's values, a batch at a time."""

    def __init__(self, path: str, detector: SecretDetector, judge: ExchangeJudge, statistics: Counter[str]) -> None:
        self.path, self.detector, self.judge, self.statistics = path, detector, judge, statistics
        self.seen: _Seen = set()
        # rules about what code does (a provider URL over plain HTTP, certificate checks off): see _done_elsewhere
        self._code_only = frozenset(rule.id for rule in detector.rules if rule.code_only)
        self._alone: dict[bytes, list[Finding]] = {}  # a field's text -> its findings alone
        self.problems: list[tuple[str, str]] = []  # (the part, what about it could not be read): those named
        self.unnamed = 0  # problems past those, counted only: the error line names a few, and a capture
        # of a million nulls held a million of them
    def read(self, value: HarValue) -> "_Read | None":
        """The value with its request and their joint text; None when the value is nested too
        deeply to walk, though the C decoder could parse it."""
        try:
            parts = value.joint_parts()
        except RecursionError:
            return None
        cut, unread = value.bodies_cut  # said as a binary file's are: a body is a file the capture holds
        self.statistics.update({name: count for name, count in (("binary_files_cut", cut),
                                                                ("binary_files_not_read", unread)) if count})
        fields_end = sum(map(len, parts)) + len(parts) - 1
        if value.entry is not None and type(value.root) is not dict:  # its strings, if any, are scanned still
            self._problem(value.pointer, f"{value.pointer} is {json_kind(value.root)}, not an entry (an object)")
        exchange, problem = har_request(value, self.path)
        if problem is not None:
            self._problem(f"{value.pointer}/request", problem)
        if exchange is not None and len(exchange.body or b"") < LONG_PART:
            parts.extend(request_parts(exchange))
        return _Read(value, exchange, parts, fields_end, sum(map(len, parts)) + len(parts) - 1)

    def _problem(self, part: str, message: str) -> None:
        if len(self.problems) <= MAX_NAMED_PARTS:
            self.problems.append((part, message))
        else:
            self.unnamed += 1

    def as_text(self, item: HarValue | Unreadable) -> list[Finding]:
        """A part that could not be read as HAR, noted as a problem: its text's findings."""
        if isinstance(item, HarValue):
            item = Unreadable(item.pointer, f"{item.pointer}: JSON nested too deeply to read; read as plain text",
                              io.BytesIO(scannable(item.text)), item.place.line, item.place.column)
        self._problem(item.part, item.message)
        found: list[Finding] = []
        self._findings_in(item.data, found, sniff_binary=False, start=(item.line, item.column - 1))
        return found

    def _findings_in(self, data: BinaryIO, found: list[Finding], sniff_binary: bool = True,
                     start: tuple[int, int] = (1, 0)) -> None:
        """The secret rules' findings in ``data`` (as :meth:`SecretDetector.findings_in` finds them), appended to
        ``found``; a payload in it read only in part is counted, as a file's is (a gzip body of 40 MB of text was
        read to its bound without a word)."""
        chunks = self.detector.findings_in(data, self.path, found, sniff_binary, start)
        self.statistics.update(chunks.cuts())

    def batch(self, batch: list["_Read"]) -> Iterator[Finding]:
        """The findings of the values of a batch, in order. Their joint texts go through the
        rules in one pass, so that values without a hit cost no pass of their own."""
        if not batch:
            return
        starts = list(itertools.accumulate((read.size + 1 for read in batch), initial=0))
        spans: list[list[tuple[int, int]]] = [[] for _ in batch]
        for start, end in self._joint_spans(batch):  # in the coordinates of every value it overlaps
            first = bisect.bisect_right(starts, start) - 1
            for index in range(first, max(first + 1, bisect.bisect_left(starts, end))):
                spans[index].append((start - starts[index], end - starts[index]))
        for read, value_hits in zip(batch, spans):
            try:
                yield from list(self._value_findings(read, value_hits))
            except RecursionError:  # too deep for the decoder that keeps places
                yield from self.as_text(read.value)

    def _joint_spans(self, batch: list["_Read"]) -> list[tuple[int, int]]:
        """Where the joint text of ``batch`` (its values' parts joined by line breaks) may hold a secret. The parts
        are matched as that text in runs, but a long one (a body of megabytes) alone and in place, as a scan of
        that field alone reads it: joined, each was copied once more, beside the entry's text, its string and its
        bytes (an upload of 55 MB held 107 MB of joint text)."""
        spans: list[tuple[int, int]] = []
        run: list[bytes] = []
        offset = run_start = 0
        for part in (part for read in batch for part in read.parts):
            if len(part) >= LONG_PART:
                spans += self._spans_in(b"\n".join(run), run_start) if run else []
                spans += self._spans_in(part, offset)
                run = []
            else:
                if not run:
                    run_start = offset
                run.append(part)
            offset += len(part) + 1
        return spans + (self._spans_in(b"\n".join(run), run_start) if run else [])

    def _spans_in(self, text: bytes, offset: int) -> list[tuple[int, int]]:
        found = self.detector.matcher.match(text, False)
        return [(start + offset, end + offset) for start, end in self.detector.secret_spans(text, found)]

    def _value_findings(self, read: "_Read", hits: list[tuple[int, int]]) -> Iterator[Finding]:
        value, exchange = read.value, read.exchange
        carried: list[Credential] = []  # the request's credentials, found once for all its findings
        if exchange is not None and (read.credentials_unknown or any(end > read.fields_end for _, end in hits)):
            carried = self.judge.credentials(exchange)  # else no secret rule finds one in its text
        field_hits = [hit for hit in hits if hit[0] < read.fields_end]
        if field_hits:
            yield from self._field_findings(value, exchange, carried, field_hits)
        if exchange is not None:
            judged = self.judge.judge(exchange, self.statistics, carried)
            if judged:
                line, column = value.url_place()
                yield from (_moved(finding, line, column) for finding in judged)

    def _alone_findings(self, scanned: bytes) -> list[Finding]:
        """The secret rules' findings in one field's text scanned alone. A capture sends the same
        header or URL in entry after entry (one key on every call to its API), and a text's
        findings are the same wherever it stands, so each short text is scanned once a capture.
        The findings kept are never handed out: each is placed as a copy."""
        found = self._alone.get(scanned)
        if found is None:
            found = []
            self._findings_in(io.BytesIO(scanned), found)
            if len(scanned) <= TEXT_KEPT_BYTES:
                if len(self._alone) >= TEXTS_KEPT:
                    self._alone.clear()
                self._alone[scanned] = found
        return found

    def _field_findings(self, value: HarValue, exchange: Exchange | None, carried: list[Credential],
                        hits: list[tuple[int, int]]) -> Iterator[Finding]:
        """The findings of each field that a hit of the joint pass overlaps, scanned alone."""
        for har_field in value.fields_hit(hits):
            # a long text's bytes as the joint pass had them (the request's body too), not encoded once more
            text = har_field.prefix + har_field.text
            scanned = har_field.scanned if har_field.decoded_from_base64 else value.encoded(text)
            for finding in self._alone_findings(scanned):
                if self._done_elsewhere(finding, har_field.pointer, value.pointer):
                    continue
                key = (value.entry, finding.rule_id, finding.secret.canonical if finding.secret else "")
                if key in self.seen:
                    continue  # the same key in an entry's URL and its queryString is one leak
                self.seen.add(key)
                own = [finding.secret] if isinstance(finding.secret, Secret) else []
                url = None
                if exchange is not None:
                    url = self.judge.shown_url(exchange, *own, carried=carried)
                yield _placed_in_har(finding, har_field, value, exchange, url)

    def _done_elsewhere(self, finding: Finding, pointer: str, entry: str) -> bool:
        """Whether a finding in the field at ``pointer`` of the entry at ``entry`` says what the capture shows
        elsewhere, or not at all: the request rules judge the entry's own URL, scheme included; and what a server
        answered (a documentation page, an API's JSON) names URLs and settings no one used there — a code-only
        rule's finding in a response is no call the capture's client made (that would be an entry of its own)."""
        if finding.secret is None and pointer == f"{entry}/request/url":
            return True
        return finding.rule_id in self._code_only and pointer.startswith(f"{entry}/response/")


@dataclass(frozen=True)
class _Read:
    """A value read for the joint pass: its request, if it has one, and the joint text, in
    ``parts`` to be joined by line breaks (``size`` bytes then) — the value's fields (up to
    ``fields_end``), then the request as the request rules' credential pass reads it, so that
    a request without a hit there is known to carry no credential (not one whose body is a long part: its
    credentials are looked for, its text not in ``parts``)."""

    value: HarValue
    exchange: Exchange | None
    parts: list[bytes]
    fields_end: int
    size: int

    @property
    def credentials_unknown(self) -> bool:
        """Whether the request, if any, is left out of the joint text: a hit there cannot tell."""
        return self.exchange is not None and self.size == self.fields_end


def _moved(finding: Finding, line: int, column: int) -> Finding:
    """A request finding moved from the entry's start to the place of its URL literal."""
    loc = finding.location
    return replace(finding, location=Location(loc.path, line, column, line + loc.end_line - loc.line,
                                              column + loc.end_column - loc.column, loc.pointer))


def _placed_in_har(finding: Finding, har_field: HarField, value: HarValue,
                   exchange: Exchange | None, url: str | None) -> Finding:
    """Move a finding from value coordinates to file coordinates, with pointer and entry."""
    if har_field.decoded_from_base64:
        line, column = value.line_column(har_field.pointer)
        end_line, end_column = line, column + 1
    else:
        loc = finding.location
        lines = value.scanned_lines(har_field)  # of what was scanned, listed once for all the field's findings

        def place(rel_line: int, rel_column: int) -> tuple[int, int]:
            offset = max(0, lines.start_of(rel_line - 1) + rel_column - 1 - len(har_field.prefix))
            return value.line_column(har_field.pointer, offset)

        (line, column), (end_line, end_column) = place(loc.line, loc.column), place(loc.end_line, loc.end_column)
    context = copy.deepcopy(finding.context)  # the finding may be placed again, for the same text elsewhere
    context.update({"har_entry": value.entry,
                    "method": exchange.method if exchange else None,
                    "url": url if exchange else context.get("url")})
    if har_field.decoded_from_base64:
        context["decoded"] = "base64"
    pointer = har_field.pointer if finding.secret is None else redact_pointer(har_field.pointer, [finding.secret])
    return replace(finding, location=Location(finding.location.path, line, column, end_line, end_column, pointer),
                   context=context)
