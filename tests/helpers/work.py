"""The work a reader does, counted rather than timed (a loaded machine times nothing well): the
lines of a module run, or what a function is given to read, while the reader runs."""

from __future__ import annotations

import sys
from types import FrameType, ModuleType
from typing import Any, Callable


def lines_run(read: Callable[[], object], module: ModuleType) -> int:
    """How many lines of ``module`` run while ``read`` runs: the work of its Python loops."""
    steps = 0

    def count(frame: FrameType, event: str, _: object) -> Any:
        nonlocal steps
        if frame.f_code.co_filename != module.__file__:
            return None
        steps += event == "line"
        return count

    _traced(read, count)
    return steps


def given_to(read: Callable[[], object], function: Callable[..., object], argument: str) -> int:
    """The length of ``argument`` summed over the calls of ``function`` (a Python function) while
    ``read`` runs: what it was given to read."""
    given = 0

    def count(frame: FrameType, event: str, _: object) -> None:
        nonlocal given
        if event == "call" and frame.f_code is function.__code__:  # type: ignore[attr-defined]
            given += len(frame.f_locals[argument])

    _traced(read, count)
    return given


def _traced(read: Callable[[], object], tracer: Callable[[FrameType, str, object], Any]) -> None:
    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        read()
    finally:
        sys.settrace(previous)
