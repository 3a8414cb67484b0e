"""Work units and the plan that makes them: what one worker scans at a time.

A unit is a whole file, or — for a big plain file — the lines starting in one byte range of it, so
one large log keeps every core busy (a big gzip file of many members likewise, cut where members
start; a big single-member one at offsets of its text, when that pays; a big HAR capture in shares
of its entries), or one member of a zip or uncompressed tar, so one big log archive does too. The
plan is in report order; whoever runs the units, the session merges their outcomes in that order,
which is what makes the report independent of ``--jobs`` and of Dask.
"""

from __future__ import annotations

import itertools
import json
import math
from dataclasses import dataclass, replace
from typing import Callable

from keyaudit.engine.stream import looks_binary
from keyaudit.inputs.archives import PlannedMember, archive_kind, member_targets
from keyaudit.inputs.captures.file_scope import DEFINITIONS_HEAD_BYTES, defines_below, defines_in
from keyaudit.inputs.har_sniff import SNIFF_CHARS, looks_like_har
from keyaudit.inputs.message_sniff import message_kind
from keyaudit.run.gzip_cutting import Cutting
from keyaudit.run.records import Progress, Resume, digest
from keyaudit.run.state import HEAD_BYTES, ScanState
from keyaudit.sources.compression import DECOMPRESSION_ERRORS, SNIFF_BYTES, sniff_compression
from keyaudit.sources.deep import DeepFile
from keyaudit.sources.discover import discover
from keyaudit.sources.frames import CodecMissing
from keyaudit.sources.gzip_index import SeekPoint
from keyaudit.sources.gzip_members import member_starts
from keyaudit.sources.opening import file_size, file_stamp, opener_for, rewritten
from keyaudit.sources.remote import ObjectReader
from keyaudit.sources.targets import Discovery, Target

RANGE_BYTES = 64 << 20  # the largest range a big plain file is cut into
# The smallest range a file is cut into for the workers to share: a range starts in milliseconds, and
# a log whose every record is a provider call reads at about 2 MB/s (4 MiB: two seconds of work), so
# smaller files of such logs still keep every core busy (a 21 MB one at --jobs 2: 12.2 s wall whole,
# 7.9 s in 4 MiB ranges); a plain log's ranges cost a few hundredths of a second more in all.
MIN_RANGE_BYTES = 4 << 20
RANGES_PER_WORKER = 4
HAR_SHARE_BYTES = 8 << 20  # the smallest share of a HAR capture given a process of its own
# What parsing a capture costs against reading its entries (walk, request, rules: measured on the
# page loads and the bodies of benchmarks/run_har.py, 0.3-0.45). Every share parses the capture
# from its start, so later shares are given fewer entries.
HAR_PARSE_COST = 0.4


@dataclass(frozen=True)
class WorkUnit:
    """One piece of work: a whole target, or the lines starting in a byte range of one."""

    target: Target
    byte_range: tuple[int, int] | None = None
    members: bool = False  # the range counts bytes of a gzip file, cut where members start
    seek_point: SeekPoint | None = None  # the range counts bytes of a gzip file's text, decoded from here
    to_end: bool = False  # the last range or share of a file cut where its length was planned: read to its end
    resume: Resume | None = None  # with --state: where an earlier run stopped in this content
    head: bytes | None = None  # with --state: the content's first bytes, its identity
    stamp: str | None = None  # with --state: the file's size and mtime when the scan was planned
    depth: int = 0  # archives enclosing the content (a member of a tar is 1 deep)
    # A share of a HAR capture: the values that start in this range of its text (in characters,
    # placed as the bytes were); the capture is read from its start, its lines need no moving.
    share: tuple[int, int] | None = None

    @property
    def first(self) -> bool:
        """The unit that counts its file (the only one, or the first range or share)."""
        start = self.byte_range or self.share
        return start is None or start[0] == 0

    @property
    def cut_compressed(self) -> bool:
        """A piece of a compressed file cut where the plan found a place to start: one that
        cannot be read alone (damage, a misjudged place) sends the file to be read whole."""
        return self.members or self.seek_point is not None

    @property
    def local(self) -> bool:
        """Whether another process on this machine can read the unit itself: a local file or a
        member of one (stdin and staged blobs are read by this process only)."""
        reader = self.target.reader
        return self.target.path is not None or (isinstance(reader, PlannedMember) and reader.local)

    @property
    def portable(self) -> bool:
        """Whether a worker elsewhere can read the unit itself: a path it may see, an object in
        a store, or a member of an archive that is either."""
        return self.target.path is not None or isinstance(self.target.reader, (ObjectReader, PlannedMember))

    def checkpoint_key(self) -> str | None:
        """What a finished unit is known by in the state: path, size and mtime (an unchanged
        file), content head and starting offset (the same piece of it); None when untracked."""
        if self.head is None or self.stamp is None or self.byte_range is not None:
            return None
        return json.dumps([self.target.display, self.stamp, digest(self.head), self.resume.offset if self.resume else 0])

    def unchanged_progress(self) -> Progress | None:
        """The earlier record, kept as it is, when the file is the one an earlier run scanned to
        its end (same stamp): nothing to read, not even to check its tail."""
        if self.head is None or self.resume is None or self.stamp is None or self.resume.stamp != self.stamp:
            return None
        return Progress.unchanged(self.head, self.resume, self.stamp)

    @property
    def size(self) -> int:
        """Bytes to read, as far as is known before reading (for progress and for deciding
        whether processes pay): 0 for stdin and staged blobs."""
        part = self.byte_range or self.share
        if part is not None:
            return part[1] - part[0]
        if self.target.path is not None:
            return file_size(self.target.path)
        return getattr(self.target.reader, "size", 0)  # a member's or an object's size from its listing


def _split_kind(target: Target, text_too: bool, whole_top: Callable[[bytes], bool] | None = None) -> str | None:
    """How a big file can be cut: ``"plain"`` 8-bit text at newlines, ``"gzip"`` text where
    members start, ``"har"`` an uncompressed HAR capture by its entries; None for anything else
    (other compression, compressed text inside a gzip, a compressed capture, an archive,
    binary, text read otherwise than its bytes stand and so from its start (UTF-16, whose newline is
    two bytes; lines ended by CR alone), a text whose top defines what its lines mean: a W3C log's
    ``#Fields:``; a plain one that does so anywhere, which a range past the definition, read alone,
    would not know: one look through it at C speed;
    a top that ``whole_top`` says so of: one that leaves a table open, whose rows a range would read
    as bare values). Only ``"har"`` or None unless ``text_too``: a file too small to cut into ranges."""
    try:
        with open(target.path, "rb") as handle:  # type: ignore[arg-type]
            kind = sniff_compression(handle.read(SNIFF_BYTES))
        if kind not in (None, "gzip"):
            return None
        with opener_for(target.path, layers=1)() as stream:  # a gzip file's own text, not undone further
            text = stream.read(DEFINITIONS_HEAD_BYTES)  # as far as the readers look for definitions
            if rewritten(stream):
                return None
    except (OSError, *DECOMPRESSION_ERRORS):
        return None
    head = text[:SNIFF_CHARS]
    if sniff_compression(head) or archive_kind(head) or message_kind(target.display, head) or looks_binary(head):
        return None
    if looks_like_har(target.display, head):
        return "har" if kind is None else None
    if not text_too or defines_in(text) or (whole_top is not None and whole_top(text)):
        return None
    try:
        if kind is None:
            with open(target.path, "rb") as handle:  # type: ignore[arg-type]
                if defines_below(handle):
                    return None
    except OSError:
        return None
    return kind or "plain"


def _even(size: int, piece: int, range_bytes: int, workers: int) -> int:
    """``piece`` made even: ranges of one size, ``size // piece`` of them, rounded down to a
    multiple of ``workers`` where there are that many (more where ranges would be larger than
    ``range_bytes``). Cut at ``piece`` alone, a 21 MB log of provider calls was five ranges and a
    sliver for two workers: one read three while the other read two, then waited."""
    count = size // piece
    count = count // workers * workers if count >= workers else max(count, 1)
    if math.ceil(size / count) > range_bytes:
        count = math.ceil(math.ceil(size / range_bytes) / workers) * workers
    return math.ceil(size / count)


def _ranges(target: Target, kind: str | None, size: int, piece: int, cut_gzip: bool) -> list[WorkUnit] | None:
    """The byte ranges of a big file of ``kind``, one unit each; one unit when it cannot be cut;
    None for a single-member gzip file, which may be cut once the whole plan is known
    (:func:`_cut_members`)."""
    if kind == "plain":
        return [WorkUnit(target, (start, min(start + piece, size))) for start in range(0, size, piece)]
    if kind == "gzip" and cut_gzip:
        with open(target.path, "rb") as raw:  # type: ignore[arg-type]
            cuts = [0, *member_starts(raw, list(range(piece, size, piece)), size), size]
        if len(cuts) > 2:
            return [WorkUnit(target, (start, end), members=True) for start, end in zip(cuts, cuts[1:])]
        return None
    return [WorkUnit(target)]


def har_shares(size: int, shares: int) -> list[tuple[int, int]]:
    """``size`` characters of a capture cut into ``shares`` ranges of equal cost: a share parses
    the capture up to its end (at ``HAR_PARSE_COST`` of the reading) and reads its own entries, so
    each share after the first is smaller than the one before, by a constant ratio."""
    ratio = 1 / (1 + HAR_PARSE_COST)
    sums = list(itertools.accumulate(ratio ** power for power in range(1, shares + 1)))
    ends = [round(size * total / sums[-1]) for total in sums[:-1]] + [size]
    return list(zip([0, *ends[:-1]], ends))


def _share_captures(units: list[WorkUnit], captures: list[tuple[WorkUnit, int]], workers: int) -> list[WorkUnit]:
    """``units`` with each HAR capture in ``captures`` (with the most shares it may have) cut into
    shares of its entries — only one bigger than a worker's share of the scan, and into as many
    as it has workers' shares: every share parses the capture again, which pays only where the
    other files would leave cores idle."""
    worker_share = sum(unit.size for unit in units) / workers
    for capture, most in captures:
        size = capture.size
        if size > worker_share:
            position = next(index for index, unit in enumerate(units) if unit is capture)
            count = min(most, int(size // worker_share) + 1)
            units[position : position + 1] = [WorkUnit(capture.target, share=share, to_end=share[1] == size)
                                              for share in har_shares(size, count)]
    return units


def _cut_members(units: list[WorkUnit], whole: list[tuple[int, int]], cutting: Cutting) -> list[WorkUnit]:
    """``units`` with each single-member gzip file (at a position in ``whole``, with its piece
    size) cut where ``cutting`` finds that it pays — and only a file bigger than a worker's share
    of the scan (its bytes against all units' bytes): a smaller one ends before the other files
    do, and cutting it would be pure cost. On a cluster every such file is weighed. Indexed, the
    text is cut about every ``piece`` bytes (planned from the compressed size: some three times
    as many pieces as a plain file of that size, finer and better balanced)."""
    share = sum(unit.size for unit in units) / cutting.workers if cutting.workers else 0
    for position, piece in reversed(whole):
        target, size = units[position].target, units[position].size
        cuts = cutting.cuts(target, piece, size) if size > share else None
        if cuts is not None:
            length, starts = cuts
            ends = [start for _point, start in starts[1:]] + [length]
            units[position : position + 1] = [WorkUnit(target, (start, end), seek_point=point, to_end=end == length)
                                              for (point, start), end in zip(starts, ends)]
    return units


def plan_units(targets: list[str], discovery: Discovery, range_bytes: int = RANGE_BYTES,
               split: bool = True, workers: int = 1, cut_gzip: bool = True,
               cutting: Cutting | None = None, whole_top: Callable[[bytes], bool] | None = None) -> list[WorkUnit]:
    """The units of a scan, in report order; when ``split``, big plain files in byte ranges, big
    gzip files too when ``cut_gzip`` (multi-member ones where members start; a single member at
    seek points of its text when ``cutting`` finds that this pays), and zips and uncompressed
    tars member by member (members not scanned are counted here), and a big HAR capture in up to
    ``workers`` shares of its entries, each of ``HAR_SHARE_BYTES`` or more (:func:`_share_captures`).
    ``whole_top``: whether a file's first text says it must be read whole (see :func:`_split_kind`).

    A gzip file is cut only for other processes to share: one process reads it faster whole,
    with isal decompressing in a thread beside the scan, than in pieces one after another.

    A file is cut into at least ``RANGES_PER_WORKER`` ranges per worker (of ``MIN_RANGE_BYTES``
    or more, and at most ``range_bytes``), of one size (:func:`_even`): with a few 64 MiB ranges
    one worker gets the odd one out and the others wait for it. One worker shares with no one: its ranges are of
    ``range_bytes`` (a range boundary costs a little reading on past it, and gains it nothing)."""
    units: list[WorkUnit] = []
    whole: list[tuple[int, int]] = []  # single-member gzip files: position, piece size
    captures: list[tuple[WorkUnit, int]] = []  # HAR captures that may be shared: unit, most shares
    for target in discover(targets, discovery):
        members = member_targets(target, discovery.counts, discovery.missing) if split else None
        if members is not None:
            units.extend(WorkUnit(member, depth=1) for member in members)
            continue
        size = file_size(target.path) if target.path is not None else 0
        shared = max(MIN_RANGE_BYTES, size // (RANGES_PER_WORKER * workers))
        piece = min(range_bytes, shared) if workers > 1 else range_bytes
        shares = min(workers, size // min(range_bytes, HAR_SHARE_BYTES)) if split else 1
        big = split and size > 2 * piece
        kind = _split_kind(target, big, whole_top) if big or shares > 1 else None
        piece = _even(size, piece, range_bytes, workers) if big and workers > 1 else piece
        ranges = _ranges(target, kind, size, piece, cut_gzip) if big else [WorkUnit(target)]
        if ranges is None:
            whole.append((len(units), piece))
        elif kind == "har" and shares > 1:
            captures.append((ranges[0], shares))
        units.extend(ranges or [WorkUnit(target)])
    if cutting is not None and whole:
        units = _cut_members(units, whole, cutting)
    return _share_captures(units, captures, workers) if captures else units


def with_resume(unit: WorkUnit, state: ScanState) -> WorkUnit:
    """The unit with its content's identity and where an earlier run left it."""
    reader = unit.target.reader
    if isinstance(reader, ObjectReader) and reader.stamp is not None:
        # An object is replaced whole, never appended to, so it is known by its URL and version
        # without a read: the same version is skipped, a new one is scanned from its start.
        head = f"object:{unit.target.display}\0{reader.stamp}".encode()
        return replace(unit, head=head, resume=state.resume_for(head), stamp=reader.stamp)
    path = unit.target.path
    if path is None and not isinstance(reader, DeepFile):
        return unit  # stdin and staged blobs are not tracked
    try:
        with opener_for(path or reader)() as stream:  # type: ignore[arg-type]
            head = stream.read(HEAD_BYTES)
    except (OSError, CodecMissing, *DECOMPRESSION_ERRORS):
        return unit  # the scan itself will report what is wrong with it
    stamp = file_stamp(path) if path is not None else reader.stamp()  # type: ignore[union-attr]
    return replace(unit, head=head, resume=state.resume_for(head, unit.target.display), stamp=stamp)
