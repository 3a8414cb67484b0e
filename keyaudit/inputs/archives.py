"""Log archives read member by member: tar (plain, or inside gzip, bz2, xz, zstd or lz4) and zip.

Each regular member is scanned as a file of its own and named ``<archive>!<member>`` (the form
gitleaks prints), so a finding points at the log inside the archive rather than at the archive.
Archives are recognised by content, never by name: a zip by its magic bytes, a tar by a valid
ustar/GNU header in its first (decompressed) block. Nothing is extracted to disk under a
member's name: an absolute or ``..`` name is only a name.

A zip or an uncompressed tar can be read at any member, so each member becomes its own work
unit (:func:`member_targets`); a compressed tar can only be read from its start, so it is one
unit whose members are read in one streaming pass (:func:`read_members`).
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO, Iterator

from keyaudit.inputs.archive_entries import BoundedTarInfo, limit_error, listed_zip, tar_entries, zip_entries
from keyaudit.inputs.member_streams import ENDS_INSIDE, SparseWindow, lead_bytes, open_zip_member, zip_behind, zip_lead
from keyaudit.inputs.zip_local import local_members
from keyaudit.model.findings import member_path
from keyaudit.model.result import Counts
from keyaudit.sources.compression import DECOMPRESSION_ERRORS, is_decompressing
from keyaudit.sources.targets import Target
from keyaudit.sources.opening import Opener, Unclosed, new_spool, reread
from keyaudit.sources.remote import ObjectReader

# Archives enclosing a member, at most: an archive inside an archive is opened, one inside that
# is skipped and counted, so a crafted archive cannot make the scan recurse without end.
MAX_ARCHIVE_DEPTH = 2
# A member of a compressed tar is spooled (to disk beyond SPOOL_BYTES) to be read more than
# once; past this much it is cut, so a decompression bomb cannot fill the disk.
MEMBER_SPOOL_LIMIT = 8 << 30
TAR_BLOCK = 512
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")  # a local file header, or the end record of an empty zip
# Objects in a store are probed for members only when their name says archive: a probe is a
# request, too dear for every object (any other archive there is still read whole, by content).
REMOTE_ARCHIVE_SUFFIXES = (".zip", ".tar")
_COPY_BYTES = 1 << 20


def archive_kind(head: bytes) -> str | None:
    """``"zip"`` or ``"tar"`` when the first (decompressed) bytes start an archive, else None."""
    if head.startswith(ZIP_MAGICS):
        return "zip"
    if len(head) >= TAR_BLOCK and head[257:262] == b"ustar":  # POSIX "ustar\0" and GNU "ustar "
        try:
            tarfile.TarInfo.frombuf(head[:TAR_BLOCK], "utf-8", "surrogateescape")  # checks the checksum
        except tarfile.HeaderError:
            return None
        return "tar"
    return None


def stream_archive_kind(head: bytes, stream: BinaryIO) -> str | None:
    """:func:`archive_kind`, or ``"zip"`` for a file that ends in a zip (a self-extracting archive,
    an executable jar): looked for where the stream is a local file's or a spool's, whose end is a
    seek away (not a decoding, nor a store's request for the object's last block and its first again)."""
    if (kind := archive_kind(head)) is not None or is_decompressing(stream) or not _held_here(stream):
        return kind
    return "zip" if zip_behind(stream) else None


def _held_here(stream: BinaryIO) -> bool:
    """Whether ``stream`` reads a local file or a spool of content read once (stdin, a staged blob)."""
    return isinstance(getattr(stream, "raw", stream), (io.FileIO, Unclosed))


@dataclass(frozen=True)
class Member:
    """A member to scan: its name in the archive (None: the bytes before a zip, the file's own
    text), a reader of its bytes, and a note when only part of it could be read."""

    name: str | None
    reader: Opener
    note: str | None = None


@dataclass(frozen=True)
class Skipped:
    """A member that is not scanned, and why (counted in the report's ``skipped`` block; an
    error of the archive when ``damaged``). No name: bytes of the archive that held no member."""

    name: str | None
    reason: str
    damaged: bool = False



# --- members read where the archive is scanned (compressed tars, nested archives, stdin) --------


def read_members(kind: str, stream: BinaryIO) -> Iterator[Member | Skipped]:
    """Every member of the archive ``stream`` holds, in archive order, each readable until the
    next is asked for. A damaged archive raises after the members before the damage (and the
    part of the damaged one that could be read) were handed out."""
    if kind == "zip":
        yield from _zip_members(stream)
    else:
        yield from _tar_members(stream)


def _zip_members(stream: BinaryIO) -> Iterator[Member | Skipped]:
    with contextlib.ExitStack() as stack:
        if not stream.seekable():  # zip's directory is at its end (a zip inside gzip, say)
            spool = stack.enter_context(new_spool())
            damage, _ = _spool(stream, spool)
            if damage is not None:
                raise damage
            stream = reread(spool)
        try:
            archive = stack.enter_context(listed_zip(stream))
        except zipfile.BadZipFile as damage:
            yield from _local_members(stream)
            raise zipfile.BadZipFile(f"{damage}; the members before it were read from their own headers") from None
        if lead := zip_lead(archive):
            yield Member(None, functools.partial(lead_bytes, stream, lead))
        for _, info, reason in zip_entries(archive):
            if reason:
                yield Skipped(info.filename, reason)
            else:
                yield Member(info.filename, functools.partial(open_zip_member, archive, info))


def _local_members(stream: BinaryIO) -> Iterator[Member | Skipped]:
    """The members of a zip that cannot be listed, from their local headers (see :mod:`.zip_local`)."""
    for name, reader, reason in local_members(stream):
        if reader is None:
            yield Skipped(name, reason or "")
            continue
        with new_spool() as spool:
            damage, cut = _spool(reader, spool)
            note = f"larger than {MEMBER_SPOOL_LIMIT >> 30} GiB: only its start was scanned" if cut else None
            yield Member(name, functools.partial(reread, spool), note)
        if damage is not None:
            raise damage
        if cut:  # the rest of its data was not read: where the next member starts is not known
            return


def _tar_members(stream: BinaryIO) -> Iterator[Member | Skipped]:
    with tarfile.open(fileobj=stream, mode="r|", tarinfo=BoundedTarInfo, ignore_zeros=True) as archive:
        for info, reason in tar_entries(archive):
            if info is None or reason:
                yield Skipped(info and info.name, reason or "", info is None or bool(getattr(info, "damage", None)))
                continue
            with new_spool() as spool:
                damage, cut = _spool(_stream_data(archive, info), spool)
                note = f"larger than {MEMBER_SPOOL_LIMIT >> 30} GiB: only its start was scanned" if cut else None
                yield Member(info.name, functools.partial(reread, spool), note)
            if damage is not None:
                raise damage


def _stream_data(archive: tarfile.TarFile, info: tarfile.TarInfo) -> BinaryIO:
    """A member's data read straight from a streamed tar: where the archive is cut short, its
    reader hands out what there is and then raises (tarfile's own reader raises at once and
    takes a whole read of the member's data with it)."""
    archive.fileobj.seek(info.offset_data)  # type: ignore[union-attr] - forward only: already there
    if info.sparse is not None:
        return SparseWindow(archive.fileobj, info.sparse, info.size)  # type: ignore[arg-type,return-value]
    return _Window(archive.fileobj, info.size)  # type: ignore[arg-type,return-value]


def _spool(source: BinaryIO, spool: IO[bytes]) -> tuple[BaseException | None, bool]:
    """Copy ``source`` into ``spool`` up to the limit; the damage that stopped the copy is
    returned rather than raised, so that what came before it is still scanned. Also says whether
    the limit cut the copy short."""
    copied = 0
    try:
        while piece := source.read(_COPY_BYTES):
            if copied + len(piece) > MEMBER_SPOOL_LIMIT:
                spool.write(piece[: MEMBER_SPOOL_LIMIT - copied])
                return None, True
            spool.write(piece)
            copied += len(piece)
    except DECOMPRESSION_ERRORS as exc:
        return exc, False
    return None, False


# --- members as work units of their own (zip, uncompressed tar) ---------------------------------


@contextlib.contextmanager
def _open_container(container: Path | Opener) -> Iterator[BinaryIO]:
    if isinstance(container, Path):
        with open(container, "rb") as handle:
            yield handle
    else:
        with container() as handle:
            yield handle


@dataclass(frozen=True)
class PlannedMember:
    """Opens one member of an archive file afresh; picklable, so that a worker process or a
    Dask worker reads the member itself, straight from the archive."""

    container: Path | ObjectReader
    size: int

    @property
    def local(self) -> bool:
        """Whether the archive is a local file (a forked worker can read it)."""
        return isinstance(self.container, Path)


@dataclass(frozen=True)
class ZipMember(PlannedMember):
    index: int  # position in the central directory (names may repeat)
    header_offset: int  # with the CRC: proof that a directory read earlier is still this archive's
    crc: int

    @contextlib.contextmanager
    def __call__(self) -> Iterator[BinaryIO]:
        for fresh in (False, True):
            entries = (archive := _open_zip(self.container, fresh)).infolist()
            info = entries[self.index] if self.index < len(entries) else None
            if info is not None and (info.header_offset, info.CRC) == (self.header_offset, self.crc):
                with open_zip_member(archive, info) as member:
                    yield member  # type: ignore[misc]
                return
        raise zipfile.BadZipFile("the archive changed while it was being scanned")


# The zip whose members this process reads, kept open: its members come one after another, and
# reading its central directory again for each would cost time in the square of their number.
_open_zips: list[tuple[Path | ObjectReader, contextlib.ExitStack, zipfile.ZipFile]] = []
os.register_at_fork(after_in_child=_open_zips.clear)  # a forked worker must not share the parent's file offset


def _open_zip(container: Path | ObjectReader, fresh: bool) -> zipfile.ZipFile:
    """The zip at ``container``, its directory read once per process (again when ``fresh``)."""
    if _open_zips and _open_zips[0][0] == container and not fresh:
        return _open_zips[0][2]
    while _open_zips:
        _open_zips.pop()[1].close()
    with contextlib.ExitStack() as stack:
        archive = stack.enter_context(listed_zip(stack.enter_context(_open_container(container))))
        _open_zips.append((container, stack.pop_all(), archive))
    return archive


@dataclass(frozen=True)
class TarMember(PlannedMember):
    offset: int  # where the member's data starts in the tar
    sparse: tuple[tuple[int, int], ...] | None = None  # a sparse member's data segments (offset, length)

    @contextlib.contextmanager
    def __call__(self) -> Iterator[BinaryIO]:
        """The member's bytes; one whose header gives a negative size is read to the archive's
        end and then said to be damaged, as the archive's one pass (:class:`_Window`) says it —
        said once it is read, since a buffered reader drops what it holds when a read fails."""
        with _open_container(self.container) as raw:
            size = self.size if self.size >= 0 else raw.seek(0, os.SEEK_END) - self.offset
            raw.seek(self.offset)
            window = _Window(raw, size) if self.sparse is None else SparseWindow(raw, self.sparse, size)
            yield io.BufferedReader(window)  # type: ignore[arg-type]
        if self.size < 0:
            raise EOFError(NEGATIVE_SIZE)


def _segments(info: tarfile.TarInfo) -> tuple[tuple[int, int], ...] | None:
    """A sparse member's data segments, as a picklable part of its work unit; None for others."""
    return None if info.sparse is None else tuple((offset, length) for offset, length in info.sparse)


NEGATIVE_SIZE = "the member's header gives a negative size: read to the archive's end"


class _Window(io.RawIOBase):
    """``size`` bytes from where ``raw`` stands; an archive that ends sooner is damaged. A
    negative size (a base-256 header field can say -1) is damage too: read to the archive's end."""

    def __init__(self, raw: BinaryIO, size: int) -> None:
        self._raw, self._left = raw, size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        if self._left == 0:
            return 0
        data = self._raw.read(min(len(buffer), self._left) if self._left > 0 else len(buffer))
        if not data:
            raise EOFError(NEGATIVE_SIZE if self._left < 0 else ENDS_INSIDE)
        self._left -= len(data) if self._left > 0 else 0
        buffer[: len(data)] = data
        return len(data)


def member_targets(target: Target, skipped: Counts, errors: list[tuple[str, str]]) -> list[Target] | None:
    """The members of a zip or uncompressed tar, each a target of its own read straight from the archive; members
    not scanned counted (and named) in ``skipped``, or in ``errors`` where a bound of the scan kept them out. None
    when the target is not such an archive, or cannot be listed: it is then scanned whole, which reports the damage."""
    container: Path | ObjectReader
    if target.path is not None:
        container = target.path
    elif isinstance(target.reader, ObjectReader) and target.display.lower().endswith(REMOTE_ARCHIVE_SUFFIXES):
        container = target.reader
    else:
        return None
    found: list[Target] = []
    skips: list[tuple[str, str]] = []  # counted once the archive is known to list whole
    try:
        with _open_container(container) as raw:
            kind = archive_kind(raw.read(TAR_BLOCK)) or ("zip" if isinstance(container, Path) and zip_behind(raw)
                                                         else None)
            if kind is None:
                return None
            raw.seek(0)
            if kind == "zip":
                with listed_zip(raw) as archive:
                    if lead := zip_lead(archive):  # the bytes before the zip: the file's own text
                        found.append(Target(target.display, None, TarMember(container, lead, 0)))
                    for index, info, reason in zip_entries(archive):
                        if reason:
                            skips.append((member_path(target.display, info.filename), reason))
                        else:
                            found.append(Target(member_path(target.display, info.filename), None,
                                                ZipMember(container, info.file_size, index, info.header_offset,
                                                          info.CRC)))
            else:
                with tarfile.open(fileobj=raw, mode="r:", tarinfo=BoundedTarInfo, ignore_zeros=True) as tar:
                    for tar_info, reason in tar_entries(tar):
                        if tar_info is None or tar_info.damage:  # scanned whole, which names the damage
                            return None
                        if reason:
                            skips.append((member_path(target.display, tar_info.name), reason))
                        else:
                            found.append(Target(member_path(target.display, tar_info.name), None,
                                                TarMember(container, tar_info.size, tar_info.offset_data,
                                                          _segments(tar_info))))
    except DECOMPRESSION_ERRORS:
        return None
    for path, reason in skips:
        if (error := limit_error(reason)) is not None:
            errors.append((path, error))
        else:
            skipped.skip(path, reason)
    return found
