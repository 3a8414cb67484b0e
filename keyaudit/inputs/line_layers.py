"""What a terminal, a web page or a truncation put on a log's lines, taken off before the request
readers see them: a line as its program wrote it.

The engine finds secrets in the bytes as they are (its own decoding layers keep exact places); a
request reader needs the text itself: a dump's ``> POST`` under colour codes, a record whose quotes
a web page wrote as ``&quot;``, a record written right after the NULs ``copytruncate`` left.
"""

from __future__ import annotations

import re

from keyaudit.engine.line_memo import BOM
from keyaudit.engine.unwrap import ansi, html_entities

_ENTITY_MARK = re.compile(rb"&(?:quot|apos|gt|lt|#x?[0-9A-Fa-f]{2});")  # one of the entities below, at C speed
# Characters a web page writes as entities, and the entities: where a line holds one of a kind and
# no character of it as written, the line was escaped for the page.
_ESCAPED = (((b"&quot;", b"&#34;", b"&#x22;"), (b'"',)), ((b"&#x27;", b"&#39;", b"&apos;"), (b"'",)),
            ((b"&gt;", b"&lt;", b"&#62;", b"&#60;"), (b"<", b">")))


def reader_text(line: bytes) -> str:
    """A line as the readers see it: without its line ending, decoded so that encoding it back
    gives its bytes, and as it was written before the layers an editor, a terminal or a web page put
    on it: the byte-order mark it starts with left out (see :data:`BOM`); the NULs it starts with (a
    hole: the text a log's writer went on with after ``copytruncate`` cut the file) as blanks, so
    that what follows starts the line and keeps its column; its terminal escapes (colours) taken
    out; its HTML entities decoded where every quote or angle bracket of it is one (a log shown in,
    or saved from, a web page). A request in such a line keeps its line; a column after a colour
    or a mark is counted without it."""
    if line.startswith((b"\0", BOM)) or b"\x1b" in line or (b"&" in line and _ENTITY_MARK.search(line)):
        line = _unlayered(line)
    return line.rstrip(b"\r\n").decode("utf-8", "surrogateescape")


def reader_texts(lines: list[bytes]) -> list[str]:
    """The ``lines`` (without their line ends) as :func:`reader_text` makes each: decoded
    together at C speed where none has a layer to take off, as nearly every block of a log has
    none (a line break never falls inside a character, so the block decodes as its lines do)."""
    block = b"\n".join(lines)
    if not lines or b"\0" in block or b"\x1b" in block or (b"&" in block and _ENTITY_MARK.search(block)) or (
            b"\xef" in block and (block.startswith(BOM) or b"\n" + BOM in block)):  # its first byte: at C speed
        return [reader_text(line) for line in lines]
    texts = block.decode("utf-8", "surrogateescape").split("\n")
    return [text.rstrip("\r") for text in texts] if b"\r" in block else texts


def _unlayered(line: bytes) -> bytes:
    """The line without the layers :func:`reader_text` takes off (the rare line that has one)."""
    line = line.removeprefix(BOM)
    if line.startswith(b"\0"):
        line = b" " * (len(line) - len(stripped := line.lstrip(b"\0"))) + stripped
    if b"\x1b" in line:
        line = (ansi(line) or (line,))[0]
    if b"&" in line and _html_escaped(line):
        line = (html_entities(line) or (line,))[0]
    return line


def _html_escaped(line: bytes) -> bool:
    """Whether a line's quotes or angle brackets are all written as HTML entities: text escaped
    for a web page, not a body that happens to hold an entity."""
    return any(any(entity in line for entity in entities) and not any(raw in line for raw in written)
               for entities, written in _ESCAPED)
