"""The members of a zip whose central directory cannot be read, from their local headers.

A zip cut short (a transfer that stopped, a zip still being written, a disk that filled) keeps
its members' data and loses the directory at its end: zipfile lists nothing, and every key in
the members was lost with the directory. Each member's local header says its name and method, so
the members are read in file order from there, as recovery tools (``zip -FF``, ``bsdtar``) read
them; the damage is still named. Where a header does not say where its data ends (a data
descriptor after stored or encrypted data), the reading stops there.
"""

from __future__ import annotations

import io
import struct
import zlib
from typing import BinaryIO, Iterator

LOCAL_HEADER = b"PK\x03\x04"
_HEADER = struct.Struct("<4sHHHHHIIIHH")  # signature, version, flags, method, time, date, crc, sizes, name, extra
_STORED, _DEFLATED = 0, 8
_ENCRYPTED, _DESCRIPTOR, _UTF8 = 0x1, 0x8, 0x800
_ZIP64_EXTRA = 0x0001
_NEXT_RECORDS = (LOCAL_HEADER, b"PK\x01\x02", b"PK\x05\x06")  # what may follow a member's data (and descriptor)
_PIECE = 1 << 16


class _MemberData(io.RawIOBase):
    """A member's bytes as its method gives them, read from ``source`` at its data's start;
    :attr:`end` is where its compressed data ended, once read to its end."""

    def __init__(self, source: BinaryIO, method: int, size: int | None) -> None:
        self._source, self._method, self._left = source, method, size
        self._inflate = zlib.decompressobj(-15) if method == _DEFLATED else None
        self.end: int | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        if self._inflate is None:
            return self._read_stored(buffer)
        while not self._inflate.eof:
            data = self._inflate.unconsumed_tail or self._source.read(_PIECE)
            if not data:
                raise EOFError("the zip ends inside this member")
            if piece := self._inflate.decompress(data, len(buffer)):
                buffer[: len(piece)] = piece
                return len(piece)
        if self.end is None:  # what the inflater read past the member belongs to what follows
            self.end = self._source.tell() - len(self._inflate.unused_data)
        return 0

    def _read_stored(self, buffer: bytearray) -> int:
        assert self._left is not None
        piece = self._source.read(min(len(buffer), self._left))
        if not piece and self._left:
            raise EOFError("the zip ends inside this member")
        self._left -= len(piece)
        if not self._left:
            self.end = self._source.tell()
        buffer[: len(piece)] = piece
        return len(piece)


def local_members(stream: BinaryIO) -> Iterator[tuple[str, BinaryIO | None, str | None]]:
    """Name, reader (None: not read) and why not, of each member from the stream's start to the
    first record that is no local header; a member's reader must be read to its end before the
    next is asked for. Damage in a member raises from its reader."""
    offset = 0
    while True:
        stream.seek(offset)
        header = stream.read(_HEADER.size)
        if len(header) < _HEADER.size or not header.startswith(LOCAL_HEADER):
            return
        _, _, flags, method, _, _, _, compressed, _, name_length, extra_length = _HEADER.unpack(header)
        raw_name, extra = stream.read(name_length), stream.read(extra_length)
        name = raw_name.decode("utf-8" if flags & _UTF8 else "cp437", "surrogateescape")
        start = offset + _HEADER.size + name_length + extra_length
        size = None if flags & _DESCRIPTOR else _zip64_size(compressed, extra)
        if size is None and (method != _DEFLATED or flags & _ENCRYPTED):
            return  # where its data ends is said only after it
        if flags & _ENCRYPTED or method not in (_STORED, _DEFLATED):
            yield name, None, "encrypted" if flags & _ENCRYPTED else "unsupported compression"
            offset = start + (size or 0)
            continue
        data = _MemberData(stream, method, None if method == _DEFLATED else size)
        yield name, io.BufferedReader(data), None  # type: ignore[arg-type]
        if data.end is None:
            return
        offset = _next_record(stream, data.end)


def _zip64_size(compressed: int, extra: bytes) -> int:
    """The compressed size, from the zip64 extra field when the header's own says 0xFFFFFFFF."""
    at = 0
    while compressed == 0xFFFFFFFF and at + 4 <= len(extra):
        kind, length = struct.unpack_from("<HH", extra, at)
        if kind == _ZIP64_EXTRA and length >= 16:
            return int(struct.unpack_from("<Q", extra, at + 12)[0])
        at += 4 + length
    return compressed


def _next_record(stream: BinaryIO, end: int) -> int:
    """Where the record after a member's data ending at ``end`` starts: there, or past a data
    descriptor (12 to 24 bytes, with or without its signature)."""
    stream.seek(end)
    ahead = stream.read(28)
    found = [at for at in (ahead.find(record) for record in _NEXT_RECORDS) if at >= 0]
    return end + min(found) if found else end
