"""The one function that maps a scan's result to ``keyaudit scan``'s exit code."""

from __future__ import annotations

import pytest

from keyaudit.cli.exit_codes import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, failing, scan_exit_code
from keyaudit.model.findings import Finding, Location
from keyaudit.model.result import Counts, ScanError, ScanResult


def finding(severity: str) -> Finding:
    return Finding(rule_id="r", category="plaintext-http", severity=severity, confidence="high", provider="iugu",
                   title="t", message="m", location=Location("a.log", 1, 1, 1, 2), secret=None)


def result(*severities: str, errors: int = 0, scanned: int = 1) -> ScanResult:
    return ScanResult(findings=[finding(s) for s in severities],
                      errors=[ScanError(f"bad{i}.gz", "damaged") for i in range(errors)],
                      counts=Counts(files_scanned=scanned))


@pytest.mark.parametrize(("severities", "fail_on", "code"), [
    ((), "low", EXIT_CLEAN),
    (("info",), "low", EXIT_CLEAN),
    (("low",), "low", EXIT_FINDINGS),
    (("high", "medium"), "critical", EXIT_CLEAN),
    (("high", "critical"), "critical", EXIT_FINDINGS),
    (("info",), "info", EXIT_FINDINGS),
])
def test_findings_at_or_above_the_threshold_fail(severities: tuple[str, ...], fail_on: str, code: int) -> None:
    assert scan_exit_code(result(*severities), fail_on, strict=False) == code


def test_unreadable_inputs_beside_scanned_ones_fail_only_when_strict() -> None:
    assert scan_exit_code(result(errors=1), "low", strict=False) == EXIT_CLEAN
    assert scan_exit_code(result("critical", errors=1), "low", strict=False) == EXIT_FINDINGS
    assert scan_exit_code(result(errors=1), "low", strict=True) == EXIT_ERROR
    assert scan_exit_code(result("critical", errors=1), "low", strict=True) == EXIT_ERROR
    assert scan_exit_code(result("critical"), "low", strict=True) == EXIT_FINDINGS


def test_a_scan_in_which_every_input_failed_is_an_error_even_without_strict() -> None:
    assert scan_exit_code(result(errors=8, scanned=0), "low", strict=False) == EXIT_ERROR
    assert scan_exit_code(result(errors=8, scanned=0), "low", strict=True) == EXIT_ERROR
    assert scan_exit_code(result("critical", errors=1, scanned=0), "low", strict=False) == EXIT_ERROR


def test_a_scan_with_nothing_to_read_is_clean() -> None:
    assert scan_exit_code(result(scanned=0), "low", strict=False) == EXIT_CLEAN  # an empty folder
    assert scan_exit_code(result(scanned=0), "low", strict=True) == EXIT_CLEAN


def test_failing_names_the_findings_that_block() -> None:
    findings = result("low", "high", "medium", "critical").findings
    assert [f.severity for f in failing(findings, "high")] == ["high", "critical"]
