"""keyaudit: find leaked and misused payment-API credentials in logs, code and HTTP captures.

From Python: ``keyaudit.scan(targets, **options)``, ``keyaudit.scan_text(text, name=…)`` and
``keyaudit.scan_bytes(data, name=…)``, each returning a :class:`ScanResult` (see
:mod:`keyaudit.api` and the README's "Python API" section).

Those names are loaded from :mod:`keyaudit.api` when first used, not here: the command line
imports this package first, and a pre-commit hook pays for every import at every commit, so
``import keyaudit`` loads nothing but this file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["scan", "scan_text", "scan_bytes", "ScanOptions", "ContentOptions", "ScanResult", "Finding", "Location",
           "ScanError", "SetupError", "OptionError", "__version__"]

if TYPE_CHECKING:  # what the names are, for type checkers and editors; loaded lazily below
    from keyaudit.api import (ContentOptions, Finding, Location, OptionError, ScanError, ScanOptions, ScanResult,
                              SetupError, scan, scan_bytes, scan_text)


def __getattr__(name: str) -> Any:
    """The API's names, loaded on first use (PEP 562) and kept here from then on."""
    if name not in __all__:
        raise AttributeError(f"module 'keyaudit' has no attribute {name!r}")
    from keyaudit import api

    value = getattr(api, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
