"""What is binary and what of it a scan reads: the sniff that takes a file for an executable, an image or a
serialisation rather than a log, and the view of such bytes that the rules are run over.

A binary file holds text too: a capture's HTTP call, a serialisation's strings (protobuf, MessagePack, BSON, Java's
and .NET's object streams, a `.pyc`'s constants, Kafka's and Redis' files, a SQLite page), and a key there is as
leaked as in a log. Its strings are read as `strings(1)` sees them, a byte for a byte: every byte that is no
printable ASCII (control bytes, NULs, high bytes) stands as a space, tabs and line ends stay, so that lines and columns
are the file's own (its newline bytes counted). A printable byte just before a string can be the string's length
(`@` before 64 characters); a rule that wants a boundary there has one, as the byte is no letter or digit.
"""

from __future__ import annotations

import re

BINARY_SNIFF_BYTES = 8192
HOLE_SNIFF_BYTES = 64 << 10  # how far past holes the bytes judged may lie
_TEXT_CONTROL = frozenset(b"\t\n\r\f\b\x1b")
# The control bytes text does not hold: counted by deleting them (at C speed, not a loop in Python).
_BINARY_CONTROL = bytes(byte for byte in range(0x20) if byte not in _TEXT_CONTROL)
_LEADING_NULS = re.compile(b"\0*")
_HOLE = bytes(64)
_NUL_RUN = re.compile(b"\0{%d,}" % len(_HOLE))  # a hole: what a crash, a preallocating writer or a truncation leaves
# Every byte but printable ASCII, tab and newline, as a space: the strings of binary content, byte for byte.
_NOT_STRINGS = bytes(byte for byte in range(256) if not (0x20 <= byte < 0x7F or byte in b"\t\n\r"))
_AS_SPACES = bytes.maketrans(_NOT_STRINGS, b" " * len(_NOT_STRINGS))


def leading_nuls(head: bytes) -> int:
    """How many NULs ``head`` starts with: the hole a truncated log starts with, passed over by the sniff."""
    return _LEADING_NULS.match(head).end()  # type: ignore[union-attr]


def looks_binary(head: bytes) -> bool:
    """A NUL byte among many control bytes: an executable, image or archive, not a log.

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


def strings_view(data: bytes) -> bytes:
    """``data`` (binary content) as the rules read it: its printable ASCII as it is, every other byte a space
    (tabs and line ends kept), the same length."""
    return data.translate(_AS_SPACES)
