"""A line a container runtime split into pieces, joined back into the line the program wrote.

A runtime's log driver cuts a long line (a request logged with its body) into pieces, each a line
of the log file with its own envelope, and marks the pieces that do not end it: the CRI format
(containerd, CRI-O: what Kubernetes nodes keep) writes ``P`` instead of ``F`` in a piece's prefix
(``<time> stdout P <text>``); Docker's ``json-file`` driver cuts at 16 KiB and leaves the line
break off every piece but the last (``{"log":"…","stream":"stdout",…}``, the last ``log`` ending in
``\\n``). The pieces of one stream come in order, though another stream's may come between. A
piece read alone holds part of a request: its readers need the whole line.
"""

from __future__ import annotations

import re
from typing import Callable, Collection

from .quoted import DOUBLE_QUOTED

CRI_PREFIX = re.compile(r"\S+ (stdout|stderr) ([FP]) ")  # a CRI line's prefix: time, stream, piece (partial or full)
# a json-file line as Docker writes it, its members in this order: the text (as JSON escapes it), then the stream
# (blanks let between them: the same lines written again by a tool that spaces its JSON); the text unrolled (see
# .quoted: a line of a megabyte held 144 MB while the textbook pattern matched it)
_DOCKER = r'\{\s*"log"\s*:\s*"(' + DOUBLE_QUOTED + r')"\s*,\s*"stream"\s*:\s*"(stdout|stderr)"'
_DOCKER_TEXT, _DOCKER_BYTES = re.compile(_DOCKER), re.compile(_DOCKER.encode())
_DOCKER_START = '"log"'  # what the first characters of a json-file line hold
_DOCKER_MARK = _DOCKER_START.encode()
MAX_JOINED_CHARS = 1 << 20  # a line put back together from pieces is cut here (as any capture line)

# One runtime's piece: for a line, None where it is no piece of that runtime's, else the stream, whether the
# line goes on in a later piece, the text it adds, and what comes before and after the text once joined (the
# first piece's envelope; a CRI prefix marked whole, `F`)
_Piece = tuple[str, bool, str, str, str]
_Reader = Callable[[str], "_Piece | None"]


def _cri(text: str) -> _Piece | None:
    piece = CRI_PREFIX.match(text) if "stdout " in text or "stderr " in text else None
    if piece is None:
        return None
    head = text[: piece.start(2)] + "F" + text[piece.end(2) : piece.end()]
    return piece.group(1), piece.group(2) == "P", text[piece.end():], head, ""


def _docker(text: str) -> _Piece | None:
    piece = _DOCKER_TEXT.match(text) if _DOCKER_START in text[:12] else None
    if piece is None:
        return None
    content = piece.group(1)
    return piece.group(2), not _ends_line(content), content, text[: piece.start(1)], text[piece.end(1) :]


def _ends_line(content: str) -> bool:
    """Whether a JSON string's content (escapes as written) ends with an escaped line break, ``\\n``."""
    rest = content[:-1]
    return content.endswith("n") and (len(rest) - len(rest.rstrip("\\"))) % 2 == 1


def _docker_cut(every: str) -> bool:
    """Whether a json-file line among ``every`` may be a piece: fewer of its lines' texts end the line
    (``\\n`` before the stream) than there are lines (counted at C speed: most windows of such a log
    hold none)."""
    streams = every.count('"stream"')
    return bool(streams) and every.count('\\n","stream"') + every.count('\\n", "stream"') < streams


# What a window's text holds where a runtime's pieces may be among its lines: marks, looked for with the other
# readers' at once (:mod:`keyaudit.engine.marks`). A CRI piece is told by its mark; a json-file line's mark is
# every such line's, and the window is then told to hold a piece by counting.
MARKS = {"cri-pieces": (" stdout P ", " stderr P "), "docker-pieces": ('"stream"',)}
# each runtime's mark, how a window holding it is told to hold a piece (where the mark does not tell), and how a
# line is read as one
RUNTIMES: tuple[tuple[str, Callable[[str], bool] | None, _Reader], ...] = (
    ("cri-pieces", None, _cri), ("docker-pieces", _docker_cut, _docker))


def goes_on(line: bytes) -> bool:
    """Whether ``line`` is a runtime's piece of a line that a later piece goes on: what it holds of
    a request is not the whole of it (asked of an anchor's line in the engine's pass, in bytes)."""
    head = line[:64]
    if _DOCKER_MARK in head[:12]:
        piece = _DOCKER_BYTES.match(line)
        return piece is not None and not _ends_line(piece.group(1)[-64:].decode("latin-1"))
    return b" P " in head and (b" stdout P " in head or b" stderr P " in head)


def joined_pieces(lines: list[tuple[int, str]], leads: dict[int, int], every: str, present: Collection[str]
                  ) -> tuple[list[tuple[int, str]], dict[int, int]]:
    """The lines with each runtime's pieces of a line joined into one line numbered as its first
    piece, and the anchored lines (``leads``) with an anchor on any piece moved to the joined line
    (``every``: the lines' text; ``present``: which of :data:`MARKS` it holds). A piece whose line
    never ends is given as it is."""
    for mark, cut, reader in RUNTIMES:
        if mark in present and (cut is None or cut(every)):
            lines, leads = _joined(lines, leads, reader)
    return lines, leads


def _joined(lines: list[tuple[int, str]], leads: dict[int, int], reader: _Reader
            ) -> tuple[list[tuple[int, str]], dict[int, int]]:
    out: list[tuple[int, str]] = []
    moved = dict(leads)
    pending: dict[str, tuple[int, list[str], int, str, str]] = {}  # stream -> (out index, texts, size, before, after)
    for number, text in lines:
        piece = reader(text)
        if piece is None:
            out.append((number, text))
            continue
        stream, partial, added, before, after = piece
        held = pending.pop(stream, None)
        if held is None:
            if partial:
                pending[stream] = (len(out), [added], len(added), before, after)
            out.append((number, text))
            continue
        index, parts, size, before, after = held
        first = out[index][0]
        parts.append(added)
        if number in leads:
            moved[first] = max(moved.get(first, 0), leads[number])
        if partial and size < MAX_JOINED_CHARS:
            pending[stream] = (index, parts, size + len(added), before, after)
        else:
            out[index] = (first, before + "".join(parts)[:MAX_JOINED_CHARS] + after)
    return out, moved
