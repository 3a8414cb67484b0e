"""What a traced process wrote, put back together from its calls: a tracer prints each call that
writes bytes with the bytes as a C string (strace's ``write``, ``writev``, ``send``, ``sendto``,
``sendmsg``; ltrace's ``SSL_write`` of a TLS library), and a client writes one request in several
calls (Net::HTTP the head, then the body; nginx a vector of both in one ``writev``).

The general rule: the strings of the calls that write to one descriptor of one process, in order,
are one stream of bytes. A call's strings (every ``iov_base`` of a vector) are joined; the next
call to the same descriptor goes on a request whose head declares more body bytes (its
Content-Length) than it has, up to as many. The lines of the calls are replaced by the lines of
the text they wrote (numbered as the request's first call), which the readers of dumps read as
any request written out; a call whose bytes start no request is left as written (its string may
be read where it is, as an envelope's).
"""

from __future__ import annotations

import re

from .lines import python_literal, split_request_line
from .quoted import DOUBLE_QUOTED
from .raw_requests import lacking

# A traced call that writes bytes: a tracer's prefixes (strace's `[pid  N] ` and time, ltrace's
# `lib.so->`), the call, its descriptor (ltrace's SSL_write: the SSL object's address).
_CALLS = ("writev", "write", "pwrite64", "sendto", "sendmsg", "send", "SSL_write")
_CALL = re.compile(r"(?:\[pid +(?P<pid>\d+)\] +)?(?:\d[\d:.]* +)?(?:[\w.+-]+->)?"
                   rf"(?P<call>{'|'.join(_CALLS)})\((?P<fd>[\w]+), ")
# What a window's text holds where a traced process's calls may be among its lines: a call's name and its
# parenthesis (not the words `write` and `send`, which logs are full of)
MARKS = tuple(f"{call}(" for call in _CALLS)
# a vector's strings (writev, sendmsg): C strings, their quotes escaped
_IOV = re.compile(rf'iov_base="({DOUBLE_QUOTED})"(\.\.\.)?')
# one string and its length (write, send, sendto, SSL_write): to the last quote before the length
# (ltrace does not escape the quotes inside)
_ONE = re.compile(r'"(.*)"(\.\.\.)?, \d+')
_QUOTE = re.compile(r'(?<!\\)((?:\\\\)*)"')
MAX_STREAM_BYTES = 1 << 20  # bytes joined from calls, at most


def _written(text: str) -> tuple[str, bytes, bool] | None:
    """(stream, bytes, whole) of a traced call that writes: the process and descriptor, the bytes
    its strings show, and whether the tracer printed them all (not cut at its ``-s`` with ``...``);
    None for any other line."""
    call = _CALL.match(text)
    if call is None:
        return None
    rest = text[call.end():]
    if call.group("call") in ("writev", "sendmsg"):
        found = _IOV.findall(rest)
    else:
        one = _ONE.match(rest)
        found = [(one.group(1), one.group(2) or "")] if one is not None else []
    data = bytearray()
    for string, _ in found:
        value = python_literal('b"' + _QUOTE.sub(r'\1\\"', string) + '"') if string.isascii() else None
        if not isinstance(value, bytes):
            return None
        data += value
    if not data:
        return None
    return f"{call.group('pid')}/{call.group('fd')}", bytes(data), not any(cut for _, cut in found)


def joined_calls(lines: list[tuple[int, str]], leads: dict[int, int]) -> tuple[list[tuple[int, str]], dict[int, int]]:
    """The lines with the calls that wrote each request (see the module's rule) replaced by the
    lines of the bytes they wrote, each numbered as the request's first call; and the anchored
    lines (``leads``) with an anchor on a later call of a request moved to its first."""
    out: list[tuple[int, str]] = []
    moved = dict(leads)
    written_at: dict[int, bytearray] = {}  # the place in ``out`` of each request's first call -> its bytes
    held: dict[str, tuple[int, int]] = {}  # stream -> (its request's place in ``out``, the bytes it lacks)
    for number, text in lines:
        written = _written(text) if "(" in text else None
        if written is None:
            out.append((number, text))
            continue
        stream, data, whole = written
        index, missing = held.pop(stream, (-1, 0))
        if 0 < len(data) <= missing and whole:  # the request's body, or more of it
            written_at[index] += data
            first = out[index][0]
            if number in moved:
                moved[first] = max(moved.get(first, 0), moved.pop(number))
            if missing > len(data):
                held[stream] = (index, missing - len(data))
        elif split_request_line(data.split(b"\n", 1)[0].rstrip(b"\r").decode("latin-1")) is None:
            out.append((number, text))  # no request's start: as written
        else:
            missing = min(lacking(data), MAX_STREAM_BYTES - len(data)) if whole else 0
            if missing > 0:
                held[stream] = (len(out), missing)
            written_at[len(out)] = bytearray(data)
            out.append((number, ""))
    for index, data in written_at.items():
        out[index] = (out[index][0], _text(data))
    return [(place, line) for place, block in out for line in block.split("\n")], moved


def _text(data: bytes | bytearray) -> str:
    """The text of bytes written, its lines' ends as written (a CR before each LF kept)."""
    return bytes(data).decode("utf-8", "surrogateescape").removesuffix("\n")
