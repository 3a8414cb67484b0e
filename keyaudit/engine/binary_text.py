"""What is binary, and what of binary content a scan reads: its strings, as ``strings -n 8`` sees them.

A binary file holds text too — a capture's HTTP call, a serialisation's strings (protobuf, MessagePack, BSON, Java's
and .NET's object streams, a ``.pyc``'s constants, Kafka's and Redis' files, a SQLite page, an executable's version
strings) — and a key there is as leaked as in a log. So such bytes are read through :func:`strings_view`: runs of
:data:`MIN_RUN` printable ASCII characters or more (tab included) as they are, runs as long of UTF-16LE characters
(printable ASCII and a NUL each) written narrow at the run's start, every other byte a space and every newline byte a
newline. The view has the bytes' length and line ends, so a finding's line is the file's own and its column the byte
on that line (a UTF-16LE string's characters counted from where it starts, one a character). Shorter runs are noise
(a random byte is printable three times in eight) and are blanked, which keeps a rule from running a key into the
length byte before it.

What cannot hold text — images, audio, video, fonts, archives that are compressed and not undone here — is told by
its magic at the start (:func:`media_kind`) and skipped as before, at the cost of the sniff. And strings are read in a
binary file's first 8 MiB only (``keyaudit.model.result.BINARY_STRINGS_BYTES``): past them the caller says what was
left unread.
"""

from __future__ import annotations

import re

BINARY_SNIFF_BYTES = 8192
HOLE_SNIFF_BYTES = 64 << 10  # how far past holes the bytes judged may lie
MIN_RUN = 8  # printable characters in a row that make a string (``strings -n 8``)
_TEXT_CONTROL = frozenset(b"\t\n\r\f\b\x1b")
# The control bytes text does not hold: counted by deleting them (at C speed, not a loop in Python).
_BINARY_CONTROL = bytes(byte for byte in range(0x20) if byte not in _TEXT_CONTROL)
_LEADING_NULS = re.compile(b"\0*")
_HOLE = bytes(64)
_NUL_RUN = re.compile(b"\0{%d,}" % len(_HOLE))  # a hole: what a crash, a preallocating writer or a truncation leaves
_PRINTABLE = bytes(range(0x20, 0x7F)) + b"\t"
# Each byte as its class, so that runs are found by ``bytes.find`` at C speed (a regular expression tried at every
# byte of random content reads a few tens of MB/s): 1 printable, 0 NUL, 2 any other.
BYTE_CLASSES = bytes.maketrans(bytes(range(256)), bytes(1 if byte in _PRINTABLE else 0 if byte == 0 else 2
                                                    for byte in range(256)))
_RUN_START = b"\x01" * MIN_RUN
_WIDE_START = b"\x01\x00" * MIN_RUN
_RUN_END = re.compile(b"[^\x01]")
_WIDE_RUN = re.compile(b"(?:\x01\x00)+")
# Every byte a space but the newline: the view before the strings are put back.
_BLANK = bytes.maketrans(bytes(range(256)), bytes(0x0A if byte == 0x0A else 0x20 for byte in range(256)))
# Magic numbers at offset 0 of content whose strings hold no text (compressed pixels, samples, glyphs, archives).
_MEDIA = ((b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF87a", "GIF"), (b"GIF89a", "GIF"),
          (b"OggS", "Ogg"), (b"fLaC", "FLAC"), (b"ID3", "MP3"), (b"\x1a\x45\xdf\xa3", "Matroska"),
          (b"wOFF", "WOFF"), (b"wOF2", "WOFF2"), (b"Rar!\x1a\x07", "RAR"), (b"7z\xbc\xaf\x27\x1c", "7z"),
          (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"), (b"\x00\x00\x00\x0cjP  ", "JPEG 2000"),
          (b"OTTO", "OpenType"), (b"ttcf", "TrueType collection"), (b"true", "TrueType"),
          # Compiled patterns (keyaudit's own cache among them): their literals are the rules', no one's secret.
          (b"\xdb\xdb\xdb\xdb", "Hyperscan database"))
_TRUETYPE = b"\x00\x01\x00\x00"  # an sfnt version no other format owns alone: the table count must be a font's too
_MOST_FONT_TABLES = 64
_RIFF_MEDIA = {b"WEBP": "WebP", b"WAVE": "WAV", b"AVI ": "AVI"}


def looks_binary(head: bytes) -> bool:
    """A NUL byte among many control bytes: an executable, image or serialisation, not a log.

    NULs at the very start are passed over and the bytes after them judged: a log truncated by
    ``copytruncate`` while its writer kept its offset starts with a run of NULs as long as what
    was cut (a hole, often), and is text after it. A long run of NULs further on is a hole too
    (a writer that preallocates its file, a crash before the blocks were written), not what the
    bytes are: the bytes around it are judged, as far as :data:`HOLE_SNIFF_BYTES`. An executable
    or an image starts with its magic and has NULs among its control bytes further on; all NULs
    says nothing either way."""
    start = leading_nuls(head)
    sample = head[start : start + BINARY_SNIFF_BYTES]
    if b"\0" not in sample:
        return False
    window = head[start : start + HOLE_SNIFF_BYTES]
    if _HOLE in window:  # most binary has no hole: its sample stands as it is
        sample = _NUL_RUN.sub(b"", window)[:BINARY_SNIFF_BYTES]
    control = len(sample) - len(sample.translate(None, _BINARY_CONTROL))
    return control * 10 > len(sample)


def leading_nuls(head: bytes) -> int:
    """How many NULs ``head`` starts with: the hole a truncated log starts with, passed over by the sniff."""
    return _LEADING_NULS.match(head).end()  # type: ignore[union-attr]


def media_kind(head: bytes) -> str | None:
    """The media or packed format binary content starting with ``head`` is in (its strings are no text, and
    reading them would cost the whole file for nothing), or None."""
    kind = next((name for magic, name in _MEDIA if head.startswith(magic)), None)
    if kind is None and head.startswith(b"RIFF"):
        kind = _RIFF_MEDIA.get(head[8:12])
    if kind is None and head.startswith(_TRUETYPE) and 0 < int.from_bytes(head[4:6], "big") <= _MOST_FONT_TABLES:
        kind = "TrueType"
    if kind is None and head[4:8] == b"ftyp":
        kind = "MP4"  # ISO base media: MP4, MOV, HEIC, AVIF
    return kind


def strings_view(data: bytes) -> bytes:
    """``data``, one piece of binary content, as the rules read it (see the module): as long as ``data``, its
    newline bytes where they are. A run at either end of ``data`` is kept whatever its length: it may be the end
    or the start of a string the piece before or after holds the rest of."""
    view = bytearray(data.translate(_BLANK))
    classes = data.translate(BYTE_CLASSES)
    for start, end in _runs(classes):
        view[start:end] = data[start:end]
    head = len(data) - len(data.lstrip(_PRINTABLE))
    tail = len(data) - len(data.rstrip(_PRINTABLE))
    view[:head] = data[:head]
    if tail:
        view[len(data) - tail :] = data[len(data) - tail :]
    if b"\0" in data:
        for start, end in _wide_runs(classes):
            narrow = data[start:end:2]
            view[start : start + len(narrow)] = narrow
    return bytes(view)


def _runs(classes: bytes) -> list[tuple[int, int]]:
    """Where runs of :data:`MIN_RUN` printable bytes or more are, by the bytes' classes."""
    runs = []
    at = classes.find(_RUN_START)
    while at >= 0:
        stop = _RUN_END.search(classes, at + MIN_RUN)
        end = stop.start() if stop is not None else len(classes)
        runs.append((at, end))
        at = classes.find(_RUN_START, end)
    return runs


def _wide_runs(classes: bytes) -> list[tuple[int, int]]:
    """Where runs of :data:`MIN_RUN` UTF-16LE characters (a printable byte and a NUL each) or more are."""
    runs = []
    at = classes.find(_WIDE_START)
    while at >= 0:
        end = _WIDE_RUN.match(classes, at).end()  # type: ignore[union-attr]
        runs.append((at, end))
        at = classes.find(_WIDE_START, end)
    return runs
