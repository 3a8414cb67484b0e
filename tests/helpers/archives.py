"""Archives built in memory from member texts, as tar and zip write them."""

from __future__ import annotations

import io
import tarfile
import zipfile


def tar_bytes(members: dict[str, bytes], compression: str = "") -> bytes:
    """A tar of ``members`` (name to content), compressed by tarfile when ``compression`` names one."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=f"w:{compression}") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """A deflated zip of ``members`` (name to content)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def sparse_tar(name: str, segments: list[tuple[int, bytes]], size: int, form: str) -> bytes:
    """A tar of one sparse member, as ``tar --sparse`` writes one: ``segments`` (offset in the
    file, bytes) are stored, the holes between them and up to ``size`` are not. ``form`` is
    ``"gnu"`` (the old GNU header of type S, four segments at most) or ``"pax"`` (the GNU 1.0
    pax form: a regular member whose data starts with the map)."""
    stored = b"".join(data for _, data in segments)
    if form == "gnu":
        info = tarfile.TarInfo(name)
        info.type, info.size = tarfile.GNUTYPE_SPARSE, len(stored)
        header = bytearray(info.tobuf(tarfile.GNU_FORMAT))
        for index, (offset, data) in enumerate(segments):
            at = 386 + 24 * index
            header[at : at + 24] = tarfile.itn(offset, 12, tarfile.GNU_FORMAT) + \
                tarfile.itn(len(data), 12, tarfile.GNU_FORMAT)
        header[483:495] = tarfile.itn(size, 12, tarfile.GNU_FORMAT)  # the file's real size
        header[148:156] = b" " * 8
        header[148:155] = b"%06o\0" % sum(header)  # the checksum, counted with its own field as spaces
        archive = bytes(header) + _padded(stored) + b"\0" * (2 * tarfile.BLOCKSIZE)  # then the end blocks
        return archive + b"\0" * (-len(archive) % tarfile.RECORDSIZE)
    sparse_map = f"{len(segments)}\n" + "".join(f"{offset}\n{len(data)}\n" for offset, data in segments)
    body = _padded(sparse_map.encode()) + stored
    info = tarfile.TarInfo(f"GNUSparseFile.0/{name}")
    info.size = len(body)
    info.pax_headers = {"GNU.sparse.major": "1", "GNU.sparse.minor": "0", "GNU.sparse.name": name,
                        "GNU.sparse.realsize": str(size)}
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        archive.addfile(info, io.BytesIO(body))
    return buffer.getvalue()


def _padded(data: bytes) -> bytes:
    """``data`` padded with NULs to a whole number of tar blocks."""
    return data + b"\0" * (-len(data) % tarfile.BLOCKSIZE)
