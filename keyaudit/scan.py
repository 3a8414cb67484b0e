"""The scan: targets in, findings, statistics and errors out.

Targets are planned into work units (a file, a line-aligned byte range of a big plain file, or a
member of a zip or uncompressed tar); each unit is opened (decompressed by magic), recognised as
an archive (whose members are scanned as files), a HAR capture or text, and handed to detection
(secret rules) and judging (request rules). Units may run in other
processes; their tallies are merged in plan order, so the report does not depend on ``--jobs``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, TYPE_CHECKING, BinaryIO, Callable, ContextManager, Iterable, Iterator

from keyaudit import __version__
from keyaudit.detect import SecretScanner
from keyaudit.engine import create_matcher
from keyaudit.exchange import Exchange
from keyaudit.filters import FindingFilter
from keyaudit.findings import REQUEST_SPAN_LINES, Finding, Location, dedupe, merge_same_spot
from keyaudit.judge import ExchangeJudge
from keyaudit.request_rules import RequestCheck, RequestRule
from keyaudit.rules import Rule, RuleSet
from keyaudit.sources.archives import MAX_ARCHIVE_DEPTH, Skipped, archive_kind, member_path, read_members
from keyaudit.sources.compression import DECOMPRESSION_ERRORS
from keyaudit.sources.files import Discovery, Target
from keyaudit.sources.har import SNIFF_CHARS, HarDocument, HarError, HarField, looks_like_har
from keyaudit.sources.opening import Opener, Reader, file_size, file_stamp, new_spool, numbered_lines, opener_for
from keyaudit.state import HEAD_BYTES, TAIL_BYTES, Progress, Resume, ScanState, TailKeeper, digest
from keyaudit.textscan import looks_binary, read_size

if TYPE_CHECKING:
    from keyaudit.cluster import ScannerSpec
    from keyaudit.sources.git import StagedFiles

# A second pass for captured requests is worth it only where requests are written out (curl,
# wire dumps, JSON request logs) and something makes them interesting: a provider host, a
# signature header, or a credential the first pass found.
CAPTURE_MARKER_GROUPS: dict[str, tuple[bytes, ...]] = {
    "provider": (b"iugu.com", b"IUGU.COM", b"asaas.com", b"ASAAS.COM", b"ignature"),
    "request": (b"curl -", b"curl h", b"curl '", b'curl "', b"curl $", b"--> ", b'>> "', b"send: b", b"connectionpool", b'"method"', b'"request"',
                b"_method", b"\nGET ", b"\nPOST ", b"\nPUT ", b"\nPATCH ", b"\nDELETE "),
}


@dataclass(frozen=True)
class ScanError:
    """An input that could not be read (fully); the scan went on without it."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class WorkUnit:
    """One piece of work: a whole target, or the lines starting in a byte range of one."""

    target: Target
    byte_range: tuple[int, int] | None = None
    resume: Resume | None = None  # with --state: where an earlier run stopped in this content
    head: bytes | None = None  # with --state: the content's first bytes, its identity
    stamp: str | None = None  # with --state: the file's size and mtime when the scan was planned
    depth: int = 0  # archives enclosing the content (a member of a tar is 1 deep)

    @property
    def first(self) -> bool:
        """The unit that counts its file (the only one, or the first range)."""
        return self.byte_range is None or self.byte_range[0] == 0

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
        if self.byte_range is not None:
            return self.byte_range[1] - self.byte_range[0]
        if self.target.path is not None:
            return file_size(self.target.path)
        return getattr(self.target.reader, "size", 0)  # a member's or an object's size from its listing


@dataclass
class Tally:
    """What one unit (or a whole scan) found and counted."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[ScanError] = field(default_factory=list)
    files_scanned: int = 0
    bytes_scanned: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    statistics: Counter[str] = field(default_factory=Counter)
    lines: int = 0  # lines read by a range unit, to place the next range's findings
    progress: Progress | None = None  # with --state: how far this unit's content was scanned

    def summary(self, with_findings: bool) -> str | None:
        """A finished unit as its checkpoint keeps it, as JSON: counts, progress and findings with
        their secrets sealed (never a value). None when it must be scanned again instead: it
        had errors, or findings and ``with_findings`` is off."""
        if self.errors or self.progress is None or (self.findings and not with_findings):
            return None
        return json.dumps({"files_scanned": self.files_scanned, "bytes_scanned": self.bytes_scanned,
                           "skipped": self.skipped, "statistics": self.statistics, "lines": self.lines,
                           "progress": asdict(self.progress),
                           "findings": [finding.to_checkpoint() for finding in self.findings]})

    @classmethod
    def from_summary(cls, summary: str) -> "Tally":
        values = json.loads(summary)
        return cls(findings=[Finding.from_checkpoint(finding) for finding in values["findings"]],
                   files_scanned=values["files_scanned"], bytes_scanned=values["bytes_scanned"],
                   skipped=Counter(values["skipped"]), statistics=Counter(values["statistics"]),
                   lines=values["lines"], progress=Progress(**values["progress"]))

    def add(self, other: "Tally") -> None:
        self.findings.extend(other.findings)
        self.errors.extend(other.errors)
        self.files_scanned += other.files_scanned
        self.bytes_scanned += other.bytes_scanned
        self.skipped.update(other.skipped)
        self.statistics.update(other.statistics)


@dataclass
class ScanResult(Tally):
    """Everything a reporter needs: the merged tally and what the scan ran with."""

    targets: list[str] = field(default_factory=list)
    engine: str = ""
    rules: list[Rule] = field(default_factory=list)
    request_rules: list[RequestRule] = field(default_factory=list)
    started_at: datetime | None = None
    finished_at: datetime | None = None
    suppressed: Counter[str] = field(default_factory=Counter)
    occurrences: list[Finding] = field(default_factory=list)  # every finding, before dedupe
    tool_version: str = __version__

    @property
    def rules_loaded(self) -> int:
        return len(self.rules) + len(self.request_rules)


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def shift_lines(findings: list[Finding], lines: int) -> list[Finding]:
    """Findings of a byte range placed in the whole file: ``lines`` earlier lines come first."""
    if not lines:
        return findings
    return [replace(f, location=replace(f.location, line=f.location.line + lines,
                                        end_line=f.location.end_line + lines)) for f in findings]


class Scanner:
    """One run's rules, engine and checks; scans work units into tallies."""

    def __init__(self, rules: RuleSet, engine: str = "auto", checks: dict[str, RequestCheck] | None = None) -> None:
        self.rules = rules
        # The capture markers ride along in the rules' pass over each chunk.
        self.secrets = SecretScanner(rules, create_matcher(rules, engine, CAPTURE_MARKER_GROUPS))
        self.judge = ExchangeJudge(self.secrets, list(rules.requests), dict(checks or {}))

    def _scan_har(self, document: HarDocument, path: str, tally: Tally) -> None:
        entries = {e.origin.har_entry: e for e in document.exchanges(path)}
        seen: set[tuple[int | None, str, str]] = set()
        for har_field in document.fields():
            found: list[Finding] = []
            self.secrets.findings_in(io.BytesIO(har_field.scanned.encode("utf-8", "surrogateescape")), path, found)
            for finding in found:
                if finding.secret is None and har_field.pointer == f"/log/entries/{har_field.entry}/request/url":
                    continue  # the request rules judge the entry's own URL, scheme included
                key = (har_field.entry, finding.rule_id, finding.secret.canonical if finding.secret else "")
                if key in seen:
                    continue  # the same key in an entry's URL and its queryString is one leak
                seen.add(key)
                exchange = entries.get(har_field.entry)
                tally.findings.append(_placed_in_har(finding, har_field, document, exchange,
                                                     self.judge.redact_url(exchange.url) if exchange else None))
        for exchange in entries.values():
            tally.findings.extend(self.judge.judge(exchange, tally.statistics))

    def _scan_captures(self, opener: Opener, path: str, tally: Tally, near: list[int] | None = None) -> None:
        """Second pass over a text file: requests written as curl commands, wire dumps or JSON
        request logs, judged like HAR entries. With ``near``, only the lines around those line
        numbers are read as requests (where the first pass found credentials)."""
        for parser in capture_parsers():
            with opener() as stream:
                lines = numbered_lines(stream)
                if near is not None:
                    lines = _near(lines, near)
                for exchange in parser(lines, path):
                    tally.findings.extend(self.judge.judge(exchange, tally.statistics))

    def _resume(self, stream: BinaryIO, unit: WorkUnit, opener: Opener,
                stack: contextlib.ExitStack) -> tuple[TailKeeper, Resume | None]:
        """The stream positioned where the last run stopped, when the content there is the same;
        otherwise a fresh stream from the start."""
        keeper = TailKeeper(stream)
        resume = unit.resume
        if resume is None or resume.offset == 0:
            return keeper, None
        if keeper.skip(resume.offset) and digest(keeper.tail) == resume.tail_hash:
            return keeper, resume
        return TailKeeper(stack.enter_context(opener())), None  # truncated or replaced: from the start

    def _scan_text(self, stream: BinaryIO, unit: WorkUnit, tally: Tally, opener: Opener) -> None:
        found: list[Finding] = []
        with contextlib.ExitStack() as stack:
            keeper, resume = self._resume(stream, unit, opener, stack)
            start = (resume.lines + 1, resume.end_column) if resume else (1, 0)
            try:
                scan = self.secrets.findings_in(keeper, unit.target.display, found,  # type: ignore[arg-type]
                                                sniff_binary=unit.first and resume is None, start=start,
                                                read_bytes=read_size(stream))
            finally:
                tally.findings.extend(found)  # what was found before a damaged stream ended is kept
        if unit.head is not None and not scan.binary:
            tally.progress = Progress.of(unit.head, keeper.count, start[0] - 1 + scan.lines, scan.end_column,
                                         keeper.tail, resume.record_id if resume else None, unit.stamp)
            if resume:
                tally.statistics["files_resumed"] += 1
        if scan.binary:
            tally.skipped["binary"] += 1
            return
        tally.files_scanned += int(unit.first)
        tally.bytes_scanned += scan.bytes_scanned
        tally.lines = scan.lines
        for rule_id in sorted(scan.timed_out):
            tally.errors.append(ScanError(unit.target.display, f"rule {rule_id!r} timed out; the rest was scanned"))
        if "request" in scan.markers_seen and ("provider" in scan.markers_seen or found):
            captured = Tally()
            # Without a provider host, only requests carrying a found credential can matter.
            near = None if "provider" in scan.markers_seen else sorted({f.location.line for f in found})
            self._scan_captures(opener, unit.target.display, captured, near)
            earlier = resume.lines if resume else 0  # requests an earlier run already judged
            tally.findings.extend(f for f in captured.findings if f.location.line > earlier)
            tally.statistics.update(captured.statistics)

    def _scan_archive(self, kind: str, stream: BinaryIO, unit: WorkUnit, opener: Opener, tally: Tally) -> None:
        """Scan each member of an archive read here as a file of its own (a compressed tar, an
        archive inside an archive, one given on stdin or scanned with --state).

        With --state an archive is recorded whole, by the length and last bytes of its
        (decompressed) content, as a compressed log is: archives are not appended to, so there is
        no middle to resume from. A tar is measured on the way through; a zip, read by seeking,
        by a probe of its own; a recorded one is probed first, and skipped when it is the same."""
        if unit.depth >= MAX_ARCHIVE_DEPTH:
            tally.skipped["nested archive"] += 1
            return
        progress = None
        if unit.head is not None and (unit.resume is not None or kind == "zip"):
            progress = self._archive_progress(unit, opener)
            if progress is not None and unit.resume is not None and \
                    (progress.offset, progress.tail_hash) == (unit.resume.offset, unit.resume.tail_hash):
                tally.progress = progress
                tally.statistics["files_unchanged"] += 1
                return
        keeper = TailKeeper(stream)
        for entry in read_members(kind, keeper if kind == "tar" else stream):
            if isinstance(entry, Skipped):
                tally.skipped[entry.reason] += 1
                continue
            display = member_path(unit.target.display, entry.name)
            tally.add(self.scan_unit(WorkUnit(Target(display, None, entry.reader), depth=unit.depth + 1)))
            if entry.note:
                tally.errors.append(ScanError(display, entry.note))
        if unit.head is not None:
            if progress is None:  # a tar, measured as it was read
                keeper.skip(1 << 62)
                progress = Progress.of(unit.head, keeper.count, 0, 0, keeper.tail, None, unit.stamp)
            tally.progress = progress

    @staticmethod
    def _archive_progress(unit: WorkUnit, opener: Opener) -> Progress | None:
        """An archive's record, from a read of its own; None when it is damaged (then it is not
        recorded, and is tried again next run)."""
        try:
            with opener() as probe:
                keeper = TailKeeper(probe)
                keeper.skip(1 << 62)  # to the end: the length and the last bytes
        except DECOMPRESSION_ERRORS:
            return None
        return Progress.of(unit.head or b"", keeper.count, 0, 0, keeper.tail,
                           unit.resume.record_id if unit.resume else None, unit.stamp)

    def _scan_opened(self, unit: WorkUnit, opener: Opener, tally: Tally) -> None:
        with opener() as stream:
            head = stream.peek(SNIFF_CHARS)[:SNIFF_CHARS]
            kind = archive_kind(head) if unit.byte_range is None else None
            if kind is not None:
                self._scan_archive(kind, stream, unit, opener, tally)
                return
            if unit.byte_range is not None or not looks_like_har(unit.target.display, head) or looks_binary(head):
                self._scan_text(stream, unit, tally, opener)
                return
            data = stream.read()
        try:
            document = HarDocument.from_bytes(data)
        except HarError as exc:
            tally.errors.append(ScanError(unit.target.display, f"{exc}; scanned as plain text"))
            in_memory = opener_for(io.BytesIO(data))
            with in_memory() as stream:
                self._scan_text(stream, unit, tally, in_memory)
            return
        tally.files_scanned += 1
        if unit.head is not None:
            tally.progress = Progress.of(unit.head, len(data), data.count(b"\n"), 0, data[-TAIL_BYTES:],
                                         unit.resume.record_id if unit.resume else None, unit.stamp)
            resume = unit.resume
            if resume and resume.offset == len(data) and resume.tail_hash == digest(data[-TAIL_BYTES:]):
                tally.statistics["files_unchanged"] += 1
                return  # the same capture, already judged whole
        tally.bytes_scanned += len(data)
        self._scan_har(document, unit.target.display, tally)

    def scan_unit(self, unit: WorkUnit) -> Tally:
        """Scan one unit; a damaged or unreadable input becomes an error entry, never an exception.

        gzip is first read with decompression in its own thread; a damaged stream is read again
        unthreaded, which hands over everything before the damage (the first try's findings
        are dropped, the second finds them again).
        """
        kept = unit.unchanged_progress()
        if kept is not None:
            tally = Tally(files_scanned=1, progress=kept)
            tally.statistics["files_unchanged"] += 1
            return tally
        with contextlib.ExitStack() as stack:
            location: Path | IO[bytes] | Reader
            if unit.target.path is not None:
                location = unit.target.path
            elif unit.target.reader is not None:  # a git blob or a stored object: opened afresh
                location = unit.target.reader
            else:  # stdin can be read once: into a spool, to be read as often as needed
                import shutil

                location = stack.enter_context(new_spool())
                shutil.copyfileobj(sys.stdin.buffer, location)
            for threaded in (True, False):
                tally = Tally()
                opener = opener_for(location, unit.byte_range, threaded)
                if self._scan_guarded(unit, opener, tally, last_try=not threaded):
                    break
        return tally

    def _scan_guarded(self, unit: WorkUnit, opener: Opener, tally: Tally, last_try: bool) -> bool:
        """Scan into ``tally``, turning failures into error entries; False to ask for a retry."""
        display = unit.target.display
        try:
            self._scan_opened(unit, opener, tally)
        except (FileNotFoundError, PermissionError, IsADirectoryError) as exc:
            tally.errors.append(ScanError(display, f"cannot open: {exc.strerror or exc}"))
        except DECOMPRESSION_ERRORS as exc:
            if not last_try:
                return False
            detail = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
            tally.errors.append(ScanError(display, f"read failed, scanned up to the damage: {detail}"))
        except Exception as exc:  # noqa: BLE001 - one bad input must not end the scan
            # Only the type: an exception's text may quote the input, and so a secret.
            tally.errors.append(ScanError(display, f"internal error ({type(exc).__name__}); "
                                                   "the rest of the scan went on"))
            if os.environ.get("KEYAUDIT_DEBUG"):
                raise
        return True

    def scan(self, targets: Iterable[str], jobs: int = 1, range_bytes: int | None = None,
             finding_filter: FindingFilter | None = None, staged: "StagedFiles | None" = None,
             discovery: Discovery | None = None, dedupe_findings: bool = False,
             state: ScanState | None = None,
             on_progress: Callable[[int, int], "ContextManager[Callable[[int, int], None]]"] | None = None,
             cluster: "tuple[ScannerSpec, str] | None" = None, needs_values: bool = False) -> ScanResult:
        """Scan every target; findings come back merged and in file order whatever ``jobs`` is.

        ``range_bytes`` sets the size of the byte ranges big plain files are cut into; findings
        that ``finding_filter`` (or an inline marker) suppresses are counted, not reported.
        ``staged`` replaces the targets with the files staged in a git repository; ``discovery``
        carries configured excludes and collects what was skipped. With ``dedupe_findings``,
        each secret is reported once with its occurrences; ``result.occurrences`` keeps every one.
        With ``state``, files continue where an earlier run stopped; their progress is handed to
        the state, for the caller to commit once the report is out, and each finished unit is
        checkpointed at once (findings sealed) for a successor of a killed run to take up;
        ``needs_values`` (the report shows secrets or keys their digests) keeps units with
        findings out of checkpoints, both ways. ``on_progress(total bytes,
        total units)`` gives a context whose callable is told (bytes, findings) per finished unit.
        ``cluster`` (a scanner spec and a Dask scheduler address) sends the units to Dask workers.
        """
        from keyaudit.parallel import RANGE_BYTES, plan_units, run_units

        target_list = list(targets)
        result = ScanResult(targets=target_list, engine=self.secrets.matcher.name, rules=list(self.rules),
                            request_rules=list(self.rules.requests), started_at=utc_now())
        discovery = discovery or Discovery()
        if staged is not None:
            units = [WorkUnit(t) for t in staged.targets() if not discovery.excluded(staged.root / t.display)]
        else:
            whole_files = state is not None  # a resumed file is read from where it stopped, in one piece
            units = plan_units(target_list, discovery, range_bytes or RANGE_BYTES, split=not whole_files,
                               workers=jobs if cluster is None else 1)  # Dask: fewer, 64 MiB units
        if state is not None:
            units = [_with_resume(unit, state) for unit in units]
        keys = [unit.checkpoint_key() if state is not None else None for unit in units]
        tallies = _restored(keys, state, with_findings=not needs_values) if state is not None else {}
        pending = [position for position in range(len(units)) if position not in tallies]
        sizes = [unit.size for unit in units]  # once: a file growing during the scan keeps the bar whole
        with (on_progress or _no_progress)(sum(sizes), len(units)) as advance:
            for position in tallies:
                advance(sizes[position], 0)
            to_run = [units[position] for position in pending]
            if cluster is not None:
                from keyaudit.cluster import run_on_cluster

                finished = run_on_cluster(to_run, self, *cluster)
            else:
                finished = run_units(to_run, self, jobs)
            for index, tally in finished:  # as units finish, in any order
                position = pending[index]
                tallies[position] = tally
                advance(sizes[position], len(tally.findings))
                key = keys[position]
                summary = tally.summary(with_findings=not needs_values) if state is not None and key else None
                if summary is not None:
                    state.checkpoint(key, summary)  # type: ignore[union-attr,arg-type]
        previous_lines: dict[str, int] = {}
        for position, unit in enumerate(units):  # merged in plan order: the report never depends on timing
            self._merge_unit(unit, tallies[position], result, previous_lines, state)
        result.errors.extend(ScanError(path, message) for path, message in discovery.missing)
        result.skipped.update(discovery.skipped)
        result.findings, result.suppressed = (finding_filter or FindingFilter()).apply(merge_same_spot(result.findings))
        result.occurrences = list(result.findings)
        if dedupe_findings:
            result.findings = dedupe(result.findings)
        result.finished_at = utc_now()
        return result


    @staticmethod
    def _merge_unit(unit: WorkUnit, tally: Tally, result: ScanResult, previous_lines: dict[str, int],
                    state: ScanState | None) -> None:
        """Fold one unit into the result: a byte range's findings move down by the lines before it."""
        if unit.byte_range is not None:
            offset = 0 if unit.first else previous_lines.get(unit.target.display, 0)
            tally.findings = shift_lines(tally.findings, offset)
            previous_lines[unit.target.display] = offset + tally.lines
        result.add(tally)
        if state is not None and tally.progress is not None:
            state.remember(tally.progress, unit.target.display)


def _near(lines: Iterator[tuple[int, str]], wanted: list[int]) -> Iterator[tuple[int, str]]:
    """The lines within ``REQUEST_SPAN_LINES`` of any of the sorted ``wanted`` line numbers."""
    index = 0
    for number, text in lines:
        while index < len(wanted) and wanted[index] + REQUEST_SPAN_LINES < number:
            index += 1
        if index == len(wanted):
            return
        if wanted[index] - REQUEST_SPAN_LINES <= number:
            yield number, text


def _restored(keys: list[str | None], state: ScanState, with_findings: bool) -> dict[int, Tally]:
    """The units an interrupted run finished, by position, from the state (those with findings
    only ``with_findings``: their secrets come back sealed)."""
    tallies: dict[int, Tally] = {}
    for position, key in enumerate(keys):
        summary = state.finished(key) if key else None
        tally = Tally.from_summary(summary) if summary is not None else None
        if tally is not None and (with_findings or not tally.findings):
            tally.statistics["files_restored"] += 1
            tallies[position] = tally
    return tallies


@contextlib.contextmanager
def _no_progress(_total_bytes: int, _total_units: int) -> Iterator[Callable[[int, int], None]]:
    yield lambda _size, _findings: None


def _with_resume(unit: WorkUnit, state: ScanState) -> WorkUnit:
    """The unit with its content's identity and where an earlier run left it."""
    from keyaudit.sources.remote import ObjectReader

    reader = unit.target.reader
    if isinstance(reader, ObjectReader) and reader.stamp is not None:
        # An object is replaced whole, never appended to, so it is known by its URL and version
        # without a read: the same version is skipped, a new one is scanned from its start.
        head = f"object:{unit.target.display}\0{reader.stamp}".encode()
        return replace(unit, head=head, resume=state.resume_for(head), stamp=reader.stamp)
    if unit.target.path is None:
        return unit  # stdin and staged blobs are not tracked
    try:
        with opener_for(unit.target.path)() as stream:
            head = stream.read(HEAD_BYTES)
    except (OSError, *DECOMPRESSION_ERRORS):
        return unit  # the scan itself will report what is wrong with it
    return replace(unit, head=head, resume=state.resume_for(head), stamp=file_stamp(unit.target.path))


def capture_parsers() -> list[Callable[[Iterable[tuple[int, str]], str], Iterator[Exchange]]]:
    """The readers of requests written as text, imported only when a file needs them."""
    from keyaudit.sources.captures import curl, httpdump, jsonlog

    return [curl.exchanges, httpdump.exchanges, jsonlog.exchanges]


def _placed_in_har(finding: Finding, har_field: HarField, document: HarDocument,
                   exchange: Exchange | None, url: str | None) -> Finding:
    """Move a finding from value coordinates to file coordinates, with pointer and entry."""
    source = document.source
    if har_field.decoded_from_base64:
        line, column = source.line_column(har_field.literal_start)
        end_line, end_column = line, column + 1
    else:
        scanned = har_field.scanned
        starts = [0] + [i + 1 for i, ch in enumerate(scanned) if ch == "\n"]
        loc = finding.location

        def place(rel_line: int, rel_column: int) -> tuple[int, int]:
            offset = max(0, starts[rel_line - 1] + rel_column - 1 - len(har_field.prefix))
            return source.line_column(source.source_offset(har_field.literal_start, offset))

        (line, column), (end_line, end_column) = place(loc.line, loc.column), place(loc.end_line, loc.end_column)
    context = dict(finding.context)
    context.update({"har_entry": har_field.entry,
                    "method": exchange.method if exchange else None,
                    "url": url if exchange else context.get("url")})
    if har_field.decoded_from_base64:
        context["decoded"] = "base64"
    return replace(finding, location=Location(finding.location.path, line, column, end_line, end_column,
                                              har_field.pointer), context=context)
