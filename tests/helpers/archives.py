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
