"""A HAR body recorded in base64 (``content.encoding: base64``), decoded for the rules only when
they could find something in it: an image's or a font's megabytes are never decoded whole.

Binary bytes are read as a binary file is, for their strings (:func:`~keyaudit.engine.binary_text.strings_view`,
up to :data:`~keyaudit.model.result.BINARY_STRINGS_BYTES`): a protobuf or gRPC body, a download, a serialised
session hold keys as a file of them does. Media are not read: told by their magic, as files are, or by the type
the capture declares (``content.mimeType`` image, audio, video or font: browsers record what the server said).
"""

from __future__ import annotations

import binascii
from dataclasses import dataclass

from keyaudit.engine.binary_read import BinaryBudget
from keyaudit.engine.binary_sniff import binary_by_head, scanned_as_binary
from keyaudit.engine.binary_text import BINARY_SNIFF_BYTES, HOLE_SNIFF_BYTES, media_kind, strings_view

# Of a long base64 body, decoded first: whole quads decoding to the binary sniff's window, with a
# sample's room for leading NULs (what it takes to tell; the rest is decoded only for a body kept).
BODY_HEAD_CHARS = (HOLE_SNIFF_BYTES + BINARY_SNIFF_BYTES) // 3 * 4
_MEDIA_TYPES = ("image/", "audio/", "video/", "font/")


@dataclass(frozen=True)
class Body:
    """What the rules read of a body: its bytes, or a binary body's strings (``cut``: its bytes past the bound
    were not read, counted as a binary file's are; ``unread``: a commit hook's budget left none of it to read)."""

    data: bytes
    cut: bool = False
    unread: bool = False


def scanned_body(text: str, mime_type: object = None, budget: BinaryBudget | None = None) -> Body | None:
    """A base64 body's bytes, when a scan of them could find anything: not when the text is not
    base64, nor when they are media (an image, a font: see the module). That is told from the start
    of the bytes, decoded alone, when the text is long: the rest of an image's megabytes is then
    never decoded, nor scanned in the joint pass; a body kept has its rest decoded after that
    start, not its start decoded again. A binary body is read as far as ``budget`` lets, and spends it."""
    declared = isinstance(mime_type, str) and mime_type.lower().startswith(_MEDIA_TYPES)
    head: bytes | None = None
    if len(text) > BODY_HEAD_CHARS:
        head = _decoded_base64(text[:BODY_HEAD_CHARS])
        # Whole quads (all of them base64 characters, no padding) decode to the first bytes of
        # the body, and leave the decoder where a decoder of the whole text would be.
        if head is None or len(head) * 4 != BODY_HEAD_CHARS * 3:
            head = None
        elif binary_by_head(head) and (declared or media_kind(head) is not None):
            return None
    if head is None:
        decoded = _decoded_base64(text)
    else:
        rest = _decoded_base64(text[BODY_HEAD_CHARS:])
        decoded = None if rest is None else head + rest
    if decoded is None:
        return None
    if not scanned_as_binary(decoded):
        return Body(decoded)
    if declared or media_kind(decoded) is not None:
        return None
    budget = budget or BinaryBudget()
    bound = budget.bound()
    budget.spend(min(bound, len(decoded)))
    return Body(strings_view(decoded[:bound]), len(decoded) > bound, unread=not bound)


def _decoded_base64(value: str) -> bytes | None:
    """A body's bytes, as ``base64.b64decode(value, validate=False)`` gives them (characters
    outside the alphabet skipped), read from the text itself: bodies run to megabytes, and
    ``b64decode`` first copies a text into bytes. A text that is not ASCII is none."""
    try:
        return binascii.a2b_base64(value)
    except (binascii.Error, ValueError):
        return None
