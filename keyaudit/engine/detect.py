"""Detection: from bytes to validated secret findings, with exact locations.

Used on whole files and on single values alike (a HAR header, a request rebuilt as text, a rule
example), so that every input is judged by the same rules in the same way.
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from dataclasses import replace
from typing import BinaryIO, Callable, Iterable, Protocol

from keyaudit.engine import create_matcher
from keyaudit.engine.context import ContextJudge, Verdict
from keyaudit.engine.decoding import MAX_DEPTH, DecodingLayer, Spot, SpotCollector
from keyaudit.engine.encodings import PAYLOADS
from keyaudit.engine.evidence import FileEvidence, HostSet
from keyaudit.engine.file_wide import Unsettled, Waiting
from keyaudit.engine.logcontext import record_context
from keyaudit.engine.matcher import BufferHits, Matched, Matcher
from keyaudit.engine.stream import CHUNK_BYTES, ChunkedPass, Hit
from keyaudit.engine.windows import NestedText, WindowCollector
from keyaudit.model.findings import Finding, Location
from keyaudit.model.secrets import Secret
from keyaudit.model.urls import redact_url
from keyaudit.rulebook.registry import bound_validators
from keyaudit.rulebook.validators import Validator
from keyaudit.rulebook.rules import Rule, RuleSet


class FindingSink(Protocol):
    """Where findings go as a pass finds them: a list, or a unit's packed findings."""

    def extend(self, findings: Iterable[Finding], /) -> None: ...


# A marker counts only with a reason after it on its line: a letter or a digit (any non-ASCII
# byte counts), not just a comment closer. The shipped rule keyaudit-allow-without-reason reports
# the markers that have none; its examples are these patterns' negatives (a test holds them together).
_REASON = rb"(?![\w-])[^0-9A-Za-z\x80-\xff\n]*[0-9A-Za-z\x80-\xff]"
ALLOW_SAME_LINE = re.compile(rb"keyaudit:allow" + _REASON)
ALLOW_NEXT_LINE = re.compile(rb"keyaudit:allow-next-line" + _REASON)


def allowed_inline(hit: Hit) -> bool:
    """``keyaudit:allow <reason>`` on the finding's line, or ``keyaudit:allow-next-line <reason>``
    on the line before, as gitleaks and bandit users expect. A marker without a reason allows
    nothing: every accepted finding carries a reason a reviewer can judge."""
    if hit.on_line("bounds", lambda start, end: end) < hit.match.match_end:  # a match over lines
        return allowed_at(hit.buffer, hit.match.match_start, hit.match.match_end)
    return hit.on_line("allowed", lambda start, end: allowed_at(hit.buffer, start, end))


def allowed_at(buffer: bytes, start: int, end: int) -> bool:
    """Whether the lines of ``buffer[start:end]`` are allowed (see :func:`allowed_inline`); also
    asked for encoded text, whose decoded findings are on its line."""
    line_start = buffer.rfind(b"\n", 0, start) + 1
    line_end = buffer.find(b"\n", end)
    if ALLOW_SAME_LINE.search(buffer, line_start, len(buffer) if line_end < 0 else line_end):
        return True
    if line_start == 0:
        return False
    previous_start = buffer.rfind(b"\n", 0, line_start - 1) + 1
    return ALLOW_NEXT_LINE.search(buffer, previous_start, line_start - 1) is not None


def finding_from_hit(rule: Rule, hit: Hit, path: str, validators: dict[str, Validator],
                     signing_keys: dict[str, str] | None = None) -> Finding | None:
    """Confirm a hit with the rule's validator (of ``validators``: bound to the rule set's data);
    None when it is not a finding (the rule's context is the caller's to judge: it knows the file).

    A finding the line allows is returned marked ``suppressed``, to be counted, not reported.
    ``signing_keys`` (public key digest -> its ``--public-key`` name) raise a private key that
    is the other half of one to the rule's ``signing_key_severity``.
    """
    text = hit.secret.decode("utf-8", "surrogateescape")
    secret: Secret | None = None
    provider, note = rule.provider, None
    environment = rule.environment.of(hit.match.environment_code) if rule.environment is not None else None
    severity = rule.severity
    if rule.validator is not None:
        validation = validators[rule.validator](text)
        if validation is None:
            return None
        provider = validation.provider or provider
        note = validation.note
        signed_by = (signing_keys or {}).get(validation.key_digest or "")
        if signed_by is not None and rule.signing_key_severity is not None:
            severity = rule.signing_key_severity
            note = f"{note}; the private half of --public-key {signed_by}" if note else \
                f"the private half of --public-key {signed_by}"
        if rule.captures_secret:
            secret = Secret(validation.canonical, validation.visible_prefix)
    elif rule.captures_secret:
        secret = Secret(text)
    title = rule.title
    message = f"{title}: {note}" if note else title
    context: dict[str, object] = dict(hit.on_line("record", lambda _start, _end: record_context(hit.line_text())))
    # What a finding without a secret is about: a URL, or a setting (``verify=False``); a rule that
    # captures nothing (a bare marker) names neither.
    if not rule.captures_secret and text:
        context["url" if "://" in text else "setting"] = text
    return Finding(
        suppressed="inline" if allowed_inline(hit) else None,
        rule_id=rule.id,
        category=rule.category,
        severity=severity,
        confidence=rule.confidence,
        provider=provider,
        title=title,
        message=message,
        location=Location(path, *hit.place),
        secret=secret,
        environment=environment,
        context=context,
    )


def with_context(finding: Finding, verdict: Verdict) -> Finding:
    """``finding``, with the evidence its rule's context found (none where the context only rules findings out: an
    empty list is no field a SIEM's template maps); one that a provider host anywhere in its file confirmed names
    that host, and takes its provider when it has none."""
    if evidence := verdict.report():
        finding.context["evidence"] = evidence
    if verdict.host is not None:
        host, provider = verdict.host
        finding.message = f"{finding.message} (in a file that calls {host})"
        finding.context["provider_host"] = host
        if finding.provider == "generic":
            finding.provider = provider
    return finding


class SecretDetector:
    """The secret rules and their engine, applied to one byte stream at a time.

    ``signing_keys`` maps the digest of each ``--public-key`` to its name (see
    :func:`finding_from_hit`).
    """

    def __init__(self, rules: RuleSet, matcher: Matcher | None = None,
                 signing_keys: dict[str, str] | None = None) -> None:
        self.rules = rules
        self._rule_list = list(rules)
        self.matcher = matcher or create_matcher(rules)
        self.signing_keys = dict(signing_keys or {})
        self._validators = bound_validators(rules.basic_users)
        self._file_hosts = HostSet.of([piece for rule in self._rule_list if rule.context is not None
                                       for piece in rule.context.pieces if piece.provider_host and piece.scope == "file"])
        self._decoding = DecodingLayer(self.matcher.decode_anchors, allowed_at)

    def secret_spans(self, buffer: bytes, found: BufferHits) -> list[tuple[int, int]]:
        """Where ``buffer`` may hold a secret, as (start, end), given what the matcher ``found``
        in it: each hit, and each text the decoding layer would decode. A caller that scans only
        the parts of a joint text these fall in finds what a scan of each part would. Most texts
        hold no decode anchor (a request's text is asked once a request): then only the hits."""
        hits = [(hit.match_start, hit.match_end) for hit in found.hits]
        if not found.decode_anchors:
            return hits
        decoded = self._decoding.collector().spans(buffer, len(buffer), found.decode_anchors)
        return hits + [(start, end) for start, end, _ in decoded]

    def secrets_in(self, data: bytes, path: str = "") -> list[Secret]:
        """The secrets the rules find in a short text that names something (a file's name, a
        Message-ID), to redact it where it is shown. Most hold no rule's match and nothing the
        decoding layer would open: those cost one match, not a pass (an mbox of small messages
        spent a sixth of its time redacting IDs)."""
        hits = self.matcher.match(data, False)
        if not self.secret_spans(data, hits):
            return []
        found: list[Finding] = []
        self.matched_findings(data, hits, path, found, sniff_binary=False)
        return [finding.secret for finding in found if isinstance(finding.secret, Secret)]

    def findings_in(self, stream: BinaryIO, path: str, into: FindingSink,
                    sniff_binary: bool = True, start: tuple[int, int] = (1, 0),
                    read_bytes: int = CHUNK_BYTES, windows: WindowCollector | None = None) -> ChunkedPass:
        """Append the findings of one plain (already decompressed) stream to ``into``.

        Appending as it goes keeps what was found before a read error in the middle. The
        returned pass tells whether request markers and anchors occurred; ``windows`` collects
        the lines around anchors and around every finding, where requests are worth reading.
        """
        chunks = ChunkedPass(stream, self.matcher, sniff_binary, start, read_bytes, windows)
        self.collect(chunks, path, into)
        return chunks

    def matched_findings(self, text: bytes, hits: BufferHits, path: str, into: FindingSink,
                         sniff_binary: bool = True) -> None:
        """Append the findings of a text held whole that the matcher was run over already (``hits``, markers not
        looked for), as :meth:`findings_in` would: a text matched first to learn whether it holds anything (a
        request's, a name) is not matched twice. ``hits`` is used up."""
        self.collect(ChunkedPass(io.BytesIO(text), Matched(self.matcher, text, hits), sniff_binary), path, into)

    def _decoded(self, spots: SpotCollector, before_line: int | None, path: str, depth: int,
                 seen: set[tuple[int, str]], windows: WindowCollector | None) -> list[Finding]:
        """The findings in the spots before ``before_line`` (all: None), decoded and placed back;
        those already found on their line, as written or decoded, are left out. The text of a
        payload that writes requests out goes to ``windows``' reader of nested text, if any."""
        found: list[Finding] = []
        for spot in spots.drain(before_line):
            decoded = self._decoding.decode(spot, depth)
            if decoded is None:
                continue
            spots.cut += decoded.cut  # opened only in part: past its bound (no text at all where nested too deep)
            if not decoded.text:
                continue
            reader = windows.on_nested if windows is not None and spot.kind in PAYLOADS else None
            if reader is None and not self._decoding.holds_keyword(decoded.text):
                continue
            inner: list[Finding] = []
            nested = windows.nested() if reader is not None and windows is not None else None
            if nested is not None and reader is not None:  # the payloads inside this one's text
                nested.on_nested = _placed_on(spot, decoded.name, reader)
            chunks = ChunkedPass(io.BytesIO(decoded.text), self.matcher, sniff_binary=False, windows=nested)
            self.collect(chunks, path, inner, depth - len(decoded.steps))
            spots.cut += chunks.spots.cut if chunks.spots is not None else 0  # a payload's payloads
            if reader is not None and nested is not None and chunks.markers_seen:
                reader(NestedText(decoded.text, nested.windows(), spot.line, spot.column, decoded.name,
                                  chunks.anchors_seen, bool(inner)))
            placer = self._decoding.placer(spot, decoded)
            for finding in inner:
                placed = placer(finding)
                if not self._decoding.belongs(spot, placed):
                    continue
                if spot.allowed and placed.suppressed is None:
                    placed.suppressed = "inline"
                if _seen_key(placed) not in seen:
                    seen.add(_seen_key(placed))
                    found.append(placed)
        return found

    def collect(self, chunks: ChunkedPass, path: str, into: FindingSink, depth: int = MAX_DEPTH,
                unsettled: Unsettled | None = None) -> None:
        """Run ``chunks``, extending ``into`` with its findings chunk by chunk (a unit with a
        finding on every line hands them on as it goes) and adding a window around each to the
        pass's windows. A caller that builds the pass itself still has it when a read fails: its
        lines and bytes say how far the text was scanned.

        A hit of a rule with a context is judged by it (see :class:`ContextJudge`); one that needs
        a provider host anywhere in the file waits for it until the end of the text read, or until
        a read fails: what was read by then is the file it is judged in. One that waited gets no
        window (its buffer is gone; a setting is no credential to read requests around). A piece
        of a file hands such hits on in ``unsettled`` instead, with the hosts it saw, to be judged
        by :meth:`settle` once every piece of the file is in (see :mod:`.file_wide`).

        Encoded text around the pass's decode anchors is decoded (up to ``depth`` layers) and
        scanned the same way once the lines before it are done, so that a key found both as
        written and decoded on one line is one finding (see :mod:`keyaudit.engine.decoding`).
        """
        pending: list[Finding] = []
        waiting: list[Waiting] = []
        evidence = FileEvidence(self._file_hosts)
        chunks.watch(evidence)
        chunks.gates.name(path)
        judge = ContextJudge(path, evidence, self.matcher.budget)
        spots = chunks.spots = self._decoding.collector()  # past the layers too: a payload there is counted
        seen: set[tuple[int, str]] = set()  # (line, secret or rule) of the findings so far
        chunk = -1
        try:
            for hit in chunks:
                if spots.waiting:
                    pending.extend(self._decoded(spots, hit.place[0], path, depth, seen, chunks.windows))
                # A new chunk starting past the last finding's line: that line is whole.
                if hit.offset != chunk and pending and hit.place[0] > pending[-1].location.end_line:
                    hide_secrets_in_urls(pending)
                    into.extend(pending)
                    pending = []
                chunk = hit.offset
                rule = self._rule_list[hit.match.rule_index]
                finding = finding_from_hit(rule, hit, path, self._validators, self.signing_keys)
                if finding is None:
                    continue
                if rule.line_wrapped:
                    spots.note_whole(hit.buffer, hit.match.end, hit.place[0])
                if rule.context is not None:
                    verdict = judge.judge(rule, hit)
                    if not verdict.holds(rule.context):
                        if verdict.may_hold(rule.context):
                            waiting.append((rule.context, verdict, finding))
                        continue
                    with_context(finding, verdict)
                pending.append(finding)
                if spots.waiting:  # a spot waits on this line (or a later one)
                    seen.add(_seen_key(finding))
                if chunks.windows is not None:
                    chunks.windows.add(hit.buffer, hit.match.match_start, hit.place[0], hit.offset,
                                       chunks.windows.request)
            pending.extend(self._decoded(spots, None, path, depth, seen, chunks.windows))
        finally:
            if unsettled is not None:
                unsettled.hosts, unsettled.waiting = evidence.found, waiting
            else:
                pending.extend(_settled(waiting, evidence))
            hide_secrets_in_urls(pending)
            into.extend(pending)

    def settle(self, unsettled: Unsettled) -> list[Finding]:
        """The findings of the hits a file's pieces left waiting, judged by the hosts all of them saw."""
        evidence = FileEvidence(self._file_hosts)
        evidence.heard(unsettled.hosts)
        found = _settled(unsettled.waiting, evidence)
        hide_secrets_in_urls(found)
        return found


def _settled(waiting: list[Waiting], evidence: FileEvidence) -> list[Finding]:
    """The waiting hits that hold, judged by the hosts of the text read: findings with their context."""
    found = []
    for spec, verdict, finding in waiting:
        verdict.settle(evidence)
        if verdict.holds(spec):
            found.append(with_context(finding, verdict))
    return found


def _placed_on(spot: Spot, layers: str, reader: Callable[[NestedText], None]) -> Callable[[NestedText], None]:
    """A reader of the payloads a payload's text holds (a subscription event logged inside
    another): their requests have no place in the file but the outer value, and are named by
    every layer opened to reach them."""
    def read(inner: NestedText) -> None:
        reader(replace(inner, line=spot.line, column=spot.column, decoded=f"{layers}+{inner.decoded}"))

    return read


def _seen_key(finding: Finding) -> tuple[int, str]:
    """What makes two findings one sighting: their line and secret, whichever rules found it (a
    Basic value's token found as written by the Basic rule and decoded by the token's own rule
    is one key), or their line and rule when they hold no secret."""
    if isinstance(finding.secret, Secret):
        return finding.location.line, finding.secret.canonical
    return finding.location.line, finding.rule_id


def hide_secrets_in_urls(findings: list[Finding]) -> None:
    """Redact the URLs rules captured (``context.url``) with the secrets found on their lines: a
    token in a URL's path is found by its own rule, and must not be printed in full by another."""
    secrets: dict[int, list[Secret]] = defaultdict(list)
    for finding in findings:
        if isinstance(finding.secret, Secret):
            for line in range(finding.location.line, finding.location.end_line + 1):
                secrets[line].append(finding.secret)
    for finding in findings:
        url = finding.context.get("url")
        if isinstance(url, str):
            lines = range(finding.location.line, finding.location.end_line + 1)
            finding.context["url"] = redact_url(url, [s for line in lines for s in secrets.get(line, ())])
