"""Requests written as text — curl commands, wire dumps, JSON request records, source code — read in a second
pass over a text file, and only in the windows of lines the first pass marked.

The engine's pass notes where request anchors (provider hosts, signature headers: data in the rule files) and
confirmed credentials are; the readers then run on the lines around them only, each window from its first line,
reached by a seek where the stream allows one; where it does not (decompressed text), the first pass keeps the
windows' lines instead, so that the file is not decoded twice. A file with no request marker (no curl, no wire dump,
no JSON request field) that is no source code is not read again, unless its top defines how its lines read."""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import functools
import io
import sys
from collections import Counter
from typing import TYPE_CHECKING, Iterable, Iterator

from keyaudit.engine.judge import ExchangeJudge
from keyaudit.engine.marks import MarkSet
from keyaudit.engine.window_groups import Window
from keyaudit.engine.windows import KeepText, NestedText, WindowCollector
from keyaudit.inputs.captures.rows_read import RowsRead
from keyaudit.inputs.captures.cut_records import CutCount, counted
from keyaudit.inputs.captures.file_scope import DEFINITION_STARTS, FileScope
from keyaudit.inputs.captures.lines import MAX_CAPTURE_LINE
from keyaudit.inputs.captures.request_parts import requests_read
from keyaudit.inputs.captures.source_reading import source_exchanges, source_reach
from keyaudit.inputs.line_layers import reader_text
from keyaudit.inputs.request_reach import (JSON_MEMBER_TEXT, RECORD_REACH, REQUEST_REACH, bracketed,
                                          holds_whole_request, reach_of, starts_request)
from keyaudit.inputs.window_reading import MAX_WINDOW_BYTES, Slicer, WindowReading
from keyaudit.model.exchange import Exchange, Origin
from keyaudit.model.findings import Finding
from keyaudit.rulebook.header_names import NO_RECORD_HEADERS, RecordHeaders
from keyaudit.sources.opening import Opener

if TYPE_CHECKING:  # the readers are imported by the first text read with requests
    from keyaudit.inputs.captures.envelopes import HeldTexts
    from keyaudit.inputs.captures.source_across import Seen

READ_ON_BYTES = MAX_WINDOW_BYTES  # how far past a range's end the requests begun in it are read, at most
MAX_KEPT_BYTES = 32 << 20  # the windows' lines kept from a stream that cannot seek; past it, read again


def window_collector(stream_offset: int, keep_text: bool = False, source: bool = False) -> WindowCollector:
    """Windows for a stream that starts at ``stream_offset`` of its content (a resumed file); with ``keep_text``
    (a stream that cannot seek) they keep their lines as the pass reads them; in ``source`` code, a statement group's."""
    keep = KeepText(MAX_CAPTURE_LINE, MAX_WINDOW_BYTES, MAX_KEPT_BYTES) if keep_text else None
    return WindowCollector(stream_offset, request=REQUEST_REACH, record=RECORD_REACH, keep_text=keep,
                           reach_of=source_reach if source else reach_of)


def worth_reading(markers_seen: bool, anchors_seen: bool, found_credentials: bool) -> bool:
    """Whether a text file can hold requests that matter: it writes requests out, and mentions a
    provider or a signature header, or holds a credential."""
    return markers_seen and (anchors_seen or found_credentials)


def exchanges_in_text(opener: Opener, path: str, windows: list[Window],
                      known: RecordHeaders = NO_RECORD_HEADERS, line_bytes: int = MAX_CAPTURE_LINE,
                      cut: int | None = None, head: bytes = b"",
                      statistics: Counter[str] | None = None) -> Iterator[Exchange]:
    """Every request written in the ``windows`` (in stream order, not overlapping) of the text
    ``opener`` gives, read at once (see :class:`TextReading`, whose arguments these are)."""
    with TextReading(opener, path, known, line_bytes, cut, head, statistics) as reading:
        yield from reading.exchanges(windows)


class TextReading:
    """The requests of one text, read window after window, in batches the pass hands over as it
    goes (a log of many anchors is not held whole: see :class:`~keyaudit.engine.windows.WindowCollector`)
    or all at once: one forward reading of the stream (opened when a window first needs its lines,
    closed with this), and what the file defined above the lines being read, kept from batch to batch.

    Each window is read alone (see :func:`_window_exchanges`), in slices of bounded size (see
    :class:`~keyaudit.inputs.window_reading.Slicer`): a dense log makes one window of the whole file. ``known``: the header names the
    rules know, for records that log headers one field each; ``line_bytes``: where a longer line is
    cut; ``cut``: the text's first line, when the text before it is another range's (what begins there
    is that range's to read); ``head``: the text's first bytes, when it starts at the file's top (a
    table's header row is there, which no window may show); ``statistics``: where the lines cut
    (``request_lines_cut``) and the records the readers cut (:mod:`.captures.cut_records`) are counted."""

    def __init__(self, opener: Opener, path: str, known: RecordHeaders = NO_RECORD_HEADERS,
                 line_bytes: int = MAX_CAPTURE_LINE, cut: int | None = None, head: bytes = b"",
                 statistics: Counter[str] | None = None) -> None:
        self._opener, self._path, self._known = opener, path, known
        self._line_bytes, self._cut, self._statistics = line_bytes, cut, statistics
        self._records_cut = None if statistics is None else CutCount(statistics)
        self._scope = FileScope()  # what the file defined above the lines being read (only in the lines kept, if kept)
        self._scope.see_top(head)
        self._streams = contextlib.ExitStack()
        self._reading: WindowReading | None = None
        self._counted_cut = 0  # of the lines the reading cut, those counted
        self._going_on: tuple[Slicer, dict[int, int]] | None = None  # a slice begun in a window that goes on
        self.seen: Seen | None = None  # what source code declared in the slices read, and its calls waiting
        # the rows a change stream wrote above (an UPDATE repeating one is no send); a range after the file's first
        # keeps each row's first image back for the ranges before it to decide (see .captures.rows_read)
        self.rows = RowsRead(waits=cut is not None)

    def __enter__(self) -> "TextReading":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Let go of the stream, if a window needed it."""
        self._streams.close()

    def exchanges(self, windows: list[Window], last: int = sys.maxsize) -> Iterator[Exchange]:
        """Every request written in ``windows``, which come in stream order, after the last batch's;
        a window that goes on (cut while the pass went on) is read on in the first of the next batch.
        ``last``: the text's last line whose requests are its own (a range's: one begun past it is the next
        range's, and its rows are none of this text's)."""
        line_bytes, kept_cut = self._line_bytes, 0
        for window in windows:
            if window.lines is not None:
                kept_cut += sum(len(text) >= line_bytes and text[-1:] != b"\n" for _, text in window.lines)
                lines: Iterable[tuple[int, str]] = ((number, reader_text(line)) for number, line in window.lines)
            else:
                lines = self._stream_reading().lines(window)  # a window read on from the last is where the reading is
            slicer, leads = self._going_on or (Slicer(), window.leads)
            if self._going_on is not None:
                leads, self._going_on = {**leads, **window.leads}, None
            numbers = sorted(leads)  # (no list of pairs: a window of a dense log holds every line's)
            for line in lines:
                if (done := slicer.add(line)) is not None:
                    yield from self._sliced(done, window, leads, numbers, last)
            if window.goes_on:  # the lines of the slice begun, and their anchors, go on in the next window
                first = slicer.part[0][0] if slicer.part else window.last_line + 1
                self._going_on = slicer, {number: leads[number] for number in numbers[bisect.bisect_left(numbers, first):]}
            elif (done := slicer.rest()) is not None:
                yield from self._sliced(done, window, leads, numbers, last)
        read_cut = self._reading.blocks.cut if self._reading is not None else 0
        if self._statistics is not None and kept_cut + read_cut - self._counted_cut:
            # kept cut: as long as the bound, no line end
            self._statistics["request_lines_cut"] += kept_cut + read_cut - self._counted_cut
        self._counted_cut = read_cut

    def _sliced(self, done: tuple[list[tuple[int, str]], tuple[float, float]], window: Window, leads: dict[int, int],
                numbers: list[int], last: int) -> Iterator[Exchange]:
        """The requests that start in a slice's own lines up to ``last``, of the window's anchors (``leads``, their
        lines ``numbers`` in order) those on its lines."""
        part, (own_first, own_end) = done
        scope, reading = self._scope, self._reading
        here = {number: leads[number]
                for number in numbers[bisect.bisect_left(numbers, part[0][0]) : bisect.bisect_right(numbers, part[-1][0])]}
        # a line that may define something (kept lines are looked at here; read ones as read)
        defining = scope.defines or (reading is not None and reading.defining) or (
            window.lines is not None and any(text.startswith(DEFINITION_STARTS) for _, text in part))
        read = counted(_window_exchanges(part, here, self._path, self._known, scope if defining else None, self._cut,
                                         self._seen()), self._records_cut)
        end = min(own_end, last + 1)  # (a range's rows are its own lines' only)
        yield from self.rows.sent([exchange for exchange in requests_read(read, part)
                                    if own_first <= exchange.origin.line < end])

    def _seen(self) -> Seen:
        """What source code declared in the slices read (made when first read: most texts are none)."""
        if self.seen is None:
            from keyaudit.inputs.captures.source_across import Seen

            self.seen = Seen()
        return self.seen

    def _stream_reading(self) -> WindowReading:
        """The forward reading of the stream, opened the first time a window has no kept lines."""
        if self._reading is None:
            stream = self._streams.enter_context(self._opener())
            self._reading = WindowReading(stream, self._scope, self._line_bytes)  # type: ignore[arg-type]
        return self._reading


def exchanges_in_nested(nested: NestedText, path: str, known: RecordHeaders,
                        statistics: Counter[str] | None = None) -> Iterator[Exchange]:
    """Every request written in the text a payload opened to (a CloudWatch subscription's events,
    a journald message's bytes), read in its windows as a file's text is (``statistics``: see
    :func:`exchanges_in_text`), and placed on the encoded value: the only place in the file the request has."""
    from keyaudit.inputs.captures.raw_requests import raw_request

    raw = raw_request(nested.text, Origin(path, nested.line, nested.column + 1, capture="raw"))
    if raw is not None:  # the bytes of one request, kept as sent: its body needs no guessing
        yield raw
        return
    # The text is in memory already (bounded by what a payload may open to): a batch of events
    # on one line of megabytes is read whole.
    whole_lines = max(MAX_CAPTURE_LINE, len(nested.text))
    for exchange in exchanges_in_text(lambda: io.BytesIO(nested.text), path, nested.windows, known, whole_lines,
                                      statistics=statistics):
        exchange.origin = dataclasses.replace(exchange.origin, line=nested.line, column=nested.column + 1)
        yield exchange


def nested_findings(nested: NestedText, path: str, judge: ExchangeJudge, statistics: Counter[str],
                    known: RecordHeaders = NO_RECORD_HEADERS) -> Iterator[Finding]:
    """The findings of the request rules in a payload's text, when it is worth reading (see
    :func:`worth_reading`: it writes requests out, the pass saw that); each names how the text was
    decoded, as the secret findings in it do."""
    if not worth_reading(True, nested.anchors_seen, nested.found_credentials):
        return
    for exchange in exchanges_in_nested(nested, path, known, statistics):
        for finding in judge.judge(exchange, statistics):
            finding.context["decoded"] = nested.decoded
            yield finding


def exchanges_in_lines(lines: list[tuple[int, str]], path: str,
                       known: RecordHeaders = NO_RECORD_HEADERS) -> Iterator[Exchange]:
    """Every request written in ``lines``, read as one window whose every line is an anchor:
    what a request rule's example holds."""
    read = requests_read(_window_exchanges(lines, dict.fromkeys(dict(lines), 0), path, known, FileScope()), lines)
    return iter(RowsRead().sent(read))


def _window_exchanges(lines: list[tuple[int, str]], leads: dict[int, int], path: str, known: RecordHeaders,
                      scope: FileScope | None, cut: int | None = None,
                      seen: Seen | None = None) -> Iterator[Exchange]:
    """The requests of one window, whose anchored lines are ``leads``' keys (each with how many
    lines before it its request may start): around the anchors (from REQUEST_REACH above at most;
    the lines further above a JSON member are for the objects around it), the readers of commands,
    dumps and columns (until no reader is in a request past the last one), each line as the file's
    definitions above it make it (``scope``, which then sees the window's other lines too; None
    where neither the file nor the window defined anything); every line, YAML, TOML and tnetstring records, SQL rows
    and printed tables; around the
    anchored lines, XML elements and JSON records; source code's statements (by the interfaces the slices above
    declared too: ``seen``, which it adds to); on the anchored lines, plain-HTTP URLs
    that carry a credential, arguments that alternate names and values, and a key-value store's reply that lists
    names and values as numbered items. Readers are imported for a file with requests."""
    from keyaudit.inputs.captures import (argument_pairs, curl, httpdump, json_blocks, jsonlog, numbered_replies,
                                          sql_records, text_tables, tnetstrings, toml_records, url_mentions,
                                          xml_records, yaml_records)
    from keyaudit.inputs.captures.columns import ColumnsReader
    from keyaudit.inputs.captures.envelopes import HeldTexts, joined, unwrapped
    from keyaudit.inputs.captures.lines import Reader, around_anchors, run_readers

    whole = "\n".join([text for _, text in lines])  # looked at once for every mark the readers of windows need
    present = _window_marks().present(whole)
    given = lines
    lines, leads = joined(lines, leads, whole, present)
    if lines is not given:  # a step of joined changed the lines: they are looked at again
        whole = "\n".join([text for _, text in lines])
        present = _window_marks().present(whole)
    held = HeldTexts()  # what the lines hold as envelopes: the readers below ask about the same lines
    starts = line_reader_starts(lines, leads, held)
    begun: set[int] = set()  # the lines the line readers' requests begin on
    defined = lines if scope is None else _defined(lines, scope)
    read: Iterable[Exchange] = ()  # no line reader's request begins near an anchor (JSON records, whole): none made
    if starts:
        readers: list[Reader] = [curl.CommandReader(path), *httpdump.readers(path)]
        if scope is not None:
            readers.append(ColumnsReader(path, scope, known))
        read = run_readers(readers, unwrapped(around_anchors(defined, starts, readers), held), lines)
    for exchange in read:
        begun.add(exchange.origin.line)
        yield exchange
    if scope is not None:
        for _ in defined:  # the lines past the last request: what they define holds for the windows below
            pass
    if "yaml-records" in present:
        yield from yaml_records.exchanges(lines, path)
    if "toml-records" in present:
        yield from toml_records.exchanges(lines, path)
    if "tnetstring-records" in present:
        yield from tnetstrings.exchanges(lines, path)
    if "sql-records" in present:
        yield from sql_records.exchanges(lines, path, scope.tables if scope is not None else None, known, whole)
    if "text-tables" in present:
        yield from text_tables.exchanges(lines, path, known)
    yield from xml_records.exchanges(lines, anchored := [line for line in lines if line[0] in leads], path, known)
    records = list(jsonlog.exchanges(anchored, path, known, held))
    parts: list[Exchange] = []  # the records that are a part of a record over lines, read whole there
    blocks = list(json_blocks.exchanges(lines, leads, path, known, cut, records, begun, parts, held))
    yield from (record for record in records if not any(record is part for part in parts))
    yield from blocks
    yield from source_exchanges(lines, leads, path, seen, "logged-sql" in present)
    yield from url_mentions.exchanges(anchored, path)
    yield from argument_pairs.exchanges(anchored, path, known)
    yield from numbered_replies.exchanges(lines, anchored, path, known)


@functools.cache
def _window_marks() -> MarkSet:
    """What a window's text is looked for once (see :mod:`keyaudit.engine.marks`): the marks of the steps that join
    its lines (:data:`.captures.envelopes.MARKS`) and of the readers of whole windows that read few windows."""
    from keyaudit.inputs.captures import envelopes, sql_records, text_tables, tnetstrings, toml_records, yaml_records
    from keyaudit.inputs.captures.source_files import LOGGED_SQL_CALLS

    return MarkSet({**envelopes.MARKS, "yaml-records": yaml_records.MARKS, "toml-records": toml_records.MARKS,
                    "tnetstring-records": tnetstrings.MARKS, "sql-records": sql_records.MARKS,
                    "text-tables": text_tables.MARKS, "logged-sql": LOGGED_SQL_CALLS})


def line_reader_starts(lines: list[tuple[int, str]], leads: dict[int, int], held: HeldTexts | None = None
                       ) -> dict[int, int]:
    """For each anchored line, how many lines before it the line readers (commands, dumps,
    labelled fields) must begin: its lead, at most :data:`REQUEST_REACH`'s; only a record's few
    lines where the anchor is a member of a pretty-printed JSON object, whose long lead is for
    the objects around it (:mod:`.captures.json_blocks` reads those), not for a dump's start line
    (a dump whose body holds the member was begun by an anchor of its own head). Nor above where
    the reading for an anchored line above it that starts a request begins: a header's request
    begins on that line or below (a Signature header under its dump's request line). None for a
    JSON record on one line that holds a whole request: the readers of JSON records read it. A member that is its
    record's message is the line it holds (`aws logs filter-log-events` prints each event's so): a line's lead.
    ``held``: what the lines' texts hold as envelopes, as far as worked out."""
    from keyaudit.inputs.captures.envelopes import HeldTexts

    held = HeldTexts() if held is None else held

    text_of = {number: text for number, text in lines if number in leads}
    starts: dict[int, int] = {}
    begun = None  # the last anchored line that starts a request
    for number in sorted(leads):
        text = text_of.get(number, "")
        line = text.encode("utf-8", "surrogateescape")
        if bracketed(line.rstrip()) and holds_whole_request(line):
            continue  # a JSON record (a curl command on one line is a line reader's)
        member = JSON_MEMBER_TEXT.match(text) is not None and held[text] is None  # a message's member: its line's
        lead = min(leads[number], (RECORD_REACH if member else REQUEST_REACH).before)
        starts[number] = lead if begun is None else min(lead, number - begun + starts[begun])
        if starts_request(line):
            begun = number
    return starts


def _defined(lines: Iterable[tuple[int, str]], scope: FileScope) -> Iterator[tuple[int, str]]:
    """``lines`` as the definitions above each make it (a request file's variables in place),
    ``scope`` seeing each before it is given."""
    for number, text in lines:
        if text.startswith(DEFINITION_STARTS) or scope.continues:
            scope.see(text)
        yield number, scope.substituted(text)
