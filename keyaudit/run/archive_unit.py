"""An archive scanned as a unit: each member a file of its own, and the record ``--state`` keeps
of content recorded whole (an archive, a HAR capture)."""

from __future__ import annotations

from dataclasses import replace
from typing import BinaryIO, Callable

from keyaudit.inputs.archive_entries import limit_error
from keyaudit.inputs.archives import MAX_ARCHIVE_DEPTH, Skipped, read_members
from keyaudit.model.findings import member_path
from keyaudit.model.result import ScanError
from keyaudit.run.records import Progress
from keyaudit.run.tail_keeper import TailKeeper
from keyaudit.run.tally import Tally
from keyaudit.run.units import WorkUnit
from keyaudit.sources.compression import DECOMPRESSION_ERRORS
from keyaudit.sources.opening import Opener
from keyaudit.sources.targets import Target


def scan_archive(kind: str, stream: BinaryIO, unit: WorkUnit, opener: Opener, tally: Tally,
                 scan: Callable[[WorkUnit], Tally]) -> None:
    """Scan each member of an archive read here as a file of its own (a compressed tar, an
    archive inside an archive, one given on stdin or scanned with --state), each with ``scan``.

    With --state an archive is recorded whole, by the length and last bytes of its
    (decompressed) content, as a compressed log is: archives are not appended to, so there is
    no middle to resume from. A tar is measured on the way through; a zip, read by seeking,
    by a probe of its own; a recorded one is probed first, and skipped when it is the same."""
    if unit.depth >= MAX_ARCHIVE_DEPTH:  # a bound: its members may hold keys, so an error, not a count
        tally.errors.append(ScanError(unit.target.display, f"not scanned, past a bound of the scan: an archive inside "
                                                           f"{unit.depth} others (archives are opened "
                                                           f"{MAX_ARCHIVE_DEPTH} deep at most)"))
        return
    progress = None
    if unit.head is not None and (unit.resume is not None or kind == "zip"):
        progress = whole_progress(unit, opener)
        if progress is not None and unit.resume is not None and \
                (progress.offset, progress.tail_hash) == (unit.resume.offset, unit.resume.tail_hash):
            tally.progress = replace(progress, damage=unit.resume.damage)  # the same content: the same damage
            tally.errors.extend(tally.progress.damage_errors())
            tally.counts.statistics["files_unchanged"] += 1
            return
    keeper = TailKeeper(stream)
    try:
        for entry in read_members(kind, keeper if kind == "tar" else stream):
            display = unit.target.display if entry.name is None else member_path(unit.target.display, entry.name)
            if isinstance(entry, Skipped) and (entry.damaged or limit_error(entry.reason)):
                tally.errors.append(ScanError(display, limit_error(entry.reason) or entry.reason))
                continue
            if isinstance(entry, Skipped):
                tally.counts.skip(display, entry.reason)
                continue
            tally.add(scan(WorkUnit(Target(display, None, entry.reader), depth=unit.depth + 1)))
            if entry.note:
                tally.errors.append(ScanError(display, entry.note))
        if kind == "tar":  # read to the end: damage past the end-of-archive blocks is damage too
            keeper.skip(1 << 62)
    finally:  # damaged too: recorded as far as it was read, with its error, not to be read again unchanged
        if unit.head is not None:
            if progress is None:  # a tar, measured as it was read
                progress = Progress.of(unit.head, keeper.count, 0, 0, keeper.tail, None, unit.stamp)
            tally.progress = progress


def whole_progress(unit: WorkUnit, opener: Opener) -> Progress | None:
    """The record of content recorded whole (an archive, a HAR), from a read of its own;
    None when it is damaged (then it is not recorded, and is tried again next run)."""
    try:
        with opener() as probe:
            keeper = TailKeeper(probe)
            keeper.skip(1 << 62)  # to the end: the length and the last bytes
    except DECOMPRESSION_ERRORS:
        return None
    return Progress.of(unit.head or b"", keeper.count, 0, 0, keeper.tail,
                       unit.resume.record_id if unit.resume else None, unit.stamp)


def kept_whole(unit: WorkUnit, probe: Progress | None, tally: Tally) -> bool:
    """Whether content recorded whole (a HAR, binary content) is the content its record was made of (``probe``,
    from a read of it now): then it is counted unchanged, its record and its damage kept, and not read again."""
    resume = unit.resume
    if unit.head is None or resume is None or probe is None or (probe.offset, probe.tail_hash) != \
            (resume.offset, resume.tail_hash):
        return False
    tally.progress = Progress.unchanged(unit.head, resume, unit.stamp)
    tally.errors.extend(tally.progress.damage_errors())
    tally.counts.files_scanned += 1
    tally.counts.statistics["files_unchanged"] += 1
    return True
