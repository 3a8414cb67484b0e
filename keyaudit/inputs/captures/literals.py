"""Records printed as another language prints its maps: Ruby's ``inspect`` (``{:method=>:post, "url"=>"…"}``,
and Ruby 3.4's ``{method: :post, "url" => "…"}``), Elixir's ``%{method: :post}``, Erlang's ``~p``
(``#{method => post, url => <<"…">>}``), JavaScript's ``util.inspect`` (``{ method: 'POST', headers: { … } }``), Java
and Kotlin ``toString`` (``Request{method=POST, url=https://…, headers=[Name:value, …]}``, Lombok's and a data
class's ``Request(…)``, a Java record's ``Request[…]``, Commons Lang's ``com.acme.Request@1b2c3d[…]``), Go's ``%+v``
(``&{Method:POST URL:https://… Header:map[Signature:[…]]}``) and ``%#v`` (its composite literals,
``http.Header{"Name":[]string{"value"}}``; go-spew's dump, each value after a note of its type, ``(string) (len=4)
"POST"``), Ruby's ``inspect`` of an object or a Struct (``#<Faraday::Env @method=:post @url=#<URI::HTTPS https://…>>``,
``#<struct Call method="POST">``), Clojure's EDN (``{:method :post, :headers {"Name" "value"}}``: a key and its value
with no separator), CBOR's diagnostic notation (``{"Body": h'7b0a…'}``: JSON's, a byte string in hex), an old-style
property list (``{ method = POST; }``: `;` after each entry), the Wolfram Language's InputForm (``HTTPRequest[url,
<|Method -> "POST"|>]``), PHP's arrays as Xdebug's traces print them (``[10002 => 'https://…', 10036 => 'POST']``),
read into the mappings and lists a JSON record gives, for the generic reconstructor (:mod:`.records`).

Printed over lines as Python's ``pprint`` and Ruby's ``pp`` print what does not fit a line, a map is found by its
brackets (:mod:`.open_brackets`). Where on a line a record may begin, and in which files maps are printed values, not
code, is for :mod:`.record_starts` to say.

One tolerant grammar covers them all. A mapping is a bracket of entries: a key (quoted, a symbol or a bare word; a
number before ``=>``), a separator (``=>``, ``:`` or ``=``) and a value; entries are separated by commas or, where a
language writes none (Go), by the blanks before the next key. A value is a quoted string, its escapes undone so that
a body keeps its bytes; JSON printed raw, as Java prints a string's content (:mod:`.raw_json`), kept with its text
(:class:`.record_views.Printed`); a symbol; a mapping or a list (whose items may be ``Name:value`` pairs, as Java
prints headers; one whose every item is keyed by ``=>`` is a mapping, PHP's array); or a bare word, running to the
end of its entry. Whatever does not parse is no record: a line of prose is never read as one. The text read and the
depth are bounded, as for a Python ``repr``; so is what the parses of one line may read
(:class:`.parse_failures.Reading`).
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from .parse_failures import Reading
from .printed_roles import labelled_after, positional_record
from .quoted import DOUBLE_QUOTED, escaped, hex_bytes, unescaped
from .raw_json import raw_object
from .record_starts import MAX_DEPTH, record_starts
from .record_views import Printed

MAX_LITERAL_CHARS = 256 << 10  # a longer literal is not read
MAX_TRIES = 4  # the brackets on a line a record may begin at, tried in turn
_OPENERS = {"{": "}", "[": "]", "(": ")"}
# a key and its separator: a quoted name, a symbol (``:method=>``) or a bare word; then ``=>``, ``->``,
# ``:`` (not ``::``, and not a URL's ``://``) or ``=``
# a quoted name may be written as an index, in brackets (Lua's and C#'s `["Name"] = …`, gdb's map children)
_NAME = (r"""(?:(\[)?(?:"((?:[^"\\\n]|\\.){0,256})"|'((?:[^'\\\n]|\\.){0,256})')(?(1)\])"""
         r"""|[:@]?([A-Za-z_][\w.-]{0,255}))""")
_SEPARATOR = r"(=>|->|:(?![:/])|=(?!=))"  # `->`: Scala's Map(k -> v)
_KEY = re.compile(rf"\s*{_NAME}\s*{_SEPARATOR}\s*")
_KEY_AHEAD = re.compile(rf"{_NAME}[ \t]*{_SEPARATOR}")  # the next entry's key, where a bare word ends
_INDEX_KEY = re.compile(r"(-?\d{1,19})\s*=>\s*")  # a number's key before `=>`, PHP's (`[10002 => 'https://…']`)
# Patterns few scans meet, compiled at their first use (re's cache), not at each start: EDN's key (a keyword, blanks,
# its value: `{:url "…", :method :post}`); Ruby's inspect of an object or a Struct (`#<Faraday::Env @method=:post …>`,
# `#<struct Call url="…">`); go-spew's note of a value's type and length (`(string) (len=4) "POST"`, `([]string) {`)
_KEYWORD_KEY = r""":([A-Za-z_*+!?][\w.*+!?-]{0,255})\s+(?!=>|:[\s"'\d{\[(])"""
_RUBY_OBJECT = r"#<(?:struct )?[A-Z][\w:]{0,127}(?:/[\d.]{1,8})?(?=[\s>])"  # http.rb's `#<HTTP::Request/1.1 …>`
_TYPE_NOTE = r"\((?:\*?[\w.]+|\[\][\w.*]+|map\[[\w.*]+\][\w.*]+)\) (?:\(len=\d+(?: cap=\d+)?\) )?"
# a debugger's description of a value before its contents (gdb's pretty printers, libstdc++'s: `std::map with 4
# elements = {…}`, `std::vector of length 2, capacity 2 = {…}`): a qualified type's name, a few words, ` = `
_DESCRIPTION = r"[A-Za-z_]\w*::[\w:]*(?:<[^\n={}\"]{0,200}>)?(?: [\w ,]{0,80}?)? = (?=[{\[])"
_BLANK = " \t\r\n"
# `%{`, an Elixir struct's `%Finch.Request{`, `&{`, `map[`, `Request{`, `Request(`, Node's `AxiosHeaders {`, `Object
# [AxiosHeaders] {`, `[Object: null prototype] {`; Go's `%#v` composite literals: `http.Header{`, `[]string{`, `map[K]V{`
_TYPED_OPEN = re.compile(r"(?:%(?:[A-Z][\w.]*)?|&|(?:\[\]|map\[[\w.*]{1,64}\])\*?[\w.]{1,64}(?=\{)|map|"
                         r"\[Object: null prototype\] |(?P<type>(?:[a-z]\w{0,31}\.)?[A-Z][\w$.]*(?:@[0-9a-f]{1,16})?)"
                         r"(?: \[[\w$.]+\])? ?)?([{\[(])")
# a Python object whose repr is a call in angle brackets: `<CIMultiDict('Name': 'value', …)>` (multidict's)
_WRAPPED = re.compile(r"<[A-Z][\w.]{0,127}\(")
# Perl's Data::Dumper: an object is its reference wrapped in `bless( …, 'Class' )`; a reference to a string is
# `\'…'`, or `do{\(my $o = '…')}` where the string is an object's (a URI's)
_BLESSED = re.compile(r"bless\(\s*")
_BLESSED_END = re.compile(r"\s*,\s*'[\w:]{1,128}'\s*\)")
_SCALAR_REFERENCE = re.compile(r"(do\{\\\(my \$\w{1,32} = )?\\?(?=['\"])")
_REFERENCE_END = re.compile(r"\)\}")
_HEX_BYTES = re.compile(r"h'([0-9A-Fa-f \t\r\n]*)'")  # bytes in hex, CBOR's diagnostic notation's (RFC 8949 §8)
# to the closing quote (a backquote: JavaScript's ``inspect`` quotes so a string that holds both other quotes)
_STRING_REST = {quote: re.compile(escaped(quote) + quote, re.DOTALL) for quote in "\"'`"}
# `'a' +` and the next string; or the next string on the next line (Python's implicit joining,
# as pprint breaks a long string: `'{"a": '` and `'1}'` under it)
_JOINED = re.compile(r"""\s*\+\s*(?=["'])|[ \t]*\r?\n\s*(?=["'])""")
# a symbol (an EDN keyword may hold a `-`); not a name `=` joins a value to, an HTTP/2 pseudo-header in a list of
# `name=value` items (Armeria's and Netty's header lists, `[:method=POST, :path=/v1/…, …]`): that item is a bare word
_SYMBOL = re.compile(r':(?:"(' + DOUBLE_QUOTED + r')"|([A-Za-z_][\w-]*[?!]?)(?![\w?!-]|=[^=>]))')
_NONE = frozenset({"nil", "null", "None", "<nil>", "undefined"})
_TIGHT = "tight"  # entries separated by commas, a blank after them or not: values by position
_PRINTED_START = re.compile(r"""b?["']|[{\[]|map\[|<?[A-Z][\w.]{0,127}\((?=[{\['"])|#<[A-Z]""")  # no bare word


class _NotALiteral(Exception):
    """The text is not a literal of the grammar, as found at ``at`` (what was read before it)."""

    def __init__(self, at: int) -> None:
        super().__init__(at)
        self.at = at


def literal_record(text: str, reading: Reading | None = None) -> dict[str, Any] | None:
    """The first mapping on the line printed as one of the languages above print them, or None
    (``reading``: the line's, where other readers parse it too)."""
    for bracket, start in itertools.islice(record_starts(text), MAX_TRIES):
        value = found[0] if (found := _parsed(text, start, reading)) is not None else None
        if found is not None and isinstance(value, list) and (text[bracket] in "(#" or start < bracket):
            # a type's values by position (a Ruby object's too), with the parts labelled after them
            value = labelled_after(positional_record(value), text, found[1],
                                   lambda at: printed_value(text, at, reading))
        if isinstance(value, dict) and value:
            return value
    return None


def printed_value(text: str, at: int, reading: Reading | None = None) -> tuple[Any, int] | None:
    """The value printed at ``at`` of ``text`` — a quoted string (either quote), a bytes literal,
    a map or a list, in any notation above — and the index just past it; None where none is, or
    it does not parse (a bare word is left to the caller: only it knows where one ends).
    ``reading``: the text's, where values are parsed at many of its positions."""
    return None if _PRINTED_START.match(text, at) is None else _parsed(text, at, reading)


def printed_items(text: str, at: int, depth: int = MAX_DEPTH) -> list[Any] | None:
    """The items of the list or tuple printed at ``at`` of ``text`` (its ``[`` or ``(``), in any
    notation above, nested at most ``depth`` deep; None where none is or it does not parse."""
    if text[at : at + 1] not in ("[", "("):
        return None
    found = _parsed(text, at, None, MAX_DEPTH - depth)
    return found[0] if found is not None and isinstance(found[0], list) else None


def _parsed(text: str, at: int, reading: Reading | None, nested: int = 0) -> tuple[Any, int] | None:
    """The value the grammar reads at ``at`` (at most :data:`MAX_LITERAL_CHARS` of it) and the
    index just past it, or None where it does not parse. Read in place: a line of a megabyte
    parsed at each of its pairs is not copied at each."""
    if reading is not None and reading.fails(at):
        return None
    parser = _Parser(text, min(len(text), at + MAX_LITERAL_CHARS))
    try:
        return parser.value(at, "", None, nested)  # ``nested``: the depth it counts as begun at
    except _NotALiteral as failed:
        reached = max(failed.at, parser.reached)
    except IndexError:
        reached = parser.end
    if reading is not None:
        reading.failure(at, reached)
    return None


class _Parser:
    """One literal read from its opening bracket on, up to ``end`` at most: the text reads as if
    it ended there (a character past it is an IndexError, a pattern's match stops there)."""

    def __init__(self, text: str, end: int) -> None:
        self.text = text
        self.end = end
        self.reached = 0  # the furthest the JSON decoder read, trying objects printed raw
        self.semicolons = False  # whether a `;` has ended an entry: then one ends a bare word too

    def _char(self, at: int) -> str:
        if at >= self.end:
            raise IndexError(at)
        return self.text[at]

    def container(self, at: int, depth: int, mapping: bool, closer: str = "") -> tuple[dict[str, Any] | list[Any], int]:
        """The mapping or list whose bracket is at ``at`` (``mapping``: a mapping's bracket, though
        a list's: Go's ``map[…]``; ``closer``: what ends one no bracket opens, a Ruby object's
        ``>``, its entries after ``at``), and where it ends."""
        if depth > MAX_DEPTH:
            raise _NotALiteral(at)
        closer = closer or _OPENERS[self.text[at]]
        mapping = mapping or closer != "]"  # in a list, `a=b` is an item, not a pair (Go's [signature=…])
        entries: list[tuple[str | None, Any]] = []
        at = self._blank(at + 1)
        commas: bool | None = None  # whether the entries are separated by commas (else by blanks)
        positional = 0  # how many entries before the first with a name
        arrows = True  # whether every entry's key is joined to its value by `=>`: in a list, PHP's array's keys
        while self.text[at] != closer:
            if self.text[at] == "(" and (note := re.compile(_TYPE_NOTE).match(self.text, at, self.end)) is not None:
                at = note.end()
            char = self._char(at)
            keyword = re.compile(_KEYWORD_KEY).match(self.text, at, self.end) if closer == "}" and char == ":" else \
                _INDEX_KEY.match(self.text, at, self.end) if char.isdigit() or char == "-" else None
            key = _KEY.match(self.text, at, self.end) if keyword is None else None
            arrows &= keyword.re is _INDEX_KEY if keyword is not None else key is not None and key.group(5) == "=>"
            if keyword is not None:
                value, at = self.value(keyword.end(), closer, commas, depth)
                entries.append((keyword.group(1), value))
            elif key is not None and (mapping or key.group(5) != "=") and self._char(key.end()) != closer:
                name = key.group(4) if key.group(4) is not None else unescaped(key.group(2) or key.group(3) or "")
                value, at = self.value(key.end(), closer, commas, depth)
                entries.append((name, value))
            else:
                quoted = char in "\"'"
                # values by position, no name yet: a comma ends a bare one (Scala's `,`), a blank too in a Ruby object
                tight = closer in ")>" and commas is not False and len(entries) == positional
                if quoted and closer == "}":  # a map's quoted key with no separator, EDN's: the string alone, not
                    value, at = unescaped(self.text[at + 1 : (end := self._quoted_end(at))]), end + 1  # joined to its value
                else:
                    value, at = self.value(at, closer, _TIGHT if tight else commas, depth)
                after = self._blank(at)
                if quoted and closer == "}" and after > at and self.text[after] not in ",}":
                    name, (value, at) = value, self.value(after, closer, commas, depth)  # EDN's `"Name" "value"`
                    entries.append((name, value))
                else:
                    entries.append((None, value))
                    positional += tight
            at = self._blank(at)
            if self.text[at] == "," or self.text[at] == ";" and closer == "}":  # `;`: an old-style plist's
                self.semicolons |= self.text[at] == ";"
                commas, at = True, self._blank(at + 1)
            elif self.text[at] != closer:
                if commas:
                    raise _NotALiteral(at)
                commas = False
        return _built(entries, mapping or arrows), at + 1

    def value(self, at: int, closer: str, commas: bool | str | None, depth: int) -> tuple[Any, int]:
        """The value at ``at`` inside a container that ``closer`` ends, and where it ends."""
        char = self._char(at)
        if char == "(" and (note := re.compile(_TYPE_NOTE).match(self.text, at, self.end)) is not None:
            at, char = note.end(), self._char(note.end())
        if char in "\"'`":
            return self._string(at)
        if char == "b" and self.text[at + 1 : min(at + 2, self.end)] in ("'", '"'):  # a bytes literal (b'{\\n…}')
            return self._string(at + 1)
        if char == "h" and (hexed := _HEX_BYTES.match(self.text, at, self.end)) is not None \
                and (held := hex_bytes(hexed.group(1))) is not None:
            return held, hexed.end()
        if char == "b" and (blessed := _BLESSED.match(self.text, at, self.end)) is not None:
            found, end = self.value(blessed.end(), ")", commas, depth + 1)  # Perl's object, `bless( {…}, 'Class' )`
            return found, self._closed(_BLESSED_END, end)
        if char in "d\\" and (reference := _SCALAR_REFERENCE.match(self.text, at, self.end)) is not None:
            found, end = self._string(reference.end())  # Perl's reference to a string, `do{\(my $o = '…')}`, `\'…'`
            return found, self._closed(_REFERENCE_END, end) if reference.group(1) else end
        if char == "#" and self._char(at + 1) in "{(":  # an Erlang map, `#{key => value, …}`; Gleam's tuple, `#(…)`
            return self.container(at + 1, depth + 1, self.text[at + 1] == "{")
        if char == "<" and self.text.startswith("<|", at):  # a Wolfram Language association, `<|k -> v, …|>`
            found, end = self.container(at + 1, depth + 1, True, "|")
            return found, self._closed(re.compile(">"), end)
        if char == "<" and self.text.startswith('<<"', at):  # an Erlang binary, `<<"…">>`
            found, end = self._string(at + 2)
            return found, self._closed(re.compile(">>"), end)
        if char == "#" and (ruby := re.compile(_RUBY_OBJECT).match(self.text, at, self.end)) is not None:
            found, end = self.container(ruby.end() - 1, depth + 1, True, ">")
            return (found[0] if isinstance(found, list) and len(found) == 1 else found), end  # #<URI::HTTPS …>
        if char == "<" and (wrapped := _WRAPPED.match(self.text, at, self.end)) is not None:  # <CIMultiDict(…)>
            found, end = self.container(wrapped.end() - 1, depth + 1, True)
            return found, self._closed(re.compile(">"), end)
        if char == "{" and (printed := self._json(at)) is not None:
            return printed
        if char.isalpha() and (described := re.compile(_DESCRIPTION).match(self.text, at, self.end)) is not None:
            at = described.end()  # the contents a description introduces are the value
        if (typed := _TYPED_OPEN.match(self.text, at, self.end)) is not None:
            # `map[…]` and a type's `Name[…]` hold entries (a Java record's, Commons' ToStringBuilder's)
            keyed = typed.group(0).startswith("map") or (typed.group(2) == "[" and typed.group("type") is not None)
            found, end = self.container(typed.start(2), depth + 1, keyed)
            one = isinstance(found, list) and len(found) == 1  # a constructor of one value is it: yarl's URL('…'),
            alone = typed[2] == "(" and one and (typed["type"] or isinstance(found[0], str))  # httpx's Headers({…})
            return (found[0] if alone else found), end
        if char == ":" and (symbol := _SYMBOL.match(self.text, at, self.end)) is not None:
            return unescaped(symbol.group(1)) if symbol.group(1) is not None else symbol.group(2), symbol.end()
        end = self._bare_end(at, closer, commas)
        word = self.text[at:end].rstrip()
        if not word:
            raise _NotALiteral(end)
        return (None if word in _NONE else word), end

    def _closed(self, closing: re.Pattern[str], at: int) -> int:
        """Where the text that ``closing`` finds right at ``at`` ends (what closes a wrapper around a
        value); it must be there."""
        found = closing.match(self.text, at, self.end)
        if found is None:
            raise _NotALiteral(at)
        return found.end()

    def _json(self, at: int) -> tuple[Printed, int] | None:
        """The JSON object printed raw at ``at`` (a string's content, as Java prints one), with
        its text, and where it ends; None where the text there is no JSON object (a map printed
        in the language's own notation)."""
        found, end = raw_object(self.text, at, self.end)
        if found is None:
            self.reached = max(self.reached, end)
            return None
        return Printed(found, self.text[at:end]), end

    def _string(self, at: int) -> tuple[str, int]:
        """The quoted string at ``at`` and where it ends: with the strings ``+`` joins to it (a
        long string as JavaScript's ``inspect`` breaks it over lines, ``'{\\n' +``)."""
        parts = []
        while True:
            end = self._quoted_end(at)
            parts.append(unescaped(self.text[at + 1 : end]))
            joined = _JOINED.match(self.text, end + 1, self.end)
            if joined is None:
                return "".join(parts), end + 1
            at = joined.end()

    def _quoted_end(self, at: int) -> int:
        """Where the string whose quote is at ``at`` ends (its closing quote), found at C speed:
        a body of megabytes is one string."""
        end = _STRING_REST[self.text[at]].match(self.text, at + 1, self.end)
        if end is None:
            raise _NotALiteral(self.end)  # never closed: looked for up to the end
        return end.end() - 1

    def _bare_end(self, at: int, closer: str, commas: bool | str | None) -> int:
        """Where a bare word from ``at`` ends: at its container's closing bracket (brackets inside
        it balanced), or before the next entry (after a comma; after blanks too, where the
        entries are not separated by commas)."""
        depth, index = 0, at
        while index < self.end:
            char = self.text[index]
            if depth == 0 and char == closer:
                return index
            if char in _OPENERS:
                depth += 1
            elif char in ")]}":
                depth -= 1
            elif depth == 0 and (commas == _TIGHT and (char == "," or closer == ">" and char in _BLANK)
                                 or char == ";" and self.semicolons and closer == "}"):
                return index
            elif depth == 0 and (char == "," or (char in _BLANK and commas is not True)):
                after = self._blank(index + 1)  # a run of blanks is passed over once, not at each blank
                if _KEY_AHEAD.match(self.text, after, self.end) is not None:
                    return index
                if char == "," and commas and (index + 1 == self.end or self.text[index + 1] in _BLANK):
                    return index  # a list's next item (on the next line, where a printer breaks the entries)
                if char != ",":
                    index = after
                    continue
            index += 1
        raise IndexError(index)

    def _blank(self, at: int) -> int:
        """The first character from ``at`` that is no blank: there is one before the end."""
        text, end = self.text, self.end
        while at < end and text[at] in _BLANK:
            at += 1
        if at == end:
            raise IndexError(at)
        return at


def _built(entries: list[tuple[str | None, Any]], mapping: bool) -> dict[str, Any] | list[Any]:
    """A mapping when the bracket is a mapping's and every entry has a key; else a list (a
    tuple, an array), whose keyed items are ``[name, value]`` pairs (Java's
    ``headers=[Name:value, …]``)."""
    if mapping and entries and all(key is not None for key, _ in entries):
        return {key: value for key, value in entries}  # type: ignore[misc]
    return [value if key is None else [key, value] for key, value in entries]
