"""Where the last record a resumable scan read ends open: a request or JSON record its writer has not finished.

A log is read while it is written, and a record may take several lines: a ``curl -v`` or HTTP-client dump writes
a request's header lines one by one, then a blank line and its body; a pretty-printed JSON record spreads over many
lines. A run that ends inside such a record reports what it can of it (as a scan without --state does), and the next
run, going on from its end, would see the rest without its request line (a JSON request's closing lines, no request
at all). As Filebeat's multiline reader keeps an event open until the next one starts, the state of a run with
``--state`` keeps where that open record begins (see :mod:`.last_line`): the next run reads the record again, whole.

Taken as open, at the end of the text read, only a record that shows a request (the rest reads alike whole or cut):
a request line with header lines under it and no blank line and no other record after them yet; one whose blank
line came but not the body its headers announce (a ``Content-Length`` not yet reached, or a method that sends one,
with nothing after the blank line); a request line alone, when a dump's ``>`` marks it (``> POST … HTTP/1.1``: curl
writes its headers next), not a bare one (``GET /v1/invoices?… HTTP/1.1``: an access log's line is a whole record);
an OkHttp request (``--> POST https://…``) before its ``--> END``; a header block whose last line the writer has
not finished (``> Autho``: no header yet, but no other record either); a JSON object or array whose braces do not
close, whatever is written of it yet (cut after its ``{`` or in ``"method": "PO``, it names no method or URL, but
the rest may) — not a bracket that prose left open (``template {name``: an opener begins a record only at its
line's end or before a quoted key). This is the text's structure, not any provider's: no host or key format is
looked for, so a request to any host is read again alike (it costs a re-read of at most ``HOLD_BYTES``).
"""

from __future__ import annotations

import re

HOLD_BYTES = 64 << 10  # an open record that began further back is not read again: the next run goes on from the end

# A request line as a dump writes it (``POST /v1/x HTTP/1.1``), or as OkHttp's logger does: ``--> POST https://…``
# (no version; its ``--> END POST`` closes the request)
_REQUEST_LINE = re.compile(rb"(?:^|[\s>\"'])(?P<okhttp>--> )?(?P<method>GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \S+"
                           rb"(?(okhttp)| HTTP/\d(?:\.\d)?)\s*$")
_ANY_REQUEST_LINE = re.compile(rb"(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \S+ HTTP/\d|--> [A-Z]")  # anywhere
_DUMP_MARK = re.compile(rb">\s?$")  # before a request line: curl's mark of what it sent
# A JSON record's opener at its line's end, or before a quoted key (an object) or value (an array)
_RECORD_OPENER = re.compile(rb"[{\[]\s*(?:$|[\"'])")
_ANY_RECORD_OPENER = re.compile(_RECORD_OPENER.pattern, re.MULTILINE)  # the same opener, anywhere in a text
# A text whose last line is a whole one-line record (``{…}``, or ``… INFO {…}`` after a prefix that is no field of
# a record: not indented, not quoted) or a record's closing line (``}`` at its start) ends at the top, in no record:
# a look at C speed spares a JSON-lines log (a bracket on every line) the walk through its last ``HOLD_BYTES``.
_TOP_END = re.compile(rb"(?:[^\s\"'{}\[\]][^\n{}\[\]]*)?(?:[{\[][^\n]*[}\]]|[}\]][^\n]*)[ \t\r]*\n?\Z")
# A header line as dumps write it: bare, or after a ``>`` (curl's mark, after a log prefix or not). A log record's
# ``done: ok`` is no header: it ends the block.
_HEADER = re.compile(rb"^(?:.*?> ?|\s*)[!#$%&'*+.^_`|~0-9A-Za-z-]+:(?:\s|$)")
_BLANK = re.compile(rb"^\s*[<>]?\s*$")
_LENGTH = re.compile(rb"content-length:\s*(\d+)", re.IGNORECASE)
_CURL_OWN = re.compile(rb"[<*](?: |$)")  # curl -v's own lines after its "> ": "* upload completely sent off", "< …"
_SENDS_BODY = {b"POST", b"PUT", b"PATCH"}
_OPENERS, _CLOSERS = b"{[", b"}]"
_BRACKETS = re.compile(rb"[{}\[\]]")
_TOKENS = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"?|[{}\[\]]')  # a string (to its line's end, when not closed), a bracket


def open_start(text: bytes, whole: bool) -> int | None:
    """The offset in ``text`` (the last bytes read, up to the end) where its last open record begins, or None.
    ``whole``: ``text`` starts at a line's start (the content's, or where the pass began); else its first line,
    cut, is not looked at."""
    first = 0 if whole else text.find(b"\n") + 1
    if not whole and first == 0:
        return None
    # Most texts (source files, logs of other things) name no request at all: a look at C speed says so.
    requests = _ANY_REQUEST_LINE.search(text, first)
    last = max(first, text.rfind(b"\n", first, len(text) - 1) + 1)  # where the last line starts
    records = None if _TOP_END.match(text, last) else _ANY_RECORD_OPENER.search(text, first)
    if requests is None and records is None:
        return None
    lines = _lines(text, first)
    starts = [start for start in (requests and _open_request(lines, not text.endswith(b"\n")),
                                  records and _open_json(lines)) if start is not None]
    return min(starts) if starts else None


def _lines(text: bytes, first: int) -> list[tuple[int, bytes]]:
    """The lines of ``text`` from ``first``, each with its offset (the last one may lack its newline)."""
    found, at = [], first
    while at < len(text):
        end = text.find(b"\n", at)
        end = len(text) if end < 0 else end
        found.append((at, text[at:end].rstrip(b"\r")))
        at = end + 1
    return found


def _open_request(lines: list[tuple[int, bytes]], cut: bool) -> int | None:
    """The offset of the last request line, when its request is not over at the end (``cut``: the last line lacks
    its end: a header line the writer is still writing, no other record)."""
    index, found = next(((i, found) for i in range(len(lines) - 1, -1, -1)
                         if (found := _REQUEST_LINE.search(lines[i][1])) is not None), (-1, None))
    if found is None:
        return None
    line, method = lines[index][1], found.group("method")
    if index == len(lines) - 1 and not _DUMP_MARK.search(line, 0, found.start("method")):
        return None  # a bare request line alone: a whole record (an access log's), not a dump's first line
    length: int | None = None
    for place in range(index + 1, len(lines)):
        line = lines[place][1]
        if _BLANK.match(line):
            return lines[index][0] if _body_pending(lines[place + 1:], method, length) else None
        if not _HEADER.match(line):
            return lines[index][0] if cut and place == len(lines) - 1 else None  # else another record began
        if (announced := _LENGTH.search(line)) is not None:
            length = int(announced.group(1))
    return lines[index][0]  # headers and no blank line after them yet


def _body_pending(after: list[tuple[int, bytes]], method: bytes, length: int | None) -> bool:
    """Whether the body a request's headers announce is still to come, given the lines after its blank line."""
    if any(_CURL_OWN.match(line) for _, line in after):
        return False  # curl -v went on to what it says itself (a body it does not print, then the response)
    if length is not None:
        written = sum(len(line) + 1 for _, line in after)
        return written < length if after else length > 0
    return not after and method in _SENDS_BODY


def _open_json(lines: list[tuple[int, bytes]]) -> int | None:
    """The offset of the line a still-open JSON object or array began on. Strings end at their line's end (JSON's
    do; a quote in prose does not leave the rest of the log inside a string), a closer with nothing open is prose's,
    and so is an opener with nothing open that does not begin a record (see ``_RECORD_OPENER``)."""
    depth, start = 0, None
    for offset, line in lines:
        if not _BRACKETS.search(line):
            continue
        for token in _TOKENS.finditer(line):
            byte = line[token.start()]
            if byte in _OPENERS and (depth or _RECORD_OPENER.match(line, token.start())):
                start = offset if depth == 0 else start
                depth += 1
            elif byte in _CLOSERS and depth:
                depth -= 1
    return start if depth else None
