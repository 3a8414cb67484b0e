"""The table of text dumps (:mod:`.dump_shapes`) made ready for its reader (:mod:`.dumps`): each
entry checked and compiled into a :class:`Shape`, and the shapes grouped by the literal their start
lines share, so that a line is tried against as few start patterns as it can be.

Keys (regexes are Python `re`; `start` is searched in the line, the others matched at the start
of the line's rest after the log prefix and `lines`):
  capture   the name a finding's context gives the capture
  needle    a literal every start line holds (the start pattern is tried only on those lines)
  start     (it opens with a literal or a class and looks back, where it must, from after them: a
            pattern that opens with an assertion is tried at every position of the line)
            groups: method, and url (absolute) or target (origin-form, joined to the Host header);
            headers, when the start line lists them (Spring's [Name:"value", …], a printed map: the body
            may be printed after it, see dump_lines.printed_parts); body, the body written on the start
            line before the headers; first, the body's first line ending the start line, its others to
            come (up to the end line); flat, the header
            fields after a request line on the same line (a request whose line breaks became blanks,
            each field in braces of its own, `}{` between,
            or `..`: the group gap says which); with either, the start line is all there is; eol,
            the line end written out at the end of every line of the head (CR printed `.`, a
            literal `\r\n`), taken off each
  lines     what every later line holds right after the log prefix, or at its start when it carries
            no prefix (default: nothing)
  data      what each line of the body holds in place of the log prefix of the head's lines, where
            those carry one (a debug callback's rendering marks the data sent apart from the header
            lines sent: Insomnia's timeline, `> ` headers and `| ` data; R's httr, `-> ` and `>> `),
            taken off each: a list of such marks
  headers   plain (Name: value), quoted (Name: "value", as Ruby's inspect writes it; "name": "value", as Rust's
            Debug writes both, indented or not), aligned (indented,
            blanks allowed before the colon: `HOST   : x`, `    Name: value`), equals (Name=value), arrow
            (name => value, a Ruby hash's pair), map (the
            next line is one map of header fields, as a program prints a request's headers, and nothing
            else is — or header lines quoted, as Ruby's inspect quotes them —: any other line after the start line
            ends the request, its headers unknown), or none:
            the start line is all the library writes (its requests' headers are unknown)
  ignore    lines passed over inside a request (also matched against the whole line)
  end       the line that closes the request; its group size, when present, is the body's length; its
            group headers, the headers listed after the body (Spring's list), last the body's last line
  after     a wrapper the body is printed in right after the end line (wget's `[POST data: …]`): its
            opening, matched at the line's start; the body is what follows it, over as many lines as
            it takes, up to `close` at a line's end where the body is whole (Content-Length); an end
            line the wrapper does not follow ends a request that showed no body
  close     the text that closes that wrapper; one beginning with a line break stands on a line of its own, after
            the body's last line, as the wrapper's opening does on the line before the body's first
  aside     (with after) a line that opens a section the library writes between the end line and the wrapper
            (the response's status, headers and body, printed before the request's body): passed over up to
            a line `back` matches, after which the wrapper may come
  back      the line that closes such a section
  via       a line at most a few lines before the start line that says where the request went: its
            group port, a number or a service's name, says the scheme of an origin-form target
            (80 or http: plain HTTP; 443 or https) where the Host header names no port
  cut       lines that cut the request short (a response begins, the client's own info lines)
  body      none: no body is shown (the header block's end ends the request)
            length: after a blank line, Content-Length bytes; without one, up to a blank line
            end: after a blank line, up to the end line, whose size settles the line endings
            rest: the lines after the headers, a blank line between or not, up to the request's
            end (blank lines at its end are the log's, not the body's)
  formats   json: the library shows a JSON body as it formats it (re-indented over lines), not as it was sent:
            such a body is searched for what it carries, but a signature is not judged over it
  others    skip: other loggers' lines may come between (passed over); end: they end the request
  alone     none: a start line no header line follows is no request (a `METHOD URL` line at the
            margin is also what request files and documents write)
  above     what the line right before the start line holds (searched): a section's title the start
            line is known by (Gatling's `HTTP request:` above a `METHOD <url>` line at the margin,
            which a request file also writes)
  opens     (with body rest) the mark a library writes before the body's first line, right after
            the headers (Gatling's `stringBody=`), taken off: only a line beginning with it begins
            the body (another ends the request)
  lead      what the text before the start's match holds (searched): a log prefix's time, pid or tag
            (`VERBOSE:`, `[DEBUG]`), which a document's sentence, step or label (`Step 2: `) lacks
  mention   yes: the start line names a request in passing: it counts only where no other reading is
            near (mentions.py); inside a request being read it is that request's line
  bare      json: the library appends the body to a message as it is, so its lines may come without
            the prefix the head's lines carry: a line after the headers that opens a JSON document,
            bare or not, begins the body (which goes on bare while the document is open, and ends
            where it closes); any other line is the log's next, and ends the request
  outer     a literal that starts the line a handler around the client logs about the same request
            first, before the handlers between changed it (a signing one among them): no request of
            its own, nor is the structured log record that holds it (its fields are that line's
            method and URL); the start line's is the request as sent
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Callable

from .dump_lines import JSON_OPENERS
from .dump_named import NAMED_SHAPES
from .dump_shapes import SHAPES
from .dump_wrapped import WRAPPED_SHAPES
from .literal_search import any_literal

BODY_KINDS = frozenset({"none", "length", "end", "rest"})
HEADER_KINDS = frozenset({"plain", "quoted", "aligned", "equals", "arrow", "map", "none"})
_KEYS = frozenset({"capture", "needle", "start", "lines", "data", "headers", "ignore", "end", "after", "close", "via",
                   "cut", "body", "others", "alone", "bare", "outer", "lead", "mention", "above", "opens",
                   "aside", "back", "formats"})


@dataclass(frozen=True)
class Shape:
    """How one library writes a request (the keys are described in :mod:`.dump_shapes`)."""

    capture: str
    needle: str
    start: re.Pattern[str]
    body: str
    skip_others: bool
    lines: str = ""
    data: tuple[str, ...] = ()  # what a body's line holds in place of the head's log prefix (one of them)
    headers: str = "plain"
    alone: bool = True  # a start line without a header after it is a request (headers unknown)
    ignore: re.Pattern[str] | None = None
    end: re.Pattern[str] | None = None
    after: re.Pattern[str] | None = None  # the wrapper the body is printed in after the end line
    close: str = ""  # what closes that wrapper, at a line's end (a line of its own, where it begins with "\n")
    aside: re.Pattern[str] | None = None  # a section between the end line and the wrapper opens (the response's)
    back: re.Pattern[str] | None = None  # and closes
    via: re.Pattern[str] | None = None  # a line before the start that says where the request went
    cut: re.Pattern[str] | None = None
    bare_json: bool = False  # a bare line that opens a JSON document after the headers begins the body
    outer: str = ""  # what starts the line a handler around the client logs about the same request first
    lead: re.Pattern[str] | None = None  # what the text before the start's match holds (a log record's prefix)
    mention: bool = False  # the start line names a request in passing (see same_request.py)
    above: re.Pattern[str] | None = None  # what the line right before the start line holds
    opens: str = ""  # what begins the line the body begins on, not sent
    formats_json: bool = False  # a JSON body is shown as the library formats it, not as sent

    def shown_as_sent(self, body: bytes | None) -> bool:
        """Whether ``body``, as this shape shows it, is the bytes sent: not a JSON body the library re-indented (one
        over lines; one shown on one line was not re-indented: resty indents only where the content type is JSON)."""
        return not self.formats_json or body is None or body.lstrip()[:1] not in (b"{", b"[") or b"\n" not in body

    def body_opening(self, line: str) -> str | None:
        """The body's first line, where a line right after the headers begins it: the text after
        the mark that opens it, where the shape writes one; where the library appends the body
        bare, only a JSON document is known to be its (any other line is the log's next)."""
        if self.opens:
            return line[len(self.opens):] if line.startswith(self.opens) else None
        return line if not self.bare_json or line.lstrip()[:1] in JSON_OPENERS else None


def _shape(entry: dict[str, Any]) -> Shape:
    unknown = set(entry) - _KEYS
    if (unknown or entry.get("body") not in BODY_KINDS or entry.get("others") not in ("skip", "end")
            or entry.get("headers", "plain") not in HEADER_KINDS
            or entry.get("alone", "request") not in ("request", "none") or entry.get("bare", "json") != "json"
            or ("after" in entry) != bool(entry.get("close")) or ("after" in entry and "end" not in entry)
            or entry.get("mention", "yes") != "yes" or ("opens" in entry and entry.get("body") != "rest")
            or entry.get("formats", "json") != "json"
            or ("aside" in entry) != ("back" in entry) or ("aside" in entry and "after" not in entry)):
        raise ValueError(f"dump table: entry {entry.get('capture')!r}: unknown keys {sorted(unknown)}, or a body, "
                         f"headers, others, alone or bare value that is not one of {sorted(BODY_KINDS)}, "
                         f"{sorted(HEADER_KINDS)}, skip / end, request / none, json (bare, formats), yes (mention); "
                         f"or an after "
                         f"without an end line and a close, or opens where the body is not rest, or an aside "
                         f"without its back or without an after")
    optional = {key: re.compile(entry[key]) for key in ("ignore", "end", "after", "via", "cut", "lead", "above",
                                                        "aside", "back")
                if key in entry}
    return Shape(entry["capture"], entry["needle"], re.compile(entry["start"]), entry["body"],
                 entry["others"] == "skip", entry.get("lines", ""), tuple(entry.get("data", ())),
                 entry.get("headers", "plain"), alone=entry.get("alone", "request") == "request",
                 close=entry.get("close", ""), bare_json="bare" in entry,
                 outer=entry.get("outer", ""), mention="mention" in entry, opens=entry.get("opens", ""),
                 formats_json="formats" in entry, **optional)


@functools.cache
def shapes() -> tuple[Shape, ...]:
    """The shapes of the table (:mod:`.dump_shapes`, :mod:`.dump_wrapped`, then :mod:`.dump_named`), in the order their
    start lines are tried."""
    return tuple(_shape(entry) for entry in SHAPES + WRAPPED_SHAPES + NAMED_SHAPES)


@functools.cache
def outer_marks() -> tuple[str, ...]:
    """What starts the lines a handler around a client logs about a request before the client
    logs it as sent (see :mod:`.dump_shapes`, ``outer``): a record holding one is no request."""
    return tuple(shape.outer for shape in shapes() if shape.outer)


@functools.cache
def mention_captures() -> frozenset[str]:
    """The captures of the shapes whose start line names a request in passing (see
    :mod:`.dump_shapes`, ``mention``): a reading of one counts only where no other is near."""
    return frozenset(shape.capture for shape in shapes() if shape.mention)


_Start = tuple[str, Callable[[str], "re.Match[str] | None"], Shape]


@functools.cache
def gates() -> tuple[tuple[str, tuple[_Start, ...]], ...]:
    """The shapes in table order, in runs that share a gate: the shortest needle inside each one's
    needle (`--> ` for Feign's `---> `). A line without the gate is not tried against the run:
    most lines hold no needle at all, and this looks for fewer."""
    needles = [shape.needle for shape in shapes()]
    runs: list[tuple[str, list[_Start]]] = []
    for shape in shapes():
        gate = min((needle for needle in needles if needle in shape.needle), key=len)
        if not runs or runs[-1][0] != gate:
            runs.append((gate, []))
        runs[-1][1].append((shape.needle, shape.start.search, shape))
    return tuple((gate, tuple(starts)) for gate, starts in runs)


@functools.cache
def any_gate() -> Callable[[str], "re.Match[str] | None"]:
    """A search for any gate of :func:`gates` in a line: one look at C speed spares the most lines,
    which hold none, a look for each gate in turn."""
    return any_literal(gate for gate, _ in gates()).search
