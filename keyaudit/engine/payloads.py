"""Payloads: values whose bytes are another text — gzip, zlib or zstd inside base64, base64 or bare
hex that names a provider, a JSON array of byte values — opened into that text, bounded in size.

A CloudWatch Logs subscription event logs its records as ``base64(gzip(json))``; ``journalctl -o
json`` writes a message holding a control byte as an array of its byte values. Nothing of the
text inside is on the line, not even a keyword's encoded form, so the decoding layers' keyword
anchors never see it. What the line does show is the container: a base64 run that *starts* with
the encoding of a compression format's magic (``H4sI`` is gzip's), or ``[`` and a run of small
integers. The engines report those places (:mod:`keyaudit.engine.encodings`), and each is opened
here once.

Opening is bounded: at most :data:`MAX_PAYLOAD_BYTES` of encoded value are read, at most :data:`MAX_OUTPUT_BYTES` of
text come out (a zip bomb is cut there), :data:`MAX_NESTING` formats deep, each cut counted (:data:`PAYLOADS_CUT`);
a damaged stream gives the text decoded before the damage. A payload that does not open, or opens to bytes that are
not text, costs only itself. The text it opens to is read by the secret rules and, where it writes requests out, by
the request readers (:class:`keyaudit.engine.windows.NestedText`); what they find is placed on the encoded value
(its bytes say nothing of where inside it a byte was).
"""

from __future__ import annotations

import base64
import re
import zlib
from array import array
from dataclasses import dataclass, field, replace
from typing import Callable, Sequence

from keyaudit.engine.unwrap import Base64Origin, base64_bytes, run_start, unwrapped

MAX_PAYLOAD_BYTES = 8 << 20  # of an encoded value read, across the engine's buffers
PAYLOADS_CUT = "payloads_cut"  # the scan's statistic of the payloads read only to that bound (never a silent cut)
MAX_OUTPUT_BYTES = 16 << 20  # of text one payload opens to, nested formats included
MAX_NESTING = 3  # formats opened inside one another (gzip inside a byte array: two)
_PIECE_BYTES = 4 << 10  # compressed input fed at a time: damage loses at most this much before it
_ARRAY_PIECE_BYTES = 64 << 10  # of a byte array's text read into bytes at once
NOT_TEXT_SHARE = 0.05  # of a payload's characters, at most, undecodable or control: else it is no text
_SAMPLE_BYTES = 64 << 10  # of the opened bytes judged for being text

GZIP_MAGIC = b"\x1f\x8b\x08"
ZLIB_HEADERS = (b"\x78\x01", b"\x78\x5e", b"\x78\x9c", b"\x78\xda")  # the four compression levels
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
# A list of at least 16 byte values: shorter ones hold no request and no key. A JSON array
# (``[80,79,83,84,…`` or ``[80, 79, …``), or Go's ``%v`` of a ``[]byte`` (``[80 79 83 …]``); an
# Erlang binary as ``~w`` writes it (``<<80,79,83,…>>``); a call's arguments (JavaScript's
# ``String.fromCharCode(80, 79, …)``, code that builds a key from its character codes). Each matched
# from its opener.
BYTE_ARRAY = rb"\[\s*\d{1,3}(?:(?:\s*,\s*| +)\d{1,3}){15}"
BINARY = rb"<<\d{1,3}(?:,\d{1,3}){15}"
BYTE_ARGUMENTS = rb"\(\s*\d{1,3}(?:\s*,\s*\d{1,3}){15}"
# Or the bytes in hex, as C and the languages after it write a byte array's literal (`{ 0x50, 0x4f, …
# };`, Go's `[]byte{0x50, …}`, Rust's `[0x50, …]`, Wireshark's "C Arrays" of a followed stream, eight a
# line after a comment): matched from its brace or bracket (once a list, as the decimal ones), read on
# over lines to the one that closes it.
_HEX_OPENING = rb"\s*(?:/\*[^*\n]{0,80}\*/\s*)?"
HEX_BRACED, HEX_BRACKETED = (re.escape(opener) + _HEX_OPENING + rb"0x[0-9A-Fa-f]{2}(?:\s*,\s*0x[0-9A-Fa-f]{2}){15}"
                             for opener in (b"{", b"["))
_HEX_START = re.compile(rb"[{\[]" + _HEX_OPENING + rb"(?=0[xX][0-9A-Fa-f])")
_ARRAY_BODY = re.compile(rb"[\d,\s-]*(?:\]|>>|\))?")
_NUMBER = re.compile(rb"-?\d+")
_HEX_BODY = re.compile(rb"(?:0[xX][0-9A-Fa-f]{1,2}|[,\s])*[}\]]?")
_HEX_NUMBER = re.compile(rb"0[xX]([0-9A-Fa-f]{1,2})")
_HEX_DIGITS = b"0123456789abcdefABCDEF"
_HEX_DIGIT = frozenset(_HEX_DIGITS)
_HEX_RUN = re.compile(rb"[0-9A-Fa-f]*")
_SPACED_HEX_RUN = re.compile(rb"(?:[0-9A-Fa-f]{2}(?: (?=[0-9A-Fa-f]{2}))?)*")
# What text holds rarely: a control character (not a tab, a line break, a terminal's escape) or
# a byte that is no UTF-8 (decoded as U+FFFD). Random bytes are a third of them.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f\ufffd]")


def _zstd_decompressor() -> object | None:
    try:
        from compression import zstd  # type: ignore[import-not-found]  # Python 3.14 on
    except ImportError:
        try:
            from backports import zstd  # type: ignore[no-redef]
        except ImportError:  # pragma: no cover - a dependency where Python is older
            return None
    return zstd.ZstdDecompressor()


# Each format: its name, the bytes it starts with, and a fresh decompressor for one stream.
FORMATS: tuple[tuple[str, tuple[bytes, ...], Callable[[], object | None]], ...] = (
    ("gzip", (GZIP_MAGIC,), lambda: zlib.decompressobj(wbits=31)),
    ("zlib", ZLIB_HEADERS, lambda: zlib.decompressobj(wbits=15)),
    ("zstd", (ZSTD_MAGIC,), _zstd_decompressor),
)


def magic_forms() -> list[bytes]:
    """The base64 characters every value starting with a format's magic starts with, then those
    of the base64 of each such value: a compressed blob encoded twice (a Helm release as its
    Kubernetes Secret keeps it: the release JSON gzipped and base64-encoded by Helm, base64-encoded
    again in the Secret's ``data``)."""
    forms = _magic_starts()
    return forms + [base64.b64encode(form + b"\0\0")[: len(form) * 8 // 6] for form in forms]


def _magic_starts() -> list[bytes]:
    """The base64 characters every value starting with a format's magic starts with (the magic's
    whole 6-bit groups; a zlib header's two bytes give two, so its third character, which holds
    four bits of the header, is spelt out in its four possible values)."""
    forms = []
    for _name, magics, _opener in FORMATS:
        for magic in magics:
            whole = len(magic) * 8 // 6
            encoded = base64.b64encode(magic + b"\0\0")
            if len(magic) % 3 == 2:  # two bytes: 16 bits = two characters and four bits of a third
                forms += [encoded[:whole] + bytes([char]) for char in _third_characters(magic)]
            else:
                forms.append(encoded[:whole])
    return forms


def _third_characters(magic: bytes) -> bytes:
    """The third base64 character of a two-byte ``magic`` followed by any byte: its last four bits
    and the next byte's first two."""
    return bytes(base64.b64encode(magic + bytes([high << 6]))[2] for high in range(4))


# What a compressed blob's base64 starts with: a decoded base64 value that starts so is opened again.
_ENCODED_MAGIC = tuple(_magic_starts())


@dataclass
class Opened:
    """The text a payload opened to, and the formats it went through (``base64+gzip``)."""

    text: bytes
    steps: list[str]
    # For a byte array or base64 opened to text, the offset in the value of each byte's number or characters (and its
    # end); empty when the text came out of a compressed stream, whose bytes have no place.
    origin: Sequence[int] = field(default_factory=list)
    cut: bool = False  # its text went on past MAX_OUTPUT_BYTES, or it was compressed past MAX_NESTING (no text)


def open_base64(run: bytes) -> Opened | None:
    """A base64 run opened to its text: the text of the compressed stream it holds, or the text
    it encodes (each byte placed on the characters it came from, a wrapped run's line breaks left
    out); None when it opens to no text."""
    if b"\n" in run:
        kept, shown = unwrapped(run)
        opened = open_base64(kept)
        if opened is None or not opened.origin:
            return opened
        return Opened(opened.text, opened.steps, [shown[index] for index in opened.origin])
    data = base64_bytes(run)
    if data is None:
        return None
    if _format(data) is not None:
        return _decompressed(data, ["base64"], MAX_NESTING)
    if data.startswith(_ENCODED_MAGIC):  # base64 of a compressed blob's base64: opened once more
        inner = open_base64(data)
        return replace(inner, steps=["base64", *inner.steps]) if inner is not None and not inner.origin else None
    return Opened(data, ["base64"], Base64Origin(len(data), len(run))) if data and _is_text(data) else None


def hex_run(buffer: bytes, anchor: int, start: int, stop: int) -> tuple[int, int]:
    """The run of hex digits around ``anchor`` within ``buffer[start:stop]``, from a byte's first
    digit (the anchor's parity: it is a byte's hex), to its last digit."""
    first = run_start(buffer, anchor, start, _HEX_DIGITS)
    return first + (anchor - first) % 2, hex_end(buffer, anchor, stop)


def spaced_hex_run(buffer: bytes, anchor: int, start: int, stop: int) -> tuple[int, int]:
    """The run of bytes in hex parted by single spaces (``24 61 61 63``: Python's ``bytes.hex(" ")``,
    a message's value as a broker's console or a debugger shows it) around ``anchor`` (a byte's
    first digit) within ``buffer[start:stop]``, from its first byte to its last."""
    first = anchor
    while first - 3 >= start and buffer[first - 1] == 0x20 and {*buffer[first - 3 : first - 1]} <= _HEX_DIGIT:
        first -= 3
    return first, _SPACED_HEX_RUN.match(buffer, anchor, max(anchor, stop)).end()  # type: ignore[union-attr]


def hex_end(buffer: bytes, position: int, stop: int) -> int:
    """Where the run of hex digits going on at ``buffer[position]`` ends, within ``stop``."""
    return _HEX_RUN.match(buffer, position, max(position, stop)).end()  # type: ignore[union-attr]


def open_hex(run: bytes) -> Opened | None:
    """A run of hex digits (wrapped over lines or not) opened to its text, or the text of the
    compressed stream it holds, each byte placed on its first digit; None when it opens to no text."""
    kept, shown = unwrapped(run)
    try:
        data = bytes.fromhex(kept[: len(kept) - len(kept) % 2].decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        return None
    if _format(data) is not None:
        return _decompressed(data, ["hex"], MAX_NESTING)
    return Opened(data, ["hex"], shown[: 2 * len(data) : 2] + [shown[-1]]) if data and _is_text(data) else None


def _opening(value: bytes, start: int = 0) -> tuple[int, bool]:
    """How long the opener of the list of byte values at ``value[start]`` is (``<<``, ``[`` or ``(``, or a
    list in hex's brace or bracket and the blanks and comment after it), and whether it is in hex."""
    hexed = _HEX_START.match(value, start)
    if hexed is not None:
        return hexed.end() - start, True
    return (2 if value.startswith(b"<<", start) else 1), False


def in_hex(value: bytes) -> bool:
    """Whether the list of byte values ``value`` starts writes them in hex."""
    return _opening(value)[1]


def open_byte_array(value: bytes) -> Opened | None:
    """A list of byte values (from its ``[`` or ``<<``) opened to the bytes it lists, and those
    opened further when they are compressed; None when a value is not a byte or the bytes are not
    text (see :func:`array_bytes`)."""
    read = array_bytes(value)
    if read is None:
        return None
    data, end = read
    if _format(bytes(data[:4])) is not None:
        return _decompressed(bytes(data), ["bytes"], MAX_NESTING)
    return Opened(bytes(data), ["bytes"], _ArrayOrigin(value, end, len(data))) if _is_text(data) else None


def array_bytes(value: bytes) -> tuple[bytearray, int] | None:
    """The bytes a list of byte values (from its opener: see :func:`_opening`) lists, and where the list's values end;
    None when a value is not a byte. The one reading of a byte array's text, in a stream's payload and in a request's
    body alike. A list cut short (a line cut by its writer) gives the bytes before the cut. The numbers are read a piece
    at a time, each piece at C speed (an array of megabytes has millions of them); a list of signed bytes (Java's
    ``byte``, -128 to 127: ``Arrays.toString``, Gson) is read as such once a value is found below 0."""
    start, hexed = _opening(value)
    body = (_HEX_BODY if hexed else _ARRAY_BODY).match(value, start)
    assert body is not None  # the pattern matches the empty string
    data = bytearray()
    end = body.end()
    while start < end:
        piece_end = min(end, start + _ARRAY_PIECE_BYTES)  # a piece ends after a comma or a blank
        stop = max(value.rfind(b",", start, piece_end), value.rfind(b" ", start, piece_end)) + 1
        stop = stop if stop > start and piece_end < end else end
        try:
            data += (_hex_bytes(_HEX_NUMBER.findall(value, start, stop)) if hexed
                     else bytes(map(int, _NUMBER.findall(value, start, stop))))
        except ValueError:  # a number over 255 or below 0
            signed = None if hexed else listed_bytes(list(map(int, _NUMBER.findall(value, start, stop))))
            if signed is None:
                return None
            data += signed
        start = stop
    return data, end


def _hex_bytes(digits: list[bytes]) -> bytes:
    """The bytes of each byte's hex ``digits``: two each, read at once, or some one (Go's ``%#v``: ``0xa``)."""
    joined = b"".join(digits)
    return bytes.fromhex(joined.decode()) if len(joined) == 2 * len(digits) else bytes(int(one, 16) for one in digits)


def listed_bytes(values: Sequence[int]) -> bytes | None:
    """The bytes ``values`` are: each a byte (0 to 255), or each a signed byte (-128 to 127), some below 0 (Java's
    ``byte[]``, as Gson writes it: its byte adapter takes either range); else None."""
    if all(0 <= value < 256 for value in values):
        return bytes(values)
    if all(-128 <= value < 128 for value in values):
        return bytes(value & 0xFF for value in values)
    return None


class _ArrayOrigin(Sequence[int]):
    """The offset in a byte array's text of each byte's number (and the array's end), found
    when a finding in its text is placed: most arrays hold none, and a long one has millions."""

    def __init__(self, value: bytes, end: int, count: int) -> None:
        self._value, self._end, self._count = value, end, count
        self._starts: array[int] | None = None

    def _listed(self) -> "array[int]":
        if self._starts is None:
            start, hexed = _opening(self._value)
            numbers = (_HEX_NUMBER if hexed else _NUMBER).finditer(self._value, start, self._end)
            self._starts = array("q", (number.start() for number in numbers))
            self._starts.append(self._end)
        return self._starts

    def __len__(self) -> int:
        return self._count + 1

    def __getitem__(self, index: int) -> int:  # type: ignore[override]  # asked by position only
        return self._listed()[index]


def _format(data: bytes) -> tuple[str, Callable[[], object | None]] | None:
    for name, magics, opener in FORMATS:
        if data.startswith(magics):
            return name, opener
    return None


def _decompressed(data: bytes, steps: list[str], depth: int) -> Opened | None:
    """``data`` decompressed while it starts with a format's magic (up to ``depth`` formats), each
    to at most :data:`MAX_OUTPUT_BYTES`; None unless that ends in text. Where a bound cut it, the
    payload says so (``cut``): one compressed once more than ``depth`` allows opens to no text."""
    cut = False
    while (found := _format(data)) is not None:
        if depth == 0:
            return Opened(b"", steps, cut=True)
        name, opener = found
        decompressor = opener()
        if decompressor is None:
            return None
        data, more = _inflate(decompressor, data)
        cut = cut or more
        steps.append(name)
        depth -= 1
    return Opened(data, steps, cut=cut) if data and _is_text(data) else None


def _inflate(decompressor: object, data: bytes) -> tuple[bytes, bool]:
    """What ``decompressor`` makes of ``data``, fed in pieces so that damage keeps the output before it, and whether
    it made more than :data:`MAX_OUTPUT_BYTES`: cut there (a byte past it is asked for, to tell a stream ending at the
    bound from one cut by it). Members after the first (a gzip of several) are not read: one stream is one payload."""
    out: list[bytes] = []
    size = 0
    decompress = decompressor.decompress  # type: ignore[attr-defined]
    for start in range(0, len(data), _PIECE_BYTES):
        try:
            piece = decompress(data[start : start + _PIECE_BYTES], MAX_OUTPUT_BYTES + 1 - size)
        except Exception:  # noqa: BLE001 - whatever a decompressor says of damage (zlib.error, ZstdError)
            break  # the text before the damage stands
        size += len(piece)
        out.append(piece[: MAX_OUTPUT_BYTES - size] if size > MAX_OUTPUT_BYTES else piece)  # the byte past it off
        if size > MAX_OUTPUT_BYTES or getattr(decompressor, "eof", False):
            break
    return b"".join(out), size > MAX_OUTPUT_BYTES


def _is_text(data: bytes | bytearray) -> bool:
    """Whether the bytes read as text: UTF-8 (a character cut at the sample's end aside) with few
    control characters — journald writes an array for one of them, or for a byte of Latin-1."""
    sample = bytes(data[:_SAMPLE_BYTES]).decode("utf-8", "replace")
    return len(_NOT_TEXT.findall(sample)) <= NOT_TEXT_SHARE * len(sample) + 3


def array_end(buffer: bytes, start: int, stop: int) -> int:
    """Where the list of byte values starting at ``buffer[start]`` (its ``[``, ``<<`` or ``{``) ends,
    its ``]``, ``>>`` or ``}`` included, within ``stop``: at the first byte that is no value, comma or space."""
    length, hexed = _opening(buffer, start)
    return array_body_end(buffer, start + length, stop, hexed)


def array_body_end(buffer: bytes, position: int, stop: int, hexed: bool = False) -> int:
    """Where the byte array going on at ``buffer[position]`` ends, its ``]`` included, within
    ``stop``; ``hexed``: its values are in hex."""
    found = (_HEX_BODY if hexed else _ARRAY_BODY).match(buffer, position, max(position, stop))
    return found.end() if found is not None else position
