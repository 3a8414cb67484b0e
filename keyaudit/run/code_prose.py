"""What a source file's prose names is not what its code does: a rule about code (``code_only``: a
provider URL over plain HTTP, certificate checks turned off) finds nothing in a comment or a
docstring, which names the URL or the setting without using it (a note on the old endpoint, a line
of code commented out, a warning not to do it), nor in a document's sentences (a README's or a
security note's, outside its code blocks). Secrets are not among them: a key in a comment is a
leaked key all the same.

The text is read again only for a whole source file (test code aside, as the request readers
count it) of at most :data:`MAX_PROSE_BYTES` that has such a finding: source files are small, and
most have none.
"""

from __future__ import annotations

import bisect

from keyaudit.inputs.captures.document_prose import document_kind, document_prose
from keyaudit.inputs.captures.source_files import family
from keyaudit.inputs.captures.source_languages import LANGUAGES
from keyaudit.inputs.captures.source_tokens import prose
from keyaudit.model.findings import Finding
from keyaudit.rulebook.rules import RuleSet
from keyaudit.run.tally import Found
from keyaudit.sources.opening import Opener

MAX_PROSE_BYTES = 1 << 20


class ProseFilter:
    """The findings of one run's ``code_only`` rules, taken out of each source file's prose."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = frozenset(rule.id for rule in rules if rule.code_only)

    def kept(self, findings: Found, display: str, opener: Opener | None) -> Found:
        """``findings`` of the whole file ``display`` (``opener`` reads it; None for a part of a
        file) without those of a code-only rule that lie in its comments and docstrings."""
        language = family(display)
        document = document_kind(display) if language is None else None
        if opener is None or not (language or document) or not any(f.rule_id in self.rules for f in findings):
            return findings
        with opener() as stream:
            data = stream.read(MAX_PROSE_BYTES + 1)
        if len(data) > MAX_PROSE_BYTES:
            return findings
        text = data.decode("utf-8", "surrogateescape")
        spans = document_prose(text, document == "markdown") if document else prose(text, LANGUAGES[language])
        if not spans:
            return findings
        starts = [0]
        while (newline := text.find("\n", starts[-1])) >= 0:  # each line's first offset, a search a line
            starts.append(newline + 1)
        return Found(f for f in findings if f.rule_id not in self.rules or not _within(f, spans, starts))


def _within(finding: Finding, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether the finding starts inside one of the ``spans`` (offsets; ``starts``: each line's)."""
    line, column = finding.location.line, finding.location.column
    if not 0 < line <= len(starts):
        return False
    at = starts[line - 1] + column - 1
    index = bisect.bisect_right(spans, (at, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= at < spans[index][1]
