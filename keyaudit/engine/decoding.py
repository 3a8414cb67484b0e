"""The decoding layer of the secret rules: encoded text around the engine's anchors, decoded, scanned by the same
detection, and its findings placed back on the original bytes.

The engine's pass reports where an encoded form of a keyword or an escape marker occurs
(:mod:`keyaudit.engine.encodings`); :class:`SpotCollector` keeps the text around each place — the base64 run, or the
line holding a marker near a keyword — as the pass goes by, and :class:`DecodingLayer` decodes it
(:mod:`keyaudit.engine.unwrap`). The detector scans the decoded text with the same rules, validators and context, one
layer fewer left to spend (a layer can reveal another: base64 of a percent-encoded key), and each finding is moved to
the line and column of the bytes it was decoded from, naming how (``context.decoded``: ``base64``, ``percent×2``,
``ansi+json``). Text without anchors costs nothing here. A payload (a compressed stream in base64, base64 through a
provider's name, a byte array: :mod:`keyaudit.engine.payloads`) is opened whatever it holds, up to its bound.
"""

from __future__ import annotations

import heapq
import itertools
from collections import deque
from dataclasses import dataclass, replace
from typing import Callable, Iterator

from keyaudit.engine.dump_spans import DUMPS, dump_end, dump_lead, dump_read_on, dump_rest, dump_shown
from keyaudit.engine.encodings import (BASE64, BYTES, CONCAT, CSV, ESCAPED, PARTIAL, PAYLOAD, PAYLOADS, PROVIDER_HEX,
                                       PROVIDER_PAYLOAD, QP, SPACED_HEX, TEXT, WRAPPED, DecodeAnchors)
from keyaudit.engine.line_memo import LineMemo, TextPlaces
from keyaudit.engine.marked_line import MarkedLine, written
from keyaudit.engine.join_calls import goes_on, joined_arguments
from keyaudit.engine.partial_records import RECORDS_REACH, joined, records_end
from keyaudit.engine.payloads import (MAX_PAYLOAD_BYTES, array_body_end, array_end, hex_end, hex_run, in_hex,
                                      open_base64, open_byte_array, open_hex, spaced_hex_run)
from keyaudit.engine.quoted_cells import quoted_cells
from keyaudit.engine.unwrap import (JOINING_LAYERS, TEXT_LAYERS, Decoded, base64_end, base64_run, peel,
                                   quoted_printable, starts_base64_run, unbase64, wrapped_run)
from keyaudit.engine.wide import unbase64_wide
from keyaudit.engine.wrapped_lines import joined as wrapped_joined, line_end, pieces
from keyaudit.model.findings import Finding, Location

MAX_DEPTH = 4  # layers decoded in all, nested ones included (gitleaks' --max-decode-depth)
SPOT_BYTES = 16 << 10  # at most this much of a line or a base64 run on either side of an anchor
# characters (no blanks: marked_line.written) a key's pieces and joins take on either side of one of its `+`, at most:
# a concatenation that far inside the text the last one looked at was joined with it, or held no keyword
# (else each `+` of a long line of them read its own 32 KiB again: 4,000 `"…" + "…"` on a line took 17 s)
CONCAT_REACH = 1 << 10
_OPENERS = {BYTES: open_byte_array, PROVIDER_HEX: open_hex, SPACED_HEX: open_hex}  # how a payload opens, base64's else
# The layers a spot's text is peeled with, where not the text layers alone: joined first.
_LAYERS = {CONCAT: (("concatenation", joined_arguments), *JOINING_LAYERS), PARTIAL: (("partial", joined), *TEXT_LAYERS)}
# The layers applied once, before the text layers: what they undo is not in the text they make.
_ONCE = {QP: quoted_printable, WRAPPED: wrapped_joined, CSV: quoted_cells}
_MARKED = (TEXT, CSV)  # the markers decoded only where a keyword is near (else their line is quiet to the next)


@dataclass(frozen=True)
class Spot:
    """Encoded text found around an anchor: ``data`` starts at byte ``offset`` of the stream, on
    ``line``, after ``column`` characters of it."""

    data: bytes
    offset: int
    line: int
    column: int
    kind: str  # the anchor's (see :mod:`keyaudit.engine.encodings`)
    allowed: bool = False  # an allow marker (with a reason) on its line or the line before
    lead: bytes = b""  # a dump's first line, read before ``data`` where that is the rest of its lines


class SpotCollector:
    """The spots of one pass, taken buffer by buffer (the pass hands over each buffer's anchors
    before its hits), until the detector takes them. A payload that runs on past its buffer (a
    subscription event of a megabyte on one line) is read on in the buffers after it, up to
    :data:`~keyaudit.engine.payloads.MAX_PAYLOAD_BYTES`, and taken once it ends."""

    def __init__(self, anchors: DecodeAnchors, allowed: Callable[[bytes, int, int], bool]) -> None:
        self._anchors = anchors
        self._allowed = allowed
        # the spots taken, by line (then as taken): a pass's hits drain them line by line, and a log with a spot
        # on every line (a key at each line's end) drained a list of thousands at each hit
        self._queue: list[tuple[int, int, Spot]] = []
        self._taken = itertools.count()
        self.open: list[Spot] = []  # payloads whose run reached the end of the last buffer
        # the lines a key of a rule whose keys loggers wrap ends whole (as written, validated), in order: no join
        # below them; a line leaves once the spots before it are drained (a log with such a key on every line)
        self._whole: deque[int] = deque()
        # payloads read to MAX_PAYLOAD_BYTES, opened to MAX_OUTPUT_BYTES or MAX_NESTING formats deep (the
        # detector adds those): what they hold past it is not read, and the scan says so
        self.cut = 0

    def take(self, buffer: bytes, cut: int, place: Callable[[int], tuple[int, int]], offset: int,
             found: list[tuple[int, int]], final: bool = True) -> None:
        """Keep a spot for each anchor before ``cut`` (one for anchors that share it); ``place``
        gives the line and 1-based column of an offset of ``buffer``, which starts at ``offset``
        of the stream and is its last unless ``final`` is False."""
        continued = self._read_on(buffer, offset, final)
        # whether a line is allowed is asked once a line: one log line of ten thousand encoded
        # values was searched for a marker whole for each (time growing with its square)
        lines = LineMemo(buffer)
        for first, last, kind in self.spans(buffer, cut, found, payloads_from=continued):
            line, column = place(first)
            allowed = (self._allowed(buffer, first, last) if buffer.find(b"\n", first, last) >= 0
                       else lines.of(first, "allowed", lambda start, end: self._allowed(buffer, start, end)))
            spot = Spot(buffer[first:last], offset + first, line, column - 1, kind, allowed)
            if (kind in PAYLOADS or kind in DUMPS) and last == len(buffer) and not final:  # read on in the next
                self.open.append(spot)
            else:
                self._keep(spot)

    @property
    def waiting(self) -> bool:
        """Whether a spot waits to be drained (a payload still open does not)."""
        return bool(self._queue)

    @property
    def spots(self) -> list[Spot]:
        """The spots waiting, by line."""
        return [spot for _, _, spot in sorted(self._queue)]  # (line, order taken) is unique: no spot is compared

    def _keep(self, spot: Spot) -> None:
        heapq.heappush(self._queue, (spot.line, next(self._taken), spot))

    def note_whole(self, buffer: bytes, end: int, line: int) -> None:
        """Note a key (of a rule whose keys loggers wrap) found whole and valid, ending at ``buffer[end]``
        on ``line``: where that is its line's end, nothing below is joined to it."""
        if line_end(buffer, end, len(buffer)) == end and (not self._whole or line > self._whole[-1]):
            self._whole.append(line)

    def _read_on(self, buffer: bytes, offset: int, final: bool) -> int:
        """Read the open payloads on into ``buffer`` (the buffers overlap: each goes on where it
        stopped), keeping those it ends or fills; where in ``buffer`` the last of them stops."""
        stop = 0
        still_open: list[Spot] = []
        pending = self.open
        while pending:
            spot = pending.pop()
            resume = spot.offset + len(spot.data) - offset
            limit = min(len(buffer), resume + MAX_PAYLOAD_BYTES - len(spot.data))
            end = _run_end(spot, buffer, resume, limit)
            spot = replace(spot, data=spot.data + buffer[resume:end])
            stop = max(stop, end)
            if (rest := dump_rest(spot.kind, spot.lead, spot.data)) is not None:  # rows at their bound: read on
                self._keep(spot)
                pending.append(replace(spot, data=spot.data[rest:], offset=spot.offset + rest, column=0,
                                       lead=dump_lead(spot.lead, spot.data),
                                       line=spot.line + spot.data.count(b"\n", 0, rest)))
            elif end == len(buffer) and not final and len(spot.data) < MAX_PAYLOAD_BYTES:
                still_open.append(spot)
            else:
                self._keep(spot)
        self.open = still_open
        return stop

    def spans(self, buffer: bytes, cut: int, found: list[tuple[int, int]],
              payloads_from: int = -1) -> Iterator[tuple[int, int, str]]:
        """(start, end, kind) of each text worth decoding around the anchors ``found`` before
        ``cut``: what :meth:`take` keeps, and what a caller that scans parts of a joint text alone
        must scan (a HAR field with an encoded key). Payload anchors before ``payloads_from`` are
        in a payload read on from the buffer before."""
        covered = {False: -1, True: payloads_from}  # where the last spot ends: of a payload, of any other
        joined_to = -1  # where the text the last concatenation looked at ends
        # a marker's reach -> where on its line a marker may next have a keyword that near: a run of
        # markers far from any (a line of backslashes) asks once, not once a marker
        quiet: dict[int, int] = {}
        line = MarkedLine(self._anchors, buffer)  # the markers' lines, and their keywords
        for position, index in found:
            if position >= cut:
                break
            anchor = self._anchors.anchors[index]
            payload = anchor.kind in PAYLOADS
            if written(buffer, position, joined_to) >= CONCAT_REACH if anchor.kind == CONCAT else position < covered[
                    payload] and (anchor.kind != WRAPPED or covered[payload] > line.around(position)[1]):
                continue  # (a wrapped line's join reads on past a spot that took its line alone: an escape's)
            if anchor.kind in _MARKED and position < quiet.get(anchor.reach, -1):
                continue  # (first: an export's rows hold a score of markers each, most far from any keyword)
            low, high = max(0, position - SPOT_BYTES), min(len(buffer), position + SPOT_BYTES)
            far = min(len(buffer), position + MAX_PAYLOAD_BYTES)  # a payload's end: read whole, bounded
            if anchor.kind == PAYLOAD:  # a value that starts with the magic, not a run through it
                if not starts_base64_run(buffer, position):
                    continue
                first, last = position, base64_end(buffer, position, far)
            elif anchor.kind == BYTES:
                first, last = position, array_end(buffer, position, far)
            elif anchor.kind in (PROVIDER_PAYLOAD, PROVIDER_HEX):  # the whole run a provider's name is in, or the
                back = max(0, position - MAX_PAYLOAD_BYTES)     # lines it is wrapped over (hex digits are base64's)
                if anchor.kind == PROVIDER_PAYLOAD:
                    first, last = wrapped_run(buffer, *base64_run(buffer, position, anchor.phase, back, far), back, far)
                else:
                    first, last = wrapped_run(buffer, *hex_run(buffer, position, back, far), back, far, hex_end)
            elif anchor.kind == SPACED_HEX:  # the bytes of hex around it on its line
                first, last = spaced_hex_run(buffer, position, max(0, position - MAX_PAYLOAD_BYTES), far)
            elif anchor.kind == BASE64:  # the run, or the lines it is wrapped over
                first, last = wrapped_run(buffer, *base64_run(buffer, position, anchor.phase, low, high), low, high)
            elif anchor.kind == CONCAT:  # the line before the marker's to marked_line.CONCAT_LINES after it, and on
                first, last = line.joined(position, low, high)
                if last <= covered[payload]:
                    continue  # lines taken already (a join may reach past the last spot)
                # on while the lines go on, as far as a key reaches past its `+`: a run of 2,000 pieces in 1 KiB spots
                last = line.read_on(position, last, high, goes_on, CONCAT_REACH)
                joined_to = last
                if not self._anchors.holds_keyword(buffer[first:last]):
                    continue
            elif anchor.kind == WRAPPED:  # a keyword's run to its line's end: the lines that go on with it, if any
                first, end = line.around(position)
                last = pieces(buffer, first, high)[-1][1]
                if last <= end:
                    continue
            elif anchor.kind == PARTIAL:  # the partial record's line to the record that ends its line
                first = line.around(position)[0]
                last = records_end(buffer, first, min(len(buffer), first + RECORDS_REACH))
            elif anchor.kind == ESCAPED:  # the line, whatever it holds: its keywords are escaped too
                begin, stop = line.around(position)
                first, last = max(begin, low), min(stop, high)
            elif anchor.kind == QP:  # the same lines, where a keyword is near the mark: soft breaks join them
                if not line.keyword_near(position, anchor.reach):
                    continue
                first, last = line.joined(position, low, high)
            elif anchor.kind in DUMPS:  # a curl trace's block (its lines), a hex dump's rows, a registry hex value
                first = line.around(position)[0]
                last = dump_end(anchor.kind, buffer, first, len(buffer))
            else:  # a marker of _MARKED
                begin, stop = line.around(position)
                if not line.keyword_near(position, anchor.reach):
                    quiet[anchor.reach] = line.quiet_until(position, anchor.reach)
                    continue  # no keyword near this marker: nothing a rule could find that it did not
                first, last = max(begin, low), min(stop, high)
            # a quoted-printable join, or a wrapped line's, reads on past its marker's line: the lines after keep
            # their own anchors (what they hold alone is no wrapped line's to report)
            covered[payload] = min(last, line.around(position)[1]) if anchor.kind in (QP, WRAPPED) else last
            yield first, last, anchor.kind

    def drain(self, before_line: int | None = None) -> list[Spot]:
        """The spots on lines before ``before_line`` (all of them: None, the open payloads too, as
        far as they were read: the text ended, or a read failed), no longer kept."""
        taken = []
        while self._queue and (before_line is None or self._queue[0][0] < before_line):
            taken.append(heapq.heappop(self._queue)[2])
        # a line whose key was whole was cut nowhere (a log of keys at its lines' ends, each followed by a
        # line of the same prefix, decoded every key's lines again: 2.3x its scan); the spots come by line
        kept = []
        for spot in taken:
            while self._whole and self._whole[0] < spot.line:
                self._whole.popleft()
            if spot.kind != WRAPPED or not self._whole or self._whole[0] != spot.line:
                kept.append(spot)
        if before_line is None:
            kept, self.open = kept + self.open, []
        self.cut += sum(spot.kind in PAYLOADS and len(spot.data) >= MAX_PAYLOAD_BYTES for spot in kept)
        return kept


def _run_end(spot: Spot, buffer: bytes, position: int, stop: int) -> int:
    """Where the payload ``spot`` holds the start of, going on at ``buffer[position]``, ends, within ``stop``."""
    if spot.kind in DUMPS:
        return position + dump_read_on(spot.data, spot.kind, buffer[position:stop], spot.lead)
    if spot.kind == BYTES:
        return array_body_end(buffer, position, stop, in_hex(spot.data))
    return base64_end(buffer, position, stop)


class DecodingLayer:
    """Decodes spots and places what the detector finds in them back in the original text."""

    def __init__(self, anchors: DecodeAnchors, allowed: Callable[[bytes, int, int], bool]) -> None:
        """``allowed(buffer, start, end)``: whether allow markers cover the lines of that text."""
        self._anchors = anchors
        self._allowed = allowed

    def holds_keyword(self, text: bytes) -> bool:
        """Whether a secret rule could find something in ``text``: it holds one's keyword."""
        return self._anchors.holds_keyword(text)

    def collector(self) -> SpotCollector:
        return SpotCollector(self._anchors, self._allowed)

    def decode(self, spot: Spot, depth: int) -> Decoded | None:
        """The text of ``spot`` with up to ``depth`` layers removed, when that reveals a keyword;
        else None (nothing a rule could find in it that it did not find as written). A payload is
        opened whatever it holds (requests are read in it too), when it is text; one inside payloads that spent every
        layer (``depth``) is not read, but told from a lookalike by opening it, to be counted (``cut``, no text)."""
        if spot.kind in PAYLOADS:
            opened = _OPENERS.get(spot.kind, open_base64)(spot.data)
            if opened is None:
                return None
            if depth <= 0:
                return Decoded(b"", [], opened.steps, cut=True)
            return Decoded(opened.text, opened.origin, opened.steps, opaque=not opened.origin, cut=opened.cut)
        if depth <= 0:
            return None
        if spot.kind == BASE64:
            result = unbase64(spot.data) or unbase64_wide(spot.data)
            decoded = Decoded(*result, [BASE64]) if result is not None else None
        elif spot.kind in DUMPS:
            shown = dump_shown(spot.kind, spot.lead, spot.data)
            decoded = Decoded(*shown, [spot.kind]) if shown is not None else None
        elif spot.kind in _ONCE:
            decoded = _once(spot.data, depth, spot.kind)
        else:
            decoded = peel(spot.data, depth, _LAYERS.get(spot.kind, TEXT_LAYERS))
        if decoded is None or not self._anchors.holds_keyword(decoded.text):
            return None
        return decoded

    @staticmethod
    def belongs(spot: Spot, finding: Finding) -> bool:
        """Whether a finding placed back from a spot's text is the spot's to report: any, but of
        lines a logger wrapped only one across a cut (what one line holds is found as written)."""
        return spot.kind != WRAPPED or finding.location.end_line > finding.location.line

    @staticmethod
    def placer(spot: Spot, decoded: Decoded) -> Callable[[Finding], Finding]:
        """What places a finding (found in ``decoded``) at the original bytes it was decoded from, naming the layers
        (those it was found under in turn, after them): the lines of both texts listed once for all the spot's
        findings (a payload of megabytes with a key on every line was decoded again from its start for each)."""
        text, data = TextPlaces(decoded.text), TextPlaces(spot.data)

        def place(offset: int) -> tuple[int, int]:
            line, characters = data.line_column(offset)
            return (spot.line + line, characters + 1) if line else (spot.line, spot.column + characters + 1)

        def placed(finding: Finding) -> Finding:
            loc = finding.location
            if decoded.opaque:  # decompressed: no byte has a place of its own, the value is the place
                start, end = 0, len(spot.data)
            else:
                start = decoded.origin[text.offset(loc.line, loc.column)]
                end = decoded.origin[text.offset(loc.end_line, loc.end_column)]
            (line, column), (end_line, end_column) = place(start), place(max(end, start))
            inner = finding.context.get("decoded")
            context = {**finding.context, "decoded": decoded.name + (f"+{inner}" if inner else "")}
            return replace(finding, context=context,
                           location=Location(loc.path, line, column, end_line, end_column, loc.pointer))

        return placed


def _once(data: bytes, depth: int, kind: str) -> Decoded | None:
    """``data`` with the layer of its ``kind`` (of :data:`_ONCE`: quoted-printable, lines a logger
    wrapped) undone once, then the text layers under it (an HTML part's entities), up to ``depth``
    layers in all; None where it holds nothing that layer undoes."""
    result = _ONCE[kind](data)
    if result is None:
        return None
    decoded = Decoded(*result, [kind])
    inner = peel(decoded.text, depth - 1)
    if inner is not None:
        decoded.then(inner.name, inner.text, inner.origin)
    return decoded
