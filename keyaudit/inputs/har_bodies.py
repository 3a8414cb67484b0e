"""A HAR body recorded in base64 (``content.encoding: base64``), decoded for the rules only when
they could find something in it: an image's or a font's megabytes are never decoded whole.
"""

from __future__ import annotations

import binascii

from keyaudit.engine.stream import binary_by_head, scanned_as_binary

BODY_HEAD_CHARS = 1 << 17  # of a long base64 body, decoded first: the binary sniff's window, and more


def scanned_body(text: str) -> bytes | None:
    """A base64 body's bytes, when a scan of them could find anything: not when the text is not
    base64, nor when the scan would take the bytes for binary (an image, a font) and find
    nothing. That is told from the start of the bytes, decoded alone, when the text is long: the
    rest of an image's megabytes is then never decoded, nor scanned in the joint pass."""
    if len(text) > BODY_HEAD_CHARS:
        head = _decoded_base64(text[:BODY_HEAD_CHARS])
        # Whole quads (all of them base64 characters) decode to the first bytes of the body.
        if head is not None and len(head) * 4 == BODY_HEAD_CHARS * 3 and binary_by_head(head):
            return None
    decoded = _decoded_base64(text)
    return None if decoded is None or scanned_as_binary(decoded) else decoded


def _decoded_base64(value: str) -> bytes | None:
    """A body's bytes, as ``base64.b64decode(value, validate=False)`` gives them (characters
    outside the alphabet skipped), read from the text itself: bodies run to megabytes, and
    ``b64decode`` first copies a text into bytes. A text that is not ASCII is none."""
    try:
        return binascii.a2b_base64(value)
    except (binascii.Error, ValueError):
        return None
