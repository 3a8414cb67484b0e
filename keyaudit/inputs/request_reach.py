"""What a line says of the request around an anchor on it: how far that request reaches (the lines
the readers are given around the anchor), whether a request starts on it, whether it holds one
whole. Worked out once a line, in the engine's pass, for every anchor on it."""

from __future__ import annotations

import re

from keyaudit.engine.windows import Reach
from keyaudit.inputs.captures.json_blocks import MAX_RECORD_LINES
from keyaudit.inputs.captures.lines import VIA_LINES
from keyaudit.inputs.captures.quoted import NEWLINE, escaped
from keyaudit.inputs.captures.record_ids import id_on_line
from keyaudit.inputs.captures.request_parts import PART_LINES
from keyaudit.inputs.captures.result_sets import TABLE_LINES
from keyaudit.inputs.captures.runtime_pieces import goes_on
from keyaudit.model.exchange import REQUEST_SPAN_LINES

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
# a member of a pretty-printed object: the object is read whole up to its bound whichever of its lines the anchor is
# on, however many lines its values take (a body's bytes a line each, as JSON.stringify(…, null, 2) writes a Buffer)
JSON_MEMBER_REACH = Reach(MAX_RECORD_LINES, MAX_RECORD_LINES)
# a string item of a list pretty-printed over lines, a cell of a result set's row maybe: its table (that names the
# cells' columns) opens above the list of rows, past the list of names (:data:`.captures.result_sets.TABLE_LINES`)
STRING_ITEM_REACH = Reach(TABLE_LINES, 2 * REQUEST_SPAN_LINES)
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
JSON_MEMBER_TEXT = re.compile(_JSON_MEMBER.pattern.decode())
# a string item of an array pretty-printed over lines (a row of a result set's values): the objects around it open as
# far above as a member's do (a command's last line, a quoted URL alone, is no member: its reader starts above it)
_STRING_ITEM = re.compile(rb'[ \t]+"' + escaped('"', NEWLINE).encode() + rb'",?\r?$')
_CONTINUATIONS = (b"\\", b"^", b"`")  # a shell command goes on: POSIX shells, cmd.exe, PowerShell
# an access log's request field: the request line quoted whole, then the status, a `-` or the next quoted field
# (combined log format, Envoy, an ALB) — not a wire log's `>> "POST … HTTP/1.1[\r][\n]"` nor its line alone
_ACCESS_FIELD = re.compile(rb'"[A-Z]{3,7} [^\s"]+ HTTP/\d(?:\.\d)?" (?:\d{3}\b|-|")')

def reach_of(line: bytes, reach: Reach) -> Reach:
    """How far the request of an anchor on ``line`` reaches (see :func:`_line_reach`); on a container runtime's
    piece of a long line that later pieces go on (Docker cuts at 16 KiB), into those pieces too."""
    found = _line_reach(line, reach)
    return Reach(found.before, max(found.after, REQUEST_SPAN_LINES)) if goes_on(line) else found


def _line_reach(line: bytes, reach: Reach) -> Reach:
    """How far the request of an anchor on ``line`` reaches, where the line tells, whatever the anchor: none
    around a line holding a whole request (but the lines its body's record may follow it by, where it carries
    the request's id: :mod:`.captures.record_ids`; one-line records, a JSON record or an access log's line,
    read together when they are near); a request's span after a request's first line (its headers
    may follow a host on it), nothing before it — but the line above one at the margin (a dump's section
    title), and the few lines that may say where it went (a packet capture's ports), where its target names
    no scheme; a record's bound above and below a member of a pretty-printed JSON object (the objects around it open
    up to that far above, past a URL in parts, lists of headers and a body's bytes a line each, and close as far
    below); a table's lines above a string item of a list (a row's cell: :data:`STRING_ITEM_REACH`). Else ``reach``,
    what the anchor's kind is given."""
    if holds_whole_request(line):
        records = bracketed(line.strip()) or (b" HTTP/" in line and _ACCESS_FIELD.search(line) is not None)
        return Reach(0, PART_LINES) if id_on_line(line) else RECORD_LINE_REACH if records else WHOLE_LINE_REACH
    if (found := _request_start(line)) is not None:
        return (FIRST_LINE_REACH if found.start() else MARGIN_REACH) if found.group("absolute") else ORIGIN_FORM_REACH
    if _JSON_MEMBER.match(line):
        return JSON_MEMBER_REACH
    return STRING_ITEM_REACH if _STRING_ITEM.match(line) else reach


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
    the next records of its logger hold the headers); a curl command that does not go on to the
    next line (no continuation character at its end, its quotes closed); or an access log's record,
    its request line a quoted field (no header is ever logged below it). A request dumped as text
    is not one, even where each of its lines is a JSON envelope (holding one line of the dump, its
    method in no field)."""
    text = line.strip()
    if bracketed(text):  # an object, or an array of them
        return _METHOD_FIELD.search(text) is not None and (b"eader" in text or _request_start(text) is None)
    return (b"curl " in text and text[-1:] not in _CONTINUATIONS
            and text.count(b"'") % 2 == 0 and text.count(b'"') % 2 == 0) or (
        b" HTTP/" in text and _ACCESS_FIELD.search(text) is not None)


def bracketed(text: bytes) -> bool:
    """Whether a stripped line is one JSON object or array, not one a log prefix's ``[<time>] `` begins."""
    return (text[:1], text[-1:]) in ((b"{", b"}"), (b"[", b"]"))
