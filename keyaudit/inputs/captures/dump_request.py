"""What is known of a request being read from a text dump (:mod:`.dumps` reads one at a time):
its start, its headers so far, its body's lines and what they say of where the body ends."""

from __future__ import annotations

from dataclasses import dataclass, field

from .dump_lines import JSON_OPENERS, brackets, header_line, printed_headers
from .dump_table import Shape
from .lines import MAX_HEADERS, BodyLines, content_length
from .log_prefix import Prefix


@dataclass
class DumpRequest:
    """The request a dump's reader is in: what its lines said so far, and what they say of
    the lines still to come (whose they are, where its body ends)."""

    shape: Shape
    line: int
    method: str
    url: str | None  # absolute, or None: the target joined to the Host header
    target: str
    prefix: Prefix
    message: bool | None = None  # later lines bare (one multi-line log message); None: not yet known
    headers: list[tuple[str, str]] = field(default_factory=list)
    head_closed: bool = False  # a blank line or the end line closed the header block
    body: BodyLines | None = None
    open_brackets: int = 0  # of a body of no declared length read so far: a JSON body not yet closed goes on bare
    document: bool = False  # that body opened a JSON document: a line after it closes is not the body's
    eol: str = ""  # the line end the head's lines are written with (ngrep's `.`, socat's `\r`), taken off each
    wrapped: list[str] | None = None  # after the end line: the body's lines in its wrapper so far
    opened: bool = False  # the wrapper's opening came
    aside: bool = False  # inside a section the library writes before the wrapper (the response's)
    scheme: str | None = None  # of an origin-form target, where a line before the start said it
    gap: bool = False  # a blank line without the head's mark came last: data must follow
    bare_head: bool = False  # header lines came without the prefix: a header block logged as one message
    passed: bool = False  # a line of the head was passed over: the header block is not known whole
    elsewhere: bool = False  # another logger's record came last: the bare lines under it are its message's
    inspected: bool = False  # a map shape's head came as header lines quoted by Ruby's inspect, not as one map
    crs_shown: bool = False  # a line of the head still ends with its CR: the capture shows the CRs sent
    fed: int = 0  # lines given the reader since the start line (a writer's own, where several interleave)
    fence: str | None = None  # the rule line right above the start line (ApacheBench's `---`), that closes the block
    number: int = 0  # of the line given last

    def ended_before(self, number: int) -> bool:
        """Record that the line ``number`` is given (kept as :attr:`number`, what the next call compares with), and
        say whether it comes after a text of several lines that the line the request began on held (a logger's
        quoted value, a record's message: its lines come numbered alike): the request ended with it, and the
        lines after it are the log's, never its body."""
        held, self.number = self.fed > 0 and self.number == self.line and number != self.line, number
        return held

    def fenced(self, line: str) -> bool:
        """Whether ``line`` is the rule line the block opened under: a printer that frames what it
        printed between two rules wrote all of it by the second one, so whatever follows is not the
        body (ab prints the head it sends between `---` lines, never the body sent after it)."""
        return self.fence is not None and line.strip() == self.fence

    @property
    def unbounded(self) -> bool:
        """Whether the body is being read with nothing to bound it (no declared length, a kind of
        body no end line closes) after a start line that carried no log prefix, so that every
        line carries it: the log's next record ends the body (Logbook's HTTP format, written
        after the first line of its record)."""
        body = self.body
        return body is not None and body.expected is None and self.prefix.blank and self.shape.body in ("length", "rest")

    def take_written(self, headers: list[tuple[str, str]], body: str) -> None:
        """The head and body the next record wrote as one quoted string (:func:`.dump_lines.inspected_head`):
        the whole request, its body's line breaks as the string's escapes show them."""
        self.headers, self.head_closed, self.inspected, self.body = headers, True, True, written_body(body)

    def add_to_rest(self, line: str) -> bool:
        """One more line of a body that runs to the request's end (a `rest` body, begun), the JSON
        document it opens counted; True where the body so far was a map of header fields printed
        over lines before any header came (Node's and pprint's break a long map an entry a line,
        `print(request.headers)` before the body): those are the headers, and the body is yet to come."""
        body = self.body
        assert body is not None
        self.count_document(line)
        body.add(line)
        printed = body.value() if self.document and not self.open_brackets and not self.headers \
            and body.lines <= MAX_HEADERS else None
        headers = printed_headers(printed.decode("utf-8", "surrogateescape")) if printed else None
        if headers is None:
            return False
        self.headers, self.body, self.document = headers, None, False
        return True

    def count_document(self, line: str) -> None:
        """Count the JSON document a body of no declared length opens, ``line`` its next line (before
        it is added): a line after that document closed is not the body's. No client sends a body
        whose length it does not declare; what a log writes after a dump's undeclared one (another
        request's JSON record, a pretty-printed one) is the log's next record."""
        assert self.body is not None
        if not self.body.lines:
            self.document = line.lstrip()[:1] in JSON_OPENERS
        self.open_brackets = brackets(line, self.open_brackets)

    def take_wrapped(self, line: str) -> bool:
        """One line after the end line of a shape that prints the body after it in a wrapper (wget's
        ``[POST data: …]``; Chef's ``---- HTTP Request Body ----`` over the body's lines): whether the
        request is read — its body whole (kept), or a line that is neither the wrapper nor in a section
        the shape writes before it (the response's, passed over) ends a request that showed no body. A
        wrapper's opening alone on its line, or a close the shape writes on a line of its own, is no
        line of the body; a body's own line may end in the closing text too."""
        shape, wrapped = self.shape, self.wrapped
        assert wrapped is not None
        if self.aside:
            self.aside = shape.back is None or shape.back.match(line) is None
            return False
        if not self.opened:
            if shape.aside is not None and shape.aside.match(line):
                self.aside = True
                return False
            opening = shape.after.match(line) if shape.after is not None else None
            if opening is None:
                return True
            self.opened, line = True, line[opening.end():]
            if not line and shape.close.startswith("\n"):
                return False  # the opening alone on its line: the body begins on the next
        close = shape.close.removeprefix("\n")
        own_line = close != shape.close
        if not (line.strip() == close if own_line else line.endswith(close)):
            wrapped.append(line)
            return False
        body = BodyLines(content_length(self.headers))
        for text in wrapped if own_line else [*wrapped, line[: len(line) - len(close)]]:
            body.add(text)
        if body.expected is None or body.value(end_marked=True) is not None:
            self.body = body
            return True
        wrapped.append(line)
        return False

    def passes_over(self, text: str) -> bool:
        """Whether the shape passes over the line (Tesla's `(no query)`), written bare or under the part of the log
        prefix a transport writes before every line (`fly logs`' `<time> app[<machine>] <region> [info] `, the
        message's later lines carrying it alone): the line after that part is the line the program wrote."""
        ignore = self.shape.ignore
        return ignore is not None and (ignore.match(text) is not None
                                       or ignore.match(self.prefix.lead_rest(text)) is not None)

    def takes_bare(self, text: str) -> bool:
        """Whether a line without the prefix is the request's: the request is one multi-line
        message, or the line is a header of a header block logged as one message, or a line of a
        body that an end line bounds, or of one whose declared length is not reached yet (a body
        printed as one write, the prefix on its first line only: requests-toolbelt's dump). The
        first line after the start decides, for the rest of the request, whether it is one
        message: it is when that line is a bare header or blank line."""
        if self.elsewhere:  # a line of another logger's message, as the line above it (a text log's layout)
            return False
        if self.message or self.opened:  # a wrapper's close bounds the body's bare lines
            return True
        body = self.body
        header = body is None and header_line(self.shape.headers, text.rstrip("\r")) is not None
        if self.message is None and (header or (body is None and not text.strip())):
            self.message = True
            return True
        if body is None:  # a body appended bare to the marked head's message (Jersey's entity) opens a JSON document
            self.bare_head = self.bare_head or header
            return (header or (self.bare_head and not text.strip())
                    or (self.shape.bare_json and bool(self.headers) and text[:1] in JSON_OPENERS))
        # a header block logged as one message goes on, after its blank line, with the body (http.rb's
        # `"#{headers}\n\n#{body}"`): a JSON document's first line begins it
        opens = self.bare_head and self.shape.bare_json and not body.lines and text[:1] in JSON_OPENERS
        return (opens or self.shape.body == "end" or self.open_brackets > 0
                or (body.expected is not None and not body.complete))


def written_body(text: str) -> BodyLines:
    """A body a log holds whole on the start line or in one string, its line breaks as written."""
    body = BodyLines()
    for line in text.split("\n"):
        body.add(line)
    return body
