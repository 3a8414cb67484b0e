"""Reading on over continued lines (:meth:`MarkedLine.read_on`) walks each line once, however many markers are on
the lines: a curl command of 10^5 ``-H … \\`` lines, a marker a line, read 57 lines ahead from each marker
(45 KB/s). Where each marker's reading ends is what reading on from it alone gives."""

from __future__ import annotations

import random

from keyaudit.engine.encodings import DecodeAnchors
from keyaudit.engine.join_calls import goes_on
from keyaudit.engine.line_memo import LineMemo
from keyaudit.engine.marked_line import MarkedLine, written

REACH = 1 << 10


def alone(buffer: bytes, position: int, stop: int, high: int, reach: int) -> int:
    """Where reading on from one marker ends, walked line by line from it: what each marker must get."""
    lines, spent = LineMemo(buffer), written(buffer, position, stop)
    while stop + 1 < high and goes_on(buffer, stop) and spent < reach:
        end = lines.bounds(stop + 1)[1]
        spent, stop = spent + written(buffer, stop, end), end
    return min(stop, high)


def marked(buffer: bytes) -> MarkedLine:
    return MarkedLine(DecodeAnchors((), ()), buffer)  # reading on asks no keyword


def test_markers_on_continued_lines_walk_each_line_once() -> None:
    buffer = b"curl -X POST https://api.asaas.com/v3/transfers \\\n" + b"".join(
        b"  -H 'X-H%d: v' \\\n" % index for index in range(5_000)) + b"  -d '{}'\n"
    asked: list[int] = []

    def counted(data: bytes, end: int) -> bool:
        asked.append(end)
        return goes_on(data, end)

    line, lines = marked(buffer), LineMemo(buffer)
    for position in range(0, len(buffer), 40):  # a marker every 40 bytes, in order, as the engine reports them
        stop = lines.bounds(position)[1]
        assert line.read_on(position, stop, len(buffer), counted, REACH) == alone(buffer, position, stop,
                                                                                  len(buffer), REACH)
    assert len(asked) == len(set(asked)) <= buffer.count(b"\n")  # each line end asked once at most


def test_reading_on_ends_where_each_marker_alone_ends() -> None:
    pieces = [b'"ab" +', b"x \\", b"  -H 'a: b' \\", b"plain", b"", b"'a', ", b'"k" + "v"', b"   \\\r"]
    rng = random.Random(54)
    for _ in range(400):
        buffer = b"\n".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        line, lines, reach = marked(buffer), LineMemo(buffer), rng.choice([3, 10, 40, REACH])
        for position in sorted(rng.sample(range(len(buffer) + 1), min(len(buffer) + 1, 8))):
            stop = lines.bounds(position)[1] if position < len(buffer) else len(buffer)
            high = min(len(buffer), position + rng.choice([5, 30, 1000]))
            stop = min(stop, high)
            assert line.read_on(position, stop, high, goes_on, reach) == alone(buffer, position, stop, high, reach), (
                buffer, position, stop, high, reach)
