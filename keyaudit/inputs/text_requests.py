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
import io
import re
from collections import Counter
from typing import Iterable, Iterator

from keyaudit.engine.judge import ExchangeJudge
from keyaudit.engine.window_groups import Window
from keyaudit.engine.windows import KeepText, NestedText, Reach, WindowCollector
from keyaudit.inputs.captures.cut_records import CutCount, counted
from keyaudit.inputs.captures.file_scope import DEFINITION_STARTS, FileScope
from keyaudit.inputs.captures.lines import MAX_CAPTURE_LINE, VIA_LINES
from keyaudit.inputs.captures.record_ids import id_on_line
from keyaudit.inputs.captures.request_parts import PART_LINES, requests_read
from keyaudit.inputs.captures.source_reading import source_exchanges, source_reach
from keyaudit.inputs.line_layers import reader_text
from keyaudit.inputs.window_reading import MAX_WINDOW_BYTES, Slicer, WindowReading
from keyaudit.model.exchange import REQUEST_SPAN_LINES, Exchange, Origin
from keyaudit.model.findings import Finding
from keyaudit.rulebook.header_names import NO_RECORD_HEADERS, RecordHeaders
from keyaudit.sources.opening import Opener

# A request starts at most this many lines before its anchor (a wire dump's request line before its Signature
# header) and ends at most this many after it (headers, then a body over many lines; the readers stop at its
# end, so the lines past it are not read).
REQUEST_REACH = Reach(REQUEST_SPAN_LINES // 2, 2 * REQUEST_SPAN_LINES)
RECORD_REACH = Reach(2, 3)  # a record naming a provider host: a JSON line, a curl command, a request line and its Host header
FIRST_LINE_REACH = Reach(0, REQUEST_SPAN_LINES)  # any anchor on a request's first line
MARGIN_REACH = Reach(1, REQUEST_SPAN_LINES)  # the same at the margin: the line above may title it (`HTTP request:`)
# the same, for a request line whose target names no scheme: the lines just before it may say where
# it went (a packet capture's summary line, curl's `* Connected to … port 80`)
ORIGIN_FORM_REACH = Reach(VIA_LINES, REQUEST_SPAN_LINES)
WHOLE_LINE_REACH = Reach(0, 0)  # any anchor on a line holding a whole request
# the same on a JSON record holding one, which no line reader reads: a log of such records among other
# lines is read in windows of many (10,000 records a line in two: 1.88 -> 1.38 s; one in 33: -12 %)
RECORD_LINE_REACH = Reach(0, 0, joins=32)
JSON_MEMBER_REACH = Reach(REQUEST_SPAN_LINES, 2 * REQUEST_SPAN_LINES)  # a member of a pretty-printed object
_METHODS = (b"GET", b"POST", b"PUT", b"PATCH", b"DELETE", b"HEAD", b"OPTIONS")
# A method that does not end a longer word, then its target. The pattern opens with the methods,
# and each method's own look-behind, after it, sees the character before it (one method is no
# other's suffix): re then skips to the letters a method starts with, where a pattern opening
# with the look-behind was tried at every position of the line (18 µs for a JSON line, now 4).
_REQUEST_START = re.compile(rb"(?:" + b"|".join(_METHODS) + rb")"
                            + b"".join(rb"(?<![A-Za-z]" + method + rb")" for method in _METHODS)
                            + rb" +(?:(?P<absolute>[A-Za-z][A-Za-z0-9+.-]*://)|/)[^\s]")
_METHOD_OPTIONS = (b"-X", b"--request")  # curl's -X POST and --request POST
# A method field holding an HTTP method (``"method": "POST"``, ``'httpMethod': 'get'``, ``":method"``,
# ``"verb"``, ``"method_name"``, ``"action": "POST"``), its quotes escaped to any depth: what a
# structured request record is known by.
_METHOD_FIELD = re.compile(rb"""(?:ethod\w*|erb\w*|ction)[\\]*["']?\s*[:=]>?\s*[\\]*["'](?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[\\]*["']""",
                           re.IGNORECASE)
_JSON_MEMBER = re.compile(rb'[ \t]*"[^"\n]*":')  # a member of an object pretty-printed over lines
_JSON_MEMBER_TEXT = re.compile(_JSON_MEMBER.pattern.decode())
_CONTINUATIONS = (b"\\", b"^", b"`")  # a shell command goes on: POSIX shells, cmd.exe, PowerShell
READ_ON_BYTES = MAX_WINDOW_BYTES  # how far past a range's end the requests begun in it are read, at most
MAX_KEPT_BYTES = 32 << 20  # the windows' lines kept from a stream that cannot seek; past it, read again


def window_collector(stream_offset: int, keep_text: bool = False, source: bool = False) -> WindowCollector:
    """Windows for a stream that starts at ``stream_offset`` of its content (a resumed file); with ``keep_text``
    (a stream that cannot seek) they keep their lines as the pass reads them; in ``source`` code, a statement group's."""
    keep = KeepText(MAX_CAPTURE_LINE, MAX_WINDOW_BYTES, MAX_KEPT_BYTES) if keep_text else None
    return WindowCollector(stream_offset, request=REQUEST_REACH, record=RECORD_REACH, keep_text=keep,
                           reach_of=source_reach if source else reach_of)


def reach_of(line: bytes, reach: Reach) -> Reach:
    """How far the request of an anchor on ``line`` reaches, where the line tells, whatever the anchor: none
    around a line holding a whole request (but the lines its body's record may follow it by, where it carries
    the request's id: :mod:`.captures.record_ids`); a request's span after a request's first line (its headers
    may follow a host on it), nothing before it — but the line above one at the margin (a dump's section
    title), and the few lines that may say where it went (a packet capture's ports), where its target names
    no scheme; a request's span above a member of a pretty-printed JSON object (the objects around it open up
    to that far above, past a URL in parts and lists of headers), two
    below. Else ``reach``, what the anchor's kind is given."""
    if holds_whole_request(line):
        return Reach(0, PART_LINES) if id_on_line(line) else RECORD_LINE_REACH if _bracketed(line.strip()) \
            else WHOLE_LINE_REACH
    if (found := _request_start(line)) is not None:
        return (FIRST_LINE_REACH if found.start() else MARGIN_REACH) if found.group("absolute") else ORIGIN_FORM_REACH
    return JSON_MEMBER_REACH if _JSON_MEMBER.match(line) else reach


def starts_request(line: bytes) -> bool:
    """Whether a request starts on ``line``: a method and its target (an absolute URL or a path),
    behind whatever prefix a dump or a log puts before it (``> ``, ``--> ``, ``send: b'``,
    ``request: ``). A curl option naming the method starts nothing but in the command's own line."""
    return _request_start(line) is not None


def _request_start(line: bytes) -> re.Match[bytes] | None:
    """Where a request starts on ``line`` (see :func:`starts_request`), or None."""
    found = _REQUEST_START.search(line)
    if found is None or (b"curl" not in line and line[: found.start()].rstrip().endswith(_METHOD_OPTIONS)):
        return None
    return found


def holds_whole_request(line: bytes) -> bool:
    """Whether ``line`` holds a whole request, so that no line before or after it belongs to it:
    a JSON object (or an array of them) on one line with a method field (a JSON request log, also
    inside a container log's string), unless it names no headers and its text starts a request (a
    log record whose message is a client's start line, .NET's "Sending HTTP request POST https://…":
    the next records of its logger hold the headers); or a curl command that does not go on to the
    next line (no continuation character at its end, its quotes closed). A request dumped as text
    is not one, even where each of its lines is a JSON envelope (holding one line of the dump, its
    method in no field)."""
    text = line.strip()
    if _bracketed(text):  # an object, or an array of them
        return _METHOD_FIELD.search(text) is not None and (b"eader" in text or _request_start(text) is None)
    return (b"curl " in text and text[-1:] not in _CONTINUATIONS
            and text.count(b"'") % 2 == 0 and text.count(b'"') % 2 == 0)


def _bracketed(text: bytes) -> bool:
    """Whether a stripped line is one JSON object or array, not one a log prefix's ``[<time>] `` begins."""
    return (text[:1], text[-1:]) in ((b"{", b"}"), (b"[", b"]"))


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

    def __enter__(self) -> "TextReading":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Let go of the stream, if a window needed it."""
        self._streams.close()

    def exchanges(self, windows: list[Window]) -> Iterator[Exchange]:
        """Every request written in ``windows``, which come in stream order, after the last batch's;
        a window that goes on (cut while the pass went on) is read on in the first of the next batch."""
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
                    yield from self._sliced(done, window, leads, numbers)
            if window.goes_on:  # the lines of the slice begun, and their anchors, go on in the next window
                first = slicer.part[0][0] if slicer.part else window.last_line + 1
                self._going_on = slicer, {number: leads[number] for number in numbers[bisect.bisect_left(numbers, first):]}
            elif (done := slicer.rest()) is not None:
                yield from self._sliced(done, window, leads, numbers)
        read_cut = self._reading.blocks.cut if self._reading is not None else 0
        if self._statistics is not None and kept_cut + read_cut - self._counted_cut:
            # kept cut: as long as the bound, no line end
            self._statistics["request_lines_cut"] += kept_cut + read_cut - self._counted_cut
        self._counted_cut = read_cut

    def _sliced(self, done: tuple[list[tuple[int, str]], tuple[float, float]], window: Window, leads: dict[int, int],
                numbers: list[int]) -> Iterator[Exchange]:
        """The requests that start in a slice's own lines, of the window's anchors (``leads``, their
        lines ``numbers`` in order) those on its lines."""
        part, (own_first, own_end) = done
        scope, reading = self._scope, self._reading
        here = {number: leads[number]
                for number in numbers[bisect.bisect_left(numbers, part[0][0]) : bisect.bisect_right(numbers, part[-1][0])]}
        # a line that may define something (kept lines are looked at here; read ones as read)
        defining = scope.defines or (reading is not None and reading.defining) or (
            window.lines is not None and any(text.startswith(DEFINITION_STARTS) for _, text in part))
        read = counted(_window_exchanges(part, here, self._path, self._known, scope if defining else None, self._cut),
                       self._records_cut)
        yield from (exchange for exchange in requests_read(read, part) if own_first <= exchange.origin.line < own_end)

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
    return iter(requests_read(_window_exchanges(lines, dict.fromkeys(dict(lines), 0), path, known, FileScope()), lines))


def _window_exchanges(lines: list[tuple[int, str]], leads: dict[int, int], path: str,
                      known: RecordHeaders, scope: FileScope | None, cut: int | None = None) -> Iterator[Exchange]:
    """The requests of one window, whose anchored lines are ``leads``' keys (each with how many
    lines before it its request may start): around the anchors (from REQUEST_REACH above at most;
    the lines further above a JSON member are for the objects around it), the readers of commands,
    dumps and columns (until no reader is in a request past the last one), each line as the file's
    definitions above it make it (``scope``, which then sees the window's other lines too; None
    where neither the file nor the window defined anything); every line, YAML mappings; around the
    anchored lines, XML elements and JSON records; source code's statements. Readers are imported for a file with requests."""
    from keyaudit.inputs.captures import (curl, httpdump, json_blocks, jsonlog, sql_records, url_mentions, xml_records,
                                          yaml_records)
    from keyaudit.inputs.captures.columns import ColumnsReader
    from keyaudit.inputs.captures.envelopes import joined, unwrapped
    from keyaudit.inputs.captures.lines import Reader, around_anchors, run_readers

    lines, leads = joined(lines, leads)
    starts = line_reader_starts(lines, leads)
    readers: list[Reader] = [curl.CommandReader(path), *httpdump.readers(path)]
    begun: set[int] = set()  # the lines the line readers' requests begin on
    if scope is None:
        read = run_readers(readers, unwrapped(around_anchors(lines, starts, readers)))
    else:
        readers.append(ColumnsReader(path, scope, known))
        defined = _defined(lines, scope)
        read = run_readers(readers, unwrapped(around_anchors(defined, starts, readers)))
    for exchange in read:
        begun.add(exchange.origin.line)
        yield exchange
    if scope is not None:
        for _ in defined:  # the lines past the last request: what they define holds for the windows below
            pass
    if yaml_records.may_hold(lines):
        yield from yaml_records.exchanges(lines, path)
    if sql_records.may_hold(lines):
        yield from sql_records.exchanges(lines, path, scope.tables if scope is not None else None, known)
    yield from xml_records.exchanges(lines, anchored := [line for line in lines if line[0] in leads], path, known)
    yield from (records := list(jsonlog.exchanges(anchored, path, known)))
    yield from json_blocks.exchanges(lines, leads, path, known, cut, records, begun)
    yield from source_exchanges(lines, leads, path)
    yield from url_mentions.exchanges(anchored, path)


def line_reader_starts(lines: list[tuple[int, str]], leads: dict[int, int]) -> dict[int, int]:
    """For each anchored line, how many lines before it the line readers (commands, dumps,
    labelled fields) must begin: its lead, at most :data:`REQUEST_REACH`'s; only a record's few
    lines where the anchor is a member of a pretty-printed JSON object, whose long lead is for
    the objects around it (:mod:`.captures.json_blocks` reads those), not for a dump's start line
    (a dump whose body holds the member was begun by an anchor of its own head). Nor above where
    the reading for an anchored line above it that starts a request begins: a header's request
    begins on that line or below (a Signature header under its dump's request line). None for a
    JSON record on one line that holds a whole request: the readers of JSON records read it."""
    text_of = {number: text for number, text in lines if number in leads}
    starts: dict[int, int] = {}
    begun = None  # the last anchored line that starts a request
    for number in sorted(leads):
        text = text_of.get(number, "")
        line = text.encode("utf-8", "surrogateescape")
        if _bracketed(line.rstrip()) and holds_whole_request(line):
            continue  # a JSON record (a curl command on one line is a line reader's)
        lead = min(leads[number], (RECORD_REACH if _JSON_MEMBER_TEXT.match(text) else REQUEST_REACH).before)
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
