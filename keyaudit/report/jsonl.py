"""JSON Lines: one finding object per line, the same shape as in the JSON report, with the tool and
the run (``scan``: id, host, start) it comes from.

Log shippers (Filebeat, Vector, Fluent Bit) read one event per line and need nothing else: each
line says which run of which version on which host found it, so lines from many hosts and nights
can be grouped again in a SIEM.
"""

from __future__ import annotations

from typing import Any, Iterator

from keyaudit.model.findings import Finding
from keyaudit.model.result import ScanResult
from keyaudit.report.json import dumps, host_name, scan_identity, tool_block
from keyaudit.report.options import ReportOptions


def line(finding: Finding, options: ReportOptions, run: dict[str, Any]) -> str:
    """One finding's line: its JSON-report object, then ``tool`` and ``scan`` from ``run``."""
    document = {**finding.to_dict(show_secrets=options.show_secrets, digest_key=options.digest_key), **run}
    return dumps(document, compact=True) + "\n"


def render(result: ScanResult, options: ReportOptions) -> Iterator[str]:
    run = {"tool": tool_block(result), "scan": scan_identity(result, host_name())}
    return (line(finding, options, run) for finding in result.findings)
