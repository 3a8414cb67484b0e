"""The line a resumable scan ends in, read again by the next run: a writer caught mid-line finishes it later.

A log is read while it is written: the last line a run sees may lack its end (``token=0123ab`` and no newline yet),
and a run that went on from the very end would read only the rest (``cd…``), a key neither run saw whole. As
Filebeat, Fluent Bit and Vector do, the record keeps the offset of the last complete line, and the next run reads
the incomplete one again with what was appended; binary content, the text run it ends in (see
:meth:`keyaudit.engine.binary_read.BinaryRead.pick_up`). What the earlier run reported on that line is kept with
the record (rule, columns and a short digest of the secret, never the secret) and not reported again, so a key
reported whole before the writer went on is reported once, and a key the writer finished since is reported now.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from keyaudit.model.findings import Finding
from keyaudit.run.records import Progress, Resume
from keyaudit.run.tail_keeper import TAIL_BYTES, TailKeeper
from keyaudit.run.tally import Found, Tally

_DIGITS = 4  # of the secret's digest kept with a finding on the line read again (see _key)


def text_progress(head: bytes, keeper: TailKeeper, lines: int, end_column: int, resumed_from: int | None,
                  stamp: str | None) -> Progress:
    """The record of text read to ``keeper``'s end: up to the start of the line it ends in, when that line began in
    its last ``TAIL_BYTES`` (a longer one is recorded to its end, as the next run cannot place a start in it)."""
    recent = keeper.recent
    newline = recent.rfind(b"\n", max(0, len(recent) - TAIL_BYTES))
    partial = len(recent) - newline - 1 if newline >= 0 else 0 if keeper.count > TAIL_BYTES else len(recent)
    if not partial:
        return Progress.of(head, keeper.count, lines, end_column, keeper.tail, resumed_from, stamp)
    return Progress.of(head, keeper.count - partial, lines, 0, recent[:-partial][-TAIL_BYTES:], resumed_from, stamp)


def went_on_from(recorded: Resume | None, resumed: Resume | None) -> Resume | None:
    """The record a pass over text went on from: the one it resumed, or one that ends in the text's first line
    (recorded at offset 0: the text is read from its top, the same line read again)."""
    return resumed or (recorded if recorded is not None and not recorded.offset and not recorded.whole else None)


def settle(tally: Tally) -> None:
    """Leave out of ``tally`` what the run its pass went on from reported on the line read again, and keep with its
    progress what is reported on the line it ends in."""
    progress, earlier = tally.progress, tally.picked_up
    if progress is None or not tally.findings:  # its progress says what it saw (kept as it was, when not read)
        return
    last = progress.lines + 1
    seen = {_key(finding) for finding in tally.findings if finding.location.line == last}
    if earlier is not None and earlier.seen:
        again, reported = earlier.lines + 1, set(earlier.seen)
        tally.findings = Found(finding for finding in tally.findings
                               if finding.location.line != again or _key(finding) not in reported)
    tally.progress = replace(progress, seen=tuple(sorted(seen)))


def _key(finding: Finding) -> str:
    """A finding as the line read again shows it again: its rule, its columns and a short digest of its secret (so
    another key written at the same place, in a file replaced up to there, is not taken for it; the reports'
    fingerprints are digests too, but of the path as well, which logrotate changes). Four hex digits: the state
    outlives the report and is not keyed by ``--digest-key``, so its digest must confirm no guess of the secret (a
    Basic password from a list) — one guess in 65,536 matches any — while another key matches one time in 65,536."""
    location, secret = finding.location, getattr(finding.secret, "canonical", "")
    value = hashlib.sha256(f"{finding.rule_id}\0{secret}".encode("utf-8", "surrogateescape")).hexdigest()[:_DIGITS]
    return f"{finding.rule_id}:{location.column}:{location.end_line - location.line}:{location.end_column}:{value}"
