"""A credential a logger wrapped at a fixed width, joined again.

Some loggers cut a long line into pieces of one width and write each piece as a record of its
own, prefix and all: ihsanbal's LoggingInterceptor for OkHttp writes every header line in pieces of
110 characters, each after the logcat prefix and ``│ ``; the wrappers Android apps put around
``Log`` cut a message every 3,000 or 4,000. A key longer than the width (an Asaas key is 166
characters) is in no record whole, so no rule finds it as written, and what the first piece holds
fails the key's validation.

A rule whose credential is that long says so (``line_wrapped`` in its rule file). Where one of its
keywords runs, in a credential's characters, to the end of its line (the engine reports where), the
lines below that go on with it are joined to it and scanned again, as a decoding layer (``wrapped
line``): a finding keeps the line and column of its first byte, and only one across a cut is the
layer's (what one line holds is found as written). A line goes on with the one above when both
start with the same prefix (digits may differ: a timestamp, a counter) up to where the next line's
piece begins — or with none, where a terminal or `fold` cut the line itself and its rest starts the
next line, or a format of content lines folded it (iCalendar and vCard at 75 octets, LDIF at 76, a
JAR manifest at 72: its rest starts the next line after one blank, the fold's, not the value's) —,
the piece begins with a credential's characters, and the line above was cut: the first line's piece
is at least :data:`MIN_WIDTH` bytes, every piece but the last is exactly as long as the first, and
all of them hold no more than :data:`MAX_JOINED` bytes. Two lines a program wrote apart join only
where they make a key its validator accepts, which no chance does.
"""

from __future__ import annotations

import re
from typing import AnyStr, Sequence

MIN_WIDTH = 40  # bytes of a line's piece, at least: a narrower cut is no logger's width
MAX_PIECES = 8  # lines a value is joined from, at most (166 characters at the narrowest width: 5)
# bytes the pieces hold in all, at most: a run longer than any credential is no key cut into records (lines of
# one width each holding a run of a credential's characters, every one the next's prefix, would join a spot a line)
MAX_JOINED = 512
# what a credential may be written with: base64 (standard and URL-safe), hex, its escapes (`%2F`, `\/`)
_CREDENTIAL_CLASS = rb"[A-Za-z0-9+/=%\\_-]"
_CREDENTIAL_BYTES = bytes(byte for byte in range(256) if re.fullmatch(_CREDENTIAL_CLASS, bytes([byte])))
# what a key of a rule whose keys loggers wrap (``line_wrapped``) runs to its line's end with, after its keyword:
# the line may be cut inside it (the decoding layer's anchor)
CUT_RUN = _CREDENTIAL_CLASS + rb"*\r?\n"
_CREDENTIAL = frozenset(_CREDENTIAL_BYTES)
_DIGITS_ALIKE = bytes.maketrans(b"123456789", b"000000000")
_FOLD_BLANKS = (b" ", b"\t")  # what a folded content line's rest starts with (RFC 5545 3.1: a space or a tab)


def pieces(data: bytes, start: int = 0, stop: int | None = None) -> list[tuple[int, int]]:
    """The pieces a wrapped value of ``data`` is in, as (start, end) of each line's piece: the
    line at ``start`` (whole: its piece's start is told by the next line's prefix) and the lines
    below that go on with it (see above), within ``stop``. One piece (the line alone) where none does."""
    stop = len(data) if stop is None else stop
    end = line_end(data, start, stop)
    found = [(start, end)]
    above = start  # where the line above starts: its prefix is the next one's
    width = None
    while len(found) < MAX_PIECES and (below := data.find(b"\n", end, stop) + 1):
        after = line_end(data, below, stop)
        piece = _piece_start(data[above:end], data[below:after])
        if piece is None:
            break
        first, last = found[-1]
        if width is None:
            width = last - first - piece  # the first line's piece: what the cut left on it
            if width < MIN_WIDTH:
                break
        elif last - first != width:  # the line above was no cut: its piece was shorter
            break
        found.append((below + piece, after))
        if sum(last - first for first, last in found[1:]) + width > MAX_JOINED:
            return found[:1]
        above, end = below, after
    return found


def joined(data: bytes) -> tuple[bytes, Sequence[int]] | None:
    """``data`` (a line and those that go on with it) as one line: each line's prefix and the
    line break before it taken out; and the origin of every byte. None where no line goes on
    with the first."""
    found = pieces(data)
    if len(found) < 2:
        return None
    text = b"".join(data[first:last] for first, last in found)
    origin = [at for first, last in found for at in range(first, last)]
    return text, [*origin, found[-1][1]]


def _piece_start(above: bytes, line: bytes) -> int | None:
    """Where the piece of ``line`` starts, if ``line`` goes on with ``above``: after the prefix
    both share (digits aside) up to its last byte that no credential is written with, where the
    piece then starts with a credential's byte (where they share none: at the line's start, a line
    a terminal folded, or after one blank that ``above`` does not start with, a content line's fold);
    else None."""
    same = common_length(above.translate(_DIGITS_ALIKE), line.translate(_DIGITS_ALIKE))
    same = len(line[:same].rstrip(_CREDENTIAL_BYTES))  # the pieces may begin alike: the prefix ends before them
    if not same and line[:1] in _FOLD_BLANKS:
        same = 1
    if same >= len(line) or line[same] not in _CREDENTIAL:
        return None
    return same


def common_length(one: AnyStr, other: AnyStr) -> int:
    """How many leading characters (or bytes) two strings share, found by halving, each half compared at
    C speed: one by one in Python cost seconds a megabyte, and it is asked of every line under a cut (here)
    and above an anchored object (:mod:`keyaudit.inputs.captures.log_prefix`)."""
    low, high = 0, min(len(one), len(other))
    while low < high:
        middle = (low + high + 1) // 2
        if one[low:middle] == other[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def line_end(data: bytes, start: int, stop: int) -> int:
    """Where the line at ``start`` ends (its CR, if it has one, left out), within ``stop``."""
    end = data.find(b"\n", start, stop)
    end = stop if end < 0 else end
    return end - 1 if end > start and data[end - 1] == 0x0D else end
