"""zlib streams (RFC 1950) read as the other compressed formats are: git's loose objects (`.git/objects/3f/…`,
each a zlib stream of `blob <size>\\0` and the file), `zlib-flate -compress` and `openssl zlib` output, and the many
programs that write a file with zlib's `compress()`.

A zlib stream has no magic of its own: its two header bytes say deflate with a 32 KiB window (0x78) and the level
it was written at, and make a multiple of 31. Text can start with such bytes too (`x\\x01`, `x\\x9c` and `x\\xda`
are rare in text, `x^` is not: that level, 2 to 5, is left out), so a stream is believed only where its first bytes
decode as deflate data. zlib's decompressor keeps input it was given past its output bound in
``unconsumed_tail`` rather than asking for none; :class:`ZlibMember` holds it, so that the loop every other format
is read by (:class:`keyaudit.sources.decoders.Decoded`) reads zlib too.
"""

from __future__ import annotations

import zlib

from keyaudit.sources.decoders import Codec

ZLIB_STARTS = (b"\x78\x01", b"\x78\x9c", b"\x78\xda")  # levels 0-1, 6 (the default), 7-9


class ZlibMember:
    """One zlib stream's decompressor with the interface of bz2's and lzma's (``needs_input``)."""

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


def starts_zlib(head: bytes) -> bool:
    """Whether ``head`` starts a zlib stream: a header of :data:`ZLIB_STARTS` and deflate data after it that
    decodes (as far as ``head`` goes) without an error."""
    if not head.startswith(ZLIB_STARTS):
        return False
    try:
        zlib.decompressobj().decompress(head)
    except zlib.error:
        return False
    return True


ZLIB = Codec("zlib", b"\x78", ZlibMember, (zlib.error,))
