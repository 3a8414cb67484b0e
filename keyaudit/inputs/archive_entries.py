"""Which entries of a zip or a tar are members to scan, and the listing of either bounded: a
directory zipfile cannot list is damage, not an internal error; entries that overlap another
member's bytes are skipped; a tar member whose long name would be read into memory past a bound
is damage, and a pax record past one ends the listing. Shared by the archive read in one pass and the one read
member by member (:mod:`.archives`)."""

from __future__ import annotations

import stat
import tarfile
import zipfile
from typing import BinaryIO, Iterator

from keyaudit.model.numbers import plain_number

ZIP_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA})
MAX_LONG_NAME = 64 << 10  # a GNU long name or link (type L, K); PATH_MAX is 4 KiB
MAX_PAX_HEADER = 1 << 20  # a pax extended header (type x, g): names, times, attributes
_PAX_WHOLE_NUMBERS = frozenset({"size", "uid", "gid"})  # a sparse size it cannot read is damage
# A sparse member is read with its holes as NUL bytes; one larger than this would be a bomb (a
# few bytes of map make a terabyte of holes), so it is skipped and counted instead.
MAX_SPARSE_SIZE = 8 << 30
SPARSE_LIMIT = f"sparse, larger than {MAX_SPARSE_SIZE >> 30} GiB with its holes"


def zip_skip(info: zipfile.ZipInfo) -> str | None:
    if info.flag_bits & 0x1:
        return "encrypted"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "symlink"
    if info.compress_type not in ZIP_METHODS:
        return "unsupported compression"
    return None


def tar_skip(info: tarfile.TarInfo) -> str | None:
    """Why a member of a tar is not scanned (its :attr:`BoundedTarInfo.damage` first), or None."""
    if getattr(info, "damage", None):
        return info.damage  # type: ignore[attr-defined]
    if info.issym():
        return "symlink"
    if not info.isreg():  # hard links, devices, FIFOs
        return "not a regular file"
    if info.issparse() and info.size > MAX_SPARSE_SIZE:
        return SPARSE_LIMIT
    return None


def zip_entries(archive: zipfile.ZipFile) -> Iterator[tuple[int, zipfile.ZipInfo, str | None]]:
    """Position, entry and skip reason (None: scan it) of every member that is not a folder."""
    entries = archive.infolist()
    overlapping = _overlapping(entries)
    for index, info in enumerate(entries):
        if not info.is_dir():
            yield index, info, OVERLAPPING if index in overlapping else zip_skip(info)


# A zip bomb's trick: directory entries that point into bytes another entry's member already holds
# (65,535 entries of one 1 GiB member make a 1 MB file decompress to 64 TiB); zipfile reads each.
OVERLAPPING = "overlaps another member's bytes"


def limit_error(reason: str) -> str | None:
    """The error line of a member not scanned because of a bound of the scan (a sparse size), or None for what is
    no bound (a symlink, an encrypted member) or holds nothing unread (an entry overlapping another's bytes: those
    bytes are read as that member): content a bound kept from the scan may hold a key, so it is an error naming the
    bound, never a count among the skipped."""
    if reason == SPARSE_LIMIT:
        return f"not scanned, past a bound of the scan: {reason}"
    return None


def _overlapping(entries: list[zipfile.ZipInfo]) -> set[int]:
    """The positions of the entries whose local header (30 bytes, then the name) lies within the
    bytes of an entry before it in the file; the first of them in the file is read. (Its extra
    field and data descriptor are not counted: a member's end is never put past where it is.)"""
    found: set[int] = set()
    reach = -1  # where the entries met so far end, at least
    for index in sorted(range(len(entries)), key=lambda at: entries[at].header_offset):
        if (info := entries[index]).header_offset < reach:
            found.add(index)
        else:
            reach = info.header_offset + 30 + len(info.orig_filename) + info.compress_size
    return found


class BoundedTarInfo(tarfile.TarInfo):
    """tarfile's header reader, but a GNU long name or a pax header is read into memory only up
    to a bound: tarfile reads what the header says, and a 1 MB .tar.gz saying 1 GiB took 3 GB.
    A long name (or link) past the bound is read past, not kept, and the member it names is
    ``damage``: not scanned, named in an error, and the members after it are read (tar itself
    reads on). A pax header past its bound ends the listing with an error: its records may say
    where the member's data ends, so nothing after it can be trusted."""

    damage: str | None = None  # why the member cannot be taken as it stands (its long name past the bound)
    gap: str | None = None  # the bytes before the member's header that were no header: damage of the archive

    def _proc_gnulong(self, tarfile_: tarfile.TarFile) -> tarfile.TarInfo:
        if self.size <= MAX_LONG_NAME:
            return super()._proc_gnulong(tarfile_)  # type: ignore[misc]
        left = self._block(self.size)  # type: ignore[attr-defined]
        while left > 0 and (piece := tarfile_.fileobj.read(min(left, 1 << 16))):  # type: ignore[union-attr]
            left -= len(piece)
        try:
            member = self.fromtarfile(tarfile_)
        except tarfile.HeaderError as exc:
            raise tarfile.SubsequentHeaderError(str(exc)) from None
        member.offset = self.offset
        what = "name" if self.type == tarfile.GNUTYPE_LONGNAME else "link name"
        member.damage = (f"its GNU long {what} is {self.size} bytes (more than {MAX_LONG_NAME >> 10} KiB): "
                         "not a name; the member was not read, the ones after it were")
        return member

    def _proc_pax(self, tarfile_: tarfile.TarFile) -> tarfile.TarInfo:
        if self.size > MAX_PAX_HEADER:
            raise tarfile.SubsequentHeaderError(f"a pax header of {self.size} bytes (more than "
                                                f"{MAX_PAX_HEADER >> 20} MiB)")
        return super()._proc_pax(tarfile_)  # type: ignore[misc]

    def _apply_pax_info(self, pax_headers: dict[str, str], encoding: str, errors: str) -> None:
        """A pax number that is no whole number an offset can hold is left out, as GNU tar leaves
        it ("malformed extended header"), and the header's own field stands: tarfile takes a
        size it cannot read as 0 (the member's data then read as headers, the rest of the
        archive lost unsaid) and raises ValueError on the seek past a size of 10**20."""
        kept = {key: value for key, value in pax_headers.items()
                if key not in _PAX_WHOLE_NUMBERS or plain_number(value) is not None}
        super()._apply_pax_info(kept, encoding, errors)  # type: ignore[misc]

    @classmethod
    def fromtarfile(cls, tarfile_: tarfile.TarFile) -> tarfile.TarInfo:
        """The next member; past a block that is no header (its checksum wrong) in mid-archive,
        the next block that is one, with the gap told in :attr:`gap`. tarfile takes such a block
        for the archive's end and says nothing: every member after it was lost unsaid (GNU tar
        skips to the next header). A number field tarfile cannot take, or an archive that ends
        inside a header, is damage of the archive."""
        try:
            return super().fromtarfile(tarfile_)
        except tarfile.TruncatedHeaderError:  # tarfile: the end, said by nothing
            if tarfile_.offset == 0:
                raise
            raise tarfile.SubsequentHeaderError("the archive ends inside a member's header") from None
        except tarfile.InvalidHeaderError:
            if tarfile_.offset == 0:  # not a tar at all
                raise
            return cls._read_on(tarfile_, tarfile_.fileobj.tell() - tarfile.BLOCKSIZE)  # type: ignore[union-attr]
        except ValueError:  # its text quotes the field, which may be anything, a key too
            raise tarfile.SubsequentHeaderError("a header whose number fields cannot be read") from None

    @classmethod
    def _read_on(cls, tarfile_: tarfile.TarFile, start: int) -> tarfile.TarInfo:
        """The first member whose header follows ``start`` (a block that is no header), or
        damage of the archive when none does."""
        source = tarfile_.fileobj
        while len(block := source.read(tarfile.BLOCKSIZE)) == tarfile.BLOCKSIZE:  # type: ignore[union-attr]
            try:
                found = cls.frombuf(block, tarfile_.encoding, tarfile_.errors)
            except tarfile.HeaderError:  # data, or the NUL blocks of the end
                continue
            found.offset = source.tell() - tarfile.BLOCKSIZE  # type: ignore[union-attr]
            member = found._proc_member(tarfile_)  # type: ignore[attr-defined]
            member.gap = (f"tar damaged at byte {start}: {found.offset - start} bytes hold no member header "
                          f"(what a member there held is lost); read on from the header at byte {found.offset}")
            return member
        raise tarfile.SubsequentHeaderError(f"tar damaged at byte {start}: a block that is no member header, "
                                            "and none after it")


def tar_entries(archive: tarfile.TarFile) -> Iterator[tuple[tarfile.TarInfo | None, str | None]]:
    """Entry and skip reason (None: scan it) of every member that is not a folder; before a
    member whose header follows bytes that held none, None and what :attr:`BoundedTarInfo.gap` says."""
    for info in archive:
        if gap := getattr(info, "gap", None):
            yield None, gap
        if not info.isdir():
            yield info, tar_skip(info)


# What zipfile raises for a directory it cannot list besides BadZipFile: an entry asking for a newer format
# (NotImplementedError), a name flagged UTF-8 that is not (UnicodeDecodeError), a negative seek (ValueError).
UNLISTABLE = (zipfile.BadZipFile, NotImplementedError, ValueError)


def listed_zip(stream: BinaryIO) -> zipfile.ZipFile:
    """The zip ``stream`` holds, its central directory read; a directory that cannot be listed is
    BadZipFile, damage of that input (zipfile's own "File is not a zip file" says too little of a
    zip cut short)."""
    try:
        return zipfile.ZipFile(stream)
    except UNLISTABLE as exc:
        raise zipfile.BadZipFile(f"the zip's central directory cannot be read ({exc})") from None
