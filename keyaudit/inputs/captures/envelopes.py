"""Log lines wrapped by whatever shipped them, unwrapped for the readers of requests written as
text: a container runtime's JSON line (``{"log": "--> POST https://…\\n", "stream": "stdout"}``), a
JSON or logfmt record whose message is the text (logrus's ``msg="Host: api.iugu.com"``), a batch of
such records (a CloudWatch Logs subscription's ``logEvents``: each event's message a log line), a
request dump written inside a quoted string with its line breaks escaped (``dump="POST /v1/…
HTTP/1.1\\r\\nHost: …"``, as Go's slog and zap, or any logger quoting a value, write one — in a JSON record
too, beside a message of one line), the
prefix a transport writes before each line (syslog's, docker compose's, kubectl's, Heroku's) and
the control characters rsyslog escaped after it, a binary length frame (Docker's multiplexed
stream, a journald export's binary field), and the CRI prefix (``<time> stdout F <text>``). A long
line a runtime cut in pieces (CRI's ``P`` pieces, Docker's of 16 KiB) is first joined back into the
line written (:mod:`.runtime_pieces`), as are the pieces of an offset dump (curl's
``--trace-ascii``: a header cut every 64 bytes; a hex dump's rows, 16 bytes each). And a line that
is one JSON string, an item of an array of strings written one a line: a text kept as the list of
its lines (a Jupyter notebook's stream output and cell source, nbformat's ``"text": ["POST
https://…\\n", …]``), each string the line it holds.

A message written in a chat's markup (a Slack export's: links ``<url|label>``, escapes, code fences
glued to the text) is the text as the person pasted it (:mod:`.chat_markup`).

The readers of curl commands and wire dumps see the text the program wrote, line by line, with
each line keeping the number of the envelope line it came from.
"""

from __future__ import annotations

import json
import re
from typing import Collection, Iterable, Iterator

from keyaudit.engine.hex_rows import MARKERS as HEX_MARKERS, ZERO_OFFSET
from keyaudit.engine.offset_dump import MARK
from keyaudit.engine.unwrap import ansi

from .chat_markup import chat_text
from .continued_values import NEEDLES as VALUE_NEEDLES, joined_values
from .lines import python_literal
from .logfmt import logfmt_record
from .message_templates import template_message
from .offset_dumps import joined_blocks
from .quoted import NEWLINE, escaped
from .record_views import message_of, role
from .recordings import MARK as OUTPUT_MARK, joined_output
from .records import json_object
from .runtime_pieces import CRI_PREFIX, MARKS as PIECE_MARKS, joined_pieces
from .terminal_rows import joined_rows
from .traced_calls import MARKS as CALL_MARKS, joined_calls

# The logger a record names (.NET's Category, Serilog's SourceContext, Logback's logger_name, Monolog's
# channel): written before its message's first line, as a text log's prefix is, so that a dump's reader
# joins the records of one logger (a start line, then the headers in the next record) and passes over
# the lines of another's between them.
LOGGER = frozenset({"logger", "loggername", "category", "categoryname", "sourcecontext", "channel"})
# The prefix a log's transport writes before every line a program wrote, whatever the program's own
# logger wrote after it on the first line of a message only: syslog (BSD, with an ISO time as
# rsyslog and journalctl -o short-iso write it, and RFC 5424), docker compose's `service-1  | `, pm2's `0|app  | `,
# kubectl logs --prefix's `[pod/name/container] `, Heroku's logplex `app[web.1]: `. A syslog host is
# no log level: `<time> DEBUG Host: api.iugu.com` is an application's line with a header, not a
# message from the host DEBUG's program Host.
_TRANSPORT = re.compile(r"(?:\d{4}-\d\d-\d\dT\S+ (?:app|heroku)\[[\w.-]+\]: "
                        r"|(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\S*) "
                        r"(?!(?i:trace|debug|dbg|info|inf|notice|warn|warning|wrn|error|err|erro|fatal|crit|critical)\b)"
                        r"[^\s:\[\]]+ [\w./@-]+(?:\[\d+\])?: "
                        r"|<\d{1,3}>1 \S+ \S+ \S+ \S+ \S+ (?:-|\[.*?\]) "
                        r"|[\w.-]+ +\| |\d+\|[\w.-]+ +\| |\[pod/[^\]\s]+\] )")
# rsyslog's escape of a control character it received ($EscapeControlCharactersOnReceive, on by
# default: `#` and the byte's three octal digits, `#015#012` for CR LF), taken back where a message's
# line feeds were escaped; and the NUL a syslog client may end a message with (Python's SysLogHandler,
# append_nul), `#000` at its end, which is no part of the message.
_CONTROL_ESCAPE = re.compile(r"#0[0-3][0-7]")
# A binary length frame written before the text it counts, 8 bytes holding NULs: the header of
# each frame of Docker's multiplexed stream (the Engine API's attach and logs without a TTY, saved
# as they come: the stream, 1 or 2, three NULs, the size as 32 bits big-endian), or a size as 64
# bits little-endian (journald's export format before a field that holds line breaks, whose name
# is the line above). No text begins with NULs: what follows is what a program wrote.
_FRAME = re.compile(r"[\x00-\x02]\x00\x00\x00[^\n]{4}|[^\n]{3}\x00{5}")
_ESCAPED_LF, _ESCAPED_NUL = "#012", "#000"
# a request line whose line end is written as its escapes (CR LF as `\r\n`, or a lone LF, as a
# client that normalised its dump's line ends writes it, as `\n`): a dump inside a quoted string.
# The method starts where a run of capitals does: tried from every capital of a run, each try
# reading to the run's end, a long run cost its length squared (minutes for a line of 400 KB).
# (its `/` escaped as JSON may escape it: `HTTP\/1.1`, as PHP's json_encode and Slack's exports write it)
_ESCAPED_REQUEST_LINE = re.compile(r"(?<![A-Z])[A-Z]+ \S+ HTTP\\?/\d(?:\.\d)?(?:\\r)?\\n")
_UNESCAPED_QUOTE = re.compile(r'(?<!\\)(?:\\\\)*"')
# a line that is one JSON string and nothing else but blanks and the comma after an array's item
_STRING_LINE = re.compile(r'[ \t]*("' + escaped('"', NEWLINE) + r'")[ \t]*,?[ \t\r]*')
# a line that is one member of a JSON object printed over lines, its value a string: a record's message where its name
# is one (`aws logs filter-log-events` prints each event so, `"message": "<the line logged>",`)
_MEMBER_LINE = re.compile(r'[ \t]*("\w+": "' + escaped('"', NEWLINE) + r'")[ \t]*,?[ \t\r]*')
_CALL_ARGUMENT = ("(", ",")  # what a quoted argument of a printed call follows
_DECODER = json.JSONDecoder()
# What a window's text holds where a step of :func:`joined` may change its lines: marks, looked for with the
# other readers' at once (:mod:`keyaudit.engine.marks`)
MARKS: dict[str, tuple[str, ...]] = {
    **PIECE_MARKS, "recording": (OUTPUT_MARK,), "continued-values": VALUE_NEEDLES,
    "traced-calls": CALL_MARKS,
    "offset-dump": (MARK,)}
MAX_BATCH_NESTING = 3  # lists of records inside records of a batch, opened at most this deep
MAX_ENVELOPES = 4  # envelopes opened inside one another on a line, at most (a frame, a transport, a runtime's, a record)


def joined(lines: list[tuple[int, str]], leads: dict[int, int], every: str, present: Collection[str]
           ) -> tuple[list[tuple[int, str]], dict[int, int]]:
    """The lines with a container runtime's pieces of each written line joined into one line numbered
    as its first piece, and the anchored lines (``leads``) with an anchor on any piece moved to the
    joined line (:mod:`.runtime_pieces`), and so a record a terminal cut into rows at its width
    (:mod:`.terminal_rows`); then a terminal recording's
    output events as the lines the terminal showed (:mod:`.recordings`); then a record's value a
    logger wrote on the lines below it put back into the record's line (:mod:`.continued_values`);
    then the calls a traced process wrote one request in, as the text they wrote (:mod:`.traced_calls`);
    then the pieces of each block of bytes an offset dump shows (:mod:`.offset_dumps`) joined into
    the lines of its text. ``every``: the lines' text; ``present``: which of :data:`MARKS` it holds
    (most windows hold none). The lines are given back as they came where no step ran."""
    lines, leads = joined_rows(*joined_pieces(lines, leads, every, present))
    if "recording" in present:
        lines, leads = joined_output(lines, leads)
    if "continued-values" in present:
        lines, leads = joined_values(lines, leads, every)
    if "traced-calls" in present:
        lines, leads = joined_calls(lines, leads)
    dumped = "offset-dump" in present or _hex_dump_anchored(lines, leads, every)
    return joined_blocks(lines, leads) if dumped else (lines, leads)


def _hex_dump_anchored(lines: list[tuple[int, str]], leads: dict[int, int], every: str) -> bool:
    """Whether one of the anchored lines (``leads``) holds a hex dump's first row: the first row
    is a request anchor, so the engine's pass anchored the window on it, and only those few lines
    are looked at (a look through the window's text, ``every``, for each format's first row cost
    more than 1% of a mixed log's scan). Where the lines are not numbered one after another (CRI
    pieces joined), the text is looked through for the zero offset every first row holds."""
    first = lines[0][0] if lines else 0
    for number in leads:
        index = number - first
        if not (0 <= index < len(lines) and lines[index][0] == number):
            return ZERO_OFFSET in every and any(marker in every for marker in HEX_MARKERS)
        if ZERO_OFFSET in lines[index][1] and any(marker in lines[index][1] for marker in HEX_MARKERS):
            return True
    return False


def unwrapped(lines: Iterable[tuple[int, str]], held: HeldTexts | None = None) -> Iterator[tuple[int, str]]:
    """The lines, with each envelope replaced by the lines of the text it holds (``held``: what the texts of the
    window the lines are of hold, as far as worked out)."""
    held = HeldTexts() if held is None else held
    for number, text in lines:
        inner = held[text]
        if inner is None:
            yield number, text
        else:
            yield from ((number, part) for part in inner.split("\n"))


class HeldTexts(dict[str, "str | None"]):
    """The text each line's text holds as an envelope (see :func:`held_text`), worked out once a distinct text: the
    readers of one window ask about the same lines (the line readers, the anchors' leads, the reader of records
    over lines), and a log repeats the text of its lines (a dump's header lines, a poll's records)."""

    def __missing__(self, text: str) -> str | None:
        held = self[text] = held_text(text)
        return held

    def line(self, text: str) -> str | None:
        """The one line an envelope line holds, as :func:`unwrapped` gives it (a container runtime's JSON line:
        Docker's json-file log keeps each line a program wrote as ``{"log": "<line>\\n", "stream": …}``); None where
        the line is no envelope, or holds more than one line."""
        held = self[text]
        return None if held is None or "\n" in held else held


def held_text(text: str) -> str | None:
    """The text an envelope line holds, as :func:`unwrapped` gives it (its lines joined by line feeds), or None
    where the line is no envelope: the text the readers of lines read (a member of a JSON object printed over lines
    that is its record's message, ``"message": "<the line logged>",``, is a line of the log, not a part of a request
    record)."""
    inner = _message(text)
    return None if inner is None else _held(inner)


def _held(inner: str) -> str:
    """The text an envelope holds as its program wrote it: a chat's markup undone (:mod:`.chat_markup`), the last
    line break left off, and the terminal's escapes (colours) taken out, as a file's own lines have them taken out
    before a reader sees them (:func:`keyaudit.inputs.line_layers.reader_text`): a shipper keeps them escaped
    (``\\u001b[32m``), where the engine's pass over the file's bytes cannot see them."""
    text = chat_text(inner).rstrip("\n")
    if "\x1b" not in text:
        return text
    plain = ansi(text.encode("utf-8", "surrogateescape"))
    return text if plain is None else plain[0].decode("utf-8", "surrogateescape")


def _message(text: str, depth: int = 0) -> str | None:
    """The text an envelope line wraps, or None when the line is no envelope: a record's message,
    or the messages of the records a batch lists under one of its members, a line each."""
    frame = _FRAME.match(text) if "\x00" in text[:8] else None
    if frame is not None:  # one frame a line; a run of NULs (a file copied while truncated) is no text either
        inner = text[frame.end():].lstrip("\x00")
        return inner if "\x00" in inner[:8] else _inner_message(inner, depth)
    cri = CRI_PREFIX.match(text)
    if cri is not None:
        return text[cri.end():]
    transport = _TRANSPORT.match(text)
    if transport is not None:  # what a program wrote, itself perhaps an envelope (a container's JSON line)
        inner = _unescaped_controls(text[transport.end():])
        return _inner_message(inner, depth)
    record = json_object(text)
    if record is None:
        string = _STRING_LINE.fullmatch(text) if '"' in text[:1] or text[:1].isspace() else None
        if string is not None:
            return _json_string(string.group(1))
        member = _MEMBER_LINE.fullmatch(text) if text[:1].isspace() and '": "' in text else None
        if member is not None and (one := json_object("{" + member.group(1) + "}")) is not None:
            return message_of(one)
        dump = _member_dump(text)
        if dump is not None or "msg=" not in text and "message=" not in text:
            return dump
        record = logfmt_record(text)  # logrus's and slog's text: the message is the `msg` pair's
        return None if record is None else _own_message(record)
    own = _own_message(record)
    if own is None:  # a batch's events, a line each
        own = "\n".join(event.rstrip("\n") for event in _events(record)) or None
    if own is not None and "\n" in own:
        return own
    dump = _member_dump(text)  # beside a message of one line (zap's `"msg"`), or none
    return own if dump is None else dump


def _events(batch: dict[str, object], depth: int = 0) -> Iterator[str]:
    """The messages of the records a batch lists under its members, in the order written: of a list's records that
    have none, those of the records they list in turn, :data:`MAX_BATCH_NESTING` lists deep at most (an OTLP export
    groups its log records by resource, then by scope: ``resourceLogs[].scopeLogs[].logRecords[]``)."""
    for value in batch.values():
        for item in value if isinstance(value, list) else ():
            if isinstance(item, dict):
                own = _own_message(item)
                if own is not None:
                    yield own
                elif depth + 1 < MAX_BATCH_NESTING:
                    yield from _events(item, depth + 1)


def _inner_message(inner: str, depth: int) -> str:
    """What a frame's or a transport's text wraps in turn (a container's JSON line under syslog's
    prefix), or the text itself: opened :data:`MAX_ENVELOPES` deep at most — a line of a prefix
    repeated a hundred thousand times is text after the first few, not as many envelopes."""
    return (_message(inner, depth + 1) if depth < MAX_ENVELOPES else None) or inner


def _unescaped_controls(text: str) -> str:
    """A transported message with rsyslog's control escapes taken back, where its line feeds are
    escaped (see :data:`_CONTROL_ESCAPE`); else as it is."""
    if _ESCAPED_LF not in text:
        return text
    return _CONTROL_ESCAPE.sub(lambda escape: chr(int(escape.group()[1:], 8)), text.removesuffix(_ESCAPED_NUL))


def _member_dump(text: str) -> str | None:
    """The request dump a line holds in a quoted value of any name (see :func:`_quoted_dump`), or None. In a JSON
    record too, where the value is not its message: zap's ``"dump": "POST /v1/… HTTP/1.1\\r\\n…"`` beside
    ``"msg": "outgoing request"``, as ``zap.ByteString("dump", httputil.DumpRequestOut(…))`` writes it, holds the
    request's text as a message would, and the record's one-line message only says what it is."""
    return _quoted_dump(text) if "\\n" in text and (" HTTP/" in text or " HTTP\\/" in text) else None


def _quoted_dump(text: str) -> str | None:
    """The text of the quoted string that holds a request line whose line end (CR LF, or a lone
    LF) is escaped, or None: the string opens at the last quote before that line, and is a named
    value (``key="…"``, ``"key": "…"``: JSON's and Go's escapes) or an argument of a call (``(…,
    "…"``: C's escapes, as strace prints the bytes a program writes: ``sendto(12, "POST …\\r\\n…",
    712, …)``). A wire log's quoted chunk (``<- "…"``, ``>> "…"``) is none: its reader puts the
    chunks of one request together."""
    line = _ESCAPED_REQUEST_LINE.search(text)
    if line is None:
        return None
    quotes = [quote.end() - 1 for quote in _UNESCAPED_QUOTE.finditer(text, 0, line.start())]
    before = text[: quotes[-1]].rstrip() if quotes else ""
    if before.endswith(_CALL_ARGUMENT):
        return _c_string(text, quotes[-1])
    if not before.endswith(("=", ":")):
        return None
    try:
        found, _ = _DECODER.raw_decode(text, quotes[-1])
    except ValueError:
        return None
    return found if isinstance(found, str) else None


def _json_string(literal: str) -> str | None:
    """The text of a JSON string literal, or None where an escape is none of JSON's."""
    try:
        return _DECODER.decode(literal)
    except ValueError:
        return None


def _c_string(text: str, start: int) -> str | None:
    """The text of the C string literal that opens at ``text[start]`` (a byte that is no printable
    ASCII written in octal, ``\\303``), its bytes read as UTF-8; None where it is no literal."""
    end = _UNESCAPED_QUOTE.search(text, start + 1)
    found = python_literal("b" + text[start : end.end()]) if end is not None else None
    return found.decode("utf-8", "surrogateescape") if isinstance(found, bytes) else None


def _own_message(record: dict[str, object]) -> str | None:
    """A record's message (a template's, filled: :mod:`.message_templates`), after the record's logger where it
    names one (see :data:`LOGGER`): before its first line, as a text log's prefix; its later lines are the
    message's own, as a text log writes them (a body over lines is the body's lines, not records of their own)."""
    message = message_of(record)
    message = template_message(record) if message is None else message
    logger = next((value for key, value in record.items() if role(key) in LOGGER and isinstance(value, str)), "")
    if message is None or not logger or "\n" in logger:
        return message
    return f"{logger} {message}"
