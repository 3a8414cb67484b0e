"""Partial records: a log line a container runtime cut into several records, joined again.

A container runtime writes a line longer than its buffer as several records, each with its own
envelope: the CRI log format (containerd, CRI-O: ``<time> <stream> <tag> <text>``) tags every
record but the line's last ``P`` (partial) and the last ``F``; Docker's json-file driver writes
each piece as its own ``{"log":"…","stream":…,"time":…}``, the line's ``\\n`` only at the end of
the last piece's ``log``. A key that straddles a cut is in no record whole, so no rule finds it
as written. The engines report where a partial record ends (:data:`CRI_MARKERS`, the
:data:`DOCKER_PARTIAL` pattern); the decoding layers take those lines and :func:`joined` takes out
the envelope between a partial record and the next, keeping where every byte came from.
"""

from __future__ import annotations

import re

from keyaudit.engine.unwrap import Origin, substitute

# A CRI record tagged partial: its stream and tag, after the time that starts its line.
CRI_MARKERS: tuple[bytes, ...] = (b" stdout P ", b" stderr P ")
# The end of a json-file record whose ``log`` does not end in the line's ``\n``, and the start of
# the next record. The portable engine searches it from its quote (the byte before it, a
# lookbehind); Hyperscan reports its end, and its start is the last ``","stream":"`` before.
_DOCKER_JOINT = rb'","stream":"std(?:out|err)","time":"[^"\n]{0,40}"\}\r?\n\{"log":"'
DOCKER_PARTIAL = rb"(?:[^n\\]|[^\\]n)" + _DOCKER_JOINT
DOCKER_PARTIAL_SEARCH = rb"(?<!\\n)" + _DOCKER_JOINT
DOCKER_OPENER = b'","stream":"'
_DOCKER = re.compile(DOCKER_PARTIAL_SEARCH)
_CRI_PARTIAL = re.compile(rb"[^ \n]{1,40} std(?:out|err) P ")
MAX_RECORDS = 8  # partial records joined into one line at most: a key straddles one cut, a line of 128 kB a few
# How far the records of one line may reach: the runtimes cut a line every 16 KiB, and a record's
# envelope and escapes (json-file's \" and \u0026) make it longer, never twice as long.
RECORDS_REACH = MAX_RECORDS * (32 << 10)


def records_end(buffer: bytes, start: int, stop: int) -> int:
    """Where the run of partial records from the line at ``buffer[start]`` ends, within ``stop``:
    at the end of the record after the last partial one (the record that ends the line)."""
    end = start
    for _ in range(MAX_RECORDS):
        line_end = buffer.find(b"\n", end, stop)
        if line_end < 0:
            return stop
        if not (_CRI_PARTIAL.match(buffer, end) or _DOCKER.search(buffer, end, min(stop, line_end + 10))):
            return line_end
        end = line_end + 1
    return end - 1


# The envelope that starts a CRI record: time, stream, tag (``P`` partial or ``F`` full).
_CRI_ENVELOPE = re.compile(rb"^[^ \n]{1,40} std(?:out|err) ([PF]) ", re.MULTILINE)


def joined(data: bytes) -> tuple[bytes, Origin] | None:
    """``data`` with each partial record joined to the record after it: the text of CRI records
    without their envelopes, the line break after a ``P`` record taken out; a json-file record's
    end and the next one's start taken out after a ``log`` without its ``\\n``. None where no
    record in it is partial. Once joined, no envelope is left to join again."""
    cri = _cri_text(data)
    text, origin = cri if cri is not None else (data, None)
    docker = substitute(text, _DOCKER, lambda match: b"")
    if docker is None:
        return cri
    if origin is None:
        return docker
    return docker[0], [origin[index] for index in docker[1]]


def _cri_text(data: bytes) -> tuple[bytes, Origin] | None:
    """The text of the CRI records in ``data``, their envelopes out, a partial one's line break
    out; None where none is partial."""
    cuts: list[tuple[int, int]] = []
    partial = False
    for envelope in _CRI_ENVELOPE.finditer(data):
        cuts.append(envelope.span())
        end = data.find(b"\n", envelope.end()) if envelope[1] == b"P" else -1
        if end >= 0:
            partial = True
            cuts.append((end - (data[end - 1 : end] == b"\r"), end + 1))
    if not partial:
        return None
    pieces: list[bytes] = []
    origin: list[int] = []
    position = 0
    for start, end in cuts:
        pieces.append(data[position:start])
        origin.extend(range(position, start))
        position = end
    pieces.append(data[position:])
    origin.extend(range(position, len(data) + 1))
    return b"".join(pieces), origin
