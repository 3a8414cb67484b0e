"""Requests a program logs part by part, one labelled line a part: ``Request URL: https://…``,
``Request method: POST``, ``Request headers: {'Content-Type': …}``, ``Request body: {…}`` — as
debugging code writes them with print statements or logger calls (``log.info("Request URL: {}",
url)``), each line behind the log's prefix or none, the labels worded as each author liked.

A label says a part as a structured record's member name says it, so the labels are read by the
roles the record reconstructor knows (:mod:`.records`), not by a table of wordings: a run of
labelled lines is a record, one member a line, and the reconstructor reads it (a headers map
printed in any notation, a request line, a body). The run begins at a line whose label names the
method, the URL or the request line, or whose value is a request line whatever the label says (or a
method in brackets before a URL ends it, unlabelled); the next lines carry the same prefix (or its
outer part, where only the first line bore a tag) and a label of their own, or go on a value whose
brackets are still open (a JSON body over lines), or, after a label with no value, are that value
(``Body:`` and the body below it). Any other line ends the run.

A logger writes its prefix once a message: the lines of a message logged at once (``log.info("Request URL: {}\n
Request Headers:\n{}", …)``) go on bare after the first, which alone bears the prefix, up to a line that opens the
log's next record. A headers label with no value has the headers below it, as a program prints a map entry by entry:
``Name: value`` lines indented under the label (or not, up to a label that names another part), or a JSON document.
A run of a mapping YAML writes (a blank prefix, and its method a ``method: POST`` key: Step CI's and Ansible's
request steps, a mock's recording) has its nested values read by the YAML reader (:mod:`.yaml_records`), which
knows block scalars and nested maps; read here as lines, a ``body: |`` would be a body of ``|``.

A program may write its own tag before each part, after the log's prefix, and its labels without a colon where the
value opens a document: an OpenCart extension's ``$this->log->write('IUGU :: POST ' . $url)``, then ``'IUGU :: REQUEST
HEADERS ' . print_r($headers, true)`` and ``'IUGU :: REQUEST BODY ' . $body``. A run whose first line is a request
line behind a tag (its colon single or double) reads its other lines after that tag too, where a label of words that
name a part (by role, as any label) needs no colon before a JSON bracket or print_r's ``Array`` (in a run of no tag,
``headers {`` opens protobuf's text format's message, not a document: :mod:`.text_format`); print_r's array is a
part's value from its ``(`` on the line below to the ``)`` under it, with the blank line print_r writes after it.
"""

from __future__ import annotations

import re
from typing import Iterator

from keyaudit.model.exchange import REQUEST_SPAN_LINES, Exchange, Origin

from .dump_lines import brackets
from .lines import MAX_BODY_BYTES, NOTHING, split_header
from .literals import printed_value
from .log_prefix import Prefix, learned_prefix, starts_record
from .php_printed import printed_array
from .record_bodies import BODY
from .record_views import role, spellings
from .record_urls import HOST, PATH, QUERY, URL
from .records import HEADERS, METHOD, REQUEST_LINE, request_of
from .yaml_records import method_key

# The label before a part: up to three words, then a colon (blanks before it, where a printer
# aligned the labels: `Method      : POST`) and a blank or the line's end.
_LABEL = re.compile(r"([A-Za-z][A-Za-z0-9_-]*(?:[ \t][A-Za-z][A-Za-z0-9_-]*){0,2})[ \t]*:(?:[ \t]+|$)")
# How the last word of a label naming an opening part ends (`Request URL`, `requestUri`, `Method
# name`, `Request line`), looked for before a label's colon: most lines hold such a colon, few such a
# label. (Not `type`, for `Method type`: every dump's `Content-Type: …` would be looked at twice.)
_OPENING_ENDS = ("method", "verb", "url", "uri", "href", "endpoint", "path", "name", "stem", "line", "request")
MAX_LABEL_TRIES = 3  # the places of a line a label may end at
# A label's value that is a request line, a method and an absolute URL alone: the part it says, whatever the label's
# words (httplog's `[httplog] Sending: POST https://…`, then a `Header: name: value` line a header, `Data: <body>`).
_REQUEST_LINE_VALUE = re.compile(r"[ \t]*(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) https?://\S+[ \t]*$")
# The same with the method in brackets and no label, ending the line (talker_dio_logger's `[http-request] [POST] <url>`)
_BRACKETED_REQUEST = re.compile(r"\[(?P<method>GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\] (?P<url>https?://\S+)[ \t]*$")
# A part's label with no colon: its words, then a value that opens a document (JSON's bracket, print_r's `Array`)
_BARE_LABEL = re.compile(r"([A-Za-z][A-Za-z0-9_-]*(?:[ \t][A-Za-z][A-Za-z0-9_-]*){0,2})[ \t]+(?=[{\[]|Array[ \t]*$)")
_BEFORE_LABEL = " \t:]>|)"  # what a label's first word follows: a blank, or a log prefix's end (`INFO:root:`)
MAX_PREFIX_CHARS = 256  # before a run's first label: a logger's prefix, not a sentence
_LINE_LABELS = spellings(*REQUEST_LINE)  # a label before `METHOD <url>`: a record's request line, qualified or not
# What every line :func:`_opening_label` may find a label on holds, and more lines (see :mod:`.reader_gate`): the
# last three letters of an opening label in either case (no character past ASCII lowers to one of them), then its
# colon (a tag's double one) and a blank; or a method, its bracket or none, and an absolute URL (a request line as a
# label's value, or bracketed).
_CUES: tuple[str | re.Pattern[str], ...] = (
    re.compile("(?:" + "|".join("".join(f"[{letter}{letter.upper()}]" for letter in end[-3:])
                                for end in _OPENING_ENDS) + r")[ \t]*:?:[ \t]"),
    re.compile(r"(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\]? https?://"))
OPENING = METHOD | URL | PATH | _LINE_LABELS  # the parts a run begins with (a URI's label is a path's)
PARTS = OPENING | HEADERS | BODY | HOST | QUERY  # the parts a label may name
SHOWN = HEADERS | BODY  # the parts a run must name besides its method and URL to be a request
# Which part each label names, whatever its words (`Method`, `Request Method`): a run that hears one again has ended
_PART_OF = {spelling: index for index, part in enumerate((METHOD, URL, PATH, _LINE_LABELS, HEADERS, BODY, HOST, QUERY))
            for spelling in part}


class PartLinesReader:
    """A run of labelled lines, read as the record they make; at most one run is read at a time."""

    capture = "part-lines"
    cues = _CUES

    def __init__(self, path: str) -> None:
        self.path = path
        self._run: _Run | None = None

    @property
    def busy(self) -> bool:
        return self._run is not None

    @property
    def resting(self) -> bool:
        return self._run is None

    def feed(self, number: int, text: str) -> Iterator[Exchange]:
        """The request of the run the line ends, if any (no generator made a line: most lines
        give nothing, and are read in every window of a log)."""
        run = self._run
        if run is not None and run.takes(number, text):
            return NOTHING
        label = _opening_label(text)
        self._run = None if label is None else _Run(number, *label)
        return NOTHING if run is None else run.requests(self.path)

    def close(self) -> Iterator[Exchange]:
        run, self._run = self._run, None
        if run is not None:
            yield from run.requests(self.path)


def _opening_label(text: str) -> tuple[Prefix, str, str, str] | None:
    """The prefix, label and value of a line that begins a run (its label names the method, the
    URL or the request line, or its value is a request line; a bracketed method and a URL end it), or None; and
    the tag the label is where it names no part (its value a request line: `IUGU :: POST https://…`)."""
    if "] http" in text and (bracketed := _BRACKETED_REQUEST.search(text)) is not None:
        return learned_prefix(text[: bracketed.start()]), "request", f"{bracketed['method']} {bracketed['url']}", ""
    limit, colon = MAX_PREFIX_CHARS + 64, -1
    for _ in range(MAX_LABEL_TRIES):
        # the next colon a blank follows: string searches, as a colon is in most lines and a label in few
        blank, tab = text.find(": ", colon + 1, limit), text.find(":\t", colon + 1, limit)
        colon = blank if tab < 0 or 0 <= blank < tab else tab
        if colon < 0:
            return None
        end = colon - (text[colon - 1 : colon] == ":")  # a tag's double colon (`IUGU :: POST https://…`)
        while end and text[end - 1] in " \t":
            end -= 1
        # the label is the last one to three words before the colon: the longest that names a part
        if text[max(0, end - 8) : end].lower().endswith(_OPENING_ENDS):
            for start in _word_starts(text, end):
                if role(name := text[start:end]) in OPENING:
                    return learned_prefix(text[:start]), name, text[colon + 1 :].lstrip(" \t"), ""
        if _REQUEST_LINE_VALUE.match(text, colon + 1) and (starts := _word_starts(text, end)):
            tag = text[starts[-1] : colon + 1]
            return learned_prefix(text[: starts[-1]]), "request", text[colon + 1 :].strip(" \t"), tag
    return None


def _word_starts(text: str, end: int) -> list[int]:
    """Where the last one, two and three words before ``end`` begin, longest first."""
    starts: list[int] = []
    at = end
    while len(starts) < 3 and at > 0:
        word = at
        while word > 0 and (text[word - 1].isalnum() or text[word - 1] in "_-"):
            word -= 1
        if word == at or not text[word].isalpha() or (word and text[word - 1] not in _BEFORE_LABEL):
            break  # no word, or one that goes on a token before it (`payouts.iugu`)
        starts.append(word)
        if word and text[word - 1] not in " \t":
            break  # a prefix's end (`INFO:root:`, `[main]`): no word of the label before it
        at = word - 1
    return starts[::-1]


class _Run:
    """The labelled lines read so far: the record they make, member by member."""

    def __init__(self, number: int, prefix: Prefix, label: str, value: str, tag: str = "") -> None:
        self.line = number
        self.prefix = prefix
        self.tag = tag  # a program's own tag before each part, after the log's prefix (`IUGU :: `)
        self.members: list[tuple[str, list[str]]] = [(label, [value] if value.strip() else [])]
        self.open = brackets(value, 0)
        self.printed: str | None = None  # a print_r value's next line: `Array`'s `(`, then the `)` that closes it
        self.closed = False  # a print_r value just closed: the blank line print_r ends it with is the run's
        self.size = len(value)  # of the text held: past MAX_BODY_BYTES the run gives no request
        self.listing = False  # headers listed below their label, one `Name: value` line each
        self.listed: set[int] = set()  # the members whose values were so listed
        self.yaml = prefix.blank and method_key(label + ": " + value)  # a YAML mapping: see above

    def takes(self, number: int, text: str) -> bool:
        """Whether the line is the run's: a line of a value still open or yet to come, or a
        labelled line behind the run's prefix."""
        if number - self.line >= REQUEST_SPAN_LINES:
            return False
        name, value = self.members[-1]
        rest = self.prefix.rest(text)
        if rest is None and (outer := self.prefix.outer(text)) is not None and _LABEL.match(outer[1]):
            # the message's other lines carry the outer part of its first line's prefix (a tag on the first alone)
            self.prefix, rest = outer
        if rest is None and text.strip() and not self.prefix.opens_record(text) and not starts_record(text):
            rest = text  # the message's later lines, bare: its first alone bore the prefix
        if self.listing and rest is not None and self._listed(rest, value):
            return True
        if self.printed is not None and (self.printed != "Array" or text.strip() == "("):
            # print_r's array as a part's value (`REQUEST HEADERS Array`): its `(` below, up to the `)` under the `(`
            if self.printed == "Array":
                self.printed = _indent(text) + ")"
            elif text.rstrip() == self.printed:
                self.printed, self.closed = None, True
            self.size += len(text)
            value.append(text)
            return True
        if self.closed and not text.strip():
            self.closed = False
            return True
        self.printed, self.closed = None, False
        if self.open or (not value and role(name) in BODY and text.strip()):
            # a value's next line, bare or behind the prefix (a logger that prefixes each line of a message)
            line = text if rest is None or self.prefix.blank else rest
            self.size += len(line)
            if self.size <= MAX_BODY_BYTES:  # past it, only counted
                value.append(line)
            self.open = brackets(line, self.open)
            return True
        if rest and self.tag and rest.startswith(self.tag):
            rest = rest[len(self.tag) :].lstrip(" \t")
        labelled = (_LABEL.match(rest) or (_bare_label(rest) if self.tag else None)) if rest else None
        if labelled is None:
            return False
        said, more = role(labelled.group(1)), rest[labelled.end():]
        part = _PART_OF.get(said)
        if part is not None and any(_PART_OF.get(role(name)) == part for name, _ in self.members) and not (
                said in HEADERS and _header_lines(said, [_value(more.strip())])):
            return False  # a part said again (but a header a line): the next request's (its URL), or an answer's
        self.size += len(more)
        self.members.append((labelled.group(1), [more] if more.strip() and self.size <= MAX_BODY_BYTES else []))
        self.open = brackets(more, 0)
        self.printed = "Array" if more.strip() == "Array" else None
        self.yaml = self.yaml or (self.prefix.blank and method_key(rest))
        self.listing = not more.strip() and said in HEADERS and not self.yaml
        return True

    def _listed(self, rest: str, value: list[str]) -> bool:
        """Whether a line is one of the headers listed below their label (indented under it, or a header line whose
        name names no other part), or opens the JSON document they are printed as; taken into ``value`` if so."""
        line = rest.strip()
        header = split_header(line)
        if header is not None and (rest[:1] in " \t" or role(header[0]) not in PARTS - HOST):
            value.append(line)
        elif not value and line[:1] in "{[":
            value.append(line)
            self.open = brackets(line, 0)
            self.listing = False  # the document goes on as any value whose brackets are open
        else:
            self.listing = False
            return False
        self.listed.add(len(self.members) - 1)
        self.size += len(line)
        return True

    def requests(self, path: str) -> Iterator[Exchange]:
        """The request the run's record describes, where it names one, and its headers or body."""
        if self.size > MAX_BODY_BYTES:
            return  # too much to hold: a body cut short is not the bytes sent (the text scan saw them all)
        said: dict[str, list[object]] = {}
        for index, (name, value) in enumerate(self.members):
            if self.yaml and index in self.listed:
                continue  # a YAML mapping's nested value: the YAML reader's (its method key came below it)
            if (part := role(name)) in PARTS and (text := "\n".join(value).rstrip()):
                said.setdefault(part, []).append(_value(text))
        if SHOWN.isdisjoint(said) or any(len(values) > 1 and not _header_lines(part, values)
                                                    for part, values in said.items()):
            # no headers or body: a method and a URL alone, which other readers tell of (a label table's
            # facts, a message naming a request); a part said twice (two requests, a table of them): no one request's record
            return
        record = {part: values if len(values) > 1 else values[0] for part, values in said.items()}
        line = next((record.pop(part) for part in list(record) if part in _LINE_LABELS), None)
        if isinstance(line, str):
            record["request"] = line  # read as any record's request line, its HTTP version written or not
        exchange = request_of(record, Origin(path, self.line, capture=PartLinesReader.capture))
        if exchange is not None:
            yield exchange


def _bare_label(rest: str) -> re.Match[str] | None:
    """A part's label with no colon, before a value that opens a document (`REQUEST BODY {`, print_r's
    `REQUEST HEADERS Array`): the label names a part, or it is none."""
    found = _BARE_LABEL.match(rest)
    return found if found is not None and role(found.group(1)) in PARTS else None


def _indent(text: str) -> str:
    return text[: len(text) - len(text.lstrip(" "))]


def _header_lines(part: str, values: list[object]) -> bool:
    """Whether a part said on several lines is the headers, a header a line (`http header: "Name:
    value"`, one line after another): each a header line, or the headers are not known whole."""
    return part in HEADERS and all(isinstance(value, str) and split_header(value) is not None for value in values)


def _value(text: str) -> object:
    """A part's value as printed: the text of a string literal that is all of it (a ``%r`` of
    the body, ``b'…'``), else the text itself (a map of headers is parsed by the reconstructor)."""
    if text.startswith("Array\n(") and (array := printed_array(list(enumerate(text.split("\n"))), 1)) is not None:
        return array[0]  # print_r's array (a list of header lines, a map of headers)
    found = printed_value(text, 0) if text[:1] in "'\"b" else None
    if found is not None and found[1] == len(text) and isinstance(found[0], (str, bytes)):
        return found[0].decode("utf-8", "surrogateescape") if isinstance(found[0], bytes) else found[0]
    return text
