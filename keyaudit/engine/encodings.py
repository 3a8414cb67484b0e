"""Where an encoded secret may start: the literals the engines report for the decoding layers.

A key that went through base64, percent-encoding twice, HTML entities or a terminal's colour
codes no longer matches its rule. Decoding every base64 run or every line of a log to look would
cost every byte; instead the engines report, in the same pass as the rules' keywords, the places
where an *encoded form* of a keyword occurs, and only the text around those places is decoded
(:mod:`keyaudit.engine.decoding`).

The forms are derived from the secret rules' own ``keywords``, never written per rule:

- base64: the part of ``base64(keyword)`` that does not depend on the bytes around it, for each
  of the three alignments a keyword can have in a 3-byte group (lower, upper and title case, the
  standard and the URL-safe alphabet; the keyword's UTF-8 and its UTF-16LE bytes, which Windows
  encodes, :mod:`keyaudit.engine.wide`). Random base64 holds such a run of 4+ characters rarely, so
  a blob of it costs no decode.
- text escapes: the markers an escaping layer leaves on a line (``%25`` of percent-encoding done
  twice or more, ``&#`` and named HTML entities, an ANSI escape, ``\\x``/``\\u00``, a doubled
  backslash). Such a line is decoded only when a keyword, as written, is near the marker:
  escapes leave a keyword's letters alone and change what is around them (``%2524aact_``,
  ``&#36;aact_``).
- payloads: the base64 of a compression format's magic (``H4sI``: gzip) and the start of a JSON
  array of byte values — containers whose text shows nothing of itself, not even a keyword's
  encoded form; each is opened whole (:mod:`keyaudit.engine.payloads`), whatever it holds, since
  the request readers read it too. The array is an anchor that is a pattern, not a literal.
- concatenations: a string literal joined to the next with ``+`` (``" +``, ``+ "``, either quote),
  a backslash ending a line (a literal continued on the next), or an indented line that starts
  with a quote after one that ends with a quote (literals side by side, which Python, C and Dart
  join; the indented line may be a diff's added one, `+` first): a key split over lines of code.
  The lines around it are joined when they hold a keyword. The last is the other anchor that is a
  pattern (reported at the line break).
- quoted-printable: its encoded ``=`` near a keyword (``KEY=3D<value>``, as a mailed .env or
  query string writes it). The lines around it are decoded together, their soft line breaks (``=``
  at a line's end, every 76 characters) taken out: a key longer than a line is cut by them. (A soft
  break alone is no anchor: two bytes that end many a base64 line cost the pass more than 0.5%.)
- offset dumps: the line that opens a block of bytes a trace shows after their offsets (curl's
  ``=> Send header, …``): a key longer than a trace line is cut in two, so the block's bytes are
  joined (:mod:`keyaudit.engine.offset_dump`) and scanned, whatever the lines hold.
- hex dumps: the start of a dump's first row (``|00000000| ``, ``0x0000:  ``, ``00000000  ``:
  one a tool, :mod:`keyaudit.engine.hex_rows`): a key is cut every 16 bytes there, so the rows are
  joined by their offsets and the bytes scanned, whatever they hold.
- registry hex: the mark of a string value ``regedit`` exports as hex (``=hex(2):``, ``=hex(7):``,
  ``=hex(1):``): its UTF-16LE bytes, over continued lines, show none of a key's characters, and its
  name stands before the mark; the value is read with its name (:mod:`keyaudit.engine.reg_hex`).
- escaped bytes: a run of 16 or more ``\\xNN`` escapes (strace's ``-xx``, a bytes repr of what
  was sent), or of ``\\u00NN`` escapes (Java source, an obfuscated script's strings): every byte of the
  text escaped, the keywords too, so no keyword is near as written. The line is decoded whatever it
  holds. The third anchor that is a pattern.
- quoted cells: a JSON escape inside a CSV cell where a member's name ends (``\\"":``: a quote a record's string
  escapes and the cell doubles), right by a keyword: the row's cells are unquoted once, then the text layers under
  them (:mod:`keyaudit.engine.quoted_cells`).
- partial records: a record a container runtime cut from a longer line (:mod:`keyaudit.engine.partial_records`):
  the record and the lines after it are joined and decoded, whatever they hold.
- provider payloads: the base64 forms of the rules' record anchors (a provider's domain), as of
  keywords. A base64 run holding one (a Pub/Sub push message's ``data``, a Kinesis record, a queue
  message kept encoded) is opened whole like a payload: it is the text of a record that names a
  provider, and a request written in it is read as one. So is a run of hex digits holding one's
  hex (in either case of digit): the bytes of a captured stream as bare hex (tshark's and
  Wireshark's raw Follow Stream, ``xxd -p``, a bytes column).
- keywords in hex: a run of hex digits holding the hex of a keyword (in lower or upper case, the
  digits in either case) is opened whole the same way: a value kept as its bytes' hex (a binary
  column ``mysqldump --hex-blob`` writes as ``0x…``, PostgreSQL's hex bytea, a constant decoded by
  ``Hex.decodeHex`` or ``Buffer.from(…, 'hex')``) shows none of its letters. Both also as bytes of
  hex parted by single spaces (``24 61 61 63``: Python's ``bytes.hex(" ")``, a binary message as a
  broker's console or a debugger shows it, MessagePack or CBOR included): the run of them on the
  line is opened.
"""

from __future__ import annotations

import base64
import functools
import re
from dataclasses import dataclass, field
from typing import AnyStr, Callable, Sequence

from keyaudit.engine.hex_rows import MARKERS as HEX_MARKERS
from keyaudit.engine.offset_dump import MARK
from keyaudit.engine.reg_hex import MARKERS as REG_MARKERS
from keyaudit.engine.partial_records import CRI_MARKERS, DOCKER_OPENER, DOCKER_PARTIAL, DOCKER_PARTIAL_SEARCH
from keyaudit.engine.quoted_cells import MARKERS as CELL_MARKERS, REACH as CELL_REACH
from keyaudit.engine.payloads import BINARY, BYTE_ARGUMENTS, BYTE_ARRAY, HEX_BRACED, HEX_BRACKETED, magic_forms
from keyaudit.engine.wrapped_lines import CUT_RUN
from keyaudit.rulebook.rules import RuleSet

BASE64 = "base64"
TEXT = "text"
PAYLOAD = "payload"  # base64 starting with a compression format's magic
BYTES = "bytes"  # a list of byte values: a JSON array, an Erlang binary, a C literal in hex
PROVIDER_PAYLOAD = "provider payload"  # a base64 run through a form of a provider's record anchor
PROVIDER_HEX = "provider hex"  # a run of hex digits through the hex of a provider's record anchor or a keyword
SPACED_HEX = "spaced hex"  # the same in bytes of hex parted by spaces (`24 61 61 63`)
CONCAT = "concatenation"  # string literals joined by `+` (keyaudit.engine.unwrap.concatenation)
CSV = "csv"  # a CSV row's quoted cells, their quotes doubled (keyaudit.engine.quoted_cells)
QP = "quoted-printable"  # MIME's quoted-printable, soft line breaks and all (keyaudit.engine.unwrap.quoted_printable)
DUMP = "offset-dump"  # a block of bytes an offset dump shows, cut into lines (keyaudit.engine.offset_dump)
HEX = "hex-dump"  # the rows of a hex dump (keyaudit.engine.hex_rows)
REG = "registry hex"  # a string value a registry export writes as hex (keyaudit.engine.reg_hex)
ESCAPED = "escaped bytes"  # a run of \xNN escapes, every byte written as one
PARTIAL = "partial record"  # a record a container runtime cut from a line (keyaudit.engine.partial_records)
WRAPPED = "wrapped line"  # a line a logger cut at a fixed width (keyaudit.engine.wrapped_lines)
PAYLOADS = (PAYLOAD, BYTES, PROVIDER_PAYLOAD, PROVIDER_HEX, SPACED_HEX)
MIN_ENCODED_ANCHOR = 8  # bytes of a record anchor whose base64 forms are searched: shorter ones anchor on chance
MIN_BASE64_FORM = 4  # characters: shorter runs occur too often in random base64 to anchor on
MIN_HEX_KEYWORD = 4  # bytes of a keyword whose hex is searched: 8 digits, in random hex once in 4 billion
# What an escaping layer leaves on the line it escaped, as written (matched case-sensitively):
# percent-encoding twice or more (``%25``), or once around a name and its value (quotes, ``:``,
# ``=``, the bracket that closes a form field's name: PHP's ``config%5Biugu%5D%5Bapi_token%5D=``; a key's own
# ``%24`` and ``%2F`` are in its rule's pattern), HTML entities, an ANSI
# escape, string-literal escapes (``\x24``, ``\u002F``, a doubled backslash; an escaped line break
# after a colon, a name whose value is on the string's next line: ``IUGU_API_TOKEN:\n<token>`` — a line
# break elsewhere is no marker, a JSON log's stack traces hold dozens a record), markup's escaped
# underscore (``IUGU\_API\_TOKEN`` in LaTeX and Markdown), and the invisible
# break opportunities a web page puts into a long word, which a copy from the page keeps (a zero-width
# space, a soft hyphen, `<wbr>`, `&shy;`).
SPLITTING_MARKERS: tuple[bytes, ...] = (b"\x1b[", b"\xe2\x80\x8b", b"\xc2\xad", b"<wbr", b"&shy;")
TEXT_MARKERS: tuple[bytes, ...] = (b"%25", b"%22", b"%27", b"%3A", b"%3a", b"%3D", b"%3d", b"%5D", b"%5d", b"&#",
                                   b"&quot;", b"&amp;", b"&apos;", b"\\x", b"\\u00", b"\\\\", b"\\_", b":\\n",
                                   b":\\r\\n", *SPLITTING_MARKERS)
# How near a keyword a marker must be for its line to be decoded: an escape changes what is next
# to a key's name or value (``%2524aact_``, ``api_token\\\":``); a colour code or a break opportunity
# may split a value anywhere along it. A line of escaped JSON whose escapes are all far from its
# keywords (a request body escaped twice, a header naming ``access_token``) is not decoded.
MARKER_REACH = 64
ANSI_REACH = 512
# A `+` (or another language's operator: PHP's `.`, Lua's `..`, Elixir's `<>`, OCaml's `^`, Jinja's `~`, SQL's `||`,
# VB's `&`; a builder's `.append(`) between two literals, at the end of a line or the start of the next, spaced as code
# is formatted (`"+` unspaced is the start of many a phone number: `"+5511…"`); a backslash that
# ends a line; a call that joins literals given as its arguments (Rust, Java, Python, JavaScript, Go, Kotlin), by
# its opener whatever stands before the first (a formatter puts it on the next line: rustfmt's `concat!(`, black's
# `.join(`).
CONCAT_MARKERS: tuple[bytes, ...] = (b'" +', b"' +", b'+ "', b"+ '", b"\\\n", b"\\\r\n", b"concat!(", b'join("",',
                                     b".join('',", b".join([", b".join(\n", b".join(\r\n", b"].join(", b"[]string{",
                                     b"listOf(", b"arrayOf(",
                                     # the other languages' operators and builders (keyaudit.engine.unwrap), the
                                     # calls of SQL and PowerShell (keyaudit.engine.join_calls)
                                     b"' .", b". '", b'" ..', b'" <>', b'" ^', b'" ~ "', b"' ||", b'" & ', b'.append("',
                                     b"CONCAT(", b"-join @(")
# A quote ending a line and an indented line starting with one: two literals side by side, the second
# maybe on a diff's added line (`+` before its indentation: a literal a change wrapped over two lines).
# Reported at the line break; the portable engine searches it from there (a scan that starts at
# every quote of a JSON log would cost it a second per 30 MB), the quote before it a lookbehind.
ADJACENT_LITERAL = rb"[\"']\r?\n\+?[ \t]+[\"']"
ADJACENT_LITERAL_SEARCH = rb"\n(?:(?<=[\"']\n)|(?<=[\"']\r\n))\+?[ \t]+[\"']"
# Sixteen bytes or more, each a `\x` escape; sixteen characters or more, each a `\u00` escape (Java source and
# javascript-obfuscator's `unicodeEscapeSequence` write every character of a literal so).
ESCAPED_RUN = rb"(?:\\x[0-9A-Fa-f]{2}){16}"
ESCAPED_UNICODE_RUN = rb"(?:\\u00[0-9A-Fa-f]{2}){16}"
# quoted-printable's encoded `=` (RFC 2045 6.7)
QP_MARKERS: tuple[bytes, ...] = (b"=3D",)


@dataclass(frozen=True)
class Anchor:
    """One literal the engines report: a text marker, or a base64 form of a keyword whose first
    character is ``phase`` characters past the start of its 4-character group."""

    literal: bytes
    kind: str  # BASE64, TEXT, CONCAT, …
    phase: int = 0
    reach: int = MARKER_REACH  # TEXT: the bytes around the marker that must hold a keyword
    # A pattern, not a literal (reported at the ``opener`` byte its matches start with: an engine
    # that reports where a match ends finds its start by that byte).
    pattern: bool = False
    opener: bytes = b""
    search: bytes = b""  # the pattern as the portable engine searches it, when not as written


@dataclass(frozen=True)
class DecodeAnchors:
    """The literals of one rule set, and the keywords a decoded text must hold to be scanned."""

    anchors: tuple[Anchor, ...]
    keywords: tuple[bytes, ...]  # lower-case
    # What :meth:`holds_keyword` answers, by an engine that searches every keyword in one pass (Hyperscan): a base64
    # capture's 1,700 texts decoded from spots, each searched for each keyword, were a twentieth of its scan.
    finder: Callable[[bytes], bool] | None = field(default=None, compare=False, repr=False)

    @property
    def literals(self) -> list[bytes]:
        """The literal anchors, first in ``anchors``: a literal's index is its anchor's."""
        return [anchor.literal for anchor in self.anchors if not anchor.pattern]

    @property
    def patterns(self) -> list[tuple[int, Anchor]]:
        """The anchors that are patterns, after the literals, with their index."""
        return [(index, anchor) for index, anchor in enumerate(self.anchors) if anchor.pattern]

    @functools.cached_property
    def _innermost_keywords(self) -> tuple[bytes, ...]:
        """The keywords that hold no other (49 of the shipped 131): a text holding ``iugu_token`` holds ``iugu``,
        so asking for the shorter alone gives the same answer, and each keyword asked is a search of the text
        (a base64 capture's 1,700 decoded bodies: 0.34 s CPU for all 131)."""
        return tuple(_innermost(self.keywords))

    def holds_keyword(self, text: bytes) -> bool:
        """Whether ``text`` holds one of the secret rules' keywords, in any case."""
        if self.finder is not None:
            return self.finder(text)
        lowered = text.lower()
        return any(keyword in lowered for keyword in self._innermost_keywords)

    def keyword_spans(self, text: bytes) -> list[tuple[int, int]]:
        """Where the keywords occur in ``text``, in any case."""
        lowered = text.lower()
        spans = []
        for keyword in self.keywords:
            start = lowered.find(keyword)
            while start >= 0:
                spans.append((start, start + len(keyword)))
                start = lowered.find(keyword, start + 1)
        return spans


def base64_forms(keyword: bytes) -> list[tuple[bytes, int]]:
    """The fixed characters of ``base64(keyword)`` at each alignment, with their phase.

    With ``a`` unknown bytes before the keyword (``a`` = 0, 1, 2), character ``i`` of the encoding
    covers bits ``6i`` to ``6i + 6``; it depends on the keyword alone when those bits lie within
    the keyword's ``8a`` to ``8(a + len)``."""
    forms = []
    for before in range(3):
        encoded = base64.b64encode(b"\0" * before + keyword + b"\0\0")
        first = -(-8 * before // 6)
        last = (8 * (before + len(keyword))) // 6  # one past the last whole character
        form = encoded[first:last]
        if len(form) >= MIN_BASE64_FORM:
            forms.append((form, first % 4))
    return forms


def _encoded_keywords(keywords: list[str]) -> list[str]:
    """The keywords whose base64 forms are searched: a keyword holding a shorter one that has
    forms (``api_token`` holds ``token``) adds none, since text holding it holds the shorter one,
    whose forms then occur in its base64 at whatever alignment. Fewer literals keep the portable
    engine's one search per literal cheap."""
    return _innermost([keyword for keyword in keywords if base64_forms(keyword.encode("utf-8"))])


def _innermost(keywords: Sequence[AnyStr]) -> list[AnyStr]:
    """The keywords that hold no other of ``keywords``: where one holds another, an anchor on the
    shorter already fires wherever the longer is written."""
    return [keyword for keyword in keywords if not any(other != keyword and other in keyword for other in keywords)]


def _add_base64_forms(anchors: list[Anchor], seen: set[bytes], written: bytes, kind: str) -> None:
    """Append an anchor of ``kind`` for each base64 form of ``written`` not yet ``seen``, in the
    standard and the URL-safe alphabet."""
    for form, phase in base64_forms(written):
        for literal in (form, form.replace(b"+", b"-").replace(b"/", b"_")):
            if literal not in seen:
                seen.add(literal)
                anchors.append(Anchor(literal, kind, phase))


def _add_hex_forms(anchors: list[Anchor], seen: set[bytes], written: bytes) -> None:
    """Append an anchor for the hex of ``written``, in lower- and upper-case digits, its bytes
    side by side or parted by spaces, not yet ``seen``."""
    for hexed, kind in ((written.hex(), PROVIDER_HEX), (written.hex(" "), SPACED_HEX)):
        for form in (hexed.encode(), hexed.upper().encode()):
            if form not in seen:
                seen.add(form)
                anchors.append(Anchor(form, kind))


def _add_escaped_forms(anchors: list[Anchor], seen: set[bytes], keywords: list[str]) -> None:
    """Append an anchor for each keyword with a `_` as markup that escapes it writes the keyword
    (LaTeX and Markdown: ``aact\\_``), in lower and upper case: the line is decoded whatever it
    holds, as a run of byte escapes is, since no keyword is left as written near its escapes."""
    for keyword in _encoded_keywords(keywords):
        for spelling in sorted({keyword, keyword.upper()} if "_" in keyword else ()):
            form = spelling.replace("_", "\\_").encode("utf-8")
            if form not in seen:
                seen.add(form)
                anchors.append(Anchor(form, ESCAPED))


def decode_anchors(rules: RuleSet) -> DecodeAnchors:
    """The anchors of the rules that capture secrets (a setting such as ``verify=False`` is not
    worth decoding for), in a stable order both engines share."""
    keywords = sorted({keyword.lower() for rule in rules if rule.captures_secret for keyword in rule.keywords})
    anchors = [Anchor(marker, TEXT, reach=ANSI_REACH if marker in SPLITTING_MARKERS else MARKER_REACH)
               for marker in TEXT_MARKERS]
    anchors += [Anchor(marker, CONCAT) for marker in CONCAT_MARKERS]
    anchors += [Anchor(marker, QP) for marker in QP_MARKERS]
    anchors += [Anchor(marker, CSV, reach=CELL_REACH) for marker in CELL_MARKERS]
    anchors += [Anchor(marker, PARTIAL) for marker in CRI_MARKERS]
    seen = {*TEXT_MARKERS, *CONCAT_MARKERS, *QP_MARKERS, *CELL_MARKERS, *CRI_MARKERS}
    for keyword in _encoded_keywords(keywords):
        for spelling in sorted({keyword, keyword.upper(), keyword.title()}):
            for codec in ("utf-8", "utf-16-le"):  # UTF-16LE: PowerShell's -EncodedCommand (keyaudit.engine.wide)
                _add_base64_forms(anchors, seen, spelling.encode(codec), BASE64)
    for written in (record_anchor.encode("utf-8") for record_anchor in rules.record_anchors):
        if len(written) >= MIN_ENCODED_ANCHOR:
            _add_base64_forms(anchors, seen, written, PROVIDER_PAYLOAD)
            _add_hex_forms(anchors, seen, written)
    for keyword in _encoded_keywords(keywords):
        if len(keyword) >= MIN_HEX_KEYWORD:
            for spelling in sorted({keyword, keyword.upper()}):
                _add_hex_forms(anchors, seen, spelling.encode("utf-8"))
    _add_escaped_forms(anchors, seen, keywords)
    anchors.append(Anchor(MARK.encode(), DUMP))
    anchors += [Anchor(marker.encode(), HEX) for marker in HEX_MARKERS]
    anchors += [Anchor(marker.encode(), REG) for marker in REG_MARKERS]
    anchors += [Anchor(form, PAYLOAD) for form in magic_forms() if form not in seen]
    anchors.append(Anchor(BYTE_ARRAY, BYTES, pattern=True, opener=b"["))
    anchors.append(Anchor(BINARY, BYTES, pattern=True, opener=b"<<"))
    anchors.append(Anchor(BYTE_ARGUMENTS, BYTES, pattern=True, opener=b"("))
    anchors += [Anchor(HEX_BRACED, BYTES, pattern=True, opener=b"{"),
                Anchor(HEX_BRACKETED, BYTES, pattern=True, opener=b"[")]
    anchors.append(Anchor(ESCAPED_RUN, ESCAPED, pattern=True, opener=b"\\x"))
    anchors.append(Anchor(ESCAPED_UNICODE_RUN, ESCAPED, pattern=True, opener=b"\\u00"))
    anchors.append(Anchor(DOCKER_PARTIAL, PARTIAL, pattern=True, opener=DOCKER_OPENER, search=DOCKER_PARTIAL_SEARCH))
    anchors.append(Anchor(ADJACENT_LITERAL, CONCAT, pattern=True, opener=b"\n", search=ADJACENT_LITERAL_SEARCH))
    wrapped = sorted({keyword.encode("utf-8") for rule in rules if rule.line_wrapped for keyword in rule.keywords})
    anchors += [Anchor(re.escape(keyword) + CUT_RUN, WRAPPED, pattern=True, opener=keyword)
                for keyword in _innermost(wrapped)]
    return DecodeAnchors(tuple(anchors), tuple(keyword.encode("utf-8") for keyword in keywords))
