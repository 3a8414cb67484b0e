"""Detection: from bytes to validated secret findings, with exact locations.

Used on whole files and on single values alike (a HAR header, a request rebuilt as text, a rule
example), so that every input is judged by the same rules in the same way.
"""

from __future__ import annotations

import re
from typing import BinaryIO

from keyaudit.engine.matcher import Matcher
from keyaudit.engine import create_matcher
from keyaudit.model.findings import Finding, Location
from keyaudit.model.secrets import Secret
from keyaudit.engine.logcontext import record_context
from keyaudit.rulebook.rules import Rule, RuleSet
from keyaudit.engine.stream import CHUNK_BYTES, Hit, ChunkedPass
from keyaudit.rulebook.validators import VALIDATORS


ALLOW_SAME_LINE = re.compile(rb"keyaudit:allow(?!-next-line)")
ALLOW_NEXT_LINE = b"keyaudit:allow-next-line"


def allowed_inline(hit: Hit) -> bool:
    """``keyaudit:allow`` on the finding's line, or ``keyaudit:allow-next-line`` on the line
    before (either may carry a reason after it), as gitleaks and bandit users expect."""
    buffer, start = hit.buffer, hit.match.match_start
    line_start = buffer.rfind(b"\n", 0, start) + 1
    line_end = buffer.find(b"\n", hit.match.match_end)
    if ALLOW_SAME_LINE.search(buffer, line_start, len(buffer) if line_end < 0 else line_end):
        return True
    if line_start == 0:
        return False
    previous_start = buffer.rfind(b"\n", 0, line_start - 1) + 1
    return buffer.find(ALLOW_NEXT_LINE, previous_start, line_start) >= 0


def finding_from_hit(rule: Rule, hit: Hit, path: str) -> Finding | None:
    """Confirm a hit with the rule's validator and context; None when it is not a finding.

    A finding the line allows is returned marked ``suppressed``, to be counted, not reported.
    """
    if rule.context is not None and not rule.context.pattern.search(hit.around(rule.context.window)):
        return None
    text = hit.secret.decode("utf-8", "surrogateescape")
    secret: Secret | None = None
    provider, environment, note = rule.provider, None, None
    if rule.validator is not None:
        validation = VALIDATORS[rule.validator](text)
        if validation is None:
            return None
        provider = validation.provider or provider
        environment, note = validation.environment, validation.note
        if rule.captures_secret:
            secret = Secret(validation.canonical, validation.visible_prefix)
    elif rule.captures_secret:
        secret = Secret(text)
    title = rule.title
    message = f"{title}: {note}" if note else title
    context: dict[str, object] = record_context(hit.line_text())
    if not rule.captures_secret:
        context["url"] = text
    return Finding(
        suppressed="inline" if allowed_inline(hit) else None,
        rule_id=rule.id,
        category=rule.category,
        severity=rule.severity,
        confidence=rule.confidence,
        provider=provider,
        title=title,
        message=message,
        location=Location(path, *hit.place),
        secret=secret,
        environment=environment,
        context=context,
    )


class SecretDetector:
    """The secret rules and their engine, applied to one byte stream at a time."""

    def __init__(self, rules: RuleSet, matcher: Matcher | None = None) -> None:
        self.rules = rules
        self._rule_list = list(rules)
        self.matcher = matcher or create_matcher(rules)

    def findings_in(self, stream: BinaryIO, path: str, into: list[Finding],
                    sniff_binary: bool = True, start: tuple[int, int] = (1, 0),
                    read_bytes: int = CHUNK_BYTES) -> ChunkedPass:
        """Append the findings of one plain (already decompressed) stream to ``into``.

        Appending as it goes keeps what was found before a read error in the middle. The
        returned scan tells which of the matcher's literal groups occurred.
        """
        scan = ChunkedPass(stream, self.matcher, sniff_binary, start, read_bytes)
        self.collect(scan, path, into)
        return scan

    def collect(self, scan: ChunkedPass, path: str, into: list[Finding]) -> None:
        """Run ``scan``, appending its findings to ``into``. A caller that builds the pass itself
        still has it when a read fails: its lines and bytes say how far the text was scanned."""
        for hit in scan:
            finding = finding_from_hit(self._rule_list[hit.match.rule_index], hit, path)
            if finding is not None:
                into.append(finding)
