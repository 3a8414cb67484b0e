"""The line a resumable scan ends in, read again by the next run: a writer caught mid-line finishes it later.

A log is read while it is written: the last line a run sees may lack its end (``token=0123ab`` and no newline yet),
and a run that went on from the very end would read only the rest (``cd…``), a key neither run saw whole. As
Filebeat, Fluent Bit and Vector do, the record keeps the offset of the last complete line, and the next run reads
the incomplete one again with what was appended; binary content, the text run it ends in (see
:meth:`keyaudit.engine.binary_read.BinaryRead.pick_up`). What the earlier run reported on that line is kept with
the record (rule, columns and a short digest of the secret, never the secret) and not reported again, so a key
reported whole before the writer went on is reported once, and a key the writer finished since is reported now.

A record that takes several lines and is still open where the text ends (a request's header block, a JSON record:
see :mod:`.open_record`) is read again the same way, from its first line: the record keeps the offset of that line
and what was reported on each line from it (the line's place among them is part of the key), and the findings of
the request rules on those lines are left to the next run, which judges the request whole. A file that did not grow
since has that record judged as it is, so none waits for ever."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import replace
from typing import Iterable

from keyaudit.model.findings import Finding
from keyaudit.rulebook.requests import RequestRule
from keyaudit.run.open_record import HOLD_BYTES, open_start
from keyaudit.run.records import Progress, Resume
from keyaudit.run.tail_keeper import TAIL_BYTES, TailKeeper
from keyaudit.run.tally import Found, Tally
from keyaudit.run.units import WorkUnit

_DIGITS = 4  # of the secret's digest kept with a finding on the line read again (see _key)
HOLD_READ = 2 * HOLD_BYTES  # how far back an open record is looked for: one longer than HOLD_BYTES is counted
JUDGED_OPEN = "open_records_judged_unfinished"  # the statistic of those: judged as they were read


def text_progress(unit: WorkUnit, keeper: TailKeeper, resume: Resume | None, place: tuple[int, int],
                  statistics: Counter[str]) -> Progress:
    """The record of ``unit``'s text read to ``keeper``'s end (from ``resume``, if it went on from one; ``place``:
    the lines and end column this pass read): up to where the open record it ends in begins (see
    :func:`held_start`); else up to the start of the line it ends in, when that line began in its last
    ``TAIL_BYTES`` (a longer one is recorded to its end, as the next run cannot place a start in it)."""
    assert unit.head is not None  # called only with --state, where each unit has its head
    head, stamp, resumed_from = unit.head, unit.stamp, resume.record_id if resume else None
    lines, end_column = (resume.lines if resume else 0) + place[0], place[1]
    hold = held_start(keeper, resume, went_on_from(unit.resume, resume), statistics)
    recent = keeper.recent
    if hold is not None:
        kept = recent[hold:]
        return replace(Progress.of(head, keeper.count - len(kept), lines - kept.count(b"\n"), 0,
                                   recent[:hold][-TAIL_BYTES:], resumed_from, stamp), held=keeper.count)
    newline = recent.rfind(b"\n", max(0, len(recent) - TAIL_BYTES))
    partial = len(recent) - newline - 1 if newline >= 0 else 0 if keeper.count > TAIL_BYTES else len(recent)
    if not partial:
        return Progress.of(head, keeper.count, lines, end_column, keeper.tail, resumed_from, stamp)
    return Progress.of(head, keeper.count - partial, lines, 0, recent[:-partial][-TAIL_BYTES:], resumed_from, stamp)


def held_start(keeper: TailKeeper, resume: Resume | None, picked: Resume | None,
               statistics: Counter[str]) -> int | None:
    """Where in ``keeper.recent`` the record the text ends in begins, when it is still open and began in what this
    pass read (from ``resume``'s offset) within ``HOLD_BYTES`` of the end; one that began further back (up to twice
    as far) is judged as it is, and counted in ``statistics``. None when the record the pass went on from
    (``picked``) held one open and nothing was appended since: a file that does not grow has its last record judged
    now, so none waits for ever (a rule of content, no clock: a rotated and compressed copy is judged alike)."""
    if picked is not None and picked.held == keeper.count:
        return None
    recent = keeper.recent
    here = len(recent) - (keeper.count - (resume.offset if resume else 0))  # where this pass's text begins
    first = max(here, 0 if keeper.count == len(recent) else TAIL_BYTES, len(recent) - HOLD_READ)
    start = open_start(recent[first:], whole=first in (here, len(recent) - keeper.count))
    if start is None:
        return None
    if len(recent) - first - start > HOLD_BYTES:
        statistics[JUDGED_OPEN] += 1
        return None
    return first + start


def went_on_from(recorded: Resume | None, resumed: Resume | None) -> Resume | None:
    """The record a pass over text went on from: the one it resumed, or one that ends in the text's first line
    (recorded at offset 0: the text is read from its top, the same line read again)."""
    return resumed or (recorded if recorded is not None and not recorded.offset and not recorded.whole else None)


def settle(tally: Tally, requests: Iterable[RequestRule] = ()) -> None:
    """Leave out of ``tally`` what the run its pass went on from reported on the lines read again, and keep with its
    progress what is reported on the lines it ends in; while it ends in an open record, the findings of the rules
    ``requests`` on that record's lines are the next run's, which reads the record whole."""
    progress, earlier = tally.progress, tally.picked_up
    if progress is None:
        return
    first = progress.lines + 1
    if progress.held is not None:
        _take_back(tally, first, {rule.id for rule in requests})
    if not tally.findings:  # its progress says what it saw (kept as it was, when not read)
        return
    # Before what was reported already is left out: the next run reads these lines again too.
    seen = {_key(finding, first) for finding in tally.findings if finding.location.line >= first}
    if earlier is not None and earlier.seen:
        again, reported = earlier.lines + 1, set(earlier.seen)
        tally.findings = Found(finding for finding in tally.findings
                               if finding.location.line < again or _key(finding, again) not in reported)
    tally.progress = replace(progress, seen=tuple(sorted(seen)))


def _take_back(tally: Tally, first: int, judged: set[str]) -> None:
    """Leave the findings of the rules ``judged`` from line ``first`` on, and what judging their requests counted,
    to the next run, which reads the record they are in whole."""
    tally.findings = Found(finding for finding in tally.findings
                           if finding.location.line < first or finding.rule_id not in judged)
    statistics = tally.counts.statistics
    for counted in (counted for line, counted in tally.judged or () if line >= first):
        statistics.subtract(counted)
        for name in counted:
            if statistics[name] <= 0:
                del statistics[name]


def _key(finding: Finding, first: int) -> str:
    """A finding as the lines read again from line ``first`` show it again: its line's place among them (left out
    for the first, as records written before open records were held back keep it), its rule, its columns and a
    short digest of its secret (so another key written at the same place, in a file replaced up to there, is not
    taken for it; the reports' fingerprints are digests too, but of the path as well, which logrotate changes). Four
    hex digits: the state outlives the report and is not keyed by ``--digest-key``, so its digest must confirm no
    guess of the secret (a Basic password from a list) — one guess in 65,536 matches any — while another key matches
    one time in 65,536."""
    location, secret = finding.location, getattr(finding.secret, "canonical", "")
    value = hashlib.sha256(f"{finding.rule_id}\0{secret}".encode("utf-8", "surrogateescape")).hexdigest()[:_DIGITS]
    place = f"{location.line - first}|" if location.line > first else ""
    span = f"{location.column}:{location.end_line - location.line}:{location.end_column}"
    return f"{place}{finding.rule_id}:{span}:{value}"
