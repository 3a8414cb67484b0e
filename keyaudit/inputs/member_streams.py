"""Readers of an archive member's bytes that hand out all the member holds before any damage:
a sparse tar member with its holes, a zip member whose checksum is checked after its text, and
the bytes before a zip that does not start its file.

A sparse member (``tar --sparse``, as backups write copytruncated logs, whose start is a hole)
stores only its data segments; the file it stands for has NUL bytes in the holes between them.
It is read as that file, so a finding's line and column are the ones the extracted file has.

zipfile checks a member's CRC-32 in the read that reaches its end and raises out of it, taking
that read's text with it (and a buffered reader above it, the text it held): a small member (a
config file, read in one go) lost all its text, a large one its last read. Here the mismatch is
kept, as the decoders keep damage, and raised once the text has been read: still the member's
error, with nothing of its text lost.

A self-extracting archive or an executable jar is a program or a launch script with a zip after
it; zipfile finds the zip from its end. Such a file was taken for binary or text by its first
bytes, the keys in its members lost; it is read as a zip when it ends in a zip's end record, its
members as members and the bytes before the first member as the file's own text.
"""

from __future__ import annotations

import contextlib
import io
import zipfile
from typing import BinaryIO, Iterator, Sequence

# Where a sparse member's data ends and the archive does too: the same words as a member cut short.
ENDS_INSIDE = "the archive ends inside this member"


class SparseWindow(io.RawIOBase):
    """A sparse tar member as the file it stands for: ``segments`` (offset in the file, length)
    read one after the other from where ``raw`` stands, NUL bytes in the holes before each and
    after the last, ``size`` bytes in all. A segment placed before the end of the one before it
    (a damaged map) is put right after it, so the archive's bytes are each read once, in order."""

    def __init__(self, raw: BinaryIO, segments: Sequence[tuple[int, int]], size: int) -> None:
        self._raw, self._size = raw, size
        self._segments = [(offset, length) for offset, length in reversed(segments) if length > 0]
        self._at = 0  # bytes of the file handed out
        self._data_left = 0  # bytes of the current segment still to read from raw

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        room = min(len(buffer), self._size - self._at)
        if room <= 0:
            return 0
        if self._data_left == 0 and self._segments and self._segments[-1][0] <= self._at:
            self._data_left = self._segments.pop()[1]
        if self._data_left > 0:
            data = self._raw.read(min(room, self._data_left))
            if not data:
                raise EOFError(ENDS_INSIDE)
            self._data_left -= len(data)
        else:  # a hole, up to the next segment or the file's end
            hole_end = self._segments[-1][0] if self._segments else self._size
            data = bytes(min(room, hole_end - self._at))
        buffer[: len(data)] = data
        self._at += len(data)
        return len(data)


class _ChecksumAfterText(zipfile.ZipExtFile):
    """A zip member's reader that keeps a CRC-32 mismatch as its :attr:`damage`, as the
    decoders do, for whoever opened it to raise once the text has been read."""

    damage: zipfile.BadZipFile | None = None

    def _update_crc(self, newdata: bytes) -> None:
        try:
            super()._update_crc(newdata)  # type: ignore[misc]
        except zipfile.BadZipFile as exc:
            self.damage = exc


def open_zip_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> zipfile.ZipExtFile:
    """``archive.open(info)``, its checksum checked after its text (see the module's docstring)."""
    member = archive.open(info)
    member.__class__ = _ChecksumAfterText  # zipfile makes the reader itself; only its check changes
    return member


ZIP_END = b"PK\x05\x06"
ZIP_END_BYTES = 22  # a zip's end record without a comment


def zip_behind(stream: BinaryIO) -> bool:
    """Whether seekable ``stream`` ends in a zip's end record (one without a comment: every file
    pays a read of its last 22 bytes, no more); ``stream`` is left at its start. A file whose end
    is no seek away (a /proc file: EINVAL) has no zip behind it; the error lost its text."""
    try:
        end = stream.seek(0, io.SEEK_END)
    except OSError:
        stream.seek(0)
        return False
    record = b""
    if end >= ZIP_END_BYTES:
        stream.seek(end - ZIP_END_BYTES)
        record = stream.read(ZIP_END_BYTES)
    stream.seek(0)
    return record.startswith(ZIP_END) and record.endswith(b"\0\0")


def zip_lead(archive: zipfile.ZipFile) -> int:
    """How many bytes of the file come before the zip's first member (0 for a plain zip)."""
    return min((info.header_offset for info in archive.infolist()), default=archive.start_dir)


@contextlib.contextmanager
def lead_bytes(stream: BinaryIO, size: int) -> Iterator[BinaryIO]:
    """The first ``size`` bytes of ``stream`` (the bytes before a zip), read from its start."""
    stream.seek(0)
    yield io.BufferedReader(SparseWindow(stream, [(0, size)], size))  # type: ignore[arg-type]
