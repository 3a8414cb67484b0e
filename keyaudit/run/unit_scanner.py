"""The unit scanner: one work unit in, its tally out — never an exception.

A unit is opened (decompressed by magic) and recognised as an archive (whose members are scanned
as files of their own), a HAR capture or text; text goes through the secret rules and, where the
engine saw requests worth reading, through the capture readers and request rules. With
``--state`` a unit picks its content up where an earlier run stopped. The scanner calls no
executor: serial, forked and Dask executors all call it, one unit at a time.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
from dataclasses import replace
from pathlib import Path, PurePath
from typing import IO, BinaryIO, Iterator

from keyaudit.engine import create_matcher
from keyaudit.engine.binary_read import BinaryBudget, BinaryRead
from keyaudit.engine.budget import SECONDS_PER_FILE, SECONDS_PER_MIB, FileAccount, RuleBudget
from keyaudit.engine.detect import SecretDetector
from keyaudit.engine.file_wide import Unsettled
from keyaudit.engine.judge import ExchangeJudge
from keyaudit.engine.matcher import OVERLAP_BYTES
from keyaudit.engine.stream import CHUNK_BYTES, ChunkedPass, looks_binary
from keyaudit.inputs.archives import stream_archive_kind
from keyaudit.inputs.har_sniff import SNIFF_CHARS, looks_like_har
from keyaudit.inputs.message_sniff import message_kind
from keyaudit.model.result import ScanError
from keyaudit.rulebook.registry import CheckInputs, request_checks
from keyaudit.rulebook.requests import RequestCheck
from keyaudit.rulebook.rules import RuleSet
from keyaudit.run.archive_unit import kept_whole, scan_archive, whole_progress
from keyaudit.run.binary_unit import binary_progress, count_cut_again, kept_unchanged, picked_up
from keyaudit.run.code_prose import ProseFilter
from keyaudit.run.compiled_source import allowed_by_source
from keyaudit.run.file_top import tables_above
from keyaudit.run.har_unit import scan_har
from keyaudit.run.interrupts import raise_interrupt_behind
from keyaudit.run.last_line import READ_AGAIN, pick_up, settle, text_progress, went_on_from
from keyaudit.run.path_secrets import PathRedactor
from keyaudit.run.placing import Placer, ScanFrame
from keyaudit.run.records import Progress, Resume
from keyaudit.run.tail_keeper import TailKeeper
from keyaudit.run.tally import Found, Tally
from keyaudit.run.units import WorkUnit
from keyaudit.sources.compression import DECOMPRESSION_ERRORS, damage_detail, is_decompressing, loses_failing_read
from keyaudit.sources.decoders import PastBound, Resumed
from keyaudit.sources.frames import CodecMissing
from keyaudit.sources.opening import Opener, file_size, line_range, new_spool, opener_for, read_on, shrunk
from keyaudit.sources.pipes import spool_once

SALVAGE_READ_BYTES = 64 << 10  # read size for a reader that loses a failing read whole
READ_ON_PIECE = 64 << 10  # read at a time past a range's end, for the few lines its last requests need


def read_size(stream: BinaryIO) -> int:
    """Whole chunks, from plain data and from the decoders (which end the text at damage and
    raise it later); smaller reads from a reader whose failing read takes the text it decoded
    with it (a zip member), so that damage loses little of what precedes it."""
    return SALVAGE_READ_BYTES if loses_failing_read(stream) else CHUNK_BYTES


class UnitScanner:
    """One run's rules, engine and checks; scans work units into tallies."""

    def __init__(self, rules: RuleSet, engine: str = "auto", checks: dict[str, RequestCheck] | None = None,
                 rule_time: float = SECONDS_PER_FILE, signing_keys: dict[str, str] | None = None,
                 key_warnings: list[str] | None = None, frame: ScanFrame | None = None, small: bool = False) -> None:
        self.rules = rules
        self.budget = RuleBudget(rule_time)
        self.key_warnings = list(key_warnings or [])  # about the --public-key files, for the user
        # The request anchors and markers ride along in the rules' pass over each chunk.
        self.detector = SecretDetector(rules, create_matcher(rules, engine, self.budget, small), signing_keys)
        checks = request_checks(CheckInputs(provider_hosts=rules.every_provider_host())) if checks is None else checks
        self.judge = ExchangeJudge(self.detector, list(rules.requests), dict(checks))
        self.placer = Placer(rules, frame)
        self.prose = ProseFilter(rules)
        self.names = PathRedactor(self.detector)
        # Binary content this scanner may still read for strings, when the run has a budget (--staged), else None.
        self.binary_budget = BinaryBudget()

    @property
    def engine(self) -> str:
        return self.detector.matcher.name

    def scan(self, unit: WorkUnit) -> Tally:
        """Scan one unit into a tally whose names show no credential (see :mod:`.path_secrets`);
        with --state, its progress keeps the errors, for a damaged file left as it is."""
        tally = self._scan(unit)
        settle(tally)
        tally.findings = allowed_by_source(tally.findings, unit.target.path)
        self.names.tally(tally)
        if tally.progress is not None and tally.errors and not tally.progress.damage:
            tally.progress = replace(tally.progress, damage=tuple((error.path, error.message) for error in tally.errors))
        return tally

    def _scan(self, unit: WorkUnit) -> Tally:
        """Scan one unit; a damaged or unreadable input becomes an error entry, never an exception.

        gzip is first read with decompression in its own thread; a damaged stream is read again
        unthreaded, which hands over everything before the damage (the first try's findings
        are dropped, the second finds them again).
        """
        kept = unit.unchanged_progress()
        if kept is not None:  # and if it was damaged, its errors again (not read again: the same damage)
            tally = Tally(progress=kept, errors=kept.damage_errors())
            tally.counts.files_scanned = 1
            tally.counts.statistics["files_unchanged"] += 1
            count_cut_again(tally.counts, kept)
            return tally
        with contextlib.ExitStack() as stack:
            location: Path | IO[bytes] | Opener
            if (path := unit.target.path) is not None:
                location = path
            elif unit.target.reader is not None:  # a git blob or a stored object: opened afresh
                location = unit.target.reader
            else:  # stdin and pipes can be read once: into a spool, to be read as often as needed
                location = stack.enter_context(new_spool())
                try:
                    spool_once(unit.target.pipe, location)
                except OSError as exc:
                    return Tally(errors=[ScanError(unit.target.display, f"cannot read: {exc.strerror or exc}")])
            held = file_size(path) if path is not None else 0  # its length as its reading begins
            for threaded in (True, False):
                tally = Tally()
                opener = opener_for(location, unit.byte_range, threaded, unit.members, unit.seek_point, unit.to_end)
                with self.budget.file() as account:
                    done = self._scan_guarded(unit, opener, tally, last_try=not threaded or unit.cut_compressed)
                tally.errors.extend(self._rules_lost(unit.target.display, account))
                if done:
                    break
            if path is not None and (cut := shrunk(path, held)) is not None:
                tally.errors.append(ScanError(unit.target.display, cut))
        return tally

    def _rules_lost(self, display: str, account: FileAccount) -> list[ScanError]:
        """One line for each rule the file lost to the time budget: it is never lost silently."""
        budget = self.budget
        return [
            *(ScanError(display, f"rule {rule_id!r} ran out of time on this file (rule_time {budget.seconds:g} s + "
                                 f"{SECONDS_PER_MIB:g} s per MiB) and was stopped there; the other rules scanned "
                                 "all of it") for rule_id in account.ran_out),
            *(ScanError(display, f"rule {rule_id!r} was not run on this file: it ran out of time on earlier files "
                                 f"({budget.per_scan:g} s in all) and is off for the rest of the scan")
              for rule_id in account.not_run),
        ]

    def _scan_guarded(self, unit: WorkUnit, opener: Opener, tally: Tally, last_try: bool) -> bool:
        """Scan into ``tally``, turning failures into error entries; False to ask for a retry."""
        display = unit.target.display
        try:
            self._scan_opened(unit, opener, tally)
            if self.prose.rules and tally.findings:
                tally.findings = self.prose.kept(tally.findings, display, opener if unit.byte_range is None else None)
            if self.placer.rules and tally.findings:
                tally.findings = self.placer.placed(tally.findings, unit.target.display, unit.target.path,
                                                    opener if unit.byte_range is None else None,
                                                    tally.counts.bytes_scanned)
        except (FileNotFoundError, PermissionError, IsADirectoryError) as exc:
            tally.errors.append(ScanError(display, f"cannot open: {exc.strerror or exc}"))
        except CodecMissing as exc:  # not damage, not binary: a format this install cannot read
            tally.counts.skip(display, str(exc))
        except PastBound as exc:  # no damage to read again for: what it is, and where the text stopped
            tally.errors.append(ScanError(display, f"scanned up to a bound: {damage_detail(exc)}"))
        except DECOMPRESSION_ERRORS as exc:
            if unit.cut_compressed:  # a misjudged place to start, or damage: the session reads the file whole
                tally.rescan_whole = True
                return True
            if not last_try:
                return False
            said = "damaged, the text around the damage scanned" if isinstance(exc, Resumed) else \
                "read failed, scanned up to the damage"
            tally.errors.append(ScanError(display, f"{said}: {damage_detail(exc)}"))
        except Exception as exc:  # noqa: BLE001 - one bad input must not end the scan
            raise_interrupt_behind(exc)
            # Only the type: an exception's text may quote the input, and so a secret.
            tally.errors.append(ScanError(display, f"internal error ({type(exc).__name__}); "
                                                   "the rest of the scan went on"))
            if os.environ.get("KEYAUDIT_DEBUG"):
                raise
        return True

    def _scan_opened(self, unit: WorkUnit, opener: Opener, tally: Tally) -> None:
        with opener() as stream:
            head = stream.peek(SNIFF_CHARS)[:SNIFF_CHARS]
            kind = stream_archive_kind(head, stream) if unit.byte_range is None else None
            if kind is not None:
                scan_archive(kind, stream, unit, opener, tally, self._scan)
                return
            messages = message_kind(unit.target.display, head) if unit.byte_range is None else None
            if messages is not None and not looks_binary(head):
                self._scan_messages(messages, stream, unit, opener, tally)
                return
            if unit.byte_range is not None or not looks_like_har(unit.target.display, head) or looks_binary(head):
                if unit.share is not None:  # not the capture that was planned: the session reads it whole
                    tally.rescan_whole = True
                    return
                self._scan_text(stream, unit, tally, opener)
                return
            if self._scan_har(stream, unit, opener, tally):
                return
        with opener() as stream:  # not a HAR after all
            self._scan_text(stream, unit, tally, opener)

    def _scan_har(self, stream: BinaryIO, unit: WorkUnit, opener: Opener, tally: Tally) -> bool:
        """Scan a HAR capture entry by entry, as it is read; False (with an error saying why)
        when it is not a HAR after all, to be read as text.

        With --state a capture is recorded whole, like an archive: a capture is rewritten, not
        appended to, so one with the same length and last bytes is the one already judged."""
        if unit.head is not None and unit.resume is not None and kept_whole(unit, whole_progress(unit, opener), tally):
            return True
        return scan_har(stream, unit, self.detector, self.judge, tally, self.binary_budget)

    def _scan_messages(self, kind: str, stream: BinaryIO, unit: WorkUnit, opener: Opener, tally: Tally) -> None:
        """A mailbox or a message with its MIME parts decoded; a chat export scanned as text, its
        findings named by the message they are in (a Slack or Teams export). With --state, mail is recorded whole, like a HAR."""
        from keyaudit.inputs.message_findings import MAX_CHAT_BYTES, findings_in_mail, named_by_message

        display = unit.target.display
        if kind in ("slack", "teams"):  # read as text, its progress recorded as text's is (with --state)
            self._scan_text(stream, unit, tally, opener)
            with opener() as again:
                data = again.read(MAX_CHAT_BYTES + 1)
            channel = PurePath(display.rpartition("!")[2]).parent.name
            tally.findings = Found(named_by_message(tally.findings, data, kind, channel, self.rules.messages))
            return
        keeper = TailKeeper(stream, count_lines=True)
        for item in findings_in_mail(keeper, display, self.detector, kind == "mbox",  # type: ignore[arg-type]
                                     self.rules.messages):
            if isinstance(item, ScanError):
                tally.errors.append(item)
            else:
                tally.findings.append(item)
        tally.counts.files_scanned += 1
        tally.counts.bytes_scanned += keeper.count
        if unit.head is not None:
            tally.progress = Progress.of(unit.head, keeper.count, keeper.newlines, 0, keeper.tail, None, unit.stamp)

    def _scan_text(self, stream: BinaryIO, unit: WorkUnit, tally: Tally, opener: Opener) -> None:
        # The readers of requests written as text are loaded by the first text scanned: a scan of
        # captures alone (a HAR) never needs them, and they are a tenth of the start-up's imports.
        from keyaudit.inputs.captures.source_files import family
        from keyaudit.inputs.text_requests import READ_ON_BYTES, window_collector
        from keyaudit.run.unit_requests import UnitRequests

        bound = self.binary_budget.bound()
        with contextlib.ExitStack() as stack:
            strings = BinaryRead(bound, digesting=unit.head is not None)
            if unit.resume is not None and unit.resume.whole:  # binary content: unchanged, appended, or rewritten
                strings = picked_up(stream, unit.resume, bound) or strings
                if not strings.resumed:
                    stream = stack.enter_context(opener())
                elif not stream.peek(1)[:1]:  # type: ignore[attr-defined]
                    kept_unchanged(unit, unit.resume, tally)
                    return
            keeper, resume, holds = pick_up(stream, unit, lambda: stack.enter_context(opener()), read_size(stream))
            resume = unit.resume if strings.resumed else resume  # binary content picked up where it was recorded
            tally.picked_up = went_on_from(unit.resume, resume)
            start = strings.start if strings.resumed else (resume.lines + 1, resume.end_column) if resume else (1, 0)
            # A stream that cannot seek (decompressed text) keeps the windows' lines as it goes:
            # reading them again would decode it all again.
            windows = window_collector(resume.offset if resume else 0,
                                       keep_text=is_decompressing(stream) or not stream.seekable(),
                                       source=family(unit.target.display) is not None)
            ranged = line_range(stream)  # a range of a plain file: the text around it, for context
            chunks = ChunkedPass(keeper, self.detector.matcher,  # type: ignore[arg-type]
                                 sniff_binary=unit.first and resume is None, start=start, read_bytes=read_size(stream),
                                 windows=windows, tables=tables_above(unit, resume, self.detector.matcher),
                                 above=ranged.above(OVERLAP_BYTES) if ranged else b"",
                                 below=functools.partial(ranged.below, OVERLAP_BYTES) if ranged else None,
                                 strings=strings)
            requests = stack.enter_context(UnitRequests(
                self.judge, opener, unit.target.display, tally, chunks, resume, known=self.rules.record_headers,
                read_on=READ_ON_BYTES if unit.byte_range is not None else 0, cut=not unit.first))
            windows.on_nested, windows.on_full = requests.read_nested, requests.read_now
            tally.unsettled = Unsettled() if unit.byte_range is not None else None  # judged by the whole file
            try:  # findings go to the tally as they come: what came before a damaged stream ended is kept
                self.detector.collect(chunks, unit.target.display, tally.findings, unsettled=tally.unsettled)
            except DECOMPRESSION_ERRORS:
                # Text before the damage was scanned: counted and recorded (left as it is, it reports none again)
                if chunks.bytes_scanned or resume:
                    self._account(chunks, keeper, (resume, holds), unit, tally)
                raise
            if not self._account(chunks, keeper, (resume, holds), unit, tally):
                return
            if chunks.binary:
                self.binary_budget.spend(chunks.bytes_scanned)
                tally.progress = binary_progress(unit, keeper, strings, resume) if unit.head is not None else None
            past: Iterator[bytes] | None = None  # the text past a range's end, from where its anchors were looked for
            if unit.byte_range is not None and requests.writes_requests() and read_on(stream, READ_ON_BYTES):
                # A range owns the requests that begin in it, and reads on past its end for them, from
                # the same file handle or decoder: for the anchors of those that name their provider
                # only there (a request line at the range's end, its Host header the next range's first
                # line: then this range, with no anchor of its own, is worth reading too), and for their
                # lines, where lines are kept (the next range scans that text; this one only reads its requests).
                pieces = iter(functools.partial(stream.read, READ_ON_PIECE), b"")
                past = itertools.chain(chunks.anchor_past_end(pieces), pieces)
            if requests.worth_reading():
                if past is not None:
                    windows.keep_on(past, chunks.lines + 1, chunks.bytes_scanned)
                requests.read(windows.windows())

    @staticmethod
    def _account(chunks: ChunkedPass, keeper: TailKeeper, picked: tuple[Resume | None, bool], unit: WorkUnit,
                 tally: Tally) -> bool:
        """Count what a pass over text read and, with --state, how far it got (``picked``: where it went on from,
        and whether its text may hold a record open, as :func:`pick_up` said); False for media content (skipped,
        not scanned). Binary content read for its strings is counted apart, and so is one whose strings were
        read only as far as the bound (``binary_files_cut``: said in the report, never silent)."""
        counts, (resume, holds) = tally.counts, picked
        if chunks.media is not None:
            counts.skip(unit.target.display, "binary")
            return False
        # Counted where there is one: a scan of text reports neither statistic.
        # Binary content an earlier run read in part, picked up where it stopped, is still read in part; a
        # commit hook's content given none of its budget was not read at all (said apart).
        cut = chunks.cut or bool(resume is not None and resume.cut)
        unread = chunks.binary and not chunks.bytes_scanned and chunks.cut
        for statistic, happened in (("binary_files_read_as_strings", chunks.binary and not unread),
                                    ("binary_files_cut", cut and not unread), ("binary_files_not_read", unread)):
            if happened:
                counts.statistics[statistic] += 1
        if unit.head is not None and not chunks.binary:  # binary content is recorded whole, by the caller
            tally.progress = text_progress(unit, keeper, resume, (chunks.lines, chunks.end_column), holds)
        again = tally.picked_up is not None and tally.picked_up.placed  # the open record of the run before, read again
        if resume or again:  # went on from a record: one read again from the file's first byte too, never an empty
            counts.statistics["files_resumed"] += 1  # file's record another file merely starts alike
        if again:
            counts.statistics[READ_AGAIN] += 1  # a record still open at the end of the run before, read again
        counts.files_scanned += int(unit.first)
        counts.bytes_scanned += chunks.bytes_scanned
        counts.statistics.update(chunks.cuts())  # what was read only in part (payloads, long lines): said
        tally.lines = chunks.lines
        return True
