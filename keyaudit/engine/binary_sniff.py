"""Whether a scan takes bytes for binary, asked before they are scanned.

A reader that holds bytes to be scanned (a capture's body) can learn from them, or from their start
alone, what :class:`~keyaudit.engine.stream.ChunkedPass` will make of them: binary content is read
only for its strings, so decoding megabytes of it to scan them is work in vain.
"""

from __future__ import annotations

from keyaudit.engine.binary_text import HOLE_SNIFF_BYTES, leading_nuls, looks_binary
from keyaudit.engine.stream import CHUNK_BYTES


def scanned_as_binary(data: bytes) -> bool:
    """Whether a scan of ``data`` takes it for binary, and so reads only its strings: the sniff of
    its first chunk, as :class:`ChunkedPass` makes it."""
    return looks_binary(data[:CHUNK_BYTES])


def binary_by_head(head: bytes) -> bool | None:
    """What :func:`scanned_as_binary` says of any bytes that start with ``head``; None when
    ``head`` is too short to tell (the sniff reads past the leading NULs, as far as
    :data:`HOLE_SNIFF_BYTES`). A reader that would decode megabytes only to scan them (a
    capture's base64 image) can tell from their start that they would be scanned in vain."""
    start = leading_nuls(head)
    if start + HOLE_SNIFF_BYTES > min(len(head), CHUNK_BYTES):
        return None
    return looks_binary(head)
