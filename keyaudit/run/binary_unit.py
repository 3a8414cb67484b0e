"""Binary content under ``--state``: picked up where an earlier run stopped, and recorded from the pass's own bytes.

A binary file is recorded whole (see :meth:`keyaudit.run.records.Progress.whole`). One that still starts with the
bytes recorded — as many of them, with the same digest — was not rewritten: when nothing follows them it is
unchanged, and when more does (a pcap or a systemd journal written on, a SQLite WAL grown) only that is read, as
an appended log is, so its old findings are not reported again. The check reads the recorded bytes once, digesting
them into the digest the pass goes on with; the text run they end in is read again with what follows (a key its
writer had not finished), and what the earlier run reported there is not reported twice (:mod:`.last_line`). A
file whose strings an earlier run read in part (past the bound) is still read in part, and every report says so,
also when the file is not read at all because it is unchanged.
"""

from __future__ import annotations

from typing import BinaryIO

from keyaudit.engine.binary_read import BinaryRead
from keyaudit.model.result import Counts
from keyaudit.run.records import WHOLE_DIGEST, Progress, Resume
from keyaudit.run.tally import Tally
from keyaudit.run.units import WorkUnit
from keyaudit.sources.compression import DECOMPRESSION_ERRORS


def picked_up(stream: BinaryIO, resume: Resume, bound: int) -> BinaryRead | None:
    """How binary content recorded by ``resume`` reads on from ``stream`` (at its start): a reading that starts
    where the record ends (less the text run it ended in, read again), when the content starts with the bytes
    recorded; else None (read it from its start). Its line and column are counted from those bytes, not taken from
    the record (one written before binary newlines were counted holds none). A record from before appends were
    kept (no ``cut``) is read from its start when anything follows it; one from before what was reported on its
    last line was kept (no ``seen``), or whose strings were read in part (its end was not read), is read on from its
    very end."""
    strings = BinaryRead(bound, True)
    if not strings.pick_up(stream, resume.offset, again=resume.seen is not None and not resume.cut) or \
            WHOLE_DIGEST + strings.hexdigest() != resume.tail_hash:
        return None
    if resume.cut is None and stream.peek(1)[:1]:  # type: ignore[attr-defined]
        return None
    return strings


def kept_unchanged(unit: WorkUnit, resume: Resume, tally: Tally) -> None:
    """Count binary content found unchanged: its record kept, its damage and its cut said again."""
    tally.progress = Progress.unchanged(unit.head or b"", resume, unit.stamp)
    tally.errors.extend(tally.progress.damage_errors())
    tally.counts.files_scanned += 1
    tally.counts.statistics["files_unchanged"] += 1
    count_cut_again(tally.counts, tally.progress)


def count_cut_again(counts: Counts, progress: Progress) -> None:
    """A file not read again whose strings were read in part: it is still read in part, and said so."""
    if progress.cut:
        counts.statistics["binary_files_cut"] += 1
        counts.statistics["binary_files_cut_unchanged"] += 1


def binary_progress(unit: WorkUnit, stream: BinaryIO, strings: BinaryRead, resume: Resume | None) -> Progress | None:
    """The record of binary content from the bytes the pass read, read on through ``stream`` past the bound (None
    when that meets damage: not recorded, read again next run). A record moved on is the one this file left under
    its path, never another file's that starts alike; ``resume``, the record a pass that picked the content up
    went on from (its cut still stands)."""
    try:
        strings.drain(stream)
    except DECOMPRESSION_ERRORS:
        return None
    earlier = unit.resume
    own = earlier.record_id if earlier is not None and earlier.whole and earlier.path == unit.target.display \
        else None
    return Progress.whole(unit.head or b"", strings.length, (strings.lines, strings.column), strings.hexdigest(),
                          own, unit.stamp, strings.cut or bool(resume is not None and resume.cut))
