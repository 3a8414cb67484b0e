"""Unwrapping one layer at a time: text escapes and base64, each keeping where every decoded byte
came from.

A layer turns bytes into bytes and an *origin* list: ``origin[i]`` is the offset in its input of
the encoded form of decoded byte ``i`` (one more entry, for the end). Layers compose by
composing origins, so a finding in text decoded three times still points at the bytes of the
original file. Each layer is a plain function; :func:`peel` applies the text layers until none
changes the text or the depth is spent, and names what it did (``percent×2+html``).
"""

from __future__ import annotations

import base64
import binascii
import itertools
import re
from dataclasses import dataclass
from typing import Callable, Sequence

Origin = Sequence[int]
Layer = Callable[[bytes], "tuple[bytes, Origin] | None"]

_PERCENT = re.compile(rb"%([0-9A-Fa-f]{2})")
_ENTITY = re.compile(rb"&(?:#([0-9]{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));")
# CSI (colours), a control string to BEL or ST (OSC links; DCS, SOS, PM, APC: a CI log's `\x1b_bk;t=<ms>\x07`), ESC x.
_ANSI = re.compile(rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)|[()][0-9A-Za-z]|[@-Z\\-_])")
# A string literal's backslash escape (JSON, Python, Go, Java, JavaScript), its line breaks and tabs too.
_BACKSLASH = re.compile(rb"\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|([\\\"'/_$])|([nrt]))")
# Two literals of one quote joined by an operator at the first's line end or the next's start (``+``; ``.`` PHP,
# Perl; ``..`` Lua; ``<>`` Elixir; ``^`` OCaml; ``~`` Jinja; ``||`` SQL; ``&``, ``& _`` VB), a builder's call
# (``").append("``, ``").concat("``) or side by side on consecutive lines (Python, C, Dart; Ruby after a backslash):
# a long key a formatter or a line length limit cut in pieces. Or one literal a backslash ending the line continues
# (shell, C, Rust, Java text blocks, YAML, TOML): the next line's indentation goes with the break (a key holds none).
_JOIN_OPERATOR = rb"(?:\+|\.\.?|<>|\^|~|\|\||&(?:[ \t]+_)?)"
CONCATENATION = re.compile(rb"([\"'`])(?:[ \t]*(?:" + _JOIN_OPERATOR + rb"[ \t]*(?:\r?\n[ \t]*)?|\\?\r?\n[ \t]*(?:"
                            + _JOIN_OPERATOR + rb")?[ \t]*)|\)[ \t]*(?:\r?\n[ \t]*)?\.(?:append|concat)\()\1"
                            rb"|\\\r?\n[ \t]*")
# quoted-printable (RFC 2045 6.7): `=` and two capital hex digits, or `=` ending a line (a soft break)
_QUOTED_PRINTABLE = re.compile(rb"=(?:([0-9A-F]{2})|\r?\n)")
# Where a web page lets a long word break, kept by a copy: zero-width characters, a soft hyphen, `<wbr>`.
_BREAK_OPPORTUNITY = re.compile(rb"\xe2\x80[\x8b-\x8d]|\xe2\x81\xa0|\xc2\xad|<wbr\s?/?>")
_BASE64_BYTE = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_"
_BASE64_RUN = re.compile(rb"[A-Za-z0-9+/_-]*={0,2}")
# The bytes of text (printable ASCII, tab and line ends, and UTF-8's): deleted by bytes.translate, what is left is not
_TEXT_BYTES = bytes([*b"\t\r\n", *range(0x20, 0x7F), *range(0x80, 0x100)])
_BLANK = frozenset(b" \t")  # what may indent the lines of a wrapped base64 block
_BREAK = b"\r\n \t"  # what goes with a wrapped block's line breaks
PRINTABLE_SHARE = 0.9  # of a decoded base64 run's bytes, for it to be text worth scanning
MIN_WRAP_WIDTH = 40  # characters a line of a wrapped base64 text holds at least (MIME's 76, PEM's 64)


def substitute(data: bytes, pattern: re.Pattern[bytes], replacement: Callable[[re.Match[bytes]], bytes | None]
                ) -> tuple[bytes, Origin] | None:
    """``data`` with each match of ``pattern`` replaced (None: left as written), and the origin of
    every output byte; None when nothing was replaced."""
    pieces: list[bytes] = []
    origin: Origin = []
    position = 0
    for match in pattern.finditer(data):
        value = replacement(match)
        if value is None:
            continue
        pieces.append(data[position : match.start()])
        origin.extend(range(position, match.start()))
        pieces.append(value)
        origin.extend([match.start()] * len(value))
        position = match.end()
    if not pieces:
        return None
    pieces.append(data[position:])
    origin.extend(range(position, len(data) + 1))
    return b"".join(pieces), origin


def _character(code: int) -> bytes | None:
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return None
    return chr(code).encode("utf-8")


def percent(data: bytes) -> tuple[bytes, Origin] | None:
    """``%XX`` decoded once (``%2524`` becomes ``%24``: one layer at a time)."""
    return substitute(data, _PERCENT, lambda match: bytes([int(match[1], 16)]))


def _entity(match: re.Match[bytes]) -> bytes | None:
    if match[1] is not None:
        return _character(int(match[1]))
    if match[2] is not None:
        return _character(int(match[2], 16))
    import html.entities  # a dict of 2,231 names, loaded by the first named entity met, not at start-up

    named = html.entities.html5.get(match[3].decode("ascii") + ";")
    return named.encode("utf-8") if named is not None else None


def html_entities(data: bytes) -> tuple[bytes, Origin] | None:
    """Decimal, hexadecimal and named HTML entities decoded once (``&amp;quot;`` takes two)."""
    return substitute(data, _ENTITY, _entity)


def ansi(data: bytes) -> tuple[bytes, Origin] | None:
    """Terminal escape sequences (colours around or inside a value) removed."""
    return substitute(data, _ANSI, lambda match: b"")


def break_opportunities(data: bytes) -> tuple[bytes, Origin] | None:
    """Invisible break opportunities removed (a key copied from a documentation page)."""
    return substitute(data, _BREAK_OPPORTUNITY, lambda match: b"")


def _unescaped(match: re.Match[bytes]) -> bytes | None:
    if match[1] is not None:
        return bytes([int(match[1], 16)])
    if match[2] is not None:
        return _character(int(match[2], 16))
    return match[3] if match[3] is not None else {b"n": b"\n", b"r": b"\r", b"t": b"\t"}[match[4]]


def backslash(data: bytes) -> tuple[bytes, Origin] | None:
    """One level of string-literal escapes: ``\\xNN``, ``\\uNNNN``, ``\\\\``, ``\\"``, ``\\/``, ``\\'``, ``\\n``,
    ``\\r``, ``\\t`` (JSON escaped twice takes two), and markup's ``\\_`` and ``\\$`` (LaTeX, Markdown)."""
    return substitute(data, _BACKSLASH, _unescaped)


def concatenation(data: bytes) -> tuple[bytes, Origin] | None:
    """String literals joined as the code that wrote them joins them (``"ab" +\n "cd"`` is
    ``"abcd"``, and so is ``"ab\\`` ending a line before ``  cd"``)."""
    return substitute(data, CONCATENATION, lambda match: b"")


def quoted_printable(data: bytes) -> tuple[bytes, Origin] | None:
    """Quoted-printable decoded: ``=XX`` octets, soft line breaks taken out (a line cut in a key).
    Once, never as a layer that repeats (:func:`peel`): its output's own ``=53`` (``KEY=53de…``)
    is text, and only where its marks were seen (``a=12`` elsewhere is no escape)."""
    return substitute(data, _QUOTED_PRINTABLE, lambda match: bytes([int(match[1], 16)]) if match[1] else b"")


# In the order a round applies them: escapes that wrap others come off first. Literals are joined only where a
# concatenation was seen (:data:`JOINING_LAYERS`): a round over every escaped line would try the join at each quote.
TEXT_LAYERS: tuple[tuple[str, Layer], ...] = (("ansi", ansi), ("html", html_entities), ("json", backslash),
                                              ("percent", percent), ("breaks", break_opportunities))
JOINING_LAYERS: tuple[tuple[str, Layer], ...] = (("concatenation", concatenation), *TEXT_LAYERS)


@dataclass
class Decoded:
    """Text decoded from ``source``, the origin of each of its bytes there, and the layers applied."""

    text: bytes
    origin: Origin
    steps: list[str]
    opaque: bool = False  # decompressed: its bytes have no origin (``origin`` is empty)
    cut: bool = False  # a payload opened only in part (:attr:`keyaudit.engine.payloads.Opened.cut`)

    def then(self, name: str, text: bytes, origin: Origin) -> None:
        """Apply one more layer, whose ``origin`` points into the current text."""
        self.origin = [self.origin[index] for index in origin]
        self.text = text
        self.steps.append(name)

    @property
    def name(self) -> str:
        """The layers as a report names them: runs of one layer counted (``percent×2+html``)."""
        runs = [(step, sum(1 for _ in run)) for step, run in itertools.groupby(self.steps)]
        return "+".join(step if count == 1 else f"{step}×{count}" for step, count in runs)


def peel(data: bytes, depth: int, layers: tuple[tuple[str, Layer], ...] = TEXT_LAYERS) -> Decoded | None:
    """``data`` with text ``layers`` removed, one application at a time, until none applies or
    ``depth`` applications are spent; None when none applied."""
    decoded = Decoded(data, list(range(len(data) + 1)), [])
    changed = True
    while changed and len(decoded.steps) < depth:
        changed = False
        for name, layer in layers:
            if len(decoded.steps) >= depth:
                break
            result = layer(decoded.text)
            if result is not None:
                decoded.then(name, *result)
                changed = True
    return decoded if decoded.steps else None


def base64_run(buffer: bytes, anchor: int, phase: int, start: int, stop: int) -> tuple[int, int]:
    """The base64 run around ``anchor`` within ``buffer[start:stop]``, from a 4-character group
    boundary (the anchor's ``phase`` says where groups start), to its padding."""
    first = run_start(buffer, anchor, start, _BASE64_BYTE)
    return first + (anchor - phase - first) % 4, base64_end(buffer, anchor, stop)


def run_start(buffer: bytes, anchor: int, start: int, alphabet: bytes) -> int:
    """Where the run of ``alphabet``'s bytes that goes on at ``anchor`` starts, not before ``start``: looked for back
    in windows growing fourfold, each stripped at C speed (a body's base64 run reaches 16 KiB back, for each anchor)."""
    first, width = anchor, 64
    while first > start and not (kept := len(buffer[max(start, first - width) : first].rstrip(alphabet))):
        first, width = max(start, first - width), width * 4
    return first if first <= start else max(start, first - width) + kept


def base64_end(buffer: bytes, position: int, stop: int) -> int:
    """Where the base64 run going on at ``buffer[position]`` ends, its padding included, within
    ``stop`` (``position`` itself when that byte is no base64)."""
    return _BASE64_RUN.match(buffer, position, max(position, stop)).end()  # type: ignore[union-attr]


def wrapped_run(buffer: bytes, first: int, last: int, start: int, stop: int,
                run_end: Callable[[bytes, int, int], int] | None = None) -> tuple[int, int]:
    """The base64 run ``buffer[first:last]`` with the lines it is wrapped over (within ``start``
    and ``stop``), where it fills its line: MIME (RFC 2045 6.8: at most 76 characters a line), PEM
    (64) and GNU base64 (76) break a base64 text at one width, every line but the last that wide, a
    multiple of 4 of at least :data:`MIN_WRAP_WIDTH`. A key longer than a line is cut by the
    breaks: the whole block is decoded. The lines may be indented alike, as a document nesting the
    block writes them (a YAML literal block: ``!!binary |``, Ruby's encode64 under a key): the
    indentation goes with the breaks. A run that shares its line with other text is one line's.
    ``run_end`` says where a run of the encoding ends (base64's, else: :func:`base64_end`)."""
    run_end = run_end or base64_end
    indent = _indentation(buffer, first, start)
    if indent is None or _whole_line(buffer, first, stop, run_end) != last:
        return first, last
    top, width = first, None  # the block's first line, and its width (of any line but the last)
    above = _line_above(buffer, first, start, stop, indent, run_end)
    while above is not None and (width is None or above[1] - above[0] == width):
        if width is None:
            width = above[1] - above[0]
            if width < MIN_WRAP_WIDTH or width % 4 or width < last - first:
                width = None
                break
        top = above[0]
        above = _line_above(buffer, above[0], start, stop, indent, run_end)
    own = last - first
    if width is None:
        if own < MIN_WRAP_WIDTH or own % 4:
            return first, last
        width = own
    elif own != width:  # the block's last line, shorter
        return top, last
    bottom = last
    while (below := _line_below(buffer, bottom, stop, indent, run_end)) is not None \
            and below[1] - below[0] <= width:
        bottom = below[1]
        if below[1] - below[0] < width:
            break
    return top, bottom


def _whole_line(buffer: bytes, begin: int, stop: int, run_end: Callable[[bytes, int, int], int]) -> int | None:
    """Where the run (base64, hex: ``run_end``) that fills the line starting at ``buffer[begin]``
    ends (before its line break), when the line holds nothing else; else None."""
    end = run_end(buffer, begin, stop)
    ended = end == stop or buffer[end : end + 1] == b"\n" or buffer[end : end + 2] == b"\r\n"
    return end if end > begin and ended else None


def _indentation(buffer: bytes, first: int, start: int) -> int | None:
    """How many blanks (spaces, tabs) open the line whose text starts at ``buffer[first]``; None
    where other text is before it on its line (or its line starts before ``start``)."""
    line = first
    while line > start and buffer[line - 1] in _BLANK:
        line -= 1
    return first - line if line == 0 or buffer[line - 1 : line] == b"\n" else None


def _line_above(buffer: bytes, begin: int, start: int, stop: int, indent: int,
                run_end: Callable[[bytes, int, int], int]) -> tuple[int, int] | None:
    """(start, end) of the base64 of the line above the one whose base64 starts at
    ``buffer[begin]``, when base64 fills it after ``indent`` blanks, as that one's."""
    begin -= indent
    if begin <= start or buffer[begin - 1 : begin] != b"\n":
        return None
    end = begin - 2 if buffer[begin - 2 : begin - 1] == b"\r" else begin - 1
    line = buffer.rfind(b"\n", start, end) + 1
    if line == 0 and start > 0:
        return None
    if _indentation(buffer, line + indent, line) != indent:
        return None
    return (line + indent, end) if _whole_line(buffer, line + indent, stop, run_end) == end else None


def _line_below(buffer: bytes, end: int, stop: int, indent: int,
                run_end: Callable[[bytes, int, int], int]) -> tuple[int, int] | None:
    """(start, end) of the base64 of the line below the one ending at ``buffer[end]``, when base64
    fills it after ``indent`` blanks."""
    following = end + (2 if buffer[end : end + 2] == b"\r\n" else 1)
    if buffer[following - 1 : following] != b"\n" or following + indent >= stop:
        return None
    if _indentation(buffer, following + indent, following) != indent:
        return None
    line_end = _whole_line(buffer, following + indent, stop, run_end)
    return (following + indent, line_end) if line_end is not None else None


def starts_base64_run(buffer: bytes, position: int) -> bool:
    """Whether a base64 run starts at ``buffer[position]``: the byte before it is none of its."""
    return position == 0 or buffer[position - 1] not in _BASE64_BYTE


def base64_bytes(run: bytes) -> bytes | None:
    """``run`` decoded, standard or URL-safe alphabet, padding optional (a last lone character,
    which holds no whole byte, dropped); None when it is no base64."""
    body = run.rstrip(b"=").replace(b"-", b"+").replace(b"_", b"/")
    body = body[: len(body) - len(body) % 4] if len(body) % 4 == 1 else body
    try:
        return base64.b64decode(body + b"=" * (-len(body) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None


def unwrapped(run: bytes) -> tuple[bytes, list[int]]:
    """A base64 run wrapped over lines (see :func:`wrapped_run`) without its line breaks and the
    indentation that goes with them, and where in ``run`` each character it keeps was (and the
    run's end, last)."""
    kept = run.translate(None, _BREAK)  # at C speed: most runs hold no break, and runs reach 32 KiB (a body's)
    shown = range(len(run)) if len(kept) == len(run) else [i for i, byte in enumerate(run) if byte not in _BREAK]
    return kept, [*shown, len(run)]


def unbase64(run: bytes) -> tuple[bytes, Origin] | None:
    """``run`` decoded (see :func:`base64_bytes`), when it decodes to text; byte ``i`` comes from
    character ``i // 3 * 4 + i % 3`` of the run (where its bits start), not counting the line
    breaks of a wrapped run (see :func:`wrapped_run`)."""
    if b"\n" in run:
        kept, shown = unwrapped(run)
        found = unbase64(kept)
        return None if found is None else (found[0], [shown[index] for index in found[1]])
    text = base64_bytes(run)
    if not text or len(text) - len(text.translate(None, _TEXT_BYTES)) < PRINTABLE_SHARE * len(text):
        return None
    return text, Base64Origin(len(text), len(run))


class Base64Origin(Sequence[int]):
    """Where each of the ``decoded`` bytes of a base64 run of ``run`` characters comes from:
    byte ``i`` from character ``i // 3 * 4 + i % 3`` (where its bits start); the run's end last.
    Worked out when asked, not listed: a payload of megabytes would list millions of numbers."""

    def __init__(self, decoded: int, run: int) -> None:
        self._decoded, self._run = decoded, run

    def __len__(self) -> int:
        return self._decoded + 1

    def __getitem__(self, index: int) -> int:  # type: ignore[override]  # asked by position only
        if index < 0:
            index += len(self)
        if not 0 <= index <= self._decoded:
            raise IndexError(index)
        return self._run if index == self._decoded else index // 3 * 4 + index % 3

