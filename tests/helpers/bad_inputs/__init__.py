"""The hostile-input matrix: each bad input is data — how to make it, what the scan must say.

One module per area (``damaged.py``, ``names.py``, …) lists its ``CASES``; the matrix test
(``tests/e2e/test_bad_input_matrix.py``) runs every case alone and all of them mixed in one
folder, each beside one good file whose key must still be found. The rule they all test: one bad
input costs at most that input — never the report, never another file's findings — and is named.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable


@dataclass(frozen=True)
class BadInput:
    """One hostile input.

    ``make(folder)`` writes it into ``folder`` and returns the path a report names it by (relative
    to the folder); ``error`` is a piece of the one ``keyaudit: error:`` line that must name it, or
    None where the input must be read without complaint (a NUL gap, UTF-16); ``findings`` is how
    many findings its intact parts must still give; ``runs_here`` says whether this machine and
    user can make it; ``unprivileged`` that the scan must run as a user permissions apply to (a
    chmod 000 folder means nothing to root).
    """

    name: str
    make: Callable[[Path], str]
    error: str | None
    findings: int = 0
    runs_here: Callable[[], bool] = field(default=lambda: True)
    unprivileged: bool = False


def every_case() -> list[BadInput]:
    """The cases of every module in this package, in module order."""
    cases: list[BadInput] = []
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        cases.extend(importlib.import_module(f"{__name__}.{module.name}").CASES)
    return cases
