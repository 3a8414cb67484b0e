"""A file that is one zlib stream (RFC 1950), read as the other compressed formats are: git's loose objects
(``.git/objects/3f/…``, each a zlib stream of ``blob <size>\\0`` and the file), ``zlib-flate -compress`` and
``openssl zlib`` output, and the many programs that write a file with zlib's ``compress()``.

A zlib stream has no magic of its own: two header bytes (``x\\x01``, ``x\\x9c``, ``x\\xda``: deflate, a 32 KiB window,
the level) that text can start with too. So a file is taken for one only when it decodes, whole, as one: the stream
ends (its Adler-32 checked) where the file does, within :data:`WHOLE_BYTES`. Anything else — text that begins with
those bytes, a stream cut short or damaged, one followed by other bytes, one too big to try — is read as it is (text,
or a binary file's strings): a zlib reading that fails never loses the text.
"""

from __future__ import annotations

import zlib
from typing import BinaryIO

from keyaudit.sources.decoders import Codec

ZLIB_STARTS = (b"\x78\x01", b"\x78\x9c", b"\x78\xda")  # levels 0-1, 6 (the default), 7-9
WHOLE_BYTES = 1 << 20  # a file tried as one zlib stream, at most (git's loose objects are mostly far smaller)
_TRIAL_PIECE = 1 << 20  # decoded at once while trying: memory stays at that
_TRIAL_OUTPUT = 64 << 20  # decoded in all while trying, at most: a stream that inflates past it is not tried


class ZlibMember:
    """One zlib stream's decompressor with the interface of bz2's and lzma's (``needs_input``): zlib keeps input
    given past its output bound in ``unconsumed_tail`` instead of asking for none, so it is held here."""

    def __init__(self) -> None:
        self._decoder = zlib.decompressobj()
        self._tail = b""  # input given, not yet decoded (past the last call's output bound)

    @property
    def eof(self) -> bool:
        return self._decoder.eof

    @property
    def unused_data(self) -> bytes:
        return self._decoder.unused_data

    @property
    def needs_input(self) -> bool:
        return not self._tail

    def decompress(self, data: bytes, max_length: int = -1) -> bytes:
        piece = self._decoder.decompress(self._tail + data, max(max_length, 0))
        self._tail = self._decoder.unconsumed_tail
        return piece


def whole_zlib(stream: BinaryIO) -> bool:
    """Whether ``stream`` (a buffered reader at its start, left there) is one zlib stream from its first byte to its
    last, decoded in a trial: its header, deflate data that decodes, the checksum, nothing after."""
    head = stream.peek(2)[:2]  # type: ignore[attr-defined]
    if head not in ZLIB_STARTS:
        return False
    if stream.seekable():
        at = stream.tell()
        data = stream.read(WHOLE_BYTES + 1)
        stream.seek(at)
    else:  # an inner layer of a compressed file: what its buffer holds
        data = stream.peek(WHOLE_BYTES + 1)  # type: ignore[attr-defined]
    return len(data) <= WHOLE_BYTES and _decodes_whole(data)


def _decodes_whole(data: bytes) -> bool:
    decoder = zlib.decompressobj()
    produced = 0
    try:
        while not decoder.eof and data and produced <= _TRIAL_OUTPUT:
            produced += len(decoder.decompress(data, _TRIAL_PIECE))
            data = decoder.unconsumed_tail
    except zlib.error:
        return False
    return decoder.eof and not decoder.unused_data


ZLIB = Codec("zlib", b"\x78", ZlibMember, (zlib.error,))
