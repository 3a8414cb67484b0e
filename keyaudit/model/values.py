"""How big a parsed YAML document is once its aliases are followed.

An alias is a reference to a value parsed once, so aliases of aliases (a "billion laughs": nine
levels of nine make 9**9 values from 300 bytes) parse at once and are endless to walk. Whoever
walks a document parsed from input checks it first, stopping as soon as the bound is passed."""

from __future__ import annotations

from typing import Any


def within(document: Any, limit: int) -> bool:
    """Whether walking ``document`` (dicts' values, lists' items) meets at most ``limit`` values,
    an aliased value counted each time it is used; a cycle is met over and over, so it is not."""
    pending: list[Any] = [document]
    seen = 0
    while pending:
        value = pending.pop()
        seen += 1
        if seen > limit:
            return False
        if isinstance(value, dict):
            pending += value.values()
        elif isinstance(value, list):
            pending += value
    return True
