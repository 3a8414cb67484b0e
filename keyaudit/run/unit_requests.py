"""The requests of one text unit, judged into its tally: read in the windows the engine's pass
marked — those it left behind while it goes, when their kept text grows too big, the rest once it
is done — and in the payloads it opened, as it opens them.

A range of a file owns the requests that begin in it: it reads the last of them on past its end
(the next range cannot: it does not see their first lines), and leaves those that begin past its
end to the next range.

A file is worth reading only when it writes requests out (a request marker, source code — whose
requests are statements, no marker — or a top that defines how its lines read: a table's header
row naming a request's roles has no marker) and
mentions a provider or a signature header, or holds a credential
(:func:`keyaudit.inputs.text_requests.worth_reading`); windows
the pass hands over before that is known are declined, and their text dropped (the readers then
read the stream again at the end) — or, where no request marker was seen yet, let go of: the
pass saw their lines, and none writes a request out.
"""

from __future__ import annotations

import sys
from dataclasses import replace

from keyaudit.engine.judge import ExchangeJudge
from keyaudit.engine.stream import ChunkedPass
from keyaudit.engine.window_groups import Window
from keyaudit.engine.windows import NestedText
from keyaudit.inputs.captures.file_scope import defines_in
from keyaudit.inputs.captures.source_files import family
from keyaudit.inputs.text_requests import TextReading, nested_findings, worth_reading
from keyaudit.model.exchange import Exchange
from keyaudit.model.findings import REBUILT, Finding, Location
from keyaudit.model.result import ScanError
from keyaudit.rulebook.header_names import NO_RECORD_HEADERS, RecordHeaders
from keyaudit.run.interrupts import raise_interrupt_behind
from keyaudit.run.records import Resume
from keyaudit.run.tally import Tally
from keyaudit.sources.opening import Opener, reading_on

GENERIC = "generic"  # the provider of a finding of no provider's key (a user name and password)


class UnitRequests:
    """The requests of the text ``opener`` gives (reported as ``display``), as ``chunks`` reads
    it into ``tally``; with ``resume``, those on lines an earlier run judged are left out.
    ``known``: the header names the rules know, for records that log headers one field each.
    ``read_on``: for a range of a file, how many bytes past its end its requests are read on;
    ``cut``: the range is not the file's first (its first line may be inside a request begun
    before it, which the range before reads)."""

    def __init__(self, judge: ExchangeJudge, opener: Opener, display: str, tally: Tally, chunks: ChunkedPass,
                 resume: Resume | None, *, known: RecordHeaders = NO_RECORD_HEADERS, read_on: int = 0,
                 cut: bool = False) -> None:
        self._judge, self._display, self._known = judge, display, known
        self._opener = reading_on(opener, read_on) if read_on else opener
        self._ranged, self._cut = read_on > 0, 1 if cut else None
        self._tally, self._chunks = tally, chunks
        self._earlier = resume.lines if resume else 0
        self._before = len(tally.findings)  # findings of other passes over the unit
        self._top = not cut and resume is None  # the text starts at the file's top
        self._reading: TextReading | None = None  # the windows read so far: where the stream is, what it defined
        self._rebuilt: list[tuple[Finding, str]] = []  # keys only a reader put together, and their identities
        self._defines: bool | None = None  # whether its top defines how its lines read, once asked
        self._shown: set[str] = set()  # the identities of the secrets the text scan found (see _shown_secrets)
        self._shown_upto = 0  # the findings looked at for them

    def __enter__(self) -> "UnitRequests":
        return self

    def __exit__(self, *_exc: object) -> None:
        """Report the keys only a request reader put together that the text showed nowhere (known
        once the pass is done: a batch of windows is read while it goes on), hand a range's change-stream rows on to
        the ranges after it (see :mod:`keyaudit.inputs.captures.rows_read`), and let go of the stream the windows
        were read from, if they needed it."""
        if self._rebuilt:  # most units: none (the text's findings are not looked through for them)
            shown = self._shown_secrets()
            self._tally.findings.extend(finding for finding, identity in self._rebuilt if identity not in shown)
        if self._reading is not None:
            self._reading.close()
            left = self._reading.rows.left()
            if self._ranged and (left.held or left.waiting):  # its rows for the ranges after it
                self._tally.rows = left
            seen = self._reading.seen
            if seen is not None and (seen.interfaces or seen.waiting or seen.dropped):
                self._tally.declared.append(seen)  # for the scan's other files (see :mod:`.across_files`)

    def worth_reading(self) -> bool:
        """Whether the text read so far can hold requests that matter."""
        chunks = self._chunks
        found, anchored = len(self._tally.findings) > self._before, chunks.anchors_seen
        return worth_reading(self.writes_requests() or ((anchored or found) and self._top_defines()), anchored, found)

    def writes_requests(self) -> bool:
        """Whether the text read so far writes requests out (a request marker) or is source code."""
        return self._chunks.markers_seen or family(self._display) is not None

    def _top_defines(self) -> bool:
        """Whether the text's top defines how its lines read (asked only of a text with no
        request marker that names a provider: its first bytes are looked at once)."""
        if self._defines is None:
            self._defines = self._top and defines_in(self._chunks.head)
        return self._defines

    @property
    def _head(self) -> bytes:
        """The text's first bytes, where it starts at the file's top."""
        return self._chunks.head if self._top else b""

    def read(self, windows: list[Window]) -> None:
        """Judge the requests in ``windows``."""
        tally, last = self._tally, self._last_line()
        if self._reading is None:  # the text's head is known once the pass has begun
            self._reading = TextReading(self._opener, self._display, self._known, cut=self._cut, head=self._head,
                                        statistics=tally.counts.statistics)
        for exchange in self._reading.exchanges(windows, last):  # (one begun past a range's end: the next range's)
            tally.findings.extend(f for f in self._judge.judge(exchange, tally.counts.statistics)
                                  if f.location.line > self._earlier)
            self._rebuilt += [(f, identity) for f, identity in self._rebuilt_secrets(exchange)
                              if f.location.line > self._earlier]
        for kept in self._reading.rows.pending():  # row images kept back for the ranges before: judged as sends
            exchange, kept.exchange = kept.exchange, None
            assert exchange is not None
            kept.findings = [f for f in self._judge.judge(exchange, tally.counts.statistics)
                             if f.location.line > self._earlier]

    def _rebuilt_secrets(self, exchange: Exchange) -> list[tuple[Finding, str]]:
        """The providers' keys the request carries that the scan of the text did not find in the
        unit: values only its reader put together (a header a printer cut onto rows of its own,
        the pieces of a line a runtime split), each a finding on the request's first line,
        ``decoded: request``. A key the text shows whole is reported where the text shows it. Not
        the generic rules' credentials: a reader also writes out what a client derives from its
        options (curl's ``-u user:password`` as a Basic header), which the text rules judged as
        written. Each with its secret's identity: those the text shows further on are left out at the end."""
        keys = [(finding, finding.secret.identity) for finding in self._judge.carried_secrets(exchange)
                if finding.secret is not None and finding.provider != GENERIC]
        if not keys:  # most requests: a masked header, a token-free call
            return []
        shown, origin = self._shown_secrets(), exchange.origin
        place = Location(self._display, origin.line, origin.column, origin.line, origin.column + 1, origin.pointer)
        return [(replace(finding, location=place, context={**finding.context, "decoded": REBUILT}), identity)
                for finding, identity in keys if identity not in shown]

    def _shown_secrets(self) -> set[str]:
        """The identities of the secrets the scan of the text found in the unit so far."""
        findings = self._tally.findings
        for finding in findings.since(self._shown_upto):
            if finding.secret is not None and finding.context.get("decoded") != REBUILT:
                self._shown.add(finding.secret.identity)
        self._shown_upto = len(findings)
        return self._shown

    def _last_line(self) -> int:
        """The last line whose requests are the unit's: a range's own last line; any, of a whole
        text. Known once the pass is done; the windows it hands over before end before it."""
        chunks = self._chunks
        return chunks.lines + (chunks.end_column > 0) if self._ranged and chunks.lines else sys.maxsize

    def read_now(self, windows: list[Window]) -> bool:
        """Judge the windows the pass has left behind, when the file is already known to be
        worth reading; False to decline them (they are held, to be read if it turns out to be).
        A text that has shown no request marker yet, is no code and whose top defines nothing
        has none in those windows' lines either (the pass saw them all): they hold no request, and
        are let go of as read — a log that names a provider every few lines and writes no request
        out held every window to its end."""
        if self.worth_reading():
            self.read(windows)
            return True
        return not self.writes_requests() and not self._top_defines()

    def read_nested(self, nested: NestedText) -> None:
        """Judge the requests in a payload's text as the pass opens it; one the readers fail on
        costs only itself (an error line; the pass goes on)."""
        tally = self._tally
        try:
            tally.findings.extend(nested_findings(nested, self._display, self._judge, tally.counts.statistics,
                                                  self._known))
        except Exception as exc:  # noqa: BLE001 - one payload must not end the file's scan
            raise_interrupt_behind(exc)
            tally.errors.append(ScanError(self._display, f"a {nested.decoded} payload on line {nested.line} was "
                                                         f"not read as requests ({type(exc).__name__})"))
