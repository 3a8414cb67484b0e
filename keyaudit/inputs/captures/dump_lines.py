"""The lines of a text dump as client libraries write them (:mod:`.dumps` reads the requests):
a header line in each of its forms, a request's header fields flattened onto one line, and how
many JSON brackets a body's line leaves open."""

from __future__ import annotations

import re
from urllib.parse import unquote

from .lines import MAX_HEADERS, TOKEN, absolute_url, python_literal, split_header
from .literals import printed_value
from .printed_roles import header_fields
from .record_views import Printed
from .quoted import DOUBLE_QUOTED, SINGLE_QUOTED, unescaped

_TOKEN = re.compile(TOKEN)
WRITTEN_CRLF = "\\r\\n"  # a line end written out as its two escapes
URL_CRLF = "%0D%0A"  # a line end percent-encoded, as a log URL-escapes a head it writes on its line
WRITTEN_CR = "\\r"  # a CR written out as its escape before the line feed kept: a CR LF stream shown escaped
# the same as a hex escape, as Perl's term_escape writes every control character but the line feed (Mojo::UserAgent
# under MOJO_CLIENT_DEBUG), a backslash left as it is: only a control character's escape is undone
HEX_CR = "\\x0d"
_CONTROL_ESCAPE = re.compile(r"\\x([01][0-9a-f]|7f)")
JSON_OPENERS = ("{", "[")  # what a JSON document's first line begins with
RULE_LINE = re.compile(r"^[ \t]*([-=*~#_])\1{2,}[ \t\r]*$")  # a line of one sign repeated: a printer's frame
_QUOTED_HEADER = re.compile(rf'[ \t]*("?)({TOKEN})\1: "(.*)"[ \t]*')  # the name quoted too, indented or not
# The value's trailing blanks are cut after the match: a lazy value before `[ \t]*` would read a
# run of blanks again from each of its places.
_ALIGNED_HEADER = re.compile(rf"[ \t]*({TOKEN})[ \t]*:[ \t]*(.*)")
# A header as a name, a separator and the value: `Name=value` (equals), as a logger's "{}={}" writes one; `name =>
# value` (arrow), as Ruby writes a hash's pair and a Ruby client's log each header (Mechanize's `request-header: `).
_SEPARATED_HEADER = {"equals": re.compile(rf"({TOKEN})=(.*)"), "arrow": re.compile(rf"({TOKEN}) => (.*)")}
_PRINTED_MAP = ("{", "map[")  # what a map printed on one line begins with (JSON, Python, JavaScript, Ruby; Go's %v)
_WRAPPER = re.compile(r"[A-Z][\w.]{0,63}\(")  # a type's constructor around a map: httpx's `Headers({…})`
_RUBY_ESCAPE = re.compile(r"\\(.)")
_RUBY_CHARS = {"n": "\n", "t": "\t", "r": "\r", "e": "\x1b"}

# A header of a request flattened onto one line: its value runs to the next `Name: ` or to the
# body (a JSON document after a blank; after `....`, the blank line's CR LF, where the line breaks
# became `..`); names are letters, digits, `_` and `-` only, so a value's own colons (a time, a URL)
# do not split it. The text's trailing blanks are cut first: a lazy value looking ahead for `\s*$`
# would read a run of blanks again from each of its places.
_FLAT_HEADER = {" ": re.compile(r"([A-Za-z][\w-]*): (.*?)(?= [A-Za-z][\w-]*: | [{\[]|$)"),
                "..": re.compile(r"([A-Za-z][\w-]*): (.*?)(?=\.\.[A-Za-z][\w-]*: |\.\.\.\.|(?:\.\.)?$)"),
                # each field ended by its CR LF written out (`\r\n`), as a log escapes a head it quotes
                WRITTEN_CRLF: re.compile(r"([A-Za-z][\w-]*): (.*?)(?=\\r\\n|$)"),
                # each field ended by its CR LF percent-encoded, the blank after the colon too where the log
                # encodes blanks (Squid's `%>h`), the value percent-decoded when read
                URL_CRLF: re.compile(r"([A-Za-z][\w-]*):(?: |%20)(.*?)(?=%0D%0A|$)"),
                # each field in braces of its own (`{Name: value}{Name: value}`: the JDK's MessageHeader)
                "}{": re.compile(r"([A-Za-z][\w-]*): (.*?)(?=\}\{|\}?$)")}
FLAT_GAPS = frozenset(_FLAT_HEADER)


def cr_escaped(eol: str) -> bool:
    """Whether a dump's lines end in their CR written out (``\\r``, ``\\x0d``) before the line feed
    kept: the stream as sent, shown escaped."""
    return eol in (WRITTEN_CR, HEX_CR)


def written_back(eol: str, line: str) -> str:
    """A line of a dump whose lines end in ``eol`` as the text it stands for: the escapes undone
    where the CR is written out, each kind by its writer's rule."""
    if eol == WRITTEN_CR:
        return unescaped(line)
    return _CONTROL_ESCAPE.sub(lambda code: chr(int(code.group(1), 16)), line) if eol == HEX_CR else line


def flat_headers(text: str, gap: str) -> list[tuple[str, str]]:
    """The header fields at the start of ``text``, one after another, ``gap`` between them; the
    body after them is not kept (its line breaks are lost, so it is not the bytes sent)."""
    headers: list[tuple[str, str]] = []
    position, text, header = 0, text.rstrip(), _FLAT_HEADER[gap]
    while len(headers) < MAX_HEADERS and (match := header.match(text, position)) is not None:
        headers.append((match.group(1), unquote(match.group(2)) if gap == URL_CRLF else match.group(2)))
        position = match.end() + len(gap)
    return headers


def header_line(kind: str, line: str) -> tuple[str, str] | None:
    """A header line as a shape whose headers are of ``kind`` writes it: ``Name: value`` (plain),
    ``Name: "value"`` or ``"name": "value"`` unquoted (quoted: Ruby's inspect quotes the value,
    Rust's Debug both), aligned (indented, blanks before the colon: a table a
    printer lined up), ``Name=value`` (equals) or ``name => value`` (arrow)."""
    if kind in ("aligned", "equals", "arrow"):
        match = (_ALIGNED_HEADER if kind == "aligned" else _SEPARATED_HEADER[kind]).fullmatch(line)
        return (match.group(1), match.group(2).rstrip(" \t")) if match else None
    if kind != "quoted":
        return split_header(line)
    match = _QUOTED_HEADER.fullmatch(line)
    if match is None:
        return None
    return match.group(2), _unescaped(match.group(3))


def printed_headers(line: str) -> list[tuple[str, str]] | None:
    """The headers of a header block printed as one map on its line, or None where the line is
    no such map: a program that prints the request it sends part by part (Python's
    ``print(request.headers)``, ``{'User-Agent': '…', 'Content-Type': '…'}``; a JavaScript object,
    a Ruby hash, JSON, Go's ``map[Name:[value]]``). Every value a string or a list of strings,
    every key a field name and one written as HTTP writes one, with a dash (a JSON body's map has
    other keys, or values of other kinds)."""
    text = line.strip()
    found = _header_map(text)
    return found[0] if found is not None and found[1] == len(text) else None


def printed_parts(line: str) -> tuple[list[tuple[str, str]], str | None] | None:
    """The headers and the body of a request printed part by part after its method and URL on
    one line, ``print(method, url, headers, body)``: a map of header fields (see
    :func:`printed_headers`), perhaps as a type's constructor of it (httpx's ``Headers({…})``),
    then, alone up to the line's end, the body — a quoted string or a bytes literal, its escapes
    undone, or a JSON document printed raw — else no body; None where the line holds anything else
    (a map of other fields, words after the map: no request printed so)."""
    text = line.rstrip()
    found = _header_map(text)
    if found is None:
        return None
    headers, end = found
    rest = text[end:].lstrip()
    if not rest:
        return headers, None
    body = printed_value(text, len(text) - len(rest))
    if body is None or body[1] != len(text) or not isinstance(body[0], str | Printed):
        return None
    return headers, body[0] if isinstance(body[0], str) else body[0].printed


def _header_map(text: str) -> tuple[list[tuple[str, str]], int] | None:
    """The header fields of the map printed at the start of ``text`` (bare, or a type's
    constructor of it: ``Headers({…})``) and where it ends; None where no map of header fields is."""
    wrapper = _WRAPPER.match(text)
    at = wrapper.end() if wrapper is not None else 0
    found = printed_value(text, at) if text.startswith(_PRINTED_MAP, at) else None
    if found is None or not isinstance(found[0], dict):
        return None
    end = found[1]
    if wrapper is not None:
        if text[end : end + 1] != ")":
            return None
        end += 1
    headers = header_fields(found[0])
    return None if headers is None else (headers, end)


def inspected_head(line: str) -> tuple[list[tuple[str, str]], str] | None:
    """A request's head and body written as one quoted string, its line breaks escaped (Ruby's inspect of the
    message a client formats, faraday-detailed_logger's ``"Name: value\\n…\\n\\n<body>"``): its header fields and
    the text after their blank line; None where the line is no such string, where a line of the string before its
    blank one is no header field, or where it has no blank line (a message of lines that only look like fields)."""
    match = _INSPECTED.fullmatch(line)
    if match is None or "\\n" not in match.group(1):
        return None
    parts = _HEAD_END.split(unescaped(match.group(1)), 1)
    headers = [split_header(text.rstrip("\r")) for text in parts[0].split("\n")]
    if len(parts) < 2 or None in headers:
        return None
    return [header for header in headers if header is not None][:MAX_HEADERS], parts[1]


def unquoted_values(headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A head's headers as sent: where every value (two at least) is written as a double-quoted string, as a printer
    that quotes each writes them (Ruby's inspect: Faraday's logger, ``Name: "value"``), their insides; else as
    written (one value so quoted is quoted as sent: an ETag's)."""
    if len(headers) < 2 or not all(_QUOTED_VALUE.fullmatch(value) for _, value in headers):
        return headers
    return [(name, _unescaped(value[1:-1])) for name, value in headers]


def _unescaped(value: str) -> str:
    """A quoted string's inside with its backslash escapes undone (``\\n``, ``\\"``, ``\\\\``)."""
    return _RUBY_ESCAPE.sub(lambda escape: _RUBY_CHARS.get(escape.group(1), escape.group(1)), value)


_INSPECTED = re.compile(rf'[ \t]*"({DOUBLE_QUOTED})"[ \t]*')  # one double-quoted string: the whole line
_HEAD_END = re.compile(r"\r?\n\r?\n")  # the blank line after a head
# Spring's HttpHeaders.toString(): [Name:"value", Other:"one", "two"] (the first value is kept)
_QUOTED_VALUE = re.compile(rf'"{DOUBLE_QUOTED}"')
_QUOTED_ITEM = re.compile(rf'(?:^\[|, )({TOKEN}):"({DOUBLE_QUOTED})"')
# Java's Map.toString(): {Name=value, Other=value} — a value runs to the next `, Name=` or the brace
_MAP_ITEM = re.compile(rf"(?:^\{{|, )({TOKEN})=")
# Name=value pairs joined by blanks — a value runs to the next ` Name=` whose value begins (a base64
# value's padding after a blank, ` abc==`, is no name)
_BLANK_ITEM = re.compile(rf"(?:^| )({TOKEN})=(?=[^\s=])")
_COLON_ITEM = re.compile(rf"(?:^|, )({TOKEN}): ")
_TUPLE_ITEM = re.compile(rf'(?:^\[|, ?)\("({TOKEN})", ?"({DOUBLE_QUOTED})"\)')  # [("Name","value"),…]


# A map of strings as Swift describes it (and JSON writes it), ["Name": "value", …], or as Ruby inspects a
# hash, {"Name"=>"value", …} (Ruby 3.4: `" => "`), its braces perhaps left out (a call's last argument), or as
# Python's repr writes a dict, {'Name': 'value', …} (a string in double quotes where it holds a `'`)
_DICTIONARY_ITEM = re.compile(rf"""(?:^[\[{{]?|, )(?:"({TOKEN})"|'({TOKEN})'|AnyHashable\("({TOKEN})"\))(?:: | ?=> ?)"""
                              rf"""(?:"({DOUBLE_QUOTED})"|'({SINGLE_QUOTED})')""")


def dictionary_list(text: str) -> list[tuple[str, str]]:
    """The headers of a map of quoted names to quoted values, ``["Name": "value", …]`` (Swift's
    ``Dictionary`` description: Moya's ``Request Headers``; a ``[AnyHashable: Any]``'s keys
    ``AnyHashable("Name")``, as ``HTTPURLResponse.allHeaderFields`` and netfox's logs print them),
    ``"Name"=>"value", …`` (a Ruby hash: rest-client's log) or ``{'Name': 'value', …}`` (a Python
    dict's repr), escapes undone."""
    return [(name or single_name or hashable, _unescaped(value or single)) for name, single_name, hashable, value, single
            in _DICTIONARY_ITEM.findall(text)][:MAX_HEADERS]


def printed_list(text: str) -> list[tuple[str, str]]:
    """The headers of a map printed in its language's notation (JSON as PHP's json_encode writes a
    header array — Codeception's ``[Request Headers] {"Name":"value",…}`` —, a Python dict, a
    JavaScript object, a Ruby hash), each value a string or a list of them. Its label says the map
    is the headers, so no name need show a dash as :func:`printed_headers` asks of a map met alone
    (``{"Signature":"…"}`` is a header map here); a name that is no token is not kept."""
    text = text.strip()
    found = printed_value(text, 0) if text.startswith(_PRINTED_MAP) else None
    if found is None or not isinstance(found[0], dict):
        return []
    return [(name, item) for name, value in found[0].items() if isinstance(name, str) and _TOKEN.fullmatch(name)
            for item in (value if isinstance(value, list) else [value]) if isinstance(item, str)][:MAX_HEADERS]


def tuples_list(text: str) -> list[tuple[str, str]]:
    """The headers of a list of quoted (name, value) pairs, ``[("Name","value"),…]`` (Haskell's ``show``
    of http-client's requestHeaders), escapes undone."""
    return [(name, _unescaped(value)) for name, value in _TUPLE_ITEM.findall(text)][:MAX_HEADERS]


def piped_list(text: str) -> list[tuple[str, str]]:
    """The headers of a line as Apache's mod_log_forensic writes them: ``Name:value|Name:value``,
    each ``|``, ``:`` and ``%`` inside a field (and any byte not printable) written ``%xx``. The
    line's trailing blanks are cut here, not by the label's field: a lazy list before blanks and the end
    would read a run of blanks again from each of its places."""
    fields = (field.partition(":") for field in text.rstrip().split("|", MAX_HEADERS)[:MAX_HEADERS])
    return [(unquote(name), unquote(value)) for name, colon, value in fields if colon and _TOKEN.fullmatch(name)]


def quoted_list(text: str) -> list[tuple[str, str]]:
    """The headers of a list as Spring's ``HttpHeaders.toString()`` writes it."""
    return [(name, value.replace('\\"', '"')) for name, value in _QUOTED_ITEM.findall(text)][:MAX_HEADERS]


def map_list(text: str) -> list[tuple[str, str]]:
    """The headers of a map as Java's ``Map.toString()`` writes it (``{Name=value, …}``): a value
    holds no ``, Name=`` (a signature's own ``=`` and a list's ``, `` stay in it)."""
    return _pairs(text.rstrip().removesuffix("}"), _MAP_ITEM)


def blank_list(text: str) -> list[tuple[str, str]]:
    """The headers as ``Name=value`` pairs joined by blanks (Quarkus's REST client logger): a
    value holds no `` Name=`` (its own blanks and ``=`` stay in it)."""
    return _pairs(text.rstrip(), _BLANK_ITEM)


def colon_list(text: str) -> list[tuple[str, str]]:
    """The headers as ``Name: value`` pairs joined by ``, `` (sttp's ``Request.show``, each header's
    ``toString``): a value holds no ``, Name: `` (its own ``, `` stays in it: ``gzip, deflate``)."""
    return _pairs(text.rstrip(), _COLON_ITEM)


def _pairs(text: str, item: re.Pattern[str]) -> list[tuple[str, str]]:
    items = list(item.finditer(text))[: MAX_HEADERS]
    return [(found.group(1), text[found.end(): following.start() if following else len(text)])
            for found, following in zip(items, [*items[1:], None])]


# A string runs to its closing quote, or to the line's end when it is never closed: a string
# pattern that had to close would read the rest of the line again from each of its quotes.
_JSON_TOKENS = re.compile(rf'"{DOUBLE_QUOTED}(?:"|\\?\Z)|[][{{}}]')


def brackets(line: str, depth: int) -> int:
    """How many JSON objects and arrays are open after ``line`` (strings passed over; a JSON
    string never spans lines): a body written as one log message over several lines, its later
    lines without the log prefix, goes on while its document is open — and a bare line after it
    closed is another program's."""
    for token in _JSON_TOKENS.findall(line):
        if token in "{[":
            depth += 1
        elif token in "]}":
            depth = max(depth - 1, 0)
    return depth


def at_authority(groups: dict[str, str | None]) -> str | None:
    """The URL of a start line that names the request's authority in a field of its own, apart
    from its origin-form target (an access log's `"%REQ(:AUTHORITY)%"`); None where it names none."""
    authority, target = groups.get("authority"), groups.get("target")
    return absolute_url(target, authority) if authority and target else None


def sent_lines(line: str, taken: int) -> list[str]:
    """A body's line as the lines of the body: the lines of the bytes a Python bytes literal
    stands for, where it is the body's first line and all of it (a debug callback that logs the
    data sent with ``%r``, Tornado's curl client: ``> b'{\\n"a":1}'``), else the line itself."""
    if not taken and line[:2] in ("b'", 'b"') and line.rstrip()[-1:] == line[1] \
            and isinstance(value := python_literal(line.rstrip()), bytes):
        return value.decode("utf-8", "surrogateescape").split("\n")
    return [line]


_CHUNK_SIZE = re.compile(r"([0-9a-fA-F]{1,8})(?:;[^\r\n]*)?\r?")  # a chunk's size line (RFC 9112, 7.1), extensions
MIN_CHUNKED = 16  # bytes a body framed in one chunk must hold for its size line to tell it (`a` is a word's line)


def chunk_size_line(line: str, expected: int | None) -> bool:
    """Whether a body's first line is the size line of the one chunk that holds it all (the declared length in hex),
    so the body is framed in chunks: a request encapsulated in another protocol's message, as ICAP's REQMOD carries
    it (RFC 3507, 4.8: the HTTP head, then its body chunked, `0` after the last chunk), its head's Content-Length the
    body's own. The line is framing, not the body's (the chunk's bytes end where the length does)."""
    found = _CHUNK_SIZE.fullmatch(line) if expected is not None and expected >= MIN_CHUNKED else None
    return found is not None and int(found.group(1), 16) == expected
