"""The line a resumable scan ends in, read again by the next run: a writer caught mid-line finishes it later.

A log is read while it is written: the last line a run sees may lack its end (``token=0123ab`` and no newline yet),
and a run that went on from the very end would read only the rest (``cd…``), a key neither run saw whole. As
Filebeat, Fluent Bit and Vector do, the record keeps the offset of the last complete line, and the next run reads
the incomplete one again with what was appended; binary content, the text run it ends in (see
:meth:`keyaudit.engine.binary_read.BinaryRead.pick_up`). What the earlier run reported on that line is kept with
the record (rule, columns and a short digest of the secret, never the secret) and not reported again, so a key
reported whole before the writer went on is reported once, and a key the writer finished since is reported now.

A record that takes several lines and is still open where the text ends (a request's header block, a JSON record:
see :mod:`.open_record`) is read again the same way, from its first line, when it began in the last ``HOLD_BYTES``:
its request is judged whole by the next run (the body or the header lines the writer appended since, which a run
going on from the end would read without their request line), while nothing is held back from this one's report.
The record keeps where that line is and what was reported on each line from it (the line's place among them is
part of the key: :class:`~keyaudit.run.records.Held`), beside the record of the end, which keeps its last line's
keys as they always were: a keyaudit that does not know the held record goes on from the end and reports no key
twice. A file whose size and mtime did not change is not read again (its record is kept as it is); one whose mtime
changed and not its size (touched, or rewritten in place) has its last line and its open record read again — up to
``HOLD_BYTES``, nothing new reported, as what was reported on those lines is kept. Compressed text and an archive's
member hold no open record: no writer appends to those.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import BinaryIO, Callable

from keyaudit.model.findings import Finding
from keyaudit.run.open_record import HOLD_BYTES, open_start
from keyaudit.run.records import Held, Progress, Resume, digest
from keyaudit.run.tail_keeper import TAIL_BYTES, TailKeeper
from keyaudit.run.tally import Found, Tally
from keyaudit.run.units import WorkUnit
from keyaudit.sources.compression import is_decompressing

_DIGITS = 4  # of the secret's digest kept with a finding on the line read again (see _key)
READ_AGAIN = "open_records_read_again"  # the statistic of the records still open at a run's end read again whole


def text_progress(unit: WorkUnit, keeper: TailKeeper, resume: Resume | None, place: tuple[int, int],
                  holds: bool) -> Progress:
    """The record of ``unit``'s text read to ``keeper``'s end (from ``resume``, when it went on from one; ``place``:
    the lines and end column this pass read): up to the start of the line it ends in, when that line began in its
    last ``TAIL_BYTES`` (a longer one is recorded to its end, as the next run cannot place a start in it); with,
    beside it, where the record still open at the end begins (:func:`held_start`), when ``holds`` (:func:`pick_up`'s
    answer of :func:`may_hold`)."""
    assert unit.head is not None  # called with --state only, where each unit has its head
    picked = went_on_from(unit.resume, resume)  # a record read from the top is moved on, not left beside
    head, stamp, resumed_from = unit.head, unit.stamp, picked.record_id if picked else None
    lines, end_column = (resume.lines if resume else 0) + place[0], place[1]
    recent = keeper.recent
    newline = recent.rfind(b"\n", max(0, len(recent) - TAIL_BYTES))
    partial = len(recent) - newline - 1 if newline >= 0 else 0 if keeper.count > TAIL_BYTES else len(recent)
    end, column, tail = (keeper.count - partial, 0, recent[:-partial][-TAIL_BYTES:]) if partial else \
        (keeper.count, end_column, keeper.tail)
    progress = Progress.of(head, end, lines, column, tail, resumed_from, stamp)
    hold = held_start(keeper, resume) if holds else None
    if hold is None or keeper.count - (len(recent) - hold) >= progress.offset:
        return progress  # none, or the line the record of the end is read again from
    kept = recent[hold:]
    return replace(progress, held=Held(keeper.count - len(kept), lines - kept.count(b"\n"),
                                       digest(recent[:hold][-TAIL_BYTES:]), (), (progress.offset, stamp)))


def may_hold(unit: WorkUnit, stream: BinaryIO) -> bool:
    """Whether ``unit``'s text is one whose open last record the next run reads again: a file of its own, whole
    (not a member, standard input, a blob or a range), read as it is on disk: compressed text is not appended to."""
    return unit.head is not None and unit.depth == 0 and unit.target.path is not None and \
        unit.byte_range is None and not is_decompressing(stream)


def held_start(keeper: TailKeeper, resume: Resume | None) -> int | None:
    """Where in ``keeper.recent`` the record the text ends in begins, when it is still open and began in what this
    pass read (from ``resume``'s offset), in its last ``HOLD_BYTES``, with the ``TAIL_BYTES`` before it kept (to
    know the content up to there the same next time); one that began further back is read on from the end."""
    recent = keeper.recent
    here = len(recent) - (keeper.count - (resume.offset if resume else 0))  # where this pass's text begins
    top = len(recent) - keeper.count  # where the content begins, when kept
    first = max(here, 0 if top == 0 else TAIL_BYTES, len(recent) - HOLD_BYTES)
    start = open_start(recent[first:], whole=first in (here, top))
    return None if start is None else first + start


def pick_up(stream: BinaryIO, unit: WorkUnit, reopen: Callable[[], BinaryIO],
            read_bytes: int) -> tuple[TailKeeper, Resume | None, bool]:
    """``stream`` positioned where the last run stopped (at the start of the record it held open, where it may:
    :func:`may_hold`), when the content there is the same, with that place; else read afresh from the start
    (``reopen``), and None; and whether its text may hold a record open (for :func:`text_progress`).
    ``read_bytes``: what to read at a time to skip what cannot be sought past."""
    holds = may_hold(unit, stream)
    keeper = TailKeeper(stream, keep=HOLD_BYTES if holds else TAIL_BYTES)
    recorded = unit.resume
    if recorded is None or recorded.whole:  # binary content is read from its start
        return keeper, None, holds
    for resume in ((recorded.held.resume(recorded),) if holds and recorded.held else ()) + (recorded,):
        if not resume.offset:
            return keeper, None, holds  # read from the top (see went_on_from)
        if keeper.skip(resume.offset, read_bytes) and digest(keeper.tail) == resume.tail_hash:
            return keeper, resume, holds
    return TailKeeper(reopen(), keep=keeper.keep), None, holds  # truncated or replaced: from the start


def went_on_from(recorded: Resume | None, resumed: Resume | None) -> Resume | None:
    """The record a pass over text went on from: the one it resumed, or one that ends in the text's first line
    (recorded at offset 0, or whose held record begins there: the text is read from its top, that line again)."""
    if resumed is not None or recorded is None or recorded.whole:
        return resumed
    if recorded.held is not None and not recorded.held.offset:
        return recorded.held.resume(recorded)
    return None if recorded.offset else recorded


def settle(tally: Tally) -> None:
    """Leave out of ``tally`` what the run its pass went on from reported on the lines read again, and keep with its
    progress what is reported on the lines the next run reads again: the last line's (the record of the end's, as a
    keyaudit that does not know held records keys them) and, when it ends in an open record, that record's lines'
    (keyed with their places)."""
    progress, earlier = tally.progress, tally.picked_up
    if progress is None or not tally.findings:  # its progress says what it saw (kept as it was, when not read)
        return
    last, held = progress.lines + 1, progress.held
    seen = {_key(finding) for finding in tally.findings if finding.location.line == last}
    if held is not None:
        first = held.lines + 1
        held = replace(held, seen=tuple(sorted(_placed(finding, first) for finding in tally.findings
                                               if finding.location.line >= first)))
    if earlier is not None and earlier.seen:
        again, reported = earlier.lines + 1, set(earlier.seen)
        tally.findings = Found(finding for finding in tally.findings
                               if _as_seen(finding, again, earlier.placed) not in reported)
    tally.progress = replace(progress, seen=tuple(sorted(seen)), held=held)


def _as_seen(finding: Finding, first: int, placed: bool) -> str | None:
    """How the run that recorded the lines read again from line ``first`` kept ``finding`` (keyed with its line's
    place among them, when ``placed``, else on the first line only), None when not on them."""
    line = finding.location.line
    if line < first or (line > first and not placed):
        return None
    return _placed(finding, first) if placed else _key(finding)


def _placed(finding: Finding, first: int) -> str:
    """A finding on the lines read again from line ``first``, keyed with its line's place among them."""
    return f"{finding.location.line - first}|{_key(finding)}"


def _key(finding: Finding) -> str:
    """A finding as the line read again shows it again: its rule, its columns and a short digest of its secret (so
    another key written at the same place, in a file replaced up to there, is not taken for it; the reports'
    fingerprints are digests too, but of the path as well, which logrotate changes). Four hex digits: the state
    outlives the report and is not keyed by ``--digest-key``, so its digest must confirm no guess of the secret (a
    Basic password from a list) — one guess in 65,536 matches any — while another key matches one time in 65,536."""
    location, secret = finding.location, getattr(finding.secret, "canonical", "")
    value = hashlib.sha256(f"{finding.rule_id}\0{secret}".encode("utf-8", "surrogateescape")).hexdigest()[:_DIGITS]
    return f"{finding.rule_id}:{location.column}:{location.end_line - location.line}:{location.end_column}:{value}"
