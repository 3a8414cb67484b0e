"""JSON Lines: one finding object per line, the same shape as in the JSON report.

Log shippers (Filebeat, Vector, Fluent Bit) read one event per line and need nothing else.
"""

from __future__ import annotations

from typing import Iterator

from keyaudit.model.result import ScanResult
from keyaudit.report.json import dumps, finding_dicts
from keyaudit.report.options import ReportOptions


def render(result: ScanResult, options: ReportOptions) -> Iterator[str]:
    return (dumps(finding, compact=True) + "\n" for finding in finding_dicts(result, options))
