"""A Ctrl-C or SIGTERM that the code it landed in turned into an error.

The interrupt is raised wherever the program is, and some code hands on what it catches as an
error of its own: CPython before 3.12 wraps what a class attribute's ``__set_name__`` raised in a
RuntimeError (``functools.cached_property``'s, as a reader's module loads mid-scan), a library
does ``except BaseException: raise TheirError`` around a callback. Caught by
the scan's "one bad input costs only itself", such an error made the interrupt a file's "internal
error": the run went on, wrote its report and exited 2, not 130 or 143. The error keeps the
interrupt as its cause or context, so it can be found again and raised in the error's place.
"""

from __future__ import annotations

_DEPTH = 16  # causes followed: a chain of wrappings is short, and one may loop


def interrupt_behind(error: BaseException) -> KeyboardInterrupt | None:
    """The interrupt ``error`` was made from (its cause or context, or theirs), or None."""
    behind: list[BaseException] = [error]
    for _ in range(_DEPTH):
        if not behind:
            return None
        seen = behind.pop()
        if isinstance(seen, KeyboardInterrupt):
            return seen
        behind.extend(exc for exc in (seen.__context__, seen.__cause__) if exc is not None)
    return None


def raise_interrupt_behind(error: BaseException) -> None:
    """Raise the interrupt ``error`` was made from, if it was made from one (see the module)."""
    interrupt = interrupt_behind(error)
    if interrupt is not None:
        raise interrupt from None
