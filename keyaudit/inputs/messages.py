"""E-mail read as its reader sees it: a mailbox message by message, each message's MIME parts
decoded (base64, quoted-printable, charsets, RFC 2047 encoded words, text attachments, attached
messages), so that a key pasted into a support request is found where a person would see it.

Each piece of text comes with where it stands. Text that is in the file as it is read (headers,
7-bit and 8-bit parts in UTF-8) keeps exact lines and columns; decoded text cannot be pointed at
inside the file, so its findings are placed on the first line of the encoded part (or of the
header holding the encoded words), and say how it was decoded and on which of its own lines.
Quoted-printable keeps the text's own lines (a soft break, `=` at a line's end, only continues
one), so its findings go on the file line that holds where they start.

Headers are parsed with the ``compat32`` policy: the ``default`` policy's header objects made
reading a mailbox five times slower, and only the structure (content type, boundary, charset,
transfer encoding) and the Message-ID are read from them; encoded words are decoded here.

A mailbox is read one message at a time (memory is bounded by the largest message, and a message
larger than MAX_MESSAGE_BYTES is read as plain text): ``mailbox.mbox`` would want a seekable file
and a table of contents, and inputs here are also decompressed streams and archive members.
"""

from __future__ import annotations

import binascii
from dataclasses import dataclass
from email import errors
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesHeaderParser, BytesParser
from email.policy import compat32
from typing import BinaryIO, Callable, Iterator

MAX_MESSAGE_BYTES = 32 << 20
MAX_ID_CHARS = 200
MAX_DEPTH = 24  # MIME nesting read part by part; deeper parts are read as written
READ_BYTES = 1 << 16
_PLAIN_CHARSETS = (None, "us-ascii", "ascii", "utf-8", "utf8")
_DAMAGE = (errors.CloseBoundaryNotFoundDefect, errors.StartBoundaryNotFoundDefect,
           errors.InvalidBase64CharactersDefect, errors.InvalidBase64PaddingDefect,
           errors.InvalidBase64LengthDefect, errors.NoBoundaryInMultipartDefect)


@dataclass(frozen=True)
class Piece:
    """Text to scan and where it stands: ``line`` and ``column`` (characters before it on that
    line) in the file when ``decoded`` is None; otherwise the line findings are placed on."""

    text: bytes
    line: int
    column: int
    pointer: str  # the message (and part) it belongs to
    decoded: str | None = None  # how the text was decoded from the file's bytes
    # where the file's lines land in decoded text, (decoded line, column, file line) in order,
    # where that is known (quoted-printable)
    spots: tuple[tuple[int, int, int], ...] = ()


@dataclass(frozen=True)
class Problem:
    """A message or part that could not be read whole (it was read as far as it goes)."""

    pointer: str
    message: str


def pieces_in_mail(stream: BinaryIO, mbox: bool, hide: Callable[[str], str] = lambda name: name
                   ) -> Iterator[Piece | Problem]:
    """The pieces of every message of a mailbox (``mbox``) or of one message file. Each message
    is named by its Message-ID, which anyone can write a key into: ``hide`` redacts those in it."""
    for number, line, raw, whole in _messages(stream, mbox):
        name = f"message {number}" if mbox else "message"
        if not whole:
            yield Problem(name, f"larger than {MAX_MESSAGE_BYTES >> 20} MiB: read as plain text")
            yield Piece(raw, line, 0, name)
            continue
        identity = BytesHeaderParser(policy=compat32).parsebytes(raw[:_header_end(raw, 0, len(raw))]).get("message-id")
        if identity:
            name = f"{name} {hide(' '.join(str(identity).split()))[:MAX_ID_CHARS]}"
        yield from _entity(raw, 0, len(raw), line, name, ())


def _messages(stream: BinaryIO, mbox: bool) -> Iterator[tuple[int, int, bytes, bool]]:
    """(number, first line, bytes, whole) of each message; the ``From`` line that starts a message
    in a mailbox is not part of it. A message past the size bound is handed on in slices."""
    number, line_number, start, size = 0, 0, 1, 0
    held: list[bytes] = []
    previous_blank, whole = True, True
    for line in _lines(stream):
        line_number += 1
        if mbox and previous_blank and line.startswith(b"From "):
            if number:
                yield number, start, b"".join(held), whole
            number, start, held, size, whole = number + 1, line_number + 1, [], 0, True
            previous_blank = False
            continue
        previous_blank = not line.strip()
        held.append(line)
        size += len(line)
        if size > MAX_MESSAGE_BYTES:
            yield number or 1, start, b"".join(held), False
            start, held, size, whole = line_number + 1, [], 0, False
    if held or number:
        yield number or 1, start, b"".join(held), whole


def _lines(stream: BinaryIO) -> Iterator[bytes]:
    rest = b""
    while chunk := stream.read(READ_BYTES):
        rest += chunk
        lines = rest.split(b"\n")
        rest = lines.pop()
        yield from (line + b"\n" for line in lines)
    if rest:
        yield rest


def _header_end(raw: bytes, start: int, end: int) -> int:
    """Where the body of ``raw[start:end]`` starts: after the first empty line, or the end when
    there is none."""
    if raw.startswith((b"\n", b"\r\n"), start, end):
        return raw.index(b"\n", start) + 1
    ends = [at + len(blank) for blank in (b"\n\n", b"\n\r\n") if (at := raw.find(blank, start, end)) >= 0]
    return min(ends) if ends else end


def _entity(raw: bytes, start: int, end: int, line: int, name: str,
            numbers: tuple[int, ...]) -> Iterator[Piece | Problem]:
    """The pieces of the message or MIME part ``raw[start:end]``, which starts at ``line`` of the
    file. A part is its offsets in the message's bytes, not a copy of them: a copy at each level
    cost memory of depth times size. A part nested deeper than MAX_DEPTH is read as written (nesting
    without end was a RecursionError)."""
    pointer = f"{name} part {'.'.join(map(str, numbers))}" if numbers else name
    if len(numbers) > MAX_DEPTH:
        yield Problem(pointer, f"MIME parts nested more than {MAX_DEPTH} deep: read as written")
        yield Piece(raw[start:end], line, 0, pointer)
        return
    head_end = _header_end(raw, start, end)
    head = raw[start:head_end]
    yield Piece(head, line, 0, pointer)
    yield from _encoded_words(head, line, pointer)
    headers = BytesHeaderParser(policy=compat32).parsebytes(head)
    body_line = line + head.count(b"\n")
    kind = headers.get_content_type()
    if headers.get_content_maintype() == "multipart":
        yield from _multipart(headers, raw, head_end, end, body_line, name, numbers, pointer)
    elif kind == "message/rfc822" and _transfer_encoding(headers) not in ("base64", "quoted-printable"):
        yield from _entity(raw, head_end, end, body_line, name, (*numbers, 1))
    else:
        yield from _leaf(raw, (start, head_end, end), headers, body_line, pointer)


def _transfer_encoding(headers: Message) -> str:
    return str(headers.get("content-transfer-encoding", "")).strip().lower()


def _encoded_words(head: bytes, line: int, pointer: str) -> Iterator[Piece | Problem]:
    """Each header holding RFC 2047 encoded words, decoded, on the line where the header starts."""
    fields: list[tuple[int, bytes]] = []
    for index, text in enumerate(head.split(b"\n")):
        if text[:1] in (b" ", b"\t") and fields:
            fields[-1] = (fields[-1][0], fields[-1][1] + b" " + text.strip())
        elif text.strip():
            fields.append((line + index, text.rstrip(b"\r")))
    for field_line, text in fields:
        if b"=?" not in text:
            continue
        label, _, value = text.partition(b":")
        try:
            shown = str(make_header(decode_header(value.decode("ascii", "replace").strip())))
        except (errors.MessageError, LookupError, UnicodeError, ValueError):  # CharsetError: a charset named in non-ASCII
            yield Problem(pointer, f"header {label.decode('ascii', 'replace')[:60]!r}: encoded words that do "
                                   "not decode; read as written")
            continue
        yield Piece(label + b": " + shown.encode("utf-8", "surrogateescape"), field_line, 0, pointer, "encoded-word")


def _multipart(headers: Message, raw: bytes, start: int, end: int, line: int, name: str, numbers: tuple[int, ...],
               pointer: str) -> Iterator[Piece | Problem]:
    """Each part between the boundary lines of the body ``raw[start:end]`` (on file line
    ``line``), at its own line; text outside them read as written."""
    boundary = headers.get_boundary()
    if not boundary:
        yield Problem(pointer, "multipart without a boundary: its body read as written")
        yield Piece(raw[start:end], line, 0, pointer)
        return
    delimiter, closing = f"--{boundary}".encode(), f"--{boundary}--".encode()
    part: int | None = None  # where the open part starts
    part_line, count, closed = line, 0, False
    outside, outside_line = start, line  # where text outside the parts starts
    position, number = start, line
    while position < end:
        stop = raw.find(b"\n", position, end) + 1 or end
        if raw.startswith(b"--", position, end) and (marker := raw[position:stop].rstrip()) in (delimiter, closing):
            if part is not None:
                count += 1
                yield from _entity(raw, part, _without_last_newline(raw, part, position), part_line, name,
                                   (*numbers, count))
            elif position > outside:
                yield Piece(raw[outside:position], outside_line, 0, pointer)
            part, part_line = (stop if marker == delimiter else None), number + 1
            closed = marker == closing
            outside, outside_line = stop, number + 1
        position, number = stop, number + 1
    if part is not None:
        count += 1
        yield from _entity(raw, part, end, part_line, name, (*numbers, count))
    elif outside < end:
        yield Piece(raw[outside:end], outside_line, 0, pointer)
    if not closed:
        yield Problem(pointer, "multipart without its closing boundary (truncated?): its parts read as far as "
                               "they go")


def _without_last_newline(raw: bytes, start: int, end: int) -> int:
    """Where a part (``raw[start:end]``) ends without the line end that belongs to the boundary
    line after it (RFC 2046)."""
    if raw.endswith(b"\r\n", start, end):
        return end - 2
    return end - 1 if raw.endswith(b"\n", start, end) else end


def _leaf(raw: bytes, span: tuple[int, int, int], headers: Message, line: int,
          pointer: str) -> Iterator[Piece | Problem]:
    """A part's content (the part is ``raw`` from ``span``'s start to its end, its body from the
    middle): as written when it is plain UTF-8 text, otherwise decoded (text parts and attachments
    that are text); binary content is left out."""
    start, body_start, end = span
    body = raw[body_start:end]
    encoding = _transfer_encoding(headers)
    charset = headers.get_content_charset()
    if encoding not in ("base64", "quoted-printable") and charset in _PLAIN_CHARSETS:
        yield Piece(body, line, 0, pointer)
        return
    part = BytesParser(policy=compat32).parsebytes(raw[start:end])
    data = part.get_payload(decode=True)
    if not isinstance(data, bytes):
        return
    damage = sorted({type(defect).__name__ for defect in part.defects if isinstance(defect, _DAMAGE)})
    if damage:
        yield Problem(pointer, f"damaged {encoding or 'part'} ({', '.join(damage)}): decoded as far as it goes")
    if part.get_content_maintype() == "text" or charset not in _PLAIN_CHARSETS:
        text = _decode_charset(data, charset)
    else:
        text = data if b"\0" not in data[:8192] else None  # an attachment: scanned when it is text
    if text is None:
        return
    how = " ".join(word for word in (encoding if encoding in ("base64", "quoted-printable") else "",
                                     f"charset {charset}" if charset not in _PLAIN_CHARSETS else "") if word)
    spots = _soft_broken_lines(body, line) if encoding == "quoted-printable" else ()
    whole = bool(spots) and spots[-1][0] == text.count(b"\n") + 1  # the charset kept the lines
    yield Piece(text, line, 0, pointer, how or None, spots if whole else ())


def _soft_broken_lines(body: bytes, line: int) -> tuple[tuple[int, int, int], ...]:
    """Where each line of a quoted-printable ``body`` (which starts on file line ``line``) lands in
    the decoded text: (decoded line, column, file line). An encoded line ending in `=` is a soft
    break: the next one continues the same decoded line, after what this one decodes to."""
    spots: list[tuple[int, int, int]] = []
    decoded_line, column = 1, 1
    for index, text in enumerate(body.split(b"\n")):
        spots.append((decoded_line, column, line + index))
        text = text.rstrip(b" \t\r")
        if text.endswith(b"="):
            column += len(binascii.a2b_qp(text[:-1]))
        else:
            decoded_line, column = decoded_line + 1, 1
    return tuple(spots)


def _decode_charset(data: bytes, charset: str | None) -> bytes:
    """Text in UTF-8, from the part's charset (UTF-8, with damage replaced, when it is unknown)."""
    try:
        return data.decode(charset or "utf-8", "replace").encode("utf-8")
    except LookupError:
        return data.decode("utf-8", "replace").encode("utf-8")
