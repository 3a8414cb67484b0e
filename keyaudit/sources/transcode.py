"""Logs written in UTF-16 or UTF-32 (Windows services, PowerShell redirections) read as UTF-8.

The engine reads UTF-8 (ASCII, really: every key and host is ASCII); a UTF-16 log puts a NUL
after each of those characters and would match nothing, or be skipped as binary. So such text is
recognised by its byte-order mark or, without one, by the NULs that ASCII text in a wide encoding
has at fixed places in every code unit, and decoded as it is read, a piece at a time. A mark is
believed only with a NUL somewhere in the first bytes after it: wide text has one in every space,
newline and ASCII character, and 8-bit text that merely starts with the mark's bytes (a binary
header, Latin-1 ``ÿþ``) read as UTF-16 would be CJK characters, its keys lost without a word. A line
keeps its number (a newline stays a newline) and a column still counts characters; the mark
itself is not a character of the text, as an editor does not show it. With ``--state`` the
offset recorded is one in the decoded text, as for a decompressed file.
"""

from __future__ import annotations

import codecs
import io
from typing import BinaryIO

SNIFF_BYTES = 4096
READ_BYTES = 256 << 10
# Encodings with a byte-order mark; UTF-32 first, since its little-endian mark begins with UTF-16's.
_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
          (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Encodings without a mark: the width of a code unit and where ASCII's one non-NUL byte sits in it.
_UNMARKED = (("utf-32-le", 4, 0), ("utf-32-be", 4, 3), ("utf-16-le", 2, 0), ("utf-16-be", 2, 1))
_ASCII_SHARE = 0.7  # of code units that must look like an ASCII character in the wide encoding
_TEXT_SHARE = 0.95  # of decoded characters that must be printable or white space


def _is_text(sample: str) -> bool:
    """Whether decoded characters read as a log does: printable, or white space and escapes."""
    readable = sum(1 for char in sample if char.isprintable() or char in "\t\n\r\f\x1b")
    return bool(sample) and readable >= _TEXT_SHARE * len(sample)


def _wide_ascii(sample: bytes, width: int, place: int) -> bool:
    """Whether the code units look like ASCII characters: the byte at ``place`` set, the others NUL."""
    units = len(sample) // width
    if units < 2:
        return False
    for offset in range(width):
        nul_share = sample[offset : units * width : width].count(0) / units
        if offset == place and nul_share > 1 - _ASCII_SHARE:  # the character's byte: mostly set
            return False
        if offset != place and nul_share < _ASCII_SHARE:  # the other bytes: mostly NUL
            return False
    return True


def sniff_encoding(head: bytes) -> str | None:
    """The wide encoding the first bytes of a text are in (a Python codec name), or None for
    text in an 8-bit encoding (UTF-8, ASCII) and for anything that is not text."""
    sample = head[:SNIFF_BYTES]
    for mark, codec in _MARKS:  # the longest first, and the first that matches decides: UTF-32LE's
        if head.startswith(mark):  # mark starts with UTF-16LE's, whose NULs are its own, not the text's
            return codec if len(sample) == len(mark) or 0 in sample[len(mark):] else None
    if 0 not in sample:  # UTF-8 and ASCII text, the common case: decided at once
        return None
    for codec, width, place in _UNMARKED:
        usable = sample[: len(sample) // width * width]
        if _wide_ascii(usable, width, place) and _is_text(usable.decode(codec, "replace")):
            return codec
    return None


class Utf8Reader(io.RawIOBase):
    """Text in ``codec`` read from ``raw``, handed out as UTF-8, a piece at a time (memory stays
    at a piece and its UTF-8 form). Undecodable code units become U+FFFD, one character each."""

    def __init__(self, raw: BinaryIO, codec: str) -> None:
        self._raw = raw
        self._decoder = codecs.getincrementaldecoder(codec)("replace")
        self._output = memoryview(b"")
        self._ended = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        while not self._output and not self._ended:
            piece = self._raw.read(READ_BYTES)
            self._ended = not piece
            self._output = memoryview(self._decoder.decode(piece, final=self._ended).encode("utf-8"))
        size = min(len(buffer), len(self._output))
        buffer[:size] = self._output[:size]
        self._output = self._output[size:]
        return size


def as_utf8(stream: BinaryIO) -> BinaryIO:
    """``stream`` itself, or — when its first bytes are UTF-16 or UTF-32 text — a reader of it
    as UTF-8. ``stream`` must be able to peek (a buffered reader)."""
    codec = sniff_encoding(stream.peek(SNIFF_BYTES)[:SNIFF_BYTES])  # type: ignore[attr-defined]
    if codec is None:
        return stream
    return io.BufferedReader(Utf8Reader(stream, codec))  # type: ignore[arg-type]
