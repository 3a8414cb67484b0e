"""Option values checked the same wherever they are given — command line, configuration file,
environment variable, Python API — so that none of them lets through what another refuses."""

from __future__ import annotations

import math
from typing import Any


def scheduler_problem(address: str) -> str | None:
    """What is wrong with a scheduler address, or None: ``local:N`` needs a whole N >= 1 (a
    cluster of 0 workers took the units and never ran them: the scan waited for ever)."""
    if not address:
        return "is empty"
    if address.startswith("local:"):
        workers = address.removeprefix("local:") or "1"  # as the cluster reads it: local: is one worker
        if not workers.isdigit() or int(workers) < 1:
            return f"{address!r}: local:N needs a whole number of workers >= 1"
    return None


def is_seconds(value: Any) -> bool:
    """Whether ``value`` is a finite number of seconds above 0. Not nan: every comparison with it
    is false, so it passed a ``> 0`` check and then turned off the guard it set (a rule's time,
    with a backtracking rule then running for ever); not inf either, which does the same."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value > 0
