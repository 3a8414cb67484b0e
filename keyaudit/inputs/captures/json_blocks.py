"""JSON request records written over several lines: pretty-printed, as ``jq .``, ``json.dumps(…,
indent=2)``, exports and fixtures write them; and maps other languages print so (PHP's arrays too).

Around an anchored line that is a member of such an object (``"url": "https://…",``), the objects that enclose it are
found by their indentation — a pretty-printed object's closing brace sits at its opening line's indentation, and no
JSON string spans lines — and each, from the outermost the window holds inside the innermost list around the anchor
(then those around that list), is parsed and read by the generic reconstructor (:mod:`.records`) until one names a
request. The request takes the line of its object's opening brace — unless the reader of JSON lines read that request
(its method and URL) from one of the object's own lines, a member whose value is the record as a string (``"message":
"{\\"method\\": …}"``, as `aws logs filter-log-events` prints an event): that is the object's request, read once. Only
the lines of the window are looked at: an object's first line at most :data:`MAX_RECORD_LINES` above the anchor,
its last at most that below its first (a longer one is read as far as that: :mod:`.cut_blocks`). Where the
text's first line is a cut (a range of a file after the first), objects still indented up to it may be members of one
that opens above it, which the range before reads whole: none of them is read as a request.
"""

from __future__ import annotations

import json
import re
from typing import Any, Callable, Collection, Iterable, Iterator

from keyaudit.model.exchange import REQUEST_SPAN_LINES, Exchange, Origin
from keyaudit.rulebook.header_names import NO_RECORD_HEADERS, RecordHeaders

from .change_rows import change_event
from .command_lists import command_request
from .cut_blocks import cut_record, read_in_part
from .cut_records import count_cut
from .enclosing import PassedRuns, indent, margin, openings as enclosing
from .envelopes import HeldTexts
from .header_entries import method_listed
from .introduced import introduced, lead_opening
from .literals import literal_record
from .log_prefix import carries, digitless, shared_prefix, unprefixed_lines
from .open_brackets import OpenBrackets
from .php_printed import opens_printed_array, printed_array, printed_member
from .record_starts import printed_in, record_start
from .record_views import first, matched
from .records import METHOD, request_of
from .result_sets import result_rows

_LOGGED = (str, list, dict)  # a method as logged: as text, or wrapped in a matcher (Hoverfly's [{"matcher": "exact", …}])
MAX_RECORD_LINES = 400  # an object longer than this is not a request record
# a map's entry as JavaScript, Elixir and Ruby print it: a quoted or bare name, or a symbol, then `:` and a
# blank, or `=>` (Ruby's pp writes none after it); or `name=value`, as Java's toString prints a field
# (Commons' ToStringStyle.MULTI_LINE_STYLE); or an EDN keyword, a blank, and its value (`:uri "/v1/…"`, Clojure's
# pprint); or `name = value`, blanks around the sign, the name bare or a quoted one as an index (gdb's `print` of a
# struct and of a map's `["Name"] = …`, Lua's tables, F#'s and OCaml's records)
_LITERAL_MEMBER = re.compile(r"""(?:'[^'\n]*'|"[^"\n]*"|:?[A-Za-z_][\w-]*)\s*(?::(?![:/])\s|=>)|[A-Za-z_]\w*=(?!=)\S"""
                             r"""|:[A-Za-z_][\w.-]*[ \t]+["':\d{\[]|(?:\["[^"\n]*"\]|[A-Za-z_]\w*) = \S""")
_CLOSED = ("}", "]")  # how a record on one line ends: no map printed over lines begins there
# what a member's line holds between its name and a quoted value, looked for at C speed first
_MEMBER_MARKS = ('": ', "': ", ": '", ': "', "=> ")


def exchanges(lines: list[tuple[int, str]], anchored: Iterable[int], path: str,
              known: RecordHeaders = NO_RECORD_HEADERS, cut: int | None = None,
              read: Iterable[Exchange] = (), begun: Collection[int] = (),
              parts: list[Exchange] | None = None, held: HeldTexts | None = None) -> Iterator[Exchange]:
    """The requests of the multi-line JSON objects around the ``anchored`` lines (line numbers). An object is read
    once, whichever of its lines are anchored: the anchors inside one already read are passed over. ``known``: the
    header names the rules know; ``cut``: the text's first line, when the text before it is another range's;
    ``read``: the requests the reader of JSON lines read from these lines (an object's request read there is not
    given again, unless it shows more: that reading, a member's map naming the method and URL, Camel's multiline
    ``Headers: {…}``, is a part of it, added to ``parts``); ``begun``: the lines other readers' requests begin on
    (an object that opens on one and does not close here, a body in a command's quotes, was read by them: no record
    cut); ``held``: what the lines' texts hold as envelopes, as far as worked out (see :func:`_unenveloped`)."""
    on_lines = {(exchange.origin.line, exchange.method, exchange.url): exchange for exchange in read}
    begun, parts = {*begun, *(line for line, _, _ in on_lines)}, [] if parts is None else parts
    position = {number: index for index, (number, _) in enumerate(lines)}
    printed = printed_in(path)  # maps as other languages print them, but in a program's source
    brackets = OpenBrackets()
    tried: set[int] = set()  # the opening lines (numbers) tried
    held = HeldTexts() if held is None else held
    read_to = -1  # the last line (number) of the objects read so far
    passed = PassedRuns()  # the runs of lines the walks up from the anchors passed over (each walked once)
    for number in sorted(anchored):
        index = position.get(number)
        if index is None or number <= read_to:
            continue
        view, at = (lines, index) if _member(lines[index][1]) or _string_item(lines[index][1]) \
            else _unprefixed(lines, index)
        if not view:
            view, at = _unenveloped(lines, index, held)
        if not view:
            view, at = _message_lines(lines, index, held)
        if view:
            openings = enclosing(view, at, brackets, MAX_RECORD_LINES, cut, passed if view is lines else None)
        elif printed and lines[index][1][-1:] not in _CLOSED and brackets.hanging(lines[index][1]) is not None:
            view, openings = lines, [(index, False)]  # a map printed over lines from here (not a record on one)
        elif printed and (hung := brackets.opening_above(lines, index, REQUEST_SPAN_LINES)) is not None:
            view, openings = lines, [(hung, False)]  # a map printed over lines that ends here
        elif printed and (led := lead_opening(lines, index)) is not None:
            view, openings = lines, [(led, False)]  # an array printed below the words that lead to it (.introduced)
        else:
            continue
        # the first line of a pretty-printed object around the anchor that did not close in the lines read (a map
        # another language printed, or a bracket left open, is no record known to be one: a call's arguments in code)
        unclosed, deferred = None, set()  # and the objects cut past the bound, tried after those inside them
        for opening, past_list in openings:
            rows: list[dict[str, Any]] | None = None
            if view[opening][0] in tried and opening not in deferred:
                break  # an object around an earlier anchor that did not close: tried already
            tried.add(view[opening][0])
            record, closing, capture = _record(view, opening, brackets, printed)
            event = isinstance(record, dict) and change_event(record, (), known.changes, {}) is not None
            if closing is None and capture == "jsonlog" and unclosed is None:
                unclosed = view[opening][0]
            if closing is None and record is not None and opening not in deferred and openings[-1][0] != opening:
                deferred.add(opening)  # (an object inside it that closes may be the request: a batch's member)
                openings.append((opening, past_list))
                continue
            origin = Origin(path, view[opening][0], capture=capture,
                            end_line=None if closing is None else view[closing][0])
            if past_list and record is not None and not isinstance(matched(first([record], METHOD, _LOGGED)), str) \
                    and not (type(record) is dict and method_listed(record, METHOD)):
                # it holds the list the anchor is in an item of: a query's result set, each row a record (see
                # :mod:`.result_sets`), or its request may be another item's (unless it lists a command's words)
                rows = result_rows(record) if isinstance(record, dict) else None
                if rows is None and command_request(record) is None and not event:  # (nor a change event's row)
                    continue
            found = [exchange for row in rows or [record] if row and (exchange := request_of(row, origin, known=known))]
            if not found and event:  # a change event that sends nothing: no row of it is read alone (.change_rows)
                break
            if not found and rows is None and record and (led_to := introduced(record, view, opening)) is not None:
                found = [exchange] if (exchange := request_of(led_to, origin, known=known)) else []
            if found:
                last = view[closing if closing is not None else at][0]
                read_to = max(read_to, last)
                lines_read = range(view[opening][0], last + 1)
                for exchange in found:
                    inside = [on_lines[key] for at in lines_read if (key := (at, exchange.method, exchange.url))
                              in on_lines]
                    if all(map(exchange.shows_more_than, inside)):
                        parts.extend(inside)
                        yield exchange if closing is not None else read_in_part(exchange)  # cut past the bound
                break
        else:
            if unclosed is not None and unclosed not in begun:  # no object around it read as a request, one of
                count_cut(("object", unclosed))  # them longer than read, where no other reader's request begins


def _unprefixed(lines: list[tuple[int, str]], index: int) -> tuple[list[tuple[int, str]], int]:
    """Where the anchored line is a member of an object printed over lines by a logger, or shipped
    by a transport, that writes its prefix before EACH line (a formatter that prefixes every line of
    a message, a CI log's times): the lines around it that carry that prefix, without it, and its
    place among them; else no lines. The prefix is learned from the lines: what the anchored line
    shares with the lines above it that open an object (digits aside), where the rest of the
    anchored line is a member indented past the rest of the opening; the outermost such opening's."""
    text = lines[index][1]
    if text.endswith("}") or not any(mark in text for mark in _MEMBER_MARKS):  # a record on one line; no member
        return [], 0
    length = 0
    for above in range(index - 1, max(-1, index - REQUEST_SPAN_LINES), -1):
        opening = lines[above][1]
        if opening.endswith("{") and (shared := shared_prefix(opening, text)) and (not length or shared < length) \
                and _member(text[shared:]) and indent(opening[shared:]) < indent(text[shared:]):
            length = shared
    if not length:
        return [], 0
    prefix = digitless(text[:length])
    first, last = _run_around(len(lines), index, lambda place: carries(lines[place][1], prefix))
    return [(number, line[length:]) for number, line in lines[first : last + 1]], index - first


def _unenveloped(lines: list[tuple[int, str]], index: int, held: HeldTexts) -> tuple[list[tuple[int, str]], int]:
    """Where the anchored line is an envelope that holds one line, a member of an object printed over lines (each
    line a program wrote kept in a JSON line of its own, as Docker's json-file log keeps a container's output: its
    `{` in one, each member in the next ones): the run of envelope lines around it, each as the line it holds, and
    its place among them; else no lines. ``held``: what each line's text holds, as far as worked out: a log
    whose every line is such an envelope is read a line once, not once an anchor around it (6,000 lines 3.0 s)."""
    def at(place: int) -> str | None:
        return held.line(lines[place][1])

    member = at(index)
    if member is None or not _member(member):
        return [], 0
    first, last = _run_around(len(lines), index, lambda place: at(place) is not None)
    return [(lines[place][0], at(place) or "") for place in range(first, last + 1)], index - first


def _message_lines(lines: list[tuple[int, str]], index: int, held: HeldTexts) -> tuple[list[tuple[int, str]], int]:
    """Where the anchored line is an envelope whose one message is over lines, a map printed in it (a function's
    `console.log("iugu request", {…})`, util.inspect's lines, kept whole in a log drain's JSON record): the lines
    the message holds, each with the envelope's number, and the place of the first member among them; else no
    lines. Only a line with an escaped line feed is opened (a JSON record's message over lines has one)."""
    message = held[lines[index][1]] if "\\n" in lines[index][1] else None
    texts = message.split("\n") if message is not None else []
    at = next((place for place, text in enumerate(texts) if _member(text)), None)
    if at is None:
        return [], 0
    return [(lines[index][0], text) for text in texts], at


def _run_around(count: int, index: int, holds: Callable[[int], bool]) -> tuple[int, int]:
    """The first and last place of the run around ``index`` (of ``count`` lines) whose lines ``holds``: at most
    a request's span above it (where its record may open) and a record's most lines below."""
    first = index
    while first > max(0, index - REQUEST_SPAN_LINES) and holds(first - 1):
        first -= 1
    last = index
    while last + 1 < min(count, index + MAX_RECORD_LINES) and holds(last + 1):
        last += 1
    return first, last


def _member(text: str) -> bool:
    """Whether a line is a member of a pretty-printed object: ``"name": value``, or an entry of
    a map as another language prints it (``name: 'value'``, ``:name => "value"``, ``"name" => …``,
    PHP's ``[name] => value``).
    A line at the margin is none: no bracket can enclose it from further left (a dump's headers)."""
    stripped = text.lstrip()
    if len(stripped) == len(text):
        return False
    return (stripped.startswith('"') and '":' in stripped) or _LITERAL_MEMBER.match(stripped) is not None \
        or printed_member(stripped)


def _string_item(text: str) -> bool:
    """Whether a line is a string item of a pretty-printed list (``"-H",``), indented: a word of a
    command kept as a list (:mod:`.command_lists`), inside the objects around the list."""
    stripped = text.strip()
    return len(stripped) < len(text) and stripped[:1] == '"' and stripped.rstrip(",")[-1:] == '"' \
        and '": ' not in stripped


def _record(lines: list[tuple[int, str]], opening: int, brackets: OpenBrackets, printed: bool = True
            ) -> tuple[dict[str, Any] | None, int | None, str]:
    """The object that opens on line ``opening``, parsed, the index of its last line, and what
    it was read as (``jsonlog``; ``literal``, a map another language printed: the request a line
    inside it holds, read by another reader, is the same request); the object is None when it is
    no object, and both when it does not close, at its opening line's indentation, among the lines.
    An array PHP printed is read as such (see :mod:`.php_printed`); a map whose first line does
    not end with its bracket (pprint's, pp's), or ends with one opened inside it, up to where its
    brackets close."""
    if printed and opens_printed_array(lines, opening):
        found = printed_array(lines, opening)
        if found is None:
            return None, None, "literal"
        return (found[0] if isinstance(found[0], dict) else None), found[1], "literal"
    text = lines[opening][1]
    bracket = brackets.hanging(text) if printed else None
    # an object opened at the line's end inside a map opened before it (`Request(…, body={`) is the map's
    if not text.rstrip().endswith("{") or (bracket is not None and bracket < text.rindex("{")):
        return _hanging_record(lines, opening, bracket, brackets)
    depth, body = margin(text), [text[text.rindex("{"):]]
    for index in range(opening + 1, min(len(lines), opening + MAX_RECORD_LINES)):
        line = lines[index][1]
        body.append(line)
        if indent(line) == depth and line.strip().startswith("}"):
            body[-1] = line.strip().rstrip(",")
            written = "\n".join(body)
            try:
                found, capture = json.loads(written), "jsonlog"
            except (ValueError, RecursionError):
                found, capture = literal_record(written) if printed else None, "literal"
            return (found if isinstance(found, dict) else None), index, capture
    return (cut_record(body) if len(body) >= MAX_RECORD_LINES else None), None, "jsonlog"


def _hanging_record(lines: list[tuple[int, str]], opening: int, bracket: int | None, brackets: OpenBrackets
                    ) -> tuple[dict[str, Any] | None, int | None, str]:
    """The map whose bracket opens at column ``bracket`` of line ``opening`` (the window's
    ``brackets`` say where one hangs: None, none does) and goes on over the lines after it, printed
    as Python's pprint and Ruby's pp print one, up to the line that closes its brackets."""
    text = lines[opening][1]
    start = None if bracket is None else record_start(text, bracket)
    if bracket is None or start is None:
        return None, None, "literal"
    texts = unprefixed_lines([line for _, line in lines[opening : opening + MAX_RECORD_LINES]], start)
    last = brackets.closing(texts)
    if last is None:
        return None, None, "literal"
    found = literal_record("\n".join([text[start:], *texts[1 : last + 1]]))
    return found, opening + last, "literal"

