"""The exit code of a scan, decided in one place (DESIGN.md's contract).

``0`` nothing at or above the failing severity, ``1`` findings at or above it, ``2`` usage,
configuration or rule error — and an input that could not be read, with ``--strict``, or when no
input could be read at all: "0 findings" from a scan that read nothing (paths a remote worker
cannot see, a store without credentials) must not pass for a clean result. ``130`` a run ended by
Ctrl-C (the shells' 128 + SIGINT), which wrote no report: neither clean nor findings; ``143`` a run
ended by SIGTERM (128 + 15: ``kill``, ``timeout``, a container's stop), which wrote none either.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator

from keyaudit.model.vocabulary import severity_rank

if TYPE_CHECKING:  # a hook's start-up pays for every module imported; these are only annotations
    from keyaudit.model.findings import Finding
    from keyaudit.model.result import ScanResult

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


def failing(findings: "Iterable[Finding]", fail_on: str) -> "Iterator[Finding]":
    """The findings at or above ``fail_on``, as they come (the exit code needs only the first)."""
    threshold = severity_rank(fail_on)
    return (f for f in findings if severity_rank(f.severity) >= threshold)


def every_input_failed(result: "ScanResult") -> bool:
    """Inputs failed and not one file was scanned (files restored from ``--state`` count as scanned)."""
    return bool(result.errors) and result.files_scanned == 0


def scan_exit_code(result: "ScanResult", fail_on: str, strict: bool) -> int:
    """What ``keyaudit scan`` exits with for this result."""
    if result.errors and (strict or every_input_failed(result)):
        return EXIT_ERROR
    return EXIT_FINDINGS if any(failing(result.findings, fail_on)) else EXIT_CLEAN
