"""The exit code of a scan, decided in one place (DESIGN.md's contract).

``0`` nothing at or above the failing severity, ``1`` findings at or above it, ``2`` usage,
configuration or rule error — and, with ``--strict``, an input that could not be read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from keyaudit.model.vocabulary import severity_rank

if TYPE_CHECKING:  # a hook's start-up pays for every module imported; these are only annotations
    from keyaudit.model.findings import Finding
    from keyaudit.model.result import ScanResult

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def failing(findings: "list[Finding]", fail_on: str) -> "list[Finding]":
    """The findings at or above ``fail_on``."""
    threshold = severity_rank(fail_on)
    return [f for f in findings if severity_rank(f.severity) >= threshold]


def scan_exit_code(result: "ScanResult", fail_on: str, strict: bool) -> int:
    """What ``keyaudit scan`` exits with for this result."""
    if strict and result.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if failing(result.findings, fail_on) else EXIT_CLEAN
