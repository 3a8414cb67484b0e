"""A dump's start line is found in one pass over a line, however the line is made: a start tried at each place a
method could begin, each try reading the rest of the line (a run of capitals, each a method's last letters; a line
of methods and URLs; a line of `name: value` fields, each a head's first header), costs the line's length squared
(24 KB of them: up to 4 s a line, for a tesla, a proxy-head or a proxy-head-escaped start)."""

from __future__ import annotations

import time

import pytest

from keyaudit.inputs.captures.dump_table import shapes

SIZE = 24_000
LINES = (lambda needle: "A" * SIZE + " https://" + "x" * SIZE + " " + needle,
         lambda needle: "POST https://x.io/a " * (SIZE // 20) + needle,
         lambda needle: ("POST https://x.io/a x" + needle) * (SIZE // (21 + len(needle))),
         lambda needle: "POST https://x.io/a " + "a: b " * (SIZE // 5) + needle + "x",
         lambda needle: "POST https://x.io/a " + "[a: b " * (SIZE // 6) + needle + "x")


@pytest.mark.parametrize("shape", shapes(), ids=lambda shape: shape.capture)
def test_no_start_line_is_read_again_from_each_place_a_method_could_begin(shape: object) -> None:
    search = shape.start.search  # type: ignore[attr-defined]
    lines = [line(shape.needle) for line in LINES]  # type: ignore[attr-defined]
    started = time.process_time()
    for line in lines:
        search(line)
    assert time.process_time() - started < 0.1, shape.capture  # type: ignore[attr-defined]
