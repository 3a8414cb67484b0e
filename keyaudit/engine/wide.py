"""Text in UTF-16LE inside base64: what Windows encodes before it base64-encodes a string.

PowerShell's ``-EncodedCommand`` takes a script as base64 of its UTF-16LE bytes, and so do .NET's
``Convert.ToBase64String(Encoding.Unicode.GetBytes(…))`` and the process-creation events that
record such a command line (Sysmon's, Windows' 4688). Every other byte of that text is a NUL, so
it reads as no text, and a keyword's base64 form as UTF-8 text writes it is nowhere in the run:
the decoding layer looks for the base64 forms of the keywords' UTF-16LE bytes too
(:func:`keyaudit.engine.encodings.decode_anchors`), and a run that decodes to no UTF-8 text is
read as the UTF-16LE text it spells (:func:`unbase64_wide`).
"""

from __future__ import annotations

from keyaudit.engine.unwrap import Base64Origin, base64_bytes, unwrapped

WIDE_SHARE = 0.9  # of the decoded bytes' pairs, those whose second byte is a NUL (ASCII in UTF-16LE)


def wide_text(data: bytes) -> tuple[bytes, list[int]] | None:
    """``data`` read as UTF-16LE, when it is that (an even length, a NUL after nearly every
    byte): the text in UTF-8, and for each of its bytes (and its end) the offset in ``data`` of
    the character it belongs to; None otherwise."""
    if len(data) < 2 or len(data) % 2 or data[1::2].count(0) < WIDE_SHARE * (len(data) // 2):
        return None
    try:
        characters = data.decode("utf-16-le")
    except UnicodeDecodeError:
        return None
    text, origin, at = bytearray(), [], 0
    for character in characters:
        encoded = character.encode("utf-8", "surrogatepass")
        text += encoded
        origin += [at] * len(encoded)
        at += len(character.encode("utf-16-le", "surrogatepass"))
    return bytes(text), origin + [len(data)]


def unbase64_wide(run: bytes) -> tuple[bytes, list[int]] | None:
    """A base64 run (wrapped over lines or not) decoded to the UTF-16LE text it holds, in UTF-8,
    each byte placed on the character of ``run`` its character's bits start in; None when it
    holds no such text."""
    kept, shown = unwrapped(run)
    data = base64_bytes(kept)
    found = wide_text(data) if data else None
    if found is None:
        return None
    origin = Base64Origin(len(data), len(kept))  # type: ignore[arg-type]  # data is bytes: found is not None
    return found[0], [shown[origin[offset]] for offset in found[1]]
