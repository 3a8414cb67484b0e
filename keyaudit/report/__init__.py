"""Reporters: each turns a :class:`~keyaudit.scan.ScanResult` into one output format.

A reporter reads findings and never sees a raw secret unless the user passed
``--show-secrets``; they are registered by name so that a new format is one module.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from keyaudit.scan import ScanResult


@dataclass(frozen=True)
class ReportOptions:
    """What the user asked for that changes how findings are shown, not which."""

    show_secrets: bool = False
    group_by: str = "file"
    color: bool = False
    digest_key: bytes | None = None


Reporter = Callable[["ScanResult", ReportOptions], str]


def reporter(name: str) -> Reporter:
    """The reporter for a ``--format`` name (imported lazily: the text view needs rich)."""
    if name == "json":
        from keyaudit.report.json import render
    elif name == "jsonl":
        from keyaudit.report.jsonl import render
    elif name == "sarif":
        from keyaudit.report.sarif import render
    elif name == "text":
        from keyaudit.report.text import render
    elif name == "ecs":
        from keyaudit.report.ecs import render
    else:
        raise ValueError(f"unknown format {name!r}")
    return render


FORMATS: tuple[str, ...] = ("text", "json", "jsonl", "sarif", "ecs")
