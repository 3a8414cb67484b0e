"""GitHub code scanning's upload limits, and staying under them.

GitHub rejects a SARIF upload with more than 25,000 results or rules in a run, more than 1,000
locations in a result, or over 10 MB gzip-compressed (and shows only the 5,000 most severe
results, 100 locations of a result). A report over a limit is cut, never split: runs of one tool
in one file must carry distinct categories, and a category that depends on how many findings
there were would leave orphaned categories whose alerts never close. So results go out most
severe first, and what does not fit is left out and said: one warning each, on stderr through
the caller and as a ``toolExecutionNotification`` in the report.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

from keyaudit.model.findings import Finding
from keyaudit.model.vocabulary import SEVERITIES, RuleInfo

_FLUSH_EVERY = 64 << 10  # input bytes between exact measurements of the compressed size (at most)


@dataclass(frozen=True)
class Limits:
    """What one SARIF file may hold."""

    results: int = 25_000  # per run
    rules: int = 25_000  # per run
    related_locations: int = 99  # per result, besides its location: GitHub shows 100 locations
    gzip_bytes: int = 10_000_000  # the whole file, gzip-compressed (10 MB, read as decimal: the stricter)


GITHUB = Limits()


def most_severe_first(findings: Sequence[Finding]) -> Iterator[Finding]:
    """Every finding, critical ones first, each severity in report order: one pass over the
    findings per severity, so nothing is sorted in memory however many there are."""
    for severity in reversed(SEVERITIES):
        yield from (finding for finding in findings if finding.severity == severity)


def listed_rules(rules: Sequence[RuleInfo], findings: Iterable[Finding], limit: int) -> list[RuleInfo]:
    """The rules a run lists: all of them, or, past ``limit``, those with findings first (in
    their order), then as many others as fit."""
    if len(rules) <= limit:
        return list(rules)
    used = {finding.rule_id for finding in findings}
    return ([rule for rule in rules if rule.id in used] + [rule for rule in rules if rule.id not in used])[:limit]


class UploadBudget:
    """The report's gzip-compressed size as it is written, so that results stop before the upload
    limit: every piece passes through a compressor, flushed every 64 KiB (or every hundredth of
    the limit, if less) so the count is exact to within that; ``reserve`` is kept for what is
    written after the results."""

    def __init__(self, limit: int, reserve: int) -> None:
        self._compressor = zlib.compressobj(6, zlib.DEFLATED, 31)  # gzip, at gzip's default level
        self._compressed = 0
        self._pending = 0  # input not yet flushed: at most this much more output
        self._flush_every = min(_FLUSH_EVERY, max(4096, limit // 100))
        self._limit = limit - reserve

    def fits(self, text: str) -> bool:
        """Whether ``text`` can still be written (counted as if it did not compress at all)."""
        return self._compressed + self._pending + len(text.encode("utf-8")) <= self._limit

    def add(self, text: str) -> str:
        """Count ``text`` as written; it is returned, to be written."""
        data = text.encode("utf-8")
        self._compressed += len(self._compressor.compress(data))
        self._pending += len(data)
        if self._pending >= self._flush_every:
            self._compressed += len(self._compressor.flush(zlib.Z_SYNC_FLUSH))
            self._pending = 0
        return text


def compressed_size(text: str) -> int:
    """How many bytes ``text`` takes gzip-compressed on its own (an upper bound for it at the end
    of a longer stream)."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    return len(compressor.compress(text.encode("utf-8")) + compressor.flush())
